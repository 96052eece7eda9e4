/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/xml.h (internal helpers: core/src/xml/xml_internal.h) */
#include "xml_internal.h"

/* 1 if b is a UTF-8 continuation octet (10xxxxxx). */
/*@ assigns \nothing;
    ensures \result == 1 <==> 0x80 <= b <= 0xBF;
    ensures \result == 0 || \result == 1; */
static int is_cont(uint8_t b)
{
    return b >= 0x80u && b <= 0xBFu;
}

/* XML 1.0 2.2 Char, for code points already known to be <= U+10FFFF and
 * not surrogates when they come from UTF-8. */
/*@ assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int is_xml_char(uint32_t c)
{
    if (c == 0x9u || c == 0xAu || c == 0xDu)
        return 1;
    if (c < 0x20u)
        return 0;
    if (c >= 0xD800u && c <= 0xDFFFu)
        return 0;
    if (c == 0xFFFEu || c == 0xFFFFu)
        return 0;
    return c <= 0x10FFFFu;
}

rk_status rk_xml_utf8(const uint8_t *d, size_t n, size_t p, size_t *clen, uint32_t *cp)
{
    uint8_t b0 = d[p];
    size_t need;
    uint32_t c;

    *clen = 0;
    *cp = 0;
    if (b0 < 0x80u) {
        if (b0 == 0)
            return RK_ERR_XML_NUL;
        if (!is_xml_char(b0))
            return RK_ERR_XML_CHAR;
        *clen = 1;
        *cp = b0;
        return RK_OK;
    }
    if (b0 <= 0xBFu || b0 >= 0xFEu)
        return RK_ERR_XML_UTF8_LEAD;
    if (b0 <= 0xC1u)
        return RK_ERR_XML_UTF8_OVERLONG; /* C0, C1: 2-octet forms of ASCII */
    if (b0 >= 0xF8u)
        return RK_ERR_XML_UTF8_5_6;      /* RFC 2279 forms, gone since RFC 3629 */
    if (b0 >= 0xF5u)
        return RK_ERR_XML_UTF8_RANGE;    /* would start above U+10FFFF */
    need = b0 <= 0xDFu ? 1u : (b0 <= 0xEFu ? 2u : 3u);
    /* every continuation octet must be there before the value is judged */
    if (need > n - p - 1u)
        return RK_ERR_XML_UTF8_TRUNCATED;
    if (!is_cont(d[p + 1u]))
        return RK_ERR_XML_UTF8_TRUNCATED;
    if (need >= 2u && !is_cont(d[p + 2u]))
        return RK_ERR_XML_UTF8_TRUNCATED;
    if (need >= 3u && !is_cont(d[p + 3u]))
        return RK_ERR_XML_UTF8_TRUNCATED;
    /* RFC 3629 section 4: the second octet's range depends on the first */
    if (b0 == 0xE0u && d[p + 1] < 0xA0u)
        return RK_ERR_XML_UTF8_OVERLONG;
    if (b0 == 0xEDu && d[p + 1] > 0x9Fu)
        return RK_ERR_XML_UTF8_SURROGATE;
    if (b0 == 0xF0u && d[p + 1] < 0x90u)
        return RK_ERR_XML_UTF8_OVERLONG;
    if (b0 == 0xF4u && d[p + 1] > 0x8Fu)
        return RK_ERR_XML_UTF8_RANGE;
    if (need == 1u) {
        c = (uint32_t)(b0 - 0xC0u) * 64u + (uint32_t)(d[p + 1] - 0x80u);
    } else if (need == 2u) {
        c = (uint32_t)(b0 - 0xE0u) * 4096u + (uint32_t)(d[p + 1] - 0x80u) * 64u +
            (uint32_t)(d[p + 2] - 0x80u);
    } else {
        c = (uint32_t)(b0 - 0xF0u) * 262144u + (uint32_t)(d[p + 1] - 0x80u) * 4096u +
            (uint32_t)(d[p + 2] - 0x80u) * 64u + (uint32_t)(d[p + 3] - 0x80u);
    }
    /*@ assert c <= 0x10FFFF; */
    if (!is_xml_char(c))
        return RK_ERR_XML_CHAR; /* U+FFFE, U+FFFF */
    *clen = need + 1u;
    *cp = c;
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

/* Literal names of the five predefined entities (XML 1.0 4.6). */
static const uint8_t ent_amp[3] = { 'a', 'm', 'p' };
static const uint8_t ent_lt[2] = { 'l', 't' };
static const uint8_t ent_gt[2] = { 'g', 't' };
static const uint8_t ent_quot[4] = { 'q', 'u', 'o', 't' };
static const uint8_t ent_apos[4] = { 'a', 'p', 'o', 's' };

/* 1 if d[p .. p+m-1] == s[0 .. m-1]. */
/*@ requires m <= n - p && p <= n;
    requires \valid_read(d + (0 .. n - 1));
    requires \valid_read(s + (0 .. m - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int same(const uint8_t *d, size_t n, size_t p, const uint8_t *s, size_t m)
{
    (void)n;
    /*@ loop invariant 0 <= k <= m;
        loop assigns k;
        loop variant m - k; */
    for (size_t k = 0; k < m; k++)
        if (d[p + k] != s[k])
            return 0;
    return 1;
}

/* ASCII name characters: the start set and the rest (XML 1.0 2.3, ASCII
 * part only, without ':' which QNames treat separately). */
