/* SPDX-License-Identifier: Apache-2.0 */
/* The profile element (core/include/rootkey/profile.h): exact encoding,
 * finding every element in a realistic MCPTT user profile document, the
 * namespace tricks, every profile code, and upsert. */
#include <stdlib.h>
#include "rk_test.h"
#include "rootkey/profile.h"
#include "rootkey/b64.h"
#include "rootkey/status.h"

static rk_profile_ctx g_ctx;
static rk_profile_element g_els[16];
static uint8_t g_doc[65536];
static uint8_t g_out[65536];

#define U(s) (const uint8_t *)(s)

static size_t load_fixture(const char *rel)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", rk_vec_dir(), rel);
    FILE *f = fopen(path, "rb");
    if (!f) {
        rk_t_failf(__FILE__, __LINE__, "missing fixture %s", path);
        return 0;
    }
    size_t n = fread(g_doc, 1, sizeof g_doc, f);
    fclose(f);
    return n;
}

static int veq(const uint8_t *d, size_t n, rk_xml_view v, const char *s)
{
    return rk_xml_view_eq(d, n, v, U(s), strlen(s));
}

static void encode_exact(void)
{
    static const char want[] =
        "<rk:lmr-root-key xmlns:rk=\"urn:rootkey:xml:ns:lmr-root-key:1\" lmr-type=\"P25\" "
        "key-id=\"F1A2B3C4\" kms-uri=\"kms.example.org\" key-period=\"1388\">QUJD</rk:lmr-root-key>";
    uint8_t out[512];
    size_t n = 1;
    CHECK_EQ(rk_profile_encode_element(out, sizeof out, &n, RK_PROFILE_LMR_P25, 0xF1A2B3C4u,
                                       U("kms.example.org"), 15, 1388, U("QUJD"), 4), RK_OK);
    CHECK_EQ(n, sizeof want - 1);
    CHECK_MEM(out, want, sizeof want - 1);
    /* exact capacity works, one less fails and zeroes */
    CHECK_EQ(rk_profile_encode_element(out, sizeof want - 1, &n, RK_PROFILE_LMR_P25, 0xF1A2B3C4u,
                                       U("kms.example.org"), 15, 1388, U("QUJD"), 4), RK_OK);
    CHECK_EQ(rk_profile_encode_element(out, sizeof want - 2, &n, RK_PROFILE_LMR_P25, 0xF1A2B3C4u,
                                       U("kms.example.org"), 15, 1388, U("QUJD"), 4), RK_ERR_BUFFER);
    CHECK_EQ(n, 0);
    CHECK_ZERO(out, sizeof want - 2);
    /* other values: TETRA, key-id with leading zeros, period 0 and max */
    static const char want2[] =
        "<rk:lmr-root-key xmlns:rk=\"urn:rootkey:xml:ns:lmr-root-key:1\" lmr-type=\"TETRA\" "
        "key-id=\"0000000A\" kms-uri=\"k\" key-period=\"0\">AA==</rk:lmr-root-key>";
    CHECK_EQ(rk_profile_encode_element(out, sizeof out, &n, RK_PROFILE_LMR_TETRA, 10, U("k"), 1, 0,
                                       U("AA=="), 4), RK_OK);
    CHECK_EQ(n, sizeof want2 - 1);
    CHECK_MEM(out, want2, sizeof want2 - 1);
    CHECK_EQ(rk_profile_encode_element(out, sizeof out, &n, RK_PROFILE_LMR_OTHER, 0xFFFFFFFFu, U("k"), 1,
                                       999999999999u, U("AA=="), 4), RK_OK);
    CHECK(memmem(out, n, "key-id=\"FFFFFFFF\"", 17) != NULL);
    CHECK(memmem(out, n, "key-period=\"999999999999\"", 25) != NULL);
}

