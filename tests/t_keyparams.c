/* SPDX-License-Identifier: Apache-2.0 */
/* TS 33.180 E.6 key parameters: protected-payload framing and AAD, the Key
 * Parameters plaintext codec, GUK-ID (core/include/rootkey/keyparams.h).
 * Positive: both vendors' type-7 extensions (vectors/keyparams/), decrypted
 * with OpenSSL's AES-128-GCM under rk_dpck and our AAD as an oracle; the two
 * GUK-ID vectors.  Negative: every prefix, every length field at 0, 1,
 * true-1, true+1 and max, every other value of each checked octet. */
#include <stdlib.h>
#include "rk_test.h"
#include "rootkey/keyparams.h"
#include "rootkey/hash.h"
#include "rootkey/status.h"
#ifndef RK_NO_ORACLES
#include <openssl/evp.h>
#endif

typedef struct {
    uint8_t frame[512], pt[512], iv[16], gmk[16];
    size_t frame_len, pt_len;
    long long msg_type, date_time, payload_id, seq, alg, dppk_id, ct_len;
    long long key_type, status, activation, expiry, text_len, has_group_ids, n_groups;
    char group0[128];
    char name[64];
} kp_vec;

static kp_vec vecs[2];
static int nvecs = -1;

static int load(void)
{
    static rk_vec v;
    if (nvecs >= 0) return nvecs;
    nvecs = 0;
    if (!rk_vec_open(&v, "keyparams/e6_protected_payload.txt")) return 0;
    while (nvecs < 2 && rk_vec_next(&v)) {
        kp_vec *k = &vecs[nvecs];
        long n = rk_vec_hex(&v, "frame", k->frame, sizeof k->frame);
        long m = rk_vec_hex(&v, "plaintext", k->pt, sizeof k->pt);
        if (n < 0 || m < 0 || rk_vec_hex(&v, "iv", k->iv, 16) != 16 || rk_vec_hex(&v, "gmk", k->gmk, 16) != 16)
            return 0;
        k->frame_len = (size_t)n;
        k->pt_len = (size_t)m;
        k->msg_type = rk_vec_int(&v, "msg_type", -1);
        k->date_time = rk_vec_int(&v, "date_time", -1);
        k->payload_id = rk_vec_int(&v, "payload_id", -1);
        k->seq = rk_vec_int(&v, "seq", -1);
        k->alg = rk_vec_int(&v, "alg", -1);
        k->dppk_id = rk_vec_int(&v, "dppk_id", -1);
        k->ct_len = rk_vec_int(&v, "ct_len", -1);
        k->key_type = rk_vec_int(&v, "key_type", -1);
        k->status = rk_vec_int(&v, "status", -1);
        k->activation = rk_vec_int(&v, "activation", -1);
        k->expiry = rk_vec_int(&v, "expiry", -1);
        k->text_len = rk_vec_int(&v, "text_len", -1);
        k->has_group_ids = rk_vec_int(&v, "has_group_ids", -1);
        k->n_groups = rk_vec_int(&v, "n_groups", -1);
        const char *g = rk_vec_str(&v, "group0");
        snprintf(k->group0, sizeof k->group0, "%s", g ? g : "");
        const char *nm = rk_vec_str(&v, "name");
        snprintf(k->name, sizeof k->name, "%s", nm ? nm : "?");
        nvecs++;
    }
    rk_vec_close(&v);
    return nvecs;
}

