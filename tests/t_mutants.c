/* SPDX-License-Identifier: Apache-2.0 */
/* Tests that catch weakened security checks (issue 22; docs/mutants.md):
 * each case fails when one named check of core/ or shims/ is removed or
 * weakened, which the other suites did not notice.
 *
 *  - element_attributes: through rk_client_unwrap_doc, a genuine message
 *    in an lmr-root-key element whose lmr-type, key-id, key-period or
 *    kms-uri contradicts the signed message is refused with
 *    RK_ERR_RK_ELEMENT and nothing is stored (rk_rootkey_element_check in
 *    core/src/msg/rootkey_element.c, called by shims/client/client.c; kms-uri
 *    against the user's KMS, which the unwrap matched against IDRkmsr).
 *  - element_check_core: rk_rootkey_element_check directly, every bit of
 *    key-id and every octet of kms-uri.
 *  - iwf_text: the element the IWF writes carries the E.6 Text
 *    RK_ROOTKEY_TEXT (docs/profile-element.md §3; shims/iwf/iwf.c).
 *  - zeroisation: a SAKKE decapsulation (RFC 6508 Appendix A) and a
 *    root-key unwrap run on a stack of their own (ucontext, a static buffer
 *    painted first), which is then scanned for the secrets they handled:
 *    the pairing value <R, K> as octets, the SSV (K_T), the root key (and
 *    the unwrap's scratch too).  A wipe
 *    removed leaves one of them behind.  Not under ASan or valgrind (stack
 *    switching confuses both; make check runs it): there the two cases are
 *    counted as skipped (CASE_SKIP), not as passed. */
#include <sodium.h>
#include <ucontext.h>
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)    /* not in the cross sysroots */
#include <valgrind/valgrind.h>
#define HAVE_VALGRIND_H 1
#endif
#endif
#include "rk_test.h"
#include "client/client.h"
#include "client/keystore.h"
#include "common/kms.h"
#include "iwf/iwf.h"
#include "rootkey/b64.h"
#include "rootkey/ct.h"
#include "rootkey/mikey.h"
#include "rootkey/pairing.h"
#include "rootkey/profile.h"
#include "rootkey/rootkey.h"
#include "rootkey/rootkey_element.h"
#include "rootkey/sakke.h"
#include "sk_common.h"

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
    rk_client_counts n = {0};
    size_t dl = profile_doc(doc, sizeof doc, el, elen);
    rk_status st = RK_ERR_ALLOC;
    *stored = 99;
    if (!ks) return st;
    st = rk_client_unwrap_doc(c, ks, doc, dl, NOW + 5, &n);
    *stored = rk_keystore_count(ks);
    CHECK_EQ(n.ok + n.bad, 1);
    rk_keystore_free(ks);
    return st;
}

/* ------------------------------------------------------------ zeroisation */

static uint8_t op_stack[1 << 20];        /* the operation's stack, scanned after */
static ucontext_t main_uc, op_uc;
static void (*op_fn)(void);

static void op_entry(void)
{
    op_fn();
}

/* Run fn on op_stack (painted 0xC3 first); 1 if it ran. */
static int run_on_own_stack(void (*fn)(void))
{
    memset(op_stack, 0xC3, sizeof op_stack);
    if (getcontext(&op_uc) != 0) return 0;
    op_uc.uc_stack.ss_sp = op_stack;
    op_uc.uc_stack.ss_size = sizeof op_stack;
    op_uc.uc_link = &main_uc;
    op_fn = fn;
    makecontext(&op_uc, op_entry, 0);
    return swapcontext(&main_uc, &op_uc) == 0;
}

/* How many n-octet windows of secret (every offset) occur in hay[0..len-1],
 * n <= slen; a left-behind copy of any n consecutive octets counts. */
static size_t copies(const uint8_t *hay, size_t len, const uint8_t *secret, size_t slen, size_t n)
{
    size_t found = 0;
    for (size_t at = 0; at + n <= slen; at++)
        for (size_t i = 0; i + n <= len; i++)
            if (hay[i] == secret[at] && memcmp(hay + i, secret + at, n) == 0) found++;
    return found;
}

/* The octets of the painted stack that were written. */
static size_t used(const uint8_t *st, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) n += st[i] != 0xC3;
    return n;
}

static int stack_check_possible(void)
{
#if defined(__SANITIZE_ADDRESS__)
    return 0;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return 0;
#endif
#endif
#ifdef HAVE_VALGRIND_H
    return RUNNING_ON_VALGRIND ? 0 : 1;
#else
    return 1;
#endif
}

