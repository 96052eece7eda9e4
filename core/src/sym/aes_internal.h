/* SPDX-License-Identifier: Apache-2.0
 * aes_internal.h - internal to the core and its tests: the AES-NI /
 * PCLMULQDQ path of the aes and gcm modules (core/src/sym/aes_ni.h) and the
 * entry the tests use to force the bitsliced path.  Not a public API.
 *
 * RK_AES_HW is defined when the AES-NI / PCLMULQDQ code is compiled in:
 * x86-64, gcc or clang, not Frama-C (the proofs see only the bitsliced AES
 * and the portable GHASH), and not RK_NO_ASM (the build opt-out, shared
 * with the MULX/ADX kernel).  The intrinsics are compiled with target
 * attributes, so the build flags stay those of the portable code.  The
 * choice is made without a global of ours, once per key (docs/aes.md):
 *   - rk_aes_init asks the CPU (RK_AES_HW_CPU(): __builtin_cpu_supports
 *     "aes" and "pclmul", libgcc's / compiler-rt's CPU model, filled once by
 *     their constructor; a target with -maes -mpclmul needs no question) and
 *     records the answer in the context (rk_aes_ctx.hw, public);
 *   - rk_aes_encrypt / rk_aes_decrypt and GHASH (gcm.c) follow ctx->hw.
 */
#ifndef ROOTKEY_AES_INTERNAL_H
#define ROOTKEY_AES_INTERNAL_H

#include "rootkey/aes.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && \
    !defined(__FRAMAC__) && !defined(RK_NO_ASM)
#define RK_AES_HW 1
#if defined(__AES__) && defined(__PCLMUL__)
#define RK_AES_HW_CPU() 1
#else
#define RK_AES_HW_CPU() (__builtin_cpu_supports("aes") && __builtin_cpu_supports("pclmul"))
#endif
#endif

/*
 * rk_aes_init_portable - rk_aes_init on the bitsliced path whatever the CPU
 * (ctx->hw == 0): what rk_aes_init does without AES-NI, and how the tests
 * run the fallback of aes, gcm (rk_gcm_init, then this on ctx->aes) on a
 * CPU that has it.  Same contract as rk_aes_init.
 */
/*@ requires \valid(ctx);
    requires \valid_read(key + (0 .. keylen - 1));
    requires \separated(ctx, key + (0 .. keylen - 1));
    assigns *ctx;
    ensures \result == RK_OK || \result == RK_ERR_AES_KEYLEN;
    ensures \result == RK_OK <==> (keylen == 16 || keylen == 32);
    ensures \result == RK_OK ==> rk_aes_ready(ctx);
    ensures ctx->hw == 0;
    ensures keylen == 16 ==> ctx->nr == 10;
    ensures keylen == 32 ==> ctx->nr == 14;
    ensures \result != RK_OK ==> ctx->nr == 0 &&
        (\forall integer k; 0 <= k < RK_AES_RK_WORDS ==> ctx->rk[k] == 0); */
RK_MUST_CHECK rk_status rk_aes_init_portable(rk_aes_ctx *ctx, const uint8_t *key, size_t keylen);

#ifdef RK_AES_HW
/* 1 when this CPU has AES-NI and PCLMULQDQ (rk_aes_init then picks them),
 * 0 otherwise.  (Never seen by Frama-C, like everything under RK_AES_HW.) */
int rk_aes_hw_cpu(void);

/* y = y * h in GF(2^128), blocks as gcm.c holds them (two big-endian words),
 * with PCLMULQDQ; needs rk_aes_hw_cpu() == 1.  No branch, no data-dependent
 * address. */
void rk_ghash_mul_hw(uint64_t *y, const uint64_t *h);
#endif

#endif
