/* SPDX-License-Identifier: Apache-2.0
 * rootkey/gcm.h - AES-GCM authenticated encryption (NIST SP 800-38D), with
 * 16-octet tags, for AES-128 and AES-256.
 *
 * What: seal (encrypt and tag) and open (check the tag, then decrypt).  Any
 * IV length from 1 octet up is accepted: a 12-octet IV gives
 * J0 = IV || 0^31 || 1, every other length goes through GHASH to J0
 * (SP 800-38D 7.1 step 2).  TS 33.180's protected payload (E.6, and the
 * rootkey message's LMR block) uses 16-octet IVs, i.e. the GHASH path.
 *
 * Two forms: a context (rk_gcm_ctx: the expanded key and the hash subkey H,
 * for several messages under one key) and one-shot functions taking the key.
 *
 * Buffers: out may equal in (in place); otherwise out must not overlap in.
 * aad/in may be NULL when their length is 0.  The tag is always 16 octets
 * (RK_GCM_TAG_BYTES); truncated tags are not offered.
 *
 * Errors (every output zeroed: out[0..len-1], and the tag for seal):
 *   RK_ERR_AES_KEYLEN   key not 16 or 32 octets (one-shot and rk_gcm_init)
 *   RK_ERR_GCM_IVLEN    ivlen == 0, or above RK_GCM_MAX_IV_BYTES
 *   RK_ERR_GCM_LENGTH   len above RK_GCM_MAX_BYTES (2^36 - 32, SP 800-38D
 *                       5.2.1.1) or aadlen above RK_GCM_MAX_AAD_BYTES
 *   RK_ERR_GCM_TAG      (open) the tag does not verify; nothing is released
 *
 * CT: time depends on ivlen, aadlen, len, key length and CPU only.  GHASH:
 * PCLMULQDQ or bitwise mask-and-xor (docs/aes.md; no tables indexed by H),
 * and the tag comparison reads all 16 octets and decides once.  On open the
 * plaintext is always computed and then masked to zero when the tag failed,
 * so a failed tag costs the same time as a good one.
 */
#ifndef ROOTKEY_GCM_H
#define ROOTKEY_GCM_H

#include <stddef.h>
#include <stdint.h>
#include "rootkey/aes.h"
#include "rootkey/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RK_GCM_TAG_BYTES 16
#define RK_GCM_IV12_BYTES 12
#define RK_GCM_IV16_BYTES 16
/* SP 800-38D 5.2.1.1: plaintext at most 2^39 - 256 bits. */
#define RK_GCM_MAX_BYTES 0xfffffffe0ULL
/* len(A) and len(IV) must fit the 64-bit length fields in bits. */
#define RK_GCM_MAX_AAD_BYTES 0x1fffffffffffffffULL
#define RK_GCM_MAX_IV_BYTES 0x1fffffffffffffffULL

/* Expanded key and hash subkey H = AES_K(0^128).  Secret: wipe with
 * rk_gcm_ctx_wipe. */
typedef struct {
    rk_aes_ctx aes;
    uint64_t h[2];
} rk_gcm_ctx;

/*@ predicate rk_gcm_ready{L}(rk_gcm_ctx *c) = \valid_read(c) && rk_aes_ready(&c->aes); */

/*
 * rk_gcm_init - expand the key and compute H.
 * Errors: RK_ERR_AES_KEYLEN (ctx zeroed).
 */
/*@ requires \valid(ctx);
    requires \valid_read(key + (0 .. keylen - 1));
    requires \separated(ctx, key + (0 .. keylen - 1));
    assigns *ctx;
    ensures \result == RK_OK || \result == RK_ERR_AES_KEYLEN;
    ensures \result == RK_OK <==> (keylen == 16 || keylen == 32);
    ensures \result == RK_OK ==> rk_gcm_ready(ctx);
    ensures \result != RK_OK ==> ctx->aes.nr == 0 && ctx->h[0] == 0 && ctx->h[1] == 0; */
