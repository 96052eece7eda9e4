/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/p25.h
 *
 * The two ends of a Modify Key Command: rk_p25_build (IWF) and
 * rk_p25_receive (client).  Both are compositions of the codec, MAC and
 * wrap functions; receive checks the MAC before it reads any key data and
 * releases TEKs only when every check and every unwrap succeeded.
 */
#include "rootkey/p25.h"
#include "rootkey/ct.h"

/*@ requires \valid(t);
    assigns *t;
    ensures \forall integer i; 0 <= i < RK_P25_TEK_MAX_BYTES ==> t->key[i] == 0; */
static void tek_clear(rk_p25_tek *t)
{
    rk_wipe(t->key, RK_P25_TEK_MAX_BYTES);
    t->key_id = 0;
    t->sln = 0;
    t->key_len = 0;
    t->algid = 0;
    t->keyset_id = 0;
    t->key_format = 0;
}

/*@ requires \valid(teks + (0 .. n - 1));
    assigns teks[0 .. n - 1]; */
static void teks_clear(rk_p25_tek *teks, size_t n)
{
    /*@ loop invariant 0 <= i <= n;
        loop assigns i, teks[0 .. n - 1];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        tek_clear(&teks[i]);
}

/*@ requires \valid(t);
    requires n <= RK_P25_TEK_MAX_BYTES;
    requires \valid_read(src + (0 .. n - 1));
    requires \separated(t, src + (0 .. n - 1));
    assigns t->key[0 .. RK_P25_TEK_MAX_BYTES - 1]; */
static void copy_key(rk_p25_tek *t, const uint8_t *src, size_t n)
{
    /*@ loop invariant 0 <= i <= n;
        loop assigns i, t->key[0 .. RK_P25_TEK_MAX_BYTES - 1];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        t->key[i] = src[i];
}

/* The ALGID naming the root key in DIF and MAC trailer: AES-256 or AES-128. */
/*@ assigns \nothing; */
static uint8_t ukek_algid(size_t ukek_len)
{
    return ukek_len == 32 ? (uint8_t)RK_P25_ALGID_AES256 : (uint8_t)RK_P25_ALGID_AES128;
}

/* Plain TEK length of an AES ALGID, 0 for anything else (only AES TEKs are
 * AES-KW wrapped, docs/references.md §8.5). */
/*@ assigns \nothing;
    ensures \result == 0 || \result == 16 || \result == 32; */
static size_t tek_len_of(uint8_t algid)
{
    return algid == RK_P25_ALGID_AES256 ? 32u : algid == RK_P25_ALGID_AES128 ? 16u : 0u;
}

/*@ requires \valid_read(list + (0 .. n - 1));
    assigns \nothing;
    ensures \result == 0 || \result == 1; */
static int algid_allowed(const uint8_t *list, size_t n, uint8_t a)
{
    /*@ loop invariant 0 <= i <= n;
        loop assigns i;
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        if (list[i] == a)
            return 1;
    return 0;
}

/* All checks up to (not including) the unwraps; fills *k and *m. */
/*@ requires \valid_read(rx);
    requires \valid_read(rx->ukek + (0 .. rx->ukek_len - 1));
    requires \valid_read(rx->algids + (0 .. rx->n_algids - 1));
    requires \valid_read(buf + (0 .. len - 1));
    requires \valid(k) && \valid(m);
    requires \separated(k, m, rx, buf + (0 .. len - 1), rx->ukek + (0 .. rx->ukek_len - 1),
                        rx->algids + (0 .. rx->n_algids - 1));
    requires \separated(m, rx, buf + (0 .. len - 1), rx->ukek + (0 .. rx->ukek_len - 1),
                        rx->algids + (0 .. rx->n_algids - 1));
    assigns *k, *m;
    ensures \result == RK_OK ==> rk_p25_kmm_ok(k, len);
    ensures \result == RK_OK ==> k->has_mn == 1;
    ensures \result == RK_OK ==> m->n_keys >= 1 && m->item_len == 5 + m->key_len;
    ensures \result == RK_OK ==> m->items_off + m->n_keys * m->item_len <= len;
    ensures \result == RK_OK ==> rx->ukek_len == 16 || rx->ukek_len == 32;
    ensures \result == RK_OK ==> m->key_len == 24 || m->key_len == 40; */
static rk_status rx_check(const rk_p25_rx *rx, const uint8_t *buf, size_t len, rk_p25_kmm *k, rk_p25_mk *m)
{
    rk_status st = rk_p25_kmm_parse(buf, len, k);
    m->n_keys = 0;
    if (st != RK_OK)
        return st;
    if (k->mac_type != RK_P25_MAC_TYPE_AES)
        return RK_ERR_P25_NO_MAC;
    if (rx->ukek_len != 16 && rx->ukek_len != 32)
        return RK_ERR_P25_UKEK_LENGTH;
    /* the MAC first: nothing below is trusted before it verifies */
    st = rk_p25_mac_verify(rx->ukek, rx->ukek_len, buf, len, k);
    if (st != RK_OK)
        return st;
    uint8_t kalg = ukek_algid(rx->ukek_len);
    if (k->mac_algid != kalg)
        return RK_ERR_P25_KEK_ALGID;
    if (k->mac_key_id != rx->ukek_key_id)
        return RK_ERR_P25_KEY_ID;
    if (k->message_id != RK_P25_MID_MODIFY_KEY)
        return RK_ERR_P25_MESSAGE_ID;
    if (k->dst_rsi != rx->my_rsi)
        return RK_ERR_P25_DESTINATION;
    if (k->src_rsi != rx->src_rsi)
        return RK_ERR_P25_SOURCE;
    if (k->has_mn != 1)
        return RK_ERR_P25_MN_MISSING;
    if (rk_p25_mn_newer(k->mn, rx->has_last_mn, rx->last_mn) != 1)
        return RK_ERR_P25_REPLAY;
    st = rk_p25_mk_parse(buf, len, k, m);
    if (st != RK_OK)
        return st;
    if (m->has_mi != 0)
        return RK_ERR_P25_MI_UNSUPPORTED;
    if (m->kek_algid != kalg)
        return RK_ERR_P25_KEK_ALGID;
    if (m->kek_key_id != rx->ukek_key_id)
        return RK_ERR_P25_KEY_ID;
    size_t tl = tek_len_of(m->keyset_algid);
    if (tl == 0 || algid_allowed(rx->algids, rx->n_algids, m->keyset_algid) != 1)
        return RK_ERR_P25_ALGID;
    if (m->key_len != tl + 8)
        return RK_ERR_P25_KEY_LENGTH;
    /*@ assert rk_p25_kmm_ok(k, len); */
    /*@ assert m->items_off + m->n_keys * m->item_len <= len; */
    return RK_OK;
}

rk_status rk_p25_receive(const rk_p25_rx *rx, const uint8_t *buf, size_t len, rk_p25_tek *teks,
                         size_t cap, size_t *n_teks, uint16_t *mn)
{
    rk_p25_kmm k;
    rk_p25_mk m;
    rk_p25_item it;
    uint8_t tek[RK_P25_TEK_MAX_BYTES];
    size_t ol = 0;
    *n_teks = 0;
    *mn = 0;
    teks_clear(teks, cap);
    rk_status st = rx_check(rx, buf, len, &k, &m);
    if (st != RK_OK)
        return st;
    if (m.n_keys > cap)
        return RK_ERR_P25_TOO_MANY_KEYS;
    /* every item must be a plain TEK before any unwrap runs */
    /*@ loop invariant 0 <= i <= m.n_keys;
        loop assigns i, it;
        loop variant m.n_keys - i; */
    for (size_t i = 0; i < m.n_keys; i++) {
        rk_p25_item_get(buf, len, &m, i, &it);
        if (it.key_format != RK_P25_KEY_FORMAT_TEK)
            return RK_ERR_P25_KEY_FORMAT;
    }
    /*@ loop invariant 0 <= i <= m.n_keys;
        loop invariant m.n_keys <= cap;
        loop assigns i, it, ol, st, tek[0 .. 31], teks[0 .. cap - 1];
        loop variant m.n_keys - i; */
    for (size_t i = 0; i < m.n_keys; i++) {
        rk_p25_item_get(buf, len, &m, i, &it);
        /* unwrap into local scratch, then copy: the TEK lands in the output
         * only after its integrity check passed */
        st = rk_p25_tek_unwrap(rx->ukek, rx->ukek_len, buf + it.data_off, m.key_len, tek, sizeof tek, &ol);
        if (st != RK_OK) {
            teks_clear(teks, cap);
            return st;
        }
        /*@ assert i < cap && ol <= 32; */
        copy_key(&teks[i], tek, ol);
        rk_wipe(tek, sizeof tek);
        teks[i].key_len = (uint8_t)ol;
        teks[i].key_id = it.key_id;
        teks[i].sln = it.sln;
        teks[i].algid = m.keyset_algid;
        teks[i].keyset_id = m.keyset_id;
        teks[i].key_format = it.key_format;
    }
    *n_teks = m.n_keys;
    *mn = k.mn;
    return RK_OK;
}

rk_status rk_p25_build(const uint8_t *ukek, size_t ukek_len, const rk_p25_mk_params *p,
                       const rk_p25_tek *teks, size_t n, uint8_t *out, size_t cap, size_t *out_len)
{
    rk_p25_item_in items[255];
    rk_p25_kmm k;
    rk_p25_mk m;
    rk_p25_item it;
    size_t wl = 0;
    *out_len = 0;
    if (ukek_len != 16 && ukek_len != 32) {
        rk_wipe(out, cap);
        return RK_ERR_P25_UKEK_LENGTH;
    }
    size_t tl = tek_len_of(p->keyset_algid);
    if (p->kek_algid != ukek_algid(ukek_len) || tl == 0 || p->key_len != tl + 8 || n == 0 ||
        (p->mac_format != RK_P25_MAC_FORMAT_CBC && p->mac_format != RK_P25_MAC_FORMAT_CMAC)) {
        rk_wipe(out, cap);
        return RK_ERR_P25_PARAM;
    }
    /*@ loop invariant 0 <= i <= n;
        loop invariant \forall integer j; 0 <= j < i ==> items[j].data == \null;
        loop assigns i, items[0 .. 254];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++) {
        if (teks[i].key_len != tl) {
            rk_wipe(out, cap);
            return RK_ERR_P25_TEK_LENGTH;
        }
        items[i].data = NULL; /* placeholder, overwritten by the wrap below */
        items[i].sln = teks[i].sln;
        items[i].key_id = teks[i].key_id;
        items[i].key_format = teks[i].key_format;
    }
    rk_status st = rk_p25_mk_encode(p, items, n, out, cap, out_len);
    if (st != RK_OK)
        return st;
    size_t len = *out_len;
    /* re-parse our own frame to locate the key data (the parsers' contracts
     * give the bounds the wraps need) */
    st = rk_p25_kmm_parse(out, len, &k);
    if (st == RK_OK)
        st = rk_p25_mk_parse(out, len, &k, &m);
    if (st == RK_OK && m.n_keys != n)
        st = RK_ERR_INTERNAL;
    /*@ loop invariant 0 <= i <= n;
        loop invariant st == RK_OK ==> m.n_keys == n && m.n_keys >= 1 &&
            m.item_len == 5 + m.key_len && m.items_off + m.n_keys * m.item_len <= len && len <= cap;
        loop assigns i, it, wl, st, out[0 .. cap - 1];
        loop variant n - i; */
    for (size_t i = 0; i < n && st == RK_OK; i++) {
        rk_p25_item_get(out, len, &m, i, &it);
        st = rk_p25_tek_wrap(ukek, ukek_len, teks[i].key, tl, out + it.data_off, m.key_len, &wl);
    }
    if (st == RK_OK)
        st = rk_p25_mac_apply(ukek, ukek_len, out, len);
    if (st != RK_OK) {
        rk_wipe(out, cap);
        *out_len = 0;
    }
    return st;
}
