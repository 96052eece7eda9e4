/* SPDX-License-Identifier: Apache-2.0 */
/* KMS document reader (rootkey/kms.h): TS 33.180 Annex D responses in the
 * shapes real KMSs send (fields at two levels, prefixes, default
 * namespaces, xsi:type, comments everywhere, signed wrappers), every
 * RK_ERR_KMS_* code, the XML negatives inside a KMS document, truncation. */
#include "rk_test.h"
#include "rootkey/hash.h"
#include "rootkey/keyperiod.h"
#include "rootkey/hex.h"
#include "rootkey/kms.h"
#include "rootkey/status.h"
#include <stdio.h>
#include <string.h>

static rk_kms_ctx g_ctx;
static rk_kms_doc g_doc;
static char g_buf[65536];
static char g_tmp[65536];

#define NOW 1796601600 /* 2026-12-07T00:00:00Z */
#define KMS "kms.example.org"
#define USER "sip:alice@example.org"
#define PERIOD 2592000u
#define OFFSET 0u

static char g_z[515], g_kpak[131], g_rsk[515], g_ssk[65], g_pvt[131];

static void fill_hex(char *s, size_t digits, char c)
{
    memset(s, c, digits);
    s[0] = '0';
    s[1] = '4';
    s[digits] = 0;
}

/* The UID of USER under KMS for period no, as 64 hex digits. */
static void uid_hex(char out[65], const char *user, uint64_t no)
{
    uint8_t uid[32];
    size_t hl = 0;
    CHECK_EQ(rk_uid(uid, (const uint8_t *)user, strlen(user), (const uint8_t *)KMS, strlen(KMS),
                    PERIOD, OFFSET, no), RK_OK);
    CHECK_EQ(rk_hex_encode(out, 65, uid, 32, &hl), RK_OK);
    out[64] = 0;
}

/* Expand a template: '^' becomes the prefix, '~' the separator between
 * elements, '`' the namespace declaration for that prefix. */
static size_t expand(char *out, size_t cap, const char *t, const char *pfx, const char *sep)
{
    size_t o = 0;
    char decl[128];
    if (pfx[0])
        snprintf(decl, sizeof decl, " xmlns:%.*s=\"urn:3gpp:ns:mcsecKMSInterface:1.0\"",
                 (int)(strlen(pfx) - 1), pfx);
    else
        snprintf(decl, sizeof decl, " xmlns=\"urn:3gpp:ns:mcsecKMSInterface:1.0\"");
    for (; *t; t++) {
        const char *s = NULL;
        char one[2] = { *t, 0 };
        if (*t == '^') s = pfx;
        else if (*t == '~') s = sep;
        else if (*t == '`') s = decl;
        else s = one;
        size_t l = strlen(s);
        if (o + l >= cap)
            return 0;
        memcpy(out + o, s, l);
        o += l;
    }
    out[o] = 0;
    return o;
}

/* Parts of documents (templates). */
static char g_cert[4096], g_ks[3][4096];

static void make_cert(char *out, size_t cap, const char *kms, const char *extra)
{
    snprintf(out, cap,
             "<^KmsCertificate Version=\"1.1.0\" Role=\"Root\">~<^KmsUri>%s</^KmsUri>~"
             "<^CertUri>cert1.%s</^CertUri>~<^Issuer>www.example.org</^Issuer>~"
             "<^ValidFrom>2026-01-01T00:00:00</^ValidFrom>~<^ValidTo>2027-12-31T23:59:59Z</^ValidTo>~"
             "<^Revoked>false</^Revoked>~"
             "<^UserIdFormat>2</^UserIdFormat>~<^UserKeyPeriod>%u</^UserKeyPeriod>~"
             "<^UserKeyOffset>%u</^UserKeyOffset>~<^PubEncKey>%s</^PubEncKey>~"
             "<^PubAuthKey>%s</^PubAuthKey>~<^ParameterSet>1</^ParameterSet>~%s"
             "<^KmsDomainList><^KmsDomain>example.org</^KmsDomain></^KmsDomainList>~</^KmsCertificate>",
             kms, kms, PERIOD, OFFSET, g_z, g_kpak, extra);
}

