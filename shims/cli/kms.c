/* SPDX-License-Identifier: Apache-2.0 */
/* The KMS parts of the rootkey command: the test KMS (rootkey kms) and
 * rootkey inspect on a TS 33.180 Annex D KMS response (the core's KMS
 * document reader, rootkey/kms.h, docs/kms.md, and its records as JSON;
 * public fields only: the key sets' UserDecryptKey and UserSigningKeySSK
 * are shown by length, never by value). */
#include <errno.h>
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "common/atomic.h"
#include "common/kms.h"
#include "cli/cli.h"
#include "rootkey/kms.h"

static void js(const uint8_t *d, rk_xml_view v)
{
    putchar('"');
    for (size_t i = 0; i < v.len; i++) {
        uint8_t ch = d[v.off + i];
        if (ch == '"' || ch == '\\') printf("\\%c", ch);
        else if (ch < 0x20 || ch >= 0x7F) printf("\\u%04x", ch);
        else putchar(ch);
    }
    putchar('"');
}

static const char *const g_names[RK_KMS_NFIELDS] = {
    "user_uri", "kms_uri", "time", "kms_id", "client_req_url", "cert_uri", "issuer",
    "valid_from", "valid_to", "revoked", "user_id_format", "user_key_period", "user_key_offset",
    "pub_enc_key", "pub_auth_key", "parameter_set", "user_id", "key_period_no",
    "user_decrypt_key", "user_signing_key_ssk", "user_pub_token_pvt",
};

static void record(const uint8_t *d, const rk_kms_record *r, const char *ind)
{
    int first = 1;
    printf("{");
    for (size_t f = 0; f < RK_KMS_NFIELDS; f++) {
        if (!((r->present >> f) & 1u))
            continue;
        printf("%s\n%s  \"%s\": ", first ? "" : ",", ind, g_names[f]);
        first = 0;
        if (f == RK_KMS_F_USER_DECRYPT_KEY || f == RK_KMS_F_USER_SIGNING_KEY)
            printf("\"(secret, %zu octets, not shown)\"", r->v[f].len / 2);
        else
            js(d, r->v[f]);
    }
    printf("\n%s}", ind);
}

/* 1 if doc is a KMS response (printed, *rc its exit status), 0 if not. */
int rk_cli_inspect_kms(const uint8_t *d, size_t n, int64_t now, int *rc)
{
    static const char *const msgs[] = { "?", "KmsInit", "KmsKeyProv", "KmsCertCache" };
    rk_kms_ctx *ctx;
    rk_kms_doc *doc;
    rk_status st;
    if (!memmem(d, n, "urn:3gpp:ns:mcsecKMSInterface:1.0", 33))
        return 0;
    ctx = malloc(sizeof *ctx);
    doc = malloc(sizeof *doc);
    if (!ctx || !doc) {
        free(ctx); free(doc);
        fprintf(stderr, "rootkey inspect: out of memory\n");
        *rc = 5;
        return 1;
    }
    st = rk_kms_read(ctx, d, n, now, doc);
    if (st != RK_OK) {
        fprintf(stderr, "rootkey inspect: KMS document: %s (%d)\n", rk_strerror(st), (int)st);
        *rc = st <= RK_ERR_KMS_ROOT && st >= RK_ERR_KMS_PARAMETER_SET ? 3 :
              (st <= -900 && st >= -999) ? 3 : 4;
    } else {
        printf("{\n  \"type\": \"KMS response\",\n  \"message\": \"%s\",\n", msgs[doc->msg & 3]);
        printf("  \"signature\": \"%s\",\n", doc->signature_unverified ? "present, NOT verified" : "absent");
        printf("  \"header\": ");
        record(d, &doc->header, "  ");
        printf(",\n  \"certificates\": [");
        for (size_t i = 0; i < doc->ncerts; i++) {
            printf("%s\n    ", i ? "," : "");
            record(d, &doc->cert[i], "    ");
        }
        printf("%s],\n  \"key_sets\": [", doc->ncerts ? "\n  " : "");
        for (size_t i = 0; i < doc->nkeysets; i++) {
            printf("%s\n    ", i ? "," : "");
            record(d, &doc->keyset[i], "    ");
        }
        printf("%s]\n}\n", doc->nkeysets ? "\n  " : "");
        *rc = 0;
    }
    free(ctx);
    free(doc);
    return 1;
}

/* ------------------------------------------------------------ rootkey kms
 * The test KMS (shims/common/kms.h): create a community, issue key sets as
 * KmsKeyProv responses (one user, or every user of an inventory; the
 * current period, and with --next the next one too). */

