/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/kms.h; docs/kms.md */
#include "rootkey/kms.h"
#include "rootkey/hash.h"
#include "rootkey/keyperiod.h"

/* Every name the reader compares, in one table (offsets and lengths
 * below); the first RK_KMS_NFIELDS entries are the fields, by index. */
static const uint8_t g_lits[442] =
    "UserUriKmsUriTimeKmsIdClientReqUrlCertUriIssuerValidFromValidToRevokedUserIdFormatUserKeyP"
    "eriodUserKeyOffsetPubEncKeyPubAuthKeyParameterSetUserIDKeyPeriodNoUserDecryptKeyUserSignin"
    "gKeySSKUserPubTokenPVTSignedKmsResponseKmsResponseKmsMessageKmsInitKmsKeyProvKmsCertCacheK"
    "msCertificateKmsKeySeturn:3gpp:ns:mcsecKMSInterface:1.0http://www.w3.org/2000/09/xmldsig#S"
    "ignaturehttp://www.w3.org/2001/XMLSchema-instancetypeEncKeyContentTypetruefalse102";
static const uint16_t g_off[40] = { 0, 7, 13, 17, 22, 34, 41, 47, 56, 63, 70, 82, 95, 108, 117, 127, 139, 145, 156, 170, 187, 202, 219, 230, 240, 247, 257, 269, 283, 292, 325, 359, 368, 409, 413, 430, 434, 439, 440, 441 };
static const uint8_t g_len[40] = { 7, 6, 4, 5, 12, 7, 6, 9, 7, 7, 12, 13, 13, 9, 10, 12, 6, 11, 14, 17, 15, 17, 11, 10, 7, 10, 12, 14, 9, 33, 34, 9, 41, 4, 17, 4, 5, 1, 1, 1 };
#define LIT_TOTAL 442u
#define NLIT 40u

/* Bit f of a record's present mask (a table: no shift to bound). */
static const uint64_t g_bit[RK_KMS_NFIELDS] = {
    0x1u, 0x2u, 0x4u, 0x8u, 0x10u, 0x20u, 0x40u, 0x80u, 0x100u, 0x200u, 0x400u,
    0x800u, 0x1000u, 0x2000u, 0x4000u, 0x8000u, 0x10000u, 0x20000u, 0x40000u, 0x80000u,
    0x100000u };

/* Names that are not fields (indices into the table above). */
#define N_SIGNED 21u
#define N_RESP 22u
#define N_MSG 23u
#define N_INIT 24u
#define N_KEYPROV 25u
#define N_CERTCACHE 26u
#define N_CERT 27u
#define N_KEYSET 28u
#define N_NS 29u
#define N_DSIG 30u
#define N_SIGNATURE 31u
#define N_XSI 32u
#define N_TYPE 33u
#define N_ENC 34u
#define N_TRUE 35u
#define N_FALSE 36u
#define N_ONE 37u
#define N_ZERO 38u
#define N_TWO 39u

/* Where the scan is: the innermost element it interprets. */
#define C_TOP 0    /* before the root */
#define C_SIGNED 1 /* SignedKmsResponse */
#define C_RESP 2   /* KmsResponse */
#define C_MSG 3    /* KmsMessage */
#define C_LIST 4   /* KmsInit, KmsKeyProv or KmsCertCache */
#define C_CERT 5   /* KmsCertificate */
#define C_KEYSET 6 /* KmsKeySet */
#define C_DONE 7   /* after the root */

/* Record kinds. */
#define R_HDR 0
#define R_CERT 1
#define R_KS 2

/* Fields each record may hold and must hold (bit f = field f). */
#define ALLOW_HDR 0x1Fu       /* UserUri KmsUri Time KmsId ClientReqUrl */
#define NEED_HDR 0x17u        /* all but KmsId */
#define ALLOW_CERT 0xFFE2u    /* KmsUri, CertUri .. ParameterSet */
#define NEED_CERT 0x7C02u     /* KmsUri UserIdFormat UserKeyPeriod UserKeyOffset PubEncKey PubAuthKey */
#define ALLOW_KS 0x1F03E3u    /* UserUri KmsUri CertUri Issuer ValidFrom ValidTo Revoked UserID .. PVT */
#define NEED_KS 0x1F0003u     /* UserUri KmsUri UserID KeyPeriodNo UserDecryptKey SSK PVT */

/*@ assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int is_ws(uint8_t b)
{
    return b == 0x20u || b == 0x9u || b == 0xAu || b == 0xDu;
}

/* 1 if the view v of d is name id of the table. */
/*@ requires rk_xml_view_in(v, n);
    requires \valid_read(d + (0 .. n - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int is_lit(const uint8_t *d, size_t n, rk_xml_view v, size_t id)
{
    size_t o, l;
    if (id >= NLIT)
        return 0;
    o = g_off[id];
    l = g_len[id];
    if (o > LIT_TOTAL || l > LIT_TOTAL - o)
        return 0;
    return rk_xml_view_eq(d, n, v, g_lits + o, l);
}

/* v without leading and trailing XML whitespace. */
/*@ requires rk_xml_view_in(v, n);
    requires \valid_read(d + (0 .. n - 1));
    assigns \nothing;
    ensures rk_xml_view_in(\result, n); */
static rk_xml_view trim(const uint8_t *d, size_t n, rk_xml_view v)
{
    size_t a = v.off, b = v.off + v.len;
    rk_xml_view r;
    (void)n;
    /*@ loop invariant v.off <= a <= b;
        loop assigns a;
        loop variant b - a; */
    while (a < b && is_ws(d[a]))
        a++;
    /*@ loop invariant a <= b <= v.off + v.len;
        loop assigns b;
        loop variant b - a; */
    while (b > a && is_ws(d[b - 1u]))
        b--;
    r.off = a;
    r.len = b - a;
    return r;
}

