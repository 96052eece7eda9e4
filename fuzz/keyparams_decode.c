/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz harness: the E.6 protected-payload framing and the Key Parameters
 * plaintext decoder on attacker bytes (exact-size heap copy for ASan).
 * The first octet picks the decoder.  Oracles: on error the output is zero;
 * on success the spans lie in the input and re-encoding the decoded fields
 * gives back exactly the input (both formats are canonical).  The high
 * nibble of the first octet, when not 0, names one field of the decoded
 * value that the harness makes invalid before encoding (tweak_frame,
 * tweak_params): the encoder must refuse it with that check's own status
 * and a zero output length, so its refusals are reached from the corpus. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rootkey/keyparams.h"

static uint8_t big[65536];   /* group URIs too long together, never read */

/* the frame encoder on header h and ct made invalid by tweak t (1..5; any
 * other t: nothing) */
static void tweak_frame(unsigned t, rk_kp_header h, const uint8_t *ct, size_t ct_len, uint8_t *out, size_t cap)
{
    rk_status want;
    size_t n = 1;
    switch (t) {
    case 1: h.msg_type = 0x41; want = RK_ERR_KP_MSG_TYPE; break;
    case 2: h.alg = RK_KP_ALG_AES128GCM + 1; want = RK_ERR_KP_ALG; break;
    case 3: ct_len = RK_KP_CT_MIN_BYTES - 1; want = RK_ERR_KP_CT_LENGTH; break;
    case 4: ct = big; ct_len = sizeof big; want = RK_ERR_KP_TEXT_LENGTH; break;
    case 5: cap = RK_KP_FRAME_OVERHEAD + ct_len - 1; want = RK_ERR_BUFFER; break;
    default: return;
    }
    if (rk_keyparams_frame_encode(out, cap, &n, &h, ct, ct_len) != want || n != 0) abort();
}

/* the parameters encoder on e made invalid by tweak t (1..8; any other t:
 * nothing), whose valid encoding is len octets */
static void tweak_params(unsigned t, rk_kp_params e, size_t len, uint8_t *out, size_t cap)
{
    rk_status want;
    size_t n = 1;
    switch (t) {
    case 1: e.key_type = 16; want = RK_ERR_KP_KEY_TYPE; break;
    case 2: e.expiry = (uint64_t)1 << 40; want = RK_ERR_LENGTH; break;
    case 3: e.text = big; e.text_len = sizeof big; want = RK_ERR_KP_TEXT_LENGTH; break;
    case 4: e.has_group_ids = 1; e.n_groups = RK_KP_MAX_GROUPS + 1; want = RK_ERR_KP_GROUP_LIMIT; break;
    case 5: e.has_group_ids = 0; e.n_groups = 1; e.group[0] = big; e.group_len[0] = 1;
        want = RK_ERR_KP_GROUP_COUNT; break;
    case 6: /* the last group empty */
        e.has_group_ids = 1;
        if (e.n_groups == 0) e.n_groups = 1;
        e.group[e.n_groups - 1] = big;
        e.group_len[e.n_groups - 1] = 0;
        want = RK_ERR_KP_GROUP_LENGTH; break;
    case 7: e.has_group_ids = 1; e.n_groups = 2; e.group[0] = e.group[1] = big;
        e.group_len[0] = e.group_len[1] = 65535; want = RK_ERR_KP_TEXT_LENGTH; break;
    case 8: cap = len - 1; want = RK_ERR_BUFFER; break;
    default: return;
    }
    if (rk_keyparams_encode(out, cap, &n, &e) != want || n != 0) abort();
}

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
            tweak_frame(data[0] >> 4, f.h, d + f.ct_off, f.ct_len, out, sizeof out);
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
            tweak_params(data[0] >> 4, e, len, out, sizeof out);
        }
    }
    free(d);
    return 0;
}
