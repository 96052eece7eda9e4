/* SPDX-License-Identifier: Apache-2.0 */
/* see iwf.h: the batch, its state records and the hand-over to a delivery
 * back end (docs/inventory.md) */
#include "iwf.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "common/atomic.h"
#include "common/clock.h"
#include "rootkey/hash.h"
#include "rootkey/hex.h"
#include "rootkey/profile.h"
#include "rootkey/rootkey.h"
#include "xcap/xcap.h"

/* snprintf through a va_list: the messages and paths are cut at the
 * buffer's end on purpose */
static void sayf(char *out, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out, cap, fmt, ap);
    va_end(ap);
}

static uint32_t fnv1a(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) { h ^= (uint8_t)*s; h *= 16777619u; }
    return h;
}

/* ---------------------------------------------------------------- state */

/* A value from the CMS (ETag, error text) kept on one line of printable ASCII. */
static void clean(char *dst, size_t cap, const char *src)
{
    size_t i = 0;
    for (; src[i] && i + 1 < cap; i++)
        dst[i] = (src[i] >= 0x20 && src[i] < 0x7f) ? src[i] : '?';
    dst[i] = 0;
}

rk_status rk_iwf_state_write(const char *path, const rk_iwf_state *r)
{
    char buf[2048], dg[65], etag[RK_DELIVERY_ETAG_MAX], e[RK_DELIVERY_ERR_MAX];
    size_t hl = 0;
    if (rk_hex_encode(dg, sizeof dg, r->digest, 32, &hl) != RK_OK) return RK_ERR_INTERNAL;
    dg[hl] = 0;
    clean(etag, sizeof etag, r->etag);
    clean(e, sizeof e, r->error);
    int n = snprintf(buf, sizeof buf,
                     "rootkey-iwf-state 1\nmc_id %s\ndigest %s\nperiod %llu\nkey_id %08X\nwrapped_at %lld\n"
                     "element %s\ndelivered %d\nhttp_status %d\ndelivered_at %lld\netag %s\nerror %s\n",
                     r->mc_id, dg, (unsigned long long)r->period, (unsigned)r->key_id,
                     (long long)r->wrapped_at, r->element, r->delivered, r->http_status,
                     (long long)r->delivered_at, etag, e);
    if (n < 0 || (size_t)n >= sizeof buf) return RK_ERR_INTERNAL;
    return rk_file_write_atomic(path, (const uint8_t *)buf, (size_t)n, 0644);
}

static int num(const char *v, int sign, long long lo, unsigned long long hi, void *out, size_t width)
{
    char *end;
    errno = 0;
    if (!*v || (!sign && *v == '-')) return -1;
    if (sign) {
        long long x = strtoll(v, &end, 10);
        if (errno || *end || x < lo || (unsigned long long)x > hi) return -1;
        if (width == sizeof(int)) *(int *)out = (int)x; else *(int64_t *)out = x;
    } else {
        unsigned long long x = strtoull(v, &end, 10);
        if (errno || *end || x > hi) return -1;
        *(uint64_t *)out = x;
    }
    return 0;
}

