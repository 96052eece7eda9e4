/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/pairing.h */
#include "rootkey/pairing.h"
#include "rootkey/ct.h"

/* g of RFC 6509 Appendix A in Montgomery form (derived offline, checked by
 * the pairing suite: <P, P> == g). */
const rk_fp rk_pairing_g =
    { { 0x170a46d2335c1685ULL, 0xeac9e971e1007a58ULL, 0x40e8f3df43ca4a73ULL, 0x2646f81582642475ULL, 
        0x3af49bb4b36576d1ULL, 0xd89e2d1472bf1afbULL, 0x27be882c2fd151e6ULL, 0xaddedc858f88717cULL, 
        0xd6d859bf16ac6c6fULL, 0x0e741a1b2d8eae58ULL, 0x6faf7a0061c1f30dULL, 0x66dbd09a9b67e096ULL, 
        0x21f11c067d3b4f7dULL, 0x6152ba02c727c98eULL, 0xafd58891e86cb221ULL, 0x59e93c6a6bd3baf4ULL } };

/* Bit j of q - 1 (public). */
/*@ requires j < 1024;
    assigns \nothing;
    ensures \result <= 1; */
static uint64_t qm1_bit(size_t j)
{
    /* q is odd, so q - 1 differs from q only in bit 0 */
    if (j == 0)
        return 0;
    return (rk_fp_mod_q.m[j / 64] >> (j % 64)) & 1u;
}

/* Jacobian point of the loop: (X/Z^2, Y/Z^3). */
typedef struct { rk_fp X; rk_fp Y; rk_fp Z; } jpt;

/* Tangent step: C = 2C and the line through C evaluated at psi(Q), as
 * A * Qx + B + i * D * Qy (Q itself is not needed here).
 *   M = 3 (X - Z^2)(X + Z^2), Z' = 2 Y Z,
 *   A = M Z^2, B = M X - 2 Y^2, D = Z' Z^2   (the line of RFC 6508 3.2 step
 *   "tangent" multiplied by Z^6, an F_p factor). */
/*@ requires \valid(c) && \valid(la) && \valid(lb) && \valid(ld);
    requires \separated(c, la, lb, ld, &rk_fp_mod_p);
    assigns *c, *la, *lb, *ld; */
static void step_dbl(jpt *c, rk_fp *la, rk_fp *lb, rk_fp *ld)
{
    rk_fp zz, yy, m, t, u, s, z3;
    rk_fp_sqr(&zz, &c->Z);
    rk_fp_sqr(&yy, &c->Y);
    rk_fp_sub(&t, &c->X, &zz);
    rk_fp_add(&u, &c->X, &zz);
    rk_fp_mul(&m, &t, &u);
    rk_fp_add(&t, &m, &m);
    rk_fp_add(&m, &m, &t);                 /* M */
    rk_fp_mul(&z3, &c->Y, &c->Z);
    rk_fp_add(&z3, &z3, &z3);              /* Z' = 2YZ */
    rk_fp_mul(la, &m, &zz);
    rk_fp_mul(&t, &m, &c->X);
    rk_fp_add(&u, &yy, &yy);
    rk_fp_sub(lb, &t, &u);
    rk_fp_mul(ld, &z3, &zz);
    rk_fp_mul(&s, &c->X, &yy);
    rk_fp_add(&s, &s, &s);
    rk_fp_add(&s, &s, &s);                 /* S = 4 X Y^2 */
    rk_fp_sqr(&t, &m);
    rk_fp_sub(&t, &t, &s);
    rk_fp_sub(&t, &t, &s);                 /* X' = M^2 - 2S */
    rk_fp_sub(&u, &s, &t);
    rk_fp_mul(&u, &u, &m);
    rk_fp_sqr(&yy, &yy);
    rk_fp_add(&yy, &yy, &yy);
    rk_fp_add(&yy, &yy, &yy);
    rk_fp_add(&yy, &yy, &yy);              /* 8 Y^4 */
    rk_fp_sub(&c->Y, &u, &yy);
    c->X = t;
    c->Z = z3;
}

/* Chord step: C = C + R (R affine) and the line through C and R at psi(Q):
 *   H = Rx Z^2 - X, rr = Ry Z^3 - Y, Z' = Z H,
 *   A = rr, B = rr Rx - Z' Ry, D = Z'   (slope form multiplied by Z'). */
/*@ requires \valid(c) && \valid_read(r) && \valid(la) && \valid(lb) && \valid(ld);
    requires \separated(c, la, lb, ld, &rk_fp_mod_p);
    assigns *c, *la, *lb, *ld; */
