/* SPDX-License-Identifier: Apache-2.0
 * shims/cli/main.c - the rootkey command (docs/cli.md, docs/rootkey.1).
 * Exit codes: 0 success, 1 some items failed (batch, unwrap, selftest),
 * 2 usage error, 3 input file unreadable or malformed, 4 cryptographic
 * validation failed, 5 internal error.  No subcommand ever prints key
 * material, except `mikey receive --show-secrets`.
 */
#include <errno.h>
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "client/client.h"
#include "client/keystore.h"
#include "common/atomic.h"
#include "common/clock.h"
#include "common/kms.h"
#include "iwf/iwf.h"
#include "cli/cli.h"
#include "cli/delivery.h"
#include "rootkey/b64.h"
#include "rootkey/hash.h"
#include "rootkey/keyperiod.h"
#include "rootkey/hex.h"
#include "rootkey/mikey.h"
#include "rootkey/mikeysakke.h"
#include "rootkey/profile.h"
#include "rootkey/rootkey.h"
#include "rootkey/version.h"

#define MAXDOC (1u << 20)

int64_t now_unix(void)
{
#ifdef RK_TEST_HOOKS
    const char *e = getenv("RK_NOW");     /* the test build only: a fixed clock */
    if (e) return (int64_t)atoll(e);
#endif
    return (int64_t)time(NULL);
}

#ifdef RK_TEST_HOOKS
/* the test build only: die like a crash once N users are wrapped */
static void crash_after(void *ctx, size_t wrapped)
{
    if ((long)wrapped >= *(long *)ctx) _exit(99);
}

/* the test build only (RK_TEST_SEED): the batch's randomness a function of
 * the seed and the user, HMAC-SHA-256(seed, id || 0 || counter), so that
 * two runs of one inventory write the same octets whatever --jobs is */
static void seeded_rnd(void *ctx, const char *id, uint8_t *out, size_t n)
{
    const char *seed = ctx;
    for (uint8_t ctr = 0, blk[32]; n; ctr++) {
        rk_hmac_ctx h;
        size_t k = n < 32 ? n : 32;
        rk_hmac_init(&h, (const uint8_t *)seed, strlen(seed));
        rk_hmac_update(&h, (const uint8_t *)id, strlen(id) + 1);
        rk_hmac_update(&h, &ctr, 1);
        rk_hmac_final(&h, blk);
        memcpy(out, blk, k);
        out += k;
        n -= k;
    }
}

/* the batch's test hooks from the environment */
static void batch_hooks(rk_iwf_batch_opts *bo, long *crash_n)
{
    const char *ca = getenv("RK_TEST_CRASH_AFTER"), *seed = getenv("RK_TEST_SEED");
    *crash_n = ca ? atol(ca) : 0;
    if (ca) { bo->after_user = crash_after; bo->after_ctx = crash_n; }
    if (seed) { bo->rnd = seeded_rnd; bo->rnd_ctx = (void *)(uintptr_t)seed; }
}
#endif

/* see delivery.h */
unsigned rk_cli_wrap_jobs(const rk_cli_delivery *d)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (d->jobs_given) return d->o.jobs;
    return n < 1 ? 1 : n > RK_IWF_JOBS_MAX ? RK_IWF_JOBS_MAX : (unsigned)n;
}


/* docs/cli.md: 3 for input unreadable, too large or malformed (hex, base64,
 * MIKEY, XML, profile, KMS documents, the inventory, the store format), 4 for
 * a failed cryptographic or policy check, 5 internal. */
int rk_cli_exit_code(rk_status st)
{
    if (st == RK_OK) return EX_OK;
    if ((st <= RK_ERR_HEX_ODD && st >= RK_ERR_HEX_CHAR) || (st <= RK_ERR_B64_CHAR && st >= RK_ERR_B64_SPACE) ||
        (st <= RK_ERR_MIKEY_TRUNCATED && st >= -649) || st == RK_ERR_IWF_TOO_LARGE)
        return EX_INPUT;
    if (st == RK_ERR_IO || st == RK_ERR_STORE_KMS_XML ||
        (st <= RK_ERR_KMS_ROOT && st >= RK_ERR_KMS_PARAMETER_SET) || /* malformed, unsupported */
        st == RK_ERR_KMS_URI_MISMATCH || st == RK_ERR_KMS_USER_ID || st == RK_ERR_KMS_NO_CERT ||
        st == RK_ERR_STORE_INVENTORY || (st <= RK_ERR_IWF_DUPLICATE_ID && st >= RK_ERR_IWF_LOCKED) ||
        st == RK_ERR_IWF_PERIOD || st == RK_ERR_IWF_SIGNER ||
        (st <= -900 && st >= -1099) || st == RK_ERR_STORE_FORMAT || st == RK_ERR_STORE_TRUNCATED)
        return EX_INPUT;
    if (st == RK_ERR_ALLOC || st == RK_ERR_INTERNAL) return EX_INTERNAL;
    return EX_CRYPTO;
}

