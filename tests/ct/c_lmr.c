/* SPDX-License-Identifier: Apache-2.0 */
/* Constant-time check: the LMR block codec with the key octets secret (its
 * layout and identifiers are public metadata). */
#include "ct_harness.h"
#include "rootkey/lmr.h"

static void lmr_codec(void)
{
    rk_lmr_block b, back;
    uint8_t buf[RK_LMR_MAX_BYTES];
    size_t n;
    memset(&b, 0, sizeof b);
    b.lmr_type = RK_LMR_P25;
    b.wacn = 0xBEE00; b.system_id = 0x3A1; b.unit_id = 1234567;
    b.algid = 0x84; b.key_id = 0xF1A2; b.keyset_id = 1;
    b.key_len = 32;
    ct_fill(b.key, 32, 21);
    CT_SECRET(b.key, 32);
    rk_status s1 = rk_lmr_encode(buf, sizeof buf, &n, &b);
    CT_USE(s1);
    CT_USE(n);
    rk_status s2 = rk_lmr_decode(&back, buf, n);
    CT_USE(s2);
    CT_USE_BUF(back.key, 32);
    rk_lmr_wipe(&back);
}

RK_CT_CHECKS(lmr) = {
    { "lmr_codec", lmr_codec },
    { 0, 0 }
};
