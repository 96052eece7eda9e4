/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz rk_profile_find on any input; on an accepted document, upsert an
 * element and find again: the result must be accepted with one more
 * element (insert) or the same count (replace), and upsert may refuse only
 * for the reasons its header lists. */
#include <stdlib.h>
#include <string.h>
#include "rootkey/profile.h"

static rk_profile_ctx ctx;
static rk_profile_element els[64];
static uint8_t out[1 << 17];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t cnt = 0, cnt2 = 0, on = 0;
    rk_status st = rk_profile_find(&ctx, data, size, 0, els, 64, &cnt);
    if (st != RK_OK) {
        if (cnt != 0)
            abort();
        return 0;
    }
    for (size_t i = 0; i < cnt; i++) {
        const rk_profile_element *e = &els[i];
        if (e->element.off > size || e->element.len > size - e->element.off ||
            e->text.off < e->element.off || e->text.off + e->text.len > e->element.off + e->element.len ||
            e->lmr < RK_PROFILE_LMR_P25 || e->lmr > RK_PROFILE_LMR_OTHER ||
            e->key_period_value > 999999999999u)
            abort();
    }
    /* replace the first element if any, else insert */
    uint32_t kid = cnt ? els[0].key_id_value : 0x12345678u;
    uint64_t kp = cnt ? els[0].key_period_value : 42u;
    st = rk_profile_upsert(&ctx, out, sizeof out, &on, data, size, 0, RK_PROFILE_LMR_TETRA, kid,
                           (const uint8_t *)"kms.fuzz", 8, kp, (const uint8_t *)"QUJD", 4);
    /* refusals that depend on the document: several to replace, too big,
     * and the read-back finding one namespace declaration too many (a
     * rebound rk prefix around the insertion point is legal: the element
     * declares its own) */
    if (st == RK_ERR_PROFILE_DUPLICATE || st == RK_ERR_BUFFER || st == RK_ERR_XML_NS_COUNT)
        return 0;
    if (st != RK_OK)
        abort();
    st = rk_profile_find(&ctx, out, on, 0, els, 64, &cnt2);
    if (st == RK_ERR_PROFILE_TOO_MANY)
        return 0;
    if (st != RK_OK)
        abort();
    if (cnt2 != (cnt ? cnt : 1))
        abort();
    return 0;
}