/* Issue 18 item 13: a command line is visible to every user of the machine
 * (ps, /proc/PID/cmdline), so no argument may carry a key. */
void no_key_on_argv(const char *cmd, const char *opt)
{
    fprintf(stderr, "rootkey %s: %s holds a key (hex:...): a command line is visible to other users; "
                    "give the key as file:/path, or the line on stdin (%s -)\n", cmd, opt, opt);
}

int fail(const char *cmd, const char *what, rk_status st)
{
    fprintf(stderr, "rootkey %s: %s: %s (%d)\n", cmd, what, rk_strerror(st), (int)st);
    return rk_cli_exit_code(st);
}

rk_status rk_cli_write_out(const char *path, const uint8_t *data, size_t len, unsigned mode)
{
    if (strcmp(path, "-") != 0) return rk_file_write_atomic(path, data, len, mode);
    if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) return RK_ERR_IO;
    return RK_OK;
}

FILE *info_of(const char *out)
{
    return strcmp(out, "-") == 0 ? stderr : stdout;
}

uint8_t *slurp(const char *path, size_t *len, rk_status *st)
{
    uint8_t *b = malloc(MAXDOC);
    *len = 0;
    if (!b) { *st = RK_ERR_ALLOC; return NULL; }
    *st = rk_file_read(path, b, MAXDOC, len);
    if (*st != RK_OK) { free(b); return NULL; }
    return b;
}

rk_status load_cert(const char *path, rk_kms_cert *c, char *err, size_t errlen)
{
    size_t n;
    rk_status st;
    uint8_t *b = slurp(path, &n, &st);
    if (!b) { snprintf(err, errlen, "%s: %s", path, strerror(errno)); return st; }
    st = rk_kms_cert_parse(c, b, n, err, errlen);
    free(b);
    return st;
}

rk_status load_iwf_cert(rk_kms_cert *ic, const rk_kms_cert *mine, const char *icert,
                        const char *cache, const char *kms_uri, char *err, size_t errlen)
{
    size_t n;
    rk_status st;
    uint8_t *b;
    if (icert) return load_cert(icert, ic, err, errlen);
    if (!cache) { *ic = *mine; return RK_OK; }
    b = slurp(cache, &n, &st);
    if (!b) { snprintf(err, errlen, "%s: %s", cache, strerror(errno)); return st; }
    st = rk_kms_cert_find(ic, kms_uri ? kms_uri : mine->kms_uri, b, n, now_unix(), err, errlen);
    free(b);
    return st;
}

/* ------------------------------------------------------------ kms: shims/cli/kms.c */
int rk_cli_kms(int argc, char **argv);

/* ------------------------------------------------------------ iwf / wrap */
static void usage_iwf(FILE *f)
{
    fprintf(f, "usage: rootkey iwf --cert KMS-CERT.xml --keyset IWF-KEYSET.xml --iwf-uri URI --inventory FILE.csv\n"
               "                  --out DIR (--xcap-root URL --token-file FILE | --files-only [--xcap-root URL])\n"
               "                  [--iwf-cert IWF-KMS-CERT.xml] [--shard i/n]\n"
               "                  [--period current|next|N] [--progress=auto|always|never]\n"
               "The key set must be the IWF's (UserUri = --iwf-uri) for the key period wrapped for\n"
               "(current; next or N: wrap ahead at the start of that period).\n"
               "Batch wrap and delivery: per inventory line (RFC 4180 CSV, docs/inventory.md; FILE - is\n"
               "stdin) DIR/<stem>.p<period>.element.xml and .state (stem: a digest of the MC ID), each\n"
               "written atomically; then the element is put into the user's profile document in the CMS\n"
               "over XCAP/HTTPS and recorded delivered once the CMS has it (--files-only: files only;\n"
               "with --xcap-root also DIR/<stem>.p<period>.xcap, the element-level PUT for a CMS driven\n"
               "by hand).  Users whose line is unchanged since they were wrapped for this key period are\n"
               "skipped, undelivered ones delivered again (resumable).  A bad line, or an MC ID on two\n"
               "lines, is reported as FILE:LINE: reason and the others are processed.  Exit 1 if any\n"
               "failed or was not delivered; 3 if the inventory is unreadable, a file cannot be written,\n"
               "or DIR is in use.  A progress bar on stderr when it is a terminal (--progress=auto).\n"
               RK_CLI_DELIVERY_USAGE);
}

static void usage_wrap(FILE *f)
{
    fprintf(f, "usage: rootkey wrap --cert KMS-CERT.xml --keyset IWF-KEYSET.xml --iwf-uri URI --line CSV-LINE|-\n"
               "                   [--profile DOC.xml] --out FILE [--iwf-cert IWF-KMS-CERT.xml]\n"
               "                   [--period current|next|N] [--xcap-root URL --token-file FILE ...]\n"
               "Wrap one user's root key (CSV-LINE as one inventory line, its key as file:/path;\n"
               "or -: the line from stdin).  Without --profile FILE is the profile element; with\n"
               "it, FILE is DOC with the element upserted.  With --xcap-root the element is also\n"
               "delivered into the user's profile in the CMS.\n" RK_CLI_DELIVERY_USAGE);
}

