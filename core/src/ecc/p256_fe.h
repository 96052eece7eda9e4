/* SPDX-License-Identifier: Apache-2.0
 * p256_fe.h - internal: 4-limb Montgomery arithmetic for the P-256 field
 * (mod p) and scalars (mod q), written out limb by limb so that the
 * compilers keep everything in registers.  Included by core/src/p256*.c
 * only.  Every value is 4 little-endian 64-bit limbs.
 *
 * CT: no branch and no memory index depends on a limb value.
 */
#ifndef RK_P256_FE_H
#define RK_P256_FE_H
#include "rootkey/bn.h"
#include "rootkey/ct.h"

/* p = 2^256 - 2^224 + 2^192 + 2^96 - 1; -p^-1 mod 2^64 = 1 */
#define RK_P256_P0 0xffffffffffffffffULL
#define RK_P256_P1 0x00000000ffffffffULL
#define RK_P256_P2 0x0000000000000000ULL
#define RK_P256_P3 0xffffffff00000001ULL
/* q, the group order; -q^-1 mod 2^64 */
#define RK_P256_Q0 0xf3b9cac2fc632551ULL
#define RK_P256_Q1 0xbce6faada7179e84ULL
#define RK_P256_Q2 0xffffffffffffffffULL
#define RK_P256_Q3 0xffffffff00000000ULL
#define RK_P256_Q0INV 0xccd1c8aaee00bc4fULL

/*
 * r = a b 2^-256 mod m (CIOS, unrolled), fully reduced, for a < 2^256 and
 * b < m (or the reverse).  r may alias a or b.
 */
/*@ requires \valid(r + (0 .. 3));
    requires \valid_read(a + (0 .. 3)) && \valid_read(b + (0 .. 3));
    assigns r[0 .. 3]; */
static inline void rk_p256_mont4(uint64_t *r, const uint64_t *a, const uint64_t *b,
                                 uint64_t m0, uint64_t m1, uint64_t m2, uint64_t m3,
                                 uint64_t m0inv)
{
    uint64_t a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
    uint64_t t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5, C, C2, mq, junk, bi;
#define RK_MONT4_ROW(I)                                          \
    bi = b[I];                                                   \
    C = rk_bn_mac64(&t0, a0, bi, t0, 0);                         \
    C = rk_bn_mac64(&t1, a1, bi, t1, C);                         \
    C = rk_bn_mac64(&t2, a2, bi, t2, C);                         \
    C = rk_bn_mac64(&t3, a3, bi, t3, C);                         \
    t5 = rk_bn_adc64(&t4, t4, C, 0);                             \
    mq = t0 * m0inv;                                             \
    C = rk_bn_mac64(&junk, mq, m0, t0, 0);                       \
    C = rk_bn_mac64(&t0, mq, m1, t1, C);                         \
    C = rk_bn_mac64(&t1, mq, m2, t2, C);                         \
    C = rk_bn_mac64(&t2, mq, m3, t3, C);                         \
    C2 = rk_bn_adc64(&t3, t4, C, 0);                             \
    t4 = t5 + C2;
    RK_MONT4_ROW(0)
    RK_MONT4_ROW(1)
    RK_MONT4_ROW(2)
    RK_MONT4_ROW(3)
#undef RK_MONT4_ROW
    /* (t4, t3..t0) < 2m: subtract m unless that borrows past t4 */
    uint64_t u0, u1, u2, u3, bw;
    bw = rk_bn_sbb64(&u0, t0, m0, 0);
    bw = rk_bn_sbb64(&u1, t1, m1, bw);
    bw = rk_bn_sbb64(&u2, t2, m2, bw);
    bw = rk_bn_sbb64(&u3, t3, m3, bw);
    uint64_t top = 1u - rk_ct_is_zero64(t4);
    uint64_t nb = 1u - bw;
    uint64_t use_u = top + nb - top * nb;
    /*@ assert use_u == 0 || use_u == 1; */
    uint64_t mk = rk_ct_mask64(use_u);
    r[0] = rk_ct_sel64(u0, t0, mk);
    r[1] = rk_ct_sel64(u1, t1, mk);
    r[2] = rk_ct_sel64(u2, t2, mk);
    r[3] = rk_ct_sel64(u3, t3, mk);
}

/* r = a + b mod m for a, b < m.  r may alias a or b. */
/*@ requires \valid(r + (0 .. 3));
    requires \valid_read(a + (0 .. 3)) && \valid_read(b + (0 .. 3));
    assigns r[0 .. 3]; */
