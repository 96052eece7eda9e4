/* SPDX-License-Identifier: Apache-2.0 */
/* see sk_common.h */
#include <string.h>
#include "rk_test.h"
#include "sk_common.h"

void sk_rfc_load(sk_rfc *v)
{
    static rk_vec vec;           /* 128 KiB buffer: keep it off the stack */
    memset(v, 0, sizeof *v);
    if (!rk_vec_open(&vec, "sakke/rfc6508.txt"))
        return;
    int got = 0;
    uint8_t z[20];
    while (rk_vec_next(&vec)) {
        if (rk_vec_str(&vec, "p")) {
            got += rk_vec_hex(&vec, "p", v->p, 128) == 128;
            got += rk_vec_hex(&vec, "q", v->q, 128) == 128;
            got += rk_vec_hex(&vec, "Px", v->px, 128) == 128;
            got += rk_vec_hex(&vec, "Py", v->py, 128) == 128;
            got += rk_vec_hex(&vec, "g", v->g, 128) == 128;
        }
        if (rk_vec_str(&vec, "z")) {
            got += rk_vec_hex(&vec, "z", z, 20) == 20;
            memcpy(v->z + 108, z, 20);
            got += rk_vec_hex(&vec, "Zx", v->zx, 128) == 128;
            got += rk_vec_hex(&vec, "Zy", v->zy, 128) == 128;
            got += rk_vec_hex(&vec, "b", v->b, 26) == 26;
            got += rk_vec_hex(&vec, "Kx", v->kx, 128) == 128;
            got += rk_vec_hex(&vec, "Ky", v->ky, 128) == 128;
            got += rk_vec_hex(&vec, "SSV", v->ssv, 16) == 16;
            got += rk_vec_hex(&vec, "r", v->r, 128) == 128;
            got += rk_vec_hex(&vec, "bPZx", v->bpzx, 128) == 128;
            got += rk_vec_hex(&vec, "bPZy", v->bpzy, 128) == 128;
            got += rk_vec_hex(&vec, "Rx", v->rx, 128) == 128;
            got += rk_vec_hex(&vec, "Ry", v->ry, 128) == 128;
            got += rk_vec_hex(&vec, "gr", v->gr, 128) == 128;
            got += rk_vec_hex(&vec, "mask", v->mask, 16) == 16;
            got += rk_vec_hex(&vec, "H", v->h, 16) == 16;
            got += rk_vec_hex(&vec, "data", v->data, 273) == 273;
        }
    }
    rk_vec_close(&vec);
    v->Z[0] = 4; memcpy(v->Z + 1, v->zx, 128); memcpy(v->Z + 129, v->zy, 128);
    v->K[0] = 4; memcpy(v->K + 1, v->kx, 128); memcpy(v->K + 129, v->ky, 128);
    v->ok = got == 21;
}

int sk_aff(rk_ss_aff *a, const uint8_t x[128], const uint8_t y[128])
{
    uint64_t ok = rk_fp_from_bytes(&a->x, x) & rk_fp_from_bytes(&a->y, y);
    return ok == 1;
}

void sk_int(rk_fp *k, const uint8_t in[128])
{
    for (size_t i = 0; i < 16; i++) {
        uint64_t w = 0;
        for (size_t j = 0; j < 8; j++)
            w = (w << 8) | in[(15 - i) * 8 + j];
        k->v[i] = w;
    }
}
