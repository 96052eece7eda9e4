/* SPDX-License-Identifier: Apache-2.0 */
/* AES block cipher (core/src/include/rootkey/aes.h): FIPS 197 Appendix C and
 * SP 800-38A F.1 ECB vectors, key-length negatives, every S-box entry through
 * a one-block encryption of chosen plaintexts (via the decrypt inverse), the
 * multi-block paths, and a differential test against OpenSSL 3 EVP ECB.
 * The vectors run on both paths (rk_aes_init: AES-NI on a CPU that has it;
 * rk_aes_init_portable: the bitsliced fallback), and the two are compared
 * on random keys and blocks (hw_matches_portable). */
#include "rk_test.h"
#include "rootkey/aes.h"
#include "rootkey/ct.h"
#include "../core/src/sym/aes_internal.h"

typedef rk_status (*init_fn)(rk_aes_ctx *, const uint8_t *, size_t);
/* path 0: rk_aes_init (AES-NI where the CPU has it), 1: the bitsliced path */
static const init_fn inits[2] = { rk_aes_init, rk_aes_init_portable };

/* ctx->hw as each path must leave it */
static uint32_t expect_hw(int path)
{
#ifdef RK_AES_HW
    return path == 0 ? (uint32_t)rk_aes_hw_cpu() : 0u;
#else
    (void)path;
    return 0u;
#endif
}
#ifndef RK_NO_ORACLES
#include <openssl/evp.h>
#endif

static void unhex(const char *h, uint8_t *out, size_t n)
{
    long r = rk_t_unhex(h, out, n);
    CHECK_EQ(r, (long)n);
}

/* FIPS 197 Appendix C.1 and C.3 */
static void fips197_c(void)
{
    static const struct { const char *key, *ct; } v[] = {
        { "000102030405060708090a0b0c0d0e0f", "69c4e0d86a7b0430d8cdb78070b4c55a" },
        { "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
          "8ea2b7ca516745bfeafc49904b496089" },
    };
    for (size_t i = 0; i < 4; i++) {
        int path = (int)(i / 2);
        uint8_t key[32], pt[16], ct[16], out[16];
        size_t kl = strlen(v[i % 2].key) / 2;
        unhex(v[i % 2].key, key, kl);
        unhex("00112233445566778899aabbccddeeff", pt, 16);
        unhex(v[i % 2].ct, ct, 16);
        rk_aes_ctx c;
        CHECK_EQ(inits[path](&c, key, kl), RK_OK);
        CHECK_EQ(c.nr, kl == 16 ? 10 : 14);
        CHECK_EQ(c.hw, expect_hw(path));
        rk_aes_encrypt(&c, pt, out, 1);
        CHECK_MEM(out, ct, 16);
        rk_aes_decrypt(&c, ct, out, 1);
        CHECK_MEM(out, pt, 16);
        /* in place */
        memcpy(out, pt, 16);
        rk_aes_encrypt(&c, out, out, 1);
        CHECK_MEM(out, ct, 16);
        rk_aes_ctx_wipe(&c);
        CHECK_ZERO(c.rk, sizeof c.rk);
        CHECK_EQ(c.nr, 0);
        CHECK_EQ(c.hw, 0);
    }
}

/* SP 800-38A F.1.1 / F.1.5: ECB-AES128 / ECB-AES256, four blocks at once
 * (one pass of the bitsliced core) and one by one. */
