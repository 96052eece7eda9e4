/* SPDX-License-Identifier: Apache-2.0 */
/* Constant-time checks of aes, gcm, kw and cmac: keys, plaintexts and
 * unwrapped keys are secret; IVs, AAD, lengths and the returned status are
 * public (the status is declassified with CT_USE, as a caller would).
 * valgrind 3.19 executes AES-NI and PCLMULQDQ and its CPUID shows them, so
 * on such a CPU the public entries run the AES-NI path (aes_ni_selected
 * checks that it really does); portable_paths forces the bitsliced AES and
 * portable GHASH, which the public entries then no longer reach. */
#include <stdio.h>
#include <stdlib.h>
#include "ct_harness.h"
#include "rootkey/aes.h"
#include "rootkey/gcm.h"
#include "rootkey/kw.h"
#include "rootkey/cmac.h"
#include "../../core/src/sym/aes_internal.h"

static void aes_blocks(void)
{
    uint8_t k[32], in[80], out[80], back[80];
    ct_fill(k, 32, 11);
    ct_fill(in, 80, 12);
    CT_SECRET(k, 32);
    CT_SECRET(in, 80);
    for (size_t kl = 16; kl <= 32; kl += 16) {
        rk_aes_ctx c;
        rk_status s = rk_aes_init(&c, k, kl);
        CT_USE(s);
        rk_aes_encrypt(&c, in, out, 5);
        rk_aes_decrypt(&c, out, back, 5);
        rk_aes_ctx_wipe(&c);
        CT_USE_BUF(out, sizeof out);
        CT_USE_BUF(back, sizeof back);
    }
}

static void gcm_seal_open(void)
{
    uint8_t k[32], iv[16], aad[20], pt[100], ct[100], tag[16], out[100];
    ct_fill(k, 32, 21);
    ct_fill(iv, 16, 22);
    ct_fill(aad, 20, 23);
    ct_fill(pt, 100, 24);
    CT_SECRET(k, 32);
    CT_SECRET(pt, 100);
    for (size_t ivl = 12; ivl <= 16; ivl += 4) {
        rk_status s = rk_gcm_seal(k, 16, iv, ivl, aad, 20, pt, 100, ct, tag);
        CT_USE(s);
        CT_USE_BUF(ct, 100);   /* ciphertext and tag are public */
        CT_USE_BUF(tag, 16);
        s = rk_gcm_open(k, 16, iv, ivl, aad, 20, ct, 100, out, tag);
        CT_USE(s);
        tag[3] ^= 1;           /* failing tag: same code path, output masked */
        s = rk_gcm_open(k, 16, iv, ivl, aad, 20, ct, 100, out, tag);
        CT_USE(s);
        CT_USE_BUF(out, 100);
    }
    rk_gcm_ctx c;
    rk_status s = rk_gcm_init(&c, k, 32);
    CT_USE(s);
    s = rk_gcm_ctx_seal(&c, iv, 16, aad, 0, pt, 33, ct, tag);
    CT_USE(s);
    rk_gcm_ctx_wipe(&c);
    CT_USE_BUF(ct, 33);
    CT_USE_BUF(tag, 16);
}

static void kw_wrap_unwrap(void)
{
    uint8_t kek[32], key[32], wr[48], out[48];
    size_t ol = 0;
    ct_fill(kek, 32, 31);
    ct_fill(key, 32, 32);
    CT_SECRET(kek, 32);
    CT_SECRET(key, 32);
    rk_status s = rk_kw_wrap(kek, 32, key, 32, wr, sizeof wr, &ol);
    CT_USE(s);
    CT_USE_BUF(wr, sizeof wr);
    s = rk_kw_unwrap(kek, 32, wr, 40, out, sizeof out, &ol);
    CT_USE(s);
    CT_USE(ol);
    wr[5] ^= 1;
    s = rk_kw_unwrap(kek, 32, wr, 40, out, sizeof out, &ol);
    CT_USE(s);
    CT_USE(ol);
    CT_USE_BUF(out, sizeof out);
}