RK_MUST_CHECK rk_status rk_gcm_init(rk_gcm_ctx *ctx, const uint8_t *key, size_t keylen);

/*@ requires \valid(ctx);
    assigns *ctx;
    ensures ctx->aes.nr == 0 && ctx->h[0] == 0 && ctx->h[1] == 0;
    ensures \forall integer k; 0 <= k < RK_AES_RK_WORDS ==> ctx->aes.rk[k] == 0; */
void rk_gcm_ctx_wipe(rk_gcm_ctx *ctx);

/*
 * rk_gcm_ctx_seal - out = CTR encryption of in[0..len-1]; tag = the 16-octet
 * GCM tag over aad and out (SP 800-38D 7.1).
 */
/*@ requires rk_gcm_ready(ctx);
    requires \valid_read(iv + (0 .. ivlen - 1));
    requires \valid_read(aad + (0 .. aadlen - 1));
    requires \valid_read(in + (0 .. len - 1));
    requires \valid(out + (0 .. len - 1));
    requires \valid(tag + (0 .. 15));
    requires out == in || \separated(out + (0 .. len - 1), in + (0 .. len - 1));
    requires \separated(out + (0 .. len - 1), tag + (0 .. 15));
    requires \separated(out + (0 .. len - 1), ctx);
    requires \separated(out + (0 .. len - 1), iv + (0 .. ivlen - 1));
    requires \separated(out + (0 .. len - 1), aad + (0 .. aadlen - 1));
    requires \separated(tag + (0 .. 15), ctx);
    requires \separated(tag + (0 .. 15), iv + (0 .. ivlen - 1));
    requires \separated(tag + (0 .. 15), aad + (0 .. aadlen - 1));
    requires \separated(tag + (0 .. 15), in + (0 .. len - 1));
    assigns out[0 .. len - 1], tag[0 .. 15];
    ensures \result == RK_OK || \result == RK_ERR_GCM_IVLEN || \result == RK_ERR_GCM_LENGTH;
    ensures ivlen == 0 ==> \result == RK_ERR_GCM_IVLEN;
    ensures \result != RK_OK ==> (\forall integer k; 0 <= k < len ==> out[k] == 0) &&
                                 (\forall integer k; 0 <= k < 16 ==> tag[k] == 0); */
RK_MUST_CHECK rk_status rk_gcm_ctx_seal(const rk_gcm_ctx *ctx, const uint8_t *iv, size_t ivlen,
                                        const uint8_t *aad, size_t aadlen,
                                        const uint8_t *in, size_t len, uint8_t *out, uint8_t *tag);

/*
 * rk_gcm_ctx_open - check tag over aad and in[0..len-1], and decrypt into
 * out.  On RK_ERR_GCM_TAG out is all zero.
 */
/*@ requires rk_gcm_ready(ctx);
    requires \valid_read(iv + (0 .. ivlen - 1));
    requires \valid_read(aad + (0 .. aadlen - 1));
    requires \valid_read(in + (0 .. len - 1));
    requires \valid(out + (0 .. len - 1));
    requires \valid_read(tag + (0 .. 15));
    requires out == in || \separated(out + (0 .. len - 1), in + (0 .. len - 1));
    requires \separated(out + (0 .. len - 1), tag + (0 .. 15));
    requires \separated(out + (0 .. len - 1), ctx);
    requires \separated(out + (0 .. len - 1), iv + (0 .. ivlen - 1));
    requires \separated(out + (0 .. len - 1), aad + (0 .. aadlen - 1));
    assigns out[0 .. len - 1];
    ensures \result == RK_OK || \result == RK_ERR_GCM_IVLEN || \result == RK_ERR_GCM_LENGTH ||
            \result == RK_ERR_GCM_TAG;
    ensures ivlen == 0 ==> \result == RK_ERR_GCM_IVLEN;
    ensures \result != RK_OK ==> \forall integer k; 0 <= k < len ==> out[k] == 0; */
