/* SPDX-License-Identifier: Apache-2.0
 * shims/xcap/xcap.h - an XCAP client on libcurl (docs/delivery.md): the IWF
 * writes each user's root-key element into the user's MCPTT profile
 * document in the CMS, the client fetches that document.
 *
 * Document URL: <root>/org.3gpp.mcptt.user-profile/users/<MC ID, every octet
 * but RFC 3986 unreserved ones percent-encoded>/<document name>.
 *
 * HTTPS only, the CMS certificate verified (against the cacert file, or the
 * system's trust store when none is given; never switched off), keep-alive
 * (one connection cache for the client), up to `jobs` requests at a time
 * (curl multi), connect and total timeouts per request, a cap on every
 * answer's size, redirects never followed (a 3xx is an error), retries with
 * exponential backoff and jitter on connection failures, timeouts, 5xx and
 * 429 (Retry-After honoured, up to max_backoff_ms), none on other 4xx or on
 * TLS failures.  The bearer token comes from a file (never argv or the
 * environment) into guarded memory and is never logged.
 *
 * Delivery (rk_xcap_deliver) is the document-level read-modify-write:
 *   GET -> 200 with a strong ETag: rk_xcap_merge; element already there:
 *          done (changed = 0, no PUT); else PUT with If-Match: <etag>
 *       -> 200 with a weak ETag (W/"..": the document changed within the
 *          last second): the element already there is done; else read again
 *          after weak_delay_ms (bounded by max_conflicts)
 *       -> 404: the element in a new document, PUT with If-None-Match: *
 *   PUT -> 2xx: done (changed = 1); 412: read again and redo, at most
 *          max_conflicts times, then RK_ERR_XCAP_CONFLICT.
 * An item's st is RK_OK only after a 2xx of the CMS, or when the document
 * it read already held the element.
 */
#ifndef RK_SHIM_XCAP_H
#define RK_SHIM_XCAP_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "rootkey/status.h"
#include "common/delivery.h"

#define RK_XCAP_AUID "org.3gpp.mcptt.user-profile"
#define RK_XCAP_DOC_DEFAULT "user-profile-0.xml"
#define RK_XCAP_MIME "application/vnd.3gpp.mcptt-user-profile+xml"
#define RK_XCAP_URL_MAX 2048
#define RK_XCAP_TOKEN_MAX 4096
#define RK_XCAP_JOBS_MAX 64

typedef struct {
    const char *root;          /* https://host[:port][/path] (no default) */
    const char *cacert;        /* PEM CA file; NULL: the system's trust store */
    const char *doc_name;      /* NULL: RK_XCAP_DOC_DEFAULT */
    unsigned jobs;             /* 1 .. RK_XCAP_JOBS_MAX requests at a time */
    long connect_timeout_ms;   /* per connection, 1 .. 600000 */
    long timeout_ms;           /* per request, whole answer included, 1 .. 3600000 */
    size_t max_body;           /* largest answer accepted, 1 KiB .. 64 MiB */
    unsigned max_attempts;     /* tries per request on transient failures, 1 .. 20 */
    unsigned max_conflicts;    /* rereads after 412 or a weak ETag, 0 .. 100 */
    long backoff_ms;           /* first backoff, doubled per try, 0 .. 60000 */
    long max_backoff_ms;       /* backoff and Retry-After cap, 0 .. 600000 */
    long weak_delay_ms;        /* wait before rereading after a weak ETag */
    FILE *log;                 /* retries and their causes (NULL: quiet); never the token */
    /* test hook: called between a GET and the PUT that follows it */
    void (*before_put)(void *arg, const char *mc_id);
    void *before_put_arg;
} rk_xcap_opts;

/* The defaults: jobs 2, connect 5 s, total 30 s, 1 MiB, 5 attempts, 8
 * conflicts, backoff 200 ms doubling up to 10 s, weak delay 1100 ms. */
void rk_xcap_opts_default(rk_xcap_opts *o);

typedef struct rk_xcap rk_xcap;

/* Check the options, read the token file, set up libcurl.
 * Errors: RK_ERR_XCAP_URL, _TOKEN, _OPTION, _CURL, RK_ERR_ALLOC. */
RK_MUST_CHECK rk_status rk_xcap_open(rk_xcap **x, const rk_xcap_opts *o, const char *token_file,
                                     char *err, size_t errlen);
void rk_xcap_close(rk_xcap *x);   /* wipes the token; NULL is fine */

/* The document URL of an MC ID (RK_ERR_XCAP_MC_ID, RK_ERR_XCAP_URL).
 * This, rk_xcap_unreserved and rk_xcap_merge are in merge.c (no libcurl). */
RK_MUST_CHECK rk_status rk_xcap_url(char *out, size_t cap, const char *root, const char *mc_id,
                                    const char *doc_name);

/* 1 for an RFC 3986 unreserved character (A-Z a-z 0-9 - . _ ~) */
int rk_xcap_unreserved(unsigned char c);

/* Deliver items[0 .. n-1], up to jobs at a time; fills every output of
 * every item (common/delivery.h). */
void rk_xcap_deliver(rk_xcap *x, rk_delivery_item *items, size_t n);

/* The delivery back end for the IWF batch (x stays owned by the caller). */
rk_delivery rk_xcap_delivery(rk_xcap *x);

/*
 * rk_xcap_fetch - GET the MC ID's document; with etag_in (not NULL, not
 * empty) conditional (If-None-Match).  RK_OK and *doc == NULL: 304, the
 * document is unchanged; RK_OK and *doc != NULL: the document (malloc'd,
 * the caller frees it), its ETag in etag_out.  404 is RK_ERR_XCAP_HTTP.
 */
RK_MUST_CHECK rk_status rk_xcap_fetch(rk_xcap *x, const char *mc_id, const char *etag_in,
                                      uint8_t **doc, size_t *len,
                                      char etag_out[RK_DELIVERY_ETAG_MAX], int *http_status,
                                      char *err, size_t errlen);

/*
 * rk_xcap_merge - the modify step, with the core's profile code only: the
 * document doc[0 .. len-1] (len 0: none yet; a new minimal profile document
 * is made) with the element el (one rk:lmr-root-key element as
 * rk_profile_encode_element writes it) put in place by rk_profile_upsert,
 * after removing the elements of the same lmr-type and kms-uri whose
 * key-period is below the element's minus one (the current and the next
 * period are kept).  *changed = 0 and *out = NULL when the document already
 * holds this element (same lmr-type, kms-uri, key-id, key-period and text);
 * else *out (malloc'd) and *olen hold the new document.
 * Errors: RK_ERR_XCAP_ELEMENT, every error of rk_profile_find and
 * rk_profile_upsert (the document is refused as a whole), RK_ERR_ALLOC.
 */
RK_MUST_CHECK rk_status rk_xcap_merge(const uint8_t *doc, size_t len, const uint8_t *el,
                                      size_t elen, uint8_t **out, size_t *olen, int *changed);
#endif