static void fexpect(const char *what, const uint8_t *d, size_t n, uint32_t dppk, rk_status want)
{
    rk_kp_frame f;
    memset(&f, 0xA5, sizeof f);
    CASE_BEGIN("frame: %s", what);
    uint8_t *h = malloc(n ? n : 1);   /* exact size: ASan sees over-reads */
    if (!h) { CHECK(h != NULL); CASE_END(); return; }
    memcpy(h, d, n);
    rk_status st = rk_keyparams_frame_decode(&f, h, n, dppk);
    free(h);
    if (st != want)
        rk_t_failf(__FILE__, __LINE__, "%s: got %d (%s), expected %d (%s)", what, st,
                   rk_strerror(st), want, rk_strerror(want));
    if (want != RK_OK) {
        CHECK_EQ(f.ct_len, 0); CHECK_EQ(f.ct_off, 0); CHECK_EQ(f.h.dppk_id, 0);
        CHECK_EQ(f.h.msg_type, 0); CHECK_EQ(f.h.date_time, 0); CHECK_ZERO(f.h.iv, 16);
    }
    CASE_END();
}

static void pexpect(const char *what, const uint8_t *d, size_t n, rk_status want)
{
    rk_kp_params_view p;
    memset(&p, 0xA5, sizeof p);
    CASE_BEGIN("plaintext: %s", what);
    uint8_t *h = malloc(n ? n : 1);   /* exact size: ASan sees over-reads */
    if (!h) { CHECK(h != NULL); CASE_END(); return; }
    memcpy(h, d, n);
    rk_status st = rk_keyparams_decode(&p, h, n);
    free(h);
    if (st != want)
        rk_t_failf(__FILE__, __LINE__, "%s: got %d (%s), expected %d (%s)", what, st,
                   rk_strerror(st), want, rk_strerror(want));
    if (want != RK_OK) {
        CHECK_EQ(p.n_groups, 0); CHECK_EQ(p.text.len, 0); CHECK_EQ(p.has_group_ids, 0);
        CHECK_EQ(p.key_type, 0); CHECK_EQ(p.status, 0); CHECK_EQ(p.group[0].len, 0);
    }
    CASE_END();
}

static void frame_vectors(void)
{
    CHECK(load() == 2);
    for (int i = 0; i < nvecs; i++) {
        kp_vec *k = &vecs[i];
        rk_kp_frame f;
        uint8_t aad[32], out[512];
        size_t n = 0;
        CASE_BEGIN("frame vector %s", k->name);
        CHECK_EQ(rk_keyparams_frame_decode(&f, k->frame, k->frame_len, (uint32_t)k->dppk_id), RK_OK);
        CHECK_EQ(f.h.msg_type, k->msg_type);
        CHECK_EQ(f.h.date_time, k->date_time);
        CHECK_EQ(f.h.payload_id, k->payload_id);
        CHECK_EQ(f.h.seq, k->seq);
        CHECK_EQ(f.h.alg, k->alg);
        CHECK_MEM(f.h.iv, k->iv, 16);
        CHECK_EQ(f.h.dppk_id, k->dppk_id);
        CHECK_EQ(f.ct_off, 35);
        CHECK_EQ(f.ct_len, k->ct_len);
        CHECK_EQ(f.ct_len, k->pt_len + 16);
        /* the AAD is octets 0..31 of the framing (docs/references.md §5.5) */
        rk_keyparams_aad(aad, &f.h);
        CHECK_MEM(aad, k->frame, 32);
        /* re-encoding gives the same octets */
        CHECK_EQ(rk_keyparams_frame_encode(out, sizeof out, &n, &f.h, k->frame + f.ct_off, f.ct_len), RK_OK);
        CHECK_EQ(n, k->frame_len);
        CHECK_MEM(out, k->frame, k->frame_len);
        /* ct NULL: room for in-place encryption, zero-filled */
        memset(out, 0xEE, sizeof out);
        CHECK_EQ(rk_keyparams_frame_encode(out, sizeof out, &n, &f.h, NULL, f.ct_len), RK_OK);
        CHECK_MEM(out, k->frame, 35);
        CHECK_ZERO(out + 35, f.ct_len);
        CASE_END();
    }
}

#ifndef RK_NO_ORACLES
/* AES-128-GCM decryption of both vendors' extensions with OpenSSL, keyed by
 * rk_dpck(GMK, DPPK-ID), IV = the 16 framing octets, AAD = rk_keyparams_aad:
 * proves the framing and AAD are the ones the vendors used. */
