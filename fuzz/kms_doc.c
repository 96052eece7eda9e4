/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz rk_kms_read (core/src/doc/kms_doc.c, rootkey/kms.h) on any input, at two
 * times.  Properties: no crash or UB; on error the whole rk_kms_doc is
 * zero; on success the message kind and counts are in range, every view of
 * every record lies inside the input, only present fields have non-empty
 * views, the hexBinary fields have their exact lengths, and
 * rk_kms_keyset_check of every key set against a fixed certificate
 * returns one of its documented codes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rootkey/kms.h"

static rk_kms_ctx ctx;
static rk_kms_doc doc, cdoc;

/* The certificate of kms.example.org (fuzz/corpus/kms_doc/init.xml): key
 * sets found in the input are checked against it. */
static const char cert_doc[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<KmsResponse xmlns=\"urn:3gpp:ns:mcsecKMSInterface:1.0\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" Id=\"r1\" Version=\"1.0.0\">"
    "<UserUri>sip:alice@example.org</UserUri>"
    "<KmsUri>kms.example.org</KmsUri>"
    "<Time>2026-12-07T10:00:00Z</Time>"
    "<KmsId>KMS1</KmsId>"
    "<ClientReqUrl>https://kms.example.org/keymanagement/identity/v1/keyprov</ClientReqUrl>"
    "<KmsMessage><KmsInit>"
    "<KmsCertificate Version=\"1.1.0\" Role=\"Root\">"
    "<KmsUri>kms.example.org</KmsUri>"
    "<CertUri>cert1.kms.example.org</CertUri>"
    "<Issuer>www.example.org</Issuer>"
    "<ValidFrom>2026-01-01T00:00:00Z</ValidFrom>"
    "<ValidTo>2027-12-31T23:59:59Z</ValidTo>"
    "<Revoked>false</Revoked>"
    "<UserIdFormat>2</UserIdFormat>"
    "<UserKeyPeriod>2592000</UserKeyPeriod>"
    "<UserKeyOffset>0</UserKeyOffset>"
    "<PubEncKey>04abababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababababab</PubEncKey>"
    "<PubAuthKey>04cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd</PubAuthKey>"
    "<ParameterSet>1</ParameterSet>"
    "</KmsCertificate>"
    "</KmsInit></KmsMessage>"
    "</KmsResponse>";


static void zero_or_die(const void *p, size_t n)
{
    const uint8_t *q = p;
    for (size_t i = 0; i < n; i++)
        if (q[i])
            abort();
}

static void rec_ok(const rk_kms_record *r, size_t size)
{
    static const size_t hexlen[RK_KMS_NFIELDS] = {
        [RK_KMS_F_PUB_ENC_KEY] = 514, [RK_KMS_F_PUB_AUTH_KEY] = 130, [RK_KMS_F_USER_ID] = 64,
        [RK_KMS_F_USER_DECRYPT_KEY] = 514, [RK_KMS_F_USER_SIGNING_KEY] = 64,
        [RK_KMS_F_USER_PUB_TOKEN] = 130,
    };
    for (size_t f = 0; f < RK_KMS_NFIELDS; f++) {
        rk_xml_view v = r->v[f];
        if (v.off > size || v.len > size - v.off)
            abort();
        if (!((r->present >> f) & 1u) && v.len != 0)
            abort();
        if (((r->present >> f) & 1u) && hexlen[f] && v.len != hexlen[f])
            abort();
    }
    if (r->present >> RK_KMS_NFIELDS)
        abort();
}

static void run(const uint8_t *data, size_t size, int64_t now)
{
    rk_status st = rk_kms_read(&ctx, data, size, now, &doc);
    if (st != RK_OK) {
        if (st >= 0)
            abort();
        zero_or_die(&doc, sizeof doc);
        return;
    }
    if (doc.msg < RK_KMS_MSG_INIT || doc.msg > RK_KMS_MSG_CERTCACHE ||
        doc.ncerts > RK_KMS_MAX_CERTS || doc.nkeysets > RK_KMS_MAX_KEYSETS ||
        (doc.ncerts == 0) == (doc.nkeysets == 0) ||
        (doc.signature_unverified != 0 && doc.signature_unverified != 1))
        abort();
    rec_ok(&doc.header, size);
    for (size_t i = 0; i < doc.ncerts; i++)
        rec_ok(&doc.cert[i], size);
    for (size_t i = 0; i < doc.nkeysets; i++) {
        rec_ok(&doc.keyset[i], size);
        st = rk_kms_keyset_check(data, size, &doc.keyset[i], (const uint8_t *)cert_doc,
                                 sizeof cert_doc - 1, &cdoc.cert[0]);
        if (st != RK_OK && st != RK_ERR_KMS_URI_MISMATCH && st != RK_ERR_KMS_USER_ID &&
            st != RK_ERR_KMS_MISSING && st != RK_ERR_KDF_PARAM && st != RK_ERR_KEYPERIOD)
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static rk_kms_ctx cctx;
    if (cdoc.ncerts == 0 && rk_kms_read(&cctx, (const uint8_t *)cert_doc, sizeof cert_doc - 1,
                                        1796601600, &cdoc) != RK_OK)
        abort();
    run(data, size, 1796601600);  /* 2026-12-07 */
    run(data, size, 0);           /* 1970: nothing with a ValidFrom is valid */
    return 0;
}
