/* SPDX-License-Identifier: Apache-2.0 */
/* Benchmarks of the symmetric modules against Debian's wolfSSL (which uses a
 * 4-bit GHASH table, i.e. not constant time, and possibly AES-NI).  rootkey
 * runs AES-NI/PCLMULQDQ where the CPU has them; the _portable lines force
 * the bitsliced AES and portable GHASH (the proved fallback) for comparison. */
#include <string.h>
#include <wolfssl/options.h>
#include <wolfssl/wolfcrypt/aes.h>
#include <wolfssl/wolfcrypt/cmac.h>
#include "bench.h"
#include "rootkey/aes.h"
#include "rootkey/gcm.h"
#include "rootkey/kw.h"
#include "rootkey/cmac.h"
#include "../core/src/sym/aes_internal.h"

static uint8_t key[32], iv[16], aad[32], msg[1024], out[1024 + 16], tag[16];

static void rk_gcm1k(void *a)
{
    (void)a;
    if (rk_gcm_seal(key, 16, iv, 16, aad, sizeof aad, msg, 1024, out, tag) != RK_OK) memset(out, 0, 1);
}
static void wc_gcm1k(void *a)
{
    (void)a;
    Aes aes;
    wc_AesInit(&aes, NULL, INVALID_DEVID);
    wc_AesGcmSetKey(&aes, key, 16);
    wc_AesGcmEncrypt(&aes, out, msg, 1024, iv, 16, tag, 16, aad, sizeof aad);
    wc_AesFree(&aes);
}
static void rk_gcm1k_portable(void *a)
{
    (void)a;
    rk_gcm_ctx c;
    if (rk_gcm_init(&c, key, 16) != RK_OK || rk_aes_init_portable(&c.aes, key, 16) != RK_OK ||
        rk_gcm_ctx_seal(&c, iv, 16, aad, sizeof aad, msg, 1024, out, tag) != RK_OK)
        memset(out, 0, 1);
    rk_gcm_ctx_wipe(&c);
}
static void rk_block_portable(void *a)
{
    (void)a;
    rk_aes_ctx c;
    if (rk_aes_init_portable(&c, key, 32) == RK_OK) rk_aes_encrypt(&c, msg, out, 4);
    rk_aes_ctx_wipe(&c);
}
static void rk_gcm64(void *a)
{
    (void)a;
    if (rk_gcm_seal(key, 16, iv, 16, aad, sizeof aad, msg, 64, out, tag) != RK_OK) memset(out, 0, 1);
}
static void wc_gcm64(void *a)
{
    (void)a;
    Aes aes;
    wc_AesInit(&aes, NULL, INVALID_DEVID);
    wc_AesGcmSetKey(&aes, key, 16);
    wc_AesGcmEncrypt(&aes, out, msg, 64, iv, 16, tag, 16, aad, sizeof aad);
    wc_AesFree(&aes);
}
static void rk_block(void *a)
{
    (void)a;
    rk_aes_ctx c;
    if (rk_aes_init(&c, key, 32) == RK_OK) rk_aes_encrypt(&c, msg, out, 4);
    rk_aes_ctx_wipe(&c);
}
static void rk_kw32(void *a)
{
    (void)a;
    size_t ol;
    if (rk_kw_wrap(key, 32, msg, 32, out, sizeof out, &ol) != RK_OK) memset(out, 0, 1);
}
static void wc_kw32(void *a)
{
    (void)a;
    wc_AesKeyWrap(key, 32, msg, 32, out, sizeof out, NULL);
}
static void rk_unkw32(void *a)
{
    (void)a;
    size_t ol;
    if (rk_kw_unwrap(key, 32, out, 40, msg + 512, 512, &ol) != RK_ERR_KW_ICV) memset(out, 0, 1);
}
static void rk_cmac64(void *a)
{
    (void)a;
    if (rk_cmac(key, 32, msg, 64, tag) != RK_OK) memset(out, 0, 1);
}
static void wc_cmac64(void *a)
{
    (void)a;
    word32 l = 16;
    wc_AesCmacGenerate(tag, &l, msg, 64, key, 32);
}

void rk_bench_aes(void)
{
    for (size_t i = 0; i < sizeof msg; i++) msg[i] = (uint8_t)i;
    memset(key, 7, sizeof key);
    rk_bench_report("aes256_init+4blocks", rk_bench_us(rk_block, NULL, 200, 9), 0);
    rk_bench_report("aes256_init+4blocks_portable", rk_bench_us(rk_block_portable, NULL, 200, 9), 0);
    rk_bench_report("gcm128_seal_1KiB_iv16", rk_bench_us(rk_gcm1k, NULL, 100, 9), rk_bench_us(wc_gcm1k, NULL, 100, 9));
    rk_bench_report("gcm128_seal_1KiB_iv16_portable", rk_bench_us(rk_gcm1k_portable, NULL, 100, 9), 0);
    rk_bench_report("gcm128_seal_64B_iv16", rk_bench_us(rk_gcm64, NULL, 200, 9), rk_bench_us(wc_gcm64, NULL, 200, 9));
    rk_bench_report("kw256_wrap_32B", rk_bench_us(rk_kw32, NULL, 100, 9), rk_bench_us(wc_kw32, NULL, 100, 9));
    rk_bench_report("kw256_unwrap_32B_fail", rk_bench_us(rk_unkw32, NULL, 100, 9), 0);
    rk_bench_report("cmac256_64B", rk_bench_us(rk_cmac64, NULL, 200, 9), rk_bench_us(wc_cmac64, NULL, 200, 9));
}
