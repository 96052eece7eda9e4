/* SPDX-License-Identifier: Apache-2.0 */
/* see xcap.h: the requests (curl multi), retries and the read-modify-write */
#include "xcap/xcap.h"
#include <curl/curl.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include "common/atomic.h"
#include "common/clock.h"

enum { OP_GET = 1, OP_PUT, OP_FETCH };

typedef struct slot {
    struct rk_xcap *x;
    CURL *h;
    struct curl_slist hn[4];     /* the request's header lines, linked here (no copies) */
    rk_delivery_item *it;        /* the item this slot works on; NULL: free */
    int op, active;
    unsigned attempts, conflicts;
    double not_before;
    char url[RK_XCAP_URL_MAX];
    char cerr[CURL_ERROR_SIZE];
    /* the answer */
    uint8_t *body;
    size_t blen, bcap;
    int too_big, etag_weak, etag_bad;
    long retry_after;            /* seconds; -1: none */
    char etag[RK_DELIVERY_ETAG_MAX];
    /* the request */
    uint8_t *put;
    size_t plen, poff;
    char cond[RK_DELIVERY_ETAG_MAX + 32];   /* If-Match / If-None-Match line */
    const char *fetch_etag;
} slot;

struct rk_xcap {
    rk_xcap_opts o;
    char root[RK_XCAP_URL_MAX];
    char doc_name[256];
    char *cacert;
    char *token;                 /* guarded memory: "Authorization: Bearer <token>" */
    CURLM *m;
    slot *slots;
    unsigned nslots;
};

void rk_xcap_opts_default(rk_xcap_opts *o)
{
    memset(o, 0, sizeof *o);
    o->jobs = 2;
    o->connect_timeout_ms = 5000;
    o->timeout_ms = 30000;
    o->max_body = 1u << 20;
    o->max_attempts = 5;
    o->max_conflicts = 8;
    o->backoff_ms = 200;
    o->max_backoff_ms = 10000;
    o->weak_delay_ms = 1100;
}

/* RFC 6750 b64token: 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=" */
static int b64token(const char *t, size_t n)
{
    size_t i = 0;
    while (i < n && (rk_xcap_unreserved((unsigned char)t[i]) || t[i] == '+' || t[i] == '/')) i++;
    if (i == 0) return 0;
    while (i < n && t[i] == '=') i++;
    return i == n;
}

static rk_status read_token(rk_xcap *x, const char *path, char *err, size_t errlen)
{
    static const char H[] = "Authorization: Bearer ";
    const size_t hl = sizeof H - 1;
    size_t n = 0;
    x->token = sodium_malloc(hl + RK_XCAP_TOKEN_MAX + 2);
    if (!x->token) return RK_ERR_ALLOC;
    memcpy(x->token, H, hl);
    char *t = x->token + hl;
    if (!path || rk_file_read(path, (uint8_t *)t, RK_XCAP_TOKEN_MAX + 1, &n) != RK_OK) {
        snprintf(err, errlen, "token file %s: unreadable or over %u octets", path ? path : "(none)",
            RK_XCAP_TOKEN_MAX);
        return RK_ERR_XCAP_TOKEN;
    }
    while (n && (t[n - 1] == '\n' || t[n - 1] == '\r' || t[n - 1] == ' ')) n--;
    t[n] = 0;
    if (!b64token(t, n)) {
        snprintf(err, errlen, "token file %s: empty or not one RFC 6750 b64token", path);
        return RK_ERR_XCAP_TOKEN;
    }
    return RK_OK;
}

static size_t on_body(char *p, size_t sz, size_t nm, void *u)
{
    slot *s = u;
    size_t n = sz * nm;
    if (n > s->x->o.max_body - s->blen) { s->too_big = 1; return 0; }
    if (s->blen + n > s->bcap) {
        size_t c = s->bcap ? s->bcap : 16384;
        while (c < s->blen + n) c *= 2;
        if (c > s->x->o.max_body) c = s->x->o.max_body;
        uint8_t *b = realloc(s->body, c);
        if (!b) return 0;
        s->body = b; s->bcap = c;
    }
    memcpy(s->body + s->blen, p, n);
    s->blen += n;
    return n;
}

static size_t on_put(char *p, size_t sz, size_t nm, void *u)
{
    slot *s = u;
    size_t n = sz * nm;
    if (n > s->plen - s->poff) n = s->plen - s->poff;
    memcpy(p, s->put + s->poff, n);
    s->poff += n;
    return n;
}

