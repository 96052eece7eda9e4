/* SPDX-License-Identifier: Apache-2.0
 * shims/client/client.h - the client side: load a TS 33.180 Annex D key set
 * (validated: UserID = UID(UserUri, KmsUri, period), RSK by RFC 6508 6.1.2
 * with the table, SSK by RFC 6507 5.1.2), then unwrap every root-key
 * element of a fetched profile document with the policy of docs/design.md §5
 * (rk_rootkey_unwrap) into the key store.
 */
#ifndef RK_SHIM_CLIENT_H
#define RK_SHIM_CLIENT_H
#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"
#include "rootkey/sakke.h"
#include "rootkey/eccsi.h"
#include "common/kms.h"
#include "client/keystore.h"
#include "client/lmrkey.h"

/* Key sets a client keeps: every key set of its KmsKeyProv response (the
 * current and the next key period, ...), at most what one unwrap call takes. */
#define RK_CLIENT_MAX_KEYSETS RK_KMS_MAX_KEYSETS

typedef struct {
    rk_kms_cert kms;               /* my KMS */
    rk_kms_cert iwf_kms;           /* the IWF's KMS */
    rk_eccsi_verifier_ctx *iwf_kpak;
    rk_kms_keyset *ks;             /* guarded memory: ks[0 .. nks-1], in document order */
    rk_sakke_receiver_ctx *rx;     /* guarded memory: rx[i] holds ks[i]'s RSK */
    size_t nks;
    char iwf_uri[RK_KMS_URI_MAX + 1];
} rk_client;

/* Load and validate every key set of the KmsKeyProv response keyset_xml
 * (up to RK_CLIENT_MAX_KEYSETS): each against the certificate kms by the
 * core's rk_kms_keyset_check (RK_ERR_KMS_URI_MISMATCH, RK_ERR_KMS_USER_ID),
 * its RSK and SSK against the certificate's keys.  rk_client_unwrap_doc
 * gives them all to rk_rootkey_unwrap, which opens each element with the
 * key set of its message's key period (T).  with_table = 1 also precomputes
 * each RSK's pairing lines (392 KiB a key set, faster unwraps: a device's
 * long-lived key sets); 0 for one-shot use.  err gets a readable reason. */
RK_MUST_CHECK rk_status rk_client_open(rk_client *c, const rk_kms_cert *kms,
                                       const rk_kms_cert *iwf_kms, const char *iwf_uri,
                                       const uint8_t *keyset_xml, size_t len, int with_table,
                                       char *err, size_t errlen);
void rk_client_close(rk_client *c);

#define RK_CLIENT_MAX_ELEMENTS 256   /* lmr-root-key elements read from one profile */

/* What became of the elements of one profile document. */
typedef struct {
    size_t ok;          /* unwrapped and stored */
    size_t bad;         /* refused (the first refusal's code is returned) */
    size_t unchanged;   /* already stored: the same element again (not an error) */
    size_t later;       /* for a key period not started yet: left for later */
    size_t superseded;  /* older than another element of the same LMR system and period */
} rk_client_counts;

/* Unwrap the lmr-root-key elements of doc into ks, newest first (T of the
 * MIKEY message): per (LMR system, key period) only the newest that unwraps
 * is stored, the older ones are counted superseded (a profile may hold many
 * re-wraps).  The same element as stored counts unchanged, an element of a
 * later key period counts later; neither is an error.  Returns the first
 * refusal's code (the others are still processed), RK_OK if none. */
RK_MUST_CHECK rk_status rk_client_unwrap_doc(rk_client *c, rk_keystore *ks,
                                             const uint8_t *doc, size_t len, int64_t now_unix,
                                             rk_client_counts *n);

/*
 * rk_client_lmr_receive - an LMR key message (transport form, lmrkey.h)
 * after the root key: find the root key in ks (P25: the entry whose UKEK key
 * ID is the MAC key ID of the frame, the one for the destination RSI first,
 * then the newest; TETRA: the newest TETRA entry, or root_key_id if not 0),
 * check and unwrap (rk_lmrkey_p25_entry / rk_lmrkey_tetra_entry), and on
 * success store the new replay state in ks (save ks to persist it).
 * Errors: RK_ERR_STORE_LMR_MESSAGE, RK_ERR_STORE_NOT_FOUND (no root key of
 * that LMR type, or no root key root_key_id), RK_ERR_P25_KEY_ID (no P25 root
 * key with the frame's MAC key ID), RK_ERR_P25_NO_MAC, and every error of the
 * entry functions.  On error *r is zero and ks unchanged.  r holds secrets:
 * give it guarded memory and wipe it.
 */
RK_MUST_CHECK rk_status rk_client_lmr_receive(rk_keystore *ks, const uint8_t *msg, size_t len,
                                              uint32_t root_key_id, int64_t now_unix,
                                              rk_lmrkey_result *r);
#endif
