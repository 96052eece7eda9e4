/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/sscurve.h */
#include "rootkey/sscurve.h"
#include "rootkey/ct.h"

/* P of RFC 6509 Appendix A in Montgomery form (derived offline, checked by
 * the sscurve suite against the RFC's affine coordinates). */
const rk_ss_aff rk_ss_base_p = {
    {{ 0xbf9c7ec6e0162bc2ULL, 0xddecc6e310a89289ULL, 0x5d599df09e499d81ULL, 0x9a96ea286d358218ULL, 
       0x01aec7d370c5f8dbULL, 0xe72e49958cf5d066ULL, 0xc2e7297d3e91d7f8ULL, 0x8621db92da9f2f5aULL, 
       0x4b26c8675a5679edULL, 0x233385df2c56aac1ULL, 0xb88e74d4c6a13f99ULL, 0x1214b173ffa8ec11ULL, 
       0xa0386a271f3f9fefULL, 0xbd9b1b4ec0e7b44eULL, 0xafe528dceecd3496ULL, 0x8dfff96a1c49f80bULL }},
    {{ 0xb4a4753ac03c0c83ULL, 0x68e69d18abcdcd75ULL, 0xe3839b88f775b649ULL, 0x803f949abf58f352ULL, 
       0x5f702679bd0bc15cULL, 0x85bf5d168ff298c2ULL, 0x3f6ebd98c6c7976eULL, 0x20618af445e3e1b4ULL, 
       0x67d5598e54e64093ULL, 0xb047283b504fed9eULL, 0x450cabfd70d87517ULL, 0x47d628bf3f5addbeULL, 
       0x0037ef3078cb4ccaULL, 0x4e148d3c6b1c4908ULL, 0xe256d3294fcfd837ULL, 0x2aa1207bde3c01f3ULL }}
};

/* RCB 2016 Algorithm 1 specialised to a = -3, b = 0 (so 3b = 0): 12 field
 * products, no branch, valid for every pair of points of odd order. */
void rk_ss_add(rk_ss_pt *r, const rk_ss_pt *a, const rk_ss_pt *b)
{
    rk_fp t0, t1, t2, t3, t4, t5, u, x3, y3, z3;
    rk_fp_mul(&t0, &a->X, &b->X);
    rk_fp_mul(&t1, &a->Y, &b->Y);
    rk_fp_mul(&t2, &a->Z, &b->Z);
    rk_fp_add(&t3, &a->X, &a->Y);
    rk_fp_add(&u, &b->X, &b->Y);
    rk_fp_mul(&t3, &t3, &u);
    rk_fp_add(&u, &t0, &t1);
    rk_fp_sub(&t3, &t3, &u);               /* X1Y2 + X2Y1 */
    rk_fp_add(&t4, &a->X, &a->Z);
    rk_fp_add(&u, &b->X, &b->Z);
    rk_fp_mul(&t4, &t4, &u);
    rk_fp_add(&u, &t0, &t2);
    rk_fp_sub(&t4, &t4, &u);               /* X1Z2 + X2Z1 */
    rk_fp_add(&t5, &a->Y, &a->Z);
    rk_fp_add(&u, &b->Y, &b->Z);
    rk_fp_mul(&t5, &t5, &u);
    rk_fp_add(&u, &t1, &t2);
    rk_fp_sub(&t5, &t5, &u);               /* Y1Z2 + Y2Z1 */
    rk_fp_add(&u, &t4, &t4);
    rk_fp_add(&u, &u, &t4);                /* 3 t4 = -a t4 */
    rk_fp_add(&x3, &t1, &u);               /* t1 - a t4 */
    rk_fp_sub(&z3, &t1, &u);               /* t1 + a t4 */
    rk_fp_mul(&y3, &x3, &z3);
    rk_fp_add(&u, &t2, &t2);
    rk_fp_add(&u, &u, &t2);                /* 3 t2 */
    rk_fp_add(&t1, &t0, &t0);
    rk_fp_add(&t1, &t1, &t0);              /* 3 t0 */
    rk_fp_sub(&t1, &t1, &u);               /* 3 t0 + a t2 */
    rk_fp_add(&t2, &t0, &u);               /* t0 - a t2 */
    rk_fp_add(&t4, &t2, &t2);
    rk_fp_add(&t4, &t4, &t2);
    rk_fp_neg(&t4, &t4);                   /* a (t0 - a t2) */
    rk_fp_mul(&t0, &t1, &t4);
    rk_fp_add(&y3, &y3, &t0);
    rk_fp_mul(&t0, &t5, &t4);
    rk_fp_mul(&x3, &t3, &x3);
    rk_fp_sub(&r->X, &x3, &t0);
    rk_fp_mul(&t0, &t3, &t1);
    rk_fp_mul(&z3, &t5, &z3);
    rk_fp_add(&r->Z, &z3, &t0);
    r->Y = y3;
}

