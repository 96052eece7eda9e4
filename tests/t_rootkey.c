/* SPDX-License-Identifier: Apache-2.0 */
/* The root-key message (rootkey/rootkey.h): wrap -> unwrap round trips for
 * every LMR type and key length, the current and the next key period, and
 * each rejection of docs/design.md §5 with its own code and a zeroed result. */
#include <stdlib.h>
#include "rk_test.h"
#include "rootkey/hash.h"
#include "rootkey/b64.h"
#include "rootkey/hex.h"
#include "rootkey/profile.h"
#include "rootkey/rootkey.h"

#define U8(s) ((const uint8_t *)(s))

static const char *kms = "kms.rootkey.test", *kms2 = "kms.other.test";
static const char *iwf = "sip:lmr-iwf@rootkey.test", *iwf2 = "sip:rogue-iwf@rootkey.test";
static const char *alice = "sip:alice@rootkey.test", *bob = "sip:bob@rootkey.test";
static const uint64_t plen = 2592000, poff = 0;
static uint64_t pno;                          /* the current key period */
static uint32_t ts_now, ts_next;              /* a time in period pno, and in pno + 1 */
static int64_t unix_now, unix_next;

static rk_eccsi_verifier_ctx kpak_ctx;
static rk_eccsi_signer_ctx iwf_sig[3], rogue_sig;   /* periods pno - 1, pno, pno + 1 */
static uint8_t iwf_uid[3][32], rogue_uid[32];
static rk_sakke_sender_ctx z_ctx;
static rk_sakke_receiver_ctx alice_rsk[3], bob_rsk;  /* alice: pno - 1, pno, pno + 1 */
static int ready;

static int signer(rk_eccsi_signer_ctx *s, const uint8_t kpak[65], const uint8_t ksak[32],
                  const char *uri, uint64_t no, uint8_t uid[32], uint8_t vb)
{
    uint8_t v[32], ssk[32], pvt[65];
    memset(v, vb, 32);
    v[0] = 1;
    if (rk_uid(uid, U8(uri), strlen(uri), U8(kms), strlen(kms), plen, poff, no) != RK_OK) return 0;
    if (rk_eccsi_kms_make_ssk(ssk, pvt, ksak, kpak, uid, 32, v) != RK_OK) return 0;
    return rk_eccsi_signer_init(s, kpak, 65, uid, 32, ssk, 32, pvt, 65) == RK_OK;
}

static int receiver(rk_sakke_receiver_ctx *r, const uint8_t *zs, const uint8_t z[257],
                    const char *uri, uint64_t no, int table)
{
    uint8_t uid[32], rsk[257];
    if (rk_uid(uid, U8(uri), strlen(uri), U8(kms), strlen(kms), plen, poff, no) != RK_OK) return 0;
    if (rk_sakke_kms_rsk(rsk, zs, 32, uid, 32) != RK_OK) return 0;
    return rk_sakke_receiver_install(r, z, uid, 32, rsk, table) == RK_OK;
}

static int setup(void)
{
    uint8_t ksak[32], kpak[65], zs[32], z[257];
    if (ready) return ready > 0;
    ready = -1;
    memset(ksak, 0x6B, 32); ksak[0] = 0x2A;
    memset(zs, 0x4C, 32); zs[0] = 0x0F;
    ts_now = 3968437672u;                       /* 2025-10-03 */
    if (rk_key_period_no(&pno, rk_ntp_seconds_since_1900(ts_now), plen, poff) != RK_OK) return 0;
    ts_next = (uint32_t)((pno + 1) * plen + 60);
    unix_now = rk_ntp_to_unix(ts_now);
    unix_next = rk_ntp_to_unix(ts_next);
    if (rk_eccsi_kms_kpak(kpak, ksak) != RK_OK) return 0;
    if (rk_eccsi_verifier_init(&kpak_ctx, kpak, 65) != RK_OK) return 0;
    for (int i = 0; i < 3; i++)
        if (!signer(&iwf_sig[i], kpak, ksak, iwf, pno - 1 + (uint64_t)i, iwf_uid[i], (uint8_t)(0x31 + i))) return 0;
    if (!signer(&rogue_sig, kpak, ksak, iwf2, pno, rogue_uid, 0x41)) return 0;
    if (rk_sakke_kms_public(z, zs, 32) != RK_OK) return 0;
    if (rk_sakke_sender_init(&z_ctx, z) != RK_OK) return 0;
    for (int i = 0; i < 3; i++)
        if (!receiver(&alice_rsk[i], zs, z, alice, pno - 1 + (uint64_t)i, i == 1)) return 0;
    if (!receiver(&bob_rsk, zs, z, bob, pno, 0)) return 0;
    ready = 1;
    return 1;
}

