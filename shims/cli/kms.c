/* rootkey inspect on a TS 33.180 Annex D KMS response: the core's KMS
 * document reader (rootkey/kms.h, docs/kms.md) and its records as JSON.
 * Public fields only: the key sets' UserDecryptKey and UserSigningKeySSK
 * are shown by length, never by value. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
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
