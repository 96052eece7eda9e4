/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz harness: the IWF shim's inventory line parser (shims/iwf/inventory.c,
 * rk_iwf_parse_record: mcptt_id,kms_uri,lmr_type,lmr_ids,key as RFC 4180 CSV;
 * docs/inventory.md) on any line.  The input is cut at its first newline, as
 * the batch cuts lines; a NUL stays in (the parser must refuse it).  "file:" key paths are followed by the parser; the harness
 * provides one key file (/tmp/rk_fuzz_inventory.key, written at start, used
 * by a seed) and skips lines naming device or process files.
 * Properties: no crash or UB; on error the block is wiped (key and length
 * zero) and a reason is given; on success the identities are non-empty
 * NUL-terminated strings and the core codec accepts the block; a line
 * without NUL gets the same decision and block from rk_iwf_parse_line. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE   /* memmem */
#endif
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "iwf/iwf.h"

static char line[RK_IWF_LINE_MAX + 200];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (sodium_init() < 0) abort();   /* the parser works in guarded memory */
    FILE *f = fopen("/tmp/rk_fuzz_inventory.key", "w");
    if (f) {
        fputs("000102030405060708090a0b0c0d0e0f\n", f);
        fclose(f);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char id[256], kms[256], err[256];
    rk_lmr_block b;
    size_t n = 0;
    while (n < size && n < sizeof line - 1 && data[n] != '\n') n++;
    memcpy(line, data, n);
    line[n] = 0;
    if (memmem(line, n, "/dev", 4) || memmem(line, n, "/proc", 5) || memmem(line, n, "/sys", 4)) return 0;
    err[0] = 0;
    memset(&b, 0x55, sizeof b);
    rk_status st = rk_iwf_parse_record(line, n, id, sizeof id, kms, sizeof kms, &b, err, sizeof err);
    if (!memchr(line, 0, n)) {
        /* the string form (rk_iwf_parse_line) decides as the record form does */
        char id2[256], kms2[256], err2[256];
        rk_lmr_block b2;
        rk_status st2 = rk_iwf_parse_line(line, id2, sizeof id2, kms2, sizeof kms2, &b2, err2, sizeof err2);
        if (st2 != st || (st == RK_OK && (strcmp(id, id2) || strcmp(kms, kms2)
                                           || b.key_len != b2.key_len
                                           || memcmp(b.key, b2.key, b.key_len))))
            abort();
        rk_lmr_wipe(&b2);
    }
    if (st != RK_OK) {
        for (size_t i = 0; i < sizeof b.key; i++)
            if (b.key[i]) abort();
        if (b.key_len != 0 || b.lmr_type != 0 || err[0] == 0 || !memchr(err, 0, sizeof err) || id[0] || kms[0])
            abort();
        return 0;
    }
    uint8_t tmp[RK_LMR_MAX_BYTES];
    size_t tl = 0;
    if (!id[0] || !kms[0] || !memchr(id, 0, sizeof id) || !memchr(kms, 0, sizeof kms)
        || b.key_len < RK_LMR_KEY_MIN || b.key_len > RK_LMR_KEY_MAX
        || rk_lmr_encode(tmp, sizeof tmp, &tl, &b) != RK_OK)
        abort();
    rk_lmr_wipe(&b);
    return 0;
}
