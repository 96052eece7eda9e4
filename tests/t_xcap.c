/* SPDX-License-Identifier: Apache-2.0 */
/* Delivery over XCAP/HTTPS (shims/xcap, docs/delivery.md), against the real
 * test CMS: Apache httpd with mod_dav, mod_dav_fs and mod_ssl on loopback,
 * started and stopped here by tests/cms/cms.sh.  apache2 missing is a
 * failure, never a skip.  Runs build/rootkey (built by `make check` before
 * the runner) and the shim library in a temporary directory with a fixed
 * clock (RK_NOW). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "rk_test.h"
#include "sh_common.h"
#include "common/atomic.h"
#include "iwf/iwf.h"
#include "rootkey/profile.h"
#include "xcap/xcap.h"
#include "client/keystore.h"

#define NOW 1764300000LL          /* 2025-11-28 */
#define PERIOD 2592000LL
#define PNO(t) (((t) + 2208988800LL) / PERIOD)   /* key period of unix time t (NTP era 0, offset 0) */
#define AUID "org.3gpp.mcptt.user-profile"
#define USERS "htdocs/xcap-root/" AUID "/users"

#ifndef RK_NO_ORACLES   /* make cross: no Apache, no libcurl on the targets */
static char bin[4096], dir[4096], cms[4200], root[512], port[16];

/* a shell command in dir, output appended to dir/log.*; its exit status */
static int run(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = rk_t_vsh(dir, fmt, ap);
    va_end(ap);
    return r;
}

static int slurp_small(const char *path, char *out, size_t cap)
{
    size_t n = 0;
    if (rk_file_read(path, (uint8_t *)out, cap - 1, &n) != RK_OK) { out[0] = 0; return 0; }
    while (n && (out[n - 1] == '\n' || out[n - 1] == '\r')) n--;
    out[n] = 0;
    return 1;
}

/* How many requests of this method the server logged (its access log). */
static long logged(const char *method)
{
    char c[4400];
    snprintf(c, sizeof c, "grep -c '\"%s ' '%s/access.log'", method, cms);
    FILE *p = popen(c, "r");
    long n = -1;
    if (p) { if (fscanf(p, "%ld", &n) != 1) n = -1; pclose(p); }
    return n;
}

static int cms_start(void)
{
    if (run("%s/../tests/cms/cms.sh start cms", RK_VECTOR_DIR) != 0) return 0;
    char p[4400];
    snprintf(p, sizeof p, "%s/xcap-root", cms);
    if (!slurp_small(p, root, sizeof root)) return 0;
    snprintf(p, sizeof p, "%s/port", cms);
    return slurp_small(p, port, sizeof port);
}

static void cms_stop(void) { CHECK_EQ(run("%s/../tests/cms/cms.sh stop cms", RK_VECTOR_DIR), 0); }

