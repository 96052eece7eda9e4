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
#include "rfc_keys.h"

static rk_sakke_receiver_ctx rcv;

/* Key setup (RSK validation and its line table) once, outside the per-input
 * timeout. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    uint8_t zpub[257], rsk[257];
    (void)argc;
    (void)argv;
    if (sodium_init() < 0 || rk_sakke_kms_public(zpub, RFC6508_Z, 20) != RK_OK ||
        rk_sakke_kms_rsk(rsk, RFC6508_Z, 20, RFC_ID, 26) != RK_OK ||
        rk_sakke_receiver_install(&rcv, zpub, RFC_ID, 26, rsk, 1) != RK_OK)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t ssv[16];
    memset(ssv, 0xA5, sizeof ssv);
    rk_status st = rk_sakke_decapsulate(ssv, sizeof ssv, &rcv, data, size);
    if (st == RK_OK) {
        if (memcmp(ssv, RFC6508_SSV, 16) != 0)
            abort();                   /* only the RFC message opens */
    } else {
        for (size_t i = 0; i < sizeof ssv; i++)
            if (ssv[i] != 0)
                abort();               /* no candidate SSV left behind */
    }
    return 0;
}
