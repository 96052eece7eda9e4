/* SPDX-License-Identifier: Apache-2.0
 * rootkey/fp1024.h - arithmetic modulo the 1024-bit SAKKE prime p of RFC 6509
 * Appendix A (parameter set 1), and modulo the 1022-bit group order q = (p+1)/4.
 *
 * Elements are 16 little-endian 64-bit limbs in Montgomery form (x * 2^1024
 * mod m), always fully reduced (0 <= value < m).  The field functions rk_fp_*
 * work modulo p; the rk_fp_m* variants take a modulus (rk_fp_mod_p or
 * rk_fp_mod_q) and serve the scalar arithmetic modulo q of the KMS and of
 * the RSK computation.
 *
 * Built on the generic `bn` layer (rootkey/bn.h) for byte conversions,
 * modular addition and subtraction and reduction of byte strings.  The
 * Montgomery product, the squaring, the public powers and the inversion
 * have a 16-limb kernel of their own (two schoolbook rows at a time, a
 * dedicated squaring, 4-bit windows), checked against bn's generic
 * rk_bn_mont_mul and GMP by the fp1024 suite (docs/sakke.md "fp1024").
 *
 * Inputs and outputs may alias (r == a, r == b) in every function.
 *
 * CT: every function runs in time independent of the values of its element
 * arguments (branch-free, no secret-dependent index), except
 * rk_fp_is_square_public (public values only); exponents passed to
 * rk_fp_pow_public are public.
 */
#ifndef ROOTKEY_FP1024_H
#define ROOTKEY_FP1024_H

#include <stddef.h>
#include <stdint.h>
#include "rootkey/bn.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RK_FP_LIMBS 16
#define RK_FP_BYTES 128

typedef struct { uint64_t v[RK_FP_LIMBS]; } rk_fp;

/* A Montgomery modulus is bn's context (n = 16 for both moduli here). */
typedef rk_bn_mont_ctx rk_fp_mod;

extern const rk_fp_mod rk_fp_mod_p;   /* the field prime p */
extern const rk_fp_mod rk_fp_mod_q;   /* the order q = (p + 1) / 4 */

/* --- generic over the modulus ------------------------------------------- */

/* r = a * b / 2^1024 mod m (Montgomery product); a, b < m. */
/*@ requires \valid(r) && \valid_read(a) && \valid_read(b) && \valid_read(md);
    requires md->n == 16;
    requires \separated(r, md);
    assigns *r; */
void rk_fp_mmul(rk_fp *r, const rk_fp *a, const rk_fp *b, const rk_fp_mod *md);

/* r = a^2 / 2^1024 mod m (dedicated squaring: each cross product once). */
/*@ requires \valid(r) && \valid_read(a) && \valid_read(md);
    requires md->n == 16;
    requires \separated(r, md);
    assigns *r; */
void rk_fp_msqr(rk_fp *r, const rk_fp *a, const rk_fp_mod *md);

/* r = a + b mod m; a, b < m. */
/*@ requires \valid(r) && \valid_read(a) && \valid_read(b) && \valid_read(md);
    requires md->n == 16;
    requires \separated(r, md);
    assigns *r; */
void rk_fp_madd(rk_fp *r, const rk_fp *a, const rk_fp *b, const rk_fp_mod *md);

/* r = a - b mod m; a, b < m. */
/*@ requires \valid(r) && \valid_read(a) && \valid_read(b) && \valid_read(md);
    requires md->n == 16;
    requires \separated(r, md);
    assigns *r; */
void rk_fp_msub(rk_fp *r, const rk_fp *a, const rk_fp *b, const rk_fp_mod *md);

/*
 * rk_fp_mfrom_bytes - read 128 big-endian octets as an integer x; if x < m,
 * r = x in Montgomery form and the result is 1; otherwise r = 0 and the
 * result is 0.  CT: the comparison is branch-free.
 */
/*@ requires \valid(r) && \valid_read(in + (0 .. 127)) && \valid_read(md);
    requires md->n == 16;
    requires \separated(r, md);
    assigns *r;
    ensures \result == 0 || \result == 1; */
uint64_t rk_fp_mfrom_bytes(rk_fp *r, const uint8_t in[128], const rk_fp_mod *md);

/* rk_fp_mreduce_bytes - r = (x mod m) in Montgomery form for any 128-octet
 * big-endian x (< 2^1024), in constant time.  Used for HashToIntegerRange's
 * v' mod q (RFC 6508 5.1 step 6). */
