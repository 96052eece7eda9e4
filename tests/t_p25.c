/* SPDX-License-Identifier: Apache-2.0 */
/* P25 OTAR KMMs (core/include/rootkey/p25.h): the AACA CMAC example, RFC 3394
 * TEK wraps, our own Modify Key known-answer vectors (vectors/p25/) with every
 * MAC key, MAC and wrapped TEK recomputed by OpenSSL, and the negatives of
 * issue 8: tampering anywhere, wrong destination/source, replays, unknown
 * ALGIDs and key IDs, tampered wrapped keys under a valid MAC, TEKs wrapped
 * under an older root key, truncations and length-field errors, encoder
 * misuse, TETRA blob unwrap.  Every rejection checks that outputs are zero. */
#include "rk_test.h"
#include "rootkey/p25.h"
#include "rootkey/kw.h"
#ifndef RK_NO_ORACLES
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#endif

static rk_vec vec;

/* every field of a frame view is zero (struct padding is not) */
static int kmm_zero(const rk_p25_kmm *k)
{
    return k->total_len == 0 && k->body_off == 0 && k->body_len == 0 && k->mac_off == 0 && k->dst_rsi == 0 &&
           k->src_rsi == 0 && k->message_length == 0 && k->mn == 0 && k->mac_key_id == 0 && k->message_id == 0 &&
           k->response_kind == 0 && k->done == 0 && k->has_mn == 0 && k->mac_type == 0 && k->mac_algid == 0 &&
           k->mac_format == 0;
}

/* every key field of a TEK array is zero */
static int teks_zero(const rk_p25_tek *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < RK_P25_TEK_MAX_BYTES; j++)
            if (t[i].key[j]) return 0;
        if (t[i].key_id || t[i].sln || t[i].key_len || t[i].algid || t[i].keyset_id || t[i].key_format) return 0;
    }
    return 1;
}

/* ---------- a fixed scenario used by the negatives ---------- */
static uint8_t UK[32], UK_OLD[32], UK16[16];
static const uint8_t ALLOWED[] = { RK_P25_ALGID_AES256, RK_P25_ALGID_AES128 };

static void keys_init(void)
{
    for (int i = 0; i < 32; i++) {
        UK[i] = (uint8_t)(0x40 + i);
        UK_OLD[i] = (uint8_t)(0x10 + 3 * i);
    }
    for (int i = 0; i < 16; i++) UK16[i] = (uint8_t)(0x60 + i);
}

static rk_p25_mk_params base_params(void)
{
    rk_p25_mk_params p;
    memset(&p, 0, sizeof p);
    p.dst_rsi = 0x00abcd;
    p.src_rsi = 0x98967f;
    p.mn = 0x0010;
    p.kek_key_id = 0x2f62;
    p.has_mn = 1;
    p.response_kind = 2;
    p.mac_format = RK_P25_MAC_FORMAT_CMAC;
    p.kek_algid = RK_P25_ALGID_AES256;
    p.keyset_id = 1;
    p.keyset_algid = RK_P25_ALGID_AES256;
    p.key_len = 40;
    return p;
}

static void base_teks(rk_p25_tek *t, size_t n, size_t tl)
{
    memset(t, 0, n * sizeof *t);
    for (size_t k = 0; k < n; k++) {
        for (size_t i = 0; i < tl; i++) t[k].key[i] = (uint8_t)(0x80 + 0x20 * k + i);
        t[k].key_len = (uint8_t)tl;
        t[k].key_id = (uint16_t)(0x1001 + k);
        t[k].sln = (uint16_t)(0x11 + k);
        t[k].algid = tl == 32 ? RK_P25_ALGID_AES256 : RK_P25_ALGID_AES128;
        t[k].keyset_id = 1;
    }
}

static rk_p25_rx base_rx(const uint8_t *ukek, size_t ukek_len)
{
    rk_p25_rx rx;
    memset(&rx, 0, sizeof rx);
    rx.ukek = ukek;
    rx.ukek_len = ukek_len;
    rx.algids = ALLOWED;
    rx.n_algids = sizeof ALLOWED;
    rx.my_rsi = 0x00abcd;
    rx.src_rsi = 0x98967f;
    rx.ukek_key_id = 0x2f62;
    rx.has_last_mn = 1;
    rx.last_mn = 0x000f;
    return rx;
}

/* receive and check the error and the zeroed outputs */
static void expect_rx(const rk_p25_rx *rx, const uint8_t *f, size_t len, rk_status want)
{
    rk_p25_tek t[4];
    size_t n = 99;
    uint16_t mn = 99;
    memset(t, 0xaa, sizeof t);
    rk_status st = rk_p25_receive(rx, f, len, t, 4, &n, &mn);
    CHECK_EQ(st, want);
    if (want != RK_OK) {
        CHECK_EQ(n, 0);
        CHECK_EQ(mn, 0);
        CHECK(teks_zero(t, 4));
    }
}

/* encode a frame whose items carry the given wrapped data, then MAC it */
static size_t craft(const rk_p25_mk_params *p, const uint8_t *const *data, const uint8_t *fmts, size_t n,
                    const uint8_t *mac_ukek, size_t mac_len, uint8_t *out, size_t cap)
{
    rk_p25_item_in it[4];
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        it[i].data = data[i];
        it[i].sln = (uint16_t)(0x11 + i);
        it[i].key_id = (uint16_t)(0x1001 + i);
        it[i].key_format = fmts ? fmts[i] : 0;
    }
    if (rk_p25_mk_encode(p, it, n, out, cap, &len) != RK_OK) return 0;
    if (p->mac_format != 0 && rk_p25_mac_apply(mac_ukek, mac_len, out, len) != RK_OK) return 0;
    return len;
}

static size_t build_base(uint8_t *f, size_t cap, size_t n)
{
    rk_p25_mk_params p = base_params();
    rk_p25_tek t[4];
    size_t len = 0;
    base_teks(t, n, 32);
    CHECK_EQ(rk_p25_build(UK, 32, &p, t, n, f, cap, &len), RK_OK);
    return len;
}