static void make_ks(char *out, size_t cap, uint64_t no, const char *extra)
{
    char uid[65];
    uid_hex(uid, USER, no);
    snprintf(out, cap,
             "<^KmsKeySet Version=\"1.1.0\">~<^KmsUri>" KMS "</^KmsUri>~<^CertUri>cert1." KMS "</^CertUri>~"
             "<^Issuer>www.example.org</^Issuer>~<^UserUri>" USER "</^UserUri>~<^UserID>%s</^UserID>~"
             "<^ValidFrom>2026-11-01T00:00:00+01:00</^ValidFrom>~<^ValidTo>2027-01-31T00:00:00.5-05:00</^ValidTo>~"
             "<^KeyPeriodNo>%llu</^KeyPeriodNo>~<^Revoked>0</^Revoked>~"
             "<^UserDecryptKey xsi:type=\"^KeyContentType\">%s</^UserDecryptKey>~"
             "<^UserSigningKeySSK xsi:type=\"^KeyContentType\">%s</^UserSigningKeySSK>~"
             "<^UserPubTokenPVT xsi:type=\"^KeyContentType\">%s</^UserPubTokenPVT>~%s</^KmsKeySet>",
             uid, (unsigned long long)no, g_rsk, g_ssk, g_pvt, extra);
}

/* A whole response: header fields, then KmsMessage with body (already a
 * template) inside the element msg. */
static size_t make_doc(const char *pfx, const char *sep, int signed_wrap, const char *msg,
                       const char *body, const char *hdr_extra)
{
    snprintf(g_tmp, sizeof g_tmp,
             "%s<^KmsResponse`%s xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
             "Id=\"r1\" Version=\"1.0.0\">~<^UserUri>" USER "</^UserUri>~<^KmsUri>" KMS "</^KmsUri>~"
             "<^Time>2026-12-07T10:00:00Z</^Time>~<^KmsId>KMS1</^KmsId>~"
             "<^ClientReqUrl>https://" KMS "/keymanagement/identity/v1/keyprov</^ClientReqUrl>~%s"
             "<^KmsMessage>~<^%s>~%s~</^%s>~</^KmsMessage>~</^KmsResponse>%s",
             signed_wrap ? "<^SignedKmsResponse`>~" : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
             signed_wrap ? "" : "", hdr_extra, msg, body, msg,
             signed_wrap ? "~<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo>"
                           "<KmsUri>x</KmsUri></SignedInfo><SignatureValue>AAAA</SignatureValue>"
                           "</Signature>~</^SignedKmsResponse>" : "");
    return expand(g_buf, sizeof g_buf, g_tmp, pfx, sep);
}

static rk_status rd(size_t n)
{
    return rk_kms_read(&g_ctx, (const uint8_t *)g_buf, n, NOW, &g_doc);
}

static int veq(rk_xml_view v, const char *s)
{
    return rk_xml_view_eq((const uint8_t *)g_buf, strlen(g_buf), v, (const uint8_t *)s, strlen(s));
}

static void setup(void)
{
    fill_hex(g_z, 514, 'a');
    fill_hex(g_kpak, 130, 'B');
    fill_hex(g_rsk, 514, 'c');
    fill_hex(g_ssk, 64, 'd');
    fill_hex(g_pvt, 130, 'e');
    make_cert(g_cert, sizeof g_cert, KMS, "");
    make_ks(g_ks[0], sizeof g_ks[0], 11, "");
    make_ks(g_ks[1], sizeof g_ks[1], 12, "");
    make_ks(g_ks[2], sizeof g_ks[2], 13, "");
}

/* The empty doc: every view, count and number zero. */
static int doc_zero(void)
{
    const uint8_t *p = (const uint8_t *)&g_doc;
    for (size_t i = 0; i < sizeof g_doc; i++)
        if (p[i])
            return 0;
    return 1;
}

static const char *const prefixes[] = { "", "k:", "kms3gpp:" };
static const char *const seps[] = { "", "\n  ", "\n  <!-- between -->\n\t", "<!--a--><!--b-->" };