static void encode_negative(void)
{
    uint8_t out[512];
    size_t n;
    struct { int lmr; const char *uri; uint64_t kp; const char *b64; rk_status want; } c[] = {
        { 0, "k", 1, "AA==", RK_ERR_PROFILE_LMR_TYPE },
        { 4, "k", 1, "AA==", RK_ERR_PROFILE_LMR_TYPE },
        { 1, "", 1, "AA==", RK_ERR_PROFILE_KMS_URI },
        { 1, "a b", 1, "AA==", RK_ERR_PROFILE_KMS_URI },
        { 1, "a\"b", 1, "AA==", RK_ERR_PROFILE_KMS_URI },
        { 1, "a&b", 1, "AA==", RK_ERR_PROFILE_KMS_URI },
        { 1, "k\xC3\xA9", 1, "AA==", RK_ERR_PROFILE_KMS_URI },
        { 1, "k", 1000000000000u, "AA==", RK_ERR_PROFILE_KEY_PERIOD },
        { 1, "k", 1, "", RK_ERR_PROFILE_TEXT },
        { 1, "k", 1, "AA ==", RK_ERR_PROFILE_TEXT },
        { 1, "k", 1, "A<B", RK_ERR_PROFILE_TEXT },
        { 1, "k", 1, "AA-_", RK_ERR_PROFILE_TEXT },
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        CASE_BEGIN("profile encode negative %zu", i);
        memset(out, 0x55, sizeof out);
        n = 9;
        CHECK_EQ(rk_profile_encode_element(out, sizeof out, &n, c[i].lmr, 1, U(c[i].uri),
                                           strlen(c[i].uri), c[i].kp, U(c[i].b64), strlen(c[i].b64)),
                 c[i].want);
        CHECK_EQ(n, 0);
        CHECK_ZERO(out, sizeof out);
        CASE_END();
    }
    /* kms-uri of 255 octets is fine, 256 is not */
    static char longuri[257];
    memset(longuri, 'u', 256);
    CASE_BEGIN("profile kms-uri length");
    CHECK_EQ(rk_profile_encode_element(out, sizeof out, &n, 1, 1, U(longuri), 255, 1, U("AA=="), 4), RK_OK);
    CHECK_EQ(rk_profile_encode_element(out, sizeof out, &n, 1, 1, U(longuri), 256, 1, U("AA=="), 4),
             RK_ERR_PROFILE_KMS_URI);
    CASE_END();
}

static void find_realistic(void)
{
    size_t n = load_fixture("profile/user-profile-1.xml"), cnt = 99;
    CHECK(n > 1000);
    CHECK_EQ(rk_profile_find(&g_ctx, g_doc, n, 0, g_els, 16, &cnt), RK_OK);
    CHECK_EQ(cnt, 4);
    /* document order: the OTHER one in the vendor extension, then anyExt's three */
    CHECK_EQ(g_els[0].lmr, RK_PROFILE_LMR_OTHER);
    CHECK_EQ(g_els[0].key_id_value, 0x0000A0B1u);
    CHECK_EQ(g_els[0].key_period_value, 7);
    CHECK_EQ(g_els[0].under_anyext, 0);
    CHECK_EQ(g_els[0].depth, 4);
    CHECK(veq(g_doc, n, g_els[0].kms_uri, "kms.other.example"));
    CHECK(veq(g_doc, n, g_els[0].text, "AAAA"));
    CHECK_EQ(g_els[1].lmr, RK_PROFILE_LMR_P25);
    CHECK_EQ(g_els[1].key_id_value, 0xF1A2B3C4u);
    CHECK_EQ(g_els[1].key_period_value, 1388);
    CHECK_EQ(g_els[1].under_anyext, 1);
    CHECK(veq(g_doc, n, g_els[1].key_id, "F1A2B3C4"));
    CHECK(veq(g_doc, n, g_els[1].lmr_type, "P25"));
    CHECK(veq(g_doc, n, g_els[1].key_period, "1388"));
    CHECK(g_els[1].text.len > 80);
    CHECK(memmem(g_doc + g_els[1].text.off, g_els[1].text.len, "MTIzNDU2Nzg5Ojs8PT4/QA==", 24) != NULL);
    /* the element view runs from '<' to the end tag's '>' */
    CHECK(g_doc[g_els[1].element.off] == '<');
    CHECK(memcmp(g_doc + g_els[1].element.off + g_els[1].element.len - 18, "</rk:lmr-root-key>", 18) == 0);
    CHECK_EQ(g_els[2].key_period_value, 1389);   /* the next key period */
    CHECK(veq(g_doc, n, g_els[2].text, "AQID"));
    CHECK_EQ(g_els[3].lmr, RK_PROFILE_LMR_TETRA); /* another prefix, same namespace */
    CHECK_EQ(g_els[3].key_id_value, 0x0A0B0C0Du);
    /* too small an array: an error, nothing partial */
    CHECK_EQ(rk_profile_find(&g_ctx, g_doc, n, 0, g_els, 3, &cnt), RK_ERR_PROFILE_TOO_MANY);
    CHECK_EQ(cnt, 0);
    CHECK_ZERO(g_els, 3 * sizeof g_els[0]);
}

