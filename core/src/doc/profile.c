/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/profile.h */
#include "rootkey/profile.h"
#include "rootkey/xml.h"

/* Every literal of the module in one table.  Functions copy it into a local
 * array first, so that the prover sees the literals apart from the caller's
 * output buffer (both are octet arrays). */
#define L_QNAME_OFF 0u
#define L_QNAME_LEN 15u
#define L_XMLNS_RK_OFF 15u
#define L_XMLNS_RK_LEN 8u
#define L_NS_OFF 23u
#define L_NS_LEN 33u
#define L_LMRTYPE_OFF 56u
#define L_LMRTYPE_LEN 8u
#define L_KEYID_OFF 64u
#define L_KEYID_LEN 6u
#define L_KMSURI_OFF 70u
#define L_KMSURI_LEN 7u
#define L_KEYPERIOD_OFF 77u
#define L_KEYPERIOD_LEN 10u
#define L_P25_OFF 87u
#define L_P25_LEN 3u
#define L_TETRA_OFF 90u
#define L_TETRA_LEN 5u
#define L_OTHER_OFF 95u
#define L_OTHER_LEN 5u
#define L_ANYEXT_OFF 100u
#define L_ANYEXT_LEN 6u
#define L_UPNS_OFF 106u
#define L_UPNS_LEN 32u
#define L_UPROOT_OFF 138u
#define L_UPROOT_LEN 18u
#define L_LT_OFF 156u
#define L_LT_LEN 1u
#define L_LTSL_OFF 157u
#define L_LTSL_LEN 2u
#define L_GT_OFF 159u
#define L_GT_LEN 1u
#define L_COLON_OFF 160u
#define L_COLON_LEN 1u
#define L_LOCAL_OFF 3u /* "lmr-root-key" inside "rk:lmr-root-key" */
#define L_LOCAL_LEN 12u
#define L_TOTAL 161u
#define L(x) (lits + L_##x##_OFF), L_##x##_LEN

static const uint8_t g_lits[L_TOTAL] =
    "rk:lmr-root-keyxmlns:rkurn:rootkey:xml:ns:lmr-root-key:1lmr-typekey-idkms-uri"
    "key-periodP25TETRAOTHERanyExturn:3gpp:ns:mcpttUserProfile:1.0mcptt-user-profile"
    "<</>:";

/*@ requires \valid(dst + (0 .. L_TOTAL - 1));
    requires \separated(dst + (0 .. L_TOTAL - 1), g_lits + (0 .. L_TOTAL - 1));
    assigns dst[0 .. L_TOTAL - 1]; */
static void load_lits(uint8_t *dst)
{
    /*@ loop invariant 0 <= i <= L_TOTAL;
        loop assigns i, dst[0 .. L_TOTAL - 1];
        loop variant L_TOTAL - i; */
    for (size_t i = 0; i < L_TOTAL; i++)
        dst[i] = g_lits[i];
}

/*@ requires \valid(p + (0 .. n - 1));
    assigns p[0 .. n - 1];
    ensures \forall integer k; 0 <= k < n ==> p[k] == 0; */