static size_t on_header(char *p, size_t sz, size_t nm, void *u)
{
    slot *s = u;
    size_t n = sz * nm, a, b;
    if (n >= 5 && !strncmp(p, "HTTP/", 5)) {       /* a new answer (after a 1xx too) */
        s->etag[0] = 0; s->etag_weak = s->etag_bad = 0; s->retry_after = -1;
        return n;
    }
    const char *colon = memchr(p, ':', n);
    if (!colon) return n;
    a = (size_t)(colon - p) + 1;
    while (a < n && (p[a] == ' ' || p[a] == '\t')) a++;
    b = n;
    while (b > a && (p[b - 1] == '\r' || p[b - 1] == '\n' || p[b - 1] == ' ')) b--;
    if (colon - p == 4 && !strncasecmp(p, "ETag", 4)) {
        int ok = b > a && b - a < RK_DELIVERY_ETAG_MAX;
        for (size_t i = a; ok && i < b; i++) ok = p[i] > 0x20 && p[i] < 0x7f;
        if (!ok) { s->etag_bad = 1; return n; }
        memcpy(s->etag, p + a, b - a);
        s->etag[b - a] = 0;
        s->etag_weak = b - a >= 2 && p[a] == 'W' && p[a + 1] == '/';
    } else if (colon - p == 11 && !strncasecmp(p, "Retry-After", 11)) {
        long v = 0;
        size_t i = a;
        for (; i < b && p[i] >= '0' && p[i] <= '9' && v < 1000000; i++) v = v * 10 + (p[i] - '0');
        if (i == b && b > a) s->retry_after = v;       /* an HTTP-date: the backoff stands */
    }
    return n;
}

void rk_xcap_close(rk_xcap *x)
{
    if (!x) return;
    for (unsigned i = 0; x->slots && i < x->nslots; i++) {
        slot *s = &x->slots[i];
        if (s->h) { if (s->active) curl_multi_remove_handle(x->m, s->h); curl_easy_cleanup(s->h); }
        free(s->body); free(s->put);
    }
    free(x->slots);
    if (x->m) curl_multi_cleanup(x->m);
    if (x->token) sodium_free(x->token);
    free(x->cacert);
    free(x);
}

