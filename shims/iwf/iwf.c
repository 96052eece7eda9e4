/* see iwf.h */
#include "iwf.h"
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "common/atomic.h"
#include "rootkey/b64.h"
#include "rootkey/hash.h"
#include "rootkey/hex.h"
#include "rootkey/profile.h"
#include "rootkey/rootkey.h"
#include "xcap/xcap.h"

void rk_iwf_close(rk_iwf *w)
{
    if (w->signer) { rk_eccsi_signer_wipe(w->signer); sodium_free(w->signer); }
    free(w->sakke);
    free(w->verifier);
    memset(w, 0, sizeof *w);
}

rk_status rk_iwf_open(rk_iwf *w, const rk_kms_cert *kms, const rk_kms_cert *iwf_kms,
                      const uint8_t *xml, size_t len, int64_t now_unix, char *err, size_t errlen)
{
    rk_status st;
    rk_kms_keyset *ks = sodium_malloc(sizeof *ks);
    memset(w, 0, sizeof *w);
    w->kms = *kms;
    w->iwf_kms = *iwf_kms;
    w->sakke = malloc(sizeof *w->sakke);
    w->verifier = malloc(sizeof *w->verifier);
    w->signer = sodium_malloc(sizeof *w->signer);
    if (!ks || !w->sakke || !w->verifier || !w->signer) { st = RK_ERR_ALLOC; goto fail; }
    st = rk_kms_keyset_parse(ks, xml, len, err, errlen);
    if (st != RK_OK) goto fail;
    st = rk_kms_period_now(&w->period_no, iwf_kms, now_unix);
    if (st != RK_OK) goto fail;
    if (ks->period_no != w->period_no || strcmp(ks->kms_uri, iwf_kms->kms_uri) != 0) {
        if (err) snprintf(err, errlen, "IWF key set is not for the current key period of its KMS");
        st = RK_ERR_STORE_KMS_XML; goto fail;
    }
    strcpy(w->iwf_uri, ks->user_uri);
    st = rk_uid(w->iwf_uid, (const uint8_t *)ks->user_uri, strlen(ks->user_uri),
                (const uint8_t *)iwf_kms->kms_uri, strlen(iwf_kms->kms_uri),
                iwf_kms->period_len, iwf_kms->period_offset, ks->period_no);
    if (st == RK_OK && memcmp(w->iwf_uid, ks->uid, 32) != 0) {
        if (err) snprintf(err, errlen, "UserID is not UID(UserUri, KmsUri, KeyPeriodNo)");
        st = RK_ERR_STORE_KMS_XML;
    }
    if (st != RK_OK) goto fail;
    st = rk_eccsi_signer_init(w->signer, iwf_kms->kpak, 65, w->iwf_uid, 32, ks->ssk, 32, ks->pvt, 65);
    if (st != RK_OK) { if (err) snprintf(err, errlen, "SSK validation: %s", rk_strerror(st)); goto fail; }
    st = rk_eccsi_verifier_init(w->verifier, iwf_kms->kpak, 65);
    if (st == RK_OK) st = rk_sakke_sender_init(w->sakke, kms->z_pub);
    if (st != RK_OK) goto fail;
    sodium_free(ks);
    return RK_OK;
fail:
    if (ks) sodium_free(ks);
    rk_iwf_close(w);
    return st;
}

void rk_iwf_stem(char *out, size_t cap, const char *id)
{
    size_t j = 0;
    for (size_t i = 0; id[i] && j + 1 < cap; i++) {
        char ch = id[i];
        int ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                 ch == '.' || ch == '-' || ch == '_' || ch == '@' || ch == '+';
        out[j++] = ok ? ch : '_';
    }
    out[j] = 0;
}

static int parse_hexnum(const char *s, uint64_t max, uint64_t *v)
{
    char *end;
    if (!*s) return -1;
    errno = 0;
    unsigned long long x = strtoull(s, &end, 16);
    if (errno || *end || x > max) return -1;
    *v = x;
    return 0;
}