/* The time wrapped at: now for --period current (or none); for next or N,
 * the start of that key period of the users' KMS (wrapping ahead, with the
 * IWF key set of that period). */
static rk_status wrap_time(const rk_kms_cert *c, const char *spec, int64_t *t, char *err, size_t errlen)
{
    uint64_t cur = 0, want;
    char *end = NULL;
    *t = now_unix();
    rk_status st = rk_kms_period_now(&cur, c, *t);
    if (st != RK_OK || !spec || !strcmp(spec, "current")) return st;
    if (!strcmp(spec, "next")) want = cur + 1;
    else {
        errno = 0;
        want = strtoull(spec, &end, 10);
        if (errno || *end || spec[0] < '0' || spec[0] > '9' || want < cur || want > (1ull << 40)) {
            snprintf(err, errlen, "--period wants current, next or a key period number from %llu on",
                     (unsigned long long)cur);
            return RK_ERR_KEYPERIOD;
        }
    }
    if (want > cur) *t = (int64_t)(want * c->period_len + c->period_offset) - (int64_t)RK_NTP_UNIX_OFFSET;
    return RK_OK;
}

static rk_status open_iwf(rk_iwf *w, const char *cert, const char *iwf_cert, const char *keyset,
                          const char *iwf_uri, const char *period, int64_t *t, char *err, size_t errlen)
{
    rk_kms_cert c, ic;
    size_t n;
    rk_status st = load_cert(cert, &c, err, errlen);
    if (st != RK_OK) return st;
    if (iwf_cert) { st = load_cert(iwf_cert, &ic, err, errlen); if (st != RK_OK) return st; }
    else ic = c;
    st = wrap_time(&c, period, t, err, errlen);
    if (st != RK_OK) return st;
    uint8_t *b = slurp(keyset, &n, &st);
    if (!b) { snprintf(err, errlen, "%s: %s", keyset, strerror(errno)); return st; }
    st = rk_iwf_open(w, &c, &ic, b, n, iwf_uri, *t, err, errlen);
    sodium_memzero(b, n);
    free(b);
    return st;
}

int rk_cli_iwf_status(int argc, char **argv);

static int cmd_iwf(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "status")) return rk_cli_iwf_status(argc, argv);
    const char *cert = NULL, *icert = NULL, *keyset = NULL, *inv = NULL, *out = NULL;
    const char *iuri = NULL, *period = NULL;
    unsigned si = 0, sn = 1;
    rk_cli_delivery dl;
    rk_cli_delivery_init(&dl);
    static struct option o[] = {{"cert", 1, 0, 'c'}, {"iwf-cert", 1, 0, 'C'}, {"keyset", 1, 0, 'k'},
        {"inventory", 1, 0, 'i'}, {"out", 1, 0, 'o'}, {"shard", 1, 0, 's'},
        {"iwf-uri", 1, 0, 'u'}, {"period", 1, 0, 'p'}, {"progress", 1, 0, 'P'}, {"help", 0, 0, 'h'},
        RK_CLI_DELIVERY_LONGOPTS, {0, 0, 0, 0}};
    int prog = isatty(2);
    optind = 1;
    for (int c; (c = getopt_long(argc, argv, "", o, NULL)) != -1;) {
        switch (c) {
        case 'c': cert = optarg; break;
        case 'C': icert = optarg; break;
        case 'k': keyset = optarg; break;
        case 'i': inv = optarg; break;
        case 'o': out = optarg; break;
        case 'u': iuri = optarg; break;
        case 'p': period = optarg; break;
        case 'P': if (!strcmp(optarg, "always")) prog = 1; else if (!strcmp(optarg, "never")) prog = 0;
                  else if (strcmp(optarg, "auto")) { usage_iwf(stderr); return EX_USAGE; }
                  break;
        case 's': if (sscanf(optarg, "%u/%u", &si, &sn) != 2 || sn == 0 || si >= sn) {
                      fprintf(stderr, "rootkey iwf: --shard wants i/n with 0 <= i < n\n"); return EX_USAGE; }
                  break;
        case 'h': usage_iwf(stdout); return EX_OK;
        default: if (rk_cli_delivery_opt(&dl, "iwf", c, optarg) == 1) break;
                 usage_iwf(stderr); return EX_USAGE;
        }
    }
    if (!cert || !keyset || !inv || !out || !iuri) { usage_iwf(stderr); return EX_USAGE; }
    const rk_delivery *dv = NULL;
    int rc = rk_cli_delivery_open(&dl, "iwf", 1, &dv);
    if (rc != EX_OK) return rc;
    rk_iwf w;
    char err[512] = "";
    int64_t t = 0;
    rk_status st = open_iwf(&w, cert, icert, keyset, iuri, period, &t, err, sizeof err);
    if (st != RK_OK) { rk_cli_delivery_close(&dl); fprintf(stderr, "rootkey iwf: %s\n", err);
                       return !strncmp(err, "--period", 8) ? EX_USAGE : fail("iwf", "IWF key set", st); }
    printf("iwf: signer %s (IWF key set of key period %llu of %s)\n", w.iwf_uri,
           (unsigned long long)w.period_no, w.iwf_kms.kms_uri);
    rk_iwf_stats s;
    /* the element-level request files only with --files-only */
    rk_iwf_batch_opts bo = {.inventory = inv, .outdir = out, .xcap_root = dv ? NULL : dl.o.root,
                            .doc_name = dl.o.doc_name,
                            .shard_i = si, .shard_n = sn, .now_unix = t, .log = stderr, .progress = prog,
                            .delivery = dv, .jobs = rk_cli_wrap_jobs(&dl)};