/* rk_ss_add with b affine (Z2 = 1): the same formula with Z2 substituted,
 * so X1 Z2 + X2 Z1 = X1 + X2 Z1 and Y1 Z2 + Y2 Z1 = Y1 + Y2 Z1 cost one
 * product each and Z1 Z2 none: 11 products.  Complete for every point of
 * odd order a and every affine b (b is never O).  Used by the combs. */
/*@ requires \valid(r) && \valid_read(a) && \valid_read(b);
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
static void add_mixed(rk_ss_pt *r, const rk_ss_pt *a, const rk_ss_aff *b)
{
    rk_fp t0, t1, t2, t3, t4, t5, u, x3, y3, z3;
    rk_fp_mul(&t0, &a->X, &b->x);
    rk_fp_mul(&t1, &a->Y, &b->y);
    t2 = a->Z;
    rk_fp_add(&t3, &a->X, &a->Y);
    rk_fp_add(&u, &b->x, &b->y);
    rk_fp_mul(&t3, &t3, &u);
    rk_fp_add(&u, &t0, &t1);
    rk_fp_sub(&t3, &t3, &u);               /* X1Y2 + X2Y1 */
    rk_fp_mul(&t4, &b->x, &a->Z);
    rk_fp_add(&t4, &t4, &a->X);            /* X1 + X2Z1 */
    rk_fp_mul(&t5, &b->y, &a->Z);
    rk_fp_add(&t5, &t5, &a->Y);            /* Y1 + Y2Z1 */
    rk_fp_add(&u, &t4, &t4);
    rk_fp_add(&u, &u, &t4);                /* 3 t4 = -a t4 */
    rk_fp_add(&x3, &t1, &u);               /* t1 - a t4 */
    rk_fp_sub(&z3, &t1, &u);               /* t1 + a t4 */
    rk_fp_mul(&y3, &x3, &z3);
    rk_fp_add(&u, &t2, &t2);
    rk_fp_add(&u, &u, &t2);                /* 3 t2 */
    rk_fp_add(&t1, &t0, &t0);
    rk_fp_add(&t1, &t1, &t0);              /* 3 t0 */
    rk_fp_sub(&t1, &t1, &u);               /* 3 t0 + a t2 */
    rk_fp_add(&t2, &t0, &u);               /* t0 - a t2 */
    rk_fp_add(&t4, &t2, &t2);
    rk_fp_add(&t4, &t4, &t2);
    rk_fp_neg(&t4, &t4);                   /* a (t0 - a t2) */
    rk_fp_mul(&t0, &t1, &t4);
    rk_fp_add(&y3, &y3, &t0);
    rk_fp_mul(&t0, &t5, &t4);
    rk_fp_mul(&x3, &t3, &x3);
    rk_fp_sub(&r->X, &x3, &t0);
    rk_fp_mul(&t0, &t3, &t1);
    rk_fp_mul(&z3, &t5, &z3);
    rk_fp_add(&r->Z, &z3, &t0);
    r->Y = y3;
}

void rk_ss_from_aff(rk_ss_pt *r, const rk_ss_aff *a)
{
    r->X = a->x;
    r->Y = a->y;
    rk_fp_one(&r->Z);
}