static void init_response(void)
{
    for (size_t p = 0; p < 3; p++)
        for (size_t s = 0; s < 4; s++) {
            CASE_BEGIN("kms init response, prefix '%s', separator %zu", prefixes[p], s);
            size_t n = make_doc(prefixes[p], seps[s], 0, "KmsInit", g_cert, "");
            CHECK(n > 0);
            CHECK_EQ(rd(n), RK_OK);
            CHECK_EQ(g_doc.msg, RK_KMS_MSG_INIT);
            CHECK_EQ(g_doc.ncerts, 1);
            CHECK_EQ(g_doc.nkeysets, 0);
            CHECK_EQ(g_doc.signature_unverified, 0);
            /* the fields at two levels, each to its parent */
            CHECK(veq(g_doc.header.v[RK_KMS_F_USER_URI], USER));
            CHECK(veq(g_doc.header.v[RK_KMS_F_KMS_URI], KMS));
            CHECK(veq(g_doc.header.v[RK_KMS_F_TIME], "2026-12-07T10:00:00Z"));
            CHECK(veq(g_doc.header.v[RK_KMS_F_KMS_ID], "KMS1"));
            CHECK(veq(g_doc.cert[0].v[RK_KMS_F_KMS_URI], KMS));
            CHECK(g_doc.cert[0].v[RK_KMS_F_KMS_URI].off != g_doc.header.v[RK_KMS_F_KMS_URI].off);
            CHECK(veq(g_doc.cert[0].v[RK_KMS_F_PUB_ENC_KEY], g_z));
            CHECK(veq(g_doc.cert[0].v[RK_KMS_F_PUB_AUTH_KEY], g_kpak));
            CHECK(veq(g_doc.cert[0].v[RK_KMS_F_ISSUER], "www.example.org"));
            CHECK_EQ(g_doc.cert[0].user_key_period, PERIOD);
            CHECK_EQ(g_doc.cert[0].user_key_offset, OFFSET);
            CHECK_EQ(g_doc.cert[0].valid_from, 1767225600);  /* 2026-01-01T00:00:00 */
            CHECK_EQ(g_doc.cert[0].valid_to, 1830297599);    /* 2027-12-31T23:59:59Z */
            CHECK(g_doc.cert[0].present & (1u << RK_KMS_F_PARAMETER_SET));
            CHECK(!(g_doc.header.present & (1u << RK_KMS_F_CERT_URI)));
            CASE_END();
        }
}

static void keyprov(void)
{
    for (size_t k = 1; k <= 3; k++) {
        char body[3 * 4096 + 8] = "";
        for (size_t i = 0; i < k; i++)
            strcat(body, g_ks[i]);
        for (size_t p = 0; p < 3; p++) {
            CASE_BEGIN("kms keyprov with %zu key sets, prefix '%s'", k, prefixes[p]);
            size_t n = make_doc(prefixes[p], seps[2], 0, "KmsKeyProv", body, "");
            CHECK_EQ(rd(n), RK_OK);
            CHECK_EQ(g_doc.msg, RK_KMS_MSG_KEYPROV);
            CHECK_EQ(g_doc.ncerts, 0);
            CHECK_EQ(g_doc.nkeysets, k);
            for (size_t i = 0; i < k; i++) {
                CHECK_EQ(g_doc.keyset[i].key_period_no, 11 + i);
                CHECK(veq(g_doc.keyset[i].v[RK_KMS_F_USER_URI], USER));
                CHECK(veq(g_doc.keyset[i].v[RK_KMS_F_USER_DECRYPT_KEY], g_rsk));
                CHECK(veq(g_doc.keyset[i].v[RK_KMS_F_USER_SIGNING_KEY], g_ssk));
                CHECK(veq(g_doc.keyset[i].v[RK_KMS_F_USER_PUB_TOKEN], g_pvt));
                CHECK_EQ(g_doc.keyset[i].valid_from, 1793487600); /* 2026-10-31T23:00:00Z */
                CHECK_EQ(g_doc.keyset[i].valid_to, 1801371600);   /* 2027-01-31T05:00:00Z */
            }
            CASE_END();
        }
    }
    /* more than the bound */
    CASE_BEGIN("kms keyprov with 5 key sets");
    {
        static char body[5 * 4096];
        body[0] = 0;
        for (size_t i = 0; i < 5; i++)
            strcat(body, g_ks[i % 3]);
        size_t n = make_doc("", "", 0, "KmsKeyProv", body, "");
        CHECK_EQ(rd(n), RK_ERR_KMS_TOO_MANY);
        CHECK(doc_zero());
    }
    CASE_END();
}