static void p25_block(rk_lmr_block *b, uint8_t key_len, uint8_t seed)
{
    memset(b, 0, sizeof *b);
    b->lmr_type = RK_LMR_P25;
    b->wacn = 0xBEE00; b->system_id = 0x3A1; b->unit_id = 1234567;
    b->algid = 0x84; b->key_id = 0xF1A2; b->keyset_id = 1;
    b->key_len = key_len;
    for (int i = 0; i < key_len; i++) b->key[i] = (uint8_t)(seed + 7 * i);
}

static void tetra_block(rk_lmr_block *b, uint8_t key_len, uint8_t seed)
{
    memset(b, 0, sizeof *b);
    b->lmr_type = RK_LMR_TETRA;
    b->mcc = 242; b->mnc = 1; b->issi = 1000000;
    b->has_key_number = 1; b->key_number = 3;
    b->key_len = key_len;
    for (int i = 0; i < key_len; i++) b->key[i] = (uint8_t)(seed + 11 * i);
}

/* wrap for `user` at NTP time ts (period index 0/1/2 = pno - 1/pno/pno + 1) */
static rk_status wrap(uint8_t *msg, size_t *len, uint32_t *id, const rk_lmr_block *b,
                      const char *user, uint32_t ts, int pidx, const rk_eccsi_signer_ctx *sig,
                      const uint8_t *sig_uid, const char *iwf_uri, uint8_t tag,
                      uint64_t act, uint64_t exp, uint8_t rnd_seed)
{
    uint8_t rnd[RK_ROOTKEY_WRAP_RND_BYTES];
    uint64_t no;
    rk_rootkey_wrap_in in;
    (void)pidx;
    for (size_t i = 0; i < sizeof rnd; i++) rnd[i] = (uint8_t)(rnd_seed * 31 + i * 7);
    memset(&in, 0, sizeof in);
    in.signer = sig;
    in.iwf_uid = sig_uid;
    in.verifier = &kpak_ctx;
    in.iwf_uri = U8(iwf_uri); in.iwf_uri_len = strlen(iwf_uri);
    in.iwf_kms_uri = U8(kms); in.iwf_kms_uri_len = strlen(kms);
    in.sakke = &z_ctx;
    in.user_uri = U8(user); in.user_uri_len = strlen(user);
    in.user_kms_uri = U8(kms); in.user_kms_uri_len = strlen(kms);
    in.period_len = plen; in.period_offset = poff;
    in.lmr = b;
    in.purpose_tag = tag;
    in.activation = act; in.expiry = exp;
    in.text = U8("LMR root key"); in.text_len = 12;
    in.ts_sec = ts;
    in.rnd = rnd;
    return rk_rootkey_wrap(msg, RK_ROOTKEY_MAX_MSG, len, id, &no, &in);
}

static rk_mikeysakke_rx keyset(const rk_sakke_receiver_ctx *r, const char *me, uint64_t no)
{
    rk_mikeysakke_rx rx;
    memset(&rx, 0, sizeof rx);
    rx.kpak = &kpak_ctx;
    rx.kmsi_uri = U8(kms); rx.kmsi_uri_len = strlen(kms);
    rx.kmsi_period_len = plen; rx.kmsi_period_offset = poff;
    rx.sakke = r;
    rx.kmsr_uri = U8(kms); rx.kmsr_uri_len = strlen(kms);
    rx.period_len = plen; rx.period_offset = poff;
    rx.period_no = no;
    rx.my_uri = U8(me); rx.my_uri_len = strlen(me);
    return rx;
}

static const uint8_t *iwf_list[1];
static size_t iwf_lens[1];
static rk_mikeysakke_rx alice_sets[3];
static rk_rootkey_scratch scratch;

static rk_rootkey_unwrap_in unwrap_in(int64_t now)
{
    rk_rootkey_unwrap_in in;
    memset(&in, 0, sizeof in);
    for (int i = 0; i < 3; i++) alice_sets[i] = keyset(&alice_rsk[i], alice, pno - 1 + (uint64_t)i);
    iwf_list[0] = U8(iwf);
    iwf_lens[0] = strlen(iwf);
    in.keysets = alice_sets;
    in.n_keysets = 3;
    in.iwf_uris = iwf_list;
    in.iwf_uri_lens = iwf_lens;
    in.n_iwf = 1;
    in.purpose_tag = RK_ROOTKEY_DEFAULT_TAG;
    in.now_unix = now;
    return in;
}

static int result_zero(const rk_rootkey_result *r)
{
    static const uint8_t z[32];
    return r->key_id == 0 && r->wrap_time == 0 && r->lmr.key_len == 0 && r->lmr.lmr_type == 0 &&
           memcmp(r->lmr.key, z, 32) == 0 && r->activation == 0;
}

