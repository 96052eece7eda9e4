/* SPDX-License-Identifier: Apache-2.0 */
/* LMR key messages after the root key, through the shims (client/lmrkey.h,
 * client.h rk_client_lmr_receive, iwf.h rk_iwf_p25_message / _tetra_message /
 * TEK lists): every refusal of issue 8 with its status, the result zeroed and
 * the store unchanged on each; replay state kept per root key and source and
 * persisted (sealed store, version 2; version 1 files still read). */
#include <sodium.h>
#include <stdlib.h>
#include <unistd.h>
#include "rk_test.h"
#include "client/client.h"
#include "client/keystore.h"
#include "client/lmrkey.h"
#include "common/atomic.h"
#include "iwf/iwf.h"
#include "rootkey/kw.h"
#ifndef RK_NO_ORACLES
#include <openssl/evp.h>

/* AES-KW (pad 0) / AES-KWP (pad 1) from OpenSSL, default IVs. */
static int ossl_kw(int pad, const uint8_t *kek, size_t kl, const uint8_t *in, size_t n, uint8_t *out)
{
    EVP_CIPHER_CTX *e = EVP_CIPHER_CTX_new();
    const EVP_CIPHER *c = pad ? (kl == 16 ? EVP_aes_128_wrap_pad() : EVP_aes_256_wrap_pad())
                              : (kl == 16 ? EVP_aes_128_wrap() : EVP_aes_256_wrap());
    int l = -1, l2 = 0;
    if (EVP_EncryptInit_ex(e, c, NULL, kek, NULL) == 1 && EVP_EncryptUpdate(e, out, &l, in, (int)n) == 1 &&
        EVP_EncryptFinal_ex(e, out + l, &l2) == 1)
        l += l2;
    else
        l = -1;
    EVP_CIPHER_CTX_free(e);
    return l;
}
#endif

#define NOW 1764300000
#define UK_CSB 0x11111111u
#define KEK_CSB 0x22222222u

static const uint8_t UKEK[32] = {
    0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf,
    0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf};
static const uint8_t OLD_UKEK[32] = {
    0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f,
    0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf};
static const uint8_t KEK[16] = {0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7,
                                0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf};

static void p25_block(rk_lmr_block *b, const uint8_t *ukek, uint32_t rsi, uint16_t kid)
{
    memset(b, 0, sizeof *b);
    b->lmr_type = RK_LMR_P25;
    b->wacn = 0xBEE00; b->system_id = 0x3A1; b->unit_id = rsi;
    b->algid = RK_P25_ALGID_AES256; b->key_id = kid; b->keyset_id = 255;
    b->key_len = 32;
    memcpy(b->key, ukek, 32);
}

static void tetra_block(rk_lmr_block *b, const uint8_t *kek)
{
    memset(b, 0, sizeof *b);
    b->lmr_type = RK_LMR_TETRA;
    b->mcc = 901; b->mnc = 16383; b->issi = 7; b->has_key_number = 1; b->key_number = 1;
    b->key_len = 16;
    memcpy(b->key, kek, 16);
}

static void entry_of(rk_ks_entry *e, const rk_lmr_block *b, uint32_t csb, uint64_t wrap_time)
{
    memset(e, 0, sizeof *e);
    e->key_id = csb;
    e->lmr_type = b->lmr_type;
    e->key_len = b->key_len;
    memcpy(e->key, b->key, b->key_len);
    e->wrap_time = wrap_time;
    e->key_period = 1532;
    rk_lmrkey_meta_set(e, b);
}

/* The client's store: one P25 root key (RSI 1234567, key ID F1A2) and one TETRA KEK. */
static rk_keystore *store(void)
{
    rk_keystore *ks = rk_keystore_new(8);
    rk_lmr_block b;
    rk_ks_entry e;
    if (!ks) return NULL;
    p25_block(&b, UKEK, 1234567, 0xF1A2);
    entry_of(&e, &b, UK_CSB, 3968437672u);
    if (rk_keystore_put(ks, &e) != RK_OK) return NULL;
    tetra_block(&b, KEK);
    entry_of(&e, &b, KEK_CSB, 3968437672u);
    if (rk_keystore_put(ks, &e) != RK_OK) return NULL;
    return ks;
}

static void teks2(rk_p25_tek *t)
{
    memset(t, 0, 2 * sizeof *t);
    for (int i = 0; i < 2; i++) {
        t[i].key_len = 32; t[i].algid = RK_P25_ALGID_AES256; t[i].keyset_id = 1;
        t[i].key_id = (uint16_t)(0x0101 + i); t[i].sln = (uint16_t)(0x0001 + i);
        memset(t[i].key, 0x55 + i, 32);
    }
}

