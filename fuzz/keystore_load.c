/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz harness: the client shim's sealed key-store file loader
 * (shims/client/keystore.c, rk_keystore_load_mem, which rk_keystore_load
 * calls on the file's octets) with a fixed storage key.
 * The first input octet selects a mode:
 *   bit 0 clear  the rest is the file as stored (header, nonce, ciphertext,
 *                tag): exercises the framing checks and the authentication;
 *   bit 0 set    the rest is the plaintext of the entries: the harness seals
 *                it under the storage key with a header that counts whole
 *                entries (the rest of the input is dropped), so the
 *                per-entry range checks are reached.
 * Properties: no crash or UB; a refused load leaves the store as it was
 * (one known entry); an accepted load holds only entries within range. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "client/keystore.h"

#define ENTRY 167            /* 4 + 1 + 1 + 32 + 4 * 8 + 1 + 96 (keystore.c) */
#define HDR 12
#define MAXN 8

static rk_keystore *ks;
static uint8_t skey[32];
static uint8_t file[HDR + 24 + MAXN * ENTRY + 16];
static rk_ks_entry known;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (sodium_init() < 0) abort();
    ks = rk_keystore_new(MAXN);
    if (!ks) abort();
    memset(skey, 0x5C, sizeof skey);
    memset(&known, 0, sizeof known);
    known.key_id = 0xF0111213; known.lmr_type = 1; known.key_len = 16;
    memset(known.key, 0x33, 16);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rk_ks_entry got;
    size_t len;
    if (size < 1) return 0;
    rk_keystore_zeroise(ks);
    if (rk_keystore_put(ks, &known) != RK_OK) abort();
    if (data[0] & 1) {
        size_t n = (size - 1) / ENTRY;
        unsigned long long clen = 0;
        if (n > MAXN) n = MAXN;
        memcpy(file, "RKKS\x01\0\0\0", 8);
        file[8] = 0; file[9] = 0; file[10] = 0; file[11] = (uint8_t)n;
        memset(file + HDR, 0xA7, 24);
        crypto_aead_xchacha20poly1305_ietf_encrypt(file + HDR + 24, &clen, data + 1, n * ENTRY,
                                                   file, HDR, NULL, file + HDR, skey);
        len = HDR + 24 + (size_t)clen;
    } else {
        len = size - 1;
        if (len > sizeof file) return 0;
        memcpy(file, data + 1, len);
    }
    rk_status st = rk_keystore_load_mem(ks, file, len, skey);
    size_t cnt = rk_keystore_count(ks);
    if (st != RK_OK) {
        if (cnt != 1 || rk_keystore_get(ks, known.key_id, &got) != RK_OK
            || memcmp(&got, &known, sizeof got) != 0)
            abort();
        return 0;
    }
    if (cnt > MAXN) abort();
    for (size_t i = 0; i < cnt; i++) {
        if (rk_keystore_get(ks, rk_keystore_id_at(ks, i), &got) != RK_OK) abort();
        if (got.key_len < 8 || got.key_len > 32 || got.lmr_type < 1 || got.lmr_type > 3
            || got.meta_len > 96)
            abort();
    }
    return 0;
}
