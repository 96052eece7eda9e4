/* SPDX-License-Identifier: Apache-2.0 */
/* Generic MIKEY-SAKKE send and receive (core/include/rootkey/mikeysakke.h).
 * Positive: the Streamwide "Test 1: GMK" message end to end with the keys of
 * its KMS (vectors/mikeysakke/streamwide_test1.txt: GMK, CSB-ID = GUK-ID,
 * key parameters); send -> receive round trips with both #CS forms, roles
 * 1/2 and 8/9, both extension orders, the Streamwide keys and a test KMS of
 * our own (which also gives next-key-period keys).  Negative: every check of
 * the receive path with its code and all outputs zero (identities, KMS URIs,
 * key period, initiator, signature: every byte of the signed range flipped
 * once, TEST through a tampered and re-signed H, R prefix, GCM tag, framing,
 * key-parameters decoding, missing extensions, buffer, configuration), and
 * the send input checks.  Each full receive costs a pairing only when the
 * signature verifies; the byte-flip loop stops at ECCSI.  RK_TEST_QUICK
 * samples the flip loop (every 9th byte). */
#include <stdlib.h>
#include "rk_test.h"
#include "rootkey/mikeysakke.h"
#include "rootkey/hash.h"
#include "rootkey/keyperiod.h"
#include "rootkey/gcm.h"
#include "rootkey/status.h"

/* --- fixtures --------------------------------------------------------------- */

typedef struct {
    uint8_t msg[1024];
    size_t len;
    char kms_uri[64], gms_uri[64], alice_uri[64];
    uint64_t period, offset, period_no;
    uint8_t z[257], kpak[65], gms_uid[32], gms_pvt[65], gms_ssk[32], alice_uid[32], alice_rsk[257];
    uint8_t ssv[16], kp_pt[64];
    size_t kp_pt_len;
    uint32_t csb_id, gmk_id, ts_sec;
    long long kp_key_type, kp_status, kp_act, kp_exp, kp_text_len, kp_has_groups, kp_n_groups;
    long long kp_msg_type, kp_date_time;
} sw_vec;

static sw_vec sw;
static int sw_loaded = -1;

static rk_eccsi_verifier_ctx sw_ver, own_ver;
static rk_eccsi_signer_ctx gms_sig, own_sig_n, own_sig_n1;
static rk_sakke_receiver_ctx alice_rcv, own_rcv_n, own_rcv_n1;
static rk_sakke_sender_ctx sw_snd, own_snd;
static int ctx_ready = 0;

/* our own test KMS (secrets chosen here; not from any standard) */
static const char *own_kms = "kms.rootkey.test";
static const char *own_iwf = "sip:iwf@rootkey.test";
static const char *own_user = "sip:user@rootkey.test";
static const uint64_t own_period = 2592000, own_offset = 0;
static uint64_t own_no;                    /* key period of own_ts */
static uint32_t own_ts, own_ts_next;       /* a time in period own_no, and in own_no + 1 */
static uint8_t own_iwf_uid_n[32], own_iwf_uid_n1[32], own_user_uid_n[32], own_user_uid_n1[32];

static int load_sw(void)
{
    static rk_vec v;
    if (sw_loaded >= 0) return sw_loaded;
    sw_loaded = 0;
    if (!rk_vec_open(&v, "mikey/streamwide_test1_gmk.txt")) return 0;
    if (!rk_vec_next(&v)) { rk_vec_close(&v); return 0; }
    long n = rk_vec_hex(&v, "msg", sw.msg, sizeof sw.msg);
    rk_vec_close(&v);
    if (n != 701) return 0;
    sw.len = (size_t)n;
    if (!rk_vec_open(&v, "mikeysakke/streamwide_test1.txt")) return 0;
    if (!rk_vec_next(&v)) { rk_vec_close(&v); return 0; }
    snprintf(sw.kms_uri, sizeof sw.kms_uri, "%s", rk_vec_str(&v, "kms_uri"));
    snprintf(sw.gms_uri, sizeof sw.gms_uri, "%s", rk_vec_str(&v, "gms_uri"));
    snprintf(sw.alice_uri, sizeof sw.alice_uri, "%s", rk_vec_str(&v, "alice_uri"));
    sw.period = (uint64_t)rk_vec_int(&v, "kms_period", -1);
    sw.offset = (uint64_t)rk_vec_int(&v, "kms_offset", -1);
    sw.period_no = (uint64_t)rk_vec_int(&v, "period_no", -1);
    int ok = rk_vec_hex(&v, "z", sw.z, 257) == 257 && rk_vec_hex(&v, "kpak", sw.kpak, 65) == 65
        && rk_vec_hex(&v, "gms_uid", sw.gms_uid, 32) == 32
        && rk_vec_hex(&v, "gms_pvt", sw.gms_pvt, 65) == 65
        && rk_vec_hex(&v, "gms_ssk", sw.gms_ssk, 32) == 32
        && rk_vec_hex(&v, "alice_uid", sw.alice_uid, 32) == 32
        && rk_vec_hex(&v, "alice_rsk", sw.alice_rsk, 257) == 257
        && rk_vec_hex(&v, "ssv", sw.ssv, 16) == 16;
    long m = rk_vec_hex(&v, "kp_plaintext", sw.kp_pt, sizeof sw.kp_pt);
    sw.kp_pt_len = m > 0 ? (size_t)m : 0;
    sw.csb_id = (uint32_t)rk_vec_int(&v, "csb_id", -1);
    sw.gmk_id = (uint32_t)rk_vec_int(&v, "gmk_id", -1);
    sw.ts_sec = (uint32_t)rk_vec_int(&v, "ts_sec", -1);
    sw.kp_key_type = rk_vec_int(&v, "kp_key_type", -1);
    sw.kp_status = rk_vec_int(&v, "kp_status", -1);
    sw.kp_act = rk_vec_int(&v, "kp_activation", -1);
    sw.kp_exp = rk_vec_int(&v, "kp_expiry", -1);
    sw.kp_text_len = rk_vec_int(&v, "kp_text_len", -1);
    sw.kp_has_groups = rk_vec_int(&v, "kp_has_group_ids", -1);
    sw.kp_n_groups = rk_vec_int(&v, "kp_n_groups", -1);
    sw.kp_msg_type = rk_vec_int(&v, "kp_msg_type", -1);
    sw.kp_date_time = rk_vec_int(&v, "kp_date_time", -1);
    rk_vec_close(&v);
    sw_loaded = ok && m > 0;
    return sw_loaded;
}

