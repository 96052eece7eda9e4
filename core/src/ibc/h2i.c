/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/hash.h - RFC 6508 5.1 HashToIntegerRange (SHA-256) */
#include "rootkey/hash.h"
#include "rootkey/ct.h"

void rk_h2i_blocks(uint8_t *out, size_t l, const uint8_t *s, size_t slen)
{
    uint8_t a[32], h[32], hv[64];
    rk_sha256(a, s, slen);                      /* step 1: A = hashfn(s) */
    /*@ loop invariant 0 <= k <= 32;
        loop assigns k, h[0 .. 31];
        loop variant 32 - k; */
    for (size_t k = 0; k < 32; k++)
        h[k] = 0;                               /* step 2: h_0 = 00..00 */
    /*@ loop invariant 0 <= k <= 32;
        loop assigns k, hv[32 .. 63];
        loop variant 32 - k; */
    for (size_t k = 0; k < 32; k++)
        hv[32 + k] = a[k];
    /*@ loop invariant 0 <= i <= l;
        loop assigns i, h[0 .. 31], hv[0 .. 31], out[0 .. 32 * l - 1];
        loop variant l - i; */
    for (size_t i = 0; i < l; i++) {
        rk_sha256(h, h, 32);                    /* step 4a: h_i = hashfn(h_{i-1}) */
        /*@ loop invariant 0 <= k <= 32;
            loop assigns k, hv[0 .. 31];
            loop variant 32 - k; */
        for (size_t k = 0; k < 32; k++)
            hv[k] = h[k];
        rk_sha256(out + 32 * i, hv, 64);        /* step 4b: v_i = hashfn(h_i || A) */
    }
    rk_wipe(a, 32);
    rk_wipe(h, 32);
    rk_wipe(hv, 64);
}

void rk_h2i_mask(uint8_t out[16], const uint8_t *s, size_t slen)
{
    uint8_t v[32];
    rk_h2i_blocks(v, 1, s, slen);               /* n = 2^128: l = 1 */
    /*@ loop invariant 0 <= k <= 16;
        loop assigns k, out[0 .. 15];
        loop variant 16 - k; */
    for (size_t k = 0; k < 16; k++)
        out[k] = v[16 + k];                     /* step 6: v' mod 2^128 */
    rk_wipe(v, 32);
}
