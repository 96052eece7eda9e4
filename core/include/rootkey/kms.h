/* SPDX-License-Identifier: Apache-2.0
 * rootkey/kms.h - TS 33.180 Annex D KMS documents: an allocation-free reader
 * on the strict XML reader (rootkey/xml.h).
 *
 * rk_kms_read walks the real nesting of a KMS response, in the namespace
 * urn:3gpp:ns:mcsecKMSInterface:1.0 under any prefix (or a default
 * declaration):
 *
 *   SignedKmsResponse? -> KmsResponse -> header fields (UserUri, KmsUri,
 *   Time, KmsId?, ClientReqUrl) and KmsMessage -> one of
 *   KmsInit -> KmsCertificate, KmsKeyProv -> KmsKeySet+,
 *   KmsCertCache -> KmsCertificate+
 *
 * and assigns every field to its parent (the same names occur at several
 * levels).  Unknown elements of the 3GPP namespace and every element of
 * another namespace (ds:Signature, extensions) are skipped with their
 * subtrees; attributes (xsi:type, Id, Version, Role, ...) are ignored, except
 * an xsi:type naming EncKeyContentType on a key field.  Each record is a set
 * of views into the document (the field text with XML whitespace trimmed),
 * one per field, plus the decoded numbers and times.  Nothing is copied: the
 * key sets' secrets stay in the caller's document.  docs/kms.md lists
 * exactly which elements are read, checked and skipped.
 *
 * Signatures: a SignedKmsResponse, or an XML-Signature Signature element
 * anywhere, sets signature_unverified.  The reader never verifies a
 * signature (docs/kms.md says what that would need): a caller must treat
 * such a document exactly as an unsigned one.
 */
#ifndef ROOTKEY_KMS_H
#define ROOTKEY_KMS_H
#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"
#include "rootkey/xml.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RK_KMS_MAX_CERTS 4u   /* KmsCertificate elements per document */
#define RK_KMS_MAX_KEYSETS 4u /* KmsKeySet elements per document */
#define RK_KMS_URI_MAX 255u   /* octets of a UserUri or KmsUri */

/* The message a response carries. */
#define RK_KMS_MSG_INIT 1      /* KmsInit: one certificate */
#define RK_KMS_MSG_KEYPROV 2   /* KmsKeyProv: key sets */
#define RK_KMS_MSG_CERTCACHE 3 /* KmsCertCache: certificates of (other) KMSs */

/* Field indices of rk_kms_record.v (bit f of .present). */
#define RK_KMS_F_USER_URI 0        /* header, key set */
#define RK_KMS_F_KMS_URI 1         /* header, certificate, key set */
#define RK_KMS_F_TIME 2            /* header */
#define RK_KMS_F_KMS_ID 3          /* header */
#define RK_KMS_F_CLIENT_REQ_URL 4  /* header */
#define RK_KMS_F_CERT_URI 5        /* certificate, key set */
#define RK_KMS_F_ISSUER 6          /* certificate, key set */
#define RK_KMS_F_VALID_FROM 7      /* certificate, key set (xs:dateTime) */
#define RK_KMS_F_VALID_TO 8        /* certificate, key set (xs:dateTime) */
#define RK_KMS_F_REVOKED 9         /* certificate, key set (xs:boolean) */
#define RK_KMS_F_USER_ID_FORMAT 10 /* certificate: "2" */
#define RK_KMS_F_USER_KEY_PERIOD 11 /* certificate (seconds, > 0) */
#define RK_KMS_F_USER_KEY_OFFSET 12 /* certificate (seconds) */
#define RK_KMS_F_PUB_ENC_KEY 13    /* certificate: Z_T, 257 octets hex */
#define RK_KMS_F_PUB_AUTH_KEY 14   /* certificate: KPAK, 65 octets hex */
#define RK_KMS_F_PARAMETER_SET 15  /* certificate: "1" */
#define RK_KMS_F_USER_ID 16        /* key set: UID, 32 octets hex */
#define RK_KMS_F_KEY_PERIOD_NO 17  /* key set */
#define RK_KMS_F_USER_DECRYPT_KEY 18 /* key set: RSK, 257 octets hex (secret) */
#define RK_KMS_F_USER_SIGNING_KEY 19 /* key set: SSK, 32 octets hex (secret) */
#define RK_KMS_F_USER_PUB_TOKEN 20 /* key set: PVT, 65 octets hex */
#define RK_KMS_NFIELDS 21u

/* One record: the response header, a certificate or a key set.  v[f] is
 * the text of field f with leading and trailing XML whitespace removed
 * (empty when absent).  For the URIs (UserUri, KmsUri) and every number,
 * boolean and hexBinary field the view is the value (no references); the
 * others (Time, KmsId, ClientReqUrl, CertUri, Issuer) are raw text for
 * rk_xml_decode.  The numbers and times are set when their field is
 * present (else 0). */
typedef struct {
    rk_xml_view v[RK_KMS_NFIELDS];
    uint64_t present;          /* bit f: field f was present */
    uint64_t user_key_period;  /* certificate */
    uint64_t user_key_offset;  /* certificate */
    uint64_t key_period_no;    /* key set */
    int64_t valid_from;        /* Unix seconds, if present */
    int64_t valid_to;          /* Unix seconds, if present */
} rk_kms_record;

