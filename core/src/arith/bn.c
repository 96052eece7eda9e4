/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/bn.h */
#include "rootkey/bn.h"
#include "rootkey/ct.h"

void rk_bn_zero(uint64_t *r, size_t n)
{
    /*@ loop invariant 0 <= i <= n;
        loop invariant \forall integer k; 0 <= k < i ==> r[k] == 0;
        loop assigns i, r[0 .. n - 1];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        r[i] = 0;
}

void rk_bn_copy(uint64_t *r, const uint64_t *a, size_t n)
{
    /*@ loop invariant 0 <= i <= n;
        loop invariant \forall integer k; 0 <= k < i ==> r[k] == \at(a[k], Pre);
        loop invariant \forall integer k; i <= k < n ==> a[k] == \at(a[k], Pre);
        loop assigns i, r[0 .. n - 1];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        r[i] = a[i];
}

void rk_bn_set_u64(uint64_t *r, size_t n, uint64_t v)
{
    rk_bn_zero(r, n);
    r[0] = v;
}

void rk_bn_from_bytes(uint64_t *r, size_t n, const uint8_t *in, size_t len)
{
    rk_bn_zero(r, n);
    /* byte i counted from the least significant end goes to limb i / 8 */
    /*@ loop invariant 0 <= i <= len;
        loop assigns i, r[0 .. n - 1];
        loop variant len - i; */
    for (size_t i = 0; i < len; i++) {
        /*@ assert i / 8 < n; */
        r[i / 8] |= (uint64_t)in[len - 1 - i] << (8 * (i % 8));
    }
}

void rk_bn_to_bytes(uint8_t *out, size_t len, const uint64_t *a, size_t n)
{
    (void)n;   /* bounds len only (see the contract) */
    /*@ loop invariant 0 <= i <= len;
        loop assigns i, out[0 .. len - 1];
        loop variant len - i; */
    for (size_t i = 0; i < len; i++) {
        /*@ assert i / 8 < n; */
        out[len - 1 - i] = (uint8_t)((a[i / 8] >> (8 * (i % 8))) % 256u);
    }
}

uint64_t rk_bn_add(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n)
{
    uint64_t c = 0;
    /*@ loop invariant 0 <= i <= n && c <= 1;
        loop assigns i, c, r[0 .. n - 1];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        c = rk_bn_adc64(&r[i], a[i], b[i], c);
    return c;
}

uint64_t rk_bn_sub(uint64_t *r, const uint64_t *a, const uint64_t *b, size_t n)
{
    uint64_t c = 0;
    /*@ loop invariant 0 <= i <= n && c <= 1;
        loop assigns i, c, r[0 .. n - 1];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        c = rk_bn_sbb64(&r[i], a[i], b[i], c);
    return c;
}

uint64_t rk_bn_lt(const uint64_t *a, const uint64_t *b, size_t n)
{
    /* the final borrow of a - b is 1 exactly when a < b */
    uint64_t c = 0, t;
    /*@ loop invariant 0 <= i <= n && c <= 1;
        loop assigns i, c, t;
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        c = rk_bn_sbb64(&t, a[i], b[i], c);
    return c;
}

uint64_t rk_bn_eq(const uint64_t *a, const uint64_t *b, size_t n)
{
    uint64_t d = 0;
    /*@ loop invariant 0 <= i <= n;
        loop invariant d == 0 <==> (\forall integer k; 0 <= k < i ==> a[k] == b[k]);
        loop assigns i, d;
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        d = rk_ct_diff64(d, a[i], b[i]);
    return rk_ct_is_zero64(d);
}

uint64_t rk_bn_is_zero(const uint64_t *a, size_t n)
{
    uint64_t d = 0;
    /*@ loop invariant 0 <= i <= n;
        loop invariant d == 0 <==> (\forall integer k; 0 <= k < i ==> a[k] == 0);
        loop assigns i, d;
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        d = rk_ct_diff64(d, a[i], 0);
    return rk_ct_is_zero64(d);
}

void rk_bn_cmov(uint64_t *r, const uint64_t *a, size_t n, uint64_t bit)
{
    rk_ct_select64(r, a, r, n, rk_ct_mask64(bit));
}

void rk_bn_mod_add(uint64_t *r, const uint64_t *a, const uint64_t *b,
                   const uint64_t *m, size_t n)
{
    uint64_t t[RK_BN_MAX_LIMBS], u[RK_BN_MAX_LIMBS];
    uint64_t c = rk_bn_add(t, a, b, n);
    uint64_t bw = rk_bn_sub(u, t, m, n);
    /* a + b < 2m: subtract m when the sum carried out or did not borrow */
    uint64_t nb = 1u - bw;
    uint64_t keep_u = c + nb - c * nb;   /* c OR (not bw), in arithmetic */
    /*@ assert keep_u == 0 || keep_u == 1; */
    rk_ct_select64(r, u, t, n, rk_ct_mask64(keep_u));
    rk_wipe_u64(t, RK_BN_MAX_LIMBS);
    rk_wipe_u64(u, RK_BN_MAX_LIMBS);
}

void rk_bn_mod_sub(uint64_t *r, const uint64_t *a, const uint64_t *b,
                   const uint64_t *m, size_t n)
{
    uint64_t t[RK_BN_MAX_LIMBS], u[RK_BN_MAX_LIMBS];
    uint64_t bw = rk_bn_sub(t, a, b, n);
    (void)rk_bn_add(u, t, m, n);
    /* a - b went negative exactly when it borrowed: add m back */
    rk_ct_select64(r, u, t, n, rk_ct_mask64(bw));
    rk_wipe_u64(t, RK_BN_MAX_LIMBS);
    rk_wipe_u64(u, RK_BN_MAX_LIMBS);
}
