/* SPDX-License-Identifier: Apache-2.0 */
/* SAKKE (core/include/rootkey/sakke.h): RFC 6508 Appendix A end to end with
 * every intermediate, the KMS side, and the K1-K9 negative categories of
 * docs/design.md §11.1. */
#include <stdlib.h>
#include "rk_test.h"
#include "sk_common.h"
#include "rootkey/sakke.h"
#include "rootkey/hash.h"

static sk_rfc v;
static rk_sakke_sender_ctx snd;
static rk_sakke_receiver_ctx rcv, rcv_nt, tmp;

static void kms_side(void)
{
    uint8_t z20[20], out[257];
    CHECK(v.ok);
    memcpy(z20, v.z + 108, 20);
    CHECK_EQ(rk_sakke_kms_public(out, z20, 20), RK_OK);
    CHECK_MEM(out, v.Z, 257);
    CHECK_EQ(rk_sakke_kms_rsk(out, z20, 20, v.b, 26), RK_OK);
    CHECK_MEM(out, v.K, 257);
    CHECK_EQ(rk_sakke_kms_public(out, v.z, 128), RK_OK);   /* padded form */
    CHECK_MEM(out, v.Z, 257);
}

static void intermediates(void)
{
    /* r, [b]P + Z, g^r, mask through the lower layers */
    uint8_t buf[16 + 26], blk[128], rb[128], out[128], m[16];
    rk_fp r, w;
    memcpy(buf, v.ssv, 16);
    memcpy(buf + 16, v.b, 26);
    rk_h2i_blocks(blk, 4, buf, sizeof buf);
    rk_bn_reduce_bytes(r.v, blk, 128, &rk_fp_mod_q);
    rk_bn_to_bytes(rb, 128, r.v, 16);
    CHECK_MEM(rb, v.r, 128);
    rk_fp bb;
    rk_bn_reduce_bytes(bb.v, v.b, 26, &rk_fp_mod_q);
    rk_ss_pt pt, zp;
    rk_ss_aff a, Z;
    rk_ss_comb_mul(&pt, &snd.combP, &bb);
    CHECK(sk_aff(&Z, v.zx, v.zy));
    rk_ss_from_aff(&zp, &Z);
    rk_ss_add(&pt, &pt, &zp);
    CHECK(rk_ss_to_aff(&a, &pt) == 1);
    rk_fp_to_bytes(out, &a.x);
    CHECK_MEM(out, v.bpzx, 128);
    rk_fp_to_bytes(out, &a.y);
    CHECK_MEM(out, v.bpzy, 128);
    rk_gt_pow(&w, &snd.gt, &r);
    rk_fp_to_bytes(out, &w);
    CHECK_MEM(out, v.gr, 128);
    rk_h2i_mask(m, out, 128);
    CHECK_MEM(m, v.mask, 16);
}

static void rfc_encapsulate(void)
{
    uint8_t data[273];
    CHECK_EQ(rk_sakke_encapsulate(data, &snd, v.b, 26, v.ssv, 16), RK_OK);
    CHECK_MEM(data, v.data, 273);
    CHECK_MEM(data + 1, v.rx, 128);
    CHECK_MEM(data + 129, v.ry, 128);
    CHECK_MEM(data + 257, v.h, 16);
}

static void rfc_decapsulate(void)
{
    uint8_t ssv[16];
    int form = 9;
    CHECK_EQ(rk_sakke_decapsulate_form(ssv, 16, &rcv, v.data, 273, &form), RK_OK);
    CHECK_MEM(ssv, v.ssv, 16);
    CHECK_EQ(form, 0);
    memset(ssv, 0xAA, 16);
    CHECK_EQ(rk_sakke_decapsulate(ssv, 16, &rcv_nt, v.data, 273), RK_OK);
    CHECK_MEM(ssv, v.ssv, 16);
}