/* A Modify Key Command in transport form for the store's P25 user. */
static size_t p25_msg(uint8_t *out, size_t cap, const uint8_t *ukek, uint32_t rsi, uint16_t kid,
                      uint32_t src, uint16_t mn, uint8_t mac)
{
    rk_lmr_block b;
    rk_p25_tek t[2];
    size_t n = 0;
    p25_block(&b, ukek, rsi, kid);
    teks2(t);
    if (rk_iwf_p25_message(&b, t, 2, src, mn, mac, out, cap, &n) != RK_OK) return 0;
    return n;
}

/* Receive through the store; on refusal the result must be all zero and
 * every entry of the store unchanged. */
static rk_status recv_checked(rk_keystore *ks, const uint8_t *m, size_t ml, uint32_t rkid,
                              int64_t now, rk_lmrkey_result *r)
{
    rk_ks_entry before[8], after[8];
    size_t n = rk_keystore_count(ks);
    for (size_t i = 0; i < n; i++) CHECK_EQ(rk_keystore_get_at(ks, i, &before[i]), RK_OK);
    memset(r, 0xEE, sizeof *r);
    rk_status st = rk_client_lmr_receive(ks, m, ml, rkid, now, r);
    if (st != RK_OK) {
        CHECK_ZERO(r, sizeof *r);
        CHECK_EQ(rk_keystore_count(ks), n);
        for (size_t i = 0; i < n; i++) {
            CHECK_EQ(rk_keystore_get_at(ks, i, &after[i]), RK_OK);
            CHECK_MEM(&after[i], &before[i], sizeof after[i]);
        }
    }
    sodium_memzero(before, sizeof before);
    sodium_memzero(after, sizeof after);
    return st;
}

static void p25_accept_and_replay(void)
{
    rk_keystore *ks = store();
    rk_lmrkey_result *r = sodium_malloc(sizeof *r);
    uint8_t m[512];
    rk_p25_tek want[2];
    CHECK(ks && r);
    if (!ks || !r) return;
    teks2(want);
    size_t ml = p25_msg(m, sizeof m, UKEK, 1234567, 0xF1A2, 9999999, 5, RK_P25_MAC_FORMAT_CMAC);
    CHECK(ml > 0);
    CHECK_EQ(m[0], RK_LMR_P25);
    CHECK_EQ(recv_checked(ks, m, ml, 0, NOW, r), RK_OK);
    CHECK_EQ(r->lmr_type, RK_LMR_P25);
    CHECK_EQ(r->root_key_id, UK_CSB);
    CHECK_EQ(r->src_rsi, 9999999);
    CHECK_EQ(r->dst_rsi, 1234567);
    CHECK_EQ(r->mn, 5);
    CHECK_EQ(r->n_teks, 2);
    for (int i = 0; i < 2; i++) {
        CHECK_EQ(r->teks[i].key_id, want[i].key_id);
        CHECK_EQ(r->teks[i].sln, want[i].sln);
        CHECK_EQ(r->teks[i].algid, RK_P25_ALGID_AES256);
        CHECK_EQ(r->teks[i].keyset_id, 1);
        CHECK_EQ(r->teks[i].key_len, 32);
        CHECK_MEM(r->teks[i].key, want[i].key, 32);
    }
    /* the replay state is stored with the root key */
    rk_ks_entry e;
    CHECK_EQ(rk_keystore_get(ks, UK_CSB, &e), RK_OK);
    CHECK_EQ(e.replay[0].used, 1);
    CHECK_EQ(e.replay[0].src_rsi, 9999999);
    CHECK_EQ(e.replay[0].last_mn, 5);
    CHECK_EQ(e.replay[0].last_time, NOW);
    /* the same message again, an older and an equal number: replays */
    CHECK_EQ(recv_checked(ks, m, ml, 0, NOW + 1, r), RK_ERR_P25_REPLAY);
    ml = p25_msg(m, sizeof m, UKEK, 1234567, 0xF1A2, 9999999, 4, RK_P25_MAC_FORMAT_CMAC);
    CHECK_EQ(recv_checked(ks, m, ml, 0, NOW + 1, r), RK_ERR_P25_REPLAY);
    /* a newer one, CBC-MAC form */
    ml = p25_msg(m, sizeof m, UKEK, 1234567, 0xF1A2, 9999999, 6, RK_P25_MAC_FORMAT_CBC);
    CHECK_EQ(recv_checked(ks, m, ml, 0, NOW + 2, r), RK_OK);
    CHECK_EQ(r->mn, 6);
    /* another source has its own counter */
    ml = p25_msg(m, sizeof m, UKEK, 1234567, 0xF1A2, 42, 1, RK_P25_MAC_FORMAT_CMAC);
    CHECK_EQ(recv_checked(ks, m, ml, 0, NOW + 3, r), RK_OK);
    sodium_memzero(&e, sizeof e);
    sodium_free(r);
    rk_keystore_free(ks);
}

