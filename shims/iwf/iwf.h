/* SPDX-License-Identifier: Apache-2.0
 * shims/iwf/iwf.h - batch wrap of LMR root keys for a fleet (docs/inventory.md).
 * Per user and key period, named by a digest of the exact MC ID (<stem>):
 * <out>/<stem>.p<period>.element.xml (the profile element),
 * <out>/<stem>.p<period>.xcap (the XCAP PUT request writing it), then
 * <out>/<stem>.p<period>.state (the state record: the MC ID, a keyed digest
 * of what was wrapped, the key ID; later the delivery result); each written
 * atomically, the record last, so a rerun skips exactly the users whose
 * inventory line is unchanged since they were wrapped for this key period.
 */
#ifndef RK_SHIM_IWF_H
#define RK_SHIM_IWF_H
#include <stdio.h>
#include "rootkey/status.h"
#include "rootkey/lmr.h"
#include "rootkey/p25.h"
#include "rootkey/sakke.h"
#include "rootkey/eccsi.h"
#include "common/delivery.h"
#include "common/kms.h"

#define RK_IWF_LINE_MAX 4096              /* octets in one inventory line */
#define RK_IWF_INVENTORY_MAX (256u << 20) /* octets in one inventory */
#define RK_IWF_STEM_MAX 68                /* "u-" + 64 hex digits + NUL */
#define RK_IWF_RUN 16                     /* users handed to deliver() at a time */
#define RK_IWF_JOBS_MAX 64                /* wrap threads of one batch */

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
    size_t delivered, undelivered;   /* with a delivery back end */
} rk_iwf_stats;

typedef struct {
    const char *inventory, *outdir, *xcap_root;   /* inventory "-": stdin */
    const char *doc_name;   /* the .xcap files' document (NULL: RK_XCAP_DOC_DEFAULT) */
    unsigned shard_i, shard_n;
    int64_t now_unix;
    FILE *log;
    int progress;
    const rk_delivery *delivery;   /* NULL: files only (element files as today) */
    /* called after each user handled without error, with the count wrapped
     * so far (NULL: none; the test build of the command kills itself here) */
    void (*after_user)(void *ctx, size_t wrapped);
    void *after_ctx;
    /* users wrapped at a time: 0 or 1 on the calling thread, 2 ..
     * RK_IWF_JOBS_MAX on as many threads sharing w read-only (everything
     * else, the files, records, log lines and delivery, stays on the calling
     * thread, in inventory order: the outputs do not depend on jobs) */
    unsigned jobs;
    /* tests only: n octets of randomness for the user id (the wraps) or
     * for "" (the directory's state key), in place of libsodium's; called
     * from the worker threads at the same time (NULL: randombytes_buf) */
    void (*rnd)(void *ctx, const char *id, uint8_t *out, size_t n);
    void *rnd_ctx;
} rk_iwf_batch_opts;

/* One user's state record, <stem>.p<period>.state (text, one "name value"
 * a line; docs/inventory.md).  "wrapped" and "delivered" are separate: a
 * user wrapped but not delivered is handed to the back end again by the
 * next run, without a new wrap. */
typedef struct {
    char mc_id[256];
    uint8_t digest[32];        /* HMAC of what was wrapped under the directory's state key */
    uint64_t period;
    uint32_t key_id;
    int64_t wrapped_at;
    char element[RK_IWF_STEM_MAX + 40];   /* the element file's name in the directory */
    int delivered;             /* 1: the CMS holds the element */
    int http_status;           /* the CMS's last answer (0: none yet) */
    int64_t delivered_at;      /* unix time of that answer */
    char etag[RK_DELIVERY_ETAG_MAX];
    char error[RK_DELIVERY_ERR_MAX];   /* the last delivery error, "" if none */
} rk_iwf_state;

/* Load the IWF's key set (the signer).  Every key set of the KmsKeyProv
 * response is checked against the IWF KMS's certificate by the core's
 * rk_kms_keyset_check (RK_ERR_KMS_URI_MISMATCH, RK_ERR_KMS_USER_ID); the one
 * of the IWF KMS's key period at now_unix, the time wrapped at, is used (none:
 * RK_ERR_IWF_PERIOD, naming both periods).  iwf_uri: the configured IWF URI;
 * the key set's UserUri must equal it (RK_ERR_IWF_SIGNER: a user's key set
 * would sign every element as that user); NULL skips the check. */
RK_MUST_CHECK rk_status rk_iwf_open(rk_iwf *w, const rk_kms_cert *kms, const rk_kms_cert *iwf_kms,
                                    const uint8_t *keyset_xml, size_t len, const char *iwf_uri,
                                    int64_t now_unix, char *err, size_t errlen);
void rk_iwf_close(rk_iwf *w);