static void round_trips(void)
{
    /* fresh SSVs, top bit set and clear, both receiver modes */
    uint8_t ssv[16], out[16], data[273];
    for (int i = 0; i < 8; i++) {
        CASE_BEGIN("round trip %d", i);
        for (int j = 0; j < 16; j++) ssv[j] = (uint8_t)(rand() & 0xff);
        ssv[0] = (uint8_t)((i & 1) ? (ssv[0] | 0x80) : (ssv[0] & 0x7f));
        CHECK_EQ(rk_sakke_encapsulate(data, &snd, v.b, 26, ssv, 16), RK_OK);
        CHECK_EQ(rk_sakke_decapsulate(out, 16, (i & 2) ? &rcv : &rcv_nt, data, 273), RK_OK);
        CHECK_MEM(out, ssv, 16);
        CASE_END();
    }
}

/* decapsulate and require error `want` with an all-zero SSV output */
static void decap_fails(const uint8_t *data, size_t len, rk_status want, const char *what)
{
    uint8_t ssv[16];
    memset(ssv, 0x5A, 16);
    CASE_BEGIN("decapsulate rejects %s", what);
    CHECK_EQ(rk_sakke_decapsulate(ssv, 16, &rcv, data, len), want);
    CHECK_ZERO(ssv, 16);
    CASE_END();
}

static void k1_lengths(void)
{
    static uint8_t big[65535];
    static const size_t lens[] = { 0, 1, 16, 256, 257, 272, 274, 289, 65535 };
    memcpy(big, v.data, 273);
    for (size_t i = 0; i < 9; i++) {
        char w[64];
        snprintf(w, sizeof w, "K1 length %zu", lens[i]);
        decap_fails(lens[i] == 272 ? v.data + 1 : big, lens[i], RK_ERR_SAKKE_LENGTH, w);
    }
}

static void k2_prefix(void)
{
    uint8_t d[273];
    memcpy(d, v.data, 273);
    for (int b = 0; b < 256; b++) {
        if (b == 4) continue;
        char w[64];
        d[0] = (uint8_t)b;
        snprintf(w, sizeof w, "K2 prefix %02x", b);
        decap_fails(d, 273, RK_ERR_SAKKE_R_PREFIX, w);
    }
}

static void set_coord(uint8_t *d, int which, const uint8_t *val)
{
    memcpy(d + 1 + 128 * which, val, 128);
}

static void k3_bad_points(void)
{
    uint8_t d[273], t[128];
    /* x = p, y = p, x = 2^1024 - 1 */
    memcpy(d, v.data, 273); set_coord(d, 0, v.p); decap_fails(d, 273, RK_ERR_SAKKE_R_RANGE, "K3 x = p");
    memcpy(d, v.data, 273); set_coord(d, 1, v.p); decap_fails(d, 273, RK_ERR_SAKKE_R_RANGE, "K3 y = p");
    memset(t, 0xff, 128);
    memcpy(d, v.data, 273); set_coord(d, 0, t); decap_fails(d, 273, RK_ERR_SAKKE_R_RANGE, "K3 x = 2^1024-1");
    /* x + p encodings cannot exist (x + p > 2^1024 for most x); y + 1 off curve */
    memcpy(d, v.data, 273); d[256] ^= 1; decap_fails(d, 273, RK_ERR_SAKKE_R_CURVE, "K3 y+1 off curve");
    memcpy(d, v.data, 273); memset(d + 1, 0, 256); d[256] = 1; decap_fails(d, 273, RK_ERR_SAKKE_R_CURVE, "K3 (0,1)");
    /* all-zero coordinates: (0,0) is the point of order 2 */
    memcpy(d, v.data, 273); memset(d + 1, 0, 256); decap_fails(d, 273, RK_ERR_SAKKE_R_ORDER, "K3 (0,0)");
    rk_vec tv;
    static rk_vec *tvp;
    tvp = &tv;
    (void)tvp;
    int n = 0;
    if (rk_vec_open(&tv, "sakke/torsion.txt")) {
        while (rk_vec_next(&tv)) {
            uint8_t pt[257];
            CHECK_EQ(rk_vec_hex(&tv, "point", pt, 257), 257);
            memcpy(d, v.data, 273);
            memcpy(d, pt, 257);
            char w[80];
            snprintf(w, sizeof w, "K3 %s", rk_vec_str(&tv, "name"));
            decap_fails(d, 273, RK_ERR_SAKKE_R_ORDER, w);
            n++;
        }
        rk_vec_close(&tv);
    }
    CHECK_EQ(n, 6);
}

