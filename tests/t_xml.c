/* SPDX-License-Identifier: Apache-2.0 */
/* XML reader, decoder and writer (core/include/rootkey/xml.h): every XML
 * category of docs/design.md §11.2 rejected with its own code, positives,
 * decoding, the writer and the writer -> reader round trip. */
#include "rk_test.h"
#include "rootkey/xml.h"
#include "rootkey/status.h"

static rk_xml_reader g_rd;
static rk_xml_event g_ev;
static uint8_t g_big[1 << 22];

/* Read a whole document; the first error, or RK_OK at EOF.  *nev counts
 * START events. */
static rk_status read_all(const uint8_t *doc, size_t len, unsigned flags, size_t *nstart)
{
    rk_status st = rk_xml_reader_init(&g_rd, doc, len, flags);
    size_t ns = 0;
    if (nstart)
        *nstart = 0;
    if (st != RK_OK)
        return st;
    for (size_t guard = 0; guard < 100000000u; guard++) {
        st = rk_xml_next(&g_rd, &g_ev);
        if (st != RK_OK)
            return st;
        if (g_ev.type == RK_XML_EV_START)
            ns++;
        if (g_ev.type == RK_XML_EV_EOF) {
            if (nstart)
                *nstart = ns;
            return RK_OK;
        }
    }
    return RK_ERR_INTERNAL;
}

#define S(x) (const uint8_t *)(x), (sizeof(x) - 1)
#define U8(x) ((const uint8_t *)(x))

typedef struct {
    const char *name;
    const char *doc;
    size_t len; /* 0: strlen */
    rk_status want;
} neg_case;

#define N(name, doc, want) { name, doc, sizeof(doc) - 1, want }

