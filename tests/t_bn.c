/* SPDX-License-Identifier: Apache-2.0 */
/* bn: fixed-width and Montgomery arithmetic (core/include/rootkey/bn.h).
 * Algebraic self-checks run everywhere; differential tests against GMP sit
 * under RK_NO_ORACLES.  Build with -DRK_PORTABLE_MUL to run the whole suite
 * on the portable multiply (docs/bn.md). */
#include "rk_test.h"
#include "rootkey/bn.h"
#include "rootkey/ct.h"
#ifndef RK_NO_ORACLES
#include <gmp.h>
#endif

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;
static uint64_t rnd64(void)
{
    /* xorshift64*: deterministic, test-only */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ULL;
}
static void rnd_limbs(uint64_t *a, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint64_t v = rnd64();
        switch (rnd64() % 8) {   /* edge limbs often */
        case 0: v = 0; break;
        case 1: v = RK_ALL1; break;
        case 2: v = 1; break;
        default: break;
        }
        a[i] = v;
    }
}

/* P-256 p and q, SAKKE parameter set 1 p (1024 bits), little-endian limbs */
static const uint8_t P256_P[32] = {
    0xFF,0xFF,0xFF,0xFF,0x00,0x00,0x00,0x01,0x00,0x00,0x00,0x00,0x00,0x00,0x00,0x00,
    0x00,0x00,0x00,0x00,0xFF,0xFF,0xFF,0xFF,0xFF,0xFF,0xFF,0xFF,0xFF,0xFF,0xFF,0xFF };
static const uint8_t P256_Q[32] = {
    0xFF,0xFF,0xFF,0xFF,0x00,0x00,0x00,0x00,0xFF,0xFF,0xFF,0xFF,0xFF,0xFF,0xFF,0xFF,
    0xBC,0xE6,0xFA,0xAD,0xA7,0x17,0x9E,0x84,0xF3,0xB9,0xCA,0xC2,0xFC,0x63,0x25,0x51 };
static const char *SAKKE_P_HEX =
    "997ABB1F0A563FDA65C61198DAD0657A416C0CE19CB48261BE9AE358B3E01A2E"
    "F40AAB27E2FC0F1B228730D531A59CB0E791B39FF7C88A19356D27F4A666A6D0"
    "E26C6487326B4CD4512AC5CD65681CE1B6AFF4A831852A82A7CF3C521C3C09AA"
    "9F94D6AF56971F1FFCE3E82389857DB080C5DF10AC7ACE87666D807AFEA85FEB";

static void load_mod(uint64_t *m, size_t *n, int which)
{
    uint8_t b[128];
    switch (which) {
    case 0: rk_bn_from_bytes(m, 4, P256_P, 32); *n = 4; break;
    case 1: rk_bn_from_bytes(m, 4, P256_Q, 32); *n = 4; break;
    default:
        CHECK(rk_t_unhex(SAKKE_P_HEX, b, sizeof b) == 128);
        rk_bn_from_bytes(m, 16, b, 128); *n = 16; break;
    }
}

static void mul64_paths(void)
{
    /* the portable body against the production one and against the
     * schoolbook identity on edge values */
    static const uint64_t e[] = { 0, 1, 2, 0xFFFFFFFFu, 0x100000000ULL, RK_ALL1, RK_ALL1 - 1, 0x8000000000000000ULL };
    for (size_t i = 0; i < 8; i++)
        for (size_t j = 0; j < 8; j++) {
            uint64_t h1, l1, h2, l2;
            rk_bn_mul64_portable(e[i], e[j], &h1, &l1);
            rk_bn_mul64(e[i], e[j], &h2, &l2);
            CHECK(h1 == h2 && l1 == l2);
            CHECK(l1 == e[i] * e[j]);
        }
    for (int k = 0; k < 100000; k++) {
        uint64_t a = rnd64(), b = rnd64(), h1, l1, h2, l2;
        rk_bn_mul64_portable(a, b, &h1, &l1);
        rk_bn_mul64(a, b, &h2, &l2);
        if (h1 != h2 || l1 != l2) { CHECK(0); break; }
#if defined(__SIZEOF_INT128__)
        __extension__ unsigned __int128 p = (unsigned __int128)a * b;
        if ((uint64_t)(p >> 64) != h1 || (uint64_t)p != l1) { CHECK(0); break; }
#endif
    }
}

