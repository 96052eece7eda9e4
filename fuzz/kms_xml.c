/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz harness: the client and IWF shims' TS 33.180 Annex D KMS XML loader
 * (shims/common/kms.c: rk_kms_cert_parse and rk_kms_keyset_parse, on the
 * core's KMS document reader, rootkey/kms.h) on any document.  Properties: no crash or UB;
 * on error the output is all zero and the message is a NUL-terminated
 * string; on success the strings are NUL-terminated within their arrays,
 * the certificate's period is non-zero, and writing the result and parsing
 * it again gives the same values (so nothing was half read). */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "common/kms.h"

static uint8_t buf[16384];

static void zero_or_die(const void *p, size_t n)
{
    const uint8_t *q = p;
    for (size_t i = 0; i < n; i++)
        if (q[i]) abort();
}

static void terminated(const char *s, size_t cap)
{
    if (memchr(s, 0, cap) == NULL) abort();
}

/* the key-set loader works in guarded memory (sodium_malloc) */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (sodium_init() < 0) abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static rk_kms_cert c, c2;
    static rk_kms_keyset k, k2;
    char err[128];
    size_t n = 0;
    memset(err, 'x', sizeof err);
    if (rk_kms_cert_parse(&c, data, size, err, sizeof err) != RK_OK) {
        zero_or_die(&c, sizeof c);
        terminated(err, sizeof err);
    } else {
        terminated(c.kms_uri, sizeof c.kms_uri);
        if (c.period_len == 0) abort();
        if (rk_kms_cert_write(buf, sizeof buf, &n, &c) != RK_OK) abort();
        if (rk_kms_cert_parse(&c2, buf, n, NULL, 0) != RK_OK || memcmp(&c, &c2, sizeof c) != 0)
            abort();
    }
    memset(err, 'x', sizeof err);
    if (rk_kms_keyset_parse(&k, data, size, err, sizeof err) != RK_OK) {
        zero_or_die(&k, sizeof k);
        terminated(err, sizeof err);
    } else {
        terminated(k.kms_uri, sizeof k.kms_uri);
        terminated(k.user_uri, sizeof k.user_uri);
        if (rk_kms_keyset_write(buf, sizeof buf, &n, &k) != RK_OK) abort();
        if (rk_kms_keyset_parse(&k2, buf, n, NULL, 0) != RK_OK || memcmp(&k, &k2, sizeof k) != 0)
            abort();
    }
    return 0;
}