#define U8(s) ((const uint8_t *)(s))

/* One ECCSI key pair of our KMS for uid (v fixed per call site: test data). */
static int own_signer(rk_eccsi_signer_ctx *s, const uint8_t kpak[65], const uint8_t ksak[32],
                      const uint8_t uid[32], uint8_t vbyte)
{
    uint8_t v[32], ssk[32], pvt[65];
    memset(v, vbyte, 32);
    v[0] = 0x01;
    if (rk_eccsi_kms_make_ssk(ssk, pvt, ksak, kpak, uid, 32, v) != RK_OK) return 0;
    return rk_eccsi_signer_init(s, kpak, 65, uid, 32, ssk, 32, pvt, 65) == RK_OK;
}

static int setup(void)
{
    if (ctx_ready) return ctx_ready > 0;
    ctx_ready = -1;
    if (!load_sw()) return 0;
    /* Streamwide KMS: verifier, the GMS signer, Alice's RSK, a sender to Z */
    if (rk_eccsi_verifier_init(&sw_ver, sw.kpak, 65) != RK_OK) return 0;
    if (rk_eccsi_signer_init(&gms_sig, sw.kpak, 65, sw.gms_uid, 32, sw.gms_ssk, 32, sw.gms_pvt, 65)
        != RK_OK) return 0;
    if (rk_sakke_receiver_install(&alice_rcv, sw.z, sw.alice_uid, 32, sw.alice_rsk, 1) != RK_OK)
        return 0;
    if (rk_sakke_sender_init(&sw_snd, sw.z) != RK_OK) return 0;
    /* our KMS: periods n and n + 1 for an IWF and a user */
    uint8_t ksak[32], kpak[65], zs[32], z[257], rsk[257];
    memset(ksak, 0x5A, 32); ksak[0] = 0x1C;
    memset(zs, 0x3D, 32); zs[0] = 0x0E;
    own_ts = 3968437672u;
    if (rk_key_period_no(&own_no, rk_ntp_seconds_since_1900(own_ts), own_period, own_offset) != RK_OK)
        return 0;
    own_ts_next = (uint32_t)((own_no + 1) * own_period + 17);
    if (rk_eccsi_kms_kpak(kpak, ksak) != RK_OK) return 0;
    if (rk_eccsi_verifier_init(&own_ver, kpak, 65) != RK_OK) return 0;
    if (rk_uid(own_iwf_uid_n, U8(own_iwf), strlen(own_iwf), U8(own_kms), strlen(own_kms),
               own_period, own_offset, own_no) != RK_OK) return 0;
    if (rk_uid(own_iwf_uid_n1, U8(own_iwf), strlen(own_iwf), U8(own_kms), strlen(own_kms),
               own_period, own_offset, own_no + 1) != RK_OK) return 0;
    if (rk_uid(own_user_uid_n, U8(own_user), strlen(own_user), U8(own_kms), strlen(own_kms),
               own_period, own_offset, own_no) != RK_OK) return 0;
    if (rk_uid(own_user_uid_n1, U8(own_user), strlen(own_user), U8(own_kms), strlen(own_kms),
               own_period, own_offset, own_no + 1) != RK_OK) return 0;
    if (!own_signer(&own_sig_n, kpak, ksak, own_iwf_uid_n, 0x21)) return 0;
    if (!own_signer(&own_sig_n1, kpak, ksak, own_iwf_uid_n1, 0x22)) return 0;
    if (rk_sakke_kms_public(z, zs, 32) != RK_OK) return 0;
    if (rk_sakke_sender_init(&own_snd, z) != RK_OK) return 0;
    if (rk_sakke_kms_rsk(rsk, zs, 32, own_user_uid_n, 32) != RK_OK) return 0;
    if (rk_sakke_receiver_install(&own_rcv_n, z, own_user_uid_n, 32, rsk, 1) != RK_OK) return 0;
    if (rk_sakke_kms_rsk(rsk, zs, 32, own_user_uid_n1, 32) != RK_OK) return 0;
    if (rk_sakke_receiver_install(&own_rcv_n1, z, own_user_uid_n1, 32, rsk, 0) != RK_OK) return 0;
    ctx_ready = 1;
    return 1;
}

/* The receiver of the Streamwide message: Alice, URI mode, key params required. */
static rk_mikeysakke_rx sw_rx(void)
{
    rk_mikeysakke_rx rx;
    memset(&rx, 0, sizeof rx);
    rx.kpak = &sw_ver;
    rx.kmsi_uri = U8(sw.kms_uri);
    rx.kmsi_uri_len = strlen(sw.kms_uri);
    rx.kmsi_period_len = sw.period;
    rx.kmsi_period_offset = sw.offset;
    rx.sakke = &alice_rcv;
    rx.kmsr_uri = U8(sw.kms_uri);
    rx.kmsr_uri_len = strlen(sw.kms_uri);
    rx.period_len = sw.period;
    rx.period_offset = sw.offset;
    rx.period_no = sw.period_no;
    rx.my_uri = U8(sw.alice_uri);
    rx.my_uri_len = strlen(sw.alice_uri);
    rx.kp_mode = RK_MIKEYSAKKE_KP_REQUIRED;
    return rx;
}

/* The receiver of our own messages (the user, key set of period n). */
static rk_mikeysakke_rx own_rx(void)
{
    rk_mikeysakke_rx rx;
    memset(&rx, 0, sizeof rx);
    rx.kpak = &own_ver;
    rx.kmsi_uri = U8(own_kms);
    rx.kmsi_uri_len = strlen(own_kms);
    rx.kmsi_period_len = own_period;
    rx.kmsi_period_offset = own_offset;
    rx.sakke = &own_rcv_n;
    rx.kmsr_uri = U8(own_kms);
    rx.kmsr_uri_len = strlen(own_kms);
    rx.period_len = own_period;
    rx.period_offset = own_offset;
    rx.period_no = own_no;
    rx.my_uri = U8(own_user);
    rx.my_uri_len = strlen(own_user);
    rx.kp_mode = RK_MIKEYSAKKE_KP_IF_PRESENT;
    return rx;
}

static rk_mikeysakke_result res;
static uint8_t ext_out[512];