/* The found text goes straight to rk_b64_decode with RK_B64_ALLOW_SPACE
 * (the fixture's element wraps its base64 over lines). */
static void find_then_b64(void)
{
    size_t n = load_fixture("profile/user-profile-1.xml"), cnt, ml;
    uint8_t msg[128], want[64];
    CHECK_EQ(rk_profile_find(&g_ctx, g_doc, n, 0, g_els, 16, &cnt), RK_OK);
    CHECK_EQ(cnt, 4);
    for (size_t i = 0; i < 64; i++)
        want[i] = (uint8_t)(i + 1);
    CHECK_EQ(rk_b64_decode(msg, sizeof msg, (const char *)g_doc + g_els[1].text.off, g_els[1].text.len,
                           &ml, RK_B64_ALLOW_SPACE), RK_OK);
    CHECK_EQ(ml, 64);
    CHECK_MEM(msg, want, 64);
    CHECK_EQ(rk_b64_decode(msg, sizeof msg, (const char *)g_doc + g_els[2].text.off, g_els[2].text.len,
                           &ml, RK_B64_ALLOW_SPACE), RK_OK);
    CHECK_EQ(ml, 3);
    CHECK_MEM(msg, want, 3);
}

/* Build a profile document around body. */
static size_t wrap(char *buf, size_t cap, const char *body)
{
    return (size_t)snprintf(buf, cap,
        "<?xml version=\"1.0\"?><mcptt-user-profile xmlns=\"urn:3gpp:ns:mcpttUserProfile:1.0\" "
        "xmlns:rk=\"urn:rootkey:xml:ns:lmr-root-key:1\"><anyExt>%s</anyExt></mcptt-user-profile>", body);
}

#define EL(attrs, text) "<rk:lmr-root-key " attrs ">" text "</rk:lmr-root-key>"
#define A4 "lmr-type=\"P25\" key-id=\"F1A2B3C4\" kms-uri=\"k.example\" key-period=\"1388\""

