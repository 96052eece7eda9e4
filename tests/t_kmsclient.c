/* SPDX-License-Identifier: Apache-2.0 */
/* The shims on KMS documents (issue 17; docs/kms.md section 7):
 *  - the client keeps every key set of its KmsKeyProv response and opens
 *    each element with the key set of its message's key period (T): two key
 *    sets (the current and the next period, in either order), three;
 *  - the IWF takes the key set of the period it wraps in from a response
 *    holding several;
 *  - the client and the IWF check their key sets with the core's
 *    rk_kms_keyset_check (another KMS's key set, a UserID of another period
 *    or user refused with its own code);
 *  - a KmsCertCache written by the test KMS gives the certificate of a KMS
 *    by KmsUri, field for field, and RK_ERR_KMS_NO_CERT for any other. */
#include <sodium.h>
#include <string.h>
#include "rk_test.h"
#include "client/client.h"
#include "client/keystore.h"
#include "common/kms.h"
#include "iwf/iwf.h"

#define U8(s) ((const uint8_t *)(s))
#define NOW 1764300000
#define PERIOD 2592000
#define AT(k) ((int64_t)NOW + (int64_t)(k) * PERIOD)   /* a time in key period p + k */

static const char *kms_uri = "kms.keysets.test";
static const char *iwf_uri = "sip:lmr-iwf@keysets.test", *user_uri = "sip:erin@keysets.test";

static rk_kms_master *m;
static uint64_t p0;                        /* the key period of NOW */
static uint8_t el[3][8192];                /* an element wrapped in period p + k */
static size_t elen[3];
static int ready;

/* A KmsKeyProv response holding the key sets of uri for periods p0 + ks[i]. */
static int keysets_xml(const char *uri, const int *ks, size_t n, uint8_t *xml, size_t cap, size_t *len)
{
    rk_kms_keyset *k = sodium_malloc(RK_KMS_MAX_KEYSETS * sizeof *k);
    int ok = k != NULL;
    for (size_t i = 0; ok && i < n; i++) ok = rk_kms_issue(&k[i], m, uri, p0 + (uint64_t)ks[i]) == RK_OK;
    ok = ok && rk_kms_keysets_write(xml, cap, len, k, n) == RK_OK;
    if (k) sodium_free(k);
    return ok;
}

/* The test KMS, the IWF's key sets of three periods in one response, and an
 * element for the user wrapped in each of them. */
static int setup(void)
{
    static uint8_t xml[16384];
    static const int three[] = {0, 1, 2};
    size_t xl;
    char err[256];
    rk_lmr_block b;
    if (ready) return ready > 0;
    ready = -1;
    m = sodium_malloc(sizeof *m);
    if (!m || rk_kms_master_create(m, kms_uri, PERIOD, 0) != RK_OK ||
        rk_kms_period_now(&p0, &m->cert, NOW) != RK_OK || !keysets_xml(iwf_uri, three, 3, xml, sizeof xml, &xl))
        return 0;
    for (int k = 0; k < 3; k++) {
        rk_iwf w;
        uint32_t key_id;
        uint64_t period;
        memset(&b, 0, sizeof b);
        b.lmr_type = RK_LMR_P25;
        b.wacn = 0xBEE00; b.system_id = 0x3A1; b.unit_id = 7654321;
        b.algid = 0x84; b.key_id = (uint16_t)(0x1234 + k); b.keyset_id = 1;
        b.key_len = 32;
        for (int i = 0; i < 32; i++) b.key[i] = (uint8_t)(0x40 + 3 * i + k);
        /* the IWF takes the key set of the period it wraps in */
        rk_status st = rk_iwf_open(&w, &m->cert, &m->cert, xml, xl, iwf_uri, AT(k), err, sizeof err);
        CHECK_EQ(st, RK_OK);
        if (st == RK_OK) {
            CHECK_EQ(w.period_no, p0 + (uint64_t)k);
            st = rk_iwf_element(&w, user_uri, &b, AT(k), el[k], sizeof el[k], &elen[k], &key_id, &period,
                                err, sizeof err);
            CHECK_EQ(st, RK_OK);
            CHECK_EQ(period, p0 + (uint64_t)k);
        }
        rk_iwf_close(&w);
        memset(&b, 0, sizeof b);
        if (st != RK_OK) return 0;
    }
    ready = 1;
    return 1;
}

