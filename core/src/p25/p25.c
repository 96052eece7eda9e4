/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/p25.h
 *
 * KMM frame and Modify Key Command codec.  Field layout: docs/p25.md (from
 * docs/references.md §8.1/§8.3: dvmhost KMMFrame/KMMModifyKey,
 * KFDtool KmmFrame).  Octets are combined with * and + (not shifts) so the
 * proofs stay in linear arithmetic.
 */
#include "rootkey/p25.h"

/*@ lemma p25_mul_mono: \forall integer a, b, c; 0 <= a <= b && 0 <= c ==> a * c <= b * c;
    lemma p25_item_bound: \forall integer i, n, l; 0 <= i < n && 0 <= l ==> i * l + l <= n * l; */

/* Big-endian readers over public octets. */
/*@ requires \valid_read(b + (0 .. 1));
    assigns \nothing;
    ensures \result == b[0] * 256 + b[1]; */
static uint16_t get16(const uint8_t *b)
{
    return (uint16_t)(b[0] * 256u + b[1]);
}

/*@ requires \valid_read(b + (0 .. 2));
    assigns \nothing;
    ensures \result == b[0] * 65536 + b[1] * 256 + b[2];
    ensures \result <= 0xffffff; */
static uint32_t get24(const uint8_t *b)
{
    return b[0] * 65536u + b[1] * 256u + b[2];
}

/*@ requires \valid(k);
    assigns *k;
    ensures rk_p25_kmm_zero(k); */
static void kmm_clear(rk_p25_kmm *k)
{
    k->total_len = 0;
    k->body_off = 0;
    k->body_len = 0;
    k->mac_off = 0;
    k->dst_rsi = 0;
    k->src_rsi = 0;
    k->message_length = 0;
    k->mn = 0;
    k->mac_key_id = 0;
    k->message_id = 0;
    k->response_kind = 0;
    k->done = 0;
    k->has_mn = 0;
    k->mac_type = 0;
    k->mac_algid = 0;
    k->mac_format = 0;
}

/* The success path of rk_p25_kmm_parse, kept apart so that the view
 * postcondition is proved from these few facts alone. */
/*@ requires \valid_read(buf + (0 .. len - 1));
    requires \valid(k);
    requires \separated(k, buf + (0 .. len - 1));
    requires 10 <= len <= RK_P25_KMM_MAX_BYTES;
    requires buf[1] * 256 + buf[2] + 3 == len;
    requires has_mn == 0 || has_mn == 1;
    requires mact == 0 || mact == 2;
    requires rkind <= 2;
    requires 10 + 2 * has_mn + (mact == 2 ? 13 : 0) <= len;
    requires mact == 2 ==> (buf[len - 1] == 0x40 || buf[len - 1] == 0x41);
    assigns *k;
    ensures rk_p25_kmm_ok(k, len); */
static void kmm_fill(const uint8_t *buf, size_t len, rk_p25_kmm *k, size_t has_mn, unsigned mact,
                     unsigned rkind)
{
    size_t hdr = RK_P25_HEADER_BYTES + RK_P25_MN_BYTES * has_mn;
    size_t tr = mact == 2 ? (size_t)RK_P25_TRAILER_BYTES : 0u;
    k->total_len = len;
    k->body_off = hdr;
    k->body_len = len - hdr - tr;
    k->mac_off = tr != 0 ? len - RK_P25_TRAILER_BYTES : 0u;
    k->dst_rsi = get24(buf + 4);
    k->src_rsi = get24(buf + 7);
    k->message_length = get16(buf + 1);
    k->mn = has_mn != 0 ? get16(buf + 10) : 0u;
    k->mac_key_id = tr != 0 ? get16(buf + len - 3) : 0u;
    k->message_id = buf[0];
    k->response_kind = (uint8_t)rkind;
    k->done = (uint8_t)(buf[3] % 2);
    k->has_mn = (uint8_t)has_mn;
    k->mac_type = (uint8_t)mact;
    k->mac_algid = tr != 0 ? buf[len - 4] : 0u;
    k->mac_format = tr != 0 ? buf[len - 1] : 0u;
}

