/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/p256.h */
#include "rootkey/p256.h"
#include "p256_fe.h"

/* digit i (0..63) of k in base 16 */
/*@ requires \valid_read(k + (0 .. 3)) && i < 64;
    assigns \nothing;
    ensures \result < 16; */
static size_t nibble(const uint64_t k[4], size_t i)
{
    /* through a uint64_t: non-negative before the remainder (proof idiom
     * "bound by type", docs/proof-idioms.md) */
    uint64_t v = k[i / 16] >> (4 * (i % 16));
    return (size_t)(v % 16u);
}

/*@ requires \valid(a) && \valid_read(w + (0 .. 7));
    requires \separated(a, w + (0 .. 7));
    assigns *a; */
static void affine_from_words(rk_p256_affine *a, const uint64_t *w)
{
    rk_bn_copy(a->x, w, 4);
    rk_bn_copy(a->y, w + 4, 4);
}

/* Signed 6-bit digit i (0..42) of k (Booth recoding): *mag = |d|,
 * result 1 if d < 0.  carry is the running carry (0/1) between digits;
 * the digits satisfy sum d_i 64^i = k, and for k < 2^256 no carry leaves
 * digit 42.  Arithmetic only (constant time). */
/*@ requires \valid_read(k + (0 .. 3)) && i < 43;
    requires \valid(carry) && *carry <= 1 && \valid(mag) && \separated(carry, mag);
    assigns *carry, *mag;
    ensures *carry <= 1 && *mag <= 32 && \result <= 1; */
static uint64_t booth6(const uint64_t k[4], size_t i, uint64_t *carry, uint64_t *mag)
{
    size_t bit = 6 * i;
    uint64_t w = k[bit / 64] >> (bit % 64);
    if (bit % 64 > 58 && bit / 64 < 3)            /* the window spans two limbs */
        w += k[bit / 64 + 1] << (64 - bit % 64);
    w %= 64u;
    /*@ assert w < 64; */
    uint64_t v = w + *carry;                      /* 0 .. 64 */
    /*@ assert v <= 64; */
    uint64_t c = (v + 31u) / 64u;                 /* v > 32 */
    /*@ assert c <= 1; */
    /*@ assert c == 0 ==> v <= 32; */
    /*@ assert c == 1 ==> 33 <= v; */
    uint64_t m = rk_ct_sel64(64u - v, v, rk_ct_mask64(c));
    /*@ assert c == 0 ==> m == v; */
    /*@ assert c == 1 ==> m == 64 - v; */
    /*@ assert m <= 32; */
    *carry = c;
    *mag = m;
    return c;
}

/* e := entry idx (0..31) of a 32-entry row, 8 words each, or zeros for any
 * other idx: every entry is read and masked (no secret-dependent address);
 * a local copy of rk_ct_lookup64 with the widths fixed, so that the
 * compilers unroll and vectorise it. */
/*@ requires \valid(e + (0 .. 7)) && \valid_read(row + (0 .. 255));
    assigns e[0 .. 7]; */
static void lookup32(uint64_t e[8], const uint64_t *row, uint64_t idx)
{
    /*@ loop invariant 0 <= k <= 8;
        loop assigns k, e[0 .. 7];
        loop variant 8 - k; */
    for (size_t k = 0; k < 8; k++)
        e[k] = 0;
    /*@ loop invariant 0 <= i <= 32;
        loop assigns i, e[0 .. 7];
        loop variant 32 - i; */
    for (size_t i = 0; i < 32; i++) {
        uint64_t m = rk_ct_mask64(rk_ct_eq64((uint64_t)i, idx));
        /*@ loop invariant 0 <= k <= 8;
            loop assigns k, e[0 .. 7];
            loop variant 8 - k; */
        for (size_t k = 0; k < 8; k++)
            e[k] |= row[8 * i + k] & m;
    }
}

