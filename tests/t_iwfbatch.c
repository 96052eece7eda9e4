/* SPDX-License-Identifier: Apache-2.0 */
/* The IWF batch (shims/iwf/batch.c) with a delivery back end written here
 * (it accepts or refuses items, as the XCAP back end does with the CMS):
 * runs of at most RK_IWF_RUN, "wrapped" and "delivered" kept apart in the
 * state records, a refused delivery reported and retried by the next run
 * without a new wrap, users wrapped by a files-only run delivered later;
 * the wrap threads (jobs 1, 2, 4) change no octet of any output. */
#include <dirent.h>
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "rk_test.h"
#include "common/atomic.h"
#include "iwf/iwf.h"
#include "rootkey/hash.h"

#define NOW 1764300000
#define USERS 20

typedef struct {
    size_t calls, items, max_run;
    const char *refuse;            /* refuse the MC IDs containing this, or NULL */
    char dir[256];                 /* check each item's element against its file */
    int element_mismatch;
    FILE *trace;                   /* every item handed over, in order, or NULL */
} backend;

static void deliver(void *ctx, rk_delivery_item *it, size_t n)
{
    backend *b = ctx;
    b->calls++;
    b->items += n;
    if (n > b->max_run) b->max_run = n;
    for (size_t i = 0; i < n; i++) {
        if (!it[i].element || it[i].elen == 0 || memcmp(it[i].element, "<rk:lmr-root-key", 16) != 0)
            b->element_mismatch = 1;
        if (b->trace) {
            fprintf(b->trace, "item %zu of %zu: %s %zu\n", i, n, it[i].mc_id, it[i].elen);
            fwrite(it[i].element, 1, it[i].elen, b->trace);
        }
        it[i].when = NOW + 1;
        if (b->refuse && strstr(it[i].mc_id, b->refuse)) {
            it[i].st = RK_ERR_IWF_DELIVERY;
            it[i].http_status = 409;
            snprintf(it[i].err, sizeof it[i].err, "HTTP 409 from the CMS\n(conflict)");
        } else {
            it[i].st = RK_OK;
            it[i].http_status = 201;
            it[i].changed = 1;
            snprintf(it[i].etag, sizeof it[i].etag, "\"etag-%s\"", it[i].mc_id);
        }
    }
}

static char dir[256];
static rk_kms_master *m;
static rk_iwf w;

static int setup(void)
{
    rk_kms_keyset *k = sodium_malloc(sizeof *k);
    uint8_t *x = malloc(16384);
    size_t xl = 0;
    uint64_t pno = 0;
    char err[256] = "", path[512];
    const char *t = getenv("TMPDIR");
    int ok = 0;
    m = sodium_malloc(sizeof *m);
    snprintf(dir, sizeof dir, "%s/rk_iwfb_XXXXXX", t ? t : "/tmp");
    if (!k || !x || !m || !mkdtemp(dir)) goto out;
    if (rk_kms_master_create(m, "kms.test.example", 2592000, 0) != RK_OK ||
        rk_kms_period_now(&pno, &m->cert, NOW) != RK_OK ||
        rk_kms_issue(k, m, "sip:iwf@iwf.test.example", pno) != RK_OK ||
        rk_kms_keyset_write(x, 16384, &xl, k) != RK_OK ||
        rk_iwf_open(&w, &m->cert, &m->cert, x, xl, "sip:iwf@iwf.test.example", NOW, err, sizeof err) != RK_OK)
        goto out;
    FILE *f;
    snprintf(path, sizeof path, "%s/inv.csv", dir);
    if (!(f = fopen(path, "w"))) goto out;
    for (int i = 0; i < USERS; i++)
        fprintf(f, "sip:u%02d@test.example,kms.test.example,TETRA,mcc=901;mnc=1;issi=%d,"
                   "hex:00112233445566778899AABBCCDDEE%02X\n", i, 100 + i, i);
    ok = fclose(f) == 0;
out:
    if (k) sodium_free(k);
    free(x);
    return ok;
}

static rk_status run(const char *out, const rk_delivery *d, rk_iwf_stats *s)
{
    char inv[512], od[512];
    snprintf(inv, sizeof inv, "%s/inv.csv", dir);
    snprintf(od, sizeof od, "%s/%s", dir, out);
    FILE *log = fopen("/dev/null", "w");
    rk_iwf_batch_opts o = {.inventory = inv, .outdir = od, .xcap_root = "https://xcap.test.example/root",
                           .shard_n = 1, .now_unix = NOW, .log = log, .delivery = d};
    rk_status st = rk_iwf_batch(&w, &o, s);
    if (log) fclose(log);
    return st;
}

