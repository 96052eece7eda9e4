/* SPDX-License-Identifier: Apache-2.0
 * rootkey/p256.h - NIST P-256 (the ECCSI curve of RFC 6507 as profiled by
 * RFC 6509): field mod p, scalars mod q, points, scalar multiplication.
 * This is an internal layer (called by eccsi and by the test-only Wycheproof
 * wrappers), not the API vendors call.
 *
 * Representation
 *  - Field elements: 4 little-endian 64-bit limbs in Montgomery form
 *    (x 2^256 mod p), always fully reduced.
 *  - Scalars: 4 limbs, plain integers (not Montgomery form).
 *  - rk_p256_point: projective (X : Y : Z) with x = X/Z, y = Y/Z; the point
 *    at infinity is (0 : 1 : 0) (any Z == 0).  Arithmetic on it uses the
 *    complete formulas of Renes-Costello-Batina 2016 (a = -3), which have no
 *    exceptional cases: secret points never need a branch.
 *  - rk_p256_affine: (x, y) in Montgomery form; never the point at infinity.
 *
 * CT: every function runs in time independent of field and scalar values,
 * except those marked "vartime" (public inputs only: verification).
 */
#ifndef ROOTKEY_P256_H
#define ROOTKEY_P256_H

#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RK_P256_FE_BYTES 32       /* a field element or scalar, big-endian */
#define RK_P256_POINT_BYTES 65    /* 0x04 || x || y */

typedef struct { uint64_t x[4], y[4], z[4]; } rk_p256_point;
typedef struct { uint64_t x[4], y[4]; } rk_p256_affine;

/*
 * rk_p256_table - fixed-base table of a public point P (for the KPAK): row i
 * (0..42) holds k 64^i P for k = 1..32, affine, for signed 6-bit windows.
 * 88,064 octets, caller-owned.
 */
#define RK_P256_TAB_ROWS 43
#define RK_P256_TAB_ROW_WORDS 256
typedef struct { uint64_t t[RK_P256_TAB_ROWS * RK_P256_TAB_ROW_WORDS]; } rk_p256_table;

/* ------------------------------------------------------------ field mod p */

/* rk_p256_fe_from_bytes - r := Montgomery form of the big-endian in[0..31];
 * returns 1 if the value is < p, else 0 (then r is the value mod p).  */
/*@ requires \valid(r + (0 .. 3)) && \valid_read(in + (0 .. 31));
    requires \separated(r + (0 .. 3), in + (0 .. 31));
    assigns r[0 .. 3];
    ensures \result <= 1; */
uint64_t rk_p256_fe_from_bytes(uint64_t r[4], const uint8_t in[32]);

/* rk_p256_fe_to_bytes - out := the big-endian value of a (Montgomery form in). */
/*@ requires \valid(out + (0 .. 31)) && \valid_read(a + (0 .. 3));
    requires \separated(out + (0 .. 31), a + (0 .. 3));
    assigns out[0 .. 31]; */
void rk_p256_fe_to_bytes(uint8_t out[32], const uint64_t a[4]);

/* rk_p256_fe_mul / _sqr / _add / _sub - Montgomery-form arithmetic mod p
 * (r may alias the inputs). */
/*@ requires \valid(r + (0 .. 3));
    requires \valid_read(a + (0 .. 3)) && \valid_read(b + (0 .. 3));
    assigns r[0 .. 3]; */
void rk_p256_fe_mul(uint64_t r[4], const uint64_t a[4], const uint64_t b[4]);
/*@ requires \valid(r + (0 .. 3));
    requires \valid_read(a + (0 .. 3)) && \valid_read(b + (0 .. 3));
    assigns r[0 .. 3]; */
void rk_p256_fe_add(uint64_t r[4], const uint64_t a[4], const uint64_t b[4]);
/*@ requires \valid(r + (0 .. 3));
    requires \valid_read(a + (0 .. 3)) && \valid_read(b + (0 .. 3));
    assigns r[0 .. 3]; */
void rk_p256_fe_sub(uint64_t r[4], const uint64_t a[4], const uint64_t b[4]);

/* rk_p256_fe_inv - r := a^-1 (a^(p-2): Fermat, fixed addition chain; 0 -> 0).
 * CT: yes. */
/*@ requires \valid(r + (0 .. 3)) && \valid_read(a + (0 .. 3));
    assigns r[0 .. 3]; */
void rk_p256_fe_inv(uint64_t r[4], const uint64_t a[4]);

/* ------------------------------------------------------------- scalars mod q */

/* rk_p256_sc_from_bytes - r := big-endian in[0..31] (no reduction); returns
 * 1 if 1 <= r <= q-1, else 0. */