static void gcm_oracle(void)
{
    CHECK(load() == 2);
    for (int i = 0; i < nvecs; i++) {
        kp_vec *k = &vecs[i];
        rk_kp_frame f;
        uint8_t aad[32], dpck[16], id[4], pt[512];
        int len = 0, fin = 0;
        CASE_BEGIN("gcm oracle %s", k->name);
        CHECK_EQ(rk_keyparams_frame_decode(&f, k->frame, k->frame_len, (uint32_t)k->dppk_id), RK_OK);
        rk_keyparams_aad(aad, &f.h);
        id[0] = (uint8_t)(f.h.dppk_id >> 24); id[1] = (uint8_t)(f.h.dppk_id >> 16);
        id[2] = (uint8_t)(f.h.dppk_id >> 8); id[3] = (uint8_t)f.h.dppk_id;
        rk_dpck(dpck, k->gmk, 16, id);
        EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
        const uint8_t *ct = k->frame + f.ct_off;
        size_t cl = f.ct_len - 16;
        CHECK(EVP_DecryptInit_ex(c, EVP_aes_128_gcm(), NULL, NULL, NULL) == 1);
        CHECK(EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_IVLEN, 16, NULL) == 1);
        CHECK(EVP_DecryptInit_ex(c, NULL, NULL, dpck, f.h.iv) == 1);
        CHECK(EVP_DecryptUpdate(c, NULL, &len, aad, 32) == 1);
        CHECK(EVP_DecryptUpdate(c, pt, &len, ct, (int)cl) == 1);
        CHECK(EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, 16, (void *)(ct + cl)) == 1);
        CHECK(EVP_DecryptFinal_ex(c, pt + len, &fin) == 1);
        EVP_CIPHER_CTX_free(c);
        CHECK_EQ((size_t)len + (size_t)fin, k->pt_len);
        CHECK_MEM(pt, k->pt, k->pt_len);
        CASE_END();
    }
}
#endif

static void plaintext_vectors(void)
{
    CHECK(load() == 2);
    for (int i = 0; i < nvecs; i++) {
        kp_vec *k = &vecs[i];
        rk_kp_params_view p;
        rk_kp_params e;
        uint8_t out[512];
        size_t n = 0;
        CASE_BEGIN("plaintext vector %s", k->name);
        CHECK_EQ(rk_keyparams_decode(&p, k->pt, k->pt_len), RK_OK);
        CHECK_EQ(p.key_type, k->key_type);
        CHECK_EQ(p.status, k->status);
        CHECK_EQ(p.activation, k->activation);
        CHECK_EQ(p.expiry, k->expiry);
        CHECK_EQ(p.text.off, 17);
        CHECK_EQ(p.text.len, k->text_len);
        CHECK_EQ(p.has_group_ids, k->has_group_ids);
        CHECK_EQ(p.n_groups, k->n_groups);
        if (k->n_groups > 0) {
            CHECK_EQ(p.group[0].len, strlen(k->group0));
            CHECK_MEM(k->pt + p.group[0].off, k->group0, strlen(k->group0));
        }
        /* encode the decoded fields: the same octets */
        memset(&e, 0, sizeof e);
        e.key_type = p.key_type; e.status = p.status; e.activation = p.activation; e.expiry = p.expiry;
        e.text = k->pt + p.text.off; e.text_len = p.text.len;
        e.has_group_ids = p.has_group_ids; e.n_groups = p.n_groups;
        for (size_t g = 0; g < p.n_groups; g++) { e.group[g] = k->pt + p.group[g].off; e.group_len[g] = p.group[g].len; }
        CHECK_EQ(rk_keyparams_encode(out, sizeof out, &n, &e), RK_OK);
        CHECK_EQ(n, k->pt_len);
        CHECK_MEM(out, k->pt, k->pt_len);
        CASE_END();
    }
}