#ifdef RK_TEST_HOOKS
    long crash_n;
    batch_hooks(&bo, &crash_n);
#endif
    double t0 = rk_clock_mono();
    st = rk_iwf_batch(&w, &bo, &s);
    double t1 = rk_clock_mono();
    rk_iwf_close(&w);
    rk_cli_delivery_close(&dl);
    printf("iwf: %zu lines, %zu wrapped, %zu already done, %zu failed, %zu in other shards (%.2f s)\n",
           s.lines, s.done, s.skipped, s.failed, s.other_shard, t1 - t0);
    if (dv) printf("iwf: %zu delivered, %zu not delivered\n", s.delivered, s.undelivered);
    if (st == RK_ERR_IO || st == RK_ERR_IWF_TOO_LARGE || st == RK_ERR_IWF_LOCKED) return rk_cli_exit_code(st);
    return s.failed || s.undelivered ? EX_SOME : EX_OK;
}

static int cmd_wrap(int argc, char **argv)
{
    const char *cert = NULL, *icert = NULL, *keyset = NULL, *line = NULL, *out = NULL, *prof = NULL;
    const char *iuri = NULL, *period = NULL;
    rk_cli_delivery dl;
    rk_cli_delivery_init(&dl);
    static struct option o[] = {{"cert", 1, 0, 'c'}, {"iwf-cert", 1, 0, 'C'}, {"keyset", 1, 0, 'k'},
        {"line", 1, 0, 'l'}, {"out", 1, 0, 'o'}, {"profile", 1, 0, 'p'}, {"iwf-uri", 1, 0, 'u'},
        {"period", 1, 0, 'P'}, {"help", 0, 0, 'h'}, RK_CLI_DELIVERY_LONGOPTS, {0, 0, 0, 0}};
    optind = 1;
    for (int c; (c = getopt_long(argc, argv, "", o, NULL)) != -1;) {
        switch (c) {
        case 'c': cert = optarg; break;
        case 'C': icert = optarg; break;
        case 'k': keyset = optarg; break;
        case 'l': line = optarg; break;
        case 'o': out = optarg; break;
        case 'p': prof = optarg; break;
        case 'u': iuri = optarg; break;
        case 'P': period = optarg; break;
        case 'h': usage_wrap(stdout); return EX_OK;
        default: if (rk_cli_delivery_opt(&dl, "wrap", c, optarg) == 1) break;
                 usage_wrap(stderr); return EX_USAGE;
        }
    }
    if (!cert || !keyset || !line || !out || !iuri) { usage_wrap(stderr); return EX_USAGE; }
    if (rk_iwf_argv_key(line)) { no_key_on_argv("wrap", "--line"); return EX_USAGE; }
    const rk_delivery *dv = NULL;
    if (dl.o.root) { int rc = rk_cli_delivery_open(&dl, "wrap", 0, &dv); if (rc != EX_OK) return rc; }
    rk_iwf w;
    char err[512] = "", id[256], kms[256];
    rk_lmr_block *b = sodium_malloc(sizeof *b);
    if (!b) return fail("wrap", "guarded memory", RK_ERR_ALLOC);
    int64_t t = 0;
    rk_status st = open_iwf(&w, cert, icert, keyset, iuri, period, &t, err, sizeof err);
    if (st != RK_OK) { sodium_free(b); fprintf(stderr, "rootkey wrap: %s\n", err);
                       return !strncmp(err, "--period", 8) ? EX_USAGE : fail("wrap", "IWF key set", st); }
    char *ln = sodium_malloc(RK_IWF_LINE_MAX + 1);
    size_t lnl = 0;
    st = !ln ? RK_ERR_ALLOC : strcmp(line, "-") ? RK_OK
       : rk_iwf_find_line("-", NULL, ln, RK_IWF_LINE_MAX + 1, &lnl, err, sizeof err);
    if (st == RK_OK)
        st = strcmp(line, "-") ? rk_iwf_parse_line(line, id, sizeof id, kms, sizeof kms, b, err, sizeof err)
                               : rk_iwf_parse_record(ln, lnl, id, sizeof id, kms, sizeof kms, b, err, sizeof err);
    if (ln) { sodium_memzero(ln, RK_IWF_LINE_MAX + 1); sodium_free(ln); }
    if (st != RK_OK) { rk_iwf_close(&w); sodium_free(b); fprintf(stderr, "rootkey wrap: line: %s\n", err); return rk_cli_exit_code(st); }
    uint8_t el[4096]; size_t elen = 0; uint32_t kid = 0; uint64_t per = 0;
    if (strcmp(kms, w.kms.kms_uri) != 0) {
        rk_iwf_close(&w); sodium_free(b);
        fprintf(stderr, "rootkey wrap: kms_uri %s is not the certificate's\n", kms);
        return EX_INPUT;
    }
    st = rk_iwf_element(&w, id, b, t, el, sizeof el, &elen, &kid, &per, err, sizeof err);
    int lmr_type = b->lmr_type;
    sodium_free(b);
    rk_iwf_close(&w);
    if (st != RK_OK) { rk_cli_delivery_close(&dl); return fail("wrap", err, st); }
    if (dv) {
        rk_delivery_item it = {.mc_id = id, .element = el, .elen = elen};
        dv->deliver(dv->ctx, &it, 1);
        rk_cli_delivery_close(&dl);
        if (it.st != RK_OK) { fprintf(stderr, "rootkey wrap: not delivered: %s (%d)\n", it.err, (int)it.st); return EX_SOME; }
        printf("delivered root key %08X for %s to the CMS (HTTP %d, %s)\n", (unsigned)kid, id, it.http_status,
               it.changed ? "document updated" : "already there");
    }
    if (prof) {
        size_t n, nl = 0;
        uint8_t *doc = slurp(prof, &n, &st);
        if (!doc) return fail("wrap", prof, st);
        uint8_t *nd = malloc(n + 8192);
        rk_profile_ctx *pc = malloc(sizeof *pc);
        const uint8_t *gt = memchr(el, '>', elen), *lt = gt ? memchr(gt, '<', elen - (size_t)(gt - el)) : NULL;
        st = (nd && pc && gt && lt) ? RK_OK : RK_ERR_INTERNAL;
        if (st == RK_OK)
            st = rk_profile_upsert(pc, nd, n + 8192, &nl, doc, n, 0, lmr_type, kid,
                                   (const uint8_t *)kms, strlen(kms), per, gt + 1, (size_t)(lt - gt - 1));
        if (st == RK_OK) st = rk_cli_write_out(out, nd, nl, 0644);
        free(pc); free(doc); free(nd);
        if (st != RK_OK) return fail("wrap", "profile document", st);
        fprintf(info_of(out), "wrapped root key %08X for %s, key period %llu, upserted: %s\n", (unsigned)kid, id,
               (unsigned long long)per, out);
        return EX_OK;
    }
    st = rk_cli_write_out(out, el, elen, 0644);
    if (st != RK_OK) return fail("wrap", out, st);
    fprintf(info_of(out), "wrapped root key %08X for %s, key period %llu: %s\n", (unsigned)kid, id,
           (unsigned long long)per, out);
    return EX_OK;
}