static rk_status unwrap(rk_rootkey_result *r, const rk_rootkey_unwrap_in *in, const uint8_t *m, size_t n)
{
    memset(r, 0x5C, sizeof *r);
    rk_status st = rk_rootkey_unwrap(r, &scratch, in, m, n);
    if (st != RK_OK) CHECK(result_zero(r));
    return st;
}

static void round_trip_one(const rk_lmr_block *b, const char *what)
{
    uint8_t msg[RK_ROOTKEY_MAX_MSG];
    size_t len;
    uint32_t id;
    rk_rootkey_result r;
    CASE_BEGIN("round trip: %s", what);
    CHECK_EQ(wrap(msg, &len, &id, b, alice, ts_now, 1, &iwf_sig[1], iwf_uid[1], iwf,
                  RK_ROOTKEY_DEFAULT_TAG, 0, 0, b->key_len), RK_OK);
    CHECK_EQ(id >> 28, RK_ROOTKEY_DEFAULT_TAG);
    rk_rootkey_unwrap_in in = unwrap_in(unix_now);
    CHECK_EQ(unwrap(&r, &in, msg, len), RK_OK);
    CHECK_EQ(r.key_id, id);
    CHECK_EQ(r.lmr.key_len, b->key_len);
    CHECK_MEM(r.lmr.key, b->key, b->key_len);
    CHECK_EQ(r.lmr.lmr_type, b->lmr_type);
    CHECK_EQ(r.period_no, pno);
    CHECK_EQ(r.keyset_index, 1);
    CHECK_EQ(r.wrap_time, rk_ntp_seconds_since_1900(ts_now));
    if (b->lmr_type == RK_LMR_P25) CHECK(r.lmr.unit_id == b->unit_id && r.lmr.algid == b->algid);
    if (b->lmr_type == RK_LMR_TETRA) CHECK(r.lmr.issi == b->issi && r.lmr.key_number == 3);
    CHECK_ZERO(&scratch.res.ssv, 16);           /* K_T wiped after use */
    CASE_END();
}

static void round_trips(void)
{
    rk_lmr_block b;
    if (!setup()) { CASE_BEGIN("key setup"); CHECK(0); CASE_END(); return; }
    p25_block(&b, 32, 1);  round_trip_one(&b, "P25, 32-octet AES-256 UKEK");
    tetra_block(&b, 10, 2); round_trip_one(&b, "TETRA, 10-octet (80-bit) KEK");
    p25_block(&b, 8, 3);   round_trip_one(&b, "8-octet key");
    p25_block(&b, 16, 4);  round_trip_one(&b, "16-octet key");
    tetra_block(&b, 24, 5); round_trip_one(&b, "24-octet key");
}

/* Wrapped ahead for the next key period: refused until that period starts,
 * then opened with the next period's key set. */
static void next_key_period(void)
{
    uint8_t msg[RK_ROOTKEY_MAX_MSG];
    size_t len;
    uint32_t id;
    rk_lmr_block b;
    rk_rootkey_result r;
    if (!setup()) { CHECK(0); return; }
    p25_block(&b, 32, 9);
    CHECK_EQ(wrap(msg, &len, &id, &b, alice, ts_next, 2, &iwf_sig[2], iwf_uid[2], iwf,
                  RK_ROOTKEY_DEFAULT_TAG, 0, 0, 9), RK_OK);
    rk_rootkey_unwrap_in in = unwrap_in(unix_now);
    CHECK_EQ(unwrap(&r, &in, msg, len), RK_ERR_POLICY_FUTURE_PERIOD);
    in = unwrap_in(unix_next);
    CHECK_EQ(unwrap(&r, &in, msg, len), RK_OK);
    CHECK_EQ(r.period_no, pno + 1);
    CHECK_EQ(r.keyset_index, 2);
    CHECK_MEM(r.lmr.key, b.key, 32);
    /* a message of the previous period still opens; two periods back does not */
    CHECK_EQ(wrap(msg, &len, &id, &b, alice, (uint32_t)((pno - 1) * plen + 5), 0, &iwf_sig[0],
                  iwf_uid[0], iwf, RK_ROOTKEY_DEFAULT_TAG, 0, 0, 10), RK_OK);
    in = unwrap_in(unix_now);
    CHECK_EQ(unwrap(&r, &in, msg, len), RK_OK);
    in = unwrap_in(unix_next);
    CHECK_EQ(unwrap(&r, &in, msg, len), RK_ERR_POLICY_OLD_PERIOD);
}

/* A root-key message for Alice in period pno, correctly signed and
 * encrypted, whose E.6 key parameters are key_type and status as given and
 * whose IDRi names the IWF by URI (uid_i = 0) or by a UID (IDRuidi, role
 * 8), signed by that UID's key: 1 the IWF's UID for period pno, 2 the IWF's
 * UID for period pno - 1, 3 the rogue IWF's UID: rk_rootkey_wrap always writes key type = purpose tag, status 1
 * and the URI, so the message is built here with rk_mikeysakke_send (the
 * same layout). */