static inline void rk_p256_modadd4(uint64_t *r, const uint64_t *a, const uint64_t *b,
                                   uint64_t m0, uint64_t m1, uint64_t m2, uint64_t m3)
{
    uint64_t t0, t1, t2, t3, u0, u1, u2, u3, c, bw;
    c = rk_bn_adc64(&t0, a[0], b[0], 0);
    c = rk_bn_adc64(&t1, a[1], b[1], c);
    c = rk_bn_adc64(&t2, a[2], b[2], c);
    c = rk_bn_adc64(&t3, a[3], b[3], c);
    bw = rk_bn_sbb64(&u0, t0, m0, 0);
    bw = rk_bn_sbb64(&u1, t1, m1, bw);
    bw = rk_bn_sbb64(&u2, t2, m2, bw);
    bw = rk_bn_sbb64(&u3, t3, m3, bw);
    uint64_t nb = 1u - bw;
    uint64_t use_u = c + nb - c * nb;
    /*@ assert use_u == 0 || use_u == 1; */
    uint64_t mk = rk_ct_mask64(use_u);
    r[0] = rk_ct_sel64(u0, t0, mk);
    r[1] = rk_ct_sel64(u1, t1, mk);
    r[2] = rk_ct_sel64(u2, t2, mk);
    r[3] = rk_ct_sel64(u3, t3, mk);
}

/* r = a - b mod m for a, b < m.  r may alias a or b. */
/*@ requires \valid(r + (0 .. 3));
    requires \valid_read(a + (0 .. 3)) && \valid_read(b + (0 .. 3));
    assigns r[0 .. 3]; */
static inline void rk_p256_modsub4(uint64_t *r, const uint64_t *a, const uint64_t *b,
                                   uint64_t m0, uint64_t m1, uint64_t m2, uint64_t m3)
{
    uint64_t t0, t1, t2, t3, bw, c;
    bw = rk_bn_sbb64(&t0, a[0], b[0], 0);
    bw = rk_bn_sbb64(&t1, a[1], b[1], bw);
    bw = rk_bn_sbb64(&t2, a[2], b[2], bw);
    bw = rk_bn_sbb64(&t3, a[3], b[3], bw);
    /* add m back when the difference went negative: m masked by the borrow */
    uint64_t mk = rk_ct_mask64(bw);
    c = rk_bn_adc64(&r[0], t0, m0 & mk, 0);
    c = rk_bn_adc64(&r[1], t1, m1 & mk, c);
    c = rk_bn_adc64(&r[2], t2, m2 & mk, c);
    (void)rk_bn_adc64(&r[3], t3, m3 & mk, c);
}

/* field mod p, Montgomery form: CIOS specialised to p.  -p^-1 = 1 mod
 * 2^64, so the row multiplier is t0 itself; t0 + t0 (2^64 - 1) = t0 2^64
 * gives the first reduction limb without a multiplication, and p's limb 2
 * is 0: two multiplications per reduction row instead of four. */
/*@ requires \valid(r + (0 .. 3));
    requires \valid_read(a + (0 .. 3)) && \valid_read(b + (0 .. 3));
    assigns r[0 .. 3]; */
static inline void rk_fe_mul(uint64_t *r, const uint64_t *a, const uint64_t *b)
{
    uint64_t a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
    uint64_t t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5, C, c, mq, bi;
#define RK_FEMUL_ROW(I)                                          \
    bi = b[I];                                                   \
    C = rk_bn_mac64(&t0, a0, bi, t0, 0);                         \
    C = rk_bn_mac64(&t1, a1, bi, t1, C);                         \
    C = rk_bn_mac64(&t2, a2, bi, t2, C);                         \
    C = rk_bn_mac64(&t3, a3, bi, t3, C);                         \
    t5 = rk_bn_adc64(&t4, t4, C, 0);                             \
    mq = t0;                                                     \
    C = rk_bn_mac64(&t0, mq, RK_P256_P1, t1, mq);                \
    c = rk_bn_adc64(&t1, t2, C, 0);                              \
    C = rk_bn_mac64(&t2, mq, RK_P256_P3, t3, c);                 \
    c = rk_bn_adc64(&t3, t4, C, 0);                              \
    t4 = t5 + c;
    RK_FEMUL_ROW(0)
    RK_FEMUL_ROW(1)
    RK_FEMUL_ROW(2)
    RK_FEMUL_ROW(3)
#undef RK_FEMUL_ROW
    uint64_t u0, u1, u2, u3, bw;
    bw = rk_bn_sbb64(&u0, t0, RK_P256_P0, 0);
    bw = rk_bn_sbb64(&u1, t1, RK_P256_P1, bw);
    bw = rk_bn_sbb64(&u2, t2, RK_P256_P2, bw);
    bw = rk_bn_sbb64(&u3, t3, RK_P256_P3, bw);
    uint64_t top = 1u - rk_ct_is_zero64(t4);
    uint64_t nb = 1u - bw;
    uint64_t use_u = top + nb - top * nb;
    /*@ assert use_u == 0 || use_u == 1; */
    uint64_t mk = rk_ct_mask64(use_u);
    r[0] = rk_ct_sel64(u0, t0, mk);
    r[1] = rk_ct_sel64(u1, t1, mk);
    r[2] = rk_ct_sel64(u2, t2, mk);
    r[3] = rk_ct_sel64(u3, t3, mk);
}

