/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/bn.h */
#include "rootkey/bn.h"
#include "rootkey/ct.h"

#define NMAX RK_BN_MAX_LIMBS

rk_status rk_bn_mont_init(rk_bn_mont_ctx *c, const uint64_t *m, size_t n)
{
    c->n = 0;
    c->m0inv = 0;
    rk_bn_zero(c->m, NMAX);
    rk_bn_zero(c->rr, NMAX);
    rk_bn_zero(c->one, NMAX);
    if (n < 1 || n > NMAX)
        return RK_ERR_BN_MODULUS;
    /* m odd and m > 1 (m == 1 would make every residue 0) */
    uint64_t hi = 0;
    /*@ loop invariant 1 <= i <= n;
        loop assigns i, hi;
        loop variant n - i; */
    for (size_t i = 1; i < n; i++)
        hi |= m[i];
    if (m[0] % 2u == 0 || (hi == 0 && m[0] == 1))
        return RK_ERR_BN_MODULUS;
    rk_bn_copy(c->m, m, n);
    c->n = n;
    /* Newton: x = m0 is an inverse mod 2^3 (odd squares are 1 mod 8); each
     * step x(2 - m0 x) doubles the number of correct bits: 3, 6, 12, 24, 48, 96 */
    uint64_t x = m[0];
    /*@ loop invariant 0 <= k <= 5;
        loop assigns k, x;
        loop variant 5 - k; */
    for (int k = 0; k < 5; k++)
        x = x * (2u - m[0] * x);
    c->m0inv = 0u - x;
    /* R mod m and R^2 mod m by doubling 1 (which is < m): 64 n doublings
     * give R, 64 n more give R^2.  One-time cost per modulus. */
    uint64_t t[NMAX];
    rk_bn_set_u64(t, n, 1);
    /*@ loop invariant 0 <= k <= 128 * n;
        loop invariant c->n == n;
        loop assigns k, t[0 .. NMAX - 1], c->one[0 .. NMAX - 1], c->rr[0 .. NMAX - 1];
        loop variant 128 * n - k; */
    for (size_t k = 0; k < 128 * n; k++) {
        rk_bn_mod_add(t, t, t, c->m, n);
        if (k + 1 == 64 * n)
            rk_bn_copy(c->one, t, n);
    }
    rk_bn_copy(c->rr, t, n);
    return RK_OK;
}

/* CIOS Montgomery multiplication.  With a < R and b < m (or the other way
 * round) the running value stays below a + m < 2R, so n + 2 limbs hold it,
 * and the result before the last subtraction is below ab/R + m < 2m. */
void rk_bn_mont_mul(uint64_t *r, const uint64_t *a, const uint64_t *b,
                    const rk_bn_mont_ctx *c)
{
    const size_t n = c->n;
    const uint64_t *m = c->m;
    uint64_t t[NMAX + 2], u[NMAX];
    uint64_t C, mq, junk;

    /*@ loop invariant 0 <= k <= NMAX + 2;
        loop assigns k, t[0 .. NMAX + 1];
        loop variant NMAX + 2 - k; */
    for (size_t k = 0; k < NMAX + 2; k++)
        t[k] = 0;

    /*@ loop invariant 0 <= i <= n;
        loop assigns i, C, mq, junk, t[0 .. NMAX + 1];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++) {
        C = 0;
        /*@ loop invariant 0 <= j <= n;
            loop assigns j, C, t[0 .. NMAX + 1];
            loop variant n - j; */
        for (size_t j = 0; j < n; j++)
            C = rk_bn_mac64(&t[j], a[j], b[i], t[j], C);
        C = rk_bn_adc64(&t[n], t[n], C, 0);
        t[n + 1] = C;

        mq = t[0] * c->m0inv;                      /* mod 2^64 by design */
        C = rk_bn_mac64(&junk, mq, m[0], t[0], 0);  /* low limb becomes 0 */
        /*@ loop invariant 1 <= j <= n;
            loop assigns j, C, t[0 .. NMAX + 1];
            loop variant n - j; */
        for (size_t j = 1; j < n; j++)
            C = rk_bn_mac64(&t[j - 1], mq, m[j], t[j], C);
        C = rk_bn_mac64(&t[n - 1], 1, t[n], C, 0);  /* t[n-1] = t[n] + C */
        t[n] = t[n + 1] + C;
    }

    /* r = t - m when t >= m (t[n] set, or no borrow), else t: no branch */
    uint64_t bw = rk_bn_sub(u, t, m, n);
    uint64_t top = 1u - rk_ct_is_zero64(t[n]);
    uint64_t nb = 1u - bw;
    uint64_t use_u = top + nb - top * nb;
    /*@ assert use_u == 0 || use_u == 1; */
    rk_ct_select64(r, u, t, n, rk_ct_mask64(use_u));
    rk_wipe_u64(t, NMAX + 2);
    rk_wipe_u64(u, NMAX);
}

void rk_bn_mont_sqr(uint64_t *r, const uint64_t *a, const rk_bn_mont_ctx *c)
{
    rk_bn_mont_mul(r, a, a, c);
}

void rk_bn_to_mont(uint64_t *r, const uint64_t *a, const rk_bn_mont_ctx *c)
{
    rk_bn_mont_mul(r, a, c->rr, c);
}