static rk_status wrap_kp_as(uint8_t *msg, size_t *len, const rk_lmr_block *b, uint8_t key_type,
                            uint32_t status, int uid_i)
{
    uint8_t rnd[RK_ROOTKEY_WRAP_RND_BYTES], blk[RK_LMR_MAX_BYTES], uid[32];
    size_t blen;
    rk_kp_params kp;
    rk_mikeysakke_tx tx;
    rk_status st;
    for (size_t i = 0; i < sizeof rnd; i++) rnd[i] = (uint8_t)(0x5A + i * 13);
    st = rk_lmr_encode(blk, sizeof blk, &blen, b);
    if (st == RK_OK)
        st = rk_uid(uid, U8(alice), strlen(alice), U8(kms), strlen(kms), plen, poff, pno);
    if (st != RK_OK) return st;
    memset(&kp, 0, sizeof kp);
    kp.key_type = key_type;
    kp.status = status;
    memset(&tx, 0, sizeof tx);
    tx.signer = uid_i == 2 ? &iwf_sig[0] : uid_i == 3 ? &rogue_sig : &iwf_sig[1];
    tx.signer_uid = uid_i == 2 ? iwf_uid[0] : uid_i == 3 ? rogue_uid : iwf_uid[1];
    tx.verifier = &kpak_ctx;
    tx.sakke = &z_ctx; tx.receiver_uid = uid; tx.ssv = rnd;
    tx.csb_id = (uint32_t)RK_ROOTKEY_DEFAULT_TAG << 28 | 0x0ABCDEF;
    tx.ts_sec = ts_now;
    tx.rand = rnd + 20; tx.rand_len = 16;
    tx.idr_i = uid_i ? (rk_mikeysakke_id){ RK_MIKEY_ROLE_IDRUIDI, tx.signer_uid, 32 }
                     : (rk_mikeysakke_id){ RK_MIKEY_ROLE_IDRI, U8(iwf), strlen(iwf) };
    tx.idr_r = (rk_mikeysakke_id){ 2, U8(alice), strlen(alice) };
    tx.kmsi_uri = U8(kms); tx.kmsi_uri_len = strlen(kms);
    tx.kmsr_uri = U8(kms); tx.kmsr_uri_len = strlen(kms);
    tx.kp = &kp;
    tx.kp_msg_type = RK_ROOTKEY_KP_MSG_TYPE;
    tx.kp_date_time = (uint64_t)unix_now;
    tx.n_ext = 1;
    tx.ext[0] = (rk_mikeysakke_ext){ RK_ROOTKEY_GENEXT_TYPE, blk, blen };
    tx.iv_rnd = rnd + 36; tx.iv_rnd_len = 32;
    tx.sign_rnd = rnd + 68; tx.sign_rnd_len = 32;
    return rk_mikeysakke_send(msg, RK_ROOTKEY_MAX_MSG, len, &tx);
}

/* Overwrite the role octet of msg's IDRi payload (next payload, role, ID
 * type, ID length (2), ID: RFC 6043 6.6); 0 if msg does not parse. */
static int set_idri_role(uint8_t *msg, size_t len, uint8_t role)
{
    rk_mikey_view v;
    if (rk_mikey_parse(&v, msg, len) != RK_OK || v.idr[v.idr_i].id.off < 4) return 0;
    msg[v.idr[v.idr_i].id.off - 4] = role;
    return 1;
}

static rk_status wrap_kp(uint8_t *msg, size_t *len, const rk_lmr_block *b, uint8_t key_type,
                         uint32_t status)
{
    return wrap_kp_as(msg, len, b, key_type, status, 0);
}

