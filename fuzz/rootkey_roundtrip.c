/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz harness: the root-key message writer -> reader round trip.  The
 * input chooses an LMR block (type, identifiers, key of any length), the
 * user's MCPTT ID, activation and expiry, the E.6 text and the wrap
 * randomness; the harness wraps it (rk_rootkey_wrap, IWF of the worked
 * example, docs/profile-element.md 7), encodes the profile element, finds it
 * again in a profile document (rk_profile_find), base64-decodes it and
 * unwraps it (rk_rootkey_unwrap) as the user.
 * Properties: wrap refuses only an invalid block (the lmr codec's codes) or
 * an ID outside the URI limits, and a purpose tag over 15 (a first octet of
 * 0xFC..0xFF asks for one) with RK_ERR_RK_PURPOSE and every output zero; whatever it accepts, the element is found
 * with the same attributes and the client gets back exactly the block,
 * root-key ID and period (or a policy refusal that the chosen activation /
 * expiry explain); no crash or UB. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "rootkey/b64.h"
#include "rootkey/hash.h"
#include "rootkey/keyperiod.h"
#include "rootkey/profile.h"
#include "rootkey/rootkey.h"

#define U8(s) ((const uint8_t *)(s))

static const char kms[] = "kms.rootkey.test";
static const char iwf[] = "sip:lmr-iwf@rootkey.test";
static const uint64_t plen = 2592000;
static const uint32_t ts = 3968437672u;
static const int64_t now_unix = 1759449600 + 10;
static uint64_t pno;
static uint8_t zs[32], zpub[257], iwf_uid[32];
static rk_eccsi_verifier_ctx kpak_ctx;
static rk_eccsi_signer_ctx iwf_sig;
static rk_sakke_sender_ctx snd;
static rk_sakke_receiver_ctx rcv[4];
static rk_rootkey_scratch scratch;
static rk_rootkey_result res;
static rk_profile_ctx pctx;
static rk_profile_element els[2];
static uint8_t msg[RK_ROOTKEY_MAX_MSG], dec[RK_ROOTKEY_MAX_MSG], el[4096], doc[8192];
static char b64[RK_B64_ENCODED_LEN(RK_ROOTKEY_MAX_MSG) + 1];
/* users: their receivers are installed once (RSK validation is a pairing) */
#define NUSERS 4
static const char *users[NUSERS] = { "sip:alice@rootkey.test", "sip:b@r.t",
                                     "tel:+15550100", "sip:long-user-name.with.dots@rootkey.test" };
static uint8_t user_rsk[NUSERS][257], user_uid[NUSERS][32];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    uint8_t ksak[32], kpak[65], v[32], ssk[32], pvt[65];
    (void)argc;
    (void)argv;
    memset(ksak, 0x6B, 32); ksak[0] = 0x2A;
    memset(zs, 0x4C, 32); zs[0] = 0x0F;
    memset(v, 0x32, 32); v[0] = 1;
    if (sodium_init() < 0
        || rk_key_period_no(&pno, rk_ntp_seconds_since_1900(ts), plen, 0) != RK_OK
        || rk_eccsi_kms_kpak(kpak, ksak) != RK_OK
        || rk_eccsi_verifier_init(&kpak_ctx, kpak, 65) != RK_OK
        || rk_uid(iwf_uid, U8(iwf), sizeof iwf - 1, U8(kms), sizeof kms - 1, plen, 0, pno) != RK_OK
        || rk_eccsi_kms_make_ssk(ssk, pvt, ksak, kpak, iwf_uid, 32, v) != RK_OK
        || rk_eccsi_signer_init(&iwf_sig, kpak, 65, iwf_uid, 32, ssk, 32, pvt, 65) != RK_OK
        || rk_sakke_kms_public(zpub, zs, 32) != RK_OK
        || rk_sakke_sender_init(&snd, zpub) != RK_OK)
        abort();
    for (int u = 0; u < NUSERS; u++)
        if (rk_uid(user_uid[u], U8(users[u]), strlen(users[u]), U8(kms), sizeof kms - 1, plen, 0,
                   pno) != RK_OK
            || rk_sakke_kms_rsk(user_rsk[u], zs, 32, user_uid[u], 32) != RK_OK
            || rk_sakke_receiver_install(&rcv[u], zpub, user_uid[u], 32, user_rsk[u], 0) != RK_OK)
            abort();
    return 0;
}