/* r := t - p if t >= p else t, for t = t[0..3] + t[4] 2^256 < 2p (the end
 * of a Montgomery reduction); constant time */
/*@ requires \valid(r + (0 .. 3)) && \valid_read(t + (0 .. 4));
    assigns r[0 .. 3]; */
static inline void rk_p256_fe_final(uint64_t *r, const uint64_t *t)
{
    uint64_t u0, u1, u2, u3, bw;
    bw = rk_bn_sbb64(&u0, t[0], RK_P256_P0, 0);
    bw = rk_bn_sbb64(&u1, t[1], RK_P256_P1, bw);
    bw = rk_bn_sbb64(&u2, t[2], RK_P256_P2, bw);
    bw = rk_bn_sbb64(&u3, t[3], RK_P256_P3, bw);
    uint64_t tp = 1u - rk_ct_is_zero64(t[4]);
    uint64_t nb = 1u - bw;
    uint64_t use_u = tp + nb - tp * nb;
    /*@ assert use_u == 0 || use_u == 1; */
    uint64_t mk = rk_ct_mask64(use_u);
    uint64_t v0 = rk_ct_sel64(u0, t[0], mk);
    uint64_t v1 = rk_ct_sel64(u1, t[1], mk);
    uint64_t v2 = rk_ct_sel64(u2, t[2], mk);
    uint64_t v3 = rk_ct_sel64(u3, t[3], mk);
    r[0] = v0;
    r[1] = v1;
    r[2] = v2;
    r[3] = v3;
}

/* Squaring: the 512-bit square with 10 multiplications (cross products
 * once, doubled), then four Montgomery reduction steps specialised to p as
 * in rk_fe_mul, carries propagated to the top.  a < p, so a^2 < p 2^256 and
 * the reduced value is < 2p: one conditional subtraction. */
/*@ requires \valid(r + (0 .. 3));
    requires \valid_read(a + (0 .. 3));
    assigns r[0 .. 3]; */
