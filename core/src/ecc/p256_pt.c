/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/p256.h */
#include "rootkey/p256.h"
#include "p256_fe.h"

/* b of y^2 = x^3 - 3x + b and 1, in Montgomery form */
static const uint64_t B_M[4] = { 0xd89cdf6229c4bddfULL, 0xacf005cd78843090ULL,
                                 0xe5a220abf7212ed6ULL, 0xdc30061d04874834ULL };
static const uint64_t ONE_M[4] = { 0x0000000000000001ULL, 0xffffffff00000000ULL,
                                   0xffffffffffffffffULL, 0x00000000fffffffeULL };
static const uint64_t ZERO[4] = { 0, 0, 0, 0 };

void rk_p256_set_infinity(rk_p256_point *r)
{
    rk_bn_zero(r->x, 4);
    rk_bn_copy(r->y, ONE_M, 4);
    rk_bn_zero(r->z, 4);
}

uint64_t rk_p256_is_infinity(const rk_p256_point *p)
{
    return rk_bn_is_zero(p->z, 4);
}

void rk_p256_from_affine(rk_p256_point *r, const rk_p256_affine *p)
{
    rk_bn_copy(r->x, p->x, 4);
    rk_bn_copy(r->y, p->y, 4);
    rk_bn_copy(r->z, ONE_M, 4);
}

void rk_p256_neg_affine(rk_p256_affine *r, const rk_p256_affine *p)
{
    uint64_t y[4];
    rk_fe_sub(y, ZERO, p->y);
    rk_bn_copy(r->x, p->x, 4);
    rk_bn_copy(r->y, y, 4);
}

uint64_t rk_p256_on_curve(const rk_p256_affine *p)
{
    /* y^2 == x^3 - 3x + b */
    uint64_t l[4], r[4], t[4];
    rk_fe_sqr(l, p->y);
    rk_fe_sqr(r, p->x);
    rk_fe_mul(r, r, p->x);
    rk_fe_add(t, p->x, p->x);
    rk_fe_add(t, t, p->x);
    rk_fe_sub(r, r, t);
    rk_fe_add(r, r, B_M);
    return rk_bn_eq(l, r, 4);
}

rk_status rk_p256_decode(rk_p256_affine *p, const uint8_t *in, size_t len)
{
    rk_bn_zero(p->x, 4);
    rk_bn_zero(p->y, 4);
    if (len != RK_P256_POINT_BYTES)
        return RK_ERR_POINT_LENGTH;
    if (in[0] != 0x04)
        return RK_ERR_POINT_PREFIX;
    uint64_t okx = rk_p256_fe_from_bytes(p->x, in + 1);
    uint64_t oky = rk_p256_fe_from_bytes(p->y, in + 33);
    if (okx == 0 || oky == 0) {
        rk_bn_zero(p->x, 4);
        rk_bn_zero(p->y, 4);
        return RK_ERR_POINT_RANGE;
    }
    if (rk_p256_on_curve(p) == 0) {
        rk_bn_zero(p->x, 4);
        rk_bn_zero(p->y, 4);
        return RK_ERR_POINT_CURVE;
    }
    return RK_OK;
}

uint64_t rk_p256_to_affine(rk_p256_affine *r, const rk_p256_point *p)
{
    uint64_t zi[4];
    uint64_t fin = 1u - rk_bn_is_zero(p->z, 4);
    rk_p256_fe_inv(zi, p->z);          /* 0 for the point at infinity */
    rk_fe_mul(r->x, p->x, zi);
    rk_fe_mul(r->y, p->y, zi);
    /* infinity: zi == 0 made both coordinates 0 already */
    rk_wipe_u64(zi, 4);
    return fin;
}

void rk_p256_encode_affine(uint8_t out[65], const rk_p256_affine *p)
{
    out[0] = 0x04;
    rk_p256_fe_to_bytes(out + 1, p->x);
    rk_p256_fe_to_bytes(out + 33, p->y);
}

rk_status rk_p256_encode(uint8_t out[65], const rk_p256_point *p)
{
    rk_p256_affine a;
    uint64_t fin = rk_p256_to_affine(&a, p);
    uint8_t zero[65] = { 0 };
    rk_p256_encode_affine(out, &a);
    rk_wipe_u64(a.x, 4);
    rk_wipe_u64(a.y, 4);
    /* the point may be secret: zero the output and pick the status without
     * a branch */
    rk_ct_cmov8(out, zero, 65, 1u - fin);
    return (rk_status)((int64_t)(1u - fin) * RK_ERR_POINT_INFINITY);
}

