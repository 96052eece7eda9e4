/* SPDX-License-Identifier: Apache-2.0
 * rootkey/kw.h - AES key wrap: KW (RFC 3394, SP 800-38F 6.2) and KWP with
 * padding (RFC 5649, SP 800-38F 6.3), for 16- and 32-octet KEKs.
 *
 * What: wrap a key (or any short octet string) under a key-encryption key,
 * and unwrap it with an integrity check.  P25 OTAR carries traffic keys
 * wrapped with KW under the UKEK (docs/references.md §8.5).
 *
 * Inputs and outputs (all four functions): kek[0..keklen-1]; in[0..inlen-1];
 * out[0..cap-1] with *out_len set to the number of octets produced.  out must
 * not overlap in, kek or out_len.
 *
 *   rk_kw_wrap    inlen a multiple of 8, 16 <= inlen <= RK_KW_MAX_BYTES;
 *                 cap >= inlen + 8; *out_len = inlen + 8.
 *   rk_kw_unwrap  inlen a multiple of 8, 24 <= inlen <= RK_KW_MAX_BYTES + 8;
 *                 cap >= inlen - 8; *out_len = inlen - 8.
 *   rk_kwp_wrap   1 <= inlen <= RK_KW_MAX_BYTES; cap >= pad8(inlen) + 8;
 *                 *out_len = pad8(inlen) + 8 (pad8 rounds up to a multiple of 8).
 *   rk_kwp_unwrap inlen a multiple of 8, 16 <= inlen <= RK_KW_MAX_BYTES + 8;
 *                 cap >= inlen - 8 (the padded length: the real length is
 *                 only known after decryption); *out_len = the MLI.
 *
 * After every call out[*out_len .. cap-1] is zero, so on any error (where
 * *out_len = 0) the whole of out is zero: no partial key is ever released.
 *
 * Errors:
 *   RK_ERR_AES_KEYLEN  keklen not 16 or 32
 *   RK_ERR_KW_LENGTH   inlen outside the ranges above (KW: fewer than two
 *                      semiblocks of key data, SP 800-38F 5.3.1; an 8-octet
 *                      key is refused even though Wycheproof lists its
 *                      one-block wrap as "acceptable")
 *   RK_ERR_BUFFER      cap too small
 *   RK_ERR_KW_ICV      unwrap: the integrity check value (KW: A6A6A6A6A6A6A6A6,
 *                      KWP: the constant A65959A6) does not match
 *   RK_ERR_KWP_PAD     KWP unwrap: the message length indicator is not in
 *                      (8(n-1), 8n] or a padding octet is not zero
 *                      (RFC 5649 section 3, SP 800-38F 6.3 steps 4-5)
 *
 * RK_KW_MAX_BYTES (4096) bounds the key data: far above any key, and it keeps
 * the counter t = n*j + i and every length small (no 2^32 / 2^54 limits to
 * police).
 *
 * CT: time depends on keklen, inlen and cap only.  The ICV, the length
 * indicator and the padding are checked with constant-time comparisons and
 * combined before anything is decided; the plaintext is masked to zero on
 * failure.  Only the final status is revealed: which of RK_ERR_KW_ICV and
 * RK_ERR_KWP_PAD (docs/aes.md discusses why this split is harmless).
 */
#ifndef ROOTKEY_KW_H
#define ROOTKEY_KW_H

#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RK_KW_SEMIBLOCK_BYTES 8
#define RK_KW_MAX_BYTES 4096
/* Wrapped size for KW (inlen + 8) and the largest for KWP. */
#define RK_KW_WRAPPED_BYTES(inlen) ((inlen) + 8)
#define RK_KWP_WRAPPED_BYTES(inlen) ((((inlen) + 7) / 8) * 8 + 8)

/*@ requires \valid_read(kek + (0 .. keklen - 1));
    requires \valid_read(in + (0 .. inlen - 1));
    requires \valid(out + (0 .. cap - 1));
    requires \valid(out_len);
    requires \separated(out + (0 .. cap - 1), in + (0 .. inlen - 1));
    requires \separated(out + (0 .. cap - 1), kek + (0 .. keklen - 1));
    requires \separated(out + (0 .. cap - 1), out_len);
    requires \separated(out_len, in + (0 .. inlen - 1));
    requires \separated(out_len, kek + (0 .. keklen - 1));
    assigns out[0 .. cap - 1], *out_len;
    ensures \result == RK_OK || \result == RK_ERR_AES_KEYLEN || \result == RK_ERR_KW_LENGTH ||
            \result == RK_ERR_BUFFER;
    ensures \result == RK_OK ==> *out_len == inlen + 8;
    ensures \result != RK_OK ==> *out_len == 0;
    ensures \forall integer k; *out_len <= k < cap ==> out[k] == 0; */
RK_MUST_CHECK rk_status rk_kw_wrap(const uint8_t *kek, size_t keklen, const uint8_t *in, size_t inlen,
                                   uint8_t *out, size_t cap, size_t *out_len);

/*
 * rk_kw_wrap_iv - KW with a caller-chosen 8-octet initial value instead of
 * A6A6A6A6A6A6A6A6 (RFC 3394 2.2.3.2 allows other ICVs; P25 OTAR derives its
 * CBC-MAC key with one).  Same rules as rk_kw_wrap.
 */
