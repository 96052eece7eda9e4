/* SPDX-License-Identifier: Apache-2.0 */
/* see client.h */
#include "client.h"
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "rootkey/b64.h"
#include "rootkey/hash.h"
#include "rootkey/mikey.h"
#include "rootkey/profile.h"
#include "rootkey/rootkey.h"
#include "rootkey/rootkey_element.h"

_Static_assert(RK_CLIENT_MAX_KEYSETS <= RK_ROOTKEY_MAX_KEYSETS, "one unwrap call takes every key set");

void rk_client_close(rk_client *c)
{
    if (c->rx) {
        for (size_t i = 0; i < c->nks; i++) rk_sakke_receiver_wipe(&c->rx[i]);
        sodium_free(c->rx);
    }
    if (c->ks) sodium_free(c->ks);              /* sodium_free wipes */
    if (c->iwf_kpak) sodium_free(c->iwf_kpak);
    memset(c, 0, sizeof *c);
}

rk_status rk_client_open(rk_client *c, const rk_kms_cert *kms, const rk_kms_cert *iwf_kms,
                         const char *iwf_uri, const uint8_t *xml, size_t len, int with_table,
                         char *err, size_t errlen)
{
    rk_status st;
    size_t n = 0;
    rk_eccsi_signer_ctx *sg = NULL;
    memset(c, 0, sizeof *c);
    c->kms = *kms;
    c->iwf_kms = *iwf_kms;
    if (strlen(iwf_uri) > RK_KMS_URI_MAX) return RK_ERR_LENGTH;
    strcpy(c->iwf_uri, iwf_uri);
    c->ks = sodium_malloc(RK_CLIENT_MAX_KEYSETS * sizeof *c->ks);
    c->iwf_kpak = sodium_malloc(sizeof *c->iwf_kpak);
    sg = sodium_malloc(sizeof *sg);
    if (!c->ks || !c->iwf_kpak || !sg) { st = RK_ERR_ALLOC; goto fail; }
    /* every key set, each checked against my KMS's certificate (core) */
    st = rk_kms_keysets_load(c->ks, RK_CLIENT_MAX_KEYSETS, &n, kms, xml, len, (int64_t)time(NULL),
                             err, errlen);
    if (st != RK_OK) goto fail;
    c->rx = sodium_malloc(n * sizeof *c->rx);
    if (!c->rx) { st = RK_ERR_ALLOC; goto fail; }
    c->nks = n;
    for (size_t i = 0; i < n; i++) {
        const rk_kms_keyset *k = &c->ks[i];
        st = rk_sakke_receiver_install(&c->rx[i], kms->z_pub, k->uid, 32, k->rsk, with_table ? 1 : 0);
        if (st != RK_OK) {
            if (err) snprintf(err, errlen, "key set %zu: RSK validation: %s", i + 1, rk_strerror(st));
            goto fail;
        }
        st = rk_eccsi_signer_init(sg, kms->kpak, 65, k->uid, 32, k->ssk, 32, k->pvt, 65);
        rk_eccsi_signer_wipe(sg);
        if (st != RK_OK) {
            if (err) snprintf(err, errlen, "key set %zu: SSK validation: %s", i + 1, rk_strerror(st));
            goto fail;
        }
    }
    st = rk_eccsi_verifier_init(c->iwf_kpak, iwf_kms->kpak, 65);
    if (st != RK_OK) goto fail;
    sodium_free(sg);
    return RK_OK;
fail:
    if (sg) { rk_eccsi_signer_wipe(sg); sodium_free(sg); }
    rk_client_close(c);
    return st;
}

/* T (NTP seconds) of an element's message, from its public header; 0 if
 * it does not parse (such an element is refused later anyway). */
static uint32_t element_time(const uint8_t *doc, const rk_profile_element *el, uint8_t *msg, rk_mikey_view *v)
{
    size_t ml = 0;
    if (rk_b64_decode(msg, RK_ROOTKEY_MAX_MSG + 64, (const char *)doc + el->text.off, el->text.len, &ml,
                      RK_B64_ALLOW_SPACE) != RK_OK || rk_mikey_parse(v, msg, ml) != RK_OK)
        return 0;
    return v->ts_sec;
}

