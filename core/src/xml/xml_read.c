/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/xml.h */
#include "rootkey/xml.h"
#include "xml_internal.h"

#define ST_PROLOG 0 /* before the root element */
#define ST_ROOT 1   /* inside the root element */
#define ST_EPILOG 2 /* after the root element */
#define ST_DONE 3   /* end of document reached, or an error */

static const uint8_t lit_xmlns[5] = { 'x', 'm', 'l', 'n', 's' };
static const uint8_t lit_decl[5] = { '<', '?', 'x', 'm', 'l' };
static const uint8_t lit_comment[4] = { '<', '!', '-', '-' };
static const uint8_t lit_doctype[9] = { '<', '!', 'D', 'O', 'C', 'T', 'Y', 'P', 'E' };
static const uint8_t lit_cdata[9] = { '<', '!', '[', 'C', 'D', 'A', 'T', 'A', '[' };
static const uint8_t lit_version[7] = { 'v', 'e', 'r', 's', 'i', 'o', 'n' };
static const uint8_t lit_encoding[8] = { 'e', 'n', 'c', 'o', 'd', 'i', 'n', 'g' };
static const uint8_t lit_standalone[10] = { 's', 't', 'a', 'n', 'd', 'a', 'l', 'o', 'n', 'e' };
static const uint8_t lit_v10[3] = { '1', '.', '0' };
static const uint8_t lit_utf8[5] = { 'U', 'T', 'F', '-', '8' };
static const uint8_t lit_yes[3] = { 'y', 'e', 's' };
static const uint8_t lit_no[2] = { 'n', 'o' };
/* XML Namespaces 1.0 section 3: the two URIs no declaration may bind */
static const uint8_t lit_ns_xml[36] = {
    'h', 't', 't', 'p', ':', '/', '/', 'w', 'w', 'w', '.', 'w', '3', '.', 'o', 'r', 'g', '/',
    'X', 'M', 'L', '/', '1', '9', '9', '8', '/', 'n', 'a', 'm', 'e', 's', 'p', 'a', 'c', 'e' };
static const uint8_t lit_ns_xmlns[29] = {
    'h', 't', 't', 'p', ':', '/', '/', 'w', 'w', 'w', '.', 'w', '3', '.', 'o', 'r', 'g', '/',
    '2', '0', '0', '0', '/', 'x', 'm', 'l', 'n', 's', '/' };

/*@ assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int is_ws(uint8_t b)
{
    return b == 0x20u || b == 0x9u || b == 0xAu || b == 0xDu;
}

/* First position at or after p that is not XML whitespace (2.3 S). */
/*@ requires p <= n;
    requires \valid_read(d + (0 .. n - 1));
    assigns \nothing;
    ensures p <= \result <= n; */
static size_t skip_ws(const uint8_t *d, size_t n, size_t p)
{
    /*@ loop invariant p <= q <= n;
        loop assigns q;
        loop variant n - q; */
    for (size_t q = p; q < n; q++)
        if (!is_ws(d[q]))
            return q;
    return n;
}

/* 1 if d[p ..] starts with s[0 .. m-1]. */
/*@ requires p <= n;
    requires \valid_read(d + (0 .. n - 1));
    requires \valid_read(s + (0 .. m - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 ==> m <= n - p; */
static int has_lit(const uint8_t *d, size_t n, size_t p, const uint8_t *s, size_t m)
{
    if (m > n - p)
        return 0;
    /*@ loop invariant 0 <= k <= m;
        loop assigns k;
        loop variant m - k; */
    for (size_t k = 0; k < m; k++)
        if (d[p + k] != s[k])
            return 0;
    return 1;
}

int rk_xml_view_eq(const uint8_t *doc, size_t len, rk_xml_view v,
                   const uint8_t *lit, size_t lit_len)
{
    (void)len;
    if (v.len != lit_len)
        return 0;
    /*@ loop invariant 0 <= k <= lit_len;
        loop invariant \forall integer j; 0 <= j < k ==> doc[v.off + j] == lit[j];
        loop assigns k;
        loop variant lit_len - k; */
    for (size_t k = 0; k < lit_len; k++)
        if (doc[v.off + k] != lit[k])
            return 0;
    return 1;
}

/* 1 if two views of the same document hold the same octets. */
/*@ requires rk_xml_view_in(a, n) && rk_xml_view_in(b, n);
    requires \valid_read(d + (0 .. n - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int view_same(const uint8_t *d, size_t n, rk_xml_view a, rk_xml_view b)
{
    (void)n;
    if (a.len != b.len)
        return 0;
    /*@ loop invariant 0 <= k <= a.len;
        loop assigns k;
        loop variant a.len - k; */
    for (size_t k = 0; k < a.len; k++)
        if (d[a.off + k] != d[b.off + k])
            return 0;
    return 1;
}

/*@ requires off <= n && len <= n - off;
    assigns \nothing;
    ensures \result.off == off && \result.len == len;
    ensures rk_xml_view_in(\result, n); */
static rk_xml_view mkview(size_t off, size_t len, size_t n)
{
    rk_xml_view v;
    (void)n;
    v.off = off;
    v.len = len;
    return v;
}

/* The reader keeps 32-bit views (rootkey/xml.h says why); events carry
 * size_t ones. */
/*@ requires rk_xml_view_in(v, n) && n <= RK_XML_MAX_DOC_BYTES;
    assigns \nothing;
    ensures \result.off == v.off && \result.len == v.len; */
static rk_xml_rview to_rview(rk_xml_view v, size_t n)
{
    rk_xml_rview w;
    (void)n;
    w.off = (uint32_t)v.off;
    w.len = (uint32_t)v.len;
    return w;
}

/*@ requires v.off <= n && v.len <= n - v.off;
    assigns \nothing;
    ensures \result.off == v.off && \result.len == v.len;
    ensures rk_xml_view_in(\result, n); */
static rk_xml_view from_rview(rk_xml_rview v, size_t n)
{
    return mkview(v.off, v.len, n);
}

/*@ requires \valid(ev);
    assigns *ev;
    ensures rk_xml_event_in(ev, L);
    ensures ev->type == RK_XML_EV_NONE && ev->nattrs == 0; */
static void zero_event(rk_xml_event *ev, size_t L)
{
    (void)L;
    ev->type = RK_XML_EV_NONE;
    ev->depth = 0;
    ev->ns.off = 0;
    ev->ns.len = 0;
    ev->prefix.off = 0;
    ev->prefix.len = 0;
    ev->local.off = 0;
    ev->local.len = 0;
    ev->qname.off = 0;
    ev->qname.len = 0;
    ev->raw.off = 0;
    ev->raw.len = 0;
    ev->text.off = 0;
    ev->text.len = 0;
    ev->nattrs = 0;
    /*@ loop invariant 0 <= i <= RK_XML_MAX_ATTRS;
        loop invariant rk_xml_attrs_in(&ev->attr[0], i, L);
        loop assigns i, ev->attr[0 .. RK_XML_MAX_ATTRS - 1];
        loop variant RK_XML_MAX_ATTRS - i; */
    for (size_t i = 0; i < RK_XML_MAX_ATTRS; i++) {
        ev->attr[i].ns.off = 0;
        ev->attr[i].ns.len = 0;
        ev->attr[i].prefix.off = 0;
        ev->attr[i].prefix.len = 0;
        ev->attr[i].local.off = 0;
        ev->attr[i].local.len = 0;
        ev->attr[i].value.off = 0;
        ev->attr[i].value.len = 0;
    }
}

/* Empty views at offset 0 (inside a document of any length L). */
/*@ requires \valid(v + (0 .. n - 1));
    assigns v[0 .. n - 1];
    ensures rk_xml_rviews_in(v, n, L); */