/* The replay state survives a restart: sealed, loaded, still refused. */
static void p25_replay_persisted(void)
{
    rk_keystore *ks = store(), *back = rk_keystore_new(8);
    rk_lmrkey_result *r = sodium_malloc(sizeof *r);
    uint8_t m[512], sk[32];
    char path[256];
    const char *d = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/rk_lmr_%d.store", d ? d : "/tmp", (int)getpid());
    CHECK(ks && back && r);
    if (!ks || !back || !r) return;
    memset(sk, 0x3c, sizeof sk);
    size_t ml = p25_msg(m, sizeof m, UKEK, 1234567, 0xF1A2, 9999999, 9, RK_P25_MAC_FORMAT_CMAC);
    CHECK_EQ(recv_checked(ks, m, ml, 0, NOW, r), RK_OK);
    CHECK_EQ(rk_keystore_save(ks, path, sk), RK_OK);
    CHECK_EQ(rk_keystore_load(back, path, sk), RK_OK);
    CHECK_EQ(recv_checked(back, m, ml, 0, NOW, r), RK_ERR_P25_REPLAY);
    ml = p25_msg(m, sizeof m, UKEK, 1234567, 0xF1A2, 9999999, 10, RK_P25_MAC_FORMAT_CMAC);
    CHECK_EQ(recv_checked(back, m, ml, 0, NOW, r), RK_OK);
    unlink(path);
    sodium_free(r);
    rk_keystore_free(ks);
    rk_keystore_free(back);
}

/* A version 1 store file (session 1: no replay slots) still loads, slots empty. */
static void store_v1_compat(void)
{
    enum { E1 = 4 + 1 + 1 + 32 + 32 + 1 + 96 };
    uint8_t pt[E1], file[12 + 24 + E1 + 16], sk[32];
    char path[256];
    const char *d = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/rk_lmr_v1_%d.store", d ? d : "/tmp", (int)getpid());
    memset(sk, 0x5a, sizeof sk);
    memset(pt, 0, sizeof pt);
    pt[0] = 0x12; pt[1] = 0x34; pt[2] = 0x56; pt[3] = 0x78;
    pt[4] = RK_LMR_P25; pt[5] = 32;
    memset(pt + 6, 0x77, 32);
    pt[70] = 12;
    memcpy(file, "RKKS\x01\0\0\0\0\0\0\x01", 12);
    randombytes_buf(file + 12, 24);
    unsigned long long cl = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(file + 36, &cl, pt, E1, file, 12, NULL, file + 12, sk);
    CHECK_EQ(cl, E1 + 16);
    CHECK_EQ(rk_file_write_atomic(path, file, sizeof file, 0600), RK_OK);
    rk_keystore *ks = rk_keystore_new(4);
    rk_ks_entry e;
    CHECK(ks != NULL);
    if (!ks) return;
    CHECK_EQ(rk_keystore_load(ks, path, sk), RK_OK);
    CHECK_EQ(rk_keystore_get(ks, 0x12345678, &e), RK_OK);
    CHECK_EQ(e.key_len, 32);
    CHECK_EQ(e.key[31], 0x77);
    CHECK_EQ(e.meta_len, 12);
    uint8_t zero[sizeof e.replay];
    memset(zero, 0, sizeof zero);
    CHECK_MEM(e.replay, zero, sizeof zero);
    /* saved again: version 2 */
    CHECK_EQ(rk_keystore_save(ks, path, sk), RK_OK);
    size_t fl = 0;
    uint8_t f2[4096];
    CHECK_EQ(rk_file_read(path, f2, sizeof f2, &fl), RK_OK);
    CHECK_EQ(f2[4], 2);
    unlink(path);
    rk_keystore_free(ks);
}

