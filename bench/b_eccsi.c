/* SPDX-License-Identifier: Apache-2.0 */
/* ECCSI benchmark against Debian's libwolfssl, measured in the same run:
 * sign, verify (HS from the PVT included on both sides), SSK validation. */
#include <stdio.h>
#include <string.h>
#include "bench.h"
#include "rootkey/eccsi.h"
#include <wolfssl/options.h>
#include <wolfssl/wolfcrypt/eccsi.h>
#include <wolfssl/wolfcrypt/random.h>

static const uint8_t ID[] = "2026-11\0tel:+15550100";
static uint8_t KPAK[65], SSK[32], PVT[65], SIG[129], MSG[100], RND[32];
static rk_eccsi_signer_ctx SIGNER;
static rk_eccsi_verifier_ctx VERIFIER;

static EccsiKey WK;       /* wolfSSL signer/verifier key (KPAK, SSK, PVT, HS set) */
static WC_RNG WRNG;
static mp_int WSSK;
static ecc_point *WPVT;
static uint8_t WSIG[129];

static void rk_sign(void *a)
{
    (void)a;
    RND[0]++;
    if (rk_eccsi_sign(&SIGNER, SIG, sizeof SIG, MSG, sizeof MSG, RND, 32) != RK_OK)
        printf("rootkey sign failed\n");
}

static void rk_verify(void *a)
{
    (void)a;
    if (rk_eccsi_verify(&VERIFIER, ID, sizeof ID, MSG, sizeof MSG, SIG, 129) != RK_OK)
        printf("rootkey verify failed\n");
}

static void rk_validate(void *a)
{
    rk_eccsi_signer_ctx s;
    (void)a;
    if (rk_eccsi_signer_init(&s, KPAK, 65, ID, sizeof ID, SSK, 32, PVT, 65) != RK_OK)
        printf("rootkey validate failed\n");
    rk_eccsi_signer_wipe(&s);
}

static void wolf_sign(void *a)
{
    word32 sz = sizeof WSIG;
    (void)a;
    if (wc_SignEccsiHash(&WK, &WRNG, WC_HASH_TYPE_SHA256, MSG, sizeof MSG, WSIG, &sz) != 0)
        printf("wolfssl sign failed\n");
}

static void wolf_verify(void *a)
{
    /* the verifier derives HS from the PVT in the signature, as ours does */
    ecc_point *p = wc_ecc_new_point();
    byte hash[64], hsz = sizeof hash;
    int ok = 0;
    (void)a;
    int rc = wc_DecodeEccsiPvtFromSig(&WK, WSIG, 129, p);
    rc |= wc_HashEccsiId(&WK, WC_HASH_TYPE_SHA256, ID, sizeof ID, p, hash, &hsz);
    rc |= wc_SetEccsiHash(&WK, hash, hsz);
    rc |= wc_VerifyEccsiHash(&WK, WC_HASH_TYPE_SHA256, MSG, sizeof MSG, WSIG, 129, &ok);
    wc_ecc_del_point(p);
    if (rc != 0 || ok != 1)
        printf("wolfssl verify failed\n");
}

static void wolf_validate(void *a)
{
    int valid = 0;
    (void)a;
    if (wc_ValidateEccsiPair(&WK, WC_HASH_TYPE_SHA256, ID, sizeof ID, &WSSK, WPVT, &valid) != 0 || valid != 1)
        printf("wolfssl validate failed\n");
}

void rk_bench_eccsi(void)
{
    uint8_t ksak[32], v[32];
    word32 sz;
    for (size_t i = 0; i < 32; i++) { ksak[i] = (uint8_t)(i * 7 + 3); v[i] = (uint8_t)(i * 11 + 5); }
    ksak[0] = v[0] = 0x11;
    for (size_t i = 0; i < sizeof MSG; i++) MSG[i] = (uint8_t)i;
    if (rk_eccsi_kms_kpak(KPAK, ksak) != RK_OK ||
        rk_eccsi_kms_make_ssk(SSK, PVT, ksak, KPAK, ID, sizeof ID, v) != RK_OK ||
        rk_eccsi_signer_init(&SIGNER, KPAK, 65, ID, sizeof ID, SSK, 32, PVT, 65) != RK_OK ||
        rk_eccsi_verifier_init(&VERIFIER, KPAK, 65) != RK_OK) {
        printf("bench eccsi: setup failed\n");
        return;
    }
    /* wolfSSL with the same keys */
    byte hash[64], hsz = sizeof hash;
    WPVT = wc_ecc_new_point();
    int rc = wc_InitRng(&WRNG);
    rc |= wc_InitEccsiKey(&WK, NULL, INVALID_DEVID);
    rc |= mp_init(&WSSK);
    rc |= wc_ImportEccsiPublicKey(&WK, KPAK, 65, 0);
    rc |= wc_DecodeEccsiSsk(&WK, SSK, 32, &WSSK);
    rc |= wc_DecodeEccsiPvt(&WK, PVT, 65, WPVT);
    rc |= wc_HashEccsiId(&WK, WC_HASH_TYPE_SHA256, ID, sizeof ID, WPVT, hash, &hsz);
    rc |= wc_SetEccsiHash(&WK, hash, hsz);
    rc |= wc_SetEccsiPair(&WK, &WSSK, WPVT);
    sz = sizeof WSIG;
    rc |= wc_SignEccsiHash(&WK, &WRNG, WC_HASH_TYPE_SHA256, MSG, sizeof MSG, WSIG, &sz);
    if (rc != 0) {
        printf("bench eccsi: wolfSSL setup failed\n");
        return;
    }
    rk_sign(0);
    /* The two libraries alternate, several times, and each keeps its best
     * median: on a shared machine this compares both at the same load. */
    struct { const char *op; void (*r)(void *); void (*w)(void *); unsigned n; } ops[] = {
        { "eccsi_sign", rk_sign, wolf_sign, 100 },
        { "eccsi_verify", rk_verify, wolf_verify, 50 },
        { "eccsi_ssk_validate", rk_validate, wolf_validate, 30 },
    };
    for (size_t o = 0; o < sizeof ops / sizeof ops[0]; o++) {
        double r = 1e30, w = 1e30;
        for (int k = 0; k < 6; k++) {
            double a = rk_bench_us(ops[o].r, 0, ops[o].n, 5);
            double b = rk_bench_us(ops[o].w, 0, ops[o].n, 5);
            if (a < r) r = a;
            if (b < w) w = b;
        }
        rk_bench_report(ops[o].op, r, w);
    }
    mp_free(&WSSK);
    wc_ecc_del_point(WPVT);
    wc_FreeEccsiKey(&WK);
    wc_FreeRng(&WRNG);
}