static void cert_cache(void)
{
    char body[2 * 4096 + 8], other[4096];
    make_cert(other, sizeof other, "iwf-kms.example.net", "");
    snprintf(body, sizeof body, "%s~%s", g_cert, other);
    CASE_BEGIN("kms cert cache with two certificates");
    size_t n = make_doc("k:", seps[1], 0, "KmsCertCache", body, "");
    CHECK_EQ(rd(n), RK_OK);
    CHECK_EQ(g_doc.msg, RK_KMS_MSG_CERTCACHE);
    CHECK_EQ(g_doc.ncerts, 2);
    CHECK(veq(g_doc.cert[0].v[RK_KMS_F_KMS_URI], KMS));
    CHECK(veq(g_doc.cert[1].v[RK_KMS_F_KMS_URI], "iwf-kms.example.net"));
    CASE_END();
    /* certificates and key sets only in their own messages (skipped
     * elsewhere, so the message is empty) */
    CASE_BEGIN("kms key set in KmsInit, certificate in KmsKeyProv");
    n = make_doc("", "", 0, "KmsInit", g_ks[0], "");
    CHECK_EQ(rd(n), RK_ERR_KMS_MISSING);
    n = make_doc("", "", 0, "KmsKeyProv", g_cert, "");
    CHECK_EQ(rd(n), RK_ERR_KMS_MISSING);
    CASE_END();
    CASE_BEGIN("kms two responses in a signed wrapper");
    n = make_doc("", "", 1, "KmsInit", g_cert, "");
    {
        char *at = strstr(g_buf, "</KmsResponse>");
        CHECK(at != NULL);
        if (at) {
            memmove(at + 14 + 13, at + 14, strlen(at + 14) + 1);
            memcpy(at + 14, "<KmsResponse>", 13);
            CHECK_EQ(rd(strlen(g_buf)), RK_ERR_KMS_REPEATED);
        }
    }
    CASE_END();
    /* KmsInit holds one certificate */
    CASE_BEGIN("kms init with two certificates");
    n = make_doc("k:", "", 0, "KmsInit", body, "");
    CHECK_EQ(rd(n), RK_ERR_KMS_MESSAGE);
    CASE_END();
}

static void namespaces(void)
{
    /* a default namespace on an inner element, prefixes changing from
     * element to element, another namespace's subtree with 3GPP names */
    static const char *docs[] = {
        "<a:KmsResponse xmlns:a=\"urn:3gpp:ns:mcsecKMSInterface:1.0\"><a:UserUri>" USER "</a:UserUri>"
        "<b:KmsUri xmlns:b=\"urn:3gpp:ns:mcsecKMSInterface:1.0\">" KMS "</b:KmsUri><a:Time>t</a:Time>"
        "<a:ClientReqUrl>u</a:ClientReqUrl><KmsMessage xmlns=\"urn:3gpp:ns:mcsecKMSInterface:1.0\">"
        "<KmsInit>CERT</KmsInit></KmsMessage></a:KmsResponse>",
        "<KmsResponse xmlns=\"urn:3gpp:ns:mcsecKMSInterface:1.0\"><UserUri>" USER "</UserUri>"
        "<KmsUri>" KMS "</KmsUri><Time>t</Time><ClientReqUrl>u</ClientReqUrl>"
        "<x:Ext xmlns:x=\"urn:vendor\"><KmsUri>evil</KmsUri><x:KmsUri>evil</x:KmsUri></x:Ext>"
        "<KmsUri2 xmlns=\"urn:vendor\"><UserUri>evil</UserUri></KmsUri2>"
        "<FutureField>whatever<Nested/></FutureField>"
        "<KmsMessage><KmsInit>CERT</KmsInit></KmsMessage></KmsResponse>",
    };
    for (size_t i = 0; i < 2; i++) {
        char cert[4096];
        CASE_BEGIN("kms namespaces %zu", i);
        expand(cert, sizeof cert, g_cert, i == 0 ? "" : "", "");
        /* the certificate in the default namespace of its parent */
        const char *at = strstr(docs[i], "CERT");
        size_t pre = (size_t)(at - docs[i]);
        snprintf(g_buf, sizeof g_buf, "%.*s%s%s", (int)pre, docs[i], cert, at + 4);
        size_t n = strlen(g_buf);
        CHECK_EQ(rd(n), RK_OK);
        CHECK(veq(g_doc.header.v[RK_KMS_F_KMS_URI], KMS));
        CHECK(veq(g_doc.header.v[RK_KMS_F_USER_URI], USER));
        CHECK_EQ(g_doc.ncerts, 1);
        CASE_END();
    }
}

static void signatures(void)
{
    CASE_BEGIN("kms signed wrapper: unverified");
    size_t n = make_doc("k:", seps[2], 1, "KmsInit", g_cert, "");
    CHECK_EQ(rd(n), RK_OK);
    CHECK_EQ(g_doc.signature_unverified, 1);
    CHECK(veq(g_doc.header.v[RK_KMS_F_KMS_URI], KMS)); /* not the Signature's KmsUri */
    CASE_END();
    CASE_BEGIN("kms signature inside the response: unverified");
    n = make_doc("", "", 0, "KmsInit", g_cert,
                 "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignatureValue>"
                 "AAAA</ds:SignatureValue></ds:Signature>");
    CHECK_EQ(rd(n), RK_OK);
    CHECK_EQ(g_doc.signature_unverified, 1);
    CASE_END();
    CASE_BEGIN("kms signed wrapper without a response");
    snprintf(g_buf, sizeof g_buf, "<SignedKmsResponse xmlns=\"urn:3gpp:ns:mcsecKMSInterface:1.0\"/>");
    CHECK_EQ(rd(strlen(g_buf)), RK_ERR_KMS_MISSING);
    CASE_END();
}