static void usage_kms(FILE *f)
{
    fprintf(f, "usage: rootkey kms create --dir DIR --uri KMS-URI [--period SECONDS] [--offset SECONDS] [--force]\n"
               "       rootkey kms issue --dir DIR --user URI [--period-no N] [--next] --out FILE\n"
               "       rootkey kms issue --dir DIR --inventory FILE.csv [--period-no N] [--next] --out-dir DIR2\n"
               "       rootkey kms cache --cert KMS-CERT.xml [--cert KMS-CERT.xml ...] --user URI --out FILE\n"
               "A test KMS: create writes DIR/kms.secret (KSAK and z, mode 0600) and DIR/kms-cert.xml\n"
               "(a TS 33.180 Annex D KmsResponse with KmsInit); it refuses to replace an existing\n"
               "community without --force.  issue writes a KmsResponse with KmsKeyProv holding the\n"
               "key set of URI for key period N (default: the current one) and, with --next, the\n"
               "next period's too; with --inventory, one file DIR2/<mcptt_id>.xml per inventory\n"
               "user ('/' in the ID written as '_').  Key material is written to files only.\n"
               "cache writes a KmsResponse with KmsCertCache to URI holding the certificates of the\n"
               "given KmsInit responses (2 to 4; e.g. the IWF's KMS and mine), for the clients'\n"
               "--kms-cert-cache.\n");
}

static int kms_fail(const char *what, rk_status st)
{
    fprintf(stderr, "rootkey kms: %s: %s (%d)\n", what, rk_strerror(st), (int)st);
    return st == RK_ERR_IO ? 3 : st == RK_ERR_ALLOC ? 5 : 4;
}

int rk_cli_parse_u64(const char *s, uint64_t *v)
{
    uint64_t acc = 0;
    if (!*s)
        return 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || acc > (UINT64_MAX - 9u) / 10u)
            return 0;
        acc = acc * 10u + (uint64_t)(*s - '0');
    }
    *v = acc;
    return 1;
}

/* The key sets of user for periods pno (and pno + 1) into path. */
static rk_status issue_one(const rk_kms_master *m, const char *user, uint64_t pno, int next,
                           const char *path)
{
    rk_kms_keyset *k = sodium_malloc(2 * sizeof *k);
    uint8_t *buf = sodium_malloc(16384);
    size_t n = 0;
    rk_status st = (!k || !buf) ? RK_ERR_ALLOC : RK_OK;
    if (st == RK_OK) st = rk_kms_issue(&k[0], m, user, pno);
    if (st == RK_OK && next) st = rk_kms_issue(&k[1], m, user, pno + 1u);
    if (st == RK_OK) st = rk_kms_keysets_write(buf, 16384, &n, k, next ? 2 : 1);
    if (st == RK_OK) st = rk_file_write_atomic(path, buf, n, 0600);
    if (k) sodium_free(k);
    if (buf) sodium_free(buf);
    return st;
}

/* Every user (first field) of an inventory (docs/inventory.md): the other
 * fields, the root key among them, are not read. */
static int issue_inventory(const rk_kms_master *m, const char *inv, const char *dir,
                           uint64_t pno, int next)
{
    FILE *f = fopen(inv, "r");
    char line[8192], path[4096 + 8192 + 8];
    size_t users = 0, lineno = 0;
    int rc = 0;
    if (!f) { fprintf(stderr, "rootkey kms: %s: %s\n", inv, strerror(errno)); return 3; }
    mkdir(dir, 0700);
    while (fgets(line, sizeof line, f)) {
        size_t l = strcspn(line, ",\r\n");
        lineno++;
        if (l == 0 || line[0] == '#' || (lineno == 1 && !strncmp(line, "mcptt_id,", 9)))
            continue;
        line[l] = 0;
        for (size_t i = 0; i < l; i++)
            if (line[i] == '/') line[i] = '_';
        snprintf(path, sizeof path, "%s/%s.xml", dir, line);
        rk_status st = issue_one(m, line, pno, next, path);
        if (st != RK_OK) {
            fprintf(stderr, "rootkey kms: %s:%zu: %s (%d)\n", inv, lineno, rk_strerror(st), (int)st);
            rc = 1;
            continue;
        }
        users++;
    }
    sodium_memzero(line, sizeof line);
    fclose(f);
    printf("issued key sets for %zu users, key period %llu%s: %s\n", users,
           (unsigned long long)pno, next ? " and the next" : "", dir);
    return rc;
}

/* A KmsCertCache response to user holding the certificates of the files. */
static int write_cache(const char *const *files, size_t n, const char *user, const char *out)
{
    rk_kms_cert c[RK_KMS_MAX_CERTS];
    uint8_t buf[4 * 4096];
    size_t len = 0;
    char err[512] = "";
    rk_status st = RK_OK;
    for (size_t i = 0; i < n && st == RK_OK; i++) {
        st = load_cert(files[i], &c[i], err, sizeof err);
        if (st != RK_OK) { fprintf(stderr, "rootkey kms: %s: %s\n", files[i], err); return 3; }
    }
    st = rk_kms_certs_write(buf, sizeof buf, &len, c, n, user);
    if (st == RK_OK) st = rk_file_write_atomic(out, buf, len, 0644);
    if (st != RK_OK) return kms_fail(out, st);
    printf("wrote a KmsCertCache of %zu certificates: %s\n", n, out);
    return 0;
}

