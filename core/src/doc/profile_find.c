/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/profile.h */
/* The finder: reading a whole profile document, checking every
 * lmr-root-key element in it (rk_profile_find), and the scan the writer
 * (profile_write.c) runs before and after it upserts an element. */
#include "rootkey/profile.h"
#include "rootkey/xml.h"
#include "profile_internal.h"

static const uint8_t g_lits[L_TOTAL] = LIT_ALL;
/* the table is exactly the literals, without the terminating NUL */
typedef char lits_match_table[(LIT_LEN(LIT_ALL) == L_TOTAL) ? 1 : -1];

void rk_profile_lits(uint8_t *dst)
{
    /*@ loop invariant 0 <= i <= L_TOTAL;
        loop assigns i, dst[0 .. L_TOTAL - 1];
        loop variant L_TOTAL - i; */
    for (size_t i = 0; i < L_TOTAL; i++)
        dst[i] = g_lits[i];
}

int rk_profile_b64_or_ws(uint8_t b)
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

rk_status rk_profile_check_uri(const uint8_t *s, size_t n)
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

/* acc before the last hex digit of a key-id: at most UINT32_MAX >> 4 */
#define KEY_ID_ACC_MAX 0x0FFFFFFFu

/* key-id: exactly RK_PROFILE_KEY_ID_DIGITS hex digits. */
/*@ requires \valid_read(s + (0 .. n - 1));
    requires \valid(v);
    requires \separated(v, s + (0 .. n - 1));
    assigns *v;
    ensures \result == RK_OK || \result == RK_ERR_PROFILE_KEY_ID; */
static rk_status parse_key_id(const uint8_t *s, size_t n, uint32_t *v)
{
    uint32_t acc = 0;
    *v = 0;
    if (n != RK_PROFILE_KEY_ID_DIGITS)
        return RK_ERR_PROFILE_KEY_ID;
    /*@ loop invariant 0 <= i <= RK_PROFILE_KEY_ID_DIGITS;
        loop invariant acc <= UINT32_MAX;
        loop invariant i < RK_PROFILE_KEY_ID_DIGITS - 1 ==> acc <= KEY_ID_ACC_MAX;
        loop assigns i, acc;
        loop variant RK_PROFILE_KEY_ID_DIGITS - i; */
    for (size_t i = 0; i < RK_PROFILE_KEY_ID_DIGITS; i++) {
        uint32_t h = hexval(s[i]);
        if (h > 15u || acc > KEY_ID_ACC_MAX)
            return RK_ERR_PROFILE_KEY_ID;
        acc = acc * 16u + h;
        if (i < RK_PROFILE_KEY_ID_DIGITS - 1u && acc > KEY_ID_ACC_MAX)
            return RK_ERR_PROFILE_KEY_ID; /* cannot happen: keeps the bound */
    }
    *v = acc;
    return RK_OK;
}

/* key-period: 1 .. RK_PROFILE_KEY_PERIOD_DIGITS decimal digits, no leading
 * zero (but "0" itself). */
/*@ requires \valid_read(s + (0 .. n - 1));
    requires \valid(v);
    requires \separated(v, s + (0 .. n - 1));
    assigns *v;
    ensures \result == RK_OK || \result == RK_ERR_PROFILE_KEY_PERIOD;
    ensures \result == RK_OK ==> *v <= RK_PROFILE_KEY_PERIOD_MAX; */