/*@ requires \valid(r + (0 .. 3)) && \valid_read(in + (0 .. 31));
    requires \separated(r + (0 .. 3), in + (0 .. 31));
    assigns r[0 .. 3];
    ensures \result <= 1; */
uint64_t rk_p256_sc_from_bytes(uint64_t r[4], const uint8_t in[32]);

/* rk_p256_sc_in_range - 1 if 1 <= a <= q-1, else 0 (constant time). */
/*@ requires \valid_read(a + (0 .. 3));
    assigns \nothing;
    ensures \result <= 1; */
uint64_t rk_p256_sc_in_range(const uint64_t a[4]);

/* rk_p256_sc_reduce - r := (big-endian in[0..len-1]) mod q, any length. */
/*@ requires \valid(r + (0 .. 3)) && \valid_read(in + (0 .. len - 1));
    requires \separated(r + (0 .. 3), in + (0 .. len - 1));
    assigns r[0 .. 3]; */
void rk_p256_sc_reduce(uint64_t r[4], const uint8_t *in, size_t len);

/* rk_p256_sc_mul / _add - r := a b mod q, a + b mod q (a, b < q; plain form). */
/*@ requires \valid(r + (0 .. 3));
    requires \valid_read(a + (0 .. 3)) && \valid_read(b + (0 .. 3));
    assigns r[0 .. 3]; */
void rk_p256_sc_mul(uint64_t r[4], const uint64_t a[4], const uint64_t b[4]);
/*@ requires \valid(r + (0 .. 3));
    requires \valid_read(a + (0 .. 3)) && \valid_read(b + (0 .. 3));
    assigns r[0 .. 3]; */
void rk_p256_sc_add(uint64_t r[4], const uint64_t a[4], const uint64_t b[4]);

/* rk_p256_sc_inv - r := a^-1 mod q (Fermat, public exponent q-2; 0 -> 0).
 * CT: yes. */
/*@ requires \valid(r + (0 .. 3)) && \valid_read(a + (0 .. 3));
    assigns r[0 .. 3]; */
void rk_p256_sc_inv(uint64_t r[4], const uint64_t a[4]);

/* ------------------------------------------------------------------ points */

/*
 * rk_p256_decode - parse an uncompressed point 0x04 || x || y (len == 65).
 * Errors, checked in this order: RK_ERR_POINT_LENGTH (len != 65),
 * RK_ERR_POINT_PREFIX (first octet != 0x04: compressed, hybrid and the
 * one-octet infinity encoding are all refused), RK_ERR_POINT_RANGE (x >= p or
 * y >= p), RK_ERR_POINT_CURVE (y^2 != x^3 - 3x + b).  The point at infinity
 * has no affine encoding, so every accepted point is finite.  On error *p is
 * zeroed.  CT: public input; time depends on the error path only.
 */
/*@ requires \valid(p);
    requires \valid_read(in + (0 .. len - 1));
    requires \separated(p, in + (0 .. len - 1));
    assigns *p;
    ensures \result == RK_OK ==> len == 65;
    ensures \result == RK_OK || \result == RK_ERR_POINT_LENGTH ||
            \result == RK_ERR_POINT_PREFIX || \result == RK_ERR_POINT_RANGE ||
            \result == RK_ERR_POINT_CURVE; */
RK_MUST_CHECK rk_status rk_p256_decode(rk_p256_affine *p, const uint8_t *in, size_t len);

/* rk_p256_on_curve - 1 if (x, y) satisfies the curve equation. */
/*@ requires \valid_read(p);
    assigns \nothing;
    ensures \result <= 1; */
uint64_t rk_p256_on_curve(const rk_p256_affine *p);

/*
 * rk_p256_to_affine - r := P in affine form; returns 1, or 0 if P is the
 * point at infinity (then r is zeroed).  CT: yes (one field inversion).
 */
/*@ requires \valid(r) && \valid_read(p);
    assigns *r;
    ensures \result <= 1; */
uint64_t rk_p256_to_affine(rk_p256_affine *r, const rk_p256_point *p);

/* rk_p256_encode - out := 0x04 || x || y.  RK_ERR_POINT_INFINITY (out
 * zeroed) for the point at infinity. */
/*@ requires \valid(out + (0 .. 64)) && \valid_read(p);
    assigns out[0 .. 64];
    ensures \result == RK_OK || \result == RK_ERR_POINT_INFINITY; */
RK_MUST_CHECK rk_status rk_p256_encode(uint8_t out[65], const rk_p256_point *p);

/* rk_p256_encode_affine - out := 0x04 || x || y. */
/*@ requires \valid(out + (0 .. 64)) && \valid_read(p);
    requires \separated(out + (0 .. 64), p);
    assigns out[0 .. 64]; */
