/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz harness: rk_rootkey_unwrap (the client side of the root-key message,
 * every check of docs/design.md §5) on attacker bytes, with the fixed keys of the
 * worked example (docs/profile-element.md 7, vectors/rootkey/example.txt):
 * KSAK 2A6B..6B, z 0F4C..4C, the IWF sip:lmr-iwf@rootkey.test (ECCSI v
 * 01 32..32, key period 1531) and the client sip:alice@rootkey.test with
 * the RSK of that period (pairing table built once), both on
 * kms.rootkey.test (period 2592000 s, offset 0), clock at the example's
 * activation + 10 s.
 *
 * The first input octet selects a mode:
 *   bit 0  the rest is a profile document (rk_profile_find, then the base64
 *          of each found element, at most 4) instead of a bare I_MESSAGE;
 *          with bit 5 as well, the rest is a bare element (or any content)
 *          that the harness places in <anyExt> of a minimal MCPTT user
 *          profile document first;
 *   bit 1  re-sign the message with the IWF's key before unwrapping (when
 *          it parses), so mutations get past ECCSI into SAKKE, GCM, the key
 *          parameters, the LMR block and the policy checks;
 *   bit 2  something is stored for the root-key ID: its wrap time is T - 1
 *          (bit 3 clear) or T (bit 3 set: replay);
 *   bit 4  expect a P25 block (lmr_type check);
 *   bit 6  the message carries its GCM layers in the clear: the harness
 *          decapsulates the SSV with the client's RSK (when the SAKKE
 *          payload is intact), binds each protected General Extension
 *          (type 7, the key parameters, and type 250, the LMR block) to
 *          the CSB-ID (its DPPK-ID := CSB-ID, unless bit 7 is set too),
 *          seals its plaintext in place under DPCK(SSV, CSB-ID) with the
 *          framing's IV and AAD, then re-signs (as bit 1): so a mutation of
 *          the key type, status, activation, expiry, text, the LMR block
 *          or the CSB-ID (the root-key ID) reaches the checks after every
 *          signature and GCM tag;
 *   bit 7  without bit 6: the clock is before 1970 (now_unix negated).
 * Properties: no crash or UB; after any error the result is all zero; an
 * accepted message that we did not re-sign is the example's (root key
 * 00 07 0E .., CSB-ID F0111213) - only the IWF can sign; an accepted one
 * has a key of 8..32 octets, an LMR type 1..3, period 1531. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "rootkey/b64.h"
#include "rootkey/gcm.h"
#include "rootkey/hash.h"
#include "rootkey/keyperiod.h"
#include "rootkey/profile.h"
#include "rootkey/rootkey.h"

#define U8(s) ((const uint8_t *)(s))

static const char kms[] = "kms.rootkey.test";
static const char iwf[] = "sip:lmr-iwf@rootkey.test";
static const char alice[] = "sip:alice@rootkey.test";
static const uint64_t plen = 2592000;
static const uint32_t ts_example = 3968437672u;   /* T of the example, period 1531 */
static const int64_t now_unix = 1759449600 + 10;  /* the example's activation + 10 s */