/* rk_bn_mac64 (a 128-bit multiply-add where the compiler has __int128, the
 * compare-based carries WP proves otherwise) against a b + c + d formed
 * from rk_bn_mul64_portable and explicit carries, on edge and random
 * operands; the RK_PORTABLE_MUL build runs the same test on the other body */
static void mac64_matches(void)
{
    static const uint64_t e[6] = { 0, 1, 2, 0x7fffffffffffffffULL, 0xfffffffffffffffeULL,
                                   0xffffffffffffffffULL };
    for (int k = 0; k < 6 * 6 * 6 * 6 + 100000; k++) {
        uint64_t a, b, c, d, h, l, lo, hi;
        if (k < 6 * 6 * 6 * 6) {
            a = e[k % 6]; b = e[k / 6 % 6]; c = e[k / 36 % 6]; d = e[k / 216];
        } else {
            a = rnd64(); b = rnd64(); c = rnd64(); d = rnd64();
        }
        rk_bn_mul64_portable(a, b, &h, &l);
        l += c; h += l < c;
        l += d; h += l < d;
        hi = rk_bn_mac64(&lo, a, b, c, d);
        if (hi != h || lo != l) { CHECK(0); break; }
    }
}

static void bytes_roundtrip(void)
{
    uint8_t in[128] = { 0 }, out[128] = { 0 };
    uint64_t a[16];
    for (size_t len = 0; len <= 128; len++) {
        for (size_t i = 0; i < len; i++) in[i] = (uint8_t)rnd64();
        size_t n = len == 0 ? 1 : (len + 7) / 8;
        rk_bn_from_bytes(a, n, in, len);
        rk_bn_to_bytes(out, len, a, n);
        CHECK(memcmp(in, out, len) == 0);
    }
    static const uint8_t be[9] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
    rk_bn_from_bytes(a, 2, be, 9);
    CHECK(a[0] == 0x0203040506070809ULL && a[1] == 1);
}

static void init_rejects(void)
{
    rk_bn_mont_ctx c;
    uint64_t m[17] = { 4, 0 };
    CHECK_EQ(rk_bn_mont_init(&c, m, 1), RK_ERR_BN_MODULUS);   /* even */
    CHECK_ZERO(&c, sizeof c);
    m[0] = 1;
    CHECK_EQ(rk_bn_mont_init(&c, m, 2), RK_ERR_BN_MODULUS);   /* 1 */
    CHECK_EQ(rk_bn_mont_init(&c, m, 0), RK_ERR_BN_MODULUS);
    CHECK_EQ(rk_bn_mont_init(&c, m, 17), RK_ERR_BN_MODULUS);
    m[0] = 3;
    CHECK_EQ(rk_bn_mont_init(&c, m, 1), RK_OK);
    CHECK(c.m0inv * 3u == RK_ALL1);   /* -m^-1 */
}

/* algebra that needs no oracle: a * a^-1 == 1, (a+b)-b == a, Fermat */
static void algebra(void)
{
    for (int which = 0; which < 3; which++) {
        uint64_t m[16], a[16], b[16], t[16], u[16], am[16];
        size_t n;
        rk_bn_mont_ctx c;
        load_mod(m, &n, which);
        CHECK_EQ(rk_bn_mont_init(&c, m, n), RK_OK);
        for (int k = 0; k < 20; k++) {
            rnd_limbs(a, n); rnd_limbs(b, n);
            a[n - 1] %= m[n - 1]; b[n - 1] %= m[n - 1];     /* a, b < m */
            rk_bn_mod_add(t, a, b, m, n);
            rk_bn_mod_sub(u, t, b, m, n);
            CHECK(rk_bn_eq(u, a, n));
            CHECK(rk_bn_lt(t, m, n));
            rk_bn_to_mont(am, a, &c);
            rk_bn_mont_inv(t, am, &c);
            rk_bn_mont_mul(u, t, am, &c);
            rk_bn_from_mont(u, u, &c);
            uint64_t one[16];
            rk_bn_set_u64(one, n, rk_bn_is_zero(a, n) ? 0 : 1);
            CHECK(rk_bn_eq(u, one, n));
            rk_bn_from_mont(t, am, &c);
            CHECK(rk_bn_eq(t, a, n));
            /* a^(m-1) == 1 by both exponentiations */
            uint64_t e[16], s1[16], s2[16];
            rk_bn_set_u64(one, n, 1);
            (void)rk_bn_sub(e, m, one, n);
            rk_bn_mont_pow_public(s1, am, e, n, &c);
            rk_bn_mont_pow_secret(s2, am, e, n, &c);
            CHECK(rk_bn_eq(s1, s2, n));
            if (!rk_bn_is_zero(a, n)) CHECK(rk_bn_eq(s1, c.one, n));
        }
    }
}

