/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/xml.h */
#include "rootkey/xml.h"
#include "xml_internal.h"

void rk_xml_writer_init(rk_xml_writer *w, uint8_t *buf, size_t cap)
{
    w->buf = buf;
    w->cap = cap > RK_XML_MAX_DOC_BYTES ? RK_XML_MAX_DOC_BYTES : cap;
    w->pos = 0;
}

/* Undo a failed call: back to pos0, with the octets it wrote (pos0 up to
 * the current pos) zeroed, so no partial construct is left behind. */
/*@ requires rk_xml_writer_ok(w);
    requires pos0 <= w->pos;
    assigns w->pos, w->buf[pos0 .. w->pos - 1];
    ensures rk_xml_writer_ok(w);
    ensures w->pos == pos0; */
static void rollback(rk_xml_writer *w, size_t pos0)
{
    size_t end = w->pos;
    /*@ loop invariant pos0 <= k <= end;
        loop invariant w->pos == end;
        loop assigns k, w->buf[pos0 .. end - 1];
        loop variant end - k; */
    for (size_t k = pos0; k < end; k++)
        w->buf[k] = 0;
    w->pos = pos0;
}

/*@ requires rk_xml_writer_ok(w);
    requires \valid_read(p + (0 .. n - 1));
    requires \separated(p + (0 .. n - 1), w->buf + (0 .. w->cap - 1), w);
    assigns w->pos, w->buf[0 .. w->cap - 1];
    ensures rk_xml_writer_ok(w);
    ensures \result == RK_OK || \result == RK_ERR_BUFFER;
    ensures \result == RK_OK ==> w->pos == \old(w->pos) + n;
    ensures \result != RK_OK ==> w->pos == \old(w->pos); */
static rk_status put_n(rk_xml_writer *w, const uint8_t *p, size_t n)
{
    size_t at = w->pos;
    if (n > w->cap - at)
        return RK_ERR_BUFFER;
    /*@ loop invariant 0 <= k <= n;
        loop invariant w->pos == at;
        loop assigns k, w->buf[at .. at + n - 1];
        loop variant n - k; */
    for (size_t k = 0; k < n; k++)
        w->buf[at + k] = p[k];
    w->pos = at + n;
    return RK_OK;
}

/*@ requires rk_xml_writer_ok(w);
    assigns w->pos, w->buf[0 .. w->cap - 1];
    ensures rk_xml_writer_ok(w);
    ensures \result == RK_OK || \result == RK_ERR_BUFFER;
    ensures \result == RK_OK ==> w->pos == \old(w->pos) + 1;
    ensures \result != RK_OK ==> w->pos == \old(w->pos); */
static rk_status put1(rk_xml_writer *w, uint8_t b)
{
    if (w->pos >= w->cap)
        return RK_ERR_BUFFER;
    w->buf[w->pos] = b;
    w->pos++;
    return RK_OK;
}

rk_status rk_xml_write_raw(rk_xml_writer *w, const uint8_t *p, size_t n)
{
    return put_n(w, p, n);
}

/* The escape for octet b, written into e[0 .. *el - 1]; *el == 0 when b is
 * written as it is.  Entities for the markup characters, character
 * references for CR (and TAB/LF in attribute values). */
/*@ requires \valid(e + (0 .. 5));
    requires \valid(el);
    requires \separated(el, e + (0 .. 5));
    assigns e[0 .. 5], *el;
    ensures *el <= 6; */
static void escape_of(uint8_t b, int attr, uint8_t *e, size_t *el)
{
    *el = 0;
    e[0] = '&';
    e[1] = '#';
    e[2] = 'x';
    e[3] = ';';
    e[4] = ';';
    e[5] = ';';
    if (b == '&') {
        e[1] = 'a'; e[2] = 'm'; e[3] = 'p'; e[4] = ';';
        *el = 5;
    } else if (b == '<' || b == '>') {
        e[1] = b == '<' ? 'l' : 'g'; e[2] = 't'; e[3] = ';';
        *el = 4;
    } else if (b == 0xDu) {
        e[3] = 'D';
        *el = 5;
    } else if (attr && b == '"') {
        e[1] = 'q'; e[2] = 'u'; e[3] = 'o'; e[4] = 't';
        *el = 6;
    } else if (attr && b == 0x9u) {
        e[3] = '9';
        *el = 5;
    } else if (attr && b == 0xAu) {
        e[3] = 'A';
        *el = 5;
    }
}

