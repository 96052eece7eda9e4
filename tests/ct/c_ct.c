/* SPDX-License-Identifier: Apache-2.0 */
/* Constant-time checks of the helpers themselves. */
#include "ct_harness.h"
#include "rootkey/ct.h"

static void memeq(void)
{
    uint8_t a[64], b[64];
    ct_fill(a, 64, 1);
    memcpy(b, a, 64);
    b[63] ^= 1;
    CT_SECRET(a, 64);
    CT_SECRET(b, 64);
    uint64_t r = rk_ct_memeq(a, b, 64);
    uint64_t z = rk_ct_is_zero(a, 64);
    CT_USE(r);
    CT_USE(z);
}

static void select_lookup(void)
{
    uint64_t t[16 * 4], out[4], x[4], y[4];
    ct_fill((uint8_t *)t, sizeof t, 2);
    ct_fill((uint8_t *)x, sizeof x, 3);
    ct_fill((uint8_t *)y, sizeof y, 4);
    size_t idx = 11;
    uint64_t bit = 1;
    uint8_t r8[16], a8[16];
    ct_fill(r8, 16, 5);
    ct_fill(a8, 16, 6);
    CT_SECRET(&idx, sizeof idx);
    CT_SECRET(&bit, sizeof bit);
    CT_SECRET(t, sizeof t);
    rk_ct_lookup64(out, t, 16, 4, idx);
    rk_ct_select64(x, x, y, 4, rk_ct_mask64(bit));
    rk_ct_cmov8(r8, a8, 16, bit);
    CT_USE_BUF(out, sizeof out);
    CT_USE_BUF(x, sizeof x);
    CT_USE_BUF(r8, sizeof r8);
}

static void wipe(void)
{
    uint8_t k[32];
    ct_fill(k, 32, 7);
    CT_SECRET(k, 32);
    rk_wipe(k, 32);
    CT_USE_BUF(k, 32);
}

RK_CT_CHECKS(ct) = {
    { "ct_memeq", memeq },
    { "ct_select_lookup", select_lookup },
    { "ct_wipe", wipe },
    { 0, 0 }
};