void rk_ss_set_inf(rk_ss_pt *r)
{
    rk_fp_zero(&r->X);
    rk_fp_one(&r->Y);
    rk_fp_zero(&r->Z);
}

uint64_t rk_ss_to_aff(rk_ss_aff *r, const rk_ss_pt *a)
{
    rk_fp zi;
    uint64_t ok = 1u - rk_fp_is_zero(&a->Z);
    rk_fp_inv(&zi, &a->Z);                 /* 0 -> 0, so O gives (0,0) */
    rk_fp_mul(&r->x, &a->X, &zi);
    rk_fp_mul(&r->y, &a->Y, &zi);
    return ok;
}

uint64_t rk_ss_on_curve(const rk_ss_aff *a)
{
    rk_fp l, t, u;
    rk_fp_sqr(&l, &a->y);
    rk_fp_sqr(&t, &a->x);
    rk_fp_set_u64(&u, 3);
    rk_fp_sub(&t, &t, &u);
    rk_fp_mul(&t, &t, &a->x);              /* x^3 - 3x */
    return rk_fp_eq(&l, &t);
}

uint64_t rk_ss_aff_eq(const rk_ss_aff *a, const rk_ss_aff *b)
{
    return rk_fp_eq(&a->x, &b->x) & rk_fp_eq(&a->y, &b->y);
}

/* --- variable-time Jacobian arithmetic for public points ----------------
 * (X, Y, Z) stands for (X/Z^2, Y/Z^3); Z = 0 is O. */
typedef struct { rk_fp X; rk_fp Y; rk_fp Z; } jac;

/* dbl-2001-b (a = -3): 3M + 5S */
/*@ requires \valid(r) && \valid_read(a);
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
static void jac_dbl(jac *r, const jac *a)
{
    rk_fp delta, gamma, beta, alpha, t, u;
    rk_fp_sqr(&delta, &a->Z);
    rk_fp_sqr(&gamma, &a->Y);
    rk_fp_mul(&beta, &a->X, &gamma);
    rk_fp_sub(&t, &a->X, &delta);
    rk_fp_add(&u, &a->X, &delta);
    rk_fp_mul(&alpha, &t, &u);
    rk_fp_add(&t, &alpha, &alpha);
    rk_fp_add(&alpha, &alpha, &t);         /* 3(X - d)(X + d) */
    rk_fp_add(&t, &a->Y, &a->Z);
    rk_fp_sqr(&t, &t);
    rk_fp_sub(&t, &t, &gamma);
    rk_fp_sub(&r->Z, &t, &delta);          /* 2YZ */
    rk_fp_add(&beta, &beta, &beta);
    rk_fp_add(&beta, &beta, &beta);        /* 4 beta */
    rk_fp_sqr(&t, &alpha);
    rk_fp_sub(&t, &t, &beta);
    rk_fp_sub(&t, &t, &beta);              /* X3 */
    rk_fp_sub(&u, &beta, &t);
    rk_fp_mul(&u, &u, &alpha);
    rk_fp_sqr(&gamma, &gamma);
    rk_fp_add(&gamma, &gamma, &gamma);
    rk_fp_add(&gamma, &gamma, &gamma);
    rk_fp_add(&gamma, &gamma, &gamma);     /* 8 gamma^2 */
    rk_fp_sub(&r->Y, &u, &gamma);
    r->X = t;
}

