/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz rk_p25_receive with fixed keys (rootkey/p25.h).
 *
 * Input byte 0 selects the mode:
 *  - bit 0 clear: the rest is a frame, received as is; any result is allowed
 *    but on error every output must be zero, and on success every TEK must
 *    re-wrap to the frame's key data (the MAC and AES-KW checks passed);
 *  - bit 0 set: bytes 1..4 choose a bit to flip and the message number, the
 *    rest are TEK octets; a valid frame is built with rk_p25_build, one bit
 *    (or none) is flipped, and the frame must be accepted exactly when
 *    nothing was flipped, returning the TEKs;
 *  - bits 0 and 6 set (structure-aware): the valid frame's octet that byte 1
 *    names (0x00-0x7f: an octet before the MAC, mod its length; 0x80-0xff:
 *    one of the five trailer octets after it, the MAC's ALGID, key ID and
 *    format) is XORed with byte 2 (0: left as it is) and the frame is MACed
 *    again under the root key, so that the mutated field reaches the checks
 *    after the MAC (algorithm, key ID, message ID, addresses, MN, MI, key
 *    lengths, key format, the unwrap).  In this mode bit 7 builds the frame
 *    without MN, the top bit of byte 3 with an MI, and up to 9 TEKs are sent
 *    (one more than the receiver takes).  Any result is allowed, but on
 *    error every output is zero and on success the TEKs are the ones sent.
 * In both built modes rk_p25_build is also given the same parameters with
 * one thing wrong (builder_refusals): it must refuse with that check's code
 * and leave the output zero.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rootkey/p25.h"

static const uint8_t UK[32] = { 0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a,
                                0x4b, 0x4c, 0x4d, 0x4e, 0x4f, 0x50, 0x51, 0x52, 0x53, 0x54, 0x55,
                                0x56, 0x57, 0x58, 0x59, 0x5a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f };
static const uint8_t ALLOWED[] = { RK_P25_ALGID_AES256, RK_P25_ALGID_AES128 };
static uint8_t frame[RK_P25_KMM_MAX_BYTES];

static int teks_zero(const rk_p25_tek *t, size_t n)
{
    const uint8_t *p = (const uint8_t *)t;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < RK_P25_TEK_MAX_BYTES; j++) if (t[i].key[j]) return 0;
        if (t[i].key_id || t[i].sln || t[i].key_len || t[i].algid || t[i].keyset_id || t[i].key_format) return 0;
    }
    (void)p;
    return 1;
}

static uint8_t bad[RK_P25_KMM_MAX_BYTES];

