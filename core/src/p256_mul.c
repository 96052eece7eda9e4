/* see rootkey/p256.h */
#include "rootkey/p256.h"
#include "p256_fe.h"

/* digit i (0..63) of k in base 16 */
/*@ requires \valid_read(k + (0 .. 3)) && i < 64;
    assigns \nothing;
    ensures \result < 16; */
static size_t nibble(const uint64_t k[4], size_t i)
{
    return (size_t)((k[i / 16] >> (4 * (i % 16))) % 16u);
}

/*@ requires \valid(a) && \valid_read(w + (0 .. 7));
    assigns *a; */
static void affine_from_words(rk_p256_affine *a, const uint64_t *w)
{
    rk_bn_copy(a->x, w, 4);
    rk_bn_copy(a->y, w + 4, 4);
}

/*@ requires \valid(r) && \valid_read(row + (0 .. 119)) && d < 16;
    assigns *r; */
static void add_row_ct(rk_p256_point *r, const uint64_t *row, size_t d)
{
    /* d == 0 selects nothing: lookup of index d - 1 (wraps to SIZE_MAX) reads
     * all 15 entries and returns zeros, and the sum is then discarded */
    uint64_t e[8];
    rk_p256_affine a;
    rk_p256_point s;
    rk_ct_lookup64(e, row, 15, 8, d - 1u);
    affine_from_words(&a, e);
    rk_p256_add_affine(&s, r, &a);
    uint64_t use = 1u - rk_ct_is_zero64((uint64_t)d);
    rk_bn_cmov(r->x, s.x, 4, use);
    rk_bn_cmov(r->y, s.y, 4, use);
    rk_bn_cmov(r->z, s.z, 4, use);
    rk_wipe_u64(e, 8);
    rk_wipe_u64(a.x, 4); rk_wipe_u64(a.y, 4);
    rk_wipe_u64(s.x, 4); rk_wipe_u64(s.y, 4); rk_wipe_u64(s.z, 4);
}

void rk_p256_mul_base(rk_p256_point *r, const uint64_t k[4])
{
    /* [k]G = sum over i of [d_i 16^i]G, each term a table entry */
    rk_p256_point acc;
    rk_p256_set_infinity(&acc);
    /*@ loop invariant 0 <= i <= 64;
        loop assigns i, acc;
        loop variant 64 - i; */
    for (size_t i = 0; i < 64; i++)
        add_row_ct(&acc, rk_p256_gtab_row(i), nibble(k, i));
    *r = acc;
    rk_wipe_u64(acc.x, 4); rk_wipe_u64(acc.y, 4); rk_wipe_u64(acc.z, 4);
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
    /* row i: k B for k = 1..15 with B = 16^i P; the 15 Z coordinates of a
     * row are inverted together (Montgomery's trick: one inversion a row) */
    rk_p256_point base, pts[15];
    uint64_t pre[15][4], inv[4], zi[4];
    rk_p256_from_affine(&base, p);
    /*@ loop invariant 0 <= i <= 64;
        loop assigns i, base, pts[0 .. 14], pre[0 .. 14][0 .. 3], inv[0 .. 3], zi[0 .. 3], t->t[0 .. 64 * 120 - 1];
        loop variant 64 - i; */
    for (size_t i = 0; i < 64; i++) {
        pts[0] = base;
        /*@ loop invariant 1 <= k <= 15;
            loop assigns k, pts[1 .. 14];
            loop variant 15 - k; */
        for (size_t k = 1; k < 15; k++)
            rk_p256_add(&pts[k], &pts[k - 1], &base);
        /* pre[k] = z0 z1 ... zk */
        rk_bn_copy(pre[0], pts[0].z, 4);
        /*@ loop invariant 1 <= k <= 15;
            loop assigns k, pre[1 .. 14][0 .. 3];
            loop variant 15 - k; */
        for (size_t k = 1; k < 15; k++)
            rk_fe_mul(pre[k], pre[k - 1], pts[k].z);
        rk_p256_fe_inv(inv, pre[14]);
        /*@ loop invariant 0 <= k <= 15;
            loop assigns k, inv[0 .. 3], zi[0 .. 3], t->t[0 .. 64 * 120 - 1];
            loop variant k; */
        for (size_t k = 15; k > 0; k--) {
            size_t j = k - 1;
            /* inv = (z0 .. zj)^-1 here */
            if (j > 0) {
                rk_fe_mul(zi, inv, pre[j - 1]);
                rk_fe_mul(inv, inv, pts[j].z);
            } else {
                rk_bn_copy(zi, inv, 4);
            }
            rk_fe_mul(t->t + 120 * i + 8 * j, pts[j].x, zi);
            rk_fe_mul(t->t + 120 * i + 8 * j + 4, pts[j].y, zi);
        }
        rk_p256_dbl(&base, &base);
        rk_p256_dbl(&base, &base);
        rk_p256_dbl(&base, &base);
        rk_p256_dbl(&base, &base);
    }
}

/*@ requires \valid(r) && \valid_read(row + (0 .. 119)) && 1 <= d < 16;
    assigns *r; */
static void add_row_vartime(rk_p256_point *r, const uint64_t *row, size_t d)
{
    rk_p256_affine a;
    affine_from_words(&a, row + 8 * (d - 1));
    rk_p256_add_affine(r, r, &a);
}

void rk_p256_mul3_vartime(rk_p256_point *r, const uint64_t u1[4],
                          const rk_p256_table *t, const uint64_t u2[4],
                          const rk_p256_affine *p, const uint64_t u3[4])
{
    /* [u3]P by 4-bit windows (the only part that doubles), then the two
     * fixed-base sums, skipping zero digits: all inputs are public */
    rk_p256_point tab[16], acc;
    rk_p256_set_infinity(&tab[0]);
    rk_p256_from_affine(&tab[1], p);
    /*@ loop invariant 2 <= d <= 16;
        loop assigns d, tab[2 .. 15];
        loop variant 16 - d; */
    for (size_t d = 2; d < 16; d++)
        rk_p256_add_affine(&tab[d], &tab[d - 1], p);
    rk_p256_set_infinity(&acc);
    /*@ loop invariant 0 <= w <= 64;
        loop assigns w, acc;
        loop variant w; */
    for (size_t w = 64; w > 0; w--) {
        rk_p256_dbl(&acc, &acc);
        rk_p256_dbl(&acc, &acc);
        rk_p256_dbl(&acc, &acc);
        rk_p256_dbl(&acc, &acc);
        size_t d = nibble(u3, w - 1);
        if (d != 0)
            rk_p256_add(&acc, &acc, &tab[d]);
    }
    /*@ loop invariant 0 <= i <= 64;
        loop assigns i, acc;
        loop variant 64 - i; */
    for (size_t i = 0; i < 64; i++) {
        size_t d = nibble(u1, i);
        if (d != 0)
            add_row_vartime(&acc, rk_p256_gtab_row(i), d);
        if (t != 0) {
            d = nibble(u2, i);
            if (d != 0)
                add_row_vartime(&acc, t->t + 120 * i, d);
        }
    }
    *r = acc;
}
