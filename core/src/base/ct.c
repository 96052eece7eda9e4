/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/ct.h */
#include "rootkey/ct.h"

uint64_t rk_ct_memeq(const uint8_t *a, const uint8_t *b, size_t n)
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

uint64_t rk_ct_is_zero(const uint8_t *a, size_t n)
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

void rk_ct_cmov8(uint8_t *r, const uint8_t *a, size_t n, uint64_t bit)
{
    uint64_t m = rk_ct_mask64(bit);
    /*@ loop invariant 0 <= i <= n;
        loop invariant bit == 1 ==> \forall integer k; 0 <= k < i ==> r[k] == a[k];
        loop invariant \forall integer k; i <= k < n ==> r[k] == \at(r[k], Pre);
        loop invariant bit == 0 ==> \forall integer k; 0 <= k < n ==> r[k] == \at(r[k], Pre);
        loop assigns i, r[0 .. n - 1];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++) {
        uint64_t v = rk_ct_sel64(a[i], r[i], m);
        /*@ assert v == a[i] || v == r[i]; */
        r[i] = (uint8_t)v;
    }
}

void rk_ct_select64(uint64_t *r, const uint64_t *a, const uint64_t *b,
                    size_t n, uint64_t m)
{
    /*@ loop invariant 0 <= i <= n;
        loop invariant m == 0 ==> \forall integer k; 0 <= k < i ==> r[k] == \at(b[k], Pre);
        loop invariant m != 0 ==> \forall integer k; 0 <= k < i ==> r[k] == \at(a[k], Pre);
        loop invariant \forall integer k; i <= k < n ==> a[k] == \at(a[k], Pre) && b[k] == \at(b[k], Pre);
        loop assigns i, r[0 .. n - 1];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        r[i] = rk_ct_sel64(a[i], b[i], m);
}

void rk_ct_lookup64(uint64_t *r, const uint64_t *table, size_t count,
                    size_t width, size_t idx)
{
    /*@ loop invariant 0 <= k <= width;
        loop invariant \forall integer j; 0 <= j < k ==> r[j] == 0;
        loop assigns k, r[0 .. width - 1];
        loop variant width - k; */
    for (size_t k = 0; k < width; k++)
        r[k] = 0;
    /*@ loop invariant 0 <= e <= count;
        loop invariant idx < e ==> \forall integer j; 0 <= j < width ==> r[j] == table[idx * width + j];
        loop invariant idx >= e ==> \forall integer j; 0 <= j < width ==> r[j] == 0;
        loop assigns e, r[0 .. width - 1];
        loop variant count - e; */
    for (size_t e = 0; e < count; e++) {
        uint64_t m = rk_ct_mask64(rk_ct_eq64(e, idx));
        /*@ loop invariant 0 <= k <= width;
            loop invariant e == idx ==> \forall integer j; 0 <= j < k ==> r[j] == table[e * width + j];
            loop invariant e != idx ==> \forall integer j; 0 <= j < k ==> r[j] == \at(r[j], LoopEntry);
            loop invariant \forall integer j; k <= j < width ==> r[j] == \at(r[j], LoopEntry);
            loop assigns k, r[0 .. width - 1];
            loop variant width - k; */
        for (size_t k = 0; k < width; k++)
            r[k] = rk_ct_sel64(table[e * width + k], r[k], m);
    }
}
