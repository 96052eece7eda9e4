/* SPDX-License-Identifier: Apache-2.0 */
/* AES-CMAC (core/src/include/rootkey/cmac.h): RFC 4493 / SP 800-38B examples,
 * Wycheproof aes_cmac (every tcId), negatives (tag bit flips, truncation
 * lengths, key lengths), and a differential test against OpenSSL 3 EVP_MAC. */
#include "rk_test.h"
#include "rootkey/cmac.h"
#include "rootkey/ct.h"
#ifndef RK_NO_ORACLES
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#endif

static rk_vec vec;

static void known_answers(void)
{
    static uint8_t key[32], msg[64], tag[16], t[16];
    int n = 0;
    if (!rk_vec_open(&vec, "aes/cmac.txt")) return;
    while (rk_vec_next(&vec)) {
        const char *name = rk_vec_str(&vec, "name");
        CASE_BEGIN("cmac %s", name ? name : "?");
        long kl = rk_vec_hex(&vec, "key", key, sizeof key);
        long ml = rk_vec_hex(&vec, "msg", msg, sizeof msg);
        CHECK_EQ(rk_vec_hex(&vec, "tag", tag, sizeof tag), 16);
        CHECK_EQ(rk_cmac(key, (size_t)kl, msg, (size_t)ml, t), RK_OK);
        CHECK_MEM(t, tag, 16);
        CHECK_EQ(rk_cmac_verify(key, (size_t)kl, msg, (size_t)ml, tag, 16), RK_OK);
        CHECK_EQ(rk_cmac_verify(key, (size_t)kl, msg, (size_t)ml, tag, 8), RK_OK);
        tag[15] ^= 0x40;
        CHECK_EQ(rk_cmac_verify(key, (size_t)kl, msg, (size_t)ml, tag, 16), RK_ERR_CMAC_TAG);
        CASE_END();
        n++;
    }
    rk_vec_close(&vec);
    CASE_BEGIN("aes/cmac.txt: 8 records");
    CHECK_EQ(n, 8);
    CASE_END();
}

/* Wycheproof aes_cmac: valid tags verify and are reproduced; invalid ones
 * (modified tags, 24-octet and odd key sizes) are rejected.  192-bit keys:
 * RK_ERR_AES_KEYLEN (AES-192 is not offered), tag zeroed.  No acceptable
 * cases in this file. */
static void wycheproof(void)
{
    static uint8_t key[64], msg[128], tag[16], t[16];
    int n = 0;
    if (!rk_vec_open(&vec, "wycheproof/aes_cmac.txt")) return;
    while (rk_vec_next(&vec)) {
        long id = (long)rk_vec_int(&vec, "tcid", -1);
        const char *res = rk_vec_str(&vec, "result");
        CASE_BEGIN("wycheproof aes_cmac tcId %ld (%s)", id, res ? res : "?");
        long kl = rk_vec_hex(&vec, "key", key, sizeof key);
        long ml = rk_vec_hex(&vec, "msg", msg, sizeof msg);
        long tl = rk_vec_hex(&vec, "tag", tag, sizeof tag);
        if (kl < 0 || ml < 0 || tl < 0 || !res) {
            CHECK(!"malformed record");
            CASE_END();
            continue;
        }
        int valid = strcmp(res, "valid") == 0;
        memset(t, 0xaa, 16);
        rk_status s = rk_cmac(key, (size_t)kl, msg, (size_t)ml, t);
        rk_status v = rk_cmac_verify(key, (size_t)kl, msg, (size_t)ml, tag, (size_t)tl);
        if (kl != 16 && kl != 32) {
            CHECK_EQ(s, RK_ERR_AES_KEYLEN);
            CHECK_ZERO(t, 16);
            CHECK(v == RK_ERR_AES_KEYLEN || v == RK_ERR_CMAC_TAGLEN);
        } else if (valid) {
            CHECK_EQ(s, RK_OK);
            CHECK_MEM(t, tag, (size_t)tl);
            CHECK_EQ(v, RK_OK);
        } else {
            CHECK(v == RK_ERR_CMAC_TAG || v == RK_ERR_CMAC_TAGLEN);
        }
        CASE_END();
        n++;
    }
    rk_vec_close(&vec);
    CASE_BEGIN("wycheproof aes_cmac: all 311 tcIds read");
    CHECK_EQ(n, 311);
    CASE_END();
}