static uint64_t pno;
static rk_eccsi_verifier_ctx kpak_ctx;
static rk_eccsi_signer_ctx iwf_sig;
static rk_sakke_receiver_ctx alice_rx;
static rk_rootkey_scratch scratch;
static rk_rootkey_result res;
static rk_profile_ctx pctx;
static rk_profile_element els[4];
static uint8_t msg[RK_MIKEY_MAX_BYTES];
static uint8_t doc[1 << 16];
static const char doc_head[] = "<mcptt-user-profile xmlns=\"" RK_PROFILE_UP_NS "\"><anyExt>";
static const char doc_tail[] = "</anyExt></mcptt-user-profile>";

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    uint8_t ksak[32], kpak[65], zs[32], z[257], v[32], ssk[32], pvt[65], uid[32], rsk[257];
    (void)argc;
    (void)argv;
    memset(ksak, 0x6B, 32); ksak[0] = 0x2A;
    memset(zs, 0x4C, 32); zs[0] = 0x0F;
    memset(v, 0x32, 32); v[0] = 1;
    if (sodium_init() < 0
        || rk_key_period_no(&pno, rk_ntp_seconds_since_1900(ts_example), plen, 0) != RK_OK
        || rk_eccsi_kms_kpak(kpak, ksak) != RK_OK
        || rk_eccsi_verifier_init(&kpak_ctx, kpak, 65) != RK_OK
        || rk_uid(uid, U8(iwf), sizeof iwf - 1, U8(kms), sizeof kms - 1, plen, 0, pno) != RK_OK
        || rk_eccsi_kms_make_ssk(ssk, pvt, ksak, kpak, uid, 32, v) != RK_OK
        || rk_eccsi_signer_init(&iwf_sig, kpak, 65, uid, 32, ssk, 32, pvt, 65) != RK_OK
        || rk_sakke_kms_public(z, zs, 32) != RK_OK
        || rk_uid(uid, U8(alice), sizeof alice - 1, U8(kms), sizeof kms - 1, plen, 0, pno) != RK_OK
        || rk_sakke_kms_rsk(rsk, zs, 32, uid, 32) != RK_OK
        || rk_sakke_receiver_install(&alice_rx, z, uid, 32, rsk, 1) != RK_OK)
        abort();
    return 0;
}

static int result_zero(const rk_rootkey_result *r)
{
    const uint8_t *p = (const uint8_t *)&r->lmr.key;
    for (size_t i = 0; i < sizeof r->lmr.key; i++)
        if (p[i] != 0)
            return 0;
    return r->key_id == 0 && r->wrap_time == 0 && r->period_no == 0 && r->activation == 0
        && r->expiry == 0 && r->iwf_index == 0 && r->keyset_index == 0 && r->lmr.key_len == 0
        && r->lmr.lmr_type == 0 && r->lmr.sys_len == 0 && r->lmr.ref_len == 0;
}

/* Bit 6: seal every protected extension of m in place (see the top). */
static void seal_layers(uint8_t mode, uint8_t *m, size_t len)
{
    rk_mikey_view v;
    uint8_t ssv[16], dpck[16], id[4], aad[RK_KP_AAD_BYTES];
    if (rk_mikey_parse(&v, m, len) != RK_OK
        || rk_sakke_decapsulate(ssv, sizeof ssv, &alice_rx, m + v.sakke_data.off,
                                v.sakke_data.len) != RK_OK)
        return;
    id[0] = (uint8_t)(v.csb_id >> 24); id[1] = (uint8_t)(v.csb_id >> 16);
    id[2] = (uint8_t)(v.csb_id >> 8); id[3] = (uint8_t)v.csb_id;
    rk_dpck(dpck, ssv, sizeof ssv, id);
    for (size_t i = 0; i < v.n_genext; i++) {
        uint8_t *d = m + v.genext[i].data.off;
        size_t dl = v.genext[i].data.len, n;
        rk_kp_frame f;
        if (v.genext[i].type != 7 && v.genext[i].type != RK_ROOTKEY_GENEXT_TYPE)
            continue;
        if (!(mode & 128) && dl >= 32)
            memcpy(d + 28, id, 4);
        if (rk_keyparams_frame_decode(&f, d, dl, v.csb_id) != RK_OK)
            continue;
        n = f.ct_len - RK_KP_TAG_BYTES;
        rk_keyparams_aad(aad, &f.h);
        if (rk_gcm_seal(dpck, sizeof dpck, f.h.iv, RK_KP_IV_BYTES, aad, sizeof aad, d + f.ct_off,
                        n, d + f.ct_off, d + f.ct_off + n) != RK_OK)
            abort();
    }
}