/* ------------------------------------------------------------ unwrap */
static void usage_unwrap(FILE *f)
{
    fprintf(f, "usage: rootkey unwrap --cert KMS-CERT.xml --keyset MY-KEYSET.xml --iwf-uri URI\n"
               "                     --profile DOC.xml --store STORE --storage-key KEYFILE\n"
               "                     [--iwf-cert IWF-KMS-CERT.xml | --kms-cert-cache CACHE.xml [--iwf-kms-uri URI]]\n"
               "Validate my key sets (every one of the KmsKeyProv response: RSK, SSK), unwrap every\n"
               "root-key element of DOC, with the key set of its key period, signed by the\n"
               "IWF URI (docs/design.md section 5 policy) into the sealed key store STORE (created if missing).\n"
               "KEYFILE holds the 32-octet storage key as 64 hex digits.  Prints key IDs only.\n");
}

rk_status read_storage_key(const char *path, uint8_t key[32])
{
    char h[80]; size_t n = 0, ol = 0;
    rk_status st = rk_file_read(path, (uint8_t *)h, sizeof h, &n);
    if (st != RK_OK) return st;
    while (n && (h[n-1] == '\n' || h[n-1] == ' ' || h[n-1] == '\r')) n--;
    st = (n == 64) ? rk_hex_decode(key, 32, h, 64, &ol) : RK_ERR_LENGTH;
    sodium_memzero(h, sizeof h);
    return st;
}

