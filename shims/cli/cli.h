/* SPDX-License-Identifier: Apache-2.0
 * shims/cli/cli.h - helpers of shims/cli/main.c that the other command
 * files share (exit codes, errors, the files a command reads).
 */
#ifndef RK_CLI_H
#define RK_CLI_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "common/kms.h"

/* The exit codes of docs/cli.md. */
#define EX_OK 0
#define EX_SOME 1
#define EX_USAGE 2
#define EX_INPUT 3
#define EX_CRYPTO 4
#define EX_INTERNAL 5

/* "rootkey CMD: WHAT: message (code)" on stderr; the exit code of st. */
int fail(const char *cmd, const char *what, rk_status st);
/* rootkey demo (shims/cli/demo.c). */
int rk_cli_demo(int argc, char **argv);

/* A whole file (at most 1 MiB) in malloc'd memory, or NULL with *st set. */
uint8_t *slurp(const char *path, size_t *len, rk_status *st);
/* An Annex D KmsCertificate file. */
rk_status load_cert(const char *path, rk_kms_cert *c, char *err, size_t errlen);
/* The IWF's KMS certificate for a client command: the file icert
 * (--iwf-cert), else from the KmsCertCache (or KmsInit) response cache
 * (--kms-cert-cache) the certificate whose KmsUri is kms_uri (--iwf-kms-uri;
 * NULL: mine's), else mine (the IWF in my KMS's community). */
rk_status load_iwf_cert(rk_kms_cert *ic, const rk_kms_cert *mine, const char *icert,
                        const char *cache, const char *kms_uri, char *err, size_t errlen);
/* A 32-octet storage key written as 64 hex digits. */
rk_status read_storage_key(const char *path, uint8_t key[32]);
/* The exit code of docs/cli.md for a status (0 ok, 3 input, 4 check, 5 internal). */
int rk_cli_exit_code(rk_status st);
/* A decimal argument: digits only, no sign, no overflow; 1 if *v was set. */
int rk_cli_parse_u64(const char *s, uint64_t *v);
/* Write an output: "-" is stdout (written and flushed), anything else a
 * file replaced atomically (rk_file_write_atomic). */
rk_status rk_cli_write_out(const char *path, const uint8_t *data, size_t len, unsigned mode);
/* Where a command's report line goes: stderr when its output is "-". */
FILE *info_of(const char *out);
/* The clock: time(NULL); in the test build (RK_TEST_HOOKS) RK_NOW fixes it. */
int64_t now_unix(void);
#endif