static int parse_decnum(const char *s, uint64_t max, uint64_t *v)
{
    char *end;
    if (!*s) return -1;
    errno = 0;
    unsigned long long x = strtoull(s, &end, 10);
    if (errno || *end || x > max) return -1;
    *v = x;
    return 0;
}

#define FAIL(...) do { if (err) snprintf(err, errlen, __VA_ARGS__); st = RK_ERR_STORE_INVENTORY; goto out; } while (0)

static rk_status parse_ids(rk_lmr_block *b, char *ids, char *err, size_t errlen)
{
    rk_status st = RK_OK;
    unsigned have = 0;
    for (char *save = NULL, *kv = strtok_r(ids, ";", &save); kv; kv = strtok_r(NULL, ";", &save)) {
        char *eq = strchr(kv, '=');
        uint64_t v = 0;
        if (!eq) FAIL("LMR identifier '%s' is not name=value", kv);
        *eq = 0;
        const char *k = kv, *val = eq + 1;
        int bad = 0;
        if (b->lmr_type == RK_LMR_P25) {
            if (!strcmp(k, "wacn")) { bad = parse_hexnum(val, 0xFFFFF, &v); b->wacn = (uint32_t)v; have |= 1; }
            else if (!strcmp(k, "sys")) { bad = parse_hexnum(val, 0xFFF, &v); b->system_id = (uint16_t)v; have |= 2; }
            else if (!strcmp(k, "rsi")) { bad = parse_decnum(val, 0xFFFFFF, &v); b->unit_id = (uint32_t)v; have |= 4; }
            else if (!strcmp(k, "algid")) { bad = parse_hexnum(val, 0xFF, &v); b->algid = (uint8_t)v; have |= 8; }
            else if (!strcmp(k, "kid")) { bad = parse_hexnum(val, 0xFFFF, &v); b->key_id = (uint16_t)v; have |= 16; }
            else if (!strcmp(k, "keyset")) { bad = parse_decnum(val, 0xFF, &v); b->keyset_id = (uint8_t)v; have |= 32; }
            else FAIL("unknown P25 identifier '%s'", k);
        } else if (b->lmr_type == RK_LMR_TETRA) {
            if (!strcmp(k, "mcc")) { bad = parse_decnum(val, 0x3FF, &v); b->mcc = (uint16_t)v; have |= 1; }
            else if (!strcmp(k, "mnc")) { bad = parse_decnum(val, 0x3FFF, &v); b->mnc = (uint16_t)v; have |= 2; }
            else if (!strcmp(k, "issi")) { bad = parse_decnum(val, 0xFFFFFF, &v); b->issi = (uint32_t)v; have |= 4; }
            else if (!strcmp(k, "kn")) { bad = parse_decnum(val, 0xFF, &v); b->has_key_number = 1; b->key_number = (uint8_t)v; }
            else if (!strcmp(k, "kv")) { bad = parse_decnum(val, 0xFFFF, &v); b->has_key_version = 1; b->key_version = (uint16_t)v; }
            else FAIL("unknown TETRA identifier '%s'", k);
        } else {
            size_t n = strlen(val), ol = 0;
            if (!strcmp(k, "sys")) {
                if (n == 0 || n > 2 * RK_LMR_SYS_MAX || rk_hex_decode(b->sys, RK_LMR_SYS_MAX, val, n, &ol) != RK_OK) bad = 1;
                b->sys_len = (uint8_t)ol; have |= 1;
            } else if (!strcmp(k, "ref")) {
                if (n == 0 || n > 2 * RK_LMR_REF_MAX || rk_hex_decode(b->ref, RK_LMR_REF_MAX, val, n, &ol) != RK_OK) bad = 1;
                b->ref_len = (uint8_t)ol;
            } else FAIL("unknown identifier '%s'", k);
        }
        if (bad) FAIL("LMR identifier %s: bad value", k);
    }
    if (b->lmr_type == RK_LMR_P25 && have != 63) FAIL("P25 needs wacn, sys, rsi, algid, kid, keyset");
    if (b->lmr_type == RK_LMR_TETRA && (have & 7) != 7) FAIL("TETRA needs mcc, mnc, issi");
    if (b->lmr_type == RK_LMR_OTHER && !(have & 1)) FAIL("OTHER needs sys");
out:
    return st;
}

