/* Tests that catch weakened security checks (issue 22; docs/mutants.md):
 * each case fails when one named check of core/ or shims/ is removed or
 * weakened, which the other suites did not notice.
 *
 *  - element_attributes: through rk_client_unwrap_doc, a genuine message
 *    in an lmr-root-key element whose lmr-type, key-id or key-period
 *    contradicts the signed message is refused with RK_ERR_RK_ELEMENT and
 *    nothing is stored (shims/client/client.c, the attribute check).  The
 *    kms-uri attribute is not compared with the message today (the client
 *    checks IDRkmsr against its own KMS only): docs/mutants.md. */
#include <sodium.h>
#include "rk_test.h"
#include "client/client.h"
#include "client/keystore.h"
#include "common/kms.h"
#include "iwf/iwf.h"
#include "rootkey/profile.h"

#define U8(s) ((const uint8_t *)(s))
#define NOW 1764300000

static const char *kms_uri = "kms.mutants.test";
static const char *iwf_uri = "sip:lmr-iwf@mutants.test", *user_uri = "sip:carol@mutants.test";

/* The issued key set of uri for the current key period, as KMS XML. */
static int keyset_xml(const rk_kms_master *m, const char *uri, uint8_t *xml, size_t cap, size_t *len)
{
    rk_kms_keyset *k = sodium_malloc(sizeof *k);
    uint64_t no;
    int ok = k && rk_kms_period_now(&no, &m->cert, NOW) == RK_OK && rk_kms_issue(k, m, uri, no) == RK_OK &&
             rk_kms_keyset_write(xml, cap, len, k) == RK_OK;
    if (k) sodium_free(k);
    return ok;
}

#define PROFILE_HEAD "<mcptt-user-profile xmlns=\"urn:3gpp:ns:mcpttUserProfile:1.0\">"

/* A profile document holding the one element el[0..elen-1]. */
static size_t profile_doc(uint8_t *doc, size_t cap, const uint8_t *el, size_t elen)
{
    int n = snprintf((char *)doc, cap, PROFILE_HEAD "%.*s</mcptt-user-profile>", (int)elen, (const char *)el);
    return n > 0 && (size_t)n < cap ? (size_t)n : 0;
}

/* Unwrap the document holding one element on a fresh store: the status,
 * *stored the entries kept. */
static rk_status client_unwrap(rk_client *c, const uint8_t *el, size_t elen, size_t *stored)
{
    static uint8_t doc[8192];
    rk_keystore *ks = rk_keystore_new(4);
    size_t n_ok = 0, n_bad = 0, dl = profile_doc(doc, sizeof doc, el, elen);
    rk_status st = RK_ERR_ALLOC;
    *stored = 99;
    if (!ks) return st;
    st = rk_client_unwrap_doc(c, ks, doc, dl, NOW + 5, &n_ok, &n_bad);
    *stored = rk_keystore_count(ks);
    CHECK_EQ(n_ok + n_bad, 1);
    rk_keystore_free(ks);
    return st;
}

static void element_attributes(void)
{
    static rk_kms_master m;
    static uint8_t xml[8192], el[8192], el2[8192];
    static rk_profile_ctx pc;
    size_t xl, elen, el2len, count = 0, stored;
    uint32_t key_id;
    uint64_t period;
    char err[256];
    rk_iwf w;
    rk_client c;
    rk_lmr_block b;
    rk_profile_element pe;

    CASE_BEGIN("element attributes: the genuine element opens");
    memset(&b, 0, sizeof b);
    b.lmr_type = RK_LMR_P25;
    b.wacn = 0xBEE00; b.system_id = 0x3A1; b.unit_id = 7654321;
    b.algid = 0x84; b.key_id = 0x1234; b.keyset_id = 1;
    b.key_len = 32;
    memset(b.key, 0xA5, 32);
    int ok = rk_kms_master_create(&m, kms_uri, 2592000, 0) == RK_OK &&
             keyset_xml(&m, iwf_uri, xml, sizeof xml, &xl) &&
             rk_iwf_open(&w, &m.cert, &m.cert, xml, xl, NOW, err, sizeof err) == RK_OK;
    ok = ok && rk_iwf_element(&w, user_uri, &b, NOW, el, sizeof el, &elen, &key_id, &period, err,
                              sizeof err) == RK_OK;
    rk_iwf_close(&w);
    ok = ok && keyset_xml(&m, user_uri, xml, sizeof xml, &xl) &&
         rk_client_open(&c, &m.cert, &m.cert, iwf_uri, xml, xl, 0, err, sizeof err) == RK_OK;
    ok = ok && rk_profile_find(&pc, xml, profile_doc(xml, sizeof xml, el, elen), 0, &pe, 1, &count) == RK_OK &&
         count == 1;
    CHECK(ok);
    if (!ok) { CASE_END(); return; }
    pe.text.off -= strlen(PROFILE_HEAD);      /* the view into el */

    /* the element as written opens (the control) */
    CHECK_EQ(client_unwrap(&c, el, elen, &stored), RK_OK);
    CHECK_EQ(stored, 1);
    CASE_END();

    /* each attribute in turn contradicts the message; the text is the same */
    struct { int lmr; uint32_t id; uint64_t period; const char *what; } bad[] = {
        { RK_PROFILE_LMR_TETRA, key_id, period, "lmr-type TETRA for a P25 block" },
        { RK_PROFILE_LMR_OTHER, key_id, period, "lmr-type OTHER for a P25 block" },
        { RK_PROFILE_LMR_P25, key_id ^ 1u, period, "key-id one bit off" },
        { RK_PROFILE_LMR_P25, key_id ^ 0x80000000u, period, "key-id with another purpose tag" },
        { RK_PROFILE_LMR_P25, key_id, period + 1, "key-period the next one" },
        { RK_PROFILE_LMR_P25, key_id, period - 1, "key-period the one before" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CASE_BEGIN("element attribute contradicts the message: %s", bad[i].what);
        CHECK_EQ(rk_profile_encode_element(el2, sizeof el2, &el2len, bad[i].lmr, bad[i].id, U8(kms_uri),
                                           strlen(kms_uri), bad[i].period, el + pe.text.off,
                                           pe.text.len), RK_OK);
        CHECK_EQ(client_unwrap(&c, el2, el2len, &stored), RK_ERR_RK_ELEMENT);
        CHECK_EQ(stored, 0);
        CASE_END();
    }
    /* the same attributes re-encoded open: only the contradiction refuses */
    CASE_BEGIN("element attributes: re-encoded unchanged, it opens");
    CHECK_EQ(rk_profile_encode_element(el2, sizeof el2, &el2len, RK_PROFILE_LMR_P25, key_id, U8(kms_uri),
                                       strlen(kms_uri), period, el + pe.text.off, pe.text.len), RK_OK);
    CHECK_EQ(client_unwrap(&c, el2, el2len, &stored), RK_OK);
    rk_client_close(&c);
    CASE_END();
}

void rk_suite_mutants(void)
{
    element_attributes();
}