static void negatives(void)
{
    uint8_t key[32], msg[50], tag[16], t[16];
    for (size_t i = 0; i < 32; i++) key[i] = (uint8_t)(i * 5);
    for (size_t i = 0; i < 50; i++) msg[i] = (uint8_t)(i ^ 0x5a);
    CHECK_EQ(rk_cmac(key, 32, msg, 50, tag), RK_OK);
    int bad = 0;
    for (size_t bit = 0; bit < 128; bit++) {
        tag[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        bad += rk_cmac_verify(key, 32, msg, 50, tag, 16) != RK_ERR_CMAC_TAG;
        tag[bit / 8] ^= (uint8_t)(1u << (bit % 8));
    }
    for (size_t bit = 0; bit < 8 * 50; bit++) {
        msg[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        bad += rk_cmac_verify(key, 32, msg, 50, tag, 16) != RK_ERR_CMAC_TAG;
        msg[bit / 8] ^= (uint8_t)(1u << (bit % 8));
    }
    CHECK_EQ(bad, 0);
    /* truncation: 8..16 accepted, others refused; a flip inside a truncated
     * tag is caught, a flip beyond it is (by definition) not looked at */
    for (size_t tl = 0; tl <= 17; tl++) {
        rk_status s = rk_cmac_verify(key, 32, msg, 50, tag, tl);
        CHECK_EQ(s, tl >= 8 && tl <= 16 ? RK_OK : RK_ERR_CMAC_TAGLEN);
    }
    tag[7] ^= 1;
    CHECK_EQ(rk_cmac_verify(key, 32, msg, 50, tag, 8), RK_ERR_CMAC_TAG);
    tag[7] ^= 1;
    /* message length changes */
    CHECK_EQ(rk_cmac_verify(key, 32, msg, 49, tag, 16), RK_ERR_CMAC_TAG);
    CHECK_EQ(rk_cmac_verify(key, 32, msg, 48, tag, 16), RK_ERR_CMAC_TAG);
    CHECK_EQ(rk_cmac_verify(key, 32, msg, 0, tag, 16), RK_ERR_CMAC_TAG);
    /* key lengths */
    static const size_t badk[] = { 0, 8, 15, 17, 24, 31, 33 };
    for (size_t i = 0; i < sizeof badk / sizeof badk[0]; i++) {
        memset(t, 0xaa, 16);
        CHECK_EQ(rk_cmac(key, badk[i], msg, 50, t), RK_ERR_AES_KEYLEN);
        CHECK_ZERO(t, 16);
        CHECK_EQ(rk_cmac_verify(key, badk[i], msg, 50, tag, 16), RK_ERR_AES_KEYLEN);
    }
}

#ifndef RK_NO_ORACLES
static uint64_t st = 0xa4093822299f31d0ULL;
static void prng(uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        st ^= st << 13; st ^= st >> 7; st ^= st << 17;
        p[i] = (uint8_t)(st >> 16);
    }
}

static void openssl_differential(void)
{
    static uint8_t key[32], msg[300], t[16], r[16];
    int bad = 0;
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "CMAC", NULL);
    CHECK(mac != NULL);
    if (!mac) return;
    for (int iter = 0; iter < 300; iter++) {
        size_t kl = (iter & 1) ? 32 : 16, n = (size_t)(iter % 70) * (iter % 3 == 0 ? 4 : 1), rl = 0;
        prng(key, kl);
        prng(msg, n);
        EVP_MAC_CTX *c = EVP_MAC_CTX_new(mac);
        OSSL_PARAM p[2] = { OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER,
                                                              kl == 16 ? "AES-128-CBC" : "AES-256-CBC", 0),
                            OSSL_PARAM_construct_end() };
        bad += EVP_MAC_init(c, key, kl, p) != 1;
        bad += EVP_MAC_update(c, msg, n) != 1;
        bad += EVP_MAC_final(c, r, &rl, sizeof r) != 1 || rl != 16;
        EVP_MAC_CTX_free(c);
        bad += rk_cmac(key, kl, msg, n, t) != RK_OK;
        bad += memcmp(t, r, 16) != 0;
        bad += rk_cmac_verify(key, kl, msg, n, r, 16) != RK_OK;
    }
    EVP_MAC_free(mac);
    CHECK_EQ(bad, 0);
}
#endif

void rk_suite_cmac(void)
{
    known_answers();
    wycheproof();
    RUN(negatives);
#ifndef RK_NO_ORACLES
    RUN(openssl_differential);
#endif
}