static rk_status parse_key(rk_lmr_block *b, const char *spec, char *err, size_t errlen)
{
    rk_status st = RK_OK;
    char *buf = sodium_malloc(256);
    size_t n = 0, ol = 0;
    if (!buf) return RK_ERR_ALLOC;
    if (!strncmp(spec, "hex:", 4)) {
        n = strlen(spec + 4);
        if (n >= 256) FAIL("key: too long");
        memcpy(buf, spec + 4, n);
    } else if (!strncmp(spec, "file:", 5)) {
        if (rk_file_read(spec + 5, (uint8_t *)buf, 255, &n) != RK_OK) FAIL("key file %s: cannot read", spec + 5);
        while (n && (buf[n-1] == '\n' || buf[n-1] == '\r' || buf[n-1] == ' ')) n--;
    } else FAIL("key: neither hex:... nor file:/path");
    if (n % 2 || n / 2 < RK_LMR_KEY_MIN || n / 2 > RK_LMR_KEY_MAX ||
        rk_hex_decode(b->key, RK_LMR_KEY_MAX, buf, n, &ol) != RK_OK)
        FAIL("key: not %d..%d octets of hex", RK_LMR_KEY_MIN, RK_LMR_KEY_MAX);
    b->key_len = (uint8_t)ol;
out:
    sodium_free(buf);
    return st;
}

rk_status rk_iwf_parse_line(const char *line, char *id, size_t idcap, char *kms, size_t kmscap,
                            rk_lmr_block *b, char *err, size_t errlen)
{
    rk_status st = RK_OK;
    char *copy = sodium_malloc(4096);
    char *f[5];
    size_t nf = 0;
    memset(b, 0, sizeof *b);
    if (!copy) return RK_ERR_ALLOC;
    if (strlen(line) >= 4096) FAIL("line too long");
    strcpy(copy, line);
    for (char *p = copy; nf < 5; ) {
        f[nf++] = p;
        char *c = strchr(p, ',');
        if (!c) break;
        *c = 0; p = c + 1;
        if (nf == 5) FAIL("more than 5 fields");
    }
    if (nf != 5) FAIL("expected 5 fields: mcptt_id,kms_uri,lmr_type,lmr_ids,key");
    if (!*f[0] || strlen(f[0]) >= idcap || strlen(f[0]) > 255) FAIL("mcptt_id empty or too long");
    if (!*f[1] || strlen(f[1]) >= kmscap) FAIL("kms_uri empty or too long");
    strcpy(id, f[0]); strcpy(kms, f[1]);
    if (!strcmp(f[2], "P25")) b->lmr_type = RK_LMR_P25;
    else if (!strcmp(f[2], "TETRA")) b->lmr_type = RK_LMR_TETRA;
    else if (!strcmp(f[2], "OTHER")) b->lmr_type = RK_LMR_OTHER;
    else FAIL("lmr_type '%s' is not P25, TETRA or OTHER", f[2]);
    st = parse_ids(b, f[3], err, errlen);
    if (st == RK_OK) st = parse_key(b, f[4], err, errlen);
    if (st == RK_OK) {   /* the core codec is the judge of the block */
        uint8_t tmp[RK_LMR_MAX_BYTES];
        size_t tl = 0;
        rk_status s2 = rk_lmr_encode(tmp, sizeof tmp, &tl, b);
        sodium_memzero(tmp, sizeof tmp);
        if (s2 != RK_OK) FAIL("LMR block refused: %s", rk_strerror(s2));
    }
out:
    sodium_memzero(copy, 4096);
    sodium_free(copy);
    if (st != RK_OK) rk_lmr_wipe(b);
    return st;
}

static uint32_t fnv1a(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) { h ^= (uint8_t)*s; h *= 16777619u; }
    return h;
}