static void kwp_wrap_unwrap(void)
{
    uint8_t kek[16], key[21], wr[40], out[40];
    size_t ol = 0;
    ct_fill(kek, 16, 41);
    ct_fill(key, 21, 42);
    CT_SECRET(kek, 16);
    CT_SECRET(key, 21);
    for (size_t n = 5; n <= 21; n += 16) {  /* one-block and multi-block paths */
        rk_status s = rk_kwp_wrap(kek, 16, key, n, wr, sizeof wr, &ol);
        CT_USE(s);
        CT_USE(ol);
        size_t wl = ol;
        CT_USE_BUF(wr, sizeof wr);
        s = rk_kwp_unwrap(kek, 16, wr, wl, out, sizeof out, &ol);
        CT_USE(s);
        CT_USE(ol);
        wr[wl - 1] ^= 0x10;
        s = rk_kwp_unwrap(kek, 16, wr, wl, out, sizeof out, &ol);
        CT_USE(s);
        CT_USE(ol);
        CT_USE_BUF(out, sizeof out);
    }
}

static void cmac_tag_verify(void)
{
    uint8_t k[32], msg[70], tag[16];
    ct_fill(k, 32, 51);
    ct_fill(msg, 70, 52);
    CT_SECRET(k, 32);
    CT_SECRET(msg, 70);
    rk_status s = rk_cmac(k, 32, msg, 70, tag);
    CT_USE(s);
    CT_USE_BUF(tag, 16);
    s = rk_cmac_verify(k, 32, msg, 64, tag, 8);
    CT_USE(s);
    s = rk_cmac_verify(k, 32, msg, 70, tag, 16);
    CT_USE(s);
}

/* GCM seal and open of 100 octets (secret key and text) on context c. */
static void gcm_ctx_round(const rk_gcm_ctx *c)
{
    uint8_t iv[16], aad[20], pt[100], ct[100], tag[16], out[100];
    ct_fill(iv, 16, 62);
    ct_fill(aad, 20, 63);
    ct_fill(pt, 100, 64);
    CT_SECRET(pt, 100);
    rk_status s = rk_gcm_ctx_seal(c, iv, 16, aad, 20, pt, 100, ct, tag);
    CT_USE(s);
    CT_USE_BUF(ct, 100);
    CT_USE_BUF(tag, 16);
    s = rk_gcm_ctx_open(c, iv, 12, aad, 20, ct, 100, out, tag);   /* fails: other IV */
    CT_USE(s);
    CT_USE_BUF(out, 100);
}

/* The bitsliced AES (encrypt, decrypt, key schedule) and the portable
 * GHASH, forced with rk_aes_init_portable. */
static void portable_paths(void)
{
    uint8_t k[32], in[80], out[80];
    ct_fill(k, 32, 61);
    ct_fill(in, 80, 65);
    CT_SECRET(k, 32);
    CT_SECRET(in, 80);
    for (size_t kl = 16; kl <= 32; kl += 16) {
        rk_gcm_ctx c;
        rk_status s = rk_gcm_init(&c, k, kl);
        CT_USE(s);
        s = rk_aes_init_portable(&c.aes, k, kl);
        CT_USE(s);
        if (c.aes.hw != 0) abort();
        rk_aes_encrypt(&c.aes, in, out, 5);
        rk_aes_decrypt(&c.aes, out, out, 5);
        CT_USE_BUF(out, sizeof out);
        gcm_ctx_round(&c);
        rk_gcm_ctx_wipe(&c);
    }
}

/* The AES-NI key schedule, cipher, inverse cipher and PCLMULQDQ GHASH: the
 * public entries must have picked them (c.aes.hw == 1). */
static void aes_ni_selected(void)
{
#ifdef RK_AES_HW
    if (!rk_aes_hw_cpu()) {
        printf("note: no AES-NI/PCLMULQDQ under this valgrind: the AES-NI path is NOT checked\n");
        return;
    }
    uint8_t k[32];
    ct_fill(k, 32, 71);
    CT_SECRET(k, 32);
    for (size_t kl = 16; kl <= 32; kl += 16) {
        rk_gcm_ctx c;
        rk_status s = rk_gcm_init(&c, k, kl);
        CT_USE(s);
        if (c.aes.hw != 1) abort();
        gcm_ctx_round(&c);
        rk_gcm_ctx_wipe(&c);
    }
#else
    printf("note: the AES-NI path is not compiled in\n");
#endif
}

RK_CT_CHECKS(aes) = {
    { "aes_blocks", aes_blocks },
    { "gcm_seal_open", gcm_seal_open },
    { "kw_wrap_unwrap", kw_wrap_unwrap },
    { "kwp_wrap_unwrap", kwp_wrap_unwrap },
    { "cmac_tag_verify", cmac_tag_verify },
    { "aes_ni_selected", aes_ni_selected },
    { "portable_paths", portable_paths },
    { 0, 0 }
};
