/* SPDX-License-Identifier: Apache-2.0 */
/* Constant-time checks of the root-key message (rootkey/rootkey.h).
 *
 * rootkey_wrap: the root key (the LMR block's key octets), the IWF's SSK,
 * K_T (the SAKKE SSV, randomness octets 0..15) and the ECCSI nonce
 * randomness (octets 68..99) are secret.  The CSB-ID, RAND and IV octets
 * (16..67) are public: they are written into the message as they are.
 *
 * rootkey_unwrap: the client's RSK and its pairing line table are secret;
 * everything decrypted under them (K_T, DPCK, the LMR block's key) is
 * secret by derivation.  Run on the good path (the key must come out) and
 * on a message whose LMR extension fails its GCM tag after a fresh IWF
 * signature (so the failure is reached past ECCSI and SAKKE).
 *
 * Declassified in the core, by design (grep RK_CT_PUBLIC): the TEST and GCM
 * verdicts and the key-parameter plaintext (core/src/mikey/mikeysakke.c), and the
 * LMR block's layout and identifiers (core/src/p25/lmr.c: tags, lengths and
 * the non-key values, which rootkey/lmr.h declares public metadata).  The
 * key octets are never declassified before CT_USE_BUF below. */
#include "ct_harness.h"
#include "rootkey/hash.h"
#include "rootkey/keyperiod.h"
#include "rootkey/mikey.h"
#include "rootkey/rootkey.h"

#define U8(s) ((const uint8_t *)(s))

static const char kms[] = "kms.rootkey.test";
static const char iwf[] = "sip:lmr-iwf@rootkey.test";
static const char user[] = "sip:alice@rootkey.test";
static const uint64_t plen = 2592000;
static const uint32_t ts = 3968437672u;
static const int64_t now_unix = 1759449600 + 10;
static uint64_t pno;
static uint8_t iwf_uid[32], user_uid[32], kpak[65], zpub[257], rsk[257];
static rk_eccsi_verifier_ctx ver;
static rk_eccsi_signer_ctx sig;
static rk_sakke_sender_ctx snd;
static rk_sakke_receiver_ctx rcv;
static rk_lmr_block blk;
static uint8_t rnd[RK_ROOTKEY_WRAP_RND_BYTES];
static uint8_t msg[RK_ROOTKEY_MAX_MSG];
static size_t msg_len;
static rk_rootkey_scratch scratch;
static rk_rootkey_result res;

static int keys(void)
{
    uint8_t ksak[32], v[32], ssk[32], pvt[65], zs[32];
    memset(ksak, 0x6B, 32); ksak[0] = 0x2A;
    memset(zs, 0x4C, 32); zs[0] = 0x0F;
    memset(v, 0x32, 32); v[0] = 1;
    if (rk_key_period_no(&pno, rk_ntp_seconds_since_1900(ts), plen, 0) != RK_OK) return 0;
    if (rk_uid(iwf_uid, U8(iwf), sizeof iwf - 1, U8(kms), sizeof kms - 1, plen, 0, pno) != RK_OK)
        return 0;
    if (rk_uid(user_uid, U8(user), sizeof user - 1, U8(kms), sizeof kms - 1, plen, 0, pno) != RK_OK)
        return 0;
    if (rk_eccsi_kms_kpak(kpak, ksak) != RK_OK) return 0;
    if (rk_eccsi_verifier_init(&ver, kpak, 65) != RK_OK) return 0;
    if (rk_eccsi_kms_make_ssk(ssk, pvt, ksak, kpak, iwf_uid, 32, v) != RK_OK) return 0;
    if (rk_eccsi_signer_init(&sig, kpak, 65, iwf_uid, 32, ssk, 32, pvt, 65) != RK_OK) return 0;
    if (rk_sakke_kms_public(zpub, zs, 32) != RK_OK) return 0;
    if (rk_sakke_sender_init(&snd, zpub) != RK_OK) return 0;
    if (rk_sakke_kms_rsk(rsk, zs, 32, user_uid, 32) != RK_OK) return 0;
    memset(&blk, 0, sizeof blk);
    blk.lmr_type = RK_LMR_P25;
    blk.wacn = 0xBEE00; blk.system_id = 0x3A1; blk.unit_id = 1234567;
    blk.algid = 0x84; blk.key_id = 0xF1A2; blk.keyset_id = 1;
    blk.key_len = 32;
    ct_fill(blk.key, 32, 41);
    ct_fill(rnd, sizeof rnd, 42);
    return 1;
}

static void wrap_in(rk_rootkey_wrap_in *in)
{
    memset(in, 0, sizeof *in);
    in->signer = &sig; in->iwf_uid = iwf_uid; in->verifier = &ver;
    in->iwf_uri = U8(iwf); in->iwf_uri_len = sizeof iwf - 1;
    in->iwf_kms_uri = U8(kms); in->iwf_kms_uri_len = sizeof kms - 1;
    in->sakke = &snd;
    in->user_uri = U8(user); in->user_uri_len = sizeof user - 1;
    in->user_kms_uri = U8(kms); in->user_kms_uri_len = sizeof kms - 1;
    in->period_len = plen; in->period_offset = 0;
    in->lmr = &blk; in->purpose_tag = RK_ROOTKEY_DEFAULT_TAG;
    in->activation = 1759449600; in->expiry = 1791072000;
    in->text = U8("LMR root key"); in->text_len = 12;
    in->ts_sec = ts; in->rnd = rnd;
}

