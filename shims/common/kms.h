/* SPDX-License-Identifier: Apache-2.0
 * shims/common/kms.h - TS 33.180 Annex D KMS documents for the shims: read
 * through the core's KMS document reader (rootkey/kms.h, docs/kms.md) into
 * the structures below (strings terminated, hexBinary decoded), written as
 * the KMS responses real KMSs send (KmsResponse with the header fields at
 * its top level, xsi:type on the key fields, KmsInit / KmsKeyProv /
 * KmsCertCache), and the test KMS that issues them.  Errors are the
 * reader's codes (RK_ERR_XML_*, RK_ERR_KMS_*: encrypted key fields are
 * RK_ERR_KMS_ENCRYPTED) with rk_strerror's text in err.
 */
#ifndef RK_SHIM_KMS_H
#define RK_SHIM_KMS_H
#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"

#include "rootkey/kms.h" /* RK_KMS_URI_MAX, RK_KMS_MAX_CERTS, RK_KMS_MAX_KEYSETS */

#define RK_KMS_NS "urn:3gpp:ns:mcsecKMSInterface:1.0"

typedef struct {
    char kms_uri[RK_KMS_URI_MAX + 1];
    uint64_t period_len, period_offset;   /* UserKeyPeriod, UserKeyOffset (s) */
    uint8_t z_pub[257];                   /* PubEncKey */
    uint8_t kpak[65];                     /* PubAuthKey */
} rk_kms_cert;

/* A user key set (holds secrets: keep it in guarded memory, wipe it). */
typedef struct {
    char kms_uri[RK_KMS_URI_MAX + 1];
    char user_uri[RK_KMS_URI_MAX + 1];
    uint8_t uid[32];                      /* UserID */
    uint64_t period_no;                   /* KeyPeriodNo */
    uint8_t rsk[257];                     /* UserDecryptKey (secret) */
    uint8_t ssk[32];                      /* UserSigningKeySSK (secret) */
    uint8_t pvt[65];                      /* UserPubTokenPVT */
} rk_kms_keyset;

/* The test KMS's secrets (KSAK and z) with its certificate. */
typedef struct {
    rk_kms_cert cert;
    uint8_t ksak[32];
    uint8_t z[128];
} rk_kms_master;

/* Every certificate of a KmsInit or KmsCertCache response (at most max;
 * *n of them), every key set of a KmsKeyProv response, checked at Unix time
 * now; err (may be NULL, errlen bytes) gets a message.  On error the
 * outputs are zeroed and *n is 0. */
RK_MUST_CHECK rk_status rk_kms_certs_parse(rk_kms_cert *c, size_t max, size_t *n,
                                           const uint8_t *doc, size_t len, int64_t now,
                                           char *err, size_t errlen);
RK_MUST_CHECK rk_status rk_kms_keysets_parse(rk_kms_keyset *k, size_t max, size_t *n,
                                             const uint8_t *doc, size_t len, int64_t now,
                                             char *err, size_t errlen);
/* rk_kms_keysets_parse, and every key set checked against cert, the
 * certificate of its KMS, by the core's rk_kms_keyset_check: the same KmsUri
 * (RK_ERR_KMS_URI_MISMATCH) and UserID the UID of UserUri in its key period
 * (RK_ERR_KMS_USER_ID). */
RK_MUST_CHECK rk_status rk_kms_keysets_load(rk_kms_keyset *k, size_t max, size_t *n,
                                            const rk_kms_cert *cert, const uint8_t *doc,
                                            size_t len, int64_t now, char *err, size_t errlen);
/* The certificate whose KmsUri is kms_uri among those of a KmsCertCache (or
 * KmsInit) response, checked at now; RK_ERR_KMS_NO_CERT if none is. */
RK_MUST_CHECK rk_status rk_kms_cert_find(rk_kms_cert *c, const char *kms_uri, const uint8_t *doc,
                                         size_t len, int64_t now, char *err, size_t errlen);
/* The first certificate / key set, checked at the current time. */
RK_MUST_CHECK rk_status rk_kms_cert_parse(rk_kms_cert *c, const uint8_t *doc, size_t len,
                                          char *err, size_t errlen);
RK_MUST_CHECK rk_status rk_kms_keyset_parse(rk_kms_keyset *k, const uint8_t *doc, size_t len,
                                            char *err, size_t errlen);
/* KmsInit (n == 1) or KmsCertCache response with n certificates, to the
 * request of user_uri; rk_kms_cert_write: a KmsInit to the KMS itself. */
RK_MUST_CHECK rk_status rk_kms_certs_write(uint8_t *out, size_t cap, size_t *len,
                                           const rk_kms_cert *c, size_t n, const char *user_uri);
RK_MUST_CHECK rk_status rk_kms_cert_write(uint8_t *out, size_t cap, size_t *len,
                                          const rk_kms_cert *c);
/* KmsKeyProv response with n key sets (e.g. the current and the next key
 * period) for k[0].user_uri. */
RK_MUST_CHECK rk_status rk_kms_keysets_write(uint8_t *out, size_t cap, size_t *len,
                                             const rk_kms_keyset *k, size_t n);
RK_MUST_CHECK rk_status rk_kms_keyset_write(uint8_t *out, size_t cap, size_t *len,
                                            const rk_kms_keyset *k);

/* Test KMS: new community (randomness from libsodium). */
RK_MUST_CHECK rk_status rk_kms_master_create(rk_kms_master *m, const char *kms_uri,
                                             uint64_t period_len, uint64_t period_offset);
/* Test KMS: the key set of user_uri for key period period_no. */
RK_MUST_CHECK rk_status rk_kms_issue(rk_kms_keyset *k, const rk_kms_master *m,
                                     const char *user_uri, uint64_t period_no);
/* The master secrets file: "RKKMS1" || ksak || z || cert XML (mode 0600). */
RK_MUST_CHECK rk_status rk_kms_master_save(const rk_kms_master *m, const char *path);
RK_MUST_CHECK rk_status rk_kms_master_load(rk_kms_master *m, const char *path);

/* The key period of Unix time now under the certificate. */
RK_MUST_CHECK rk_status rk_kms_period_now(uint64_t *no, const rk_kms_cert *c, int64_t now_unix);
#endif
