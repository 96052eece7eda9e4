/* SPDX-License-Identifier: Apache-2.0
 * rootkey/bn.h - fixed-width multi-precision arithmetic (1 to 16 limbs of 64
 * bits) and Montgomery arithmetic modulo an odd modulus.  Serves the P-256
 * field and scalars (4 limbs) and the 1024-bit SAKKE field (16 limbs).
 *
 * Representation: a number of n limbs is an array a[0 .. n-1] of uint64_t,
 * least significant limb first, value sum a[i] * 2^(64 i).  Lengths n are
 * public; values may be secret.
 *
 * Montgomery: with R = 2^(64 n) and an odd modulus m (rk_bn_mont_ctx), the
 * Montgomery form of x is x R mod m.  rk_bn_mont_mul(a, b) = a b R^-1 mod m.
 *
 * CT: every function here runs in time that depends only on the lengths
 * (n, byte lengths) and, for rk_bn_mont_pow_public and rk_bn_mont_inv, on the
 * exponent (public: for the inversion it is m - 2).  No branch and no memory
 * index depends on a limb value.
 *
 * Proofs: WP proves memory safety, absence of runtime errors, assigns and
 * termination of every function, the carry/borrow equations of the word
 * helpers and the 0/1 results of the comparisons.  The Montgomery equations
 * are tested against GMP (tests/t_bn.c), not proved.  Wrap-around of
 * uint64_t is intended in this module (proofs/opts/bn*); the one trusted
 * axiom block U64Wrap states what C guarantees for it.
 *
 * The 64x64->128 multiply (rk_bn_mul64) uses `unsigned __int128` when the
 * compiler has it, and a portable 32-bit split otherwise; defining
 * RK_PORTABLE_MUL forces the portable body (used to test it; docs/bn.md
 * compares both).  Frama-C always analyses the portable body.
 */
#ifndef ROOTKEY_BN_H
#define ROOTKEY_BN_H

#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest supported number of limbs (1024 bits). */
#define RK_BN_MAX_LIMBS 16

/*@ axiomatic U64Wrap {
      axiom wrap64: \forall integer x; 0 <= x < 2 * 18446744073709551616 ==>
          (uint64_t)x == (x < 18446744073709551616 ? x : x - 18446744073709551616);
      axiom wrap64_neg: \forall integer x; -18446744073709551616 <= x < 0 ==>
          (uint64_t)x == x + 18446744073709551616;
    } */
/*@ lemma rk_mul32_bound: \forall integer x, y;
      0 <= x <= 4294967295 && 0 <= y <= 4294967295 ==> x * y <= 18446744065119617025;
    lemma rk_mul64_bound: \forall integer x, y;
      0 <= x < 18446744073709551616 && 0 <= y < 18446744073709551616 ==>
      x * y <= 18446744073709551615 * 18446744073709551615; */

/*
 * rk_bn_mul64_portable - (*hi, *lo) = a * b without a 128-bit type: 32-bit
 * halves, written with / and % by 2^32 (proof idiom "arithmetic, not bits",
 * docs/proof-idioms.md: WP proves the equation; compilers emit shifts).
 */
/*@ requires \valid(hi) && \valid(lo) && \separated(hi, lo);
    assigns *hi, *lo;
    ensures *hi * 18446744073709551616 + *lo == a * b; */