RK_MUST_CHECK rk_status rk_gcm_ctx_open(const rk_gcm_ctx *ctx, const uint8_t *iv, size_t ivlen,
                                        const uint8_t *aad, size_t aadlen,
                                        const uint8_t *in, size_t len, uint8_t *out,
                                        const uint8_t *tag);

/*
 * rk_gcm_seal - one-shot rk_gcm_init + rk_gcm_ctx_seal; the expanded key is
 * wiped before returning.
 */
/*@ requires \valid_read(key + (0 .. keylen - 1));
    requires \valid_read(iv + (0 .. ivlen - 1));
    requires \valid_read(aad + (0 .. aadlen - 1));
    requires \valid_read(in + (0 .. len - 1));
    requires \valid(out + (0 .. len - 1));
    requires \valid(tag + (0 .. 15));
    requires out == in || \separated(out + (0 .. len - 1), in + (0 .. len - 1));
    requires \separated(out + (0 .. len - 1), tag + (0 .. 15));
    requires \separated(out + (0 .. len - 1), key + (0 .. keylen - 1));
    requires \separated(out + (0 .. len - 1), iv + (0 .. ivlen - 1));
    requires \separated(out + (0 .. len - 1), aad + (0 .. aadlen - 1));
    requires \separated(tag + (0 .. 15), key + (0 .. keylen - 1));
    requires \separated(tag + (0 .. 15), iv + (0 .. ivlen - 1));
    requires \separated(tag + (0 .. 15), aad + (0 .. aadlen - 1));
    requires \separated(tag + (0 .. 15), in + (0 .. len - 1));
    assigns out[0 .. len - 1], tag[0 .. 15];
    ensures \result == RK_OK || \result == RK_ERR_AES_KEYLEN || \result == RK_ERR_GCM_IVLEN ||
            \result == RK_ERR_GCM_LENGTH;
    ensures \result != RK_OK ==> (\forall integer k; 0 <= k < len ==> out[k] == 0) &&
                                 (\forall integer k; 0 <= k < 16 ==> tag[k] == 0); */
RK_MUST_CHECK rk_status rk_gcm_seal(const uint8_t *key, size_t keylen, const uint8_t *iv, size_t ivlen,
                                    const uint8_t *aad, size_t aadlen,
                                    const uint8_t *in, size_t len, uint8_t *out, uint8_t *tag);

/*
 * rk_gcm_open - one-shot rk_gcm_init + rk_gcm_ctx_open.
 */
/*@ requires \valid_read(key + (0 .. keylen - 1));
    requires \valid_read(iv + (0 .. ivlen - 1));
    requires \valid_read(aad + (0 .. aadlen - 1));
    requires \valid_read(in + (0 .. len - 1));
    requires \valid(out + (0 .. len - 1));
    requires \valid_read(tag + (0 .. 15));
    requires out == in || \separated(out + (0 .. len - 1), in + (0 .. len - 1));
    requires \separated(out + (0 .. len - 1), tag + (0 .. 15));
    requires \separated(out + (0 .. len - 1), key + (0 .. keylen - 1));
    requires \separated(out + (0 .. len - 1), iv + (0 .. ivlen - 1));
    requires \separated(out + (0 .. len - 1), aad + (0 .. aadlen - 1));
    assigns out[0 .. len - 1];
    ensures \result == RK_OK || \result == RK_ERR_AES_KEYLEN || \result == RK_ERR_GCM_IVLEN ||
            \result == RK_ERR_GCM_LENGTH || \result == RK_ERR_GCM_TAG;
    ensures \result != RK_OK ==> \forall integer k; 0 <= k < len ==> out[k] == 0; */
RK_MUST_CHECK rk_status rk_gcm_open(const uint8_t *key, size_t keylen, const uint8_t *iv, size_t ivlen,
                                    const uint8_t *aad, size_t aadlen,
                                    const uint8_t *in, size_t len, uint8_t *out,
                                    const uint8_t *tag);

#ifdef __cplusplus
}
#endif
#endif