rk_status rk_xcap_open(rk_xcap **out, const rk_xcap_opts *o, const char *token_file, char *err,
                       size_t errlen)
{
    rk_status st = RK_OK;
    rk_xcap *x = calloc(1, sizeof *x);
    *out = NULL;
    if (!x) return RK_ERR_ALLOC;
    x->o = *o;
    if (!o->root || strncasecmp(o->root, "https://", 8) != 0 || strlen(o->root) < 9 ||
        strlen(o->root) >= RK_XCAP_URL_MAX - 600) {
        snprintf(err, errlen, "XCAP root must be an https:// URL of at most %d characters",
            RK_XCAP_URL_MAX - 601);
        st = RK_ERR_XCAP_URL; goto fail;
    }
    for (const char *c = o->root; *c; c++)
        if (*c <= 0x20 || *c >= 0x7f || *c == '?' || *c == '#') {
            snprintf(err, errlen, "XCAP root: no spaces, query or fragment");
            st = RK_ERR_XCAP_URL; goto fail;
        }
    const char *dn = o->doc_name ? o->doc_name : RK_XCAP_DOC_DEFAULT;
    int dok = *dn && strlen(dn) < sizeof x->doc_name;
    for (const char *c = dn; dok && *c; c++) dok = rk_xcap_unreserved((unsigned char)*c);
    if (!o->jobs || o->jobs > RK_XCAP_JOBS_MAX || o->connect_timeout_ms < 1 ||
        o->connect_timeout_ms > 600000 || o->timeout_ms < 1 || o->timeout_ms > 3600000 ||
        o->max_body < 1024 || o->max_body > (64u << 20) || !o->max_attempts ||
        o->max_attempts > 20 || o->max_conflicts > 100 || o->backoff_ms < 0 ||
        o->backoff_ms > 60000 || o->max_backoff_ms < 0 || o->max_backoff_ms > 600000 ||
        o->weak_delay_ms < 0 || o->weak_delay_ms > 60000 || !dok) {
        snprintf(err, errlen, "XCAP option out of range (jobs 1..%d, timeouts, size cap 1 KiB..64 MiB, "
            "document name of unreserved characters)", RK_XCAP_JOBS_MAX);
        st = RK_ERR_XCAP_OPTION; goto fail;
    }
    strcpy(x->root, o->root);
    strcpy(x->doc_name, dn);
    x->o.root = x->root;
    x->o.doc_name = x->doc_name;
    if (o->cacert && !(x->cacert = strdup(o->cacert))) { st = RK_ERR_ALLOC; goto fail; }
    x->o.cacert = x->cacert;
    st = read_token(x, token_file, err, errlen);
    if (st != RK_OK) goto fail;
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK || !(x->m = curl_multi_init())) {
        snprintf(err, errlen, "libcurl did not initialise");
        st = RK_ERR_XCAP_CURL; goto fail;
    }
    curl_multi_setopt(x->m, CURLMOPT_MAX_HOST_CONNECTIONS, (long)o->jobs);
    curl_multi_setopt(x->m, CURLMOPT_MAXCONNECTS, (long)o->jobs);
    x->nslots = o->jobs;
    x->slots = calloc(o->jobs, sizeof *x->slots);
    if (!x->slots) { st = RK_ERR_ALLOC; goto fail; }
    for (unsigned i = 0; i < x->nslots; i++) {
        slot *s = &x->slots[i];
        CURL *h = curl_easy_init();
        s->x = x;
        s->h = h;
        if (!h) { st = RK_ERR_XCAP_CURL; goto fail; }
        CURLcode c = CURLE_OK;
#define SET(opt, v) do { if (c == CURLE_OK) c = curl_easy_setopt(h, opt, v); } while (0)
        SET(CURLOPT_PRIVATE, s);
        SET(CURLOPT_PROTOCOLS_STR, "https");
        SET(CURLOPT_REDIR_PROTOCOLS_STR, "https");
        SET(CURLOPT_FOLLOWLOCATION, 0L);
        SET(CURLOPT_SSL_VERIFYPEER, 1L);
        SET(CURLOPT_SSL_VERIFYHOST, 2L);
        if (x->cacert) SET(CURLOPT_CAINFO, x->cacert);
        SET(CURLOPT_CONNECTTIMEOUT_MS, o->connect_timeout_ms);
        SET(CURLOPT_TIMEOUT_MS, o->timeout_ms);
        SET(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o->max_body);
        SET(CURLOPT_NOSIGNAL, 1L);
        SET(CURLOPT_TCP_KEEPALIVE, 1L);
        SET(CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_1);
        SET(CURLOPT_USERAGENT, "rootkey/0.1 (XCAP)");
        SET(CURLOPT_WRITEFUNCTION, on_body);
        SET(CURLOPT_WRITEDATA, s);
        SET(CURLOPT_HEADERFUNCTION, on_header);
        SET(CURLOPT_HEADERDATA, s);
        SET(CURLOPT_READFUNCTION, on_put);
        SET(CURLOPT_READDATA, s);
        SET(CURLOPT_ERRORBUFFER, s->cerr);
#undef SET
        if (c != CURLE_OK) {
            snprintf(err, errlen, "libcurl: %s", curl_easy_strerror(c));
            st = RK_ERR_XCAP_CURL; goto fail;
        }
    }
    *out = x;
    return RK_OK;
fail:
    rk_xcap_close(x);
    return st;
}

/* ------------------------------------------------------------ one slot */
static int finish(slot *s, rk_status st, const char *fmt, ...)
{
    rk_delivery_item *it = s->it;
    it->st = st;
    it->when = (int64_t)time(NULL);
    if (st == RK_OK) it->err[0] = 0;
    else if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(it->err, sizeof it->err, fmt, ap);
        va_end(ap);
    }
    free(s->put); s->put = NULL; s->plen = 0;
    return 1;
}

