/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz the client shim's receive path for LMR key messages after the root
 * key (shims/client/lmrkey.c, included whole: it uses no heap, no I/O and no
 * libsodium), with fixed root keys: a P25 entry (UKEK, key ID 2F62, RSI
 * 00ABCD, two replay slots in use) and a TETRA entry (16-octet KEK).
 *
 * Input byte 0:
 *  - bit 0 clear: the rest is a transport-form message (LMR type || payload)
 *    given to the entry of its type; on refusal the result must be all zero
 *    and the entry unchanged; on acceptance (P25) the source's slot holds the
 *    returned number, which was newer than the stored one, and nothing else
 *    in the entry changed;
 *  - bit 0 set: bytes 1..4 choose a bit to flip and the message number, the
 *    rest are TEK octets; a valid message is built with rk_p25_build, one bit
 *    (or none) flipped: accepted exactly when nothing was flipped and the
 *    number is newer, TEKs returned; the same message again is a replay.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../shims/client/lmrkey.c"
#include "rootkey/kw.h"

static const uint8_t UK[32] = { 0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a,
                                0x4b, 0x4c, 0x4d, 0x4e, 0x4f, 0x50, 0x51, 0x52, 0x53, 0x54, 0x55,
                                0x56, 0x57, 0x58, 0x59, 0x5a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f };
static const uint8_t KEK16[16] = { 0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67,
                                   0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f };
#define SRC_RSI 0x98967fu
static uint8_t msg[RK_LMRKEY_MAX_BYTES];
static rk_lmrkey_result res;

static void entries(rk_ks_entry *p, rk_ks_entry *t)
{
    rk_lmr_block b;
    memset(&b, 0, sizeof b);
    b.lmr_type = RK_LMR_P25; b.wacn = 0xBEE00; b.system_id = 0x3a1; b.unit_id = 0x00abcd;
    b.algid = RK_P25_ALGID_AES256; b.key_id = 0x2f62; b.keyset_id = 255;
    memset(p, 0, sizeof *p);
    p->key_id = 1; p->lmr_type = RK_LMR_P25; p->key_len = 32;
    memcpy(p->key, UK, 32);
    p->activation = 1000; p->expiry = 0;
    rk_lmrkey_meta_set(p, &b);
    p->replay[0].used = 1; p->replay[0].src_rsi = SRC_RSI; p->replay[0].last_mn = 5;
    p->replay[1].used = 1; p->replay[1].src_rsi = 42; p->replay[1].last_mn = 0xfff0;
    memset(&b, 0, sizeof b);
    b.lmr_type = RK_LMR_TETRA; b.mcc = 901; b.mnc = 1; b.issi = 7;
    memset(t, 0, sizeof *t);
    t->key_id = 2; t->lmr_type = RK_LMR_TETRA; t->key_len = 16;
    memcpy(t->key, KEK16, 16);
    rk_lmrkey_meta_set(t, &b);
}