static void k4_wrong_subgroup_points(void)
{
    uint8_t d[273];
    rk_ss_aff R, nR;
    rk_ss_pt pt, rp;
    /* P, Z: valid points of order q, TEST fails */
    memcpy(d, v.data, 273); d[0] = 4;
    memcpy(d + 1, v.px, 128); memcpy(d + 129, v.py, 128);
    decap_fails(d, 273, RK_ERR_SAKKE_TEST, "K4 R = P");
    memcpy(d, v.data, 273); memcpy(d, v.Z, 257);
    decap_fails(d, 273, RK_ERR_SAKKE_TEST, "K4 R = Z");
    /* -R */
    CHECK(sk_aff(&R, v.rx, v.ry));
    nR.x = R.x;
    rk_fp_neg(&nR.y, &R.y);
    memcpy(d, v.data, 273); rk_ss_encode(d, &nR);
    decap_fails(d, 273, RK_ERR_SAKKE_TEST, "K4 R = -R");
    /* [2]R */
    rk_ss_from_aff(&rp, &R);
    rk_ss_add(&pt, &rp, &rp);
    CHECK(rk_ss_to_aff(&nR, &pt) == 1);
    memcpy(d, v.data, 273); rk_ss_encode(d, &nR);
    decap_fails(d, 273, RK_ERR_SAKKE_TEST, "K4 R = [2]R");
}

static void k5_every_bit_flip(void)
{
    uint8_t d[273], ssv[16];
    int bad = 0, n = 0;
    for (size_t i = 0; i < 273; i++)
        for (int bit = 0; bit < 8; bit++) {
            memcpy(d, v.data, 273);
            d[i] ^= (uint8_t)(1u << bit);
            memset(ssv, 0x5A, 16);
            rk_status st = rk_sakke_decapsulate(ssv, 16, &rcv, d, 273);
            int zero = 1;
            for (int k = 0; k < 16; k++) zero &= ssv[k] == 0;
            int ok = st != RK_OK && zero;
            if (i >= 257) ok = ok && st == RK_ERR_SAKKE_TEST;   /* H flips fail at TEST */
            if (i == 0) ok = ok && st == RK_ERR_SAKKE_R_PREFIX;
            CASE_BEGIN("K5 flip octet %zu bit %d", i, bit);
            CHECK(ok);
            CASE_END();
            bad += !ok;
            n++;
        }
    CHECK_EQ(n, 2184);
    CHECK_EQ(bad, 0);
}

static void k6_wrong_rsk(void)
{
    /* another identity's RSK (same KMS), another KMS's RSK for the same identity */
    uint8_t k2[257], z2[257], ssv[16];
    static const uint8_t id2[] = "2011-02\0tel:+447700900124";
    static const uint8_t zz[] = { 0x12, 0x34, 0x56, 0x78, 0x9a };
    uint8_t z20[20];
    memcpy(z20, v.z + 108, 20);
    CHECK_EQ(rk_sakke_kms_rsk(k2, z20, 20, id2, 26), RK_OK);
    /* install k2 for id2 and try to open the message to b */
    CHECK_EQ(rk_sakke_receiver_install(&tmp, v.Z, id2, 26, k2, 0), RK_OK);
    memset(ssv, 1, 16);
    CHECK_EQ(rk_sakke_decapsulate(ssv, 16, &tmp, v.data, 273), RK_ERR_SAKKE_TEST);
    CHECK_ZERO(ssv, 16);
    /* RSK of identity b under another KMS, installed with that KMS */
    CHECK_EQ(rk_sakke_kms_public(z2, zz, sizeof zz), RK_OK);
    CHECK_EQ(rk_sakke_kms_rsk(k2, zz, sizeof zz, v.b, 26), RK_OK);
    CHECK_EQ(rk_sakke_receiver_install(&tmp, z2, v.b, 26, k2, 0), RK_OK);
    memset(ssv, 1, 16);
    CHECK_EQ(rk_sakke_decapsulate(ssv, 16, &tmp, v.data, 273), RK_ERR_SAKKE_TEST);
    CHECK_ZERO(ssv, 16);
    /* other period: identity b with its last octet changed */
    uint8_t b2[26];
    memcpy(b2, v.b, 26);
    b2[6] ^= 1;
    CHECK_EQ(rk_sakke_kms_rsk(k2, z20, 20, b2, 26), RK_OK);
    CHECK_EQ(rk_sakke_receiver_install(&tmp, v.Z, b2, 26, k2, 1), RK_OK);
    memset(ssv, 1, 16);
    CHECK_EQ(rk_sakke_decapsulate(ssv, 16, &tmp, v.data, 273), RK_ERR_SAKKE_TEST);
    CHECK_ZERO(ssv, 16);
}