rk_status rk_iwf_element(rk_iwf *w, const char *id, const rk_lmr_block *b, int64_t now_unix,
                         uint8_t *el, size_t cap, size_t *elen, uint32_t *key_id_out,
                         uint64_t *period_out, char *err, size_t errlen)
{
    rk_status st;
    uint8_t rnd[RK_ROOTKEY_WRAP_RND_BYTES];
    uint8_t msg[RK_ROOTKEY_MAX_MSG];
    char b64[RK_B64_ENCODED_LEN(RK_ROOTKEY_MAX_MSG) + 1];
    size_t ml = 0, bl = 0;
    uint32_t key_id = 0, ts = 0;
    uint64_t period = 0;
    *elen = 0;
    st = rk_ntp_from_unix(&ts, now_unix);
    if (st != RK_OK) return st;
    randombytes_buf(rnd, sizeof rnd);
    rk_rootkey_wrap_in in;
    memset(&in, 0, sizeof in);
    in.signer = w->signer; in.iwf_uid = w->iwf_uid; in.verifier = w->verifier;
    in.iwf_uri = (const uint8_t *)w->iwf_uri; in.iwf_uri_len = strlen(w->iwf_uri);
    in.iwf_kms_uri = (const uint8_t *)w->iwf_kms.kms_uri; in.iwf_kms_uri_len = strlen(w->iwf_kms.kms_uri);
    in.sakke = w->sakke;
    in.user_uri = (const uint8_t *)id; in.user_uri_len = strlen(id);
    in.user_kms_uri = (const uint8_t *)w->kms.kms_uri; in.user_kms_uri_len = strlen(w->kms.kms_uri);
    in.period_len = w->kms.period_len; in.period_offset = w->kms.period_offset;
    in.lmr = b; in.purpose_tag = RK_ROOTKEY_DEFAULT_TAG;
    in.ts_sec = ts; in.rnd = rnd;
    st = rk_rootkey_wrap(msg, sizeof msg, &ml, &key_id, &period, &in);
    sodium_memzero(rnd, sizeof rnd);
    if (st != RK_OK) { snprintf(err, errlen, "wrap: %s", rk_strerror(st)); return st; }
    st = rk_b64_encode(b64, sizeof b64, msg, ml, &bl);
    if (st == RK_OK)
        st = rk_profile_encode_element(el, cap, elen, b->lmr_type, key_id,
                                       (const uint8_t *)w->kms.kms_uri, strlen(w->kms.kms_uri),
                                       period, (const uint8_t *)b64, bl);
    if (st != RK_OK) { snprintf(err, errlen, "element: %s", rk_strerror(st)); return st; }
    *key_id_out = key_id;
    *period_out = period;
    return RK_OK;
}

/* One user: wrap, element file, element-level XCAP request file (with an
 * XCAP root: the node selector has one attribute test per step, RFC 4825
 * 6).  The element stays in el for delivery. */