/* The local part of a QName value (after its last colon). */
/*@ requires rk_xml_view_in(v, n);
    requires \valid_read(d + (0 .. n - 1));
    assigns \nothing;
    ensures rk_xml_view_in(\result, n); */
static rk_xml_view qlocal(const uint8_t *d, size_t n, rk_xml_view v)
{
    rk_xml_view r = v;
    (void)n;
    /*@ loop invariant 0 <= k <= v.len;
        loop invariant v.off <= r.off && r.off + r.len == v.off + v.len;
        loop assigns k, r;
        loop variant v.len - k; */
    for (size_t k = 0; k < v.len; k++)
        if (d[v.off + k] == ':') {
            r.off = v.off + k + 1u;
            r.len = v.len - k - 1u;
        }
    return r;
}

/* 1 if the start tag carries xsi:type naming EncKeyContentType (Annex D's
 * encrypted form of a key field). */
/*@ requires \valid_read(d + (0 .. n - 1));
    requires \valid_read(ev);
    requires rk_xml_event_in(ev, n);
    assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int enc_type(const uint8_t *d, size_t n, const rk_xml_event *ev)
{
    size_t na = ev->nattrs;
    /*@ loop invariant 0 <= i <= na;
        loop assigns i;
        loop variant na - i; */
    for (size_t i = 0; i < na; i++) {
        rk_xml_view ns = ev->attr[i].ns;
        rk_xml_view lo = ev->attr[i].local;
        rk_xml_view va = ev->attr[i].value;
        if (is_lit(d, n, ns, N_XSI) && is_lit(d, n, lo, N_TYPE) &&
            is_lit(d, n, qlocal(d, n, va), N_ENC))
            return 1;
    }
    return 0;
}

/* The field of record kind rec named local, or -1 (not a field there). */
/*@ requires rk_xml_view_in(local, n);
    requires \valid_read(d + (0 .. n - 1));
    assigns \nothing;
    ensures -1 <= \result < RK_KMS_NFIELDS; */
static int field_of(const uint8_t *d, size_t n, rk_xml_view local, int rec)
{
    uint32_t allow = rec == R_HDR ? ALLOW_HDR : rec == R_CERT ? ALLOW_CERT : ALLOW_KS;
    /*@ loop invariant 0 <= f <= RK_KMS_NFIELDS;
        loop assigns f;
        loop variant RK_KMS_NFIELDS - f; */
    for (uint32_t f = 0; f < RK_KMS_NFIELDS; f++)
        if (((allow >> f) & 1u) != 0 && is_lit(d, n, local, f))
            return (int)f;
    return -1;
}

/* The scan between two events, passed and returned by value (as in
 * profile.c: no frame proofs across the reader's writes). */
typedef struct {
    int ctx;         /* C_* */
    int signed_root; /* the root is SignedKmsResponse */
    int msg;         /* RK_KMS_MSG_* seen, or 0 */
    int sig;         /* a signature element was seen */
    int nresp;       /* KmsResponse seen */
    int nmsgel;      /* KmsMessage seen */
    int rec;         /* R_*: the record the open field belongs to */
    int fid;         /* the open field, or -1 */
    int ftext;       /* the open field has its text */
    int store;       /* val is to be stored as field fid of the record */
    size_t skip;     /* depth of the element skipped with its subtree, or 0 */
    size_t idx;      /* the open certificate or key set */
    size_t ncert;
    size_t nks;
    rk_xml_view val;
    rk_status err;
} scan_st;

/*@ predicate scan_ok(scan_st s, integer n) =
        s.ncert <= RK_KMS_MAX_CERTS && s.nks <= RK_KMS_MAX_KEYSETS &&
        s.idx < RK_KMS_MAX_CERTS && s.idx < RK_KMS_MAX_KEYSETS &&
        -1 <= s.fid < RK_KMS_NFIELDS && R_HDR <= s.rec <= R_KS && s.err <= 0 &&
        (s.store != 0 ==> 0 <= s.fid) && rk_xml_view_in(s.val, n); */

/* A START event in the KMS namespace (kms != 0) or not, in context. */
/*@ requires \valid_read(d + (0 .. n - 1));
    requires \valid_read(ev);
    requires rk_xml_event_in(ev, n);
    requires scan_ok(s, n) && s.skip == 0 && s.fid < 0;
    assigns \nothing;
    ensures scan_ok(\result, n); */