static inline void rk_bn_mul64_portable(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
    const uint64_t W = 4294967296u;
    uint64_t a0 = a % W, a1 = a / W;
    uint64_t b0 = b % W, b1 = b / W;
    /*@ assert split: a == a1 * W + a0 && b == b1 * W + b0; */
    /*@ assert limbs: a0 <= W - 1 && a1 <= W - 1 && b0 <= W - 1 && b1 <= W - 1; */
    uint64_t p00 = a0 * b0;
    /*@ assert e00: p00 == a0 * b0; */
    uint64_t p01 = a0 * b1;
    /*@ assert e01: p01 == a0 * b1; */
    uint64_t p10 = a1 * b0;
    /*@ assert e10: p10 == a1 * b0; */
    uint64_t p11 = a1 * b1;
    /*@ assert e11: p11 == a1 * b1; */
    /*@ assert expand: a * b == p11 * W * W + (p01 + p10) * W + p00; */
    uint64_t mid = p00 / W + p01 % W + p10 % W;   /* < 3 * 2^32: no wrap */
    /*@ assert mid < 3 * W; */
    /*@ assert bndq: p01 / W <= W - 2 && p10 / W <= W - 2 && mid / W <= 2; */
    uint64_t l = (mid % W) * W + p00 % W;
    uint64_t h = p11 + p01 / W + p10 / W + mid / W;
    /*@ assert l == (mid % W) * W + p00 % W; */
    /*@ assert h == p11 + p01 / W + p10 / W + mid / W; */
    /*@ assert p00 == (p00 / W) * W + p00 % W && p01 == (p01 / W) * W + p01 % W; */
    /*@ assert p10 == (p10 / W) * W + p10 % W && mid == (mid / W) * W + mid % W; */
    *lo = l;
    *hi = h;
}

/*
 * rk_bn_mul64 - (*hi, *lo) = a * b, the one wide multiply of rootkey.
 * Compiled as one MUL instruction with `unsigned __int128` where the compiler
 * has it (and RK_PORTABLE_MUL is not defined); Frama-C, which cannot parse
 * __int128, sees the portable body, whose contract is proved.
 * CT: constant time on every target we build for (no data-dependent branch).
 */
/*@ requires \valid(hi) && \valid(lo) && \separated(hi, lo);
    assigns *hi, *lo;
    ensures *hi * 18446744073709551616 + *lo == a * b; */
static inline void rk_bn_mul64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
#if defined(__SIZEOF_INT128__) && !defined(__FRAMAC__) && !defined(RK_PORTABLE_MUL)
    __extension__ typedef unsigned __int128 u128;   /* -pedantic: GNU extension */
    u128 p = (u128)a * b;
    *lo = (uint64_t)p;
    *hi = (uint64_t)(p >> 64);
#else
    rk_bn_mul64_portable(a, b, hi, lo);
#endif
}

/* rk_bn_adc64 - *r + 2^64 * carry = a + b + cin. */
/*@ requires \valid(r) && cin <= 1;
    assigns *r;
    ensures \result <= 1;
    ensures *r + \result * 18446744073709551616 == a + b + cin; */
static inline uint64_t rk_bn_adc64(uint64_t *r, uint64_t a, uint64_t b, uint64_t cin)
{
    uint64_t s = a + cin;
    uint64_t c1 = s < cin;
    /*@ assert s + c1 * 18446744073709551616 == a + cin; */
    uint64_t t = s + b;
    uint64_t c2 = t < s;
    /*@ assert t + c2 * 18446744073709551616 == s + b; */
    *r = t;
    return c1 + c2;
}

/* rk_bn_sbb64 - *r - 2^64 * borrow = a - b - bin. */
/*@ requires \valid(r) && bin <= 1;
    assigns *r;
    ensures \result <= 1;
    ensures *r - \result * 18446744073709551616 == a - b - bin; */
static inline uint64_t rk_bn_sbb64(uint64_t *r, uint64_t a, uint64_t b, uint64_t bin)
{
    uint64_t t = a - b;
    uint64_t b1 = a < b;
    /*@ assert st1: t - b1 * 18446744073709551616 == a - b; */
    /*@ assert st2: b1 == 1 ==> t >= 1; */
    uint64_t u = t - bin;
    uint64_t b2 = t < bin;
    /*@ assert st3: u - b2 * 18446744073709551616 == t - bin; */
    /*@ assert st4: b1 + b2 <= 1; */
    *r = u;
    return b1 + b2;
}

/* rk_bn_mac64 - *lo + 2^64 * result = a * b + c + d (never exceeds 128 bits). */
/*@ requires \valid(lo);
    assigns *lo;
    ensures \result * 18446744073709551616 + *lo == a * b + c + d; */
