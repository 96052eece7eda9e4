/* SPDX-License-Identifier: Apache-2.0 */
/* Structure-aware XML harness: the fuzz bytes drive a generator of element
 * trees shaped like MCPTT user profiles and KMS responses (TS 33.180 Annex
 * D), instead of being parsed as bytes.  The document goes through both
 * readers with the properties of their byte harnesses (fuzz/profile_find.c:
 * rk_profile_find, then rk_profile_upsert and find again; fuzz/kms_doc.c:
 * rk_kms_read at two times, every view inside the document, the key-set
 * check's codes), which this file includes under other names.
 *
 * Generator (every choice one fuzz octet; an exhausted input reads 0):
 *   byte 0: bit 0 the root (0 a KMS response, 1 a user profile), bit 1 an
 *   XML declaration, bits 2-3 the root's namespace form (default
 *   declaration, a prefix, a wrong namespace URI, none).
 *   element: a name from the vocabulary of both document kinds, its prefix
 *   (none, the root's, rk: declared here, an undeclared one), 0-5
 *   attributes (names and values from the vocabulary, or a few raw fuzz
 *   octets), then 0-15 children: an element (depth <= 8), text from the
 *   vocabulary (hexBinary of the exact lengths, times, URIs, numbers,
 *   base64), raw fuzz octets, a comment, a CDATA section, a character
 *   reference; then the end tag (rarely a wrong one).
 * So the documents are mostly well-formed and namespaced, and mutations
 * (libFuzzer's, AFL++'s) move whole elements, attributes and values. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xml_targets.h"

#include "xml_vocab.h"

#define DOC_MAX 65536

static uint8_t doc_buf[DOC_MAX];
static size_t doc_len;
static const uint8_t *in;
static size_t in_left, budget;

static unsigned nb(void)
{
    if (in_left == 0) return 0;
    in_left--;
    return *in++;
}

static void put(const char *s)
{
    size_t n = strlen(s);
    if (n > DOC_MAX - doc_len) n = DOC_MAX - doc_len;
    memcpy(doc_buf + doc_len, s, n);
    doc_len += n;
}

static void put_raw(size_t n)
{
    while (n-- && in_left && doc_len < DOC_MAX) doc_buf[doc_len++] = (uint8_t)nb();
}

/* a value: the vocabulary, a public key of the exact hexBinary length, or
 * raw fuzz octets */
static void value(void)
{
    unsigned c = nb();
    if (c < 200) {
        put(VALUES[c % NVALUES]);
    } else if (c < 215) {
        /* "04" and n octets in hex: a 257-octet point (PubEncKey, an RSK), a
         * 65-octet one (PubAuthKey, a PVT) */
        size_t n = c < 208 ? 256 : 64;
        put("04");
        for (size_t i = 0; i < n; i++) put("ab");
    } else {
        put_raw(nb() % 16);
    }
}

static void prefix(unsigned c, const char *root_prefix)
{
    switch (c % 8) {
    case 1: put(root_prefix); break;
    case 2: put("rk:"); break;
    case 3: put("zz:"); break;    /* never declared */
    default: break;
    }
}

static void element(unsigned depth, const char *root_prefix)
{
    unsigned name = nb() % NNAMES, pc = nb(), na = nb() % 6, nc;
    if (budget == 0 || doc_len > DOC_MAX - 4096) return;
    budget--;
    put("<");
    prefix(pc, root_prefix);
    put(NAMES[name]);
    if (pc % 8 == 2) { put(" xmlns:rk=\""); put(NS_RK); put("\""); }
    for (unsigned i = 0; i < na; i++) {
        put(" ");
        put(ATTRS[nb() % NATTRS]);
        put("=\"");
        value();
        put("\"");
    }
    nc = nb() % 16;
    if (nc == 0 && (pc & 8)) { put("/>"); return; }
    put(">");
    for (unsigned i = 0; i < nc; i++) {
        unsigned k = nb() % 8;
        if (k < 3 && depth < 8) element(depth + 1, root_prefix);
        else if (k < 5) value();
        else if (k == 5) { put("<!--"); value(); put("-->"); }
        else if (k == 6) { put("<![CDATA["); value(); put("]]>"); }
        else put((pc & 16) ? "&#x3C;" : "&amp;");
    }
    put("</");
    if (pc % 64 == 63) put("x");    /* a wrong end tag, now and then */
    prefix(pc, root_prefix);
    put(NAMES[name]);
    put(">");
}

static void generate(const uint8_t *data, size_t size)
{
    unsigned b0;
    const char *root, *ns, *rp = "";
    in = data;
    in_left = size;
    doc_len = 0;
    budget = 200;
    b0 = nb();
    root = (b0 & 1) ? "mcptt-user-profile" : "KmsResponse";
    ns = (b0 & 1) ? NS_PROFILE : NS_KMS;
    if (b0 & 2) put("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    switch ((b0 >> 2) & 3) {
    case 0: put("<"); put(root); put(" xmlns=\""); put(ns); put("\""); break;
    case 1: rp = "k:"; put("<k:"); put(root); put(" xmlns:k=\""); put(ns); put("\""); break;
    case 2: put("<"); put(root); put(" xmlns=\"urn:example:not-this-one\""); break;
    default: put("<"); put(root); break;
    }
    put(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:rk=\"");
    put(NS_RK);
    put("\" Id=\"r1\" Version=\"1.0.0\">");
    while (in_left && budget && doc_len < DOC_MAX - 4096) element(1, rp);
    put("</");
    put(rp);
    put(root);
    put(">");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *d;
    generate(data, size);
    d = malloc(doc_len ? doc_len : 1);   /* exact size, for ASan */
    if (!d) return 0;
    memcpy(d, doc_buf, doc_len);
    kms_doc_one(d, doc_len);
    profile_find_one(d, doc_len);
    free(d);
    return 0;
}