rk_status rk_iwf_state_read(const char *path, rk_iwf_state *r)
{
    char buf[4096];
    size_t n = 0;
    unsigned have = 0;
    rk_status st = rk_file_read(path, (uint8_t *)buf, sizeof buf - 1, &n);
    memset(r, 0, sizeof *r);
    if (st == RK_ERR_IWF_TOO_LARGE) return RK_ERR_IWF_STATE;
    if (st != RK_OK) return st;
    buf[n] = 0;
    if (strncmp(buf, "rootkey-iwf-state 1\n", 20) != 0 || memchr(buf, 0, n)) return RK_ERR_IWF_STATE;
    for (char *save = NULL, *l = strtok_r(buf + 20, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
        char *v = strchr(l, ' ');
        size_t vl, hl = 0;
        int bad = 0;
        if (!v) return RK_ERR_IWF_STATE;
        *v++ = 0;
        vl = strlen(v);
        if (!strcmp(l, "mc_id")) { bad = vl == 0 || vl >= sizeof r->mc_id; if (!bad) memcpy(r->mc_id, v, vl + 1); have |= 1; }
        else if (!strcmp(l, "digest")) { bad = vl != 64 || rk_hex_decode(r->digest, 32, v, 64, &hl) != RK_OK; have |= 2; }
        else if (!strcmp(l, "period")) { bad = num(v, 0, 0, UINT64_MAX, &r->period, 8); have |= 4; }
        else if (!strcmp(l, "key_id")) {
            uint8_t k[4];
            bad = vl != 8 || rk_hex_decode(k, 4, v, 8, &hl) != RK_OK;
            r->key_id = (uint32_t)k[0] << 24 | (uint32_t)k[1] << 16 | (uint32_t)k[2] << 8 | k[3];
            have |= 8;
        }
        else if (!strcmp(l, "wrapped_at")) bad = num(v, 1, INT64_MIN, INT64_MAX, &r->wrapped_at, 8);
        else if (!strcmp(l, "element")) { bad = vl == 0 || vl >= sizeof r->element || strchr(v, '/'); if (!bad) memcpy(r->element, v, vl + 1); have |= 16; }
        else if (!strcmp(l, "delivered")) bad = num(v, 1, 0, 1, &r->delivered, sizeof(int));
        else if (!strcmp(l, "http_status")) bad = num(v, 1, 0, 999, &r->http_status, sizeof(int));
        else if (!strcmp(l, "delivered_at")) bad = num(v, 1, INT64_MIN, INT64_MAX, &r->delivered_at, 8);
        else if (!strcmp(l, "etag")) clean(r->etag, sizeof r->etag, v);
        else if (!strcmp(l, "error")) clean(r->error, sizeof r->error, v);
        else bad = 1;
        if (bad) { memset(r, 0, sizeof *r); return RK_ERR_IWF_STATE; }
    }
    if (have != 31) { memset(r, 0, sizeof *r); return RK_ERR_IWF_STATE; }
    return RK_OK;
}

/* ---------------------------------------------------------------- batch */

typedef struct {
    const rk_iwf_batch_opts *o;
    FILE *log;
    rk_iwf_stats *s;
    int bar;                       /* a progress bar is on the terminal line */
    uint8_t key[32];               /* the directory's state key (HMAC) */
    uint64_t period;               /* the users' key period wrapped for */
    size_t n;                      /* items in the run */
    rk_delivery_item it[RK_IWF_RUN];
    rk_iwf_state rec[RK_IWF_RUN];
    char spath[RK_IWF_RUN][4096];
    uint8_t el[RK_IWF_RUN][4096];
} batch;

/* An error line, never glued onto the progress bar. */
static void logf_(batch *b, const char *fmt, ...)
{
    va_list ap;
    if (b->bar) { fputs("\r\033[K", b->log); b->bar = 0; }
    va_start(ap, fmt);
    vfprintf(b->log, fmt, ap);
    va_end(ap);
    fputc('\n', b->log);
}

static void path_of(char *out, size_t cap, const batch *b, const char *stem, const char *suffix)
{
    sayf(out, cap, "%s/%s.p%llu.%s", b->o->outdir, stem, (unsigned long long)b->period, suffix);
}

/* The keyed digest of what is wrapped for a user: the MC ID and the LMR
 * block (type, identifiers, key) under the directory's state key, so that a
 * changed line re-wraps and the record never holds (a plain hash of) a key. */
static void digest_of(uint8_t out[32], const uint8_t key[32], const char *id, const rk_lmr_block *lb)
{
    uint8_t enc[RK_LMR_MAX_BYTES];
    size_t el = 0;
    rk_hmac_ctx h;
    if (rk_lmr_encode(enc, sizeof enc, &el, lb) != RK_OK) el = 0;   /* parse_record checked it */
    rk_hmac_init(&h, key, 32);
    rk_hmac_update(&h, (const uint8_t *)"rootkey-iwf-state-1", 19);
    rk_hmac_update(&h, (const uint8_t *)id, strlen(id) + 1);
    rk_hmac_update(&h, enc, el);
    rk_hmac_final(&h, out);
    sodium_memzero(enc, sizeof enc);
    sodium_memzero(&h, sizeof h);
}

/* Hand the run to the back end and keep each result in the user's record. */
static rk_status flush(batch *b)
{
    if (!b->n) return RK_OK;
    b->o->delivery->deliver(b->o->delivery->ctx, b->it, b->n);
    for (size_t i = 0; i < b->n; i++) {
        rk_delivery_item *it = &b->it[i];
        rk_iwf_state *r = &b->rec[i];
        r->http_status = it->http_status;
        r->delivered_at = it->when;
        if (it->st == RK_OK) {
            r->delivered = 1;
            memcpy(r->etag, it->etag, sizeof r->etag);
            r->etag[sizeof r->etag - 1] = 0;
            r->error[0] = 0;
            b->s->delivered++;
        } else {
            it->err[sizeof it->err - 1] = 0;
            snprintf(r->error, sizeof r->error, "%s", it->err[0] ? it->err : rk_strerror(it->st));
            b->s->undelivered++;
            logf_(b, "%s: delivery failed: %s (HTTP %d)", r->mc_id, r->error, it->http_status);
        }
        if (rk_iwf_state_write(b->spath[i], r) != RK_OK) {
            logf_(b, "rootkey iwf: writing %s: %s", b->spath[i], strerror(errno));
            b->n = 0;
            return RK_ERR_IO;
        }
    }
    b->n = 0;
    return RK_OK;
}

static rk_status queue(batch *b, const rk_iwf_state *r, const char *spath, const uint8_t *el, size_t elen)
{
    rk_status st = RK_OK;
    if (b->n == RK_IWF_RUN) st = flush(b);
    if (st != RK_OK) return st;
    size_t i = b->n++;
    b->rec[i] = *r;
    snprintf(b->spath[i], sizeof b->spath[i], "%s", spath);
    memcpy(b->el[i], el, elen);
    memset(&b->it[i], 0, sizeof b->it[i]);
    b->it[i].mc_id = b->rec[i].mc_id;
    b->it[i].element = b->el[i];
    b->it[i].elen = elen;
    return RK_OK;
}

static rk_status queued(batch *b, const rk_iwf_state *r, const char *spath, const uint8_t *el, size_t elen,
                        char *err, size_t errlen, int *fatal)
{
    rk_status st = queue(b, r, spath, el, elen);
    if (st != RK_OK) { *fatal = 1; sayf(err, errlen, "the batch stops: a state record could not be written"); }
    return st;
}

/* One inventory line between the pre-pass (parse, checks, the state record
 * read: no output), the work (any thread: the wrap, the element and XCAP
 * request written to temporary files and synced) and the post-pass (the
 * calling thread, in inventory order: the files renamed into place, the
 * record, delivery, log). */
enum { K_LINE, K_DUP, K_SHARD, K_KMS, K_USER };
typedef struct {
    int kind, skip, busy;          /* busy: queued for or under the work */
    rk_status st;                  /* of the parse, the record read or the work */
    int fatal, werr;               /* a file not written (the batch stops), its errno */
    rk_lmr_block *lb;              /* guarded memory, wiped once wrapped */
    char id[256], kms[256], err[512], stem[RK_IWF_STEM_MAX], spath[4096];
    char path[2][4096], tmp[2][4096];   /* element, XCAP request: final and temporary names */
    uint8_t dg[32], el[4096];
    size_t elen;
    uint32_t key_id;
    uint64_t period;
    rk_iwf_state r;                /* the record read (skip) */
} slot;

/* Before the work: the user's record decides skip (same digest for this
 * period) or wrap; reads only. */
static void user_prepare(batch *b, slot *u)
{
    rk_iwf_stem(u->stem, sizeof u->stem, u->id);
    path_of(u->spath, sizeof u->spath, b, u->stem, "state");
    digest_of(u->dg, b->key, u->id, u->lb);
    u->st = rk_iwf_state_read(u->spath, &u->r);
    if (u->st == RK_OK && strcmp(u->r.mc_id, u->id) != 0) {
        sayf(u->err, sizeof u->err, "state record %s holds another MC ID", u->spath);
        u->st = RK_ERR_IWF_STATE;
    } else if (u->st != RK_OK && !(u->st == RK_ERR_IO && errno == ENOENT)) {
        sayf(u->err, sizeof u->err, "state record %s: %s", u->spath,
             u->st == RK_ERR_IO ? strerror(errno) : rk_strerror(u->st));
    } else {
        u->skip = u->st == RK_OK && u->r.period == b->period && sodium_memcmp(u->r.digest, u->dg, 32) == 0;
        u->st = RK_OK;
    }
}

/* The temporary files of a user not finished (or failed) removed. */
static void user_drop(slot *u)
{
    for (int k = 0; k < 2; k++)
        if (u->tmp[k][0]) { unlink(u->tmp[k]); u->tmp[k][0] = 0; }
}

/* The work (any thread: w and b's options and period are only read): the
 * wrap, then the element and the element-level request file (only with an
 * XCAP root: the CLI gives one with --files-only) written and synced under
 * temporary names. */
static void user_work(const batch *b, const rk_iwf *w, slot *u)
{
    const rk_iwf_batch_opts *o = b->o;
    uint8_t rnd[RK_ROOTKEY_WRAP_RND_BYTES];
    char host[512] = "", *req = NULL;
    int n = 0;
    if (o->rnd) o->rnd(o->rnd_ctx, u->id, rnd, sizeof rnd);
    else randombytes_buf(rnd, sizeof rnd);
    u->st = rk_iwf_element_rnd(w, u->id, u->lb, o->now_unix, rnd, u->el, sizeof u->el, &u->elen,
                               &u->key_id, &u->period, u->err, sizeof u->err);
    sodium_memzero(rnd, sizeof rnd);
    rk_lmr_wipe(u->lb);
    if (u->st != RK_OK) return;
    if (u->period != b->period) {
        sayf(u->err, sizeof u->err, "wrapped for key period %llu, not %llu", (unsigned long long)u->period,
             (unsigned long long)b->period);
        u->st = RK_ERR_INTERNAL;
        return;
    }
    /* one attribute test per step, RFC 4825 6 */
    if (o->xcap_root) {
        char url[RK_XCAP_URL_MAX];
        u->st = rk_xcap_url(url, sizeof url, o->xcap_root, u->id, o->doc_name);
        if (u->st != RK_OK) { sayf(u->err, sizeof u->err, "XCAP URL: %s", rk_strerror(u->st)); return; }
        /* HTTP/1.1 needs a Host header (RFC 9112 3.2): the authority of an
         * absolute XCAP root (scheme://authority/path); none for a bare path */
        const char *a = strstr(o->xcap_root, "://");
        if (a) {
            a += 3;
            size_t hl = strcspn(a, "/?#");
            if (hl > 0 && hl < sizeof host - 10) snprintf(host, sizeof host, "Host: %.*s\r\n", (int)hl, a);
        }
        req = malloc(16384);
        if (!req) { u->st = RK_ERR_ALLOC; sayf(u->err, sizeof u->err, "%s", rk_strerror(u->st)); return; }
        n = snprintf(req, 16384,
            "PUT %s/~~/mcptt-user-profile/anyExt/rk:lmr-root-key%%5b@key-id=%%22%08X%%22%%5d"
            "?xmlns(rk=" RK_PROFILE_NS ") HTTP/1.1\r\n"
            "%sContent-Type: application/xcap-el+xml\r\nContent-Length: %zu\r\n\r\n",
            url, (unsigned)u->key_id, host, u->elen);
        if (n < 0 || (size_t)n + u->elen >= 16384) {
            free(req);
            u->st = RK_ERR_BUFFER;
            sayf(u->err, sizeof u->err, "XCAP request too long");
            return;
        }
        memcpy(req + n, u->el, u->elen);
    }
    int k = 0;
    path_of(u->path[0], sizeof u->path[0], b, u->stem, "element.xml");
    u->st = rk_file_write_tmp(u->path[0], u->el, u->elen, 0644, u->tmp[0], sizeof u->tmp[0]);
    if (u->st == RK_OK && req) {
        k = 1;
        path_of(u->path[1], sizeof u->path[1], b, u->stem, "xcap");
        u->st = rk_file_write_tmp(u->path[1], (const uint8_t *)req, (size_t)n + u->elen, 0644, u->tmp[1],
                                  sizeof u->tmp[1]);
    }
    u->werr = errno;
    free(req);
    if (u->st != RK_OK) {
        u->tmp[k][0] = 0;   /* removed by rk_file_write_tmp */
        u->fatal = 1;
        sayf(u->err, sizeof u->err, "writing %s", u->path[k]);
        user_drop(u);
    }
}

/* After the work, one user in inventory order: queue a skipped one for
 * delivery if not delivered, or rename its files into place, write its
 * record (whose directory sync makes the renames durable too) and queue.
 * *fatal: a file could not be written (the batch stops). */
static rk_status user_finish(batch *b, slot *u, char *err, size_t errlen, int *fatal)
{
    const rk_iwf_batch_opts *o = b->o;
    char path[4096];
    uint8_t el[4096];
    size_t elen = 0;
    rk_iwf_state r;
    rk_status st = u->st;
    if (st != RK_OK) {
        if (u->fatal) { *fatal = 1; sayf(err, errlen, "%s: %s", u->err, strerror(u->werr)); }
        else sayf(err, errlen, "%s", u->err);
        return st;
    }
    if (u->skip) {
        b->s->skipped++;
        if (!o->delivery || u->r.delivered) return RK_OK;
        snprintf(path, sizeof path, "%s/%s", o->outdir, u->r.element);
        st = rk_file_read(path, el, sizeof el, &elen);
        if (st != RK_OK) { sayf(err, errlen, "%s: %s", path, st == RK_ERR_IO ? strerror(errno) : "input too large"); return st; }
        return queued(b, &u->r, u->spath, el, elen, err, errlen, fatal);
    }
    memset(&r, 0, sizeof r);
    memcpy(r.mc_id, u->id, strlen(u->id) + 1);
    memcpy(r.digest, u->dg, 32);
    r.period = u->period;
    r.key_id = u->key_id;
    r.wrapped_at = o->now_unix;
    snprintf(r.element, sizeof r.element, "%s.p%llu.element.xml", u->stem, (unsigned long long)u->period);
    for (int k = 0; k < 2 && st == RK_OK; k++) {
        if (!u->tmp[k][0]) continue;
        snprintf(path, sizeof path, "%s", u->path[k]);
        st = rk_file_commit(u->tmp[k], path, 0);
        u->tmp[k][0] = 0;
    }
    if (st == RK_OK) st = rk_iwf_state_write(memcpy(path, u->spath, sizeof path), &r);
    if (st != RK_OK) {
        sayf(err, errlen, "writing %s: %s", path, strerror(errno));
        user_drop(u);
        *fatal = 1;
        return st;
    }
    b->s->done++;
    return o->delivery ? queued(b, &r, u->spath, u->el, u->elen, err, errlen, fatal) : RK_OK;
}

/* The wrap threads: take the queued users in order, wrap, mark done. */
typedef struct {
    batch *b;
    const rk_iwf *w;
    pthread_mutex_t mu;
    pthread_cond_t work, done;     /* a user queued (or stop); a wrap done */
    slot **q;                      /* the queue, ring of nslots */
    size_t nslots, head, tail;
    int stop;
} pool;

static void *worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->stop && p->head == p->tail) pthread_cond_wait(&p->work, &p->mu);
        if (p->stop) break;
        slot *u = p->q[p->head++ % p->nslots];
        pthread_mutex_unlock(&p->mu);
        user_work(p->b, p->w, u);
        pthread_mutex_lock(&p->mu);
        u->busy = 0;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* The directory's random state key (the HMAC key of the records), made on
 * first use; read under the batch lock. */