static inline void rk_fe_sqr(uint64_t *r, const uint64_t *a)
{
    uint64_t a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
    uint64_t t1, t2, t3, t4, t5, t6, t7, t0, C, c, h, top, mq;
    /* cross products a_i a_j, i < j, into t1 .. t6 */
    C = rk_bn_mac64(&t1, a0, a1, 0, 0);
    C = rk_bn_mac64(&t2, a0, a2, C, 0);
    C = rk_bn_mac64(&t3, a0, a3, C, 0);
    t4 = C;
    C = rk_bn_mac64(&t3, a1, a2, t3, 0);
    C = rk_bn_mac64(&t4, a1, a3, t4, C);
    t5 = C;
    C = rk_bn_mac64(&t5, a2, a3, t5, 0);
    t6 = C;
    /* double: t7..t1 = 2 (t6..t1) */
    t7 = t6 / 0x8000000000000000ULL;
    t6 = t6 * 2u + t5 / 0x8000000000000000ULL;
    t5 = t5 * 2u + t4 / 0x8000000000000000ULL;
    t4 = t4 * 2u + t3 / 0x8000000000000000ULL;
    t3 = t3 * 2u + t2 / 0x8000000000000000ULL;
    t2 = t2 * 2u + t1 / 0x8000000000000000ULL;
    t1 = t1 * 2u;
    /* add the squares a_i^2 at limbs 2i, 2i+1 */
    rk_bn_mul64(a0, a0, &h, &t0);
    c = rk_bn_adc64(&t1, t1, h, 0);
    rk_bn_mul64(a1, a1, &h, &mq);
    c = rk_bn_adc64(&t2, t2, mq, c);
    c = rk_bn_adc64(&t3, t3, h, c);
    rk_bn_mul64(a2, a2, &h, &mq);
    c = rk_bn_adc64(&t4, t4, mq, c);
    c = rk_bn_adc64(&t5, t5, h, c);
    rk_bn_mul64(a3, a3, &h, &mq);
    c = rk_bn_adc64(&t6, t6, mq, c);
    (void)rk_bn_adc64(&t7, t7, h, c);
    /* reduction: step i adds mq p 2^(64 i) with mq = t_i, which clears
     * limb i (t_i + mq (2^64 - 1) = mq 2^64); carries run to the top */
    top = 0;
#define RK_FESQR_STEP(T0, T1, T2, T3, T4)                             \
    mq = T0;                                                         \
    C = rk_bn_mac64(&T1, mq, RK_P256_P1, T1, mq);                    \
    c = rk_bn_adc64(&T2, T2, C, 0);                                  \
    C = rk_bn_mac64(&T3, mq, RK_P256_P3, T3, c);                     \
    c = rk_bn_adc64(&T4, T4, C, 0);
    RK_FESQR_STEP(t0, t1, t2, t3, t4)
    c = rk_bn_adc64(&t5, t5, 0, c);
    c = rk_bn_adc64(&t6, t6, 0, c);
    c = rk_bn_adc64(&t7, t7, 0, c);
    top += c;
    RK_FESQR_STEP(t1, t2, t3, t4, t5)
    c = rk_bn_adc64(&t6, t6, 0, c);
    c = rk_bn_adc64(&t7, t7, 0, c);
    top += c;
    RK_FESQR_STEP(t2, t3, t4, t5, t6)
    c = rk_bn_adc64(&t7, t7, 0, c);
    top += c;
    RK_FESQR_STEP(t3, t4, t5, t6, t7)
    top += c;
#undef RK_FESQR_STEP
    uint64_t fin[5] = { t4, t5, t6, t7, top };
    rk_p256_fe_final(r, fin);
}

/* r := t - q if t >= q else t, for t = t[0..3] + t[4] 2^256 < 2q (the end
 * of a Montgomery reduction mod q); constant time */
/*@ requires \valid(r + (0 .. 3)) && \valid_read(t + (0 .. 4));
    assigns r[0 .. 3]; */
static inline void rk_p256_sc_final(uint64_t *r, const uint64_t *t)
{
    uint64_t u0, u1, u2, u3, bw;
    bw = rk_bn_sbb64(&u0, t[0], RK_P256_Q0, 0);
    bw = rk_bn_sbb64(&u1, t[1], RK_P256_Q1, bw);
    bw = rk_bn_sbb64(&u2, t[2], RK_P256_Q2, bw);
    bw = rk_bn_sbb64(&u3, t[3], RK_P256_Q3, bw);
    uint64_t tp = 1u - rk_ct_is_zero64(t[4]);
    uint64_t nb = 1u - bw;
    uint64_t use_u = tp + nb - tp * nb;
    /*@ assert use_u == 0 || use_u == 1; */
    uint64_t mk = rk_ct_mask64(use_u);
    uint64_t v0 = rk_ct_sel64(u0, t[0], mk);
    uint64_t v1 = rk_ct_sel64(u1, t[1], mk);
    uint64_t v2 = rk_ct_sel64(u2, t[2], mk);
    uint64_t v3 = rk_ct_sel64(u3, t[3], mk);
    r[0] = v0;
    r[1] = v1;
    r[2] = v2;
    r[3] = v3;
}

/* Montgomery squaring mod q: the 512-bit square with 10 multiplications as
 * in rk_fe_sqr, then four reduction steps with q (mq = t_i (-q^-1) mod
 * 2^64 clears limb i), carries propagated to the top.  a < q, so the
 * reduced value is < 2q: one conditional subtraction.  The scalar
 * inversion is 255 of these. */
/*@ requires \valid(r + (0 .. 3));
    requires \valid_read(a + (0 .. 3));
    assigns r[0 .. 3]; */