/* Every refusal of issue 8, each with its status. */
static void p25_negatives(void)
{
    rk_keystore *ks = store();
    rk_lmrkey_result *r = sodium_malloc(sizeof *r);
    uint8_t m[512], f[512];
    size_t ml, fl;
    CHECK(ks && r);
    if (!ks || !r) return;
    static const struct { const char *name; uint32_t rsi; uint16_t kid; const uint8_t *k; rk_status want; } C[] = {
        {"wrong destination RSI", 7654321, 0xF1A2, UKEK, RK_ERR_P25_DESTINATION},
        {"unknown key ID", 1234567, 0xF1A3, UKEK, RK_ERR_P25_KEY_ID},
        {"MAC under an older root key", 1234567, 0xF1A2, OLD_UKEK, RK_ERR_P25_MAC},
    };
    for (size_t i = 0; i < sizeof C / sizeof *C; i++) {
        CASE_BEGIN("%s", C[i].name);
        ml = p25_msg(m, sizeof m, C[i].k, C[i].rsi, C[i].kid, 9999999, 1, RK_P25_MAC_FORMAT_CMAC);
        CHECK(ml > 0);
        CHECK_EQ(recv_checked(ks, m, ml, 0, NOW, r), C[i].want);
        CASE_END();
    }
    /* wrapped keys tampered with under a valid MAC; a TEK wrapped under an
     * older root key with the MAC recomputed under the current one */
    CASE_BEGIN("tampered wrapped key, valid MAC");
    ml = p25_msg(m, sizeof m, UKEK, 1234567, 0xF1A2, 9999999, 1, RK_P25_MAC_FORMAT_CMAC);
    m[ml - 13 - 3] ^= 0x01;                  /* in the last item's key data */
    CHECK_EQ(rk_p25_mac_apply(UKEK, 32, m + 1, ml - 1), RK_OK);
    CHECK_EQ(recv_checked(ks, m, ml, 0, NOW, r), RK_ERR_P25_TEK_ICV);
    CASE_END();
    CASE_BEGIN("TEK wrapped under an older root key, MAC under the current");
    ml = p25_msg(m, sizeof m, OLD_UKEK, 1234567, 0xF1A2, 9999999, 1, RK_P25_MAC_FORMAT_CMAC);
    CHECK_EQ(rk_p25_mac_apply(UKEK, 32, m + 1, ml - 1), RK_OK);
    CHECK_EQ(recv_checked(ks, m, ml, 0, NOW, r), RK_ERR_P25_TEK_ICV);
    CASE_END();
    /* wrong ALGIDs with a valid MAC: TEK ALGID (DES-OFB), UKEK ALGID (AES-128 named) */
    static const struct { const char *name; uint8_t kek_algid, ks_algid, klen; rk_status want; } A[] = {
        {"TEK ALGID 0x81 (DES-OFB)", 0x84, 0x81, 16, RK_ERR_P25_ALGID},
        {"TEK ALGID 0x80 (clear)", 0x84, 0x80, 40, RK_ERR_P25_ALGID},
        {"UKEK ALGID 0x85 for a 32-octet root key", 0x85, 0x84, 40, RK_ERR_P25_KEK_ALGID},
    };
    for (size_t i = 0; i < sizeof A / sizeof *A; i++) {
        CASE_BEGIN("%s", A[i].name);
        rk_p25_mk_params p;
        rk_p25_item_in it;
        uint8_t data[40];
        memset(&p, 0, sizeof p);
        memset(data, 0x3d, sizeof data);
        p.dst_rsi = 1234567; p.src_rsi = 9999999; p.mn = 1; p.has_mn = 1;
        p.mac_format = RK_P25_MAC_FORMAT_CMAC; p.kek_algid = A[i].kek_algid; p.kek_key_id = 0xF1A2;
        p.keyset_id = 1; p.keyset_algid = A[i].ks_algid; p.key_len = A[i].klen;
        it.data = data; it.sln = 1; it.key_id = 2; it.key_format = 0;
        CHECK_EQ(rk_p25_mk_encode(&p, &it, 1, f + 1, sizeof f - 1, &fl), RK_OK);
        CHECK_EQ(rk_p25_mac_apply(UKEK, 32, f + 1, fl), RK_OK);
        f[0] = RK_LMR_P25;
        CHECK_EQ(recv_checked(ks, f, fl + 1, 0, NOW, r), A[i].want);
        CASE_END();
    }
    CASE_BEGIN("no MAC");
    {
        rk_p25_mk_params p;
        rk_p25_item_in it;
        uint8_t data[40];
        memset(&p, 0, sizeof p);
        memset(data, 0x3d, sizeof data);
        p.dst_rsi = 1234567; p.src_rsi = 9999999; p.mn = 1; p.has_mn = 1; p.mac_format = 0;
        p.kek_algid = 0x84; p.kek_key_id = 0xF1A2; p.keyset_id = 1; p.keyset_algid = 0x84; p.key_len = 40;
        it.data = data; it.sln = 1; it.key_id = 2; it.key_format = 0;
        CHECK_EQ(rk_p25_mk_encode(&p, &it, 1, f + 1, sizeof f - 1, &fl), RK_OK);
        f[0] = RK_LMR_P25;
        CHECK_EQ(recv_checked(ks, f, fl + 1, 0, NOW, r), RK_ERR_P25_NO_MAC);
    }
    CASE_END();
    /* transport */
    CASE_BEGIN("transport form");
    ml = p25_msg(m, sizeof m, UKEK, 1234567, 0xF1A2, 9999999, 1, RK_P25_MAC_FORMAT_CMAC);
    CHECK_EQ(recv_checked(ks, m, 0, 0, NOW, r), RK_ERR_STORE_LMR_MESSAGE);
    CHECK_EQ(recv_checked(ks, m, 1, 0, NOW, r), RK_ERR_STORE_LMR_MESSAGE);
    m[0] = 3;
    CHECK_EQ(recv_checked(ks, m, ml, 0, NOW, r), RK_ERR_STORE_LMR_MESSAGE);
    m[0] = 0;
    CHECK_EQ(recv_checked(ks, m, ml, 0, NOW, r), RK_ERR_STORE_LMR_MESSAGE);
    m[0] = RK_LMR_TETRA;                     /* a P25 frame given as TETRA: the KEK does not open it */
    CHECK(recv_checked(ks, m, ml, 0, NOW, r) != RK_OK);
    CASE_END();
    /* every bit flipped, every truncation: refused, nothing stored */
    CASE_BEGIN("every bit flipped");
    ml = p25_msg(m, sizeof m, UKEK, 1234567, 0xF1A2, 9999999, 1, RK_P25_MAC_FORMAT_CMAC);
    for (size_t i = 0; i < ml * 8 && !rk_t_case_failed(); i++) {
        memcpy(f, m, ml);
        f[i / 8] ^= (uint8_t)(1u << (i % 8));
        CHECK(recv_checked(ks, f, ml, 0, NOW, r) != RK_OK);
    }
    CASE_END();
    CASE_BEGIN("every truncation and extension");
    for (size_t l = 0; l < ml && !rk_t_case_failed(); l++) CHECK(recv_checked(ks, m, l, 0, NOW, r) != RK_OK);
    memcpy(f, m, ml); f[ml] = 0;
    CHECK_EQ(recv_checked(ks, f, ml + 1, 0, NOW, r), RK_ERR_P25_TRAILING);
    CASE_END();
    /* validity of the root key */
    CASE_BEGIN("root key not active / expired");
    {
        rk_ks_entry e;
        CHECK_EQ(rk_keystore_get(ks, UK_CSB, &e), RK_OK);
        e.activation = NOW + 100; e.expiry = NOW + 200;
        CHECK_EQ(rk_keystore_put(ks, &e), RK_OK);
        CHECK_EQ(recv_checked(ks, m, ml, 0, NOW, r), RK_ERR_POLICY_NOT_ACTIVE);
        CHECK_EQ(recv_checked(ks, m, ml, 0, NOW + 200, r), RK_ERR_POLICY_EXPIRED);
        CHECK_EQ(recv_checked(ks, m, ml, 0, NOW + 150, r), RK_OK);
        sodium_memzero(&e, sizeof e);
    }
    CASE_END();
    /* replay slots: a fifth source is refused, not evicting another's state */
    CASE_BEGIN("replay slots full");
    for (uint32_t s = 1; s <= 3; s++) {
        ml = p25_msg(m, sizeof m, UKEK, 1234567, 0xF1A2, s, 1, RK_P25_MAC_FORMAT_CMAC);
        CHECK_EQ(recv_checked(ks, m, ml, 0, NOW + 150, r), RK_OK);
    }
    ml = p25_msg(m, sizeof m, UKEK, 1234567, 0xF1A2, 5, 1, RK_P25_MAC_FORMAT_CMAC);
    CHECK_EQ(recv_checked(ks, m, ml, 0, NOW + 150, r), RK_ERR_STORE_FULL);
    ml = p25_msg(m, sizeof m, UKEK, 1234567, 0xF1A2, 2, 2, RK_P25_MAC_FORMAT_CMAC);
    CHECK_EQ(recv_checked(ks, m, ml, 0, NOW + 150, r), RK_OK);
    CASE_END();
    sodium_free(r);
    rk_keystore_free(ks);
}