/* 1 in Montgomery form (2^256 mod p): the Z of a table entry */
static const uint64_t ONE_MONT[4] = { 0x0000000000000001ULL, 0xffffffff00000000ULL,
                                      0xffffffffffffffffULL, 0x00000000fffffffeULL };

/* scratch of add_row_ct, owned by rk_p256_mul_base and wiped once at the
 * end (the rows overwrite it in turn) */
typedef struct {
    uint64_t e[8], ny[4], t1[4], t2[4], t3[4], t4[4];
    rk_p256_affine a;
    rk_p256_point s;
} row_scratch;

/* w->s := acc + w->a, acc in Jacobian coordinates (x = X/Z^2, y = Y/Z^3),
 * w->a affine: 8M + 3S (the mixed addition of Hankerson-Menezes-Vanstone,
 * Guide to ECC, algorithm 3.22, without its special cases).  Not complete:
 * wrong for acc at infinity or acc == w->a (the doubling case); right for
 * acc == -w->a (H = 0 gives Z3 = 0, the point at infinity).
 * rk_p256_mul_base never reaches the wrong cases: see there. */
/*@ requires \valid(w) && \valid_read(acc) && \separated(w, acc);
    assigns *w; */
static void jmadd(row_scratch *w, const rk_p256_point *acc)
{
    rk_fe_sqr(w->t1, acc->z);               /* Z1^2 */
    rk_fe_mul(w->t2, w->t1, acc->z);        /* Z1^3 */
    rk_fe_mul(w->t1, w->t1, w->a.x);        /* U2 = x2 Z1^2 */
    rk_fe_mul(w->t2, w->t2, w->a.y);        /* S2 = y2 Z1^3 */
    rk_fe_sub(w->t1, w->t1, acc->x);        /* H = U2 - X1 */
    rk_fe_sub(w->t2, w->t2, acc->y);        /* R = S2 - Y1 */
    rk_fe_mul(w->s.z, acc->z, w->t1);       /* Z3 = Z1 H */
    rk_fe_sqr(w->t4, w->t1);                /* H^2 */
    rk_fe_mul(w->t3, w->t4, w->t1);         /* H^3 */
    rk_fe_mul(w->t4, w->t4, acc->x);        /* V = X1 H^2 */
    rk_fe_add(w->t1, w->t4, w->t4);         /* 2 V */
    rk_fe_sqr(w->s.x, w->t2);
    rk_fe_sub(w->s.x, w->s.x, w->t1);
    rk_fe_sub(w->s.x, w->s.x, w->t3);       /* X3 = R^2 - 2V - H^3 */
    rk_fe_sub(w->t4, w->t4, w->s.x);
    rk_fe_mul(w->t4, w->t4, w->t2);         /* R (V - X3) */
    rk_fe_mul(w->t3, w->t3, acc->y);        /* Y1 H^3 */
    rk_fe_sub(w->s.y, w->t4, w->t3);        /* Y3 = R (V - X3) - Y1 H^3 */
}

/* One row of the fixed-base walk: acc (Jacobian) += d 64^i G for the digit
 * d = (-1)^neg mag.  *inf is 1 while acc is still the point at infinity
 * (every digit so far zero): the first non-zero digit sets acc to the entry
 * itself (Z = 1), later ones add it, a zero digit keeps acc.  All three
 * outcomes are computed and picked by cmov (no branch on the digit). */
/*@ requires \valid(r) && \valid(w) && \valid_read(row + (0 .. 255));
    requires \valid(inf) && *inf <= 1;
    requires mag <= 32 && neg <= 1;
    requires \separated(r, w) && \separated(inf, r) && \separated(inf, w);
    assigns *r, *w, *inf;
    ensures *inf <= 1; */