static void round_trip_full(void)
{
    static const uint8_t text[] = "LMR root key, P25 system 0x123";
    static const uint8_t g1[] = "sip:grp1@example.org", g2[] = "sip:g2@x", g3[] = "tel:+1";
    rk_kp_params e;
    rk_kp_params_view p;
    uint8_t out[512];
    size_t n;
    memset(&e, 0, sizeof e);
    e.key_type = 15; e.status = 1; e.activation = 0xFFFFFFFFFFull; e.expiry = 0x0102030405ull;
    e.text = text; e.text_len = sizeof text - 1;
    e.has_group_ids = 1; e.n_groups = 3;
    e.group[0] = g1; e.group_len[0] = sizeof g1 - 1;
    e.group[1] = g2; e.group_len[1] = sizeof g2 - 1;
    e.group[2] = g3; e.group_len[2] = sizeof g3 - 1;
    CHECK_EQ(rk_keyparams_encode(out, sizeof out, &n, &e), RK_OK);
    CHECK_EQ(rk_keyparams_decode(&p, out, n), RK_OK);
    CHECK_EQ(p.key_type, 15); CHECK_EQ(p.status, 1);
    CHECK(p.activation == 0xFFFFFFFFFFull); CHECK(p.expiry == 0x0102030405ull);
    CHECK_EQ(p.text.len, e.text_len); CHECK_MEM(out + p.text.off, text, e.text_len);
    CHECK_EQ(p.n_groups, 3);
    for (size_t i = 0; i < 3; i++) {
        CHECK_EQ(p.group[i].len, e.group_len[i]);
        CHECK_MEM(out + p.group[i].off, e.group[i], e.group_len[i]);
    }
    /* without Group IDs, and with an empty list */
    e.has_group_ids = 0; e.n_groups = 0;
    CHECK_EQ(rk_keyparams_encode(out, sizeof out, &n, &e), RK_OK);
    CHECK_EQ(n, 17 + e.text_len);
    CHECK_EQ(rk_keyparams_decode(&p, out, n), RK_OK);
    CHECK_EQ(p.has_group_ids, 0);
    e.has_group_ids = 1;
    CHECK_EQ(rk_keyparams_encode(out, sizeof out, &n, &e), RK_OK);
    CHECK_EQ(rk_keyparams_decode(&p, out, n), RK_OK);
    CHECK_EQ(p.has_group_ids, 1); CHECK_EQ(p.n_groups, 0);
    /* eight groups: the limit */
    e.n_groups = 8;
    for (size_t i = 0; i < 8; i++) { e.group[i] = g2; e.group_len[i] = sizeof g2 - 1; }
    CHECK_EQ(rk_keyparams_encode(out, sizeof out, &n, &e), RK_OK);
    CHECK_EQ(rk_keyparams_decode(&p, out, n), RK_OK);
    CHECK_EQ(p.n_groups, 8);
}