static inline uint64_t rk_bn_mac64(uint64_t *lo, uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
#if defined(__SIZEOF_INT128__) && !defined(__FRAMAC__) && !defined(RK_PORTABLE_MUL)
    /* one widening multiply and two 128-bit additions: the compilers emit
     * mul, add, adc instead of the compare-based carries below (WP proves
     * the portable body; the same contract holds for this one) */
    __extension__ typedef unsigned __int128 u128;
    u128 p = (u128)a * b + c + d;
    *lo = (uint64_t)p;
    return (uint64_t)(p >> 64);
#else
    uint64_t h, l, s, t;
    rk_bn_mul64(a, b, &h, &l);
    /*@ assert pb: a * b <= 18446744073709551615 * 18446744073709551615; */
    /*@ assert sum: a * b + c + d <= 18446744073709551616 * 18446744073709551616 - 1; */
    uint64_t c1 = rk_bn_adc64(&s, l, c, 0);
    uint64_t c2 = rk_bn_adc64(&t, s, d, 0);
    /*@ assert tot: (h + c1 + c2) * 18446744073709551616 + t == a * b + c + d; */
    /*@ assert hb: h + c1 + c2 <= 18446744073709551615; */
    *lo = t;
    return h + c1 + c2;
#endif
}

/* ------------------------------------------------------------------ plain */

/* rk_bn_zero - r := 0 (n limbs). */
/*@ requires n <= RK_BN_MAX_LIMBS;
    requires \valid(r + (0 .. n - 1));
    assigns r[0 .. n - 1];
    ensures \forall integer k; 0 <= k < n ==> r[k] == 0; */
void rk_bn_zero(uint64_t *r, size_t n);

/* rk_bn_copy - r := a (n limbs); r and a may be the same array. */
/*@ requires n <= RK_BN_MAX_LIMBS;
    requires \valid(r + (0 .. n - 1));
    requires \valid_read(a + (0 .. n - 1));
    requires r == a || \separated(r + (0 .. n - 1), a + (0 .. n - 1));
    assigns r[0 .. n - 1];
    ensures \forall integer k; 0 <= k < n ==> r[k] == \old(a[k]); */
void rk_bn_copy(uint64_t *r, const uint64_t *a, size_t n);

/* rk_bn_set_u64 - r := v (n >= 1 limbs). */
/*@ requires 1 <= n <= RK_BN_MAX_LIMBS;
    requires \valid(r + (0 .. n - 1));
    assigns r[0 .. n - 1];
    ensures r[0] == v;
    ensures \forall integer k; 1 <= k < n ==> r[k] == 0; */
void rk_bn_set_u64(uint64_t *r, size_t n, uint64_t v);

/*
 * rk_bn_from_bytes - r := the big-endian integer in[0 .. len-1], len <= 8 n.
 * CT: time depends on n and len only.
 */
/*@ requires 1 <= n <= RK_BN_MAX_LIMBS && len <= 8 * n;
    requires \valid(r + (0 .. n - 1));
    requires \valid_read(in + (0 .. len - 1));
    requires \separated(r + (0 .. n - 1), in + (0 .. len - 1));
    assigns r[0 .. n - 1]; */
void rk_bn_from_bytes(uint64_t *r, size_t n, const uint8_t *in, size_t len);

/*
 * rk_bn_to_bytes - out[0 .. len-1] := a mod 2^(8 len), big-endian, len <= 8 n.
 */
/*@ requires 1 <= n <= RK_BN_MAX_LIMBS && len <= 8 * n;
    requires \valid(out + (0 .. len - 1));
    requires \valid_read(a + (0 .. n - 1));
    requires \separated(out + (0 .. len - 1), a + (0 .. n - 1));
    assigns out[0 .. len - 1]; */
void rk_bn_to_bytes(uint8_t *out, size_t len, const uint64_t *a, size_t n);

