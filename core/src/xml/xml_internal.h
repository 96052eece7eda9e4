/* SPDX-License-Identifier: Apache-2.0
 * xml_internal.h - character-level checks shared by the XML reader, the
 * decoder and the writer (core/src/xml/xml_chars.c).  Not installed.
 */
#ifndef ROOTKEY_XML_INTERNAL_H
#define ROOTKEY_XML_INTERNAL_H
#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"
#include "rootkey/xml.h"

/*
 * rk_xml_utf8 - check the UTF-8 character starting at d[p] and that it is
 * an XML 1.0 Char (2.2): TAB, LF, CR, U+0020..U+D7FF, U+E000..U+FFFD,
 * U+10000..U+10FFFF.  On RK_OK *clen is its length (1..4) and *cp its code
 * point.  Errors: RK_ERR_XML_NUL, _CHAR, _UTF8_LEAD, _UTF8_OVERLONG,
 * _UTF8_SURROGATE, _UTF8_5_6, _UTF8_RANGE, _UTF8_TRUNCATED.
 */
/*@ requires p < n;
    requires \valid_read(d + (0 .. n - 1));
    requires \valid(clen) && \valid(cp);
    requires \separated(clen, cp, d + (0 .. n - 1));
    assigns *clen, *cp;
    ensures \result <= 0;
    ensures \result == RK_OK ==> 1 <= *clen <= 4 && *clen <= n - p && *cp <= 0x10FFFF;
    ensures \result == RK_OK && d[p] < 0x80 ==> *clen == 1 && *cp == d[p]; */
rk_status rk_xml_utf8(const uint8_t *d, size_t n, size_t p, size_t *clen, uint32_t *cp);

/*
 * rk_xml_ref - check the reference starting at d[p] == '&': one of the five
 * predefined entities or a character reference (XML 1.0 4.1) to an XML
 * Char.  On RK_OK *rlen is its length including '&' and ';' and *cp the
 * character.  Errors: RK_ERR_XML_AMP, _ENTITY, _CHARREF_SYNTAX,
 * _CHARREF_NUL, _CHARREF_SURROGATE, _CHARREF_RANGE, _CHARREF_CHAR.
 */
/*@ requires p < n;
    requires \valid_read(d + (0 .. n - 1));
    requires \valid(rlen) && \valid(cp);
    requires \separated(rlen, cp, d + (0 .. n - 1));
    assigns *rlen, *cp;
    ensures \result <= 0;
    ensures \result == RK_OK ==> 3 <= *rlen <= n - p && 1 <= *cp <= 0x10FFFF; */
rk_status rk_xml_ref(const uint8_t *d, size_t n, size_t p, size_t *rlen, uint32_t *cp);

/*
 * rk_xml_qname - scan a qualified name at d[p]: NCName (':' NCName)?, with
 * NCName = [A-Za-z_][A-Za-z0-9._-]* (the ASCII subset of XML Names).  On
 * RK_OK *qlen is its length (1..RK_XML_MAX_NAME) and *colon the offset of
 * the colon inside it, or 0 if none.  The name ends at the first octet that
 * is not a name character.  Errors: RK_ERR_XML_NAME, _QNAME, _NAME_LONG,
 * RK_ERR_XML_TRUNCATED (the name reaches the end of the input).
 */
/*@ requires p <= n;
    requires \valid_read(d + (0 .. n - 1));
    requires \valid(qlen) && \valid(colon);
    requires \separated(qlen, colon, d + (0 .. n - 1));
    assigns *qlen, *colon;
    ensures \result <= 0;
    ensures \result == RK_OK ==> 1 <= *qlen <= RK_XML_MAX_NAME && *qlen < n - p &&
            *colon < *qlen && (*colon == 0 || 1 <= *colon <= *qlen - 2); */
rk_status rk_xml_qname(const uint8_t *d, size_t n, size_t p, size_t *qlen, size_t *colon);

/*
 * rk_xml_name_ok - the whole of s[0 .. n-1] is a qualified name (writer).
 * Errors as rk_xml_qname (RK_ERR_XML_NAME for trailing octets).
 */
/*@ requires \valid_read(s + (0 .. n - 1));
    assigns \nothing;
    ensures \result <= 0;
    ensures \result == RK_OK ==> 1 <= n <= RK_XML_MAX_NAME; */
rk_status rk_xml_name_ok(const uint8_t *s, size_t n);

#endif