/*@ requires \valid_read(kek + (0 .. keklen - 1));
    requires \valid_read(iv + (0 .. 7));
    requires \valid_read(in + (0 .. inlen - 1));
    requires \valid(out + (0 .. cap - 1));
    requires \valid(out_len);
    requires \separated(out + (0 .. cap - 1), in + (0 .. inlen - 1));
    requires \separated(out + (0 .. cap - 1), kek + (0 .. keklen - 1));
    requires \separated(out + (0 .. cap - 1), out_len);
    requires \separated(out_len, in + (0 .. inlen - 1));
    requires \separated(out_len, kek + (0 .. keklen - 1));
    requires \separated(out + (0 .. cap - 1), iv + (0 .. 7));
    requires \separated(out_len, iv + (0 .. 7));
    assigns out[0 .. cap - 1], *out_len;
    ensures \result == RK_OK || \result == RK_ERR_AES_KEYLEN || \result == RK_ERR_KW_LENGTH ||
            \result == RK_ERR_BUFFER;
    ensures \result == RK_OK ==> *out_len == inlen + 8;
    ensures \result != RK_OK ==> *out_len == 0;
    ensures \forall integer k; *out_len <= k < cap ==> out[k] == 0; */
RK_MUST_CHECK rk_status rk_kw_wrap_iv(const uint8_t *kek, size_t keklen, const uint8_t *iv,
                                      const uint8_t *in, size_t inlen,
                                      uint8_t *out, size_t cap, size_t *out_len);

/*@ requires \valid_read(kek + (0 .. keklen - 1));
    requires \valid_read(in + (0 .. inlen - 1));
    requires \valid(out + (0 .. cap - 1));
    requires \valid(out_len);
    requires \separated(out + (0 .. cap - 1), in + (0 .. inlen - 1));
    requires \separated(out + (0 .. cap - 1), kek + (0 .. keklen - 1));
    requires \separated(out + (0 .. cap - 1), out_len);
    requires \separated(out_len, in + (0 .. inlen - 1));
    requires \separated(out_len, kek + (0 .. keklen - 1));
    assigns out[0 .. cap - 1], *out_len;
    ensures \result == RK_OK || \result == RK_ERR_AES_KEYLEN || \result == RK_ERR_KW_LENGTH ||
            \result == RK_ERR_BUFFER || \result == RK_ERR_KW_ICV;
    ensures \result == RK_OK ==> *out_len == inlen - 8;
    ensures \result != RK_OK ==> *out_len == 0;
    ensures \forall integer k; *out_len <= k < cap ==> out[k] == 0; */
RK_MUST_CHECK rk_status rk_kw_unwrap(const uint8_t *kek, size_t keklen, const uint8_t *in, size_t inlen,
                                     uint8_t *out, size_t cap, size_t *out_len);

/*@ requires \valid_read(kek + (0 .. keklen - 1));
    requires \valid_read(in + (0 .. inlen - 1));
    requires \valid(out + (0 .. cap - 1));
    requires \valid(out_len);
    requires \separated(out + (0 .. cap - 1), in + (0 .. inlen - 1));
    requires \separated(out + (0 .. cap - 1), kek + (0 .. keklen - 1));
    requires \separated(out + (0 .. cap - 1), out_len);
    requires \separated(out_len, in + (0 .. inlen - 1));
    requires \separated(out_len, kek + (0 .. keklen - 1));
    assigns out[0 .. cap - 1], *out_len;
    ensures \result == RK_OK || \result == RK_ERR_AES_KEYLEN || \result == RK_ERR_KW_LENGTH ||
            \result == RK_ERR_BUFFER;
    ensures \result == RK_OK ==> *out_len == ((inlen + 7) / 8) * 8 + 8;
    ensures \result != RK_OK ==> *out_len == 0;
    ensures \forall integer k; *out_len <= k < cap ==> out[k] == 0; */
RK_MUST_CHECK rk_status rk_kwp_wrap(const uint8_t *kek, size_t keklen, const uint8_t *in, size_t inlen,
                                    uint8_t *out, size_t cap, size_t *out_len);

/*@ requires \valid_read(kek + (0 .. keklen - 1));
    requires \valid_read(in + (0 .. inlen - 1));
    requires \valid(out + (0 .. cap - 1));
    requires \valid(out_len);
    requires \separated(out + (0 .. cap - 1), in + (0 .. inlen - 1));
    requires \separated(out + (0 .. cap - 1), kek + (0 .. keklen - 1));
    requires \separated(out + (0 .. cap - 1), out_len);
    requires \separated(out_len, in + (0 .. inlen - 1));
    requires \separated(out_len, kek + (0 .. keklen - 1));
    assigns out[0 .. cap - 1], *out_len;
    ensures \result == RK_OK || \result == RK_ERR_AES_KEYLEN || \result == RK_ERR_KW_LENGTH ||
            \result == RK_ERR_BUFFER || \result == RK_ERR_KW_ICV || \result == RK_ERR_KWP_PAD;
    ensures \result == RK_OK ==> inlen - 16 < *out_len <= inlen - 8;
    ensures \result != RK_OK ==> *out_len == 0;
    ensures \forall integer k; *out_len <= k < cap ==> out[k] == 0; */
RK_MUST_CHECK rk_status rk_kwp_unwrap(const uint8_t *kek, size_t keklen, const uint8_t *in, size_t inlen,
                                      uint8_t *out, size_t cap, size_t *out_len);

#ifdef __cplusplus
}
#endif
#endif