/* The (LMR system, key period) an unwrapped root key belongs to. */
static void group_of(uint8_t g[32], const rk_rootkey_result *r)
{
    rk_sha256_ctx h;
    uint8_t b[24];
    memset(b, 0, sizeof b);
    b[0] = r->lmr.lmr_type;
    for (int i = 0; i < 8; i++) b[1 + i] = (uint8_t)(r->period_no >> (8 * i));
    if (r->lmr.lmr_type == RK_LMR_P25) {
        memcpy(b + 9, &r->lmr.wacn, sizeof r->lmr.wacn);
        memcpy(b + 13, &r->lmr.system_id, sizeof r->lmr.system_id);
    } else if (r->lmr.lmr_type == RK_LMR_TETRA) {
        memcpy(b + 9, &r->lmr.mcc, sizeof r->lmr.mcc);
        memcpy(b + 11, &r->lmr.mnc, sizeof r->lmr.mnc);
    }
    rk_sha256_init(&h);
    rk_sha256_update(&h, b, sizeof b);
    if (r->lmr.lmr_type == RK_LMR_OTHER) rk_sha256_update(&h, r->lmr.sys, r->lmr.sys_len);
    rk_sha256_final(&h, g);
}

/* The latest key period the client holds a key set for. */
static uint64_t last_period(const rk_client *c)
{
    uint64_t p = 0;
    for (size_t s = 0; s < c->nks; s++) if (c->ks[s].period_no > p) p = c->ks[s].period_no;
    return p;
}

