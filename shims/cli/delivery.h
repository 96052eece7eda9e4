/* SPDX-License-Identifier: Apache-2.0
 * shims/cli/delivery.h - the delivery options of `rootkey iwf`, `wrap` and
 * `client sync` (docs/cli.md, docs/delivery.md): parsed here so that each
 * command adds RK_CLI_DELIVERY_LONGOPTS to its option table, hands unknown
 * option codes to rk_cli_delivery_opt, and opens the back end with
 * rk_cli_delivery_open.
 */
#ifndef RK_CLI_DELIVERY_H
#define RK_CLI_DELIVERY_H
#include "xcap/xcap.h"

enum {
    RK_OPT_XCAP_ROOT = 0x1100, RK_OPT_CACERT, RK_OPT_TOKEN_FILE, RK_OPT_JOBS, RK_OPT_FILES_ONLY,
    RK_OPT_CONNECT_TIMEOUT, RK_OPT_TIMEOUT, RK_OPT_RETRIES, RK_OPT_DOC_NAME, RK_OPT_MAX_RESPONSE
};

#define RK_CLI_DELIVERY_LONGOPTS                                                              \
    {"xcap-root", 1, 0, RK_OPT_XCAP_ROOT}, {"cacert", 1, 0, RK_OPT_CACERT},                  \
    {"token-file", 1, 0, RK_OPT_TOKEN_FILE}, {"jobs", 1, 0, RK_OPT_JOBS},                    \
    {"files-only", 0, 0, RK_OPT_FILES_ONLY}, {"connect-timeout", 1, 0, RK_OPT_CONNECT_TIMEOUT}, \
    {"timeout", 1, 0, RK_OPT_TIMEOUT}, {"retries", 1, 0, RK_OPT_RETRIES},                    \
    {"doc-name", 1, 0, RK_OPT_DOC_NAME}, {"max-response", 1, 0, RK_OPT_MAX_RESPONSE}

#define RK_CLI_DELIVERY_USAGE                                                                  \
    "Delivery: --xcap-root URL (https://; required unless --files-only) --token-file FILE\n"   \
    "  [--cacert CA.pem] [--jobs N (2; iwf: also the wrap threads, one a core)]\n"           \
    "  [--connect-timeout S (5)] [--timeout S (30)]\n"       \
    "  [--retries N (4)] [--max-response BYTES (1048576)] [--doc-name NAME (" RK_XCAP_DOC_DEFAULT ")]\n"

typedef struct {
    rk_xcap_opts o;
    const char *token_file;
    char root_buf[512], ca_buf[4200], token_buf[4200], script_buf[4200], cms_dir[64];
    int files_only;
    int jobs_given;    /* --jobs was given (the batch's wrap threads follow it) */
    rk_xcap *x;
    rk_delivery d;
} rk_cli_delivery;

void rk_cli_delivery_init(rk_cli_delivery *d);
/* The batch's wrap threads: --jobs N when given (it also sets the XCAP
 * requests in flight), else one a core (docs/cli.md). */
unsigned rk_cli_wrap_jobs(const rk_cli_delivery *d);
/* 1: c was a delivery option (taken); 0: not one; -1: a bad value (said on stderr) */
int rk_cli_delivery_opt(rk_cli_delivery *d, const char *cmd, int c, const char *arg);
/* After the options: no XCAP root is a usage error, unless --files-only
 * was given and allow_files_only.  Returns an exit code (0 ok,
 * 2 usage, 3 input, 5 internal); *out is the back end, or NULL for files
 * only. */
int rk_cli_delivery_open(rk_cli_delivery *d, const char *cmd, int allow_files_only,
                         const rk_delivery **out);
void rk_cli_delivery_close(rk_cli_delivery *d);

/*
 * The demo's CMS (`rootkey demo` without --files-only): the test CMS of
 * tests/cms/cms.sh (script: that file; NULL: ../tests/cms/cms.sh next to
 * the rootkey binary's folder) started in a new /tmp/rootkey-cms.* folder,
 * the MC IDs listed one a line in ids_file provisioned, and d opened on it
 * with jobs requests at a time.  Returns 0, or an exit code (the cause on
 * stderr).  Stop: the server stopped, its folder removed unless keep.
 */
int rk_cli_demo_cms_start(rk_cli_delivery *d, const char *script, const char *ids_file, unsigned jobs);
void rk_cli_demo_cms_stop(rk_cli_delivery *d, const char *script, int keep);
#endif