static void rejections(void)
{
    uint8_t msg[RK_ROOTKEY_MAX_MSG], kmsg[RK_ROOTKEY_MAX_MSG];
    size_t len, klen;
    uint32_t id;
    rk_lmr_block b;
    rk_rootkey_result r;
    rk_rootkey_unwrap_in in;
    if (!setup()) { CHECK(0); return; }
    p25_block(&b, 32, 0x21);

    CASE_BEGIN("wrong user: Bob's message opened by Alice");
    CHECK_EQ(wrap(msg, &len, &id, &b, bob, ts_now, 1, &iwf_sig[1], iwf_uid[1], iwf,
                  RK_ROOTKEY_DEFAULT_TAG, 0, 0, 1), RK_OK);
    in = unwrap_in(unix_now);
    CHECK_EQ(unwrap(&r, &in, msg, len), RK_ERR_MSAK_RECEIVER);
    CASE_END();

    CASE_BEGIN("unauthorised IWF");
    CHECK_EQ(wrap(msg, &len, &id, &b, alice, ts_now, 1, &rogue_sig, rogue_uid, iwf2,
                  RK_ROOTKEY_DEFAULT_TAG, 0, 0, 2), RK_OK);
    in = unwrap_in(unix_now);
    CHECK_EQ(unwrap(&r, &in, msg, len), RK_ERR_RK_IWF);
    CASE_END();

    CHECK_EQ(wrap(msg, &len, &id, &b, alice, ts_now, 1, &iwf_sig[1], iwf_uid[1], iwf,
                  RK_ROOTKEY_DEFAULT_TAG, 0, 0, 3), RK_OK);
    CASE_BEGIN("wrong KMS: the client's key sets are for another KMS");
    in = unwrap_in(unix_now);
    for (int i = 0; i < 3; i++) { alice_sets[i].kmsr_uri = U8(kms2); alice_sets[i].kmsr_uri_len = strlen(kms2); }
    CHECK_EQ(unwrap(&r, &in, msg, len), RK_ERR_RK_NO_KEYSET);
    CASE_END();

    CASE_BEGIN("wrong key period: no key set for the period of T");
    in = unwrap_in(unix_now);
    in.n_keysets = 1;                      /* only period pno - 1 */
    CHECK_EQ(unwrap(&r, &in, msg, len), RK_ERR_RK_NO_KEYSET);
    CASE_END();

    CASE_BEGIN("other purpose tag expected");
    in = unwrap_in(unix_now);
    in.purpose_tag = 0xE;
    CHECK_EQ(unwrap(&r, &in, msg, len), RK_ERR_RK_PURPOSE);
    CASE_END();

    /* E.6 key parameters the wrapper never writes (issue 22 survivors 1, 2):
     * the message is genuine, only its key parameters refuse it */
    CASE_BEGIN("key parameters: status not 'not revoked' (E.6.9 bit 0 clear)");
    CHECK_EQ(wrap_kp(kmsg, &klen, &b, RK_ROOTKEY_DEFAULT_TAG, 1), RK_OK);
    in = unwrap_in(unix_now);
    CHECK_EQ(unwrap(&r, &in, kmsg, klen), RK_OK);          /* the control opens */
    for (uint32_t status = 0; status < 4; status += 2) {
        CHECK_EQ(wrap_kp(kmsg, &klen, &b, RK_ROOTKEY_DEFAULT_TAG, status), RK_OK);
        CHECK_EQ(unwrap(&r, &in, kmsg, klen), RK_ERR_RK_REVOKED);
    }
    CHECK_EQ(wrap_kp(kmsg, &klen, &b, RK_ROOTKEY_DEFAULT_TAG, 0xFFFFFFFEu), RK_OK);
    CHECK_EQ(unwrap(&r, &in, kmsg, klen), RK_ERR_RK_REVOKED);
    CASE_END();

    CASE_BEGIN("key parameters: key type is not the CSB-ID purpose tag");
    in = unwrap_in(unix_now);
    for (uint8_t kt = 0; kt < 15; kt++) {
        CHECK_EQ(wrap_kp(kmsg, &klen, &b, kt, 1), RK_OK);
        CHECK_EQ(unwrap(&r, &in, kmsg, klen), RK_ERR_RK_KEY_TYPE);
    }
    CASE_END();

    CASE_BEGIN("IDRi role 8: the authorised IWF's UID for the period of T opens");
    CHECK_EQ(wrap_kp_as(kmsg, &klen, &b, RK_ROOTKEY_DEFAULT_TAG, 1, 1), RK_OK);
    in = unwrap_in(unix_now);
    CHECK_EQ(unwrap(&r, &in, kmsg, klen), RK_OK);
    CHECK_EQ(r.iwf_index, 0);
    CHECK_MEM(r.lmr.key, b.key, 32);
    CASE_END();

    CASE_BEGIN("IDRi role 8: the IWF's UID of another key period is refused");
    CHECK_EQ(wrap_kp_as(kmsg, &klen, &b, RK_ROOTKEY_DEFAULT_TAG, 1, 2), RK_OK);
    in = unwrap_in(unix_now);
    CHECK_EQ(unwrap(&r, &in, kmsg, klen), RK_ERR_RK_IWF);
    CHECK_EQ(r.key_id, 0);
    CASE_END();

    CASE_BEGIN("IDRi role 8: another IWF's UID is refused");
    CHECK_EQ(wrap_kp_as(kmsg, &klen, &b, RK_ROOTKEY_DEFAULT_TAG, 1, 3), RK_OK);
    in = unwrap_in(unix_now);
    CHECK_EQ(unwrap(&r, &in, kmsg, klen), RK_ERR_RK_IWF);
    CASE_END();

    CASE_BEGIN("IDRi role 8: the IWF KMS's period parameters decide the UID");
    CHECK_EQ(wrap_kp_as(kmsg, &klen, &b, RK_ROOTKEY_DEFAULT_TAG, 1, 1), RK_OK);
    in = unwrap_in(unix_now);
    for (int k = 0; k < 3; k++) alice_sets[k].kmsi_period_offset = poff + 1;
    CHECK_EQ(unwrap(&r, &in, kmsg, klen), RK_ERR_RK_IWF);
    CASE_END();

    CASE_BEGIN("IDRi role 2 (an IDRr role in the initiator's place) is refused");
    CHECK_EQ(wrap_kp_as(kmsg, &klen, &b, RK_ROOTKEY_DEFAULT_TAG, 1, 0), RK_OK);
    in = unwrap_in(unix_now);
    CHECK_EQ(unwrap(&r, &in, kmsg, klen), RK_OK);          /* the control opens */
    CHECK(set_idri_role(kmsg, klen, 2));
    /* the parser already refuses a second IDRr role; step 3 refuses any other */
    CHECK_EQ(unwrap(&r, &in, kmsg, klen), RK_ERR_MIKEY_DUPLICATE);
    CHECK_EQ(r.key_id, 0);
    CASE_END();

    CASE_BEGIN("other LMR type expected");
    in = unwrap_in(unix_now);
    in.lmr_type = RK_LMR_TETRA;
    CHECK_EQ(unwrap(&r, &in, msg, len), RK_ERR_RK_LMR_TYPE);
    CASE_END();

    CASE_BEGIN("replayed element (same T as the stored one)");
    in = unwrap_in(unix_now);
    in.have_stored = 1;
    in.stored_wrap_time = rk_ntp_seconds_since_1900(ts_now);
    CHECK_EQ(unwrap(&r, &in, msg, len), RK_ERR_POLICY_REPLAY);
    CASE_END();

    CASE_BEGIN("older element than the stored one");
    in = unwrap_in(unix_now);
    in.have_stored = 1;
    in.stored_wrap_time = rk_ntp_seconds_since_1900(ts_now) + 1;
    CHECK_EQ(unwrap(&r, &in, msg, len), RK_ERR_POLICY_ROLLBACK);
    in.stored_wrap_time = rk_ntp_seconds_since_1900(ts_now) - 1;
    CHECK_EQ(unwrap(&r, &in, msg, len), RK_OK);  /* strictly newer: accepted */
    CASE_END();

    CASE_BEGIN("not yet active, expired");
    CHECK_EQ(wrap(msg, &len, &id, &b, alice, ts_now, 1, &iwf_sig[1], iwf_uid[1], iwf,
                  RK_ROOTKEY_DEFAULT_TAG, (uint64_t)unix_now + 3600, 0, 4), RK_OK);
    in = unwrap_in(unix_now);
    CHECK_EQ(unwrap(&r, &in, msg, len), RK_ERR_POLICY_NOT_ACTIVE);
    in = unwrap_in(unix_now + 3600);
    CHECK_EQ(unwrap(&r, &in, msg, len), RK_OK);
    CHECK_EQ(wrap(msg, &len, &id, &b, alice, ts_now, 1, &iwf_sig[1], iwf_uid[1], iwf,
                  RK_ROOTKEY_DEFAULT_TAG, 0, (uint64_t)unix_now + 60, 5), RK_OK);
    in = unwrap_in(unix_now + 60);
    CHECK_EQ(unwrap(&r, &in, msg, len), RK_ERR_POLICY_EXPIRED);
    CASE_END();

    CASE_BEGIN("wrap refuses a purpose tag over 4 bits and a bad LMR block");
    CHECK_EQ(wrap(msg, &len, &id, &b, alice, ts_now, 1, &iwf_sig[1], iwf_uid[1], iwf, 16, 0, 0, 6),
             RK_ERR_RK_PURPOSE);
    CHECK_EQ(len, 0);
    b.key_len = 7;
    CHECK_EQ(wrap(msg, &len, &id, &b, alice, ts_now, 1, &iwf_sig[1], iwf_uid[1], iwf,
                  RK_ROOTKEY_DEFAULT_TAG, 0, 0, 6), RK_ERR_LMR_KEY_LENGTH);
    CHECK_ZERO(msg, sizeof msg);
    CASE_END();
}