int rk_cli_kms(int argc, char **argv)
{
    const char *certs[RK_KMS_MAX_CERTS];
    size_t ncerts = 0;
    const char *dir = NULL, *uri = NULL, *user = NULL, *out = NULL, *inv = NULL, *outdir = NULL;
    uint64_t period = 2592000, offset = 0, pno = 0;
    int have_pno = 0, force = 0, next = 0;
    static struct option o[] = {{"dir", 1, 0, 'd'}, {"uri", 1, 0, 'u'}, {"period", 1, 0, 'p'},
        {"offset", 1, 0, 'o'}, {"user", 1, 0, 'U'}, {"period-no", 1, 0, 'n'}, {"out", 1, 0, 'O'},
        {"inventory", 1, 0, 'i'}, {"out-dir", 1, 0, 'D'}, {"force", 0, 0, 'f'}, {"next", 0, 0, 'N'},
        {"cert", 1, 0, 'c'},
        {"help", 0, 0, 'h'}, {0, 0, 0, 0}};
    if (argc < 2) { usage_kms(stderr); return 2; }
    const char *sub = argv[1];
    if (!strcmp(sub, "--help") || !strcmp(sub, "-h")) { usage_kms(stdout); return 0; }
    optind = 2;
    for (int c; (c = getopt_long(argc, argv, "", o, NULL)) != -1;) {
        int ok = 1;
        switch (c) {
        case 'd': dir = optarg; break;
        case 'u': uri = optarg; break;
        case 'p': ok = rk_cli_parse_u64(optarg, &period) && period > 0; break;
        case 'o': ok = rk_cli_parse_u64(optarg, &offset); break;
        case 'U': user = optarg; break;
        case 'n': ok = rk_cli_parse_u64(optarg, &pno); have_pno = 1; break;
        case 'O': out = optarg; break;
        case 'i': inv = optarg; break;
        case 'D': outdir = optarg; break;
        case 'f': force = 1; break;
        case 'N': next = 1; break;
        case 'c':
            if (ncerts == RK_KMS_MAX_CERTS) {
                fprintf(stderr, "rootkey kms: at most %u --cert\n", (unsigned)RK_KMS_MAX_CERTS);
                return 2;
            }
            certs[ncerts++] = optarg;
            break;
        case 'h': usage_kms(stdout); return 0;
        default: usage_kms(stderr); return 2;
        }
        if (!ok) {
            fprintf(stderr, "rootkey kms: --%s %s: not a decimal number in range\n",
                    c == 'p' ? "period" : c == 'o' ? "offset" : "period-no", optarg);
            return 2;
        }
    }
    if (optind != argc) { usage_kms(stderr); return 2; }
    if (!strcmp(sub, "cache")) {
        /* one certificate is a KmsInit, not a cache */
        if (ncerts < 2 || !user || !out || dir) { usage_kms(stderr); return 2; }
        return write_cache(certs, ncerts, user, out);
    }
    if (ncerts) { usage_kms(stderr); return 2; }
    char path[4096];
    rk_kms_master *m = sodium_malloc(sizeof *m);
    rk_status st;
    int rc = 0;
    if (!m) return kms_fail("guarded memory", RK_ERR_ALLOC);
    if (!strcmp(sub, "create") && dir && uri) {
        struct stat sb;
        snprintf(path, sizeof path, "%s/kms.secret", dir);
        if (!force && stat(path, &sb) == 0) {
            fprintf(stderr, "rootkey kms: %s exists (a KMS community): not replaced without --force\n", path);
            rc = 3;
            goto out;
        }
        mkdir(dir, 0700);
        st = rk_kms_master_create(m, uri, period, offset);
        if (st != RK_OK) { rc = kms_fail("create", st); goto out; }
        st = rk_kms_master_save(m, path);
        if (st != RK_OK) { rc = kms_fail(path, st); goto out; }
        uint8_t buf[4096]; size_t n = 0;
        st = rk_kms_cert_write(buf, sizeof buf, &n, &m->cert);
        snprintf(path, sizeof path, "%s/kms-cert.xml", dir);
        if (st == RK_OK) st = rk_file_write_atomic(path, buf, n, 0644);
        if (st != RK_OK) { rc = kms_fail(path, st); goto out; }
        printf("created KMS %s (UserKeyPeriod %llu, UserKeyOffset %llu): %s\n", uri,
               (unsigned long long)period, (unsigned long long)offset, path);
    } else if (!strcmp(sub, "issue") && dir && ((user && out && !inv) || (inv && outdir && !user))) {
        snprintf(path, sizeof path, "%s/kms.secret", dir);
        st = rk_kms_master_load(m, path);
        if (st != RK_OK) { rc = kms_fail(path, st); goto out; }
        if (!have_pno) {
            st = rk_kms_period_now(&pno, &m->cert, now_unix());
            if (st != RK_OK) { rc = kms_fail("key period", st); goto out; }
        }
        if (inv) {
            rc = issue_inventory(m, inv, outdir, pno, next);
        } else {
            st = issue_one(m, user, pno, next, out);
            if (st != RK_OK) { rc = kms_fail("issue", st); goto out; }
            printf("issued key set for %s, key period %llu%s: %s\n", user, (unsigned long long)pno,
                   next ? " and the next" : "", out);
        }
    } else { usage_kms(stderr); rc = 2; }
out:
    sodium_free(m);
    return rc;
}