static int launch(rk_xcap *x, slot *s)
{
    CURL *h = s->h;
    s->blen = 0; s->too_big = 0; s->etag[0] = 0; s->etag_weak = s->etag_bad = 0;
    s->retry_after = -1; s->cerr[0] = 0;
    /* Authorization (from guarded memory), no 100-continue, then per request */
    struct curl_slist *hn = s->hn;
    hn[0].data = s->x->token; hn[0].next = &hn[1];
    hn[1].data = (char *)"Expect:"; hn[1].next = NULL;
    if (s->op == OP_PUT) {
        hn[1].next = &hn[2];
        hn[2].data = (char *)"Content-Type: " RK_XCAP_MIME; hn[2].next = &hn[3];
        hn[3].data = s->cond; hn[3].next = NULL;
        s->poff = 0;
        curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
        curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, (curl_off_t)s->plen);
    } else {
        if (s->op == OP_FETCH && s->fetch_etag && *s->fetch_etag) {
            snprintf(s->cond, sizeof s->cond, "If-None-Match: %s", s->fetch_etag);
            hn[1].next = &hn[3];
            hn[3].data = s->cond; hn[3].next = NULL;
        }
        curl_easy_setopt(h, CURLOPT_UPLOAD, 0L);
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
    }
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hn);
    curl_easy_setopt(h, CURLOPT_URL, s->url);
    if (curl_multi_add_handle(x->m, h) != CURLM_OK) return 0;
    s->active = 1;
    return 1;
}

/* a transient failure: again after a backoff with jitter, or give up */
static int retry(rk_xcap *x, slot *s, rk_status st, const char *what)
{
    const char *op = s->op == OP_PUT ? "PUT" : "GET";
    if (++s->attempts >= x->o.max_attempts)
        return finish(s, st, "%s %s: %s (%u attempts)", op, s->it->mc_id, what, s->attempts);
    double d = (double)x->o.backoff_ms;
    for (unsigned i = 1; i < s->attempts; i++) d *= 2;
    if (d > (double)x->o.max_backoff_ms) d = (double)x->o.max_backoff_ms;
    d *= 0.5 + (double)randombytes_uniform(1001) / 2000.0;           /* jitter: 50 .. 100 % */
    if (s->retry_after >= 0 && (double)s->retry_after * 1000.0 > d)
        d = (double)s->retry_after * 1000.0;
    if (d > (double)x->o.max_backoff_ms) d = (double)x->o.max_backoff_ms;
    if (x->o.log)
        fprintf(x->o.log, "xcap: %s %s: %s; try %u of %u in %.0f ms\n", op, s->it->mc_id, what,
                s->attempts + 1, x->o.max_attempts, d);
    s->not_before = rk_clock_mono() + d / 1000.0;
    return 0;
}

/* the answer to a GET of the document (code 200 or 404) */
static int after_get(rk_xcap *x, slot *s, long code)
{
    rk_delivery_item *it = s->it;
    uint8_t *nd = NULL;
    size_t nl = 0;
    int changed = 0;
    rk_status st = rk_xcap_merge(code == 200 ? s->body : NULL, code == 200 ? s->blen : 0,
                                 it->element, it->elen, &nd, &nl, &changed);
    if (st != RK_OK)
        return finish(s, st, "%s: %s: %s", code == 200 ? "CMS document" : "new document", it->mc_id,
                      rk_strerror(st));
    if (!changed) {                                  /* the element is there: no PUT */
        it->changed = 0;
        snprintf(it->etag, sizeof it->etag, "%s", s->etag);
        return finish(s, RK_OK, NULL);
    }
    if (code == 200 && (s->etag_bad || !s->etag[0])) {
        free(nd);
        return finish(s, RK_ERR_XCAP_ETAG, "GET %s: 200 without a usable ETag", it->mc_id);
    }
    s->attempts = 0;
    if (code == 200 && s->etag_weak) {               /* changed within the last second */
        free(nd);
        if (++s->conflicts > x->o.max_conflicts)
            return finish(s, RK_ERR_XCAP_CONFLICT, "GET %s: ETag still weak after %u reads",
                          it->mc_id, s->conflicts);
        s->not_before = rk_clock_mono() + (double)x->o.weak_delay_ms / 1000.0;
        return 0;
    }
    free(s->put);
    s->put = nd; s->plen = nl;
    if (code == 200) snprintf(s->cond, sizeof s->cond, "If-Match: %s", s->etag);
    else snprintf(s->cond, sizeof s->cond, "If-None-Match: *");
    s->op = OP_PUT;
    if (x->o.before_put) x->o.before_put(x->o.before_put_arg, it->mc_id);
    s->not_before = 0;
    return 0;
}