/* ---------- AACA example (the only public data for the CMAC form) ---------- */
static void aaca_vectors(void)
{
    static uint8_t ukek[32], frame[128], mk[32], want_mk[32], mac[8], want[8];
    if (!rk_vec_open(&vec, "p25/aaca_cmac.txt")) return;
    while (rk_vec_next(&vec)) {
        const char *name = rk_vec_str(&vec, "name");
        CASE_BEGIN("aaca %s", name ? name : "?");
        long ul = rk_vec_hex(&vec, "ukek", ukek, sizeof ukek);
        long fl = rk_vec_hex(&vec, "frame", frame, sizeof frame);
        CHECK_EQ(rk_vec_hex(&vec, "mac", want, sizeof want), 8);
        rk_p25_kmm k;
        CHECK_EQ(rk_p25_kmm_parse(frame, (size_t)fl, &k), RK_OK);
        CHECK_EQ(k.mac_format, RK_P25_MAC_FORMAT_CMAC);
        CHECK_MEM(frame + k.mac_off, want, 8);
        if (rk_vec_str(&vec, "mac_key")) {
            rk_vec_hex(&vec, "mac_key", want_mk, sizeof want_mk);
            CHECK_EQ(rk_p25_mac_key_cmac(ukek, (size_t)ul, frame, k.has_mn ? 12 : 10, mk), RK_OK);
            CHECK_MEM(mk, want_mk, 32);
        }
        if (rk_vec_int(&vec, "reproduced", 1)) {
            CHECK_EQ(rk_p25_mac_compute(ukek, (size_t)ul, frame, (size_t)fl, &k, mac), RK_OK);
            CHECK_MEM(mac, want, 8);
            CHECK_EQ(rk_p25_mac_verify(ukek, (size_t)ul, frame, (size_t)fl, &k), RK_OK);
        } else {
            CHECK_EQ(rk_p25_mac_verify(ukek, (size_t)ul, frame, (size_t)fl, &k), RK_ERR_P25_MAC);
        }
        CASE_END();
    }
    rk_vec_close(&vec);
}

/* ---------- RFC 3394 as TEK wraps ---------- */
static void rfc3394_teks(void)
{
    static uint8_t kek[32], key[32], wr[48], out[48];
    if (!rk_vec_open(&vec, "p25/rfc3394.txt")) return;
    while (rk_vec_next(&vec)) {
        const char *name = rk_vec_str(&vec, "name");
        CASE_BEGIN("rfc3394 %s", name ? name : "?");
        long kl = rk_vec_hex(&vec, "kek", kek, sizeof kek);
        long ml = rk_vec_hex(&vec, "key", key, sizeof key);
        long wl = rk_vec_hex(&vec, "wrapped", wr, sizeof wr);
        size_t ol = 9;
        if (ml == 24) {
            memset(out, 0xaa, sizeof out);
            CHECK_EQ(rk_p25_tek_wrap(kek, (size_t)kl, key, 24, out, sizeof out, &ol), RK_ERR_P25_TEK_LENGTH);
            CHECK_EQ(ol, 0);
            CHECK_ZERO(out, sizeof out);
            CHECK_EQ(rk_p25_tek_unwrap(kek, (size_t)kl, wr, (size_t)wl, out, sizeof out, &ol), RK_ERR_P25_TEK_LENGTH);
            CHECK_ZERO(out, sizeof out);
        } else {
            CHECK_EQ(rk_p25_tek_wrap(kek, (size_t)kl, key, (size_t)ml, out, sizeof out, &ol), RK_OK);
            CHECK_EQ(ol, wl);
            CHECK_MEM(out, wr, (size_t)wl);
            CHECK_EQ(rk_p25_tek_unwrap(kek, (size_t)kl, wr, (size_t)wl, out, sizeof out, &ol), RK_OK);
            CHECK_EQ(ol, ml);
            CHECK_MEM(out, key, (size_t)ml);
            wr[5] ^= 1;
            memset(out, 0xaa, sizeof out);
            CHECK_EQ(rk_p25_tek_unwrap(kek, (size_t)kl, wr, (size_t)wl, out, sizeof out, &ol), RK_ERR_P25_TEK_ICV);
            CHECK_EQ(ol, 0);
            CHECK_ZERO(out, sizeof out);
            /* buffer too small, bad UKEK length */
            memset(out, 0xaa, sizeof out);
            CHECK_EQ(rk_p25_tek_wrap(kek, (size_t)kl, key, (size_t)ml, out, (size_t)ml + 7, &ol), RK_ERR_BUFFER);
            CHECK_ZERO(out, (size_t)ml + 7);
            CHECK_EQ(rk_p25_tek_wrap(kek, 24, key, (size_t)ml, out, sizeof out, &ol), RK_ERR_P25_UKEK_LENGTH);
            CHECK_EQ(rk_p25_tek_unwrap(kek, 0, wr, (size_t)wl, out, sizeof out, &ol), RK_ERR_P25_UKEK_LENGTH);
            CHECK_EQ(rk_p25_tek_unwrap(kek, (size_t)kl, wr, (size_t)wl, out, (size_t)wl - 9, &ol), RK_ERR_BUFFER);
        }
        CASE_END();
    }
    rk_vec_close(&vec);
}

#ifndef RK_NO_ORACLES
/* Independent MAC computations with OpenSSL. */
static void ossl_kbkdf(const uint8_t *k, size_t kl, const uint8_t *ctx, size_t cl, uint8_t *out)
{
    /* EVP KBKDF with its own L switched off and the 16-bit L appended to the context */
    uint8_t info[16];
    int use_l = 0;
    memcpy(info, ctx, cl);
    info[cl] = 1;
    info[cl + 1] = 0;
    EVP_KDF *kdf = EVP_KDF_fetch(NULL, "KBKDF", NULL);
    EVP_KDF_CTX *x = EVP_KDF_CTX_new(kdf);
    OSSL_PARAM p[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_MAC, (char *)"HMAC", 0),
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, (char *)"SHA-256", 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, (void *)k, kl),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, (void *)"OTAR MAC", 8),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info, cl + 2),
        OSSL_PARAM_construct_int(OSSL_KDF_PARAM_KBKDF_USE_L, &use_l),
        OSSL_PARAM_END
    };
    if (EVP_KDF_derive(x, out, 32, p) != 1) memset(out, 0, 32);
    EVP_KDF_CTX_free(x);
    EVP_KDF_free(kdf);
}

/* the same KDF built by hand from HMAC-SHA-256 */
static void hand_kbkdf(const uint8_t *k, size_t kl, const uint8_t *ctx, size_t cl, uint8_t *out)
{
    uint8_t m[32];
    unsigned ol = 32;
    size_t n = 0;
    m[n++] = 0; m[n++] = 0; m[n++] = 0; m[n++] = 1;
    memcpy(m + n, "OTAR MAC", 8); n += 8;
    m[n++] = 0;
    memcpy(m + n, ctx, cl); n += cl;
    m[n++] = 1; m[n++] = 0;
    HMAC(EVP_sha256(), k, (int)kl, m, n, out, &ol);
}

static void ossl_cmac(const uint8_t *key, const uint8_t *msg, size_t n, uint8_t *tag)
{
    size_t tl = 16;
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "CMAC", NULL);
    EVP_MAC_CTX *c = EVP_MAC_CTX_new(mac);
    OSSL_PARAM p[] = { OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, (char *)"AES-256-CBC", 0),
                       OSSL_PARAM_END };
    if (!(EVP_MAC_init(c, key, 32, p) && EVP_MAC_update(c, msg, n) && EVP_MAC_final(c, tag, &tl, 16)))
        memset(tag, 0, 16);
    EVP_MAC_CTX_free(c);
    EVP_MAC_free(mac);
}