static void add_row_ct(rk_p256_point *r, row_scratch *w, const uint64_t *row,
                       uint64_t mag, uint64_t neg, uint64_t *inf)
{
    /* mag == 0 selects nothing: lookup of index mag - 1 (wraps to the top
     * value) reads all 32 entries and returns zeros; the sum is discarded */
    uint64_t zero[4] = { 0, 0, 0, 0 };
    uint64_t in = *inf;
    lookup32(w->e, row, mag - 1u);
    affine_from_words(&w->a, w->e);
    rk_fe_sub(w->ny, zero, w->a.y);
    rk_ct_select64(w->a.y, w->ny, w->a.y, 4, rk_ct_mask64(neg));
    jmadd(w, r);
    uint64_t use = 1u - rk_ct_is_zero64(mag);
    /*@ assert use <= 1 && in <= 1; */
    uint64_t fresh = use * in;              /* first non-zero digit */
    /*@ assert fresh <= 1 && fresh <= use && fresh <= in; */
    uint64_t add = use - fresh;             /* a later non-zero digit */
    /*@ assert add <= 1; */
    rk_bn_cmov(r->x, w->s.x, 4, add);
    rk_bn_cmov(r->y, w->s.y, 4, add);
    rk_bn_cmov(r->z, w->s.z, 4, add);
    rk_bn_cmov(r->x, w->a.x, 4, fresh);
    rk_bn_cmov(r->y, w->a.y, 4, fresh);
    rk_bn_cmov(r->z, ONE_MONT, 4, fresh);
    *inf = in - fresh;
}

void rk_p256_mul_base(rk_p256_point *r, const uint64_t k[4])
{
    /* [k]G = sum over i of [d_i 64^i]G, each term a (negated) table entry,
     * accumulated in Jacobian coordinates with the incomplete mixed addition
     * jmadd.  Its exceptional cases cannot occur.  The Booth digits are
     * d_i in [-32, 32], and d_42 = (bits 252..255 of k) + carry <= 16.
     * Before row i, acc = [m]G with m = sum_{l<i} d_l 64^l, so
     * |m| <= 32 (64^i - 1)/63 < 64^i / 1.9.
     * - acc at infinity: m == 0 (mod q).  |m| < 2^252 < q, so m == 0 as an
     *   integer: every digit so far was zero, which inf tracks (from the
     *   digits, arithmetically); add_row_ct then takes the entry itself.
     * - doubling, acc == [d_i 64^i]G with d_i != 0: m == d_i 64^i (mod q).
     *   For i <= 41, |d_i 64^i - m| < 33 2^246 < q, so they are equal as
     *   integers, impossible since |m| < 64^i.  For i = 42, 0 < d 2^252 - m
     *   < 17 2^252 < 2q, so d 2^252 - m = q, which needs d = 16 and
     *   m = 2^256 - q > 0; but d = 16 means bits 252..255 all one and no
     *   carry (m >= 0), so k = 16 2^252 + m >= 2^256: impossible.
     * - acc == -[d_i 64^i]G gives H = 0 and Z = 0, the point at infinity,
     *   which is right (only k = q gets there, in the last row).
     * The result goes back to projective (X Z : Y : Z^3). */
    rk_p256_point acc;
    row_scratch w;
    uint64_t carry = 0, mag, inf = 1;
    rk_p256_set_infinity(&acc);
    /*@ loop invariant 0 <= i <= 43 && carry <= 1 && inf <= 1;
        loop assigns i, acc, w, carry, mag, inf;
        loop variant 43 - i; */
    for (size_t i = 0; i < 43; i++) {
        uint64_t neg = booth6(k, i, &carry, &mag);
        add_row_ct(&acc, &w, rk_p256_gtab_row(i), mag, neg, &inf);
    }
    rk_fe_sqr(w.t1, acc.z);
    rk_fe_mul(r->x, acc.x, acc.z);
    rk_bn_copy(r->y, acc.y, 4);
    rk_fe_mul(r->z, w.t1, acc.z);
    /* k = 0 (inf) or k = q (Z = 0): the canonical (0 : 1 : 0) */
    uint64_t iz = rk_bn_is_zero(acc.z, 4);
    /*@ assert iz <= 1 && inf <= 1; */
    uint64_t at_inf = iz + inf - iz * inf;
    /*@ assert at_inf <= 1; */
    rk_p256_set_infinity(&w.s);
    rk_bn_cmov(r->x, w.s.x, 4, at_inf);
    rk_bn_cmov(r->y, w.s.y, 4, at_inf);
    rk_bn_cmov(r->z, w.s.z, 4, at_inf);
    carry = 0;
    mag = 0;
    rk_wipe_u64(acc.x, 4); rk_wipe_u64(acc.y, 4); rk_wipe_u64(acc.z, 4);
    rk_wipe_u64(w.e, 8); rk_wipe_u64(w.ny, 4);
    rk_wipe_u64(w.t1, 4); rk_wipe_u64(w.t2, 4); rk_wipe_u64(w.t3, 4); rk_wipe_u64(w.t4, 4);
    rk_wipe_u64(w.a.x, 4); rk_wipe_u64(w.a.y, 4);
    rk_wipe_u64(w.s.x, 4); rk_wipe_u64(w.s.y, 4); rk_wipe_u64(w.s.z, 4);
}