static void frame_negatives(void)
{
    static uint8_t d[600];
    char w[80];
    CHECK(load() == 2);
    for (int i = 0; i < nvecs; i++) {
        kp_vec *k = &vecs[i];
        uint32_t id = (uint32_t)k->dppk_id;
        size_t n = k->frame_len;
        for (size_t l = 0; l < n; l++) {
            snprintf(w, sizeof w, "%s prefix %zu", k->name, l);
            fexpect(w, k->frame, l, id, RK_ERR_KP_TRUNCATED);
        }
        memcpy(d, k->frame, n);
        d[n] = 0;
        snprintf(w, sizeof w, "%s trailing +1", k->name);
        fexpect(w, d, n + 1, id, RK_ERR_KP_TRAILING);
        for (int val = 0; val < 256; val++) {
            memcpy(d, k->frame, n);
            d[0] = (uint8_t)val;
            snprintf(w, sizeof w, "%s message type %d", k->name, val);
            fexpect(w, d, n, id, (val == 0x40 || val == 0x43) ? RK_OK : RK_ERR_KP_MSG_TYPE);
            memcpy(d, k->frame, n);
            d[11] = (uint8_t)val;
            snprintf(w, sizeof w, "%s algorithm %d", k->name, val);
            fexpect(w, d, n, id, val == 1 ? RK_OK : RK_ERR_KP_ALG);
            memcpy(d, k->frame, n);
            d[32] = (uint8_t)val;
            snprintf(w, sizeof w, "%s IEI octet %d", k->name, val);
            fexpect(w, d, n, id, val == 0 ? RK_OK : RK_ERR_KP_IEI);
        }
        for (int bit = 0; bit < 32; bit++) {
            snprintf(w, sizeof w, "%s expected DPPK-ID bit %d flipped", k->name, bit);
            fexpect(w, k->frame, n, id ^ (1u << bit), RK_ERR_KP_DPPK_ID);
        }
        /* the length field at 33 */
        static const struct { int delta; unsigned abs; rk_status want; } lf[] = {
            { 0, 0, RK_ERR_KP_TRAILING }, { 0, 1, RK_ERR_KP_TRAILING }, { -1, 0, RK_ERR_KP_TRAILING },
            { 1, 0, RK_ERR_KP_TRUNCATED }, { 0, 0xFFFF, RK_ERR_KP_TRUNCATED }, { 0, 0xFFFE, RK_ERR_KP_TRUNCATED },
        };
        for (size_t j = 0; j < sizeof lf / sizeof lf[0]; j++) {
            unsigned v = lf[j].delta ? (unsigned)((long long)k->ct_len + lf[j].delta) : lf[j].abs;
            memcpy(d, k->frame, n);
            d[33] = (uint8_t)(v >> 8); d[34] = (uint8_t)v;
            snprintf(w, sizeof w, "%s length field %u", k->name, v);
            fexpect(w, d, n, id, lf[j].want);
        }
        /* consistent but too short to hold a tag and the fixed fields */
        for (size_t cl = 0; cl < 33; cl++) {
            memcpy(d, k->frame, 35);
            memset(d + 35, 0x5A, cl);
            d[33] = 0; d[34] = (uint8_t)cl;
            snprintf(w, sizeof w, "%s ciphertext length %zu", k->name, cl);
            fexpect(w, d, 35 + cl, id, RK_ERR_KP_CT_LENGTH);
        }
    }
    rk_kp_frame f;
    CHECK_EQ(rk_keyparams_frame_decode(NULL, vecs[0].frame, 71, 0), RK_ERR_NULL);
    CHECK_EQ(rk_keyparams_frame_decode(&f, NULL, 71, 0), RK_ERR_NULL);
    CHECK_EQ(f.ct_len, 0);
}

static void frame_encode_negatives(void)
{
    static uint8_t out[600], ct[100];
    rk_kp_header h;
    size_t n;
    CHECK(load() == 2);
    rk_kp_frame f;
    CHECK_EQ(rk_keyparams_frame_decode(&f, vecs[0].frame, vecs[0].frame_len, (uint32_t)vecs[0].dppk_id), RK_OK);
    h = f.h;
#define FNEG(what, edit, len, cap, want) do { rk_kp_header hh = h; edit; memset(out, 0xEE, sizeof out); n = 9; \
        CASE_BEGIN("frame encode: %s", what); \
        CHECK_EQ(rk_keyparams_frame_encode(out, cap, &n, &hh, ct, len), want); \
        CHECK_EQ(n, 0); for (size_t i_ = 0; i_ < sizeof out; i_++) if (out[i_] != 0xEE) { CHECK(out[i_] == 0xEE); break; } \
        CASE_END(); } while (0)
    FNEG("message type 0x41", hh.msg_type = 0x41, 36, sizeof out, RK_ERR_KP_MSG_TYPE);
    FNEG("algorithm 2", hh.alg = 2, 36, sizeof out, RK_ERR_KP_ALG);
    FNEG("ciphertext 32", (void)0, 32, sizeof out, RK_ERR_KP_CT_LENGTH);
    FNEG("ciphertext 65536", (void)0, 65536, sizeof out, RK_ERR_KP_TEXT_LENGTH);
    for (size_t cap = 0; cap < 35 + 36; cap++) {
        char w[40];
        snprintf(w, sizeof w, "cap %zu", cap);
        FNEG(w, (void)0, 36, cap, RK_ERR_BUFFER);
    }
