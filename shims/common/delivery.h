/* SPDX-License-Identifier: Apache-2.0
 * shims/common/delivery.h - the hand-over between the IWF batch, which wraps
 * root keys into profile elements, and a delivery back end, which puts them
 * into the users' profiles in the CMS (shims/xcap: XCAP over HTTPS).
 *
 * The batch fills the inputs of a run of items and calls deliver() once for
 * the run (so the back end may work on several users at a time); the back
 * end fills every output of every item.  The batch records a user as
 * delivered only when st == RK_OK, which the back end sets only on a 2xx
 * answer of the CMS (or when the document already held this element).
 * Nothing here carries key material: the element is the wrapped key.
 */
#ifndef RK_SHIM_DELIVERY_H
#define RK_SHIM_DELIVERY_H
#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"

#define RK_DELIVERY_ETAG_MAX 128
#define RK_DELIVERY_ERR_MAX 256

typedef struct {
    /* in (owned by the batch, valid during deliver()) */
    const char *mc_id;              /* the exact MC ID: whose profile */
    const uint8_t *element;         /* the rk:lmr-root-key element the core wrote */
    size_t elen;
    /* out */
    rk_status st;                   /* RK_OK: the CMS holds the element */
    int http_status;                /* the CMS's last answer (0: none) */
    int changed;                    /* 1: a PUT was made; 0: the element was there */
    int64_t when;                   /* unix time of that answer */
    char etag[RK_DELIVERY_ETAG_MAX]; /* the document's ETag after it */
    char err[RK_DELIVERY_ERR_MAX];  /* the cause when st != RK_OK; no secrets */
} rk_delivery_item;

typedef struct {
    void (*deliver)(void *ctx, rk_delivery_item *items, size_t n);
    void *ctx;
} rk_delivery;

#endif