/* Replace the first occurrence of what in the expanded base document (in
 * a key-set document: after the first KmsKeySet tag); by NULL removes the
 * element starting at what, up to its end tag. */
static size_t with(const char *base_tmpl_body, const char *msg, int ks, const char *what,
                   const char *by)
{
    size_t n = make_doc("k:", seps[1], 0, msg, base_tmpl_body, "");
    char *from = ks ? strstr(g_buf, "<k:KmsKeySet") : g_buf;
    char *at = from ? strstr(from, what) : NULL;
    char endtag[64];
    size_t wl;
    if (!at || n == 0)
        return 0;
    if (by == NULL) {
        size_t nl = strcspn(what + 1, " >");
        snprintf(endtag, sizeof endtag, "</%.*s>", (int)nl, what + 1);
        char *e = strstr(at, endtag);
        if (!e)
            return 0;
        wl = (size_t)(e - at) + strlen(endtag);
        by = "";
    } else {
        wl = strlen(what);
    }
    size_t bl = strlen(by);
    memmove(at + bl, at + wl, n - (size_t)(at - g_buf) - wl + 1);
    memcpy(at, by, bl);
    return n - wl + bl;
}

typedef struct {
    const char *name;
    int ks;           /* 0: KmsInit with the certificate, 1: KmsKeyProv */
    const char *what; /* replaced in the expanded document */
    const char *by;
    rk_status want;
} edit_case;