/* r = a + b (b affine), public data: branches on the exceptional cases. */
/*@ requires \valid(r) && \valid_read(a) && \valid_read(b);
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
static void jac_add_aff(jac *r, const jac *a, const rk_ss_aff *b)
{
    rk_fp z1z1, u2, s2, h, hh, i, j, rr, v, t;
    if (rk_fp_is_zero(&a->Z)) {
        r->X = b->x;
        r->Y = b->y;
        rk_fp_one(&r->Z);
        return;
    }
    rk_fp_sqr(&z1z1, &a->Z);
    rk_fp_mul(&u2, &b->x, &z1z1);
    rk_fp_mul(&s2, &b->y, &a->Z);
    rk_fp_mul(&s2, &s2, &z1z1);
    rk_fp_sub(&h, &u2, &a->X);
    rk_fp_sub(&rr, &s2, &a->Y);
    if (rk_fp_is_zero(&h)) {
        if (rk_fp_is_zero(&rr)) {
            jac_dbl(r, a);
        } else {
            rk_fp_one(&r->X);
            rk_fp_one(&r->Y);
            rk_fp_zero(&r->Z);
        }
        return;
    }
    rk_fp_sqr(&hh, &h);
    rk_fp_add(&i, &hh, &hh);
    rk_fp_add(&i, &i, &i);
    rk_fp_mul(&j, &h, &i);
    rk_fp_add(&rr, &rr, &rr);
    rk_fp_mul(&v, &a->X, &i);
    rk_fp_add(&t, &a->Z, &h);
    rk_fp_sqr(&t, &t);
    rk_fp_sub(&t, &t, &z1z1);
    rk_fp_sub(&r->Z, &t, &hh);
    rk_fp_sqr(&t, &rr);
    rk_fp_sub(&t, &t, &j);
    rk_fp_sub(&t, &t, &v);
    rk_fp_sub(&t, &t, &v);                 /* X3 */
    rk_fp_sub(&v, &v, &t);
    rk_fp_mul(&v, &v, &rr);
    rk_fp_mul(&j, &j, &a->Y);
    rk_fp_add(&j, &j, &j);
    rk_fp_sub(&r->Y, &v, &j);
    r->X = t;
}

/*@ requires \valid(r) && \valid_read(a);
    requires 1 <= klen <= 16 && \valid_read(k + (0 .. klen - 1));
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
static void jac_mul_public(jac *r, const rk_ss_aff *a, const uint64_t *k, size_t klen)
{
    jac acc;
    rk_fp_one(&acc.X);
    rk_fp_one(&acc.Y);
    rk_fp_zero(&acc.Z);
    /*@ loop invariant 0 <= i <= 64 * klen;
        loop assigns i, acc;
        loop variant 64 * klen - i; */
    for (size_t i = 0; i < 64 * klen; i++) {
        size_t bit = 64 * klen - 1 - i;
        jac_dbl(&acc, &acc);
        if ((k[bit / 64] >> (bit % 64)) & 1u)
            jac_add_aff(&acc, &acc, a);
    }
    *r = acc;
}

void rk_ss_mul_public(rk_ss_pt *r, const rk_ss_aff *a, const uint64_t *k, size_t klen)
{
    jac t;
    rk_fp z2, z3;
    jac_mul_public(&t, a, k, klen);
    /* Jacobian -> homogeneous: (X Z, Y, Z^3) */
    rk_fp_sqr(&z2, &t.Z);
    rk_fp_mul(&z3, &z2, &t.Z);
    rk_fp_mul(&r->X, &t.X, &t.Z);
    r->Y = t.Y;
    r->Z = z3;
    if (rk_fp_is_zero(&z3))
        rk_ss_set_inf(r);
}

uint64_t rk_ss_in_subgroup_mul(const rk_ss_aff *a)
{
    jac t;
    jac_mul_public(&t, a, rk_fp_mod_q.m, 16);
    return rk_fp_is_zero(&t.Z);
}

/* 1 if a is a non-zero square mod p: the binary Jacobi symbol of fp1024
 * (public values only; Euler's a^((p-1)/2) cost a 1024-bit exponentiation). */
/*@ requires \valid_read(a);
    assigns \nothing;
    ensures \result == 0 || \result == 1; */
static uint64_t is_square(const rk_fp *a)
{
    return rk_fp_is_square_public(a);
}

/* r = a^((p+1)/4) = a^q: a square root of a when a is a square (p = 3 mod 4). */
/*@ requires \valid(r) && \valid_read(a);
    requires \separated(r, &rk_fp_mod_p);
    assigns *r; */
