/* SPDX-License-Identifier: Apache-2.0
 * shims/cli/iwfstatus.c - rootkey iwf status: who holds which root-key
 * period.  Reads the batch's state records (docs/inventory.md) of one
 * directory and prints one row per user and key period - MC ID, period,
 * key ID, when wrapped, delivery state, the CMS's answer, ETag, last
 * error - as RFC 4180 CSV or as JSON (jansson: valid UTF-8 and escaping),
 * then a summary by state.  No key material is in a record.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "iwf/iwf.h"

static const char *state_of(const rk_iwf_state *r)
{
    return r->delivered ? "delivered" : r->error[0] ? "delivery failed" : "wrapped";
}

static void iso(char *out, size_t cap, int64_t t)
{
    struct tm tm;
    time_t tt = (time_t)t;
    if (!t || !gmtime_r(&tt, &tm) || !strftime(out, cap, "%Y-%m-%dT%H:%M:%SZ", &tm)) out[0] = 0;
}

/* one RFC 4180 field: quoted, with a quote doubled */
static void csv_field(const char *s, int last)
{
    putchar('"');
    for (; *s; s++) { if (*s == '"') putchar('"'); putchar(*s); }
    putchar('"');
    fputs(last ? "\r\n" : ",", stdout);
}

static int cmp_rec(const void *a, const void *b)
{
    const rk_iwf_state *x = a, *y = b;
    int c = strcmp(x->mc_id, y->mc_id);
    return c ? c : (x->period > y->period) - (x->period < y->period);
}

static void usage(FILE *f)
{
    fprintf(f, "usage: rootkey iwf status --out DIR [--format csv|json]\n"
               "Per user and key period of the batch directory DIR: MC ID, key period, key ID, when\n"
               "wrapped, state (wrapped, delivered, delivery failed), the CMS's HTTP answer and its\n"
               "time, ETag, last error; CSV (default) or JSON on stdout, a summary by state on stderr\n"
               "(in the JSON as \"summary\").  Exit 3 if DIR or a record cannot be read.\n");
}

int rk_cli_iwf_status(int argc, char **argv)
{
    const char *dir = NULL, *fmt = "csv";
    static struct option o[] = {{"out", 1, 0, 'o'}, {"format", 1, 0, 'f'}, {"help", 0, 0, 'h'}, {0, 0, 0, 0}};
    optind = 2;
    for (int c; (c = getopt_long(argc, argv, "", o, NULL)) != -1;) {
        switch (c) {
        case 'o': dir = optarg; break;
        case 'f': fmt = optarg; break;
        case 'h': usage(stdout); return 0;
        default: usage(stderr); return 2;
        }
    }
    if (!dir || (strcmp(fmt, "csv") && strcmp(fmt, "json"))) { usage(stderr); return 2; }
    DIR *d = opendir(dir);
    if (!d) { fprintf(stderr, "rootkey iwf status: %s: %s\n", dir, strerror(errno)); return 3; }
    rk_iwf_state *recs = NULL;
    size_t n = 0, cap = 0, bad = 0;
    char path[4096];
    for (struct dirent *e; (e = readdir(d));) {
        size_t l = strlen(e->d_name);
        if (l < 6 || strcmp(e->d_name + l - 6, ".state")) continue;
        if (n == cap) {
            rk_iwf_state *nr = realloc(recs, (cap = cap ? 2 * cap : 64) * sizeof *recs);
            if (!nr) { free(recs); closedir(d); fprintf(stderr, "rootkey iwf status: out of memory\n"); return 5; }
            recs = nr;
        }
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        rk_status st = rk_iwf_state_read(path, &recs[n]);
        if (st != RK_OK) { fprintf(stderr, "rootkey iwf status: %s: %s\n", path, rk_strerror(st)); bad++; continue; }
        n++;
    }
    closedir(d);
    if (n) qsort(recs, n, sizeof *recs, cmp_rec);
    size_t wrapped = 0, delivered = 0, failed = 0;
    json_t *rows = json_array();
    if (!strcmp(fmt, "csv"))
        fputs("mc_id,key_period,key_id,wrapped_at,state,http_status,answered_at,etag,last_error\r\n", stdout);
    for (size_t i = 0; i < n; i++) {
        const rk_iwf_state *r = &recs[i];
        char per[24], kid[12], wt[32], at[32], http[8];
        snprintf(per, sizeof per, "%llu", (unsigned long long)r->period);
        snprintf(kid, sizeof kid, "%08X", (unsigned)r->key_id);
        snprintf(http, sizeof http, "%d", r->http_status);
        iso(wt, sizeof wt, r->wrapped_at);
        iso(at, sizeof at, r->delivered_at);
        if (r->delivered) delivered++; else if (r->error[0]) failed++; else wrapped++;
        if (!strcmp(fmt, "csv")) {
            csv_field(r->mc_id, 0); csv_field(per, 0); csv_field(kid, 0); csv_field(wt, 0);
            csv_field(state_of(r), 0); csv_field(r->http_status ? http : "", 0); csv_field(at, 0);
            csv_field(r->etag, 0); csv_field(r->error, 1);
        } else if (rows) {
            json_t *o1 = json_pack("{s:s, s:I, s:s, s:s, s:s, s:i, s:s, s:s, s:s}", "mc_id", r->mc_id,
                                   "key_period", (json_int_t)r->period, "key_id", kid, "wrapped_at", wt,
                                   "state", state_of(r), "http_status", r->http_status, "answered_at", at,
                                   "etag", r->etag, "last_error", r->error);
            if (!o1 || json_array_append_new(rows, o1) != 0) { json_decref(rows); rows = NULL; }
        }
    }
    int rc = bad ? 3 : 0;
    if (!strcmp(fmt, "json")) {
        json_t *doc = rows ? json_pack("{s:o, s:{s:I, s:I, s:I, s:I}}", "records", rows, "summary",
                                       "records", (json_int_t)n, "wrapped", (json_int_t)wrapped,
                                       "delivered", (json_int_t)delivered, "delivery_failed", (json_int_t)failed)
                           : NULL;
        if (!doc || json_dumpf(doc, stdout, JSON_INDENT(2) | JSON_ENSURE_ASCII) != 0) {
            fprintf(stderr, "rootkey iwf status: JSON output failed\n");
            rc = 5;
        } else putchar('\n');
        json_decref(doc);
    } else json_decref(rows);
    fprintf(stderr, "iwf status: %zu records: %zu wrapped (not delivered), %zu delivered, %zu delivery failed%s\n",
            n, wrapped, delivered, failed, bad ? "; some records unreadable" : "");
    free(recs);
    return rc;
}
