/* SPDX-License-Identifier: Apache-2.0 */
/* AES-GCM (core/src/include/rootkey/gcm.h): Wycheproof aes_gcm (every tcId),
 * negatives with zeroed outputs (tag, ciphertext and AAD bit flips, IV and
 * length limits, key lengths), the context API, in-place operation, and a
 * differential test against OpenSSL 3 EVP with random keys, IV lengths
 * (including 16-octet IVs), AAD and plaintext lengths (including empty).
 * The one-shots run AES-NI / PCLMULQDQ where the CPU has them; the
 * Wycheproof cases also run through a context forced onto the bitsliced AES
 * and portable GHASH (rk_aes_init_portable on ctx.aes), and the two paths
 * are compared on random inputs (hw_matches_portable). */
#include <stdlib.h>
#include "rk_test.h"
#include "rootkey/gcm.h"
#include "rootkey/ct.h"
#include "../core/src/sym/aes_internal.h"

/* rk_gcm_init, then the AES key re-expanded on the bitsliced path: the
 * context then runs the proved fallback (GHASH follows ctx.aes.hw). */
static rk_status init_portable(rk_gcm_ctx *c, const uint8_t *key, size_t kl)
{
    rk_status s = rk_gcm_init(c, key, kl);
    if (s == RK_OK) s = rk_aes_init_portable(&c->aes, key, kl);
    return s;
}
#ifndef RK_NO_ORACLES
#include <openssl/evp.h>
#endif

#define MAXB 1024
static rk_vec vec;

/* "acceptable" in Wycheproof means either outcome is allowed; rootkey's
 * policy (docs/aes.md) is that an accepted acceptable case must match the
 * expected output exactly and a rejected one must have zeroed outputs.
 * aes_gcm has no acceptable cases; the rule is shared with t_kw.c/t_cmac.c. */
static void wycheproof_gcm(void)
{
    static uint8_t key[64], iv[512], aad[MAXB], msg[MAXB], ct[MAXB], tag[16], out[MAXB], otag[16];
    int n = 0;
    if (!rk_vec_open(&vec, "wycheproof/aes_gcm.txt")) return;
    while (rk_vec_next(&vec)) {
        long id = (long)rk_vec_int(&vec, "tcid", -1);
        const char *res = rk_vec_str(&vec, "result");
        CASE_BEGIN("wycheproof aes_gcm tcId %ld (%s)", id, res ? res : "?");
        long kl = rk_vec_hex(&vec, "key", key, sizeof key);
        long il = rk_vec_hex(&vec, "iv", iv, sizeof iv);
        long al = rk_vec_hex(&vec, "aad", aad, sizeof aad);
        long ml = rk_vec_hex(&vec, "msg", msg, sizeof msg);
        long cl = rk_vec_hex(&vec, "ct", ct, sizeof ct);
        long tl = rk_vec_hex(&vec, "tag", tag, sizeof tag);
        if (kl < 0 || il < 0 || al < 0 || ml < 0 || cl != ml || tl != 16 || !res) {
            CHECK(!"malformed record");
            CASE_END();
            continue;
        }
        int valid = strcmp(res, "valid") == 0, invalid = strcmp(res, "invalid") == 0;
        rk_status expect = RK_OK;
        if (kl != 16 && kl != 32) expect = RK_ERR_AES_KEYLEN;   /* AES-192: not offered */
        else if (il == 0) expect = RK_ERR_GCM_IVLEN;
        memset(out, 0xaa, sizeof out);
        memset(otag, 0xaa, sizeof otag);
        rk_status s = rk_gcm_seal(key, (size_t)kl, iv, (size_t)il, aad, (size_t)al, msg, (size_t)ml, out, otag);
        if (expect != RK_OK) {
            CHECK_EQ(s, expect);
            CHECK_ZERO(out, (size_t)ml);
            CHECK_ZERO(otag, 16);
        } else {
            CHECK_EQ(s, RK_OK);
            CHECK_MEM(out, ct, (size_t)ml);
            if (valid) CHECK_MEM(otag, tag, 16);
            if (invalid) CHECK(memcmp(otag, tag, 16) != 0);
            rk_gcm_ctx pc;   /* the fallback on the same case */
            uint8_t ptag[16];
            CHECK_EQ(init_portable(&pc, key, (size_t)kl), RK_OK);
            CHECK_EQ(pc.aes.hw, 0);
            CHECK_EQ(rk_gcm_ctx_seal(&pc, iv, (size_t)il, aad, (size_t)al, msg, (size_t)ml, out, ptag), RK_OK);
            CHECK_MEM(out, ct, (size_t)ml);
            CHECK_MEM(ptag, otag, 16);
            s = rk_gcm_ctx_open(&pc, iv, (size_t)il, aad, (size_t)al, ct, (size_t)cl, out, tag);
            CHECK_EQ(s, valid ? RK_OK : RK_ERR_GCM_TAG);
            rk_gcm_ctx_wipe(&pc);
        }
        memset(out, 0xaa, sizeof out);
        s = rk_gcm_open(key, (size_t)kl, iv, (size_t)il, aad, (size_t)al, ct, (size_t)cl, out, tag);
        if (expect != RK_OK) {
            CHECK_EQ(s, expect);
            CHECK_ZERO(out, (size_t)cl);
        } else if (valid) {
            CHECK_EQ(s, RK_OK);
            CHECK_MEM(out, msg, (size_t)ml);
        } else if (invalid) {
            CHECK_EQ(s, RK_ERR_GCM_TAG);
            CHECK_ZERO(out, (size_t)cl);
        } else { /* acceptable */
            CHECK(s == RK_OK ? memcmp(out, msg, (size_t)ml) == 0 : s == RK_ERR_GCM_TAG);
            if (s != RK_OK) CHECK_ZERO(out, (size_t)cl);
        }
        CASE_END();
        n++;
    }
    rk_vec_close(&vec);
    CASE_BEGIN("wycheproof aes_gcm: all 316 tcIds read");
    CHECK_EQ(n, 316);
    CASE_END();
}