static int record(const char *out, int i, rk_iwf_state *r)
{
    char id[64], stem[RK_IWF_STEM_MAX], path[1024];
    uint64_t pno = 0;
    snprintf(id, sizeof id, "sip:u%02d@test.example", i);
    rk_iwf_stem(stem, sizeof stem, id);
    if (rk_kms_period_now(&pno, &m->cert, NOW) != RK_OK) return 0;
    snprintf(path, sizeof path, "%s/%s/%s.p%llu.state", dir, out, stem, (unsigned long long)pno);
    return rk_iwf_state_read(path, r) == RK_OK && !strcmp(r->mc_id, id);
}

static void delivered_all(void)
{
    backend b = {0};
    rk_delivery d = {deliver, &b};
    rk_iwf_stats s;
    rk_iwf_state r;
    CHECK_EQ(run("all", &d, &s), RK_OK);
    CHECK_EQ(s.done, USERS);
    CHECK_EQ(s.delivered, USERS);
    CHECK_EQ(s.undelivered, 0);
    CHECK_EQ(b.items, USERS);
    CHECK_EQ(b.calls, (USERS + RK_IWF_RUN - 1) / RK_IWF_RUN);
    CHECK_EQ(b.max_run, RK_IWF_RUN);
    CHECK_EQ(b.element_mismatch, 0);
    for (int i = 0; i < USERS; i++) {
        CASE_BEGIN("delivered record %d", i);
        CHECK(record("all", i, &r));
        CHECK_EQ(r.delivered, 1);
        CHECK_EQ(r.http_status, 201);
        CHECK_EQ(r.delivered_at, NOW + 1);
        CHECK(strstr(r.etag, "\"etag-sip:u") == r.etag);
        CHECK_EQ(r.error[0], 0);
        CASE_END();
    }
    /* a second run: nothing wrapped, nothing handed to the back end */
    memset(&b, 0, sizeof b);
    CHECK_EQ(run("all", &d, &s), RK_OK);
    CHECK_EQ(s.done, 0);
    CHECK_EQ(s.skipped, USERS);
    CHECK_EQ(b.calls, 0);
}

static void refused_then_retried(void)
{
    backend b = {.refuse = "u1"};   /* u10..u19 */
    rk_delivery d = {deliver, &b};
    rk_iwf_stats s;
    rk_iwf_state r, r2;
    CHECK_EQ(run("ref", &d, &s), RK_ERR_IWF_DELIVERY);
    CHECK_EQ(s.done, USERS);
    CHECK_EQ(s.failed, 0);
    CHECK_EQ(s.delivered, USERS - 10);
    CHECK_EQ(s.undelivered, 10);
    CHECK(record("ref", 12, &r));
    CHECK_EQ(r.delivered, 0);
    CHECK_EQ(r.http_status, 409);
    CHECK(strcmp(r.error, "HTTP 409 from the CMS?(conflict)") == 0);   /* one line */
    /* the next run hands over exactly the ten, with the same element (no new wrap) */
    b.refuse = NULL;
    b.items = b.calls = 0;
    CHECK_EQ(run("ref", &d, &s), RK_OK);
    CHECK_EQ(s.done, 0);
    CHECK_EQ(s.skipped, USERS);
    CHECK_EQ(s.delivered, 10);
    CHECK_EQ(b.items, 10);
    CHECK(record("ref", 12, &r2));
    CHECK_EQ(r2.delivered, 1);
    CHECK_EQ(r2.key_id, r.key_id);
    CHECK_EQ(r2.error[0], 0);
}

static void files_first_delivered_later(void)
{
    backend b = {0};
    rk_delivery d = {deliver, &b};
    rk_iwf_stats s;
    rk_iwf_state r;
    CHECK_EQ(run("later", NULL, &s), RK_OK);
    CHECK_EQ(s.done, USERS);
    CHECK_EQ(s.delivered + s.undelivered, 0);
    CHECK(record("later", 3, &r));
    CHECK_EQ(r.delivered, 0);
    CHECK_EQ(run("later", &d, &s), RK_OK);
    CHECK_EQ(s.done, 0);
    CHECK_EQ(s.delivered, USERS);
    CHECK_EQ(b.element_mismatch, 0);
    CHECK(record("later", 3, &r));
    CHECK_EQ(r.delivered, 1);
}