static inline void rk_sc_sqr(uint64_t *r, const uint64_t *a)
{
    uint64_t a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
    uint64_t t1, t2, t3, t4, t5, t6, t7, t0, C, c, h, top, mq, junk;
    C = rk_bn_mac64(&t1, a0, a1, 0, 0);
    C = rk_bn_mac64(&t2, a0, a2, C, 0);
    C = rk_bn_mac64(&t3, a0, a3, C, 0);
    t4 = C;
    C = rk_bn_mac64(&t3, a1, a2, t3, 0);
    C = rk_bn_mac64(&t4, a1, a3, t4, C);
    t5 = C;
    C = rk_bn_mac64(&t5, a2, a3, t5, 0);
    t6 = C;
    t7 = t6 / 0x8000000000000000ULL;
    t6 = t6 * 2u + t5 / 0x8000000000000000ULL;
    t5 = t5 * 2u + t4 / 0x8000000000000000ULL;
    t4 = t4 * 2u + t3 / 0x8000000000000000ULL;
    t3 = t3 * 2u + t2 / 0x8000000000000000ULL;
    t2 = t2 * 2u + t1 / 0x8000000000000000ULL;
    t1 = t1 * 2u;
    rk_bn_mul64(a0, a0, &h, &t0);
    c = rk_bn_adc64(&t1, t1, h, 0);
    rk_bn_mul64(a1, a1, &h, &mq);
    c = rk_bn_adc64(&t2, t2, mq, c);
    c = rk_bn_adc64(&t3, t3, h, c);
    rk_bn_mul64(a2, a2, &h, &mq);
    c = rk_bn_adc64(&t4, t4, mq, c);
    c = rk_bn_adc64(&t5, t5, h, c);
    rk_bn_mul64(a3, a3, &h, &mq);
    c = rk_bn_adc64(&t6, t6, mq, c);
    (void)rk_bn_adc64(&t7, t7, h, c);
    top = 0;
#define RK_SCSQR_STEP(T0, T1, T2, T3, T4)                             \
    mq = T0 * RK_P256_Q0INV;                                         \
    C = rk_bn_mac64(&junk, mq, RK_P256_Q0, T0, 0);                   \
    C = rk_bn_mac64(&T1, mq, RK_P256_Q1, T1, C);                     \
    C = rk_bn_mac64(&T2, mq, RK_P256_Q2, T2, C);                     \
    C = rk_bn_mac64(&T3, mq, RK_P256_Q3, T3, C);                     \
    c = rk_bn_adc64(&T4, T4, C, 0);
    RK_SCSQR_STEP(t0, t1, t2, t3, t4)
    c = rk_bn_adc64(&t5, t5, 0, c);
    c = rk_bn_adc64(&t6, t6, 0, c);
    c = rk_bn_adc64(&t7, t7, 0, c);
    top += c;
    RK_SCSQR_STEP(t1, t2, t3, t4, t5)
    c = rk_bn_adc64(&t6, t6, 0, c);
    c = rk_bn_adc64(&t7, t7, 0, c);
    top += c;
    RK_SCSQR_STEP(t2, t3, t4, t5, t6)
    c = rk_bn_adc64(&t7, t7, 0, c);
    top += c;
    RK_SCSQR_STEP(t3, t4, t5, t6, t7)
    top += c;
#undef RK_SCSQR_STEP
    uint64_t fin[5] = { t4, t5, t6, t7, top };
    rk_p256_sc_final(r, fin);
}

/*@ requires \valid(r + (0 .. 3));
    requires \valid_read(a + (0 .. 3)) && \valid_read(b + (0 .. 3));
    assigns r[0 .. 3]; */
static inline void rk_fe_add(uint64_t *r, const uint64_t *a, const uint64_t *b)
{
    rk_p256_modadd4(r, a, b, RK_P256_P0, RK_P256_P1, RK_P256_P2, RK_P256_P3);
}

/*@ requires \valid(r + (0 .. 3));
    requires \valid_read(a + (0 .. 3)) && \valid_read(b + (0 .. 3));
    assigns r[0 .. 3]; */
static inline void rk_fe_sub(uint64_t *r, const uint64_t *a, const uint64_t *b)
{
    rk_p256_modsub4(r, a, b, RK_P256_P0, RK_P256_P1, RK_P256_P2, RK_P256_P3);
}

/* scalars mod q, Montgomery form */
/*@ requires \valid(r + (0 .. 3));
    requires \valid_read(a + (0 .. 3)) && \valid_read(b + (0 .. 3));
    assigns r[0 .. 3]; */
static inline void rk_sc_mont(uint64_t *r, const uint64_t *a, const uint64_t *b)
{
    rk_p256_mont4(r, a, b, RK_P256_Q0, RK_P256_Q1, RK_P256_Q2, RK_P256_Q3, RK_P256_Q0INV);
}

#endif