static void find_cases(void)
{
    static char doc[4096];
    struct { const char *name; const char *body; rk_status want; size_t count; } c[] = {
        { "one element", EL(A4, "QUJD"), RK_OK, 1 },
        { "duplicates reported", EL(A4, "QUJD") EL(A4, "QUJE") EL(A4, "QUJF"), RK_OK, 3 },
        { "two LMR systems", EL(A4, "QUJD") EL("lmr-type=\"TETRA\" key-id=\"00000001\" kms-uri=\"k\" key-period=\"1388\"", "QQ=="), RK_OK, 2 },
        { "default namespace form", "<lmr-root-key xmlns=\"urn:rootkey:xml:ns:lmr-root-key:1\" " A4 ">QUJD</lmr-root-key>", RK_OK, 1 },
        { "same local name, other namespace", "<x:lmr-root-key xmlns:x=\"urn:other\" " A4 ">QUJD</x:lmr-root-key>", RK_OK, 0 },
        { "no namespace", "<lmr-root-key xmlns=\"\" " A4 ">QUJD</lmr-root-key>", RK_OK, 0 },
        { "prefix rebinding", "<rk:lmr-root-key xmlns:rk=\"urn:evil\" " A4 ">QUJD</rk:lmr-root-key>", RK_OK, 0 },
        { "unbound prefix", "<zz:lmr-root-key " A4 ">QUJD</zz:lmr-root-key>", RK_ERR_XML_NS_UNBOUND, 0 },
        { "wrong case", "<rk:LMR-root-key " A4 ">QUJD</rk:LMR-root-key>", RK_OK, 0 },
        { "foreign attribute ignored", EL(A4 " xmlns:v=\"urn:v\" v:x=\"1\" xml:lang=\"en\"", "QUJD"), RK_OK, 1 },
        { "comment before text", EL(A4, "<!-- c -->QUJD"), RK_OK, 1 },
        { "whitespace in text", EL(A4, "\n  QU\r\n JD\t"), RK_OK, 1 },
        { "missing lmr-type", EL("key-id=\"F1A2B3C4\" kms-uri=\"k\" key-period=\"1\"", "QUJD"), RK_ERR_PROFILE_ATTR_MISSING, 0 },
        { "missing key-period", EL("lmr-type=\"P25\" key-id=\"F1A2B3C4\" kms-uri=\"k\"", "QUJD"), RK_ERR_PROFILE_ATTR_MISSING, 0 },
        { "unknown attribute", EL(A4 " extra=\"1\"", "QUJD"), RK_ERR_PROFILE_ATTR_UNKNOWN, 0 },
        { "duplicate attribute", EL(A4 " key-id=\"F1A2B3C4\"", "QUJD"), RK_ERR_XML_ATTR_DUP, 0 },
        { "bad lmr-type", EL("lmr-type=\"p25\" key-id=\"F1A2B3C4\" kms-uri=\"k\" key-period=\"1\"", "QUJD"), RK_ERR_PROFILE_LMR_TYPE, 0 },
        { "key-id 7 digits", EL("lmr-type=\"P25\" key-id=\"F1A2B3C\" kms-uri=\"k\" key-period=\"1\"", "QUJD"), RK_ERR_PROFILE_KEY_ID, 0 },
        { "key-id 9 digits", EL("lmr-type=\"P25\" key-id=\"F1A2B3C40\" kms-uri=\"k\" key-period=\"1\"", "QUJD"), RK_ERR_PROFILE_KEY_ID, 0 },
        { "key-id not hex", EL("lmr-type=\"P25\" key-id=\"F1A2B3CG\" kms-uri=\"k\" key-period=\"1\"", "QUJD"), RK_ERR_PROFILE_KEY_ID, 0 },
        { "kms-uri empty", EL("lmr-type=\"P25\" key-id=\"F1A2B3C4\" kms-uri=\"\" key-period=\"1\"", "QUJD"), RK_ERR_PROFILE_KMS_URI, 0 },
        { "kms-uri reference", EL("lmr-type=\"P25\" key-id=\"F1A2B3C4\" kms-uri=\"a&amp;b\" key-period=\"1\"", "QUJD"), RK_ERR_PROFILE_KMS_URI, 0 },
        { "key-period leading zero", EL("lmr-type=\"P25\" key-id=\"F1A2B3C4\" kms-uri=\"k\" key-period=\"01\"", "QUJD"), RK_ERR_PROFILE_KEY_PERIOD, 0 },
        { "key-period 13 digits", EL("lmr-type=\"P25\" key-id=\"F1A2B3C4\" kms-uri=\"k\" key-period=\"1000000000000\"", "QUJD"), RK_ERR_PROFILE_KEY_PERIOD, 0 },
        { "key-period sign", EL("lmr-type=\"P25\" key-id=\"F1A2B3C4\" kms-uri=\"k\" key-period=\"-1\"", "QUJD"), RK_ERR_PROFILE_KEY_PERIOD, 0 },
        { "child element", EL(A4, "QUJD<x/>"), RK_ERR_PROFILE_CONTENT, 0 },
        { "nested element", EL(A4, EL(A4, "QUJD")), RK_ERR_PROFILE_CONTENT, 0 },
        { "text split by comment", EL(A4, "QU<!-- c -->JD"), RK_ERR_PROFILE_CONTENT, 0 },
        { "empty element", "<rk:lmr-root-key " A4 "/>", RK_ERR_PROFILE_TEXT, 0 },
        { "text not base64", EL(A4, "QU-JD"), RK_ERR_PROFILE_TEXT, 0 },
        { "text with reference", EL(A4, "QU&#74;D"), RK_ERR_PROFILE_TEXT, 0 },
        { "PI inside element", EL(A4, "<?x y?>QUJD"), RK_ERR_XML_PI, 0 },
        { "CDATA inside element", EL(A4, "<![CDATA[QUJD]]>"), RK_ERR_XML_CDATA, 0 },
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        size_t n = wrap(doc, sizeof doc, c[i].body), cnt = 77;
        CASE_BEGIN("profile find: %s", c[i].name);
        rk_status st = rk_profile_find(&g_ctx, U(doc), n, 0, g_els, 16, &cnt);
        if (st != c[i].want)
            rk_t_failf(__FILE__, __LINE__, "%s: got %d (%s), want %d", c[i].name, st, rk_strerror(st), c[i].want);
        CHECK_EQ(cnt, c[i].count);
        CASE_END();
    }
    /* the root */
    struct { const char *name; const char *doc; rk_status want; } r[] = {
        { "root other namespace", "<mcptt-user-profile xmlns=\"urn:3gpp:ns:mcpttUserProfile:2.0\"/>", RK_ERR_PROFILE_ROOT },
        { "root no namespace", "<mcptt-user-profile/>", RK_ERR_PROFILE_ROOT },
        { "root other name", "<mcdata-user-profile xmlns=\"urn:3gpp:ns:mcpttUserProfile:1.0\"/>", RK_ERR_PROFILE_ROOT },
        { "root prefixed", "<up:mcptt-user-profile xmlns:up=\"urn:3gpp:ns:mcpttUserProfile:1.0\"/>", RK_OK },
        { "DOCTYPE", "<!DOCTYPE mcptt-user-profile><mcptt-user-profile xmlns=\"urn:3gpp:ns:mcpttUserProfile:1.0\"/>", RK_ERR_XML_DOCTYPE },
        { "error after the element", "<mcptt-user-profile xmlns=\"urn:3gpp:ns:mcpttUserProfile:1.0\">"
          EL("xmlns:rk=\"urn:rootkey:xml:ns:lmr-root-key:1\" " A4, "QUJD") "</mcptt-user-profile><x/>", RK_ERR_XML_MULTIPLE_ROOTS },
    };
    for (size_t i = 0; i < sizeof r / sizeof r[0]; i++) {
        size_t cnt = 5;
        CASE_BEGIN("profile find: %s", r[i].name);
        CHECK_EQ(rk_profile_find(&g_ctx, U(r[i].doc), strlen(r[i].doc), 0, g_els, 16, &cnt), r[i].want);
        CHECK_EQ(cnt, 0);
        CASE_END();
    }
    /* namespace re-declarations: the rebound prefix is simply not ours, the
     * default-namespace form is found by URI; the opt-in strict mode
     * refuses both */
    CASE_BEGIN("profile find rebinding and default namespace");
    {
        size_t n = wrap(doc, sizeof doc, "<rk:lmr-root-key xmlns:rk=\"urn:evil\" " A4 ">QUJD</rk:lmr-root-key>" EL(A4, "QUJD")), cnt;
        CHECK_EQ(rk_profile_find(&g_ctx, U(doc), n, 0, g_els, 16, &cnt), RK_OK);
        CHECK_EQ(cnt, 1);
        CHECK_EQ(rk_profile_find(&g_ctx, U(doc), n, RK_XML_NS_STRICT, g_els, 16, &cnt), RK_ERR_XML_NS_REBIND);
        CHECK_EQ(cnt, 0);
        n = wrap(doc, sizeof doc, "<lmr-root-key xmlns=\"urn:rootkey:xml:ns:lmr-root-key:1\" " A4 ">QUJD</lmr-root-key>"
                 "<lmr-root-key xmlns=\"\" " A4 ">QUJD</lmr-root-key>");
        CHECK_EQ(rk_profile_find(&g_ctx, U(doc), n, 0, g_els, 16, &cnt), RK_OK);
        CHECK_EQ(cnt, 1);
        CHECK_EQ(rk_profile_find(&g_ctx, U(doc), n, RK_XML_NS_STRICT, g_els, 16, &cnt), RK_ERR_XML_NS_DEFAULT_CHANGE);
        CHECK_EQ(cnt, 0);
    }
    CASE_END();
}

