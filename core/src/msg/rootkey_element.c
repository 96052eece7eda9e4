/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/rootkey_element.h - the element's attributes against its message */
#include "rootkey/rootkey_element.h"
#include "rootkey/ct.h"

rk_status rk_rootkey_element_check(const rk_profile_element *el, const uint8_t *doc, size_t doc_len,
                                   const rk_rootkey_result *res, const uint8_t *kms_uri,
                                   size_t kms_uri_len)
{
    (void)doc_len;                        /* the bound of el's views (the contract) */
    if (res->key_id != el->key_id_value || res->period_no != el->key_period_value ||
        res->lmr.lmr_type != el->lmr || el->kms_uri.len != kms_uri_len)
        return RK_ERR_RK_ELEMENT;
    if (rk_ct_memeq(doc + el->kms_uri.off, kms_uri, kms_uri_len) != 1)
        return RK_ERR_RK_ELEMENT;
    return RK_OK;
}
