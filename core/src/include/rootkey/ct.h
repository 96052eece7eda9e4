/* SPDX-License-Identifier: Apache-2.0
 * rootkey/ct.h - constant-time helpers and the wipe.  The only place where
 * rootkey does bit tricks on secrets: every other module calls these.
 *
 * Rules (BearSSL style, stated once here):
 *  - A secret never decides a branch or a memory index.  Choices between two
 *    values use a mask (0 or all-ones) built by rk_ct_mask64 and applied by
 *    rk_ct_sel64; table reads scan the whole table (rk_ct_lookup64).
 *  - Masks pass through rk_ct_barrier64 so the compiler cannot see that the
 *    value is 0/1 and turn the select back into a branch.
 *  - Results of secret comparisons are 0/1 values, decided once at the end of
 *    an operation.
 *
 * CT: every function here runs in time independent of the values of its
 * arguments (only of the lengths n, which are public).
 *
 * Proof notes: SMT solvers cannot reason about & | ^ >> on 64-bit words, so
 * each bit fact lives in one tiny helper below and is stated with an ACSL
 * `admit`.  proofs/why3/ctbits.mlw proves exactly these facts on 64-bit
 * bit-vectors; proofs/TRUST.md lists them.
 */
#ifndef ROOTKEY_CT_H
#define ROOTKEY_CT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RK_ALL1 0xffffffffffffffffULL

/*
 * RK_CT_PUBLIC(p, n) marks a decision point: the value at p (n octets) is
 * derived from secrets but is about to become public by design (accept or
 * reject of a tag, a TEST, an input's validity).  It compiles to nothing,
 * except in the constant-time check build (make ct, -DRK_CT_VALGRIND), where
 * it tells valgrind memcheck that the value may be branched on.  Every use
 * is a declassification an evaluator should read: grep RK_CT_PUBLIC.
 */
#if defined(RK_CT_VALGRIND) && !defined(__FRAMAC__)
#include <valgrind/memcheck.h>
#define RK_CT_PUBLIC(p, n) ((void)VALGRIND_MAKE_MEM_DEFINED((p), (n)))
#else
#define RK_CT_PUBLIC(p, n) ((void)(p), (void)(n))
#endif
/*@ predicate rk_is_mask(uint64_t m) = m == 0 || m == 0xffffffffffffffff; */

/* Hide a value from the optimiser (an empty asm the compiler must assume
 * changes it).  Identity for the prover. */
/*@ assigns \nothing;
    ensures \result == x; */
static inline uint64_t rk_ct_barrier64(uint64_t x)
{
#if defined(__GNUC__) && !defined(__FRAMAC__)
    __asm__("" : "+r"(x));
#endif
    return x;
}

/* bit in {0,1} -> 0 or all-ones.  Written as a product so that no wrap-around
 * is involved (the proof needs no admit). */
/*@ requires bit == 0 || bit == 1;
    assigns \nothing;
    ensures rk_is_mask(\result);
    ensures bit == 0 ==> \result == 0;
    ensures bit == 1 ==> \result == 0xffffffffffffffff; */
static inline uint64_t rk_ct_mask64(uint64_t bit)
{
    return rk_ct_barrier64(bit) * RK_ALL1;
}

/* m ? a : b, with m a mask. */
/*@ requires rk_is_mask(m);
    assigns \nothing;
    ensures m == 0 ==> \result == b;
    ensures m != 0 ==> \result == a; */
static inline uint64_t rk_ct_sel64(uint64_t a, uint64_t b, uint64_t m)
{
    uint64_t r = b ^ (m & (a ^ b));
    /*@ admit (m == 0 ==> r == b) && (m == 0xffffffffffffffff ==> r == a); */
    return r;
}

/* 1 if x == 0, else 0.  (x>>1 | x&1) is non-zero exactly when x is and is
 * below 2^63, so adding 2^63-1 carries into bit 63 exactly when x != 0. */
/*@ assigns \nothing;
    ensures x == 0 ==> \result == 1;
    ensures x != 0 ==> \result == 0; */
static inline uint64_t rk_ct_is_zero64(uint64_t x)
{
    uint64_t h = (x >> 1) | (x & 1u);
    /*@ admit h <= 0x7fffffffffffffff && (h == 0 <==> x == 0); */
    uint64_t t = (h + 0x7fffffffffffffffULL) >> 63;
    /*@ admit (h == 0 ==> t == 0) && (h != 0 ==> t == 1); */
    return 1u - t;
}

/* d | (x ^ y): zero exactly when d is zero and x == y.  The accumulator of
 * every constant-time comparison. */
/*@ assigns \nothing;
    ensures \result == 0 <==> (d == 0 && x == y); */
static inline uint64_t rk_ct_diff64(uint64_t d, uint64_t x, uint64_t y)
{
    uint64_t r = d | (x ^ y);
    /*@ admit r == 0 <==> (d == 0 && x == y); */
    return r;
}

/* 1 if x == y, else 0. */
/*@ assigns \nothing;
    ensures x == y ==> \result == 1;
    ensures x != y ==> \result == 0; */
static inline uint64_t rk_ct_eq64(uint64_t x, uint64_t y)
{
    return rk_ct_is_zero64(rk_ct_diff64(0, x, y));
}

/* Byte-class tests for the codecs: compilers turn chains of == and <= into
 * jumps, so these use only addition and a division by a power of two. */
/* 1 if c >= k, else 0; c an octet value, k in 0..256. */
/*@ requires 0 <= c <= 255 && 0 <= k <= 256;
    assigns \nothing;
    ensures c >= k ==> \result == 1;
    ensures c < k ==> \result == 0; */