/*@ assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int name_start(uint8_t b)
{
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || b == '_';
}

/*@ assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int name_char(uint8_t b)
{
    return name_start(b) || (b >= '0' && b <= '9') || b == '-' || b == '.';
}

rk_status rk_xml_ref(const uint8_t *d, size_t n, size_t p, size_t *rlen, uint32_t *cp)
{
    size_t q = p + 1u;
    uint32_t v = 0;
    size_t digits = 0;

    *rlen = 0;
    *cp = 0;
    if (q >= n)
        return RK_ERR_XML_AMP;
    if (d[q] == '#') {
        uint32_t base = 10u;
        q++;
        if (q < n && d[q] == 'x') {
            base = 16u;
            q++;
        }
        /* digits: at most 7 significant ones are read, and the value is
         * capped just above U+10FFFF so it never overflows */
        /*@ loop invariant p + 2 <= q <= n;
            loop invariant v <= 0x110000;
            loop invariant digits <= q - p;
            loop assigns q, v, digits;
            loop variant n - q; */
        while (q < n && d[q] != ';') {
            uint32_t h = hexval(d[q]);
            if (h >= base)
                return RK_ERR_XML_CHARREF_SYNTAX;
            v = v * base + h;
            if (v > 0x10FFFFu)
                v = 0x110000u;
            digits++;
            q++;
        }
        if (q >= n || digits == 0)
            return RK_ERR_XML_CHARREF_SYNTAX;
        if (v == 0)
            return RK_ERR_XML_CHARREF_NUL;
        if (v > 0x10FFFFu)
            return RK_ERR_XML_CHARREF_RANGE;
        if (v >= 0xD800u && v <= 0xDFFFu)
            return RK_ERR_XML_CHARREF_SURROGATE;
        if (!is_xml_char(v))
            return RK_ERR_XML_CHARREF_CHAR;
        *rlen = q + 1u - p;
        *cp = v;
        return RK_OK;
    }
    if (!name_start(d[q]))
        return RK_ERR_XML_AMP;
    /*@ loop invariant p + 1 <= q <= n;
        loop assigns q;
        loop variant n - q; */
    while (q < n && name_char(d[q]) && q - p <= RK_XML_MAX_NAME)
        q++;
    if (q >= n || d[q] != ';')
        return RK_ERR_XML_AMP;
    {
        size_t m = q - p - 1u; /* name length */
        uint32_t c = 0;
        if (m == 3u && same(d, n, p + 1u, ent_amp, 3))
            c = '&';
        else if (m == 2u && same(d, n, p + 1u, ent_lt, 2))
            c = '<';
        else if (m == 2u && same(d, n, p + 1u, ent_gt, 2))
            c = '>';
        else if (m == 4u && same(d, n, p + 1u, ent_quot, 4))
            c = '"';
        else if (m == 4u && same(d, n, p + 1u, ent_apos, 4))
            c = '\'';
        else
            return RK_ERR_XML_ENTITY;
        *rlen = q + 1u - p;
        *cp = c;
        return RK_OK;
    }
}

/* Scan a QName at d[p], stopping at the first non-name octet or at n. */
/*@ requires p <= n;
    requires \valid_read(d + (0 .. n - 1));
    requires \valid(qlen) && \valid(colon);
    requires \separated(qlen, colon, d + (0 .. n - 1));
    assigns *qlen, *colon;
    ensures \result <= 0;
    ensures \result == RK_OK ==> 1 <= *qlen <= RK_XML_MAX_NAME && *qlen <= n - p &&
            *colon < *qlen && (*colon == 0 || 1 <= *colon <= *qlen - 2); */
static rk_status scan_qname(const uint8_t *d, size_t n, size_t p, size_t *qlen, size_t *colon)
{
    size_t q = p;
    size_t c = 0;

    *qlen = 0;
    *colon = 0;
    if (q >= n)
        return RK_ERR_XML_TRUNCATED;
    if (!name_start(d[q]))
        return d[q] == ':' ? RK_ERR_XML_QNAME : RK_ERR_XML_NAME;
    q++;
    /*@ loop invariant p + 1 <= q <= n;
        loop invariant q - p <= RK_XML_MAX_NAME;
        loop invariant c == 0 || (1 <= c < q - p);
        loop invariant c != 0 ==> q - p >= c + 2;
        loop assigns q, c;
        loop variant n - q; */
    while (q < n) {
        uint8_t b = d[q];
        if (b == ':') {
            if (c != 0)
                return RK_ERR_XML_QNAME; /* a second colon */
            c = q - p;
            q++;
            if (q >= n)
                return RK_ERR_XML_TRUNCATED;
            if (!name_start(d[q]))
                return RK_ERR_XML_QNAME; /* colon not followed by an NCName */
        } else if (!name_char(b)) {
            break;
        }
        q++;
        if (q - p > RK_XML_MAX_NAME)
            return RK_ERR_XML_NAME_LONG;
    }
    *qlen = q - p;
    *colon = c;
    return RK_OK;
}

rk_status rk_xml_qname(const uint8_t *d, size_t n, size_t p, size_t *qlen, size_t *colon)
{
    rk_status st = scan_qname(d, n, p, qlen, colon);
    if (st != RK_OK)
        return st;
    if (*qlen >= n - p) {
        *qlen = 0;
        *colon = 0;
        return RK_ERR_XML_TRUNCATED;
    }
    if (d[p + *qlen] >= 0x80u) {
        *qlen = 0;
        *colon = 0;
        return RK_ERR_XML_NAME; /* non-ASCII name characters are outside the subset */
    }
    return RK_OK;
}

rk_status rk_xml_name_ok(const uint8_t *s, size_t n)
{
    size_t ql, co;
    rk_status st;
    if (n == 0)
        return RK_ERR_XML_NAME;
    st = scan_qname(s, n, 0, &ql, &co);
    if (st == RK_ERR_XML_TRUNCATED)
        return RK_ERR_XML_QNAME; /* ends in a colon */
    if (st != RK_OK)
        return st;
    if (ql != n)
        return RK_ERR_XML_NAME;
    return RK_OK;
}