static rk_status state_key(const rk_iwf_batch_opts *o, uint8_t key[32], char *err, size_t errlen)
{
    char path[4096];
    size_t n = 0;
    snprintf(path, sizeof path, "%s/state.key", o->outdir);
    rk_status st = rk_file_read(path, key, 32, &n);
    if (st == RK_OK && n == 32) return RK_OK;
    if (st == RK_ERR_IO && errno == ENOENT) {
        if (o->rnd) o->rnd(o->rnd_ctx, "", key, 32);
        else randombytes_buf(key, 32);
        st = rk_file_write_atomic(path, key, 32, 0600);
        if (st == RK_OK) return RK_OK;
    }
    sayf(err, errlen, "%s: %s", path, st == RK_ERR_IO ? strerror(errno) : "not 32 octets");
    sodium_memzero(key, 32);
    return st == RK_OK ? RK_ERR_IWF_STATE : st;
}

/* Under the lock: the temporary files a killed batch left (a user's files
 * are written under "<name>.tmpXXXXXX" names, ahead when the work runs on
 * threads) are removed; none is ever read. */
static void drop_stale(const char *dir)
{
    char path[4096];
    DIR *d = opendir(dir);
    if (!d) return;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        size_t n = strlen(e->d_name);
        if (n > 12 && !strncmp(e->d_name, "u-", 2) && !memcmp(e->d_name + n - 10, ".tmp", 4)) {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
    }
    closedir(d);
}

