/* see rootkey/profile.h */
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
    ensures rk_xml_vin(&e->lmr_type, n) && rk_xml_vin(&e->key_id, n) &&
            rk_xml_vin(&e->kms_uri, n) && rk_xml_vin(&e->key_period, n); */
static rk_status read_attrs(const uint8_t *d, size_t n, const uint8_t *lits,
                            const rk_xml_event *ev, rk_profile_element *e)
{
    int have = 0; /* sum of 1, 2, 4, 8 for the four attributes */
    rk_status st;
    rk_xml_view z;
    z.off = 0;
    z.len = 0;
    e->lmr_type = z;
    e->key_id = z;
    e->kms_uri = z;
    e->key_period = z;
    e->lmr = 0;
    e->key_id_value = 0;
    e->key_period_value = 0;
    /*@ loop invariant 0 <= i <= ev->nattrs;
        loop invariant 0 <= have <= 15;
        loop invariant rk_xml_vin(&e->lmr_type, n) && rk_xml_vin(&e->key_id, n) &&
            rk_xml_vin(&e->kms_uri, n) && rk_xml_vin(&e->key_period, n);
        loop assigns i, have, e->lmr_type, e->key_id, e->kms_uri, e->key_period;
        loop variant ev->nattrs - i; */
    for (size_t i = 0; i < ev->nattrs; i++) {
        const rk_xml_attr *a = &ev->attr[i];
        if (a->prefix.len != 0)
            continue; /* attributes in other namespaces (and xml:) are ignored */
        /* the reader refuses duplicates, so each is seen at most once */
        if (eq(d, n, a->local, L(LMRTYPE)) && (have % 2) == 0) {
            e->lmr_type = a->value;
            have += 1;
        } else if (eq(d, n, a->local, L(KEYID)) && (have / 2) % 2 == 0) {
            e->key_id = a->value;
            have += 2;
        } else if (eq(d, n, a->local, L(KMSURI)) && (have / 4) % 2 == 0) {
            e->kms_uri = a->value;
            have += 4;
        } else if (eq(d, n, a->local, L(KEYPERIOD)) && (have / 8) % 2 == 0) {
            e->key_period = a->value;
            have += 8;
        } else {
            return RK_ERR_PROFILE_ATTR_UNKNOWN;
        }
    }
    if (have != 15)
        return RK_ERR_PROFILE_ATTR_MISSING;
    if (eq(d, n, e->lmr_type, L(P25)))
        e->lmr = RK_PROFILE_LMR_P25;
    else if (eq(d, n, e->lmr_type, L(TETRA)))
        e->lmr = RK_PROFILE_LMR_TETRA;
    else if (eq(d, n, e->lmr_type, L(OTHER)))
        e->lmr = RK_PROFILE_LMR_OTHER;
    else
        return RK_ERR_PROFILE_LMR_TYPE;
    st = parse_key_id(d + e->key_id.off, e->key_id.len, &e->key_id_value);
    if (st != RK_OK)
        return st;
    st = check_uri(d + e->kms_uri.off, e->kms_uri.len);
    if (st != RK_OK)
        return st;
    return parse_period(d + e->key_period.off, e->key_period.len, &e->key_period_value);
}

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

/*@ predicate layout_in{L}(layout *l, integer n) =
        rk_xml_vin(&l->root_raw, n) && rk_xml_vin(&l->root_end, n) &&
        rk_xml_vin(&l->root_qname, n) && rk_xml_vin(&l->root_prefix, n) &&
        rk_xml_vin(&l->any_raw, n) && rk_xml_vin(&l->any_end, n) &&
        rk_xml_vin(&l->any_qname, n) && rk_xml_vin(&l->match, n); */

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

/* The one pass behind find and upsert: read the whole document, check
 * every lmr-root-key element, store them in els when rq->store != 0 (at
 * most rq->max), count them (lay->count), note the layout and the elements
 * matching (rq->kid, rq->kp). */
