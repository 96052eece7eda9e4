/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/p256.h */
#include "rootkey/p256.h"
#include "p256_fe.h"

static const uint64_t P256_P[4] = { RK_P256_P0, RK_P256_P1, RK_P256_P2, RK_P256_P3 };
static const uint64_t P256_Q[4] = { RK_P256_Q0, RK_P256_Q1, RK_P256_Q2, RK_P256_Q3 };
/* 2^512 mod p and 2^512 mod q (tests/tools/gen_p256_table.py prints them) */
static const uint64_t RR_P[4] = { 0x0000000000000003ULL, 0xfffffffbffffffffULL,
                                  0xfffffffffffffffeULL, 0x00000004fffffffdULL };
static const uint64_t RR_Q[4] = { 0x83244c95be79eea2ULL, 0x4699799c49bd6fa6ULL,
                                  0x2845b2392b6bec59ULL, 0x66e12d94f3d95620ULL };
static const uint64_t ONE[4] = { 1, 0, 0, 0 };

uint64_t rk_p256_fe_from_bytes(uint64_t r[4], const uint8_t in[32])
{
    uint64_t t[4];
    rk_bn_from_bytes(t, 4, in, 32);
    uint64_t ok = rk_bn_lt(t, P256_P, 4);
    /* Montgomery multiplication by 2^512 mod p reduces any t < 2^256 */
    rk_fe_mul(r, t, RR_P);
    rk_wipe_u64(t, 4);
    return ok;
}

void rk_p256_fe_to_bytes(uint8_t out[32], const uint64_t a[4])
{
    uint64_t t[4];
    rk_fe_mul(t, a, ONE);
    rk_bn_to_bytes(out, 32, t, 4);
    rk_wipe_u64(t, 4);
}

void rk_p256_fe_mul(uint64_t r[4], const uint64_t a[4], const uint64_t b[4])
{
    rk_fe_mul(r, a, b);
}

void rk_p256_fe_add(uint64_t r[4], const uint64_t a[4], const uint64_t b[4])
{
    rk_fe_add(r, a, b);
}

void rk_p256_fe_sub(uint64_t r[4], const uint64_t a[4], const uint64_t b[4])
{
    rk_fe_sub(r, a, b);
}

/* r := a^(2^k) (k squarings in place) */
/*@ requires \valid(r + (0 .. 3));
    assigns r[0 .. 3]; */
static void sqr_n(uint64_t r[4], int k)
{
    /*@ loop invariant i <= k || k < 0;
        loop assigns i, r[0 .. 3];
        loop variant k - i; */
    for (int i = 0; i < k; i++)
        rk_fe_sqr(r, r);
}

void rk_p256_fe_inv(uint64_t r[4], const uint64_t a[4])
{
    /* a^(p-2).  From the top, p - 2 is: 32 ones, 31 zeros, 1, 96 zeros,
     * 94 ones, 0, 1.  xN below is a^(2^N - 1). */
    uint64_t x2[4], x3[4], x6[4], x12[4], x15[4], x30[4], x32[4], t[4];
    rk_fe_sqr(x2, a);
    rk_fe_mul(x2, x2, a);
    rk_fe_sqr(x3, x2);
    rk_fe_mul(x3, x3, a);
    rk_bn_copy(x6, x3, 4);
    sqr_n(x6, 3);
    rk_fe_mul(x6, x6, x3);
    rk_bn_copy(x12, x6, 4);
    sqr_n(x12, 6);
    rk_fe_mul(x12, x12, x6);
    rk_bn_copy(x15, x12, 4);
    sqr_n(x15, 3);
    rk_fe_mul(x15, x15, x3);
    rk_bn_copy(x30, x15, 4);
    sqr_n(x30, 15);
    rk_fe_mul(x30, x30, x15);
    rk_bn_copy(x32, x30, 4);
    sqr_n(x32, 2);
    rk_fe_mul(x32, x32, x2);
    rk_bn_copy(t, x32, 4);        /* 32 ones */
    sqr_n(t, 32);
    rk_fe_mul(t, t, a);           /* 31 zeros, 1 */
    sqr_n(t, 96);                 /* 96 zeros */
    sqr_n(t, 32);
    rk_fe_mul(t, t, x32);
    sqr_n(t, 32);
    rk_fe_mul(t, t, x32);
    sqr_n(t, 30);
    rk_fe_mul(t, t, x30);         /* 94 ones in all */
    sqr_n(t, 2);
    rk_fe_mul(r, t, a);           /* 0, 1 */
    rk_wipe_u64(x2, 4); rk_wipe_u64(x3, 4); rk_wipe_u64(x6, 4);
    rk_wipe_u64(x12, 4); rk_wipe_u64(x15, 4); rk_wipe_u64(x30, 4);
    rk_wipe_u64(x32, 4); rk_wipe_u64(t, 4);
}

uint64_t rk_p256_sc_in_range(const uint64_t a[4])
{
    uint64_t nz = 1u - rk_bn_is_zero(a, 4);
    uint64_t lt = rk_bn_lt(a, P256_Q, 4);
    return nz * lt;
}

uint64_t rk_p256_sc_from_bytes(uint64_t r[4], const uint8_t in[32])
{
    rk_bn_from_bytes(r, 4, in, 32);
    return rk_p256_sc_in_range(r);
}

