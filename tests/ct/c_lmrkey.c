/* SPDX-License-Identifier: Apache-2.0 */
/* Constant-time checks of the client shim's receive path for LMR key
 * messages (shims/client/lmrkey.c, included whole: no heap, no I/O): the root
 * key in the store entry and the TEKs are secret; the message, the entry's
 * identifiers and replay state and the returned status are public.  Covers an
 * accepted message, a MAC failure, a TEK that fails its key-wrap check under
 * a valid MAC, and a TETRA blob. */
#include "ct_harness.h"
#include "../../shims/client/lmrkey.c"
#include "rootkey/kw.h"

static uint8_t msg[512];

static void entry(rk_ks_entry *e, uint8_t type, size_t klen, uint32_t seed)
{
    rk_lmr_block b;
    memset(&b, 0, sizeof b);
    b.lmr_type = type;
    b.unit_id = 0x00abcd; b.algid = RK_P25_ALGID_AES256; b.key_id = 0x2f62; b.keyset_id = 255;
    b.mcc = 901; b.mnc = 1; b.issi = 7;
    memset(e, 0, sizeof *e);
    e->key_id = 1; e->lmr_type = type; e->key_len = (uint8_t)klen;
    ct_fill(e->key, klen, seed);
    rk_lmrkey_meta_set(e, &b);
    CT_SECRET(e->key, klen);
}

static size_t p25_frame(const rk_ks_entry *e)
{
    rk_p25_tek t[2];
    rk_p25_mk_params p;
    size_t len = 0;
    memset(t, 0, sizeof t);
    memset(&p, 0, sizeof p);
    for (int i = 0; i < 2; i++) {
        ct_fill(t[i].key, 32, (uint32_t)(90 + i));
        CT_SECRET(t[i].key, 32);
        t[i].key_len = 32; t[i].algid = RK_P25_ALGID_AES256; t[i].keyset_id = 1;
        t[i].key_id = (uint16_t)(0x1001 + i);
    }
    p.dst_rsi = 0x00abcd; p.src_rsi = 0x98967f; p.mn = 7; p.has_mn = 1;
    p.kek_key_id = 0x2f62; p.mac_format = RK_P25_MAC_FORMAT_CMAC; p.kek_algid = RK_P25_ALGID_AES256;
    p.keyset_id = 1; p.keyset_algid = RK_P25_ALGID_AES256; p.key_len = 40;
    rk_status s = rk_p25_build(e->key, 32, &p, t, 2, msg, sizeof msg, &len);
    CT_USE(s);
    CT_USE(len);
    CT_USE_BUF(msg, len);        /* sent in the clear */
    return len;
}

static void p25_entry(void)
{
    static rk_ks_entry e;
    static rk_lmrkey_result r;
    entry(&e, RK_LMR_P25, 32, 101);
    size_t len = p25_frame(&e);
    rk_status s = rk_lmrkey_p25_entry(&e, msg, len, 2000, &r);
    CT_USE(s);
    CT_USE_BUF(&r, sizeof r);
    msg[len - 20] ^= 1;          /* MAC failure (replay state: a new number is needed anyway) */
    s = rk_lmrkey_p25_entry(&e, msg, len, 2000, &r);
    CT_USE(s);
    CT_USE_BUF(&r, sizeof r);
}

static void p25_entry_icv(void)
{
    static rk_ks_entry e;
    static rk_lmrkey_result r;
    entry(&e, RK_LMR_P25, 32, 111);
    size_t len = p25_frame(&e);
    msg[len - 13 - 2] ^= 1;      /* last wrapped TEK, then a valid MAC again */
    rk_status s = rk_p25_mac_apply(e.key, 32, msg, len);
    CT_USE(s);
    CT_USE_BUF(msg, len);
    s = rk_lmrkey_p25_entry(&e, msg, len, 2000, &r);
    CT_USE(s);
    CT_USE_BUF(&r, sizeof r);
}

static void tetra_entry(void)
{
    static rk_ks_entry e;
    static rk_lmrkey_result r;
    uint8_t blob[32];
    size_t wl = 0;
    entry(&e, RK_LMR_TETRA, 16, 121);
    ct_fill(blob, 32, 122);
    CT_SECRET(blob, 32);
    msg[0] = RK_LMRKEY_KWP;
    rk_status s = rk_kwp_wrap(e.key, 16, blob, 27, msg + 1, sizeof msg - 1, &wl);
    CT_USE(s);
    CT_USE(wl);
    CT_USE_BUF(msg, wl + 1);
    s = rk_lmrkey_tetra_entry(&e, msg, wl + 1, 2000, &r);
    CT_USE(s);
    CT_USE_BUF(&r, sizeof r);
}

RK_CT_CHECKS(lmrkey) = {
    { "p25_entry", p25_entry },
    { "p25_entry_icv", p25_entry_icv },
    { "tetra_entry", tetra_entry },
    { 0, 0 }
};