/* rk_bn_add - r := a + b mod 2^(64 n); returns the carry (0 or 1).  r may be a or b. */
/*@ requires 1 <= n <= RK_BN_MAX_LIMBS;
    requires \valid(r + (0 .. n - 1));
    requires \valid_read(a + (0 .. n - 1)) && \valid_read(b + (0 .. n - 1));
    requires r == a || \separated(r + (0 .. n - 1), a + (0 .. n - 1));
    requires r == b || \separated(r + (0 .. n - 1), b + (0 .. n - 1));
    assigns r[0 .. n - 1];
    ensures \result <= 1; */
uint64_t rk_bn_add(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n);

/* rk_bn_sub - r := a - b mod 2^(64 n); returns the borrow (1 iff a < b).  r may be a or b. */
/*@ requires 1 <= n <= RK_BN_MAX_LIMBS;
    requires \valid(r + (0 .. n - 1));
    requires \valid_read(a + (0 .. n - 1)) && \valid_read(b + (0 .. n - 1));
    requires r == a || \separated(r + (0 .. n - 1), a + (0 .. n - 1));
    requires r == b || \separated(r + (0 .. n - 1), b + (0 .. n - 1));
    assigns r[0 .. n - 1];
    ensures \result <= 1; */
uint64_t rk_bn_sub(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n);

/* rk_bn_lt - 1 if a < b, else 0 (constant time). */
/*@ requires 1 <= n <= RK_BN_MAX_LIMBS;
    requires \valid_read(a + (0 .. n - 1)) && \valid_read(b + (0 .. n - 1));
    assigns \nothing;
    ensures \result <= 1; */
uint64_t rk_bn_lt(const uint64_t *a, const uint64_t *b, size_t n);

/* rk_bn_eq - 1 if a == b, else 0 (constant time). */
/*@ requires n <= RK_BN_MAX_LIMBS;
    requires \valid_read(a + (0 .. n - 1)) && \valid_read(b + (0 .. n - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> (\forall integer k; 0 <= k < n ==> a[k] == b[k]); */
uint64_t rk_bn_eq(const uint64_t *a, const uint64_t *b, size_t n);

/* rk_bn_is_zero - 1 if a == 0, else 0 (constant time). */
/*@ requires n <= RK_BN_MAX_LIMBS;
    requires \valid_read(a + (0 .. n - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> (\forall integer k; 0 <= k < n ==> a[k] == 0); */
uint64_t rk_bn_is_zero(const uint64_t *a, size_t n);

/* rk_bn_cmov - if bit == 1 then r := a, else r unchanged (constant time).
 * r may be a. */
/*@ requires bit == 0 || bit == 1;
    requires n <= RK_BN_MAX_LIMBS;
    requires \valid(r + (0 .. n - 1));
    requires \valid_read(a + (0 .. n - 1));
    requires r == a || \separated(r + (0 .. n - 1), a + (0 .. n - 1));
    assigns r[0 .. n - 1];
    ensures bit == 1 ==> \forall integer k; 0 <= k < n ==> r[k] == \old(a[k]);
    ensures bit == 0 ==> \forall integer k; 0 <= k < n ==> r[k] == \old(r[k]); */
void rk_bn_cmov(uint64_t *r, const uint64_t *a, size_t n, uint64_t bit);

/*
 * rk_bn_mod_add - r := (a + b) mod m, for a, b < m (constant time).
 * rk_bn_mod_sub - r := (a - b) mod m, for a, b < m (constant time).
 * r may be a or b, never m.
 */
/*@ requires 1 <= n <= RK_BN_MAX_LIMBS;
    requires \valid(r + (0 .. n - 1));
    requires \valid_read(a + (0 .. n - 1)) && \valid_read(b + (0 .. n - 1));
    requires \valid_read(m + (0 .. n - 1));
    requires \separated(r + (0 .. n - 1), m + (0 .. n - 1));
    assigns r[0 .. n - 1]; */
