/* SPDX-License-Identifier: Apache-2.0
 * shims/client/keystore.h - the client's store of LMR root keys.
 *
 * In memory: one block of libsodium guarded memory (sodium_malloc: guard
 * pages, canary, mlock'd where allowed), no-access whenever no call is in
 * progress, read-write only inside a call, wiped by sodium_free.
 * At rest: sealed with XChaCha20-Poly1305 (libsodium AEAD) under a
 * caller-supplied 32-octet storage key, the header authenticated as
 * associated data, written atomically (temporary file, fsync, rename).
 * Loading refuses a file whose magic or version is wrong, which is shorter
 * or longer than its header says, or whose authentication fails (altered,
 * truncated, or the wrong storage key) — with a distinct code each.
 *
 * File layout: "RKKS" | version (1) | 3 zero octets | entry count (4, BE) |
 * nonce (24) | ciphertext of count * entry size || tag (16).  Version 2
 * (written) adds the LMR key-message replay slots to every entry; version 1
 * files (no slots) are still read, their slots empty.
 */
#ifndef RK_SHIM_KEYSTORE_H
#define RK_SHIM_KEYSTORE_H
#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"

#define RK_KS_MAX_KEY 32
#define RK_KS_MAX_META 96
#define RK_KS_STORAGE_KEY_BYTES 32
#define RK_KS_REPLAY_SLOTS 4

/* Replay state of LMR key messages under one root key, per source (the P25
 * KMF's RSI): the last accepted message number and when it was accepted.
 * Kept with the root key, so a new root key (a new UKEK) starts afresh, and
 * sealed with it, so it survives restarts (docs/p25.md "Client shim"). */
typedef struct {
    uint32_t src_rsi;           /* 24 bits */
    uint16_t last_mn;
    uint8_t used;               /* 0: free slot */
    uint64_t last_time;         /* Unix seconds of the last acceptance */
} rk_ks_replay;

typedef struct {
    uint32_t key_id;            /* root-key ID = the CSB-ID of the message */
    uint8_t lmr_type;           /* 1 P25, 2 TETRA, 3 other (docs/profile-element.md) */
    uint8_t key_len;            /* 8..32 */
    uint8_t key[RK_KS_MAX_KEY]; /* the root key (UKEK / KEK) */
    uint64_t wrap_time;         /* T of the message, seconds since 1900 (era-extended) */
    uint64_t activation;        /* Unix seconds, 0 = at once */
    uint64_t expiry;            /* Unix seconds, 0 = none */
    uint64_t key_period;        /* the key period the message was encrypted for */
    uint8_t meta_len;
    uint8_t meta[RK_KS_MAX_META]; /* the LMR identifiers (layout: shims/client/lmrkey.h) */
    rk_ks_replay replay[RK_KS_REPLAY_SLOTS];
} rk_ks_entry;

typedef struct rk_keystore rk_keystore;

/* A store for up to max_entries keys, in guarded memory.  NULL if guarded
 * memory cannot be had. */
rk_keystore *rk_keystore_new(size_t max_entries);
/* Wipe and free (NULL is fine). */
void rk_keystore_free(rk_keystore *ks);

/* Insert, or replace the entry with the same key_id. */
RK_MUST_CHECK rk_status rk_keystore_put(rk_keystore *ks, const rk_ks_entry *e);
/* Copy the entry with key_id into *out (zeroed if not found). */
RK_MUST_CHECK rk_status rk_keystore_get(rk_keystore *ks, uint32_t key_id, rk_ks_entry *out);
/* Copy entry i (0 <= i < count) into *out (zeroed and RK_ERR_STORE_NOT_FOUND
 * if i is out of range): for scans over the store. */
RK_MUST_CHECK rk_status rk_keystore_get_at(rk_keystore *ks, size_t i, rk_ks_entry *out);
/* Remove one entry (its memory wiped). */
RK_MUST_CHECK rk_status rk_keystore_remove(rk_keystore *ks, uint32_t key_id);
/* Number of entries. */
size_t rk_keystore_count(rk_keystore *ks);
/* The key_id of entry i (0 <= i < count), for listing. */
uint32_t rk_keystore_id_at(rk_keystore *ks, size_t i);
/* Wipe every entry (the zeroise-all of a security policy); the store stays usable. */
void rk_keystore_zeroise(rk_keystore *ks);

/* Seal to path atomically / load from path (replacing the contents). */
RK_MUST_CHECK rk_status rk_keystore_save(rk_keystore *ks, const char *path,
                                         const uint8_t storage_key[RK_KS_STORAGE_KEY_BYTES]);
RK_MUST_CHECK rk_status rk_keystore_load(rk_keystore *ks, const char *path,
                                         const uint8_t storage_key[RK_KS_STORAGE_KEY_BYTES]);
/* The same from the file's octets file[0 .. len-1] already in memory (the
 * loader proper: rk_keystore_load reads the file and calls it). */
/* An exclusive lock on the store at path, held across load-modify-save (a
 * flock on "<path>.lock", created 0600 if missing; waits for the holder).
 * Two processes unwrapping into one store, or receiving one P25 message,
 * are thus serialised: no lost root key, no replay accepted twice.
 * Returns the descriptor to give to rk_keystore_unlock, or -1 (errno set). */
int rk_keystore_lock(const char *path);
void rk_keystore_unlock(int fd);

RK_MUST_CHECK rk_status rk_keystore_load_mem(rk_keystore *ks, const uint8_t *file, size_t len,
                                             const uint8_t storage_key[RK_KS_STORAGE_KEY_BYTES]);
#endif