/* One batch per state directory: an exclusive lock on DIR/.lock, held until
 * the batch ends (and released by the kernel if it dies). */
static int lock_dir(const char *dir, char *err, size_t errlen, rk_status *st)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/.lock", dir);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) { *st = RK_ERR_IO; sayf(err, errlen, "%s: %s", path, strerror(errno)); return -1; }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;
        close(fd);
        *st = e == EWOULDBLOCK ? RK_ERR_IWF_LOCKED : RK_ERR_IO;
        sayf(err, errlen, "%s: %s", dir, e == EWOULDBLOCK ? "another batch is running on this directory" : strerror(e));
        return -1;
    }
    return fd;
}

/* A new directory is durable only once its parent is synced. */
static rk_status make_dir(const char *dir, char *err, size_t errlen)
{
    char parent[4096];
    if (mkdir(dir, 0755) != 0) {
        if (errno == EEXIST) return RK_OK;
        sayf(err, errlen, "%s: %s", dir, strerror(errno));
        return RK_ERR_IO;
    }
    snprintf(parent, sizeof parent, "%s", dir);
    char *sl = strrchr(parent, '/');
    if (!sl) strcpy(parent, ".");
    else if (sl == parent) parent[1] = 0;
    else *sl = 0;
    int fd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || fsync(fd) != 0) {
        sayf(err, errlen, "%s: fsync: %s", parent, strerror(errno));
        if (fd >= 0) close(fd);
        return RK_ERR_IO;
    }
    close(fd);
    return RK_OK;
}