#undef FNEG
    CHECK_EQ(rk_keyparams_frame_encode(out, sizeof out, NULL, &h, ct, 36), RK_ERR_NULL);
    CHECK_EQ(rk_keyparams_frame_encode(out, sizeof out, &n, NULL, ct, 36), RK_ERR_NULL);
}

static void plaintext_negatives(void)
{
    static uint8_t d[600];
    char w[80];
    CHECK(load() == 2);
    for (int i = 0; i < nvecs; i++) {
        kp_vec *k = &vecs[i];
        size_t n = k->pt_len;
        for (size_t l = 0; l < n; l++) {
            snprintf(w, sizeof w, "%s prefix %zu", k->name, l);
            /* 17 octets: Key Type .. empty Text, no Group IDs: complete */
            pexpect(w, k->pt, l, l == 17 ? RK_OK : RK_ERR_KP_PT_TRUNCATED);
        }
        memcpy(d, k->pt, n);
        d[n] = 0;
        snprintf(w, sizeof w, "%s trailing +1", k->name);
        pexpect(w, d, n + 1, RK_ERR_KP_PT_TRAILING);
        for (int val = 16; val < 256; val++) {
            memcpy(d, k->pt, n);
            d[0] = (uint8_t)val;
            snprintf(w, sizeof w, "%s key type %d", k->name, val);
            pexpect(w, d, n, RK_ERR_KP_KEY_TYPE);
        }
    }
    /* ALEA: text length at 15 (true 0), group list length at 17 (true 32),
     * count at 19 (true 1), IEI at 20, entry length at 21 (true 28) */
    kp_vec *a = &vecs[1];
    static const struct { size_t off; int width; unsigned val; rk_status want; const char *why; } c[] = {
        { 15, 2, 1, RK_ERR_KP_PT_TRUNCATED, "text 1: list length read as 0x2001" },
        { 15, 2, 0xFFFF, RK_ERR_KP_PT_TRUNCATED, "text 65535" },
        { 15, 2, 33, RK_ERR_KP_PT_TRUNCATED, "text 33: one octet left, no list length" },
        { 15, 2, 34, RK_OK, "text 34: the whole rest is text" },
        { 15, 2, 35, RK_ERR_KP_PT_TRUNCATED, "text 35" },
        { 17, 2, 0, RK_ERR_KP_PT_TRUNCATED, "list 0: no count" },
        { 17, 2, 1, RK_ERR_KP_PT_TRAILING, "list 1" },
        { 17, 2, 31, RK_ERR_KP_PT_TRAILING, "list 31" },
        { 17, 2, 33, RK_ERR_KP_PT_TRUNCATED, "list 33" },
        { 17, 2, 0xFFFF, RK_ERR_KP_PT_TRUNCATED, "list 65535" },
        { 19, 1, 0, RK_ERR_KP_GROUP_COUNT, "count 0 with one entry" },
        { 19, 1, 2, RK_ERR_KP_GROUP_COUNT, "count 2 with one entry" },
        { 19, 1, 8, RK_ERR_KP_GROUP_COUNT, "count 8 with one entry" },
        { 19, 1, 9, RK_ERR_KP_GROUP_LIMIT, "count 9" },
        { 19, 1, 255, RK_ERR_KP_GROUP_LIMIT, "count 255" },
        { 20, 1, 0x7A, RK_ERR_KP_GROUP_IEI, "IEI 0x7a" },
        { 20, 1, 0x00, RK_ERR_KP_GROUP_IEI, "IEI 0x00" },
        { 21, 2, 0, RK_ERR_KP_GROUP_LENGTH, "entry 0" },
        { 21, 2, 1, RK_ERR_KP_GROUP_COUNT, "entry 1: 27 stray octets" },
        { 21, 2, 27, RK_ERR_KP_GROUP_COUNT, "entry 27: 1 stray octet" },
        { 21, 2, 29, RK_ERR_KP_GROUP_LENGTH, "entry 29" },
        { 21, 2, 0xFFFF, RK_ERR_KP_GROUP_LENGTH, "entry 65535" },
    };
    CHECK(a->pt_len == 51);
    for (size_t j = 0; j < sizeof c / sizeof c[0]; j++) {
        memcpy(d, a->pt, a->pt_len);
        if (c[j].width == 1) d[c[j].off] = (uint8_t)c[j].val;
        else { d[c[j].off] = (uint8_t)(c[j].val >> 8); d[c[j].off + 1] = (uint8_t)c[j].val; }
        pexpect(c[j].why, d, a->pt_len, c[j].want);
    }
    /* Streamwide: list of length 1 holding count 0; an entry header cut */
    memcpy(d, vecs[0].pt, vecs[0].pt_len);
    d[19] = 1;
    pexpect("count 1, no entry", d, vecs[0].pt_len, RK_ERR_KP_GROUP_COUNT);
    memcpy(d, a->pt, 20);
    d[17] = 0; d[18] = 3; d[19] = 1; d[20] = 0x7B; d[21] = 0;
    pexpect("entry header cut", d, 22, RK_ERR_KP_GROUP_LENGTH);
    rk_kp_params_view p;
    CHECK_EQ(rk_keyparams_decode(NULL, a->pt, a->pt_len), RK_ERR_NULL);
    CHECK_EQ(rk_keyparams_decode(&p, NULL, a->pt_len), RK_ERR_NULL);
}