static void one(uint8_t mode, uint8_t *m, size_t len)
{
    int resigned = 0;
    rk_mikeysakke_rx ks;
    const uint8_t *iu[1] = { U8(iwf) };
    size_t il[1] = { sizeof iwf - 1 };
    rk_rootkey_unwrap_in in;
    if (mode & 64)
        seal_layers(mode, m, len);
    if (mode & (2 | 64)) {
        static const uint8_t rnd[32] = { 7 };
        rk_mikey_view v;
        if (rk_mikey_parse(&v, m, len) == RK_OK && v.signature.len == 129
            && rk_eccsi_sign(&iwf_sig, m + v.signature.off, 129, m, v.signed_range.len, rnd, 32)
                   == RK_OK)
            resigned = 1;
    }
    memset(&ks, 0, sizeof ks);
    ks.kpak = &kpak_ctx;
    ks.kmsi_uri = U8(kms); ks.kmsi_uri_len = sizeof kms - 1;
    ks.kmsi_period_len = plen;
    ks.sakke = &alice_rx;
    ks.kmsr_uri = U8(kms); ks.kmsr_uri_len = sizeof kms - 1;
    ks.period_len = plen;
    ks.period_no = pno;
    ks.my_uri = U8(alice); ks.my_uri_len = sizeof alice - 1;
    memset(&in, 0, sizeof in);
    in.keysets = &ks; in.n_keysets = 1;
    in.iwf_uris = iu; in.iwf_uri_lens = il; in.n_iwf = 1;
    in.purpose_tag = RK_ROOTKEY_DEFAULT_TAG;
    in.lmr_type = (mode & 16) ? RK_LMR_P25 : 0;
    in.now_unix = (mode & (64 | 128)) == 128 ? -now_unix : now_unix;
    if (mode & 4) {
        in.have_stored = 1;
        in.stored_wrap_time = rk_ntp_seconds_since_1900(ts_example) - ((mode & 8) ? 0 : 1);
    }
    memset(&res, 0xA5, sizeof res);
    rk_status st = rk_rootkey_unwrap(&res, &scratch, &in, m, len);
    if (st != RK_OK) {
        if (!result_zero(&res))
            abort();
        return;
    }
    if (res.lmr.key_len < 8 || res.lmr.key_len > 32 || res.lmr.lmr_type < 1
        || res.lmr.lmr_type > 3 || res.period_no != pno || res.key_id >> 28 != 0xF)
        abort();
    if (!resigned) {
        /* only the example itself carries a signature we did not make */
        if (res.key_id != 0xF0111213u || res.lmr.key_len != 32)
            abort();
        for (unsigned i = 0; i < 32; i++)
            if (res.lmr.key[i] != (uint8_t)(7 * i))
                abort();
    }
    rk_rootkey_result_wipe(&res);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t cnt = 0;
    if (size < 1)
        return 0;
    uint8_t mode = data[0];
    data++;
    size--;
    if (!(mode & 1)) {
        if (size > sizeof msg)
            return 0;
        memcpy(msg, data, size);
        one(mode, msg, size);
        return 0;
    }
    if (mode & 32) {
        size_t hl = sizeof doc_head - 1, tl = sizeof doc_tail - 1;
        if (size > sizeof doc - hl - tl)
            return 0;
        memcpy(doc, doc_head, hl);
        memcpy(doc + hl, data, size);
        memcpy(doc + hl + size, doc_tail, tl);
        data = doc;
        size += hl + tl;
    }
    if (rk_profile_find(&pctx, data, size, 0, els, 4, &cnt) != RK_OK)
        return 0;
    for (size_t i = 0; i < cnt; i++) {
        size_t ml = 0;
        if (els[i].text.off > size || els[i].text.len > size - els[i].text.off)
            abort();
        if (rk_b64_decode(msg, sizeof msg, (const char *)data + els[i].text.off, els[i].text.len,
                          &ml, RK_B64_ALLOW_SPACE) == RK_OK)
            one(mode, msg, ml);
    }
    return 0;
}