/* Every output of a failed receive is zero. */
static void check_zero_outputs(const rk_mikeysakke_result *r, size_t ext_len, size_t ext_cap)
{
    CHECK_ZERO(r->ssv, 16);
    CHECK_EQ(r->csb_id, 0);
    CHECK_EQ(r->ts_sec, 0);
    CHECK_EQ(r->ts_frac, 0);
    CHECK_EQ(r->period_no, 0);
    CHECK_ZERO(r->initiator_uid, 32);
    CHECK_EQ(r->sakke_form, 0);
    CHECK_EQ(r->view.total_len, 0);
    CHECK_EQ(r->view.n_idr, 0);
    CHECK_EQ(r->view.n_genext, 0);
    CHECK_EQ(r->view.csb_id, 0);
    CHECK_EQ(r->view.signed_range.len, 0);
    CHECK_EQ(r->view.sakke_data.len, 0);
    CHECK_EQ(r->has_kp, 0);
    CHECK_EQ(r->kp_pt_len, 0);
    CHECK_ZERO(r->kp_pt, sizeof r->kp_pt);
    CHECK_EQ(r->kp.key_type, 0);
    CHECK_EQ(r->kp.status, 0);
    CHECK_EQ(r->kp.n_groups, 0);
    CHECK_EQ(r->kp.text.len, 0);
    CHECK_EQ(r->kp_header.dppk_id, 0);
    CHECK_ZERO(r->kp_header.iv, 16);
    CHECK_EQ(r->has_ext, 0);
    CHECK_EQ(r->ext_header.dppk_id, 0);
    CHECK_EQ(ext_len, 0);
    CHECK_ZERO(ext_out, ext_cap);
}

/* Receive, expecting `want`; on error every output must be zero. */
static rk_status rx_expect(const char *what, const rk_mikeysakke_rx *rx, const uint8_t *msg,
                           size_t len, size_t ext_cap, rk_status want)
{
    size_t ext_len = 12345;
    memset(&res, 0xA5, sizeof res);
    memset(ext_out, 0xA5, sizeof ext_out);
    uint8_t *h = malloc(len ? len : 1);   /* exact size: ASan sees over-reads */
    if (!h) { CHECK(h != NULL); return RK_ERR_INTERNAL; }
    memcpy(h, msg, len);
    rk_status st = rk_mikeysakke_receive(&res, ext_cap ? ext_out : NULL, ext_cap, &ext_len, rx, h, len);
    free(h);
    if (st != want)
        rk_t_failf(__FILE__, __LINE__, "%s: got %d (%s), expected %d (%s)", what, st,
                   rk_strerror(st), want, rk_strerror(want));
    if (st != RK_OK)
        check_zero_outputs(&res, ext_len, ext_cap);
    return st;
}

/* --- the Streamwide message ----------------------------------------------- */

static void sw_uids(void)
{
    uint8_t uid[32];
    CHECK(setup());
    CHECK_EQ(rk_uid(uid, U8(sw.gms_uri), strlen(sw.gms_uri), U8(sw.kms_uri), strlen(sw.kms_uri),
                    sw.period, sw.offset, sw.period_no), RK_OK);
    CHECK_MEM(uid, sw.gms_uid, 32);
    CHECK_EQ(rk_uid(uid, U8(sw.alice_uri), strlen(sw.alice_uri), U8(sw.kms_uri),
                    strlen(sw.kms_uri), sw.period, sw.offset, sw.period_no), RK_OK);
    CHECK_MEM(uid, sw.alice_uid, 32);
}

/* The outputs of a good receive of the Streamwide message. */
static void sw_check_outputs(void)
{
    uint32_t guk = 0;
    CHECK_MEM(res.ssv, sw.ssv, 16);
    CHECK_EQ(res.csb_id, sw.csb_id);
    CHECK_EQ(res.ts_sec, sw.ts_sec);
    CHECK_EQ(res.ts_frac, 0);
    CHECK_EQ(res.period_no, sw.period_no);
    CHECK_MEM(res.initiator_uid, sw.gms_uid, 32);
    CHECK_EQ(res.view.total_len, 701);
    CHECK_EQ(res.view.signed_range.len, 572);
    CHECK_EQ(res.has_kp, 1);
    CHECK_EQ(res.kp_pt_len, sw.kp_pt_len);
    CHECK_MEM(res.kp_pt, sw.kp_pt, sw.kp_pt_len);
    CHECK_EQ(res.kp.key_type, sw.kp_key_type);
    CHECK_EQ(res.kp.status, sw.kp_status);
    CHECK_EQ(res.kp.activation, sw.kp_act);
    CHECK_EQ(res.kp.expiry, sw.kp_exp);
    CHECK_EQ(res.kp.text.len, sw.kp_text_len);
    CHECK_EQ(res.kp.has_group_ids, sw.kp_has_groups);
    CHECK_EQ(res.kp.n_groups, sw.kp_n_groups);
    CHECK_EQ(res.kp_header.msg_type, sw.kp_msg_type);
    CHECK_EQ(res.kp_header.date_time, sw.kp_date_time);
    CHECK_EQ(res.kp_header.dppk_id, sw.csb_id);
    CHECK_EQ(res.has_ext, 0);
    /* TS 33.180 7.3: CSB-ID = GUK-ID(GMK, GMK-ID, the receiving user) */
    CHECK_EQ(rk_keyparams_guk_id(&guk, res.ssv, 16, sw.gmk_id, U8(sw.alice_uri),
                                 strlen(sw.alice_uri)), RK_OK);
    CHECK_EQ(guk, res.csb_id);
}

static void sw_receive_uri_mode(void)
{
    CHECK(setup());
    rk_mikeysakke_rx rx = sw_rx();
    if (rx_expect("uri mode", &rx, sw.msg, sw.len, 0, RK_OK) == RK_OK) sw_check_outputs();
}

static void sw_receive_uid_mode(void)
{
    CHECK(setup());
    rk_mikeysakke_rx rx = sw_rx();
    rx.my_uri = NULL;
    rx.my_uri_len = 0;
    if (rx_expect("uid-only mode", &rx, sw.msg, sw.len, 0, RK_OK) == RK_OK) sw_check_outputs();
}

