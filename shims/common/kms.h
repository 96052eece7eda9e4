/*
 * shims/common/kms.h - TS 33.180 Annex D KMS documents (KmsCertificate and
 * KmsKeySet, ../shared/docs/standards.md 4.7) read with the core's strict
 * XML reader and written with its writer, and the test KMS that issues them.
 * Key elements are plain hexBinary; the encrypted EncKeyContentType form
 * (xsi:type, or an xenc:EncryptedKey/EncryptedData child) is refused with
 * RK_ERR_STORE_KMS_ENCRYPTED: no source we hold fixes its XML Encryption
 * algorithm or the transport key's provisioning (standards.md 4.7).  Fields
 * are leaves with one text run; other errors are RK_ERR_STORE_KMS_XML (or
 * the XML reader's code), with a reason in err.
 */
#ifndef RK_SHIM_KMS_H
#define RK_SHIM_KMS_H
#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"

#define RK_KMS_NS "urn:3gpp:ns:mcsecKMSInterface:1.0"
#define RK_KMS_URI_MAX 255

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

/* Parse errors of this shim are reported with RK_ERR_STORE_KMS_XML and a message in
 * err (may be NULL, errlen bytes). */
RK_MUST_CHECK rk_status rk_kms_cert_parse(rk_kms_cert *c, const uint8_t *doc, size_t len,
                                          char *err, size_t errlen);
RK_MUST_CHECK rk_status rk_kms_keyset_parse(rk_kms_keyset *k, const uint8_t *doc, size_t len,
                                            char *err, size_t errlen);
RK_MUST_CHECK rk_status rk_kms_cert_write(uint8_t *out, size_t cap, size_t *len,
                                          const rk_kms_cert *c);
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