/* Every octet of a root-key message altered (each bit of it flipped in
 * turn, one per octet) is refused. */
static void every_octet_altered(void)
{
    uint8_t msg[RK_ROOTKEY_MAX_MSG];
    size_t len;
    uint32_t id;
    rk_lmr_block b;
    rk_rootkey_result r;
    if (!setup()) { CHECK(0); return; }
    p25_block(&b, 32, 0x33);
    CHECK_EQ(wrap(msg, &len, &id, &b, alice, ts_now, 1, &iwf_sig[1], iwf_uid[1], iwf,
                  RK_ROOTKEY_DEFAULT_TAG, 0, 0, 7), RK_OK);
    rk_rootkey_unwrap_in in = unwrap_in(unix_now);
    size_t accepted = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t mask = (uint8_t)(1u << (i % 8));
        msg[i] ^= mask;
        if (unwrap(&r, &in, msg, len) == RK_OK) accepted++;
        msg[i] ^= mask;
    }
    CHECK_EQ(accepted, 0);
    CHECK_EQ(unwrap(&r, &in, msg, len), RK_OK);
    for (size_t n = 0; n < len; n += 7) CHECK(unwrap(&r, &in, msg, n) != RK_OK);  /* truncations */
}

/* Property: random identities, keys and metadata round trip.  10,000 in
 * make check; RK_TEST_QUICK (valgrind, qemu) samples 20. */