static int ossl_wrap(const uint8_t *kek, size_t kl, const uint8_t *iv, const uint8_t *in, size_t n, uint8_t *out)
{
    EVP_CIPHER_CTX *e = EVP_CIPHER_CTX_new();
    int l = -1, l2 = 0;
    if (EVP_EncryptInit_ex(e, kl == 16 ? EVP_aes_128_wrap() : EVP_aes_256_wrap(), NULL, kek, iv) == 1 &&
        EVP_EncryptUpdate(e, out, &l, in, (int)n) == 1 && EVP_EncryptFinal_ex(e, out + l, &l2) == 1)
        l += l2;
    else
        l = -1;
    EVP_CIPHER_CTX_free(e);
    return l;
}

/* CBC-MAC form as docs/p25.md states it, from OpenSSL primitives */
static void ossl_cbcmac(const uint8_t *ukek, const uint8_t *f, size_t len, uint8_t *mac)
{
    uint8_t iv[8] = { 0 }, w[40], pm[RK_P25_KMM_MAX_BYTES + 32], ct[RK_P25_KMM_MAX_BYTES + 48], z[16] = { 0 };
    size_t ml = len - 8, pl = len + (16 - len % 16);
    int l = 0;
    iv[6] = (uint8_t)(ml >> 8);
    iv[7] = (uint8_t)ml;
    ossl_wrap(ukek, 32, iv, ukek, 32, w);
    memset(pm, 0, sizeof pm);
    memcpy(pm, f, len - 13);
    memcpy(pm + len - 13, f + len - 5, 5);
    EVP_CIPHER_CTX *e = EVP_CIPHER_CTX_new();
    EVP_EncryptInit_ex(e, EVP_aes_256_cbc(), NULL, w + 8, z);
    EVP_CIPHER_CTX_set_padding(e, 0);
    EVP_EncryptUpdate(e, ct, &l, pm, (int)pl);
    EVP_CIPHER_CTX_free(e);
    memcpy(mac, ct + len - 16, 8);
}
#endif

/* ---------- our own known-answer vectors ---------- */
static void own_vectors(void)
{
    static uint8_t ukek[32], teks[128], ids[8], slns[8], frame[512], out[512], mk[32], want_mk[32], mac[8];
    int count = 0;
    if (!rk_vec_open(&vec, "p25/modify_key.txt")) return;
    while (rk_vec_next(&vec)) {
        const char *name = rk_vec_str(&vec, "name");
        CASE_BEGIN("kat %s", name ? name : "?");
        count++;
        long ul = rk_vec_hex(&vec, "ukek", ukek, sizeof ukek);
        size_t n = (size_t)rk_vec_int(&vec, "n", 0);
        long tl_all = rk_vec_hex(&vec, "teks", teks, sizeof teks);
        rk_vec_hex(&vec, "key_ids", ids, sizeof ids);
        rk_vec_hex(&vec, "slns", slns, sizeof slns);
        long fl = rk_vec_hex(&vec, "frame", frame, sizeof frame);
        CHECK_EQ(rk_vec_hex(&vec, "mac", mac, sizeof mac), 8);
        size_t tl = (size_t)tl_all / n;
        rk_p25_mk_params p;
        memset(&p, 0, sizeof p);
        p.dst_rsi = (uint32_t)rk_vec_int(&vec, "dst", 0);
        p.src_rsi = (uint32_t)rk_vec_int(&vec, "src", 0);
        p.mn = (uint16_t)rk_vec_int(&vec, "mn", 0);
        p.has_mn = 1;
        p.kek_key_id = (uint16_t)rk_vec_int(&vec, "ukek_key_id", 0);
        p.response_kind = (uint8_t)rk_vec_int(&vec, "response_kind", 0);
        p.mac_format = (uint8_t)rk_vec_int(&vec, "mac_format", 0);
        p.kek_algid = ul == 32 ? RK_P25_ALGID_AES256 : RK_P25_ALGID_AES128;
        p.keyset_id = (uint8_t)rk_vec_int(&vec, "keyset_id", 0);
        p.keyset_algid = (uint8_t)rk_vec_int(&vec, "keyset_algid", 0);
        p.key_len = (uint8_t)(tl + 8);
        rk_p25_tek t[4], r[4];
        memset(t, 0, sizeof t);
        for (size_t i = 0; i < n; i++) {
            memcpy(t[i].key, teks + i * tl, tl);
            t[i].key_len = (uint8_t)tl;
            t[i].key_id = (uint16_t)(ids[2 * i] * 256 + ids[2 * i + 1]);
            t[i].sln = (uint16_t)(slns[2 * i] * 256 + slns[2 * i + 1]);
        }
        /* encoder reproduces the frame */
        size_t len = 0;
        CHECK_EQ(rk_p25_build(ukek, (size_t)ul, &p, t, n, out, sizeof out, &len), RK_OK);
        CHECK_EQ(len, fl);
        CHECK_MEM(out, frame, (size_t)fl);
        /* parser: every field */
        rk_p25_kmm k;
        rk_p25_mk m;
        CHECK_EQ(rk_p25_kmm_parse(frame, (size_t)fl, &k), RK_OK);
        CHECK_EQ(k.message_id, RK_P25_MID_MODIFY_KEY);
        CHECK_EQ(k.message_length, fl - 3);
        CHECK_EQ(k.dst_rsi, p.dst_rsi);
        CHECK_EQ(k.src_rsi, p.src_rsi);
        CHECK_EQ(k.has_mn, 1);
        CHECK_EQ(k.mn, p.mn);
        CHECK_EQ(k.response_kind, p.response_kind);
        CHECK_EQ(k.mac_type, RK_P25_MAC_TYPE_AES);
        CHECK_EQ(k.mac_format, p.mac_format);
        CHECK_EQ(k.mac_algid, p.kek_algid);
        CHECK_EQ(k.mac_key_id, p.kek_key_id);
        CHECK_MEM(frame + k.mac_off, mac, 8);
        CHECK_EQ(rk_p25_mk_parse(frame, (size_t)fl, &k, &m), RK_OK);
        CHECK_EQ(m.dif, 0);
        CHECK_EQ(m.kek_algid, p.kek_algid);
        CHECK_EQ(m.kek_key_id, p.kek_key_id);
        CHECK_EQ(m.keyset_id, p.keyset_id);
        CHECK_EQ(m.keyset_algid, p.keyset_algid);
        CHECK_EQ(m.key_len, tl + 8);
        CHECK_EQ(m.n_keys, n);
        for (size_t i = 0; i < n; i++) {
            rk_p25_item it;
            rk_p25_item_get(frame, (size_t)fl, &m, i, &it);
            CHECK_EQ(it.key_id, t[i].key_id);
            CHECK_EQ(it.sln, t[i].sln);
            CHECK_EQ(it.key_format, 0);
#ifndef RK_NO_ORACLES
            uint8_t w[48];
            CHECK_EQ(ossl_wrap(ukek, (size_t)ul, NULL, t[i].key, tl, w), (int)tl + 8);
            CHECK_MEM(frame + it.data_off, w, tl + 8);
#endif
        }
        /* MAC key and MAC */
        if (p.mac_format == RK_P25_MAC_FORMAT_CMAC) {
            CHECK_EQ(rk_vec_hex(&vec, "mac_key", want_mk, sizeof want_mk), 32);
            CHECK_EQ(rk_p25_mac_key_cmac(ukek, (size_t)ul, frame, 12, mk), RK_OK);
            CHECK_MEM(mk, want_mk, 32);
        }
#ifndef RK_NO_ORACLES
        {
            uint8_t o[32], h[32], cut[RK_P25_KMM_MAX_BYTES], tag[16];
            memcpy(cut, frame, (size_t)fl - 13);
            memcpy(cut + fl - 13, frame + fl - 5, 5);
            if (p.mac_format == RK_P25_MAC_FORMAT_CMAC) {
                ossl_kbkdf(ukek, (size_t)ul, frame, 12, o);
                hand_kbkdf(ukek, (size_t)ul, frame, 12, h);
                CHECK_MEM(o, want_mk, 32);
                CHECK_MEM(h, want_mk, 32);
                ossl_cmac(o, cut, (size_t)fl - 8, tag);
                CHECK_MEM(tag, mac, 8);
            } else {
                ossl_cbcmac(ukek, frame, (size_t)fl, tag);
                CHECK_MEM(tag, mac, 8);
            }
        }
#endif
        /* the client receives it */
        rk_p25_rx rx;
        memset(&rx, 0, sizeof rx);
        rx.ukek = ukek;
        rx.ukek_len = (size_t)ul;
        rx.algids = ALLOWED;
        rx.n_algids = 2;
        rx.my_rsi = p.dst_rsi;
        rx.src_rsi = p.src_rsi;
        rx.ukek_key_id = p.kek_key_id;
        size_t got = 0;
        uint16_t mn = 0;
        CHECK_EQ(rk_p25_receive(&rx, frame, (size_t)fl, r, 4, &got, &mn), RK_OK);
        CHECK_EQ(got, n);
        CHECK_EQ(mn, p.mn);
        for (size_t i = 0; i < n; i++) {
            CHECK_EQ(r[i].key_len, tl);
            CHECK_MEM(r[i].key, t[i].key, tl);
            CHECK_EQ(r[i].key_id, t[i].key_id);
            CHECK_EQ(r[i].sln, t[i].sln);
            CHECK_EQ(r[i].algid, p.keyset_algid);
            CHECK_EQ(r[i].keyset_id, p.keyset_id);
        }
        CASE_END();
    }
    rk_vec_close(&vec);
    CASE_BEGIN("kat count");
    CHECK_EQ(count, 4);
    CASE_END();
}

