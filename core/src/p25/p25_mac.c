/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/p25.h
 *
 * KMM MACs (docs/references.md §8.6, dvmhost Crypto.cpp / KMMFrame.cpp), TEK wrap/unwrap
 * with AES-KW (docs/references.md §8.5) and the TETRA opaque unwrap.  Both MAC forms
 * cover the frame with the 8 MAC octets cut out and the 5 trailer octets
 * kept; that "cut frame" is built in a local buffer (frames are bounded by
 * RK_P25_KMM_MAX_BYTES).
 */
#include "rootkey/p25.h"
#include "rootkey/aes.h"
#include "rootkey/cmac.h"
#include "rootkey/ct.h"
#include "rootkey/hash.h"
#include "rootkey/kw.h"

/* "OTAR MAC" (docs/references.md §8.6: the KBKDF label) */
static const uint8_t otar_label[8] = { 0x4f, 0x54, 0x41, 0x52, 0x20, 0x4d, 0x41, 0x43 };

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

rk_status rk_p25_mac_key_cmac(const uint8_t *ukek, size_t ukek_len, const uint8_t *ctx, size_t ctx_len,
                              uint8_t *key)
{
    /* SP 800-108 5.1 counter mode, one iteration (L = 256 = one PRF block):
     * [1]_32 || Label || 0x00 || Context || [L]_16.  L is TWO octets: that
     * is what reproduces the MAC key of the AACA-C 14.3.5.1 example
     * (vectors/p25/aaca_cmac.txt); OpenSSL's default KBKDF (4-octet L, used
     * by dvmhost) does not (docs/p25.md). */
    uint8_t in[4 + 8 + 1 + 12 + 2];
    if (ukek_len != 16 && ukek_len != 32) {
        zero(key, 32);
        return RK_ERR_P25_UKEK_LENGTH;
    }
    if (ctx_len != 10 && ctx_len != 12) {
        zero(key, 32);
        return RK_ERR_LENGTH;
    }
    in[0] = 0;
    in[1] = 0;
    in[2] = 0;
    in[3] = 1;
    /*@ loop invariant 0 <= i <= 8;
        loop assigns i, in[4 .. 11];
        loop variant 8 - i; */
    for (size_t i = 0; i < 8; i++)
        in[4 + i] = otar_label[i];
    in[12] = 0;
    /*@ loop invariant 0 <= i <= ctx_len;
        loop assigns i, in[13 .. 24];
        loop variant ctx_len - i; */
    for (size_t i = 0; i < ctx_len; i++)
        in[13 + i] = ctx[i];
    size_t n = 13 + ctx_len;
    in[n] = 1; /* L = 256 bits, big-endian 16 bits */
    in[n + 1] = 0;
    rk_hmac_sha256(key, ukek, ukek_len, in, n + 2);
    return RK_OK;
}

/* The cut frame: buf without its 8 MAC octets.  Returns len - 8. */
/*@ requires \valid_read(buf + (0 .. len - 1));
    requires 23 <= len <= RK_P25_KMM_MAX_BYTES;
    requires \valid(m + (0 .. RK_P25_KMM_MAX_BYTES - 1));
    requires \separated(m + (0 .. RK_P25_KMM_MAX_BYTES - 1), buf + (0 .. len - 1));
    assigns m[0 .. RK_P25_KMM_MAX_BYTES - 1];
    ensures \result == len - 8; */
static size_t cut_frame(const uint8_t *buf, size_t len, uint8_t *m)
{
    size_t mac_off = len - RK_P25_TRAILER_BYTES;
    /*@ loop invariant 0 <= i <= mac_off;
        loop assigns i, m[0 .. RK_P25_KMM_MAX_BYTES - 1];
        loop variant mac_off - i; */
    for (size_t i = 0; i < mac_off; i++)
        m[i] = buf[i];
    /*@ loop invariant 0 <= i <= 5;
        loop assigns i, m[0 .. RK_P25_KMM_MAX_BYTES - 1];
        loop variant 5 - i; */
    for (size_t i = 0; i < 5; i++)
        m[mac_off + i] = buf[len - 5 + i];
    return len - RK_P25_MAC_BYTES;
}

/* CMAC form (0x41). */
/*@ requires \valid_read(ukek + (0 .. ukek_len - 1));
    requires ukek_len == 16 || ukek_len == 32;
    requires \valid_read(buf + (0 .. len - 1));
    requires 23 <= len <= RK_P25_KMM_MAX_BYTES;
    requires has_mn == 0 || has_mn == 1;
    requires \valid(mac + (0 .. 7));
    requires \separated(mac + (0 .. 7), ukek + (0 .. ukek_len - 1));
    requires \separated(mac + (0 .. 7), buf + (0 .. len - 1));
    assigns mac[0 .. 7]; */