static void zero8(uint8_t *p, size_t n)
{
    /*@ loop invariant 0 <= i <= n;
        loop invariant \forall integer k; 0 <= k < i ==> p[k] == 0;
        loop assigns i, p[0 .. n - 1];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        p[i] = 0;
}

/*@ assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int b64_or_ws(uint8_t b)
{
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
           b == '+' || b == '/' || b == '=' || b == 0x20u || b == 0x9u || b == 0xAu ||
           b == 0xDu;
}

/* kms-uri octets: printable ASCII except the XML-special & < > " ' */
/*@ assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int uri_octet(uint8_t b)
{
    return b >= 0x21u && b <= 0x7Eu && b != '&' && b != '<' && b != '>' && b != '"' &&
           b != '\'';
}

/*@ requires \valid_read(s + (0 .. n - 1));
    assigns \nothing;
    ensures \result == RK_OK || \result == RK_ERR_PROFILE_KMS_URI; */
static rk_status check_uri(const uint8_t *s, size_t n)
{
    if (n == 0 || n > RK_PROFILE_KMS_URI_MAX)
        return RK_ERR_PROFILE_KMS_URI;
    /*@ loop invariant 0 <= i <= n;
        loop assigns i;
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        if (!uri_octet(s[i]))
            return RK_ERR_PROFILE_KMS_URI;
    return RK_OK;
}

/* Value of a hex digit, or 16. */
/*@ assigns \nothing;
    ensures \result <= 16; */
static uint32_t hexval(uint8_t b)
{
    if (b >= '0' && b <= '9')
        return (uint32_t)(b - '0');
    if (b >= 'a' && b <= 'f')
        return (uint32_t)(b - 'a') + 10u;
    if (b >= 'A' && b <= 'F')
        return (uint32_t)(b - 'A') + 10u;
    return 16u;
}

/* key-id: exactly 8 hex digits. */
/*@ requires \valid_read(s + (0 .. n - 1));
    requires \valid(v);
    requires \separated(v, s + (0 .. n - 1));
    assigns *v;
    ensures \result == RK_OK || \result == RK_ERR_PROFILE_KEY_ID; */
static rk_status parse_key_id(const uint8_t *s, size_t n, uint32_t *v)
{
    uint32_t acc = 0;
    *v = 0;
    if (n != 8u)
        return RK_ERR_PROFILE_KEY_ID;
    /*@ loop invariant 0 <= i <= 8;
        loop invariant acc <= 0xFFFFFFFF;
        loop invariant i <= 7 ==> acc <= 0x0FFFFFFF;
        loop assigns i, acc;
        loop variant 8 - i; */
    for (size_t i = 0; i < 8u; i++) {
        uint32_t h = hexval(s[i]);
        if (h > 15u || acc > 0x0FFFFFFFu)
            return RK_ERR_PROFILE_KEY_ID;
        acc = acc * 16u + h;
        if (i < 7u && acc > 0x0FFFFFFFu)
            return RK_ERR_PROFILE_KEY_ID; /* cannot happen with 8 digits; keeps the bound */
    }
    *v = acc;
    return RK_OK;
}

/* key-period: 1..12 decimal digits, no leading zero (but "0" itself). */
/*@ requires \valid_read(s + (0 .. n - 1));
    requires \valid(v);
    requires \separated(v, s + (0 .. n - 1));
    assigns *v;
    ensures \result == RK_OK || \result == RK_ERR_PROFILE_KEY_PERIOD;
    ensures \result == RK_OK ==> *v <= 999999999999; */
static rk_status parse_period(const uint8_t *s, size_t n, uint64_t *v)
{
    uint64_t acc = 0;
    *v = 0;
    if (n == 0 || n > 12u || (n > 1u && s[0] == '0'))
        return RK_ERR_PROFILE_KEY_PERIOD;
    /*@ loop invariant 0 <= i <= n;
        loop invariant acc <= 999999999999;
        loop assigns i, acc;
        loop variant n - i; */
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9' || acc > 99999999999u)
            return RK_ERR_PROFILE_KEY_PERIOD;
        acc = acc * 10u + (uint64_t)(s[i] - '0');
    }
    *v = acc;
    return RK_OK;
}

/*@ requires rk_xml_view_in(v, n);
    requires \valid_read(d + (0 .. n - 1));
    requires \valid_read(lit + (0 .. m - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int eq(const uint8_t *d, size_t n, rk_xml_view v, const uint8_t *lit, size_t m)
{
    return rk_xml_view_eq(d, n, v, lit, m);
}

/*@ assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> rk_xml_view_in(v, n); */
static int view_in(rk_xml_view v, size_t n)
{
    return v.off <= n && v.len <= n - v.off;
}

/* Read the attributes of an lmr-root-key start tag into *e. */
/*@ requires \valid_read(d + (0 .. n - 1));
    requires \valid_read(lits + (0 .. L_TOTAL - 1));
    requires \valid_read(ev) && \valid(e);
    requires rk_xml_event_in(ev, n);
    requires ev->nattrs <= RK_XML_MAX_ATTRS;
    requires \separated(e, ev, d + (0 .. n - 1));
    assigns e->lmr_type, e->key_id, e->kms_uri, e->key_period, e->lmr, e->key_id_value,
            e->key_period_value;
    ensures \result <= 0;
    ensures rk_xml_view_in(e->lmr_type, n) && rk_xml_view_in(e->key_id, n) &&
            rk_xml_view_in(e->kms_uri, n) && rk_xml_view_in(e->key_period, n); */
static rk_status read_attrs(const uint8_t *d, size_t n, const uint8_t *lits,
                            const rk_xml_event *ev, rk_profile_element *e)
{
    /* everything is read into locals and *e written once at the end: the
     * prover then never has to show that writing *e leaves *ev alone */
    int have = 0; /* sum of 1, 2, 4, 8 for the four attributes */
    int lmr = 0;
    uint32_t kid = 0;
    uint64_t kp = 0;
    rk_status st = RK_OK;
    size_t na = ev->nattrs;
    rk_xml_view z, vt, vk, vu, vp;
    z.off = 0;
    z.len = 0;
    vt = z;
    vk = z;
    vu = z;
    vp = z;
    /*@ loop invariant 0 <= i <= na;
        loop invariant 0 <= have <= 15;
        loop invariant rk_xml_view_in(vt, n) && rk_xml_view_in(vk, n) &&
            rk_xml_view_in(vu, n) && rk_xml_view_in(vp, n);
        loop assigns i, have, vt, vk, vu, vp;
        loop variant na - i; */
    for (size_t i = 0; i < na; i++) {
        rk_xml_view pfx = ev->attr[i].prefix;
        rk_xml_view loc = ev->attr[i].local;
        rk_xml_view val = ev->attr[i].value;
        if (pfx.len != 0)
            continue; /* attributes in other namespaces (and xml:) are ignored */
        /* the reader refuses duplicates, so each is seen at most once */
        if (eq(d, n, loc, L(LMRTYPE)) && (have % 2) == 0) {
            vt = val;
            have += 1;
        } else if (eq(d, n, loc, L(KEYID)) && (have / 2) % 2 == 0) {
            vk = val;
            have += 2;
        } else if (eq(d, n, loc, L(KMSURI)) && (have / 4) % 2 == 0) {
            vu = val;
            have += 4;
        } else if (eq(d, n, loc, L(KEYPERIOD)) && (have / 8) % 2 == 0) {
            vp = val;
            have += 8;
        } else {
            st = RK_ERR_PROFILE_ATTR_UNKNOWN;
            break;
        }
    }
    if (st == RK_OK && have != 15)
        st = RK_ERR_PROFILE_ATTR_MISSING;
    if (st == RK_OK) {
        if (eq(d, n, vt, L(P25)))
            lmr = RK_PROFILE_LMR_P25;
        else if (eq(d, n, vt, L(TETRA)))
            lmr = RK_PROFILE_LMR_TETRA;
        else if (eq(d, n, vt, L(OTHER)))
            lmr = RK_PROFILE_LMR_OTHER;
        else
            st = RK_ERR_PROFILE_LMR_TYPE;
    }
    if (st == RK_OK)
        st = parse_key_id(d + vk.off, vk.len, &kid);
    if (st == RK_OK)
        st = check_uri(d + vu.off, vu.len);
    if (st == RK_OK)
        st = parse_period(d + vp.off, vp.len, &kp);
    e->lmr_type = vt;
    e->key_id = vk;
    e->kms_uri = vu;
    e->key_period = vp;
    e->lmr = lmr;
    e->key_id_value = kid;
    e->key_period_value = kp;
    return st;
}

/* The scan keeps its state in records passed by value (below), so its
 * predicates are stated on values: a record copy then proves them at once.
 * The caller's array keeps the address form of rootkey/profile.h, which the
 * provers frame across stores elsewhere far more cheaply. */
/*@ predicate el_ok(rk_profile_element e, integer n) =
        rk_xml_view_in(e.element, n) && rk_xml_view_in(e.lmr_type, n) &&
        rk_xml_view_in(e.key_id, n) && rk_xml_view_in(e.kms_uri, n) &&
        rk_xml_view_in(e.key_period, n) && rk_xml_view_in(e.text, n); */

/* What upsert needs to know about the document's layout. */
typedef struct {
    rk_xml_view root_raw;     /* the root's start tag */
    rk_xml_view root_end;     /* its end tag (empty for <root/>) */
    rk_xml_view root_qname;
    rk_xml_view root_prefix;
    int has_any;              /* the root has an anyExt child */
    rk_xml_view any_raw;      /* the first one's start tag */
    rk_xml_view any_end;      /* its end tag (empty for <anyExt/>) */
    rk_xml_view any_qname;
    size_t count;             /* lmr-root-key elements in the document */
    size_t nmatch;            /* elements with the wanted key-id and key-period */
    rk_xml_view match;        /* the last of them */
} layout;

/*@ predicate layout_ok(layout l, integer n) =
        rk_xml_view_in(l.root_raw, n) && rk_xml_view_in(l.root_end, n) &&
        rk_xml_view_in(l.root_qname, n) && rk_xml_view_in(l.root_prefix, n) &&
        rk_xml_view_in(l.any_raw, n) && rk_xml_view_in(l.any_end, n) &&
        rk_xml_view_in(l.any_qname, n) && rk_xml_view_in(l.match, n); */

/* What a scan is asked for: namespace flags, whether and how many
 * elements to store, the key-id and key-period to match, the literals. */
typedef struct {
    unsigned flags;
    int store;
    size_t max;
    uint32_t kid;
    uint64_t kp;
    const uint8_t *lits;
} scan_req;

/* A scan between two events: the lmr-root-key element being read, how many
 * were closed, where the reader is in the document, the layout so far, and
 * the verdict of the last event.  It is passed and returned by value, never
 * by address: the prover then sees it as one record, untouched by the
 * reader's writes to the context, and its updates need no frame proofs. */
typedef struct {
    rk_profile_element cur;
    size_t cnt;   /* lmr-root-key elements closed so far */
    size_t in_el; /* depth of the open lmr-root-key element, or 0 */
    size_t ntext; /* text events inside it */
    int in_any;   /* inside the root's first anyExt */
    layout lay;
    rk_status err;
} scan_st;

/*@ predicate scan_ok(scan_st s, integer n) =
        el_ok(s.cur, n) && layout_ok(s.lay, n) && s.lay.nmatch <= s.cnt &&
        s.err <= 0; */

/* A START event (XML reader event ev) seen by the scan.  The element's
 * attributes are read into a local element; the state is updated last. */
/*@ requires \valid_read(doc + (0 .. len - 1));
    requires \valid_read(lits + (0 .. L_TOTAL - 1));
    requires \valid_read(ev);
    requires \separated(ev, doc + (0 .. len - 1), lits + (0 .. L_TOTAL - 1));
    requires rk_xml_event_in(ev, len);
    requires scan_ok(s, len);
    assigns \nothing;
    ensures scan_ok(\result, len);
    ensures \result.cnt == s.cnt; */
static scan_st on_start(const uint8_t *doc, size_t len, const uint8_t *lits,
                        const rk_xml_event *ev, scan_st s)
{
    size_t dep = ev->depth;
    rk_xml_view ns = ev->ns;
    rk_xml_view local = ev->local;
    rk_xml_view raw = ev->raw;
    int is_any, is_ours;
    rk_xml_view z;
    z.off = 0;
    z.len = 0;
    if (s.in_el != 0) {
        s.err = RK_ERR_PROFILE_CONTENT; /* no child elements */
        return s;
    }
    /* TS 24.484 8.3: the MCPTT user profile root */
    if (dep == 1 && (!eq(doc, len, ns, L(UPNS)) || !eq(doc, len, local, L(UPROOT)))) {
        s.err = RK_ERR_PROFILE_ROOT;
        return s;
    }
    is_any = dep == 2 && !s.lay.has_any && eq(doc, len, ns, L(UPNS)) &&
             eq(doc, len, local, L(ANYEXT));
    is_ours = eq(doc, len, ns, L(NS)) && eq(doc, len, local, L(LOCAL));
    if (is_ours) {
        rk_profile_element e = s.cur;
        rk_status st = read_attrs(doc, len, lits, ev, &e);
        if (st != RK_OK) {
            s.err = st;
            return s;
        }
        e.element = raw;
        e.text = z;
        e.depth = dep;
        e.under_anyext = (s.in_any && dep == 3) ? 1 : 0;
        s.cur = e;
        s.in_el = dep;
        s.ntext = 0;
    }
    if (dep == 1) {
        s.lay.root_raw = raw;
        s.lay.root_qname = ev->qname;
        s.lay.root_prefix = ev->prefix;
    } else if (is_any) {
        s.lay.has_any = 1;
        s.lay.any_raw = raw;
        s.lay.any_qname = ev->qname;
        s.in_any = 1;
    }
    return s;
}

/* A TEXT event: inside an lmr-root-key element, one run of base64. */
/*@ requires \valid_read(doc + (0 .. len - 1));
    requires \valid_read(ev);
    requires \separated(ev, doc + (0 .. len - 1));
    requires rk_xml_event_in(ev, len);
    requires scan_ok(s, len);
    assigns \nothing;
    ensures scan_ok(\result, len);
    ensures \result.cnt == s.cnt; */
static scan_st on_text(const uint8_t *doc, size_t len, const rk_xml_event *ev, scan_st s)
{
    rk_xml_view text = ev->text;
    (void)len; /* named for the contract */
    if (s.in_el == 0)
        return s;
    if (s.ntext != 0) {
        s.err = RK_ERR_PROFILE_CONTENT; /* text split by a comment */
        return s;
    }
    /*@ loop invariant 0 <= k <= text.len;
        loop assigns k;
        loop variant text.len - k; */
    for (size_t k = 0; k < text.len; k++)
        if (!b64_or_ws(doc[text.off + k])) {
            s.err = RK_ERR_PROFILE_TEXT;
            return s;
        }
    s.ntext = 1;
    s.cur.text = text;
    return s;
}

/* *dst = c, one scalar at a time: a struct copy would also carry the
 * padding octets (on ABIs whose struct has some) of a value built on the
 * stack into the caller's array, which must hold nothing but what find
 * wrote or zeroed. */
/*@ requires \valid(dst);
    assigns *dst; */
static void put_el(rk_profile_element *dst, rk_profile_element c)
{
    dst->element.off = c.element.off;
    dst->element.len = c.element.len;
    dst->lmr_type.off = c.lmr_type.off;
    dst->lmr_type.len = c.lmr_type.len;
    dst->key_id.off = c.key_id.off;
    dst->key_id.len = c.key_id.len;
    dst->kms_uri.off = c.kms_uri.off;
    dst->kms_uri.len = c.kms_uri.len;
    dst->key_period.off = c.key_period.off;
    dst->key_period.len = c.key_period.len;
    dst->text.off = c.text.off;
    dst->text.len = c.text.len;
    dst->key_id_value = c.key_id_value;
    dst->key_period_value = c.key_period_value;
    dst->depth = c.depth;
    dst->lmr = c.lmr;
    dst->under_anyext = c.under_anyext;
}

/* An END event: the lmr-root-key element closed (counted, matched against
 * rq's key-id and key-period, stored in els when rq.store != 0), or the
 * end of the root's first anyExt or of the root. */
/*@ requires \valid_read(ev);
    requires rq.max <= 1024;
    requires len <= RK_XML_MAX_DOC_BYTES;
    requires \valid(els + (0 .. rq.max - 1));
    requires \separated(ev, els + (0 .. rq.max - 1));
    requires rk_xml_event_in(ev, len);
    requires scan_ok(s, len);
    requires s.cnt < 2 * len + 2;
    requires rq.store != 0 ==> s.cnt <= rq.max;
    assigns els[0 .. rq.max - 1];
    ensures scan_ok(\result, len);
    ensures s.cnt <= \result.cnt <= s.cnt + 1;
    ensures rq.store != 0 ==> \result.cnt <= rq.max; */
static scan_st on_end(const rk_xml_event *ev, size_t len, scan_req rq, scan_st s,
                      rk_profile_element *els)
{
    size_t dep = ev->depth;
    rk_xml_view raw = ev->raw;
    (void)len; /* named for the contract */
    if (s.in_el != 0 && dep == s.in_el) {
        size_t s0 = s.cur.element.off;
        size_t e1 = raw.off + raw.len;
        if (s.ntext == 0 || e1 < s0) {
            s.err = RK_ERR_PROFILE_TEXT;
            return s;
        }
        if (rq.store != 0 && s.cnt >= rq.max) {
            s.err = RK_ERR_PROFILE_TOO_MANY;
            return s;
        }
        s.cur.element.len = e1 - s0;
        s.in_el = 0;
        if (rq.store != 0)
            put_el(els + s.cnt, s.cur);
        if (s.cur.key_id_value == rq.kid && s.cur.key_period_value == rq.kp) {
            s.lay.nmatch = s.lay.nmatch + 1u;
            s.lay.match = s.cur.element;
        }
        s.cnt = s.cnt + 1u;
    } else if (dep == 2 && s.in_any) {
        s.lay.any_end = raw;
        s.in_any = 0;
    } else if (dep == 1) {
        s.lay.root_end = raw;
    }
    return s;
}

/* The scan state before the first event: everything zero. */
/*@ assigns \nothing;
    ensures scan_ok(\result, 0);
    ensures \result.cnt == 0 && \result.lay.count == 0 && \result.lay.nmatch == 0; */
static scan_st scan_init(void)
{
    scan_st s;
    rk_xml_view z;
    z.off = 0;
    z.len = 0;
    s.lay.count = 0;
    s.lay.root_raw = z;
    s.lay.root_end = z;
    s.lay.root_qname = z;
    s.lay.root_prefix = z;
    s.lay.has_any = 0;
    s.lay.any_raw = z;
    s.lay.any_end = z;
    s.lay.any_qname = z;
    s.lay.nmatch = 0;
    s.lay.match = z;
    s.cur.element = z;
    s.cur.lmr_type = z;
    s.cur.key_id = z;
    s.cur.kms_uri = z;
    s.cur.key_period = z;
    s.cur.text = z;
    s.cur.lmr = 0;
    s.cur.key_id_value = 0;
    s.cur.key_period_value = 0;
    s.cur.depth = 0;
    s.cur.under_anyext = 0;
    s.cnt = 0;
    s.in_el = 0;
    s.ntext = 0;
    s.in_any = 0;
    s.err = RK_OK;
    return s;
}

/* The one pass behind find and upsert: read the whole document, check
 * every lmr-root-key element, store them in els when rq.store != 0 (at
 * most rq.max), count them (lay.count), note the layout and the elements
 * matching (rq.kid, rq.kp).  One function per event kind.  The result's
 * err is the verdict; its lay the layout. */
/*@ requires \valid(ctx);
    requires \valid_read(doc + (0 .. len - 1));
    requires \valid_read(rq.lits + (0 .. L_TOTAL - 1));
    requires rq.max <= 1024;
    requires \valid(els + (0 .. rq.max - 1));
    requires \separated(ctx, doc + (0 .. len - 1), els + (0 .. rq.max - 1),
                        rq.lits + (0 .. L_TOTAL - 1));
    assigns *ctx, els[0 .. rq.max - 1];
    ensures \result.err <= 0;
    ensures \result.err == RK_OK ==>
        len <= RK_XML_MAX_DOC_BYTES && layout_ok(\result.lay, len);
    ensures \result.err == RK_OK && rq.store != 0 ==> \result.lay.count <= rq.max; */
static scan_st scan(rk_profile_ctx *ctx, const uint8_t *doc, size_t len, scan_req rq,
                    rk_profile_element *els)
{
    scan_st s = scan_init();
    size_t bound;
    const uint8_t *lits = rq.lits;

    s.err = rk_xml_reader_init(&ctx->rd, doc, len, rq.flags);
    if (s.err != RK_OK)
        return s;
    /* every event but EOF and the END of <a/> consumes at least one octet,
     * and <a/> takes four: 2 len + 2 events are more than enough */
    bound = 2u * len + 2u;
    /*@ loop invariant rk_xml_inv(&ctx->rd);
        loop invariant ctx->rd.doc == doc && ctx->rd.len == len;
        loop invariant len <= RK_XML_MAX_DOC_BYTES;
        loop invariant 0 <= it <= bound;
        loop invariant s.cnt <= it;
        loop invariant scan_ok(s, len) && s.err == RK_OK;
        loop invariant rq.store != 0 ==> s.cnt <= rq.max;
        loop assigns it, ctx->rd, ctx->ev, s, els[0 .. rq.max - 1];
        loop variant bound - it; */
    for (size_t it = 0; it < bound; it++) {
        rk_xml_event *ev = &ctx->ev;
        int type;
        s.err = rk_xml_next(&ctx->rd, ev);
        if (s.err != RK_OK)
            return s;
        type = ev->type;
        if (type == RK_XML_EV_EOF) {
            s.lay.count = s.cnt;
            return s;
        }
        if (type == RK_XML_EV_START)
            s = on_start(doc, len, lits, ev, s);
        else if (type == RK_XML_EV_TEXT)
            s = on_text(doc, len, ev, s);
        else if (type == RK_XML_EV_END)
            s = on_end(ev, len, rq, s, els);
        if (s.err != RK_OK)
            return s;
    }
    s.err = RK_ERR_INTERNAL;
    return s;
}

/*@ assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int b64_char(uint8_t b)
{
    return b64_or_ws(b) && b != 0x20u && b != 0x9u && b != 0xAu && b != 0xDu;
}

/* The element's content, as the public functions receive it. */
typedef struct {
    int lmr;
    uint32_t key_id;
    const uint8_t *kms_uri;
    size_t kms_uri_len;
    uint64_t key_period;
    const uint8_t *b64;
    size_t b64_len;
} fields;

/* Append the element at w->pos (docs/profile-element.md §5, byte for byte). */
/*@ requires rk_xml_writer_ok(w);
    requires \valid_read(f);
    requires \valid_read(lits + (0 .. L_TOTAL - 1));
    requires \valid_read(f->kms_uri + (0 .. f->kms_uri_len - 1));
    requires \valid_read(f->b64 + (0 .. f->b64_len - 1));
    requires \separated(w, w->buf + (0 .. w->cap - 1), lits + (0 .. L_TOTAL - 1),
                        f->kms_uri + (0 .. f->kms_uri_len - 1), f->b64 + (0 .. f->b64_len - 1));
    requires \separated(f, w->buf + (0 .. w->cap - 1), w);
    assigns w->pos, w->buf[0 .. w->cap - 1];
    ensures rk_xml_writer_ok(w);
    ensures \result <= 0; */
static rk_status encode(rk_xml_writer *w, const uint8_t *lits, const fields *f)
{
    int lmr = f->lmr;
    uint32_t key_id = f->key_id;
    const uint8_t *kms_uri = f->kms_uri;
    size_t kms_uri_len = f->kms_uri_len;
    uint64_t key_period = f->key_period;
    const uint8_t *b64 = f->b64;
    size_t b64_len = f->b64_len;
    uint8_t hex[8];
    uint8_t dec[12];
    rk_xml_wattr at[5];
    size_t i;
    uint32_t v;
    uint64_t p;
    rk_status st;

    if (lmr != RK_PROFILE_LMR_P25 && lmr != RK_PROFILE_LMR_TETRA && lmr != RK_PROFILE_LMR_OTHER)
        return RK_ERR_PROFILE_LMR_TYPE;
    st = check_uri(kms_uri, kms_uri_len);
    if (st != RK_OK)
        return st;
    if (key_period > 999999999999u)
        return RK_ERR_PROFILE_KEY_PERIOD;
    if (b64_len == 0)
        return RK_ERR_PROFILE_TEXT;
    /*@ loop invariant 0 <= k <= b64_len;
        loop assigns k;
        loop variant b64_len - k; */
    for (size_t k = 0; k < b64_len; k++)
        if (!b64_char(b64[k]))
            return RK_ERR_PROFILE_TEXT;
    /* key-id: 8 upper-case hex digits, most significant first */
    v = key_id;
    /*@ loop invariant 0 <= k <= 8;
        loop assigns k, v, hex[0 .. 7];
        loop variant k; */
    for (size_t k = 8; k > 0; k--) {
        uint32_t h = v % 16u;
        hex[k - 1u] = (uint8_t)(h < 10u ? '0' + h : 'A' + (h - 10u));
        v /= 16u;
    }
    /* key-period: decimal, no leading zeros; digits fill dec[i .. 11] */
    p = key_period;
    i = 12;
    /*@ loop invariant 1 <= i <= 12;
        loop assigns i, p, dec[0 .. 11];
        loop variant i; */
    do {
        i--;
        dec[i] = (uint8_t)('0' + p % 10u);
        p /= 10u;
    } while (p != 0 && i > 0);
    at[0].name = lits + L_XMLNS_RK_OFF;
    at[0].name_len = L_XMLNS_RK_LEN;
    at[0].value = lits + L_NS_OFF;
    at[0].value_len = L_NS_LEN;
    at[1].name = lits + L_LMRTYPE_OFF;
    at[1].name_len = L_LMRTYPE_LEN;
    if (lmr == RK_PROFILE_LMR_P25) {
        at[1].value = lits + L_P25_OFF;
        at[1].value_len = L_P25_LEN;
    } else if (lmr == RK_PROFILE_LMR_TETRA) {
        at[1].value = lits + L_TETRA_OFF;
        at[1].value_len = L_TETRA_LEN;
    } else {
        at[1].value = lits + L_OTHER_OFF;
        at[1].value_len = L_OTHER_LEN;
    }
    at[2].name = lits + L_KEYID_OFF;
    at[2].name_len = L_KEYID_LEN;
    at[2].value = hex;
    at[2].value_len = 8;
    at[3].name = lits + L_KMSURI_OFF;
    at[3].name_len = L_KMSURI_LEN;
    at[3].value = kms_uri;
    at[3].value_len = kms_uri_len;
    at[4].name = lits + L_KEYPERIOD_OFF;
    at[4].name_len = L_KEYPERIOD_LEN;
    at[4].value = dec + i;
    at[4].value_len = 12u - i;
    st = rk_xml_write_start(w, L(QNAME), at, 5, 0);
    if (st == RK_OK)
        st = rk_xml_write_text(w, b64, b64_len);
    if (st == RK_OK)
        st = rk_xml_write_end(w, L(QNAME));
    return st;
}

rk_status rk_profile_encode_element(uint8_t *out, size_t cap, size_t *out_len, int lmr,
                                    uint32_t key_id, const uint8_t *kms_uri,
                                    size_t kms_uri_len, uint64_t key_period,
                                    const uint8_t *b64, size_t b64_len)
{
    uint8_t lits[L_TOTAL];
    rk_xml_writer w;
    fields f;
    rk_status st;

    *out_len = 0;
    load_lits(lits);
    f.lmr = lmr;
    f.key_id = key_id;
    f.kms_uri = kms_uri;
    f.kms_uri_len = kms_uri_len;
    f.key_period = key_period;
    f.b64 = b64;
    f.b64_len = b64_len;
    rk_xml_writer_init(&w, out, cap);
    st = encode(&w, lits, &f);
    if (st != RK_OK) {
        zero8(out, cap);
        return st;
    }
    *out_len = w.pos;
    return RK_OK;
}

/* 1 if every view of els[0 .. c-1] lies in a document of len octets.  The
 * scan only stores views of reader events, which lie in the document, so
 * this always holds; it is checked rather than carried through the scan,
 * where the prover would have to show, at every store of an element and
 * every reader event, that the elements stored before were left alone. */
/*@ requires c <= 1024 && \valid_read(els + (0 .. c - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 ==>
        \forall integer i; 0 <= i < c ==> rk_profile_el_in(els + i, len); */
static int els_in(const rk_profile_element *els, size_t c, size_t len)
{
    /*@ loop invariant 0 <= i <= c;
        loop invariant \forall integer j; 0 <= j < i ==> rk_profile_el_in(els + j, len);
        loop assigns i;
        loop variant c - i; */
    for (size_t i = 0; i < c; i++) {
        const rk_profile_element *e = els + i;
        if (!view_in(e->element, len) || !view_in(e->lmr_type, len) ||
            !view_in(e->key_id, len) || !view_in(e->kms_uri, len) ||
            !view_in(e->key_period, len) || !view_in(e->text, len))
            return 0;
    }
    return 1;
}

/* *count = c, with what the caller proved of els[0 .. c-1] carried across the
 * store (a contract of its own keeps that frame goal small). */
/*@ requires max <= 1024 && \valid(els + (0 .. max - 1)) && \valid(count);
    requires \separated(els + (0 .. max - 1), count);
    requires c <= max;
    requires \forall integer i; 0 <= i < c ==> rk_profile_el_in(els + i, len);
    assigns *count;
    ensures *count == c;
    ensures \forall integer i; 0 <= i < *count ==> rk_profile_el_in(els + i, len); */
static void set_count(size_t *count, size_t c, const rk_profile_element *els, size_t max,
                      size_t len)
{
    (void)els; /* named for the contract */
    (void)max;
    (void)len;
    *count = c;
}

rk_status rk_profile_find(rk_profile_ctx *ctx, const uint8_t *doc, size_t len,
                          unsigned xml_flags, rk_profile_element *els, size_t max,
                          size_t *count)
{
    uint8_t lits[L_TOTAL];
    scan_st r;
    scan_req rq;
    rk_status st;

    load_lits(lits);
    rq.flags = xml_flags;
    rq.store = 1;
    rq.max = max;
    rq.kid = 0;
    rq.kp = 0;
    rq.lits = lits;
    r = scan(ctx, doc, len, rq, els);
    st = r.err;
    if (st == RK_OK) {
        size_t c = r.lay.count;
        /*@ assert rq.store == 1; */
        /*@ assert c <= max; */
        if (els_in(els, c, len)) {
            set_count(count, c, els, max, len);
            return RK_OK;
        }
        st = RK_ERR_INTERNAL;
    }
    {
        rk_xml_view z;
        z.off = 0;
        z.len = 0;
        *count = 0;
        /*@ loop invariant 0 <= i <= max;
            loop assigns i, els[0 .. max - 1];
            loop variant max - i; */
        for (size_t i = 0; i < max; i++) {
            els[i].element = z;
            els[i].lmr_type = z;
            els[i].key_id = z;
            els[i].kms_uri = z;
            els[i].key_period = z;
            els[i].text = z;
            els[i].lmr = 0;
            els[i].key_id_value = 0;
            els[i].key_period_value = 0;
            els[i].depth = 0;
            els[i].under_anyext = 0;
        }
    }
    return st;
}

/* Append "<" [prefix ":"] "anyExt>" (open != 0) or the matching end tag. */
/*@ requires rk_xml_writer_ok(w);
    requires \valid_read(pfx + (0 .. pfx_len - 1));
    requires \valid_read(lits + (0 .. L_TOTAL - 1));
    requires \separated(w, w->buf + (0 .. w->cap - 1), lits + (0 .. L_TOTAL - 1),
                        pfx + (0 .. pfx_len - 1));
    assigns w->pos, w->buf[0 .. w->cap - 1];
    ensures rk_xml_writer_ok(w);
    ensures \result <= 0; */
static rk_status any_tag(rk_xml_writer *w, const uint8_t *lits, const uint8_t *pfx,
                         size_t pfx_len, int open)
{
    rk_status st = open ? rk_xml_write_raw(w, L(LT)) : rk_xml_write_raw(w, L(LTSL));
    if (st == RK_OK && pfx_len != 0) {
        st = rk_xml_write_raw(w, pfx, pfx_len);
        if (st == RK_OK)
            st = rk_xml_write_raw(w, L(COLON));
    }
    if (st == RK_OK)
        st = rk_xml_write_raw(w, L(ANYEXT));
    if (st == RK_OK)
        st = rk_xml_write_raw(w, L(GT));
    return st;
}

/* The new document into w: doc with the element written by encode() in
 * place of the one matching, else appended to the root's first anyExt,
 * else in a new anyExt at the end of the root (upsert's middle step, a
 * function of its own so that upsert's goals frame one call). */
/*@ requires rk_xml_writer_ok(w);
    requires \valid_read(f);
    requires len <= RK_XML_MAX_DOC_BYTES && layout_ok(lay, len);
    requires \valid_read(doc + (0 .. len - 1));
    requires \valid_read(lits + (0 .. L_TOTAL - 1));
    requires \valid_read(f->kms_uri + (0 .. f->kms_uri_len - 1));
    requires \valid_read(f->b64 + (0 .. f->b64_len - 1));
    requires \separated(w, w->buf + (0 .. w->cap - 1), lits + (0 .. L_TOTAL - 1),
                        f->kms_uri + (0 .. f->kms_uri_len - 1), f->b64 + (0 .. f->b64_len - 1),
                        doc + (0 .. len - 1));
    requires \separated(f, w->buf + (0 .. w->cap - 1), w);
    assigns w->pos, w->buf[0 .. w->cap - 1];
    ensures rk_xml_writer_ok(w);
    ensures \result <= 0; */
static rk_status splice(rk_xml_writer *w, const uint8_t *lits, const uint8_t *doc, size_t len,
                        layout lay, const fields *f)
{
    rk_xml_view match = lay.match;
    rk_xml_view any_end = lay.any_end;
    rk_xml_view any_raw = lay.any_raw;
    rk_xml_view any_qname = lay.any_qname;
    rk_xml_view root_end = lay.root_end;
    rk_xml_view root_raw = lay.root_raw;
    rk_xml_view root_qname = lay.root_qname;
    rk_xml_view root_prefix = lay.root_prefix;
    int has_any = lay.has_any;
    size_t a, b;
    int mode; /* 0 replace, 1 into anyExt, 2 expand <anyExt/>, 3 new anyExt, 4 expand root */
    rk_status st;

    if (lay.nmatch == 1u) {
        mode = 0;
        a = match.off;
        b = match.off + match.len;
    } else if (has_any && any_end.len != 0) {
        mode = 1;
        a = any_end.off;
        b = a;
    } else if (has_any) {
        mode = 2; /* <anyExt/>: "/>" becomes ">" ELEMENT "</anyExt>" */
        if (any_raw.len < 2u)
            return RK_ERR_INTERNAL;
        a = any_raw.off + any_raw.len - 2u;
        b = any_raw.off + any_raw.len;
    } else if (root_end.len != 0) {
        mode = 3;
        a = root_end.off;
        b = a;
    } else {
        mode = 4;
        if (root_raw.len < 2u)
            return RK_ERR_INTERNAL;
        a = root_raw.off + root_raw.len - 2u;
        b = root_raw.off + root_raw.len;
    }
    st = rk_xml_write_raw(w, doc, a);
    if (st == RK_OK && (mode == 2 || mode == 4))
        st = rk_xml_write_raw(w, L(GT));
    if (st == RK_OK && (mode == 3 || mode == 4))
        st = any_tag(w, lits, doc + root_prefix.off, root_prefix.len, 1);
    if (st == RK_OK)
        st = encode(w, lits, f);
    if (st == RK_OK && (mode == 3 || mode == 4))
        st = any_tag(w, lits, doc + root_prefix.off, root_prefix.len, 0);
    if (st == RK_OK && mode == 2) {
        st = rk_xml_write_raw(w, L(LTSL));
        if (st == RK_OK)
            st = rk_xml_write_raw(w, doc + any_qname.off, any_qname.len);
        if (st == RK_OK)
            st = rk_xml_write_raw(w, L(GT));
    }
    if (st == RK_OK && mode == 4) {
        st = rk_xml_write_raw(w, L(LTSL));
        if (st == RK_OK)
            st = rk_xml_write_raw(w, doc + root_qname.off, root_qname.len);
        if (st == RK_OK)
            st = rk_xml_write_raw(w, L(GT));
    }
    if (st == RK_OK)
        st = rk_xml_write_raw(w, doc + b, len - b);
    return st;
}

rk_status rk_profile_upsert(rk_profile_ctx *ctx, uint8_t *out, size_t cap, size_t *out_len,
                            const uint8_t *doc, size_t len, unsigned xml_flags, int lmr,
                            uint32_t key_id, const uint8_t *kms_uri, size_t kms_uri_len,
                            uint64_t key_period, const uint8_t *b64, size_t b64_len)
{
    uint8_t lits[L_TOTAL];
    scan_st r;
    rk_xml_writer w;
    scan_req rq;
    fields f;
    size_t n = 0;
    rk_status st;

    *out_len = 0;
    load_lits(lits);
    rq.flags = xml_flags;
    rq.store = 0; /* els is NULL: with max 0 scan stores nothing */
    rq.max = 0;
    rq.kid = key_id;
    rq.kp = key_period;
    rq.lits = lits;
    f.lmr = lmr;
    f.key_id = key_id;
    f.kms_uri = kms_uri;
    f.kms_uri_len = kms_uri_len;
    f.key_period = key_period;
    f.b64 = b64;
    f.b64_len = b64_len;
    r = scan(ctx, doc, len, rq, NULL);
    st = r.err;
    if (st == RK_OK && r.lay.nmatch > 1u)
        st = RK_ERR_PROFILE_DUPLICATE;
    /* the writer is set up after the scan and its length read before the
     * next: no goal then frames w across a scan */
    if (st == RK_OK) {
        rk_xml_writer_init(&w, out, cap);
        st = splice(&w, lits, doc, len, r.lay, &f);
        /*@ assert w.buf == out && w.cap <= cap && w.pos <= w.cap; */
        n = w.pos;
    }
    /* Read the result back: the new element must not make the document
     * unreadable (e.g. the prefix rk bound to another URI around it, or one
     * namespace declaration too many), and it must be there exactly once. */
    if (st == RK_OK) {
        r = scan(ctx, out, n, rq, NULL);
        st = r.err;
    }
    if (st == RK_OK && r.lay.nmatch != 1u)
        st = RK_ERR_INTERNAL;
    if (st == RK_OK) {
        *out_len = n;
        return RK_OK;
    }
    zero8(out, cap);
    *out_len = 0;
    return st;
}
