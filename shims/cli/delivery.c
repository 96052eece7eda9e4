/* SPDX-License-Identifier: Apache-2.0 */
/* see delivery.h */
#include "cli/delivery.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
        if ((r = num(cmd, "jobs", arg, 1, RK_XCAP_JOBS_MAX, &v)) == 1) { d->o.jobs = (unsigned)v; d->jobs_given = 1; }
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

static const char *cms_script(rk_cli_delivery *d, const char *script)
{
    if (script) return script;
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return "tests/cms/cms.sh";
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (slash) *slash = 0;
    snprintf(d->script_buf, sizeof d->script_buf, "%s/../tests/cms/cms.sh", exe);
    return d->script_buf;
}

static int first_line(const char *path, char *out, size_t cap)
{
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    int ok = fgets(out, (int)cap, f) != NULL;
    fclose(f);
    if (ok) out[strcspn(out, "\r\n")] = 0;
    return ok && out[0];
}

int rk_cli_demo_cms_start(rk_cli_delivery *d, const char *script, const char *ids_file, unsigned jobs)
{
    char cmd[16384], p[4200];
    script = cms_script(d, script);
    /* its own folder under /tmp: the server's user must pass through every
     * folder above it, which a private demo folder does not allow */
    snprintf(d->cms_dir, sizeof d->cms_dir, "/tmp/rootkey-cms.XXXXXX");
    if (!mkdtemp(d->cms_dir)) { d->cms_dir[0] = 0; fprintf(stderr, "rootkey demo: mkdtemp failed\n"); return 3; }
    snprintf(cmd, sizeof cmd, "'%s' start '%s' && xargs -a '%s' '%s' provision '%s'", script, d->cms_dir,
             ids_file, script, d->cms_dir);
    if (access(script, X_OK) != 0 || system(cmd) != 0) {
        fprintf(stderr, "rootkey demo: the test CMS (%s: Apache httpd with mod_dav and mod_ssl) did not start; "
                        "--files-only runs the demo without it\n", script);
        return 3;
    }
    snprintf(p, sizeof p, "%s/xcap-root", d->cms_dir);
    if (!first_line(p, d->root_buf, sizeof d->root_buf)) return 3;
    snprintf(d->ca_buf, sizeof d->ca_buf, "%s/ca.pem", d->cms_dir);
    snprintf(d->token_buf, sizeof d->token_buf, "%s/token", d->cms_dir);
    d->o.root = d->root_buf;
    d->o.cacert = d->ca_buf;
    d->token_file = d->token_buf;
    d->o.jobs = jobs;
    const rk_delivery *dv;
    return rk_cli_delivery_open(d, "demo", 0, &dv);
}

void rk_cli_demo_cms_stop(rk_cli_delivery *d, const char *script, int keep)
{
    char cmd[9000];
    rk_cli_delivery_close(d);
    if (!d->cms_dir[0]) return;
    snprintf(cmd, sizeof cmd, "'%s' stop '%s'", cms_script(d, script), d->cms_dir);
    if (system(cmd) != 0) fprintf(stderr, "rootkey demo: the test CMS did not stop\n");
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", d->cms_dir);
    if (keep) printf("  test CMS files kept in %s\n", d->cms_dir);
    else if (system(cmd) != 0) fprintf(stderr, "rootkey demo: could not remove %s\n", d->cms_dir);
}
