/* SPDX-License-Identifier: Apache-2.0 */
/* The IWF batch (shims/iwf/batch.c) end to end, files only: U users of a
 * fresh inventory wrapped into a fresh directory (element, XCAP request and
 * state record per user, each written atomically with fsync), with one wrap
 * thread and with one a core (at least two).  Wall clock per user, not CPU
 * time: the point is the users per second the threads give; the median of
 * ROUNDS alternated rounds.  Line: `bench iwf_batch_<N>jobs rootkey <us> us
 * 1job <us> us ratio <1 job / N jobs>` (the speed-up). */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "bench.h"
#include "common/kms.h"
#include "iwf/iwf.h"

#define USERS 200
#define ROUNDS 5
#define NOW 1764300000

static double wall_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

/* One batch of jobs threads into dir/r<round>-<jobs>: wall us per user, or -1. */
static double one(rk_iwf *w, const char *dir, unsigned jobs, int round)
{
    char inv[512], out[512];
    rk_iwf_stats s;
    snprintf(inv, sizeof inv, "%s/inv.csv", dir);
    snprintf(out, sizeof out, "%s/r%d-%u", dir, round, jobs);
    FILE *log = fopen("/dev/null", "w");
    rk_iwf_batch_opts o = {.inventory = inv, .outdir = out, .xcap_root = "https://xcap.bench.example/root",
                           .shard_n = 1, .now_unix = NOW, .log = log, .jobs = jobs};
    double t0 = wall_us();
    rk_status st = rk_iwf_batch(w, &o, &s);
    double t1 = wall_us();
    if (log) fclose(log);
    return st == RK_OK && s.done == USERS ? (t1 - t0) / USERS : -1;
}

void rk_bench_iwfbatch(void)
{
    rk_kms_master *m = sodium_malloc(sizeof *m);
    rk_kms_keyset *k = sodium_malloc(sizeof *k);
    uint8_t *x = malloc(16384);
    size_t xl = 0;
    uint64_t pno = 0;
    char dir[] = "/tmp/rk_bench_iwf_XXXXXX", path[512], err[256] = "";
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned n = cores < 2 ? 2 : cores > RK_IWF_JOBS_MAX ? RK_IWF_JOBS_MAX : (unsigned)cores;
    double t1[ROUNDS], tn[ROUNDS];
    rk_iwf w;
    int ok = 0;
    memset(&w, 0, sizeof w);
    if (!m || !k || !x || !mkdtemp(dir)) goto out;
    if (rk_kms_master_create(m, "kms.bench.example", 2592000, 0) != RK_OK ||
        rk_kms_period_now(&pno, &m->cert, NOW) != RK_OK ||
        rk_kms_issue(k, m, "sip:iwf@iwf.bench.example", pno) != RK_OK ||
        rk_kms_keyset_write(x, 16384, &xl, k) != RK_OK ||
        rk_iwf_open(&w, &m->cert, &m->cert, x, xl, "sip:iwf@iwf.bench.example", NOW, err, sizeof err) != RK_OK)
        goto out;
    snprintf(path, sizeof path, "%s/inv.csv", dir);
    FILE *f = fopen(path, "w");
    if (!f) goto out;
    for (int i = 0; i < USERS; i++)
        fprintf(f, "sip:u%04d@bench.example,kms.bench.example,TETRA,mcc=901;mnc=1;issi=%d,"
                   "hex:00112233445566778899AABBCCDDEEFF\n", i, 100 + i);
    if (fclose(f) != 0) goto out;
    ok = 1;
    for (int r = 0; r < ROUNDS && ok; r++) {
        t1[r] = one(&w, dir, 1, r);
        tn[r] = one(&w, dir, n, r);
        ok = t1[r] > 0 && tn[r] > 0;
    }
out:
    if (ok) {
        char op[64];
        double m1 = rk_bench_median(t1, ROUNDS), mn = rk_bench_median(tn, ROUNDS);
        snprintf(op, sizeof op, "iwf_batch_%ujobs", n);
        rk_bench_report_vs(op, mn, "1job", m1, m1 / mn);
    } else {
        printf("bench iwf_batch failed (%s)\n", err[0] ? err : "setup or batch");
    }
    if (w.signer) rk_iwf_close(&w);
    if (m) sodium_free(m);
    if (k) sodium_free(k);
    free(x);
    snprintf(path, sizeof path, "rm -rf '%s'", dir);
    if (system(path) != 0) printf("bench iwf_batch: %s not removed\n", dir);
}