/* A new root key with the same key ID: the newest is used, so key messages
 * under the older one are refused; a store with no P25 key says so. */
static void p25_root_key_rotation(void)
{
    rk_keystore *ks = store(), *empty = rk_keystore_new(2);
    rk_lmrkey_result *r = sodium_malloc(sizeof *r);
    rk_lmr_block b;
    rk_ks_entry e;
    uint8_t m[512];
    CHECK(ks && empty && r);
    if (!ks || !empty || !r) return;
    size_t ml = p25_msg(m, sizeof m, UKEK, 1234567, 0xF1A2, 9999999, 1, RK_P25_MAC_FORMAT_CMAC);
    CHECK_EQ(recv_checked(empty, m, ml, 0, NOW, r), RK_ERR_STORE_NOT_FOUND);
    /* older root key stored first under another root-key ID, older wrap time */
    p25_block(&b, OLD_UKEK, 1234567, 0xF1A2);
    entry_of(&e, &b, 0x33333333, 3968437000u);
    CHECK_EQ(rk_keystore_put(ks, &e), RK_OK);
    CHECK_EQ(recv_checked(ks, m, ml, 0, NOW, r), RK_OK);
    CHECK_EQ(r->root_key_id, UK_CSB);
    ml = p25_msg(m, sizeof m, OLD_UKEK, 1234567, 0xF1A2, 9999999, 2, RK_P25_MAC_FORMAT_CMAC);
    CHECK_EQ(recv_checked(ks, m, ml, 0, NOW, r), RK_ERR_P25_MAC);
    sodium_memzero(&e, sizeof e);
    sodium_memzero(&b, sizeof b);
    sodium_free(r);
    rk_keystore_free(ks);
    rk_keystore_free(empty);
}