static void step_add(jpt *c, const rk_ss_aff *r, rk_fp *la, rk_fp *lb, rk_fp *ld)
{
    rk_fp zz, h, rr, z3, hh, hhh, v, t;
    rk_fp_sqr(&zz, &c->Z);
    rk_fp_mul(&h, &r->x, &zz);
    rk_fp_sub(&h, &h, &c->X);
    rk_fp_mul(&rr, &r->y, &c->Z);
    rk_fp_mul(&rr, &rr, &zz);
    rk_fp_sub(&rr, &rr, &c->Y);
    rk_fp_mul(&z3, &c->Z, &h);
    *la = rr;
    rk_fp_mul(&t, &rr, &r->x);
    rk_fp_mul(lb, &z3, &r->y);
    rk_fp_sub(lb, &t, lb);
    *ld = z3;
    rk_fp_sqr(&hh, &h);
    rk_fp_mul(&hhh, &hh, &h);
    rk_fp_mul(&v, &c->X, &hh);
    rk_fp_sqr(&t, &rr);
    rk_fp_sub(&t, &t, &hhh);
    rk_fp_sub(&t, &t, &v);
    rk_fp_sub(&t, &t, &v);                 /* X' */
    rk_fp_sub(&v, &v, &t);
    rk_fp_mul(&v, &v, &rr);
    rk_fp_mul(&hhh, &hhh, &c->Y);
    rk_fp_sub(&c->Y, &v, &hhh);
    c->X = t;
    c->Z = z3;
}

/* v = v * ((A Qx + B) + i D Qy) */
/*@ requires \valid(v) && \valid_read(q) && \valid_read(la) && \valid_read(lb) && \valid_read(ld);
    requires \separated(v, &rk_fp_mod_p);
    assigns *v; */
static void mul_line(rk_fp2 *v, const rk_ss_aff *q, const rk_fp *la, const rk_fp *lb,
                     const rk_fp *ld)
{
    rk_fp re, im;
    rk_fp_mul(&re, la, &q->x);
    rk_fp_add(&re, &re, lb);
    rk_fp_mul(&im, ld, &q->y);
    rk_fp2_mul_cd(v, v, &re, &im);
}

/* v^4, then b / a */
/*@ requires \valid(w) && \valid(v);
    requires \separated(w, v, &rk_fp_mod_p);
    assigns *w, *v; */
static void final_exp(rk_fp *w, rk_fp2 *v)
{
    rk_fp2_sqr(v, v);
    rk_fp2_sqr(v, v);
    rk_fp2_repr(w, v);
}

void rk_pairing(rk_fp *w, const rk_ss_aff *r, const rk_ss_aff *q)
{
    jpt c;
    rk_fp2 v;
    rk_fp la, lb, ld;
    c.X = r->x;
    c.Y = r->y;
    rk_fp_one(&c.Z);
    rk_fp2_one(&v);
    /*@ loop invariant 0 <= i <= 1021;
        loop assigns i, c, v, la, lb, ld;
        loop variant 1021 - i; */
    for (size_t i = 0; i < 1021; i++) {
        size_t j = 1020 - i;
        rk_fp2_sqr(&v, &v);
        step_dbl(&c, &la, &lb, &ld);
        mul_line(&v, q, &la, &lb, &ld);
        if (qm1_bit(j)) {                  /* public: bits of q - 1 */
            step_add(&c, r, &la, &lb, &ld);
            mul_line(&v, q, &la, &lb, &ld);
        }
    }
    final_exp(w, &v);
    rk_wipe_u64(&v.a.v[0], 16);
    rk_wipe_u64(&v.b.v[0], 16);
    rk_wipe_u64(la.v, 16);
    rk_wipe_u64(lb.v, 16);
    rk_wipe_u64(ld.v, 16);
    rk_wipe_u64(c.X.v, 16);
    rk_wipe_u64(c.Y.v, 16);
    rk_wipe_u64(c.Z.v, 16);
}

#define CHUNK 64

/* Normalise the n lines stored at base (numerators A, B already in lam, mu;
 * denominators D in d) to (A/D, B/D) with one inversion (Montgomery's trick). */
/*@ requires 1 <= n <= CHUNK && base + n <= RK_PAIRING_LINES;
    requires \valid(t) && \valid_read(d + (0 .. CHUNK - 1)) && \valid(pre + (0 .. CHUNK - 1));
    requires \separated(t, d + (0 .. CHUNK - 1), pre + (0 .. CHUNK - 1), &rk_fp_mod_p);
    assigns t->lam[base .. base + n - 1], t->mu[base .. base + n - 1], pre[0 .. CHUNK - 1]; */