/* upsert, then find in the result */
static void upsert(void)
{
    static char doc[4096];
    size_t n, on, cnt;
    /* replace the one with the same key-id and key-period */
    n = load_fixture("profile/user-profile-1.xml");
    CASE_BEGIN("profile upsert replace");
    CHECK_EQ(rk_profile_upsert(&g_ctx, g_out, sizeof g_out, &on, g_doc, n, 0, RK_PROFILE_LMR_P25,
                               0xF1A2B3C4u, U("kms.example.org"), 15, 1388, U("QkJC"), 4), RK_OK);
    CHECK_EQ(rk_profile_find(&g_ctx, g_out, on, 0, g_els, 16, &cnt), RK_OK);
    CHECK_EQ(cnt, 4);
    CHECK(veq(g_out, on, g_els[1].text, "QkJC"));
    CHECK_EQ(g_els[1].key_period_value, 1388);
    CHECK_EQ(g_els[1].under_anyext, 1);
    CHECK(veq(g_out, on, g_els[2].text, "AQID"));
    /* everything before the replaced element is untouched */
    CHECK_MEM(g_out, g_doc, 200);
    CASE_END();
    /* insert: a new key period goes last into anyExt */
    CASE_BEGIN("profile upsert insert into anyExt");
    CHECK_EQ(rk_profile_upsert(&g_ctx, g_out, sizeof g_out, &on, g_doc, n, 0, RK_PROFILE_LMR_P25,
                               0xF1A2B3C4u, U("kms.example.org"), 15, 1390, U("QkJC"), 4), RK_OK);
    CHECK_EQ(rk_profile_find(&g_ctx, g_out, on, 0, g_els, 16, &cnt), RK_OK);
    CHECK_EQ(cnt, 5);
    CHECK_EQ(g_els[4].key_period_value, 1390);
    CHECK_EQ(g_els[4].under_anyext, 1);
    CASE_END();
    /* documents without anyExt, with <anyExt/>, an empty root, a prefixed root */
    struct { const char *name; const char *in; const char *out; } c[] = {
        { "no anyExt", "<mcptt-user-profile xmlns=\"urn:3gpp:ns:mcpttUserProfile:1.0\"><Name>a</Name></mcptt-user-profile>",
          "<mcptt-user-profile xmlns=\"urn:3gpp:ns:mcpttUserProfile:1.0\"><Name>a</Name><anyExt>@</anyExt></mcptt-user-profile>" },
        { "empty anyExt", "<mcptt-user-profile xmlns=\"urn:3gpp:ns:mcpttUserProfile:1.0\"><anyExt /></mcptt-user-profile>",
          "<mcptt-user-profile xmlns=\"urn:3gpp:ns:mcpttUserProfile:1.0\"><anyExt >@</anyExt></mcptt-user-profile>" },
        { "empty root", "<mcptt-user-profile xmlns=\"urn:3gpp:ns:mcpttUserProfile:1.0\"/>\n",
          "<mcptt-user-profile xmlns=\"urn:3gpp:ns:mcpttUserProfile:1.0\"><anyExt>@</anyExt></mcptt-user-profile>\n" },
        { "prefixed root", "<up:mcptt-user-profile xmlns:up=\"urn:3gpp:ns:mcpttUserProfile:1.0\"></up:mcptt-user-profile>",
          "<up:mcptt-user-profile xmlns:up=\"urn:3gpp:ns:mcpttUserProfile:1.0\"><up:anyExt>@</up:anyExt></up:mcptt-user-profile>" },
        { "anyExt not child of root", "<mcptt-user-profile xmlns=\"urn:3gpp:ns:mcpttUserProfile:1.0\"><a><anyExt/></a></mcptt-user-profile>",
          "<mcptt-user-profile xmlns=\"urn:3gpp:ns:mcpttUserProfile:1.0\"><a><anyExt/></a><anyExt>@</anyExt></mcptt-user-profile>" },
    };
    static const char el[] =
        "<rk:lmr-root-key xmlns:rk=\"urn:rootkey:xml:ns:lmr-root-key:1\" lmr-type=\"P25\" "
        "key-id=\"F1A2B3C4\" kms-uri=\"k\" key-period=\"5\">QUJD</rk:lmr-root-key>";
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        char want[1024];
        const char *at = strchr(c[i].out, '@');
        size_t pre = (size_t)(at - c[i].out);
        snprintf(want, sizeof want, "%.*s%s%s", (int)pre, c[i].out, el, at + 1);
        CASE_BEGIN("profile upsert: %s", c[i].name);
        CHECK_EQ(rk_profile_upsert(&g_ctx, g_out, sizeof g_out, &on, U(c[i].in), strlen(c[i].in), 0,
                                   RK_PROFILE_LMR_P25, 0xF1A2B3C4u, U("k"), 1, 5, U("QUJD"), 4), RK_OK);
        CHECK_EQ(on, strlen(want));
        CHECK_MEM(g_out, want, strlen(want));
        CHECK_EQ(rk_profile_find(&g_ctx, g_out, on, 0, g_els, 16, &cnt), RK_OK);
        CHECK_EQ(cnt, 1);
        CASE_END();
    }
    /* several to replace: refused; too small a buffer: refused and zeroed */
    CASE_BEGIN("profile upsert duplicate");
    n = wrap(doc, sizeof doc, EL(A4, "QUJD") EL(A4, "QUJE"));
    memset(g_out, 0x5A, 4096);
    CHECK_EQ(rk_profile_upsert(&g_ctx, g_out, 4096, &on, U(doc), n, 0, RK_PROFILE_LMR_P25,
                               0xF1A2B3C4u, U("k.example"), 9, 1388, U("QUJD"), 4), RK_ERR_PROFILE_DUPLICATE);
    CHECK_EQ(on, 0);
    CHECK_ZERO(g_out, 4096);
    CASE_END();
    CASE_BEGIN("profile upsert buffer");
    n = wrap(doc, sizeof doc, "");
    {
        size_t need;
        CHECK_EQ(rk_profile_upsert(&g_ctx, g_out, 4096, &need, U(doc), n, 0, RK_PROFILE_LMR_P25,
                                   1, U("k"), 1, 1, U("QUJD"), 4), RK_OK);
        for (size_t cap = need - 3; cap < need; cap++) {
            memset(g_out, 0x5A, 4096);
            CHECK_EQ(rk_profile_upsert(&g_ctx, g_out, cap, &on, U(doc), n, 0, RK_PROFILE_LMR_P25,
                                       1, U("k"), 1, 1, U("QUJD"), 4), RK_ERR_BUFFER);
            CHECK_EQ(on, 0);
            CHECK_ZERO(g_out, cap);
        }
    }
    CASE_END();
    CASE_BEGIN("profile upsert where rk is bound elsewhere");
    {
        static const char d2[] = "<mcptt-user-profile xmlns=\"urn:3gpp:ns:mcpttUserProfile:1.0\" "
                                 "xmlns:rk=\"urn:not-rootkey\"><anyExt/></mcptt-user-profile>";
        memset(g_out, 0x5A, 4096);
        CHECK_EQ(rk_profile_upsert(&g_ctx, g_out, 4096, &on, U(d2), sizeof d2 - 1, RK_XML_NS_STRICT,
                                   RK_PROFILE_LMR_P25, 1, U("k"), 1, 1, U("QUJD"), 4), RK_ERR_XML_NS_REBIND);
        CHECK_EQ(on, 0);
        CHECK_ZERO(g_out, 4096);
        CHECK_EQ(rk_profile_upsert(&g_ctx, g_out, 4096, &on, U(d2), sizeof d2 - 1, 0,
                                   RK_PROFILE_LMR_P25, 1, U("k"), 1, 1, U("QUJD"), 4), RK_OK);
        CHECK_EQ(rk_profile_find(&g_ctx, g_out, on, 0, g_els, 16, &cnt), RK_OK);
        CHECK_EQ(cnt, 1);
    }
    CASE_END();
    CASE_BEGIN("profile upsert bad document / bad element");
    CHECK_EQ(rk_profile_upsert(&g_ctx, g_out, 4096, &on, U("<a/>"), 4, 0, RK_PROFILE_LMR_P25,
                               1, U("k"), 1, 1, U("QUJD"), 4), RK_ERR_PROFILE_ROOT);
    n = wrap(doc, sizeof doc, "");
    CHECK_EQ(rk_profile_upsert(&g_ctx, g_out, 4096, &on, U(doc), n, 0, 9,
                               1, U("k"), 1, 1, U("QUJD"), 4), RK_ERR_PROFILE_LMR_TYPE);
    CASE_END();
}

static void codes_distinct(void)
{
    for (int c = -1000; c >= -1010; c--) {
        CHECK(strncmp(rk_strerror(c), "profile: ", 9) == 0);
        for (int d = c - 1; d >= -1010; d--)
            CHECK(strcmp(rk_strerror(c), rk_strerror(d)) != 0);
    }
}

void rk_suite_profile(void)
{
    RUN(encode_exact);
    RUN(encode_negative);
    RUN(find_realistic);
    RUN(find_then_b64);
    find_cases();
    RUN(upsert);
    RUN(codes_distinct);
}