/* A fixed randomness for the parallel test: a function of the user only. */
static void fixed_rnd(void *ctx, const char *id, uint8_t *out, size_t n)
{
    uint8_t d[32];
    (void)ctx;
    rk_sha256(d, (const uint8_t *)id, strlen(id));
    for (size_t i = 0; i < n; i++) out[i] = (uint8_t)(d[i % 32] + i / 32);
}

/* 1 when the two directories hold the same names with the same octets. */
static int same_dirs(const char *a, const char *b)
{
    char c[2400];
    snprintf(c, sizeof c, "diff -r '%s' '%s' > /dev/null && test \"$(ls '%s' | wc -l)\" -gt 20", a, b, a);
    return system(c) == 0;
}

/* A batch of jobs threads into out (log and delivery trace next to it):
 * an inventory with a bad line, a repeated MC ID, another KMS and a user
 * whose state record holds another MC ID among the good users. */
static rk_status run_jobs(const char *out, unsigned jobs, int deliver_too, rk_iwf_stats *s)
{
    char inv[512], od[512], lp[512], tp[512], stem[RK_IWF_STEM_MAX], sp[1024];
    uint64_t pno = 0;
    backend bk = {.refuse = "u13"};
    rk_delivery d = {deliver, &bk};
    snprintf(inv, sizeof inv, "%s/invp.csv", dir);
    snprintf(od, sizeof od, "%s/%s", dir, out);
    snprintf(lp, sizeof lp, "%s/%s.log", dir, out);
    snprintf(tp, sizeof tp, "%s/%s.trace", dir, out);
    FILE *f = fopen(inv, "w");
    if (!f) return RK_ERR_IO;
    for (int i = 0; i < 3 * USERS; i++) {
        if (i == 7) fputs("sip:bad@test.example,kms.test.example,TETRA,mcc=901;mnc=x,hex:00\n", f);
        if (i == 11 || i == 40) fputs("sip:twice@test.example,kms.test.example,TETRA,mcc=901;mnc=1;issi=7,"
                                      "hex:00112233445566778899AABBCCDDEEFF\n", f);
        if (i == 23) fputs("sip:other@test.example,kms.other.example,TETRA,mcc=901;mnc=1;issi=8,"
                           "hex:00112233445566778899AABBCCDDEEFF\n", f);
        fprintf(f, "sip:u%02d@test.example,kms.test.example,TETRA,mcc=901;mnc=1;issi=%d,"
                   "hex:00112233445566778899AABBCCDDEE%02X\n", i, 100 + i, i);
    }
    if (fclose(f) != 0 || (mkdir(od, 0755) != 0 && errno != EEXIST)) return RK_ERR_IO;
    rk_iwf_stem(stem, sizeof stem, "sip:u30@test.example");
    if (rk_kms_period_now(&pno, &m->cert, NOW) != RK_OK) return RK_ERR_INTERNAL;
    snprintf(sp, sizeof sp, "%s/%s.p%llu.state", od, stem, (unsigned long long)pno);
    rk_iwf_state r;
    memset(&r, 0, sizeof r);
    strcpy(r.mc_id, "sip:someone-else@test.example");
    strcpy(r.element, "x.element.xml");
    if (rk_iwf_state_write(sp, &r) != RK_OK) return RK_ERR_IO;
    FILE *log = fopen(lp, "w");
    bk.trace = fopen(tp, "w");
    rk_iwf_batch_opts o = {.inventory = inv, .outdir = od, .xcap_root = "https://xcap.test.example/root",
                           .shard_n = 1, .now_unix = NOW, .log = log, .progress = 1,
                           .delivery = deliver_too ? &d : NULL, .jobs = jobs, .rnd = fixed_rnd};
    rk_status st = log && bk.trace ? rk_iwf_batch(&w, &o, s) : RK_ERR_IO;
    if (log) fclose(log);
    if (bk.trace) fclose(bk.trace);
    return st;
}

/* 1 when the logs (ext "log") or delivery traces ("trace") of the runs
 * into a and b hold the same octets, but for the "(N.NN s)" of the phase
 * lines (timings) and the directory's name in the paths. */
static int same_logs(const char *a, const char *b, const char *ext)
{
    char c[4096];
    snprintf(c, sizeof c, "cd '%s' && sed 's/([0-9.]* s)$//; s#/%s/#/OUT/#g' %s.%s > %s.x && "
             "sed 's/([0-9.]* s)$//; s#/%s/#/OUT/#g' %s.%s > %s.x && cmp -s %s.x %s.x && test -s %s.x",
             dir, a, a, ext, a, b, b, ext, b, a, b, a);
    return system(c) == 0;
}

