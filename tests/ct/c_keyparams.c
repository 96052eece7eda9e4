/* SPDX-License-Identifier: Apache-2.0 */
/* Constant-time checks of keyparams: the GUK-ID derivation takes the GMK
 * (secret); only the GUK-ID, which travels in clear as the CSB-ID, is made
 * public.  The codecs handle public data only (nothing to check). */
#include "ct_harness.h"
#include "rootkey/keyparams.h"

static void guk_id(void)
{
    uint8_t gmk[16];
    static const uint8_t user[] = "sip:alice@streamwide.com";
    uint32_t guk = 0;
    ct_fill(gmk, sizeof gmk, 21);
    CT_SECRET(gmk, sizeof gmk);
    rk_status st = rk_keyparams_guk_id(&guk, gmk, sizeof gmk, 0x0DF9BC39u, user, sizeof user - 1);
    CT_USE(st);
    CT_USE(guk);
}

RK_CT_CHECKS(keyparams) = {
    { "guk_id", guk_id },
    { 0, 0 }
};