static void tetra_blobs(void)
{
    rk_keystore *ks = store();
    rk_lmrkey_result *r = sodium_malloc(sizeof *r);
    rk_lmr_block b;
    uint8_t blob[40], m[128];
    size_t ml = 0;
    CHECK(ks && r);
    if (!ks || !r) return;
    for (size_t i = 0; i < sizeof blob; i++) blob[i] = (uint8_t)(0x20 + i);
    tetra_block(&b, KEK);
    CASE_BEGIN("KW");
    CHECK_EQ(rk_iwf_tetra_message(&b, 0, blob, 32, m, sizeof m, &ml), RK_OK);
    CHECK_EQ(ml, 2 + 40);
    CHECK_EQ(recv_checked(ks, m, ml, 0, NOW, r), RK_OK);
    CHECK_EQ(r->lmr_type, RK_LMR_TETRA);
    CHECK_EQ(r->root_key_id, KEK_CSB);
    CHECK_EQ(r->tetra_mode, RK_LMRKEY_KW);
    CHECK_EQ(r->blob_len, 32);
    CHECK_MEM(r->blob, blob, 32);
    CHECK_EQ(recv_checked(ks, m, ml, KEK_CSB, NOW, r), RK_OK);
    CHECK_EQ(recv_checked(ks, m, ml, 0x12345678, NOW, r), RK_ERR_STORE_NOT_FOUND);
    for (size_t i = 1; i < ml; i++) {
        uint8_t t[128];
        memcpy(t, m, ml);
        t[i] ^= 0x80;
        rk_status st = recv_checked(ks, t, ml, 0, NOW, r);
        if (i == 1) CHECK_EQ(st, RK_ERR_P25_PARAM);       /* the mode octet */
        else CHECK_EQ(st, RK_ERR_P25_TETRA_ICV);
    }
    CHECK(recv_checked(ks, m, ml - 1, 0, NOW, r) != RK_OK);
    CASE_END();
    CASE_BEGIN("KWP");
    CHECK_EQ(rk_iwf_tetra_message(&b, 1, blob, 21, m, sizeof m, &ml), RK_OK);
    CHECK_EQ(recv_checked(ks, m, ml, 0, NOW, r), RK_OK);
    CHECK_EQ(r->tetra_mode, RK_LMRKEY_KWP);
    CHECK_EQ(r->blob_len, 21);
    CHECK_MEM(r->blob, blob, 21);
    m[ml - 1] ^= 1;
    CHECK_EQ(recv_checked(ks, m, ml, 0, NOW, r), RK_ERR_P25_TETRA_ICV);
    CASE_END();
    CASE_BEGIN("KEK of another (older) root key");
    uint8_t other[16];
    memset(other, 0x42, sizeof other);
    tetra_block(&b, other);
    CHECK_EQ(rk_iwf_tetra_message(&b, 0, blob, 32, m, sizeof m, &ml), RK_OK);
    CHECK_EQ(recv_checked(ks, m, ml, 0, NOW, r), RK_ERR_P25_TETRA_ICV);
    CASE_END();
    CASE_BEGIN("IWF refuses: P25 message for a TETRA user and the reverse, KW of 12 octets");
    rk_p25_tek t[2];
    teks2(t);
    CHECK_EQ(rk_iwf_p25_message(&b, t, 2, 1, 1, RK_P25_MAC_FORMAT_CMAC, m, sizeof m, &ml), RK_ERR_P25_PARAM);
    CHECK_EQ(ml, 0);
    CHECK(rk_iwf_tetra_message(&b, 0, blob, 12, m, sizeof m, &ml) != RK_OK);
    CHECK_EQ(ml, 0);
    p25_block(&b, UKEK, 1, 1);
    CHECK_EQ(rk_iwf_tetra_message(&b, 0, blob, 32, m, sizeof m, &ml), RK_ERR_P25_PARAM);
    t[1].algid = RK_P25_ALGID_AES128; t[1].key_len = 16;   /* two ALGIDs in one message */
    CHECK_EQ(rk_iwf_p25_message(&b, t, 2, 1, 1, RK_P25_MAC_FORMAT_CMAC, m, sizeof m, &ml), RK_ERR_P25_PARAM);
    CASE_END();
    sodium_memzero(&b, sizeof b);
    sodium_free(r);
    rk_keystore_free(ks);
}