static void mac_cmac(const uint8_t *ukek, size_t ukek_len, const uint8_t *buf, size_t len, size_t has_mn,
                     uint8_t *mac)
{
    uint8_t m[RK_P25_KMM_MAX_BYTES];
    uint8_t key[RK_P25_MAC_KEY_BYTES], tag[RK_CMAC_TAG_BYTES];
    size_t ml = cut_frame(buf, len, m);
    rk_status st = rk_p25_mac_key_cmac(ukek, ukek_len, buf, 10 + 2 * has_mn, key);
    if (st == RK_OK)
        st = rk_cmac(key, sizeof key, m, ml, tag);
    if (st != RK_OK)
        zero(tag, sizeof tag); /* cannot happen: lengths were checked */
    /*@ loop invariant 0 <= i <= 8;
        loop assigns i, mac[0 .. 7];
        loop variant 8 - i; */
    for (size_t i = 0; i < 8; i++)
        mac[i] = tag[i];
    rk_wipe(key, sizeof key);
    rk_wipe(tag, sizeof tag);
}

/* CBC-MAC form (0x40), as dvmhost reads AACA (docs/references.md §8.6, low confidence):
 * key = AES-KW_IV(UKEK, UKEK)[8..39] with IV 00*6 || be16(len - 8);
 * AES-256-CBC, zero IV, over the cut frame padded with zeros; the MAC is
 * the 8 output octets at offset len - 16 (not block aligned: taken as read).
 * Only blocks up to the one holding octet len - 9 matter, so only those are
 * computed. */
/*@ requires \valid_read(ukek + (0 .. 31));
    requires \valid_read(buf + (0 .. len - 1));
    requires 23 <= len <= RK_P25_KMM_MAX_BYTES;
    requires \valid(mac + (0 .. 7));
    requires \separated(mac + (0 .. 7), ukek + (0 .. 31));
    requires \separated(mac + (0 .. 7), buf + (0 .. len - 1));
    assigns mac[0 .. 7]; */
static void mac_cbc(const uint8_t *ukek, const uint8_t *buf, size_t len, uint8_t *mac)
{
    uint8_t m[RK_P25_KMM_MAX_BYTES];
    uint8_t iv[8], w[40], x[16];
    rk_aes_ctx aes;
    size_t wl = 0, ml = cut_frame(buf, len, m);
    size_t start = len - 16, nb = (len - 9) / 16 + 1;
    iv[0] = 0;
    iv[1] = 0;
    iv[2] = 0;
    iv[3] = 0;
    iv[4] = 0;
    iv[5] = 0;
    iv[6] = (uint8_t)(ml / 256);
    iv[7] = (uint8_t)(ml % 256);
    zero(mac, 8);
    rk_status st = rk_kw_wrap_iv(ukek, 32, iv, ukek, 32, w, sizeof w, &wl);
    if (st == RK_OK)
        st = rk_aes_init(&aes, w + 8, 32);
    if (st != RK_OK) { /* cannot happen: lengths were checked */
        rk_wipe(w, sizeof w);
        rk_aes_ctx_wipe(&aes);
        return;
    }
    zero(x, 16);
    /*@ loop invariant 0 <= j <= nb;
        loop invariant rk_aes_ready(&aes);
        loop assigns j, x[0 .. 15], mac[0 .. 7];
        loop variant nb - j; */
    for (size_t j = 0; j < nb; j++) {
        /*@ loop invariant 0 <= t <= 16;
            loop assigns t, x[0 .. 15];
            loop variant 16 - t; */
        for (size_t t = 0; t < 16; t++) {
            size_t q = 16 * j + t;
            uint32_t v = (uint32_t)x[t] ^ (uint32_t)(q < ml ? m[q] : 0u);
            x[t] = (uint8_t)(v & 0xffu);
        }
        rk_aes_encrypt(&aes, x, x, 1);
        /*@ loop invariant 0 <= t <= 16;
            loop assigns t, mac[0 .. 7];
            loop variant 16 - t; */
        for (size_t t = 0; t < 16; t++) {
            size_t q = 16 * j + t;
            if (q >= start && q < start + 8)
                mac[q - start] = x[t];
        }
    }
    rk_wipe(w, sizeof w);
    rk_wipe(x, sizeof x);
    rk_aes_ctx_wipe(&aes);
}

rk_status rk_p25_mac_compute(const uint8_t *ukek, size_t ukek_len, const uint8_t *buf, size_t len,
                             const rk_p25_kmm *k, uint8_t *mac)
{
    if (k->mac_type != RK_P25_MAC_TYPE_AES) {
        zero(mac, 8);
        return RK_ERR_P25_NO_MAC;
    }
    if (ukek_len != 16 && ukek_len != 32) {
        zero(mac, 8);
        return RK_ERR_P25_UKEK_LENGTH;
    }
    if (k->mac_format == RK_P25_MAC_FORMAT_CMAC) {
        mac_cmac(ukek, ukek_len, buf, len, k->has_mn, mac);
        return RK_OK;
    }
    if (ukek_len != 32) {
        zero(mac, 8);
        return RK_ERR_P25_CBCMAC_KEY;
    }
    mac_cbc(ukek, buf, len, mac);
    return RK_OK;
}