static void zero_rviews(rk_xml_rview *v, size_t n, size_t L)
{
    (void)L;
    /*@ loop invariant 0 <= i <= n;
        loop invariant rk_xml_rviews_in(v, i, L);
        loop assigns i, v[0 .. n - 1];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++) {
        v[i].off = 0;
        v[i].len = 0;
    }
}

/*@ requires \valid(v + (0 .. n - 1));
    assigns v[0 .. n - 1];
    ensures rk_xml_marks_ok(v, n); */
static void zero_marks(uint32_t *v, size_t n)
{
    /*@ loop invariant 0 <= i <= n;
        loop invariant rk_xml_marks_ok(v, i);
        loop assigns i, v[0 .. n - 1];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        v[i] = 0;
}

rk_status rk_xml_reader_init(rk_xml_reader *r, const uint8_t *doc, size_t len, unsigned flags)
{
    size_t l = len > RK_XML_MAX_DOC_BYTES ? 0 : len; /* a refused document reads as empty */
    size_t pos = 0;
    rk_status st = RK_OK;
    /* the document is read before the first write to *r */
    if (len > RK_XML_MAX_DOC_BYTES) {
        st = RK_ERR_XML_TOO_LONG;
    } else if (len >= 3 && doc[0] == 0xEFu && doc[1] == 0xBBu && doc[2] == 0xBFu) {
        /* XML 1.0 4.3.3 / Appendix F: a UTF-8 byte order mark may precede
         * the document */
        pos = 3;
    } else if ((len >= 1 && (doc[0] == 0xFEu || doc[0] == 0xFFu || doc[0] == 0)) ||
               (len >= 2 && doc[1] == 0)) {
        /* UTF-16 and UTF-32 (with or without a mark) are refused */
        st = RK_ERR_XML_ENCODING;
    }
    /* the arrays first, each step asserted, then the scalar fields: every
     * goal then frames one call (the provers time out on all seven at once) */
    zero_rviews(r->ns_prefix, RK_XML_MAX_NS, l);
    zero_rviews(r->ns_uri, RK_XML_MAX_NS, l);
    /*@ assert rk_xml_rviews_in(&r->ns_prefix[0], RK_XML_MAX_NS, l); */
    zero_marks(r->ns_mark, RK_XML_MAX_DEPTH);
    /*@ assert rk_xml_rviews_in(&r->ns_prefix[0], RK_XML_MAX_NS, l) &&
               rk_xml_rviews_in(&r->ns_uri[0], RK_XML_MAX_NS, l); */
    zero_rviews(r->el_qname, RK_XML_MAX_DEPTH, l);
    /*@ assert rk_xml_rviews_in(&r->ns_prefix[0], RK_XML_MAX_NS, l) &&
               rk_xml_rviews_in(&r->ns_uri[0], RK_XML_MAX_NS, l) &&
               rk_xml_marks_ok(&r->ns_mark[0], RK_XML_MAX_DEPTH); */
    zero_rviews(r->el_ns, RK_XML_MAX_DEPTH, l);
    /*@ assert rk_xml_rviews_in(&r->ns_prefix[0], RK_XML_MAX_NS, l) &&
               rk_xml_rviews_in(&r->ns_uri[0], RK_XML_MAX_NS, l) &&
               rk_xml_marks_ok(&r->ns_mark[0], RK_XML_MAX_DEPTH) &&
               rk_xml_rviews_in(&r->el_qname[0], RK_XML_MAX_DEPTH, l); */
    zero_rviews(r->el_prefix, RK_XML_MAX_DEPTH, l);
    /*@ assert rk_xml_rviews_in(&r->ns_prefix[0], RK_XML_MAX_NS, l) &&
               rk_xml_rviews_in(&r->ns_uri[0], RK_XML_MAX_NS, l) &&
               rk_xml_marks_ok(&r->ns_mark[0], RK_XML_MAX_DEPTH) &&
               rk_xml_rviews_in(&r->el_qname[0], RK_XML_MAX_DEPTH, l) &&
               rk_xml_rviews_in(&r->el_ns[0], RK_XML_MAX_DEPTH, l); */
    zero_rviews(r->el_local, RK_XML_MAX_DEPTH, l);
    /*@ assert rk_xml_rviews_in(&r->ns_prefix[0], RK_XML_MAX_NS, l) &&
               rk_xml_rviews_in(&r->ns_uri[0], RK_XML_MAX_NS, l) &&
               rk_xml_marks_ok(&r->ns_mark[0], RK_XML_MAX_DEPTH) &&
               rk_xml_rviews_in(&r->el_qname[0], RK_XML_MAX_DEPTH, l) &&
               rk_xml_rviews_in(&r->el_ns[0], RK_XML_MAX_DEPTH, l) &&
               rk_xml_rviews_in(&r->el_prefix[0], RK_XML_MAX_DEPTH, l); */
    r->doc = doc;
    r->len = (int64_t)l;
    r->pos = st == RK_OK ? (int64_t)pos : 0;
    r->flags = flags;
    r->state = st == RK_OK ? ST_PROLOG : ST_DONE;
    r->pending_end = 0;
    r->err = st;
    r->depth = 0;
    r->nsn = 0;
    return st;
}

/* A comment (XML 1.0 2.5) starting at d[p] with "<!--": no "--" inside, no
 * '-' just before "-->", every character a valid XML Char.  *np is just
 * after "-->". */
/*@ requires p <= n && 4 <= n - p;
    requires \valid_read(d + (0 .. n - 1));
    requires \valid(np);
    requires \separated(np, d + (0 .. n - 1));
    assigns *np;
    ensures \result <= 0;
    ensures \result == RK_OK ==> p < *np <= n; */
static rk_status scan_comment(const uint8_t *d, size_t n, size_t p, size_t *np)
{
    size_t q = p + 4u;
    *np = p;
    /*@ loop invariant p + 4 <= q <= n;
        loop assigns q;
        loop variant n - q; */
    while (q < n) {
        size_t cl;
        uint32_t cp;
        rk_status st;
        if (d[q] == '-' && n - q >= 2u && d[q + 1] == '-') {
            if (n - q < 3u)
                return RK_ERR_XML_TRUNCATED;
            if (d[q + 2] != '>')
                return RK_ERR_XML_COMMENT;
            *np = q + 3u;
            return RK_OK;
        }
        st = rk_xml_utf8(d, n, q, &cl, &cp);
        if (st != RK_OK)
            return st;
        q += cl;
    }
    return RK_ERR_XML_TRUNCATED;
}

/* Where a pseudo-attribute's value is and where the scan goes on. */
typedef struct {
    size_t voff;
    size_t vlen;
    size_t np;
} span;

/* One pseudo-attribute of the XML declaration: name Eq quoted-value
 * (XML 1.0 2.8).  On RK_OK the value is d[sp->voff .. sp->voff + sp->vlen
 * - 1] and sp->np is after the closing quote. */
/*@ requires p <= n;
    requires \valid_read(d + (0 .. n - 1));
    requires \valid_read(name + (0 .. m - 1));
    requires \valid(sp);
    requires \separated(sp, d + (0 .. n - 1));
    assigns *sp;
    ensures \result <= 0;
    ensures \result == RK_OK ==> p < sp->np <= n && sp->voff <= n && sp->vlen <= n - sp->voff; */
static rk_status pseudo_attr(const uint8_t *d, size_t n, size_t p, const uint8_t *name,
                             size_t m, span *sp)
{
    size_t q;
    uint8_t quote;
    sp->voff = 0;
    sp->vlen = 0;
    sp->np = p;
    if (!has_lit(d, n, p, name, m) || m == 0)
        return RK_ERR_XML_DECL;
    q = skip_ws(d, n, p + m);
    if (q >= n)
        return RK_ERR_XML_TRUNCATED;
    if (d[q] != '=')
        return RK_ERR_XML_DECL;
    q = skip_ws(d, n, q + 1u);
    if (q >= n)
        return RK_ERR_XML_TRUNCATED;
    quote = d[q];
    if (quote != '"' && quote != '\'')
        return RK_ERR_XML_DECL;
    q++;
    /*@ loop invariant p < q <= k <= n;
        loop assigns k;
        loop variant n - k; */
    for (size_t k = q; k < n; k++) {
        if (d[k] == quote) {
            sp->voff = q;
            sp->vlen = k - q;
            sp->np = k + 1u;
            return RK_OK;
        }
        if (d[k] == '<' || d[k] == '>' || d[k] == '?')
            return RK_ERR_XML_DECL;
    }
    return RK_ERR_XML_TRUNCATED;
}

/* 1 if d[off .. off+len-1] equals "UTF-8" ignoring ASCII case (the
 * encoding name is case-insensitive, XML 1.0 4.3.3). */
/*@ requires off <= n && len <= n - off;
    requires \valid_read(d + (0 .. n - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int is_utf8_name(const uint8_t *d, size_t n, size_t off, size_t len)
{
    (void)n;
    if (len != 5u)
        return 0;
    /*@ loop invariant 0 <= k <= 5;
        loop assigns k;
        loop variant 5 - k; */
    for (size_t k = 0; k < 5u; k++) {
        uint8_t b = d[off + k];
        if (b >= 'a' && b <= 'z')
            b = (uint8_t)(b - 32u);
        if (b != lit_utf8[k])
            return 0;
    }
    return 1;
}