static sk_rfc sv;
static rk_sakke_receiver_ctx z_rcv;
static uint8_t z_ssv[16];
static rk_status z_st;

static void op_decapsulate(void)
{
    z_st = rk_sakke_decapsulate(z_ssv, 16, &z_rcv, sv.data, 273);
}

static void zero_after_decapsulation(void)
{
    rk_ss_aff R, K;
    rk_fp w;
    uint8_t wb[128];
    CASE_BEGIN("zeroisation: SAKKE decapsulation leaves no pairing value or SSV on its stack");
    if (!stack_check_possible()) { CASE_SKIP("ASan or valgrind: the stack switch is not followed"); CASE_END(); return; }
    sk_rfc_load(&sv);
    CHECK(sv.ok);
    for (int table = 0; table < 2 && sv.ok; table++) {
        CHECK_EQ(rk_sakke_receiver_install(&z_rcv, sv.Z, sv.b, 26, sv.K, table), RK_OK);
        /* the secret the decapsulation computes: w = <R, K> (step 2) */
        CHECK_EQ(rk_ss_decode(&R, sv.data), RK_OK);
        CHECK(sk_aff(&K, sv.kx, sv.ky));
        rk_pairing(&w, &R, &K);
        rk_fp_to_bytes(wb, &w);
        CHECK(run_on_own_stack(op_decapsulate));
        CHECK_EQ(z_st, RK_OK);
        CHECK_MEM(z_ssv, sv.ssv, 16);
        CHECK(used(op_stack, sizeof op_stack) > 4096);             /* it ran there */
        size_t w_left = copies(op_stack, sizeof op_stack, wb, 128, 16);
        size_t ssv_left = copies(op_stack, sizeof op_stack, sv.ssv, 16, 16);
        if (w_left || ssv_left)
            printf("    table %d: %zu copies of 16 octets of <R, K>, %zu of the SSV\n", table, w_left, ssv_left);
        CHECK_EQ(w_left, 0);
        CHECK_EQ(ssv_left, 0);
        rk_sakke_receiver_wipe(&z_rcv);
    }
    CASE_END();
}

/* The community: one KMS, the IWF's key set, Carol's client, and one
 * genuine element for Carol (a P25 root key, root_key). */
static rk_client carol;
static uint8_t el[8192];
static size_t elen;
static uint32_t key_id;
static uint64_t period;
static rk_profile_element pe;                 /* el's views: text within el */
static uint8_t root_key[32];
static int ready;

static int client_setup(void)
{
    static rk_kms_master m;
    static uint8_t xml[8192];
    static rk_profile_ctx pc;
    size_t xl, count = 0;
    char err[256];
    rk_iwf w;
    rk_lmr_block b;
    if (ready) return ready > 0;
    ready = -1;
    memset(&b, 0, sizeof b);
    b.lmr_type = RK_LMR_P25;
    b.wacn = 0xBEE00; b.system_id = 0x3A1; b.unit_id = 7654321;
    b.algid = 0x84; b.key_id = 0x1234; b.keyset_id = 1;
    b.key_len = 32;
    for (int i = 0; i < 32; i++) root_key[i] = (uint8_t)(0x40 + 3 * i);
    memcpy(b.key, root_key, 32);
    int ok = rk_kms_master_create(&m, kms_uri, 2592000, 0) == RK_OK &&
             keyset_xml(&m, iwf_uri, xml, sizeof xml, &xl) &&
             rk_iwf_open(&w, &m.cert, &m.cert, xml, xl, iwf_uri, NOW, err, sizeof err) == RK_OK;
    ok = ok && rk_iwf_element(&w, user_uri, &b, NOW, el, sizeof el, &elen, &key_id, &period, err,
                              sizeof err) == RK_OK;
    rk_iwf_close(&w);
    ok = ok && keyset_xml(&m, user_uri, xml, sizeof xml, &xl) &&
         rk_client_open(&carol, &m.cert, &m.cert, iwf_uri, xml, xl, 0, err, sizeof err) == RK_OK;
    ok = ok && rk_profile_find(&pc, xml, profile_doc(xml, sizeof xml, el, elen), 0, &pe, 1, &count) == RK_OK &&
         count == 1;
    memset(&b, 0, sizeof b);
    if (!ok) return 0;
    pe.text.off -= strlen(PROFILE_HEAD);      /* the view into el */
    ready = 1;
    return 1;
}