/*@ requires \valid(ctx) && \valid(lay) && \valid_read(rq);
    requires \valid_read(doc + (0 .. len - 1));
    requires \valid_read(rq->lits + (0 .. L_TOTAL - 1));
    requires rq->max <= 1024;
    requires \valid(els + (0 .. rq->max - 1));
    requires \separated(ctx, lay, rq, doc + (0 .. len - 1), els + (0 .. rq->max - 1),
                        rq->lits + (0 .. L_TOTAL - 1));
    requires \separated(lay, els + (0 .. rq->max - 1));
    assigns *ctx, *lay, els[0 .. rq->max - 1];
    ensures \result <= 0;
    ensures rq->store != 0 ==> lay->count <= rq->max;
    ensures \result == RK_OK ==> len <= RK_XML_MAX_DOC_BYTES && layout_in(lay, len);
    ensures \result == RK_OK && rq->store != 0 ==>
        \forall integer i; 0 <= i < lay->count ==> rk_profile_el_in(els + i, len); */
static rk_status scan(rk_profile_ctx *ctx, const uint8_t *doc, size_t len, const scan_req *rq,
                      rk_profile_element *els, layout *lay)
{
    rk_profile_element cur;
    size_t cnt = 0;
    size_t in_el = 0;     /* depth of the open lmr-root-key element, or 0 */
    size_t ntext = 0;
    int in_any = 0;       /* inside the root's first anyExt */
    size_t bound;
    rk_status st;
    rk_xml_view z;

    const uint8_t *lits = rq->lits;
    size_t max = rq->max;
    int store = rq->store;

    z.off = 0;
    z.len = 0;
    lay->count = 0;
    lay->root_raw = z;
    lay->root_end = z;
    lay->root_qname = z;
    lay->root_prefix = z;
    lay->has_any = 0;
    lay->any_raw = z;
    lay->any_end = z;
    lay->any_qname = z;
    lay->nmatch = 0;
    lay->match = z;
    cur.element = z;
    cur.lmr_type = z;
    cur.key_id = z;
    cur.kms_uri = z;
    cur.key_period = z;
    cur.text = z;
    cur.lmr = 0;
    cur.key_id_value = 0;
    cur.key_period_value = 0;
    cur.depth = 0;
    cur.under_anyext = 0;

    st = rk_xml_reader_init(&ctx->rd, doc, len, rq->flags);
    if (st != RK_OK)
        return st;
    /* every event but EOF and the END of <a/> consumes at least one octet,
     * and <a/> takes four: 2 len + 2 events are more than enough */
    bound = 2u * len + 2u;
    /*@ loop invariant rk_xml_inv(&ctx->rd);
        loop invariant ctx->rd.doc == doc && ctx->rd.len == len;
        loop invariant len <= RK_XML_MAX_DOC_BYTES;
        loop invariant 0 <= it <= bound;
        loop invariant cnt <= it && lay->nmatch <= cnt;
        loop invariant lay->count <= cnt;
        loop invariant store != 0 ==> cnt <= max;
        loop invariant store != 0 ==> \forall integer i; 0 <= i < cnt ==> rk_profile_el_in(els + i, len);
        loop invariant rk_profile_el_in(&cur, len);
        loop invariant layout_in(lay, len);
        loop assigns it, ctx->rd, ctx->ev, cnt, in_el, ntext, in_any, cur, *lay,
                     els[0 .. max - 1], st;
        loop variant bound - it; */
    for (size_t it = 0; it < bound; it++) {
        rk_xml_event *ev = &ctx->ev;
        st = rk_xml_next(&ctx->rd, ev);
        if (st != RK_OK)
            return st;
        if (ev->type == RK_XML_EV_EOF) {
            lay->count = cnt;
            return RK_OK;
        }
        if (ev->type == RK_XML_EV_START) {
            if (in_el != 0)
                return RK_ERR_PROFILE_CONTENT; /* no child elements */
            if (ev->depth == 1) {
                /* TS 24.484 8.3: the MCPTT user profile root */
                if (!eq(doc, len, ev->ns, L(UPNS)) || !eq(doc, len, ev->local, L(UPROOT)))
                    return RK_ERR_PROFILE_ROOT;
                lay->root_raw = ev->raw;
                lay->root_qname = ev->qname;
                lay->root_prefix = ev->prefix;
            } else if (ev->depth == 2 && !lay->has_any && eq(doc, len, ev->ns, L(UPNS)) &&
                       eq(doc, len, ev->local, L(ANYEXT))) {
                lay->has_any = 1;
                lay->any_raw = ev->raw;
                lay->any_qname = ev->qname;
                in_any = 1;
            }
            if (eq(doc, len, ev->ns, L(NS)) && eq(doc, len, ev->local, L(LOCAL))) {
                st = read_attrs(doc, len, lits, ev, &cur);
                if (st != RK_OK)
                    return st;
                cur.element = ev->raw;
                cur.text = z;
                cur.depth = ev->depth;
                cur.under_anyext = (in_any && ev->depth == 3) ? 1 : 0;
                in_el = ev->depth;
                ntext = 0;
            }
        } else if (ev->type == RK_XML_EV_TEXT) {
            if (in_el != 0) {
                if (ntext != 0)
                    return RK_ERR_PROFILE_CONTENT; /* text split by a comment */
                ntext = 1;
                /*@ loop invariant 0 <= k <= ev->text.len;
                    loop assigns k;
                    loop variant ev->text.len - k; */
                for (size_t k = 0; k < ev->text.len; k++)
                    if (!b64_or_ws(doc[ev->text.off + k]))
                        return RK_ERR_PROFILE_TEXT;
                cur.text = ev->text;
            }
        } else if (ev->type == RK_XML_EV_END) {
            if (in_el != 0 && ev->depth == in_el) {
                size_t s0 = cur.element.off;
                size_t e1 = ev->raw.off + ev->raw.len;
                if (ntext == 0 || e1 < s0)
                    return RK_ERR_PROFILE_TEXT;
                cur.element.len = e1 - s0;
                in_el = 0;
                if (cur.key_id_value == rq->kid && cur.key_period_value == rq->kp) {
                    lay->nmatch++;
                    lay->match = cur.element;
                }
                if (store != 0) {
                    if (cnt >= max)
                        return RK_ERR_PROFILE_TOO_MANY;
                    els[cnt] = cur;
                }
                cnt++;
            } else if (ev->depth == 2 && in_any) {
                lay->any_end = ev->raw;
                in_any = 0;
            } else if (ev->depth == 1) {
                lay->root_end = ev->raw;
            }
        }
    }
    return RK_ERR_INTERNAL;
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

/* Append the element at w->pos (DESIGN.md section 4, byte for byte). */
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
    /*@ loop invariant 0 <= i <= 12;
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

rk_status rk_profile_find(rk_profile_ctx *ctx, const uint8_t *doc, size_t len,
                          unsigned xml_flags, rk_profile_element *els, size_t max,
                          size_t *count)
{
    uint8_t lits[L_TOTAL];
    layout lay;
    scan_req rq;
    rk_status st;

    load_lits(lits);
    rq.flags = xml_flags;
    rq.store = 1;
    rq.max = max;
    rq.kid = 0;
    rq.kp = 0;
    rq.lits = lits;
    st = scan(ctx, doc, len, &rq, els, &lay);
    if (st == RK_OK) {
        /* the count read and the views stated before the one store to
         * *count (the prover then frames nothing about els) */
        size_t c = lay.count;
        /*@ assert rq.store == 1; */
        /*@ assert c <= max; */
        /*@ assert \forall integer i; 0 <= i < c ==> rk_profile_el_in(els + i, len); */
        *count = c;
        return RK_OK;
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

rk_status rk_profile_upsert(rk_profile_ctx *ctx, uint8_t *out, size_t cap, size_t *out_len,
                            const uint8_t *doc, size_t len, unsigned xml_flags, int lmr,
                            uint32_t key_id, const uint8_t *kms_uri, size_t kms_uri_len,
                            uint64_t key_period, const uint8_t *b64, size_t b64_len)
{
    uint8_t lits[L_TOTAL];
    layout lay;
    rk_profile_element none;
    rk_xml_writer w;
    scan_req rq;
    fields f;
    size_t a, b;
    int mode; /* 0 replace, 1 into anyExt, 2 expand <anyExt/>, 3 new anyExt, 4 expand root */
    rk_status st;

    *out_len = 0;
    load_lits(lits);
    rk_xml_writer_init(&w, out, cap);
    rq.flags = xml_flags;
    rq.store = 0;
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
    st = scan(ctx, doc, len, &rq, &none, &lay);
    if (st != RK_OK)
        goto fail;
    if (lay.nmatch > 1u) {
        st = RK_ERR_PROFILE_DUPLICATE;
        goto fail;
    }
    if (lay.nmatch == 1u) {
        mode = 0;
        a = lay.match.off;
        b = lay.match.off + lay.match.len;
    } else if (lay.has_any && lay.any_end.len != 0) {
        mode = 1;
        a = lay.any_end.off;
        b = a;
    } else if (lay.has_any) {
        mode = 2; /* <anyExt/>: "/>" becomes ">" ELEMENT "</anyExt>" */
        if (lay.any_raw.len < 2u) {
            st = RK_ERR_INTERNAL;
            goto fail;
        }
        a = lay.any_raw.off + lay.any_raw.len - 2u;
        b = lay.any_raw.off + lay.any_raw.len;
    } else if (lay.root_end.len != 0) {
        mode = 3;
        a = lay.root_end.off;
        b = a;
    } else {
        mode = 4;
        if (lay.root_raw.len < 2u) {
            st = RK_ERR_INTERNAL;
            goto fail;
        }
        a = lay.root_raw.off + lay.root_raw.len - 2u;
        b = lay.root_raw.off + lay.root_raw.len;
    }
    st = rk_xml_write_raw(&w, doc, a);
    if (st == RK_OK && (mode == 2 || mode == 4))
        st = rk_xml_write_raw(&w, L(GT));
    if (st == RK_OK && (mode == 3 || mode == 4))
        st = any_tag(&w, lits, doc + lay.root_prefix.off, lay.root_prefix.len, 1);
    if (st == RK_OK)
        st = encode(&w, lits, &f);
    if (st == RK_OK && (mode == 3 || mode == 4))
        st = any_tag(&w, lits, doc + lay.root_prefix.off, lay.root_prefix.len, 0);
    if (st == RK_OK && mode == 2) {
        st = rk_xml_write_raw(&w, L(LTSL));
        if (st == RK_OK)
            st = rk_xml_write_raw(&w, doc + lay.any_qname.off, lay.any_qname.len);
        if (st == RK_OK)
            st = rk_xml_write_raw(&w, L(GT));
    }
    if (st == RK_OK && mode == 4) {
        st = rk_xml_write_raw(&w, L(LTSL));
        if (st == RK_OK)
            st = rk_xml_write_raw(&w, doc + lay.root_qname.off, lay.root_qname.len);
        if (st == RK_OK)
            st = rk_xml_write_raw(&w, L(GT));
    }
    if (st == RK_OK)
        st = rk_xml_write_raw(&w, doc + b, len - b);
    /* Read the result back: the new element must not make the document
     * unreadable (e.g. the prefix rk bound to another URI around it, or one
     * namespace declaration too many), and it must be there exactly once. */
    if (st == RK_OK)
        st = scan(ctx, out, w.pos, &rq, &none, &lay);
    if (st == RK_OK && lay.nmatch != 1u)
        st = RK_ERR_INTERNAL;
    if (st == RK_OK) {
        *out_len = w.pos;
        return RK_OK;
    }
fail:
    zero8(out, cap);
    *out_len = 0;
    return st;
}
