/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz the KMM frame and Modify Key body parsers (rootkey/p25.h).
 *
 * Input: a frame.  Properties checked (abort on violation):
 *  - frame parse error: every view field is zero;
 *  - frame parse OK: the views tile the buffer (header, MN, body, trailer)
 *    and the MAC trailer octets agree with the fields;
 *  - body parse error: the body view is zero; OK: every key item lies inside
 *    the body and re-encoding the parsed fields gives back the same octets
 *    (for frames without MI, the encoder and parser are inverse);
 *  - after a round trip, the same parameters with one field made invalid
 *    (tweaks below) are refused with RK_ERR_P25_PARAM or, for a buffer one
 *    octet short, RK_ERR_BUFFER, and the output is zero; with an MI added
 *    the frame grows by the MI and the MI is in it; rk_p25_mn_newer orders
 *    the frame's MN.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rootkey/p25.h"

static uint8_t again[RK_P25_KMM_MAX_BYTES + 16];
static rk_p25_item_in items[256];
static const uint8_t MI[RK_P25_MI_BYTES] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };

static int all_zero(const uint8_t *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (b[i]) return 0;
    return 1;
}

static int has_mi(const uint8_t *b, size_t n)
{
    for (size_t i = 0; i + sizeof MI <= n; i++)
        if (memcmp(b + i, MI, sizeof MI) == 0) return 1;
    return 0;
}

/* p encodes the n items into size octets: every tweak is refused, and
 * nothing is left in the output */
static void tweaks(const rk_p25_mk_params *p0, size_t n, size_t size)
{
    for (int t = 0; t < 11; t++) {
        rk_p25_mk_params p = *p0;
        size_t nn = n, cap = sizeof again, len = 1;
        rk_status want = RK_ERR_P25_PARAM;
        for (size_t i = n; i < 256; i++) items[i].key_format = 0;
        switch (t) {
        case 0: p.dst_rsi = RK_P25_RSI_MAX + 1; break;
        case 1: p.src_rsi = RK_P25_RSI_MAX + 1; break;
        case 2: p.response_kind = 3; break;
        case 3: p.has_mn = 2; break;
        case 4: p.key_len = 0; break;
        case 5: nn = 0; break;
        case 6: nn = 256; break;
        case 7: p.mac_format = 0x42; break;
        case 8: items[n - 1].key_format ^= 1; break;
        case 9: nn = 255; p.key_len = 255; break;            /* 255 * 260 octets: over the bound */
        default: cap = size - 1; want = RK_ERR_BUFFER; break;
        }
        memset(again, 0xa5, sizeof again);
        if (rk_p25_mk_encode(&p, items, nn, again, cap, &len) != want || len != 0 || !all_zero(again, cap))
            abort();
        if (t == 8) items[n - 1].key_format ^= 1;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rk_p25_kmm k;
    rk_p25_mk m;
    memset(&k, 0xa5, sizeof k);
    rk_status st = rk_p25_kmm_parse(data, size, &k);
    if (st != RK_OK) {
        if (k.total_len || k.body_off || k.body_len || k.mac_off || k.dst_rsi || k.src_rsi || k.mn ||
            k.message_length || k.mac_key_id || k.message_id || k.has_mn || k.mac_type || k.mac_format)
            abort();
        if (st > -1100 || st < -1110) abort();
        return 0;
    }
    size_t tr = k.mac_type == RK_P25_MAC_TYPE_AES ? RK_P25_TRAILER_BYTES : 0;
    if (k.total_len != size || k.body_off != 10u + 2u * k.has_mn || k.body_off + k.body_len + tr != size) abort();
    if (tr && (k.mac_off != size - 13 || data[size - 5] != 8 || data[size - 1] != k.mac_format)) abort();
    memset(&m, 0xa5, sizeof m);
    st = rk_p25_mk_parse(data, size, &k, &m);
    if (st != RK_OK) {
        if (m.n_keys || m.key_len || m.item_len || m.items_off || m.mi_off || m.has_mi) abort();
        if (st > -1118 || st < -1124) abort();
        return 0;
    }
    if (m.items_off + (size_t)m.n_keys * m.item_len != k.body_off + k.body_len) abort();
    for (size_t i = 0; i < m.n_keys; i++) {
        rk_p25_item it;
        rk_p25_item_get(data, size, &m, i, &it);
        if (it.data_off + m.key_len > k.body_off + k.body_len) abort();
        items[i].data = data + it.data_off;
        items[i].sln = it.sln;
        items[i].key_id = it.key_id;
        items[i].key_format = it.key_format;
    }
    /* round trip through the encoder (it writes done = 0, reserved = 0, and
     * the trailer's ALGID/key ID from the DIF: compare only when they agree) */
    if (k.done == 0 && k.message_id == RK_P25_MID_MODIFY_KEY &&
        (tr == 0 || (k.mac_algid == m.kek_algid && k.mac_key_id == m.kek_key_id))) {
        rk_p25_mk_params p;
        size_t len = 0;
        memset(&p, 0, sizeof p);
        p.mi = m.has_mi ? data + m.mi_off : NULL;
        p.dst_rsi = k.dst_rsi;
        p.src_rsi = k.src_rsi;
        p.mn = k.mn;
        p.kek_key_id = m.kek_key_id;
        p.has_mn = k.has_mn;
        p.response_kind = k.response_kind;
        p.mac_format = tr ? k.mac_format : 0;
        p.kek_algid = m.kek_algid;
        p.keyset_id = m.keyset_id;
        p.keyset_algid = m.keyset_algid;
        p.key_len = m.key_len;
        if (rk_p25_mk_encode(&p, items, m.n_keys, again, sizeof again, &len) != RK_OK) abort();
        if (len != size) abort();
        /* MAC octets are zero in the encoder's output */
        if (memcmp(again, data, tr ? size - 13 : size) != 0) abort();
        if (tr && memcmp(again + size - 5, data + size - 5, 5) != 0) abort();
        tweaks(&p, m.n_keys, size);
        if (p.mi == NULL && size + RK_P25_MI_BYTES <= RK_P25_KMM_MAX_BYTES) {
            p.mi = MI;
            if (rk_p25_mk_encode(&p, items, m.n_keys, again, sizeof again, &len) != RK_OK ||
                len != size + RK_P25_MI_BYTES || !has_mi(again, len))
                abort();
        }
    }
    if (k.has_mn && (rk_p25_mn_newer(k.mn, 0, k.mn) != 1 || rk_p25_mn_newer(k.mn, 1, k.mn) != 0 ||
                     rk_p25_mn_newer(k.mn, 1, (uint16_t)(k.mn - 1)) != (k.mn > 0)))
        abort();
    return 0;
}