/* one answer (or failure) of slot s: 1 when its item is finished */
static int step(rk_xcap *x, slot *s, CURLcode rc)
{
    rk_delivery_item *it = s->it;
    long code = 0;
    const char *op = s->op == OP_PUT ? "PUT" : "GET";
    curl_easy_getinfo(s->h, CURLINFO_RESPONSE_CODE, &code);
    it->http_status = (int)code;
    it->when = (int64_t)time(NULL);
    if (rc != CURLE_OK) {
        const char *why = s->cerr[0] ? s->cerr : curl_easy_strerror(rc);
        switch (rc) {
        case CURLE_WRITE_ERROR: case CURLE_FILESIZE_EXCEEDED:
            if (s->too_big || rc == CURLE_FILESIZE_EXCEEDED)
                return finish(s, RK_ERR_XCAP_TOO_BIG, "%s %s: answer over %zu octets", op, it->mc_id,
                              x->o.max_body);
            return finish(s, RK_ERR_XCAP_TRANSFER, "%s %s: %s", op, it->mc_id, why);
        case CURLE_PEER_FAILED_VERIFICATION: case CURLE_SSL_CONNECT_ERROR:
        case CURLE_SSL_CACERT_BADFILE: case CURLE_SSL_CERTPROBLEM: case CURLE_SSL_CIPHER:
        case CURLE_SSL_ISSUER_ERROR: case CURLE_SSL_CRL_BADFILE:
            return finish(s, RK_ERR_XCAP_TLS, "%s %s: TLS: %s", op, it->mc_id, why);
        case CURLE_OPERATION_TIMEDOUT:
            return retry(x, s, RK_ERR_XCAP_TIMEOUT, why);
        case CURLE_COULDNT_CONNECT: case CURLE_COULDNT_RESOLVE_HOST: case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR: case CURLE_GOT_NOTHING: case CURLE_PARTIAL_FILE:
            return retry(x, s, RK_ERR_XCAP_CONNECT, why);
        default:
            return finish(s, RK_ERR_XCAP_TRANSFER, "%s %s: %s", op, it->mc_id, why);
        }
    }
    if (code == 429 || code >= 500) {
        char what[64];
        snprintf(what, sizeof what, "the CMS answered %ld", code);
        return retry(x, s, RK_ERR_XCAP_SERVER, what);
    }
    if (code == 401 || code == 403)
        return finish(s, RK_ERR_XCAP_AUTH, "%s %s: the CMS answered %ld (access token refused)", op,
                      it->mc_id, code);
    if (code >= 300 && code < 400 && !(s->op == OP_FETCH && code == 304)) {
        char *loc = NULL;
        curl_easy_getinfo(s->h, CURLINFO_REDIRECT_URL, &loc);
        return finish(s, RK_ERR_XCAP_REDIRECT, "%s %s: the CMS answered %ld to %.120s (not followed)",
                      op, it->mc_id, code, loc ? loc : "?");
    }
    switch (s->op) {
    case OP_FETCH:
        if (code == 304) { snprintf(it->etag, sizeof it->etag, "%s", s->fetch_etag); return finish(s, RK_OK, NULL); }
        if (code != 200) return finish(s, RK_ERR_XCAP_HTTP, "GET %s: the CMS answered %ld", it->mc_id, code);
        if (s->etag_bad) return finish(s, RK_ERR_XCAP_ETAG, "GET %s: unusable ETag", it->mc_id);
        snprintf(it->etag, sizeof it->etag, "%s", s->etag);
        return finish(s, RK_OK, NULL);
    case OP_GET:
        if (code == 200 || code == 404) return after_get(x, s, code);
        return finish(s, RK_ERR_XCAP_HTTP, "GET %s: the CMS answered %ld", it->mc_id, code);
    default:
        if (code >= 200 && code < 300) {
            it->changed = 1;
            snprintf(it->etag, sizeof it->etag, "%s", s->etag_bad ? "" : s->etag);
            return finish(s, RK_OK, NULL);
        }
        if (code == 412) {
            free(s->put); s->put = NULL;
            if (++s->conflicts > x->o.max_conflicts)
                return finish(s, RK_ERR_XCAP_CONFLICT, "PUT %s: 412 after %u reads", it->mc_id,
                              s->conflicts);
            if (x->o.log) fprintf(x->o.log, "xcap: PUT %s: 412 (changed meanwhile): read again\n", it->mc_id);
            s->op = OP_GET; s->attempts = 0;
            s->not_before = rk_clock_mono() + (double)randombytes_uniform(50) / 1000.0;
            return 0;
        }
        return finish(s, RK_ERR_XCAP_HTTP, "PUT %s: the CMS answered %ld", it->mc_id, code);
    }
}