void rk_p256_encode_affine(uint8_t out[65], const rk_p256_affine *p);

/* rk_p256_from_affine - r := (x : y : 1). */
/*@ requires \valid(r) && \valid_read(p);
    requires \separated(r, p);
    assigns *r; */
void rk_p256_from_affine(rk_p256_point *r, const rk_p256_affine *p);

/* rk_p256_set_infinity - r := (0 : 1 : 0).  rk_p256_is_infinity - 1 if Z == 0. */
/*@ requires \valid(r);
    assigns *r; */
void rk_p256_set_infinity(rk_p256_point *r);
/*@ requires \valid_read(p);
    assigns \nothing;
    ensures \result <= 1; */
uint64_t rk_p256_is_infinity(const rk_p256_point *p);

/* rk_p256_add / _add_affine / _dbl - complete formulas (RCB 2016 algorithms
 * 4, 5, 6): correct for every input, including equal points, inverse
 * points and the point at infinity (as r, a; b of add_affine is finite).
 * r may alias a (and b). */
/*@ requires \valid(r) && \valid_read(a) && \valid_read(b);
    assigns *r; */
void rk_p256_add(rk_p256_point *r, const rk_p256_point *a, const rk_p256_point *b);
/*@ requires \valid(r) && \valid_read(a) && \valid_read(b);
    assigns *r; */
void rk_p256_add_affine(rk_p256_point *r, const rk_p256_point *a, const rk_p256_affine *b);
/*@ requires \valid(r) && \valid_read(a);
    assigns *r; */
void rk_p256_dbl(rk_p256_point *r, const rk_p256_point *a);

/* rk_p256_neg_affine - r := -p (r may be p). */
/*@ requires \valid(r) && \valid_read(p);
    requires r == p || \separated(r, p);
    assigns *r; */
void rk_p256_neg_affine(rk_p256_affine *r, const rk_p256_affine *p);

/* rk_p256_eq - 1 if P == Q as points (projective comparison), else 0. */
/*@ requires \valid_read(a) && \valid_read(b);
    assigns \nothing;
    ensures \result <= 1; */
uint64_t rk_p256_eq(const rk_p256_point *a, const rk_p256_point *b);

/* ------------------------------------------------------ scalar multiplication */

/*
 * rk_p256_mul_base - r := [k]G for any 256-bit k (k = 0 and k = q give the
 * point at infinity), with the built-in fixed-base table: k in 43 signed
 * 6-bit digits, 43 Jacobian mixed additions of entries read by full scan and
 * negated by mask.  The additions are incomplete, but their exceptional
 * cases cannot occur for these digits (argued in p256_mul.c; the first
 * non-zero digit is tracked arithmetically).  CT: yes.
 */
/*@ requires \valid(r) && \valid_read(k + (0 .. 3));
    assigns *r; */
void rk_p256_mul_base(rk_p256_point *r, const uint64_t k[4]);

/*
 * rk_p256_mul - r := [k]P for a finite point P and any 256-bit k: 4-bit
 * fixed window over a 16-entry table read by full scan, complete formulas.
 * CT: yes (both k and P may be secret).
 */
/*@ requires \valid(r) && \valid_read(p) && \valid_read(k + (0 .. 3));
    assigns *r; */
void rk_p256_mul(rk_p256_point *r, const rk_p256_affine *p, const uint64_t k[4]);

/* rk_p256_table_init - t := the fixed-base table of the public point P.
 * vartime (P is public). */
/*@ requires \valid(t) && \valid_read(p);
    assigns *t; */
void rk_p256_table_init(rk_p256_table *t, const rk_p256_affine *p);

/*
 * rk_p256_mul3_vartime - r := [u1]G + [u2]T + [u3]P where T is the point of
 * the table t (t may be NULL: then u2 is ignored).  vartime: every input
 * must be public (verification only).
 */
/*@ requires \valid(r) && \valid_read(u1 + (0 .. 3));
    requires t == \null || \valid_read(t);
    requires \valid_read(u2 + (0 .. 3)) && \valid_read(p) && \valid_read(u3 + (0 .. 3));
    assigns *r; */
void rk_p256_mul3_vartime(rk_p256_point *r, const uint64_t u1[4],
                          const rk_p256_table *t, const uint64_t u2[4],
                          const rk_p256_affine *p, const uint64_t u3[4]);

/* rk_p256_gtab_row - row i (0..42) of the built-in table of G (256 limbs). */
/*@ requires i < 43;
    assigns \nothing;
    ensures \valid_read(\result + (0 .. 255)); */
const uint64_t *rk_p256_gtab_row(size_t i);

#ifdef __cplusplus
}
#endif
#endif