static void sw_receive_expected_initiator(void)
{
    CHECK(setup());
    rk_mikeysakke_rx rx = sw_rx();
    rx.expected_uri = U8(sw.gms_uri);
    rx.expected_uri_len = strlen(sw.gms_uri);
    if (rx_expect("expected uri", &rx, sw.msg, sw.len, 0, RK_OK) == RK_OK) sw_check_outputs();
    rx = sw_rx();
    rx.expected_uid = sw.gms_uid;
    if (rx_expect("expected uid", &rx, sw.msg, sw.len, 0, RK_OK) == RK_OK) sw_check_outputs();
    /* key parameters only if present, and ignored */
    rx = sw_rx();
    rx.kp_mode = RK_MIKEYSAKKE_KP_IGNORE;
    if (rx_expect("kp ignored", &rx, sw.msg, sw.len, 0, RK_OK) == RK_OK) {
        CHECK_EQ(res.has_kp, 0);
        CHECK_MEM(res.ssv, sw.ssv, 16);
    }
}

/* Re-sign a (tampered) Streamwide message with the GMS key: the negative
 * then reaches the stage after the signature. */
static int sw_resign(uint8_t *m, size_t len)
{
    static const uint8_t rnd[32] = {7, 7, 7};
    rk_mikey_view v;
    if (rk_mikey_parse(&v, m, len) != RK_OK) return 0;
    return rk_eccsi_sign(&gms_sig, m + v.signature.off, 129, m, v.signed_range.len, rnd, 32) == RK_OK;
}

static void sw_negatives(void)
{
    rk_mikeysakke_rx rx;
    uint8_t m[1024];
    CHECK(setup());
    /* identities and the key period: before any public-key operation */
    rx = sw_rx(); rx.kmsr_uri = U8("kms.other.com"); rx.kmsr_uri_len = 13;
    rx_expect("IDRkmsr", &rx, sw.msg, sw.len, 0, RK_ERR_MSAK_KMSR);
    rx = sw_rx(); rx.kmsi_uri = U8("kms.other.com"); rx.kmsi_uri_len = 13;
    rx_expect("IDRkmsi", &rx, sw.msg, sw.len, 0, RK_ERR_MSAK_KMSI);
    rx = sw_rx(); rx.period_no = sw.period_no - 1;
    rx_expect("period - 1", &rx, sw.msg, sw.len, 0, RK_ERR_MSAK_PERIOD);
    rx = sw_rx(); rx.period_no = sw.period_no + 1;
    rx_expect("period + 1", &rx, sw.msg, sw.len, 0, RK_ERR_MSAK_PERIOD);
    rx = sw_rx(); rx.period_offset = 5000000000u;   /* T before the offset */
    rx_expect("T before offset", &rx, sw.msg, sw.len, 0, RK_ERR_KEYPERIOD);
    rx = sw_rx(); rx.my_uri = U8("sip:bob@streamwide.com"); rx.my_uri_len = 22;
    rx_expect("RSK not mine (URI mode)", &rx, sw.msg, sw.len, 0, RK_ERR_MSAK_KEYSET);
    /* an RSK of another user, UID-only mode: IDRuidr is not me */
    rx = sw_rx(); rx.my_uri = NULL; rx.my_uri_len = 0; rx.sakke = &own_rcv_n;
    rx_expect("IDRuidr not me", &rx, sw.msg, sw.len, 0, RK_ERR_MSAK_RECEIVER);
    rx = sw_rx(); rx.expected_uri = U8("gms2@streamwide.com"); rx.expected_uri_len = 19;
    rx_expect("expected initiator uri", &rx, sw.msg, sw.len, 0, RK_ERR_MSAK_INITIATOR);
    rx = sw_rx(); rx.expected_uid = sw.alice_uid;
    rx_expect("expected initiator uid", &rx, sw.msg, sw.len, 0, RK_ERR_MSAK_INITIATOR);
    /* configuration */
    rx = sw_rx(); rx.kp_mode = 3;
    rx_expect("kp_mode", &rx, sw.msg, sw.len, 0, RK_ERR_MSAK_CONFIG);
    rx = sw_rx(); rx.ext_type = 7;
    rx_expect("ext type 7", &rx, sw.msg, sw.len, 0, RK_ERR_MSAK_EXT_TYPE);
    rx = sw_rx(); rx.ext_type = 250;
    rx_expect("ext 250 absent", &rx, sw.msg, sw.len, sizeof ext_out, RK_ERR_MSAK_EXT_MISSING);
    rx = sw_rx(); rx.kpak = &own_ver;   /* another KMS's KPAK */
    rx_expect("wrong KPAK", &rx, sw.msg, sw.len, 0, RK_ERR_ECCSI_VERIFY);
    rx = sw_rx(); rx.kpak = NULL;
    rx_expect("NULL kpak", &rx, sw.msg, sw.len, 0, RK_ERR_NULL);
    rx = sw_rx();
    rx_expect("truncated", &rx, sw.msg, sw.len - 1, 0, RK_ERR_MIKEY_TRUNCATED);
    /* signed by someone else under the same KMS: IDRuidi says Alice */
    memcpy(m, sw.msg, sw.len);
    memcpy(m + 58, sw.alice_uid, 32);
    rx = sw_rx();
    rx_expect("signer identity", &rx, m, sw.len, 0, RK_ERR_ECCSI_VERIFY);
    /* framing of type 7 (checked before the signature) */
    memcpy(m, sw.msg, sw.len);
    m[499] = 0x41;
    rx_expect("kp framing", &rx, m, sw.len, 0, RK_ERR_KP_MSG_TYPE);
    /* TEST (RFC 6508 6.2.2 step 5): H tampered, message re-signed */
    memcpy(m, sw.msg, sw.len);
    m[222 + 257 + 3] ^= 0x01;
    CHECK(sw_resign(m, sw.len));
    rx_expect("TEST", &rx, m, sw.len, 0, RK_ERR_SAKKE_TEST);
    /* R prefix, re-signed */
    memcpy(m, sw.msg, sw.len);
    m[222] = 0x02;
    CHECK(sw_resign(m, sw.len));
    rx_expect("R prefix", &rx, m, sw.len, 0, RK_ERR_SAKKE_R_PREFIX);
    /* GCM tag of the key parameters, re-signed */
    memcpy(m, sw.msg, sw.len);
    m[569] ^= 0x80;
    CHECK(sw_resign(m, sw.len));
    rx_expect("GCM tag", &rx, m, sw.len, 0, RK_ERR_GCM_TAG);
    /* a correctly encrypted but undecodable key-parameters plaintext */
    {
        uint8_t pt[20], dpck[16], id[4] = {0x06, 0xA1, 0x2A, 0xEA}, aad[32], tag[16];
        CHECK_EQ(sw.kp_pt_len, 20);
        memcpy(pt, sw.kp_pt, 20);
        pt[0] = 0x10;                        /* Key Type over 15 */
        rk_dpck(dpck, sw.ssv, 16, id);
        memcpy(m, sw.msg, sw.len);
        memcpy(aad, m + 499, 12);
        memcpy(aad + 12, m + 499 + 12, 16);
        memcpy(aad + 28, id, 4);
        CHECK_EQ(rk_gcm_seal(dpck, 16, m + 499 + 12, 16, aad, 32, pt, 20, m + 499 + 35, tag), RK_OK);
        memcpy(m + 499 + 35 + 20, tag, 16);
        CHECK(sw_resign(m, sw.len));
        rx_expect("kp decode", &rx, m, sw.len, 0, RK_ERR_KP_KEY_TYPE);
        /* the same message with key parameters ignored is good */
        rx.kp_mode = RK_MIKEYSAKKE_KP_IGNORE;
        rx_expect("kp decode ignored", &rx, m, sw.len, 0, RK_OK);
    }
}