static void tek_lists(void)
{
    rk_p25_tek t;
    char err[256];
    static const struct { const char *line; rk_status want; const char *msg; } C[] = {
        {"0101,0001,84,hex:5555555555555555555555555555555555555555555555555555555555555555", RK_OK, ""},
        {"0101,0001,85,hex:55555555555555555555555555555555", RK_OK, ""},
        {"0101,0001,84,hex:55555555555555555555555555555555", RK_ERR_STORE_TEK_LIST, "AES-256 needs 32"},
        {"0101,0001,81,hex:5555555555555555", RK_ERR_STORE_TEK_LIST, "only 84"},
        {"10101,0001,84,hex:55", RK_ERR_STORE_TEK_LIST, "key_id"},
        {"0101,zz,84,hex:55", RK_ERR_STORE_TEK_LIST, "sln"},
        {"0101,0001,84", RK_ERR_STORE_TEK_LIST, "expected 4 fields"},
        {"0101,0001,84,55", RK_ERR_STORE_TEK_LIST, "neither hex"},
        {"0101,0001,84,hex:5X", RK_ERR_STORE_TEK_LIST, "not hex"},
        {"0101,0001,84,file:/nonexistent/tek", RK_ERR_STORE_TEK_LIST, "cannot read"},
    };
    for (size_t i = 0; i < sizeof C / sizeof *C; i++) {
        CASE_BEGIN("TEK line %zu", i);
        err[0] = 0;
        CHECK_EQ(rk_iwf_tek_line(C[i].line, 7, &t, err, sizeof err), C[i].want);
        CHECK(strstr(err, C[i].msg) != NULL);
        CHECK(strstr(err, "5555") == NULL);          /* never the key */
        if (C[i].want == RK_OK) { CHECK_EQ(t.keyset_id, 7); CHECK_EQ(t.key_id, 0x0101); CHECK_EQ(t.sln, 1); }
        else CHECK_ZERO(&t, sizeof t);
        CASE_END();
    }
    /* a list file: header, comment, blank, two TEKs; an error names its line */
    char path[256];
    const char *d = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/rk_teks_%d.csv", d ? d : "/tmp", (int)getpid());
    static const char L1[] = "key_id,sln,algid,key\n# traffic keys\n\n0101,0001,84,hex:"
        "5555555555555555555555555555555555555555555555555555555555555555\n0102,0002,84,hex:"
        "6666666666666666666666666666666666666666666666666666666666666666\n";
    static const char L2[] = "key_id,sln,algid,key\n0101,0001,84,hex:55\n";
    rk_p25_tek ts[4];
    size_t n = 9;
    CASE_BEGIN("TEK list file");
    CHECK_EQ(rk_file_write_atomic(path, (const uint8_t *)L1, sizeof L1 - 1, 0600), RK_OK);
    CHECK_EQ(rk_iwf_tek_list(path, 1, ts, 4, &n, err, sizeof err), RK_OK);
    CHECK_EQ(n, 2);
    CHECK_EQ(ts[1].key_id, 0x0102);
    CHECK_EQ(rk_iwf_tek_list(path, 1, ts, 1, &n, err, sizeof err), RK_ERR_STORE_TEK_LIST);
    CHECK_EQ(n, 0);
    CHECK(strstr(err, ":5: more than 1") != NULL);
    CHECK_EQ(rk_file_write_atomic(path, (const uint8_t *)L2, sizeof L2 - 1, 0600), RK_OK);
    CHECK_EQ(rk_iwf_tek_list(path, 1, ts, 4, &n, err, sizeof err), RK_ERR_STORE_TEK_LIST);
    CHECK(strstr(err, ":2: key") != NULL);
    CHECK_ZERO(ts, sizeof ts);
    CASE_END();
    unlink(path);
}

