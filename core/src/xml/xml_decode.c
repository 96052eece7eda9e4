/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/xml.h */
#include "rootkey/xml.h"
#include "xml_internal.h"

/* Append the UTF-8 encoding of cp (RFC 3629 section 3) at out[*o]. */
/*@ requires \valid(out + (0 .. cap - 1));
    requires \valid(o);
    requires \separated(o, out + (0 .. cap - 1));
    requires *o <= cap;
    requires cp <= 0x10FFFF;
    assigns *o, out[0 .. cap - 1];
    ensures \old(*o) <= *o <= cap;
    ensures \result == RK_OK || \result == RK_ERR_BUFFER; */
static rk_status put_utf8(uint8_t *out, size_t cap, size_t *o, uint32_t cp)
{
    size_t at = *o;
    if (cp < 0x80u) {
        if (cap - at < 1u)
            return RK_ERR_BUFFER;
        out[at] = (uint8_t)cp;
        *o = at + 1u;
    } else if (cp < 0x800u) {
        if (cap - at < 2u)
            return RK_ERR_BUFFER;
        out[at] = (uint8_t)(0xC0u + cp / 64u);
        out[at + 1u] = (uint8_t)(0x80u + cp % 64u);
        *o = at + 2u;
    } else if (cp < 0x10000u) {
        if (cap - at < 3u)
            return RK_ERR_BUFFER;
        out[at] = (uint8_t)(0xE0u + cp / 4096u);
        out[at + 1u] = (uint8_t)(0x80u + (cp / 64u) % 64u);
        out[at + 2u] = (uint8_t)(0x80u + cp % 64u);
        *o = at + 3u;
    } else {
        if (cap - at < 4u)
            return RK_ERR_BUFFER;
        out[at] = (uint8_t)(0xF0u + cp / 262144u);
        out[at + 1u] = (uint8_t)(0x80u + (cp / 4096u) % 64u);
        out[at + 2u] = (uint8_t)(0x80u + (cp / 64u) % 64u);
        out[at + 3u] = (uint8_t)(0x80u + cp % 64u);
        *o = at + 4u;
    }
    return RK_OK;
}

rk_status rk_xml_decode(uint8_t *out, size_t cap, size_t *out_len,
                        const uint8_t *in, size_t len, int mode)
{
    size_t q = 0;
    size_t o = 0;
    rk_status st = RK_OK;

    *out_len = 0;
    /*@ loop invariant 0 <= q <= len;
        loop invariant 0 <= o <= cap;
        loop invariant st == RK_OK;
        loop assigns q, o, st, out[0 .. cap - 1];
        loop variant len - q; */
    while (q < len) {
        uint8_t b = in[q];
        size_t l = 0;
        uint32_t cp = 0;
        if (b == '<') {
            st = RK_ERR_XML_ATTR_LT;
            break;
        }
        if (b == '&') {
            st = rk_xml_ref(in, len, q, &l, &cp);
            if (st == RK_OK)
                st = put_utf8(out, cap, &o, cp);
            if (st != RK_OK)
                break;
            q += l;
            continue;
        }
        if (b == 0xDu) {
            /* XML 1.0 2.11: CR LF and a lone CR are one line end (LF);
             * 3.3.3: in attribute values every line end is one space */
            st = put_utf8(out, cap, &o, mode == RK_XML_DECODE_ATTR ? 0x20u : 0xAu);
            if (st != RK_OK)
                break;
            q += (len - q >= 2u && in[q + 1u] == 0xAu) ? 2u : 1u;
            continue;
        }
        if (mode == RK_XML_DECODE_ATTR && (b == 0x9u || b == 0xAu)) {
            st = put_utf8(out, cap, &o, 0x20u);
            if (st != RK_OK)
                break;
            q++;
            continue;
        }
        if (mode != RK_XML_DECODE_ATTR && b == ']' && len - q >= 3u &&
            in[q + 1u] == ']' && in[q + 2u] == '>') {
            st = RK_ERR_XML_CDATA_END;
            break;
        }
        st = rk_xml_utf8(in, len, q, &l, &cp);
        if (st != RK_OK)
            break;
        if (l > cap - o) {
            st = RK_ERR_BUFFER;
            break;
        }
        /*@ loop invariant 0 <= k <= l;
            loop assigns k, out[o .. o + l - 1];
            loop variant l - k; */
        for (size_t k = 0; k < l; k++)
            out[o + k] = in[q + k];
        o += l;
        q += l;
    }
    if (st != RK_OK) {
        /*@ loop invariant 0 <= k <= cap;
            loop invariant \forall integer j; 0 <= j < k ==> out[j] == 0;
            loop assigns k, out[0 .. cap - 1];
            loop variant cap - k; */
        for (size_t k = 0; k < cap; k++)
            out[k] = 0;
        return st < 0 ? st : RK_ERR_INTERNAL;
    }
    *out_len = o;
    return RK_OK;
}
