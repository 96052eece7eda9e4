/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz the strict XML reader (rootkey/xml.h): any input, strict and relaxed
 * namespaces.  Checks beyond the sanitizers: every view inside the input,
 * errors sticky, EOF only once the depth is back to 0, decode of every text
 * and attribute value succeeds on accepted input (the reader already
 * checked it) and never writes past its buffer. */
#include <stdlib.h>
#include <string.h>
#include "rootkey/xml.h"

static rk_xml_reader rd;
static rk_xml_event ev;
static uint8_t dec[1 << 16];

static int in(rk_xml_view v, size_t n) { return v.off <= n && v.len <= n - v.off; }

static void check_views(size_t n)
{
    if (!in(ev.ns, n) || !in(ev.prefix, n) || !in(ev.local, n) || !in(ev.qname, n) ||
        !in(ev.raw, n) || !in(ev.text, n) || ev.nattrs > RK_XML_MAX_ATTRS)
        abort();
    for (size_t i = 0; i < RK_XML_MAX_ATTRS; i++)
        if (!in(ev.attr[i].ns, n) || !in(ev.attr[i].prefix, n) || !in(ev.attr[i].local, n) ||
            !in(ev.attr[i].value, n))
            abort();
}

static void run(const uint8_t *data, size_t size, unsigned flags)
{
    size_t dl, depth = 0;
    rk_status st = rk_xml_reader_init(&rd, data, size, flags);
    if (st != RK_OK)
        return;
    for (size_t guard = 0;; guard++) {
        if (guard > 2 * size + 4)
            abort(); /* progress: an event costs at least an octet (but pending ENDs) */
        st = rk_xml_next(&rd, &ev);
        check_views(size);
        if (st != RK_OK) {
            if (st > 0 || rk_xml_next(&rd, &ev) != st || ev.type != RK_XML_EV_NONE)
                abort();
            return;
        }
        if (ev.type == RK_XML_EV_EOF) {
            if (depth != 0)
                abort();
            return;
        }
        if (ev.type == RK_XML_EV_START) {
            depth++;
            if (ev.depth != depth || ev.local.len == 0)
                abort();
            for (size_t i = 0; i < ev.nattrs; i++)
                if (rk_xml_decode(dec, sizeof dec, &dl, data + ev.attr[i].value.off,
                                  ev.attr[i].value.len, RK_XML_DECODE_ATTR) != RK_OK)
                    abort();
        } else if (ev.type == RK_XML_EV_END) {
            if (depth == 0 || ev.depth != depth)
                abort();
            depth--;
        } else if (ev.type == RK_XML_EV_TEXT) {
            if (ev.text.len == 0 || depth == 0)
                abort();
            if (rk_xml_decode(dec, sizeof dec, &dl, data + ev.text.off, ev.text.len,
                              RK_XML_DECODE_TEXT) != RK_OK && ev.text.len < sizeof dec / 4)
                abort();
        } else {
            abort();
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    run(data, size, 0);
    run(data, size, RK_XML_NS_STRICT);
    /* the decoder on raw input: must not crash, must zero on error */
    {
        size_t dl = 1, cap = size % 64;
        rk_status st = rk_xml_decode(dec, cap, &dl, data, size, (int)(size & 1u));
        if (st != RK_OK) {
            if (dl != 0)
                abort();
            for (size_t i = 0; i < cap; i++)
                if (dec[i] != 0)
                    abort();
        } else if (dl > cap) {
            abort();
        }
    }
    return 0;
}