static void sqrt_q(rk_fp *r, const rk_fp *a)
{
    rk_fp_pow_public(r, a, rk_fp_mod_q.m, 16);
}

/* Order-q test by two 2-descent steps (docs/sakke.md "subgroup check").
 * E(F_p) is cyclic of order 4q, so the order-q subgroup is 4E.  With
 * T = (0,0) the only point of order 2, the map (x, y) -> x mod squares has
 * kernel 2E; so R is in 2E iff x is a square.  The two halves S, S + T of R
 * have x-coordinates s with s - 3/s = u, u = 2x +- 2 sqrt(x^2 - 3) (the sign
 * for which u^2 + 12 is a square), s = (u + sqrt(u^2 + 12)) / 2, and both
 * halves have the same class (-3 is a square), so R is in 4E iff s is a
 * square; 2 is not a square (p = 3 mod 8), so iff u + sqrt(u^2 + 12) is not.
 * Two exponentiations (the square roots) and three or four Jacobi symbols
 * instead of a 1022-bit scalar multiplication.
 * Public input only (branches); a must be on the curve. */
uint64_t rk_ss_in_subgroup(const rk_ss_aff *a)
{
    rk_fp t, d, u, v, c;
    if (rk_fp_is_zero(&a->y))              /* (0,0): order 2 */
        return 0;
    if (!is_square(&a->x))                 /* not in 2E */
        return 0;
    rk_fp_sqr(&t, &a->x);
    rk_fp_set_u64(&c, 3);
    rk_fp_sub(&t, &t, &c);                 /* x^2 - 3 = y^2 / x */
    sqrt_q(&d, &t);
    rk_fp_sqr(&v, &d);
    if (!rk_fp_eq(&v, &t))
        return 0;                          /* not on the curve */
    rk_fp_add(&u, &a->x, &d);
    rk_fp_add(&u, &u, &u);                 /* 2x + 2d */
    rk_fp_set_u64(&c, 12);
    rk_fp_sqr(&t, &u);
    rk_fp_add(&t, &t, &c);
    if (!is_square(&t)) {
        rk_fp_sub(&u, &a->x, &d);
        rk_fp_add(&u, &u, &u);             /* 2x - 2d */
        rk_fp_sqr(&t, &u);
        rk_fp_add(&t, &t, &c);
        if (!is_square(&t))
            return 0;                      /* no half: not in 2E (cannot happen) */
    }
    sqrt_q(&v, &t);
    rk_fp_add(&v, &u, &v);                 /* 2 s */
    return 1u - is_square(&v);
}

rk_status rk_ss_decode(rk_ss_aff *r, const uint8_t in[257])
{
    rk_status st = RK_OK;
    uint64_t okx, oky;
    okx = rk_fp_from_bytes(&r->x, in + 1);
    oky = rk_fp_from_bytes(&r->y, in + 129);
    if (in[0] != 0x04)
        st = RK_ERR_SAKKE_R_PREFIX;
    else if ((okx & oky) == 0)
        st = RK_ERR_SAKKE_R_RANGE;
    else if (!rk_ss_on_curve(r))
        st = RK_ERR_SAKKE_R_CURVE;
    else if (!rk_ss_in_subgroup(r))
        st = RK_ERR_SAKKE_R_ORDER;
    if (st != RK_OK) {
        rk_fp_zero(&r->x);
        rk_fp_zero(&r->y);
    }
    return st;
}

void rk_ss_encode(uint8_t out[257], const rk_ss_aff *a)
{
    out[0] = 0x04;
    rk_fp_to_bytes(out + 1, &a->x);
    rk_fp_to_bytes(out + 129, &a->y);
}

/* --- fixed-base comb -------------------------------------------------- */

/*@ requires \valid(c) && i < 256 && \valid_read(e);
    assigns c->w[i * 32 .. i * 32 + 31]; */