rk_status rk_p25_kmm_parse(const uint8_t *buf, size_t len, rk_p25_kmm *k)
{
    kmm_clear(k);
    if (len < 3)
        return RK_ERR_P25_TRUNCATED;
    /* Message length counts the octets after the length field (docs/references.md §8.1):
     * the frame must fill the buffer exactly. */
    size_t ml = get16(buf + 1);
    if (ml + 3 > len)
        return RK_ERR_P25_TRUNCATED;
    if (ml + 3 < len)
        return RK_ERR_P25_TRAILING;
    if (len > RK_P25_KMM_MAX_BYTES)
        return RK_ERR_P25_TOO_LONG;
    if (len < RK_P25_HEADER_BYTES)
        return RK_ERR_P25_LENGTH;
    unsigned fmt = buf[3];
    unsigned rkind = fmt / 64, mnf = fmt / 16 % 4, mact = fmt / 4 % 4, rsvd = fmt / 2 % 2;
    if (rkind == 3)
        return RK_ERR_P25_RESPONSE_KIND;
    if (mnf == 1 || mnf == 3)
        return RK_ERR_P25_MN_FLAG;
    if (mact == 1)
        return RK_ERR_P25_MAC_TYPE;
    if (mact == 3)
        return RK_ERR_P25_MAC_DES;
    if (rsvd != 0)
        return RK_ERR_P25_FORMAT_RSVD;
    size_t has_mn = mnf == 2 ? 1u : 0u;
    size_t hdr = RK_P25_HEADER_BYTES + RK_P25_MN_BYTES * has_mn;
    size_t tr = mact == 2 ? (size_t)RK_P25_TRAILER_BYTES : 0u;
    if (len < hdr + tr)
        return RK_ERR_P25_LENGTH;
    if (tr != 0) {
        /* trailer: MAC(8) | MAC length | MAC ALGID | MAC key ID(2) | MAC format */
        if (buf[len - 5] != RK_P25_MAC_BYTES)
            return RK_ERR_P25_MAC_LENGTH;
        if (buf[len - 1] != RK_P25_MAC_FORMAT_CBC && buf[len - 1] != RK_P25_MAC_FORMAT_CMAC)
            return RK_ERR_P25_MAC_FORMAT;
    }
    kmm_fill(buf, len, k, has_mn, mact, rkind);
    return RK_OK;
}

/*@ requires \valid(m);
    assigns *m;
    ensures m->n_keys == 0 && m->key_len == 0 && m->item_len == 0 &&
        m->items_off == 0 && m->mi_off == 0 && m->has_mi == 0 && m->dif == 0 &&
        m->kek_algid == 0 && m->kek_key_id == 0 && m->keyset_id == 0 && m->keyset_algid == 0; */
static void mk_clear(rk_p25_mk *m)
{
    m->mi_off = 0;
    m->items_off = 0;
    m->item_len = 0;
    m->kek_key_id = 0;
    m->dif = 0;
    m->has_mi = 0;
    m->kek_algid = 0;
    m->keyset_id = 0;
    m->keyset_algid = 0;
    m->key_len = 0;
    m->n_keys = 0;
}

/* The success path of rk_p25_mk_parse (see kmm_fill). */
/*@ requires \valid_read(buf + (b .. b + 3));
    requires \valid_read(buf + (items - 4 .. items - 1));
    requires \valid(m);
    requires \separated(m, buf + (b .. items - 1));
    requires has_mi == 0 || has_mi == 1;
    requires items == b + 8 + 9 * has_mi;
    requires key_len >= 1 && n >= 1;
    assigns *m;
    ensures m->n_keys == n && m->key_len == key_len && m->item_len == 5 + key_len;
    ensures m->items_off == items && m->has_mi == has_mi;
    ensures m->has_mi == 1 ==> m->mi_off + 9 <= m->items_off; */
static void mk_fill(const uint8_t *buf, size_t b, rk_p25_mk *m, size_t has_mi, size_t items,
                    uint8_t key_len, uint8_t n)
{
    m->mi_off = has_mi != 0 ? b + 4 : 0u;
    m->items_off = items;
    m->item_len = RK_P25_ITEM_FIXED_BYTES + (size_t)key_len;
    m->kek_key_id = get16(buf + b + 2);
    m->dif = buf[b];
    m->has_mi = (uint8_t)has_mi;
    m->kek_algid = buf[b + 1];
    m->keyset_id = buf[items - 4];
    m->keyset_algid = buf[items - 3];
    m->key_len = key_len;
    m->n_keys = n;
}