static rk_status one_user(rk_iwf *w, const char *id, const char *kms_uri, const rk_lmr_block *b,
                         const char *outdir, const char *stem, const char *xcap_root,
                         int64_t now_unix, uint8_t *el, size_t cap, size_t *elen, uint32_t *key_id,
                         char *err, size_t errlen)
{
    rk_status st;
    char *req = malloc(16384), url[RK_XCAP_URL_MAX], path[4096];
    uint64_t period = 0;
    if (!req) return RK_ERR_ALLOC;
    if (strcmp(kms_uri, w->kms.kms_uri) != 0) {
        snprintf(err, errlen, "kms_uri %.100s is not this batch's KMS", kms_uri);
        st = RK_ERR_STORE_INVENTORY; goto out;
    }
    st = rk_iwf_element(w, id, b, now_unix, el, cap, elen, key_id, &period, err, errlen);
    if (st != RK_OK) goto out;
    snprintf(path, sizeof path, "%s/%s.p%llu.element.xml", outdir, stem, (unsigned long long)period);
    st = rk_file_write_atomic(path, el, *elen, 0644);
    if (st == RK_OK && xcap_root) {
        st = rk_xcap_url(url, sizeof url, xcap_root, id, NULL);
        if (st != RK_OK) { snprintf(err, errlen, "XCAP URL: %s", rk_strerror(st)); goto out; }
        /* HTTP/1.1 needs a Host header (RFC 9112 3.2): the authority of an
         * absolute XCAP root (scheme://authority/path); none for a bare path */
        char host[512] = "";
        const char *a = strstr(xcap_root, "://");
        if (a) {
            a += 3;
            size_t hl = strcspn(a, "/?#");
            if (hl > 0 && hl < sizeof host - 10) snprintf(host, sizeof host, "Host: %.*s\r\n", (int)hl, a);
        }
        int n = snprintf(req, 16384,
            "PUT %s/~~/mcptt-user-profile/anyExt/rk:lmr-root-key%%5b@key-id=%%22%08X%%22%%5d"
            "?xmlns(rk=" RK_PROFILE_NS ") HTTP/1.1\r\n"
            "%sContent-Type: application/xcap-el+xml\r\nContent-Length: %zu\r\n\r\n",
            url, (unsigned)*key_id, host, *elen);
        if (n < 0 || (size_t)n + *elen >= 16384) { st = RK_ERR_BUFFER; goto out; }
        memcpy(req + n, el, *elen);
        snprintf(path, sizeof path, "%s/%s.p%llu.xcap", outdir, stem, (unsigned long long)period);
        st = rk_file_write_atomic(path, (const uint8_t *)req, (size_t)n + *elen, 0644);
    }
    if (st != RK_OK) snprintf(err, errlen, "writing %.200s: %s", path, strerror(errno));
out:
    free(req);
    return st;
}

/* The marker: the root-key ID, and for a delivery the CMS's answer. */
static rk_status mark_done(const char *outdir, const char *stem, uint64_t period, uint32_t key_id,
                           const rk_delivery_item *it, char *err, size_t errlen)
{
    char path[4096], mark[512];
    int mn = it ? snprintf(mark, sizeof mark, "%08X\nhttp %d\netag %s\nwhen %lld\n", (unsigned)key_id,
                           it->http_status, it->etag, (long long)it->when)
                : snprintf(mark, sizeof mark, "%08X\n", (unsigned)key_id);
    snprintf(path, sizeof path, "%s/%s.p%llu.done", outdir, stem, (unsigned long long)period);
    rk_status st = rk_file_write_atomic(path, (const uint8_t *)mark, (size_t)mn, 0644);
    if (st != RK_OK) snprintf(err, errlen, "writing %.200s: %s", path, strerror(errno));
    return st;
}

/* users whose elements are made, waiting for one deliver() call */
#define RUN_MAX 64
typedef struct {
    char id[256], stem[300];
    size_t lineno;
    uint32_t key_id;
    size_t elen;
    uint8_t el[4096];
} pending;

static void deliver_run(const rk_iwf_batch_opts *o, uint64_t period, pending *p, rk_delivery_item *items,
                        size_t n, rk_iwf_stats *s)
{
    char err[256];
    for (size_t i = 0; i < n; i++) {
        memset(&items[i], 0, sizeof items[i]);
        items[i].mc_id = p[i].id; items[i].element = p[i].el; items[i].elen = p[i].elen;
    }
    if (n) o->delivery->deliver(o->delivery->ctx, items, n);
    for (size_t i = 0; i < n; i++) {
        rk_status st = items[i].st;
        if (st == RK_OK) st = mark_done(o->outdir, p[i].stem, period, p[i].key_id, &items[i], err, sizeof err);
        else snprintf(err, sizeof err, "not delivered: %s", items[i].err[0] ? items[i].err : rk_strerror(st));
        if (st != RK_OK) { fprintf(o->log, "%s:%zu: %s: %s\n", o->inventory, p[i].lineno, p[i].id, err); s->failed++; }
        else s->done++;
    }
}