void rk_bn_mod_add(uint64_t *r, const uint64_t *a, const uint64_t *b,
                   const uint64_t *m, size_t n);

/*@ requires 1 <= n <= RK_BN_MAX_LIMBS;
    requires \valid(r + (0 .. n - 1));
    requires \valid_read(a + (0 .. n - 1)) && \valid_read(b + (0 .. n - 1));
    requires \valid_read(m + (0 .. n - 1));
    requires \separated(r + (0 .. n - 1), m + (0 .. n - 1));
    assigns r[0 .. n - 1]; */
void rk_bn_mod_sub(uint64_t *r, const uint64_t *a, const uint64_t *b,
                   const uint64_t *m, size_t n);

/* ------------------------------------------------------------- Montgomery */

/*
 * rk_bn_mont_ctx - everything Montgomery arithmetic modulo m needs.  Filled
 * by rk_bn_mont_init; the caller owns it (no heap).  Only limbs [0, n) of
 * each array are used.  All fields are public (a modulus is public).
 */
typedef struct {
    size_t n;                       /* limbs, 1 .. RK_BN_MAX_LIMBS */
    uint64_t m0inv;                 /* -m^-1 mod 2^64 */
    uint64_t m[RK_BN_MAX_LIMBS];    /* the odd modulus */
    uint64_t rr[RK_BN_MAX_LIMBS];   /* R^2 mod m */
    uint64_t one[RK_BN_MAX_LIMBS];  /* R mod m: 1 in Montgomery form */
} rk_bn_mont_ctx;

/*@ predicate rk_bn_ctx_ok(rk_bn_mont_ctx *c) =
      \valid_read(c) && 1 <= c->n <= RK_BN_MAX_LIMBS; */

/*
 * rk_bn_mont_init - set up c for the modulus m (n limbs).
 * Errors: RK_ERR_BN_MODULUS if n is 0 or above RK_BN_MAX_LIMBS, m is even, or
 * m == 1; then *c is zeroed.
 * CT: time depends on n only.
 */
/*@ requires \valid(c);
    requires n <= RK_BN_MAX_LIMBS ==> \valid_read(m + (0 .. n - 1));
    requires \separated(c, m + (0 .. n - 1));
    assigns *c;
    ensures \result == RK_OK ==> c->n == n && 1 <= n <= RK_BN_MAX_LIMBS;
    ensures \result == RK_OK || \result == RK_ERR_BN_MODULUS; */
RK_MUST_CHECK rk_status rk_bn_mont_init(rk_bn_mont_ctx *c, const uint64_t *m, size_t n);

/*
 * rk_bn_mont_mul - r := a b R^-1 mod m, fully reduced (< m), when one of
 * a, b is < m and the other < R.  r may be a or b.  rk_bn_mont_sqr is
 * rk_bn_mont_mul(r, a, a).
 */
/*@ requires rk_bn_ctx_ok(c);
    requires \valid(r + (0 .. c->n - 1));
    requires \valid_read(a + (0 .. c->n - 1)) && \valid_read(b + (0 .. c->n - 1));
    requires \separated(r + (0 .. c->n - 1), c);
    assigns r[0 .. c->n - 1]; */
void rk_bn_mont_mul(uint64_t *r, const uint64_t *a, const uint64_t *b,
                    const rk_bn_mont_ctx *c);

/*@ requires rk_bn_ctx_ok(c);
    requires \valid(r + (0 .. c->n - 1));
    requires \valid_read(a + (0 .. c->n - 1));
    requires \separated(r + (0 .. c->n - 1), c);
    assigns r[0 .. c->n - 1]; */
void rk_bn_mont_sqr(uint64_t *r, const uint64_t *a, const rk_bn_mont_ctx *c);

/* rk_bn_to_mont - r := a R mod m (a < R).  rk_bn_from_mont - r := a R^-1 mod m. */
/*@ requires rk_bn_ctx_ok(c);
    requires \valid(r + (0 .. c->n - 1));
    requires \valid_read(a + (0 .. c->n - 1));
    requires \separated(r + (0 .. c->n - 1), c);
    assigns r[0 .. c->n - 1]; */