/* Escaped text (attr == 0) or attribute value (attr == 1): the markup
 * characters as entities, CR always and TAB/LF in attributes as character
 * references, so that line-end and attribute normalisation (XML 1.0 2.11,
 * 3.3.3) give back the input.  Every character is checked first. */
/*@ requires rk_xml_writer_ok(w);
    requires \valid_read(s + (0 .. n - 1));
    requires \separated(s + (0 .. n - 1), w->buf + (0 .. w->cap - 1), w);
    assigns w->pos, w->buf[0 .. w->cap - 1];
    ensures rk_xml_writer_ok(w);
    ensures \old(w->pos) <= w->pos;
    ensures \result <= 0; */
static rk_status put_escaped(rk_xml_writer *w, const uint8_t *s, size_t n, int attr)
{
    size_t q = 0;
    /*@ loop invariant 0 <= q <= n;
        loop invariant rk_xml_writer_ok(w);
        loop invariant \at(w->pos, Pre) <= w->pos;
        loop assigns q, w->pos, w->buf[0 .. w->cap - 1];
        loop variant n - q; */
    while (q < n) {
        size_t l, el;
        uint32_t cp;
        uint8_t e[6];
        rk_status st = rk_xml_utf8(s, n, q, &l, &cp);
        uint8_t b = s[q];
        if (st != RK_OK)
            return st;
        escape_of(b, attr, e, &el);
        if (el != 0)
            st = put_n(w, e, el);
        else
            st = put_n(w, s + q, l);
        if (st != RK_OK)
            return st;
        q += l;
    }
    return RK_OK;
}

rk_status rk_xml_write_start(rk_xml_writer *w, const uint8_t *name, size_t name_len,
                             const rk_xml_wattr *attrs, size_t nattrs, int empty)
{
    size_t pos0 = w->pos;
    rk_status st = rk_xml_name_ok(name, name_len);
    if (st != RK_OK)
        return st;
    st = put1(w, '<');
    if (st == RK_OK)
        st = put_n(w, name, name_len);
    /*@ loop invariant 0 <= i <= nattrs;
        loop invariant rk_xml_writer_ok(w);
        loop invariant pos0 <= w->pos;
        loop assigns i, st, w->pos, w->buf[0 .. w->cap - 1];
        loop variant nattrs - i; */
    for (size_t i = 0; i < nattrs && st == RK_OK; i++) {
        st = rk_xml_name_ok(attrs[i].name, attrs[i].name_len);
        if (st == RK_OK)
            st = put1(w, ' ');
        if (st == RK_OK)
            st = put_n(w, attrs[i].name, attrs[i].name_len);
        if (st == RK_OK)
            st = put1(w, '=');
        if (st == RK_OK)
            st = put1(w, '"');
        if (st == RK_OK)
            st = put_escaped(w, attrs[i].value, attrs[i].value_len, 1);
        if (st == RK_OK)
            st = put1(w, '"');
    }
    if (st == RK_OK && empty)
        st = put1(w, '/');
    if (st == RK_OK)
        st = put1(w, '>');
    if (st != RK_OK) {
        rollback(w, pos0);
        return st < 0 ? st : RK_ERR_INTERNAL;
    }
    return RK_OK;
}

rk_status rk_xml_write_text(rk_xml_writer *w, const uint8_t *t, size_t n)
{
    size_t pos0 = w->pos;
    rk_status st = put_escaped(w, t, n, 0);
    if (st != RK_OK) {
        rollback(w, pos0);
        return st < 0 ? st : RK_ERR_INTERNAL;
    }
    return RK_OK;
}

rk_status rk_xml_write_end(rk_xml_writer *w, const uint8_t *name, size_t name_len)
{
    size_t pos0 = w->pos;
    rk_status st = rk_xml_name_ok(name, name_len);
    if (st != RK_OK)
        return st;
    st = put1(w, '<');
    if (st == RK_OK)
        st = put1(w, '/');
    if (st == RK_OK)
        st = put_n(w, name, name_len);
    if (st == RK_OK)
        st = put1(w, '>');
    if (st != RK_OK) {
        rollback(w, pos0);
        return st < 0 ? st : RK_ERR_INTERNAL;
    }
    return RK_OK;
}