/*@ requires \valid(r) && \valid_read(in + (0 .. 127)) && \valid_read(md);
    requires md->n == 16;
    requires \separated(r, md);
    assigns *r; */
void rk_fp_mreduce_bytes(rk_fp *r, const uint8_t in[128], const rk_fp_mod *md);

/* r = a / 2^1024 mod m: the plain integer of a Montgomery-form a. */
/*@ requires \valid(r) && \valid_read(a) && \valid_read(md);
    requires md->n == 16;
    requires \separated(r, md);
    assigns *r; */
void rk_fp_mfrom_mont(rk_fp *r, const rk_fp *a, const rk_fp_mod *md);

/* out = a (leaving Montgomery form) as 128 big-endian octets. */
/*@ requires \valid(out + (0 .. 127)) && \valid_read(a) && \valid_read(md);
    requires md->n == 16;
    assigns out[0 .. 127]; */
void rk_fp_mto_bytes(uint8_t out[128], const rk_fp *a, const rk_fp_mod *md);

/* r = a^-1 mod m by Fermat (a^(m-2)); m must be prime; 0 maps to 0.  CT. */
/*@ requires \valid(r) && \valid_read(a) && \valid_read(md);
    requires md->n == 16;
    requires \separated(r, md);
    assigns *r; */
void rk_fp_minv(rk_fp *r, const rk_fp *a, const rk_fp_mod *md);

/* r = a^e mod m, e a PUBLIC exponent of elen little-endian limbs (elen <= 16). */
/*@ requires \valid(r) && \valid_read(a) && \valid_read(md);
    requires 1 <= elen <= 16 && \valid_read(e + (0 .. elen - 1));
    requires md->n == 16;
    requires \separated(r, md);
    assigns *r; */
void rk_fp_mpow_public(rk_fp *r, const rk_fp *a, const uint64_t *e, size_t elen,
                       const rk_fp_mod *md);

/* --- scalars modulo q, plain (not Montgomery) integers < q --------------
 * For the KMS and HashToIntegerRange; thin wrappers over bn with the q
 * context (callers need not see its fields). */

/* r = (big-endian in[0 .. len-1]) mod q, plain. */
/*@ requires \valid(r) && \valid_read(in + (0 .. len - 1));
    requires \separated(r, &rk_fp_mod_q);
    requires \separated(r, in + (0 .. len - 1));
    assigns *r; */
void rk_fp_q_reduce(rk_fp *r, const uint8_t *in, size_t len);

/* r = a * b mod q for plain a, b < q. */
/*@ requires \valid(r) && \valid_read(a) && \valid_read(b);
    requires \separated(r, &rk_fp_mod_q);
    assigns *r; */
void rk_fp_q_mul(rk_fp *r, const rk_fp *a, const rk_fp *b);

/* r = a^-1 mod q for plain a < q (0 gives 0).  CT. */
/*@ requires \valid(r) && \valid_read(a);
    requires \separated(r, &rk_fp_mod_q);
    assigns *r; */
void rk_fp_q_inv(rk_fp *r, const rk_fp *a);

/* r = a + b mod q for plain a, b < q. */
/*@ requires \valid(r) && \valid_read(a) && \valid_read(b);
    requires \separated(r, &rk_fp_mod_q);
    assigns *r; */
void rk_fp_q_add(rk_fp *r, const rk_fp *a, const rk_fp *b);

/* 1 if the plain integer a is in [1, q-1], else 0. */
/*@ requires \valid_read(a);
    assigns \nothing;
    ensures \result == 0 || \result == 1; */
uint64_t rk_fp_q_in_range(const rk_fp *a);

/* --- the field F_p ------------------------------------------------------ */

/* r = a^e mod p, e a PUBLIC exponent of elen limbs (1 <= elen <= 16). */
/*@ requires \valid(r) && \valid_read(a);
    requires 1 <= elen <= 16 && \valid_read(e + (0 .. elen - 1));
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
void rk_fp_pow_public(rk_fp *r, const rk_fp *a, const uint64_t *e, size_t elen);


/*
 * rk_fp_is_square_public - 1 if a is a non-zero square in F_p, else 0:
 * binary Jacobi symbol (a few tens of microseconds instead of a 1024-bit
 * exponentiation), used by the order-q test of public points.
 * CT: NO - time depends on a; public values only (never the RSK).
 */
