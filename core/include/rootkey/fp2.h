/* SPDX-License-Identifier: Apache-2.0
 * rootkey/fp2.h - the quadratic extension F_p^2 = F_p[i], i^2 = -1 (valid
 * because p = 3 mod 4), of RFC 6508 section 3.1, over rootkey/fp1024.h.
 *
 * An element is a + i*b with a, b in Montgomery form.  Inputs and outputs may
 * alias in every function.
 *
 * The PF_p representation (RFC 6508 2.1, 3.2): an element a + i*b of F_p^2*
 * taken up to an F_p* factor is represented by the single F_p value b/a;
 * rk_fp2_repr computes it with one inversion.
 *
 * CT: every function is branch-free with no secret-dependent index;
 * rk_fp2_pow_ct scans its whole table for every window.
 */
#ifndef ROOTKEY_FP2_H
#define ROOTKEY_FP2_H

#include <stdint.h>
#include "rootkey/fp1024.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct { rk_fp a; rk_fp b; } rk_fp2;

/*@ requires \valid(r) && \valid_read(x) && \valid_read(y);
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
void rk_fp2_add(rk_fp2 *r, const rk_fp2 *x, const rk_fp2 *y);

/*@ requires \valid(r) && \valid_read(x) && \valid_read(y);
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
void rk_fp2_sub(rk_fp2 *r, const rk_fp2 *x, const rk_fp2 *y);

/* r = x * y (Karatsuba: 3 F_p products). */
/*@ requires \valid(r) && \valid_read(x) && \valid_read(y);
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
void rk_fp2_mul(rk_fp2 *r, const rk_fp2 *x, const rk_fp2 *y);

/* r = x^2 ((a+b)(a-b) + i 2ab: 2 F_p products). */
/*@ requires \valid(r) && \valid_read(x);
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
void rk_fp2_sqr(rk_fp2 *r, const rk_fp2 *x);

/* r = x * (c + i d) for c, d in F_p (a line value of the Miller loop). */
/*@ requires \valid(r) && \valid_read(x) && \valid_read(c) && \valid_read(d);
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
void rk_fp2_mul_cd(rk_fp2 *r, const rk_fp2 *x, const rk_fp *c, const rk_fp *d);

/* r = 1 */
/*@ requires \valid(r);
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
void rk_fp2_one(rk_fp2 *r);

/* if bit == 1 then r = x */
/*@ requires bit == 0 || bit == 1;
    requires \valid(r) && \valid_read(x);
    requires r == x || \separated(r, x);
    assigns *r; */
void rk_fp2_cmov(rk_fp2 *r, const rk_fp2 *x, uint64_t bit);

/* 1 if x == y, else 0 */
/*@ requires \valid_read(x) && \valid_read(y);
    assigns \nothing;
    ensures \result == 0 || \result == 1; */
uint64_t rk_fp2_eq(const rk_fp2 *x, const rk_fp2 *y);

/* PF_p representation: r = b / a (0 when a == 0, which never happens for an
 * element of order dividing q; callers check rk_fp_is_zero(&x->a) if needed). */
/*@ requires \valid(r) && \valid_read(x);
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
void rk_fp2_repr(rk_fp *r, const rk_fp2 *x);

#ifdef __cplusplus
}
#endif
#endif