/* ---------- negatives on the fixed scenario ---------- */

/* Every octet XOR 0x01: MAC error except where the octet defines the frame
 * structure (length field, MAC length octet). */
static void tamper_every_byte(void)
{
    static uint8_t f[512], g[512];
    size_t len = build_base(f, sizeof f, 2);
    rk_p25_rx rx = base_rx(UK, 32);
    expect_rx(&rx, f, len, RK_OK);
    for (size_t i = 0; i < len; i++) {
        for (int b = 0; b < 8; b++) {
            CASE_BEGIN("tamper octet %zu bit %d", i, b);
            memcpy(g, f, len);
            g[i] ^= (uint8_t)(1u << b);
            rk_p25_tek t[4];
            size_t n = 7;
            uint16_t mn = 7;
            memset(t, 0xaa, sizeof t);
            rk_status st = rk_p25_receive(&rx, g, len, t, 4, &n, &mn);
            CHECK(st != RK_OK);
            CHECK_EQ(n, 0);
            CHECK(teks_zero(t, 4));
            if (b == 0) {
                rk_status want = RK_ERR_P25_MAC;
                if (i == 1) want = RK_ERR_P25_TRUNCATED;        /* length + 256 */
                if (i == 2) want = (f[2] & 1) ? RK_ERR_P25_TRAILING : RK_ERR_P25_TRUNCATED;
                if (i == 3) want = RK_ERR_P25_MAC;              /* done flag is covered */
                if (i == len - 5) want = RK_ERR_P25_MAC_LENGTH;
                CHECK_EQ(st, want);
            }
            CASE_END();
        }
    }
}