void rk_p256_mul(rk_p256_point *r, const rk_p256_affine *p, const uint64_t k[4])
{
    /* tab[d] = [d]P, d = 0..15, projective, 12 words each */
    uint64_t tab[16 * 12], e[12];
    rk_p256_point acc, s, pp;
    rk_p256_set_infinity(&acc);
    rk_bn_copy(tab, acc.x, 4); rk_bn_copy(tab + 4, acc.y, 4); rk_bn_copy(tab + 8, acc.z, 4);
    rk_p256_from_affine(&pp, p);
    s = pp;
    /*@ loop invariant 1 <= d <= 16;
        loop assigns d, s, tab[0 .. 191];
        loop variant 16 - d; */
    for (size_t d = 1; d < 16; d++) {
        rk_bn_copy(tab + 12 * d, s.x, 4);
        rk_bn_copy(tab + 12 * d + 4, s.y, 4);
        rk_bn_copy(tab + 12 * d + 8, s.z, 4);
        rk_p256_add_affine(&s, &s, p);
    }
    /*@ loop invariant 0 <= w <= 64;
        loop assigns w, acc, s, e[0 .. 11];
        loop variant w; */
    for (size_t w = 64; w > 0; w--) {
        rk_p256_dbl(&acc, &acc);
        rk_p256_dbl(&acc, &acc);
        rk_p256_dbl(&acc, &acc);
        rk_p256_dbl(&acc, &acc);
        rk_ct_lookup64(e, tab, 16, 12, nibble(k, w - 1));
        rk_bn_copy(s.x, e, 4); rk_bn_copy(s.y, e + 4, 4); rk_bn_copy(s.z, e + 8, 4);
        rk_p256_add(&acc, &acc, &s);   /* complete: s may be infinity */
    }
    *r = acc;
    rk_wipe_u64(tab, 16 * 12);
    rk_wipe_u64(e, 12);
    rk_wipe_u64(acc.x, 4); rk_wipe_u64(acc.y, 4); rk_wipe_u64(acc.z, 4);
    rk_wipe_u64(s.x, 4); rk_wipe_u64(s.y, 4); rk_wipe_u64(s.z, 4);
    rk_wipe_u64(pp.x, 4); rk_wipe_u64(pp.y, 4); rk_wipe_u64(pp.z, 4);
}

