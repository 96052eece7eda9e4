/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz ECCSI verification (RFC 6507 5.2.2) on attacker bytes: signature
 * (r, s, PVT), identity and message, under the RFC 6507 Appendix A KPAK;
 * plus SSK validation on the same bytes.  Input layout:
 *   [0] identity length  [1] signature length selector  [2..] sig || id || msg
 * Every call must return a status (no crash, no sanitizer report); an
 * accepted signature must be the genuine one for its message. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "rootkey/eccsi.h"
#include "rfc_keys.h"

static rk_eccsi_verifier_ctx V;
static int ready;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ready) {
        if (rk_eccsi_verifier_init(&V, RFC6507_KPAK, 65) != RK_OK) __builtin_trap();
        ready = 1;
    }
    if (size < 2) return 0;
    size_t idl = data[0];
    size_t sl = data[1] < 200 ? 129 : (size_t)(data[1] - 200);   /* mostly 129 */
    const uint8_t *p = data + 2;
    size_t rest = size - 2;
    if (sl > rest) sl = rest;
    const uint8_t *sig = p;
    p += sl; rest -= sl;
    if (idl > rest) idl = rest;
    const uint8_t *id = p;
    p += idl; rest -= idl;
    rk_status st = rk_eccsi_verify(&V, id, idl, p, rest, sig, sl);
    if (st > 0 || st < -399) __builtin_trap();
    if (st == RK_OK && sl != 129) __builtin_trap();
    /* the same bytes as an SSK installation: (KPAK, id, SSK = sig[0..31], PVT = sig[64..]) */
    if (sl == 129) {
        rk_eccsi_signer_ctx s;
        st = rk_eccsi_signer_init(&s, RFC6507_KPAK, 65, id, idl, sig, 32, sig + 64, 65);
        if (st != RK_OK) {
            for (size_t i = 0; i < sizeof s.ssk / sizeof s.ssk[0]; i++)
                if (s.ssk[i] != 0 || s.ready != 0) __builtin_trap();
        }
        rk_eccsi_signer_wipe(&s);
    }
    return 0;
}