static void encode_negatives(void)
{
    static const uint8_t g[] = "sip:g@x";
    static uint8_t out[600];
    rk_kp_params e, base;
    size_t n;
    memset(&base, 0, sizeof base);
    base.key_type = 15; base.status = 1; base.has_group_ids = 1; base.n_groups = 1;
    base.group[0] = g; base.group_len[0] = sizeof g - 1;
#define KNEG(what, edit, cap, want) do { e = base; edit; memset(out, 0xEE, sizeof out); n = 9; \
        CASE_BEGIN("encode: %s", what); \
        CHECK_EQ(rk_keyparams_encode(out, cap, &n, &e), want); \
        CHECK_EQ(n, 0); for (size_t i_ = 0; i_ < sizeof out; i_++) if (out[i_] != 0xEE) { CHECK(out[i_] == 0xEE); break; } \
        CASE_END(); } while (0)
    KNEG("key type 16", e.key_type = 16, sizeof out, RK_ERR_KP_KEY_TYPE);
    KNEG("activation 2^40", e.activation = 1ull << 40, sizeof out, RK_ERR_LENGTH);
    KNEG("expiry 2^40", e.expiry = 1ull << 40, sizeof out, RK_ERR_LENGTH);
    KNEG("groups without Group IDs", e.has_group_ids = 0, sizeof out, RK_ERR_KP_GROUP_COUNT);
    KNEG("9 groups", e.n_groups = 9, sizeof out, RK_ERR_KP_GROUP_LIMIT);
    KNEG("empty group", e.group_len[0] = 0, sizeof out, RK_ERR_KP_GROUP_LENGTH);
    KNEG("text 65536", { static uint8_t t[65536]; e.text = t; e.text_len = 65536; }, sizeof out, RK_ERR_KP_TEXT_LENGTH);
    KNEG("group list over 65535", { static uint8_t t[30000]; e.n_groups = 3; for (int q = 0; q < 3; q++) { e.group[q] = t; e.group_len[q] = 30000; } },
         sizeof out, RK_ERR_KP_TEXT_LENGTH);
    for (size_t cap = 0; cap < 17 + 2 + 1 + 3 + sizeof g - 1; cap++) {
        char w[40];
        snprintf(w, sizeof w, "cap %zu", cap);
        KNEG(w, (void)0, cap, RK_ERR_BUFFER);
    }