static void put_entry(rk_ss_comb *c, size_t i, const rk_ss_aff *e)
{
    /*@ loop invariant 0 <= k <= 16;
        loop assigns k, c->w[i * 32 .. i * 32 + 31];
        loop variant 16 - k; */
    for (size_t k = 0; k < 16; k++) {
        c->w[i * 32 + k] = e->x.v[k];
        c->w[i * 32 + 16 + k] = e->y.v[k];
    }
}

/*@ requires \valid(e) && \valid_read(w + (0 .. 31));
    assigns *e; */
static void get_entry(rk_ss_aff *e, const uint64_t *w)
{
    /*@ loop invariant 0 <= k <= 16;
        loop assigns k, *e;
        loop variant 16 - k; */
    for (size_t k = 0; k < 16; k++) {
        e->x.v[k] = w[k];
        e->y.v[k] = w[16 + k];
    }
}

void rk_ss_comb_init(rk_ss_comb *c, const rk_ss_aff *b)
{
    /* Entries are built projectively in two halves of 128: X and Y go
     * straight into the caller's table (32 words per entry, the size of an
     * affine entry), only Z and the prefix products of Montgomery's trick
     * stay on the stack (2 x 128 field elements, 32 KiB; 256 projective
     * points would be 96 KiB), then each entry is normalised in place. */
    static const size_t half = 128;
    rk_ss_pt base[RK_SS_COMB_TEETH];
    rk_fp zs[128], pre[128];
    rk_fp inv, t;
    rk_ss_pt e, f;
    rk_ss_aff xy;

    rk_ss_from_aff(&base[0], b);
    /*@ loop invariant 1 <= i <= 8;
        loop assigns i, base[1 .. 7];
        loop variant 8 - i; */
    for (size_t i = 1; i < RK_SS_COMB_TEETH; i++) {
        base[i] = base[i - 1];
        /*@ loop invariant 0 <= s <= 128;
            loop assigns s, base[i];
            loop variant 128 - s; */
        for (size_t s = 0; s < RK_SS_COMB_SPACING; s++)
            rk_ss_add(&base[i], &base[i], &base[i]);
    }
    /* entries h*128 + j of the half h: the sum of base[i] for the set bits
     * of h*128 + j; entry 0 (O) is used while building and zeroed at the end */
    /*@ loop invariant 0 <= h <= 2;
        loop assigns h, e, f, xy, zs[0 .. 127], pre[0 .. 127], inv, t,
                     c->w[0 .. 256 * 32 - 1];
        loop variant 2 - h; */
    for (size_t h = 0; h < 2; h++) {
        size_t off = h * half;
        if (h == 0)
            rk_ss_set_inf(&e);
        else
            e = base[7];
        xy.x = e.X;
        xy.y = e.Y;
        put_entry(c, off, &xy);
        zs[0] = e.Z;
        /*@ loop invariant 1 <= j <= 128;
            loop assigns j, e, f, xy, zs[1 .. 127], c->w[off * 32 .. off * 32 + 128 * 32 - 1];
            loop variant 128 - j; */
        for (size_t j = 1; j < half; j++) {
            /* top = the highest set bit of j, pw = 2^top: e_j = e_(j - pw) + base[top] */
            size_t top = 0, pw = 1, p2 = 1;
            /*@ loop invariant 0 <= s <= 7 && top <= 6 && 1 <= pw <= j && 1 <= p2 <= 128;
                loop assigns s, top, pw, p2;
                loop variant 7 - s; */
            for (size_t s = 0; s < 7; s++) {
                if (p2 <= j) {
                    top = s;
                    pw = p2;
                }
                if (p2 <= 64)
                    p2 = p2 * 2u;
            }
            get_entry(&xy, &c->w[(off + j - pw) * 32]);
            f.X = xy.x;
            f.Y = xy.y;
            f.Z = zs[j - pw];
            rk_ss_add(&e, &f, &base[top]);
            xy.x = e.X;
            xy.y = e.Y;
            put_entry(c, off + j, &xy);
            zs[j] = e.Z;
        }
        /* batch inversion of the Z's (Montgomery's trick); O's Z is skipped */
        size_t j0 = (h == 0) ? 1 : 0;
        rk_fp_one(&pre[0]);
        if (j0 == 0)
            pre[0] = zs[0];
        /*@ loop invariant 1 <= j <= 128;
            loop assigns j, pre[1 .. 127];
            loop variant 128 - j; */
        for (size_t j = 1; j < half; j++)
            rk_fp_mul(&pre[j], &pre[j - 1], &zs[j]);
        rk_fp_inv(&inv, &pre[half - 1]);
        /*@ loop invariant 0 <= jj <= 128;
            loop assigns jj, inv, t, xy, c->w[off * 32 .. off * 32 + 128 * 32 - 1];
            loop variant 128 - jj; */
        for (size_t jj = 0; jj < half; jj++) {
            size_t j = half - 1 - jj;
            if (j < j0)
                break;
            if (j > 0) {
                rk_fp_mul(&t, &inv, &pre[j - 1]);    /* 1 / Z_j */
                rk_fp_mul(&inv, &inv, &zs[j]);
            } else {
                t = inv;
            }
            get_entry(&xy, &c->w[(off + j) * 32]);
            rk_fp_mul(&xy.x, &xy.x, &t);
            rk_fp_mul(&xy.y, &xy.y, &t);
            put_entry(c, off + j, &xy);
        }
    }
    /*@ loop invariant 0 <= k <= 32;
        loop assigns k, c->w[0 .. 31];
        loop variant 32 - k; */
    for (size_t k = 0; k < 32; k++)
        c->w[k] = 0;
}

