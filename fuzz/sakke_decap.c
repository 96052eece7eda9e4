/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz harness: SAKKE decapsulation (RFC 6508 6.2.2) of attacker bytes with
 * fixed keys (the RFC 6508 Appendix A KMS and identity).  Properties: no
 * crash or UB; success only with the genuine encapsulation's SSV; on every
 * error the SSV output is all zero. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "rootkey/sakke.h"

static const uint8_t z20[20] = { 0xAF,0xF4,0x29,0xD3,0x5F,0x84,0xB1,0x10,0xD0,0x94,0x80,0x3B,
                                 0x35,0x95,0xA6,0xE2,0x99,0x8B,0xC9,0x9F };
static const uint8_t id[26] = "2011-02\0tel:+447700900123";
static const uint8_t rfc_ssv[16] = { 0x12,0x34,0x56,0x78,0x9A,0xBC,0xDE,0xF0,
                                     0x12,0x34,0x56,0x78,0x9A,0xBC,0xDE,0xF0 };
static rk_sakke_receiver_ctx rcv;

/* Key setup (RSK validation and its line table) once, outside the per-input
 * timeout. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    uint8_t zpub[257], rsk[257];
    (void)argc;
    (void)argv;
    if (sodium_init() < 0 || rk_sakke_kms_public(zpub, z20, 20) != RK_OK ||
        rk_sakke_kms_rsk(rsk, z20, 20, id, 26) != RK_OK ||
        rk_sakke_receiver_install(&rcv, zpub, id, 26, rsk, 1) != RK_OK)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t ssv[16];
    memset(ssv, 0xA5, sizeof ssv);
    rk_status st = rk_sakke_decapsulate(ssv, sizeof ssv, &rcv, data, size);
    if (st == RK_OK) {
        if (memcmp(ssv, rfc_ssv, 16) != 0)
            abort();                   /* only the RFC message opens */
    } else {
        for (size_t i = 0; i < sizeof ssv; i++)
            if (ssv[i] != 0)
                abort();               /* no candidate SSV left behind */
    }
    return 0;
}