static const neg_case negs[] = {
    /* prolog (docs/design.md §11.2, XML prolog) */
    N("doctype", "<!DOCTYPE a><a/>", RK_ERR_XML_DOCTYPE),
    N("internal entity", "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", RK_ERR_XML_DOCTYPE),
    N("external SYSTEM entity (XXE)", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>", RK_ERR_XML_DOCTYPE),
    N("external PUBLIC entity", "<!DOCTYPE a PUBLIC \"-//X//EN\" \"http://x/a.dtd\"><a/>", RK_ERR_XML_DOCTYPE),
    N("parameter entity", "<!DOCTYPE a [<!ENTITY % p SYSTEM \"http://x/p\"> %p;]><a/>", RK_ERR_XML_DOCTYPE),
    N("entity decl outside DTD", "<!ENTITY e \"x\"><a/>", RK_ERR_XML_MARKUP),
    N("lower-case doctype", "<!doctype a><a/>", RK_ERR_XML_MARKUP),
    N("encoding UTF-16", "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>", RK_ERR_XML_ENCODING),
    N("encoding ISO-8859-1", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>", RK_ERR_XML_ENCODING),
    N("encoding EBCDIC", "<?xml version=\"1.0\" encoding=\"IBM037\"?><a/>", RK_ERR_XML_ENCODING),
    N("UTF-16LE BOM", "\xFF\xFE<\0a\0/\0>\0", RK_ERR_XML_ENCODING),
    N("UTF-16BE BOM", "\xFE\xFF\0<\0a\0/\0>", RK_ERR_XML_ENCODING),
    N("UTF-32BE BOM", "\0\0\xFE\xFF\0\0\0<", RK_ERR_XML_ENCODING),
    N("UTF-16LE no BOM", "<\0a\0/\0>\0", RK_ERR_XML_ENCODING),
    N("version 1.1", "<?xml version=\"1.1\"?><a/>", RK_ERR_XML_VERSION),
    N("decl without version", "<?xml encoding=\"UTF-8\"?><a/>", RK_ERR_XML_DECL),
    N("decl bad standalone", "<?xml version=\"1.0\" standalone=\"maybe\"?><a/>", RK_ERR_XML_DECL),
    N("decl not first", " <?xml version=\"1.0\"?><a/>", RK_ERR_XML_DECL_POS),
    N("decl after root", "<a/><?xml version=\"1.0\"?>", RK_ERR_XML_DECL_POS),
    N("processing instruction", "<a><?php echo 1; ?></a>", RK_ERR_XML_PI),
    N("xml-stylesheet PI", "<?xml-stylesheet href=\"x\"?><a/>", RK_ERR_XML_PI),
    N("CDATA", "<a><![CDATA[x]]></a>", RK_ERR_XML_CDATA),
    /* expansion bombs: rejected at the DOCTYPE */
    N("billion laughs", "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
      "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
      "<!ENTITY lol9 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
      "<lolz>&lol9;</lolz>", RK_ERR_XML_DOCTYPE),
    N("parameter laughs", "<!DOCTYPE r [<!ENTITY % a \"x\"><!ENTITY % b \"%a;%a;%a;\">%b;]><r/>", RK_ERR_XML_DOCTYPE),
    N("entity ref without DTD", "<a>&lol9;</a>", RK_ERR_XML_ENTITY),
    N("entity ref in attribute", "<a b=\"&x;\"/>", RK_ERR_XML_ENTITY),
    N("bare ampersand", "<a>AT&T</a>", RK_ERR_XML_AMP),
    N("ampersand at end", "<a>x&", RK_ERR_XML_AMP),
    /* characters */
    N("NUL in text", "<a>x\0y</a>", RK_ERR_XML_NUL),
    N("NUL in attribute", "<a b=\"\0\"/>", RK_ERR_XML_NUL),
    N("NUL after root", "<a/>\0", RK_ERR_XML_NUL),
    N("control char", "<a>\x01</a>", RK_ERR_XML_CHAR),
    N("U+FFFE", "<a>\xEF\xBF\xBE</a>", RK_ERR_XML_CHAR),
    N("&#0;", "<a>&#0;</a>", RK_ERR_XML_CHARREF_NUL),
    N("&#x0;", "<a>&#x0;</a>", RK_ERR_XML_CHARREF_NUL),
    N("&#xD800;", "<a>&#xD800;</a>", RK_ERR_XML_CHARREF_SURROGATE),
    N("&#57343; (DFFF)", "<a>&#57343;</a>", RK_ERR_XML_CHARREF_SURROGATE),
    N("&#x110000;", "<a>&#x110000;</a>", RK_ERR_XML_CHARREF_RANGE),
    N("&#99999999999999999999;", "<a>&#99999999999999999999;</a>", RK_ERR_XML_CHARREF_RANGE),
    N("&#x1;", "<a>&#x1;</a>", RK_ERR_XML_CHARREF_CHAR),
    N("&#xFFFF;", "<a b=\"&#xFFFF;\"/>", RK_ERR_XML_CHARREF_CHAR),
    N("&#;", "<a>&#;</a>", RK_ERR_XML_CHARREF_SYNTAX),
    N("&#x;", "<a>&#x;</a>", RK_ERR_XML_CHARREF_SYNTAX),
    N("&#12a;", "<a>&#12a;</a>", RK_ERR_XML_CHARREF_SYNTAX),
    N("&#X41; (capital X)", "<a>&#X41;</a>", RK_ERR_XML_CHARREF_SYNTAX),
    N("&#65 unterminated", "<a>&#65</a>", RK_ERR_XML_CHARREF_SYNTAX),
    N("utf8 overlong C0", "<a>\xC0\xAF</a>", RK_ERR_XML_UTF8_OVERLONG),
    N("utf8 overlong E0", "<a>\xE0\x80\xAF</a>", RK_ERR_XML_UTF8_OVERLONG),
    N("utf8 overlong F0", "<a>\xF0\x80\x80\xAF</a>", RK_ERR_XML_UTF8_OVERLONG),
    N("utf8 surrogate", "<a>\xED\xA0\x80</a>", RK_ERR_XML_UTF8_SURROGATE),
    N("utf8 surrogate in attr", "<a b=\"\xED\xBF\xBF\"/>", RK_ERR_XML_UTF8_SURROGATE),
    N("utf8 5-byte", "<a>\xF8\x88\x80\x80\x80</a>", RK_ERR_XML_UTF8_5_6),
    N("utf8 6-byte", "<a>\xFC\x84\x80\x80\x80\x80</a>", RK_ERR_XML_UTF8_5_6),
    N("utf8 above 10FFFF (F4 90)", "<a>\xF4\x90\x80\x80</a>", RK_ERR_XML_UTF8_RANGE),
    N("utf8 F5 lead", "<a>\xF5\x80\x80\x80</a>", RK_ERR_XML_UTF8_RANGE),
    N("utf8 stray continuation", "<a>\x80</a>", RK_ERR_XML_UTF8_LEAD),
    N("utf8 FF", "<a>\xFF</a>", RK_ERR_XML_UTF8_LEAD),
    N("utf8 truncated at end", "<a>\xE2\x82", RK_ERR_XML_UTF8_TRUNCATED),
    N("utf8 truncated by ASCII", "<a>\xE2\x82x</a>", RK_ERR_XML_UTF8_TRUNCATED),
    N("utf8 truncated 4-byte", "<a>\xF0\x9F\x98</a>", RK_ERR_XML_UTF8_TRUNCATED),
    N("utf8 in comment", "<a><!-- \xC1\x81 --></a>", RK_ERR_XML_UTF8_OVERLONG),
    N("'<' in attribute", "<a b=\"x<y\"/>", RK_ERR_XML_ATTR_LT),
    /* structure */
    N("empty document", "", RK_ERR_XML_NO_ROOT),
    N("only whitespace", "  \n", RK_ERR_XML_NO_ROOT),
    N("only a comment", "<!-- c -->", RK_ERR_XML_NO_ROOT),
    N("unclosed element", "<a><b></b>", RK_ERR_XML_UNCLOSED),
    N("unclosed with text", "<a>text", RK_ERR_XML_UNCLOSED),
    N("unclosed tag", "<a", RK_ERR_XML_TRUNCATED),
    N("unclosed start tag with attr", "<a b=\"1\"", RK_ERR_XML_TRUNCATED),
    N("unclosed attribute value", "<a b=\"1/>", RK_ERR_XML_TRUNCATED),
    N("unclosed comment", "<a><!-- x", RK_ERR_XML_TRUNCATED),
    N("unclosed end tag", "<a></a", RK_ERR_XML_TRUNCATED),
    N("mismatched tag", "<a><b></a></b>", RK_ERR_XML_MISMATCH),
    N("mismatched prefix", "<p:a xmlns:p=\"u\" xmlns:q=\"u\"></q:a>", RK_ERR_XML_MISMATCH),
    N("wrong case end tag", "<a></A>", RK_ERR_XML_MISMATCH),
    N("end tag before root", "</a>", RK_ERR_XML_MISMATCH),
    N("end tag after root", "<a/></a>", RK_ERR_XML_MISMATCH),
    N("multiple roots", "<a/><b/>", RK_ERR_XML_MULTIPLE_ROOTS),
    N("trailing garbage", "<a/>x", RK_ERR_XML_TRAILING),
    N("trailing text after comment", "<a/><!-- c -->junk", RK_ERR_XML_TRAILING),
    N("text before root", "x<a/>", RK_ERR_XML_TEXT_BEFORE_ROOT),
    N("duplicate attribute", "<a b=\"1\" b=\"2\"/>", RK_ERR_XML_ATTR_DUP),
    N("duplicate prefixed attribute", "<a xmlns:p=\"u\" p:b=\"1\" p:b=\"2\"/>", RK_ERR_XML_ATTR_DUP),
    N("duplicate xmlns", "<a xmlns=\"u\" xmlns=\"u\"/>", RK_ERR_XML_ATTR_DUP),
    N("duplicate after ns resolution", "<a xmlns:p=\"u\" xmlns:q=\"u\" p:b=\"1\" q:b=\"2\"/>", RK_ERR_XML_ATTR_DUP_NS),
    N("attribute without value", "<a b/>", RK_ERR_XML_ATTR_SYNTAX),
    N("attribute unquoted", "<a b=1/>", RK_ERR_XML_ATTR_SYNTAX),
    N("attributes not separated", "<a b=\"1\"c=\"2\"/>", RK_ERR_XML_TAG_SYNTAX),
    N("slash not before >", "<a/ >", RK_ERR_XML_TAG_SYNTAX),
    N("space after <", "< a/>", RK_ERR_XML_NAME),
    N("name starting with digit", "<1a/>", RK_ERR_XML_NAME),
    N("non-ASCII name", "<\xC3\xA9/>", RK_ERR_XML_NAME),
    N("non-ASCII in name", "<a\xC3\xA9/>", RK_ERR_XML_NAME),
    N("two colons", "<a:b:c/>", RK_ERR_XML_QNAME),
    N("leading colon", "<:a/>", RK_ERR_XML_QNAME),
    N("trailing colon", "<a: x=\"1\"/>", RK_ERR_XML_QNAME),
    N("double dash in comment", "<a><!-- a -- b --></a>", RK_ERR_XML_COMMENT),
    N("comment ending --->", "<a><!-- a ---></a>", RK_ERR_XML_COMMENT),
    N("]]> in text", "<a>x]]>y</a>", RK_ERR_XML_CDATA_END),
    /* namespaces */
    N("unbound element prefix", "<p:a/>", RK_ERR_XML_NS_UNBOUND),
    N("unbound attribute prefix", "<a p:b=\"1\"/>", RK_ERR_XML_NS_UNBOUND),
    N("prefix out of scope", "<a><b xmlns:p=\"u\"/><p:c/></a>", RK_ERR_XML_NS_UNBOUND),
    N("xmlns:xml declared", "<a xmlns:xml=\"http://www.w3.org/XML/1998/namespace\"/>", RK_ERR_XML_NS_RESERVED),
    N("xmlns:xmlns declared", "<a xmlns:xmlns=\"urn:x\"/>", RK_ERR_XML_NS_RESERVED),
    N("prefix bound to xml URI", "<a xmlns:p=\"http://www.w3.org/XML/1998/namespace\"/>", RK_ERR_XML_NS_RESERVED),
    N("default bound to xmlns URI", "<a xmlns=\"http://www.w3.org/2000/xmlns/\"/>", RK_ERR_XML_NS_RESERVED),
    N("element with xmlns prefix", "<xmlns:a/>", RK_ERR_XML_NS_RESERVED),
    N("prefix with empty URI", "<a xmlns:p=\"\"/>", RK_ERR_XML_NS_EMPTY),
    N("reference in ns URI", "<a xmlns=\"urn:&amp;x\"/>", RK_ERR_XML_NS_VALUE),
};

/* Legal XML that only the opt-in strict mode refuses (RK_XML_NS_STRICT). */
static const neg_case strict_negs[] = {
    N("prefix rebinding", "<p:a xmlns:p=\"urn:x\"><p:b xmlns:p=\"urn:y\"/></p:a>", RK_ERR_XML_NS_REBIND),
    N("default namespace change", "<a xmlns=\"urn:x\"><b xmlns=\"urn:y\"/></a>", RK_ERR_XML_NS_DEFAULT_CHANGE),
    N("default namespace undeclared", "<a xmlns=\"urn:x\"><b xmlns=\"\"/></a>", RK_ERR_XML_NS_DEFAULT_CHANGE),
};

static void run_negs(const neg_case *negs, size_t cnt, unsigned flags)
{
    for (size_t i = 0; i < cnt; i++) {
        CASE_BEGIN("xml negative%s: %s", flags ? " (strict)" : "", negs[i].name);
        rk_status st = read_all((const uint8_t *)negs[i].doc, negs[i].len, flags, NULL);
        if (st != negs[i].want)
            rk_t_failf(__FILE__, __LINE__, "%s: got %d (%s), want %d (%s)", negs[i].name, st,
                       rk_strerror(st), negs[i].want, rk_strerror(negs[i].want));
        /* sticky: the same error again, and an all-zero event */
        if (st != RK_OK) {
            CHECK_EQ(rk_xml_next(&g_rd, &g_ev), st);
            CHECK_EQ(g_ev.type, RK_XML_EV_NONE);
        }
        CASE_END();
    }
}

static void negatives(void)
{
    run_negs(negs, sizeof negs / sizeof negs[0], 0);
    run_negs(strict_negs, sizeof strict_negs / sizeof strict_negs[0], RK_XML_NS_STRICT);
}

/* Every negative code is distinct, named, and inside the xml block. */
static void codes_distinct(void)
{
    for (int c = -900; c >= -949; c--) {
        CHECK(strncmp(rk_strerror(c), "xml: ", 5) == 0);
        for (int d = c - 1; d >= -949; d--)
            CHECK(strcmp(rk_strerror(c), rk_strerror(d)) != 0);
    }
}

/* Default-namespace declarations and re-declarations on any element (XML
 * Namespaces 1.0): accepted by default, each name resolved by URI to its
 * innermost binding, the binding gone again after the element. */
typedef struct {
    const char *name;
    const char *doc;
    const char *want_ns[6]; /* namespace of each START, in order */
} ns_case;

static const ns_case ns_cases[] = {
    { "default change", "<a xmlns=\"urn:x\"><b xmlns=\"urn:y\"><c/></b><d xmlns=\"\"/><e/></a>",
      { "urn:x", "urn:y", "urn:y", "", "urn:x" } },
    { "default on an inner element only", "<a><b xmlns=\"urn:y\"><c/></b><d/></a>",
      { "", "urn:y", "urn:y", "" } },
    { "prefix rebinding", "<p:a xmlns:p=\"urn:x\"><p:b xmlns:p=\"urn:y\"><p:c/></p:b><p:d/></p:a>",
      { "urn:x", "urn:y", "urn:y", "urn:x" } },
    { "signature in a prefixed KMS response",
      "<k:KmsResponse xmlns:k=\"urn:3gpp:ns:mcsecKMSInterface:1.0\"><k:KmsUri>u</k:KmsUri>"
      "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo/></Signature>"
      "<k:Time>t</k:Time></k:KmsResponse>",
      { "urn:3gpp:ns:mcsecKMSInterface:1.0", "urn:3gpp:ns:mcsecKMSInterface:1.0",
        "http://www.w3.org/2000/09/xmldsig#", "http://www.w3.org/2000/09/xmldsig#",
        "urn:3gpp:ns:mcsecKMSInterface:1.0" } },
    { "default element inside a prefixed document",
      "<p:a xmlns:p=\"urn:x\"><lmr-root-key xmlns=\"urn:rootkey:xml:ns:lmr-root-key:1\"/><p:b/></p:a>",
      { "urn:x", "urn:rootkey:xml:ns:lmr-root-key:1", "urn:x" } },
    { "prefix rebound and default changed on one element",
      "<p:a xmlns:p=\"urn:x\" xmlns=\"urn:d\"><p:b xmlns:p=\"urn:y\" xmlns=\"urn:e\"><c/></p:b><c/></p:a>",
      { "urn:x", "urn:y", "urn:e", "urn:d" } },
};

static void namespace_redeclarations(void)
{
    for (size_t t = 0; t < sizeof ns_cases / sizeof ns_cases[0]; t++) {
        const char *doc = ns_cases[t].doc;
        size_t n = strlen(doc), k = 0, want = 0;
        CASE_BEGIN("xml namespaces: %s", ns_cases[t].name);
        while (want < 6 && ns_cases[t].want_ns[want])
            want++;
        CHECK_EQ(rk_xml_reader_init(&g_rd, U8(doc), n, 0), RK_OK);
        for (;;) {
            CHECK_EQ(rk_xml_next(&g_rd, &g_ev), RK_OK);
            if (g_ev.type == RK_XML_EV_EOF || rk_t_case_failed())
                break;
            if (g_ev.type == RK_XML_EV_START && k < want) {
                CHECK(rk_xml_view_eq(U8(doc), n, g_ev.ns, U8(ns_cases[t].want_ns[k]),
                                     strlen(ns_cases[t].want_ns[k])));
                k++;
            }
        }
        CHECK_EQ(k, want);
        /* RK_XML_NS_RELAXED is the default, kept for callers that name it */
        CHECK_EQ(read_all(U8(doc), n, RK_XML_NS_RELAXED, NULL), RK_OK);
        CASE_END();
    }
    /* strict mode: the same URI again is fine, and so is a sibling that
     * binds the prefix differently (not in scope) */
    static const char same[] = "<p:a xmlns:p=\"urn:x\"><p:b xmlns:p=\"urn:x\"/></p:a>";
    CHECK_EQ(read_all(S(same), RK_XML_NS_STRICT, NULL), RK_OK);
    static const char sib[] = "<a><p:b xmlns:p=\"urn:x\"/><p:c xmlns:p=\"urn:y\"/></a>";
    CHECK_EQ(read_all(S(sib), RK_XML_NS_STRICT, NULL), RK_OK);
    static const char inner[] = "<a><b xmlns=\"urn:y\"/></a>";
    CHECK_EQ(read_all(S(inner), RK_XML_NS_STRICT, NULL), RK_OK);
}

static void bounds(void)
{
    size_t n;
    /* depth: 10 and 32 fine, 33, 100, 10^4 and 10^6 refused */
    static const size_t depths[] = { 10, 32, 33, 100, 10000, 1000000 };
    for (size_t t = 0; t < 6; t++) {
        size_t dd = depths[t], o = 0;
        for (size_t i = 0; i < dd; i++) { g_big[o++] = '<'; g_big[o++] = 'a'; g_big[o++] = '>'; }
        for (size_t i = 0; i < dd && dd < 1000; i++) { /* the deep ones fail first */
            g_big[o++] = '<'; g_big[o++] = '/'; g_big[o++] = 'a'; g_big[o++] = '>';
        }
        CASE_BEGIN("xml depth %zu", dd);
        CHECK_EQ(read_all(g_big, o, 0, NULL), dd <= RK_XML_MAX_DEPTH ? RK_OK : RK_ERR_XML_DEPTH);
        CASE_END();
    }
    /* attributes per element: 24 fine, 25 refused, 10^6 refused */
    CASE_BEGIN("xml attribute count");
    for (size_t cnt = 24; cnt <= 25; cnt++) {
        size_t o = 0;
        g_big[o++] = '<'; g_big[o++] = 'a';
        for (size_t i = 0; i < cnt; i++)
            o += (size_t)sprintf((char *)g_big + o, " a%zu=\"%zu\"", i, i);
        g_big[o++] = '/'; g_big[o++] = '>';
        CHECK_EQ(read_all(g_big, o, 0, NULL), cnt <= RK_XML_MAX_ATTRS ? RK_OK : RK_ERR_XML_ATTR_COUNT);
    }
    {
        size_t o = 0;
        g_big[o++] = '<'; g_big[o++] = 'a';
        for (size_t i = 0; i < 1000000 && o < sizeof g_big - 16; i++)
            o += (size_t)sprintf((char *)g_big + o, " b%zu=\"\"", i);
        g_big[o++] = '/'; g_big[o++] = '>';
        CHECK_EQ(read_all(g_big, o, 0, NULL), RK_ERR_XML_ATTR_COUNT);
    }
    CASE_END();
    /* 10^6 sibling elements stream fine (no per-element state) */
    CASE_BEGIN("xml many siblings");
    {
        size_t o = 0;
        g_big[o++] = '<'; g_big[o++] = 'r'; g_big[o++] = '>';
        for (size_t i = 0; i < 1000000; i++) { memcpy(g_big + o, "<e/>", 4); o += 4; }
        memcpy(g_big + o, "</r>", 4); o += 4;
        CHECK_EQ(read_all(g_big, o, 0, &n), RK_OK);
        CHECK_EQ(n, 1000001);
    }
    CASE_END();
    /* names: 128 octets fine, 129 refused */
    CASE_BEGIN("xml name length");
    for (size_t len = 128; len <= 129; len++) {
        size_t o = 0;
        g_big[o++] = '<';
        for (size_t i = 0; i < len; i++) g_big[o++] = 'n';
        g_big[o++] = '/'; g_big[o++] = '>';
        CHECK_EQ(read_all(g_big, o, 0, NULL), len <= RK_XML_MAX_NAME ? RK_OK : RK_ERR_XML_NAME_LONG);
    }
    CASE_END();
    /* namespace declarations in scope: 32 fine, 33 refused */
    CASE_BEGIN("xml namespace count");
    for (size_t cnt = 32; cnt <= 33; cnt++) {
        size_t o = 0, els = (cnt + 1) / 2;
        for (size_t i = 0; i < cnt; i += 2)   /* two declarations per element */
            o += (size_t)sprintf((char *)g_big + o, i + 1 < cnt ?
                 "<e xmlns:p%zu=\"urn:%zu\" xmlns:q%zu=\"urn:q\">" : "<e xmlns:p%zu=\"urn:%zu\">", i, i, i);
        for (size_t i = 0; i < els; i++) { memcpy(g_big + o, "</e>", 4); o += 4; }
        CHECK_EQ(read_all(g_big, o, 0, NULL), cnt <= RK_XML_MAX_NS ? RK_OK : RK_ERR_XML_NS_COUNT);
    }
    CASE_END();
    /* total length */
    CASE_BEGIN("xml total length");
    CHECK_EQ(rk_xml_reader_init(&g_rd, g_big, (size_t)RK_XML_MAX_DOC_BYTES + 1u, 0), RK_ERR_XML_TOO_LONG);
    CHECK_EQ(rk_xml_next(&g_rd, &g_ev), RK_ERR_XML_TOO_LONG);
    CASE_END();
}

static void positives(void)
{
    static const char *ok[] = {
        "<a/>",
        "<?xml version=\"1.0\"?><a/>",
        "<?xml version='1.0' encoding='utf-8' standalone='yes'?>\n<a/>\n",
        "<?xml version = \"1.0\" encoding = \"UTF-8\" ?><a/>",
        "\xEF\xBB\xBF<?xml version=\"1.0\"?><a/>",
        "\xEF\xBB\xBF<a/>",
        "<!-- c --><a><!----><!-- x - y --></a><!-- after -->\n",
        "<a b='\"' c=\"'\" d=\"&lt;&amp;&gt;&quot;&apos;&#65;&#x42;&#x10FFFF;\">t&#xA;&#9;</a>",
        "<a>\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\x7F</a>",
        "<a xml:lang=\"en\" xmlns:p=\"urn:p\" p:x=\"1\" x=\"2\"/>",
        "<a  b = \"1\"\n\tc='2' ></a >",
        "<a>]]</a>",
        "<a>]></a>",
        "<a:b xmlns:a=\"urn:a\"><a:c/></a:b>",
        "<a xmlns=\"\"><b/></a>",
        "<a_b-c.d e_f=\"\"/>",
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        CASE_BEGIN("xml positive %zu", i);
        rk_status st = read_all((const uint8_t *)ok[i], strlen(ok[i]), 0, NULL);
        if (st != RK_OK)
            rk_t_failf(__FILE__, __LINE__, "'%s': %d (%s)", ok[i], st, rk_strerror(st));
        CASE_END();
    }
}

static int veq(const uint8_t *d, size_t n, rk_xml_view v, const char *s)
{
    return rk_xml_view_eq(d, n, v, (const uint8_t *)s, strlen(s));
}

static void events(void)
{
    static const char doc[] = "<?xml version=\"1.0\"?>\n<r:root xmlns:r=\"urn:r\" xmlns=\"urn:d\" a=\"1\" r:b=\"x&amp;y\">"
                              "hi<c/><!-- c -->there</r:root>";
    const uint8_t *d = (const uint8_t *)doc;
    size_t n = sizeof doc - 1;
    CHECK_EQ(rk_xml_reader_init(&g_rd, d, n, 0), RK_OK);
    CHECK_EQ(rk_xml_next(&g_rd, &g_ev), RK_OK);
    CHECK_EQ(g_ev.type, RK_XML_EV_START);
    CHECK_EQ(g_ev.depth, 1);
    CHECK(veq(d, n, g_ev.ns, "urn:r"));
    CHECK(veq(d, n, g_ev.prefix, "r"));
    CHECK(veq(d, n, g_ev.local, "root"));
    CHECK(veq(d, n, g_ev.qname, "r:root"));
    CHECK_EQ(g_ev.raw.off, 22);
    CHECK_EQ(d[g_ev.raw.off + g_ev.raw.len - 1], '>');
    CHECK_EQ(g_ev.nattrs, 2);
    CHECK(veq(d, n, g_ev.attr[0].local, "a"));
    CHECK_EQ(g_ev.attr[0].ns.len, 0);
    CHECK(veq(d, n, g_ev.attr[0].value, "1"));
    CHECK(veq(d, n, g_ev.attr[1].local, "b"));
    CHECK(veq(d, n, g_ev.attr[1].ns, "urn:r"));
    CHECK(veq(d, n, g_ev.attr[1].value, "x&amp;y"));
    {
        uint8_t buf[16];
        size_t bl;
        CHECK_EQ(rk_xml_decode(buf, sizeof buf, &bl, d + g_ev.attr[1].value.off,
                               g_ev.attr[1].value.len, RK_XML_DECODE_ATTR), RK_OK);
        CHECK_EQ(bl, 3);
        CHECK_MEM(buf, "x&y", 3);
    }
    CHECK_EQ(rk_xml_next(&g_rd, &g_ev), RK_OK);
    CHECK_EQ(g_ev.type, RK_XML_EV_TEXT);
    CHECK(veq(d, n, g_ev.text, "hi"));
    CHECK_EQ(rk_xml_next(&g_rd, &g_ev), RK_OK);
    CHECK_EQ(g_ev.type, RK_XML_EV_START);
    CHECK(veq(d, n, g_ev.ns, "urn:d"));
    CHECK_EQ(g_ev.depth, 2);
    CHECK_EQ(rk_xml_next(&g_rd, &g_ev), RK_OK);
    CHECK_EQ(g_ev.type, RK_XML_EV_END);
    CHECK(veq(d, n, g_ev.local, "c"));
    CHECK_EQ(g_ev.raw.len, 0);
    CHECK_EQ(rk_xml_next(&g_rd, &g_ev), RK_OK);
    CHECK_EQ(g_ev.type, RK_XML_EV_TEXT);
    CHECK(veq(d, n, g_ev.text, "there"));
    CHECK_EQ(rk_xml_next(&g_rd, &g_ev), RK_OK);
    CHECK_EQ(g_ev.type, RK_XML_EV_END);
    CHECK(veq(d, n, g_ev.raw, "</r:root>"));
    CHECK(veq(d, n, g_ev.ns, "urn:r"));
    CHECK_EQ(g_ev.depth, 1);
    CHECK_EQ(rk_xml_next(&g_rd, &g_ev), RK_OK);
    CHECK_EQ(g_ev.type, RK_XML_EV_EOF);
    CHECK_EQ(rk_xml_next(&g_rd, &g_ev), RK_OK);
    CHECK_EQ(g_ev.type, RK_XML_EV_EOF);
}

typedef struct {
    const char *in;
    int mode;
    const char *out;
    rk_status st;
} dec_case;

static void decode(void)
{
    static const dec_case dc[] = {
        { "a&lt;b&gt;c&amp;d&quot;e&apos;", RK_XML_DECODE_TEXT, "a<b>c&d\"e'", RK_OK },
        { "&#65;&#x42;&#xe9;&#x20AC;&#x1F600;", RK_XML_DECODE_TEXT, "AB\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", RK_OK },
        { "&#60;&#38;", RK_XML_DECODE_TEXT, "<&", RK_OK },  /* numeric refs to < and & */
        { "a\r\nb\rc\nd", RK_XML_DECODE_TEXT, "a\nb\nc\nd", RK_OK },
        { "a\r\nb\tc\nd\re", RK_XML_DECODE_ATTR, "a b c d e", RK_OK },
        { "&#9;&#xA;&#xD;", RK_XML_DECODE_ATTR, "\t\n\r", RK_OK },
        { "x&#0;", RK_XML_DECODE_TEXT, "", RK_ERR_XML_CHARREF_NUL },
        { "&#xD800;", RK_XML_DECODE_ATTR, "", RK_ERR_XML_CHARREF_SURROGATE },
        { "&foo;", RK_XML_DECODE_TEXT, "", RK_ERR_XML_ENTITY },
        { "a<b", RK_XML_DECODE_ATTR, "", RK_ERR_XML_ATTR_LT },
        { "\xC0\x80", RK_XML_DECODE_TEXT, "", RK_ERR_XML_UTF8_OVERLONG },
        { "]]>", RK_XML_DECODE_TEXT, "", RK_ERR_XML_CDATA_END },
    };
    for (size_t i = 0; i < sizeof dc / sizeof dc[0]; i++) {
        uint8_t buf[32];
        size_t bl = 99;
        CASE_BEGIN("xml decode %zu", i);
        memset(buf, 0xAA, sizeof buf);
        rk_status st = rk_xml_decode(buf, sizeof buf, &bl, (const uint8_t *)dc[i].in,
                                     strlen(dc[i].in), dc[i].mode);
        CHECK_EQ(st, dc[i].st);
        if (st == RK_OK) {
            CHECK_EQ(bl, strlen(dc[i].out));
            CHECK_MEM(buf, dc[i].out, bl);
        } else {
            CHECK_EQ(bl, 0);
            CHECK_ZERO(buf, sizeof buf);
        }
        CASE_END();
    }
    /* buffer too small: every cap below the need fails and zeroes */
    static const char in[] = "ab&#x1F600;c";
    for (size_t cap = 0; cap < 7; cap++) {
        uint8_t buf[8];
        size_t bl = 1;
        memset(buf, 0xAA, sizeof buf);
        CASE_BEGIN("xml decode cap %zu", cap);
        CHECK_EQ(rk_xml_decode(buf, cap, &bl, S(in), RK_XML_DECODE_TEXT), RK_ERR_BUFFER);
        CHECK_EQ(bl, 0);
        CHECK_ZERO(buf, cap);
        CASE_END();
    }
    uint8_t b7[7];
    size_t l7;
    CASE_BEGIN("xml decode exact cap");
    CHECK_EQ(rk_xml_decode(b7, 7, &l7, S(in), RK_XML_DECODE_TEXT), RK_OK);
    CHECK_EQ(l7, 7);
    CASE_END();
}


static void writer_basic(void)
{
    uint8_t buf[256];
    rk_xml_writer w;
    static const char want[] =
        "<r:doc xmlns:r=\"urn:r\" a=\"x&quot;&lt;&amp;&gt;'&#x9;&#xA;&#xD;\">t&lt;&amp;&gt;\"'\t\n&#xD;]]&gt;"
        "<e/></r:doc>";
    rk_xml_wattr at[2] = { { U8("xmlns:r"), 7, U8("urn:r"), 5 }, { U8("a"), 1, U8("x\"<&>'\t\n\r"), 9 } };
    rk_xml_writer_init(&w, buf, sizeof buf);
    CHECK_EQ(rk_xml_write_start(&w, U8("r:doc"), 5, at, 2, 0), RK_OK);
    CHECK_EQ(rk_xml_write_text(&w, U8("t<&>\"'\t\n\r]]>"), 12), RK_OK);
    CHECK_EQ(rk_xml_write_start(&w, U8("e"), 1, NULL, 0, 1), RK_OK);
    CHECK_EQ(rk_xml_write_end(&w, U8("r:doc"), 5), RK_OK);
    CHECK_EQ(w.pos, sizeof want - 1);
    CHECK_MEM(buf, want, sizeof want - 1);
    CHECK_EQ(read_all(buf, w.pos, 0, NULL), RK_OK);
    CHECK_EQ(rk_xml_write_raw(&w, U8("<!---->"), 7), RK_OK);
    CHECK_EQ(w.pos, sizeof want - 1 + 7);
}

static void writer_errors(void)
{
    uint8_t buf[64];
    rk_xml_writer w;
    struct { const char *name; const char *val; size_t vlen; rk_status want; } c[] = {
        { "", "v", 1, RK_ERR_XML_NAME },
        { "1a", "v", 1, RK_ERR_XML_NAME },
        { "a b", "v", 1, RK_ERR_XML_NAME },
        { "a:", "v", 1, RK_ERR_XML_QNAME },
        { "a:b:c", "v", 1, RK_ERR_XML_QNAME },
        { "\xC3\xA9", "v", 1, RK_ERR_XML_NAME },
        { "a", "\xC0\x80", 2, RK_ERR_XML_UTF8_OVERLONG },
        { "a", "\xED\xA0\x80", 3, RK_ERR_XML_UTF8_SURROGATE },
        { "a", "x\0", 2, RK_ERR_XML_NUL },
        { "a", "\x01", 1, RK_ERR_XML_CHAR },
        { "a", "\xE2\x82", 2, RK_ERR_XML_UTF8_TRUNCATED },
        { "a", "0123456789012345678901234567890123456789012345678901234567890123", 64, RK_ERR_BUFFER },
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        CASE_BEGIN("xml writer error %zu", i);
        rk_xml_wattr at = { U8("k"), 1, U8(c[i].val), c[i].vlen };
        rk_xml_wattr at2 = { U8(c[i].name), strlen(c[i].name), U8("v"), 1 };
        memset(buf, 0, sizeof buf);
        rk_xml_writer_init(&w, buf, sizeof buf);
        CHECK_EQ(rk_xml_write_raw(&w, U8("<x>"), 3), RK_OK);
        /* a bad name as element and as attribute name, a bad value as
         * attribute value and as text: the same code, nothing written */
        if (strcmp(c[i].name, "a") != 0) {
            CHECK_EQ(rk_xml_write_start(&w, U8(c[i].name), strlen(c[i].name), NULL, 0, 0), c[i].want);
            CHECK_EQ(rk_xml_write_start(&w, U8("a"), 1, &at2, 1, 0), c[i].want);
            CHECK_EQ(rk_xml_write_end(&w, U8(c[i].name), strlen(c[i].name)), c[i].want);
        } else {
            CHECK_EQ(rk_xml_write_start(&w, U8("a"), 1, &at, 1, 0), c[i].want);
            CHECK_EQ(rk_xml_write_text(&w, U8(c[i].val), c[i].vlen), c[i].want);
        }
        CHECK_EQ(w.pos, 3);
        CHECK_MEM(buf, "<x>", 3);
        CHECK_ZERO(buf + 3, sizeof buf - 3);
        CASE_END();
    }
    CASE_BEGIN("xml writer raw overflow");
    rk_xml_writer_init(&w, buf, 4);
    CHECK_EQ(rk_xml_write_raw(&w, U8("12345"), 5), RK_ERR_BUFFER);
    CHECK_EQ(w.pos, 0);
    CHECK_EQ(rk_xml_write_raw(&w, U8("1234"), 4), RK_OK);
    CHECK_EQ(rk_xml_write_end(&w, U8("a"), 1), RK_ERR_BUFFER);
    CHECK_EQ(w.pos, 4);
    CASE_END();
}

/* xorshift, deterministic */
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 11);
}