static void install_fails(const uint8_t *z, const uint8_t *id, size_t idl, const uint8_t *k,
                          rk_status want, const char *what)
{
    CASE_BEGIN("install rejects %s", what);
    memset(&tmp, 0x33, sizeof tmp);
    CHECK_EQ(rk_sakke_receiver_install(&tmp, z, id, idl, k, 0), want);
    /* every field zero; padding between fields (32-bit ABIs) is not data */
    CHECK_ZERO(&tmp.Z, sizeof tmp.Z);
    CHECK_ZERO(&tmp.K, sizeof tmp.K);
    CHECK_ZERO(tmp.id, sizeof tmp.id);
    CHECK(tmp.id_len == 0 && tmp.with_table == 0);
    CHECK_ZERO(&tmp.combQ, sizeof tmp.combQ);
    CHECK_ZERO(&tmp.gt, sizeof tmp.gt);
    CHECK_ZERO(&tmp.lines, sizeof tmp.lines);
    CASE_END();
}

static void k7_k8_install(void)
{
    uint8_t k[257], z[257];
    memcpy(k, v.K, 257); k[256] ^= 1;
    install_fails(v.Z, v.b, 26, k, RK_ERR_SAKKE_RSK_POINT, "K7 RSK off curve");
    memset(k, 0, 257); k[0] = 4;
    install_fails(v.Z, v.b, 26, k, RK_ERR_SAKKE_RSK_POINT, "K7 RSK (0,0) order 2");
    memcpy(k, v.K, 257); k[0] = 0;
    install_fails(v.Z, v.b, 26, k, RK_ERR_SAKKE_RSK_POINT, "K7 RSK prefix 00");
    memcpy(k, v.K, 257); memcpy(k + 1, v.p, 128);
    install_fails(v.Z, v.b, 26, k, RK_ERR_SAKKE_RSK_POINT, "K7 RSK x = p");
    uint8_t b2[26];
    memcpy(b2, v.b, 26); b2[25] ^= 1;
    install_fails(v.Z, b2, 26, v.K, RK_ERR_SAKKE_RSK_INVALID, "K7 wrong identity");
    memcpy(b2, v.b, 26); b2[6] ^= 1;
    install_fails(v.Z, b2, 26, v.K, RK_ERR_SAKKE_RSK_INVALID, "K7 wrong period");
    /* wrong Z: P is a valid point of order q but not this KMS's key */
    z[0] = 4; memcpy(z + 1, v.px, 128); memcpy(z + 129, v.py, 128);
    install_fails(z, v.b, 26, v.K, RK_ERR_SAKKE_RSK_INVALID, "K7 wrong Z");
    /* RSK = P (order q, pairing check fails) */
    install_fails(v.Z, v.b, 26, z, RK_ERR_SAKKE_RSK_INVALID, "K7 RSK = P");
    install_fails(v.Z, v.b, 0, v.K, RK_ERR_SAKKE_ID_LENGTH, "empty identity");
    install_fails(v.Z, v.b, 129, v.K, RK_ERR_SAKKE_ID_LENGTH, "129-octet identity");
    /* K8: Z */
    memcpy(z, v.Z, 257); z[256] ^= 1;
    install_fails(z, v.b, 26, v.K, RK_ERR_SAKKE_Z_POINT, "K8 Z off curve");
    memset(z, 0, 257); z[0] = 4;
    install_fails(z, v.b, 26, v.K, RK_ERR_SAKKE_Z_POINT, "K8 Z = (0,0)");
    memcpy(z, v.Z, 257); z[0] = 2;
    install_fails(z, v.b, 26, v.K, RK_ERR_SAKKE_Z_POINT, "K8 Z without 04");
    memcpy(z, v.Z, 257); memcpy(z + 129, v.p, 128);
    install_fails(z, v.b, 26, v.K, RK_ERR_SAKKE_Z_POINT, "K8 Z y = p");
    CASE_BEGIN("K8 sender rejects Z off curve");
    memcpy(z, v.Z, 257); z[256] ^= 1;
    CHECK_EQ(rk_sakke_sender_init((rk_sakke_sender_ctx *)&tmp, z), RK_ERR_SAKKE_Z_POINT);
    CASE_END();
}