static void wrap(void)
{
    rk_rootkey_wrap_in in;
    uint32_t key_id = 0;
    uint64_t no = 0;
    if (!keys()) __builtin_trap();
    wrap_in(&in);
    CT_SECRET(blk.key, sizeof blk.key);          /* the root key */
    CT_SECRET(sig.ssk, sizeof sig.ssk);          /* the IWF's SSK */
    CT_SECRET(rnd, 16);                          /* K_T, the SAKKE SSV */
    CT_SECRET(rnd + 68, 32);                     /* the ECCSI nonce randomness */
    rk_status st = rk_rootkey_wrap(msg, sizeof msg, &msg_len, &key_id, &no, &in);
    CT_USE(st);
    CT_USE(msg_len);
    CT_USE(key_id);
    CT_USE(no);
    CT_USE_BUF(msg, sizeof msg);                 /* the message is public */
    if (st != RK_OK || msg_len == 0) __builtin_trap();
}

static void rx_fill(rk_mikeysakke_rx *x)
{
    memset(x, 0, sizeof *x);
    x->kpak = &ver;
    x->kmsi_uri = U8(kms); x->kmsi_uri_len = sizeof kms - 1;
    x->kmsi_period_len = plen;
    x->sakke = &rcv;
    x->kmsr_uri = U8(kms); x->kmsr_uri_len = sizeof kms - 1;
    x->period_len = plen;
    x->period_no = pno;
    x->my_uri = U8(user); x->my_uri_len = sizeof user - 1;
}

static void unwrap_run(int table)
{
    rk_rootkey_wrap_in win;
    rk_rootkey_unwrap_in in;
    rk_mikeysakke_rx ks;
    rk_mikey_view v;
    const uint8_t *iu[1] = { U8(iwf) };
    size_t il[1] = { sizeof iwf - 1 };
    uint32_t key_id = 0;
    uint64_t no = 0;
    static const uint8_t srnd[32] = { 9, 8, 7 };
    if (!keys()) __builtin_trap();
    wrap_in(&win);
    if (rk_rootkey_wrap(msg, sizeof msg, &msg_len, &key_id, &no, &win) != RK_OK) __builtin_trap();
    if (rk_sakke_receiver_install(&rcv, zpub, user_uid, 32, rsk, table) != RK_OK) __builtin_trap();
    rx_fill(&ks);
    memset(&in, 0, sizeof in);
    in.keysets = &ks; in.n_keysets = 1;
    in.iwf_uris = iu; in.iwf_uri_lens = il; in.n_iwf = 1;
    in.purpose_tag = RK_ROOTKEY_DEFAULT_TAG;
    in.now_unix = now_unix;
    /* the RSK and everything derived from it are secret */
    CT_SECRET(&rcv.K, sizeof rcv.K);
    CT_SECRET(&rcv.lines, sizeof rcv.lines);
    rk_status st = rk_rootkey_unwrap(&res, &scratch, &in, msg, msg_len);
    CT_USE(st);
    CT_USE_BUF(res.lmr.key, sizeof res.lmr.key);
    CT_USE(res.lmr.key_len);
    int ok = st == RK_OK && res.lmr.key_len == 32 && memcmp(res.lmr.key, blk.key, 32) == 0;
    CT_USE(ok);
    if (!ok) __builtin_trap();                  /* the check must exercise the good path */
    rk_rootkey_result_wipe(&res);
    /* the LMR extension's GCM tag broken, the message signed again: the
     * failure is found past ECCSI and SAKKE, under the secret DPCK */
    if (rk_mikey_parse(&v, msg, msg_len) != RK_OK) __builtin_trap();
    msg[v.signature.off - 3] ^= 1;              /* the last tag octet of GE 250 */
    if (rk_eccsi_sign(&sig, msg + v.signature.off, 129, msg, v.signed_range.len, srnd, 32) != RK_OK)
        __builtin_trap();
    st = rk_rootkey_unwrap(&res, &scratch, &in, msg, msg_len);
    CT_USE(st);
    if (st != RK_ERR_GCM_TAG) __builtin_trap();
    rk_rootkey_result_wipe(&res);
    rk_sakke_receiver_wipe(&rcv);
}

static void unwrap_table(void) { unwrap_run(1); }
static void unwrap_no_table(void) { unwrap_run(0); }

RK_CT_CHECKS(rootkey) = {
    { "rootkey_wrap", wrap },
    { "rootkey_unwrap", unwrap_table },
    { "rootkey_unwrap_notable", unwrap_no_table },
    { 0, 0 }
};
