/* SPDX-License-Identifier: Apache-2.0
 * rootkey/lmr.h - the LMR root-key block: what the root-key message carries,
 * GCM-protected, in its private General Extension (type 250, docs/design.md §3):
 * which LMR system and unit the key belongs to, the key's identifiers, and
 * the key itself.
 *
 * Wire format (docs/profile-element.md has the full table):
 *   version (1) = 0x01, then TLVs  tag (1) | length (1) | value, tags
 *   strictly increasing (so each at most once), the key last:
 *     0x01 LMR type   1   1 P25, 2 TETRA, 3 other
 *     P25    0x10 WACN 3 (20 bits) | 0x11 system ID 2 (12 bits) | 0x12 unit ID
 *            (RSI) 3 (24 bits) | 0x13 ALGID 1 | 0x14 key ID 2 | 0x15 keyset ID 1
 *            — all six required
 *     TETRA  0x20 MCC 2 (10 bits) | 0x21 MNC 2 (14 bits) | 0x22 ISSI 3 (24 bits)
 *            required; 0x23 key number 1, 0x24 key version 2 optional
 *     other  0x30 system identifier 1..64 octets required; 0x31 key
 *            reference 1..32 octets optional
 *     0x40 key        8..32 octets, required, last
 *   Tags of another LMR type, unknown tags, values outside their bit width
 *   and trailing octets are rejected, each with its own code.
 *
 * CT: the decoder branches on tags and lengths (the block's layout) and on
 * identifier values (public metadata), never on key octets, which are only
 * copied.  rk_lmr_wipe clears a decoded block; decode zeroes it on error.
 */
#ifndef ROOTKEY_LMR_H
#define ROOTKEY_LMR_H
#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RK_LMR_VERSION 1
#define RK_LMR_P25 1
#define RK_LMR_TETRA 2
#define RK_LMR_OTHER 3
#define RK_LMR_KEY_MIN 8
#define RK_LMR_KEY_MAX 32
#define RK_LMR_SYS_MAX 64
#define RK_LMR_REF_MAX 32
/* longest block: version 1 + type 3 + other system 2+64 + reference 2+32 + key 2+32 */
#define RK_LMR_MAX_BYTES 138

typedef struct {
    uint8_t lmr_type;           /* RK_LMR_P25, RK_LMR_TETRA or RK_LMR_OTHER */
    /* P25 */
    uint32_t wacn;              /* 20 bits */
    uint16_t system_id;         /* 12 bits */
    uint32_t unit_id;           /* 24 bits: the radio's RSI */
    uint8_t algid;              /* e.g. 0x84 AES-256, 0x85 AES-128 */
    uint16_t key_id;
    uint8_t keyset_id;
    /* TETRA */
    uint16_t mcc;               /* 10 bits */
    uint16_t mnc;               /* 14 bits */
    uint32_t issi;              /* 24 bits */
    uint8_t has_key_number, key_number;
    uint8_t has_key_version;
    uint16_t key_version;
    /* other */
    uint8_t sys_len;
    uint8_t sys[RK_LMR_SYS_MAX];
    uint8_t ref_len;
    uint8_t ref[RK_LMR_REF_MAX];
    /* the root key (secret) */
    uint8_t key_len;
    uint8_t key[RK_LMR_KEY_MAX];
} rk_lmr_block;

/*@ predicate rk_lmr_fits(rk_lmr_block *b) =
      b->sys_len <= 64 && b->ref_len <= 32 && b->key_len <= 32; */

/*
 * rk_lmr_encode - write the block for b into out[0..cap-1].
 * Errors (nothing written, *out_len 0): RK_ERR_LMR_TYPE, RK_ERR_LMR_RANGE (a
 * value wider than its field, or an empty/oversized opaque identifier),
 * RK_ERR_LMR_KEY_LENGTH, RK_ERR_BUFFER.
 */
/*@ requires \valid_read(b);
    requires \valid(out + (0 .. cap - 1));
    requires \valid(out_len);
    requires \separated(out + (0 .. cap - 1), b, out_len);
    assigns out[0 .. cap - 1], *out_len;
    ensures \result == RK_OK ==> *out_len <= cap && *out_len <= RK_LMR_MAX_BYTES;
    ensures \result != RK_OK ==> *out_len == 0; */
RK_MUST_CHECK rk_status rk_lmr_encode(uint8_t *out, size_t cap, size_t *out_len,
                                      const rk_lmr_block *b);

/*
 * rk_lmr_decode - parse in[0..len-1] into *b.
 * Errors (*b all zero): RK_ERR_LMR_VERSION, RK_ERR_LMR_TRUNCATED,
 * RK_ERR_LMR_TAG, RK_ERR_LMR_ORDER, RK_ERR_LMR_LENGTH, RK_ERR_LMR_RANGE,
 * RK_ERR_LMR_TYPE, RK_ERR_LMR_MISSING, RK_ERR_LMR_KEY_LENGTH,
 * RK_ERR_LMR_TRAILING.
 */
/*@ requires \valid(b);
    requires \valid_read(in + (0 .. len - 1));
    requires \separated(b, in + (0 .. len - 1));
    assigns *b;
    ensures \result == RK_OK ==> rk_lmr_fits(b) && 8 <= b->key_len <= 32;
    ensures \result != RK_OK ==> b->key_len == 0 && b->lmr_type == 0; */
RK_MUST_CHECK rk_status rk_lmr_decode(rk_lmr_block *b, const uint8_t *in, size_t len);

/* Zero every field (the key included). */
/*@ requires \valid(b);
    assigns *b;
    ensures b->key_len == 0 && b->lmr_type == 0 && b->sys_len == 0 && b->ref_len == 0; */
void rk_lmr_wipe(rk_lmr_block *b) RK_API;

#ifdef __cplusplus
}
#endif
#endif