static void property_round_trips(void)
{
    uint8_t msg[RK_ROOTKEY_MAX_MSG];
    size_t len;
    uint32_t id;
    rk_rootkey_result r;
    if (!setup()) { CHECK(0); return; }
    unsigned n = rk_t_quick() ? 20 : 10000, fails = 0;
    uint32_t s = 0x12345678;
    rk_rootkey_unwrap_in in = unwrap_in(unix_now);
    for (unsigned k = 0; k < n && fails < 5; k++) {
        rk_lmr_block b;
        memset(&b, 0, sizeof b);
#define NEXT() (s = s * 1664525u + 1013904223u, s >> 8)
        b.lmr_type = (uint8_t)(1 + NEXT() % 3);
        b.key_len = (uint8_t)(8 + NEXT() % 25);
        for (int i = 0; i < b.key_len; i++) b.key[i] = (uint8_t)NEXT();
        b.wacn = NEXT() % 0x100000; b.system_id = (uint16_t)(NEXT() % 0x1000);
        b.unit_id = NEXT() % 0x1000000; b.algid = (uint8_t)NEXT(); b.key_id = (uint16_t)NEXT();
        b.keyset_id = (uint8_t)NEXT();
        if (b.lmr_type == RK_LMR_TETRA) {
            b.wacn = 0; b.system_id = 0; b.unit_id = 0; b.algid = 0; b.key_id = 0; b.keyset_id = 0;
            b.mcc = (uint16_t)(NEXT() % 0x400); b.mnc = (uint16_t)(NEXT() % 0x4000);
            b.issi = NEXT() % 0x1000000;
        } else if (b.lmr_type == RK_LMR_OTHER) {
            b.wacn = 0; b.system_id = 0; b.unit_id = 0; b.algid = 0; b.key_id = 0; b.keyset_id = 0;
            b.sys_len = (uint8_t)(1 + NEXT() % 64);
            for (int i = 0; i < b.sys_len; i++) b.sys[i] = (uint8_t)NEXT();
        }
        if (wrap(msg, &len, &id, &b, alice, ts_now, 1, &iwf_sig[1], iwf_uid[1], iwf,
                 RK_ROOTKEY_DEFAULT_TAG, 0, 0, (uint8_t)NEXT()) != RK_OK ||
            rk_rootkey_unwrap(&r, &scratch, &in, msg, len) != RK_OK ||
            r.key_id != id || r.lmr.key_len != b.key_len || memcmp(r.lmr.key, b.key, b.key_len) != 0 ||
            r.lmr.lmr_type != b.lmr_type || r.lmr.unit_id != b.unit_id || r.lmr.issi != b.issi ||
            r.lmr.sys_len != b.sys_len) {
            printf("    property round trip %u failed\n", k);
            fails++;
        }
#undef NEXT
    }
    CHECK_EQ(fails, 0);
    printf("  rootkey property: %u random wrap/unwrap round trips\n", n);
}

/* The worked example of docs/profile-element.md: fixed keys, time and
 * randomness give one exact message and element (vectors/rootkey/example.txt).
 * RK_WRITE_VECTORS=1 rewrites the file instead of comparing. */