static scan_st open_el(const uint8_t *d, size_t n, const rk_xml_event *ev, scan_st s)
{
    size_t dep = ev->depth;
    rk_xml_view local = ev->local;
    int kms = is_lit(d, n, ev->ns, N_NS);
    int f, rec;
    if (s.ctx == C_TOP) {
        if (kms && is_lit(d, n, local, N_SIGNED)) {
            s.ctx = C_SIGNED;
            s.signed_root = 1;
            s.sig = 1;
        } else if (kms && is_lit(d, n, local, N_RESP)) {
            s.ctx = C_RESP;
            s.nresp = 1;
        } else {
            s.err = RK_ERR_KMS_ROOT;
        }
        return s;
    }
    if (!kms || s.ctx == C_DONE) {
        s.skip = dep; /* another namespace: skipped with its subtree */
        return s;
    }
    if (s.ctx == C_SIGNED) {
        if (!is_lit(d, n, local, N_RESP))
            s.skip = dep;
        else if (s.nresp != 0)
            s.err = RK_ERR_KMS_REPEATED;
        else {
            s.nresp = 1;
            s.ctx = C_RESP;
        }
        return s;
    }
    if (s.ctx == C_MSG) {
        int m = is_lit(d, n, local, N_INIT) ? RK_KMS_MSG_INIT :
                is_lit(d, n, local, N_KEYPROV) ? RK_KMS_MSG_KEYPROV :
                is_lit(d, n, local, N_CERTCACHE) ? RK_KMS_MSG_CERTCACHE : 0;
        if (m == 0)
            s.skip = dep;
        else if (s.msg != 0)
            s.err = RK_ERR_KMS_MESSAGE;
        else {
            s.msg = m;
            s.ctx = C_LIST;
        }
        return s;
    }
    if (s.ctx == C_LIST) {
        if (s.msg != RK_KMS_MSG_KEYPROV && is_lit(d, n, local, N_CERT)) {
            if (s.msg == RK_KMS_MSG_INIT && s.ncert != 0)
                s.err = RK_ERR_KMS_MESSAGE;
            else if (s.ncert >= RK_KMS_MAX_CERTS)
                s.err = RK_ERR_KMS_TOO_MANY;
            else {
                s.idx = s.ncert;
                s.ncert = s.ncert + 1u;
                s.ctx = C_CERT;
            }
        } else if (s.msg == RK_KMS_MSG_KEYPROV && is_lit(d, n, local, N_KEYSET)) {
            if (s.nks >= RK_KMS_MAX_KEYSETS)
                s.err = RK_ERR_KMS_TOO_MANY;
            else {
                s.idx = s.nks;
                s.nks = s.nks + 1u;
                s.ctx = C_KEYSET;
            }
        } else {
            s.skip = dep;
        }
        return s;
    }
    if (s.ctx == C_RESP && is_lit(d, n, local, N_MSG)) {
        if (s.nmsgel != 0)
            s.err = RK_ERR_KMS_REPEATED;
        else {
            s.nmsgel = 1;
            s.ctx = C_MSG;
        }
        return s;
    }
    /* KmsResponse, KmsCertificate, KmsKeySet: a field of the record, or an
     * unknown element, skipped */
    rec = s.ctx == C_RESP ? R_HDR : s.ctx == C_CERT ? R_CERT : R_KS;
    f = field_of(d, n, local, rec);
    if (f < 0) {
        s.skip = dep;
        return s;
    }
    if (f >= RK_KMS_F_USER_DECRYPT_KEY && enc_type(d, n, ev)) {
        s.err = RK_ERR_KMS_ENCRYPTED;
        return s;
    }
    s.rec = rec;
    s.fid = f;
    s.ftext = 0;
    return s;
}

/* A START event. */
/*@ requires \valid_read(d + (0 .. n - 1));
    requires \valid_read(ev);
    requires rk_xml_event_in(ev, n);
    requires scan_ok(s, n);
    assigns \nothing;
    ensures scan_ok(\result, n); */
static scan_st on_start(const uint8_t *d, size_t n, const rk_xml_event *ev, scan_st s)
{
    if (is_lit(d, n, ev->ns, N_DSIG) && is_lit(d, n, ev->local, N_SIGNATURE))
        s.sig = 1; /* anywhere, skipped or not */
    if (s.skip != 0)
        return s;
    if (s.fid >= 0) {
        /* fields are leaves; a key field with a child is the encrypted form */
        s.err = s.fid >= RK_KMS_F_USER_DECRYPT_KEY ? RK_ERR_KMS_ENCRYPTED : RK_ERR_KMS_CONTENT;
        return s;
    }
    return open_el(d, n, ev, s);
}

/* A TEXT event: a field's one run of text (val, to store), or whitespace
 * between elements. */
/*@ requires \valid_read(d + (0 .. n - 1));
    requires \valid_read(ev);
    requires rk_xml_event_in(ev, n);
    requires scan_ok(s, n);
    assigns \nothing;
    ensures scan_ok(\result, n); */
static scan_st on_text(const uint8_t *d, size_t n, const rk_xml_event *ev, scan_st s)
{
    rk_xml_view t = ev->text;
    if (s.skip != 0)
        return s;
    if (s.fid >= 0) {
        if (s.ftext != 0) {
            s.err = RK_ERR_KMS_CONTENT; /* text split by a comment */
            return s;
        }
        s.ftext = 1;
        s.val = trim(d, n, t);
        s.store = 1;
        return s;
    }
    /*@ loop invariant 0 <= k <= t.len;
        loop assigns k;
        loop variant t.len - k; */
    for (size_t k = 0; k < t.len; k++)
        if (!is_ws(d[t.off + k])) {
            s.err = RK_ERR_KMS_CONTENT;
            return s;
        }
    return s;
}

/* An END event: the skipped subtree, the field or the context closed. */
/*@ requires \valid_read(ev);
    requires scan_ok(s, n) && s.store == 0;
    assigns \nothing;
    ensures scan_ok(\result, n); */
static scan_st on_end(const rk_xml_event *ev, size_t n, scan_st s)
{
    (void)n;
    if (s.skip != 0) {
        if (ev->depth == s.skip)
            s.skip = 0;
        return s;
    }
    if (s.fid >= 0) {
        s.fid = -1;
        return s;
    }
    if (s.ctx == C_CERT || s.ctx == C_KEYSET)
        s.ctx = C_LIST;
    else if (s.ctx == C_LIST)
        s.ctx = C_MSG;
    else if (s.ctx == C_MSG)
        s.ctx = C_RESP;
    else if (s.ctx == C_RESP && s.signed_root != 0)
        s.ctx = C_SIGNED;
    else
        s.ctx = C_DONE;
    return s;
}

/* The present bits of the record (rec, idx). */
/*@ requires \valid_read(out);
    requires idx < RK_KMS_MAX_CERTS && idx < RK_KMS_MAX_KEYSETS;
    assigns \nothing; */
static uint64_t get_present(const rk_kms_doc *out, int rec, size_t idx)
{
    if (rec == R_HDR)
        return out->header.present;
    if (rec == R_CERT)
        return out->cert[idx].present;
    return out->keyset[idx].present;
}