static const edit_case edits[] = {
    { "cert without KmsUri", 0, "<k:KmsUri>" KMS "</k:KmsUri>\n  <k:CertUri>", "<k:CertUri>", RK_ERR_KMS_MISSING },
    { "header without Time", 0, "<k:Time>2026-12-07T10:00:00Z</k:Time>", "", RK_ERR_KMS_MISSING },
    { "header without ClientReqUrl", 0, "<k:ClientReqUrl>", NULL, RK_ERR_KMS_MISSING },
    { "cert without PubEncKey", 0, "<k:PubEncKey>", NULL, RK_ERR_KMS_MISSING },
    { "cert without UserKeyOffset", 0, "<k:UserKeyOffset>", NULL, RK_ERR_KMS_MISSING },
    { "cert without optional fields", 0, "<k:ValidFrom>", NULL, RK_OK },
    { "cert field twice", 0, "<k:UserIdFormat>2</k:UserIdFormat>", "<k:UserIdFormat>2</k:UserIdFormat><k:UserIdFormat>2</k:UserIdFormat>", RK_ERR_KMS_REPEATED },
    { "header field twice", 0, "<k:Time>", "<k:Time>x</k:Time><k:Time>", RK_ERR_KMS_REPEATED },
    { "two KmsMessage", 0, "</k:KmsMessage>", "</k:KmsMessage><k:KmsMessage/>", RK_ERR_KMS_REPEATED },
    { "no KmsMessage", 0, "<k:KmsMessage>", NULL, RK_ERR_KMS_MISSING },
    { "two messages", 0, "</k:KmsInit>", "</k:KmsInit><k:KmsCertCache/>", RK_ERR_KMS_MESSAGE },
    { "no message", 0, "<k:KmsInit>", NULL, RK_ERR_KMS_MESSAGE },
    { "KmsInit without certificate", 0, "<k:KmsCertificate ", NULL, RK_ERR_KMS_MISSING },
    { "UserIdFormat 3", 0, "<k:UserIdFormat>2<", "<k:UserIdFormat>3<", RK_ERR_KMS_USER_ID_FORMAT },
    { "UserIdFormat 02", 0, "<k:UserIdFormat>2<", "<k:UserIdFormat>02<", RK_ERR_KMS_USER_ID_FORMAT },
    { "ParameterSet 2", 0, "<k:ParameterSet>1<", "<k:ParameterSet>2<", RK_ERR_KMS_PARAMETER_SET },
    { "cert revoked", 0, "<k:Revoked>false<", "<k:Revoked>true<", RK_ERR_KMS_REVOKED },
    { "cert revoked 1", 0, "<k:Revoked>false<", "<k:Revoked> 1 <", RK_ERR_KMS_REVOKED },
    { "revoked not boolean", 0, "<k:Revoked>false<", "<k:Revoked>no<", RK_ERR_KMS_BOOLEAN },
    { "cert expired", 0, "2027-12-31T23:59:59Z", "2026-12-06T23:59:59Z", RK_ERR_KMS_EXPIRED },
    { "cert not yet valid", 0, "<k:ValidFrom>2026-01-01T00:00:00<", "<k:ValidFrom>2026-12-07T00:00:01Z<", RK_ERR_KMS_NOT_YET_VALID },
    { "valid from now", 0, "<k:ValidFrom>2026-01-01T00:00:00<", "<k:ValidFrom>2026-12-07T01:00:00+01:00<", RK_OK },
    { "valid to now", 0, "2027-12-31T23:59:59Z", "2026-12-06T19:00:00-05:00", RK_OK },
    { "dateTime bad month", 0, "2027-12-31T23:59:59Z", "2027-13-31T23:59:59Z", RK_ERR_KMS_DATETIME },
    { "dateTime 29 Feb non-leap", 0, "2027-12-31T23:59:59Z", "2027-02-29T00:00:00Z", RK_ERR_KMS_DATETIME },
    { "dateTime 29 Feb leap", 0, "2027-12-31T23:59:59Z", "2028-02-29T00:00:00Z", RK_OK },
    { "dateTime hour 24", 0, "2027-12-31T23:59:59Z", "2027-12-31T24:00:00Z", RK_ERR_KMS_DATETIME },
    { "dateTime zone +15:00", 0, "2027-12-31T23:59:59Z", "2027-12-31T23:59:59+15:00", RK_ERR_KMS_DATETIME },
    { "dateTime date only", 0, "2027-12-31T23:59:59Z", "2027-12-31", RK_ERR_KMS_DATETIME },
    { "dateTime empty fraction", 0, "2027-12-31T23:59:59Z", "2027-12-31T23:59:59.Z", RK_ERR_KMS_DATETIME },
    { "dateTime before 1970", 0, "<k:ValidFrom>2026-01-01T00:00:00<", "<k:ValidFrom>1969-12-31T23:59:59Z<", RK_ERR_KMS_DATETIME },
    { "UserKeyPeriod 0", 0, "<k:UserKeyPeriod>2592000<", "<k:UserKeyPeriod>0<", RK_ERR_KMS_NUMBER },
    { "UserKeyPeriod signed", 0, "<k:UserKeyPeriod>2592000<", "<k:UserKeyPeriod>+2592000<", RK_ERR_KMS_NUMBER },
    { "UserKeyOffset 19 digits", 0, "<k:UserKeyOffset>0<", "<k:UserKeyOffset>1000000000000000000<", RK_ERR_KMS_NUMBER },
    { "UserKeyOffset 18 digits", 0, "<k:UserKeyOffset>0<", "<k:UserKeyOffset>999999999999999999<", RK_OK },
    { "PubAuthKey one octet short", 0, "<k:PubAuthKey>04", "<k:PubAuthKey>", RK_ERR_KMS_HEX },
    { "PubEncKey not hex", 0, "<k:PubEncKey>04", "<k:PubEncKey>0g", RK_ERR_KMS_HEX },
    { "PubAuthKey digit '/'", 0, "<k:PubAuthKey>04", "<k:PubAuthKey>0/", RK_ERR_KMS_HEX },
    { "PubAuthKey digit ':'", 0, "<k:PubAuthKey>04", "<k:PubAuthKey>0:", RK_ERR_KMS_HEX },
    { "PubAuthKey digit '@'", 0, "<k:PubAuthKey>04", "<k:PubAuthKey>0@", RK_ERR_KMS_HEX },
    { "PubAuthKey digit 'G'", 0, "<k:PubAuthKey>04", "<k:PubAuthKey>0G", RK_ERR_KMS_HEX },
    { "PubAuthKey digit '`'", 0, "<k:PubAuthKey>04", "<k:PubAuthKey>0`", RK_ERR_KMS_HEX },
    { "PubAuthKey digits 'fF09aA'", 0, "<k:PubAuthKey>04BBBBBB", "<k:PubAuthKey>04fF09aA", RK_OK },
    { "key set SSK digit 'g'", 1, "<k:UserSigningKeySSK xsi:type=\"k:KeyContentType\">04", "<k:UserSigningKeySSK>0g", RK_ERR_KMS_HEX },
    { "PubEncKey with a reference", 0, "<k:PubEncKey>04", "<k:PubEncKey>&#48;4", RK_ERR_KMS_HEX },
    { "KmsUri with a space", 0, "<k:UserUri>sip:alice", "<k:UserUri>sip: alice", RK_ERR_KMS_URI },
    { "KmsUri empty", 0, "<k:KmsUri>" KMS "</k:KmsUri>\n  <k:CertUri>", "<k:KmsUri> </k:KmsUri><k:CertUri>", RK_ERR_KMS_URI },
    { "text between elements", 0, "<k:Time>", "stray<k:Time>", RK_ERR_KMS_CONTENT },
    { "child in a field", 0, "<k:Time>2026", "<k:Time><k:x/>2026", RK_ERR_KMS_CONTENT },
    { "text split by a comment", 0, "<k:Time>2026", "<k:Time>20<!-- c -->26", RK_ERR_KMS_CONTENT },
    { "wrong root", 0, "k:KmsResponse", "k:KmsRequest", RK_ERR_KMS_ROOT },
    { "unknown 3GPP element skipped", 0, "<k:Time>", "<k:NewThing a=\"1\"><k:KmsUri>evil</k:KmsUri></k:NewThing><k:Time>", RK_OK },
    { "xsi:type and unknown attributes tolerated", 0, "<k:Time>", "<k:Time xsi:type=\"xs:dateTime\" foo=\"bar\">", RK_OK },
    { "key set RSK encrypted (xsi:type)", 1, "xsi:type=\"k:KeyContentType\">", "xsi:type=\"k:EncKeyContentType\">", RK_ERR_KMS_ENCRYPTED },
    { "key set SSK encrypted (child)", 1, "<k:UserSigningKeySSK xsi:type=\"k:KeyContentType\">", "<k:UserSigningKeySSK><xenc:EncryptedKey xmlns:xenc=\"http://www.w3.org/2001/04/xmlenc#\"/>", RK_ERR_KMS_ENCRYPTED },
    { "key set revoked", 1, "<k:Revoked>0<", "<k:Revoked>1<", RK_ERR_KMS_REVOKED },
    { "key set expired", 1, "2027-01-31T00:00:00.5-05:00", "2026-12-06T23:59:59.999Z", RK_ERR_KMS_EXPIRED },
    { "key set UserID short", 1, "<k:UserID>", "<k:UserID>00", RK_ERR_KMS_HEX },
    { "key set without UserUri", 1, "<k:UserUri>", NULL, RK_ERR_KMS_MISSING },
    { "key set without PVT", 1, "<k:UserPubTokenPVT ", NULL, RK_ERR_KMS_MISSING },
    { "key set KeyPeriodNo missing", 1, "<k:KeyPeriodNo>11</k:KeyPeriodNo>", "", RK_ERR_KMS_MISSING },
    { "key set UserUri twice", 1, "<k:UserID>", "<k:UserUri>x</k:UserUri><k:UserID>", RK_ERR_KMS_REPEATED },
    /* the XML reader's negatives inside a KMS document */
    { "DOCTYPE", 0, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<!DOCTYPE k:KmsResponse [<!ENTITY e \"x\">]>", RK_ERR_XML_DOCTYPE },
    { "entity reference", 0, "<k:Time>", "<k:Time>&e;", RK_ERR_XML_ENTITY },
    { "CDATA", 0, "<k:Time>", "<k:Time><![CDATA[x]]>", RK_ERR_XML_CDATA },
    { "PI", 0, "<k:Time>", "<?pi x?><k:Time>", RK_ERR_XML_PI },
    { "unbound prefix", 0, "<k:Time>", "<z:Time>", RK_ERR_XML_NS_UNBOUND },
    { "mismatched end tag", 0, "</k:Time>", "</k:time>", RK_ERR_XML_MISMATCH },
    { "bad UTF-8", 0, "www.example.org", "www.ex\xC0\xAFmple.org", RK_ERR_XML_UTF8_OVERLONG },
    { "NUL", 0, "KMS1", "KM\x01" "1", RK_ERR_XML_CHAR },
    { "second root", 0, "</k:KmsResponse>", "</k:KmsResponse><k:KmsResponse/>", RK_ERR_XML_MULTIPLE_ROOTS },
};

static void edit_cases(void)
{
    char body[3 * 4096];
    snprintf(body, sizeof body, "%s%s", g_ks[0], g_ks[1]);
    for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
        const edit_case *e = &edits[i];
        CASE_BEGIN("kms edit: %s", e->name);
        size_t n = with(e->ks ? body : g_cert, e->ks ? "KmsKeyProv" : "KmsInit", e->ks, e->what, e->by);
        CHECK(n > 0);
        rk_status st = rd(n);
        if (st != e->want)
            rk_t_failf(__FILE__, __LINE__, "%s: got %d (%s), want %d (%s)", e->name, st,
                       rk_strerror(st), e->want, rk_strerror(e->want));
        if (st != RK_OK)
            CHECK(doc_zero());
        CASE_END();
    }
}