static void semantic_negatives(void)
{
    static uint8_t f[512], w[4][48];
    rk_p25_mk_params p = base_params();
    rk_p25_tek t[4];
    size_t len, ol;
    base_teks(t, 2, 32);
    const uint8_t *data[2] = { w[0], w[1] };
    for (int i = 0; i < 2; i++) CHECK_EQ(rk_p25_tek_wrap(UK, 32, t[i].key, 32, w[i], 40, &ol), RK_OK);

    CASE_BEGIN("valid crafted frame accepted");
    len = craft(&p, data, NULL, 2, UK, 32, f, sizeof f);
    rk_p25_rx rx = base_rx(UK, 32);
    expect_rx(&rx, f, len, RK_OK);
    CASE_END();

    CASE_BEGIN("wrong destination RSI");
    rx = base_rx(UK, 32);
    rx.my_rsi = 0x00abce;
    expect_rx(&rx, f, len, RK_ERR_P25_DESTINATION);
    CASE_END();

    CASE_BEGIN("unexpected source RSI");
    rx = base_rx(UK, 32);
    rx.src_rsi = 0x000001;
    expect_rx(&rx, f, len, RK_ERR_P25_SOURCE);
    CASE_END();

    CASE_BEGIN("replay: same message number");
    rx = base_rx(UK, 32);
    rx.last_mn = p.mn;
    expect_rx(&rx, f, len, RK_ERR_P25_REPLAY);
    CASE_END();
    CASE_BEGIN("replay: older message number");
    rx.last_mn = (uint16_t)(p.mn + 1);
    expect_rx(&rx, f, len, RK_ERR_P25_REPLAY);
    rx.last_mn = 0xffff;
    expect_rx(&rx, f, len, RK_ERR_P25_REPLAY);
    CASE_END();
    CASE_BEGIN("nothing stored yet: accepted");
    rx.has_last_mn = 0;
    expect_rx(&rx, f, len, RK_OK);
    CASE_END();

    CASE_BEGIN("wrong root key: MAC fails");
    rx = base_rx(UK_OLD, 32);
    expect_rx(&rx, f, len, RK_ERR_P25_MAC);
    CASE_END();

    CASE_BEGIN("unknown root key ID");
    rx = base_rx(UK, 32);
    rx.ukek_key_id = 0x2f63;
    expect_rx(&rx, f, len, RK_ERR_P25_KEY_ID);
    CASE_END();

    CASE_BEGIN("TEK ALGID not allowed by the caller");
    rx = base_rx(UK, 32);
    static const uint8_t only128[] = { RK_P25_ALGID_AES128 };
    rx.algids = only128;
    rx.n_algids = 1;
    expect_rx(&rx, f, len, RK_ERR_P25_ALGID);
    rx.n_algids = 0;
    expect_rx(&rx, f, len, RK_ERR_P25_ALGID);
    CASE_END();

    CASE_BEGIN("unknown TEK ALGID (DES-OFB) in the frame");
    {
        rk_p25_mk_params q = p;
        static const uint8_t allow_des[] = { 0x81, RK_P25_ALGID_AES256 };
        q.keyset_algid = 0x81;
        len = craft(&q, data, NULL, 2, UK, 32, f, sizeof f);
        CHECK(len > 0);
        rx = base_rx(UK, 32);
        expect_rx(&rx, f, len, RK_ERR_P25_ALGID);
        rx.algids = allow_des;
        rx.n_algids = 2;
        expect_rx(&rx, f, len, RK_ERR_P25_ALGID); /* allowed by policy, but no AES-KW TEK */
    }
    CASE_END();

    CASE_BEGIN("key length not the ALGID's wrapped length");
    {
        rk_p25_mk_params q = p;
        q.keyset_algid = RK_P25_ALGID_AES128; /* 24 expected, 40 carried */
        len = craft(&q, data, NULL, 2, UK, 32, f, sizeof f);
        rx = base_rx(UK, 32);
        expect_rx(&rx, f, len, RK_ERR_P25_KEY_LENGTH);
    }
    CASE_END();

    CASE_BEGIN("tampered wrapped key under a valid MAC");
    {
        uint8_t bad[48];
        memcpy(bad, w[1], 40);
        bad[17] ^= 0x80;
        const uint8_t *d2[2] = { w[0], bad };
        len = craft(&p, d2, NULL, 2, UK, 32, f, sizeof f);
        rx = base_rx(UK, 32);
        expect_rx(&rx, f, len, RK_ERR_P25_TEK_ICV);
    }
    CASE_END();

    CASE_BEGIN("TEK wrapped under an older root key, MAC under the current one");
    {
        uint8_t old[48];
        CHECK_EQ(rk_p25_tek_wrap(UK_OLD, 32, t[0].key, 32, old, 40, &ol), RK_OK);
        const uint8_t *d2[2] = { w[0], old };
        len = craft(&p, d2, NULL, 2, UK, 32, f, sizeof f);
        rx = base_rx(UK, 32);
        expect_rx(&rx, f, len, RK_ERR_P25_TEK_ICV);
    }
    CASE_END();

    CASE_BEGIN("not a Modify Key Command");
    len = craft(&p, data, NULL, 2, UK, 32, f, sizeof f);
    f[0] = 0x1e;
    CHECK_EQ(rk_p25_mac_apply(UK, 32, f, len), RK_OK);
    rx = base_rx(UK, 32);
    expect_rx(&rx, f, len, RK_ERR_P25_MESSAGE_ID);
    CASE_END();

    CASE_BEGIN("no message number");
    {
        rk_p25_mk_params q = p;
        q.has_mn = 0;
        len = craft(&q, data, NULL, 2, UK, 32, f, sizeof f);
        rx = base_rx(UK, 32);
        expect_rx(&rx, f, len, RK_ERR_P25_MN_MISSING);
    }
    CASE_END();

    CASE_BEGIN("no MAC");
    {
        rk_p25_mk_params q = p;
        q.mac_format = 0;
        len = craft(&q, data, NULL, 2, UK, 32, f, sizeof f);
        CHECK(len > 0);
        rx = base_rx(UK, 32);
        expect_rx(&rx, f, len, RK_ERR_P25_NO_MAC);
    }
    CASE_END();

    CASE_BEGIN("KEK ALGID of the frame is not the root key's");
    {
        rk_p25_mk_params q = p;
        q.kek_algid = RK_P25_ALGID_AES128;
        len = craft(&q, data, NULL, 2, UK, 32, f, sizeof f);
        rx = base_rx(UK, 32);
        expect_rx(&rx, f, len, RK_ERR_P25_KEK_ALGID);
    }
    CASE_END();

    CASE_BEGIN("encrypted body (MI present)");
    {
        rk_p25_mk_params q = p;
        static const uint8_t mi[9] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
        q.mi = mi;
        len = craft(&q, data, NULL, 2, UK, 32, f, sizeof f);
        rx = base_rx(UK, 32);
        expect_rx(&rx, f, len, RK_ERR_P25_MI_UNSUPPORTED);
        static const uint8_t mi0[9] = { 0 };
        q.mi = mi0;
        len = craft(&q, data, NULL, 2, UK, 32, f, sizeof f);
        expect_rx(&rx, f, len, RK_ERR_P25_MI_ZERO);
    }
    CASE_END();

    CASE_BEGIN("key item is a KEK / an erase instruction");
    {
        static const uint8_t kek_fmt[2] = { 0x00, 0x80 }, erase[2] = { 0x20, 0x00 };
        len = craft(&p, data, kek_fmt, 2, UK, 32, f, sizeof f);
        rx = base_rx(UK, 32);
        expect_rx(&rx, f, len, RK_ERR_P25_KEY_FORMAT);
        len = craft(&p, data, erase, 2, UK, 32, f, sizeof f);
        expect_rx(&rx, f, len, RK_ERR_P25_KEY_FORMAT);
    }
    CASE_END();

    CASE_BEGIN("more keys than the output holds");
    {
        len = craft(&p, data, NULL, 2, UK, 32, f, sizeof f);
        rx = base_rx(UK, 32);
        rk_p25_tek one[1];
        size_t n = 5;
        uint16_t mn = 5;
        memset(one, 0xaa, sizeof one);
        CHECK_EQ(rk_p25_receive(&rx, f, len, one, 1, &n, &mn), RK_ERR_P25_TOO_MANY_KEYS);
        CHECK_EQ(n, 0);
        CHECK(teks_zero(one, 1));
    }
    CASE_END();

    CASE_BEGIN("root key of a bad length");
    rx = base_rx(UK, 24);
    expect_rx(&rx, f, len, RK_ERR_P25_UKEK_LENGTH);
    CASE_END();

    CASE_BEGIN("AES-128 root key: CMAC works, CBC-MAC form refused");
    {
        rk_p25_mk_params q = p;
        q.kek_algid = RK_P25_ALGID_AES128;
        static uint8_t w16[2][48];
        for (int i = 0; i < 2; i++) CHECK_EQ(rk_p25_tek_wrap(UK16, 16, t[i].key, 32, w16[i], 40, &ol), RK_OK);
        const uint8_t *d16[2] = { w16[0], w16[1] };
        len = craft(&q, d16, NULL, 2, UK16, 16, f, sizeof f);
        rx = base_rx(UK16, 16);
        expect_rx(&rx, f, len, RK_OK);
        q.mac_format = RK_P25_MAC_FORMAT_CBC;
        size_t l2 = craft(&q, d16, NULL, 2, UK16, 16, f, sizeof f);
        CHECK_EQ(l2, 0); /* mac_apply refused */
        rk_p25_item_in it[2] = { { w16[0], 1, 2, 0 }, { w16[1], 1, 3, 0 } };
        CHECK_EQ(rk_p25_mk_encode(&q, it, 2, f, sizeof f, &l2), RK_OK);
        CHECK_EQ(rk_p25_mac_apply(UK16, 16, f, l2), RK_ERR_P25_CBCMAC_KEY);
        expect_rx(&rx, f, l2, RK_ERR_P25_CBCMAC_KEY);
    }
    CASE_END();
}

