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

static const uint8_t KPAK[65] = {
    0x04, 0x50, 0xD4, 0x67, 0x0B, 0xDE, 0x75, 0x24, 0x4F, 0x28, 0xD2, 0x83, 0x8A, 0x0D, 0x25, 0x55,
    0x8A, 0x7A, 0x72, 0x68, 0x6D, 0x45, 0x22, 0xD4, 0xC8, 0x27, 0x3F, 0xB6, 0x44, 0x2A, 0xEB, 0xFA,
    0x93, 0xDB, 0xDD, 0x37, 0x55, 0x1A, 0xFD, 0x26, 0x3B, 0x5D, 0xFD, 0x61, 0x7F, 0x39, 0x60, 0xC6,
    0x5A, 0x8C, 0x29, 0x88, 0x50, 0xFF, 0x99, 0xF2, 0x03, 0x66, 0xDC, 0xE7, 0xD4, 0x36, 0x72, 0x17,
    0xF4 };

static rk_eccsi_verifier_ctx V;
static int ready;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!ready) {
        if (rk_eccsi_verifier_init(&V, KPAK, 65) != RK_OK) __builtin_trap();
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
        st = rk_eccsi_signer_init(&s, KPAK, 65, id, idl, sig, 32, sig + 64, 65);
        if (st != RK_OK) {
            for (size_t i = 0; i < sizeof s.ssk / sizeof s.ssk[0]; i++)
                if (s.ssk[i] != 0 || s.ready != 0) __builtin_trap();
        }
        rk_eccsi_signer_wipe(&s);
    }
    return 0;
}
