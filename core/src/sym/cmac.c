/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/cmac.h
 *
 * Written with *, / and % on octets so that the proof keeps the unsigned
 * overflow guard on (nothing here wraps).
 */
#include "rootkey/cmac.h"
#include "rootkey/aes.h"
#include "rootkey/ct.h"

/* out = in * x in GF(2^128): shift left one bit, and if the top bit fell
 * out, add R_128 = 0x87 to the last octet (SP 800-38B 6.1 steps 2-3),
 * selected by a mask. */
/*@ requires \valid(out + (0 .. 15));
    requires \valid_read(in + (0 .. 15));
    requires \separated(out + (0 .. 15), in + (0 .. 15));
    assigns out[0 .. 15]; */
static void dbl(uint8_t *out, const uint8_t *in)
{
    uint64_t msb = in[0] / 128u;
    /*@ loop invariant 0 <= i <= 15;
        loop assigns i, out[0 .. 14];
        loop variant 15 - i; */
    for (size_t i = 0; i < 15; i++)
        out[i] = (uint8_t)((in[i] * 2u + in[i + 1] / 128u) % 256u);
    uint64_t r = rk_ct_sel64(0x87u, 0, rk_ct_mask64(msb));
    /*@ assert r == 0x87 || r == 0; */
    uint64_t v = (uint64_t)((in[15] * 2u) % 256u) ^ r;
    out[15] = (uint8_t)(v & 0xffu);
}

/* x ^= m over 16 octets. */
/*@ requires \valid(x + (0 .. 15));
    requires \valid_read(m + (0 .. 15));
    requires \separated(x + (0 .. 15), m + (0 .. 15));
    assigns x[0 .. 15]; */
static void xor16(uint8_t *x, const uint8_t *m)
{
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, x[0 .. 15];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++) {
        uint32_t v = (uint32_t)x[i] ^ (uint32_t)m[i];
        x[i] = (uint8_t)(v & 0xffu);
    }
}

/* T = CMAC_K(msg), SP 800-38B 6.2 with the full 16-octet output. */
/*@ requires rk_aes_ready(aes);
    requires \valid_read(msg + (0 .. len - 1));
    requires \valid(t + (0 .. 15));
    requires \separated(t + (0 .. 15), aes);
    requires \separated(t + (0 .. 15), msg + (0 .. len - 1));
    assigns t[0 .. 15]; */
static void cmac_core(const rk_aes_ctx *aes, const uint8_t *msg, size_t len, uint8_t *t)
{
    uint8_t l[16], k1[16], k2[16], last[16];
    /* 6.1: L = CIPH_K(0^128), K1 = dbl(L), K2 = dbl(K1) */
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, l[0 .. 15];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++)
        l[i] = 0;
    rk_aes_encrypt(aes, l, l, 1);
    dbl(k1, l);
    dbl(k2, k1);
    /* 6.2 steps 1-4: n blocks; the last one is complete (xor K1) only when
     * len is a non-zero multiple of 16, otherwise padded 10* (xor K2). */
    size_t full = len / 16, rem = len % 16;
    size_t lead = (rem == 0 && full > 0) ? full - 1 : full;
    size_t lastlen = len - 16 * lead;
    /*@ assert lastlen <= 16; */
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, last[0 .. 15];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++)
        last[i] = i < lastlen ? msg[16 * lead + i] : (i == lastlen ? 0x80 : 0);
    xor16(last, lastlen == 16 ? k1 : k2);
    /* steps 5-6: CBC over the lead blocks, then the last */
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, t[0 .. 15];
        loop variant 16 - i; */
    for (size_t i = 0; i < 16; i++)
        t[i] = 0;
    /*@ loop invariant 0 <= b <= lead;
        loop assigns b, t[0 .. 15];
        loop variant lead - b; */
    for (size_t b = 0; b < lead; b++) {
        xor16(t, msg + 16 * b);
        rk_aes_encrypt(aes, t, t, 1);
    }
    xor16(t, last);
    rk_aes_encrypt(aes, t, t, 1);
    rk_wipe(l, 16);
    rk_wipe(k1, 16);
    rk_wipe(k2, 16);
    rk_wipe(last, 16);
}

rk_status rk_cmac(const uint8_t *key, size_t keylen, const uint8_t *msg, size_t len, uint8_t *tag)
{
    rk_aes_ctx aes;
    rk_status st = rk_aes_init(&aes, key, keylen);
    if (st != RK_OK) {
        /*@ loop invariant 0 <= i <= 16;
            loop invariant \forall integer k; 0 <= k < i ==> tag[k] == 0;
            loop assigns i, tag[0 .. 15];
            loop variant 16 - i; */
        for (size_t i = 0; i < 16; i++)
            tag[i] = 0;
        return st;
    }
    cmac_core(&aes, msg, len, tag);
    rk_aes_ctx_wipe(&aes);
    return RK_OK;
}

rk_status rk_cmac_verify(const uint8_t *key, size_t keylen, const uint8_t *msg, size_t len,
                         const uint8_t *tag, size_t taglen)
{
    rk_aes_ctx aes;
    uint8_t t[16];
    if (taglen < RK_CMAC_MIN_TAG_BYTES || taglen > RK_CMAC_TAG_BYTES)
        return RK_ERR_CMAC_TAGLEN;
    rk_status st = rk_aes_init(&aes, key, keylen);
    if (st != RK_OK)
        return st;
    cmac_core(&aes, msg, len, t);
    rk_aes_ctx_wipe(&aes);
    /* compare the leading taglen octets (SP 800-38B 6.3), constant time */
    uint64_t ok = rk_ct_memeq(t, tag, taglen);
    /*@ assert tag_compared: ok == 1 <==> (\forall integer k; 0 <= k < taglen ==> t[k] == tag[k]); */
    rk_wipe(t, 16);
    return RK_ERR_CMAC_TAG * (int)(1u - ok);
}
