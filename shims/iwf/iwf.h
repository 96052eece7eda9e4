/*
 * shims/iwf/iwf.h - batch wrap of LMR root keys for a fleet (docs/inventory.md).
 * Per user: <out>/<id>.p<period>.element.xml (the profile element),
 * <out>/<id>.p<period>.xcap (the element-level XCAP PUT request, when an
 * XCAP root is given: the CLI gives one only with --files-only), then, once delivered (or written, files only),
 * <out>/<id>.p<period>.done; each written atomically, the marker last, so a
 * rerun skips exactly the users finished for this key period.
 */
#ifndef RK_SHIM_IWF_H
#define RK_SHIM_IWF_H
#include <stdio.h>
#include "rootkey/status.h"
#include "rootkey/lmr.h"
#include "rootkey/p25.h"
#include "rootkey/sakke.h"
#include "rootkey/eccsi.h"
#include "common/kms.h"
#include "common/delivery.h"

typedef struct {
    rk_kms_cert kms;                 /* the users' KMS (one KMS per batch) */
    rk_kms_cert iwf_kms;
    rk_sakke_sender_ctx *sakke;      /* Z table, built once */
    rk_eccsi_signer_ctx *signer;     /* guarded memory */
    rk_eccsi_verifier_ctx *verifier;
    uint8_t iwf_uid[32];
    uint64_t period_no;
    char iwf_uri[RK_KMS_URI_MAX + 1];
} rk_iwf;

typedef struct {
    size_t lines, done, skipped, failed, other_shard;
} rk_iwf_stats;

RK_MUST_CHECK rk_status rk_iwf_open(rk_iwf *w, const rk_kms_cert *kms, const rk_kms_cert *iwf_kms,
                                    const uint8_t *keyset_xml, size_t len, int64_t now_unix,
                                    char *err, size_t errlen);
void rk_iwf_close(rk_iwf *w);

/* One inventory line (without newline) -> block and names.  err gets the reason. */
RK_MUST_CHECK rk_status rk_iwf_parse_line(const char *line, char *mcptt_id, size_t idcap,
                                          char *kms_uri, size_t kmscap, rk_lmr_block *b,
                                          char *err, size_t errlen);

/* The batch.  shard_i/shard_n: this machine takes the users whose line's
 * hash mod n is i (n = 1: all).  log: errors and progress (no key material).
 * delivery NULL: files only (the .xcap request files when xcap_root is set);
 * else each run of users is handed to delivery->deliver() after their
 * elements are made, and a user is marked done only when its item's st is
 * RK_OK (the CMS answered 2xx or already held the element); the others are
 * reported with the cause and counted failed. */
typedef struct {
    const char *inventory, *outdir, *xcap_root;
    unsigned shard_i, shard_n;
    int64_t now_unix;
    FILE *log;
    int progress;
    const rk_delivery *delivery;   /* NULL: files only */
} rk_iwf_batch_opts;
RK_MUST_CHECK rk_status rk_iwf_batch(rk_iwf *w, const rk_iwf_batch_opts *o, rk_iwf_stats *stats);

/* One user's profile element (the wrapped root key) into el. */
RK_MUST_CHECK rk_status rk_iwf_element(rk_iwf *w, const char *id, const rk_lmr_block *b,
                                       int64_t now_unix, uint8_t *el, size_t cap, size_t *elen,
                                       uint32_t *key_id, uint64_t *period, char *err, size_t errlen);

/*
 * LMR key messages after the root key (shims/iwf/lmrkey.c, docs/p25.md).
 *
 * TEK list (text, one TEK per line):  key_id,sln,algid,key
 *   key_id, sln: hex, 16 bits; algid: hex, 84 (AES-256) or 85 (AES-128);
 *   key: hex:<digits> or file:/path, 32 or 16 octets matching the ALGID.
 *   A first line starting with "key_id," is a header; empty lines and
 *   lines starting with '#' are skipped.  Errors name the line, never the key.
 */
/* "hex:<digits>" or "file:/path" (speclen octets) -> at most cap octets into out. */
RK_MUST_CHECK rk_status rk_iwf_hex_spec(const char *spec, size_t speclen, uint8_t *out, size_t cap,
                                        size_t *olen, char *err, size_t errlen);
RK_MUST_CHECK rk_status rk_iwf_tek_line(const char *line, uint8_t keyset_id, rk_p25_tek *t,
                                        char *err, size_t errlen);
RK_MUST_CHECK rk_status rk_iwf_tek_list(const char *path, uint8_t keyset_id, rk_p25_tek *teks,
                                        size_t cap, size_t *n, char *err, size_t errlen);
/* A P25 Modify Key Command for the user of block b (its UKEK, RSI, UKEK ALGID
 * and key ID), carrying teks[0..n-1] (one ALGID and keyset) wrapped under the
 * UKEK, message number mn, from src_rsi (the KMF), MAC format 0x41 (CMAC) or
 * 0x40 (CBC-MAC); written in transport form (client/lmrkey.h): 0x01 || frame. */
RK_MUST_CHECK rk_status rk_iwf_p25_message(const rk_lmr_block *b, const rk_p25_tek *teks, size_t n,
                                           uint32_t src_rsi, uint16_t mn, uint8_t mac_format,
                                           uint8_t *out, size_t cap, size_t *olen);
/* TETRA: blob wrapped under the user's KEK with AES-KW (padded 0; blob a
 * multiple of 8 octets, at least 16) or AES-KWP (padded 1), transport form
 * 0x02 || mode || wrapped (no public TETRA key-message format). */
RK_MUST_CHECK rk_status rk_iwf_tetra_message(const rk_lmr_block *b, int padded, const uint8_t *blob,
                                             size_t blen, uint8_t *out, size_t cap, size_t *olen);

/* Safe file stem for an MCPTT ID. */
void rk_iwf_stem(char *out, size_t cap, const char *id);
#endif
