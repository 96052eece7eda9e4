/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz AES-GCM open (rootkey/gcm.h).
 *
 * Input: byte 0 = mode (bit 0: 32-octet key; bit 1: seal first, then flip
 * the bit named by bytes 3-4 of the sealed message, IV, AAD or tag; bit 2:
 * every seal and open is done once more through a context, rk_gcm_init and
 * rk_gcm_ctx_seal / rk_gcm_ctx_open, with bit 3 on the bitsliced AES and
 * portable GHASH path, rk_aes_init_portable, whatever the CPU), byte 1 =
 * IV length (0..63, 0 is an error case), byte 2 = AAD length, then key, IV,
 * AAD, tag (16, when not sealing) and the rest as ciphertext/plaintext.
 *
 * Properties (abort on violation): an error leaves out all zero; a success
 * re-seals to exactly the same ciphertext and tag; with bit 1 the untouched
 * message opens to the plaintext and any flipped bit gives RK_ERR_GCM_TAG;
 * with bit 2 the context (and the portable path) agrees with the one-shot
 * calls: status, output and tag.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rootkey/gcm.h"
#include "../core/src/sym/aes_internal.h"   /* rk_aes_init_portable */

static uint8_t out[1 << 16], ct2[1 << 16], buf[1 << 16], alt[1 << 16];
static rk_gcm_ctx ctx;
static int use_ctx;

/* The context forms, for bit 2 of the mode: ready (hardware or, with bit 3,
 * portable path) in ctx, or use_ctx 0. */
static void ctx_setup(uint8_t mode, const uint8_t *key, size_t kl)
{
    use_ctx = 0;
    if (!(mode & 4)) return;
    if (rk_gcm_init(&ctx, key, kl) != RK_OK) abort();
    if ((mode & 8) && rk_aes_init_portable(&ctx.aes, key, kl) != RK_OK) abort();
    use_ctx = 1;
}

/* rk_gcm_seal's result s, out[0..n-1] and tag against the context's */
static void ctx_seal_check(rk_status s, const uint8_t *iv, size_t il, const uint8_t *aad, size_t al,
                           const uint8_t *in, size_t n, const uint8_t *o, const uint8_t *tag)
{
    uint8_t t[16];
    if (use_ctx && (rk_gcm_ctx_seal(&ctx, iv, il, aad, al, in, n, alt, t) != s
                    || memcmp(alt, o, n) != 0 || memcmp(t, tag, 16) != 0))
        abort();
}

/* rk_gcm_open's result s and out[0..n-1] against the context's */
static void ctx_open_check(rk_status s, const uint8_t *iv, size_t il, const uint8_t *aad, size_t al,
                           const uint8_t *in, size_t n, const uint8_t *tag, const uint8_t *o)
{
    if (use_ctx && (rk_gcm_ctx_open(&ctx, iv, il, aad, al, in, n, alt, tag) != s
                    || memcmp(alt, o, n) != 0))
        abort();
}

static int all_zero(const uint8_t *p, size_t n)
{
    uint8_t d = 0;
    for (size_t i = 0; i < n; i++) d |= p[i];
    return d == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 5) return 0;
    size_t kl = (data[0] & 1) ? 32 : 16;
    int seal_first = (data[0] >> 1) & 1;
    size_t il = data[1] & 63, al = data[2];
    size_t flip = (size_t)data[3] * 256u + data[4];
    size_t need = 5 + kl + il + al + (seal_first ? 0 : 16);
    if (size < need || size - need > sizeof out) return 0;
    const uint8_t *key = data + 5, *iv = key + kl, *aad = iv + il;
    const uint8_t *tagin = aad + al, *rest = tagin + (seal_first ? 0 : 16);
    size_t n = size - need;
    uint8_t tag[16], tag2[16], ivb[64], aadb[256];

    ctx_setup(data[0], key, kl);
    if (seal_first) {
        rk_status s = rk_gcm_seal(key, kl, iv, il, aad, al, rest, n, buf, tag);
        ctx_seal_check(s, iv, il, aad, al, rest, n, buf, tag);
        if (il == 0) {
            if (s != RK_ERR_GCM_IVLEN || !all_zero(buf, n) || !all_zero(tag, 16)) abort();
            return 0;
        }
        if (s != RK_OK) abort();
        memcpy(ivb, iv, il);
        memcpy(aadb, aad, al);
        size_t total = 8 * (n + il + al + 16), bit = flip % (total + 1);
        if (bit < 8 * n) buf[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        else if ((bit -= 8 * n) < 8 * il) ivb[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        else if ((bit -= 8 * il) < 8 * al) aadb[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        else if ((bit -= 8 * al) < 128) tag[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        int flipped = flip % (total + 1) != total;
        s = rk_gcm_open(key, kl, ivb, il, aadb, al, buf, n, out, tag);
        ctx_open_check(s, ivb, il, aadb, al, buf, n, tag, out);
        if (flipped) {
            if (s != RK_ERR_GCM_TAG || !all_zero(out, n)) abort();
        } else if (s != RK_OK || memcmp(out, rest, n) != 0) {
            abort();
        }
        return 0;
    }

    memset(out, 0xa5, n);
    rk_status s = rk_gcm_open(key, kl, iv, il, aad, al, rest, n, out, tagin);
    ctx_open_check(s, iv, il, aad, al, rest, n, tagin, out);
    if (s != RK_OK) {
        if (!all_zero(out, n)) abort();
        if (s != RK_ERR_GCM_TAG && s != RK_ERR_GCM_IVLEN) abort();
        if ((s == RK_ERR_GCM_IVLEN) != (il == 0)) abort();
        return 0;
    }
    /* a forged tag that verifies would be a bug; re-seal must agree */
    if (rk_gcm_seal(key, kl, iv, il, aad, al, out, n, ct2, tag2) != RK_OK) abort();
    if (memcmp(ct2, rest, n) != 0 || memcmp(tag2, tagin, 16) != 0) abort();
    return 0;
}