static int cmd_unwrap(int argc, char **argv)
{
    const char *cert = NULL, *icert = NULL, *keyset = NULL, *iuri = NULL, *prof = NULL, *store = NULL, *skf = NULL;
    const char *cache = NULL, *ikms = NULL;
    static struct option o[] = {{"cert", 1, 0, 'c'}, {"iwf-cert", 1, 0, 'C'}, {"keyset", 1, 0, 'k'},
        {"iwf-uri", 1, 0, 'i'}, {"profile", 1, 0, 'p'}, {"store", 1, 0, 's'}, {"storage-key", 1, 0, 'K'},
        {"kms-cert-cache", 1, 0, 'Y'}, {"iwf-kms-uri", 1, 0, 'y'}, {"help", 0, 0, 'h'}, {0, 0, 0, 0}};
    optind = 1;
    for (int c; (c = getopt_long(argc, argv, "", o, NULL)) != -1;) {
        switch (c) {
        case 'c': cert = optarg; break;
        case 'C': icert = optarg; break;
        case 'k': keyset = optarg; break;
        case 'i': iuri = optarg; break;
        case 'p': prof = optarg; break;
        case 's': store = optarg; break;
        case 'K': skf = optarg; break;
        case 'Y': cache = optarg; break;
        case 'y': ikms = optarg; break;
        case 'h': usage_unwrap(stdout); return EX_OK;
        default: usage_unwrap(stderr); return EX_USAGE;
        }
    }
    if (!cert || !keyset || !iuri || !prof || !store || !skf || (icert && cache) || (ikms && !cache)) {
        usage_unwrap(stderr); return EX_USAGE;
    }
    char err[512] = "";
    rk_kms_cert c, ic;
    rk_status st = load_cert(cert, &c, err, sizeof err);
    if (st == RK_OK) st = load_iwf_cert(&ic, &c, icert, cache, ikms, err, sizeof err);
    if (st != RK_OK) { fprintf(stderr, "rootkey unwrap: %s\n", err); return rk_cli_exit_code(st); }
    uint8_t *sk = sodium_malloc(32);
    if (!sk) return fail("unwrap", "guarded memory", RK_ERR_ALLOC);
    st = read_storage_key(skf, sk);
    if (st != RK_OK) { sodium_free(sk); return fail("unwrap", "storage key", st); }
    size_t n, dn;
    uint8_t *ksx = slurp(keyset, &n, &st);
    if (!ksx) { sodium_free(sk); return fail("unwrap", keyset, st); }
    rk_client cl;
    st = rk_client_open(&cl, &c, &ic, iuri, ksx, n, 1, err, sizeof err);
    sodium_memzero(ksx, n); free(ksx);
    if (st != RK_OK) { sodium_free(sk); fprintf(stderr, "rootkey unwrap: key set: %s (%d)\n", err, (int)st); return rk_cli_exit_code(st); }
    rk_keystore *ks = rk_keystore_new(256);
    int rc = EX_OK;
    /* load-modify-save under the store's lock: a concurrent unwrap waits */
    int lk = ks ? rk_keystore_lock(store) : -1;
    if (!ks) { rc = fail("unwrap", "key store", RK_ERR_ALLOC); goto out; }
    if (lk < 0) { fprintf(stderr, "rootkey unwrap: %s.lock: %s\n", store, strerror(errno)); rc = EX_INPUT; goto out; }
    if (access(store, F_OK) == 0) {
        st = rk_keystore_load(ks, store, sk);
        if (st != RK_OK) { rc = fail("unwrap", store, st); goto out; }
    }
    uint8_t *doc = slurp(prof, &dn, &st);
    if (!doc) { rc = fail("unwrap", prof, st); goto out; }
    size_t before = rk_keystore_count(ks);
    rk_client_counts cn;
    st = rk_client_unwrap_doc(&cl, ks, doc, dn, now_unix(), &cn);
    free(doc);
    if (cn.ok) {
        rk_status s2 = rk_keystore_save(ks, store, sk);
        if (s2 != RK_OK) { rc = fail("unwrap", store, s2); goto out; }
    }
    printf("unwrap: %zu element(s) accepted, %zu refused, %zu up to date, %zu for a later key period, "
           "%zu superseded; store %s holds %zu root key(s) (was %zu)%s\n", cn.ok, cn.bad, cn.unchanged,
           cn.later, cn.superseded, store, rk_keystore_count(ks), before,
           !cn.ok && !cn.bad ? ": up to date" : "");
    if (st != RK_OK) { fprintf(stderr, "rootkey unwrap: first refusal: %s (%d)\n", rk_strerror(st), (int)st);
                       rc = cn.ok ? EX_SOME : rk_cli_exit_code(st); }
out:
    rk_keystore_unlock(lk);
    rk_keystore_free(ks);
    rk_client_close(&cl);
    sodium_free(sk);
    return rc;
}

/* ------------------------------------------------------------ inspect */
static void json_str(const uint8_t *p, size_t n)
{
    putchar('"');
    for (size_t i = 0; i < n; i++) {
        uint8_t ch = p[i];
        if (ch == '"' || ch == '\\') printf("\\%c", ch);
        else if (ch < 0x20 || ch >= 0x7F) printf("\\u%04x", ch);
        else putchar(ch);
    }
    putchar('"');
}

/* Public fields only: the SAKKE data, extensions and signature are shown
 * by length, never by value (they are ciphertext, but there is no reason). */