/* The XML declaration at d[p] ("<?xml" then whitespace or '?'):
 * version="1.0" [encoding="UTF-8"] [standalone="yes"|"no"] ?> */
/*@ requires p <= n && 5 <= n - p;
    requires \valid_read(d + (0 .. n - 1));
    requires \valid(np);
    requires \separated(np, d + (0 .. n - 1));
    assigns *np;
    ensures \result <= 0;
    ensures \result == RK_OK ==> p < *np <= n; */
static rk_status scan_decl(const uint8_t *d, size_t n, size_t p, size_t *np)
{
    size_t q, ws;
    span sp;
    rk_status st;
    *np = p;
    q = skip_ws(d, n, p + 5u);
    if (q == p + 5u)
        return RK_ERR_XML_DECL;
    st = pseudo_attr(d, n, q, lit_version, 7, &sp);
    if (st != RK_OK)
        return st;
    if (sp.vlen != 3u || !has_lit(d, n, sp.voff, lit_v10, 3))
        return RK_ERR_XML_VERSION;
    ws = skip_ws(d, n, sp.np);
    if (ws > sp.np && has_lit(d, n, ws, lit_encoding, 8)) {
        st = pseudo_attr(d, n, ws, lit_encoding, 8, &sp);
        if (st != RK_OK)
            return st;
        if (!is_utf8_name(d, n, sp.voff, sp.vlen))
            return RK_ERR_XML_ENCODING;
        ws = skip_ws(d, n, sp.np);
    }
    if (ws > sp.np && has_lit(d, n, ws, lit_standalone, 10)) {
        st = pseudo_attr(d, n, ws, lit_standalone, 10, &sp);
        if (st != RK_OK)
            return st;
        if (!(sp.vlen == 3u && has_lit(d, n, sp.voff, lit_yes, 3)) &&
            !(sp.vlen == 2u && has_lit(d, n, sp.voff, lit_no, 2)))
            return RK_ERR_XML_DECL;
        ws = skip_ws(d, n, sp.np);
    }
    if (n - ws < 2u)
        return RK_ERR_XML_TRUNCATED;
    if (d[ws] != '?' || d[ws + 1] != '>')
        return RK_ERR_XML_DECL;
    *np = ws + 2u;
    return RK_OK;
}

/* An attribute value from d[p] up to the closing quote: XML Chars, no '<',
 * every '&' a valid reference (XML 1.0 3.1 AttValue).  *end is the index
 * of the closing quote. */
/*@ requires p <= n;
    requires \valid_read(d + (0 .. n - 1));
    requires \valid(end);
    requires \separated(end, d + (0 .. n - 1));
    assigns *end;
    ensures \result <= 0;
    ensures \result == RK_OK ==> p <= *end < n; */
static rk_status scan_value(const uint8_t *d, size_t n, size_t p, uint8_t quote, size_t *end)
{
    size_t q = p;
    *end = p;
    /*@ loop invariant p <= q <= n;
        loop assigns q;
        loop variant n - q; */
    while (q < n) {
        size_t l;
        uint32_t cp;
        rk_status st;
        uint8_t b = d[q];
        if (b == quote) {
            *end = q;
            return RK_OK;
        }
        if (b == '<')
            return RK_ERR_XML_ATTR_LT;
        if (b == '&')
            st = rk_xml_ref(d, n, q, &l, &cp);
        else
            st = rk_xml_utf8(d, n, q, &l, &cp);
        if (st != RK_OK)
            return st;
        q += l;
    }
    return RK_ERR_XML_TRUNCATED;
}

/* Character data from d[p] up to the next '<' or the end (XML 1.0 2.4):
 * XML Chars, references, no "]]>".  *end is the index after it. */
/*@ requires p < n;
    requires \valid_read(d + (0 .. n - 1));
    requires \valid(end);
    requires \separated(end, d + (0 .. n - 1));
    assigns *end;
    ensures \result <= 0;
    ensures \result == RK_OK ==> p <= *end <= n; */
static rk_status scan_text(const uint8_t *d, size_t n, size_t p, size_t *end)
{
    size_t q = p;
    *end = p;
    /*@ loop invariant p <= q <= n;
        loop assigns q;
        loop variant n - q; */
    while (q < n && d[q] != '<') {
        size_t l;
        uint32_t cp;
        rk_status st;
        if (d[q] == '&') {
            st = rk_xml_ref(d, n, q, &l, &cp);
        } else if (d[q] == ']' && n - q >= 3u && d[q + 1] == ']' && d[q + 2] == '>') {
            return RK_ERR_XML_CDATA_END;
        } else {
            st = rk_xml_utf8(d, n, q, &l, &cp);
        }
        if (st != RK_OK)
            return st;
        q += l;
    }
    *end = q;
    return RK_OK;
}

/* 1 + index of the innermost in-scope binding of prefix pv (the empty view
 * is the default namespace), or 0 if none. */
/*@ requires rk_xml_inv(r);
    requires rk_xml_view_in(pv, r->len);
    assigns \nothing;
    ensures 0 <= \result <= r->nsn; */
static size_t ns_find(const rk_xml_reader *r, rk_xml_view pv)
{
    size_t i = (size_t)r->nsn;
    /*@ loop invariant 0 <= i <= r->nsn;
        loop assigns i;
        loop variant i; */
    while (i > 0) {
        if (view_same(r->doc, (size_t)r->len, from_rview(r->ns_prefix[i - 1u], (size_t)r->len), pv))
            return i;
        i--;
    }
    return 0;
}

/* Push one binding (declare's only write; on its own so that the prover
 * frames the two array stores in a small context). */