rk_status rk_client_unwrap_doc(rk_client *c, rk_keystore *ks, const uint8_t *doc, size_t len,
                               int64_t now_unix, rk_client_counts *n)
{
    enum { MAXEL = RK_CLIENT_MAX_ELEMENTS };
    rk_profile_ctx *pc = malloc(sizeof *pc);
    rk_profile_element *els = calloc(MAXEL, sizeof *els);
    rk_rootkey_scratch *scr = sodium_malloc(sizeof *scr);
    rk_rootkey_result *res = sodium_malloc(sizeof *res);
    rk_ks_entry *e = sodium_malloc(sizeof *e);
    uint8_t *msg = malloc(RK_ROOTKEY_MAX_MSG + 64);
    rk_mikey_view *v = malloc(sizeof *v);
    uint32_t *ts = calloc(MAXEL, sizeof *ts);
    size_t *order = calloc(MAXEL, sizeof *order), ndone = 0;
    uint8_t (*done)[32] = calloc(MAXEL, 32);
    size_t count = 0;
    rk_status first = RK_OK, st;
    memset(n, 0, sizeof *n);
    if (!pc || !els || !scr || !res || !e || !msg || !v || !ts || !order || !done) { first = RK_ERR_ALLOC; goto out; }
    st = rk_profile_find(pc, doc, len, 0, els, MAXEL, &count);
    if (st != RK_OK) { first = st; goto out; }
    /* newest first (insertion sort: at most MAXEL elements) */
    for (size_t i = 0; i < count; i++) {
        size_t j = i;
        ts[i] = element_time(doc, &els[i], msg, v);
        for (; j > 0 && ts[order[j - 1]] < ts[i]; j--) order[j] = order[j - 1];
        order[j] = i;
    }
    for (size_t k = 0; k < count; k++) {
        size_t i = order[k];
        size_t ml = 0;
        st = rk_b64_decode(msg, RK_ROOTKEY_MAX_MSG + 64, (const char *)doc + els[i].text.off,
                           els[i].text.len, &ml, RK_B64_ALLOW_SPACE);
        if (st == RK_OK) {
            /* every key set; the core opens the element with the one of
             * its message's key period (T) */
            rk_mikeysakke_rx rxs[RK_CLIENT_MAX_KEYSETS];
            memset(rxs, 0, sizeof rxs);
            for (size_t s = 0; s < c->nks; s++) {
                rk_mikeysakke_rx *x = &rxs[s];
                x->kpak = c->iwf_kpak;
                x->kmsi_uri = (const uint8_t *)c->iwf_kms.kms_uri;
                x->kmsi_uri_len = strlen(c->iwf_kms.kms_uri);
                x->kmsi_period_len = c->iwf_kms.period_len;
                x->kmsi_period_offset = c->iwf_kms.period_offset;
                x->sakke = &c->rx[s];
                x->kmsr_uri = (const uint8_t *)c->kms.kms_uri;
                x->kmsr_uri_len = strlen(c->kms.kms_uri);
                x->period_len = c->kms.period_len;
                x->period_offset = c->kms.period_offset;
                x->period_no = c->ks[s].period_no;
                x->my_uri = (const uint8_t *)c->ks[s].user_uri;
                x->my_uri_len = strlen(c->ks[s].user_uri);
                x->kp_mode = RK_MIKEYSAKKE_KP_REQUIRED;
            }
            const rk_mikeysakke_rx rx = rxs[0];   /* the user's KMS: the same in every key set */
            const uint8_t *iu[1] = {(const uint8_t *)c->iwf_uri};
            size_t il[1] = {strlen(c->iwf_uri)};
            rk_rootkey_unwrap_in in;
            memset(&in, 0, sizeof in);
            in.keysets = rxs; in.n_keysets = c->nks;
            in.iwf_uris = iu; in.iwf_uri_lens = il; in.n_iwf = 1;
            in.purpose_tag = RK_ROOTKEY_DEFAULT_TAG;
            in.now_unix = now_unix;
            rk_ks_replay keep[RK_KS_REPLAY_SLOTS];
            memset(keep, 0, sizeof keep);
            if (rk_keystore_get(ks, els[i].key_id_value, e) == RK_OK && e->key_len) {
                in.have_stored = 1;
                in.stored_wrap_time = e->wrap_time;
            }
            st = rk_rootkey_unwrap(res, scr, &in, msg, ml);
            /* the attributes are hints, but must not contradict the message;
             * kms-uri: the user's KMS, which the unwrap has just matched
             * against the message's IDRkmsr */
            if (st == RK_OK)
                st = rk_rootkey_element_check(&els[i], doc, len, res, rx.kmsr_uri, rx.kmsr_uri_len);
            /* a newer element of this LMR system and period came first */
            uint8_t g[32];
            int older = 0;
            if (st == RK_OK) {
                group_of(g, res);
                for (size_t j = 0; j < ndone && !older; j++) older = !memcmp(done[j], g, 32);
            }
            if (older) {
                rk_rootkey_result_wipe(res);
                n->superseded++;
                continue;
            }
            /* the same root key delivered again (a new key period, a
             * re-wrap) keeps its key-message replay state: resetting it
             * would let old key messages be replayed; a new key starts afresh */
            if (st == RK_OK) {
                /* under this or another root-key ID (a new message has a new CSB-ID) */
                uint64_t best = 0;
                int got = 0;
                for (size_t j = 0, nj = rk_keystore_count(ks); j < nj; j++) {
                    if (rk_keystore_get_at(ks, j, e) != RK_OK) continue;
                    if (e->lmr_type == res->lmr.lmr_type && e->key_len == res->lmr.key_len &&
                        sodium_memcmp(e->key, res->lmr.key, e->key_len) == 0 &&
                        (!got || e->wrap_time > best)) {
                        memcpy(keep, e->replay, sizeof keep);
                        best = e->wrap_time; got = 1;
                    }
                }
            }
            if (st == RK_OK) {
                memset(e, 0, sizeof *e);
                memcpy(e->replay, keep, sizeof keep);
                rk_lmrkey_meta_set(e, &res->lmr);
                e->key_id = res->key_id;
                e->lmr_type = res->lmr.lmr_type;
                e->key_len = res->lmr.key_len;
                memcpy(e->key, res->lmr.key, res->lmr.key_len);
                e->wrap_time = res->wrap_time;
                e->activation = res->activation;
                e->expiry = res->expiry;
                e->key_period = res->period_no;
                st = rk_keystore_put(ks, e);
            }
            if (st == RK_OK) memcpy(done[ndone++], g, 32);
            rk_rootkey_result_wipe(res);
        }
        if (st == RK_OK) n->ok++;
        else if (st == RK_ERR_POLICY_REPLAY) n->unchanged++;      /* this very element is stored */
        else if (st == RK_ERR_POLICY_FUTURE_PERIOD ||
                 (st == RK_ERR_RK_NO_KEYSET && els[i].key_period_value > last_period(c)))
            n->later++;   /* a later key period (whose key set comes then): left in the profile */
        else { n->bad++; if (first == RK_OK) first = st; }
    }
out:
    if (e) sodium_free(e);
    if (res) sodium_free(res);
    if (scr) sodium_free(scr);
    free(pc); free(els); free(msg); free(v); free(ts); free(order); free(done);
    return first;
}