void rk_p256_table_init(rk_p256_table *t, const rk_p256_affine *p)
{
    /* row i: k B for k = 1..32 with B = 64^i P; the 32 Z coordinates of a
     * row are inverted together (Montgomery's trick: one inversion a row) */
    rk_p256_point base, pts[32];
    uint64_t pre[32][4], inv[4], zi[4];
    rk_p256_from_affine(&base, p);
    /*@ loop invariant 0 <= i <= 43;
        loop assigns i, base, pts[0 .. 31], pre[0 .. 31][0 .. 3], inv[0 .. 3], zi[0 .. 3], t->t[0 .. 43 * 256 - 1];
        loop variant 43 - i; */
    for (size_t i = 0; i < 43; i++) {
        pts[0] = base;
        /*@ loop invariant 1 <= k <= 32;
            loop assigns k, pts[1 .. 31];
            loop variant 32 - k; */
        for (size_t k = 1; k < 32; k++)
            rk_p256_add(&pts[k], &pts[k - 1], &base);
        /* pre[k] = z0 z1 ... zk */
        rk_bn_copy(pre[0], pts[0].z, 4);
        /*@ loop invariant 1 <= k <= 32;
            loop assigns k, pre[1 .. 31][0 .. 3];
            loop variant 32 - k; */
        for (size_t k = 1; k < 32; k++)
            rk_fe_mul(pre[k], pre[k - 1], pts[k].z);
        rk_p256_fe_inv(inv, pre[31]);
        /*@ loop invariant 0 <= k <= 32;
            loop assigns k, inv[0 .. 3], zi[0 .. 3], t->t[0 .. 43 * 256 - 1];
            loop variant k; */
        for (size_t k = 32; k > 0; k--) {
            size_t j = k - 1;
            /* inv = (z0 .. zj)^-1 here */
            if (j > 0) {
                rk_fe_mul(zi, inv, pre[j - 1]);
                rk_fe_mul(inv, inv, pts[j].z);
            } else {
                rk_bn_copy(zi, inv, 4);
            }
            rk_fe_mul(t->t + 256 * i + 8 * j, pts[j].x, zi);
            rk_fe_mul(t->t + 256 * i + 8 * j + 4, pts[j].y, zi);
        }
        /*@ loop invariant 0 <= k <= 6;
            loop assigns k, base;
            loop variant 6 - k; */
        for (int k = 0; k < 6; k++)
            rk_p256_dbl(&base, &base);
    }
}

/* ------------------------------------------------------------------
 * Variable-time arithmetic for verification (public inputs only): Jacobian
 * coordinates (x = X/Z^2, y = Y/Z^3) with the cheaper a = -3 formulas
 * (dbl-2001-b, add-2007-bl, madd-2007-bl of the Explicit-Formulas
 * Database), special cases handled by branches. */
typedef struct { uint64_t x[4], y[4], z[4]; uint64_t inf; } jpt;

static const uint64_t ZERO4[4] = { 0, 0, 0, 0 };

/*@ requires \valid(r) && \valid_read(p);
    assigns *r; */
static void jdbl(jpt *r, const jpt *p)
{
    uint64_t delta[4], gamma[4], beta[4], alpha[4], t[4], u[4];
    if (p->inf != 0) {
        *r = *p;
        return;
    }
    rk_fe_sqr(delta, p->z);
    rk_fe_sqr(gamma, p->y);
    rk_fe_mul(beta, p->x, gamma);
    rk_fe_sub(t, p->x, delta);
    rk_fe_add(u, p->x, delta);
    rk_fe_mul(alpha, t, u);
    rk_fe_add(t, alpha, alpha);
    rk_fe_add(alpha, t, alpha);                 /* 3 (X - d)(X + d) */
    rk_fe_add(t, p->y, p->z);
    rk_fe_sqr(t, t);
    rk_fe_sub(t, t, gamma);
    rk_fe_sub(r->z, t, delta);                  /* Z3 (p->z no longer needed) */
    rk_fe_add(beta, beta, beta);
    rk_fe_add(beta, beta, beta);                /* 4 beta */
    rk_fe_sqr(t, alpha);
    rk_fe_sub(t, t, beta);
    rk_fe_sub(t, t, beta);                      /* X3 = alpha^2 - 8 beta */
    rk_fe_sub(u, beta, t);
    rk_bn_copy(r->x, t, 4);
    rk_fe_mul(u, alpha, u);
    rk_fe_sqr(gamma, gamma);
    rk_fe_add(gamma, gamma, gamma);
    rk_fe_add(gamma, gamma, gamma);
    rk_fe_add(gamma, gamma, gamma);             /* 8 gamma^2 */
    rk_fe_sub(r->y, u, gamma);
    r->inf = 0;
}