/*@ requires \valid(out);
    requires idx < RK_KMS_MAX_CERTS && idx < RK_KMS_MAX_KEYSETS;
    assigns out->header.present, out->cert[idx].present, out->keyset[idx].present; */
static void set_present(rk_kms_doc *out, int rec, size_t idx, uint64_t p)
{
    if (rec == R_HDR)
        out->header.present = p;
    else if (rec == R_CERT)
        out->cert[idx].present = p;
    else
        out->keyset[idx].present = p;
}

/*@ requires \valid(out);
    requires idx < RK_KMS_MAX_CERTS && idx < RK_KMS_MAX_KEYSETS;
    requires 0 <= f < RK_KMS_NFIELDS;
    assigns out->header.v[f], out->cert[idx].v[f], out->keyset[idx].v[f]; */
static void put_view(rk_kms_doc *out, int rec, size_t idx, int f, rk_xml_view v)
{
    if (rec == R_HDR) {
        out->header.v[f].off = v.off;
        out->header.v[f].len = v.len;
    } else if (rec == R_CERT) {
        out->cert[idx].v[f].off = v.off;
        out->cert[idx].v[f].len = v.len;
    } else {
        out->keyset[idx].v[f].off = v.off;
        out->keyset[idx].v[f].len = v.len;
    }
}

/* A field just opened (s.fid): once per record, or RK_ERR_KMS_REPEATED. */
/*@ requires \valid(out);
    requires scan_ok(s, n) && 0 <= s.fid;
    assigns out->header.present, out->cert[s.idx].present, out->keyset[s.idx].present;
    ensures scan_ok(\result, n); */
static scan_st mark_field(rk_kms_doc *out, scan_st s, size_t n)
{
    uint64_t p = get_present(out, s.rec, s.idx);
    uint64_t bit = g_bit[s.fid];
    (void)n;
    if ((p & bit) != 0) {
        s.err = RK_ERR_KMS_REPEATED;
        return s;
    }
    set_present(out, s.rec, s.idx, p | bit);
    return s;
}

/* The scan's verdict at the end of the document: the structure complete. */
/*@ assigns \nothing;
    ensures \result <= 0;
    ensures \result == RK_OK ==> RK_KMS_MSG_INIT <= s.msg <= RK_KMS_MSG_CERTCACHE; */
static rk_status finish(scan_st s)
{
    if (s.nresp == 0 || s.nmsgel == 0)
        return RK_ERR_KMS_MISSING;
    if (s.msg < RK_KMS_MSG_INIT || s.msg > RK_KMS_MSG_CERTCACHE)
        return RK_ERR_KMS_MESSAGE;
    if (s.msg == RK_KMS_MSG_KEYPROV ? s.nks == 0 : s.ncert == 0)
        return RK_ERR_KMS_MISSING;
    return RK_OK;
}

/* Read the whole document, structure only: views and present bits into
 * *out, counts and flags in the result. */
/*@ requires \valid(ctx) && \valid(out);
    requires \valid_read(doc + (0 .. len - 1));
    requires \separated(ctx, out, doc + (0 .. len - 1));
    assigns *ctx, *out;
    ensures \result.err <= 0;
    ensures \result.err == RK_OK ==> len <= RK_XML_MAX_DOC_BYTES && scan_ok(\result, len) &&
        RK_KMS_MSG_INIT <= \result.msg <= RK_KMS_MSG_CERTCACHE; */
static scan_st scan(rk_kms_ctx *ctx, const uint8_t *doc, size_t len, rk_kms_doc *out)
{
    scan_st s;
    size_t bound;
    s.ctx = C_TOP;
    s.signed_root = 0;
    s.msg = 0;
    s.sig = 0;
    s.nresp = 0;
    s.nmsgel = 0;
    s.rec = R_HDR;
    s.fid = -1;
    s.ftext = 0;
    s.store = 0;
    s.skip = 0;
    s.idx = 0;
    s.ncert = 0;
    s.nks = 0;
    s.val.off = 0;
    s.val.len = 0;
    s.err = rk_xml_reader_init(&ctx->rd, doc, len, 0);
    if (s.err != RK_OK)
        return s;
    /* every event but EOF and the END of <a/> consumes an octet */
    bound = 2u * len + 2u;
    /*@ loop invariant rk_xml_inv(&ctx->rd);
        loop invariant ctx->rd.doc == doc && ctx->rd.len == len;
        loop invariant len <= RK_XML_MAX_DOC_BYTES;
        loop invariant 0 <= it <= bound;
        loop invariant scan_ok(s, len) && s.err == RK_OK && s.store == 0;
        loop assigns it, ctx->rd, ctx->ev, s, *out;
        loop variant bound - it; */
    for (size_t it = 0; it < bound; it++) {
        rk_xml_event *ev = &ctx->ev;
        int type;
        int opened;
        s.err = rk_xml_next(&ctx->rd, ev);
        if (s.err != RK_OK)
            return s;
        type = ev->type;
        if (type == RK_XML_EV_EOF) {
            s.err = finish(s);
            return s;
        }
        opened = 0;
        if (type == RK_XML_EV_START) {
            int was = s.fid;
            s = on_start(doc, len, ev, s);
            opened = was < 0 && s.fid >= 0;
        } else if (type == RK_XML_EV_TEXT) {
            s = on_text(doc, len, ev, s);
        } else {
            s = on_end(ev, len, s);
        }
        if (s.err != RK_OK)
            return s;
        if (opened)
            s = mark_field(out, s, len);
        if (s.err != RK_OK)
            return s;
        if (s.store != 0) {
            put_view(out, s.rec, s.idx, s.fid, s.val);
            s.store = 0;
        }
    }
    s.err = RK_ERR_INTERNAL;
    return s;
}

/* ----------------------------------------------------------- values */

/* Value of the decimal digits d[p .. p+k-1] (k <= 4), or -1. */
/*@ requires p <= n && k <= n - p && k <= 4;
    requires \valid_read(d + (0 .. n - 1));
    assigns \nothing;
    ensures -1 <= \result <= 9999; */