rk_status rk_iwf_batch(rk_iwf *w, const rk_iwf_batch_opts *o, rk_iwf_stats *s)
{
    const char *inventory = o->inventory, *outdir = o->outdir;
    FILE *f = fopen(inventory, "r"), *log = o->log;
    char *line = NULL;
    size_t cap = 0, lineno = 0, total = 0, np = 0;
    ssize_t n;
    const char *crash = getenv("RK_TEST_CRASH_AFTER");
    long crash_after = crash ? atol(crash) : -1;
    pending *run = o->delivery ? malloc(RUN_MAX * sizeof *run) : NULL;
    rk_delivery_item *items = o->delivery ? calloc(RUN_MAX, sizeof *items) : NULL;
    memset(s, 0, sizeof *s);
    if (o->delivery && (!run || !items)) { free(run); free(items); if (f) fclose(f); return RK_ERR_ALLOC; }
    if (!f) { fprintf(log, "rootkey iwf: %s: %s\n", inventory, strerror(errno)); free(run); free(items); return RK_ERR_IO; }
    if (mkdir(outdir, 0755) != 0 && errno != EEXIST) {
        fprintf(log, "rootkey iwf: %s: %s\n", outdir, strerror(errno)); fclose(f); free(run); free(items); return RK_ERR_IO;
    }
    if (o->progress) { while ((n = getline(&line, &cap, f)) >= 0) total++; rewind(f); }
    while ((n = getline(&line, &cap, f)) >= 0) {
        char id[256], kms[256], err[256], stem[300], path[4096];
        uint8_t el[4096];
        size_t elen = 0;
        uint32_t key_id = 0;
        rk_lmr_block b;
        lineno++;
        while (n > 0 && (line[n-1] == '\n' || line[n-1] == '\r')) line[--n] = 0;
        if (n == 0 || line[0] == '#' || (lineno == 1 && !strncmp(line, "mcptt_id,", 9))) continue;
        s->lines++;
        err[0] = 0;
        rk_status st = rk_iwf_parse_line(line, id, sizeof id, kms, sizeof kms, &b, err, sizeof err);
        sodium_memzero(line, (size_t)n);
        if (st != RK_OK) {
            fprintf(log, "%s:%zu: %s\n", inventory, lineno, err);
            s->failed++;
            continue;
        }
        if (o->shard_n > 1 && fnv1a(id) % o->shard_n != o->shard_i) { s->other_shard++; rk_lmr_wipe(&b); continue; }
        rk_iwf_stem(stem, sizeof stem, id);
        snprintf(path, sizeof path, "%s/%s.p%llu.done", outdir, stem, (unsigned long long)w->period_no);
        if (access(path, F_OK) == 0) { s->skipped++; rk_lmr_wipe(&b); continue; }
        st = one_user(w, id, kms, &b, outdir, stem, o->xcap_root, o->now_unix, el, sizeof el, &elen, &key_id,
                      err, sizeof err);
        rk_lmr_wipe(&b);
        if (st == RK_OK && !o->delivery)
            st = mark_done(outdir, stem, w->period_no, key_id, NULL, err, sizeof err);
        if (st != RK_OK) { fprintf(log, "%s:%zu: %s: %s\n", inventory, lineno, id, err); s->failed++; }
        else if (!o->delivery) s->done++;
        else {
            pending *p = &run[np++];
            strcpy(p->id, id); strcpy(p->stem, stem);
            p->lineno = lineno; p->key_id = key_id; p->elen = elen;
            memcpy(p->el, el, elen);
            if (np == RUN_MAX) { deliver_run(o, w->period_no, run, items, np, s); np = 0; }
        }
        if (crash_after >= 0 && (long)s->done >= crash_after) _exit(99);   /* crash test hook */
        if (o->progress && total) {
            size_t k = s->lines * 40 / total;
            fprintf(stderr, "\r[%.*s%*s] %zu/%zu", (int)k, "########################################",
                    (int)(40 - k), "", s->lines, total);
        }
    }
    if (np) deliver_run(o, w->period_no, run, items, np, s);
    if (o->progress) fputc('\n', stderr);
    if (line) { sodium_memzero(line, cap); free(line); }
    fclose(f);
    free(run); free(items);
    return s->failed ? RK_ERR_STORE_INVENTORY : RK_OK;
}