/* ---------- parser: truncations and length fields ---------- */
static void parser_negatives(void)
{
    static uint8_t f[RK_P25_KMM_MAX_BYTES + 16], g[RK_P25_KMM_MAX_BYTES + 16];
    size_t len = build_base(f, sizeof f, 2);
    rk_p25_kmm k;
    rk_p25_mk m;

    for (size_t l = 0; l < len; l++) {
        CASE_BEGIN("truncated to %zu", l);
        memset(&k, 0xaa, sizeof k);
        rk_status st = rk_p25_kmm_parse(f, l, &k);
        CHECK_EQ(st, RK_ERR_P25_TRUNCATED);
        CHECK(kmm_zero(&k));
        CASE_END();
    }
    CASE_BEGIN("trailing octets");
    memcpy(g, f, len);
    g[len] = 0;
    CHECK_EQ(rk_p25_kmm_parse(g, len + 1, &k), RK_ERR_P25_TRAILING);
    CHECK_EQ(rk_p25_kmm_parse(g, len + 16, &k), RK_ERR_P25_TRAILING);
    CASE_END();

    static const struct { unsigned delta; int sign; rk_status want; } lf[] = {
        { 1, +1, RK_ERR_P25_TRUNCATED }, { 1, -1, RK_ERR_P25_TRAILING },
        { 100, +1, RK_ERR_P25_TRUNCATED }, { 100, -1, RK_ERR_P25_TRAILING },
    };
    for (size_t i = 0; i < sizeof lf / sizeof lf[0]; i++) {
        CASE_BEGIN("length field %c%u", lf[i].sign > 0 ? '+' : '-', lf[i].delta);
        memcpy(g, f, len);
        unsigned ml = (unsigned)(len - 3);
        ml = lf[i].sign > 0 ? ml + lf[i].delta : ml - lf[i].delta;
        g[1] = (uint8_t)(ml >> 8);
        g[2] = (uint8_t)ml;
        CHECK_EQ(rk_p25_kmm_parse(g, len, &k), lf[i].want);
        CASE_END();
    }
    CASE_BEGIN("length field 0 and 0xffff");
    memcpy(g, f, len);
    g[1] = 0; g[2] = 0;
    CHECK_EQ(rk_p25_kmm_parse(g, len, &k), RK_ERR_P25_TRAILING);
    CHECK_EQ(rk_p25_kmm_parse(g, 3, &k), RK_ERR_P25_LENGTH);
    g[1] = 0xff; g[2] = 0xff;
    CHECK_EQ(rk_p25_kmm_parse(g, len, &k), RK_ERR_P25_TRUNCATED);
    CASE_END();

    CASE_BEGIN("frame above the maximum");
    memset(g, 0, sizeof g);
    memcpy(g, f, 12);
    {
        size_t big = RK_P25_KMM_MAX_BYTES + 1;
        g[1] = (uint8_t)((big - 3) >> 8);
        g[2] = (uint8_t)(big - 3);
        CHECK_EQ(rk_p25_kmm_parse(g, big, &k), RK_ERR_P25_TOO_LONG);
    }
    CASE_END();

    static const struct { uint8_t fmt; rk_status want; } ff[] = {
        { 0xe8, RK_ERR_P25_RESPONSE_KIND }, { 0x18, RK_ERR_P25_MN_FLAG }, { 0x38, RK_ERR_P25_MN_FLAG },
        { 0x24, RK_ERR_P25_MAC_TYPE }, { 0x2c, RK_ERR_P25_MAC_DES }, { 0x2a, RK_ERR_P25_FORMAT_RSVD },
    };
    for (size_t i = 0; i < sizeof ff / sizeof ff[0]; i++) {
        CASE_BEGIN("format octet 0x%02x", ff[i].fmt);
        memcpy(g, f, len);
        g[3] = ff[i].fmt;
        memset(&k, 0xaa, sizeof k);
        CHECK_EQ(rk_p25_kmm_parse(g, len, &k), ff[i].want);
        CHECK(kmm_zero(&k));
        CASE_END();
    }
    CASE_BEGIN("MAC trailer: length octet, format");
    memcpy(g, f, len);
    g[len - 5] = 4;
    CHECK_EQ(rk_p25_kmm_parse(g, len, &k), RK_ERR_P25_MAC_LENGTH);
    g[len - 5] = 8;
    g[len - 1] = 0x42;
    CHECK_EQ(rk_p25_kmm_parse(g, len, &k), RK_ERR_P25_MAC_FORMAT);
    g[len - 1] = 0x00;
    CHECK_EQ(rk_p25_kmm_parse(g, len, &k), RK_ERR_P25_MAC_FORMAT);
    CASE_END();

    CASE_BEGIN("header and trailer do not fit");
    {
        /* MAC type AES, MN present: needs 25 octets */
        uint8_t s[24] = { 0x13, 0x00, 0x15, 0x28 };
        s[24 - 5] = 8;
        s[23] = 0x41;
        CHECK_EQ(rk_p25_kmm_parse(s, 24, &k), RK_ERR_P25_LENGTH);
        uint8_t h[9] = { 0x13, 0x00, 0x06 };
        CHECK_EQ(rk_p25_kmm_parse(h, 9, &k), RK_ERR_P25_LENGTH);
    }
    CASE_END();

    /* body errors: frames without MAC so the body can be edited freely */
    rk_p25_mk_params p = base_params();
    p.mac_format = 0;
    static uint8_t w0[40];
    const uint8_t *data[2] = { w0, w0 };
    size_t bl = craft(&p, data, NULL, 2, NULL, 0, f, sizeof f);
    CASE_BEGIN("body: baseline parses");
    CHECK_EQ(rk_p25_kmm_parse(f, bl, &k), RK_OK);
    CHECK_EQ(rk_p25_mk_parse(f, bl, &k, &m), RK_OK);
    CASE_END();
    /* offsets in the body (MN present, no MI): DIF 12, key length 18, count 19, item 0 at 20 */
    static const struct { size_t off; uint8_t v; rk_status want; const char *what; } bf[] = {
        { 12, 0x20, RK_ERR_P25_DIF, "DIF 0x20" },
        { 12, 0x80, RK_ERR_P25_DIF, "DIF 0x80" },
        { 18, 0, RK_ERR_P25_KEY_LENGTH, "key length 0" },
        { 18, 39, RK_ERR_P25_BODY_TRAILING, "key length - 1" },
        { 18, 41, RK_ERR_P25_BODY_TRUNCATED, "key length + 1" },
        { 19, 0, RK_ERR_P25_NO_KEYS, "number of keys 0" },
        { 19, 1, RK_ERR_P25_BODY_TRAILING, "number of keys - 1" },
        { 19, 3, RK_ERR_P25_BODY_TRUNCATED, "number of keys + 1" },
        { 20, 0x03, RK_ERR_P25_KEY_NAME, "key name length 3" },
        { 20 + 45, 0x01, RK_ERR_P25_KEY_NAME, "second item key name length 1" },
    };
    for (size_t i = 0; i < sizeof bf / sizeof bf[0]; i++) {
        CASE_BEGIN("body: %s", bf[i].what);
        memcpy(g, f, bl);
        g[bf[i].off] = bf[i].v;
        CHECK_EQ(rk_p25_kmm_parse(g, bl, &k), RK_OK);
        memset(&m, 0xaa, sizeof m);
        CHECK_EQ(rk_p25_mk_parse(g, bl, &k, &m), bf[i].want);
        CHECK_EQ(m.n_keys, 0);
        CHECK_EQ(m.items_off, 0);
        CASE_END();
    }
    for (size_t cut = 1; cut <= 45 + 45 + 8; cut++) {
        CASE_BEGIN("body shortened by %zu", cut);
        memcpy(g, f, bl);
        size_t nl = bl - cut;
        g[1] = (uint8_t)((nl - 3) >> 8);
        g[2] = (uint8_t)(nl - 3);
        CHECK_EQ(rk_p25_kmm_parse(g, nl, &k), RK_OK);
        rk_status st = rk_p25_mk_parse(g, nl, &k, &m);
        CHECK_EQ(st, RK_ERR_P25_BODY_TRUNCATED);
        CASE_END();
    }
}