static int32_t digits(const uint8_t *d, size_t n, size_t p, size_t k)
{
    int32_t v = 0;
    (void)n;
    /*@ loop invariant 0 <= i <= k;
        loop invariant 0 <= v <= 9999;
        loop invariant i <= 3 ==> v <= 999;
        loop invariant i <= 2 ==> v <= 99;
        loop invariant i <= 1 ==> v <= 9;
        loop invariant i == 0 ==> v == 0;
        loop assigns i, v;
        loop variant k - i; */
    for (size_t i = 0; i < k; i++) {
        uint8_t c = d[p + i];
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (int32_t)(c - '0');
    }
    return v;
}

/* Days from 1970-01-01 to y-m-d (1970 <= y <= 9999, 1 <= m <= 12, d valid);
 * -1 if the day does not exist. */
/*@ assigns \nothing;
    ensures -1 <= \result <= 3000000; */
static int64_t days_from_1970(int32_t y, int32_t m, int32_t dd)
{
    static const int16_t cum[12] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
    static const int8_t mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int64_t y1, leaps, days;
    int leap;
    int32_t ml;
    if (y < 1970 || y > 9999 || m < 1 || m > 12 || dd < 1)
        return -1;
    leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    ml = mdays[m - 1];
    if (m == 2 && leap)
        ml = 29;
    if (dd > ml)
        return -1;
    y1 = (int64_t)y - 1;
    /* leap years in [1970, y): those up to y-1 less those up to 1969 */
    leaps = (y1 / 4 - y1 / 100 + y1 / 400) - (1969 / 4 - 1969 / 100 + 1969 / 400);
    days = ((int64_t)y - 1970) * 365 + leaps + cum[m - 1] + ((m > 2 && leap) ? 1 : 0) + dd - 1;
    if (days < 0 || days > 3000000)
        return -1;
    return days;
}

typedef struct {
    rk_status st;
    int64_t t;
} dt_res;

/* xs:dateTime: YYYY-MM-DDThh:mm:ss[.s+][Z|(+|-)hh:mm], a four-digit year
 * from 1970; no zone is read as UTC; fractions are dropped. */
/*@ requires rk_xml_view_in(v, n);
    requires \valid_read(d + (0 .. n - 1));
    assigns \nothing;
    ensures \result.st == RK_OK || \result.st == RK_ERR_KMS_DATETIME; */
static dt_res parse_dt(const uint8_t *d, size_t n, rk_xml_view v)
{
    dt_res r;
    size_t p = v.off, e = v.off + v.len, q;
    int32_t y, mo, dd, h, mi, se;
    int64_t days, tz = 0;
    r.st = RK_ERR_KMS_DATETIME;
    r.t = 0;
    if (v.len < 19u || d[p + 4u] != '-' || d[p + 7u] != '-' || d[p + 10u] != 'T' ||
        d[p + 13u] != ':' || d[p + 16u] != ':')
        return r;
    y = digits(d, n, p, 4);
    mo = digits(d, n, p + 5u, 2);
    dd = digits(d, n, p + 8u, 2);
    h = digits(d, n, p + 11u, 2);
    mi = digits(d, n, p + 14u, 2);
    se = digits(d, n, p + 17u, 2);
    if (y < 0 || mo < 0 || dd < 0 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59)
        return r;
    q = p + 19u;
    if (q < e && d[q] == '.') {
        size_t q0 = q + 1u;
        q = q0;
        /*@ loop invariant q0 <= q <= e;
            loop assigns q;
            loop variant e - q; */
        while (q < e && d[q] >= '0' && d[q] <= '9')
            q++;
        if (q == q0)
            return r;
    }
    if (q < e) {
        if (d[q] == 'Z' && e - q == 1u) {
            tz = 0;
        } else if ((d[q] == '+' || d[q] == '-') && e - q == 6u && d[q + 3u] == ':') {
            int32_t th = digits(d, n, q + 1u, 2);
            int32_t tm = digits(d, n, q + 4u, 2);
            if (th < 0 || tm < 0 || tm > 59 || th > 14 || (th == 14 && tm != 0))
                return r;
            tz = (int64_t)th * 3600 + (int64_t)tm * 60;
            if (d[q] == '-')
                tz = -tz;
        } else {
            return r;
        }
    }
    days = days_from_1970(y, mo, dd);
    if (days < 0)
        return r;
    r.t = days * 86400 + (int64_t)h * 3600 + (int64_t)mi * 60 + se - tz;
    r.st = RK_OK;
    return r;
}

typedef struct {
    rk_status st;
    uint64_t v;
} num_res;

/* 1..18 decimal digits. */
/*@ requires rk_xml_view_in(v, n);
    requires \valid_read(d + (0 .. n - 1));
    assigns \nothing;
    ensures \result.st == RK_OK || \result.st == RK_ERR_KMS_NUMBER; */
static num_res parse_num(const uint8_t *d, size_t n, rk_xml_view v)
{
    num_res r;
    uint64_t acc = 0;
    (void)n;
    r.st = RK_ERR_KMS_NUMBER;
    r.v = 0;
    if (v.len == 0 || v.len > 18u)
        return r;
    /*@ loop invariant 0 <= i <= v.len;
        loop invariant acc < 1000000000000000000;
        loop assigns i, acc;
        loop variant v.len - i; */
    for (size_t i = 0; i < v.len; i++) {
        uint8_t c = d[v.off + i];
        if (c < '0' || c > '9' || acc >= 100000000000000000u)
            return r;
        acc = acc * 10u + (uint64_t)(c - '0');
    }
    r.v = acc;
    r.st = RK_OK;
    return r;
}

/* 1 if b is not a hex digit, else 0, without a branch or an index on b:
 * the key fields (RSK, SSK) are secret. */