/* Every octet of the signed range (and of the signature) flipped once:
 * refused, outputs zero.  Quick runs take every 9th octet. */
static void sw_flips(void)
{
    uint8_t m[1024];
    rk_mikeysakke_rx rx;
    size_t step = rk_t_quick() ? 9 : 1, i, bad = 0;
    CHECK(setup());
    rx = sw_rx();
    for (i = 0; i < sw.len; i += step) {
        size_t ext_len = 1;
        memcpy(m, sw.msg, sw.len);
        m[i] ^= 0x01;
        memset(&res, 0xA5, sizeof res);
        rk_status st = rk_mikeysakke_receive(&res, NULL, 0, &ext_len, &rx, m, sw.len);
        if (st == RK_OK) {
            rk_t_failf(__FILE__, __LINE__, "flip of octet %zu accepted", i);
            bad++;
        } else {
            check_zero_outputs(&res, ext_len, 0);
        }
        if (bad > 3) break;
    }
}

/* --- send -> receive ------------------------------------------------------ */

typedef struct {
    rk_mikeysakke_tx tx;
    rk_kp_params kp;
    uint8_t ssv[16], rand[16], iv[48], srnd[32], spi[8], pol[1];
    uint8_t ext0[40], ext1[20];
} tx_fix;

static const char *kp_text = "LMR root key";
static const char *kp_group = "sip:group1@rootkey.test";

/* A message from our IWF to our user (period n), roles 1/2, #CS 0. */
static void own_tx(tx_fix *f)
{
    size_t i;
    memset(f, 0, sizeof *f);
    for (i = 0; i < 16; i++) { f->ssv[i] = (uint8_t)(0x40 + i); f->rand[i] = (uint8_t)(0x90 ^ i); }
    for (i = 0; i < 48; i++) f->iv[i] = (uint8_t)(i * 7 + 1);
    for (i = 0; i < 32; i++) f->srnd[i] = (uint8_t)(i + 3);
    for (i = 0; i < sizeof f->ext0; i++) f->ext0[i] = (uint8_t)(0xC0 + i);
    for (i = 0; i < sizeof f->ext1; i++) f->ext1[i] = (uint8_t)(0x10 + i);
    memcpy(f->spi, "\x0D\xF9\xBC\x39\xF6\xA1\x2A\xEA", 8);
    f->kp.key_type = 0xF;
    f->kp.status = RK_KP_STATUS_NOT_REVOKED;
    f->kp.activation = 0x0068D7EAFAull;
    f->kp.expiry = 0x00FFFFFFFFull;
    f->kp.text = U8(kp_text);
    f->kp.text_len = strlen(kp_text);
    f->kp.has_group_ids = 1;
    f->kp.n_groups = 1;
    f->kp.group[0] = U8(kp_group);
    f->kp.group_len[0] = strlen(kp_group);
    rk_mikeysakke_tx *t = &f->tx;
    t->signer = &own_sig_n;
    t->signer_uid = own_iwf_uid_n;
    t->verifier = &own_ver;
    t->sakke = &own_snd;
    t->receiver_uid = own_user_uid_n;
    t->ssv = f->ssv;
    t->csb_id = 0xF1A2B3C4u;
    t->ts_sec = own_ts;
    t->ts_frac = 0x12345678u;
    t->rand = f->rand;
    t->rand_len = 16;
    t->idr_i.role = RK_MIKEY_ROLE_IDRI;
    t->idr_i.id = U8(own_iwf);
    t->idr_i.id_len = strlen(own_iwf);
    t->idr_r.role = RK_MIKEY_ROLE_IDRR;
    t->idr_r.id = U8(own_user);
    t->idr_r.id_len = strlen(own_user);
    t->kmsi_uri = U8(own_kms);
    t->kmsi_uri_len = strlen(own_kms);
    t->kmsr_uri = U8(own_kms);
    t->kmsr_uri_len = strlen(own_kms);
    t->kp = &f->kp;
    t->kp_msg_type = RK_KP_MSG_TYPE_0X43;
    t->kp_date_time = 0x0068DAA555ull;
    t->n_ext = 1;
    t->ext[0].type = 250;
    t->ext[0].pt = f->ext0;
    t->ext[0].pt_len = sizeof f->ext0;
    t->iv_rnd = f->iv;
    t->iv_rnd_len = sizeof f->iv;
    t->sign_rnd = f->srnd;
    t->sign_rnd_len = 32;
}

/* Switch a fixture to roles 8/9 and a GENERIC-ID map. */
static void own_tx_uids(tx_fix *f)
{
    rk_mikeysakke_tx *t = &f->tx;
    t->idr_i.role = RK_MIKEY_ROLE_IDRUIDI;
    t->idr_i.id = t->signer_uid;
    t->idr_i.id_len = 32;
    t->idr_r.role = RK_MIKEY_ROLE_IDRUIDR;
    t->idr_r.id = t->receiver_uid;
    t->idr_r.id_len = 32;
    t->n_cs = 1;
    t->cs[0].cs_id = 4;
    t->cs[0].prot_type = 0;
    t->cs[0].s_flag = 0;
    f->pol[0] = 0;
    t->cs[0].policies = f->pol;
    t->cs[0].n_policies = 1;
    t->cs[0].session_data = f->pol;
    t->cs[0].session_data_len = 0;
    t->cs[0].spi = f->spi;
    t->cs[0].spi_len = 8;
}

static uint8_t out[4096];