#ifndef RK_NO_ORACLES
static void to_mpz(mpz_t z, const uint64_t *a, size_t n)
{
    uint8_t b[128];
    rk_bn_to_bytes(b, 8 * n, a, n);
    mpz_import(z, 8 * n, 1, 1, 1, 0, b);
}
static void from_mpz(uint64_t *a, size_t n, const mpz_t z)
{
    uint8_t b[128] = { 0 };
    size_t cnt = 0;
    uint8_t tmp[256];
    mpz_export(tmp, &cnt, 1, 1, 1, 0, z);
    if (cnt > 8 * n) { rk_bn_zero(a, n); return; }
    memcpy(b + 8 * n - cnt, tmp, cnt);
    rk_bn_from_bytes(a, n, b, 8 * n);
}

static void gmp_plain(void)
{
    mpz_t A, B, R, W;
    mpz_inits(A, B, R, W, NULL);
    for (size_t n = 1; n <= 16; n++) {
        mpz_ui_pow_ui(W, 2, (unsigned long)(64 * n));
        for (int k = 0; k < 200; k++) {
            uint64_t a[16], b[16], r[16], g[16];
            rnd_limbs(a, n); rnd_limbs(b, n);
            if (k % 7 == 0) rk_bn_copy(b, a, n);
            to_mpz(A, a, n); to_mpz(B, b, n);
            uint64_t c = rk_bn_add(r, a, b, n);
            mpz_add(R, A, B);
            CHECK(c == (mpz_cmp(R, W) >= 0));
            mpz_mod(R, R, W); from_mpz(g, n, R);
            CHECK(rk_bn_eq(r, g, n));
            c = rk_bn_sub(r, a, b, n);
            CHECK(c == (mpz_cmp(A, B) < 0));
            mpz_sub(R, A, B); mpz_mod(R, R, W); from_mpz(g, n, R);
            CHECK(rk_bn_eq(r, g, n));
            CHECK(rk_bn_lt(a, b, n) == (mpz_cmp(A, B) < 0));
            CHECK(rk_bn_eq(a, b, n) == (mpz_cmp(A, B) == 0));
            CHECK(rk_bn_is_zero(a, n) == (mpz_sgn(A) == 0));
            rk_bn_copy(r, a, n);
            rk_bn_cmov(r, b, n, 0); CHECK(rk_bn_eq(r, a, n));
            rk_bn_cmov(r, b, n, 1); CHECK(rk_bn_eq(r, b, n));
        }
    }
    mpz_clears(A, B, R, W, NULL);
}