/*@ assigns \nothing; */
static uint32_t not_hex_ct(uint8_t b)
{
    int32_t x = (int32_t)b;
    uint32_t d = (uint32_t)(((x - 0x30) | (0x39 - x)) < 0); /* not 0-9 */
    uint32_t l = (uint32_t)(((x - 0x61) | (0x66 - x)) < 0); /* not a-f */
    uint32_t u = (uint32_t)(((x - 0x41) | (0x46 - x)) < 0); /* not A-F */
    return d & l & u;
}

/* hexBinary of exactly octets octets: every digit is looked at, the
 * verdict is one public bit. */
/*@ requires rk_xml_view_in(v, n);
    requires \valid_read(d + (0 .. n - 1));
    requires octets <= 1024;
    assigns \nothing;
    ensures \result == RK_OK || \result == RK_ERR_KMS_HEX; */
static rk_status check_hex(const uint8_t *d, size_t n, rk_xml_view v, size_t octets)
{
    uint32_t bad = 0;
    (void)n;
    if (v.len != 2u * octets)
        return RK_ERR_KMS_HEX;
    /*@ loop invariant 0 <= i <= v.len;
        loop assigns i, bad;
        loop variant v.len - i; */
    for (size_t i = 0; i < v.len; i++)
        bad |= not_hex_ct(d[v.off + i]);
    return bad == 0 ? RK_OK : RK_ERR_KMS_HEX;
}

/* UserUri, KmsUri: 1..255 octets of printable ASCII except & < > " '. */
/*@ requires rk_xml_view_in(v, n);
    requires \valid_read(d + (0 .. n - 1));
    assigns \nothing;
    ensures \result == RK_OK || \result == RK_ERR_KMS_URI; */
static rk_status check_uri(const uint8_t *d, size_t n, rk_xml_view v)
{
    (void)n;
    if (v.len == 0 || v.len > RK_KMS_URI_MAX)
        return RK_ERR_KMS_URI;
    /*@ loop invariant 0 <= i <= v.len;
        loop assigns i;
        loop variant v.len - i; */
    for (size_t i = 0; i < v.len; i++) {
        uint8_t b = d[v.off + i];
        if (b < 0x21u || b > 0x7Eu || b == '&' || b == '<' || b == '>' || b == '"' || b == '\'')
            return RK_ERR_KMS_URI;
    }
    return RK_OK;
}

/* Octets of each hexBinary field, 0 for the others. */
/*@ assigns \nothing;
    ensures \result <= 257; */
static size_t hex_octets(int f)
{
    if (f == RK_KMS_F_PUB_ENC_KEY || f == RK_KMS_F_USER_DECRYPT_KEY)
        return 257u;
    if (f == RK_KMS_F_PUB_AUTH_KEY || f == RK_KMS_F_USER_PUB_TOKEN)
        return 65u;
    if (f == RK_KMS_F_USER_ID || f == RK_KMS_F_USER_SIGNING_KEY)
        return 32u;
    return 0;
}

/* One field's value checked; numbers and times in the result. */
typedef struct {
    rk_status st;
    uint64_t num;
    int64_t t;
} val_res;

/*@ requires rk_xml_view_in(v, n);
    requires \valid_read(d + (0 .. n - 1));
    assigns \nothing;
    ensures \result.st <= 0; */
static val_res check_value(const uint8_t *d, size_t n, int f, rk_xml_view v)
{
    val_res r;
    size_t ho = hex_octets(f);
    r.st = RK_OK;
    r.num = 0;
    r.t = 0;
    if (ho != 0) {
        r.st = check_hex(d, n, v, ho);
    } else if (f == RK_KMS_F_USER_URI || f == RK_KMS_F_KMS_URI) {
        r.st = check_uri(d, n, v);
    } else if (f == RK_KMS_F_VALID_FROM || f == RK_KMS_F_VALID_TO) {
        dt_res t = parse_dt(d, n, v);
        r.st = t.st;
        r.t = t.t;
    } else if (f == RK_KMS_F_USER_KEY_PERIOD || f == RK_KMS_F_USER_KEY_OFFSET ||
               f == RK_KMS_F_KEY_PERIOD_NO) {
        num_res x = parse_num(d, n, v);
        r.st = x.st;
        r.num = x.v;
        if (r.st == RK_OK && f == RK_KMS_F_USER_KEY_PERIOD && x.v == 0)
            r.st = RK_ERR_KMS_NUMBER;
    } else if (f == RK_KMS_F_REVOKED) {
        if (is_lit(d, n, v, N_TRUE) || is_lit(d, n, v, N_ONE))
            r.st = RK_ERR_KMS_REVOKED;
        else if (!is_lit(d, n, v, N_FALSE) && !is_lit(d, n, v, N_ZERO))
            r.st = RK_ERR_KMS_BOOLEAN;
    } else if (f == RK_KMS_F_USER_ID_FORMAT) {
        if (!is_lit(d, n, v, N_TWO))
            r.st = RK_ERR_KMS_USER_ID_FORMAT;
    } else if (f == RK_KMS_F_PARAMETER_SET) {
        if (!is_lit(d, n, v, N_ONE))
            r.st = RK_ERR_KMS_PARAMETER_SET;
    }
    return r;
}

/* 1 if every view of *r lies inside the document (true by construction;
 * checked so that no contract needs a frame proof across the scan). */
/*@ requires \valid_read(r);
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 ==> rk_kms_rec_in(r, n); */
static int rec_in(const rk_kms_record *r, size_t n)
{
    /*@ loop invariant 0 <= f <= RK_KMS_NFIELDS;
        loop invariant rk_xml_views_in(&r->v[0], f, n);
        loop assigns f;
        loop variant RK_KMS_NFIELDS - f; */
    for (size_t f = 0; f < RK_KMS_NFIELDS; f++)
        if (r->v[f].off > n || r->v[f].len > n - r->v[f].off)
            return 0;
    return 1;
}

