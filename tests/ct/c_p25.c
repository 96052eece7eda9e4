/* SPDX-License-Identifier: Apache-2.0 */
/* Constant-time checks of p25: the UKEK, derived MAC keys and TEKs are
 * secret; frames (including wrapped keys and MACs), lengths, IDs and the
 * returned status are public (the status is declassified with CT_USE, as a
 * caller would, and the MAC and unwrap decisions inside are the documented
 * RK_CT_PUBLIC points). */
#include "ct_harness.h"
#include "rootkey/p25.h"

static uint8_t frame[512];

static size_t make_frame(const uint8_t *ukek, size_t ukek_len, uint8_t mac_format)
{
    rk_p25_tek t[2];
    rk_p25_mk_params p;
    size_t len = 0;
    memset(t, 0, sizeof t);
    memset(&p, 0, sizeof p);
    for (int i = 0; i < 2; i++) {
        ct_fill(t[i].key, 32, (uint32_t)(50 + i));
        CT_SECRET(t[i].key, 32);
        t[i].key_len = 32;
        t[i].key_id = (uint16_t)(0x1001 + i);
    }
    p.dst_rsi = 0x00abcd;
    p.src_rsi = 0x98967f;
    p.mn = 7;
    p.has_mn = 1;
    p.kek_key_id = 0x2f62;
    p.mac_format = mac_format;
    p.kek_algid = ukek_len == 32 ? RK_P25_ALGID_AES256 : RK_P25_ALGID_AES128;
    p.keyset_id = 1;
    p.keyset_algid = RK_P25_ALGID_AES256;
    p.key_len = 40;
    rk_status s = rk_p25_build(ukek, ukek_len, &p, t, 2, frame, sizeof frame, &len);
    CT_USE(s);
    CT_USE(len);
    CT_USE_BUF(frame, len); /* the frame is sent in the clear */
    return len;
}

static void mac_forms(void)
{
    uint8_t k[32], mac[8], mk[32];
    ct_fill(k, 32, 41);
    CT_SECRET(k, 32);
    for (int f = 0; f < 2; f++) {
        size_t len = make_frame(k, 32, f ? RK_P25_MAC_FORMAT_CBC : RK_P25_MAC_FORMAT_CMAC);
        rk_p25_kmm km;
        rk_status s = rk_p25_kmm_parse(frame, len, &km);
        CT_USE(s);
        s = rk_p25_mac_compute(k, 32, frame, len, &km, mac);
        CT_USE(s);
        CT_USE_BUF(mac, 8);
        s = rk_p25_mac_verify(k, 32, frame, len, &km);
        CT_USE(s);
        frame[len - 13] ^= 1; /* failing MAC: same path */
        s = rk_p25_mac_verify(k, 32, frame, len, &km);
        CT_USE(s);
    }
    rk_status s = rk_p25_mac_key_cmac(k, 32, frame, 12, mk);
    CT_USE(s);
    CT_USE_BUF(mk, 32);
}

static void tek_unwrap(void)
{
    uint8_t k[32], tek[32], w[40], out[32];
    size_t wl = 0, ol = 0;
    ct_fill(k, 32, 61);
    ct_fill(tek, 32, 62);
    CT_SECRET(k, 32);
    CT_SECRET(tek, 32);
    for (size_t kl = 16; kl <= 32; kl += 16) {
        rk_status s = rk_p25_tek_wrap(k, kl, tek, 32, w, sizeof w, &wl);
        CT_USE(s);
        CT_USE_BUF(w, sizeof w);
        s = rk_p25_tek_unwrap(k, kl, w, 40, out, sizeof out, &ol);
        CT_USE(s);
        CT_USE_BUF(out, sizeof out);
        w[9] ^= 1;
        s = rk_p25_tek_unwrap(k, kl, w, 40, out, sizeof out, &ol);
        CT_USE(s);
        CT_USE_BUF(out, sizeof out);
    }
}

static void receive(void)
{
    uint8_t k[32];
    static const uint8_t allowed[] = { RK_P25_ALGID_AES256 };
    rk_p25_tek t[2];
    size_t n = 0;
    uint16_t mn = 0;
    ct_fill(k, 32, 71);
    CT_SECRET(k, 32);
    size_t len = make_frame(k, 32, RK_P25_MAC_FORMAT_CMAC);
    rk_p25_rx rx;
    memset(&rx, 0, sizeof rx);
    rx.ukek = k;
    rx.ukek_len = 32;
    rx.algids = allowed;
    rx.n_algids = 1;
    rx.my_rsi = 0x00abcd;
    rx.src_rsi = 0x98967f;
    rx.ukek_key_id = 0x2f62;
    rk_status s = rk_p25_receive(&rx, frame, len, t, 2, &n, &mn);
    CT_USE(s);
    CT_USE_BUF(t, sizeof t);
    frame[40] ^= 1; /* MAC failure */
    s = rk_p25_receive(&rx, frame, len, t, 2, &n, &mn);
    CT_USE(s);
    CT_USE_BUF(t, sizeof t);
}

static void tetra(void)
{
    uint8_t k[32], blob[40], w[48], out[48];
    size_t wl = 0, ol = 0;
    ct_fill(k, 32, 81);
    ct_fill(blob, 40, 82);
    CT_SECRET(k, 32);
    CT_SECRET(blob, 40);
    rk_status s = rk_p25_tek_wrap(k, 32, blob, 32, w, sizeof w, &wl);
    CT_USE(s);
    CT_USE_BUF(w, sizeof w);
    s = rk_tetra_unwrap(k, 32, 0, w, 40, out, sizeof out, &ol);
    CT_USE(s);
    CT_USE_BUF(out, sizeof out);
}

RK_CT_CHECKS(p25) = {
    { "mac_forms", mac_forms },
    { "tek_unwrap", tek_unwrap },
    { "receive", receive },
    { "tetra_unwrap", tetra },
    { 0, 0 }
};
