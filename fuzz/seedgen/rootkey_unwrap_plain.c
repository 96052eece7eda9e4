/* SPDX-License-Identifier: Apache-2.0 */
/* Seed generator for fuzz/rootkey_unwrap.c's bit 6 (GCM layers in the
 * clear, sealed by the harness): reads the worked example's message
 * (fuzz/corpus/rootkey_unwrap/example_msg, a mode octet and the message),
 * opens its two protected General Extensions in place with the client's RSK,
 * and writes into DIR one seed per plaintext change, each named for the
 * check it reaches.  Not a harness (fuzz/seedgen/ is not matched by the harness wildcard):
 *   cc -std=c11 -D_GNU_SOURCE -Icore/include -Ishims -Ifuzz \
 *      fuzz/seedgen/rootkey_unwrap_plain.c build/librootkey.a -lsodium \
 *      -o build/seedgen_rk && build/seedgen_rk fuzz/corpus/rootkey_unwrap
 * The harness's own setup (keys, client, IWF) is reused by including it. */
#include <stdio.h>
#include "../rootkey_unwrap.c"

static uint8_t base[RK_MIKEY_MAX_BYTES];
static size_t base_len;
static size_t kp_off, lmr_off;       /* plaintext offsets in base */
static const char *dir;

/* Open every protected extension of m in place (the inverse of seal_layers). */
static void open_layers(uint8_t *m, size_t len)
{
    rk_mikey_view v;
    uint8_t ssv[16], dpck[16], id[4], aad[RK_KP_AAD_BYTES];
    if (rk_mikey_parse(&v, m, len) != RK_OK
        || rk_sakke_decapsulate(ssv, sizeof ssv, &alice_rx, m + v.sakke_data.off,
                                v.sakke_data.len) != RK_OK)
        abort();
    id[0] = (uint8_t)(v.csb_id >> 24); id[1] = (uint8_t)(v.csb_id >> 16);
    id[2] = (uint8_t)(v.csb_id >> 8); id[3] = (uint8_t)v.csb_id;
    rk_dpck(dpck, ssv, sizeof ssv, id);
    for (size_t i = 0; i < v.n_genext; i++) {
        uint8_t *d = m + v.genext[i].data.off;
        rk_kp_frame f;
        size_t n;
        if (rk_keyparams_frame_decode(&f, d, v.genext[i].data.len, v.csb_id) != RK_OK)
            abort();
        n = f.ct_len - RK_KP_TAG_BYTES;
        rk_keyparams_aad(aad, &f.h);
        if (rk_gcm_open(dpck, sizeof dpck, f.h.iv, RK_KP_IV_BYTES, aad, sizeof aad,
                        d + f.ct_off, n, d + f.ct_off, d + f.ct_off + n) != RK_OK)
            abort();
        memset(d + f.ct_off + n, 0, RK_KP_TAG_BYTES);
        if (v.genext[i].type == 7)
            kp_off = (size_t)(d + f.ct_off - m);
        else
            lmr_off = (size_t)(d + f.ct_off - m);
    }
}

static void put(const char *name, uint8_t mode, const uint8_t *m, size_t len)
{
    char path[512];
    FILE *fp;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    fp = fopen(path, "wb");
    if (!fp || fputc(mode, fp) == EOF || fwrite(m, 1, len, fp) != len || fclose(fp) != 0)
        abort();
    /* the seed runs through the harness as the replay will run it */
    uint8_t in[1 + RK_MIKEY_MAX_BYTES];
    in[0] = mode;
    memcpy(in + 1, m, len);
    LLVMFuzzerTestOneInput(in, len + 1);
}

/* base with n octets at off replaced */
static void var(const char *name, uint8_t mode, size_t off, const void *p, size_t n)
{
    static uint8_t m[RK_MIKEY_MAX_BYTES];
    memcpy(m, base, base_len);
    memcpy(m + off, p, n);
    put(name, mode, m, base_len);
}

/* base with IDRi rewritten as role 8 (IDRuidi) and the IWF's UID for T's
 * key period, one octet of it XORed with x (the payload length re-framed) */