/* A random string of XML characters, weighted towards the special ones. */
static size_t rand_text(uint8_t *s, size_t cap)
{
    static const char *pieces[] = { "&", "<", ">", "\"", "'", "\r", "\n", "\t", "\r\n", "]]>", " ", "a",
                                    "Z", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "&amp;", "\x7F",
                                    "\xEF\xBF\xBD", "-", "--" };
    size_t n = 0, k = rnd() % 24;
    for (size_t i = 0; i < k; i++) {
        const char *p = pieces[rnd() % (sizeof pieces / sizeof pieces[0])];
        size_t l = strlen(p);
        if (n + l > cap)
            break;
        memcpy(s + n, p, l);
        n += l;
    }
    return n;
}

/* writer -> reader -> decode gives back every value exactly, and
 * writer -> reader -> writer is byte-identical. */
static void round_trip(void)
{
    static uint8_t buf[4096], buf2[4096], tv[128], av[128], dec[512];
    int bad = 0;
    for (int it = 0; it < 20000 && !bad; it++) {
        size_t tl = rand_text(tv, sizeof tv), al = rand_text(av, sizeof av), dl;
        rk_xml_writer w, w2;
        rk_xml_wattr at = { U8("v"), 1, av, al };
        rk_xml_writer_init(&w, buf, sizeof buf);
        if (rk_xml_write_start(&w, U8("r"), 1, &at, 1, 0) != RK_OK ||
            rk_xml_write_text(&w, tv, tl) != RK_OK || rk_xml_write_end(&w, U8("r"), 1) != RK_OK) {
            bad = 1;
            break;
        }
        rk_xml_writer_init(&w2, buf2, sizeof buf2);
        if (rk_xml_reader_init(&g_rd, buf, w.pos, 0) != RK_OK) { bad = 2; break; }
        int seen_text = 0;
        for (;;) {
            if (rk_xml_next(&g_rd, &g_ev) != RK_OK) { bad = 3; break; }
            if (g_ev.type == RK_XML_EV_EOF)
                break;
            if (g_ev.type == RK_XML_EV_START) {
                rk_xml_wattr a2;
                if (g_ev.nattrs != 1) { bad = 4; break; }
                if (rk_xml_decode(dec, sizeof dec, &dl, buf + g_ev.attr[0].value.off,
                                  g_ev.attr[0].value.len, RK_XML_DECODE_ATTR) != RK_OK ||
                    dl != al || memcmp(dec, av, al) != 0) { bad = 5; break; }
                a2.name = U8("v"); a2.name_len = 1; a2.value = dec; a2.value_len = dl;
                if (rk_xml_write_start(&w2, buf + g_ev.qname.off, g_ev.qname.len, &a2, 1, 0) != RK_OK) { bad = 6; break; }
            } else if (g_ev.type == RK_XML_EV_TEXT) {
                if (rk_xml_decode(dec, sizeof dec, &dl, buf + g_ev.text.off, g_ev.text.len,
                                  RK_XML_DECODE_TEXT) != RK_OK ||
                    dl != tl || memcmp(dec, tv, tl) != 0) { bad = 7; break; }
                if (rk_xml_write_text(&w2, dec, dl) != RK_OK) { bad = 8; break; }
                seen_text = 1;
            } else if (g_ev.type == RK_XML_EV_END) {
                if (rk_xml_write_end(&w2, buf + g_ev.qname.off, g_ev.qname.len) != RK_OK) { bad = 9; break; }
            }
        }
        if (!bad && (seen_text != (tl != 0))) bad = 10;
        if (!bad && (w2.pos != w.pos || memcmp(buf, buf2, w.pos) != 0)) bad = 11;
        if (bad)
            rk_t_hexdump("doc", buf, w.pos);
    }
    CHECK_EQ(bad, 0);
}