/* A record's fields checked (required ones present, every value), its
 * numbers and times stored, its validity period against now. */
/*@ requires \valid(r);
    requires \valid_read(d + (0 .. n - 1));
    requires \separated(r, d + (0 .. n - 1));
    assigns r->user_key_period, r->user_key_offset, r->key_period_no, r->valid_from,
        r->valid_to;
    ensures \result <= 0; */
static rk_status check_rec(const uint8_t *d, size_t n, int kind, int64_t now, rk_kms_record *r)
{
    uint64_t pres = r->present;
    uint64_t need = kind == R_HDR ? NEED_HDR : kind == R_CERT ? NEED_CERT : NEED_KS;
    if (!rec_in(r, n))
        return RK_ERR_INTERNAL;
    if ((pres & need) != need)
        return RK_ERR_KMS_MISSING;
    /*@ loop invariant 0 <= f <= RK_KMS_NFIELDS;
        loop invariant rk_kms_rec_in(r, n);
        loop assigns f, r->user_key_period, r->user_key_offset, r->key_period_no,
            r->valid_from, r->valid_to;
        loop variant RK_KMS_NFIELDS - f; */
    for (int f = 0; f < (int)RK_KMS_NFIELDS; f++) {
        val_res x;
        if (((pres >> (unsigned)f) & 1u) == 0)
            continue;
        x = check_value(d, n, f, r->v[f]);
        if (x.st != RK_OK)
            return x.st;
        if (f == RK_KMS_F_USER_KEY_PERIOD)
            r->user_key_period = x.num;
        else if (f == RK_KMS_F_USER_KEY_OFFSET)
            r->user_key_offset = x.num;
        else if (f == RK_KMS_F_KEY_PERIOD_NO)
            r->key_period_no = x.num;
        else if (f == RK_KMS_F_VALID_FROM)
            r->valid_from = x.t;
        else if (f == RK_KMS_F_VALID_TO)
            r->valid_to = x.t;
    }
    if (((pres >> RK_KMS_F_VALID_FROM) & 1u) != 0 && now < r->valid_from)
        return RK_ERR_KMS_NOT_YET_VALID;
    if (((pres >> RK_KMS_F_VALID_TO) & 1u) != 0 && now > r->valid_to)
        return RK_ERR_KMS_EXPIRED;
    return RK_OK;
}

/*@ requires \valid(r);
    assigns *r;
    ensures rk_kms_rec_in(r, 0); */
static void zero_rec(rk_kms_record *r)
{
    /*@ loop invariant 0 <= f <= RK_KMS_NFIELDS;
        loop invariant rk_xml_views_in(&r->v[0], f, 0);
        loop assigns f, r->v[0 .. RK_KMS_NFIELDS - 1];
        loop variant RK_KMS_NFIELDS - f; */
    for (size_t f = 0; f < RK_KMS_NFIELDS; f++) {
        r->v[f].off = 0;
        r->v[f].len = 0;
    }
    r->present = 0;
    r->user_key_period = 0;
    r->user_key_offset = 0;
    r->key_period_no = 0;
    r->valid_from = 0;
    r->valid_to = 0;
}

/*@ requires \valid(o);
    assigns *o;
    ensures o->ncerts == 0 && o->nkeysets == 0 && o->msg == 0; */
static void zero_doc(rk_kms_doc *o)
{
    zero_rec(&o->header);
    /*@ loop invariant 0 <= i <= RK_KMS_MAX_CERTS;
        loop assigns i, o->cert[0 .. RK_KMS_MAX_CERTS - 1];
        loop variant RK_KMS_MAX_CERTS - i; */
    for (size_t i = 0; i < RK_KMS_MAX_CERTS; i++)
        zero_rec(&o->cert[i]);
    /*@ loop invariant 0 <= i <= RK_KMS_MAX_KEYSETS;
        loop assigns i, o->keyset[0 .. RK_KMS_MAX_KEYSETS - 1];
        loop variant RK_KMS_MAX_KEYSETS - i; */
    for (size_t i = 0; i < RK_KMS_MAX_KEYSETS; i++)
        zero_rec(&o->keyset[i]);
    o->msg = 0;
    o->signature_unverified = 0;
    o->ncerts = 0;
    o->nkeysets = 0;
}

/* Every record's views inside the document (see rec_in). */
/*@ requires \valid_read(o);
    assigns \nothing;
    ensures \result == 1 ==> rk_kms_doc_in(o, n); */
static int doc_in(const rk_kms_doc *o, size_t n)
{
    if (o->ncerts > RK_KMS_MAX_CERTS || o->nkeysets > RK_KMS_MAX_KEYSETS || !rec_in(&o->header, n))
        return 0;
    /*@ loop invariant 0 <= i <= RK_KMS_MAX_CERTS;
        loop invariant \forall integer j; 0 <= j < i ==> rk_kms_rec_in(&o->cert[j], n);
        loop assigns i;
        loop variant RK_KMS_MAX_CERTS - i; */
    for (size_t i = 0; i < RK_KMS_MAX_CERTS; i++)
        if (!rec_in(&o->cert[i], n))
            return 0;
    /*@ loop invariant 0 <= i <= RK_KMS_MAX_KEYSETS;
        loop invariant \forall integer j; 0 <= j < i ==> rk_kms_rec_in(&o->keyset[j], n);
        loop assigns i;
        loop variant RK_KMS_MAX_KEYSETS - i; */
    for (size_t i = 0; i < RK_KMS_MAX_KEYSETS; i++)
        if (!rec_in(&o->keyset[i], n))
            return 0;
    return 1;
}

