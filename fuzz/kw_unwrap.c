/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz AES-KW / AES-KWP unwrap (rootkey/kw.h).
 *
 * Input: byte 0 = mode (bit 0: KWP instead of KW; bit 1: 32-octet KEK;
 * bit 2: craft a valid wrap of the data first, then flip the bit named by
 * byte 1; bits 3-7: how many octets short of the needed size the output
 * buffer is), then the KEK, then the ciphertext (or, with bit 2, the key data).
 *
 * Properties checked (abort on violation):
 *  - on any error: *out_len == 0 and the whole output buffer is zero;
 *  - on success: out_len is the documented length, out[out_len..cap) is zero,
 *    and wrapping the result again gives back exactly the ciphertext
 *    (W is a permutation, so any accepted input is the wrap of its output);
 *  - with bit 2: the untampered wrap always unwraps to the data, a flipped
 *    bit never does.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rootkey/kw.h"

#define CAP (RK_KW_MAX_BYTES + 16)
static uint8_t out[CAP], again[CAP + 8], wr[CAP + 8];

static int all_zero(const uint8_t *p, size_t n)
{
    uint8_t d = 0;
    for (size_t i = 0; i < n; i++) d |= p[i];
    return d == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || size > 1100) return 0; /* keeps execs fast; the limits are tested in t_kw */
    int kwp = data[0] & 1, craft = (data[0] >> 2) & 1;
    size_t kl = (data[0] & 2) ? 32 : 16, shortby = data[0] >> 3;
    size_t flip = data[1];
    if (size < 2 + kl) return 0;
    const uint8_t *kek = data + 2;
    const uint8_t *in = data + 2 + kl;
    size_t inlen = size - 2 - kl;
    size_t ol = 12345, wl;

    if (craft) {
        rk_status s = kwp ? rk_kwp_wrap(kek, kl, in, inlen, wr, sizeof wr, &wl)
                          : rk_kw_wrap(kek, kl, in, inlen, wr, sizeof wr, &wl);
        if (s != RK_OK) {
            if (wl != 0 || !all_zero(wr, sizeof wr)) abort();
            return 0;
        }
        size_t bit = flip % (8 * wl + 1); /* 8*wl means: no flip */
        if (bit < 8 * wl) wr[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        s = kwp ? rk_kwp_unwrap(kek, kl, wr, wl, out, CAP, &ol) : rk_kw_unwrap(kek, kl, wr, wl, out, CAP, &ol);
        int good = s == RK_OK && ol == inlen && memcmp(out, in, inlen) == 0;
        if ((bit == 8 * wl) != good) abort();
        if (s != RK_OK && (ol != 0 || !all_zero(out, CAP))) abort();
        return 0;
    }

    size_t need = inlen >= 8 ? inlen - 8 : 0;
    size_t cap = need > shortby ? need - shortby : 0;
    if (cap > CAP) cap = CAP;
    memset(out, 0xa5, CAP);
    rk_status s = kwp ? rk_kwp_unwrap(kek, kl, in, inlen, out, cap, &ol)
                      : rk_kw_unwrap(kek, kl, in, inlen, out, cap, &ol);
    if (s != RK_OK) {
        if (ol != 0 || !all_zero(out, cap)) abort();
        if (s != RK_ERR_KW_LENGTH && s != RK_ERR_BUFFER && s != RK_ERR_KW_ICV && s != RK_ERR_KWP_PAD) abort();
        return 0;
    }
    if (kwp ? (ol + 16 <= inlen || ol + 8 > inlen) : ol + 8 != inlen) abort();
    if (!all_zero(out + ol, cap - ol)) abort();
    s = kwp ? rk_kwp_wrap(kek, kl, out, ol, again, sizeof again, &wl)
            : rk_kw_wrap(kek, kl, out, ol, again, sizeof again, &wl);
    if (s != RK_OK || wl != inlen || memcmp(again, in, inlen) != 0) abort();
    return 0;
}