uint64_t rk_p256_eq(const rk_p256_point *a, const rk_p256_point *b)
{
    /* X1 Z2 == X2 Z1 and Y1 Z2 == Y2 Z1, and both or neither at infinity */
    uint64_t l[4], r[4];
    rk_fe_mul(l, a->x, b->z);
    rk_fe_mul(r, b->x, a->z);
    uint64_t ex = rk_bn_eq(l, r, 4);
    rk_fe_mul(l, a->y, b->z);
    rk_fe_mul(r, b->y, a->z);
    uint64_t ey = rk_bn_eq(l, r, 4);
    uint64_t ia = rk_bn_is_zero(a->z, 4), ib = rk_bn_is_zero(b->z, 4);
    uint64_t same_inf = rk_ct_eq64(ia, ib);
    return ex * ey * same_inf;
}

/* Renes-Costello-Batina 2016, algorithm 4 (a = -3): 12M + 2 m_b */
void rk_p256_add(rk_p256_point *r, const rk_p256_point *a, const rk_p256_point *b)
{
    uint64_t t0[4], t1[4], t2[4], t3[4], t4[4], X3[4], Y3[4], Z3[4];
    rk_fe_mul(t0, a->x, b->x);
    rk_fe_mul(t1, a->y, b->y);
    rk_fe_mul(t2, a->z, b->z);
    rk_fe_add(t3, a->x, a->y);
    rk_fe_add(t4, b->x, b->y);
    rk_fe_mul(t3, t3, t4);
    rk_fe_add(t4, t0, t1);
    rk_fe_sub(t3, t3, t4);
    rk_fe_add(t4, a->y, a->z);
    rk_fe_add(X3, b->y, b->z);
    rk_fe_mul(t4, t4, X3);
    rk_fe_add(X3, t1, t2);
    rk_fe_sub(t4, t4, X3);
    rk_fe_add(X3, a->x, a->z);
    rk_fe_add(Y3, b->x, b->z);
    rk_fe_mul(X3, X3, Y3);
    rk_fe_add(Y3, t0, t2);
    rk_fe_sub(Y3, X3, Y3);
    rk_fe_mul(Z3, B_M, t2);
    rk_fe_sub(X3, Y3, Z3);
    rk_fe_add(Z3, X3, X3);
    rk_fe_add(X3, X3, Z3);
    rk_fe_sub(Z3, t1, X3);
    rk_fe_add(X3, t1, X3);
    rk_fe_mul(Y3, B_M, Y3);
    rk_fe_add(t1, t2, t2);
    rk_fe_add(t2, t1, t2);
    rk_fe_sub(Y3, Y3, t2);
    rk_fe_sub(Y3, Y3, t0);
    rk_fe_add(t1, Y3, Y3);
    rk_fe_add(Y3, t1, Y3);
    rk_fe_add(t1, t0, t0);
    rk_fe_add(t0, t1, t0);
    rk_fe_sub(t0, t0, t2);
    rk_fe_mul(t1, t4, Y3);
    rk_fe_mul(t2, t0, Y3);
    rk_fe_mul(Y3, X3, Z3);
    rk_fe_add(Y3, Y3, t2);
    rk_fe_mul(X3, X3, t3);
    rk_fe_sub(X3, X3, t1);
    rk_fe_mul(Z3, Z3, t4);
    rk_fe_mul(t1, t3, t0);
    rk_fe_add(Z3, Z3, t1);
    rk_bn_copy(r->x, X3, 4);
    rk_bn_copy(r->y, Y3, 4);
    rk_bn_copy(r->z, Z3, 4);
}