/* r = p + (x2, y2), the affine point finite; r may be p */
/*@ requires \valid(r) && \valid_read(p);
    requires \valid_read(x2 + (0 .. 3)) && \valid_read(y2 + (0 .. 3));
    assigns *r; */
static void jadd_aff(jpt *r, const jpt *p, const uint64_t *x2, const uint64_t *y2)
{
    uint64_t z1z1[4], u2[4], s2[4], h[4], hh[4], i[4], j[4], rr[4], v[4], t[4];
    if (p->inf != 0) {
        /* through locals: x2 and y2 may lie anywhere, r is written */
        rk_bn_copy(u2, x2, 4);
        rk_bn_copy(s2, y2, 4);
        rk_bn_copy(r->x, u2, 4);
        rk_bn_copy(r->y, s2, 4);
        rk_bn_copy(r->z, ONE_MONT, 4);
        r->inf = 0;
        return;
    }
    rk_fe_sqr(z1z1, p->z);
    rk_fe_mul(u2, x2, z1z1);
    rk_fe_mul(s2, y2, p->z);
    rk_fe_mul(s2, s2, z1z1);
    rk_fe_sub(h, u2, p->x);
    rk_fe_sub(rr, s2, p->y);
    if (rk_bn_is_zero(h, 4) == 1) {
        if (rk_bn_is_zero(rr, 4) == 1) {
            jdbl(r, p);
        } else {
            rk_bn_zero(r->x, 4);
            rk_bn_copy(r->y, ONE_MONT, 4);
            rk_bn_zero(r->z, 4);
            r->inf = 1;
        }
        return;
    }
    rk_fe_add(rr, rr, rr);
    rk_fe_sqr(hh, h);
    rk_fe_add(i, hh, hh);
    rk_fe_add(i, i, i);
    rk_fe_mul(j, h, i);
    rk_fe_mul(v, p->x, i);
    rk_fe_add(t, p->z, h);
    rk_fe_sqr(t, t);
    rk_fe_sub(t, t, z1z1);
    rk_fe_sub(r->z, t, hh);
    rk_fe_mul(s2, p->y, j);                     /* Y1 J (s2 reused) */
    rk_fe_add(s2, s2, s2);
    rk_fe_sqr(t, rr);
    rk_fe_sub(t, t, j);
    rk_fe_sub(t, t, v);
    rk_fe_sub(t, t, v);                         /* X3 */
    rk_fe_sub(v, v, t);
    rk_bn_copy(r->x, t, 4);
    rk_fe_mul(v, rr, v);
    rk_fe_sub(r->y, v, s2);
    r->inf = 0;
}

/* r = p + q (both Jacobian); r may be p */
/*@ requires \valid(r) && \valid_read(p) && \valid_read(q);
    assigns *r; */