void rk_bn_from_mont(uint64_t *r, const uint64_t *a, const rk_bn_mont_ctx *c)
{
    uint64_t one[NMAX];
    rk_bn_set_u64(one, c->n, 1);
    rk_bn_mont_mul(r, a, one, c);
}

void rk_bn_mont_pow_public(uint64_t *r, const uint64_t *a, const uint64_t *e,
                           size_t elen, const rk_bn_mont_ctx *c)
{
    const size_t n = c->n;
    uint64_t acc[NMAX], base[NMAX];
    rk_bn_copy(base, a, n);
    rk_bn_copy(acc, c->one, n);
    /* left to right over the bits of the public exponent */
    /*@ loop invariant 0 <= i <= 64 * elen;
        loop assigns i, acc[0 .. NMAX - 1];
        loop variant i; */
    for (size_t i = 64 * elen; i > 0; i--) {
        size_t bit = i - 1;
        rk_bn_mont_sqr(acc, acc, c);
        if ((e[bit / 64] >> (bit % 64)) % 2u == 1u)
            rk_bn_mont_mul(acc, acc, base, c);
    }
    rk_bn_copy(r, acc, n);
    rk_wipe_u64(acc, NMAX);
    rk_wipe_u64(base, NMAX);
}

void rk_bn_mont_pow_secret(uint64_t *r, const uint64_t *a, const uint64_t *e,
                           size_t elen, const rk_bn_mont_ctx *c)
{
    const size_t n = c->n;
    /* tab[16 k .. 16 k + 15] = a^k (Montgomery form), stride NMAX */
    uint64_t tab[16 * NMAX], acc[NMAX], sel[NMAX];
    rk_wipe_u64(tab, 16 * NMAX);   /* zero (entries beyond n limbs stay 0) */
    rk_bn_copy(tab, c->one, n);
    rk_bn_copy(tab + NMAX, a, n);
    /*@ loop invariant 2 <= k <= 16;
        loop assigns k, tab[0 .. 16 * NMAX - 1];
        loop variant 16 - k; */
    for (size_t k = 2; k < 16; k++)
        rk_bn_mont_mul(tab + NMAX * k, tab + NMAX * (k - 1), a, c);
    rk_bn_copy(acc, c->one, n);
    /* 16 windows of 4 bits per limb, most significant first */
    /*@ loop invariant 0 <= w <= 16 * elen;
        loop assigns w, acc[0 .. NMAX - 1], sel[0 .. NMAX - 1];
        loop variant w; */
    for (size_t w = 16 * elen; w > 0; w--) {
        size_t k = w - 1;
        rk_bn_mont_sqr(acc, acc, c);
        rk_bn_mont_sqr(acc, acc, c);
        rk_bn_mont_sqr(acc, acc, c);
        rk_bn_mont_sqr(acc, acc, c);
        size_t idx = (size_t)((e[k / 16] >> (4 * (k % 16))) % 16u);
        rk_ct_lookup64(sel, tab, 16, NMAX, idx);
        rk_bn_mont_mul(acc, acc, sel, c);
    }
    rk_bn_copy(r, acc, n);
    rk_wipe_u64(tab, 16 * NMAX);
    rk_wipe_u64(acc, NMAX);
    rk_wipe_u64(sel, NMAX);
}

void rk_bn_mont_inv(uint64_t *r, const uint64_t *a, const rk_bn_mont_ctx *c)
{
    uint64_t e[NMAX], two[NMAX];
    rk_bn_set_u64(two, c->n, 2);
    (void)rk_bn_sub(e, c->m, two, c->n);   /* m - 2, public */
    rk_bn_mont_pow_public(r, a, e, c->n, c);
}

void rk_bn_reduce_bytes(uint64_t *r, const uint8_t *in, size_t len,
                        const rk_bn_mont_ctx *c)
{
    const size_t n = c->n;
    const size_t cb = 8 * n;                 /* octets per chunk */
    uint64_t acc[NMAX], x[NMAX], y[NMAX];
    /* acc holds (value so far) R mod m: each chunk multiplies the value by R
     * and adds the chunk, i.e. acc := acc R + chunk R (both by mont_mul
     * with R^2; chunk < R is allowed there). */
    rk_bn_zero(acc, NMAX);
    size_t first = len % cb;
    size_t pos = 0;
    if (first == 0 && len > 0)
        first = cb;
    /*@ loop invariant 0 <= pos <= len;
        loop invariant 0 <= first <= cb;
        loop assigns pos, first, acc[0 .. NMAX - 1], x[0 .. NMAX - 1], y[0 .. NMAX - 1];
        loop variant len - pos; */
    while (pos < len) {
        size_t take = first;
        if (take > len - pos)
            take = len - pos;
        if (take == 0)
            take = len - pos < cb ? len - pos : cb;
        rk_bn_from_bytes(x, n, in + pos, take);
        rk_bn_mont_mul(y, x, c->rr, c);
        rk_bn_mont_mul(acc, acc, c->rr, c);
        rk_bn_mod_add(acc, acc, y, c->m, n);
        pos += take;
        first = cb;
    }
    rk_bn_from_mont(r, acc, c);
    rk_wipe_u64(acc, NMAX);
    rk_wipe_u64(x, NMAX);
    rk_wipe_u64(y, NMAX);
}
