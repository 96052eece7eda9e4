/* SPDX-License-Identifier: Apache-2.0 */
/* see rk_test.h */
#include "rk_test.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>

static int n_pass, n_fail, n_skip, cur_failed, cur_skipped, in_case;
static char cur_name[256], cur_skip_why[128];
static const char *cur_suite = "";
static int verbose = -1;

static int is_verbose(void)
{
    if (verbose < 0) verbose = getenv("RK_TEST_VERBOSE") != NULL;
    return verbose;
}

void rk_t_set_suite(const char *s) { cur_suite = s; }

void rk_t_begin(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cur_name, sizeof cur_name, fmt, ap);
    va_end(ap);
    cur_failed = 0;
    cur_skipped = 0;
    in_case = 1;
}

int rk_t_end(void)
{
    in_case = 0;
    if (cur_failed) {
        n_fail++;
        printf("FAIL %s: %s\n", cur_suite, cur_name);
    } else if (cur_skipped) {
        n_skip++;
        printf("SKIP %s: %s (%s)\n", cur_suite, cur_name, cur_skip_why);
    } else {
        n_pass++;
        if (is_verbose()) printf("ok   %s: %s\n", cur_suite, cur_name);
    }
    fflush(stdout);
    return !cur_failed;
}

int rk_t_case_failed(void) { return cur_failed; }

void rk_t_skip(const char *why)
{
    snprintf(cur_skip_why, sizeof cur_skip_why, "%s", why);
    cur_skipped = 1;
}

int rk_t_quick(void) { return getenv("RK_TEST_QUICK") != NULL; }

void rk_t_fail(const char *file, int line, const char *what)
{
    if (cur_failed < 8) printf("    %s:%d: %s: check failed: %s\n", file, line, cur_name, what);
    cur_failed++;
    if (!in_case) { n_fail++; cur_failed = 0; }
}

void rk_t_failf(const char *file, int line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    rk_t_fail(file, line, msg);
}

void rk_t_hexdump(const char *label, const uint8_t *p, size_t n)
{
    printf("%s ", label);
    for (size_t i = 0; i < n && i < 96; i++) printf("%02x", p[i]);
    printf("%s\n", n > 96 ? "..." : "");
}

void rk_t_counts(int *pass, int *fail) { *pass = n_pass; *fail = n_fail; }

int rk_t_skips(void) { return n_skip; }

/* ---- vectors ---- */

const char *rk_vec_dir(void)
{
    const char *d = getenv("RK_VECTORS");
#ifdef RK_VECTOR_DIR
    if (!d) d = RK_VECTOR_DIR;
#endif
    return d ? d : "vectors";
}

int rk_vec_open(rk_vec *v, const char *rel)
{
    char path[1024];
    memset(v, 0, sizeof *v);
    snprintf(path, sizeof path, "%s/%s", rk_vec_dir(), rel);
    v->path = rel;
    v->f = fopen(path, "r");
    if (!v->f) {
        rk_t_failf(__FILE__, __LINE__, "cannot open vector file %s", path);
        return 0;
    }
    return 1;
}

void rk_vec_close(rk_vec *v)
{
    if (v->f) fclose(v->f);
    v->f = NULL;
}

static char *trim(char *s)
{
    char *e;
    while (*s && isspace((unsigned char)*s)) s++;
    e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1])) *--e = 0;
    return s;
}

int rk_vec_next(rk_vec *v)
{
    char line[1 << 16];
    v->nfields = 0;
    v->used = 0;
    if (!v->f) return 0;
    while (fgets(line, sizeof line, v->f)) {
        char *s, *eq, *name, *val;
        size_t len;
        v->line++;
        s = trim(line);
        if (*s == '#') continue;
        if (*s == 0) {
            if (v->nfields) return 1;
            continue;
        }
        eq = strchr(s, '=');
        if (!eq) continue;
        *eq = 0;
        name = trim(s);
        val = trim(eq + 1);
        if (*val == '"') {
            char *q = strrchr(val + 1, '"');
            val++;
            if (q) *q = 0;
        }
        len = strlen(val) + 1;
        if (v->nfields >= 64 || v->used + len > sizeof v->buf || strlen(name) >= 48) {
            rk_t_failf(__FILE__, __LINE__, "%s:%d: record too large", v->path, v->line);
            continue;
        }
        /* a repeated name continues the previous value (long hex split over lines) */
        if (v->nfields && strcmp(v->name[v->nfields - 1], name) == 0) {
            v->used--; /* overwrite the NUL */
            memcpy(v->buf + v->used, val, len);
            v->used += len;
            continue;
        }
        strcpy(v->name[v->nfields], name);
        v->val[v->nfields] = v->buf + v->used;
        memcpy(v->buf + v->used, val, len);
        v->used += len;
        v->nfields++;
    }
    return v->nfields > 0;
}

const char *rk_vec_str(const rk_vec *v, const char *name)
{
    for (int i = 0; i < v->nfields; i++)
        if (strcmp(v->name[i], name) == 0) return v->val[i];
    return NULL;
}

long rk_t_unhex(const char *hex, uint8_t *out, size_t cap)
{
    size_t n = 0;
    int hi = -1;
    for (; *hex; hex++) {
        int c = (unsigned char)*hex, d;
        if (isspace(c)) continue;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else return -1;
        if (hi < 0) hi = d;
        else {
            if (n >= cap) return -1;
            out[n++] = (uint8_t)(hi * 16 + d);
            hi = -1;
        }
    }
    return hi < 0 ? (long)n : -1;
}

long rk_vec_hex(const rk_vec *v, const char *name, uint8_t *out, size_t cap)
{
    const char *s = rk_vec_str(v, name);
    long n;
    if (!s) {
        rk_t_failf(__FILE__, __LINE__, "%s:%d: no field %s", v->path, v->line, name);
        return -1;
    }
    n = rk_t_unhex(s, out, cap);
    if (n < 0) rk_t_failf(__FILE__, __LINE__, "%s:%d: bad hex in %s", v->path, v->line, name);
    return n;
}

long long rk_vec_int(const rk_vec *v, const char *name, long long def)
{
    const char *s = rk_vec_str(v, name);
    return s ? strtoll(s, NULL, 0) : def;
}