rk_status rk_p25_mk_parse(const uint8_t *buf, size_t len, const rk_p25_kmm *k, rk_p25_mk *m)
{
    (void)len; /* the bounds come from k (rk_p25_kmm_ok(k, len)) */
    mk_clear(m);
    size_t b = k->body_off, end = k->body_off + k->body_len;
    if (k->body_len < 1)
        return RK_ERR_P25_BODY_TRUNCATED;
    /* Decryption instruction format: 0x00 (no MI) or 0x40 (MI follows). */
    uint8_t dif = buf[b];
    if (dif != RK_P25_DIF_NONE && dif != RK_P25_DIF_MI)
        return RK_ERR_P25_DIF;
    size_t has_mi = dif == RK_P25_DIF_MI ? 1u : 0u;
    size_t fixed = RK_P25_MK_FIXED_BYTES + RK_P25_MI_BYTES * has_mi;
    if (k->body_len < fixed)
        return RK_ERR_P25_BODY_TRUNCATED;
    if (has_mi != 0) {
        /* an all-zero MI is refused (NAK code 0x0C, docs/references.md §8.2) */
        unsigned nz = 0;
        /*@ loop invariant 0 <= i <= RK_P25_MI_BYTES;
            loop assigns i, nz;
            loop variant RK_P25_MI_BYTES - i; */
        for (size_t i = 0; i < RK_P25_MI_BYTES; i++)
            nz |= buf[b + 4 + i] != 0;
        if (nz == 0)
            return RK_ERR_P25_MI_ZERO;
    }
    size_t p = b + 4 + RK_P25_MI_BYTES * has_mi;
    uint8_t key_len = buf[p + 2], n = buf[p + 3];
    if (key_len == 0)
        return RK_ERR_P25_KEY_LENGTH;
    if (n == 0)
        return RK_ERR_P25_NO_KEYS;
    size_t items = p + 4, il = RK_P25_ITEM_FIXED_BYTES + (size_t)key_len, off = items;
    /*@ assert items <= end; */
    /* Walk the fixed-size items.  Key names are refused: the two public
     * decoders disagree on where the name sits, so any non-zero name length
     * is an error (docs/p25.md). */
    /*@ loop invariant 0 <= i <= n;
        loop invariant off == items + i * il;
        loop invariant off <= end;
        loop assigns i, off;
        loop variant n - i; */
    for (size_t i = 0; i < n; i++) {
        if (end - off < RK_P25_ITEM_FIXED_BYTES)
            return RK_ERR_P25_BODY_TRUNCATED;
        if (buf[off] % 32 != 0)
            return RK_ERR_P25_KEY_NAME;
        if (end - off < il)
            return RK_ERR_P25_BODY_TRUNCATED;
        off += il;
    }
    if (off != end)
        return RK_ERR_P25_BODY_TRAILING;
    /*@ assert items + n * il == end; */
    mk_fill(buf, b, m, has_mi, items, key_len, n);
    /*@ assert m->items_off + m->n_keys * m->item_len == end; */
    return RK_OK;
}

void rk_p25_item_get(const uint8_t *buf, size_t len, const rk_p25_mk *m, size_t idx, rk_p25_item *it)
{
    (void)len;
    /*@ assert idx * m->item_len + m->item_len <= m->n_keys * m->item_len; */
    size_t off = m->items_off + idx * m->item_len;
    it->key_format = buf[off];
    it->sln = get16(buf + off + 1);
    it->key_id = get16(buf + off + 3);
    it->data_off = off + RK_P25_ITEM_FIXED_BYTES;
}

int rk_p25_mn_newer(uint16_t mn, uint8_t has_last, uint16_t last)
{
    return (has_last == 0 || mn > last) ? 1 : 0;
}

/* ---- encoder: a saturating cursor.  Every put either fits and advances
 * pos, or sets bad and writes nothing; pos <= cap always holds. ---- */
typedef struct {
    uint8_t *buf;
    size_t cap;
    size_t pos;
    int bad;
} cursor;

/*@ predicate cur_ok(cursor *c) =
        \valid(c) && c->pos <= c->cap && \valid(c->buf + (0 .. c->cap - 1)) &&
        \separated(c, c->buf + (0 .. c->cap - 1)); */

/*@ requires cur_ok(c);
    assigns c->pos, c->bad, c->buf[0 .. c->cap - 1];
    ensures cur_ok(c);
    ensures c->pos >= \old(c->pos); */