static void element_attributes(void)
{
    static uint8_t el2[8192];
    size_t el2len, stored;
    rk_client *c = &carol;

    CASE_BEGIN("element attributes: the genuine element opens");
    CHECK(client_setup());
    if (ready < 1) { CASE_END(); return; }
    /* the element as written opens (the control) */
    CHECK_EQ(client_unwrap(c, el, elen, &stored), RK_OK);
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
    /* kms-uri another KMS, one octet longer, one shorter */
    static const char *bad_kms[] = { "kms.other.test", "kms.mutants.test2", "kms.mutants.tes" };
    for (size_t i = 0; i < sizeof bad_kms / sizeof bad_kms[0]; i++) {
        CASE_BEGIN("element attribute contradicts the message: kms-uri %s", bad_kms[i]);
        CHECK_EQ(rk_profile_encode_element(el2, sizeof el2, &el2len, RK_PROFILE_LMR_P25, key_id, U8(bad_kms[i]),
                                           strlen(bad_kms[i]), period, el + pe.text.off, pe.text.len), RK_OK);
        CHECK_EQ(client_unwrap(c, el2, el2len, &stored), RK_ERR_RK_ELEMENT);
        CHECK_EQ(stored, 0);
        CASE_END();
    }
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CASE_BEGIN("element attribute contradicts the message: %s", bad[i].what);
        CHECK_EQ(rk_profile_encode_element(el2, sizeof el2, &el2len, bad[i].lmr, bad[i].id, U8(kms_uri),
                                           strlen(kms_uri), bad[i].period, el + pe.text.off,
                                           pe.text.len), RK_OK);
        CHECK_EQ(client_unwrap(c, el2, el2len, &stored), RK_ERR_RK_ELEMENT);
        CHECK_EQ(stored, 0);
        CASE_END();
    }
    /* the same attributes re-encoded open: only the contradiction refuses */
    CASE_BEGIN("element attributes: re-encoded unchanged, it opens");
    CHECK_EQ(rk_profile_encode_element(el2, sizeof el2, &el2len, RK_PROFILE_LMR_P25, key_id, U8(kms_uri),
                                       strlen(kms_uri), period, el + pe.text.off, pe.text.len), RK_OK);
    CHECK_EQ(client_unwrap(c, el2, el2len, &stored), RK_OK);
    CASE_END();
}

/* rk_rootkey_element_check itself (core/src/msg/rootkey_element.c), on an
 * element found in a profile document and a result set field by field: the
 * agreeing pair passes; every bit of key-id, the neighbouring key periods,
 * the other LMR types, and kms-uri longer, shorter, or with any one octet
 * changed are refused. */
