/* SPDX-License-Identifier: Apache-2.0
 * tests/rk_test.h - the one test harness: unit, known-answer and negative
 * tests.  No allocation in the harness itself; works under ASan, UBSan,
 * valgrind and qemu-user.
 *
 * A suite is a file tests/t_<name>.c defining `void rk_suite_<name>(void)`;
 * the Makefile finds the files and the runner calls every suite.  Inside a
 * suite, each test case is counted once:
 *
 *     static void rfc_vector(void) { CHECK(x == 1); CHECK_MEM(a, b, 32); }
 *     void rk_suite_hash(void) { RUN(rfc_vector); }
 *
 * or, for data-driven cases (one per vector), CASE_BEGIN("name %d", i) ...
 * CASE_END().  The runner's last line is "N passed, N failed".
 *
 * A case that cannot run here (say, a check the sanitizer build cannot
 * make) calls CASE_SKIP("why") and returns through CASE_END(): it is
 * counted as skipped, neither passed nor failed (a failed CHECK in it still
 * fails it), printed as "SKIP suite: name (why)", and the runner prints "N
 * skipped" on its own line before the closing one.
 */
#ifndef RK_TEST_H
#define RK_TEST_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

void rk_t_begin(const char *fmt, ...);
int rk_t_end(void);                 /* returns 1 if the case passed */
void rk_t_fail(const char *file, int line, const char *what);
void rk_t_failf(const char *file, int line, const char *fmt, ...);
int rk_t_case_failed(void);
void rk_t_skip(const char *why);    /* the current case is skipped */
void rk_t_hexdump(const char *label, const uint8_t *p, size_t n);
/* 1 when RK_TEST_QUICK is set (valgrind and qemu runs): suites may then
 * sample their largest systematic loops (say which, in a comment) instead of
 * running them whole.  make check always runs everything. */
int rk_t_quick(void);

#define RUN(fn) (rk_t_begin("%s", #fn), fn(), rk_t_end())
#define CASE_BEGIN(...) rk_t_begin(__VA_ARGS__)
#define CASE_END() rk_t_end()
#define CASE_SKIP(why) rk_t_skip(why)

#define CHECK(e) do { if (!(e)) rk_t_fail(__FILE__, __LINE__, #e); } while (0)
#define CHECK_EQ(a, b) do { long long rk_a_ = (long long)(a), rk_b_ = (long long)(b); \
    if (rk_a_ != rk_b_) rk_t_failf(__FILE__, __LINE__, "%s == %lld, expected %lld", #a, rk_a_, rk_b_); } while (0)
#define CHECK_MEM(a, b, n) do { if (memcmp((a), (b), (n)) != 0) { \
    rk_t_fail(__FILE__, __LINE__, "memcmp(" #a ", " #b ")"); \
    rk_t_hexdump("  got", (const uint8_t *)(a), (n)); rk_t_hexdump("  exp", (const uint8_t *)(b), (n)); } } while (0)
#define CHECK_ZERO(a, n) do { const uint8_t *rk_z_ = (const uint8_t *)(a); size_t rk_i_, rk_n_ = (n); int rk_nz_ = 0; \
    for (rk_i_ = 0; rk_i_ < rk_n_; rk_i_++) rk_nz_ |= rk_z_[rk_i_]; \
    if (rk_nz_) rk_t_fail(__FILE__, __LINE__, #a " is not all zero"); } while (0)

/* --- vectors/ files ---------------------------------------------------
 * Text files: '#' comment lines (the provenance header), records separated
 * by blank lines, fields `name = value`.  A value is hex (spaces allowed),
 * or "a quoted string" (no escapes), or an integer after `name = #`.
 * Reading is test-side only (it uses stdio). */
typedef struct {
    FILE *f;
    const char *path;
    int line;
    int nfields;
    char name[64][48];
    char *val[64];
    char buf[1 << 17];
    size_t used;
} rk_vec;

/* Open vectors/<rel>; a missing file is a failed case (never a silent skip). */
int rk_vec_open(rk_vec *v, const char *rel);
/* Read the next record; 1 if one was read, 0 at end of file. */
int rk_vec_next(rk_vec *v);
void rk_vec_close(rk_vec *v);
/* The raw text of a field, or NULL. */
const char *rk_vec_str(const rk_vec *v, const char *name);
/* Decode a hex field into out (cap octets); returns the length, or -1. */
long rk_vec_hex(const rk_vec *v, const char *name, uint8_t *out, size_t cap);
/* Decode an integer field; returns def if absent. */
long long rk_vec_int(const rk_vec *v, const char *name, long long def);
/* Decode a hex string (test helper); returns length or -1. */
long rk_t_unhex(const char *hex, uint8_t *out, size_t cap);
/* Path of the vectors directory (RK_VECTORS, else the build-time default). */
const char *rk_vec_dir(void);
#endif