/* A 16-octet-IV message as in the TS 33.180 protected payload: every single
 * bit flip of the tag, of the ciphertext and of the AAD fails with
 * RK_ERR_GCM_TAG and a zeroed plaintext; so do a wrong IV and a wrong key. */
static void bitflips_iv16(void)
{
    uint8_t key[16], iv[16], aad[29], pt[40], ct[40], tag[16], out[40];
    for (size_t i = 0; i < 16; i++) { key[i] = (uint8_t)(i * 3 + 1); iv[i] = (uint8_t)(0xf0 ^ i); }
    for (size_t i = 0; i < sizeof aad; i++) aad[i] = (uint8_t)(i * 7);
    for (size_t i = 0; i < sizeof pt; i++) pt[i] = (uint8_t)(0x40 + i);
    CHECK_EQ(rk_gcm_seal(key, 16, iv, 16, aad, sizeof aad, pt, sizeof pt, ct, tag), RK_OK);
    CHECK_EQ(rk_gcm_open(key, 16, iv, 16, aad, sizeof aad, ct, sizeof ct, out, tag), RK_OK);
    CHECK_MEM(out, pt, sizeof pt);
    int bad = 0;
    for (size_t bit = 0; bit < 8 * 16; bit++) {
        tag[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        memset(out, 0x55, sizeof out);
        bad += rk_gcm_open(key, 16, iv, 16, aad, sizeof aad, ct, sizeof ct, out, tag) != RK_ERR_GCM_TAG;
        bad += rk_ct_is_zero(out, sizeof out) != 1;
        tag[bit / 8] ^= (uint8_t)(1u << (bit % 8));
    }
    for (size_t bit = 0; bit < 8 * sizeof ct; bit++) {
        ct[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        memset(out, 0x55, sizeof out);
        bad += rk_gcm_open(key, 16, iv, 16, aad, sizeof aad, ct, sizeof ct, out, tag) != RK_ERR_GCM_TAG;
        bad += rk_ct_is_zero(out, sizeof out) != 1;
        ct[bit / 8] ^= (uint8_t)(1u << (bit % 8));
    }
    for (size_t bit = 0; bit < 8 * sizeof aad; bit++) {
        aad[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        bad += rk_gcm_open(key, 16, iv, 16, aad, sizeof aad, ct, sizeof ct, out, tag) != RK_ERR_GCM_TAG;
        aad[bit / 8] ^= (uint8_t)(1u << (bit % 8));
    }
    for (size_t bit = 0; bit < 8 * 16; bit++) {
        iv[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        bad += rk_gcm_open(key, 16, iv, 16, aad, sizeof aad, ct, sizeof ct, out, tag) != RK_ERR_GCM_TAG;
        iv[bit / 8] ^= (uint8_t)(1u << (bit % 8));
    }
    CHECK_EQ(bad, 0);
    /* truncated AAD / ciphertext, and a 12-octet prefix of the IV */
    CHECK_EQ(rk_gcm_open(key, 16, iv, 16, aad, sizeof aad - 1, ct, sizeof ct, out, tag), RK_ERR_GCM_TAG);
    CHECK_EQ(rk_gcm_open(key, 16, iv, 16, aad, sizeof aad, ct, sizeof ct - 1, out, tag), RK_ERR_GCM_TAG);
    CHECK_ZERO(out, sizeof ct - 1);
    CHECK_EQ(rk_gcm_open(key, 16, iv, 12, aad, sizeof aad, ct, sizeof ct, out, tag), RK_ERR_GCM_TAG);
    key[0] ^= 1;
    CHECK_EQ(rk_gcm_open(key, 16, iv, 16, aad, sizeof aad, ct, sizeof ct, out, tag), RK_ERR_GCM_TAG);
    CHECK_ZERO(out, sizeof out);
}

/* Public-parameter errors: distinct codes, every output zeroed. */
static void parameter_errors(void)
{
    uint8_t key[32] = { 1 }, iv[16] = { 2 }, pt[20] = { 3 }, out[20], tag[16];
    memset(out, 0xaa, sizeof out); memset(tag, 0xaa, sizeof tag);
    CHECK_EQ(rk_gcm_seal(key, 16, iv, 0, NULL, 0, pt, sizeof pt, out, tag), RK_ERR_GCM_IVLEN);
    CHECK_ZERO(out, sizeof out); CHECK_ZERO(tag, sizeof tag);
    memset(out, 0xaa, sizeof out);
    CHECK_EQ(rk_gcm_open(key, 16, iv, 0, NULL, 0, pt, sizeof pt, out, tag), RK_ERR_GCM_IVLEN);
    CHECK_ZERO(out, sizeof out);
    static const size_t badk[] = { 0, 15, 17, 24, 31, 33 };
    for (size_t i = 0; i < sizeof badk / sizeof badk[0]; i++) {
        memset(out, 0xaa, sizeof out); memset(tag, 0xaa, sizeof tag);
        CHECK_EQ(rk_gcm_seal(key, badk[i], iv, 16, NULL, 0, pt, sizeof pt, out, tag), RK_ERR_AES_KEYLEN);
        CHECK_ZERO(out, sizeof out); CHECK_ZERO(tag, sizeof tag);
        memset(out, 0xaa, sizeof out);
        CHECK_EQ(rk_gcm_open(key, badk[i], iv, 16, NULL, 0, pt, sizeof pt, out, tag), RK_ERR_AES_KEYLEN);
        CHECK_ZERO(out, sizeof out);
        rk_gcm_ctx c;
        CHECK_EQ(rk_gcm_init(&c, key, badk[i]), RK_ERR_AES_KEYLEN);
        CHECK_ZERO(c.h, sizeof c.h);
        CHECK_ZERO(c.aes.rk, sizeof c.aes.rk);
    }
#if SIZE_MAX > 0xffffffffu
    /* Length limits.  The over-long buffers are never read: the checks come
     * first (and only out[0..len-1], which is small here, is zeroed). */
    memset(out, 0xaa, sizeof out); memset(tag, 0xaa, sizeof tag);
    CHECK_EQ(rk_gcm_seal(key, 16, iv, 16, pt, (size_t)RK_GCM_MAX_AAD_BYTES + 1, pt, sizeof pt, out, tag),
             RK_ERR_GCM_LENGTH);
    CHECK_ZERO(out, sizeof out); CHECK_ZERO(tag, sizeof tag);
    memset(out, 0xaa, sizeof out);
    CHECK_EQ(rk_gcm_open(key, 16, iv, 16, pt, (size_t)RK_GCM_MAX_AAD_BYTES + 1, pt, sizeof pt, out, tag),
             RK_ERR_GCM_LENGTH);
    CHECK_ZERO(out, sizeof out);
    memset(out, 0xaa, sizeof out);
    CHECK_EQ(rk_gcm_open(key, 16, iv, (size_t)RK_GCM_MAX_IV_BYTES + 1, NULL, 0, pt, sizeof pt, out, tag),
             RK_ERR_GCM_IVLEN);
    CHECK_ZERO(out, sizeof out);
#endif
}

/* Context API and in-place seal/open give the same bytes as the one-shots. */
static void context_and_in_place(void)
{
    uint8_t key[32], iv[16], aad[5] = { 9, 8, 7, 6, 5 }, pt[100], ct[100], tag[16], buf[100], tag2[16];
    for (size_t i = 0; i < 32; i++) key[i] = (uint8_t)(0x80 + i);
    for (size_t i = 0; i < 16; i++) iv[i] = (uint8_t)i;
    for (size_t i = 0; i < 100; i++) pt[i] = (uint8_t)(i ^ 0x3c);
    rk_gcm_ctx c;
    CHECK_EQ(rk_gcm_init(&c, key, 32), RK_OK);
    CHECK_EQ(rk_gcm_seal(key, 32, iv, 16, aad, 5, pt, 100, ct, tag), RK_OK);
    memcpy(buf, pt, 100);
    CHECK_EQ(rk_gcm_ctx_seal(&c, iv, 16, aad, 5, buf, 100, buf, tag2), RK_OK);
    CHECK_MEM(buf, ct, 100);
    CHECK_MEM(tag2, tag, 16);
    CHECK_EQ(rk_gcm_ctx_open(&c, iv, 16, aad, 5, buf, 100, buf, tag), RK_OK);
    CHECK_MEM(buf, pt, 100);
    memcpy(buf, ct, 100);
    tag2[15] ^= 0x80;
    CHECK_EQ(rk_gcm_ctx_open(&c, iv, 16, aad, 5, buf, 100, buf, tag2), RK_ERR_GCM_TAG);
    CHECK_ZERO(buf, 100);
    /* empty plaintext and AAD: a pure tag */
    CHECK_EQ(rk_gcm_ctx_seal(&c, iv, 16, NULL, 0, NULL, 0, NULL, tag2), RK_OK);
    CHECK_EQ(rk_gcm_ctx_open(&c, iv, 16, NULL, 0, NULL, 0, NULL, tag2), RK_OK);
    tag2[0] ^= 1;
    CHECK_EQ(rk_gcm_ctx_open(&c, iv, 16, NULL, 0, NULL, 0, NULL, tag2), RK_ERR_GCM_TAG);
    rk_gcm_ctx_wipe(&c);
    CHECK_ZERO(c.aes.rk, sizeof c.aes.rk);
    CHECK_ZERO(c.h, sizeof c.h);
    CHECK_EQ(c.aes.nr, 0);
}

static uint64_t st = 0x243f6a8885a308d3ULL;
static void prng(uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        st ^= st << 13; st ^= st >> 7; st ^= st << 17;
        p[i] = (uint8_t)(st >> 32);
    }
}
static size_t prng_below(size_t n) { uint8_t b[4]; prng(b, 4); return ((size_t)b[0] | (size_t)b[1] << 8 | (size_t)b[2] << 16) % n; }

/* AES-NI + PCLMULQDQ against the bitsliced AES + portable GHASH: random
 * keys, IV lengths 1..40 (12 and 16 often), AAD 0..70 and text 0..300
 * octets; same ciphertext and tag, and each opens the other's output. */
static void hw_matches_portable(void)
{
    static uint8_t key[32], iv[40], aad[70], pt[300], c1[300], c2[300], t1[16], t2[16];
    int n = rk_t_quick() ? 300 : 3000, bad = 0;
    for (int iter = 0; iter < n && bad < 5; iter++) {
        size_t kl = (iter & 1) ? 32 : 16;
        size_t il = iter % 3 == 0 ? 12 : iter % 3 == 1 ? 16 : 1 + prng_below(40);
        size_t al = prng_below(71), ml = prng_below(301);
        prng(key, kl);
        prng(iv, il);
        prng(aad, al);
        prng(pt, ml);
        rk_gcm_ctx h, p;
        CHECK_EQ(rk_gcm_init(&h, key, kl), RK_OK);
        CHECK_EQ(init_portable(&p, key, kl), RK_OK);
        CHECK_EQ(rk_gcm_ctx_seal(&h, iv, il, aad, al, pt, ml, c1, t1), RK_OK);
        CHECK_EQ(rk_gcm_ctx_seal(&p, iv, il, aad, al, pt, ml, c2, t2), RK_OK);
        if (memcmp(c1, c2, ml) != 0 || memcmp(t1, t2, 16) != 0) {
            bad++;
            CHECK(!"AES-NI/PCLMULQDQ and portable GCM differ");
        }
        CHECK_EQ(rk_gcm_ctx_open(&p, iv, il, aad, al, c1, ml, c2, t1), RK_OK);
        CHECK_MEM(c2, pt, ml);
        CHECK_EQ(rk_gcm_ctx_open(&h, iv, il, aad, al, c1, ml, c2, t1), RK_OK);
        CHECK_MEM(c2, pt, ml);
        rk_gcm_ctx_wipe(&h);
        rk_gcm_ctx_wipe(&p);
    }
}

#ifndef RK_NO_ORACLES

static int ossl_seal(const uint8_t *key, size_t kl, const uint8_t *iv, size_t il, const uint8_t *aad, size_t al,
                     const uint8_t *pt, size_t n, uint8_t *ct, uint8_t *tag)
{
    EVP_CIPHER_CTX *e = EVP_CIPHER_CTX_new();
    int l = 0, ok = 1;
    ok &= EVP_EncryptInit_ex(e, kl == 16 ? EVP_aes_128_gcm() : EVP_aes_256_gcm(), NULL, NULL, NULL);
    ok &= EVP_CIPHER_CTX_ctrl(e, EVP_CTRL_GCM_SET_IVLEN, (int)il, NULL);
    ok &= EVP_EncryptInit_ex(e, NULL, NULL, key, iv);
    if (al) ok &= EVP_EncryptUpdate(e, NULL, &l, aad, (int)al);
    if (n) ok &= EVP_EncryptUpdate(e, ct, &l, pt, (int)n);
    ok &= EVP_EncryptFinal_ex(e, ct + (n ? l : 0), &l);
    ok &= EVP_CIPHER_CTX_ctrl(e, EVP_CTRL_GCM_GET_TAG, 16, tag);
    EVP_CIPHER_CTX_free(e);
    return ok;
}

static void openssl_differential(void)
{
    static const size_t ivlens[] = { 12, 16, 1, 8, 13, 15, 17, 32, 60, 64 };
    static uint8_t key[32], iv[64], aad[200], pt[MAXB + 17], ct[MAXB + 17], rct[MAXB + 17], out[MAXB + 17];
    uint8_t tag[16], rtag[16];
    int bad = 0;
    for (int iter = 0; iter < 300; iter++) {
        size_t kl = (iter & 1) ? 32 : 16;
        size_t il = ivlens[iter % 10];
        size_t al = iter % 7 == 0 ? 0 : prng_below(sizeof aad);
        size_t n = iter % 5 == 0 ? 0 : iter % 11 == 0 ? MAXB : prng_below(300);
        prng(key, kl); prng(iv, il); prng(aad, al); prng(pt, n);
        if (!ossl_seal(key, kl, iv, il, aad, al, pt, n, rct, rtag)) { bad++; continue; }
        bad += rk_gcm_seal(key, kl, iv, il, aad, al, pt, n, ct, tag) != RK_OK;
        bad += memcmp(ct, rct, n) != 0;
        bad += memcmp(tag, rtag, 16) != 0;
        bad += rk_gcm_open(key, kl, iv, il, aad, al, rct, n, out, rtag) != RK_OK;
        bad += memcmp(out, pt, n) != 0;
    }
    CHECK_EQ(bad, 0);
}
#endif

void rk_suite_gcm(void)
{
    wycheproof_gcm();
    RUN(bitflips_iv16);
    RUN(parameter_errors);
    RUN(context_and_in_place);
    RUN(hw_matches_portable);
#ifndef RK_NO_ORACLES
    RUN(openssl_differential);
#endif
}