void rk_p256_sc_reduce(uint64_t r[4], const uint8_t *in, size_t len)
{
    /* acc is (value so far) 2^256 mod q; each 32-octet chunk (the first one
     * shorter) multiplies it by 2^256 and adds the chunk. */
    uint64_t acc[4] = { 0, 0, 0, 0 }, x[4], y[4];
    size_t first = len % 32;
    size_t pos = 0;
    if (first == 0)
        first = 32;
    /*@ loop invariant 0 <= pos <= len;
        loop invariant 1 <= first <= 32;
        loop assigns pos, first, acc[0 .. 3], x[0 .. 3], y[0 .. 3];
        loop variant len - pos; */
    while (pos < len) {
        size_t take = first <= len - pos ? first : len - pos;
        rk_bn_from_bytes(x, 4, in + pos, take);
        rk_sc_mont(y, x, RR_Q);
        rk_sc_mont(acc, acc, RR_Q);
        rk_p256_modadd4(acc, acc, y, RK_P256_Q0, RK_P256_Q1, RK_P256_Q2, RK_P256_Q3);
        pos += take;
        first = 32;
    }
    rk_sc_mont(r, acc, ONE);
    rk_wipe_u64(acc, 4);
    rk_wipe_u64(x, 4);
    rk_wipe_u64(y, 4);
}

void rk_p256_sc_mul(uint64_t r[4], const uint64_t a[4], const uint64_t b[4])
{
    uint64_t t[4];
    rk_sc_mont(t, a, b);       /* a b 2^-256 */
    rk_sc_mont(r, t, RR_Q);    /* a b */
    rk_wipe_u64(t, 4);
}

void rk_p256_sc_add(uint64_t r[4], const uint64_t a[4], const uint64_t b[4])
{
    rk_p256_modadd4(r, a, b, RK_P256_Q0, RK_P256_Q1, RK_P256_Q2, RK_P256_Q3);
}

/* q - 2 below its top 128 bits (0xffffffff00000000ffffffffffffffff, done
 * with x32 = a^(2^32 - 1)), as sliding windows of at most 4 bits: for each
 * {s, i}, square s times, then multiply by a^(2i + 1).  Public constants
 * (printed by tests/tools/gen_p256_qinv_chain.py), so the table
 * index below leaks nothing about a. */
static const uint8_t QM2_LO[27][2] = {
    { 4, 5 }, { 2, 1 }, { 5, 3 }, { 6, 6 }, { 4, 7 }, { 4, 2 }, { 5, 5 }, { 5, 6 }, { 5, 3 },
    { 7, 5 }, { 2, 1 }, { 6, 7 }, { 2, 0 }, { 8, 4 }, { 3, 3 }, { 5, 3 }, { 4, 3 }, { 5, 3 },
    { 5, 2 }, { 3, 1 }, { 8, 5 }, { 4, 7 }, { 5, 1 }, { 5, 1 }, { 6, 4 }, { 4, 2 }, { 6, 7 }
};

/* r := r^(2^k) mod q (k Montgomery squarings in place) */
/*@ requires \valid(r + (0 .. 3));
    assigns r[0 .. 3]; */
static void sc_sqr_n(uint64_t r[4], int k)
{
    /*@ loop invariant i <= k || k < 0;
        loop assigns i, r[0 .. 3];
        loop variant k - i; */
    for (int i = 0; i < k; i++)
        rk_sc_sqr(r, r);
}

/* r := r^(2^k) y mod q, y < q (Montgomery form) */
/*@ requires \valid(r + (0 .. 3)) && \valid_read(y + (0 .. 3));
    assigns r[0 .. 3]; */
static void sc_sqr_n_mul(uint64_t r[4], int k, const uint64_t *y)
{
    sc_sqr_n(r, k);
    rk_sc_mont(r, r, y);
}

void rk_p256_sc_inv(uint64_t r[4], const uint64_t a[4])
{
    /* a^(q-2) (Fermat) with a fixed addition chain: 255 squarings, 40
     * multiplications.  odd[i] = a^(2i + 1), x = a^(2^k - 1). */
    uint64_t odd[32], x[4], t[4];
    rk_sc_mont(odd, a, RR_Q);                /* Montgomery form */
    rk_sc_sqr(t, odd);                       /* a^2 */
    /*@ loop invariant 1 <= i <= 8;
        loop assigns i, odd[4 .. 31];
        loop variant 8 - i; */
    for (size_t i = 1; i < 8; i++)
        rk_sc_mont(odd + 4 * i, odd + 4 * (i - 1), t);
    rk_bn_copy(x, odd + 4, 4);               /* x2 = a^3 */
    rk_bn_copy(t, x, 4);
    sc_sqr_n_mul(t, 2, x);                   /* x4 */
    rk_bn_copy(x, t, 4);
    sc_sqr_n_mul(t, 4, x);                   /* x8 */
    rk_bn_copy(x, t, 4);
    sc_sqr_n_mul(t, 8, x);                   /* x16 */
    rk_bn_copy(x, t, 4);
    sc_sqr_n_mul(t, 16, x);                  /* x32 */
    rk_bn_copy(x, t, 4);
    sc_sqr_n_mul(t, 64, x);                  /* ffffffff 00000000 ffffffff */
    sc_sqr_n_mul(t, 32, x);                  /* ... ffffffff: the top 128 bits */
    /*@ loop invariant 0 <= w <= 27;
        loop assigns w, t[0 .. 3];
        loop variant 27 - w; */
    for (size_t w = 0; w < 27; w++)
        sc_sqr_n_mul(t, QM2_LO[w][0], odd + 4 * (QM2_LO[w][1] % 8u));
    rk_sc_mont(r, t, ONE);                   /* back to plain */
    rk_wipe_u64(odd, 32);
    rk_wipe_u64(x, 4);
    rk_wipe_u64(t, 4);
}
