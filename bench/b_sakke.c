/* SPDX-License-Identifier: Apache-2.0 */
/* SAKKE benchmarks against Debian's libwolfssl in the same run (same keys,
 * same identity, same SSV). */
#include <stdio.h>
#include <string.h>
#include <wolfssl/options.h>
#include <wolfssl/wolfcrypt/settings.h>
#include <wolfssl/wolfcrypt/sakke.h>
#include <wolfssl/wolfcrypt/random.h>
#include "bench.h"
#include "rootkey/sakke.h"

static rk_sakke_sender_ctx snd;
static rk_sakke_receiver_ctx rcv, rcv_nt;
static uint8_t id[32], zpub[257], rsk[257], data[273], ssv[16], out[16];
static SakkeKey wk;
static ecc_point *wr;
static unsigned ctr;
static uint8_t wtab[1 << 20];
static unsigned bad;

static void our_encap(void *a) { (void)a; id[1] = (uint8_t)ctr++; if (rk_sakke_encapsulate(data, &snd, id, 32, ssv, 16) != RK_OK)
        bad++; }
static void wolf_encap(void *a)
{
    (void)a;
    uint8_t s[16], auth[300];
    word16 asz = sizeof auth;
    id[1] = (uint8_t)ctr++;
    wc_SetSakkeIdentity(&wk, id, 32);
    memcpy(s, ssv, 16);
    wc_MakeSakkeEncapsulatedSSV(&wk, WC_HASH_TYPE_SHA256, s, 16, auth, &asz);
}
static void our_decap(void *a) { if (rk_sakke_decapsulate(out, 16, (rk_sakke_receiver_ctx *)a, data, 273) != RK_OK)
        bad++; }
static void wolf_decap(void *a)
{
    (void)a;
    uint8_t s[16];
    memcpy(s, data + 257, 16);
    wc_DeriveSakkeSSV(&wk, WC_HASH_TYPE_SHA256, s, 16, data, 257);
}
static void our_install_nt(void *a) { (void)a; if (rk_sakke_receiver_install(&rcv_nt, zpub, id, 32, rsk, 0) != RK_OK)
        bad++; }
static void our_install_t(void *a) { (void)a; if (rk_sakke_receiver_install(&rcv, zpub, id, 32, rsk, 1) != RK_OK)
        bad++; }
static void our_sender(void *a) { (void)a; if (rk_sakke_sender_init(&snd, zpub) != RK_OK)
        bad++; }
static void wolf_validate(void *a) { (void)a; int valid = 0; wc_ValidateSakkeRsk(&wk, id, 32, wr, &valid); }
static word32 wtab_len;
static void wolf_table(void *a) { (void)a; word32 tl = wtab_len; if (wc_GenerateSakkeRskTable(&wk, wr, wtab, &tl) != 0) bad++; }
static void our_table(void *a) { (void)a; rk_pairing_table_init(&rcv.lines, &rcv.K); }

void rk_bench_sakke(void)
{
    static const uint8_t z[20] = { 0xAF,0xF4,0x29,0xD3,0x5F,0x84,0xB1,0x10,0xD0,0x94,0x80,0x3B,
                                   0x35,0x95,0xA6,0xE2,0x99,0x8B,0xC9,0x9F };
    for (int i = 0; i < 32; i++) id[i] = (uint8_t)(i * 7 + 3);
    memset(ssv, 0x42, 16);
    if (rk_sakke_kms_public(zpub, z, 20) != RK_OK || rk_sakke_kms_rsk(rsk, z, 20, id, 32) != RK_OK) {
        printf("bench sakke: setup failed\n");
        return;
    }
    WC_RNG rng;
    wc_InitRng(&rng);
    wc_InitSakkeKey_ex(&wk, 128, ECC_SAKKE_1, NULL, INVALID_DEVID);
    wc_ImportSakkePublicKey(&wk, zpub, 257, 1);
    wr = wc_ecc_new_point();
    wc_DecodeSakkeRsk(&wk, rsk, 257, wr);
    wc_SetSakkeIdentity(&wk, id, 32);

    rk_bench_report("sakke_sender_tables_build", rk_bench_us(our_sender, 0, 1, 3), 0);
    rk_bench_report("sakke_encapsulate_new_receiver", rk_bench_us(our_encap, 0, 10, 3),
                    rk_bench_us(wolf_encap, 0, 10, 3));
    id[1] = (uint8_t)(1 * 7 + 3);              /* back to the RSK's identity */
    wc_SetSakkeIdentity(&wk, id, 32);
    if (rk_sakke_receiver_install(&rcv, zpub, id, 32, rsk, 1) != RK_OK)
        bad++;
    if (rk_sakke_receiver_install(&rcv_nt, zpub, id, 32, rsk, 0) != RK_OK)
        bad++;
    if (rk_sakke_encapsulate(data, &snd, id, 32, ssv, 16) != RK_OK)
        bad++;
    wc_SetSakkeRsk(&wk, wr, NULL, 0);
    double w_nt = rk_bench_us(wolf_decap, 0, 5, 3);
    rk_bench_report("sakke_decapsulate_no_table", rk_bench_us(our_decap, &rcv_nt, 5, 3), w_nt);
    word32 tl = 0;
    (void)wc_GenerateSakkeRskTable(&wk, wr, NULL, &tl);     /* asks the size */
    wtab_len = tl;
    if (tl > sizeof wtab || wc_GenerateSakkeRskTable(&wk, wr, wtab, &tl) != 0)
        bad++;
    wc_SetSakkeRsk(&wk, wr, wtab, tl);
    rk_bench_report("sakke_decapsulate_rsk_table", rk_bench_us(our_decap, &rcv, 5, 3),
                    rk_bench_us(wolf_decap, 0, 5, 3));
    rk_bench_report("sakke_rsk_validate_install_no_table", rk_bench_us(our_install_nt, 0, 1, 3),
                    rk_bench_us(wolf_validate, 0, 1, 3));
    rk_bench_report("sakke_rsk_table_build", rk_bench_us(our_table, 0, 1, 3),
                    rk_bench_us(wolf_table, 0, 1, 3));
    rk_bench_report("sakke_rsk_validate_install_with_table", rk_bench_us(our_install_t, 0, 1, 3), 0);
    if (bad)
        printf("bench sakke: %u calls failed\n", bad);
    wc_ecc_del_point(wr);
    wc_FreeSakkeKey(&wk);
    wc_FreeRng(&rng);
}