static void known_answer(void)
{
    uint8_t msg[RK_ROOTKEY_MAX_MSG], exp[RK_ROOTKEY_MAX_MSG], el[4096], eexp[4096], rnd[RK_ROOTKEY_WRAP_RND_BYTES];
    char b64[2048];
    size_t len, bl, elen;
    uint32_t id;
    uint64_t no;
    rk_lmr_block b;
    rk_rootkey_wrap_in in;
    if (!setup()) { CHECK(0); return; }
    p25_block(&b, 32, 0);
    for (size_t i = 0; i < sizeof rnd; i++) rnd[i] = (uint8_t)i;
    memset(&in, 0, sizeof in);
    in.signer = &iwf_sig[1]; in.iwf_uid = iwf_uid[1]; in.verifier = &kpak_ctx;
    in.iwf_uri = U8(iwf); in.iwf_uri_len = strlen(iwf);
    in.iwf_kms_uri = U8(kms); in.iwf_kms_uri_len = strlen(kms);
    in.sakke = &z_ctx;
    in.user_uri = U8(alice); in.user_uri_len = strlen(alice);
    in.user_kms_uri = U8(kms); in.user_kms_uri_len = strlen(kms);
    in.period_len = plen; in.period_offset = poff;
    in.lmr = &b; in.purpose_tag = RK_ROOTKEY_DEFAULT_TAG;
    in.activation = 1759449600; in.expiry = 1791072000;
    in.text = U8("LMR root key"); in.text_len = 12;
    in.ts_sec = ts_now; in.rnd = rnd;
    CHECK_EQ(rk_rootkey_wrap(msg, sizeof msg, &len, &id, &no, &in), RK_OK);
    CHECK_EQ(rk_b64_encode(b64, sizeof b64, msg, len, &bl), RK_OK);
    CHECK_EQ(rk_profile_encode_element(el, sizeof el, &elen, RK_PROFILE_LMR_P25, id, U8(kms),
                                       strlen(kms), no, U8(b64), bl), RK_OK);
    if (getenv("RK_WRITE_VECTORS")) {
        char path[1024];
        snprintf(path, sizeof path, "%s/rootkey/example.txt", rk_vec_dir());
        FILE *f = fopen(path, "w");
        CHECK(f != NULL);
        if (!f) return;
        fprintf(f, "# The worked example of docs/profile-element.md, written by tests/t_rootkey.c\n"
                   "# (known_answer) from the inputs listed there: KSAK 2A6B6B..6B, z 0F4C4C..4C,\n"
                   "# ECCSI v 0x32 (IWF, period n), T = %u, randomness 00 01 02 .. 63.\n"
                   "# Every later run must reproduce these octets exactly.\n\n", ts_now);
        fprintf(f, "key_id = %08X\nkey_period = %llu\nmessage = ", id, (unsigned long long)no);
        for (size_t i = 0; i < len; i++) fprintf(f, "%02X%s", msg[i], (i % 32 == 31 && i + 1 < len) ? "\nmessage = " : "");
        fprintf(f, "\nelement = \"%.*s\"\n", (int)elen, (const char *)el);
        fclose(f);
        return;
    }
    rk_vec v;
    if (!rk_vec_open(&v, "rootkey/example.txt")) return;
    CHECK(rk_vec_next(&v));
    long ml = rk_vec_hex(&v, "message", exp, sizeof exp);
    CHECK_EQ(ml, len);
    CHECK_MEM(msg, exp, len);
    CHECK_EQ(rk_vec_int(&v, "key_period", 0), no);
    CHECK_EQ(strtoul(rk_vec_str(&v, "key_id"), NULL, 16), id);
    const char *es = rk_vec_str(&v, "element");
    CHECK(es && strlen(es) == elen && memcmp(es, el, elen) == 0);
    memcpy(eexp, el, elen);
    rk_vec_close(&v);
    /* and the client opens it */
    rk_rootkey_result r;
    rk_rootkey_unwrap_in ui = unwrap_in(1759449600 + 10);
    CHECK_EQ(unwrap(&r, &ui, msg, len), RK_OK);
    CHECK_MEM(r.lmr.key, b.key, 32);
}

/* The RK_ROOTKEY_RND_* offsets tile the caller's randomness exactly, each
 * part as long as what it feeds (rootkey/rootkey.h). */
static void randomness_layout(void)
{
    CHECK_EQ(RK_ROOTKEY_RND_KT, 0);
    CHECK_EQ(RK_ROOTKEY_RND_KT + RK_MIKEYSAKKE_SSV_BYTES, RK_ROOTKEY_RND_CSB);
    CHECK_EQ(RK_ROOTKEY_RND_CSB + 4, RK_ROOTKEY_RND_RAND);
    CHECK_EQ(RK_ROOTKEY_RND_RAND + RK_ROOTKEY_RAND_BYTES, RK_ROOTKEY_RND_IV);
    CHECK_EQ(RK_ROOTKEY_RND_IV_BYTES, 2 * RK_MIKEYSAKKE_IV_BYTES);
    CHECK_EQ(RK_ROOTKEY_RND_IV + RK_ROOTKEY_RND_IV_BYTES, RK_ROOTKEY_RND_SIGN);
    CHECK_EQ(RK_ROOTKEY_RND_SIGN + RK_MIKEYSAKKE_SIGN_RND_BYTES, RK_ROOTKEY_WRAP_RND_BYTES);
    CHECK(RK_ROOTKEY_RAND_BYTES >= 16 && RK_ROOTKEY_RAND_BYTES <= 32);   /* RK_ERR_MIKEY_RAND_LENGTH */
}

void rk_suite_rootkey(void)
{
    RUN(randomness_layout);
    RUN(known_answer);
    round_trips();
    RUN(next_key_period);
    rejections();
    RUN(every_octet_altered);
    RUN(property_round_trips);
}
