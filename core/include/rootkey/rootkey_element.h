/* SPDX-License-Identifier: Apache-2.0
 * rootkey/rootkey_element.h - the profile element's attributes against the
 * message it carries (docs/design.md §5, step 17).  Apart from
 * rootkey/rootkey.h so that the units of the root-key message do not see the
 * profile types: with them every goal of rk_rootkey_wrap and rk_rootkey_unwrap
 * changed (no WP cache entry matched; re-run under load, twelve timed out).
 */
#ifndef ROOTKEY_ROOTKEY_ELEMENT_H
#define ROOTKEY_ROOTKEY_ELEMENT_H
#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"
#include "rootkey/rootkey.h"
#include "rootkey/profile.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * rk_rootkey_element_check - the profile element's attributes must not
 * contradict the message it carries (docs/design.md §5, step 17): after
 * rk_rootkey_unwrap accepted the element's message into *res, compare
 *   key-id      el->key_id_value      with res->key_id (the CSB-ID),
 *   key-period  el->key_period_value  with res->period_no,
 *   lmr-type    el->lmr               with res->lmr.lmr_type,
 *   kms-uri     doc[el->kms_uri]      octet for octet with kms_uri[0 ..
 *               kms_uri_len-1], the user's KMS URI that the unwrap matched
 *               against the message's IDRkmsr (the key set's kmsr_uri).
 * el is an element rk_profile_find returned for doc[0 .. doc_len-1].
 * RK_OK exactly when all four agree, else RK_ERR_RK_ELEMENT.  Public data
 * only (the root key in *res is not read).
 */
/*@ requires \valid_read(el) && rk_profile_el_in(el, doc_len);
    requires \valid_read(doc + (0 .. doc_len - 1));
    requires \valid_read(res);
    requires \valid_read(kms_uri + (0 .. kms_uri_len - 1));
    assigns \nothing;
    ensures \result == RK_OK || \result == RK_ERR_RK_ELEMENT;
    ensures \result == RK_OK <==>
        (res->key_id == el->key_id_value && res->period_no == el->key_period_value &&
         res->lmr.lmr_type == el->lmr && el->kms_uri.len == kms_uri_len &&
         (\forall integer k; 0 <= k < kms_uri_len ==> doc[el->kms_uri.off + k] == kms_uri[k])); */
RK_MUST_CHECK rk_status rk_rootkey_element_check(const rk_profile_element *el,
                                                 const uint8_t *doc, size_t doc_len,
                                                 const rk_rootkey_result *res,
                                                 const uint8_t *kms_uri, size_t kms_uri_len) RK_API;

#ifdef __cplusplus
}
#endif
#endif