static void idr_uid(const char *name, uint8_t x)
{
    static uint8_t m[RK_MIKEY_MAX_BYTES];
    uint8_t uid[32];
    rk_mikey_view v;
    size_t at, idl, tail;
    if (rk_mikey_parse(&v, base, base_len) != RK_OK
        || rk_uid(uid, U8(iwf), sizeof iwf - 1, U8(kms), sizeof kms - 1, plen, 0, pno) != RK_OK)
        abort();
    uid[31] ^= x;
    at = v.idr[v.idr_i].at.off;                 /* np | role | type | len 2 | id */
    idl = v.idr[v.idr_i].id.len;
    tail = base_len - (at + 5 + idl);
    memcpy(m, base, at + 5);
    m[at + 1] = RK_MIKEY_ROLE_IDRUIDI;
    m[at + 3] = 0;
    m[at + 4] = 32;
    memcpy(m + at + 5, uid, 32);
    memcpy(m + at + 5 + 32, base + at + 5 + idl, tail);
    put(name, 0x40, m, at + 5 + 32 + tail);
}

int main(int argc, char **argv)
{
    FILE *fp;
    uint8_t raw[1 + RK_MIKEY_MAX_BYTES];
    size_t n;
    if (argc != 2) {
        fprintf(stderr, "usage: %s DIR\n", argv[0]);
        return 2;
    }
    dir = argv[1];
    LLVMFuzzerInitialize(&argc, &argv);
    fp = fopen("fuzz/corpus/rootkey_unwrap/example_msg", "rb");
    if (!fp)
        abort();
    n = fread(raw, 1, sizeof raw, fp);
    fclose(fp);
    if (n < 2)
        abort();
    base_len = n - 1;
    memcpy(base, raw + 1, base_len);
    {
        /* key parameters: type 1 | status 4 | activation 5 | expiry 5 | text */
        static const uint8_t type0[1] = { 0x0E }, revoked[4] = { 0, 0, 0, 2 };
        static const uint8_t future[5] = { 0xFF, 0xFF, 0xFF, 0xFF, 0xF0 };
        static const uint8_t past[5] = { 0, 0, 0, 0, 1 };
        static const uint8_t textlen[2] = { 0xFF, 0xFF };
        /* LMR block: version 1 | 01 01 type | ... */
        static const uint8_t v2[1] = { 2 }, tetra[1] = { 2 }, keylen[2] = { 0x40, 0x07 };
        /* an "other" block of the P25 block's length (62): system ID of 22 */
        uint8_t other[28] = { 1, 0x01, 0x01, 0x03, 0x30, 22 };
        static const uint8_t csb[4] = { 0xF0, 0x11, 0x12, 0x14 };
        memset(other + 6, 'S', 22);
        put("clock_before_1970", 0x82, raw + 1, base_len);   /* the example as sent */
        open_layers(base, base_len);
        idr_uid("plain_idr_uid_accept", 0);
        idr_uid("plain_idr_uid_other", 1);
        put("plain_accept", 0x40, base, base_len);
        put("plain_accept_p25", 0x50, base, base_len);
        var("plain_key_type", 0x40, kp_off, type0, 1);
        var("plain_revoked", 0x40, kp_off + 1, revoked, 4);
        var("plain_not_yet_active", 0x40, kp_off + 5, future, 5);
        var("plain_expired", 0x40, kp_off + 10, past, 5);
        var("plain_kp_text_length", 0x40, kp_off + 15, textlen, 2);
        var("plain_lmr_version", 0x40, lmr_off, v2, 1);
        var("plain_lmr_tetra_tags", 0x40, lmr_off + 3, tetra, 1);
        var("plain_lmr_key_length", 0x40, lmr_off + 28, keylen, 2);
        var("plain_lmr_other_accept", 0x40, lmr_off, other, sizeof other);
        var("plain_lmr_other_not_p25", 0x50, lmr_off, other, sizeof other);
        var("plain_key_id_rebound", 0x40, 6, csb, 4);
        var("plain_key_id_dppk_mismatch", 0xC0, 6, csb, 4);
        var("plain_stored_older", 0x44, 0, base, 1);
        var("plain_stored_replay", 0x4C, 0, base, 1);
    }
    return 0;
}