#undef KNEG
    CHECK_EQ(rk_keyparams_encode(out, sizeof out, NULL, &base), RK_ERR_NULL);
    CHECK_EQ(rk_keyparams_encode(out, sizeof out, &n, NULL), RK_ERR_NULL);
}

static void guk_ids(void)
{
    static rk_vec v;
    int n = 0;
    if (!rk_vec_open(&v, "keyparams/guk_id.txt")) { CHECK(0); return; }
    while (rk_vec_next(&v)) {
        uint8_t gmk[16];
        uint32_t guk = 1;
        const char *user = rk_vec_str(&v, "user");
        CASE_BEGIN("GUK-ID %s", rk_vec_str(&v, "name"));
        CHECK_EQ(rk_vec_hex(&v, "gmk", gmk, 16), 16);
        CHECK(user != NULL);
        if (user) {
            CHECK_EQ(rk_keyparams_guk_id(&guk, gmk, 16, (uint32_t)rk_vec_int(&v, "gmk_id", 0),
                                         (const uint8_t *)user, strlen(user)), RK_OK);
            CHECK_EQ(guk, rk_vec_int(&v, "guk_id", -1));
            /* another user, another salt; the purpose tag stays */
            uint32_t other = 0;
            CHECK_EQ(rk_keyparams_guk_id(&other, gmk, 16, (uint32_t)rk_vec_int(&v, "gmk_id", 0),
                                         (const uint8_t *)"sip:bob@x", 9), RK_OK);
            CHECK(other != guk);
            CHECK_EQ(other >> 28, (uint32_t)rk_vec_int(&v, "gmk_id", 0) >> 28);
            guk = 5;
            CHECK_EQ(rk_keyparams_guk_id(&guk, gmk, 15, 1, (const uint8_t *)user, strlen(user)), RK_ERR_KP_GMK_LENGTH);
            CHECK_EQ(guk, 0);
            guk = 5;
            CHECK_EQ(rk_keyparams_guk_id(&guk, gmk, 17, 1, (const uint8_t *)user, strlen(user)), RK_ERR_KP_GMK_LENGTH);
            CHECK_EQ(guk, 0);
        }
        CASE_END();
        n++;
    }
    rk_vec_close(&v);
    CHECK_EQ(n, 2);
    uint32_t g;
    static uint8_t big[65536];
    uint8_t k[16] = { 0 };
    g = 3;
    CHECK_EQ(rk_keyparams_guk_id(&g, k, 16, 1, big, sizeof big), RK_ERR_KDF_PARAM);
    CHECK_EQ(g, 0);
    CHECK_EQ(rk_keyparams_guk_id(NULL, k, 16, 1, big, 1), RK_ERR_NULL);
    CHECK_EQ(rk_keyparams_guk_id(&g, NULL, 16, 1, big, 1), RK_ERR_NULL);
    for (int c = -700; c >= -715; c--) {
        CASE_BEGIN("strerror %d", c);
        CHECK(strncmp(rk_strerror(c), "keyparams: ", 11) == 0);
        CASE_END();
    }
}

void rk_suite_keyparams(void)
{
    frame_vectors();
#ifndef RK_NO_ORACLES
    gcm_oracle();
#endif
    plaintext_vectors();
    RUN(round_trip_full);
    frame_negatives();
    frame_encode_negatives();
    plaintext_negatives();
    encode_negatives();
    guk_ids();
}
