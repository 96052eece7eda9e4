/* SPDX-License-Identifier: Apache-2.0
 * shims/client/lmrkey.h - LMR key messages after the root key, client side
 * (issue 8; docs/p25.md "Client shim").
 *
 * Transport: TS 23.283 10.12 carries an LMR type and an opaque payload.
 * rootkey's form of it (a file, or the octets handed over by the MCPTT
 * client) is   LMR type (1: 1 P25, 2 TETRA, as in rootkey/lmr.h) || payload.
 *   P25:   payload = one KMM frame (a MACed Modify Key Command, rootkey/p25.h).
 *   TETRA: payload = wrap mode (1: 0x00 AES-KW RFC 3394, 0x01 AES-KWP
 *          RFC 5649) || the wrapped blob.  No public TETRA key-message format
 *          exists (TCCA SFPG Rec. 02 is under NDA): the blob is opaque, the
 *          mode octet is ours.
 *
 * Root-key metadata (rk_ks_entry.meta) written by the client when it stores
 * a root key, so that later key messages find their key:
 *   P25   (12): WACN (3) | system ID (2) | RSI (3) | UKEK ALGID (1) | UKEK key ID (2) | keyset (1)
 *   TETRA (12): MCC (2) | MNC (2) | ISSI (3) | has key number (1) | key number (1)
 *               | has key version (1) | key version (2)
 *   other  (0): nothing (no key messages for other LMR types).
 * All big-endian.
 *
 * The entry-level functions here use no heap, no I/O and no libsodium, so the
 * fuzz harness (fuzz/lmr_receive.c) can include this file whole; the store
 * level (choosing the root key, storing the replay state) is in client.c.
 */
#ifndef RK_SHIM_LMRKEY_H
#define RK_SHIM_LMRKEY_H
#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"
#include "rootkey/lmr.h"
#include "rootkey/p25.h"
#include "keystore.h"

#define RK_LMRKEY_META_BYTES 12
#define RK_LMRKEY_MAX_TEKS 16          /* TEKs per P25 message this shim accepts */
#define RK_LMRKEY_TETRA_MAX 1024       /* octets of an unwrapped TETRA blob */
#define RK_LMRKEY_KW 0x00
#define RK_LMRKEY_KWP 0x01
#define RK_LMRKEY_MAX_BYTES (1 + RK_P25_KMM_MAX_BYTES)

typedef struct {
    uint32_t wacn, rsi;
    uint16_t system_id, key_id;
    uint8_t algid, keyset_id;
} rk_lmrkey_p25_ids;

/* What a received key message gave (holds secrets: guarded memory, wipe). */
typedef struct {
    uint8_t lmr_type;
    uint32_t root_key_id;             /* the store entry used */
    /* P25 */
    uint32_t src_rsi, dst_rsi;
    uint16_t mn;
    size_t n_teks;
    rk_p25_tek teks[RK_LMRKEY_MAX_TEKS];
    /* TETRA */
    uint8_t tetra_mode;
    size_t blob_len;
    uint8_t blob[RK_LMRKEY_TETRA_MAX];
} rk_lmrkey_result;

/* meta / meta_len of e from a decoded root-key block (P25, TETRA; other: empty). */
void rk_lmrkey_meta_set(rk_ks_entry *e, const rk_lmr_block *b);
/* Decode the P25 metadata; RK_ERR_STORE_ENTRY if e is not a P25 entry with it. */
RK_MUST_CHECK rk_status rk_lmrkey_p25_ids_get(const rk_ks_entry *e, rk_lmrkey_p25_ids *ids);

/* Split / build the transport form.  Errors: RK_ERR_STORE_LMR_MESSAGE (empty,
 * LMR type not P25 or TETRA, longer than RK_LMRKEY_MAX_BYTES), RK_ERR_BUFFER. */
RK_MUST_CHECK rk_status rk_lmrkey_split(const uint8_t *msg, size_t len, uint8_t *lmr_type,
                                        const uint8_t **payload, size_t *plen);
RK_MUST_CHECK rk_status rk_lmrkey_join(uint8_t lmr_type, const uint8_t *payload, size_t plen,
                                       uint8_t *out, size_t cap, size_t *olen);

/* The root key's validity at now: RK_ERR_POLICY_NOT_ACTIVE before its
 * activation time, RK_ERR_POLICY_EXPIRED at or after its expiry. */
RK_MUST_CHECK rk_status rk_lmrkey_key_valid(const rk_ks_entry *e, int64_t now_unix);

/*
 * rk_lmrkey_p25_entry - receive one KMM frame under the root key e (a P25
 * entry): validity at now, a replay slot for the frame's source (refused
 * with RK_ERR_STORE_FULL when every slot holds another source: evicting
 * one would allow its replays), then rk_p25_receive with e's UKEK, key ID,
 * RSI and that source's replay state; TEK ALGIDs 0x84 and 0x85.  On success
 * r gets the TEKs, and e's slot the message number and now (the caller stores
 * e).  On any error r is zeroed and e unchanged.
 */
RK_MUST_CHECK rk_status rk_lmrkey_p25_entry(rk_ks_entry *e, const uint8_t *frame, size_t len,
                                            int64_t now_unix, rk_lmrkey_result *r);

/*
 * rk_lmrkey_tetra_entry - unwrap a TETRA payload (mode || blob) under e's
 * KEK (a TETRA entry, 16 or 32 octets).  Errors: RK_ERR_STORE_ENTRY,
 * RK_ERR_STORE_LMR_MESSAGE (empty payload), policy validity, and those of
 * rk_tetra_unwrap (a bad mode is RK_ERR_P25_PARAM).  r zeroed on error.
 */
RK_MUST_CHECK rk_status rk_lmrkey_tetra_entry(const rk_ks_entry *e, const uint8_t *payload,
                                              size_t len, int64_t now_unix, rk_lmrkey_result *r);
#endif