/* Every record of *out checked at time now. */
/*@ requires \valid(out);
    requires \valid_read(doc + (0 .. len - 1));
    requires \separated(out, doc + (0 .. len - 1));
    requires out->ncerts <= RK_KMS_MAX_CERTS && out->nkeysets <= RK_KMS_MAX_KEYSETS;
    assigns out->header, out->cert[0 .. RK_KMS_MAX_CERTS - 1],
        out->keyset[0 .. RK_KMS_MAX_KEYSETS - 1];
    ensures \result <= 0; */
static rk_status check_all(const uint8_t *doc, size_t len, int64_t now, rk_kms_doc *out)
{
    size_t nc = out->ncerts, nk = out->nkeysets;
    rk_status st = check_rec(doc, len, R_HDR, now, &out->header);
    /*@ loop invariant 0 <= i <= nc;
        loop invariant st <= 0;
        loop assigns i, st, out->cert[0 .. RK_KMS_MAX_CERTS - 1];
        loop variant nc - i; */
    for (size_t i = 0; i < nc && st == RK_OK; i++)
        st = check_rec(doc, len, R_CERT, now, &out->cert[i]);
    /*@ loop invariant 0 <= i <= nk;
        loop invariant st <= 0;
        loop assigns i, st, out->keyset[0 .. RK_KMS_MAX_KEYSETS - 1];
        loop variant nk - i; */
    for (size_t i = 0; i < nk && st == RK_OK; i++)
        st = check_rec(doc, len, R_KS, now, &out->keyset[i]);
    return st;
}

rk_status rk_kms_read(rk_kms_ctx *ctx, const uint8_t *doc, size_t len, int64_t now,
                      rk_kms_doc *out)
{
    scan_st s;
    rk_status st;
    int msg;
    zero_doc(out);
    s = scan(ctx, doc, len, out);
    if (s.err != RK_OK) {
        zero_doc(out);
        return s.err;
    }
    msg = s.msg;
    /*@ assert len <= RK_XML_MAX_DOC_BYTES && RK_KMS_MSG_INIT <= msg <= RK_KMS_MSG_CERTCACHE; */
    out->ncerts = s.ncert;
    out->nkeysets = s.nks;
    st = check_all(doc, len, now, out);
    if (st != RK_OK) {
        zero_doc(out);
        return st;
    }
    if (doc_in(out, len) != 1) {
        zero_doc(out);
        return RK_ERR_INTERNAL;
    }
    /*@ assert rk_kms_doc_in(out, len); */
    out->msg = msg;
    /*@ assert rk_kms_doc_in(out, len); */
    out->signature_unverified = s.sig;
    /*@ assert rk_kms_doc_in(out, len) && out->msg == msg; */
    return RK_OK;
}

/* The 64 hex digits of v as 32 octets equal uid (v checked by the reader). */
/*@ requires rk_xml_view_in(v, n);
    requires \valid_read(d + (0 .. n - 1));
    requires \valid_read(uid + (0 .. 31));
    assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int hex_is(const uint8_t *d, size_t n, rk_xml_view v, const uint8_t *uid)
{
    (void)n;
    if (v.len != 64u)
        return 0;
    /*@ loop invariant 0 <= i <= 32;
        loop assigns i;
        loop variant 32 - i; */
    for (size_t i = 0; i < 32u; i++) {
        uint8_t a = d[v.off + 2u * i], b = d[v.off + 2u * i + 1u];
        /* a hex digit's value: its low four bits, plus 9 for a letter */
        uint32_t hi = (uint32_t)a % 16u + 9u * ((uint32_t)a / 64u);
        uint32_t lo = (uint32_t)b % 16u + 9u * ((uint32_t)b / 64u);
        if ((not_hex_ct(a) | not_hex_ct(b)) != 0 || hi * 16u + lo != uid[i])
            return 0;
    }
    return 1;
}

rk_status rk_kms_keyset_check(const uint8_t *kdoc, size_t klen, const rk_kms_record *ks,
                              const uint8_t *cdoc, size_t clen, const rk_kms_record *cert)
{
    uint8_t uid[32];
    rk_xml_view ku = ks->v[RK_KMS_F_KMS_URI];
    rk_xml_view cu = cert->v[RK_KMS_F_KMS_URI];
    rk_xml_view uu = ks->v[RK_KMS_F_USER_URI];
    rk_xml_view id = ks->v[RK_KMS_F_USER_ID];
    uint64_t kneed = ((uint64_t)1u << RK_KMS_F_USER_URI) | ((uint64_t)1u << RK_KMS_F_KMS_URI) |
                     ((uint64_t)1u << RK_KMS_F_USER_ID) | ((uint64_t)1u << RK_KMS_F_KEY_PERIOD_NO);
    uint64_t cneed = ((uint64_t)1u << RK_KMS_F_KMS_URI) | ((uint64_t)1u << RK_KMS_F_USER_KEY_PERIOD) |
                     ((uint64_t)1u << RK_KMS_F_USER_KEY_OFFSET);
    rk_status st;
    int same;
    (void)klen;
    (void)clen;
    if ((ks->present & kneed) != kneed || (cert->present & cneed) != cneed)
        return RK_ERR_KMS_MISSING;
    if (ku.len != cu.len)
        return RK_ERR_KMS_URI_MISMATCH;
    /*@ loop invariant 0 <= i <= ku.len;
        loop assigns i;
        loop variant ku.len - i; */
    for (size_t i = 0; i < ku.len; i++)
        if (kdoc[ku.off + i] != cdoc[cu.off + i])
            return RK_ERR_KMS_URI_MISMATCH;
    st = rk_uid(uid, kdoc + uu.off, uu.len, cdoc + cu.off, cu.len, cert->user_key_period,
                cert->user_key_offset, ks->key_period_no);
    if (st != RK_OK)
        return st;
    same = hex_is(kdoc, klen, id, uid);
    return same ? RK_OK : RK_ERR_KMS_USER_ID;
}