static void keyset_checks(void)
{
    char cert_doc[8192];
    size_t cn, kn;
    static rk_kms_doc cdoc;
    CASE_BEGIN("kms key set against its certificate");
    cn = make_doc("", "", 0, "KmsInit", g_cert, "");
    CHECK_EQ(rk_kms_read(&g_ctx, (const uint8_t *)g_buf, cn, NOW, &cdoc), RK_OK);
    memcpy(cert_doc, g_buf, cn + 1);
    char body[3 * 4096];
    snprintf(body, sizeof body, "%s%s", g_ks[0], g_ks[1]);
    kn = make_doc("k:", "\n", 0, "KmsKeyProv", body, "");
    CHECK_EQ(rd(kn), RK_OK);
    for (size_t i = 0; i < 2; i++)
        CHECK_EQ(rk_kms_keyset_check((const uint8_t *)g_buf, kn, &g_doc.keyset[i],
                                     (const uint8_t *)cert_doc, cn, &cdoc.cert[0]), RK_OK);
    /* UserID of another period, another user */
    char uid[65], *at;
    uid_hex(uid, USER, 12);
    at = strstr(g_buf, uid); /* the second key set's UserID */
    CHECK(at != NULL);
    if (at) {
        char bad[65];
        uid_hex(bad, USER, 11);
        memcpy(at, bad, 64);
        CHECK_EQ(rd(kn), RK_OK);
        CHECK_EQ(rk_kms_keyset_check((const uint8_t *)g_buf, kn, &g_doc.keyset[1],
                                     (const uint8_t *)cert_doc, cn, &cdoc.cert[0]), RK_ERR_KMS_USER_ID);
        uid_hex(bad, "sip:bob@example.org", 12);
        memcpy(at, bad, 64);
        CHECK_EQ(rd(kn), RK_OK);
        CHECK_EQ(rk_kms_keyset_check((const uint8_t *)g_buf, kn, &g_doc.keyset[1],
                                     (const uint8_t *)cert_doc, cn, &cdoc.cert[0]), RK_ERR_KMS_USER_ID);
    }
    /* a certificate of another KMS */
    char other[4096];
    make_cert(other, sizeof other, "kms.example.net", "");
    cn = make_doc("", "", 0, "KmsInit", other, "");
    CHECK_EQ(rk_kms_read(&g_ctx, (const uint8_t *)g_buf, cn, NOW, &cdoc), RK_OK);
    memcpy(cert_doc, g_buf, cn + 1);
    kn = make_doc("k:", "\n", 0, "KmsKeyProv", body, "");
    CHECK_EQ(rd(kn), RK_OK);
    CHECK_EQ(rk_kms_keyset_check((const uint8_t *)g_buf, kn, &g_doc.keyset[0],
                                 (const uint8_t *)cert_doc, cn, &cdoc.cert[0]), RK_ERR_KMS_URI_MISMATCH);
    /* a record without the fields */
    static rk_kms_record empty;
    CHECK_EQ(rk_kms_keyset_check((const uint8_t *)g_buf, kn, &empty,
                                 (const uint8_t *)cert_doc, cn, &cdoc.cert[0]), RK_ERR_KMS_MISSING);
    CASE_END();
}

