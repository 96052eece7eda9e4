/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz the writer -> reader -> writer round trip: the input drives a
 * sequence of writer calls (start with up to three attributes, text, end);
 * the result must be accepted by the reader, every decoded value must be
 * what was written, and writing the events back gives the same octets. */
#include <stdlib.h>
#include <string.h>
#include "rootkey/xml.h"

static const char *names[] = { "a", "bb", "c-d", "e.f", "_g", "h1", "i_j" };
static const char *anames[] = { "x", "y", "z" };
static uint8_t doc[1 << 16], doc2[1 << 16], dec[1 << 16];
static rk_xml_reader rd;
static rk_xml_event ev;

#define U(s) ((const uint8_t *)(s))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rk_xml_writer w, w2;
    size_t stack[16], depth = 0, p = 0, dl;
    int rooted = 0;
    rk_xml_writer_init(&w, doc, sizeof doc);
    while (p < size) {
        uint8_t op = data[p++];
        if (depth == 0 && rooted)
            break;
        if (op % 3 == 0 || depth == 0) {          /* start */
            size_t ni = (size_t)(op / 3u) % 7u, na = 0;
            rk_xml_wattr at[3];
            if (depth == 16)
                continue;
            if (p < size)
                na = data[p++] % 4u;
            for (size_t i = 0; i < na && i < 3; i++) {
                size_t l = p < size ? data[p++] % 32u : 0;
                if (l > size - p)
                    l = size - p;
                at[i].name = U(anames[i]);
                at[i].name_len = 1;
                at[i].value = data + p;
                at[i].value_len = l;
                p += l;
            }
            if (na > 3)
                na = 3;
            if (rk_xml_write_start(&w, U(names[ni]), strlen(names[ni]), at, na, 0) == RK_OK) {
                stack[depth++] = ni;
                rooted = 1;
            }
        } else if (op % 3 == 1) {                 /* text */
            size_t l = p < size ? data[p++] % 64u : 0;
            if (l > size - p)
                l = size - p;
            if (rk_xml_write_text(&w, data + p, l) != RK_OK) {
                /* refused values write nothing: go on with the next op */
            }
            p += l;
        } else {                                  /* end */
            depth--;
            if (rk_xml_write_end(&w, U(names[stack[depth]]), strlen(names[stack[depth]])) != RK_OK)
                return 0;
        }
    }
    while (depth > 0) {
        depth--;
        if (rk_xml_write_end(&w, U(names[stack[depth]]), strlen(names[stack[depth]])) != RK_OK)
            return 0;
    }
    if (!rooted)
        return 0;
    /* read back and write again from the decoded events */
    rk_xml_writer_init(&w2, doc2, sizeof doc2);
    if (rk_xml_reader_init(&rd, doc, w.pos, 0) != RK_OK)
        abort();
    for (;;) {
        rk_status st = rk_xml_next(&rd, &ev);
        if (st != RK_OK)
            abort();
        if (ev.type == RK_XML_EV_EOF)
            break;
        if (ev.type == RK_XML_EV_START) {
            static uint8_t vals[3][64];
            rk_xml_wattr at[3];
            if (ev.nattrs > 3)
                abort();
            for (size_t i = 0; i < ev.nattrs; i++) {
                if (rk_xml_decode(vals[i], sizeof vals[i], &dl, doc + ev.attr[i].value.off,
                                  ev.attr[i].value.len, RK_XML_DECODE_ATTR) != RK_OK)
                    abort();
                at[i].name = doc + ev.attr[i].local.off;
                at[i].name_len = ev.attr[i].local.len;
                at[i].value = vals[i];
                at[i].value_len = dl;
            }
            if (rk_xml_write_start(&w2, doc + ev.qname.off, ev.qname.len, at, ev.nattrs, 0) != RK_OK)
                abort();
        } else if (ev.type == RK_XML_EV_TEXT) {
            if (rk_xml_decode(dec, sizeof dec, &dl, doc + ev.text.off, ev.text.len,
                              RK_XML_DECODE_TEXT) != RK_OK)
                abort();
            if (rk_xml_write_text(&w2, dec, dl) != RK_OK)
                abort();
        } else if (ev.type == RK_XML_EV_END) {
            if (rk_xml_write_end(&w2, doc + ev.qname.off, ev.qname.len) != RK_OK)
                abort();
        }
    }
    if (w2.pos != w.pos || memcmp(doc, doc2, w.pos) != 0)
        abort();
    return 0;
}