/* vectors/p25/lmr_transport.txt: the IWF rebuilds each message octet for
 * octet, the client accepts it and returns what was sent; the AES-KW/KWP
 * wraps inside agree with OpenSSL. */
static void transport_vectors(void)
{
    rk_vec v;
    int n = 0;
    if (!rk_vec_open(&v, "p25/lmr_transport.txt")) { CHECK(!"vectors/p25/lmr_transport.txt missing"); return; }
    while (rk_vec_next(&v)) {
        uint8_t key[32], teks[64], blob[64], want[512], m[512];
        size_t ml = 0;
        long kl = rk_vec_hex(&v, "key", key, sizeof key), wl = rk_vec_hex(&v, "message", want, sizeof want);
        long lmr = rk_vec_int(&v, "lmr", 0);
        CASE_BEGIN("%s", rk_vec_str(&v, "name"));
        rk_keystore *ks = rk_keystore_new(2);
        rk_lmrkey_result *r = sodium_malloc(sizeof *r);
        rk_lmr_block b;
        rk_ks_entry e;
        CHECK(ks && r && wl > 0);
        if (lmr == RK_LMR_P25) {
            rk_p25_tek t[2];
            CHECK_EQ(kl, 32);
            CHECK_EQ(rk_vec_hex(&v, "teks", teks, sizeof teks), 64);
            p25_block(&b, key, 1234567, 0xF1A2);
            teks2(t);
            CHECK_MEM(t[0].key, teks, 32);
            CHECK_MEM(t[1].key, teks + 32, 32);
            CHECK_EQ(rk_iwf_p25_message(&b, t, 2, 9999999, 5, (uint8_t)rk_vec_int(&v, "mac_format", 0), m,
                                        sizeof m, &ml), RK_OK);
#ifndef RK_NO_ORACLES
            for (int i = 0; i < 2; i++) {          /* item i's key data at 1 + 12 + 8 + 45 i + 5 */
                uint8_t w[48];
                CHECK_EQ(ossl_kw(0, key, 32, teks + 32 * i, 32, w), 40);
                CHECK_MEM(want + 26 + 45 * i, w, 40);
            }
#endif
        } else {
            long bl = rk_vec_hex(&v, "blob", blob, sizeof blob);
            int pad = (int)rk_vec_int(&v, "padded", -1);
            CHECK_EQ(kl, 16);
            tetra_block(&b, key);
            CHECK_EQ(rk_iwf_tetra_message(&b, pad, blob, (size_t)bl, m, sizeof m, &ml), RK_OK);
#ifndef RK_NO_ORACLES
            uint8_t w[80];
            int ol = ossl_kw(pad, key, 16, blob, (size_t)bl, w);
            CHECK_EQ(ol, wl - 2);
            if (ol > 0) CHECK_MEM(want + 2, w, (size_t)ol);
#endif
            (void)bl;
        }
        CHECK_EQ(ml, wl);
        CHECK_MEM(m, want, (size_t)wl);
        entry_of(&e, &b, 0x44444444, 3968437672u);
        CHECK_EQ(rk_keystore_put(ks, &e), RK_OK);
        CHECK_EQ(rk_client_lmr_receive(ks, want, (size_t)wl, 0, NOW, r), RK_OK);
        if (lmr == RK_LMR_P25) {
            CHECK_EQ(r->n_teks, 2);
            CHECK_MEM(r->teks[0].key, teks, 32);
            CHECK_MEM(r->teks[1].key, teks + 32, 32);
            CHECK_EQ(r->mn, 5);
        } else {
            CHECK_EQ((long)r->blob_len, rk_vec_hex(&v, "blob", blob, sizeof blob));
            CHECK_MEM(r->blob, blob, r->blob_len);
        }
        sodium_memzero(&e, sizeof e);
        sodium_memzero(&b, sizeof b);
        if (r) sodium_free(r);
        rk_keystore_free(ks);
        n++;
        CASE_END();
    }
    rk_vec_close(&v);
    CHECK_EQ(n, 4);
}

void rk_suite_lmrkey(void)
{
    RUN(p25_accept_and_replay);
    RUN(p25_replay_persisted);
    RUN(store_v1_compat);
    RUN(p25_negatives);
    RUN(p25_root_key_rotation);
    RUN(tetra_blobs);
    RUN(tek_lists);
    RUN(transport_vectors);
}
