/* see delivery.h */
#include "cli/delivery.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rk_cli_delivery_init(rk_cli_delivery *d)
{
    memset(d, 0, sizeof *d);
    rk_xcap_opts_default(&d->o);
    d->o.log = stderr;
}

static int num(const char *cmd, const char *name, const char *arg, long lo, long hi, long *v)
{
    char *end;
    errno = 0;
    long x = strtol(arg, &end, 10);
    if (errno || end == arg || *end || x < lo || x > hi) {
        fprintf(stderr, "rootkey %s: --%s wants a number %ld..%ld\n", cmd, name, lo, hi);
        return -1;
    }
    *v = x;
    return 1;
}

int rk_cli_delivery_opt(rk_cli_delivery *d, const char *cmd, int c, const char *arg)
{
    long v = 0;
    int r = 1;
    switch (c) {
    case RK_OPT_XCAP_ROOT: d->o.root = arg; break;
    case RK_OPT_CACERT: d->o.cacert = arg; break;
    case RK_OPT_TOKEN_FILE: d->token_file = arg; break;
    case RK_OPT_FILES_ONLY: d->files_only = 1; break;
    case RK_OPT_DOC_NAME: d->o.doc_name = arg; break;
    case RK_OPT_JOBS:
        if ((r = num(cmd, "jobs", arg, 1, RK_XCAP_JOBS_MAX, &v)) == 1) d->o.jobs = (unsigned)v;
        break;
    case RK_OPT_CONNECT_TIMEOUT:
        if ((r = num(cmd, "connect-timeout", arg, 1, 600, &v)) == 1) d->o.connect_timeout_ms = v * 1000;
        break;
    case RK_OPT_TIMEOUT:
        if ((r = num(cmd, "timeout", arg, 1, 3600, &v)) == 1) d->o.timeout_ms = v * 1000;
        break;
    case RK_OPT_RETRIES:
        if ((r = num(cmd, "retries", arg, 0, 19, &v)) == 1) d->o.max_attempts = (unsigned)v + 1;
        break;
    case RK_OPT_MAX_RESPONSE:
        if ((r = num(cmd, "max-response", arg, 1024, 64L << 20, &v)) == 1) d->o.max_body = (size_t)v;
        break;
    default: r = 0;
    }
    return r;
}

int rk_cli_delivery_open(rk_cli_delivery *d, const char *cmd, int allow_files_only,
                         const rk_delivery **out)
{
    char err[512] = "";
    *out = NULL;
    if (d->files_only && allow_files_only) return 0;
    if (!d->o.root) {
        fprintf(stderr, "rootkey %s: --xcap-root URL is required%s (there is no default CMS)\n", cmd,
                allow_files_only ? ", or --files-only" : "");
        return 2;
    }
    if (!d->token_file) {
        fprintf(stderr, "rootkey %s: --token-file FILE is required with --xcap-root\n", cmd);
        return 2;
    }
    rk_status st = rk_xcap_open(&d->x, &d->o, d->token_file, err, sizeof err);
    if (st != RK_OK) {
        fprintf(stderr, "rootkey %s: %s (%d)\n", cmd, err[0] ? err : rk_strerror(st), (int)st);
        return st == RK_ERR_XCAP_TOKEN ? 3 : st == RK_ERR_XCAP_URL || st == RK_ERR_XCAP_OPTION ? 2 : 5;
    }
    d->d = rk_xcap_delivery(d->x);
    *out = &d->d;
    return 0;
}

void rk_cli_delivery_close(rk_cli_delivery *d)
{
    rk_xcap_close(d->x);
    d->x = NULL;
}