/* Unwrap the profile holding element k on a fresh store at time now. */
static rk_status unwrap_at(rk_client *c, int k, int64_t now, rk_client_counts *n)
{
    static uint8_t doc[9000];
    int dl = snprintf((char *)doc, sizeof doc,
                      "<mcptt-user-profile xmlns=\"urn:3gpp:ns:mcpttUserProfile:1.0\">%.*s</mcptt-user-profile>",
                      (int)elen[k], (const char *)el[k]);
    rk_keystore *ks = rk_keystore_new(4);
    rk_status st = RK_ERR_ALLOC;
    memset(n, 0, sizeof *n);
    if (!ks || dl <= 0 || (size_t)dl >= sizeof doc) { rk_keystore_free(ks); return st; }
    st = rk_client_unwrap_doc(c, ks, doc, (size_t)dl, now, n);
    CHECK_EQ(rk_keystore_count(ks), n->ok);
    rk_keystore_free(ks);
    return st;
}

/* Element k unwrapped at time at: no refusal, ok opened, later left for later. */
static void expect(rk_client *c, int k, int64_t at, size_t ok, size_t later)
{
    rk_client_counts n;
    CHECK_EQ(unwrap_at(c, k, at, &n), RK_OK);
    CHECK_EQ(n.ok, ok);
    CHECK_EQ(n.later, later);
}

static int open_client(rk_client *c, const int *ks, size_t nks, rk_status want)
{
    static uint8_t xml[16384];
    size_t xl = 0;
    char err[256] = "";
    CHECK(keysets_xml(user_uri, ks, nks, xml, sizeof xml, &xl));
    rk_status st = rk_client_open(c, &m->cert, &m->cert, iwf_uri, xml, xl, 0, err, sizeof err);
    CHECK_EQ(st, want);
    return st == RK_OK;
}

static void two_keysets(void)
{
    static const int orders[2][2] = {{0, 1}, {1, 0}};
    rk_client c;
    CHECK(setup());
    if (ready < 1) return;
    for (int o = 0; o < 2; o++) {
        CASE_BEGIN("two key sets (periods p+%d, p+%d): each element opens with its period's", orders[o][0],
                   orders[o][1]);
        if (open_client(&c, orders[o], 2, RK_OK)) {
            CHECK_EQ(c.nks, 2);
            expect(&c, 0, AT(0) + 60, 1, 0);   /* the current period's element now */
            /* the next period's element: left for later now, opened once that period is current */
            expect(&c, 1, AT(0) + 60, 0, 1);
            expect(&c, 1, AT(1) + 60, 1, 0);
            expect(&c, 2, AT(2) + 60, 0, 1);   /* no key set for the period after */
            rk_client_close(&c);
        }
        CASE_END();
    }
    CASE_BEGIN("one key set (period p): the next period's element does not open");
    if (open_client(&c, orders[0], 1, RK_OK)) {
        CHECK_EQ(c.nks, 1);
        expect(&c, 1, AT(1) + 60, 0, 1);
        rk_client_close(&c);
    }
    CASE_END();
}

static void three_keysets(void)
{
    static const int ks[3] = {2, 0, 1};
    rk_client c;
    rk_client_counts n;
    CHECK(setup());
    if (ready < 1) return;
    CASE_BEGIN("three key sets: the elements of three periods open, each in its period");
    if (open_client(&c, ks, 3, RK_OK)) {
        CHECK_EQ(c.nks, 3);
        for (int k = 0; k < 3; k++) expect(&c, k, AT(k) + 60, 1, 0);
        /* the period before is still accepted (policy), two before is not */
        expect(&c, 1, AT(2) + 60, 1, 0);
        CHECK(unwrap_at(&c, 0, AT(2) + 60, &n) != RK_OK);
        CHECK_EQ(n.ok, 0);
        CHECK_EQ(n.bad, 1);
        rk_client_close(&c);
    }
    CASE_END();
}

/* A key set document of uri with field-level damage: k altered after issue. */
static size_t damaged(uint8_t *xml, size_t cap, const char *uri, void (*hurt)(rk_kms_keyset *))
{
    rk_kms_keyset *k = sodium_malloc(sizeof *k);
    size_t xl = 0;
    if (!k) return 0;
    if (rk_kms_issue(k, m, uri, p0) == RK_OK) {
        hurt(k);
        if (rk_kms_keysets_write(xml, cap, &xl, k, 1) != RK_OK) xl = 0;
    }
    sodium_free(k);
    return xl;
}
static void other_kms(rk_kms_keyset *k) { strcpy(k->kms_uri, "kms.other.test"); }
static void uid_bit(rk_kms_keyset *k) { k->uid[31] ^= 1u; }
static void next_period(rk_kms_keyset *k) { k->period_no++; }
static void other_user(rk_kms_keyset *k) { strcpy(k->user_uri, "sip:mallory@keysets.test"); }