/* Every field of a received message against what was sent. */
static void recheck(const tx_fix *f, size_t len, size_t ext_len)
{
    const rk_mikeysakke_tx *t = &f->tx;
    const rk_mikey_view *v = &res.view;
    CHECK_MEM(res.ssv, t->ssv, 16);
    CHECK_EQ(res.csb_id, t->csb_id);
    CHECK_EQ(res.ts_sec, t->ts_sec);
    CHECK_EQ(res.ts_frac, t->ts_frac);
    CHECK_MEM(res.initiator_uid, t->signer_uid, 32);
    CHECK_EQ(v->total_len, len);
    CHECK_EQ(v->n_cs, t->n_cs);
    CHECK_EQ(v->map_type, t->n_cs ? RK_MIKEY_MAP_GENERIC_ID : RK_MIKEY_MAP_EMPTY);
    if (t->n_cs) {
        CHECK_EQ(v->cs[0].cs_id, t->cs[0].cs_id);
        CHECK_EQ(v->cs[0].spi.len, t->cs[0].spi_len);
        CHECK_MEM(out + v->cs[0].spi.off, t->cs[0].spi, t->cs[0].spi_len);
    }
    CHECK_EQ(v->rand_value.len, t->rand_len);
    CHECK_MEM(out + v->rand_value.off, t->rand, t->rand_len);
    CHECK_EQ(v->idr[v->idr_i].role, t->idr_i.role);
    CHECK_EQ(v->idr[v->idr_i].id.len, t->idr_i.id_len);
    CHECK_MEM(out + v->idr[v->idr_i].id.off, t->idr_i.id, t->idr_i.id_len);
    CHECK_EQ(v->idr[v->idr_r].role, t->idr_r.role);
    CHECK_EQ(v->idr[v->idr_r].id.len, t->idr_r.id_len);
    CHECK_MEM(out + v->idr[v->idr_r].id.off, t->idr_r.id, t->idr_r.id_len);
    CHECK_EQ(v->idr[v->idr_kmsi].id.len, t->kmsi_uri_len);
    CHECK_MEM(out + v->idr[v->idr_kmsi].id.off, t->kmsi_uri, t->kmsi_uri_len);
    CHECK_EQ(v->idr[v->idr_kmsr].id.len, t->kmsr_uri_len);
    CHECK_MEM(out + v->idr[v->idr_kmsr].id.off, t->kmsr_uri, t->kmsr_uri_len);
    CHECK_EQ(v->n_genext, (t->kp ? 1u : 0u) + t->n_ext);
    if (t->kp) {
        CHECK_EQ(res.has_kp, 1);
        CHECK_EQ(res.kp.key_type, t->kp->key_type);
        CHECK_EQ(res.kp.status, t->kp->status);
        CHECK_EQ(res.kp.activation, t->kp->activation);
        CHECK_EQ(res.kp.expiry, t->kp->expiry);
        CHECK_EQ(res.kp.text.len, t->kp->text_len);
        CHECK_MEM(res.kp_pt + res.kp.text.off, t->kp->text, t->kp->text_len);
        CHECK_EQ(res.kp.n_groups, t->kp->n_groups);
        CHECK_EQ(res.kp.group[0].len, t->kp->group_len[0]);
        CHECK_MEM(res.kp_pt + res.kp.group[0].off, t->kp->group[0], t->kp->group_len[0]);
        CHECK_EQ(res.kp_header.msg_type, t->kp_msg_type);
        CHECK_EQ(res.kp_header.date_time, t->kp_date_time);
        CHECK_MEM(res.kp_header.iv, t->iv_rnd, 16);
        CHECK_EQ(res.kp_header.dppk_id, t->csb_id);
    }
    if (t->n_ext) {
        CHECK_EQ(res.has_ext, 1);
        CHECK_EQ(ext_len, t->ext[0].pt_len);
        CHECK_MEM(ext_out, t->ext[0].pt, t->ext[0].pt_len);
        CHECK_MEM(res.ext_header.iv, t->iv_rnd + (t->kp ? 16 : 0), 16);
    }
}

static size_t send_ok(const char *what, const tx_fix *f)
{
    size_t len = 0;
    rk_status st = rk_mikeysakke_send(out, sizeof out, &len, &f->tx);
    if (st != RK_OK)
        rk_t_failf(__FILE__, __LINE__, "%s: send %d (%s)", what, st, rk_strerror(st));
    return len;
}

static rk_status rx_own(const rk_mikeysakke_rx *rx, size_t len, size_t *ext_len)
{
    uint8_t *h = malloc(len ? len : 1);
    if (!h) return RK_ERR_INTERNAL;
    memcpy(h, out, len);
    memset(&res, 0xA5, sizeof res);
    rk_status st = rk_mikeysakke_receive(&res, ext_out, sizeof ext_out, ext_len, rx, h, len);
    free(h);
    return st;
}

static void roundtrip_case(const char *what, tx_fix *f, rk_mikeysakke_rx *rx)
{
    size_t ext_len = 0;
    CASE_BEGIN("round trip: %s", what);
    size_t len = send_ok(what, f);
    if (len) {
        rk_status st = rx_own(rx, len, &ext_len);
        if (st != RK_OK)
            rk_t_failf(__FILE__, __LINE__, "%s: receive %d (%s)", what, st, rk_strerror(st));
        else
            recheck(f, len, ext_len);
    }
    CASE_END();
}

