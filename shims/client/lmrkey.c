/* SPDX-License-Identifier: Apache-2.0 */
/* see lmrkey.h */
#include "lmrkey.h"
#include <string.h>
#include "rootkey/ct.h"

static const uint8_t TEK_ALGIDS[2] = {RK_P25_ALGID_AES256, RK_P25_ALGID_AES128};

static void be_put(uint8_t *p, uint32_t v, int n)
{
    for (int i = n - 1; i >= 0; i--) { p[i] = (uint8_t)v; v >>= 8; }
}

static uint32_t be_get(const uint8_t *p, int n)
{
    uint32_t v = 0;
    for (int i = 0; i < n; i++) v = (v << 8) | p[i];
    return v;
}

void rk_lmrkey_meta_set(rk_ks_entry *e, const rk_lmr_block *b)
{
    memset(e->meta, 0, sizeof e->meta);
    e->meta_len = 0;
    if (b->lmr_type == RK_LMR_P25) {
        be_put(e->meta, b->wacn, 3);
        be_put(e->meta + 3, b->system_id, 2);
        be_put(e->meta + 5, b->unit_id, 3);
        e->meta[8] = b->algid;
        be_put(e->meta + 9, b->key_id, 2);
        e->meta[11] = b->keyset_id;
        e->meta_len = RK_LMRKEY_META_BYTES;
    } else if (b->lmr_type == RK_LMR_TETRA) {
        be_put(e->meta, b->mcc, 2);
        be_put(e->meta + 2, b->mnc, 2);
        be_put(e->meta + 4, b->issi, 3);
        e->meta[7] = b->has_key_number;
        e->meta[8] = b->key_number;
        e->meta[9] = b->has_key_version;
        be_put(e->meta + 10, b->key_version, 2);
        e->meta_len = RK_LMRKEY_META_BYTES;
    }
}

rk_status rk_lmrkey_p25_ids_get(const rk_ks_entry *e, rk_lmrkey_p25_ids *ids)
{
    memset(ids, 0, sizeof *ids);
    if (e->lmr_type != RK_LMR_P25 || e->meta_len != RK_LMRKEY_META_BYTES) return RK_ERR_STORE_ENTRY;
    ids->wacn = be_get(e->meta, 3);
    ids->system_id = (uint16_t)be_get(e->meta + 3, 2);
    ids->rsi = be_get(e->meta + 5, 3);
    ids->algid = e->meta[8];
    ids->key_id = (uint16_t)be_get(e->meta + 9, 2);
    ids->keyset_id = e->meta[11];
    return RK_OK;
}

rk_status rk_lmrkey_split(const uint8_t *msg, size_t len, uint8_t *lmr_type,
                          const uint8_t **payload, size_t *plen)
{
    *lmr_type = 0; *payload = NULL; *plen = 0;
    if (len < 2 || len > RK_LMRKEY_MAX_BYTES) return RK_ERR_STORE_LMR_MESSAGE;
    if (msg[0] != RK_LMR_P25 && msg[0] != RK_LMR_TETRA) return RK_ERR_STORE_LMR_MESSAGE;
    *lmr_type = msg[0];
    *payload = msg + 1;
    *plen = len - 1;
    return RK_OK;
}

rk_status rk_lmrkey_join(uint8_t lmr_type, const uint8_t *payload, size_t plen, uint8_t *out,
                         size_t cap, size_t *olen)
{
    *olen = 0;
    if ((lmr_type != RK_LMR_P25 && lmr_type != RK_LMR_TETRA) || plen == 0 ||
        plen + 1 > RK_LMRKEY_MAX_BYTES)
        return RK_ERR_STORE_LMR_MESSAGE;
    if (cap < plen + 1) return RK_ERR_BUFFER;
    out[0] = lmr_type;
    memmove(out + 1, payload, plen);
    *olen = plen + 1;
    return RK_OK;
}