static rk_status parse_period(const uint8_t *s, size_t n, uint64_t *v)
{
    uint64_t acc = 0;
    *v = 0;
    if (n == 0 || n > RK_PROFILE_KEY_PERIOD_DIGITS || (n > 1u && s[0] == '0'))
        return RK_ERR_PROFILE_KEY_PERIOD;
    /*@ loop invariant 0 <= i <= n;
        loop invariant acc <= RK_PROFILE_KEY_PERIOD_MAX;
        loop assigns i, acc;
        loop variant n - i; */
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9' || acc > RK_PROFILE_KEY_PERIOD_MAX / 10u)
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

/* The values of the four attributes (views vt, vk, vu, vp into d) checked
 * and decoded into e->lmr, e->key_id_value and e->key_period_value. */
/*@ requires \valid_read(d + (0 .. n - 1));
    requires \valid_read(lits + (0 .. L_TOTAL - 1));
    requires rk_xml_view_in(vt, n) && rk_xml_view_in(vk, n) &&
             rk_xml_view_in(vu, n) && rk_xml_view_in(vp, n);
    requires \valid(e);
    assigns e->lmr, e->key_id_value, e->key_period_value;
    ensures \result <= 0; */
static rk_status read_values(const uint8_t *d, size_t n, const uint8_t *lits, rk_xml_view vt,
                             rk_xml_view vk, rk_xml_view vu, rk_xml_view vp,
                             rk_profile_element *e)
{
    int lmr = 0;
    uint32_t kid = 0;
    uint64_t kp = 0;
    rk_status st = RK_OK;
    if (eq(d, n, vt, L(P25)))
        lmr = RK_PROFILE_LMR_P25;
    else if (eq(d, n, vt, L(TETRA)))
        lmr = RK_PROFILE_LMR_TETRA;
    else if (eq(d, n, vt, L(OTHER)))
        lmr = RK_PROFILE_LMR_OTHER;
    else
        st = RK_ERR_PROFILE_LMR_TYPE;
    if (st == RK_OK)
        st = parse_key_id(d + vk.off, vk.len, &kid);
    if (st == RK_OK)
        st = rk_profile_check_uri(d + vu.off, vu.len);
    if (st == RK_OK)
        st = parse_period(d + vp.off, vp.len, &kp);
    e->lmr = lmr;
    e->key_id_value = kid;
    e->key_period_value = kp;
    return st;
}

/* the four attributes seen: 1 + 2 + 4 + 8 */
#define ATTRS_ALL 15

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
    /* the views are read into locals and *e written once at the end: the
     * prover then never has to show that writing *e leaves *ev alone, and
     * the ensures on the views frames no store and no call; the values are
     * checked by a function of their own (read_values) */
    int have = 0; /* sum of 1, 2, 4, 8 for the four attributes (ATTRS_ALL) */
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
        loop invariant 0 <= have <= ATTRS_ALL;
        loop invariant rk_xml_view_in(vt, n) && rk_xml_view_in(vk, n) &&
            rk_xml_view_in(vu, n) && rk_xml_view_in(vp, n);
        loop assigns i, have, vt, vk, vu, vp;
        loop variant na - i; */
    for (size_t i = 0; i < na; i++) {
        rk_xml_view pfx = ev->attr[i].prefix;
        rk_xml_view loc = ev->attr[i].local;
        rk_xml_view val = ev->attr[i].value;
        /*@ assert rk_xml_view_in(val, n); */
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
    if (st == RK_OK && have != ATTRS_ALL)
        st = RK_ERR_PROFILE_ATTR_MISSING;
    e->lmr = 0;
    e->key_id_value = 0;
    e->key_period_value = 0;
    if (st == RK_OK)
        st = read_values(d, n, lits, vt, vk, vu, vp, e);
    e->lmr_type = vt;
    e->key_id = vk;
    e->kms_uri = vu;
    e->key_period = vp;
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
        if (!rk_profile_b64_or_ws(doc[text.off + k])) {
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
    requires rq.max <= RK_PROFILE_MAX_ELEMENTS;
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

scan_st rk_profile_scan(rk_profile_ctx *ctx, const uint8_t *doc, size_t len, scan_req rq,
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

/* 1 if every view of els[0 .. c-1] lies in a document of len octets.  The
 * scan only stores views of reader events, which lie in the document, so
 * this always holds; it is checked rather than carried through the scan,
 * where the prover would have to show, at every store of an element and
 * every reader event, that the elements stored before were left alone. */
/*@ requires c <= RK_PROFILE_MAX_ELEMENTS && \valid_read(els + (0 .. c - 1));
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
/*@ requires max <= RK_PROFILE_MAX_ELEMENTS && \valid(els + (0 .. max - 1)) && \valid(count);
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

    rk_profile_lits(lits);
    rq.flags = xml_flags;
    rq.store = 1;
    rq.max = max;
    rq.kid = 0;
    rq.kp = 0;
    rq.lits = lits;
    r = rk_profile_scan(ctx, doc, len, rq, els);
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
