/* SPDX-License-Identifier: Apache-2.0 */
/* make bench: every bench/b_<name>.c, in file-name order. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "bench.h"

#define RK_BENCH(name) void rk_bench_##name(void);
#include "benches.inc"
#undef RK_BENCH

/* Thread CPU time, not wall clock: on a shared machine (CI, other jobs) the
 * wall clock measures the neighbours.  Both libraries run single-threaded in
 * this process, so CPU time is the cost of the operation. */
static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double rk_bench_us(void (*fn)(void *), void *arg, unsigned iters, unsigned rounds)
{
    double t[64];
    if (rounds > 64) rounds = 64;
    if (rounds == 0) rounds = 1;
    for (unsigned i = 0; i < iters; i++) fn(arg);
    for (unsigned r = 0; r < rounds; r++) {
        double t0 = now_us();
        for (unsigned i = 0; i < iters; i++) fn(arg);
        t[r] = (now_us() - t0) / iters;
    }
    return rk_bench_median(t, rounds);
}

double rk_bench_median(double *t, unsigned n)
{
    qsort(t, n, sizeof t[0], cmp_d);
    return t[n / 2];
}

void rk_bench_report(const char *op, double rootkey_us, double other_us)
{
    if (other_us > 0)
        printf("bench %s rootkey %.1f us wolfssl %.1f us ratio %.2f\n", op, rootkey_us,
               other_us, other_us / rootkey_us);
    else
        printf("bench %s rootkey %.1f us\n", op, rootkey_us);
    fflush(stdout);
}

void rk_bench_report_vs(const char *op, double rootkey_us, const char *other, double other_us, double ratio)
{
    printf("bench %s rootkey %.1f us %s %.1f us ratio %.2f\n", op, rootkey_us, other, other_us, ratio);
    fflush(stdout);
}

/* 1 when the bench `name` runs: all with no arguments, else the named ones
 * (build/rk_bench aes sakke). */
static int wanted(const char *name, int argc, char **argv)
{
    if (argc < 2) return 1;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], name) == 0) return 1;
    return 0;
}

int main(int argc, char **argv)
{
    if (sodium_init() < 0) return 1;
#define RK_BENCH(name) if (wanted(#name, argc, argv)) rk_bench_##name();
#include "benches.inc"
#undef RK_BENCH
    return 0;
}