static void encoder_negatives(void)
{
    static uint8_t f[512];
    static uint8_t w0[40];
    rk_p25_item_in it[2] = { { w0, 1, 2, 0 }, { w0, 1, 3, 0 } };
    size_t len = 0;
    rk_p25_mk_params good = base_params();
    CASE_BEGIN("encoder: parameters out of range");
    {
        rk_p25_mk_params p;
        p = good; p.dst_rsi = 0x1000000;
        memset(f, 0xaa, sizeof f);
        CHECK_EQ(rk_p25_mk_encode(&p, it, 2, f, sizeof f, &len), RK_ERR_P25_PARAM);
        CHECK_EQ(len, 0);
        CHECK_ZERO(f, sizeof f);
        p = good; p.src_rsi = 0xffffffff;
        CHECK_EQ(rk_p25_mk_encode(&p, it, 2, f, sizeof f, &len), RK_ERR_P25_PARAM);
        p = good; p.response_kind = 3;
        CHECK_EQ(rk_p25_mk_encode(&p, it, 2, f, sizeof f, &len), RK_ERR_P25_PARAM);
        p = good; p.has_mn = 2;
        CHECK_EQ(rk_p25_mk_encode(&p, it, 2, f, sizeof f, &len), RK_ERR_P25_PARAM);
        p = good; p.mac_format = 0x42;
        CHECK_EQ(rk_p25_mk_encode(&p, it, 2, f, sizeof f, &len), RK_ERR_P25_PARAM);
        p = good; p.key_len = 0;
        CHECK_EQ(rk_p25_mk_encode(&p, it, 2, f, sizeof f, &len), RK_ERR_P25_PARAM);
        CHECK_EQ(rk_p25_mk_encode(&good, it, 0, f, sizeof f, &len), RK_ERR_P25_PARAM);
        rk_p25_item_in named[1] = { { w0, 1, 2, 0x05 } };
        CHECK_EQ(rk_p25_mk_encode(&good, named, 1, f, sizeof f, &len), RK_ERR_P25_PARAM);
        /* 255 items of 255 octets: above the frame maximum */
        static rk_p25_item_in many[255];
        static uint8_t big[255];
        for (int i = 0; i < 255; i++) { many[i].data = big; many[i].key_format = 0; }
        p = good; p.key_len = 255;
        CHECK_EQ(rk_p25_mk_encode(&p, many, 255, f, sizeof f, &len), RK_ERR_P25_PARAM);
    }
    CASE_END();
    CHECK_EQ(rk_p25_mk_encode(&good, it, 2, f, sizeof f, &len), RK_OK);
    size_t full = len;
    for (size_t cap = 0; cap < full; cap++) {
        CASE_BEGIN("encoder: cap %zu of %zu", cap, full);
        memset(f, 0xaa, sizeof f);
        CHECK_EQ(rk_p25_mk_encode(&good, it, 2, f, cap, &len), RK_ERR_BUFFER);
        CHECK_EQ(len, 0);
        CHECK_ZERO(f, cap);
        CHECK_EQ(f[cap], 0xaa);
        CASE_END();
    }
    CASE_BEGIN("build: parameter checks");
    {
        rk_p25_tek t[2];
        base_teks(t, 2, 32);
        rk_p25_mk_params p = good;
        memset(f, 0xaa, sizeof f);
        CHECK_EQ(rk_p25_build(UK, 24, &p, t, 2, f, sizeof f, &len), RK_ERR_P25_UKEK_LENGTH);
        CHECK_ZERO(f, sizeof f);
        p.kek_algid = RK_P25_ALGID_AES128;
        CHECK_EQ(rk_p25_build(UK, 32, &p, t, 2, f, sizeof f, &len), RK_ERR_P25_PARAM);
        p = good; p.key_len = 32;
        CHECK_EQ(rk_p25_build(UK, 32, &p, t, 2, f, sizeof f, &len), RK_ERR_P25_PARAM);
        p = good; p.mac_format = 0;
        CHECK_EQ(rk_p25_build(UK, 32, &p, t, 2, f, sizeof f, &len), RK_ERR_P25_PARAM);
        p = good; p.keyset_algid = 0x81;
        CHECK_EQ(rk_p25_build(UK, 32, &p, t, 2, f, sizeof f, &len), RK_ERR_P25_PARAM);
        CHECK_EQ(rk_p25_build(UK, 32, &good, t, 0, f, sizeof f, &len), RK_ERR_P25_PARAM);
        t[1].key_len = 16;
        memset(f, 0xaa, sizeof f);
        CHECK_EQ(rk_p25_build(UK, 32, &good, t, 2, f, sizeof f, &len), RK_ERR_P25_TEK_LENGTH);
        CHECK_EQ(len, 0);
        CHECK_ZERO(f, sizeof f);
        t[1].key_len = 32;
        memset(f, 0xaa, sizeof f);
        CHECK_EQ(rk_p25_build(UK, 32, &good, t, 2, f, 50, &len), RK_ERR_BUFFER);
        CHECK_ZERO(f, 50);
    }
    CASE_END();
}