/* P25: the root key for a frame (see client.h); *idx the entry index. */
static rk_status find_p25(rk_keystore *ks, const uint8_t *frame, size_t len, rk_ks_entry *tmp,
                          size_t *idx)
{
    rk_p25_kmm k;
    rk_lmrkey_p25_ids ids;
    int any = 0, best_rsi = -1;
    uint64_t best_t = 0;
    rk_status st = rk_p25_kmm_parse(frame, len, &k);
    if (st != RK_OK) return st;
    if (k.mac_type != RK_P25_MAC_TYPE_AES) return RK_ERR_P25_NO_MAC;
    size_t n = rk_keystore_count(ks);
    for (size_t i = 0; i < n; i++) {
        if (rk_keystore_get_at(ks, i, tmp) != RK_OK) continue;
        if (rk_lmrkey_p25_ids_get(tmp, &ids) != RK_OK) continue;
        any = 1;
        if (ids.key_id != k.mac_key_id) continue;
        int rsi_ok = ids.rsi == k.dst_rsi;
        if (best_rsi < 0 || rsi_ok > best_rsi || (rsi_ok == best_rsi && tmp->wrap_time > best_t)) {
            best_rsi = rsi_ok; best_t = tmp->wrap_time; *idx = i;
        }
    }
    sodium_memzero(tmp, sizeof *tmp);
    if (best_rsi >= 0) return RK_OK;
    return any ? RK_ERR_P25_KEY_ID : RK_ERR_STORE_NOT_FOUND;
}

static rk_status find_tetra(rk_keystore *ks, uint32_t root_key_id, rk_ks_entry *tmp, size_t *idx)
{
    int found = 0;
    uint64_t best_t = 0;
    size_t n = rk_keystore_count(ks);
    for (size_t i = 0; i < n; i++) {
        if (rk_keystore_get_at(ks, i, tmp) != RK_OK || tmp->lmr_type != RK_LMR_TETRA) continue;
        if (root_key_id ? tmp->key_id == root_key_id : (!found || tmp->wrap_time > best_t)) {
            found = 1; best_t = tmp->wrap_time; *idx = i;
        }
    }
    sodium_memzero(tmp, sizeof *tmp);
    return found ? RK_OK : RK_ERR_STORE_NOT_FOUND;
}

rk_status rk_client_lmr_receive(rk_keystore *ks, const uint8_t *msg, size_t len,
                                uint32_t root_key_id, int64_t now_unix, rk_lmrkey_result *r)
{
    uint8_t type = 0;
    const uint8_t *pl = NULL;
    size_t plen = 0, idx = 0;
    rk_status st;
    rk_ks_entry *e = sodium_malloc(sizeof *e);
    sodium_memzero(r, sizeof *r);
    if (!e) return RK_ERR_ALLOC;
    st = rk_lmrkey_split(msg, len, &type, &pl, &plen);
    if (st == RK_OK)
        st = type == RK_LMR_P25 ? find_p25(ks, pl, plen, e, &idx) : find_tetra(ks, root_key_id, e, &idx);
    if (st == RK_OK) st = rk_keystore_get_at(ks, idx, e);
    if (st == RK_OK) {
        if (type == RK_LMR_P25) {
            st = rk_lmrkey_p25_entry(e, pl, plen, now_unix, r);
            if (st == RK_OK) st = rk_keystore_put(ks, e);   /* the new replay state */
        } else {
            st = rk_lmrkey_tetra_entry(e, pl, plen, now_unix, r);
        }
    }
    if (st != RK_OK) sodium_memzero(r, sizeof *r);
    sodium_free(e);
    return st;
}