/* the next n input octets (zero past the end) */
static const uint8_t *in_p;
static size_t in_n;
static uint64_t take(unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++) {
        v = v * 256u + (in_n ? *in_p : 0);
        if (in_n) { in_p++; in_n--; }
    }
    return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rk_lmr_block b, got;
    rk_rootkey_wrap_in w;
    uint8_t rnd[RK_ROOTKEY_WRAP_RND_BYTES], text[64];
    size_t ml = 0, bl = 0, elen = 0, cnt = 0, dl = 0;
    uint32_t key_id = 0;
    uint64_t no = 0;
    in_p = data;
    in_n = size;
    memset(&b, 0, sizeof b);
    unsigned first = (unsigned)take(1), u = first % NUSERS;
    int bad_tag = first >= 0xFC;                  /* a purpose tag over 15 */
    b.lmr_type = (uint8_t)(take(1) % 4);          /* 0 is invalid on purpose */
    b.wacn = (uint32_t)take(3); b.system_id = (uint16_t)take(2); b.unit_id = (uint32_t)take(3);
    b.algid = (uint8_t)take(1); b.key_id = (uint16_t)take(2); b.keyset_id = (uint8_t)take(1);
    b.mcc = (uint16_t)take(2); b.mnc = (uint16_t)take(2); b.issi = (uint32_t)take(3);
    b.has_key_number = (uint8_t)(take(1) & 1); b.key_number = (uint8_t)take(1);
    b.has_key_version = (uint8_t)(take(1) & 1); b.key_version = (uint16_t)take(2);
    b.sys_len = (uint8_t)(take(1) % (RK_LMR_SYS_MAX + 2));
    for (unsigned i = 0; i < b.sys_len && i < RK_LMR_SYS_MAX; i++) b.sys[i] = (uint8_t)take(1);
    if (b.sys_len > RK_LMR_SYS_MAX) b.sys_len = RK_LMR_SYS_MAX + 1;   /* invalid on purpose */
    b.ref_len = (uint8_t)(take(1) % (RK_LMR_REF_MAX + 1));
    for (unsigned i = 0; i < b.ref_len; i++) b.ref[i] = (uint8_t)take(1);
    b.key_len = (uint8_t)(take(1) % (RK_LMR_KEY_MAX + 2));
    for (unsigned i = 0; i < b.key_len && i < RK_LMR_KEY_MAX; i++) b.key[i] = (uint8_t)take(1);
    if (b.key_len > RK_LMR_KEY_MAX) b.key_len = RK_LMR_KEY_MAX + 1;
    uint64_t act = take(1) & 1 ? (uint64_t)now_unix - take(2) : (uint64_t)now_unix + take(2);
    uint64_t exp = take(1) & 1 ? 0 : (uint64_t)now_unix + take(3) - 1000;
    size_t tl = (size_t)(take(1) % sizeof text);
    for (size_t i = 0; i < tl; i++) text[i] = (uint8_t)(0x20 + take(1) % 0x5F);
    for (size_t i = 0; i < sizeof rnd; i++) rnd[i] = (uint8_t)take(1);

    memset(&w, 0, sizeof w);
    w.signer = &iwf_sig; w.iwf_uid = iwf_uid; w.verifier = NULL;
    w.iwf_uri = U8(iwf); w.iwf_uri_len = sizeof iwf - 1;
    w.iwf_kms_uri = U8(kms); w.iwf_kms_uri_len = sizeof kms - 1;
    w.sakke = &snd;
    w.user_uri = U8(users[u]); w.user_uri_len = strlen(users[u]);
    w.user_kms_uri = U8(kms); w.user_kms_uri_len = sizeof kms - 1;
    w.period_len = plen;
    w.lmr = &b; w.purpose_tag = bad_tag ? 16 : RK_ROOTKEY_DEFAULT_TAG;
    w.activation = act; w.expiry = exp;
    w.text = text; w.text_len = tl;
    w.ts_sec = ts; w.rnd = rnd;
    rk_status st = rk_rootkey_wrap(msg, sizeof msg, &ml, &key_id, &no, &w);
    if (bad_tag) {
        if (st != RK_ERR_RK_PURPOSE || ml != 0 || key_id != 0 || no != 0) abort();
        return 0;
    }
    if (st != RK_OK) {
        /* only the block may be refused (its codes: -800 .. -819) */
        if (st > -800 || st < -819 || ml != 0 || key_id != 0) abort();
        return 0;
    }
    if (no != pno || key_id >> 28 != RK_ROOTKEY_DEFAULT_TAG) abort();
    /* element, inside a profile document, found again */
    if (rk_b64_encode(b64, sizeof b64, msg, ml, &bl) != RK_OK
        || rk_profile_encode_element(el, sizeof el, &elen, b.lmr_type, key_id, U8(kms),
                                     sizeof kms - 1, no, U8(b64), bl) != RK_OK)
        abort();
    static const char head[] = "<mcptt-user-profile xmlns=\"" RK_PROFILE_UP_NS "\"><anyExt>";
    static const char tail[] = "</anyExt></mcptt-user-profile>";
    size_t hl = sizeof head - 1, tl2 = sizeof tail - 1;
    memcpy(doc, head, hl);
    memcpy(doc + hl, el, elen);
    memcpy(doc + hl + elen, tail, tl2);
    if (rk_profile_find(&pctx, doc, hl + elen + tl2, 0, els, 2, &cnt) != RK_OK || cnt != 1
        || els[0].key_id_value != key_id || els[0].key_period_value != no
        || els[0].lmr != b.lmr_type)
        abort();
    if (rk_b64_decode(dec, sizeof dec, (const char *)doc + els[0].text.off, els[0].text.len, &dl,
                      RK_B64_ALLOW_SPACE) != RK_OK
        || dl != ml || memcmp(dec, msg, ml) != 0)
        abort();
    /* the user opens it */
    rk_mikeysakke_rx ks;
    const uint8_t *iu[1] = { U8(iwf) };
    size_t il[1] = { sizeof iwf - 1 };
    rk_rootkey_unwrap_in in;
    memset(&ks, 0, sizeof ks);
    ks.kpak = &kpak_ctx;
    ks.kmsi_uri = U8(kms); ks.kmsi_uri_len = sizeof kms - 1; ks.kmsi_period_len = plen;
    ks.sakke = &rcv[u];
    ks.kmsr_uri = U8(kms); ks.kmsr_uri_len = sizeof kms - 1; ks.period_len = plen;
    ks.period_no = pno;
    ks.my_uri = U8(users[u]); ks.my_uri_len = strlen(users[u]);
    memset(&in, 0, sizeof in);
    in.keysets = &ks; in.n_keysets = 1;
    in.iwf_uris = iu; in.iwf_uri_lens = il; in.n_iwf = 1;
    in.purpose_tag = RK_ROOTKEY_DEFAULT_TAG;
    in.lmr_type = b.lmr_type;
    in.now_unix = now_unix;
    st = rk_rootkey_unwrap(&res, &scratch, &in, dec, dl);
    int not_active = act > (uint64_t)now_unix;
    int expired = exp != 0 && exp <= (uint64_t)now_unix;
    if (not_active) { if (st != RK_ERR_POLICY_NOT_ACTIVE) abort(); return 0; }
    if (expired) { if (st != RK_ERR_POLICY_EXPIRED) abort(); return 0; }
    if (st != RK_OK || res.key_id != key_id || res.period_no != no || res.activation != act
        || res.expiry != exp)
        abort();
    /* the block back exactly: compare the canonical encodings */
    uint8_t e1[RK_LMR_MAX_BYTES], e2[RK_LMR_MAX_BYTES];
    size_t n1 = 0, n2 = 0;
    got = res.lmr;
    if (rk_lmr_encode(e1, sizeof e1, &n1, &b) != RK_OK || rk_lmr_encode(e2, sizeof e2, &n2, &got) != RK_OK
        || n1 != n2 || memcmp(e1, e2, n1) != 0 || got.key_len != b.key_len
        || memcmp(got.key, b.key, b.key_len) != 0)
        abort();
    rk_rootkey_result_wipe(&res);
    return 0;
}