rk_status rk_lmrkey_key_valid(const rk_ks_entry *e, int64_t now)
{
    /* the validity window of the root-key message (TS 33.180 key period
     * policy, docs/design.md §5) still applies to what the root key protects later */
    if (now < 0 || (e->activation && (uint64_t)now < e->activation)) return RK_ERR_POLICY_NOT_ACTIVE;
    if (e->expiry && (uint64_t)now >= e->expiry) return RK_ERR_POLICY_EXPIRED;
    return RK_OK;
}

rk_status rk_lmrkey_p25_entry(rk_ks_entry *e, const uint8_t *frame, size_t len, int64_t now,
                              rk_lmrkey_result *r)
{
    rk_lmrkey_p25_ids ids;
    rk_p25_kmm k;
    rk_p25_rx rx;
    rk_status st;
    size_t slot = RK_KS_REPLAY_SLOTS, n = 0;
    uint16_t mn = 0;
    rk_wipe((uint8_t *)r, sizeof *r);
    st = rk_lmrkey_p25_ids_get(e, &ids);
    if (st != RK_OK) return st;
    st = rk_lmrkey_key_valid(e, now);
    if (st != RK_OK) return st;
    st = rk_p25_kmm_parse(frame, len, &k);     /* public octets: only to find the source */
    if (st != RK_OK) return st;
    for (size_t i = 0; i < RK_KS_REPLAY_SLOTS; i++)
        if (e->replay[i].used && e->replay[i].src_rsi == k.src_rsi) { slot = i; break; }
    for (size_t i = 0; slot == RK_KS_REPLAY_SLOTS && i < RK_KS_REPLAY_SLOTS; i++)
        if (!e->replay[i].used) slot = i;
    if (slot == RK_KS_REPLAY_SLOTS) return RK_ERR_STORE_FULL;
    memset(&rx, 0, sizeof rx);
    rx.ukek = e->key;
    rx.ukek_len = e->key_len;
    rx.algids = TEK_ALGIDS;
    rx.n_algids = sizeof TEK_ALGIDS;
    rx.my_rsi = ids.rsi;
    rx.src_rsi = k.src_rsi;
    rx.ukek_key_id = ids.key_id;
    rx.has_last_mn = e->replay[slot].used;
    rx.last_mn = e->replay[slot].last_mn;
    st = rk_p25_receive(&rx, frame, len, r->teks, RK_LMRKEY_MAX_TEKS, &n, &mn);
    if (st != RK_OK) { rk_wipe((uint8_t *)r, sizeof *r); return st; }
    r->lmr_type = RK_LMR_P25;
    r->root_key_id = e->key_id;
    r->src_rsi = k.src_rsi;
    r->dst_rsi = k.dst_rsi;
    r->mn = mn;
    r->n_teks = n;
    e->replay[slot].used = 1;
    e->replay[slot].src_rsi = k.src_rsi;
    e->replay[slot].last_mn = mn;
    e->replay[slot].last_time = (uint64_t)now;
    return RK_OK;
}

rk_status rk_lmrkey_tetra_entry(const rk_ks_entry *e, const uint8_t *payload, size_t len,
                                int64_t now, rk_lmrkey_result *r)
{
    rk_status st;
    size_t n = 0;
    rk_wipe((uint8_t *)r, sizeof *r);
    if (e->lmr_type != RK_LMR_TETRA) return RK_ERR_STORE_ENTRY;
    if (len < 1) return RK_ERR_STORE_LMR_MESSAGE;
    st = rk_lmrkey_key_valid(e, now);
    if (st != RK_OK) return st;
    st = rk_tetra_unwrap(e->key, e->key_len, payload[0] == RK_LMRKEY_KWP ? 1 :
                         payload[0] == RK_LMRKEY_KW ? 0 : 2,
                         payload + 1, len - 1, r->blob, sizeof r->blob, &n);
    if (st != RK_OK) { rk_wipe((uint8_t *)r, sizeof *r); return st; }
    r->lmr_type = RK_LMR_TETRA;
    r->root_key_id = e->key_id;
    r->tetra_mode = payload[0];
    r->blob_len = n;
    return RK_OK;
}
