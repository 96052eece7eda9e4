/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz rk_xcap_merge (shims/xcap/merge.c) with the CMS's document as
 * attacker input: an accepted document comes back either unchanged (no
 * output) or as a document the profile reader accepts, holding the element
 * exactly once and no element of the same LMR type and KMS more than one
 * period older; a refusal leaves no output. */
#include <stdlib.h>
#include <string.h>
#include "rootkey/profile.h"
#include "xcap/xcap.h"

#define KMS "kms.fuzz"
#define PERIOD 42u

static rk_profile_ctx ctx;
static rk_profile_element els[1024];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint8_t el[512];
    static size_t elen;
    if (!elen && rk_profile_encode_element(el, sizeof el, &elen, RK_PROFILE_LMR_P25, 0x12345678u,
                                           (const uint8_t *)KMS, 4 + 4, PERIOD,
                                           (const uint8_t *)"QUJD", 4) != RK_OK)
        abort();
    uint8_t *out = (uint8_t *)1;
    size_t olen = 1, cnt = 0, mine = 0;
    int changed = -1;
    rk_status st = rk_xcap_merge(data, size, el, elen, &out, &olen, &changed);
    if (st != RK_OK || !changed) {
        if (out || olen || changed) abort();
        return 0;
    }
    if (!out || rk_profile_find(&ctx, out, olen, 0, els, 1024, &cnt) != RK_OK) abort();
    for (size_t i = 0; i < cnt; i++) {
        const rk_profile_element *e = &els[i];
        int same = e->lmr == RK_PROFILE_LMR_P25 && e->kms_uri.len == 8 &&
                   !memcmp(out + e->kms_uri.off, KMS, 8);
        if (same && e->key_period_value + 1 < PERIOD) abort();
        if (same && e->key_id_value == 0x12345678u && e->key_period_value == PERIOD) mine++;
    }
    if (mine != 1) abort();
    free(out);
    return 0;
}