static inline int rk_ct_ge8(int c, int k)
{
    return (c - k + 256) / 256;
}

/* The octet value of a char, 0..255, whether char is signed or not
 * (a conversion to unsigned char would be an implementation-defined
 * downcast for the prover). */
/*@ assigns \nothing;
    ensures 0 <= \result <= 255;
    ensures ch >= 0 ==> \result == ch;
    ensures ch < 0 ==> \result == ch + 256; */
static inline int rk_ct_octet(char ch)
{
    int c = ch;
    return c + 256 * (c < 0);
}

/* 1 if lo <= c <= hi, else 0; c an octet value, 0 <= lo <= hi <= 255. */
/*@ requires 0 <= c <= 255 && 0 <= lo <= hi <= 255;
    assigns \nothing;
    ensures lo <= c <= hi ==> \result == 1;
    ensures !(lo <= c <= hi) ==> \result == 0; */
static inline int rk_ct_in8(int c, int lo, int hi)
{
    return rk_ct_ge8(c, lo) * rk_ct_ge8(hi, c);
}

/*
 * rk_ct_memeq - 1 if a[0..n-1] == b[0..n-1], else 0, reading every octet.
 */
/*@ requires \valid_read(a + (0 .. n - 1));
    requires \valid_read(b + (0 .. n - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> (\forall integer k; 0 <= k < n ==> a[k] == b[k]); */
uint64_t rk_ct_memeq(const uint8_t *a, const uint8_t *b, size_t n);

/*
 * rk_ct_is_zero - 1 if a[0..n-1] are all zero (n == 0 gives 1), else 0.
 */
/*@ requires \valid_read(a + (0 .. n - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> (\forall integer k; 0 <= k < n ==> a[k] == 0); */
uint64_t rk_ct_is_zero(const uint8_t *a, size_t n);

/*
 * rk_ct_cmov8 - if bit == 1 then r := a (n octets), else r unchanged.
 */
/*@ requires bit == 0 || bit == 1;
    requires \valid(r + (0 .. n - 1));
    requires \valid_read(a + (0 .. n - 1));
    requires \separated(r + (0 .. n - 1), a + (0 .. n - 1));
    assigns r[0 .. n - 1];
    ensures bit == 1 ==> \forall integer k; 0 <= k < n ==> r[k] == a[k];
    ensures bit == 0 ==> \forall integer k; 0 <= k < n ==> r[k] == \old(r[k]); */
void rk_ct_cmov8(uint8_t *r, const uint8_t *a, size_t n, uint64_t bit);

/*
 * rk_ct_select64 - r := m ? a : b for n words (m a mask).  r may be a or b.
 */
/*@ requires rk_is_mask(m);
    requires \valid(r + (0 .. n - 1));
    requires \valid_read(a + (0 .. n - 1));
    requires \valid_read(b + (0 .. n - 1));
    requires r == a || \separated(r + (0 .. n - 1), a + (0 .. n - 1));
    requires r == b || \separated(r + (0 .. n - 1), b + (0 .. n - 1));
    assigns r[0 .. n - 1];
    ensures m == 0 ==> \forall integer k; 0 <= k < n ==> r[k] == \old(b[k]);
    ensures m != 0 ==> \forall integer k; 0 <= k < n ==> r[k] == \old(a[k]); */
void rk_ct_select64(uint64_t *r, const uint64_t *a, const uint64_t *b,
                    size_t n, uint64_t m);

/*
 * rk_ct_lookup64 - r := table[idx] where the table holds `count` entries of
 * `width` words each.  Every entry is read; idx is only compared, never used
 * as an address.  An idx >= count leaves r all zero.
 */
/*@ requires count >= 1 && width >= 1;
    requires count * width <= 0x7fffffff;
    requires \valid(r + (0 .. width - 1));
    requires \valid_read(table + (0 .. count * width - 1));
    requires \separated(r + (0 .. width - 1), table + (0 .. count * width - 1));
    assigns r[0 .. width - 1];
    ensures idx < count ==>
        \forall integer k; 0 <= k < width ==> r[k] == table[idx * width + k];
    ensures idx >= count ==> \forall integer k; 0 <= k < width ==> r[k] == 0; */
void rk_ct_lookup64(uint64_t *r, const uint64_t *table, size_t count,
                    size_t width, size_t idx);

/*
 * rk_wipe - set n octets to zero in a way the compiler may not remove, even
 * at -O3 with LTO (volatile stores followed by a compiler memory barrier).
 * Use it on every secret before it goes out of scope, on every path.
 */
/*@ requires \valid(p + (0 .. n - 1));
    assigns p[0 .. n - 1];
    ensures \forall integer k; 0 <= k < n ==> p[k] == 0; */
void rk_wipe(uint8_t *p, size_t n);

/* rk_wipe_u64 - rk_wipe for arrays of 64-bit words. */
/*@ requires \valid(p + (0 .. n - 1));
    assigns p[0 .. n - 1];
    ensures \forall integer k; 0 <= k < n ==> p[k] == 0; */
void rk_wipe_u64(uint64_t *p, size_t n);

/* rk_wipe_u32 - rk_wipe for arrays of 32-bit words. */
/*@ requires \valid(p + (0 .. n - 1));
    assigns p[0 .. n - 1];
    ensures \forall integer k; 0 <= k < n ==> p[k] == 0; */
void rk_wipe_u32(uint32_t *p, size_t n);

#ifdef __cplusplus
}
#endif
#endif
