/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz the KMM frame and Modify Key body parsers (rootkey/p25.h).
 *
 * Input: a frame.  Properties checked (abort on violation):
 *  - frame parse error: every view field is zero;
 *  - frame parse OK: the views tile the buffer (header, MN, body, trailer)
 *    and the MAC trailer octets agree with the fields;
 *  - body parse error: the body view is zero; OK: every key item lies inside
 *    the body and re-encoding the parsed fields gives back the same octets
 *    (for frames without MI, the encoder and parser are inverse).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rootkey/p25.h"

static uint8_t again[RK_P25_KMM_MAX_BYTES + 16];
static rk_p25_item_in items[255];

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
    }
    return 0;
}