static void flush(rk_pairing_table *t, size_t base, size_t n, const rk_fp *d, rk_fp *pre)
{
    rk_fp inv, di;
    pre[0] = d[0];
    /*@ loop invariant 1 <= k <= n;
        loop assigns k, pre[1 .. CHUNK - 1];
        loop variant n - k; */
    for (size_t k = 1; k < n; k++)
        rk_fp_mul(&pre[k], &pre[k - 1], &d[k]);
    rk_fp_inv(&inv, &pre[n - 1]);
    /*@ loop invariant 0 <= kk <= n;
        loop assigns kk, inv, di, t->lam[base .. base + n - 1], t->mu[base .. base + n - 1];
        loop variant n - kk; */
    for (size_t kk = 0; kk < n; kk++) {
        size_t k = n - 1 - kk;
        if (k > 0) {
            rk_fp_mul(&di, &inv, &pre[k - 1]);
            rk_fp_mul(&inv, &inv, &d[k]);
        } else {
            di = inv;
        }
        rk_fp_mul(&t->lam[base + k], &t->lam[base + k], &di);
        rk_fp_mul(&t->mu[base + k], &t->mu[base + k], &di);
    }
}

void rk_pairing_table_init(rk_pairing_table *t, const rk_ss_aff *k)
{
    jpt c;
    rk_fp d[CHUNK], pre[CHUNK];
    size_t n = 0, base = 0, l = 0;
    c.X = k->x;
    c.Y = k->y;
    rk_fp_one(&c.Z);
    /*@ loop invariant 0 <= i <= 1021;
        loop invariant 0 <= n < CHUNK && l == base + n && l <= RK_PAIRING_LINES;
        loop assigns i, n, base, l, c, d[0 .. CHUNK - 1], pre[0 .. CHUNK - 1],
                     t->lam[0 .. RK_PAIRING_LINES - 1], t->mu[0 .. RK_PAIRING_LINES - 1];
        loop variant 1021 - i; */
    for (size_t i = 0; i < 1021; i++) {
        size_t j = 1020 - i;
        size_t steps = 1 + (size_t)qm1_bit(j);
        /*@ loop invariant 0 <= s <= steps;
            loop invariant 0 <= n < CHUNK && l == base + n && l <= RK_PAIRING_LINES;
            loop assigns s, n, base, l, c, d[0 .. CHUNK - 1], pre[0 .. CHUNK - 1],
                         t->lam[0 .. RK_PAIRING_LINES - 1], t->mu[0 .. RK_PAIRING_LINES - 1];
            loop variant steps - s; */
        for (size_t s = 0; s < steps; s++) {
            if (l >= RK_PAIRING_LINES)     /* never: q - 1 gives exactly 1533 lines */
                break;
            if (s == 0)
                step_dbl(&c, &t->lam[l], &t->mu[l], &d[n]);
            else
                step_add(&c, k, &t->lam[l], &t->mu[l], &d[n]);
            n++;
            l++;
            if (n == CHUNK) {
                flush(t, base, n, d, pre);
                base += n;
                n = 0;
            }
        }
    }
    if (n > 0)
        flush(t, base, n, d, pre);
    /*@ loop invariant 0 <= h <= CHUNK;
        loop assigns h, d[0 .. CHUNK - 1], pre[0 .. CHUNK - 1];
        loop variant CHUNK - h; */
    for (size_t h = 0; h < CHUNK; h++) {
        rk_wipe_u64(d[h].v, 16);
        rk_wipe_u64(pre[h].v, 16);
    }
    rk_wipe_u64(c.X.v, 16);
    rk_wipe_u64(c.Y.v, 16);
    rk_wipe_u64(c.Z.v, 16);
}

void rk_pairing_with_table(rk_fp *w, const rk_pairing_table *t, const rk_ss_aff *r)
{
    rk_fp2 v;
    rk_fp re;
    size_t l = 0;
    rk_fp2_one(&v);
    /*@ loop invariant 0 <= i <= 1021 && l <= RK_PAIRING_LINES;
        loop assigns i, l, v, re;
        loop variant 1021 - i; */
    for (size_t i = 0; i < 1021; i++) {
        size_t j = 1020 - i;
        size_t steps = 1 + (size_t)qm1_bit(j);
        /*@ loop invariant 0 <= s <= steps && l <= RK_PAIRING_LINES;
            loop assigns s, l, v, re;
            loop variant steps - s; */
        for (size_t s = 0; s < steps; s++) {
            if (l >= RK_PAIRING_LINES)         /* never: 1533 lines exactly */
                break;
            if (s == 0)
                rk_fp2_sqr(&v, &v);
            rk_fp_mul(&re, &t->lam[l], &r->x);
            rk_fp_add(&re, &re, &t->mu[l]);
            rk_fp2_mul_cd(&v, &v, &re, &r->y);
            l++;
        }
    }
    final_exp(w, &v);
    rk_wipe_u64(&v.a.v[0], 16);
    rk_wipe_u64(&v.b.v[0], 16);
    rk_wipe_u64(re.v, 16);
}