/*@ requires rk_xml_inv(r);
    requires r->nsn < RK_XML_MAX_NS;
    requires rk_xml_view_in(pfx, r->len) && rk_xml_view_in(uri, r->len);
    assigns r->nsn, r->ns_prefix[0 .. RK_XML_MAX_NS - 1], r->ns_uri[0 .. RK_XML_MAX_NS - 1];
    ensures rk_xml_inv(r);
    ensures r->nsn == \old(r->nsn) + 1; */
static void push_ns(rk_xml_reader *r, rk_xml_view pfx, rk_xml_view uri)
{
    size_t k = (size_t)r->nsn;
    size_t n = (size_t)r->len;
    r->ns_prefix[k] = to_rview(pfx, n);
    /*@ assert rk_xml_rviews_in(&r->ns_prefix[0], RK_XML_MAX_NS, n); */
    r->ns_uri[k] = to_rview(uri, n);
    /*@ assert rk_xml_rviews_in(&r->ns_prefix[0], RK_XML_MAX_NS, n) &&
               rk_xml_rviews_in(&r->ns_uri[0], RK_XML_MAX_NS, n); */
    r->nsn = (int64_t)(k + 1u);
}

/* Push one namespace declaration (XML Namespaces 1.0 section 3): pfx empty
 * for xmlns="...", else the declared prefix of xmlns:pfx="...". */
/*@ requires rk_xml_inv(r);
    requires rk_xml_view_in(pfx, r->len) && rk_xml_view_in(uri, r->len);
    assigns r->nsn, r->ns_prefix[0 .. RK_XML_MAX_NS - 1], r->ns_uri[0 .. RK_XML_MAX_NS - 1];
    ensures rk_xml_inv(r);
    ensures r->nsn >= \old(r->nsn);
    ensures \result <= 0; */
static rk_status declare(rk_xml_reader *r, rk_xml_view pfx, rk_xml_view uri)
{
    const uint8_t *d = r->doc;
    size_t n = (size_t)r->len;
    size_t k;
    if (pfx.len != 0) {
        if (rk_xml_view_eq(d, n, pfx, lit_xmlns, 3) || rk_xml_view_eq(d, n, pfx, lit_xmlns, 5))
            return RK_ERR_XML_NS_RESERVED; /* "xml" is a prefix of "xmlns" */
        if (uri.len == 0)
            return RK_ERR_XML_NS_EMPTY;
    }
    if (rk_xml_view_eq(d, n, uri, lit_ns_xml, 36) || rk_xml_view_eq(d, n, uri, lit_ns_xmlns, 29))
        return RK_ERR_XML_NS_RESERVED;
    /* the URI is used as written, so references in it are refused */
    /*@ loop invariant 0 <= i <= uri.len;
        loop assigns i;
        loop variant uri.len - i; */
    for (size_t i = 0; i < uri.len; i++)
        if (d[uri.off + i] == '&')
            return RK_ERR_XML_NS_VALUE;
    /* XML Namespaces 1.0 allows a default declaration (or a prefix
     * re-declaration) on any element, in scope for its subtree only: real
     * documents do it (<Signature xmlns="...xmldsig#"> inside a KMS
     * response); only the opt-in strict mode refuses a changed binding */
    k = ns_find(r, pfx);
    if (k != 0 && (r->flags & RK_XML_NS_STRICT) != 0 &&
        !view_same(d, n, from_rview(r->ns_uri[k - 1u], n), uri))
        return pfx.len == 0 ? RK_ERR_XML_NS_DEFAULT_CHANGE : RK_ERR_XML_NS_REBIND;
    if (r->nsn >= RK_XML_MAX_NS)
        return RK_ERR_XML_NS_COUNT;
    push_ns(r, pfx, uri);
    return RK_OK;
}

/* The end of a start tag: after '>', how many raw attributes, and "/>". */
typedef struct {
    size_t np;
    size_t nattrs;
    int empty;
} tag_end;

/* Store one attribute (built in a local by the caller): one store, in a
 * small context, for scan_attrs' loop invariant. */
/*@ requires \valid(ev);
    requires i < RK_XML_MAX_ATTRS;
    requires rk_xml_event_in(ev, n);
    requires rk_xml_view_in(a.ns, n) && rk_xml_view_in(a.prefix, n) &&
             rk_xml_view_in(a.local, n) && rk_xml_view_in(a.value, n);
    assigns ev->attr[i];
    ensures rk_xml_event_in(ev, n); */
static void put_attr(rk_xml_event *ev, size_t i, rk_xml_attr a, size_t n)
{
    (void)n;
    ev->attr[i] = a;
}

/* The attribute count, stored on its own (as put_attr) so that the prover
 * frames one store in a small context. */
/*@ requires \valid(ev);
    requires k <= RK_XML_MAX_ATTRS;
    requires rk_xml_event_in(ev, n);
    assigns ev->nattrs;
    ensures rk_xml_event_in(ev, n);
    ensures ev->nattrs == k; */
static void set_nattrs(rk_xml_event *ev, size_t k, size_t n)
{
    (void)n;
    ev->nattrs = k;
}

/* Parse the attribute list of a start tag from d[q] (just after the
 * element name) into ev->attr[], raw: prefix, local and value views, ns
 * left empty.  te->nattrs counts them, te->np is after '>' and te->empty is
 * 1 for "/>". */
/*@ requires q <= n;
    requires \valid_read(d + (0 .. n - 1));
    requires \valid(ev) && \valid(te);
    requires \separated(ev, te, d + (0 .. n - 1));
    requires rk_xml_event_in(ev, n);
    assigns ev->attr[0 .. RK_XML_MAX_ATTRS - 1], *te;
    ensures rk_xml_event_in(ev, n);
    ensures \result <= 0;
    ensures te->nattrs <= RK_XML_MAX_ATTRS;
    ensures \result == RK_OK ==> q < te->np <= n; */
static rk_status scan_attrs(const uint8_t *d, size_t n, size_t q, rk_xml_event *ev, tag_end *te)
{
    size_t na = 0;
    size_t p = q;
    te->np = q;
    te->nattrs = 0;
    te->empty = 0;
    /*@ loop invariant q <= p <= n;
        loop invariant 0 <= na <= RK_XML_MAX_ATTRS;
        loop invariant rk_xml_event_in(ev, n);
        loop invariant te->nattrs <= RK_XML_MAX_ATTRS;
        loop assigns p, na, ev->attr[0 .. RK_XML_MAX_ATTRS - 1], te->nattrs;
        loop variant n - p; */
    for (;;) {
        size_t ws = skip_ws(d, n, p);
        size_t al, ac, vend;
        uint8_t quote;
        rk_status st;
        int had_ws = ws > p;
        p = ws;
        if (p >= n)
            return RK_ERR_XML_TRUNCATED;
        if (d[p] == '>') {
            te->np = p + 1u;
            te->nattrs = na;
            return RK_OK;
        }
        if (d[p] == '/') {
            if (n - p < 2u)
                return RK_ERR_XML_TRUNCATED;
            if (d[p + 1] != '>')
                return RK_ERR_XML_TAG_SYNTAX;
            te->np = p + 2u;
            te->nattrs = na;
            te->empty = 1;
            return RK_OK;
        }
        if (!had_ws)
            return RK_ERR_XML_TAG_SYNTAX; /* attributes are separated by S (3.1) */
        if (na >= RK_XML_MAX_ATTRS)
            return RK_ERR_XML_ATTR_COUNT;
        st = rk_xml_qname(d, n, p, &al, &ac);
        if (st != RK_OK)
            return st;
        {
            size_t a0 = p;
            size_t v0;
            rk_xml_view pv, lv;
            if (ac != 0) {
                pv = mkview(a0, ac, n);
                lv = mkview(a0 + ac + 1u, al - ac - 1u, n);
            } else {
                pv = mkview(a0, 0, n);
                lv = mkview(a0, al, n);
            }
            p = skip_ws(d, n, a0 + al);
            if (p >= n)
                return RK_ERR_XML_TRUNCATED;
            if (d[p] != '=')
                return RK_ERR_XML_ATTR_SYNTAX;
            p = skip_ws(d, n, p + 1u);
            if (p >= n)
                return RK_ERR_XML_TRUNCATED;
            quote = d[p];
            if (quote != '"' && quote != '\'')
                return RK_ERR_XML_ATTR_SYNTAX;
            v0 = p + 1u;
            st = scan_value(d, n, v0, quote, &vend);
            if (st != RK_OK)
                return st;
            /* XML 1.0 3.1: an attribute name appears once per tag */
            /*@ loop invariant 0 <= k <= na;
                loop assigns k;
                loop variant na - k; */
            for (size_t k = 0; k < na; k++)
                if (view_same(d, n, ev->attr[k].prefix, pv) &&
                    view_same(d, n, ev->attr[k].local, lv))
                    return RK_ERR_XML_ATTR_DUP;
            {
                rk_xml_attr at;
                at.prefix = pv;
                at.local = lv;
                at.value = mkview(v0, vend - v0, n);
                at.ns = mkview(0, 0, n);
                put_attr(ev, na, at, n);
            }
            na++;
            te->nattrs = na;
            p = vend + 1u;
        }
    }
}