/* rk_p25_build's refusals on the parameters of a valid frame of len octets */
static void builder_refusals(const rk_p25_mk_params *p0, rk_p25_tek *in, size_t nk, size_t len)
{
    for (int c = 0; c < 5; c++) {
        rk_p25_mk_params p = *p0;
        size_t ul = 32, cap = sizeof bad, ol = 1;
        rk_status want;
        switch (c) {
        case 0: ul = 24; want = RK_ERR_P25_UKEK_LENGTH; break;
        case 1: p.kek_algid = RK_P25_ALGID_AES128; want = RK_ERR_P25_PARAM; break;
        case 2: p.key_len = (uint8_t)(p.key_len + 1); want = RK_ERR_P25_PARAM; break;
        case 3: in[nk - 1].key_len ^= 48; want = RK_ERR_P25_TEK_LENGTH; break;   /* 16 <-> 32 */
        default: cap = len - 1; want = RK_ERR_BUFFER; break;
        }
        memset(bad, 0xa5, sizeof bad);
        if (rk_p25_build(UK, ul, &p, in, nk, bad, cap, &ol) != want || ol != 0) abort();
        for (size_t i = 0; i < cap; i++)
            if (bad[i]) abort();
        if (c == 3) in[nk - 1].key_len ^= 48;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rk_p25_tek t[8];
    size_t n = 77;
    uint16_t mn = 77;
    rk_p25_rx rx;
    memset(&rx, 0, sizeof rx);
    rx.ukek = UK;
    rx.ukek_len = 32;
    rx.algids = ALLOWED;
    rx.n_algids = 2;
    rx.my_rsi = 0x00abcd;
    rx.src_rsi = 0x98967f;
    rx.ukek_key_id = 0x2f62;
    rx.has_last_mn = 1;
    rx.last_mn = 5;
    if (size < 1) return 0;
    memset(t, 0xa5, sizeof t);
    if ((data[0] & 1) == 0) {
        rk_status st = rk_p25_receive(&rx, data + 1, size - 1, t, 8, &n, &mn);
        if (st != RK_OK) {
            if (n != 0 || mn != 0 || !teks_zero(t, 8)) abort();
        } else if (n < 1 || n > 8 || mn <= 5) {
            abort();
        }
        return 0;
    }
    if (size < 5) return 0;
    size_t tl = (data[0] & 2) ? 32 : 16;
    size_t nk = (size - 5) / tl;
    int remac = (data[0] & 0x40) != 0;
    if (nk < 1) return 0;
    if (nk > 8 + (size_t)remac) nk = 8 + (size_t)remac;
    rk_p25_tek in[9];
    memset(in, 0, sizeof in);
    for (size_t i = 0; i < nk; i++) {
        memcpy(in[i].key, data + 5 + i * tl, tl);
        in[i].key_len = (uint8_t)tl;
        in[i].key_id = (uint16_t)(i + 1);
        in[i].sln = (uint16_t)(i + 100);
    }
    rk_p25_mk_params p;
    memset(&p, 0, sizeof p);
    p.dst_rsi = 0x00abcd;
    p.src_rsi = 0x98967f;
    p.mn = (uint16_t)(data[3] * 256 + data[4]);
    p.has_mn = 1;
    p.kek_key_id = 0x2f62;
    p.response_kind = (uint8_t)((data[0] >> 2) % 3);
    p.mac_format = (data[0] & 0x20) ? RK_P25_MAC_FORMAT_CBC : RK_P25_MAC_FORMAT_CMAC;
    p.kek_algid = RK_P25_ALGID_AES256;
    p.keyset_id = 3;
    p.keyset_algid = tl == 32 ? RK_P25_ALGID_AES256 : RK_P25_ALGID_AES128;
    p.key_len = (uint8_t)(tl + 8);
    if (remac) {
        static const uint8_t MI[9] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
        p.has_mn = (uint8_t)!(data[0] & 0x80);
        p.mi = (data[3] & 0x80) ? MI : NULL;
    }
    size_t len = 0;
    if (rk_p25_build(UK, 32, &p, in, nk, frame, sizeof frame, &len) != RK_OK) abort();
    builder_refusals(&p, in, nk, len);
    if (remac) {
        size_t pos = data[1] & 0x80 ? len - 5 + (size_t)(data[1] & 0x7f) % 5 : (size_t)data[1] % (len - 13);
        frame[pos] ^= data[2];
        rk_status ma = rk_p25_mac_apply(UK, 32, frame, len);   /* refused when the frame no longer parses */
        (void)ma;
        rk_status st = rk_p25_receive(&rx, frame, len, t, 8, &n, &mn);
        if (st != RK_OK) {
            if (n != 0 || mn != 0 || !teks_zero(t, 8)) abort();
            return 0;
        }
        if (n != nk || mn <= 5) abort();
        for (size_t i = 0; i < nk; i++)
            if (t[i].key_len != tl || memcmp(t[i].key, in[i].key, tl) != 0) abort();
        return 0;
    }
    size_t bit = (size_t)(data[1] * 256 + data[2]) % (8 * len + 1);
    if (bit < 8 * len) frame[bit / 8] ^= (uint8_t)(1u << (bit % 8));
    rk_status st = rk_p25_receive(&rx, frame, len, t, 8, &n, &mn);
    int expect_ok = bit == 8 * len && p.mn > 5;
    if ((st == RK_OK) != expect_ok) abort();
    if (st != RK_OK) {
        if (n != 0 || mn != 0 || !teks_zero(t, 8)) abort();
        return 0;
    }
    if (n != nk || mn != p.mn) abort();
    for (size_t i = 0; i < nk; i++)
        if (t[i].key_len != tl || memcmp(t[i].key, in[i].key, tl) != 0 || t[i].key_id != in[i].key_id ||
            t[i].sln != in[i].sln || t[i].keyset_id != 3)
            abort();
    return 0;
}