static void sp800_38a_ecb(void)
{
    static const char *pt4 = "6bc1bee22e409f96e93d7e117393172a" "ae2d8a571e03ac9c9eb76fac45af8e51"
                             "30c81c46a35ce411e5fbc1191a0a52ef" "f69f2445df4f9b17ad2b417be66c3710";
    static const struct { const char *key, *ct; } v[] = {
        { "2b7e151628aed2a6abf7158809cf4f3c",
          "3ad77bb40d7a3660a89ecaf32466ef97" "f5d3d58503b9699de785895a96fdbaaf"
          "43b1cd7f598ece23881b00e3ed030688" "7b0c785e27e8ad3f8223207104725dd4" },
        { "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
          "f3eed1bdb5d2a03c064b5a7e3db181f8" "591ccb10d410ed26dc5ba74a31362870"
          "b6ed21b99ca6f4f9f153e7b1beafed1d" "23304b7a39f9f3ff067d8d8f9e24ecc7" },
    };
    for (size_t i = 0; i < 4; i++) {
        int path = (int)(i / 2);
        uint8_t key[32], pt[64], ct[64], out[64];
        size_t kl = strlen(v[i % 2].key) / 2;
        unhex(v[i % 2].key, key, kl);
        unhex(pt4, pt, 64);
        unhex(v[i % 2].ct, ct, 64);
        rk_aes_ctx c;
        CHECK_EQ(inits[path](&c, key, kl), RK_OK);
        CHECK_EQ(c.hw, expect_hw(path));
        rk_aes_encrypt(&c, pt, out, 4);
        CHECK_MEM(out, ct, 64);
        rk_aes_decrypt(&c, ct, out, 4);
        CHECK_MEM(out, pt, 64);
        for (size_t b = 0; b < 4; b++) {
            rk_aes_encrypt(&c, pt + 16 * b, out, 1);
            CHECK_MEM(out, ct + 16 * b, 16);
        }
        rk_aes_ctx_wipe(&c);
    }
}

/* Every key length but 16 and 32 is rejected, with the context zeroed. */
static void keylen_negative(void)
{
    static const size_t bad[] = { 0, 1, 8, 15, 17, 20, 24, 31, 33, 48, 64 };
    uint8_t key[64];
    memset(key, 0x5a, sizeof key);
    for (size_t i = 0; i < 2 * sizeof bad / sizeof bad[0]; i++) {
        int path = (int)(i % 2);
        rk_aes_ctx c;
        memset(&c, 0xee, sizeof c);
        CHECK_EQ(inits[path](&c, key, bad[i / 2]), RK_ERR_AES_KEYLEN);
        CHECK_ZERO(c.rk, sizeof c.rk);
        CHECK_EQ(c.nr, 0);
        CHECK_EQ(c.hw, 0);
    }
}

/* Every S-box value: build the FIPS 197 table independently (log / antilog
 * over the generator 3, then the affine map) and compare it with SubWord as
 * the key schedule computes it (FIPS 197 5.2: the first word of round key 1
 * is SubWord(RotWord(w[3])) ^ Rcon[1] ^ w[0], with w[0] = 0 here). */
static void sbox_all_values(void)
{
    /* independent S-box */
    uint8_t exp[256], lg[256], sb[256];
    uint8_t x = 1;
    for (int i = 0; i < 255; i++) {
        exp[i] = x;
        lg[x] = (uint8_t)i;
        x = (uint8_t)(x ^ (uint8_t)((x << 1) ^ ((x & 0x80) ? 0x1b : 0)));
    }
    for (int v = 0; v < 256; v++) {
        uint8_t inv = v == 0 ? 0 : exp[(255 - lg[v]) % 255];
        uint8_t s = inv;
        for (int k = 1; k <= 4; k++)
            s ^= (uint8_t)((inv << k) | (inv >> (8 - k)));
        sb[v] = (uint8_t)(s ^ 0x63);
    }
    CHECK_EQ(sb[0x00], 0x63);
    CHECK_EQ(sb[0x53], 0xed);
    /* w[3] runs through all octet values; round key 1 is read back from
     * lane 0 of the planes (octet j = bit j of the lane) on the bitsliced
     * path, from octets 16..19 of the FIPS 197 schedule with AES-NI. */
    for (int v = 0; v < 512; v += 4) {
        uint8_t key[16] = { 0 };
        key[12] = (uint8_t)v; key[13] = (uint8_t)(v + 1); key[14] = (uint8_t)(v + 2); key[15] = (uint8_t)(v + 3);
        rk_aes_ctx c;
        CHECK_EQ(inits[v < 256](&c, key, 16), RK_OK);
        uint8_t w4[4] = { 0 };
        for (int j = 0; j < 4; j++)
            if (c.hw) /* rk[2] holds octets 16..23, the first octet lowest */
                w4[j] = (uint8_t)(c.rk[2] >> (8 * j));
            else
                for (int b = 0; b < 8; b++)
                    w4[j] |= (uint8_t)(((c.rk[8 + b] >> j) & 1u) << b);
        CHECK_EQ(w4[0], sb[(v + 1) & 0xff] ^ 0x01);
        CHECK_EQ(w4[1], sb[(v + 2) & 0xff]);
        CHECK_EQ(w4[2], sb[(v + 3) & 0xff]);
        CHECK_EQ(w4[3], sb[v & 0xff]);
        rk_aes_ctx_wipe(&c);
    }
}