/* 0 = ordinary attribute, 1 = xmlns="..." , 2 = xmlns:p="..." (the
 * attribute's prefix and local name, by value: no local of the caller's
 * then has its address taken) */
/*@ requires rk_xml_view_in(prefix, n) && rk_xml_view_in(local, n);
    requires \valid_read(d + (0 .. n - 1));
    assigns \nothing;
    ensures 0 <= \result <= 2; */
static int decl_kind(const uint8_t *d, size_t n, rk_xml_view prefix, rk_xml_view local)
{
    if (prefix.len == 0)
        return rk_xml_view_eq(d, n, local, lit_xmlns, 5) ? 1 : 0;
    return rk_xml_view_eq(d, n, prefix, lit_xmlns, 5) ? 2 : 0;
}

/* The names of an element (what the reader keeps per open element). */
typedef struct {
    rk_xml_view qname;
    rk_xml_view ns;
    rk_xml_view prefix;
    rk_xml_view local;
} el_names;

/*@ predicate el_names_in(el_names e, integer n) =
        rk_xml_view_in(e.qname, n) && rk_xml_view_in(e.ns, n) &&
        rk_xml_view_in(e.prefix, n) && rk_xml_view_in(e.local, n); */

/* The START event of an element (every field but the attributes). */
/*@ requires \valid(ev);
    requires rk_xml_event_in(ev, n);
    requires el_names_in(en, n) && rk_xml_view_in(raw, n);
    requires nattrs <= RK_XML_MAX_ATTRS;
    assigns ev->type, ev->depth, ev->ns, ev->prefix, ev->local, ev->qname, ev->raw,
        ev->nattrs;
    ensures rk_xml_event_in(ev, n);
    ensures ev->type == RK_XML_EV_START; */
static void set_start(rk_xml_event *ev, el_names en, rk_xml_view raw, size_t depth,
                      size_t nattrs, size_t n)
{
    (void)n;
    ev->type = RK_XML_EV_START;
    /*@ assert rk_xml_event_in(ev, n); */
    ev->depth = depth;
    /*@ assert rk_xml_event_in(ev, n); */
    ev->ns = en.ns;
    /*@ assert rk_xml_event_in(ev, n); */
    ev->prefix = en.prefix;
    /*@ assert rk_xml_event_in(ev, n); */
    ev->local = en.local;
    /*@ assert rk_xml_event_in(ev, n); */
    ev->qname = en.qname;
    /*@ assert rk_xml_event_in(ev, n); */
    ev->raw = raw;
    /*@ assert rk_xml_event_in(ev, n); */
    ev->nattrs = nattrs;
}

/* Open an element: its names and the namespace mark on the stack. */
/*@ requires rk_xml_inv(r);
    requires r->depth < RK_XML_MAX_DEPTH;
    requires mark <= RK_XML_MAX_NS;
    requires el_names_in(en, r->len);
    assigns r->depth, r->ns_mark[0 .. RK_XML_MAX_DEPTH - 1],
        r->el_qname[0 .. RK_XML_MAX_DEPTH - 1], r->el_ns[0 .. RK_XML_MAX_DEPTH - 1],
        r->el_prefix[0 .. RK_XML_MAX_DEPTH - 1], r->el_local[0 .. RK_XML_MAX_DEPTH - 1];
    ensures rk_xml_inv(r);
    ensures r->depth == \old(r->depth) + 1; */
static void push_el(rk_xml_reader *r, el_names en, size_t mark)
{
    size_t dep = (size_t)r->depth;
    size_t n = (size_t)r->len;
    r->ns_mark[dep] = (uint32_t)mark;
    /*@ assert rk_xml_inv(r) && r->len == n && r->depth == dep; */
    r->el_qname[dep] = to_rview(en.qname, n);
    /*@ assert rk_xml_inv(r) && r->len == n && r->depth == dep; */
    r->el_ns[dep] = to_rview(en.ns, n);
    /*@ assert rk_xml_inv(r) && r->len == n && r->depth == dep; */
    r->el_prefix[dep] = to_rview(en.prefix, n);
    /*@ assert rk_xml_inv(r) && r->len == n && r->depth == dep; */
    r->el_local[dep] = to_rview(en.local, n);
    /*@ assert rk_xml_inv(r) && r->len == n && r->depth == dep; */
    r->depth = (int64_t)(dep + 1u);
}

/* The namespace declarations among the first na raw attributes of ev,
 * pushed in order (XML Namespaces 1.0 section 3). */
/*@ requires rk_xml_inv(r);
    requires \valid(ev);
    requires \separated(ev, r, r->doc + (0 .. r->len - 1));
    requires rk_xml_event_in(ev, r->len);
    requires na <= RK_XML_MAX_ATTRS;
    assigns r->nsn, r->ns_prefix[0 .. RK_XML_MAX_NS - 1], r->ns_uri[0 .. RK_XML_MAX_NS - 1];
    ensures rk_xml_inv(r);
    ensures r->nsn >= \old(r->nsn);
    ensures \result <= 0; */
static rk_status declare_all(rk_xml_reader *r, const rk_xml_event *ev, size_t na)
{
    const uint8_t *d = r->doc;
    size_t n = (size_t)r->len;
    /*@ loop invariant 0 <= i <= na;
        loop invariant rk_xml_inv(r);
        loop invariant r->doc == d && r->len == n;
        loop invariant \at(r->nsn, Pre) <= r->nsn;
        loop assigns i, r->nsn, r->ns_prefix[0 .. RK_XML_MAX_NS - 1],
            r->ns_uri[0 .. RK_XML_MAX_NS - 1];
        loop variant na - i; */
    for (size_t i = 0; i < na; i++) {
        rk_xml_attr a = ev->attr[i];
        int kind = decl_kind(d, n, a.prefix, a.local);
        rk_status st = RK_OK;
        if (kind == 1)
            st = declare(r, mkview(a.local.off, 0, n), a.value);
        else if (kind == 2)
            st = declare(r, a.local, a.value);
        if (st != RK_OK)
            return st;
    }
    return RK_OK;
}

/* The attributes of a start tag once its declarations are in scope: the
 * declarations dropped, prefixes resolved (an unprefixed attribute is in no
 * namespace, section 6.2; xml: is implicit), the slots after the last one
 * emptied.  ev->nattrs is how many are left. */