static void parallel_same_outputs(void)
{
    rk_iwf_stats s1, s;
    static const unsigned jobs[] = {2, 4};
    for (int dv = 0; dv < 2; dv++) {
        const char *one = dv ? "pd1" : "pf1";
        CHECK_EQ(run_jobs(one, 1, dv, &s1), RK_ERR_STORE_INVENTORY);
        CHECK_EQ(s1.lines, 3 * USERS + 4);
        CHECK_EQ(s1.done, 3 * USERS - 1);
        CHECK_EQ(s1.failed, 5);
        CHECK_EQ(s1.delivered, dv ? 3 * USERS - 2 : 0);
        CHECK_EQ(s1.undelivered, dv ? 1 : 0);
        for (size_t j = 0; j < sizeof jobs / sizeof *jobs; j++) {
            char many[8], a[320], b[320];
            CASE_BEGIN("delivery %d, %u jobs", dv, jobs[j]);
            snprintf(many, sizeof many, "%s%u", dv ? "pd" : "pf", jobs[j]);
            CHECK_EQ(run_jobs(many, jobs[j], dv, &s), RK_ERR_STORE_INVENTORY);
            CHECK(memcmp(&s, &s1, sizeof s) == 0);
            snprintf(a, sizeof a, "%s/%s", dir, one);
            snprintf(b, sizeof b, "%s/%s", dir, many);
            CHECK(same_dirs(a, b));
            CHECK(same_logs(one, many, "log"));
            CHECK(dv == 0 || same_logs(one, many, "trace"));
            /* the rerun: every good user already done, the same way */
            CHECK_EQ(run_jobs(many, jobs[j], dv, &s), RK_ERR_STORE_INVENTORY);
            CHECK_EQ(s.done, 0);
            CHECK_EQ(s.skipped, 3 * USERS - 1);
            CHECK_EQ(s.undelivered, dv ? 1 : 0);
            CASE_END();
        }
    }
}

/* The record format: written and read back; every malformed one refused. */
static void state_records(void)
{
    rk_iwf_state r, q;
    char path[512];
    memset(&r, 0, sizeof r);
    strcpy(r.mc_id, "sip:m\xc3\xbcller@test.example");
    memset(r.digest, 0xA5, 32);
    r.period = 680;
    r.key_id = 0x1234ABCD;
    r.wrapped_at = NOW;
    strcpy(r.element, "u-00.p680.element.xml");
    strcpy(r.etag, "\"x\"");
    snprintf(path, sizeof path, "%s/rec.state", dir);
    CHECK_EQ(rk_iwf_state_write(path, &r), RK_OK);
    CHECK_EQ(rk_iwf_state_read(path, &q), RK_OK);
    CHECK(memcmp(&r, &q, sizeof r) == 0);
    static const char *bad[] = {
        "rootkey-iwf-state 2\n", "rootkey-iwf-state 1\nmc_id x\n",
        "rootkey-iwf-state 1\nmc_id x\ndigest 00\nperiod 1\nkey_id 00000001\nelement e\n",
        "rootkey-iwf-state 1\nmc_id x\ndigest " "0000000000000000000000000000000000000000000000000000000000000000"
        "\nperiod -1\nkey_id 00000001\nelement e\n",
        "rootkey-iwf-state 1\nmc_id x\ndigest " "0000000000000000000000000000000000000000000000000000000000000000"
        "\nperiod 1\nkey_id 00000001\nelement ../e\n",
        "rootkey-iwf-state 1\nmc_id x\ndigest " "0000000000000000000000000000000000000000000000000000000000000000"
        "\nperiod 1\nkey_id 00000001\nelement e\nfoo bar\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        CASE_BEGIN("malformed record %zu", i);
        CHECK_EQ(rk_file_write_atomic(path, (const uint8_t *)bad[i], strlen(bad[i]), 0644), RK_OK);
        CHECK_EQ(rk_iwf_state_read(path, &q), RK_ERR_IWF_STATE);
        CASE_END();
    }
}

void rk_suite_iwfbatch(void)
{
    if (sodium_init() < 0 || !setup()) { CHECK(!"iwfbatch: setup"); return; }
    RUN(delivered_all);
    RUN(refused_then_retried);
    RUN(files_first_delivered_later);
    RUN(parallel_same_outputs);
    RUN(state_records);
    rk_iwf_close(&w);
    sodium_free(m);
    char c[512];
    snprintf(c, sizeof c, "rm -rf '%s'", dir);
    if (system(c) != 0) CHECK(!"cleanup");
}