static void element_check_core(void)
{
    static uint8_t e1[1024], doc[2048];
    static rk_profile_ctx pc;
    rk_profile_element fe;
    rk_rootkey_result r;
    const char *ku = "kms.example.org";
    uint8_t k2[64];
    size_t e1len = 0, dl, count = 0, kl = strlen(ku);

    CASE_BEGIN("element check (core): attributes that agree with the result pass");
    memset(&r, 0, sizeof r);
    r.key_id = 0xF1A2B3C4u; r.period_no = 1388; r.lmr.lmr_type = RK_LMR_P25;
    CHECK_EQ(rk_profile_encode_element(e1, sizeof e1, &e1len, RK_PROFILE_LMR_P25, r.key_id, U8(ku), kl,
                                       r.period_no, U8("AAAA"), 4), RK_OK);
    dl = profile_doc(doc, sizeof doc, e1, e1len);
    CHECK_EQ(rk_profile_find(&pc, doc, dl, 0, &fe, 1, &count), RK_OK);
    CHECK_EQ(count, 1);
    CHECK_EQ(rk_rootkey_element_check(&fe, doc, dl, &r, U8(ku), kl), RK_OK);
    CASE_END();
    if (count != 1) return;

    CASE_BEGIN("element check (core): key-id differs in any one bit");
    for (int b = 0; b < 32; b++) {
        r.key_id ^= 1u << b;
        CHECK_EQ(rk_rootkey_element_check(&fe, doc, dl, &r, U8(ku), kl), RK_ERR_RK_ELEMENT);
        r.key_id ^= 1u << b;
    }
    CASE_END();
    CASE_BEGIN("element check (core): key-period the next, the previous, 2^32 apart");
    static const uint64_t dp[] = { 1, (uint64_t)-1, 1ull << 32 };
    for (size_t i = 0; i < 3; i++) {
        r.period_no += dp[i];
        CHECK_EQ(rk_rootkey_element_check(&fe, doc, dl, &r, U8(ku), kl), RK_ERR_RK_ELEMENT);
        r.period_no -= dp[i];
    }
    CASE_END();
    CASE_BEGIN("element check (core): lmr-type TETRA, OTHER, none");
    static const uint8_t lt[] = { RK_LMR_TETRA, RK_LMR_OTHER, 0 };
    for (size_t i = 0; i < 3; i++) {
        r.lmr.lmr_type = lt[i];
        CHECK_EQ(rk_rootkey_element_check(&fe, doc, dl, &r, U8(ku), kl), RK_ERR_RK_ELEMENT);
    }
    r.lmr.lmr_type = RK_LMR_P25;
    CASE_END();
    CASE_BEGIN("element check (core): kms-uri one octet longer, shorter, any one octet changed");
    memcpy(k2, ku, kl);
    k2[kl] = 'x';
    CHECK_EQ(rk_rootkey_element_check(&fe, doc, dl, &r, k2, kl + 1), RK_ERR_RK_ELEMENT);
    CHECK_EQ(rk_rootkey_element_check(&fe, doc, dl, &r, k2, kl - 1), RK_ERR_RK_ELEMENT);
    CHECK_EQ(rk_rootkey_element_check(&fe, doc, dl, &r, k2, 0), RK_ERR_RK_ELEMENT);
    for (size_t i = 0; i < kl; i++) {
        k2[i] ^= 0x20;
        CHECK_EQ(rk_rootkey_element_check(&fe, doc, dl, &r, k2, kl), RK_ERR_RK_ELEMENT);
        k2[i] ^= 0x20;
    }
    CHECK_EQ(rk_rootkey_element_check(&fe, doc, dl, &r, k2, kl), RK_OK);     /* restored */
    CASE_END();
}

/* Carol's key set and the IWF's KMS as the client shim describes them
 * (shims/client/client.c). */
static void carol_rx(rk_mikeysakke_rx *rx)
{
    memset(rx, 0, sizeof *rx);
    rx->kpak = carol.iwf_kpak;
    rx->kmsi_uri = U8(carol.iwf_kms.kms_uri);
    rx->kmsi_uri_len = strlen(carol.iwf_kms.kms_uri);
    rx->kmsi_period_len = carol.iwf_kms.period_len;
    rx->kmsi_period_offset = carol.iwf_kms.period_offset;
    rx->sakke = carol.rx;
    rx->kmsr_uri = U8(carol.kms.kms_uri);
    rx->kmsr_uri_len = strlen(carol.kms.kms_uri);
    rx->period_len = carol.kms.period_len;
    rx->period_offset = carol.kms.period_offset;
    rx->period_no = carol.ks->period_no;
    rx->my_uri = U8(carol.ks->user_uri);
    rx->my_uri_len = strlen(carol.ks->user_uri);
}

/* The element the IWF shim writes (rk_iwf_element, as every CLI wrap)
 * carries the E.6 Text RK_ROOTKEY_TEXT that docs/profile-element.md §3
 * names: the Key Parameters are decrypted with Carol's key set and the
 * text compared octet for octet. */
static void iwf_text(void)
{
    static uint8_t msg[RK_ROOTKEY_MAX_MSG + 64], ext[RK_LMR_MAX_BYTES + 64];
    static rk_mikeysakke_result res;
    rk_mikeysakke_rx rx;
    size_t ml = 0, xl = 0;
    CASE_BEGIN("IWF wrap: the E.6 Text is \"" RK_ROOTKEY_TEXT "\"");
    CHECK(client_setup());
    if (ready < 1) { CASE_END(); return; }
    CHECK_EQ(rk_b64_decode(msg, sizeof msg, (const char *)el + pe.text.off, pe.text.len, &ml, 0), RK_OK);
    carol_rx(&rx);
    rx.kp_mode = RK_MIKEYSAKKE_KP_REQUIRED;
    rx.ext_type = RK_ROOTKEY_GENEXT_TYPE;
    CHECK_EQ(rk_mikeysakke_receive(&res, ext, sizeof ext, &xl, &rx, msg, ml), RK_OK);
    CHECK_EQ(res.has_kp, 1);
    CHECK_EQ(res.kp.text.len, strlen(RK_ROOTKEY_TEXT));
    CHECK(res.kp.text.off + res.kp.text.len <= res.kp_pt_len &&
          memcmp(res.kp_pt + res.kp.text.off, RK_ROOTKEY_TEXT, strlen(RK_ROOTKEY_TEXT)) == 0);
    rk_mikeysakke_result_wipe(&res);
    rk_wipe(ext, sizeof ext);
    CASE_END();
}