static void keyset_checks(void)
{
    static uint8_t xml[16384];
    static const struct { void (*hurt)(rk_kms_keyset *); rk_status want; const char *what; } cases[] = {
        { other_kms, RK_ERR_KMS_URI_MISMATCH, "KmsUri of another KMS" },
        { uid_bit, RK_ERR_KMS_USER_ID, "UserID one bit off" },
        { next_period, RK_ERR_KMS_USER_ID, "KeyPeriodNo not UserID's" },
        { other_user, RK_ERR_KMS_USER_ID, "UserUri not UserID's" },
    };
    char err[256];
    CHECK(setup());
    if (ready < 1) return;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rk_client c;
        rk_iwf w;
        CASE_BEGIN("key set checked by rk_kms_keyset_check: %s", cases[i].what);
        size_t xl = damaged(xml, sizeof xml, user_uri, cases[i].hurt);
        CHECK(xl > 0);
        err[0] = 0;
        CHECK_EQ(rk_client_open(&c, &m->cert, &m->cert, iwf_uri, xml, xl, 0, err, sizeof err), cases[i].want);
        CHECK(strstr(err, "key set 1 against the certificate of kms.keysets.test") != NULL);
        CHECK_EQ(c.nks, 0);
        CHECK(c.ks == NULL && c.rx == NULL);
        xl = damaged(xml, sizeof xml, iwf_uri, cases[i].hurt);
        CHECK_EQ(rk_iwf_open(&w, &m->cert, &m->cert, xml, xl, NULL, NOW, err, sizeof err), cases[i].want);
        CASE_END();
    }
    CASE_BEGIN("IWF: no key set of the period it wraps in");
    {
        static const int later[] = {1, 2};
        rk_iwf w;
        size_t xl = 0;
        CHECK(keysets_xml(iwf_uri, later, 2, xml, sizeof xml, &xl));
        CHECK_EQ(rk_iwf_open(&w, &m->cert, &m->cert, xml, xl, iwf_uri, NOW, err, sizeof err), RK_ERR_IWF_PERIOD);
        CHECK_EQ(rk_iwf_open(&w, &m->cert, &m->cert, xml, xl, iwf_uri, AT(2), err, sizeof err), RK_OK);
        CHECK_EQ(w.period_no, p0 + 2);
        rk_iwf_close(&w);
    }
    CASE_END();
}

static void cert_cache(void)
{
    static uint8_t doc[16384];
    rk_kms_master *o = sodium_malloc(sizeof *o);
    rk_kms_cert both[2], got;
    size_t len = 0;
    char err[256];
    CHECK(setup());
    if (ready < 1 || !o) { if (o) sodium_free(o); return; }
    CASE_BEGIN("KmsCertCache: the certificate of each KMS by KmsUri, field for field");
    CHECK_EQ(rk_kms_master_create(o, "kms.iwf-side.test", 86400, 3600), RK_OK);
    both[0] = m->cert;
    both[1] = o->cert;
    CHECK_EQ(rk_kms_certs_write(doc, sizeof doc, &len, both, 2, user_uri), RK_OK);
    CHECK(strstr((const char *)doc, "KmsCertCache>") != NULL);
    for (int i = 0; i < 2; i++) {
        CHECK_EQ(rk_kms_cert_find(&got, both[i].kms_uri, doc, len, NOW, err, sizeof err), RK_OK);
        CHECK_MEM(&got, &both[i], sizeof got);
    }
    CASE_END();
    CASE_BEGIN("KmsCertCache: a KmsUri not in it, a prefix of one, a key set document");
    CHECK_EQ(rk_kms_cert_find(&got, "kms.nowhere.test", doc, len, NOW, err, sizeof err), RK_ERR_KMS_NO_CERT);
    CHECK(strstr(err, "no certificate of kms.nowhere.test among the 2") != NULL);
    CHECK_ZERO(&got, sizeof got);
    CHECK_EQ(rk_kms_cert_find(&got, "kms.keysets.tes", doc, len, NOW, err, sizeof err), RK_ERR_KMS_NO_CERT);
    {
        static const int one[] = {0};
        CHECK(keysets_xml(user_uri, one, 1, doc, sizeof doc, &len));
        CHECK_EQ(rk_kms_cert_find(&got, kms_uri, doc, len, NOW, err, sizeof err), RK_ERR_KMS_MISSING);
    }
    CASE_END();
    sodium_free(o);
}

void rk_suite_kmsclient(void)
{
    RUN(two_keysets);
    RUN(three_keysets);
    RUN(keyset_checks);
    RUN(cert_cache);
}
