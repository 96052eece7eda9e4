/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/fp2.h */
#include "rootkey/fp2.h"
#include "rootkey/ct.h"

void rk_fp2_add(rk_fp2 *r, const rk_fp2 *x, const rk_fp2 *y)
{
    rk_fp_add(&r->a, &x->a, &y->a);
    rk_fp_add(&r->b, &x->b, &y->b);
}

void rk_fp2_sub(rk_fp2 *r, const rk_fp2 *x, const rk_fp2 *y)
{
    rk_fp_sub(&r->a, &x->a, &y->a);
    rk_fp_sub(&r->b, &x->b, &y->b);
}

/* (a + ib)(c + id) = (ac - bd) + i((a + b)(c + d) - ac - bd) */
void rk_fp2_mul(rk_fp2 *r, const rk_fp2 *x, const rk_fp2 *y)
{
    rk_fp ac, bd, s, t;
    rk_fp_mul(&ac, &x->a, &y->a);
    rk_fp_mul(&bd, &x->b, &y->b);
    rk_fp_add(&s, &x->a, &x->b);
    rk_fp_add(&t, &y->a, &y->b);
    rk_fp_mul(&s, &s, &t);
    rk_fp_sub(&s, &s, &ac);
    rk_fp_sub(&r->b, &s, &bd);
    rk_fp_sub(&r->a, &ac, &bd);
}

/* (a + ib)^2 = (a + b)(a - b) + i 2ab */
void rk_fp2_sqr(rk_fp2 *r, const rk_fp2 *x)
{
    rk_fp s, d, m;
    rk_fp_add(&s, &x->a, &x->b);
    rk_fp_sub(&d, &x->a, &x->b);
    rk_fp_mul(&m, &x->a, &x->b);
    rk_fp_mul(&r->a, &s, &d);
    rk_fp_add(&r->b, &m, &m);
}

void rk_fp2_mul_cd(rk_fp2 *r, const rk_fp2 *x, const rk_fp *c, const rk_fp *d)
{
    rk_fp2 y;
    y.a = *c;
    y.b = *d;
    rk_fp2_mul(r, x, &y);
}

void rk_fp2_one(rk_fp2 *r)
{
    rk_fp_one(&r->a);
    rk_fp_zero(&r->b);
}

void rk_fp2_cmov(rk_fp2 *r, const rk_fp2 *x, uint64_t bit)
{
    rk_fp_cmov(&r->a, &x->a, bit);
    rk_fp_cmov(&r->b, &x->b, bit);
}

uint64_t rk_fp2_eq(const rk_fp2 *x, const rk_fp2 *y)
{
    return rk_fp_eq(&x->a, &y->a) & rk_fp_eq(&x->b, &y->b);
}

void rk_fp2_repr(rk_fp *r, const rk_fp2 *x)
{
    rk_fp ia;
    rk_fp_inv(&ia, &x->a);
    rk_fp_mul(r, &x->b, &ia);
}