/*@ requires rk_xml_inv(r);
    requires \valid(ev);
    requires \separated(ev, r, r->doc + (0 .. r->len - 1));
    requires rk_xml_event_in(ev, r->len);
    requires na <= RK_XML_MAX_ATTRS;
    assigns ev->attr[0 .. RK_XML_MAX_ATTRS - 1], ev->nattrs;
    ensures rk_xml_event_in(ev, r->len);
    ensures \result == RK_OK ==> ev->nattrs <= na;
    ensures \result <= 0; */
static rk_status resolve_attrs(const rk_xml_reader *r, rk_xml_event *ev, size_t na)
{
    const uint8_t *d = r->doc;
    size_t n = (size_t)r->len;
    size_t j = 0;
    /*@ loop invariant 0 <= i <= na;
        loop invariant 0 <= j <= i;
        loop invariant rk_xml_event_in(ev, n);
        loop assigns i, j, ev->attr[0 .. RK_XML_MAX_ATTRS - 1];
        loop variant na - i; */
    for (size_t i = 0; i < na; i++) {
        rk_xml_attr a = ev->attr[i];
        if (decl_kind(d, n, a.prefix, a.local) != 0)
            continue;
        a.ns = mkview(0, 0, n);
        if (a.prefix.len != 0 && !rk_xml_view_eq(d, n, a.prefix, lit_xmlns, 3)) {
            size_t k = ns_find(r, a.prefix);
            if (k == 0)
                return RK_ERR_XML_NS_UNBOUND;
            a.ns = from_rview(r->ns_uri[k - 1u], n);
        }
        put_attr(ev, j, a, n);
        j++;
    }
    /*@ loop invariant j <= i <= RK_XML_MAX_ATTRS;
        loop invariant rk_xml_event_in(ev, n);
        loop assigns i, ev->attr[0 .. RK_XML_MAX_ATTRS - 1];
        loop variant RK_XML_MAX_ATTRS - i; */
    for (size_t i = j; i < RK_XML_MAX_ATTRS; i++) {
        rk_xml_attr e;
        e.ns = mkview(0, 0, n);
        e.prefix = e.ns;
        e.local = e.ns;
        e.value = e.ns;
        put_attr(ev, i, e, n);
    }
    set_nattrs(ev, j, n);
    return RK_OK;
}

/* Namespaces 1.0 6.3: no two of the first j attributes with the same
 * expanded name (two prefixes bound to one URI). */
/*@ requires \valid_read(ev);
    requires \valid_read(d + (0 .. n - 1));
    requires rk_xml_event_in(ev, n);
    requires j <= RK_XML_MAX_ATTRS;
    assigns \nothing;
    ensures \result == RK_OK || \result == RK_ERR_XML_ATTR_DUP_NS; */
static rk_status check_dup_ns(const uint8_t *d, size_t n, const rk_xml_event *ev, size_t j)
{
    /*@ loop invariant 0 <= a <= j;
        loop assigns a;
        loop variant j - a; */
    for (size_t a = 0; a < j; a++) {
        /*@ loop invariant a < b <= j;
            loop assigns b;
            loop variant j - b; */
        for (size_t b = a + 1u; b < j; b++)
            if (ev->attr[a].prefix.len != 0 && ev->attr[b].prefix.len != 0 &&
                !rk_xml_view_eq(d, n, ev->attr[a].prefix, lit_xmlns, 3) &&
                !rk_xml_view_eq(d, n, ev->attr[b].prefix, lit_xmlns, 3) &&
                view_same(d, n, ev->attr[a].local, ev->attr[b].local) &&
                view_same(d, n, ev->attr[a].ns, ev->attr[b].ns))
                return RK_ERR_XML_ATTR_DUP_NS;
    }
    return RK_OK;
}

/* The element opened: its START event (attributes already in place), its
 * names pushed, the position after the tag. */
/*@ requires rk_xml_inv(r);
    requires \valid(ev);
    requires \separated(ev, r, r->doc + (0 .. r->len - 1));
    requires rk_xml_event_in(ev, r->len);
    requires r->depth < RK_XML_MAX_DEPTH;
    requires mark <= RK_XML_MAX_NS;
    requires el_names_in(en, r->len) && rk_xml_view_in(raw, r->len);
    requires nattrs <= RK_XML_MAX_ATTRS;
    assigns *r, ev->type, ev->depth, ev->ns, ev->prefix, ev->local, ev->qname, ev->raw,
        ev->nattrs;
    ensures rk_xml_inv(r);
    ensures rk_xml_event_in(ev, r->len);
    ensures ev->type == RK_XML_EV_START;
    ensures r->doc == \old(r->doc) && r->len == \old(r->len); */
static void open_element(rk_xml_reader *r, rk_xml_event *ev, el_names en, rk_xml_view raw,
                         size_t nattrs, size_t mark, int empty)
{
    size_t n = (size_t)r->len;
    size_t dep = (size_t)r->depth;
    set_start(ev, en, raw, dep + 1u, nattrs, n);
    push_el(r, en, mark);
    r->pos = (int64_t)(raw.off + raw.len);
    r->state = ST_ROOT;
    if (empty)
        r->pending_end = 1;
}

/* rk_xml_qname with its results returned by value, so that start_tag
 * takes no local's address (the prover then frames *ev without them). */
typedef struct {
    rk_status st;
    size_t ql;
    size_t co;
} qname_res;

/*@ requires p <= n;
    requires \valid_read(d + (0 .. n - 1));
    assigns \nothing;
    ensures \result.st <= 0;
    ensures \result.st == RK_OK ==> 1 <= \result.ql <= RK_XML_MAX_NAME &&
            \result.ql < n - p && \result.co < \result.ql &&
            (\result.co == 0 || 1 <= \result.co <= \result.ql - 2); */
static qname_res qname_at(const uint8_t *d, size_t n, size_t p)
{
    qname_res q;
    q.ql = 0;
    q.co = 0;
    q.st = rk_xml_qname(d, n, p, &q.ql, &q.co);
    return q;
}

/* A start tag at d[p] == '<' (XML 1.0 3.1 STag / EmptyElemTag), with its
 * namespace declarations applied and names resolved.  Each phase is a
 * function of its own, so that each goal here frames one call. */
/*@ requires rk_xml_inv(r);
    requires \valid(ev);
    requires \separated(ev, r, r->doc + (0 .. r->len - 1));
    requires p < r->len;
    requires r->depth < RK_XML_MAX_DEPTH;
    requires rk_xml_event_in(ev, r->len);
    assigns *r, *ev;
    ensures rk_xml_inv(r);
    ensures rk_xml_event_in(ev, r->len);
    ensures \result <= 0;
    ensures \result == RK_OK ==> ev->type == RK_XML_EV_START;
    ensures r->doc == \old(r->doc) && r->len == \old(r->len); */
