/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz harness: the E.6 protected-payload framing and the Key Parameters
 * plaintext decoder on attacker bytes (exact-size heap copy for ASan).
 * The first octet picks the decoder.  Oracles: on error the output is zero;
 * on success the spans lie in the input and re-encoding the decoded fields
 * gives back exactly the input (both formats are canonical). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rootkey/keyparams.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint8_t out[70000];
    size_t n = 0, i;
    if (size < 1 || size > 66000) return 0;
    size_t len = size - 1;
    uint8_t *d = malloc(len ? len : 1);
    if (!d) return 0;
    memcpy(d, data + 1, len);
    if (data[0] % 2 == 0) {
        rk_kp_frame f;
        /* the DPPK-ID the frame names, so the decoder gets past that check
         * on most inputs; odd selector values test a fixed one */
        uint32_t id = len >= 32 ? ((uint32_t)d[28] << 24 | (uint32_t)d[29] << 16 | (uint32_t)d[30] << 8 | d[31])
                                : 0x06A12AEAu;
        if (data[0] % 4 == 2) id ^= 1u;
        if (rk_keyparams_frame_decode(&f, d, len, id) != RK_OK) {
            if (f.ct_len || f.ct_off || f.h.dppk_id) abort();
        } else {
            uint8_t aad[RK_KP_AAD_BYTES];
            if (f.ct_off != RK_KP_FRAME_OVERHEAD || f.ct_off + f.ct_len != len) abort();
            rk_keyparams_aad(aad, &f.h);
            if (memcmp(aad, d, RK_KP_AAD_BYTES) != 0) abort();
            if (rk_keyparams_frame_encode(out, sizeof out, &n, &f.h, d + f.ct_off, f.ct_len) != RK_OK) abort();
            if (n != len || memcmp(out, d, len) != 0) abort();
        }
    } else {
        rk_kp_params_view p;
        rk_kp_params e;
        if (rk_keyparams_decode(&p, d, len) != RK_OK) {
            if (p.n_groups || p.text.len || p.has_group_ids) abort();
        } else {
            if (p.text.off + p.text.len > len || p.n_groups > RK_KP_MAX_GROUPS) abort();
            memset(&e, 0, sizeof e);
            e.key_type = p.key_type;
            e.status = p.status;
            e.activation = p.activation;
            e.expiry = p.expiry;
            e.text = d + p.text.off;
            e.text_len = p.text.len;
            e.has_group_ids = p.has_group_ids;
            e.n_groups = p.n_groups;
            for (i = 0; i < p.n_groups; i++) {
                if (p.group[i].off + p.group[i].len > len) abort();
                e.group[i] = d + p.group[i].off;
                e.group_len[i] = p.group[i].len;
            }
            if (rk_keyparams_encode(out, sizeof out, &n, &e) != RK_OK) abort();
            if (n != len || memcmp(out, d, len) != 0) abort();
        }
    }
    free(d);
    return 0;
}