static void roundtrips(void)
{
    static tx_fix f;
    rk_mikeysakke_rx rx;
    if (!setup()) { CASE_BEGIN("round trips: setup"); CHECK(0); CASE_END(); return; }
    /* roles 1/2, empty map, extensions after SAKKE */
    own_tx(&f); rx = own_rx(); rx.ext_type = 250; rx.kp_mode = RK_MIKEYSAKKE_KP_REQUIRED;
    rx.expected_uri = U8(own_iwf); rx.expected_uri_len = strlen(own_iwf);
    roundtrip_case("roles 1/2, #CS 0", &f, &rx);
    /* roles 8/9, GENERIC-ID, extensions before SAKKE (the ALEA order) */
    own_tx(&f); own_tx_uids(&f); f.tx.ext_before_sakke = 1;
    roundtrip_case("roles 8/9, #CS 1, ext before SAKKE", &f, &rx);
    rx.my_uri = NULL; rx.my_uri_len = 0;
    roundtrip_case("roles 8/9, UID-only receiver", &f, &rx);
    /* two private extensions, no key parameters, no self-verification */
    own_tx(&f); f.tx.kp = NULL; f.tx.verifier = NULL; f.tx.n_ext = 2;
    f.tx.ext[1].type = 255; f.tx.ext[1].pt = f.ext1; f.tx.ext[1].pt_len = sizeof f.ext1;
    rx = own_rx(); rx.ext_type = 250;
    roundtrip_case("two private extensions, no type 7", &f, &rx);
    /* only the key parameters */
    own_tx(&f); f.tx.n_ext = 0;
    rx = own_rx(); rx.kp_mode = RK_MIKEYSAKKE_KP_REQUIRED;
    roundtrip_case("type 7 only", &f, &rx);
    /* next key period: T, signer and receiver all in period n + 1 */
    own_tx(&f); own_tx_uids(&f);
    f.tx.ts_sec = own_ts_next; f.tx.signer = &own_sig_n1; f.tx.signer_uid = own_iwf_uid_n1;
    f.tx.receiver_uid = own_user_uid_n1; f.tx.idr_i.id = own_iwf_uid_n1; f.tx.idr_r.id = own_user_uid_n1;
    rx = own_rx(); rx.sakke = &own_rcv_n1; rx.period_no = own_no + 1; rx.ext_type = 250;
    roundtrip_case("next key period", &f, &rx);
    /* ... and a receiver that still holds period n refuses it by T */
    {
        size_t len = send_ok("next period", &f), el = 0;
        rx = own_rx(); rx.ext_type = 250;
        CASE_BEGIN("next key period, receiver in period n");
        rk_status st = rx_own(&rx, len, &el);
        CHECK_EQ(st, RK_ERR_MSAK_PERIOD);
        check_zero_outputs(&res, el, sizeof ext_out);
        CASE_END();
    }
    /* Streamwide keys: GMS -> Alice, roles 8/9 and 1/2 */
    own_tx(&f); own_tx_uids(&f);
    f.tx.signer = &gms_sig; f.tx.signer_uid = sw.gms_uid; f.tx.verifier = &sw_ver;
    f.tx.sakke = &sw_snd; f.tx.receiver_uid = sw.alice_uid;
    f.tx.idr_i.id = sw.gms_uid; f.tx.idr_r.id = sw.alice_uid;
    f.tx.kmsi_uri = U8(sw.kms_uri); f.tx.kmsi_uri_len = strlen(sw.kms_uri);
    f.tx.kmsr_uri = U8(sw.kms_uri); f.tx.kmsr_uri_len = strlen(sw.kms_uri);
    f.tx.ts_sec = sw.ts_sec; f.tx.csb_id = sw.csb_id;
    rx = sw_rx(); rx.ext_type = 250;
    roundtrip_case("Streamwide keys, roles 8/9", &f, &rx);
    f.tx.idr_i.role = RK_MIKEY_ROLE_IDRI; f.tx.idr_i.id = U8(sw.gms_uri); f.tx.idr_i.id_len = strlen(sw.gms_uri);
    f.tx.idr_r.role = RK_MIKEY_ROLE_IDRR; f.tx.idr_r.id = U8(sw.alice_uri); f.tx.idr_r.id_len = strlen(sw.alice_uri);
    f.tx.n_cs = 0;
    roundtrip_case("Streamwide keys, roles 1/2", &f, &rx);
}

/* Negatives on our own messages (what the Streamwide one cannot reach). */
static void own_negatives(void)
{
    static tx_fix f;
    rk_mikeysakke_rx rx;
    size_t len;
    if (!setup()) { CHECK(0); return; }
    own_tx(&f);
    len = send_ok("base", &f);
    CHECK(len > 0);
    rx = own_rx(); rx.my_uri = NULL; rx.my_uri_len = 0;
    rx_expect("role 2 in UID-only mode", &rx, out, len, 0, RK_ERR_MSAK_RECEIVER_URI);
    rx = own_rx(); rx.my_uri = U8("sip:other@rootkey.test"); rx.my_uri_len = 22;
    rx_expect("IDRr not me", &rx, out, len, 0, RK_ERR_MSAK_RECEIVER);
    rx = own_rx(); rx.expected_uri = U8("sip:iwf2@rootkey.test"); rx.expected_uri_len = 21;
    rx_expect("IDRi not expected", &rx, out, len, 0, RK_ERR_MSAK_INITIATOR);
    rx = own_rx(); rx.ext_type = 250;
    rx_expect("ext buffer too small", &rx, out, len, 39, RK_ERR_BUFFER);
    rx = own_rx(); rx.ext_type = 251;
    rx_expect("ext 251 absent", &rx, out, len, sizeof ext_out, RK_ERR_MSAK_EXT_MISSING);
    /* the private extension's tag */
    {
        static uint8_t m[4096];
        rk_mikey_view v;
        static const uint8_t rnd[32] = {1};
        memcpy(m, out, len);
        CHECK_EQ(rk_mikey_parse(&v, m, len), RK_OK);
        m[v.genext[1].data.off + v.genext[1].data.len - 1] ^= 1;
        CHECK_EQ(rk_eccsi_sign(&own_sig_n, m + v.signature.off, 129, m, v.signed_range.len, rnd, 32), RK_OK);
        rx = own_rx(); rx.ext_type = 250;
        rx_expect("private extension tag", &rx, m, len, sizeof ext_out, RK_ERR_GCM_TAG);
    }
    /* no key parameters but required */
    own_tx(&f); f.tx.kp = NULL;
    len = send_ok("no kp", &f);
    rx = own_rx(); rx.kp_mode = RK_MIKEYSAKKE_KP_REQUIRED;
    rx_expect("kp required", &rx, out, len, 0, RK_ERR_MSAK_KP_MISSING);
    /* roles 8/9 with an IDRuidi the caller does not expect */
    own_tx(&f); own_tx_uids(&f);
    len = send_ok("uids", &f);
    rx = own_rx(); rx.expected_uri = U8("sip:iwf2@rootkey.test"); rx.expected_uri_len = 21;
    rx_expect("IDRuidi not expected", &rx, out, len, 0, RK_ERR_MSAK_INITIATOR);
    /* encapsulated to the next period's UID while T is in period n: the
     * receiver holding period n's RSK fails TEST (SAKKE to another UID) */
    own_tx(&f); own_tx_uids(&f);
    f.tx.receiver_uid = own_user_uid_n1; f.tx.idr_r.id = own_user_uid_n1;
    len = send_ok("uid n+1, T in n", &f);
    rx = own_rx(); rx.my_uri = NULL; rx.my_uri_len = 0;
    rx_expect("IDRuidr of period n+1", &rx, out, len, 0, RK_ERR_MSAK_RECEIVER);
    rx.sakke = &own_rcv_n1; rx.period_no = own_no;
    rx_expect("RSK n+1 with T in n (UID-only)", &rx, out, len, 0, RK_OK);
}