static rk_status start_tag(rk_xml_reader *r, rk_xml_event *ev, size_t p)
{
    const uint8_t *d = r->doc;
    size_t n = (size_t)r->len;
    size_t mark = (size_t)r->nsn;
    size_t ql, co, j, k;
    tag_end te;
    rk_status st;
    el_names en;
    qname_res q = qname_at(d, n, p + 1u);

    if (q.st != RK_OK)
        return q.st;
    ql = q.ql;
    co = q.co;
    en.qname = mkview(p + 1u, ql, n);
    if (co != 0) {
        en.prefix = mkview(p + 1u, co, n);
        en.local = mkview(p + 2u + co, ql - co - 1u, n);
    } else {
        en.prefix = mkview(p + 1u, 0, n);
        en.local = en.qname;
    }
    st = scan_attrs(d, n, p + 1u + ql, ev, &te);
    if (st != RK_OK)
        return st;
    /*@ assert rk_xml_inv(r) && r->doc == d && r->len == n && rk_xml_event_in(ev, n); */
    /* declarations first: they are in scope for the element's own name and
     * attributes (XML Namespaces 1.0 section 6.1) */
    st = declare_all(r, ev, te.nattrs);
    if (st != RK_OK)
        return st;
    /*@ assert rk_xml_inv(r) && r->doc == d && r->len == n && rk_xml_event_in(ev, n); */
    /* the element name: the reserved prefixes never name elements */
    if (en.prefix.len != 0 && (rk_xml_view_eq(d, n, en.prefix, lit_xmlns, 3) ||
                               rk_xml_view_eq(d, n, en.prefix, lit_xmlns, 5)))
        return RK_ERR_XML_NS_RESERVED;
    /* its namespace: the innermost binding of its prefix (the default
     * namespace, or none, for an unprefixed name) */
    k = ns_find(r, en.prefix);
    if (k == 0 && en.prefix.len != 0)
        return RK_ERR_XML_NS_UNBOUND;
    en.ns = k == 0 ? mkview(0, 0, n) : from_rview(r->ns_uri[k - 1u], n);
    st = resolve_attrs(r, ev, te.nattrs);
    if (st != RK_OK)
        return st;
    /*@ assert rk_xml_inv(r) && r->doc == d && r->len == n && rk_xml_event_in(ev, n); */
    j = ev->nattrs;
    st = check_dup_ns(d, n, ev, j);
    if (st != RK_OK)
        return st;
    open_element(r, ev, en, mkview(p, te.np - p, n), j, mark, te.empty);
    return RK_OK;
}

/* Close the innermost element: the END event, the scope popped. */
/*@ requires rk_xml_inv(r);
    requires \valid(ev);
    requires \separated(ev, r, r->doc + (0 .. r->len - 1));
    requires r->depth >= 1;
    requires raw_off <= r->len && raw_len <= r->len - raw_off;
    requires rk_xml_event_in(ev, r->len);
    assigns *r, *ev;
    ensures rk_xml_inv(r);
    ensures rk_xml_event_in(ev, r->len);
    ensures ev->type == RK_XML_EV_END; 
    ensures r->doc == \old(r->doc) && r->len == \old(r->len); */
static void close_element(rk_xml_reader *r, rk_xml_event *ev, size_t raw_off, size_t raw_len)
{
    /* every read of *r before any write (the prover then needs no
     * separation argument between *ev and *r) */
    size_t n = (size_t)r->len;
    size_t dep = (size_t)r->depth - 1u;
    uint32_t mark = r->ns_mark[dep];
    rk_xml_view vns = from_rview(r->el_ns[dep], n);
    rk_xml_view vpf = from_rview(r->el_prefix[dep], n);
    rk_xml_view vlo = from_rview(r->el_local[dep], n);
    rk_xml_view vqn = from_rview(r->el_qname[dep], n);
    /*@ assert rk_xml_view_in(vns, n) && rk_xml_view_in(vpf, n) &&
               rk_xml_view_in(vlo, n) && rk_xml_view_in(vqn, n); */
    r->nsn = mark;
    r->depth = (int64_t)dep;
    r->pending_end = 0;
    if (dep == 0)
        r->state = ST_EPILOG;
    /*@ assert rk_xml_inv(r) && r->len == n; */
    /* the event field by field: plain stores, which the prover frames
     * against *r more easily than struct copies */
    ev->type = RK_XML_EV_END;
    ev->depth = dep + 1u;
    ev->ns.off = vns.off;
    ev->ns.len = vns.len;
    ev->prefix.off = vpf.off;
    ev->prefix.len = vpf.len;
    ev->local.off = vlo.off;
    ev->local.len = vlo.len;
    ev->qname.off = vqn.off;
    ev->qname.len = vqn.len;
    ev->raw.off = raw_off;
    ev->raw.len = raw_len;
}

/* The end of the document (p reached the end): EOF if the root element was
 * read and closed. */
/*@ requires rk_xml_inv(r);
    requires \valid(ev);
    requires \separated(ev, r, r->doc + (0 .. r->len - 1));
    requires rk_xml_event_in(ev, r->len);
    assigns *r, *ev;
    ensures rk_xml_inv(r);
    ensures rk_xml_event_in(ev, r->len);
    ensures \result <= 0;
    ensures \result == RK_OK ==> ev->type == RK_XML_EV_EOF;
    ensures r->doc == \old(r->doc) && r->len == \old(r->len); */
static rk_status at_end(rk_xml_reader *r, rk_xml_event *ev)
{
    size_t n = (size_t)r->len;
    int64_t state = r->state;
    size_t dep = (size_t)r->depth;
    if (state == ST_PROLOG)
        return RK_ERR_XML_NO_ROOT;
    if (state == ST_ROOT || dep != 0)
        return RK_ERR_XML_UNCLOSED;
    r->pos = (int64_t)n;
    r->state = ST_DONE;
    /*@ assert rk_xml_event_in(ev, n); */
    ev->type = RK_XML_EV_EOF;
    return RK_OK;
}

/* Character data of the open element from d[p] (not '<'). */
/*@ requires rk_xml_inv(r);
    requires \valid(ev);
    requires \separated(ev, r, r->doc + (0 .. r->len - 1));
    requires rk_xml_event_in(ev, r->len);
    requires p < r->len;
    assigns *r, *ev;
    ensures rk_xml_inv(r);
    ensures rk_xml_event_in(ev, r->len);
    ensures \result <= 0;
    ensures \result == RK_OK ==> ev->type == RK_XML_EV_TEXT;
    ensures r->doc == \old(r->doc) && r->len == \old(r->len); */
static rk_status text_event(rk_xml_reader *r, rk_xml_event *ev, size_t p)
{
    const uint8_t *d = r->doc;
    size_t n = (size_t)r->len;
    size_t dep = (size_t)r->depth;
    size_t np;
    rk_status st = scan_text(d, n, p, &np);
    if (st != RK_OK)
        return st;
    r->pos = (int64_t)np;
    /*@ assert rk_xml_event_in(ev, n); */
    ev->type = RK_XML_EV_TEXT;
    ev->depth = dep;
    ev->text = mkview(p, np - p, n);
    return RK_OK;
}

/* An end tag at d[p] == '<', d[p+1] == '/' (XML 1.0 3.1 ETag): it must
 * close the innermost open element. */
/*@ requires rk_xml_inv(r);
    requires \valid(ev);
    requires \separated(ev, r, r->doc + (0 .. r->len - 1));
    requires rk_xml_event_in(ev, r->len);
    requires p < r->len && 2 <= r->len - p;
    assigns *r, *ev;
    ensures rk_xml_inv(r);
    ensures rk_xml_event_in(ev, r->len);
    ensures \result <= 0;
    ensures \result == RK_OK ==> ev->type == RK_XML_EV_END;
    ensures r->doc == \old(r->doc) && r->len == \old(r->len); */
