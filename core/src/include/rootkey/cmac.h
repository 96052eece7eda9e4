/* SPDX-License-Identifier: Apache-2.0
 * rootkey/cmac.h - AES-CMAC (NIST SP 800-38B, RFC 4493) for 16- and 32-octet
 * keys.
 *
 * What: the 16-octet CMAC of a message, and its check against a received tag
 * that may be truncated to 8..16 octets (the most significant octets, SP
 * 800-38B 6.2 step 7; P25 OTAR KMMs carry 8).
 *
 * Inputs: key[0..keylen-1], msg[0..len-1] (msg may be NULL when len == 0).
 * Outputs: rk_cmac writes tag[0..15]; rk_cmac_verify writes nothing.
 * Errors:
 *   RK_ERR_AES_KEYLEN   keylen not 16 or 32 (tag zeroed)
 *   RK_ERR_CMAC_TAGLEN  (verify) taglen outside 8..16
 *   RK_ERR_CMAC_TAG     (verify) the tag does not match
 *
 * CT: time depends on keylen, len and taglen only.  The subkeys K1/K2 are
 * derived with a mask (no branch on the top bit of L), and the tag comparison
 * reads every octet and decides once.
 */
#ifndef ROOTKEY_CMAC_H
#define ROOTKEY_CMAC_H

#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RK_CMAC_TAG_BYTES 16
#define RK_CMAC_MIN_TAG_BYTES 8

/*@ requires \valid_read(key + (0 .. keylen - 1));
    requires \valid_read(msg + (0 .. len - 1));
    requires \valid(tag + (0 .. 15));
    requires \separated(tag + (0 .. 15), key + (0 .. keylen - 1));
    requires \separated(tag + (0 .. 15), msg + (0 .. len - 1));
    assigns tag[0 .. 15];
    ensures \result == RK_OK || \result == RK_ERR_AES_KEYLEN;
    ensures \result == RK_OK <==> (keylen == 16 || keylen == 32);
    ensures \result != RK_OK ==> \forall integer k; 0 <= k < 16 ==> tag[k] == 0; */
RK_MUST_CHECK rk_status rk_cmac(const uint8_t *key, size_t keylen, const uint8_t *msg, size_t len,
                                uint8_t *tag);

/*@ requires \valid_read(key + (0 .. keylen - 1));
    requires \valid_read(msg + (0 .. len - 1));
    requires \valid_read(tag + (0 .. taglen - 1));
    assigns \nothing;
    ensures \result == RK_OK || \result == RK_ERR_AES_KEYLEN || \result == RK_ERR_CMAC_TAGLEN ||
            \result == RK_ERR_CMAC_TAG;
    ensures \result == RK_OK ==> (keylen == 16 || keylen == 32) && 8 <= taglen <= 16; */
RK_MUST_CHECK rk_status rk_cmac_verify(const uint8_t *key, size_t keylen, const uint8_t *msg, size_t len,
                                       const uint8_t *tag, size_t taglen);

#ifdef __cplusplus
}
#endif
#endif