static int zero(const void *p, size_t n)
{
    const uint8_t *q = p;
    for (size_t i = 0; i < n; i++) if (q[i]) return 0;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rk_ks_entry pe, te, pe0, te0;
    const int64_t now = 2000;
    entries(&pe, &te);
    pe0 = pe; te0 = te;
    if (size < 1) return 0;
    if ((data[0] & 1) == 0) {
        uint8_t type = 0;
        const uint8_t *pl = NULL;
        size_t plen = 0;
        rk_status st = rk_lmrkey_split(data + 1, size - 1, &type, &pl, &plen);
        if (st != RK_OK) { if (type || pl || plen) abort(); return 0; }
        memset(&res, 0xa5, sizeof res);
        if (type == RK_LMR_P25) {
            st = rk_lmrkey_p25_entry(&pe, pl, plen, now, &res);
            if (st != RK_OK) {
                if (!zero(&res, sizeof res) || memcmp(&pe, &pe0, sizeof pe) != 0) abort();
                return 0;
            }
            size_t s;
            for (s = 0; s < RK_KS_REPLAY_SLOTS; s++)
                if (pe.replay[s].used && pe.replay[s].src_rsi == res.src_rsi) break;
            if (s == RK_KS_REPLAY_SLOTS || pe.replay[s].last_mn != res.mn || res.n_teks < 1 ||
                res.dst_rsi != 0x00abcd || pe.replay[s].last_time != (uint64_t)now)
                abort();
            if (pe0.replay[s].used && res.mn <= pe0.replay[s].last_mn) abort();
            pe0.replay[s] = pe.replay[s];
            if (memcmp(&pe, &pe0, sizeof pe) != 0) abort();
            /* the same frame again: a replay, nothing changes */
            st = rk_lmrkey_p25_entry(&pe, pl, plen, now, &res);
            if (st != RK_ERR_P25_REPLAY || !zero(&res, sizeof res) || memcmp(&pe, &pe0, sizeof pe) != 0) abort();
        } else {
            st = rk_lmrkey_tetra_entry(&te, pl, plen, now, &res);
            if (memcmp(&te, &te0, sizeof te) != 0) abort();
            if (st != RK_OK) { if (!zero(&res, sizeof res)) abort(); return 0; }
            uint8_t w[RK_LMRKEY_TETRA_MAX + 16];
            size_t wl = 0;
            st = res.tetra_mode == RK_LMRKEY_KWP ? rk_kwp_wrap(KEK16, 16, res.blob, res.blob_len, w, sizeof w, &wl)
                                                 : rk_kw_wrap(KEK16, 16, res.blob, res.blob_len, w, sizeof w, &wl);
            /* KW is deterministic, so the blob re-wraps to the payload */
            if (st != RK_OK || wl != plen - 1 || memcmp(w, pl + 1, wl) != 0) abort();
        }
        return 0;
    }
    if (size < 5) return 0;
    size_t tl = (data[0] & 2) ? 32 : 16;
    size_t nk = (size - 5) / tl;
    if (nk < 1) return 0;
    if (nk > RK_LMRKEY_MAX_TEKS) nk = RK_LMRKEY_MAX_TEKS;
    rk_p25_tek in[RK_LMRKEY_MAX_TEKS];
    memset(in, 0, sizeof in);
    for (size_t i = 0; i < nk; i++) {
        memcpy(in[i].key, data + 5 + i * tl, tl);
        in[i].key_len = (uint8_t)tl;
        in[i].algid = tl == 32 ? RK_P25_ALGID_AES256 : RK_P25_ALGID_AES128;
        in[i].keyset_id = 3;
        in[i].key_id = (uint16_t)(i + 1);
        in[i].sln = (uint16_t)(i + 100);
    }
    rk_p25_mk_params p;
    memset(&p, 0, sizeof p);
    p.dst_rsi = 0x00abcd;
    p.src_rsi = (data[0] & 4) ? SRC_RSI : 77;       /* a stored source, or a new one */
    p.mn = (uint16_t)(data[3] * 256 + data[4]);
    p.has_mn = 1;
    p.kek_key_id = 0x2f62;
    p.mac_format = (data[0] & 0x20) ? RK_P25_MAC_FORMAT_CBC : RK_P25_MAC_FORMAT_CMAC;
    p.kek_algid = RK_P25_ALGID_AES256;
    p.keyset_id = 3;
    p.keyset_algid = in[0].algid;
    p.key_len = (uint8_t)(tl + 8);
    size_t len = 0;
    msg[0] = RK_LMR_P25;
    if (rk_p25_build(UK, 32, &p, in, nk, msg + 1, sizeof msg - 1, &len) != RK_OK) abort();
    len += 1;
    size_t bit = (size_t)(data[1] * 256 + data[2]) % (8 * len + 1);
    if (bit < 8 * len) msg[bit / 8] ^= (uint8_t)(1u << (bit % 8));
    uint8_t type = 0;
    const uint8_t *pl = NULL;
    size_t plen = 0;
    memset(&res, 0xa5, sizeof res);
    rk_status st = rk_lmrkey_split(msg, len, &type, &pl, &plen);
    if (st != RK_OK) {                        /* the LMR type octet was flipped */
        if (bit >= 8) abort();
        return 0;
    }
    if (type == RK_LMR_P25) st = rk_lmrkey_p25_entry(&pe, pl, plen, now, &res);
    else st = rk_lmrkey_tetra_entry(&te, pl, plen, now, &res);
    int expect_ok = bit == 8 * len && (p.src_rsi != SRC_RSI || p.mn > 5);
    if ((st == RK_OK) != expect_ok) abort();
    if (st != RK_OK) {
        if (!zero(&res, sizeof res) || memcmp(&pe, &pe0, sizeof pe) != 0 || memcmp(&te, &te0, sizeof te) != 0) abort();
        return 0;
    }
    if (res.n_teks != nk || res.mn != p.mn) abort();
    for (size_t i = 0; i < nk; i++)
        if (res.teks[i].key_len != tl || memcmp(res.teks[i].key, in[i].key, tl) != 0 ||
            res.teks[i].key_id != in[i].key_id || res.teks[i].sln != in[i].sln || res.teks[i].keyset_id != 3)
            abort();
    if (rk_lmrkey_p25_entry(&pe, pl, plen, now, &res) != RK_ERR_P25_REPLAY) abort();
    return 0;
}