static rk_status inspect_mikey(const uint8_t *m, size_t n, const char *ind)
{
    rk_mikey_view *v = malloc(sizeof *v);
    if (!v) return RK_ERR_ALLOC;
    rk_status st = rk_mikey_parse(v, m, n);
    if (st != RK_OK) { free(v); return st; }
    printf("{\n%s  \"type\": \"MIKEY-SAKKE I_MESSAGE\",\n%s  \"length\": %zu,\n", ind, ind, n);
    printf("%s  \"csb_id\": \"%08X\",\n%s  \"purpose_tag\": %u,\n", ind, (unsigned)v->csb_id, ind,
           (unsigned)(v->csb_id >> 28));
    printf("%s  \"t_ntp_seconds\": %u,\n%s  \"t_unix\": %lld,\n", ind, (unsigned)v->ts_sec, ind,
           (long long)rk_ntp_to_unix(v->ts_sec));
    printf("%s  \"identities\": [", ind);
    for (size_t i = 0; i < v->n_idr; i++) {
        printf("%s{\"role\": %u, \"id_type\": %u, \"id\": ", i ? ", " : "", v->idr[i].role, v->idr[i].id_type);
        json_str(m + v->idr[i].id.off, v->idr[i].id.len);
        printf("}");
    }
    printf("],\n%s  \"sakke_data_length\": %zu,\n", ind, v->sakke_data.len);
    printf("%s  \"general_extensions\": [", ind);
    for (size_t i = 0; i < v->n_genext; i++)
        printf("%s{\"type\": %u, \"length\": %zu}", i ? ", " : "", v->genext[i].type, v->genext[i].data.len);
    printf("],\n%s  \"signature_type\": %u,\n%s  \"signature_length\": %zu\n%s}", ind, v->sign_type, ind,
           v->signature.len, ind);
    free(v);
    return RK_OK;
}

int rk_cli_inspect_kms(const uint8_t *d, size_t n, int64_t now, int *rc);

static int cmd_inspect(int argc, char **argv)
{
    if (argc != 2 || !strcmp(argv[1], "--help")) {
        FILE *f = argc == 2 ? stdout : stderr;
        fprintf(f, "usage: rootkey inspect FILE\nDecode a MIKEY-SAKKE I_MESSAGE (binary, or base64 text),\n"
                   "a profile element, a profile document or a KMS response (TS 33.180 Annex D)\n"
                   "to JSON on stdout; no secrets.\n");
        return argc == 2 ? EX_OK : EX_USAGE;
    }
    size_t n;
    rk_status st;
    uint8_t *d = slurp(argv[1], &n, &st);
    if (!d) return fail("inspect", argv[1], st);
    int rc = EX_OK;
    size_t a = 0;
    while (a < n && (d[a] == ' ' || d[a] == '\n' || d[a] == '\r' || d[a] == '\t')) a++;
    if (rk_cli_inspect_kms(d, n, now_unix(), &rc)) {
        /* a TS 33.180 Annex D KMS response (shims/cli/kms.c) */
    } else if (a < n && d[a] == '<') {
        /* a profile document, or a bare element: wrap it in a document */
        rk_profile_ctx *pc = malloc(sizeof *pc);
        rk_profile_element *els = calloc(64, sizeof *els);
        uint8_t *doc = d; size_t dl = n, cnt = 0;
        uint8_t *wrapped = NULL;
        if (!pc || !els) {
            free(pc); free(els); free(d);
            return fail("inspect", "memory", RK_ERR_ALLOC);
        }
        if (n - a > 13 && !memcmp(d + a, "<rk:lmr-root-key", 16 <= n - a ? 16 : n - a)) {
            static const char h[] = "<mcptt-user-profile xmlns=\"" RK_PROFILE_UP_NS "\"><anyExt>";
            static const char t[] = "</anyExt></mcptt-user-profile>";
            wrapped = malloc(n + sizeof h + sizeof t);
            if (!wrapped) {
                free(pc); free(els); free(d);
                return fail("inspect", "memory", RK_ERR_ALLOC);
            }
            memcpy(wrapped, h, sizeof h - 1); memcpy(wrapped + sizeof h - 1, d + a, n - a);
            memcpy(wrapped + sizeof h - 1 + n - a, t, sizeof t - 1);
            doc = wrapped; dl = sizeof h - 1 + n - a + sizeof t - 1;
        }
        st = rk_profile_find(pc, doc, dl, 0, els, 64, &cnt);
        if (st != RK_OK) { rc = fail("inspect", argv[1], st); }
        else {
            printf("{\n  \"type\": \"%s\",\n  \"elements\": [", wrapped ? "profile element" : "profile document");
            for (size_t i = 0; i < cnt; i++) {
                static const char *names[] = {"?", "P25", "TETRA", "OTHER"};
                printf("%s\n    {\n      \"lmr_type\": \"%s\",\n      \"key_id\": \"%08X\",\n      \"kms_uri\": ",
                       i ? "," : "", names[els[i].lmr & 3], (unsigned)els[i].key_id_value);
                json_str(doc + els[i].kms_uri.off, els[i].kms_uri.len);
                printf(",\n      \"key_period\": %llu,\n      \"message\": ", (unsigned long long)els[i].key_period_value);
                uint8_t *m = malloc(els[i].text.len ? els[i].text.len : 1); size_t ml = 0;
                rk_status s2 = !m ? RK_ERR_ALLOC : rk_b64_decode(m, els[i].text.len, (const char *)doc + els[i].text.off,
                                             els[i].text.len, &ml, RK_B64_ALLOW_SPACE);
                if (s2 == RK_OK) s2 = inspect_mikey(m, ml, "      ");
                if (s2 != RK_OK) { printf("{\"error\": \"%s\"}", rk_strerror(s2)); rc = rk_cli_exit_code(s2); }
                free(m);
                printf("\n    }");
            }
            printf("\n  ]\n}\n");
        }
        free(pc); free(els); free(wrapped);
    } else {
        uint8_t *m = malloc(n ? n : 1); size_t ml = 0;
        if (!m) { free(d); return fail("inspect", "memory", RK_ERR_ALLOC); }
        st = rk_b64_decode(m, n, (const char *)d, n, &ml, RK_B64_ALLOW_SPACE);
        if (st != RK_OK) { memcpy(m, d, n); ml = n; }
        st = inspect_mikey(m, ml, "");
        if (st == RK_OK) printf("\n"); else rc = fail("inspect", argv[1], st);
        free(m);
    }
    free(d);
    return rc;
}