static rk_status end_tag(rk_xml_reader *r, rk_xml_event *ev, size_t p)
{
    const uint8_t *d = r->doc;
    size_t n = (size_t)r->len;
    size_t dep = (size_t)r->depth;
    size_t ql, co, q;
    rk_xml_view open;
    rk_status st;
    if (r->state != ST_ROOT || dep == 0)
        return RK_ERR_XML_MISMATCH;
    open = from_rview(r->el_qname[dep - 1u], n);
    st = rk_xml_qname(d, n, p + 2u, &ql, &co);
    if (st != RK_OK)
        return st;
    q = skip_ws(d, n, p + 2u + ql);
    if (q >= n)
        return RK_ERR_XML_TRUNCATED;
    if (d[q] != '>')
        return RK_ERR_XML_TAG_SYNTAX;
    if (!view_same(d, n, mkview(p + 2u, ql, n), open))
        return RK_ERR_XML_MISMATCH;
    r->pos = (int64_t)(q + 1u);
    close_element(r, ev, p, q + 1u - p);
    return RK_OK;
}

/* From d[p], past what may stand between events (whitespace outside the
 * root, comments, the XML declaration at the start) to the next event at
 * *np: the end of the document, character data (only inside the root), or
 * a start or end tag.  Reads only; refuses every other construct. */
/*@ requires p <= n && n <= RK_XML_MAX_DOC_BYTES;
    requires start <= 3;
    requires \valid_read(d + (0 .. n - 1));
    requires \valid(np);
    requires \separated(np, d + (0 .. n - 1));
    assigns *np;
    ensures \result <= 0;
    ensures \result == RK_OK ==> p <= *np <= n;
    ensures \result == RK_OK && *np < n ==>
        (d[*np] != '<' && state == ST_ROOT) ||
        (d[*np] == '<' && 2 <= n - *np && d[*np + 1] != '?' && d[*np + 1] != '!'); */
static rk_status skip_misc(const uint8_t *d, size_t n, size_t p, int64_t state, size_t start,
                           size_t *np)
{
    size_t q = p;
    *np = p;
    /*@ loop invariant p <= q <= n;
        loop assigns q;
        loop variant n - q; */
    for (;;) {
        size_t nq;
        rk_status st;
        if (q >= n || (d[q] != '<' && state == ST_ROOT)) {
            *np = q;
            return RK_OK;
        }
        if (d[q] != '<') {
            /* outside the root only whitespace and comments (2.8 Misc) */
            if (is_ws(d[q])) {
                q++;
                continue;
            }
            if (d[q] == 0)
                return RK_ERR_XML_NUL;
            return state == ST_PROLOG ? RK_ERR_XML_TEXT_BEFORE_ROOT : RK_ERR_XML_TRAILING;
        }
        if (n - q < 2u)
            return RK_ERR_XML_TRUNCATED;
        if (d[q + 1] == '?') {
            if (has_lit(d, n, q, lit_decl, 5)) {
                if (n - q < 6u)
                    return RK_ERR_XML_TRUNCATED;
                if (is_ws(d[q + 5]) || d[q + 5] == '?') {
                    if (q != start || state != ST_PROLOG)
                        return RK_ERR_XML_DECL_POS;
                    st = scan_decl(d, n, q, &nq);
                    if (st != RK_OK)
                        return st;
                    q = nq;
                    continue;
                }
            }
            return RK_ERR_XML_PI;
        }
        if (d[q + 1] == '!') {
            if (has_lit(d, n, q, lit_comment, 4)) {
                st = scan_comment(d, n, q, &nq);
                if (st != RK_OK)
                    return st;
                q = nq;
                continue;
            }
            if (has_lit(d, n, q, lit_doctype, 9))
                return RK_ERR_XML_DOCTYPE;
            if (has_lit(d, n, q, lit_cdata, 9))
                return RK_ERR_XML_CDATA;
            return RK_ERR_XML_MARKUP;
        }
        *np = q;
        return RK_OK;
    }
}

/* The work of rk_xml_next once the sticky and pending cases are handled:
 * find the next event and hand it to the function for its kind (each path
 * one call, so that each goal frames one call). */
/*@ requires rk_xml_inv(r);
    requires \valid(ev);
    requires \separated(ev, r, r->doc + (0 .. r->len - 1));
    requires rk_xml_event_in(ev, r->len);
    requires r->pending_end == 0;
    assigns *r, *ev;
    ensures rk_xml_inv(r);
    ensures rk_xml_event_in(ev, r->len);
    ensures \result <= 0;
    ensures \result == RK_OK ==> RK_XML_EV_START <= ev->type <= RK_XML_EV_EOF;
    ensures r->doc == \old(r->doc) && r->len == \old(r->len); */
static rk_status step(rk_xml_reader *r, rk_xml_event *ev)
{
    const uint8_t *d = r->doc;
    size_t n = (size_t)r->len;
    int64_t state = r->state;
    size_t dep = (size_t)r->depth;
    size_t start = (n >= 3u && d[0] == 0xEFu && d[1] == 0xBBu && d[2] == 0xBFu) ? 3u : 0u;
    size_t p;
    rk_status st = skip_misc(d, n, (size_t)r->pos, state, start, &p);
    if (st != RK_OK)
        return st;
    if (p >= n)
        return at_end(r, ev);
    if (d[p] != '<')
        return text_event(r, ev, p);
    if (d[p + 1] == '/')
        return end_tag(r, ev, p);
    if (state == ST_EPILOG)
        return RK_ERR_XML_MULTIPLE_ROOTS;
    if (dep >= RK_XML_MAX_DEPTH)
        return RK_ERR_XML_DEPTH;
    return start_tag(r, ev, p);
}

/* The sticky error: recorded in *r, *ev zeroed (rk_xml_next's error path,
 * a function of its own so that the prover frames it once). */
/*@ requires rk_xml_inv(r);
    requires \valid(ev);
    requires \separated(ev, r);
    assigns r->err, r->state, *ev;
    ensures rk_xml_inv(r);
    ensures rk_xml_event_in(ev, r->len);
    ensures r->doc == \old(r->doc) && r->len == \old(r->len); */
static void fail(rk_xml_reader *r, rk_xml_event *ev, rk_status st)
{
    size_t n = (size_t)r->len;
    zero_event(ev, n);
    /*@ assert rk_xml_inv(r) && r->len == n && r->doc == \at(r->doc, Pre); */
    r->err = st;
    r->state = ST_DONE;
}

rk_status rk_xml_next(rk_xml_reader *r, rk_xml_event *ev)
{
    /* every field that decides the path is read before the first write;
     * each path states the postcondition itself (one path per goal) */
    size_t n = (size_t)r->len;
    rk_status err = r->err;
    int64_t state = r->state;
    int64_t pend = r->pending_end;
    size_t dep = (size_t)r->depth;
    rk_status st;
    zero_event(ev, n);
    /*@ assert rk_xml_inv(r) && rk_xml_event_in(ev, n) && r->len == n &&
               r->doc == \at(r->doc, Pre) && r->err == err && r->state == state &&
               r->pending_end == pend && r->depth == dep; */
    if (err != RK_OK)
        return err < 0 ? err : RK_ERR_INTERNAL;
    if (state == ST_DONE) {
        ev->type = RK_XML_EV_EOF;
        /*@ assert rk_xml_inv(r) && rk_xml_event_in(ev, n) && r->len == n &&
                   r->doc == \at(r->doc, Pre); */
        return RK_OK;
    }
    if (pend != 0 && dep != 0) {
        close_element(r, ev, (size_t)r->pos, 0);
        /*@ assert r->len == n && r->doc == \at(r->doc, Pre) && rk_xml_event_in(ev, n); */
        return RK_OK;
    }
    st = pend != 0 ? RK_ERR_INTERNAL : step(r, ev);
    /*@ assert r->len == n && r->doc == \at(r->doc, Pre) && rk_xml_event_in(ev, n); */
    if (st == RK_OK)
        return RK_OK;
    fail(r, ev, st);
    /*@ assert r->len == n && r->doc == \at(r->doc, Pre) && rk_xml_event_in(ev, n); */
    return st;
}