/* table entry j <-> rk_fp2 */
/*@ requires \valid(t) && j < 256 && \valid_read(x);
    assigns t->w[j * 32 .. j * 32 + 31]; */
static void gt_put(rk_gt_table *t, size_t j, const rk_fp2 *x)
{
    /*@ loop invariant 0 <= k <= 16;
        loop assigns k, t->w[j * 32 .. j * 32 + 31];
        loop variant 16 - k; */
    for (size_t k = 0; k < 16; k++) {
        t->w[j * 32 + k] = x->a.v[k];
        t->w[j * 32 + 16 + k] = x->b.v[k];
    }
}

/*@ requires \valid(x) && \valid_read(w + (0 .. 31));
    assigns *x; */
static void gt_get(rk_fp2 *x, const uint64_t *w)
{
    /*@ loop invariant 0 <= k <= 16;
        loop assigns k, *x;
        loop variant 16 - k; */
    for (size_t k = 0; k < 16; k++) {
        x->a.v[k] = w[k];
        x->b.v[k] = w[16 + k];
    }
}

void rk_gt_table_init(rk_gt_table *t)
{
    rk_fp2 base[8], e, f;
    rk_fp_one(&base[0].a);
    base[0].b = rk_pairing_g;
    /*@ loop invariant 1 <= i <= 8;
        loop assigns i, base[1 .. 7];
        loop variant 8 - i; */
    for (size_t i = 1; i < 8; i++) {
        base[i] = base[i - 1];
        /*@ loop invariant 0 <= s <= 128;
            loop assigns s, base[i];
            loop variant 128 - s; */
        for (size_t s = 0; s < 128; s++)
            rk_fp2_sqr(&base[i], &base[i]);
    }
    rk_fp2_one(&e);
    gt_put(t, 0, &e);
    /*@ loop invariant 1 <= j <= 256;
        loop assigns j, e, f, t->w[32 .. 256 * 32 - 1];
        loop variant 256 - j; */
    for (size_t j = 1; j < 256; j++) {
        /* top = the highest set bit of j, pw = 2^top */
        size_t top = 0, pw = 1, p2 = 1;
        /*@ loop invariant 0 <= s <= 8 && top <= 7 && 1 <= pw <= j && 1 <= p2 <= 256;
            loop assigns s, top, pw, p2;
            loop variant 8 - s; */
        for (size_t s = 0; s < 8; s++) {
            if (p2 <= j) {
                top = s;
                pw = p2;
            }
            if (p2 <= 128)
                p2 = p2 * 2u;
        }
        gt_get(&e, &t->w[(j - pw) * 32]);
        rk_fp2_mul(&f, &e, &base[top]);
        gt_put(t, j, &f);
    }
}

void rk_gt_pow_raw(rk_fp2 *v, const rk_gt_table *t, const rk_fp *k)
{
    rk_fp2 acc, e;
    uint64_t ew[32];
    rk_fp2_one(&acc);
    /*@ loop invariant 0 <= i <= 128;
        loop assigns i, acc, e, ew[0 .. 31];
        loop variant 128 - i; */
    for (size_t i = 0; i < 128; i++) {
        size_t col = 127 - i;
        size_t idx = 0;
        /*@ loop invariant 0 <= s <= 8;
            loop assigns s, idx;
            loop variant 8 - s; */
        for (size_t s = 0; s < 8; s++) {
            size_t pos = s * 128 + col;
            idx |= (size_t)((k->v[pos / 64] >> (pos % 64)) & 1u) << s;
        }
        idx &= 0xFFu;   /* eight bits already (proof idiom "bound by type") */
        rk_fp2_sqr(&acc, &acc);
        rk_fp_pair_lookup(ew, t->w, 256, idx);
        gt_get(&e, ew);
        rk_fp2_mul(&acc, &acc, &e);
    }
    *v = acc;
    rk_wipe_u64(acc.a.v, 16);
    rk_wipe_u64(acc.b.v, 16);
    rk_wipe_u64(e.a.v, 16);
    rk_wipe_u64(e.b.v, 16);
    rk_wipe_u64(ew, 32);
}

void rk_gt_pow(rk_fp *w, const rk_gt_table *t, const rk_fp *k)
{
    rk_fp2 v;
    rk_gt_pow_raw(&v, t, k);
    rk_fp2_repr(w, &v);
    rk_wipe_u64(v.a.v, 16);
    rk_wipe_u64(v.b.v, 16);
}