/* ------------------------------------------------------------ main */
static void usage(FILE *f)
{
    fprintf(f, "usage: rootkey COMMAND [OPTIONS]   (rootkey COMMAND --help for each)\n"
               "  kms       a test KMS: create a community, issue Annex D key sets\n"
               "  wrap      wrap one user's LMR root key into a profile element\n"
               "  unwrap    client: validate a key set, unwrap a profile document into the key store\n"
               "  iwf       batch wrap for a fleet from an inventory (CSV); iwf status: who holds what\n"
               "  client    client sync: fetch my profile from the CMS, unwrap into the key store\n"
               "  inspect   decode a MIKEY-SAKKE message, profile element or document to JSON\n"
               "  mikey     mikey receive: decrypt a MIKEY-SAKKE I_MESSAGE with a key set\n"
               "  p25       LMR key messages after the root key: modify-key (IWF), receive (client)\n"
               "  selftest  known-answer self-tests\n"
               "  bench     a few timings\n"
               "  demo      the whole job end to end, offline (make demo)\n"
               "  --version the version\n"
               "Exit codes: 0 ok, 1 some items failed, 2 usage, 3 bad input, 4 crypto check failed, 5 internal.\n");
}

int rk_cli_selftest(int argc, char **argv);
int rk_cli_bench(int argc, char **argv);
int rk_cli_mikey(int argc, char **argv);
int rk_cli_p25(int argc, char **argv);
int rk_cli_client(int argc, char **argv);

int main(int argc, char **argv)
{
    /* no core dump and no ptrace by other users: a core of the batch held
     * root keys (issue 18 item 14); before anything is read */
    struct rlimit nocore = {0, 0};
    if (setrlimit(RLIMIT_CORE, &nocore) != 0 || prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0) {
        fprintf(stderr, "rootkey: cannot disable core dumps: %s\n", strerror(errno));
        return EX_INTERNAL;
    }
    if (sodium_init() < 0) { fprintf(stderr, "rootkey: libsodium failed to initialise\n"); return EX_INTERNAL; }
    if (argc < 2) { usage(stderr); return EX_USAGE; }
    const char *c = argv[1];
    argc--; argv++;
    if (!strcmp(c, "kms")) return rk_cli_kms(argc, argv);
    if (!strcmp(c, "wrap")) return cmd_wrap(argc, argv);
    if (!strcmp(c, "unwrap")) return cmd_unwrap(argc, argv);
    if (!strcmp(c, "iwf")) return cmd_iwf(argc, argv);
    if (!strcmp(c, "inspect")) return cmd_inspect(argc, argv);
    if (!strcmp(c, "demo")) return rk_cli_demo(argc, argv);
    if (!strcmp(c, "selftest")) return rk_cli_selftest(argc, argv);
    if (!strcmp(c, "bench")) return rk_cli_bench(argc, argv);
    if (!strcmp(c, "mikey")) return rk_cli_mikey(argc, argv);
    if (!strcmp(c, "p25")) return rk_cli_p25(argc, argv);
    if (!strcmp(c, "client")) return rk_cli_client(argc, argv);
    if (!strcmp(c, "--help") || !strcmp(c, "-h") || !strcmp(c, "help")) { usage(stdout); return EX_OK; }
    if (!strcmp(c, "--version")) { printf("rootkey %s\n", rk_version()); return EX_OK; }
    fprintf(stderr, "rootkey: unknown command '%s'\n", c);
    usage(stderr);
    return EX_USAGE;
}