/* one modulus: every Montgomery operation against GMP on random and edge inputs */
static void gmp_mont_one(const uint64_t *m, size_t n, int prime, int rounds)
{
    rk_bn_mont_ctx c;
    mpz_t M, A, B, R, Rinv, T, E;
    mpz_inits(M, A, B, R, Rinv, T, E, NULL);
    CHECK_EQ(rk_bn_mont_init(&c, m, n), RK_OK);
    to_mpz(M, m, n);
    mpz_ui_pow_ui(R, 2, (unsigned long)(64 * n));
    CHECK(mpz_invert(Rinv, R, M));
    uint64_t g[16];
    mpz_mod(T, R, M); from_mpz(g, n, T); CHECK(rk_bn_eq(g, c.one, n));
    mpz_mul(T, R, R); mpz_mod(T, T, M); from_mpz(g, n, T); CHECK(rk_bn_eq(g, c.rr, n));
    for (int k = 0; k < rounds; k++) {
        uint64_t a[16], b[16], r[16], e[16];
        /* a, b < m: random, or 0, 1, m-1 */
        rnd_limbs(a, n); rnd_limbs(b, n);
        to_mpz(A, a, n); mpz_mod(A, A, M);
        to_mpz(B, b, n); mpz_mod(B, B, M);
        if (k == 0) mpz_set_ui(A, 0);
        if (k == 1) mpz_set_ui(A, 1);
        if (k == 2) mpz_sub_ui(A, M, 1);
        if (k == 3) mpz_sub_ui(B, M, 1);
        from_mpz(a, n, A); from_mpz(b, n, B);
        rk_bn_mod_add(r, a, b, m, n);
        mpz_add(T, A, B); mpz_mod(T, T, M); from_mpz(g, n, T); CHECK(rk_bn_eq(r, g, n));
        rk_bn_mod_sub(r, a, b, m, n);
        mpz_sub(T, A, B); mpz_mod(T, T, M); from_mpz(g, n, T); CHECK(rk_bn_eq(r, g, n));
        rk_bn_mont_mul(r, a, b, &c);
        mpz_mul(T, A, B); mpz_mul(T, T, Rinv); mpz_mod(T, T, M); from_mpz(g, n, T);
        CHECK(rk_bn_eq(r, g, n));
        rk_bn_mont_sqr(r, a, &c);
        mpz_mul(T, A, A); mpz_mul(T, T, Rinv); mpz_mod(T, T, M); from_mpz(g, n, T);
        CHECK(rk_bn_eq(r, g, n));
        /* to_mont accepts any a < R */
        uint64_t big[16];
        rnd_limbs(big, n);
        rk_bn_to_mont(r, big, &c);
        to_mpz(T, big, n); mpz_mul(T, T, R); mpz_mod(T, T, M); from_mpz(g, n, T);
        CHECK(rk_bn_eq(r, g, n));
        /* exponentiation: plain a^e == from_mont(pow(to_mont(a))) */
        size_t elen = 1 + (size_t)(rnd64() % n);
        rnd_limbs(e, elen);
        uint64_t am[16], p1[16], p2[16];
        rk_bn_to_mont(am, a, &c);
        rk_bn_mont_pow_public(p1, am, e, elen, &c);
        rk_bn_mont_pow_secret(p2, am, e, elen, &c);
        rk_bn_from_mont(p1, p1, &c);
        rk_bn_from_mont(p2, p2, &c);
        to_mpz(E, e, elen);
        mpz_powm(T, A, E, M); from_mpz(g, n, T);
        CHECK(rk_bn_eq(p1, g, n));
        CHECK(rk_bn_eq(p2, g, n));
        if (prime) {
            rk_bn_mont_inv(p1, am, &c);
            rk_bn_from_mont(p1, p1, &c);
            if (mpz_sgn(A) == 0) mpz_set_ui(T, 0); else mpz_invert(T, A, M);
            from_mpz(g, n, T);
            CHECK(rk_bn_eq(p1, g, n));
        }
        /* reduction of byte strings of every length up to 200 */
        uint8_t buf[400];
        size_t len = (size_t)(rnd64() % 201);
        if (k < 4) len = (size_t)(k * 8 * (int)n);
        for (size_t i = 0; i < len; i++) buf[i] = (uint8_t)rnd64();
        if (k == 5) memset(buf, 0xFF, len);
        rk_bn_reduce_bytes(r, buf, len, &c);
        mpz_import(T, len, 1, 1, 1, 0, buf); mpz_mod(T, T, M); from_mpz(g, n, T);
        CHECK(rk_bn_eq(r, g, n));
    }
    mpz_clears(M, A, B, R, Rinv, T, E, NULL);
}

static void gmp_mont(void)
{
    for (int which = 0; which < 3; which++) {
        uint64_t m[16]; size_t n;
        load_mod(m, &n, which);
        CASE_BEGIN("bn mont vs gmp, fixed modulus %d", which);
        gmp_mont_one(m, n, 1, which == 2 ? 60 : 300);
        CASE_END();
    }
    /* random odd moduli of every size, including tiny top limbs and m near 2^(64n) */
    for (size_t n = 1; n <= 16; n++)
        for (int v = 0; v < 3; v++) {
            uint64_t m[16];
            rnd_limbs(m, n);
            m[0] |= 1;
            if (v == 0) m[n - 1] = 1 + rnd64() % 5;
            if (v == 1) m[n - 1] = RK_ALL1;
            if (n == 1 && m[0] == 1) m[0] = 3;
            CASE_BEGIN("bn mont vs gmp, %zu limbs, variant %d", n, v);
            gmp_mont_one(m, n, 0, 20);
            CASE_END();
        }
}
#endif

void rk_suite_bn(void)
{
    RUN(mul64_paths);
    RUN(mac64_matches);
    RUN(bytes_roundtrip);
    RUN(init_rejects);
    RUN(algebra);
#ifndef RK_NO_ORACLES
    RUN(gmp_plain);
    gmp_mont();
#endif
}