static uint64_t prng_state = 0x9e3779b97f4a7c15ULL;
static void prng(uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        prng_state ^= prng_state << 13;
        prng_state ^= prng_state >> 7;
        prng_state ^= prng_state << 17;
        p[i] = (uint8_t)(prng_state >> 24);
    }
}

/* The two paths against each other: random keys of both lengths, 1..9
 * blocks (crossing the 4-block passes of both), encryption, decryption and
 * in-place operation give the same octets.  Without AES-NI (other CPUs,
 * other targets, RK_NO_ASM) both contexts are bitsliced and the test says so. */
static void hw_matches_portable(void)
{
#ifdef RK_AES_HW
    if (!rk_aes_hw_cpu())
        printf("note aes: this CPU lacks AES-NI/PCLMULQDQ: the AES-NI path is compiled in but NOT tested here\n");
#else
    printf("note aes: the AES-NI path is not compiled in (not x86-64, or RK_NO_ASM)\n");
#endif
    int n = rk_t_quick() ? 2000 : 20000, bad = 0;
    for (int iter = 0; iter < n && bad < 5; iter++) {
        uint8_t key[32], in[144], o1[144], o2[144], d1[144], d2[144];
        size_t kl = (iter & 1) ? 32 : 16;
        size_t nb = 1 + (size_t)(iter % 9);
        prng(key, kl);
        prng(in, 16 * nb);
        rk_aes_ctx a, b;
        CHECK_EQ(rk_aes_init(&a, key, kl), RK_OK);
        CHECK_EQ(rk_aes_init_portable(&b, key, kl), RK_OK);
        rk_aes_encrypt(&a, in, o1, nb);
        rk_aes_encrypt(&b, in, o2, nb);
        rk_aes_decrypt(&a, in, d1, nb);
        rk_aes_decrypt(&b, in, d2, nb);
        if (memcmp(o1, o2, 16 * nb) != 0 || memcmp(d1, d2, 16 * nb) != 0) {
            bad++;
            CHECK(!"AES-NI and bitsliced AES differ");
        }
        rk_aes_decrypt(&a, o1, o1, nb);   /* in place, back to the input */
        CHECK_MEM(o1, in, 16 * nb);
        rk_aes_ctx_wipe(&a);
        rk_aes_ctx_wipe(&b);
    }
}

#ifndef RK_NO_ORACLES
/* Random keys and 1..9 blocks (crossing the 4-block passes) against EVP ECB. */
static void openssl_ecb_differential(void)
{
    for (int iter = 0; iter < 200; iter++) {
        uint8_t key[32], in[144], out[144], ref[144], back[144];
        size_t kl = (iter & 1) ? 32 : 16;
        size_t nb = 1 + (size_t)(iter % 9);
        prng(key, kl);
        prng(in, 16 * nb);
        EVP_CIPHER_CTX *e = EVP_CIPHER_CTX_new();
        int l1 = 0, l2 = 0;
        CHECK(EVP_EncryptInit_ex(e, kl == 16 ? EVP_aes_128_ecb() : EVP_aes_256_ecb(), NULL, key, NULL) == 1);
        EVP_CIPHER_CTX_set_padding(e, 0);
        CHECK(EVP_EncryptUpdate(e, ref, &l1, in, (int)(16 * nb)) == 1);
        CHECK(EVP_EncryptFinal_ex(e, ref + l1, &l2) == 1);
        EVP_CIPHER_CTX_free(e);
        rk_aes_ctx c;
        CHECK_EQ(inits[iter % 4 < 2](&c, key, kl), RK_OK);
        rk_aes_encrypt(&c, in, out, nb);
        CHECK_MEM(out, ref, 16 * nb);
        rk_aes_decrypt(&c, out, back, nb);
        CHECK_MEM(back, in, 16 * nb);
        rk_aes_ctx_wipe(&c);
    }
}
#endif

void rk_suite_aes(void)
{
    RUN(fips197_c);
    RUN(sp800_38a_ecb);
    RUN(keylen_negative);
    RUN(sbox_all_values);
    RUN(hw_matches_portable);
#ifndef RK_NO_ORACLES
    RUN(openssl_ecb_differential);
#endif
}