static int setup(void)
{
    snprintf(bin, sizeof bin, "%s/../build/rootkey-test", RK_VECTOR_DIR);
    if (access(bin, X_OK) != 0) return 0;
    if (dir[0]) return 1;
    const char *t = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/rk_xcap_XXXXXX", t ? t : "/tmp");
    if (!mkdtemp(dir)) return 0;
    chmod(dir, 0755);
    snprintf(cms, sizeof cms, "%s/cms", dir);
    char now[32];
    snprintf(now, sizeof now, "%lld", NOW);
    setenv("RK_NOW", now, 1);
    /* loopback only: no proxy of the environment in between */
    static const char *px[] = {"http_proxy", "https_proxy", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"};
    for (size_t i = 0; i < sizeof px / sizeof *px; i++) unsetenv(px[i]);
    /* a community: KMS, the IWF's key sets for three periods, users */
    int rc = run("%s kms create --dir kms --uri kms.test.example --period %lld --offset 0", bin, PERIOD);
    for (int k = 0; rc == 0 && k < 3; k++)
        rc = run("%s kms issue --dir kms --user sip:iwf@iwf.test.example --period-no %lld --out iwf%d.xml",
                 bin, PNO(NOW) + k, k);
    for (int i = 0; rc == 0 && i < 8; i++)
        rc = run("%s kms issue --dir kms --user sip:u%d@test.example --out u%d.xml", bin, i, i);
    rc |= run("printf '%%s' 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f > sk.key");
    /* the inventory: u0..u7, every third on TETRA */
    rc |= run("for i in 0 1 2 3 4 5 6 7; do k=$(printf '%%064X' $((i + 1))); if [ $((i %% 3)) = 2 ]; then "
              "echo \"sip:u$i@test.example,kms.test.example,TETRA,mcc=901;mnc=16383;issi=$((2000 + i));kn=1,hex:$k\"; "
              "else echo \"sip:u$i@test.example,kms.test.example,P25,wacn=BEE00;sys=3A1;rsi=$((1000 + i));"
              "algid=84;kid=F1A2;keyset=1,hex:$k\"; fi; done > inv.csv");
    if (rc != 0 || !cms_start()) { CHECK(!"test CMS (tests/cms/cms.sh: apache2, openssl) did not start"); return 0; }
    return 1;
}

#define XCAP "--xcap-root %s --cacert cms/ca.pem --token-file cms/token"
#define IWF "%s iwf --iwf-uri sip:iwf@iwf.test.example --cert kms/kms-cert.xml --keyset iwf0.xml --inventory inv.csv "

/* ------------------------------------------------------------ the server */
/* The IWF's safety rests on this: a stale If-Match is answered 412; right
 * after a change the ETag is weak; no token, 401. */
static void xcap_cms_preconditions(void)
{
    if (!setup()) return;
    CHECK_EQ(run("%s/../tests/cms/cms.sh provision cms sip:pre@test.example", RK_VECTOR_DIR), 0);
    char url[1024];
    snprintf(url, sizeof url, "%s/" AUID "/users/sip%%3Apre%%40test.example/user-profile-0.xml", root);
#define CU "curl -s -o /dev/null --cacert cms/ca.pem -H \"Authorization: Bearer $(cat cms/token)\" -w '%%{http_code}' "
    CHECK_EQ(run("echo '<a/>' > a.xml && test $(" CU "-T a.xml -H 'If-None-Match: *' '%s') = 201", url), 0);
    CHECK_EQ(run("test $(" CU "-T a.xml -H 'If-Match: \"0-stale\"' '%s') = 412", url), 0);
    CHECK_EQ(run("test $(" CU "-T a.xml -H 'If-None-Match: *' '%s') = 412", url), 0);
    CHECK_EQ(run(CU "-D h.txt '%s' && grep -qi '^ETag: W/' h.txt", url), 0);
    CHECK_EQ(run("test $(curl -s -o /dev/null --cacert cms/ca.pem -w '%%{http_code}' '%s') = 401", url), 0);
#undef CU
}

#endif

/* ------------------------------------------------------------ pure parts */
static void element(char *out, size_t cap, size_t *len, int lmr, uint32_t key_id, uint64_t period,
                    const char *kms)
{
    static const char b64[] = "AAECAwQFBgcICQoLDA0ODw==";
    if (rk_profile_encode_element((uint8_t *)out, cap, len, lmr, key_id, (const uint8_t *)kms,
                                  strlen(kms), period, (const uint8_t *)b64, sizeof b64 - 1) != RK_OK)
        *len = 0;
}

static size_t periods(const uint8_t *doc, size_t len, uint64_t *p, size_t max)
{
    rk_profile_ctx *pc = malloc(sizeof *pc);
    rk_profile_element *e = calloc(max, sizeof *e);
    size_t n = 0;
    if (pc && e && rk_profile_find(pc, doc, len, 0, e, max, &n) == RK_OK)
        for (size_t i = 0; i < n; i++) p[i] = e[i].key_period_value;
    else n = 0;
    free(pc); free(e);
    return n;
}

static void xcap_merge(void)
{
    char el[1024], e2[1024], doc[8192];
    size_t el_len = 0, e2_len = 0, ol = 0;
    uint8_t *out = NULL;
    int ch = -1;
    uint64_t p[8];
    /* a new document */
    element(el, sizeof el, &el_len, RK_PROFILE_LMR_P25, 0xF1A2B3C4, 681, "kms.test.example");
    CHECK(el_len > 0);
    CHECK_EQ(rk_xcap_merge(NULL, 0, (uint8_t *)el, el_len, &out, &ol, &ch), RK_OK);
    CHECK_EQ(ch, 1);
    CHECK(out && ol > el_len && memmem(out, ol, el, el_len) != NULL);
    /* the same element again: unchanged, nothing to PUT */
    uint8_t *o2 = NULL;
    size_t l2 = 0;
    CHECK_EQ(rk_xcap_merge(out, ol, (uint8_t *)el, el_len, &o2, &l2, &ch), RK_OK);
    CHECK_EQ(ch, 0);
    CHECK(o2 == NULL && l2 == 0);
    free(out); out = NULL;
    /* rotation: 679 and 680 held with another system's 678; 681 arrives:
     * 679 goes, 680 stays, 678 of TETRA stays (another LMR type) */
    char a[1024], b[1024], t[1024];
    size_t al = 0, bl = 0, tl = 0;
    element(a, sizeof a, &al, RK_PROFILE_LMR_P25, 0x11111111, 679, "kms.test.example");
    element(b, sizeof b, &bl, RK_PROFILE_LMR_P25, 0x22222222, 680, "kms.test.example");
    element(t, sizeof t, &tl, RK_PROFILE_LMR_TETRA, 0x33333333, 678, "kms.test.example");
    int dl = snprintf(doc, sizeof doc, "<?xml version=\"1.0\"?>\n<mcptt-user-profile xmlns=\"%s\">\n"
                      "  <ProfileName>kept</ProfileName>\n  <anyExt>\n    %.*s\n    %.*s\n    %.*s\n  </anyExt>\n"
                      "</mcptt-user-profile>\n", RK_PROFILE_UP_NS, (int)al, a, (int)tl, t, (int)bl, b);
    CHECK_EQ(rk_xcap_merge((uint8_t *)doc, (size_t)dl, (uint8_t *)el, el_len, &out, &ol, &ch), RK_OK);
    CHECK_EQ(ch, 1);
    CHECK_EQ(periods(out, ol, p, 8), 3);
    CHECK(p[0] == 678 && p[1] == 680 && p[2] == 681);
    CHECK(out && memmem(out, ol, "<ProfileName>kept</ProfileName>", 31) != NULL);
    CHECK(out && memmem(out, ol, a, al) == NULL);
    free(out); out = NULL;
    /* another KMS's element of a much later period removes nothing of this one */
    element(e2, sizeof e2, &e2_len, RK_PROFILE_LMR_P25, 0x44444444, 690, "kms.other.example");
    CHECK_EQ(rk_xcap_merge((uint8_t *)doc, (size_t)dl, (uint8_t *)e2, e2_len, &out, &ol, &ch), RK_OK);
    CHECK_EQ(periods(out, ol, p, 8), 4);          /* another KMS: nothing removed */
    free(out); out = NULL;
    /* refusals: not XML, not a profile, too many elements, not an element */
    CHECK_EQ(rk_xcap_merge((uint8_t *)"not xml", 7, (uint8_t *)el, el_len, &out, &ol, &ch) < 0, 1);
    CHECK(out == NULL && ol == 0 && ch == 0);
    CHECK_EQ(rk_xcap_merge((uint8_t *)"<html/>", 7, (uint8_t *)el, el_len, &out, &ol, &ch), RK_ERR_PROFILE_ROOT);
    CHECK_EQ(rk_xcap_merge(NULL, 0, (uint8_t *)"<x/>", 4, &out, &ol, &ch), RK_ERR_XCAP_ELEMENT);
    CHECK_EQ(rk_xcap_merge(NULL, 0, (uint8_t *)b, bl - 1, &out, &ol, &ch), RK_ERR_XCAP_ELEMENT);
    size_t cap = 10000 * (bl + 1) + 256, n = 0;
    char *big = malloc(cap);
    n += (size_t)snprintf(big, cap, "<mcptt-user-profile xmlns=\"%s\"><anyExt>", RK_PROFILE_UP_NS);
    for (int i = 0; i < 10000; i++) { memcpy(big + n, b, bl); n += bl; }
    n += (size_t)snprintf(big + n, cap - n, "</anyExt></mcptt-user-profile>");
    CHECK_EQ(rk_xcap_merge((uint8_t *)big, n, (uint8_t *)el, el_len, &out, &ol, &ch), RK_ERR_PROFILE_TOO_MANY);
    free(big);
}

static void xcap_url(void)
{
    char u[RK_XCAP_URL_MAX];
    CHECK_EQ(rk_xcap_url(u, sizeof u, "https://cms.example/xr/", "sip:al ice@x.y~z", NULL), RK_OK);
    CHECK(!strcmp(u, "https://cms.example/xr/" AUID "/users/sip%3Aal%20ice%40x.y~z/user-profile-0.xml"));
    CHECK_EQ(rk_xcap_url(u, sizeof u, "https://a", "tel:+1/2", "user-profile-3.xml"), RK_OK);
    CHECK(!strcmp(u, "https://a/" AUID "/users/tel%3A%2B1%2F2/user-profile-3.xml"));
    CHECK_EQ(rk_xcap_url(u, sizeof u, "https://a", "", NULL), RK_ERR_XCAP_MC_ID);
    CHECK_EQ(rk_xcap_url(u, 40, "https://a", "sip:x@y", NULL), RK_ERR_XCAP_URL);
#ifndef RK_NO_ORACLES
    /* options and token file refused before any request */
    rk_xcap_opts o;
    rk_xcap *x = NULL;
    char err[256];
    /* an empty token file of our own (not /dev/null: a test on a shared
     * machine that renames a file onto it as root leaves a regular file) */
    char empty[] = "/tmp/rk_xcap_token_XXXXXX";
    int fd = mkstemp(empty);
    CHECK(fd >= 0);
    if (fd >= 0) close(fd);
    rk_xcap_opts_default(&o);
    o.root = "http://plain.example";
    CHECK_EQ(rk_xcap_open(&x, &o, empty, err, sizeof err), RK_ERR_XCAP_URL);
    o.root = "https://a.example"; o.jobs = 0;
    CHECK_EQ(rk_xcap_open(&x, &o, empty, err, sizeof err), RK_ERR_XCAP_OPTION);
    o.jobs = 2;
    CHECK_EQ(rk_xcap_open(&x, &o, empty, err, sizeof err), RK_ERR_XCAP_TOKEN);   /* empty */
    unlink(empty);
    CHECK_EQ(rk_xcap_open(&x, &o, "/no/such/file", err, sizeof err), RK_ERR_XCAP_TOKEN);
    CHECK(x == NULL);
#endif
}

#ifndef RK_NO_ORACLES   /* make cross: no Apache, no libcurl on the targets */
/* ------------------------------------------------------------ end to end */
static void sync_user(int i, int want_rc, const char *want)
{
    CASE_BEGIN("client sync u%d", i);
    CHECK_EQ(run("%s client sync " XCAP " --user sip:u%d@test.example --cert kms/kms-cert.xml --keyset u%d.xml "
                 "--iwf-uri sip:iwf@iwf.test.example --store u%d.store --storage-key sk.key > sync.txt",
                 bin, root, i, i, i), want_rc);
    CHECK_EQ(run("grep -q '%s' sync.txt", want), 0);
    CASE_END();
}

static void xcap_end_to_end(void)
{
    if (!setup()) return;
    CHECK_EQ(run("%s/../tests/cms/cms.sh provision cms sip:u0@test.example sip:u1@test.example "
                 "sip:u2@test.example sip:u3@test.example sip:u4@test.example sip:u5@test.example",
                 RK_VECTOR_DIR), 0);
    long put0 = logged("PUT");
    CHECK_EQ(run("head -6 inv.csv > inv6.csv && %s iwf --iwf-uri sip:iwf@iwf.test.example --cert kms/kms-cert.xml --keyset iwf0.xml --inventory inv6.csv "
                 "--out e2e " XCAP " --jobs 2 > iwf.txt", bin, root), 0);
    CHECK_EQ(run("grep -q '6 lines, 6 wrapped, 0 already done, 0 failed' iwf.txt"), 0);
    CHECK_EQ(logged("PUT") - put0, 6);
    CHECK_EQ(run("test $(ls e2e/*.state | wc -l) = 6 && grep -l '^delivered 1' e2e/*.state | wc -l | grep -qx 6 && grep -l '^http_status 201' e2e/*.state | wc -l | grep -qx 6"), 0);
    CHECK_EQ(run("! ls e2e/*.xcap"), 0);     /* element-level request files: --files-only only */
    for (int i = 0; i < 6; i++) sync_user(i, 0, "1 element(s) accepted, 0 already held, 0 for a later key period, 0 superseded, 0 refused; store holds 1 root");
    /* every client holds exactly its key: the IWF's key ID, the inventory's key */
    CHECK_EQ(run("for f in e2e/*.state; do u=$(sed -n 's/^mc_id //p' $f); k=$(sed -n 's/^key_id //p' $f); "
                 "grep -q \"key-id=\\\"$k\\\"\" cms/" USERS "/$u/user-profile-0.xml || exit 1; done"), 0);
    /* a second sync: 304; a second IWF run: nothing to do, no PUT */
    sync_user(0, 0, "up to date (304)");
    CHECK_EQ(run("%s iwf --iwf-uri sip:iwf@iwf.test.example --cert kms/kms-cert.xml --keyset iwf0.xml --inventory inv6.csv --out e2e " XCAP
                 " > iwf2.txt", bin, root), 0);
    CHECK_EQ(run("grep -q '6 lines, 0 wrapped, 6 already done, 0 failed' iwf2.txt"), 0);
    CHECK_EQ(logged("PUT") - put0, 6);
    /* no silent default CMS: neither --xcap-root nor --files-only is a usage error */
    CHECK_EQ(run("%s iwf --iwf-uri sip:iwf@iwf.test.example --cert kms/kms-cert.xml --keyset iwf0.xml --inventory inv6.csv --out e2e", bin), 2);
    CHECK_EQ(run("%s iwf --iwf-uri sip:iwf@iwf.test.example --cert kms/kms-cert.xml --keyset iwf0.xml --inventory inv6.csv --out e2e "
                 "--xcap-root %s", bin, root), 2);   /* no token file */
}

/* The single-user `rootkey wrap --xcap-root`: the element delivered into the
 * user's document (201), fetched by `client sync`, and the root key the
 * client holds is the key of the line; against a stopped server: not
 * delivered, the cause named, exit non-zero.  A user of its own (u8), so
 * that the batch tests' counts of PUTs stay as they are. */
#define WRAP "%s wrap --cert kms/kms-cert.xml --keyset iwf0.xml --iwf-uri sip:iwf@iwf.test.example --line - "
#define U8_LINE "sip:u8@test.example,kms.test.example,P25,wacn=BEE00;sys=3A1;rsi=1008;algid=84;kid=F1A2;keyset=1,hex:"
#define U8_KEY "8888888888888888888888888888888888888888888888888888888888888888"
static void xcap_wrap(void)
{
    if (!setup()) return;
    CHECK_EQ(run("%s kms issue --dir kms --user sip:u8@test.example --out u8.xml", bin), 0);
    CHECK_EQ(run("%s/../tests/cms/cms.sh provision cms sip:u8@test.example", RK_VECTOR_DIR), 0);
    long put0 = logged("PUT");
    CHECK_EQ(run("echo '" U8_LINE U8_KEY "' | " WRAP "--out w8.xml " XCAP " > wrap.txt", bin, root), 0);
    CHECK_EQ(run("grep -q '^delivered root key [0-9A-F]\\{8\\} for sip:u8@test.example to the CMS (HTTP 201, document updated)' wrap.txt"), 0);
    CHECK_EQ(logged("PUT") - put0, 1);
    /* the element in the user's document is the one wrap wrote */
    CHECK_EQ(run("k=$(sed -n 's/^delivered root key \\([0-9A-F]*\\) .*/\\1/p' wrap.txt) && test -n \"$k\" && "
                 "grep -q \"key-id=\\\"$k\\\"\" cms/" USERS "/sip:u8@test.example/user-profile-0.xml && grep -q \"key-id=\\\"$k\\\"\" w8.xml"), 0);
    sync_user(8, 0, "1 element(s) accepted, 0 already held, 0 for a later key period, 0 superseded, 0 refused; store holds 1 root");
    /* the client holds exactly the line's key */
    char p[4400], kid[16] = "";
    uint8_t sk[32], want[32];
    for (int i = 0; i < 32; i++) { sk[i] = (uint8_t)i; want[i] = 0x88; }
    snprintf(p, sizeof p, "%s/wrap.txt", dir);
    FILE *f = fopen(p, "r");
    CHECK(f && fscanf(f, "delivered root key %8s", kid) == 1);
    if (f) fclose(f);
    rk_keystore *ks = rk_keystore_new(4);
    rk_ks_entry *e = malloc(sizeof *e);
    snprintf(p, sizeof p, "%s/u8.store", dir);
    CHECK(ks && e);
    if (ks && e) {
        CHECK_EQ(rk_keystore_load(ks, p, sk), RK_OK);
        CHECK_EQ(rk_keystore_count(ks), 1);
        CHECK_EQ(rk_keystore_get(ks, (uint32_t)strtoul(kid, NULL, 16), e), RK_OK);
        CHECK_EQ(e->key_len, 32);
        CHECK(memcmp(e->key, want, 32) == 0);
    }
    free(e);
    rk_keystore_free(ks);
    /* a stopped server: not delivered, the cause named, exit 1; the server
     * restarted afterwards (another port) for the tests that follow */
    cms_stop();
    CHECK_EQ(run("echo '" U8_LINE U8_KEY "' | " WRAP "--out w8b.xml " XCAP " --retries 1 > wrap3.txt 2> wrap3.err", bin, root), 1);
    CHECK_EQ(run("grep -q '^rootkey wrap: not delivered: .*\\(connect\\|Connection\\|refused\\).* (-1504)$' wrap3.err"), 0);
    CHECK_EQ(run("! grep -q delivered wrap3.txt"), 0);
    CHECK(cms_start());
}

/* --doc-name names the document in both modes: the request line of the
 * element-level .xcap files (--files-only), and the document the IWF
 * writes in the CMS. */
static void xcap_doc_name(void)
{
    if (!setup()) return;
    const char *u = "/org.3gpp.mcptt.user-profile/users/sip%%3Au0%%40test.example/";
    CHECK_EQ(run("head -1 inv.csv > inv1.csv && " IWF "--inventory inv1.csv --out dn0 --files-only "
                 "--xcap-root https://cms.example.org/xr > /dev/null && " IWF "--inventory inv1.csv --out dn3 "
                 "--files-only --xcap-root https://cms.example.org/xr --doc-name user-profile-3.xml > /dev/null",
                 bin, bin), 0);
    char c[1024];
    snprintf(c, sizeof c, "head -1 dn%%s/*.xcap | grep -q '^PUT https://cms.example.org/xr%suser-profile-%%s.xml/~~/'", u);
    CHECK_EQ(run(c, "0", "0"), 0);
    CHECK_EQ(run(c, "3", "3"), 0);
    CHECK_EQ(run(c, "3", "0"), 1);
    /* through the CMS: the named document, the default one untouched */
    CHECK_EQ(run("%s/../tests/cms/cms.sh provision cms sip:u0@test.example", RK_VECTOR_DIR), 0);
    CHECK_EQ(run("rm -f cms/" USERS "/sip:u0@test.example/user-profile-1.xml && " IWF "--inventory inv1.csv --out dn1 "
                 XCAP " --doc-name user-profile-1.xml > /dev/null && test -s cms/" USERS "/sip:u0@test.example/user-profile-1.xml && "
                 "k=$(sed -n 's/^key_id //p' dn1/*.state) && grep -q \"key-id=\\\"$k\\\"\" cms/" USERS "/sip:u0@test.example/user-profile-1.xml && "
                 "! grep -q \"key-id=\\\"$k\\\"\" cms/" USERS "/sip:u0@test.example/user-profile-0.xml", bin, root), 0);
}

static rk_xcap *open_x(const char *r, unsigned jobs, const char *ca,
                       void (*hook)(void *, const char *), void *arg)
{
    rk_xcap_opts o;
    rk_xcap *x = NULL;
    char tok[4400], cap[4400], err[256] = "";
    rk_xcap_opts_default(&o);
    o.root = r; o.jobs = jobs; o.backoff_ms = 20; o.max_backoff_ms = 1500; o.max_attempts = 3;
    o.timeout_ms = 3000; o.connect_timeout_ms = 2000; o.log = NULL;
    o.before_put = hook; o.before_put_arg = arg;
    snprintf(tok, sizeof tok, "%s/token", cms);
    snprintf(cap, sizeof cap, "%s/%s", cms, ca);
    o.cacert = cap;
    rk_status st = rk_xcap_open(&x, &o, tok, err, sizeof err);
    if (st != RK_OK) { rk_t_failf(__FILE__, __LINE__, "rk_xcap_open: %s", err); return NULL; }
    return x;
}

typedef struct { int calls; char doc[4400]; } edit_ctx;

/* another writer: between the IWF's GET and PUT it changes the document */
static void other_writer(void *arg, const char *mc_id)
{
    edit_ctx *e = arg;
    (void)mc_id;
    if (e->calls++ != 0) return;
    char c[9000];
    snprintf(c, sizeof c, "sed -i 's|<anyExt/>|<ProfileName>edited meanwhile</ProfileName><anyExt/>|' '%s'", e->doc);
    CHECK_EQ(system(c), 0);
}

static void xcap_concurrent_edit(void)
{
    if (!setup()) return;
    CHECK_EQ(run("%s/../tests/cms/cms.sh provision cms sip:ce@test.example", RK_VECTOR_DIR), 0);
    char el[1024], path[4400];
    size_t el_len = 0;
    element(el, sizeof el, &el_len, RK_PROFILE_LMR_P25, 0x0BADF00D, 680, "kms.test.example");
    /* the document exists (an older write) */
    snprintf(path, sizeof path, "%s/" USERS "/sip:ce@test.example/user-profile-0.xml", cms);
    static const char D0[] = "<mcptt-user-profile xmlns=\"" RK_PROFILE_UP_NS "\"><anyExt/></mcptt-user-profile>\n";
    CHECK_EQ(rk_file_write_atomic(path, (const uint8_t *)D0, sizeof D0 - 1, 0644), RK_OK);
    CHECK_EQ(run("chown www-data cms/" USERS "/sip:ce@test.example/user-profile-0.xml 2>/dev/null; "
                 "touch -d '1 minute ago' cms/" USERS "/sip:ce@test.example/user-profile-0.xml"), 0);
    edit_ctx e = {0, ""};
    snprintf(e.doc, sizeof e.doc, "%s", path);
    rk_xcap *x = open_x(root, 1, "ca.pem", other_writer, &e);
    if (!x) return;
    long put0 = logged("PUT");
    rk_delivery_item it;
    memset(&it, 0, sizeof it);
    it.mc_id = "sip:ce@test.example"; it.element = (uint8_t *)el; it.elen = el_len;
    rk_xcap_deliver(x, &it, 1);
    CHECK_EQ(it.st, RK_OK);
    CHECK_EQ(it.changed, 1);
    CHECK_EQ(it.http_status / 100, 2);
    CHECK(e.calls >= 2);                                  /* read again after the 412 */
    CHECK_EQ(run("grep -c '\"PUT .*sip%%3Ace%%40.* 412 ' cms/access.log | grep -qx 1"), 0);
    CHECK_EQ(logged("PUT") - put0, 2);
    /* the final document holds both the other writer's change and the element */
    CHECK_EQ(run("grep -q 'edited meanwhile' '%s' && grep -q 'key-id=\"0BADF00D\"' '%s'", path, path), 0);
    /* the same element again: already there, no PUT */
    rk_xcap_deliver(x, &it, 1);
    CHECK_EQ(it.st, RK_OK);
    CHECK_EQ(it.changed, 0);
    CHECK_EQ(logged("PUT") - put0, 2);
    rk_xcap_close(x);
}

/* ------------------------------------------------------------ failures */
typedef struct { int calls, stop_at; } stopper;

static void stop_server(void *arg, const char *mc_id)
{
    stopper *s = arg;
    (void)mc_id;
    if (++s->calls == s->stop_at) cms_stop();
}

static void xcap_server_stopped(void)
{
    if (!setup()) return;
    CHECK_EQ(run("%s/../tests/cms/cms.sh provision cms sip:u0@test.example sip:u1@test.example sip:u2@test.example "
                 "sip:u3@test.example sip:u4@test.example sip:u5@test.example sip:u6@test.example "
                 "sip:u7@test.example", RK_VECTOR_DIR), 0);
    /* the batch through the library: the server stops at the third PUT */
    char p[4400], err[512] = "";
    size_t n = 0;
    uint8_t *buf = malloc(1 << 16);
    rk_kms_cert c;
    rk_iwf w;
    snprintf(p, sizeof p, "%s/kms/kms-cert.xml", dir);
    CHECK_EQ(rk_file_read(p, buf, 1 << 16, &n), RK_OK);
    CHECK_EQ(rk_kms_cert_parse(&c, buf, n, err, sizeof err), RK_OK);
    snprintf(p, sizeof p, "%s/iwf0.xml", dir);
    CHECK_EQ(rk_file_read(p, buf, 1 << 16, &n), RK_OK);
    CHECK_EQ(rk_iwf_open(&w, &c, &c, buf, n, "sip:iwf@iwf.test.example", NOW, err, sizeof err), RK_OK);
    free(buf);
    stopper s = {0, 3};
    rk_xcap_opts o;
    rk_xcap *x = NULL;
    char tok[4400], ca[4400], inv[4400], out[4400];
    rk_xcap_opts_default(&o);
    snprintf(tok, sizeof tok, "%s/token", cms);
    snprintf(ca, sizeof ca, "%s/ca.pem", cms);
    snprintf(inv, sizeof inv, "%s/inv.csv", dir);
    snprintf(out, sizeof out, "%s/stop", dir);
    o.root = root; o.cacert = ca; o.jobs = 1; o.log = NULL; o.backoff_ms = 20; o.max_attempts = 3;
    o.before_put = stop_server; o.before_put_arg = &s;
    CHECK_EQ(rk_xcap_open(&x, &o, tok, err, sizeof err), RK_OK);
    rk_delivery d = rk_xcap_delivery(x);
    FILE *log = fopen("/dev/null", "w");
    char logpath[4400];
    snprintf(logpath, sizeof logpath, "%s/stop.log", dir);
    FILE *lf = fopen(logpath, "w");
    rk_iwf_stats st;
    rk_iwf_batch_opts bo = {.inventory = inv, .outdir = out, .shard_n = 1, .now_unix = NOW,
                            .log = lf ? lf : log, .delivery = &d};
    CHECK(rk_iwf_batch(&w, &bo, &st) != RK_OK);          /* some failed: non-zero */
    if (lf) fclose(lf);
    rk_xcap_close(x);
    CHECK_EQ(st.lines, 8);
    CHECK_EQ(st.done, 8);          /* all wrapped */
    CHECK_EQ(st.delivered, 2);
    CHECK_EQ(st.undelivered, 6);
    CHECK_EQ(st.failed, 0);
    CHECK_EQ(run("test $(grep -l '^delivered 1' stop/*.state | wc -l) = 2"), 0);
    /* each undelivered user named with the cause */
    CHECK_EQ(run("test $(grep -c 'delivery failed: .*\\(connect\\|Connection\\|refused\\|timed out\\)' stop.log) = 6"), 0);
    CHECK_EQ(run("grep -q 'sip:u2@test.example: delivery failed' stop.log"), 0);
    /* nothing marked delivered that the server did not accept */
    CHECK_EQ(run("for f in $(grep -l '^delivered 1' stop/*.state); do u=$(sed -n 's/^mc_id //p' $f); "
                 "grep -q \"key-id=\\\"$(sed -n 's/^key_id //p' $f)\\\"\" cms/" USERS "/$u/user-profile-0.xml || exit 1; done"), 0);
    /* restart (another port), rerun: exactly the rest */
    CHECK(cms_start());
    long put0 = logged("PUT");
    CHECK_EQ(run("%s iwf --iwf-uri sip:iwf@iwf.test.example --cert kms/kms-cert.xml --keyset iwf0.xml --inventory inv.csv --out stop " XCAP
                 " > rerun.txt", bin, root), 0);
    CHECK_EQ(run("grep -q '8 lines, 0 wrapped, 8 already done, 0 failed' rerun.txt && grep -q '6 delivered, 0 not delivered' rerun.txt"), 0);
    CHECK_EQ(logged("PUT") - put0, 6);
    if (log) fclose(log);
    rk_iwf_close(&w);
}

static void xcap_auth_tls(void)
{
    if (!setup()) return;
    CHECK_EQ(run("%s/../tests/cms/cms.sh provision cms sip:u0@test.example", RK_VECTOR_DIR), 0);
    CHECK_EQ(run("head -1 inv.csv > inv1.csv && echo wrong-token > bad.token"), 0);
    CHECK_EQ(run("%s iwf --iwf-uri sip:iwf@iwf.test.example --cert kms/kms-cert.xml --keyset iwf0.xml --inventory inv1.csv --out auth "
                 "--xcap-root %s --cacert cms/ca.pem --token-file bad.token 2> auth.err", bin, root), 1);
    CHECK_EQ(run("grep -q 'delivery failed: .*401 (access token refused)' auth.err"), 0);
    CHECK_EQ(run("! grep -l '^delivered 1' auth/*.state"), 0);
    CHECK_EQ(run("! grep -q wrong-token auth.err log.out log.err"), 0);    /* the token is never logged */
    /* a CA that did not sign the server's certificate */
    CHECK_EQ(run("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=other "
                 "-keyout other.key -out other.pem 2>/dev/null"), 0);
    CHECK_EQ(run("%s iwf --iwf-uri sip:iwf@iwf.test.example --cert kms/kms-cert.xml --keyset iwf0.xml --inventory inv1.csv --out tls "
                 "--xcap-root %s --cacert other.pem --token-file cms/token 2> tls.err", bin, root), 1);
    CHECK_EQ(run("grep -q 'delivery failed: .*TLS: .*certificate' tls.err"), 0);
    CHECK_EQ(run("! grep -l '^delivered 1' tls/*.state"), 0);
    /* a token file that is not one token is refused before any request */
    CHECK_EQ(run("printf 'a b\\n' > two.token && %s iwf --iwf-uri sip:iwf@iwf.test.example --cert kms/kms-cert.xml --keyset iwf0.xml "
                 "--inventory inv1.csv --out tok --xcap-root %s --token-file two.token", bin, root), 3);
}

/* ------------------------------------------------------------ hostile answers */
static void hostile_file(const char *where, const char *make)
{
    CHECK_EQ(run("d='cms/htdocs/%s/" AUID "/users/sip:h@test.example' && mkdir -p \"$d\" && f=\"$d/user-profile-0.xml\" && %s",
                 where, make), 0);
}

static void hostile_case(const char *name, const char *where, rk_status want, double max_s)
{
    char r[600];
    snprintf(r, sizeof r, "https://127.0.0.1:%s/%s", port, where);
    CASE_BEGIN("hostile %s", name);
    rk_xcap *x = open_x(r, 1, "ca.pem", NULL, NULL);
    if (!x) { CASE_END(); return; }
    char el[1024];
    size_t el_len = 0;
    element(el, sizeof el, &el_len, RK_PROFILE_LMR_P25, 0x12345678, 680, "kms.test.example");
    rk_delivery_item it;
    memset(&it, 0, sizeof it);
    it.mc_id = "sip:h@test.example"; it.element = (uint8_t *)el; it.elen = el_len;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    rk_xcap_deliver(x, &it, 1);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double s = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    if (it.st != want) rk_t_failf(__FILE__, __LINE__, "%s: st %d (%s), expected %d", name, it.st, it.err, want);
    CHECK(it.err[0] != 0);
    if (s > max_s) rk_t_failf(__FILE__, __LINE__, "%s: %.1f s, more than %.1f s", name, s, max_s);
    /* the client side: the key store is left untouched */
    CHECK_EQ(run("rm -f h.store.etag && cp u0.store h.store && %s client sync --xcap-root %s --cacert cms/ca.pem --token-file cms/token "
                 "--user sip:h@test.example --cert kms/kms-cert.xml --keyset u0.xml --iwf-uri sip:iwf@iwf.test.example "
                 "--store h.store --storage-key sk.key --timeout 3 --retries 1 >/dev/null 2>&1; "
                 "test $? != 0 && cmp -s h.store u0.store && ! test -e h.store.etag", bin, r), 0);
    rk_xcap_close(x);
    CASE_END();
}

static void xcap_hostile(void)
{
    if (!setup()) return;
    if (run("test -f u0.store") != 0) { CHECK(!"xcap_end_to_end must run first (u0.store)"); return; }
    hostile_file("hostile-big", "truncate -s 50M \"$f\"");
    hostile_file("hostile-text", "echo 'this is not XML' > \"$f\"");
    hostile_file("hostile-many", "{ printf '<mcptt-user-profile xmlns=\"" RK_PROFILE_UP_NS "\" xmlns:k=\""
                                 RK_PROFILE_NS "\"><anyExt>'; for i in $(seq 1 10000); do "
                                 "printf '<k:lmr-root-key lmr-type=\"P25\" key-id=\"00000001\" kms-uri=\"k\" "
                                 "key-period=\"1\">AAAA</k:lmr-root-key>'; "
                                 "done; printf '</anyExt></mcptt-user-profile>'; } > \"$f\" && test $(wc -c < \"$f\") -lt 1048576");
    hostile_file("hostile-slow", "head -c 65536 /dev/zero | tr '\\0' ' ' > \"$f\"");
    hostile_case("50 MiB body", "hostile-big", RK_ERR_XCAP_TOO_BIG, 5);
    hostile_case("non-XML body", "hostile-text", RK_ERR_XML_TEXT_BEFORE_ROOT, 5);
    hostile_case("10,000 elements", "hostile-many", RK_ERR_PROFILE_TOO_MANY, 10);
    hostile_case("redirect to another host", "hostile-redirect", RK_ERR_XCAP_REDIRECT, 5);
    hostile_case("slow drip", "hostile-slow", RK_ERR_XCAP_TIMEOUT, 3 * 3 + 4);    /* 3 tries of 3 s */
    /* 503 with Retry-After: 1: retried, honouring it, then given up */
    long g0 = logged("GET");
    hostile_case("503 Retry-After", "hostile-503", RK_ERR_XCAP_SERVER, 10);
    CHECK(logged("GET") - g0 >= 3 + 2);                 /* 3 tries by the IWF, 2 by the client */
}

/* rotation through the CMS: the next period's element added, the one
 * before the current removed, the current kept */
static void xcap_rotation(void)
{
    if (!setup()) return;
    CHECK_EQ(run("%s/../tests/cms/cms.sh provision cms sip:u7@test.example", RK_VECTOR_DIR), 0);
    CHECK_EQ(run("tail -1 inv.csv > inv7.csv"), 0);
    for (int k = 0; k < 3; k++) {
        CASE_BEGIN("rotation period +%d", k);
        CHECK_EQ(run("RK_NOW=%lld %s iwf --iwf-uri sip:iwf@iwf.test.example --cert kms/kms-cert.xml --keyset iwf%d.xml --inventory inv7.csv --out rot "
                     XCAP " > rot%d.txt", NOW + k * PERIOD, bin, k, root, k), 0);
        CHECK_EQ(run("grep -q '1 lines, 1 wrapped' rot%d.txt", k), 0);
        CASE_END();
    }
    char path[4400];
    snprintf(path, sizeof path, "%s/" USERS "/sip:u7@test.example/user-profile-0.xml", cms);
    uint8_t *doc = malloc(1 << 16);
    size_t n = 0;
    uint64_t p[8] = {0};
    CHECK_EQ(rk_file_read(path, doc, 1 << 16, &n), RK_OK);
    CHECK_EQ(periods(doc, n, p, 8), 2);
    CHECK(p[0] == (uint64_t)(PNO(NOW) + 1) && p[1] == (uint64_t)(PNO(NOW) + 2));
    free(doc);
}

static void xcap_cleanup(void)
{
    if (!dir[0]) return;
    cms_stop();
    if (!getenv("RK_KEEP")) { char c[4300]; snprintf(c, sizeof c, "rm -rf '%s'", dir); CHECK_EQ(system(c), 0); }
}

#endif

void rk_suite_xcap(void)
{
    RUN(xcap_url);
    RUN(xcap_merge);
#ifndef RK_NO_ORACLES
    RUN(xcap_cms_preconditions);
    RUN(xcap_end_to_end);
    RUN(xcap_wrap);
    RUN(xcap_doc_name);
    RUN(xcap_concurrent_edit);
    RUN(xcap_server_stopped);
    RUN(xcap_auth_tls);
    RUN(xcap_hostile);
    RUN(xcap_rotation);
    RUN(xcap_cleanup);
#endif
}