/*@ requires \valid_read(k) && col < 128;
    assigns \nothing;
    ensures \result < 256; */
static size_t comb_index(const rk_fp *k, size_t col)
{
    size_t idx = 0;
    /*@ loop invariant 0 <= i <= 8;
        loop assigns i, idx;
        loop variant 8 - i; */
    for (size_t i = 0; i < RK_SS_COMB_TEETH; i++) {
        size_t pos = i * RK_SS_COMB_SPACING + col;
        size_t bit = (size_t)((k->v[pos / 64] >> (pos % 64)) & 1u);
        idx |= bit << i;
    }
    /* eight teeth give eight bits: the mask changes nothing and states the bound
     * in a form WP sees without reasoning about or-ed shifts */
    return idx & 0xFFu;
}

/* acc += table[idx] unless idx == 0 (constant time). */
/*@ requires \valid(acc) && \valid_read(c) && idx < 256;
    requires \separated(acc, &rk_fp_mod_p);
    assigns *acc; */
static void comb_step(rk_ss_pt *acc, const rk_ss_comb *c, size_t idx)
{
    uint64_t w[RK_SS_AFF_WORDS];
    rk_ss_aff e;
    rk_ss_pt s;
    rk_fp_pair_lookup(w, c->w, RK_SS_COMB_ENTRIES, idx);
    get_entry(&e, w);
    add_mixed(&s, acc, &e);
    uint64_t use = 1u - rk_ct_is_zero64((uint64_t)idx);
    rk_fp_cmov(&acc->X, &s.X, use);
    rk_fp_cmov(&acc->Y, &s.Y, use);
    rk_fp_cmov(&acc->Z, &s.Z, use);
    rk_wipe_u64(w, RK_SS_AFF_WORDS);
}

void rk_ss_comb_mul(rk_ss_pt *r, const rk_ss_comb *c, const rk_fp *k)
{
    rk_ss_pt acc;
    rk_ss_set_inf(&acc);
    /*@ loop invariant 0 <= i <= 128;
        loop assigns i, acc;
        loop variant 128 - i; */
    for (size_t i = 0; i < RK_SS_COMB_SPACING; i++) {
        size_t col = RK_SS_COMB_SPACING - 1 - i;
        rk_ss_add(&acc, &acc, &acc);
        comb_step(&acc, c, comb_index(k, col));
    }
    *r = acc;
}