/* One inventory line (len octets, without newline; RFC 4180 CSV) -> block
 * and names.  err gets the reason, which never holds a key-column value.
 * Errors: RK_ERR_STORE_INVENTORY (a field), RK_ERR_IWF_LINE_TOO_LONG,
 * RK_ERR_IWF_LINE_NUL, RK_ERR_IWF_UTF8 (MC ID), RK_ERR_IWF_CSV; on error the
 * block and both names are zeroed. */
RK_MUST_CHECK rk_status rk_iwf_parse_record(const char *line, size_t len, char *mcptt_id, size_t idcap,
                                            char *kms_uri, size_t kmscap, rk_lmr_block *b,
                                            char *err, size_t errlen);
/* The same for a NUL-terminated line. */
RK_MUST_CHECK rk_status rk_iwf_parse_line(const char *line, char *mcptt_id, size_t idcap,
                                          char *kms_uri, size_t kmscap, rk_lmr_block *b,
                                          char *err, size_t errlen);
/* 1 for a line that holds no user: empty, a '#' comment, or the header
 * "mcptt_id,..." as line 1. */
int rk_iwf_skip_line(const char *line, size_t len, size_t lineno);
/* A whole input file ("-": stdin) of at most max octets, read unbuffered
 * into *out (NUL-terminated; free with rk_iwf_input_free, which wipes it).
 * Errors: RK_ERR_IO (err names the path and the system's reason; a directory
 * is one), RK_ERR_IWF_TOO_LARGE. */
RK_MUST_CHECK rk_status rk_iwf_input_read(const char *path, size_t max, uint8_t **out, size_t *olen,
                                          char *err, size_t errlen);
void rk_iwf_input_free(uint8_t *b, size_t len);
/* The inventory line of user id (the exact MC ID; NULL: the first line that
 * holds a user) from the file at path ("-": stdin) into line (cap octets,
 * NUL-terminated; the line itself may hold a NUL, hence *len).  Errors:
 * those of rk_iwf_input_read, RK_ERR_STORE_INVENTORY (no such line),
 * RK_ERR_IWF_LINE_TOO_LONG. */
RK_MUST_CHECK rk_status rk_iwf_find_line(const char *path, const char *id, char *line, size_t cap,
                                         size_t *len, char *err, size_t errlen);
/* 1 when a command-line argument holds a key ("hex:"): keys are read from
 * files or stdin only, since any user of the machine sees a command line. */
int rk_iwf_argv_key(const char *arg);

/* The batch (docs/inventory.md).  shard_i/shard_n: this run takes the users
 * whose MC ID hashes to i mod n (n = 1: all).  log: errors and progress (no
 * key material).  With o->delivery, every user wrapped and not yet delivered
 * (by this run or an earlier one) is handed to it, RK_IWF_RUN at a time, and
 * the result kept in the user's state record.
 * Returns RK_OK when every user is wrapped (and delivered, with a back end);
 * RK_ERR_STORE_INVENTORY when some lines failed; RK_ERR_IWF_DELIVERY when
 * only deliveries failed; RK_ERR_IO when the inventory cannot be read or a
 * file cannot be written (the batch stops there: a full disk fails one
 * user, not every remaining one); RK_ERR_IWF_TOO_LARGE. */
RK_MUST_CHECK rk_status rk_iwf_batch(rk_iwf *w, const rk_iwf_batch_opts *o, rk_iwf_stats *stats);

/* The state record at path.  Errors: RK_ERR_IO, RK_ERR_IWF_STATE. */
RK_MUST_CHECK rk_status rk_iwf_state_read(const char *path, rk_iwf_state *r);
RK_MUST_CHECK rk_status rk_iwf_state_write(const char *path, const rk_iwf_state *r);

/* One user's profile element (the wrapped root key) into el. */
RK_MUST_CHECK rk_status rk_iwf_element(rk_iwf *w, const char *id, const rk_lmr_block *b,
                                       int64_t now_unix, uint8_t *el, size_t cap, size_t *elen,
                                       uint32_t *key_id, uint64_t *period, char *err, size_t errlen);
/* The same with the wrap's randomness given (RK_ROOTKEY_WRAP_RND_BYTES
 * octets).  w is only read: threads may share one rk_iwf (its signer,
 * verifier and SAKKE tables) and call this at the same time. */
RK_MUST_CHECK rk_status rk_iwf_element_rnd(const rk_iwf *w, const char *id, const rk_lmr_block *b,
                                           int64_t now_unix, const uint8_t *rnd, uint8_t *el, size_t cap,
                                           size_t *elen, uint32_t *key_id, uint64_t *period, char *err,
                                           size_t errlen);

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

/* The file stem of an MC ID: "u-" and the SHA-256 of the exact octets in
 * hex (collision-free in practice, unlike any character mapping; the MC ID
 * itself is in the state record).  cap >= RK_IWF_STEM_MAX. */
void rk_iwf_stem(char *out, size_t cap, const char *id);
#endif