/* Every prefix of a good document is refused, with everything zeroed. */
static void truncated(void)
{
    char body[3 * 4096];
    snprintf(body, sizeof body, "%s%s", g_ks[0], g_ks[1]);
    size_t n = make_doc("k:", seps[2], 1, "KmsKeyProv", body, "");
    CASE_BEGIN("kms truncated documents");
    CHECK_EQ(rd(n), RK_OK);
    size_t step = rk_t_quick() ? 7 : 1;
    for (size_t l = 0; l < n && !rk_t_case_failed(); l += step) {
        rk_status st = rd(l);
        if (st == RK_OK)
            rk_t_failf(__FILE__, __LINE__, "prefix of %zu octets accepted", l);
        CHECK(doc_zero());
    }
    CASE_END();
}

static void codes(void)
{
    for (int c = -1400; c >= -1418; c--) {
        CHECK(strncmp(rk_strerror(c), "kms: ", 5) == 0);
        for (int d = c - 1; d >= -1418; d--)
            CHECK(strcmp(rk_strerror(c), rk_strerror(d)) != 0);
    }
}

void rk_suite_kms(void)
{
    setup();
    RUN(init_response);
    RUN(keyprov);
    RUN(cert_cache);
    RUN(namespaces);
    RUN(signatures);
    RUN(edit_cases);
    RUN(keyset_checks);
    RUN(truncated);
    RUN(codes);
}