void rk_ss_comb_mul2(rk_ss_pt *r, const rk_ss_comb *c1, const rk_fp *k1,
                     const rk_ss_comb *c2, const rk_fp *k2)
{
    rk_ss_pt acc;
    rk_ss_set_inf(&acc);
    /*@ loop invariant 0 <= i <= 128;
        loop assigns i, acc;
        loop variant 128 - i; */
    for (size_t i = 0; i < RK_SS_COMB_SPACING; i++) {
        size_t col = RK_SS_COMB_SPACING - 1 - i;
        rk_ss_add(&acc, &acc, &acc);
        comb_step(&acc, c1, comb_index(k1, col));
        comb_step(&acc, c2, comb_index(k2, col));
    }
    *r = acc;
}

/* --- one-off constant-time multiple (no comb) --------------------------- */

/* tab[j * 48 ..] <-> projective point */
/*@ requires j < 16 && \valid(tab + (j * 48 .. j * 48 + 47)) && \valid_read(a);
    assigns tab[j * 48 .. j * 48 + 47]; */
static void pt_put(uint64_t *tab, size_t j, const rk_ss_pt *a)
{
    /*@ loop invariant 0 <= k <= 16;
        loop assigns k, tab[j * 48 .. j * 48 + 47];
        loop variant 16 - k; */
    for (size_t k = 0; k < 16; k++) {
        tab[j * 48 + k] = a->X.v[k];
        tab[j * 48 + 16 + k] = a->Y.v[k];
        tab[j * 48 + 32 + k] = a->Z.v[k];
    }
}

/*@ requires \valid(a) && \valid_read(w + (0 .. 47));
    assigns *a; */
static void pt_get(rk_ss_pt *a, const uint64_t *w)
{
    /*@ loop invariant 0 <= k <= 16;
        loop assigns k, *a;
        loop variant 16 - k; */
    for (size_t k = 0; k < 16; k++) {
        a->X.v[k] = w[k];
        a->Y.v[k] = w[16 + k];
        a->Z.v[k] = w[32 + k];
    }
}

void rk_ss_mul_ct(rk_ss_pt *r, const rk_ss_aff *b, const rk_fp *k)
{
    uint64_t tab[16 * 48], w[48];
    rk_ss_pt acc, e, bp;
    rk_ss_set_inf(&acc);
    pt_put(tab, 0, &acc);
    rk_ss_from_aff(&bp, b);
    pt_put(tab, 1, &bp);
    e = bp;
    /*@ loop invariant 2 <= j <= 16;
        loop assigns j, e, tab[0 .. 16 * 48 - 1];
        loop variant 16 - j; */
    for (size_t j = 2; j < 16; j++) {
        rk_ss_add(&e, &e, &bp);            /* [j]b, never O (b has order q) */
        pt_put(tab, j, &e);
    }
    /* 256 windows of 4 bits, most significant first; [0]b = O is added
     * like any entry (the complete law handles it) */
    /*@ loop invariant 0 <= i <= 256;
        loop assigns i, acc, e, w[0 .. 47];
        loop variant 256 - i; */
    for (size_t i = 0; i < 256; i++) {
        size_t win = 255 - i;
        rk_ss_add(&acc, &acc, &acc);
        rk_ss_add(&acc, &acc, &acc);
        rk_ss_add(&acc, &acc, &acc);
        rk_ss_add(&acc, &acc, &acc);
        uint64_t word = k->v[win / 16] >> (4 * (win % 16));
        size_t idx = (size_t)(word % 16u);
        rk_ct_lookup64(w, tab, 16, 48, idx);
        pt_get(&e, w);
        rk_ss_add(&acc, &acc, &e);
    }
    *r = acc;
    rk_wipe_u64(tab, 16 * 48);
    rk_wipe_u64(w, 48);
    rk_wipe_u64(acc.X.v, 16);
    rk_wipe_u64(acc.Y.v, 16);
    rk_wipe_u64(acc.Z.v, 16);
    rk_wipe_u64(e.X.v, 16);
    rk_wipe_u64(e.Y.v, 16);
    rk_wipe_u64(e.Z.v, 16);
}