static void put8(cursor *c, uint8_t v)
{
    if (c->cap - c->pos < 1) {
        c->bad = 1;
        return;
    }
    c->buf[c->pos] = v;
    c->pos++;
}

/*@ requires cur_ok(c);
    requires v <= 65535;
    assigns c->pos, c->bad, c->buf[0 .. c->cap - 1];
    ensures cur_ok(c); */
static void put16(cursor *c, uint32_t v)
{
    put8(c, (uint8_t)(v / 256u));
    put8(c, (uint8_t)(v % 256u));
}

/*@ requires cur_ok(c);
    requires v <= 0xffffff;
    assigns c->pos, c->bad, c->buf[0 .. c->cap - 1];
    ensures cur_ok(c); */
static void put24(cursor *c, uint32_t v)
{
    put8(c, (uint8_t)(v / 65536u));
    put16(c, v % 65536u);
}

/*@ requires cur_ok(c);
    requires src == \null || \valid_read(src + (0 .. n - 1));
    requires src == \null || \separated(c, src + (0 .. n - 1));
    requires src == \null || \separated(c->buf + (0 .. c->cap - 1), src + (0 .. n - 1));
    assigns c->pos, c->bad, c->buf[0 .. c->cap - 1];
    ensures cur_ok(c); */
static void putn(cursor *c, const uint8_t *src, size_t n)
{
    if (c->cap - c->pos < n) {
        c->bad = 1;
        return;
    }
    /*@ loop invariant 0 <= i <= n;
        loop invariant c->pos == \at(c->pos, LoopEntry);
        loop invariant cur_ok(c);
        loop assigns i, c->buf[0 .. c->cap - 1];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        c->buf[c->pos + i] = src != NULL ? src[i] : 0u;
    c->pos += n;
}

/*@ requires \valid(p + (0 .. n - 1));
    assigns p[0 .. n - 1];
    ensures \forall integer i; 0 <= i < n ==> p[i] == 0; */
static void zero(uint8_t *p, size_t n)
{
    /*@ loop invariant 0 <= i <= n;
        loop invariant \forall integer j; 0 <= j < i ==> p[j] == 0;
        loop assigns i, p[0 .. n - 1];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        p[i] = 0;
}

/* Cursor facts every encoder helper keeps: same buffer, same capacity. */
/*@ predicate cur_same{L1, L2}(cursor *c) =
        \at(c->buf, L1) == \at(c->buf, L2) && \at(c->cap, L1) == \at(c->cap, L2); */

/* Header, message number and Modify Key fixed fields. */
/*@ requires cur_ok(c);
    requires \valid_read(p);
    requires p->mi == \null || \valid_read(p->mi + (0 .. 8));
    requires p->mi == \null || \separated(c, p->mi + (0 .. 8));
    requires p->mi == \null || \separated(c->buf + (0 .. c->cap - 1), p->mi + (0 .. 8));
    requires \separated(c, p);
    requires p->dst_rsi <= 0xffffff && p->src_rsi <= 0xffffff;
    requires p->response_kind <= 2 && p->has_mn <= 1;
    requires 3 <= total <= RK_P25_KMM_MAX_BYTES && n_items <= 255;
    assigns c->pos, c->bad, c->buf[0 .. c->cap - 1];
    ensures cur_ok(c) && cur_same{Pre, Post}(c); */
static void enc_head(cursor *c, const rk_p25_mk_params *p, size_t total, size_t n_items, int mac)
{
    /* format: response kind b7-6, MN flag '10' b5-4, MAC type b3-2, done 0;
     * computed from *p before any write through the cursor */
    uint32_t rk = p->response_kind, mnf = p->has_mn;
    /*@ assert rk <= 2 && mnf <= 1; */
    uint32_t fmt = rk * 64u + mnf * 32u + (mac ? 8u : 0u);
    /*@ assert fmt <= 168; */
    put8(c, RK_P25_MID_MODIFY_KEY);
    /*@ assert total - 3 <= 4093; */
    put16(c, (uint32_t)(total - 3));
    put8(c, (uint8_t)fmt);
    put24(c, p->dst_rsi);
    put24(c, p->src_rsi);
    if (p->has_mn != 0)
        put16(c, p->mn);
    put8(c, p->mi != NULL ? RK_P25_DIF_MI : RK_P25_DIF_NONE);
    put8(c, p->kek_algid);
    put16(c, p->kek_key_id);
    if (p->mi != NULL)
        putn(c, p->mi, RK_P25_MI_BYTES);
    put8(c, p->keyset_id);
    put8(c, p->keyset_algid);
    put8(c, p->key_len);
    put8(c, (uint8_t)n_items);
}

/* One key item. */
/*@ requires cur_ok(c);
    requires \valid_read(it);
    requires \separated(c, it);
    requires it->data == \null || \valid_read(it->data + (0 .. key_len - 1));
    requires it->data == \null || \separated(c, it->data + (0 .. key_len - 1));
    requires it->data == \null || \separated(c->buf + (0 .. c->cap - 1), it->data + (0 .. key_len - 1));
    assigns c->pos, c->bad, c->buf[0 .. c->cap - 1];
    ensures cur_ok(c) && cur_same{Pre, Post}(c); */
static void enc_item(cursor *c, const rk_p25_item_in *it, size_t key_len)
{
    put8(c, it->key_format);
    put16(c, it->sln);
    put16(c, it->key_id);
    putn(c, it->data, key_len);
}

/* The AES MAC trailer with zero MAC octets (rk_p25_mac_apply fills them). */
/*@ requires cur_ok(c);
    requires \valid_read(p);
    requires \separated(c, p);
    assigns c->pos, c->bad, c->buf[0 .. c->cap - 1];
    ensures cur_ok(c) && cur_same{Pre, Post}(c); */
static void enc_trailer(cursor *c, const rk_p25_mk_params *p)
{
    putn(c, NULL, RK_P25_MAC_BYTES);
    put8(c, RK_P25_MAC_BYTES);
    put8(c, p->kek_algid);
    put16(c, p->kek_key_id);
    put8(c, p->mac_format);
}

rk_status rk_p25_mk_encode(const rk_p25_mk_params *p, const rk_p25_item_in *items, size_t n_items,
                           uint8_t *out, size_t cap, size_t *out_len)
{
    *out_len = 0;
    int mac = p->mac_format != 0;
    if (p->dst_rsi > RK_P25_RSI_MAX || p->src_rsi > RK_P25_RSI_MAX || p->response_kind > 2 ||
        p->has_mn > 1 || p->key_len == 0 || n_items == 0 || n_items > 255 ||
        (mac && p->mac_format != RK_P25_MAC_FORMAT_CBC && p->mac_format != RK_P25_MAC_FORMAT_CMAC)) {
        zero(out, cap);
        return RK_ERR_P25_PARAM;
    }
    size_t il = RK_P25_ITEM_FIXED_BYTES + (size_t)p->key_len;
    size_t total = RK_P25_HEADER_BYTES + RK_P25_MN_BYTES * (size_t)p->has_mn + RK_P25_MK_FIXED_BYTES +
                   (p->mi != NULL ? (size_t)RK_P25_MI_BYTES : 0u) + (mac ? (size_t)RK_P25_TRAILER_BYTES : 0u);
    /* sum the items by addition (no products for the provers) */
    /*@ loop invariant 0 <= i <= n_items;
        loop invariant 18 <= total <= 42 + i * 260;
        loop assigns i, total;
        loop variant n_items - i; */
    for (size_t i = 0; i < n_items; i++) {
        if (items[i].key_format % 32 != 0) {
            zero(out, cap);
            return RK_ERR_P25_PARAM;
        }
        total += il;
    }
    if (total > RK_P25_KMM_MAX_BYTES) {
        zero(out, cap);
        return RK_ERR_P25_PARAM;
    }
    cursor c;
    c.buf = out;
    c.cap = cap;
    c.pos = 0;
    c.bad = 0;
    enc_head(&c, p, total, n_items, mac);
    /*@ loop invariant 0 <= i <= n_items;
        loop invariant cur_ok(&c) && c.buf == out && c.cap == cap;
        loop assigns i, c.pos, c.bad, out[0 .. cap - 1];
        loop variant n_items - i; */
    for (size_t i = 0; i < n_items; i++)
        enc_item(&c, &items[i], p->key_len);
    if (mac)
        enc_trailer(&c, p);
    if (c.bad != 0 || c.pos != total) {
        zero(out, cap);
        return RK_ERR_BUFFER;
    }
    /*@ assert total <= cap; */
    *out_len = total;
    return RK_OK;
}