/* Work items[0 .. n-1] through the slots (at most nslots at a time). */
static void run(rk_xcap *x, rk_delivery_item *items, size_t n, unsigned nslots, int fetch,
                const char *fetch_etag)
{
    size_t next = 0, left = n;
    while (left > 0) {
        double now = rk_clock_mono(), wake = now + 1.0;
        int any = 0;
        for (unsigned i = 0; i < nslots; i++) {
            slot *s = &x->slots[i];
            while (!s->it && next < n) {
                rk_delivery_item *it = &items[next++];
                it->st = RK_ERR_INTERNAL; it->http_status = 0; it->changed = 0; it->when = 0;
                it->etag[0] = 0; it->err[0] = 0;
                s->it = it; s->attempts = s->conflicts = 0; s->not_before = 0;
                s->op = fetch ? OP_FETCH : OP_GET;
                s->fetch_etag = fetch_etag;
                rk_status st = rk_xcap_url(s->url, sizeof s->url, x->root, it->mc_id ? it->mc_id : "",
                                           x->doc_name);
                if (st == RK_OK && !fetch && (!it->element || !it->elen)) st = RK_ERR_XCAP_ELEMENT;
                if (st != RK_OK) { finish(s, st, "%s: %s", it->mc_id ? it->mc_id : "", rk_strerror(st)); s->it = NULL; left--; }
            }
            if (s->it && !s->active) {
                if (s->not_before > now) { if (s->not_before < wake) wake = s->not_before; }
                else if (!launch(x, s)) {
                    finish(s, RK_ERR_XCAP_CURL, "%s: libcurl refused the request", s->it->mc_id);
                    s->it = NULL; left--;
                }
            }
            any |= s->active;
        }
        int running = 0;
        curl_multi_perform(x->m, &running);
        CURLMsg *msg;
        int q;
        while ((msg = curl_multi_info_read(x->m, &q))) {
            slot *s = NULL;
            if (msg->msg != CURLMSG_DONE) continue;
            CURL *h = msg->easy_handle;
            CURLcode rc = msg->data.result;
            curl_easy_getinfo(h, CURLINFO_PRIVATE, (char **)&s);
            curl_multi_remove_handle(x->m, h);
            s->active = 0;
            if (step(x, s, rc)) { s->it = NULL; left--; }
            wake = now;                                   /* look at the slots again */
        }
        if (left && wake > now) {
            int ms = (int)((wake - now) * 1000.0) + 1;
            if (any && ms > 100) ms = 100;
            curl_multi_poll(x->m, NULL, 0, ms, NULL);
        }
    }
}

void rk_xcap_deliver(rk_xcap *x, rk_delivery_item *items, size_t n)
{
    run(x, items, n, x->nslots, 0, NULL);
}

static void deliver_cb(void *ctx, rk_delivery_item *items, size_t n)
{
    rk_xcap_deliver(ctx, items, n);
}

rk_delivery rk_xcap_delivery(rk_xcap *x)
{
    rk_delivery d = { deliver_cb, x };
    return d;
}

rk_status rk_xcap_fetch(rk_xcap *x, const char *mc_id, const char *etag_in, uint8_t **doc,
                        size_t *len, char etag_out[RK_DELIVERY_ETAG_MAX], int *http_status,
                        char *err, size_t errlen)
{
    rk_delivery_item it;
    slot *s = &x->slots[0];
    memset(&it, 0, sizeof it);
    it.mc_id = mc_id;
    *doc = NULL; *len = 0; etag_out[0] = 0;
    run(x, &it, 1, 1, 1, etag_in);
    *http_status = it.http_status;
    if (it.st != RK_OK) { snprintf(err, errlen, "%s", it.err); return it.st; }
    snprintf(etag_out, RK_DELIVERY_ETAG_MAX, "%s", it.etag);
    if (it.http_status == 200) {
        *doc = s->body ? s->body : malloc(1);
        *len = s->blen;
        s->body = NULL; s->blen = s->bcap = 0;
        if (!*doc) return RK_ERR_ALLOC;
    }
    return RK_OK;
}