typedef struct { uint8_t h[32]; size_t idx; } id_ent;
typedef struct { size_t off, len, lineno, dup; } line_ent;

static int cmp_ent(const void *a, const void *b)
{
    return memcmp(((const id_ent *)a)->h, ((const id_ent *)b)->h, 32);
}

static void progress(batch *b, size_t k, size_t total)
{
    if (!b->o->progress || !total) return;
    size_t w = k * 40 / total;
    fprintf(b->log, "\r[%.*s%*s] %zu/%zu", (int)w, "########################################", (int)(40 - w), "", k, total);
    fflush(b->log);
    b->bar = 1;
}

/* With progress on, a line as each phase ends (the bar cleared first), so
 * that an operator watching a long batch sees where the time went. */
static void phase_done(batch *b, double *t0, const char *what, const char *fmt, ...)
{
    char line[256];
    va_list ap;
    double t1 = rk_clock_mono();
    if (!b->o->progress) return;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    logf_(b, "iwf: %s done: %s (%.2f s)", what, line, t1 - *t0);
    *t0 = t1;
}

rk_status rk_iwf_batch(rk_iwf *w, const rk_iwf_batch_opts *o, rk_iwf_stats *s)
{
    double t0 = rk_clock_mono();
    char err[512] = "", id[256], kms[256];
    uint8_t *in = NULL;
    size_t inlen = 0, nl = 0, ne = 0;
    line_ent *L = NULL;
    id_ent *E = NULL;
    rk_lmr_block *lb = NULL, *lbs = NULL;
    slot *S = NULL, **Q = NULL;
    int lockfd = -1, fatal = 0;
    rk_status st;
    batch *b = calloc(1, sizeof *b);
    memset(s, 0, sizeof *s);
    if (!b) return RK_ERR_ALLOC;
    b->o = o;
    b->log = o->log ? o->log : stderr;
    b->s = s;
    st = rk_kms_period_now(&b->period, &w->kms, o->now_unix);
    if (st != RK_OK) { logf_(b, "rootkey iwf: key period: %s", rk_strerror(st)); goto out; }
    st = rk_iwf_input_read(o->inventory, RK_IWF_INVENTORY_MAX, &in, &inlen, err, sizeof err);
    if (st == RK_OK) st = make_dir(o->outdir, err, sizeof err);
    if (st == RK_OK && (lockfd = lock_dir(o->outdir, err, sizeof err, &st)) >= 0)
        st = state_key(o, b->key, err, sizeof err);
    if (st == RK_OK) drop_stale(o->outdir);
    if (st != RK_OK) { logf_(b, "rootkey iwf: %s", err); goto out; }
    /* the lines that hold users (a UTF-8 byte-order mark at the start is not data) */
    size_t start = inlen >= 3 && !memcmp(in, "\xEF\xBB\xBF", 3) ? 3 : 0, cnt = 1;
    for (size_t i = start; i < inlen; i++) cnt += in[i] == '\n';
    L = calloc(cnt, sizeof *L);
    E = calloc(cnt, sizeof *E);
    lb = sodium_malloc(sizeof *lb);
    if (!L || !E || !lb) { st = RK_ERR_ALLOC; goto out; }
    for (size_t p = start, lineno = 1; p < inlen; lineno++) {
        const uint8_t *q = memchr(in + p, '\n', inlen - p);
        size_t len = q ? (size_t)(q - (in + p)) : inlen - p, next = p + len + (q ? 1 : 0);
        if (len && in[p + len - 1] == '\r') len--;
        if (!rk_iwf_skip_line((const char *)in + p, len, lineno))
            L[nl++] = (line_ent){p, len, lineno, 0};
        p = next;
    }
    /* pass 1: one MC ID on two lines is an error for both (which key is meant?) */
    for (size_t i = 0; i < nl; i++) {
        if (rk_iwf_parse_record((const char *)in + L[i].off, L[i].len, id, sizeof id, kms, sizeof kms, lb,
                                NULL, 0) != RK_OK) continue;
        rk_lmr_wipe(lb);
        rk_sha256(E[ne].h, (const uint8_t *)id, strlen(id));
        E[ne++].idx = i;
    }
    qsort(E, ne, sizeof *E, cmp_ent);
    for (size_t i = 0; i + 1 < ne; i++)
        if (!memcmp(E[i].h, E[i + 1].h, 32)) {
            if (!L[E[i].idx].dup) L[E[i].idx].dup = L[E[i + 1].idx].lineno;
            L[E[i + 1].idx].dup = L[E[i].idx].lineno;
        }
    {
        size_t dups = 0;
        for (size_t i = 0; i < nl; i++) dups += L[i].dup != 0;
        phase_done(b, &t0, "inventory", "%zu lines, %zu on a repeated MC ID", nl, dups);
    }
    /* pass 2: each line prepared (ahead, up to nslots), wrapped (by the
     * pool when there is one) and finished in inventory order */
    size_t nslots = 1, nthr = 0, next = 0;
    unsigned jobs = o->jobs > RK_IWF_JOBS_MAX ? RK_IWF_JOBS_MAX : o->jobs;
    pool P = {.b = b, .w = w, .mu = PTHREAD_MUTEX_INITIALIZER, .work = PTHREAD_COND_INITIALIZER,
              .done = PTHREAD_COND_INITIALIZER};
    pthread_t thr[RK_IWF_JOBS_MAX];
    if (jobs > 1) nslots = 4 * (size_t)jobs;
    S = calloc(nslots, sizeof *S);
    lbs = sodium_allocarray(nslots, sizeof *lbs);
    P.q = Q = calloc(nslots, sizeof *Q);
    if (!S || !lbs || !Q) { st = RK_ERR_ALLOC; goto out; }
    P.nslots = nslots;
    for (size_t k = 0; k < nslots; k++) S[k].lb = &lbs[k];
    while (nthr < jobs && jobs > 1 && pthread_create(&thr[nthr], NULL, worker, &P) == 0) nthr++;
    for (size_t i = 0; i < nl && !fatal; i++) {
        for (; next < nl && next < i + nslots; next++) {
            slot *u = &S[next % nslots];
            const line_ent *le = &L[next];
            rk_lmr_block *keep = u->lb;
            memset(u, 0, sizeof *u);
            u->lb = keep;
            u->st = rk_iwf_parse_record((const char *)in + le->off, le->len, u->id, sizeof u->id, u->kms,
                                        sizeof u->kms, u->lb, u->err, sizeof u->err);
            sodium_memzero(in + le->off, le->len);
            if (u->st != RK_OK) u->kind = K_LINE;   /* 0: the memset's */
            else if (le->dup) u->kind = K_DUP;
            else if (o->shard_n > 1 && fnv1a(u->id) % o->shard_n != o->shard_i) u->kind = K_SHARD;
            else if (strcmp(u->kms, w->kms.kms_uri) != 0) u->kind = K_KMS;
            else {
                u->kind = K_USER;
                user_prepare(b, u);
                if (u->st == RK_OK && !u->skip) {
                    if (!nthr) user_work(b, w, u);
                    else {
                        pthread_mutex_lock(&P.mu);
                        u->busy = 1;
                        P.q[P.tail++ % nslots] = u;
                        pthread_cond_signal(&P.work);
                        pthread_mutex_unlock(&P.mu);
                        continue;   /* the work wipes the block */
                    }
                }
            }
            rk_lmr_wipe(u->lb);
        }
        slot *u = &S[i % nslots];
        if (nthr) {
            pthread_mutex_lock(&P.mu);
            while (u->busy) pthread_cond_wait(&P.done, &P.mu);
            pthread_mutex_unlock(&P.mu);
        }
        s->lines++;
        err[0] = 0;
        st = u->st;
        if (u->kind == K_LINE) logf_(b, "%s:%zu: %s", o->inventory, L[i].lineno, u->err);
        else if (u->kind == K_DUP) {
            logf_(b, "%s:%zu: %s: the same MC ID is on line %zu: neither line is wrapped", o->inventory,
                  L[i].lineno, u->id, L[i].dup);
            st = RK_ERR_IWF_DUPLICATE_ID;
        } else if (u->kind == K_SHARD) {
            s->other_shard++;
        } else if (u->kind == K_KMS) {
            logf_(b, "%s:%zu: %s: kms_uri %.100s is not this batch's KMS", o->inventory, L[i].lineno, u->id,
                  u->kms);
            st = RK_ERR_STORE_INVENTORY;
        } else {
            st = user_finish(b, u, err, sizeof err, &fatal);
            if (st != RK_OK) logf_(b, "%s:%zu: %s: %s", o->inventory, L[i].lineno, u->id, err);
        }
        if (st != RK_OK) s->failed++;
        if (o->after_user && st == RK_OK) o->after_user(o->after_ctx, s->done);
        progress(b, i + 1, nl);
    }
    if (nthr) {
        pthread_mutex_lock(&P.mu);
        P.stop = 1;
        pthread_cond_broadcast(&P.work);
        pthread_mutex_unlock(&P.mu);
        while (nthr) pthread_join(thr[--nthr], NULL);
    }
    for (size_t k = 0; k < nslots; k++) user_drop(&S[k]);   /* the users after a stop */
    phase_done(b, &t0, "wrap", "%zu wrapped, %zu already done, %zu failed%s", s->done, s->skipped, s->failed,
               fatal ? ", stopped" : "");
    if (!fatal && o->delivery) {
        if (flush(b) != RK_OK) fatal = 1;
        phase_done(b, &t0, "delivery", "%zu delivered, %zu not delivered", s->delivered, s->undelivered);
    }
    if (b->bar) { fputc('\n', b->log); b->bar = 0; }
    st = fatal ? RK_ERR_IO : s->failed ? RK_ERR_STORE_INVENTORY : s->undelivered ? RK_ERR_IWF_DELIVERY : RK_OK;
out:
    if (lockfd >= 0) close(lockfd);
    rk_iwf_input_free(in, inlen);
    if (lb) sodium_free(lb);
    if (lbs) sodium_free(lbs);   /* wiped by sodium_free */
    free(S);
    free(Q);
    free(L);
    free(E);
    sodium_memzero(b->key, sizeof b->key);
    free(b);
    return st;
}