/* The type-7 plaintext limit (RK_MIKEYSAKKE_KP_MAX_BYTES, the result's kp_pt):
 * our sender cannot exceed it (it encodes type 7 into that buffer), so the
 * message is built with a private extension carrying encoded key parameters
 * of 1024 or 1025 octets, its type octet changed to 7, re-signed.  1024 is
 * received in full; 1025 is refused by the framing check, before ECCSI. */
static void kp_size_limit(void)
{
    static tx_fix f;
    static uint8_t text[1008], pt[1100], m[4096];
    size_t n, len, pt_len;
    int over;
    rk_kp_params kp;
    rk_mikey_view v;
    rk_mikeysakke_rx rx;
    static const uint8_t rnd[32] = {7};
    if (!setup()) { CHECK(0); return; }
    memset(text, 'k', sizeof text);
    for (over = 0; over <= 1; over++) {
        n = (size_t)(1024 - 17 + over);    /* 17 fixed octets before the text */
        CASE_BEGIN("type-7 plaintext of %zu octets", n + 17);
        memset(&kp, 0, sizeof kp);
        kp.key_type = 0xF;
        kp.status = RK_KP_STATUS_NOT_REVOKED;
        kp.text = text;
        kp.text_len = n;
        pt_len = 0;
        CHECK_EQ(rk_keyparams_encode(pt, sizeof pt, &pt_len, &kp), RK_OK);
        CHECK_EQ(pt_len, 1024 + (size_t)over);
        own_tx(&f);
        f.tx.kp = NULL;
        f.tx.ext[0].pt = pt;
        f.tx.ext[0].pt_len = pt_len;
        len = send_ok("long private extension", &f);
        CHECK(len > 0);
        memcpy(m, out, len);
        CHECK_EQ(rk_mikey_parse(&v, m, len), RK_OK);
        CHECK_EQ(v.n_genext, 1);
        CHECK_EQ(m[v.genext[0].at.off + 1], 250);
        m[v.genext[0].at.off + 1] = RK_MIKEY_GENEXT_KEY_PARAMS;
        CHECK_EQ(rk_eccsi_sign(&own_sig_n, m + v.signature.off, 129, m, v.signed_range.len,
                               rnd, 32), RK_OK);
        rx = own_rx();
        rx.kp_mode = RK_MIKEYSAKKE_KP_REQUIRED;
        if (over) {
            rx_expect("type 7 over 1024", &rx, m, len, 0, RK_ERR_MSAK_KP_TOO_LONG);
        } else if (rx_expect("type 7 of 1024", &rx, m, len, 0, RK_OK) == RK_OK) {
            CHECK_EQ(res.has_kp, 1);
            CHECK_EQ(res.kp_pt_len, 1024);
            CHECK_EQ(res.kp.text.len, n);
            CHECK_MEM(res.kp_pt + res.kp.text.off, text, n);
        }
        CASE_END();
    }
}

static void send_negatives(void)
{
    static tx_fix f;
    size_t len;
    if (!setup()) { CHECK(0); return; }
#define TXN(what, stmt, want) do { own_tx(&f); stmt; len = 7; memset(out, 0xA5, sizeof out); \
        CASE_BEGIN("send: %s", what); \
        CHECK_EQ(rk_mikeysakke_send(out, sizeof out, &len, &f.tx), want); \
        CHECK_EQ(len, 0); CHECK_ZERO(out, sizeof out); CASE_END(); } while (0)
    TXN("IDRi role 2", f.tx.idr_i.role = 2, RK_ERR_MSAK_ROLE);
    TXN("IDRr role 1", f.tx.idr_r.role = 1, RK_ERR_MSAK_ROLE);
    TXN("IDRuidi not signer", (own_tx_uids(&f), f.tx.idr_i.id = own_user_uid_n), RK_ERR_MSAK_ID_MISMATCH);
    TXN("IDRuidr not receiver", (own_tx_uids(&f), f.tx.idr_r.id = own_iwf_uid_n), RK_ERR_MSAK_ID_MISMATCH);
    TXN("private type 240", f.tx.ext[0].type = 240, RK_ERR_MSAK_EXT_TYPE);
    TXN("IV randomness short", f.tx.iv_rnd_len = 31, RK_ERR_LENGTH);
    TXN("sign randomness short", f.tx.sign_rnd_len = 31, RK_ERR_LENGTH);
    TXN("three private extensions", f.tx.n_ext = 3, RK_ERR_LENGTH);
    TXN("NULL ssv", f.tx.ssv = NULL, RK_ERR_NULL);
    TXN("kp message type", f.tx.kp_msg_type = 0x41, RK_ERR_KP_MSG_TYPE);
    TXN("private plaintext under 17 octets", f.tx.ext[0].pt_len = 16, RK_ERR_KP_CT_LENGTH);
    TXN("duplicate private type", (f.tx.n_ext = 2, f.tx.ext[1] = f.tx.ext[0]), RK_ERR_MIKEY_DUPLICATE);
    TXN("RAND 15 octets", f.tx.rand_len = 15, RK_ERR_MIKEY_RAND_LENGTH);
    TXN("signer for another KPAK", f.tx.verifier = &sw_ver, RK_ERR_ECCSI_FAULT);
#undef TXN
    own_tx(&f);
    len = 7;
    CASE_BEGIN("send: buffer too small");
    CHECK_EQ(rk_mikeysakke_send(out, 300, &len, &f.tx), RK_ERR_BUFFER);
    CHECK_EQ(len, 0);
    CHECK_ZERO(out, 300);
    CASE_END();
}

void rk_suite_mikeysakke(void)
{
    RUN(sw_uids);
    RUN(sw_receive_uri_mode);
    RUN(sw_receive_uid_mode);
    RUN(sw_receive_expected_initiator);
    RUN(sw_negatives);
    RUN(sw_flips);
    roundtrips();
    RUN(own_negatives);
    kp_size_limit();
    send_negatives();
}
