/* SPDX-License-Identifier: Apache-2.0
 * rootkey/pairing.h - the reduced Tate-Lichtenbaum pairing <R, Q> of RFC 6508
 * section 3.2 on the supersingular curve of rootkey/sscurve.h, its value in
 * the PF_p representation, and exponentiation of g in PF_p[q].
 *
 * The pairing (RFC 6508 3.2; docs/references.md §4.3):
 *   Miller loop over the bits of q - 1 (most significant first, the leading
 *   one skipped) with the tangent and chord lines through multiples C of the
 *   first argument, evaluated at psi(Q) = (-Qx, i Qy); then v^4 ((p+1)/q);
 *   the remaining factor p - 1 of the final exponent is absorbed by the PF_p
 *   representation b/a of v = a + i b (F_p* scalars cancel, so every line
 *   may be scaled by any non-zero element of F_p).
 *   C runs in Jacobian coordinates: no inversion per step, one at the end.
 *
 * The pairing is symmetric on the order-q subgroup (<P, P> = g and both
 * arguments are multiples of P), so <R, K> = <K, R>.  The client uses this
 * to precompute, once per RSK, the line coefficients of the loop run on the
 * RSK (rk_pairing_table): a decapsulation then only evaluates stored lines at
 * the received R.  The RFC vector checks both orders.
 *
 * Both arguments must be points of order q (rk_ss_decode checks this);
 * for such points no step meets an exceptional case (C never equals +-R).
 *
 * CT: the control flow depends only on the public q; no secret-dependent
 * index.  Either argument may be secret.
 */
#ifndef ROOTKEY_PAIRING_H
#define ROOTKEY_PAIRING_H

#include <stdint.h>
#include "rootkey/fp1024.h"
#include "rootkey/fp2.h"
#include "rootkey/sscurve.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Lines of the Miller loop: 1021 doubling steps and 512 addition steps. */
#define RK_PAIRING_LINES 1533

/* Per-RSK table: line j evaluated at psi(R) is (lam_j * Rx + mu_j) + i * Ry
 * (affine slope form, scaled so the imaginary coefficient is 1).
 * 1533 * 2 * 128 octets = 392,448 octets. */
typedef struct {
    rk_fp lam[RK_PAIRING_LINES];
    rk_fp mu[RK_PAIRING_LINES];
} rk_pairing_table;

/* Fixed-base table for g^k in PF_p (8-tooth comb over F_p^2, 64 KiB):
 * entry j = prod over set bits i of j of (1 + i g)^(2^(128 i)). */
typedef struct { uint64_t w[256 * 32]; } rk_gt_table;   /* entry j: a then b, 32 words */

/* The pairing value g = <P, P> of parameter set 1 (Montgomery form). */
extern const rk_fp rk_pairing_g;

/* w = <R, Q> in the PF_p representation (Montgomery form). */
/*@ requires \valid(w) && \valid_read(r) && \valid_read(q);
    requires \separated(w, &rk_fp_mod_p);
    assigns *w; */
void rk_pairing(rk_fp *w, const rk_ss_aff *r, const rk_ss_aff *q);

/* Build the line table of the loop run on k (the RSK).  Chunked batch
 * inversion: 24 inversions in all (see docs/sakke.md). */
/*@ requires \valid(t) && \valid_read(k);
    requires \separated(t, &rk_fp_mod_p);
    assigns *t; */
void rk_pairing_table_init(rk_pairing_table *t, const rk_ss_aff *k);

/* w = <K, R> = <R, K> with the table of K. */
/*@ requires \valid(w) && \valid_read(t) && \valid_read(r);
    requires \separated(w, &rk_fp_mod_p);
    assigns *w; */
void rk_pairing_with_table(rk_fp *w, const rk_pairing_table *t, const rk_ss_aff *r);

/* Build the g^k table. */
/*@ requires \valid(t);
    requires \separated(t, &rk_fp_mod_p);
    assigns *t; */
void rk_gt_table_init(rk_gt_table *t);

/* w = g^k in PF_p (the representation of (1 + i g)^k), k a plain 1024-bit
 * integer in 16 limbs.  CT in k. */
/*@ requires \valid(w) && \valid_read(t) && \valid_read(k);
    requires \separated(w, &rk_fp_mod_p);
    assigns *w; */
void rk_gt_pow(rk_fp *w, const rk_gt_table *t, const rk_fp *k);

/* v = (1 + i g)^k in F_p^2, before the PF_p representation (which is
 * v.b / v.a): for callers that compare (b == w a) or batch the inversion
 * instead of paying one inversion each.  v.a is never 0 (v has order
 * dividing q).  CT in k. */
/*@ requires \valid(v) && \valid_read(t) && \valid_read(k);
    requires \separated(v, &rk_fp_mod_p);
    assigns *v; */
void rk_gt_pow_raw(rk_fp2 *v, const rk_gt_table *t, const rk_fp *k);

#ifdef __cplusplus
}
#endif
#endif