static void jadd(jpt *r, const jpt *p, const jpt *q)
{
    uint64_t z1z1[4], z2z2[4], u1[4], u2[4], s1[4], s2[4], h[4], i[4], j[4], rr[4], v[4], t[4];
    if (q->inf != 0) {
        *r = *p;
        return;
    }
    if (p->inf != 0) {
        *r = *q;
        return;
    }
    rk_fe_sqr(z1z1, p->z);
    rk_fe_sqr(z2z2, q->z);
    rk_fe_mul(u1, p->x, z2z2);
    rk_fe_mul(u2, q->x, z1z1);
    rk_fe_mul(s1, p->y, q->z);
    rk_fe_mul(s1, s1, z2z2);
    rk_fe_mul(s2, q->y, p->z);
    rk_fe_mul(s2, s2, z1z1);
    rk_fe_sub(h, u2, u1);
    rk_fe_sub(rr, s2, s1);
    if (rk_bn_is_zero(h, 4) == 1) {
        if (rk_bn_is_zero(rr, 4) == 1) {
            jdbl(r, p);
        } else {
            rk_bn_zero(r->x, 4);
            rk_bn_copy(r->y, ONE_MONT, 4);
            rk_bn_zero(r->z, 4);
            r->inf = 1;
        }
        return;
    }
    rk_fe_add(rr, rr, rr);
    rk_fe_add(i, h, h);
    rk_fe_sqr(i, i);
    rk_fe_mul(j, h, i);
    rk_fe_mul(v, u1, i);
    rk_fe_add(t, p->z, q->z);
    rk_fe_sqr(t, t);
    rk_fe_sub(t, t, z1z1);
    rk_fe_sub(t, t, z2z2);
    rk_fe_mul(r->z, t, h);
    rk_fe_sqr(t, rr);
    rk_fe_sub(t, t, j);
    rk_fe_sub(t, t, v);
    rk_fe_sub(t, t, v);                         /* X3 */
    rk_fe_sub(v, v, t);
    rk_bn_copy(r->x, t, 4);
    rk_fe_mul(v, rr, v);
    rk_fe_mul(s1, s1, j);
    rk_fe_add(s1, s1, s1);
    rk_fe_sub(r->y, v, s1);
    r->inf = 0;
}

/* width-5 NAF of a 256-bit public scalar: digits in {0, +-1, +-3, .., +-15},
 * at most 257 of them; returns how many */
/*@ requires \valid_read(k + (0 .. 3)) && \valid(naf + (0 .. 257));
    assigns naf[0 .. 257];
    ensures \result <= 258;
    ensures \forall integer j; 0 <= j < 258 ==> -16 <= naf[j] <= 15; */
static size_t wnaf5(int8_t naf[258], const uint64_t k[4])
{
    uint64_t t[5] = { k[0], k[1], k[2], k[3], 0 };
    size_t n = 0;
    /*@ loop invariant 0 <= i <= 258;
        loop invariant \forall integer j; 0 <= j < i ==> naf[j] == 0;
        loop assigns i, naf[0 .. 257];
        loop variant 258 - i; */
    for (size_t i = 0; i < 258; i++)
        naf[i] = 0;
    /*@ loop invariant 0 <= n <= 258;
        loop invariant \forall integer j; 0 <= j < 258 ==> -16 <= naf[j] <= 15;
        loop assigns n, t[0 .. 4], naf[0 .. 257];
        loop variant 258 - n; */
    while (n < 258 && (t[0] | t[1] | t[2] | t[3] | t[4]) != 0) {
        if (t[0] % 2u == 1u) {
            uint64_t d = t[0] % 32u;
            if (d >= 16u) {
                /* digit d - 32 < 0: t += 32 - d */
                uint64_t c = rk_bn_adc64(&t[0], t[0], 32u - d, 0);
                /*@ loop invariant 1 <= i <= 5 && c <= 1;
                    loop assigns i, c, t[1 .. 4];
                    loop variant 5 - i; */
                for (size_t i = 1; i < 5; i++)
                    c = rk_bn_adc64(&t[i], t[i], 0, c);
                naf[n] = (int8_t)((int)d - 32);
            } else {
                t[0] -= d;
                naf[n] = (int8_t)d;
            }
        }
        /* t >>= 1 */
        /*@ loop invariant 0 <= i <= 4;
            loop assigns i, t[0 .. 4];
            loop variant 4 - i; */
        for (size_t i = 0; i < 4; i++)
            t[i] = t[i] / 2u + (t[i + 1] % 2u) * 0x8000000000000000ULL;
        t[4] = t[4] / 2u;
        n++;
    }
    return n;
}