rk_status rk_p25_mac_verify(const uint8_t *ukek, size_t ukek_len, const uint8_t *buf, size_t len,
                            const rk_p25_kmm *k)
{
    uint8_t mac[8];
    rk_status st = rk_p25_mac_compute(ukek, ukek_len, buf, len, k, mac);
    if (st != RK_OK)
        return st;
    uint64_t eq = rk_ct_memeq(mac, buf + k->mac_off, 8);
    /*@ assert mac_compared: eq == 1 <==> (\forall integer i; 0 <= i < 8 ==> mac[i] == buf[k->mac_off + i]); */
    rk_wipe(mac, sizeof mac);
    RK_CT_PUBLIC(&eq, sizeof eq);
    return eq == 1 ? RK_OK : RK_ERR_P25_MAC;
}

rk_status rk_p25_mac_apply(const uint8_t *ukek, size_t ukek_len, uint8_t *buf, size_t len)
{
    rk_p25_kmm k;
    uint8_t mac[8];
    rk_status st = rk_p25_kmm_parse(buf, len, &k);
    if (st != RK_OK)
        return st;
    st = rk_p25_mac_compute(ukek, ukek_len, buf, len, &k, mac);
    if (st == RK_OK || k.mac_type == RK_P25_MAC_TYPE_AES) {
        /*@ loop invariant 0 <= i <= 8;
            loop assigns i, buf[0 .. len - 1];
            loop variant 8 - i; */
        for (size_t i = 0; i < 8; i++)
            buf[k.mac_off + i] = mac[i];
    }
    rk_wipe(mac, sizeof mac);
    return st;
}

rk_status rk_p25_tek_wrap(const uint8_t *ukek, size_t ukek_len, const uint8_t *tek, size_t tek_len,
                          uint8_t *out, size_t cap, size_t *out_len)
{
    *out_len = 0;
    if (ukek_len != 16 && ukek_len != 32) {
        zero(out, cap);
        return RK_ERR_P25_UKEK_LENGTH;
    }
    if (tek_len != 16 && tek_len != 32) {
        zero(out, cap);
        return RK_ERR_P25_TEK_LENGTH;
    }
    if (cap < tek_len + 8) {
        zero(out, cap);
        return RK_ERR_BUFFER;
    }
    rk_status st = rk_kw_wrap(ukek, ukek_len, tek, tek_len, out, cap, out_len);
    if (st != RK_OK) { /* cannot happen: every length was checked */
        zero(out, cap);
        *out_len = 0;
        return RK_ERR_BUFFER;
    }
    return RK_OK;
}

rk_status rk_p25_tek_unwrap(const uint8_t *ukek, size_t ukek_len, const uint8_t *w, size_t wlen,
                            uint8_t *out, size_t cap, size_t *out_len)
{
    *out_len = 0;
    if (ukek_len != 16 && ukek_len != 32) {
        zero(out, cap);
        return RK_ERR_P25_UKEK_LENGTH;
    }
    if (wlen != 24 && wlen != 40) {
        zero(out, cap);
        return RK_ERR_P25_TEK_LENGTH;
    }
    if (cap < wlen - 8) {
        zero(out, cap);
        return RK_ERR_BUFFER;
    }
    rk_status st = rk_kw_unwrap(ukek, ukek_len, w, wlen, out, cap, out_len);
    RK_CT_PUBLIC(&st, sizeof st); /* accept/reject of the ICV: public by design */
    RK_CT_PUBLIC(out_len, sizeof *out_len); /* wlen - 8 or 0: follows from st */
    if (st != RK_OK) {
        /* only the ICV can fail here; rk_kw_unwrap left out and *out_len zero */
        zero(out, cap);
        *out_len = 0;
        return RK_ERR_P25_TEK_ICV;
    }
    return RK_OK;
}

rk_status rk_tetra_unwrap(const uint8_t *kek, size_t kek_len, int padded, const uint8_t *w, size_t wlen,
                          uint8_t *out, size_t cap, size_t *out_len)
{
    *out_len = 0;
    if (padded != 0 && padded != 1) {
        zero(out, cap);
        return RK_ERR_P25_PARAM;
    }
    rk_status st = padded != 0 ? rk_kwp_unwrap(kek, kek_len, w, wlen, out, cap, out_len)
                               : rk_kw_unwrap(kek, kek_len, w, wlen, out, cap, out_len);
    RK_CT_PUBLIC(&st, sizeof st); /* accept/reject of the ICV/padding: public by design */
    RK_CT_PUBLIC(out_len, sizeof *out_len); /* the blob length: public once accepted */
    if (st == RK_OK)
        return RK_OK;
    zero(out, cap);
    *out_len = 0;
    if (st == RK_ERR_AES_KEYLEN)
        return RK_ERR_P25_UKEK_LENGTH;
    if (st == RK_ERR_KW_LENGTH)
        return RK_ERR_P25_TETRA_LENGTH;
    if (st == RK_ERR_BUFFER)
        return RK_ERR_BUFFER;
    return RK_ERR_P25_TETRA_ICV;
}
