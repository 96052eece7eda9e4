/* SPDX-License-Identifier: Apache-2.0
 * rootkey/aes.h - the AES block cipher (FIPS 197), AES-128 and AES-256 only,
 * in constant time.
 *
 * What: key expansion into a caller-owned context, and encryption /
 * decryption of whole 16-octet blocks (ECB, the building block of the gcm,
 * kw and cmac modules; not meant as a mode on its own).
 *
 * How (docs/aes.md): with AES-NI where the CPU has it (x86-64, chosen per
 * key at run time by rk_aes_init), otherwise, and in every proof, a
 * bitsliced implementation.  Up to four blocks (64
 * octets) are spread over eight 64-bit words, word b holding bit b of every
 * octet, so one boolean operation on a word acts on that bit of all 64
 * octets at once.  SubBytes is computed, not looked up: the inverse in
 * GF(2^8) as x^254 (four bitsliced multiplications and seven squarings),
 * then the affine map.  ShiftRows and MixColumns are fixed shifts and masks.
 * The key schedule uses the same bitsliced S-box.  Nothing is ever indexed
 * by key or data.
 *
 * AES-192 is deliberately not offered (no rootkey protocol uses it): a
 * 24-octet key is rejected with RK_ERR_AES_KEYLEN like any other length.
 *
 * CT: run time depends only on the key length, the number of blocks and the
 * CPU; no branch or memory address depends on the key or on the data.
 */
#ifndef ROOTKEY_AES_H
#define ROOTKEY_AES_H

#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RK_AES_BLOCK_BYTES 16
#define RK_AES128_KEY_BYTES 16
#define RK_AES256_KEY_BYTES 32
/* Bitsliced round keys: 8 words per round key, at most 15 round keys. */
#define RK_AES_RK_WORDS 120
/* Blocks handled by one pass of the bitsliced core. */
#define RK_AES_PAR_BLOCKS 4

/*
 * rk_aes_ctx - an expanded key.  Caller-owned; holds key material: wipe it
 * with rk_aes_ctx_wipe when done.  nr is the number of rounds (10 or 14) once
 * rk_aes_init succeeded, 0 otherwise.  hw (public) is 1 when rk holds
 * AES-NI round keys (rk_aes_init chose AES-NI on this CPU), 0 when it holds
 * bitsliced ones.
 */
typedef struct {
    uint64_t rk[RK_AES_RK_WORDS];
    uint32_t nr;
    uint32_t hw;
} rk_aes_ctx;

/*@ predicate rk_aes_ready{L}(rk_aes_ctx *c) =
        \valid_read(c) && (c->nr == 10 || c->nr == 14); */

/*
 * rk_aes_init - expand a 16- or 32-octet key (FIPS 197 section 5.2).
 *
 * Inputs:  key[0..keylen-1].
 * Outputs: *ctx.
 * Errors:  RK_ERR_AES_KEYLEN if keylen is not 16 or 32; ctx is then all zero
 *          (nr == 0, hw == 0).
 * CT: time depends on keylen and the CPU only.
 */
/*@ requires \valid(ctx);
    requires \valid_read(key + (0 .. keylen - 1));
    requires \separated(ctx, key + (0 .. keylen - 1));
    assigns *ctx;
    ensures \result == RK_OK || \result == RK_ERR_AES_KEYLEN;
    ensures \result == RK_OK <==> (keylen == 16 || keylen == 32);
    ensures \result == RK_OK ==> rk_aes_ready(ctx);
    ensures keylen == 16 ==> ctx->nr == 10;
    ensures keylen == 32 ==> ctx->nr == 14;
    ensures \result != RK_OK ==> ctx->nr == 0 && ctx->hw == 0 &&
        (\forall integer k; 0 <= k < RK_AES_RK_WORDS ==> ctx->rk[k] == 0); */
RK_MUST_CHECK rk_status rk_aes_init(rk_aes_ctx *ctx, const uint8_t *key, size_t keylen);

/*
 * rk_aes_encrypt - out = AES_K(in) for nblocks consecutive 16-octet blocks.
 * out may equal in (in place); otherwise the buffers must not overlap.
 * CT: time depends on nblocks and the key length only.
 */
/*@ requires rk_aes_ready(ctx);
    requires nblocks <= 0x0fffffffffffffff;
    requires \valid_read(in + (0 .. 16 * nblocks - 1));
    requires \valid(out + (0 .. 16 * nblocks - 1));
    requires out == in || \separated(out + (0 .. 16 * nblocks - 1), in + (0 .. 16 * nblocks - 1));
    requires \separated(out + (0 .. 16 * nblocks - 1), ctx);
    assigns out[0 .. 16 * nblocks - 1]; */
void rk_aes_encrypt(const rk_aes_ctx *ctx, const uint8_t *in, uint8_t *out, size_t nblocks);

/*
 * rk_aes_decrypt - out = AES_K^-1(in) for nblocks blocks (the inverse cipher
 * of FIPS 197 section 5.3; used by the key-wrap unwrap).  Same rules as
 * rk_aes_encrypt.
 */
/*@ requires rk_aes_ready(ctx);
    requires nblocks <= 0x0fffffffffffffff;
    requires \valid_read(in + (0 .. 16 * nblocks - 1));
    requires \valid(out + (0 .. 16 * nblocks - 1));
    requires out == in || \separated(out + (0 .. 16 * nblocks - 1), in + (0 .. 16 * nblocks - 1));
    requires \separated(out + (0 .. 16 * nblocks - 1), ctx);
    assigns out[0 .. 16 * nblocks - 1]; */
void rk_aes_decrypt(const rk_aes_ctx *ctx, const uint8_t *in, uint8_t *out, size_t nblocks);

/*
 * rk_aes_ctx_wipe - zero the expanded key (nr and hw become 0).
 */
/*@ requires \valid(ctx);
    assigns *ctx;
    ensures ctx->nr == 0 && ctx->hw == 0;
    ensures \forall integer k; 0 <= k < RK_AES_RK_WORDS ==> ctx->rk[k] == 0; */
void rk_aes_ctx_wipe(rk_aes_ctx *ctx);

#ifdef __cplusplus
}
#endif
#endif