static uint8_t z_msg[RK_ROOTKEY_MAX_MSG + 64];
static size_t z_len;
static rk_rootkey_scratch z_scratch;
static rk_rootkey_result z_res;

/* rk_rootkey_unwrap of z_msg with Carol's key set and the IWF's KMS, as the
 * client shim describes them (shims/client/client.c). */
static void op_rootkey_unwrap(void)
{
    rk_mikeysakke_rx rx;
    rk_rootkey_unwrap_in in;
    const uint8_t *iu[1] = { U8(carol.iwf_uri) };
    size_t il[1] = { strlen(carol.iwf_uri) };
    carol_rx(&rx);
    memset(&in, 0, sizeof in);
    in.keysets = &rx; in.n_keysets = 1;
    in.iwf_uris = iu; in.iwf_uri_lens = il; in.n_iwf = 1;
    in.purpose_tag = RK_ROOTKEY_DEFAULT_TAG;
    in.now_unix = NOW + 5;
    z_st = rk_rootkey_unwrap(&z_res, &z_scratch, &in, z_msg, z_len);
}

static void zero_after_unwrap(void)
{
    static rk_mikey_view mv;
    uint8_t *msg = z_msg;
    uint8_t wb[128], kt[16];
    size_t ml = 0;
    rk_ss_aff R, K;
    rk_fp w;
    CASE_BEGIN("zeroisation: a root-key unwrap leaves no pairing value, K_T or root key on its stack or scratch");
    if (!stack_check_possible()) { CASE_SKIP("ASan or valgrind: the stack switch is not followed"); CASE_END(); return; }
    CHECK(client_setup());
    if (ready < 1) { CASE_END(); return; }
    /* the secrets of this message: <R, K> (Carol's RSK) and K_T = SSV */
    CHECK_EQ(rk_b64_decode(msg, sizeof z_msg, (const char *)el + pe.text.off, pe.text.len, &ml, 0), RK_OK);
    z_len = ml;
    CHECK_EQ(rk_mikey_parse(&mv, msg, ml), RK_OK);
    CHECK_EQ(rk_ss_decode(&R, msg + mv.sakke_data.off), RK_OK);
    CHECK_EQ(rk_ss_decode(&K, carol.ks->rsk), RK_OK);
    rk_pairing(&w, &R, &K);
    rk_fp_to_bytes(wb, &w);
    CHECK_EQ(rk_sakke_decapsulate(kt, 16, carol.rx, msg + mv.sakke_data.off, 273), RK_OK);
    CHECK(run_on_own_stack(op_rootkey_unwrap));
    CHECK_EQ(z_st, RK_OK);
    CHECK_MEM(z_res.lmr.key, root_key, 32);
    rk_rootkey_result_wipe(&z_res);           /* the one place the key belongs */
    CHECK(used(op_stack, sizeof op_stack) > 4096);
    const uint8_t *sc = (const uint8_t *)&z_scratch;
    size_t w_left = copies(op_stack, sizeof op_stack, wb, 128, 16) + copies(sc, sizeof z_scratch, wb, 128, 16);
    size_t kt_left = copies(op_stack, sizeof op_stack, kt, 16, 16) + copies(sc, sizeof z_scratch, kt, 16, 16);
    size_t key_left = copies(op_stack, sizeof op_stack, root_key, 32, 16) +
                      copies(sc, sizeof z_scratch, root_key, 32, 16);
    if (w_left || kt_left || key_left)
        printf("    copies of 16 octets: %zu of <R, K>, %zu of K_T, %zu of the root key\n", w_left, kt_left,
               key_left);
    CHECK_EQ(w_left, 0);
    CHECK_EQ(kt_left, 0);
    CHECK_EQ(key_left, 0);
    rk_wipe(kt, 16);
    rk_wipe(wb, 128);
    CASE_END();
}

void rk_suite_mutants(void)
{
    element_check_core();
    element_attributes();
    iwf_text();
    zero_after_decapsulation();
    zero_after_unwrap();
    if (ready > 0) rk_client_close(&carol);
}