/* The TS 33.180 Annex D shaped KMS response: read it, pick PubAuthKey (in
 * the KMS interface namespace) and KmsUri of the certificate. */
static void kms_xml(void)
{
    static uint8_t doc[8192];
    char path[512];
    snprintf(path, sizeof path, "%s/xml/kms-init-response.xml", rk_vec_dir());
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f)
        return;
    size_t n = fread(doc, 1, sizeof doc, f);
    fclose(f);
    static const char kms_ns[] = "urn:3gpp:ns:mcsecKMSInterface:1.0";
    static const char kpak[] = "0450D4670BDE75244F28D2838A0D25558A7A72686D4522D4C8273FB6442AEBFA93"
                               "DBDD37551AFD263B5DFD617F3960C65A8C298850FF99F20366DCE7D4367217F4";
    char want_local[32] = "";
    int in_cert = 0, got_kpak = 0, got_uri = 0, ds = 0;
    size_t starts = 0;
    CHECK_EQ(rk_xml_reader_init(&g_rd, doc, n, 0), RK_OK);
    for (;;) {
        rk_status st = rk_xml_next(&g_rd, &g_ev);
        CHECK_EQ(st, RK_OK);
        if (st != RK_OK || g_ev.type == RK_XML_EV_EOF)
            break;
        if (g_ev.type == RK_XML_EV_START) {
            starts++;
            want_local[0] = 0;
            if (veq(doc, n, g_ev.ns, "http://www.w3.org/2000/09/xmldsig#"))
                ds++;
            if (!veq(doc, n, g_ev.ns, kms_ns))
                continue;
            if (veq(doc, n, g_ev.local, "KmsCertificate")) {
                in_cert = 1;
                CHECK_EQ(g_ev.nattrs, 2);
                CHECK(veq(doc, n, g_ev.attr[1].local, "Role"));
                CHECK(veq(doc, n, g_ev.attr[1].value, "Root"));
            }
            if (in_cert && (veq(doc, n, g_ev.local, "PubAuthKey") || veq(doc, n, g_ev.local, "KmsUri")))
                snprintf(want_local, sizeof want_local, "%.*s", (int)g_ev.local.len, (const char *)doc + g_ev.local.off);
        } else if (g_ev.type == RK_XML_EV_TEXT && want_local[0]) {
            /* hexBinary with whitespace: strip it the way the shim will */
            char hex[300];
            size_t h = 0;
            for (size_t i = 0; i < g_ev.text.len && h < sizeof hex - 1; i++) {
                uint8_t c = doc[g_ev.text.off + i];
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                    hex[h++] = (char)c;
            }
            hex[h] = 0;
            if (strcmp(want_local, "PubAuthKey") == 0) {
                CHECK(strcmp(hex, kpak) == 0);
                got_kpak = 1;
            } else {
                CHECK(strcmp(hex, "kms.example.org") == 0);
                got_uri = 1;
            }
        } else if (g_ev.type == RK_XML_EV_END) {
            want_local[0] = 0;
            if (veq(doc, n, g_ev.local, "KmsCertificate"))
                in_cert = 0;
        }
    }
    CHECK(got_kpak && got_uri);
    CHECK_EQ(ds, 8);
    CHECK_EQ(starts, 32);
}

void rk_suite_xml(void)
{
    RUN(negatives);
    RUN(codes_distinct);
    RUN(namespace_redeclarations);
    RUN(bounds);
    RUN(positives);
    RUN(events);
    RUN(decode);
    RUN(writer_basic);
    RUN(writer_errors);
    RUN(round_trip);
    RUN(kms_xml);
}