/*@ requires \valid_read(a);
    assigns \nothing;
    ensures \result == 0 || \result == 1; */
uint64_t rk_fp_is_square_public(const rk_fp *a);

/*@ requires \valid(r) && \valid_read(a) && \valid_read(b);
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
void rk_fp_mul(rk_fp *r, const rk_fp *a, const rk_fp *b);

/*@ requires \valid(r) && \valid_read(a);
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
void rk_fp_sqr(rk_fp *r, const rk_fp *a);

/*@ requires \valid(r) && \valid_read(a) && \valid_read(b);
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
void rk_fp_add(rk_fp *r, const rk_fp *a, const rk_fp *b);

/*@ requires \valid(r) && \valid_read(a) && \valid_read(b);
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
void rk_fp_sub(rk_fp *r, const rk_fp *a, const rk_fp *b);

/* r = -a mod p. */
/*@ requires \valid(r) && \valid_read(a);
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
void rk_fp_neg(rk_fp *r, const rk_fp *a);

/* r = a^-1 mod p (0 maps to 0). */
/*@ requires \valid(r) && \valid_read(a);
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
void rk_fp_inv(rk_fp *r, const rk_fp *a);

/* r = 0, r = 1 (Montgomery form), r = small integer x. */
/*@ requires \valid(r);
    assigns *r; */
void rk_fp_zero(rk_fp *r);

/*@ requires \valid(r);
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
void rk_fp_one(rk_fp *r);

/*@ requires \valid(r);
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
void rk_fp_set_u64(rk_fp *r, uint64_t x);

/*@ requires \valid(r) && \valid_read(a);
    requires r == a || \separated(r, a);
    assigns *r; */
void rk_fp_copy(rk_fp *r, const rk_fp *a);

/* 1 if a == 0 (all 16 limbs zero), else 0. */
/*@ requires \valid_read(a);
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> (\forall integer k; 0 <= k < RK_FP_LIMBS ==> a->v[k] == 0); */
uint64_t rk_fp_is_zero(const rk_fp *a);

/* 1 if a == b (all 16 limbs equal), else 0: what the SAKKE TEST and the RSK
 * validation compare (core/src/ibc/sakke.c). */
/*@ requires \valid_read(a) && \valid_read(b);
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> (\forall integer k; 0 <= k < RK_FP_LIMBS ==> a->v[k] == b->v[k]); */
uint64_t rk_fp_eq(const rk_fp *a, const rk_fp *b);

/* if bit == 1 then r = a (r unchanged otherwise), branch-free. */
/*@ requires bit == 0 || bit == 1;
    requires \valid(r) && \valid_read(a);
    requires r == a || \separated(r, a);
    assigns *r; */
void rk_fp_cmov(rk_fp *r, const rk_fp *a, uint64_t bit);

/* x mod p from 128 octets: 1 and r = x (Montgomery form) if x < p, else 0 and r = 0. */
/*@ requires \valid(r) && \valid_read(in + (0 .. 127));
    requires \separated(r, &rk_fp_mod_p);
    assigns *r;
    ensures \result == 0 || \result == 1; */
uint64_t rk_fp_from_bytes(rk_fp *r, const uint8_t in[128]);

/*
 * rk_fp_pair_lookup - r[0 .. 31] = entry idx of a table of count entries of
 * 32 words (two field elements: an affine point, an F_p^2 element), for the
 * fixed-base combs.  Every entry is read and masked (idx is only compared),
 * into a local accumulator the compilers can vectorise: about four times
 * fewer instructions than the generic rk_ct_lookup64.  idx >= count gives 0.
 * CT: time independent of idx and of the table contents.
 */
/*@ requires 1 <= count <= 256;
    requires \valid(r + (0 .. 31)) && \valid_read(table + (0 .. 32 * count - 1));
    requires \separated(r + (0 .. 31), table + (0 .. 32 * count - 1));
    assigns r[0 .. 31]; */
void rk_fp_pair_lookup(uint64_t *r, const uint64_t *table, size_t count, size_t idx);

/*@ requires \valid(out + (0 .. 127)) && \valid_read(a);
    assigns out[0 .. 127]; */
void rk_fp_to_bytes(uint8_t out[128], const rk_fp *a);

#ifdef __cplusplus
}
#endif
#endif
