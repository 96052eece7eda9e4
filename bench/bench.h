/* SPDX-License-Identifier: Apache-2.0
 * bench/bench.h - the benchmark harness (make bench; never part of make check).
 * A file bench/b_<name>.c defines `void rk_bench_<name>(void)` and reports
 * each operation with rk_bench_report().  Line format:
 *   bench <op> rootkey <us> us wolfssl <us> us ratio <wolfssl/rootkey>
 * (or `bench <op> rootkey <us> us` when there is nothing to compare with;
 * `bench <op> rootkey <us> us <other> <us> us ratio <r>` when the other is
 * rootkey itself another way, e.g. one job against N).
 */
#ifndef RK_BENCH_H
#define RK_BENCH_H
#include <stddef.h>
#include <stdint.h>

/* Microseconds per call of fn(arg): the median of `rounds` timed batches of
 * `iters` calls each (after one warm-up batch). */
double rk_bench_us(void (*fn)(void *), void *arg, unsigned iters, unsigned rounds);
/* The median of t[0..n-1] (sorted in place). */
double rk_bench_median(double *t, unsigned n);
void rk_bench_report(const char *op, double rootkey_us, double other_us);
void rk_bench_report_vs(const char *op, double rootkey_us, const char *other, double other_us, double ratio);
#endif