/* acc += d_i 64^i T for the Booth digit of u in row i (vartime) */
/*@ requires \valid(acc) && \valid_read(row + (0 .. 255)) && \valid_read(u + (0 .. 3));
    requires i < 43 && \valid(carry) && *carry <= 1;
    requires \separated(acc, carry);
    assigns *acc, *carry;
    ensures *carry <= 1; */
static void jadd_row(jpt *acc, const uint64_t *row, const uint64_t u[4], size_t i, uint64_t *carry)
{
    static const uint64_t zero[4] = { 0, 0, 0, 0 };
    uint64_t mag, ny[4];
    uint64_t neg = booth6(u, i, carry, &mag);
    if (mag == 0)
        return;
    const uint64_t *e = row + 8 * (mag - 1u);
    if (neg != 0) {
        rk_fe_sub(ny, zero, e + 4);
        jadd_aff(acc, acc, e, ny);
    } else {
        jadd_aff(acc, acc, e, e + 4);
    }
}

void rk_p256_mul3_vartime(rk_p256_point *r, const uint64_t u1[4],
                          const rk_p256_table *t, const uint64_t u2[4],
                          const rk_p256_affine *p, const uint64_t u3[4])
{
    /* [u3]P by width-5 NAF (the only part that doubles), then the two
     * fixed-base sums, skipping zero digits: all inputs are public */
    jpt odd[8], acc, p2;
    int8_t naf[258];
    uint64_t ny[4], z3[4];
    rk_bn_copy(odd[0].x, p->x, 4);
    rk_bn_copy(odd[0].y, p->y, 4);
    rk_bn_copy(odd[0].z, ONE_MONT, 4);
    odd[0].inf = 0;
    jdbl(&p2, &odd[0]);
    /*@ loop invariant 1 <= i <= 8;
        loop assigns i, odd[1 .. 7];
        loop variant 8 - i; */
    for (size_t i = 1; i < 8; i++)
        jadd(&odd[i], &odd[i - 1], &p2);       /* (2i + 1) P */
    size_t n = wnaf5(naf, u3);
    acc.inf = 1;
    rk_bn_zero(acc.x, 4);
    rk_bn_copy(acc.y, ONE_MONT, 4);
    rk_bn_zero(acc.z, 4);
    /*@ loop invariant 0 <= i <= n;
        loop assigns i, acc, ny[0 .. 3];
        loop variant i; */
    for (size_t i = n; i > 0; i--) {
        int d = naf[i - 1];
        jdbl(&acc, &acc);
        if (d > 0) {
            jadd(&acc, &acc, &odd[(d - 1) / 2]);
        } else if (d < 0) {
            jpt m = odd[(-d - 1) / 2];
            rk_fe_sub(ny, ZERO4, m.y);
            rk_bn_copy(m.y, ny, 4);
            jadd(&acc, &acc, &m);
        }
    }
    uint64_t c1 = 0, c2 = 0;
    /*@ loop invariant 0 <= i <= 43 && c1 <= 1 && c2 <= 1;
        loop assigns i, acc, c1, c2;
        loop variant 43 - i; */
    for (size_t i = 0; i < 43; i++) {
        jadd_row(&acc, rk_p256_gtab_row(i), u1, i, &c1);
        if (t != 0)
            jadd_row(&acc, t->t + 256 * i, u2, i, &c2);
    }
    /* Jacobian to projective: (X Z, Y, Z^3) */
    if (acc.inf != 0) {
        rk_p256_set_infinity(r);
        return;
    }
    rk_fe_mul(r->x, acc.x, acc.z);
    rk_bn_copy(r->y, acc.y, 4);
    rk_fe_sqr(z3, acc.z);
    rk_fe_mul(r->z, z3, acc.z);
}