/* A KMS response read by rk_kms_read. */
typedef struct {
    int msg;                  /* RK_KMS_MSG_* */
    int signature_unverified; /* 1: a signature was present; never verified */
    rk_kms_record header;     /* the KmsResponse's own fields */
    size_t ncerts;
    size_t nkeysets;
    rk_kms_record cert[RK_KMS_MAX_CERTS];
    rk_kms_record keyset[RK_KMS_MAX_KEYSETS];
} rk_kms_doc;

/* Workspace (caller-owned). */
typedef struct {
    rk_xml_reader rd;
    rk_xml_event ev;
} rk_kms_ctx;

/*@ predicate rk_kms_rec_in{L}(rk_kms_record *r, integer n) =
        rk_xml_views_in(&r->v[0], RK_KMS_NFIELDS, n);

    predicate rk_kms_doc_in{L}(rk_kms_doc *o, integer n) =
        o->ncerts <= RK_KMS_MAX_CERTS && o->nkeysets <= RK_KMS_MAX_KEYSETS &&
        rk_kms_rec_in(&o->header, n) &&
        (\forall integer i; 0 <= i < RK_KMS_MAX_CERTS ==> rk_kms_rec_in(&o->cert[i], n)) &&
        (\forall integer i; 0 <= i < RK_KMS_MAX_KEYSETS ==> rk_kms_rec_in(&o->keyset[i], n)); */

/*
 * rk_kms_read - read the KMS response doc[0 .. len-1] (the whole document,
 * strictly: one bad octet anywhere is an error) into *out and check it at
 * Unix time now.
 * Errors: any RK_ERR_XML_* code; RK_ERR_KMS_ROOT (not a (Signed)KmsResponse
 * in the Annex D namespace), _MISSING (a required field or element absent,
 * or a message without certificates or key sets), _REPEATED (a field, a
 * KmsResponse or a KmsMessage twice in one parent), _MESSAGE (KmsMessage
 * with none or two of KmsInit/KmsKeyProv/KmsCertCache, or KmsInit with more
 * than one certificate), _CONTENT (child elements in a field, text split by
 * a comment, text other than whitespace between elements), _ENCRYPTED (a
 * key field in EncKeyContentType form), _TOO_MANY (more certificates or key
 * sets than the bounds above), _URI (a UserUri or KmsUri empty, longer than
 * 255 octets, or with other than printable ASCII without & < > " '), _HEX
 * (hexBinary not of its exact length), _NUMBER (not 1..18 decimal digits,
 * or UserKeyPeriod 0), _BOOLEAN, _DATETIME (not an xs:dateTime with a
 * four-digit year from 1970), _USER_ID_FORMAT (not 2), _PARAMETER_SET (not
 * 1), _REVOKED, _NOT_YET_VALID (now < ValidFrom), _EXPIRED (now > ValidTo).
 * On error *out is all zero.
 */
/*@ requires \valid(ctx) && \valid(out);
    requires \valid_read(doc + (0 .. len - 1));
    requires \separated(ctx, out, doc + (0 .. len - 1));
    assigns *ctx, *out;
    ensures \result <= 0;
    ensures \result == RK_OK ==> len <= RK_XML_MAX_DOC_BYTES && rk_kms_doc_in(out, len) &&
            RK_KMS_MSG_INIT <= out->msg <= RK_KMS_MSG_CERTCACHE;
    ensures \result != RK_OK ==> out->ncerts == 0 && out->nkeysets == 0 && out->msg == 0; */
RK_MUST_CHECK rk_status rk_kms_read(rk_kms_ctx *ctx, const uint8_t *doc, size_t len,
                                    int64_t now, rk_kms_doc *out) RK_API;

/*
 * rk_kms_keyset_check - a key set (field views into kdoc) against the
 * certificate of its KMS (views into cdoc, which may be the same or another
 * document): the KmsUri fields are equal (RK_ERR_KMS_URI_MISMATCH) and
 * UserID is the TS 33.180 F.2.1 UID of UserUri under that KmsUri, the
 * certificate's UserKeyPeriod and UserKeyOffset and the key set's
 * KeyPeriodNo (RK_ERR_KMS_USER_ID).  Both records as rk_kms_read returned
 * them.  RK_ERR_KMS_MISSING if a field it needs is absent.
 */
/*@ requires \valid_read(ks) && \valid_read(cert);
    requires \valid_read(kdoc + (0 .. klen - 1)) && \valid_read(cdoc + (0 .. clen - 1));
    requires rk_kms_rec_in(ks, klen) && rk_kms_rec_in(cert, clen);
    assigns \nothing;
    ensures \result <= 0; */
RK_MUST_CHECK rk_status rk_kms_keyset_check(const uint8_t *kdoc, size_t klen,
                                            const rk_kms_record *ks, const uint8_t *cdoc,
                                            size_t clen, const rk_kms_record *cert) RK_API;

#ifdef __cplusplus
}
#endif
#endif