static void mn_rule(void)
{
    CASE_BEGIN("rk_p25_mn_newer");
    CHECK_EQ(rk_p25_mn_newer(0, 0, 0), 1);
    CHECK_EQ(rk_p25_mn_newer(0, 0, 0xffff), 1);
    CHECK_EQ(rk_p25_mn_newer(0, 1, 0), 0);
    CHECK_EQ(rk_p25_mn_newer(1, 1, 0), 1);
    CHECK_EQ(rk_p25_mn_newer(5, 1, 5), 0);
    CHECK_EQ(rk_p25_mn_newer(4, 1, 5), 0);
    CHECK_EQ(rk_p25_mn_newer(0xffff, 1, 0xfffe), 1);
    CHECK_EQ(rk_p25_mn_newer(0, 1, 0xffff), 0); /* no wrap-around */
    CASE_END();
}

static void mac_api(void)
{
    static uint8_t f[512];
    size_t len = build_base(f, sizeof f, 1);
    rk_p25_kmm k;
    uint8_t mac[8], key[32];
    CASE_BEGIN("mac api errors zero their outputs");
    CHECK_EQ(rk_p25_kmm_parse(f, len, &k), RK_OK);
    memset(mac, 0xaa, 8);
    CHECK_EQ(rk_p25_mac_compute(UK, 20, f, len, &k, mac), RK_ERR_P25_UKEK_LENGTH);
    CHECK_ZERO(mac, 8);
    memset(key, 0xaa, 32);
    CHECK_EQ(rk_p25_mac_key_cmac(UK, 32, f, 11, key), RK_ERR_LENGTH);
    CHECK_ZERO(key, 32);
    CHECK_EQ(rk_p25_mac_key_cmac(UK, 31, f, 12, key), RK_ERR_P25_UKEK_LENGTH);
    CHECK_ZERO(key, 32);
    CHECK_EQ(rk_p25_mac_apply(UK, 32, f, 5), RK_ERR_P25_TRUNCATED);
    /* the MAC octets themselves are not an input of the computation */
    CHECK_EQ(rk_p25_mac_compute(UK, 32, f, len, &k, mac), RK_OK);
    f[k.mac_off] ^= 0xff;
    uint8_t mac2[8];
    CHECK_EQ(rk_p25_mac_compute(UK, 32, f, len, &k, mac2), RK_OK);
    CHECK_MEM(mac, mac2, 8);
    CHECK_EQ(rk_p25_mac_verify(UK, 32, f, len, &k), RK_ERR_P25_MAC);
    CASE_END();
    CASE_BEGIN("frame without MAC: compute refuses");
    {
        rk_p25_mk_params p = base_params();
        p.mac_format = 0;
        static uint8_t w0[40];
        const uint8_t *d[1] = { w0 };
        size_t l = craft(&p, d, NULL, 1, NULL, 0, f, sizeof f);
        CHECK_EQ(rk_p25_kmm_parse(f, l, &k), RK_OK);
        memset(mac, 0xaa, 8);
        CHECK_EQ(rk_p25_mac_compute(UK, 32, f, l, &k, mac), RK_ERR_P25_NO_MAC);
        CHECK_ZERO(mac, 8);
        CHECK_EQ(rk_p25_mac_apply(UK, 32, f, l), RK_ERR_P25_NO_MAC);
    }
    CASE_END();
}

static void tetra(void)
{
    static uint8_t kek[32], blob[64], w[80], out[80];
    size_t wl = 0, ol = 9;
    for (int i = 0; i < 32; i++) kek[i] = (uint8_t)(0x33 * i + 1);
    for (int i = 0; i < 64; i++) blob[i] = (uint8_t)(0xa5 ^ i);
    CASE_BEGIN("tetra KW blob");
    CHECK_EQ(rk_kw_wrap(kek, 32, blob, 48, w, sizeof w, &wl), RK_OK);
    CHECK_EQ(rk_tetra_unwrap(kek, 32, 0, w, wl, out, sizeof out, &ol), RK_OK);
    CHECK_EQ(ol, 48);
    CHECK_MEM(out, blob, 48);
    w[3] ^= 1;
    memset(out, 0xaa, sizeof out);
    CHECK_EQ(rk_tetra_unwrap(kek, 32, 0, w, wl, out, sizeof out, &ol), RK_ERR_P25_TETRA_ICV);
    CHECK_EQ(ol, 0);
    CHECK_ZERO(out, sizeof out);
    CHECK_EQ(rk_tetra_unwrap(kek, 32, 0, w, 20, out, sizeof out, &ol), RK_ERR_P25_TETRA_LENGTH);
    CHECK_EQ(rk_tetra_unwrap(kek, 24, 0, w, wl, out, sizeof out, &ol), RK_ERR_P25_UKEK_LENGTH);
    CHECK_EQ(rk_tetra_unwrap(kek, 32, 2, w, wl, out, sizeof out, &ol), RK_ERR_P25_PARAM);
    CHECK_EQ(rk_tetra_unwrap(kek, 32, 0, w, wl, out, 8, &ol), RK_ERR_BUFFER);
    CASE_END();
    CASE_BEGIN("tetra KWP blob (odd length)");
    CHECK_EQ(rk_kwp_wrap(kek, 16, blob, 21, w, sizeof w, &wl), RK_OK);
    CHECK_EQ(rk_tetra_unwrap(kek, 16, 1, w, wl, out, sizeof out, &ol), RK_OK);
    CHECK_EQ(ol, 21);
    CHECK_MEM(out, blob, 21);
    CHECK_EQ(rk_tetra_unwrap(kek, 16, 0, w, wl, out, sizeof out, &ol), RK_ERR_P25_TETRA_ICV);
    w[wl - 1] ^= 0x10;
    CHECK_EQ(rk_tetra_unwrap(kek, 16, 1, w, wl, out, sizeof out, &ol), RK_ERR_P25_TETRA_ICV);
    CHECK_ZERO(out, sizeof out);
    CASE_END();
}

static void strings(void)
{
    CASE_BEGIN("p25 status strings distinct");
    for (int c = -1100; c >= -1137; c--) {
        const char *s = rk_strerror(c);
        CHECK(strcmp(s, "unknown status") != 0);
        for (int d = c - 1; d >= -1137; d--) CHECK(strcmp(s, rk_strerror(d)) != 0);
    }
    CASE_END();
}

void rk_suite_p25(void)
{
    keys_init();
    RUN(mn_rule);
    aaca_vectors();
    rfc3394_teks();
    own_vectors();
    tamper_every_byte();
    semantic_negatives();
    parser_negatives();
    encoder_negatives();
    RUN(mac_api);
    tetra();
    RUN(strings);
}