void rk_bn_to_mont(uint64_t *r, const uint64_t *a, const rk_bn_mont_ctx *c);

/*@ requires rk_bn_ctx_ok(c);
    requires \valid(r + (0 .. c->n - 1));
    requires \valid_read(a + (0 .. c->n - 1));
    requires \separated(r + (0 .. c->n - 1), c);
    assigns r[0 .. c->n - 1]; */
void rk_bn_from_mont(uint64_t *r, const uint64_t *a, const rk_bn_mont_ctx *c);

/*
 * rk_bn_mont_pow_public - r := a^e in Montgomery form (a in Montgomery form,
 * a < m), e of elen limbs (elen <= RK_BN_MAX_LIMBS), e == 0 gives R mod m.
 * CT: square-and-multiply that branches on the bits of e: e must be public.
 * Time is independent of a.
 */
/*@ requires rk_bn_ctx_ok(c);
    requires 1 <= elen <= RK_BN_MAX_LIMBS;
    requires \valid(r + (0 .. c->n - 1));
    requires \valid_read(a + (0 .. c->n - 1));
    requires \valid_read(e + (0 .. elen - 1));
    requires \separated(r + (0 .. c->n - 1), c);
    assigns r[0 .. c->n - 1]; */
void rk_bn_mont_pow_public(uint64_t *r, const uint64_t *a, const uint64_t *e,
                           size_t elen, const rk_bn_mont_ctx *c);

/*
 * rk_bn_mont_pow_secret - the same for a secret exponent: fixed 4-bit
 * windows, every window squares four times and multiplies by a table entry
 * read with a full scan (rk_ct_lookup64).
 * CT: time depends on c->n and elen only.
 */
/*@ requires rk_bn_ctx_ok(c);
    requires 1 <= elen <= RK_BN_MAX_LIMBS;
    requires \valid(r + (0 .. c->n - 1));
    requires \valid_read(a + (0 .. c->n - 1));
    requires \valid_read(e + (0 .. elen - 1));
    requires \separated(r + (0 .. c->n - 1), c);
    assigns r[0 .. c->n - 1]; */
void rk_bn_mont_pow_secret(uint64_t *r, const uint64_t *a, const uint64_t *e,
                           size_t elen, const rk_bn_mont_ctx *c);

/*
 * rk_bn_mont_inv - r := a^-1 in Montgomery form (a in Montgomery form), by
 * Fermat: a^(m-2).  Needs m prime; a == 0 gives 0.
 * CT: the exponent m - 2 is public, so time is independent of a.
 */
/*@ requires rk_bn_ctx_ok(c);
    requires \valid(r + (0 .. c->n - 1));
    requires \valid_read(a + (0 .. c->n - 1));
    requires \separated(r + (0 .. c->n - 1), c);
    assigns r[0 .. c->n - 1]; */
void rk_bn_mont_inv(uint64_t *r, const uint64_t *a, const rk_bn_mont_ctx *c);

/*
 * rk_bn_reduce_bytes - r := (big-endian integer in[0 .. len-1]) mod m, any
 * len (0 gives 0): hash outputs, HashToIntegerRange blocks.  The result is
 * a plain (not Montgomery) number < m.
 * CT: time depends on len and c->n only.
 */
/*@ requires rk_bn_ctx_ok(c);
    requires \valid(r + (0 .. c->n - 1));
    requires \valid_read(in + (0 .. len - 1));
    requires \separated(r + (0 .. c->n - 1), c);
    requires \separated(r + (0 .. c->n - 1), in + (0 .. len - 1));
    assigns r[0 .. c->n - 1]; */
void rk_bn_reduce_bytes(uint64_t *r, const uint8_t *in, size_t len,
                        const rk_bn_mont_ctx *c);

#ifdef __cplusplus
}
#endif
#endif