static void k9_ssv_lengths(void)
{
    uint8_t data[273], ssv[32];
    static const size_t bad[] = { 0, 1, 15, 17, 32 };
    memset(ssv, 7, sizeof ssv);
    for (size_t i = 0; i < 5; i++) {
        CASE_BEGIN("K9 encapsulate ssv_len %zu", bad[i]);
        memset(data, 0x11, sizeof data);
        CHECK_EQ(rk_sakke_encapsulate(data, &snd, v.b, 26, ssv, bad[i]), RK_ERR_SAKKE_SSV_LENGTH);
        CHECK_ZERO(data, 273);
        CASE_END();
        CASE_BEGIN("K9 decapsulate ssv_len %zu", bad[i]);
        memset(ssv, 0x11, sizeof ssv);
        CHECK_EQ(rk_sakke_decapsulate(ssv, bad[i], &rcv, v.data, 273), RK_ERR_SAKKE_SSV_LENGTH);
        CHECK_ZERO(ssv, bad[i]);
        CASE_END();
    }
    CASE_BEGIN("encapsulate identity lengths");
    CHECK_EQ(rk_sakke_encapsulate(data, &snd, v.b, 0, ssv, 16), RK_ERR_SAKKE_ID_LENGTH);
    CHECK_EQ(rk_sakke_encapsulate(data, &snd, v.b, 129, ssv, 16), RK_ERR_SAKKE_ID_LENGTH);
    CHECK_ZERO(data, 273);
    CASE_END();
    CASE_BEGIN("decapsulate with a wiped receiver context");
    memcpy(&tmp, &rcv, sizeof tmp);
    rk_sakke_receiver_wipe(&tmp);
    memset(ssv, 0x11, 16);
    CHECK_EQ(rk_sakke_decapsulate(ssv, 16, &tmp, v.data, 273), RK_ERR_SAKKE_ID_LENGTH);
    CHECK_ZERO(ssv, 16);
    CASE_END();
    CASE_BEGIN("KMS secret range");
    uint8_t k[257];
    CHECK_EQ(rk_sakke_kms_public(k, v.q, 128), RK_ERR_SAKKE_KMS_SECRET);
    CHECK_ZERO(k, 257);
    uint8_t z0[1] = { 0 };
    CHECK_EQ(rk_sakke_kms_public(k, z0, 1), RK_ERR_SAKKE_KMS_SECRET);
    CHECK_EQ(rk_sakke_kms_public(k, z0, 0), RK_ERR_LENGTH);
    CASE_END();
}

void rk_suite_sakke(void)
{
    sk_rfc_load(&v);
    CASE_BEGIN("setup: sender and receivers for the RFC keys");
    CHECK(v.ok);
    CHECK_EQ(rk_sakke_sender_init(&snd, v.Z), RK_OK);
    CHECK_EQ(rk_sakke_receiver_install(&rcv, v.Z, v.b, 26, v.K, 1), RK_OK);
    CHECK_EQ(rk_sakke_receiver_install(&rcv_nt, v.Z, v.b, 26, v.K, 0), RK_OK);
    CASE_END();
    RUN(kms_side);
    RUN(intermediates);
    RUN(rfc_encapsulate);
    RUN(rfc_decapsulate);
    round_trips();
    k1_lengths();
    k2_prefix();
    k3_bad_points();
    k4_wrong_subgroup_points();
    k5_every_bit_flip();
    RUN(k6_wrong_rsk);
    k7_k8_install();
    k9_ssv_lengths();
}