/* RCB 2016, algorithm 5 (mixed, a = -3): 11M + 2 m_b; b is finite */
void rk_p256_add_affine(rk_p256_point *r, const rk_p256_point *a, const rk_p256_affine *b)
{
    uint64_t t0[4], t1[4], t2[4], t3[4], t4[4], X3[4], Y3[4], Z3[4];
    rk_fe_mul(t0, a->x, b->x);
    rk_fe_mul(t1, a->y, b->y);
    rk_fe_add(t3, b->x, b->y);
    rk_fe_add(t4, a->x, a->y);
    rk_fe_mul(t3, t3, t4);
    rk_fe_add(t4, t0, t1);
    rk_fe_sub(t3, t3, t4);
    rk_fe_mul(t4, b->y, a->z);
    rk_fe_add(t4, t4, a->y);
    rk_fe_mul(Y3, b->x, a->z);
    rk_fe_add(Y3, Y3, a->x);
    rk_fe_mul(Z3, B_M, a->z);
    rk_fe_sub(X3, Y3, Z3);
    rk_fe_add(Z3, X3, X3);
    rk_fe_add(X3, X3, Z3);
    rk_fe_sub(Z3, t1, X3);
    rk_fe_add(X3, t1, X3);
    rk_fe_mul(Y3, B_M, Y3);
    rk_fe_add(t1, a->z, a->z);
    rk_fe_add(t2, t1, a->z);
    rk_fe_sub(Y3, Y3, t2);
    rk_fe_sub(Y3, Y3, t0);
    rk_fe_add(t1, Y3, Y3);
    rk_fe_add(Y3, t1, Y3);
    rk_fe_add(t1, t0, t0);
    rk_fe_add(t0, t1, t0);
    rk_fe_sub(t0, t0, t2);
    rk_fe_mul(t1, t4, Y3);
    rk_fe_mul(t2, t0, Y3);
    rk_fe_mul(Y3, X3, Z3);
    rk_fe_add(Y3, Y3, t2);
    rk_fe_mul(X3, X3, t3);
    rk_fe_sub(X3, X3, t1);
    rk_fe_mul(Z3, Z3, t4);
    rk_fe_mul(t1, t3, t0);
    rk_fe_add(Z3, Z3, t1);
    rk_bn_copy(r->x, X3, 4);
    rk_bn_copy(r->y, Y3, 4);
    rk_bn_copy(r->z, Z3, 4);
}

/* RCB 2016, algorithm 6 (doubling, a = -3): 8M + 3S + 2 m_b */
void rk_p256_dbl(rk_p256_point *r, const rk_p256_point *a)
{
    uint64_t t0[4], t1[4], t2[4], t3[4], X3[4], Y3[4], Z3[4];
    rk_fe_sqr(t0, a->x);
    rk_fe_sqr(t1, a->y);
    rk_fe_sqr(t2, a->z);
    rk_fe_mul(t3, a->x, a->y);
    rk_fe_add(t3, t3, t3);
    rk_fe_mul(Z3, a->x, a->z);
    rk_fe_add(Z3, Z3, Z3);
    rk_fe_mul(Y3, B_M, t2);
    rk_fe_sub(Y3, Y3, Z3);
    rk_fe_add(X3, Y3, Y3);
    rk_fe_add(Y3, X3, Y3);
    rk_fe_sub(X3, t1, Y3);
    rk_fe_add(Y3, t1, Y3);
    rk_fe_mul(Y3, X3, Y3);
    rk_fe_mul(X3, X3, t3);
    rk_fe_add(t3, t2, t2);
    rk_fe_add(t2, t2, t3);
    rk_fe_mul(Z3, B_M, Z3);
    rk_fe_sub(Z3, Z3, t2);
    rk_fe_sub(Z3, Z3, t0);
    rk_fe_add(t3, Z3, Z3);
    rk_fe_add(Z3, Z3, t3);
    rk_fe_add(t3, t0, t0);
    rk_fe_add(t0, t3, t0);
    rk_fe_sub(t0, t0, t2);
    rk_fe_mul(t0, t0, Z3);
    rk_fe_add(Y3, Y3, t0);
    rk_fe_mul(t0, a->y, a->z);
    rk_fe_add(t0, t0, t0);
    rk_fe_mul(Z3, t0, Z3);
    rk_fe_sub(X3, X3, Z3);
    rk_fe_mul(Z3, t0, t1);
    rk_fe_add(Z3, Z3, Z3);
    rk_fe_add(Z3, Z3, Z3);
    rk_bn_copy(r->x, X3, 4);
    rk_bn_copy(r->y, Y3, 4);
    rk_bn_copy(r->z, Z3, 4);
}
