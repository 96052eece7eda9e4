/* SPDX-License-Identifier: Apache-2.0 */
/* MIKEY-SAKKE I_MESSAGE parser and encoder (core/include/rootkey/mikey.h).
 *
 * Positive: the Streamwide "Test 1: GMK" message (vectors/mikey/), every
 * decoded field checked; encoder round trips.  Negative: the categories of
 * docs/design.md §11.2, generated systematically from the interop message and
 * from messages built with the encoder (truncation at every length, length
 * fields, every next-payload value, missing / duplicated / reordered
 * payloads, HDR and payload field values, trailing data), each asserting the
 * exact code, a zeroed view, and no crash. */
#include <stdlib.h>
#include "rk_test.h"
#include "rootkey/mikey.h"
#include "rootkey/status.h"

#define MAXM (RK_MIKEY_MAX_BYTES + 64)

/* The interop message, loaded once. */
static uint8_t sw[MAXM];
static size_t sw_len;
static rk_vec swvec, swfields;   /* record 1: message and payload spans; 2: fields */

/* payload layout of the interop message: offsets, lengths, and where each
 * payload keeps the octet naming the payload after it */
enum { P_HDR, P_T, P_RAND, P_IDR8, P_IDR9, P_IDR6, P_IDR7, P_SP, P_SAKKE, P_GX7, P_SIGN, NP };
static const char *const pname[NP] = { "HDR", "T", "RAND", "IDRuidi", "IDRuidr", "IDRkmsi",
                                       "IDRkmsr", "SP", "SAKKE", "GENEXT7", "SIGN" };
static const uint8_t ptype[NP] = { 0, 5, 11, 14, 14, 14, 14, 10, 26, 21, 4 };
static size_t poff[NP], plen[NP];

static size_t next_at(int k) { return k == P_HDR ? 2 : poff[k]; }

static int load_sw(void)
{
    static int loaded = -1;
    if (loaded >= 0) return loaded;
    loaded = 0;
    if (!rk_vec_open(&swvec, "mikey/streamwide_test1_gmk.txt")) return 0;
    if (!rk_vec_next(&swvec)) return 0;
    long n = rk_vec_hex(&swvec, "msg", sw, sizeof sw);
    if (n != 701) return 0;
    sw_len = (size_t)n;
    static const char *const f[NP] = { "hdr", "t", "rand", "idr0", "idr1", "idr2", "idr3",
                                       "sp", "sakke", "gx0", "sign" };
    for (int k = 0; k < NP; k++) {
        char a[32], b[32];
        snprintf(a, sizeof a, "%s_off", f[k]);
        snprintf(b, sizeof b, "%s_len", f[k]);
        poff[k] = (size_t)rk_vec_int(&swvec, a, -1);
        plen[k] = (size_t)rk_vec_int(&swvec, b, -1);
    }
    if (!rk_vec_open(&swfields, "mikey/streamwide_test1_gmk.txt")) return 0;
    if (!rk_vec_next(&swfields) || !rk_vec_next(&swfields)) return 0;
    loaded = 1;
    return 1;
}

static long long vi(const char *name)
{
    const rk_vec *v = rk_vec_str(&swfields, name) ? &swfields : &swvec;
    return rk_vec_int(v, name, -99999);
}

/* On error the whole view must be zero (spot-check every part). */
static void check_zero_view(const rk_mikey_view *v)
{
    CHECK_EQ(v->total_len, 0);
    CHECK_EQ(v->hdr.len, 0);
    CHECK_EQ(v->csb_id, 0);
    CHECK_EQ(v->cs[0].spi.len, 0);
    CHECK_EQ(v->t.len, 0);
    CHECK_EQ(v->ts_sec, 0);
    CHECK_EQ(v->rand_value.len, 0);
    CHECK_EQ(v->n_idr, 0);
    CHECK_EQ(v->idr[0].id.len, 0);
    CHECK_EQ(v->idr_i, 0);
    CHECK_EQ(v->has_sp, 0);
    CHECK_EQ(v->sakke_data.len, 0);
    CHECK_EQ(v->n_genext, 0);
    CHECK_EQ(v->genext[0].data.len, 0);
    CHECK_EQ(v->signature.len, 0);
    CHECK_EQ(v->signed_range.len, 0);
}

/* One negative (or positive, want == RK_OK) case. */
static void expect(const char *what, const uint8_t *m, size_t n, rk_status want)
{
    rk_mikey_view v;
    memset(&v, 0xA5, sizeof v);
    CASE_BEGIN("%s", what);
    /* an exact-size heap copy: under ASan a read past n is caught */
    uint8_t *h = malloc(n ? n : 1);
    if (!h) { CHECK(h != NULL); CASE_END(); return; }
    memcpy(h, m, n);
    rk_status st = rk_mikey_parse(&v, h, n);
    free(h);
    if (st != want)
        rk_t_failf(__FILE__, __LINE__, "%s: got %d (%s), expected %d (%s)", what, st,
                   rk_strerror(st), want, rk_strerror(want));
    if (want != RK_OK) check_zero_view(&v);
    else CHECK_EQ(v.total_len, n);
    CASE_END();
}

/* ---------------------------------------------------------------- positive */

static void streamwide_parses(void)
{
    rk_mikey_view v;
    CHECK(load_sw());
    CHECK_EQ(rk_mikey_parse(&v, sw, sw_len), RK_OK);
    CHECK_EQ(v.total_len, vi("total_len"));
    CHECK_EQ(v.hdr.off, vi("hdr_off"));
    CHECK_EQ(v.hdr.len, vi("hdr_len"));
    CHECK_EQ(v.version, 1);
    CHECK_EQ(v.data_type, 26);
    CHECK_EQ(v.v_flag, 0);
    CHECK_EQ(v.prf_func, 1);
    CHECK_EQ(v.csb_id, vi("csb_id"));
    CHECK_EQ(v.n_cs, vi("n_cs"));
    CHECK_EQ(v.map_type, vi("map_type"));
    CHECK_EQ(v.map_info.off, vi("map_info_off"));
    CHECK_EQ(v.map_info.len, vi("map_info_len"));
    CHECK_EQ(v.cs[0].cs_id, vi("cs0_id"));
    CHECK_EQ(v.cs[0].prot_type, vi("cs0_prot"));
    CHECK_EQ(v.cs[0].s_flag, vi("cs0_s"));
    CHECK_EQ(v.cs[0].n_policies, vi("cs0_np"));
    CHECK_EQ(v.cs[0].policies.off, vi("cs0_pol_off"));
    CHECK_EQ(v.cs[0].policies.len, vi("cs0_np"));
    CHECK_EQ(v.cs[0].session_data.off, vi("cs0_sd_off"));
    CHECK_EQ(v.cs[0].session_data.len, vi("cs0_sd_len"));
    CHECK_EQ(v.cs[0].spi.off, vi("cs0_spi_off"));
    CHECK_EQ(v.cs[0].spi.len, vi("cs0_spi_len"));
    uint8_t spi[8];
    CHECK_EQ(rk_vec_hex(&swfields, "spi", spi, sizeof spi), 8);
    CHECK_MEM(sw + v.cs[0].spi.off, spi, 8);
    CHECK_EQ(v.t.off, vi("t_off"));
    CHECK_EQ(v.t.len, vi("t_len"));
    CHECK_EQ(v.ts_type, 0);
    CHECK_EQ(v.ts_sec, vi("ts_sec"));
    CHECK_EQ(v.ts_frac, vi("ts_frac"));
    CHECK_EQ(v.rand.off, vi("rand_off"));
    CHECK_EQ(v.rand.len, vi("rand_len"));
    CHECK_EQ(v.rand_value.off, vi("rand_value_off"));
    CHECK_EQ(v.rand_value.len, vi("rand_value_len"));
    CHECK_EQ(v.n_idr, 4);
    for (int i = 0; i < 4; i++) {
        char a[32];
        snprintf(a, sizeof a, "idr%d_off", i); CHECK_EQ(v.idr[i].at.off, vi(a));
        snprintf(a, sizeof a, "idr%d_len", i); CHECK_EQ(v.idr[i].at.len, vi(a));
        snprintf(a, sizeof a, "idr%d_role", i); CHECK_EQ(v.idr[i].role, vi(a));
        snprintf(a, sizeof a, "idr%d_id_off", i); CHECK_EQ(v.idr[i].id.off, vi(a));
        snprintf(a, sizeof a, "idr%d_id_len", i); CHECK_EQ(v.idr[i].id.len, vi(a));
        CHECK_EQ(v.idr[i].id_type, 1);
    }
    CHECK_EQ(v.idr_i, 0);
    CHECK_EQ(v.idr_r, 1);
    CHECK_EQ(v.idr_kmsi, 2);
    CHECK_EQ(v.idr_kmsr, 3);
    uint8_t uid[32];
    CHECK_EQ(rk_vec_hex(&swfields, "uid_gms", uid, sizeof uid), 32);
    CHECK_MEM(sw + v.idr[v.idr_i].id.off, uid, 32);
    CHECK_EQ(rk_vec_hex(&swfields, "uid_alice", uid, sizeof uid), 32);
    CHECK_MEM(sw + v.idr[v.idr_r].id.off, uid, 32);
    const char *kms = rk_vec_str(&swfields, "kms_uri");
    CHECK(kms != NULL && strlen(kms) == 24);
    if (kms) {
        CHECK_MEM(sw + v.idr[v.idr_kmsi].id.off, kms, 24);
        CHECK_MEM(sw + v.idr[v.idr_kmsr].id.off, kms, 24);
    }
    CHECK_EQ(v.has_sp, 1);
    CHECK_EQ(v.sp.off, vi("sp_off"));
    CHECK_EQ(v.sp.len, vi("sp_len"));
    CHECK_EQ(v.sp_policy_no, vi("sp_policy_no"));
    CHECK_EQ(v.sp_prot_type, vi("sp_prot_type"));
    CHECK_EQ(v.sp_params.off, vi("sp_params_off"));
    CHECK_EQ(v.sp_params.len, vi("sp_params_len"));
    CHECK_EQ(v.sakke.off, vi("sakke_off"));
    CHECK_EQ(v.sakke.len, vi("sakke_len"));
    CHECK_EQ(v.sakke_params, vi("sakke_params"));
    CHECK_EQ(v.sakke_id_scheme, vi("sakke_id_scheme"));
    CHECK_EQ(v.sakke_data.off, vi("sakke_data_off"));
    CHECK_EQ(v.sakke_data.len, vi("sakke_data_len"));
    CHECK_EQ(sw[v.sakke_data.off], 0x04);
    CHECK_EQ(v.n_genext, vi("n_genext"));
    CHECK_EQ(v.genext[0].at.off, vi("gx0_off"));
    CHECK_EQ(v.genext[0].at.len, vi("gx0_len"));
    CHECK_EQ(v.genext[0].type, vi("gx0_type"));
    CHECK_EQ(v.genext[0].data.off, vi("gx0_data_off"));
    CHECK_EQ(v.genext[0].data.len, vi("gx0_data_len"));
    CHECK_EQ(v.sign.off, vi("sign_off"));
    CHECK_EQ(v.sign.len, vi("sign_len"));
    CHECK_EQ(v.sign_type, vi("sign_type"));
    CHECK_EQ(v.signature.off, vi("signature_off"));
    CHECK_EQ(v.signature.len, vi("signature_len"));
    CHECK_EQ(v.signed_range.off, vi("signed_off"));
    CHECK_EQ(v.signed_range.len, vi("signed_len"));
}

/* The payload table used by the splicing tests agrees with the parser. */
static void streamwide_layout(void)
{
    CHECK(load_sw());
    size_t o = 0;
    for (int k = 0; k < NP; k++) {
        CHECK_EQ(poff[k], o);
        o += plen[k];
        if (k > P_HDR && k < P_SIGN) CHECK_EQ(sw[next_at(k - 1)], ptype[k]);
    }
    CHECK_EQ(o, sw_len);
    CHECK_EQ(sw[next_at(P_GX7)], RK_MIKEY_PT_SIGN);
}

static void api_misuse(void)
{
    rk_mikey_view v;
    CHECK(load_sw());
    CHECK_EQ(rk_mikey_parse(NULL, sw, sw_len), RK_ERR_NULL);
    memset(&v, 0xA5, sizeof v);
    CHECK_EQ(rk_mikey_parse(&v, NULL, 10), RK_ERR_NULL);
    check_zero_view(&v);
    CHECK(strcmp(rk_strerror(RK_ERR_MIKEY_TRUNCATED), "unknown status") != 0);
    for (int c = -600; c >= -636; c--) {
        CASE_BEGIN("strerror %d", c);
        CHECK(strncmp(rk_strerror(c), "mikey: ", 7) == 0);
        CASE_END();
    }
}

/* --------------------------------------------------------------- splicing */

/* Build a message from the interop payloads: `order` lists payload indices
 * (NP ends it); the next-payload octets are rewritten to follow the new
 * order (the last before SIGN names SIGN; a list without SIGN ends in 0). */
static size_t splice(uint8_t *out, const int *order)
{
    size_t n = 0;
    int cnt = 0;
    while (order[cnt] != NP) cnt++;
    for (int i = 0; i < cnt; i++) {
        int k = order[i];
        size_t at = n;
        memcpy(out + n, sw + poff[k], plen[k]);
        n += plen[k];
        if (k != P_SIGN) {
            uint8_t nx = 0;
            if (i + 1 < cnt) nx = ptype[order[i + 1]];
            out[at + (k == P_HDR ? 2 : 0)] = nx;
        }
    }
    return n;
}

static void truncations(void)
{
    CHECK(load_sw());
    for (size_t n = 0; n < sw_len; n++) {
        char w[64];
        snprintf(w, sizeof w, "streamwide prefix %zu", n);
        expect(w, sw, n, RK_ERR_MIKEY_TRUNCATED);
    }
    expect("streamwide whole", sw, sw_len, RK_OK);
}

static void trailing_and_oversize(void)
{
    static uint8_t m[MAXM];
    CHECK(load_sw());
    memcpy(m, sw, sw_len);
    memset(m + sw_len, 0, sizeof m - sw_len);
    expect("trailing +1", m, sw_len + 1, RK_ERR_MIKEY_TRAILING);
    expect("trailing +16", m, sw_len + 16, RK_ERR_MIKEY_TRAILING);
    expect("trailing to 4096", m, RK_MIKEY_MAX_BYTES, RK_ERR_MIKEY_TRAILING);
    expect("oversize 4097", m, RK_MIKEY_MAX_BYTES + 1, RK_ERR_MIKEY_TOO_LONG);
    expect("oversize +4096", m, sw_len + 4096 > MAXM ? MAXM : sw_len + 4096, RK_ERR_MIKEY_TOO_LONG);
    /* the trailing octet holding a plausible payload changes nothing */
    m[sw_len] = RK_MIKEY_PT_SIGN;
    expect("trailing SIGN type octet", m, sw_len + 1, RK_ERR_MIKEY_TRAILING);
    /* a second copy of the whole SIGN payload */
    memcpy(m + sw_len, sw + poff[P_SIGN], plen[P_SIGN]);
    expect("SIGN twice", m, sw_len + plen[P_SIGN], RK_ERR_MIKEY_TRAILING);
}

/* The next-payload octet of every payload, at every value that is not one
 * of the seven an I_MESSAGE carries. */
static void next_payload_values(void)
{
    static uint8_t m[MAXM];
    CHECK(load_sw());
    for (int k = P_HDR; k < P_SIGN; k++) {
        for (int val = 0; val < 256; val++) {
            rk_status want;
            if (val == 4 || val == 5 || val == 10 || val == 11 || val == 14 || val == 21 || val == 26)
                continue;
            if (val == 0) want = RK_ERR_MIKEY_NEXT_LAST;
            else if (val <= 25) want = RK_ERR_MIKEY_NEXT_UNSUPPORTED;
            else want = RK_ERR_MIKEY_NEXT_UNKNOWN;
            memcpy(m, sw, sw_len);
            m[next_at(k)] = (uint8_t)val;
            char w[64];
            snprintf(w, sizeof w, "next of %s = %d", pname[k], val);
            expect(w, m, sw_len, want);
        }
    }
}

/* Next-payload octets naming another accepted payload: the bytes that follow
 * are read as that payload.  Expected codes derived from the octets of the
 * interop message (docs/references.md §9.2), one line of reasoning each. */
static void next_payload_misdirected(void)
{
    static uint8_t m[MAXM];
    static const struct { int k; uint8_t val; rk_status want; const char *why; } c[] = {
        /* T read as RAND: T's octets 0B 00: RAND length 0 */
        { P_HDR, 11, RK_ERR_MIKEY_RAND_LENGTH, "T as RAND: length 0" },
        /* T read as SIGN: 0x0B00 -> S type 0 */
        { P_HDR, 4, RK_ERR_MIKEY_SIGN_TYPE, "T as SIGN: type 0" },
        /* T read as IDR: role 00 */
        { P_HDR, 14, RK_ERR_MIKEY_TRUNCATED, "T as IDR: ID length 0x898d" },
        /* T read as SP: param length 0x898D beyond the end */
        { P_HDR, 10, RK_ERR_MIKEY_TRUNCATED, "T as SP: length 0x898d" },
        /* T read as SAKKE: data length 0x898D beyond the end */
        { P_HDR, 26, RK_ERR_MIKEY_TRUNCATED, "T as SAKKE: length 0x898d" },
        /* T read as GENEXT: type 0 */
        { P_HDR, 21, RK_ERR_MIKEY_TRUNCATED, "T as GENEXT: length 0xec89" },
        /* RAND read as T (self-loop T -> T): TS type 0x10 */
        { P_T, 5, RK_ERR_MIKEY_TS_TYPE, "RAND as T: TS type 16" },
        /* RAND read as IDR: role 0x10 */
        { P_T, 14, RK_ERR_MIKEY_TRUNCATED, "RAND as IDR: ID length 0x2f5d" },
        /* IDR read as RAND (self-loop RAND -> RAND): length 8 */
        { P_RAND, 11, RK_ERR_MIKEY_RAND_LENGTH, "IDR as RAND: length 8" },
        /* IDR read as T: TS type 8 */
        { P_RAND, 5, RK_ERR_MIKEY_TS_TYPE, "IDR as T: TS type 8" },
        /* IDR read as SAKKE: 0E 08 01 0020: params 8 */
        { P_RAND, 26, RK_ERR_MIKEY_SAKKE_PARAMS, "IDR as SAKKE: params 8" },
        /* IDR read as SP: param length 0x0020, params 15 a4 .. walk */
        { P_RAND, 10, RK_ERR_MIKEY_SP_PARAMS, "IDR as SP: UID as parameter list" },
        /* IDR read as GENEXT: type 8 */
        { P_RAND, 21, RK_ERR_MIKEY_GENEXT_TYPE, "IDR as GENEXT: type 8" },
        /* SP read as IDR: role 0 */
        { P_IDR7, 14, RK_ERR_MIKEY_IDR_ROLE, "SP as IDR: role 0" },
        /* SAKKE read as SP: 15 01 02 0111: length 273, params 04 2d -> walk */
        { P_SP, 10, RK_ERR_MIKEY_SP_PARAMS, "SAKKE as SP: R as parameter list" },
        /* SAKKE read as GENEXT: type 1 */
        { P_SP, 21, RK_ERR_MIKEY_TRUNCATED, "SAKKE as GENEXT: length 0x0201" },
        /* GENEXT read as SAKKE (self-loop SAKKE -> SAKKE): params 7 */
        { P_SAKKE, 26, RK_ERR_MIKEY_TRUNCATED, "GENEXT as SAKKE: length 0x4743" },
        /* GENEXT read as SIGN: 0x0407 -> S type 0 */
        { P_SAKKE, 4, RK_ERR_MIKEY_SIGN_TYPE, "GENEXT as SIGN: type 0" },
        /* SIGN read as GENEXT (self-loop GENEXT -> GENEXT): 20 81 2225: 8741 octets */
        { P_GX7, 21, RK_ERR_MIKEY_TRUNCATED, "SIGN as GENEXT: chain runs off the end" },
        /* SIGN read as T: TS type 0x81 */
        { P_GX7, 5, RK_ERR_MIKEY_TS_TYPE, "SIGN as T: TS type 129" },
    };
    CHECK(load_sw());
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        memcpy(m, sw, sw_len);
        m[next_at(c[i].k)] = c[i].val;
        expect(c[i].why, m, sw_len, c[i].want);
    }
}

/* Every length field of the interop message at 0, 1, true-1, true+1 and its
 * maximum (plus true+max where it matters).  A length that is checked
 * against a fixed value fails at that check; a variable one moves the start
 * of the next payload, whose octets (docs/references.md §9.2) then decide: the
 * comment says what they are read as. */
static void length_fields(void)
{
    static uint8_t m[MAXM];
    static const struct { size_t off; int width; unsigned val; rk_status want; const char *why; } c[] = {
        /* RAND length (1 octet at 36, true 16) */
        { 36, 1, 0, RK_ERR_MIKEY_RAND_LENGTH, "RAND len 0" },
        { 36, 1, 1, RK_ERR_MIKEY_RAND_LENGTH, "RAND len 1" },
        { 36, 1, 15, RK_ERR_MIKEY_RAND_LENGTH, "RAND len 15" },
        { 36, 1, 17, RK_ERR_MIKEY_TRUNCATED, "RAND len 17: IDR read from 54, ID length 0x2015" },
        { 36, 1, 33, RK_ERR_MIKEY_RAND_LENGTH, "RAND len 33" },
        { 36, 1, 255, RK_ERR_MIKEY_RAND_LENGTH, "RAND len 255" },
        /* IDRuidi ID length (2 octets at 56, true 32) */
        { 56, 2, 0, RK_ERR_MIKEY_IDR_LENGTH, "IDRuidi len 0" },
        { 56, 2, 1, RK_ERR_MIKEY_IDR_LENGTH, "IDRuidi len 1" },
        { 56, 2, 31, RK_ERR_MIKEY_IDR_LENGTH, "IDRuidi len 31" },
        { 56, 2, 33, RK_ERR_MIKEY_IDR_LENGTH, "IDRuidi len 33" },
        { 56, 2, 0xFFFF, RK_ERR_MIKEY_TRUNCATED, "IDRuidi len 65535" },
        { 56, 2, 0xFFFE, RK_ERR_MIKEY_TRUNCATED, "IDRuidi len 65534" },
        /* IDRuidr ID length (at 93, true 32) */
        { 93, 2, 0, RK_ERR_MIKEY_IDR_LENGTH, "IDRuidr len 0" },
        { 93, 2, 1, RK_ERR_MIKEY_IDR_LENGTH, "IDRuidr len 1" },
        { 93, 2, 31, RK_ERR_MIKEY_IDR_LENGTH, "IDRuidr len 31" },
        { 93, 2, 33, RK_ERR_MIKEY_IDR_LENGTH, "IDRuidr len 33" },
        { 93, 2, 0xFFFF, RK_ERR_MIKEY_TRUNCATED, "IDRuidr len 65535" },
        /* IDRkmsi ID length (at 130, true 24) */
        { 130, 2, 0, RK_ERR_MIKEY_IDR_LENGTH, "IDRkmsi len 0" },
        { 130, 2, 1, RK_ERR_MIKEY_TRUNCATED, "IDRkmsi len 1: IDR read from 133 ('ms.my'), length 0x6d79" },
        { 130, 2, 23, RK_ERR_MIKEY_IDR_ROLE, "IDRkmsi len 23: IDR read from 155, role 0x0a" },
        { 130, 2, 25, RK_ERR_MIKEY_TRUNCATED, "IDRkmsi len 25: IDR read from 157, length 0x186b" },
        { 130, 2, 0xFFFF, RK_ERR_MIKEY_TRUNCATED, "IDRkmsi len 65535" },
        /* IDRkmsr ID length (at 159, true 24; next is SP) */
        { 159, 2, 0, RK_ERR_MIKEY_IDR_LENGTH, "IDRkmsr len 0" },
        { 159, 2, 1, RK_ERR_MIKEY_TRUNCATED, "IDRkmsr len 1: SP read from 162, length 0x6d79" },
        { 159, 2, 23, RK_ERR_MIKEY_NEXT_UNKNOWN, "IDRkmsr len 23: empty SP read from 184, next 0x6d" },
        { 159, 2, 25, RK_ERR_MIKEY_TRUNCATED, "IDRkmsr len 25: SP read from 186, length 0x1b00" },
        { 159, 2, 0xFFFF, RK_ERR_MIKEY_TRUNCATED, "IDRkmsr len 65535" },
        /* SP policy parameter length (at 188, true 27) */
        { 188, 2, 0, RK_ERR_MIKEY_SAKKE_SCHEME, "SP len 0: SAKKE read from 190, scheme 6" },
        { 188, 2, 1, RK_ERR_MIKEY_SP_PARAMS, "SP len 1" },
        { 188, 2, 26, RK_ERR_MIKEY_SP_PARAMS, "SP len 26: last parameter cut" },
        { 188, 2, 28, RK_ERR_MIKEY_SP_PARAMS, "SP len 28: one stray octet" },
        { 188, 2, 0xFFFF, RK_ERR_MIKEY_TRUNCATED, "SP len 65535" },
        /* SAKKE data length (at 220, true 273) */
        { 220, 2, 0, RK_ERR_MIKEY_SAKKE_LENGTH, "SAKKE len 0" },
        { 220, 2, 1, RK_ERR_MIKEY_SAKKE_LENGTH, "SAKKE len 1" },
        { 220, 2, 16, RK_ERR_MIKEY_SAKKE_LENGTH, "SAKKE len 16" },
        { 220, 2, 257, RK_ERR_MIKEY_SAKKE_LENGTH, "SAKKE len 257" },
        { 220, 2, 272, RK_ERR_MIKEY_SAKKE_LENGTH, "SAKKE len 272" },
        { 220, 2, 274, RK_ERR_MIKEY_SAKKE_LENGTH, "SAKKE len 274" },
        { 220, 2, 289, RK_ERR_MIKEY_SAKKE_LENGTH, "SAKKE len 289" },
        { 220, 2, 0xFFFF, RK_ERR_MIKEY_TRUNCATED, "SAKKE len 65535" },
        /* General Extension length (at 497, true 71; next is SIGN) */
        { 497, 2, 0, RK_ERR_MIKEY_GENEXT_LENGTH, "GENEXT len 0" },
        { 497, 2, 1, RK_ERR_MIKEY_SIGN_TYPE, "GENEXT len 1: SIGN read from 500 (00 00)" },
        { 497, 2, 70, RK_ERR_MIKEY_SIGN_TYPE, "GENEXT len 70: SIGN read from 569 (4d 20)" },
        { 497, 2, 72, RK_ERR_MIKEY_SIGN_TYPE, "GENEXT len 72: SIGN read from 571 (81 22)" },
        { 497, 2, 0xFFFF, RK_ERR_MIKEY_TRUNCATED, "GENEXT len 65535" },
        /* SIGN length (12 bits at 570, true 129) */
        { 570, 2, 0x2000, RK_ERR_MIKEY_SIGN_LENGTH, "SIGN len 0" },
        { 570, 2, 0x2001, RK_ERR_MIKEY_SIGN_LENGTH, "SIGN len 1" },
        { 570, 2, 0x2040, RK_ERR_MIKEY_SIGN_LENGTH, "SIGN len 64" },
        { 570, 2, 0x2080, RK_ERR_MIKEY_SIGN_LENGTH, "SIGN len 128" },
        { 570, 2, 0x2082, RK_ERR_MIKEY_SIGN_LENGTH, "SIGN len 130" },
        { 570, 2, 0x20A1, RK_ERR_MIKEY_SIGN_LENGTH, "SIGN len 161" },
        { 570, 2, 0x2FFE, RK_ERR_MIKEY_SIGN_LENGTH, "SIGN len 4094" },
        { 570, 2, 0x2FFF, RK_ERR_MIKEY_SIGN_LENGTH, "SIGN len 4095" },
        /* GENERIC-ID map: SPI length (1 octet at 16, true 8) */
        { 16, 1, 0, RK_ERR_MIKEY_TS_TYPE, "SPI len 0: T read from 17, TS type 0xf9" },
        { 16, 1, 1, RK_ERR_MIKEY_TS_TYPE, "SPI len 1: T read from 18, TS type 0xbc" },
        { 16, 1, 7, RK_ERR_MIKEY_TS_TYPE, "SPI len 7: T read from 24, TS type 0x0b" },
        { 16, 1, 9, RK_ERR_MIKEY_TS_TYPE, "SPI len 9: T read from 26, TS type 0xec" },
        { 16, 1, 255, RK_ERR_MIKEY_TS_TYPE, "SPI len 255: T read from 272, TS type 0xd7" },
        /* GENERIC-ID map: session data length (2 octets at 14, true 0) */
        { 14, 2, 1, RK_ERR_MIKEY_NEXT_LAST, "SD len 1: SPI len 13, T read from 31 (00 00 ...), next 0" },
        { 14, 2, 0xFFFF, RK_ERR_MIKEY_TRUNCATED, "SD len 65535" },
        /* GENERIC-ID map: #P (7 bits at 12, true 1) */
        { 12, 1, 0, RK_ERR_MIKEY_TS_TYPE, "#P 0: T read from 16, TS type 0x0d" },
        { 12, 1, 2, RK_ERR_MIKEY_TS_TYPE, "#P 2: SD len 8, SPI len 11, T read from 37, TS type 0x2f" },
        { 12, 1, 127, RK_ERR_MIKEY_TRUNCATED, "#P 127: SD len 0x762e" },
        { 12, 1, 0x81, RK_OK, "S flag set, #P 1" },
    };
    CHECK(load_sw());
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        memcpy(m, sw, sw_len);
        if (c[i].width == 1) m[c[i].off] = (uint8_t)c[i].val;
        else { m[c[i].off] = (uint8_t)(c[i].val / 256); m[c[i].off + 1] = (uint8_t)(c[i].val % 256); }
        expect(c[i].why, m, sw_len, c[i].want);
    }
}

static void missing_payloads(void)
{
    static uint8_t m[MAXM];
    static const struct { int omit; rk_status want; } c[] = {
        { P_T, RK_ERR_MIKEY_MISSING_T },
        { P_RAND, RK_ERR_MIKEY_MISSING_RAND },
        { P_IDR8, RK_ERR_MIKEY_MISSING_IDRI },
        { P_IDR9, RK_ERR_MIKEY_MISSING_IDRR },
        { P_IDR6, RK_ERR_MIKEY_MISSING_IDRKMSI },
        { P_IDR7, RK_ERR_MIKEY_MISSING_IDRKMSR },
        { P_SP, RK_OK },                  /* SP is optional */
        { P_SAKKE, RK_ERR_MIKEY_MISSING_SAKKE },
        { P_GX7, RK_OK },                 /* extensions are optional */
        { P_SIGN, RK_ERR_MIKEY_NEXT_LAST },/* the chain must end in SIGN */
    };
    CHECK(load_sw());
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        int order[NP + 1], n = 0;
        for (int k = 0; k < NP; k++)
            if (k != c[i].omit) order[n++] = k;
        order[n] = NP;
        size_t len = splice(m, order);
        char w[64];
        snprintf(w, sizeof w, "omit %s", pname[c[i].omit]);
        expect(w, m, len, c[i].want);
    }
    /* HDR omitted: T's octets read as a header */
    expect("omit HDR", sw + plen[P_HDR], sw_len - plen[P_HDR], RK_ERR_MIKEY_VERSION);
    /* only HDR, or HDR and SIGN */
    { int o[] = { P_HDR, NP }; size_t len = splice(m, o); expect("only HDR", m, len, RK_ERR_MIKEY_NEXT_LAST); }
    { int o[] = { P_HDR, P_SIGN, NP }; size_t len = splice(m, o); expect("HDR SIGN", m, len, RK_ERR_MIKEY_MISSING_T); }
    { int o[] = { P_HDR, P_T, P_RAND, P_SIGN, NP }; size_t len = splice(m, o); expect("HDR T RAND SIGN", m, len, RK_ERR_MIKEY_MISSING_IDRI); }
    { int o[] = { P_HDR, P_T, P_RAND, P_IDR8, P_IDR9, P_IDR6, P_IDR7, P_SIGN, NP }; size_t len = splice(m, o);
      expect("no SP SAKKE GENEXT", m, len, RK_ERR_MIKEY_MISSING_SAKKE); }
}

static void duplicated_payloads(void)
{
    static uint8_t m[MAXM];
    CHECK(load_sw());
    /* each payload twice in a row, identical content */
    for (int d = P_T; d < P_SIGN; d++) {
        int order[NP + 2], n = 0;
        for (int k = 0; k < NP; k++) {
            order[n++] = k;
            if (k == d) order[n++] = k;
        }
        order[n] = NP;
        size_t len = splice(m, order);
        char w[64];
        snprintf(w, sizeof w, "%s twice", pname[d]);
        expect(w, m, len, RK_ERR_MIKEY_DUPLICATE);
    }
    /* each payload twice with different content (the second copy edited) */
    for (int d = P_T; d < P_SIGN; d++) {
        int order[NP + 2], n = 0;
        size_t second = 0;
        for (int k = 0; k < NP; k++) {
            order[n++] = k;
            if (k == d) order[n++] = k;
        }
        order[n] = NP;
        size_t len = splice(m, order);
        second = poff[d] + plen[d];
        m[second + plen[d] - 1] ^= 0x01;   /* last octet of the copy */
        char w[64];
        snprintf(w, sizeof w, "%s twice, different", pname[d]);
        expect(w, m, len, RK_ERR_MIKEY_DUPLICATE);
    }
    /* the same role in the two forms: IDRi (role 1) and IDRuidi (role 8) */
    {
        int order[] = { P_HDR, P_T, P_RAND, P_IDR8, P_IDR8, P_IDR9, P_IDR6, P_IDR7, P_SP, P_SAKKE, P_GX7, P_SIGN, NP };
        size_t len = splice(m, order);
        m[poff[P_IDR9] + 1] = RK_MIKEY_ROLE_IDRI;  /* first copy becomes role 1 (32-octet URI) */
        expect("IDRi and IDRuidi", m, len, RK_ERR_MIKEY_DUPLICATE);
    }
}

static void reordered_payloads(void)
{
    static uint8_t m[MAXM];
    static const struct { int o[NP + 1]; rk_status want; const char *why; } c[] = {
        { { P_HDR, P_RAND, P_T, P_IDR8, P_IDR9, P_IDR6, P_IDR7, P_SP, P_SAKKE, P_GX7, P_SIGN, NP },
          RK_ERR_MIKEY_MISSING_T, "RAND before T" },
        { { P_HDR, P_T, P_IDR8, P_RAND, P_IDR9, P_IDR6, P_IDR7, P_SP, P_SAKKE, P_GX7, P_SIGN, NP },
          RK_ERR_MIKEY_MISSING_RAND, "IDR before RAND" },
        { { P_HDR, P_T, P_RAND, P_IDR8, P_IDR9, P_IDR6, P_SP, P_IDR7, P_SAKKE, P_GX7, P_SIGN, NP },
          RK_ERR_MIKEY_MISSING_IDRKMSR, "IDRkmsr after SP" },
        { { P_HDR, P_T, P_RAND, P_IDR8, P_IDR9, P_IDR6, P_IDR7, P_SAKKE, P_SP, P_GX7, P_SIGN, NP },
          RK_ERR_MIKEY_ORDER, "SP after SAKKE" },
        { { P_HDR, P_T, P_RAND, P_IDR8, P_IDR9, P_IDR6, P_IDR7, P_SP, P_SAKKE, P_SIGN, P_GX7, NP },
          RK_ERR_MIKEY_TRAILING, "SIGN before GENEXT" },
        { { P_HDR, P_T, P_RAND, P_IDR8, P_IDR9, P_IDR6, P_IDR7, P_SP, P_GX7, P_SIGN, P_SAKKE, NP },
          RK_ERR_MIKEY_TRAILING, "SAKKE after SIGN" },
        { { P_HDR, P_T, P_SIGN, P_RAND, P_IDR8, P_IDR9, P_IDR6, P_IDR7, P_SP, P_SAKKE, P_GX7, NP },
          RK_ERR_MIKEY_TRAILING, "SIGN third" },
        { { P_HDR, P_T, P_RAND, P_IDR7, P_IDR6, P_IDR9, P_IDR8, P_SP, P_SAKKE, P_GX7, P_SIGN, NP },
          RK_OK, "IDRs in reverse order" },
        { { P_HDR, P_T, P_RAND, P_IDR8, P_IDR9, P_IDR6, P_IDR7, P_SP, P_GX7, P_SAKKE, P_SIGN, NP },
          RK_OK, "GENEXT before SAKKE (ALEA order)" },
        { { P_HDR, P_GX7, P_T, P_RAND, P_IDR8, P_IDR9, P_IDR6, P_IDR7, P_SP, P_SAKKE, P_SIGN, NP },
          RK_OK, "GENEXT right after HDR" },
        { { P_HDR, P_T, P_RAND, P_IDR8, P_GX7, P_IDR9, P_IDR6, P_IDR7, P_SP, P_SAKKE, P_SIGN, NP },
          RK_OK, "GENEXT between IDRs" },
    };
    CHECK(load_sw());
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        size_t len = splice(m, c[i].o);
        expect(c[i].why, m, len, c[i].want);
    }
}

static void hdr_values(void)
{
    static uint8_t m[MAXM];
    CHECK(load_sw());
    for (int val = 0; val < 256; val++) {
        char w[64];
        memcpy(m, sw, sw_len);
        m[0] = (uint8_t)val;
        snprintf(w, sizeof w, "HDR version %d", val);
        expect(w, m, sw_len, val == 1 ? RK_OK : RK_ERR_MIKEY_VERSION);
        memcpy(m, sw, sw_len);
        m[1] = (uint8_t)val;
        snprintf(w, sizeof w, "HDR data type %d", val);
        expect(w, m, sw_len, val == 26 ? RK_OK : RK_ERR_MIKEY_DATA_TYPE);
        memcpy(m, sw, sw_len);
        m[3] = (uint8_t)val;   /* V bit and PRF */
        snprintf(w, sizeof w, "HDR V/PRF octet %d", val);
        expect(w, m, sw_len, val >= 128 ? RK_ERR_MIKEY_V_BIT : val == 1 ? RK_OK : RK_ERR_MIKEY_PRF);
        memcpy(m, sw, sw_len);
        m[9] = (uint8_t)val;   /* map type, #CS = 1 */
        snprintf(w, sizeof w, "HDR map type %d", val);
        expect(w, m, sw_len, val == 2 ? RK_OK : val == 1 ? RK_ERR_MIKEY_CS_MAP : RK_ERR_MIKEY_MAP_TYPE);
    }
    /* #CS = 0 with a GENERIC-ID map; #CS beyond the limit */
    memcpy(m, sw, sw_len);
    m[8] = 0;
    expect("#CS 0 with GENERIC-ID", m, sw_len, RK_ERR_MIKEY_CS_MAP);
    for (int ncs = 5; ncs < 256; ncs++) {
        char w[64];
        m[8] = (uint8_t)ncs;
        snprintf(w, sizeof w, "#CS %d", ncs);
        expect(w, m, sw_len, RK_ERR_MIKEY_CS_LIMIT);
    }
    /* first rule broken wins: version before data type before V */
    memcpy(m, sw, sw_len);
    m[0] = 2; m[1] = 0; m[3] = 0x80;
    expect("version, type and V all wrong", m, sw_len, RK_ERR_MIKEY_VERSION);
}

static void payload_values(void)
{
    static uint8_t m[MAXM];
    char w[64];
    CHECK(load_sw());
    for (int val = 1; val < 256; val++) {          /* TS type */
        memcpy(m, sw, sw_len);
        m[poff[P_T] + 1] = (uint8_t)val;
        snprintf(w, sizeof w, "TS type %d", val);
        expect(w, m, sw_len, RK_ERR_MIKEY_TS_TYPE);
    }
    for (int val = 0; val < 256; val++) {          /* IDR role, on each IDR */
        static const int ks[] = { P_IDR8, P_IDR9, P_IDR6, P_IDR7 };
        for (int j = 0; j < 4; j++) {
            uint8_t own = sw[poff[ks[j]] + 1];
            rk_status want;
            if (val == own) continue;
            if ((val == 8 || val == 9) && plen[ks[j]] != 5 + 32) {
                want = RK_ERR_MIKEY_IDR_LENGTH;   /* field checks come before position */
            } else if (val == 1 || val == 2 || val == 6 || val == 7 || val == 8 || val == 9) {
                /* an accepted role: either the slot is already taken (a
                 * duplicate), or a URI role taking a UID, or the reverse */
                int slot_of_val = (val == 1 || val == 8) ? 0 : (val == 2 || val == 9) ? 1 : val == 6 ? 2 : 3;
                if (slot_of_val != j)
                    want = RK_ERR_MIKEY_DUPLICATE;
                else
                    want = RK_OK;   /* the other form of the same role */
                /* a role moving to a slot filled later is reported when that
                 * later payload arrives, also as a duplicate */
            } else {
                want = RK_ERR_MIKEY_IDR_ROLE;
            }
            memcpy(m, sw, sw_len);
            m[poff[ks[j]] + 1] = (uint8_t)val;
            snprintf(w, sizeof w, "%s role %d", pname[ks[j]], val);
            expect(w, m, sw_len, want);
        }
    }
    for (int val = 0; val < 256; val++) {          /* IDR ID type */
        if (val == 1) continue;
        memcpy(m, sw, sw_len);
        m[poff[P_IDR6] + 2] = (uint8_t)val;
        snprintf(w, sizeof w, "IDRkmsi ID type %d", val);
        expect(w, m, sw_len, RK_ERR_MIKEY_IDR_TYPE);
    }
    for (int val = 0; val < 256; val++) {          /* SAKKE params and ID scheme */
        if (val != 1) {
            memcpy(m, sw, sw_len);
            m[poff[P_SAKKE] + 1] = (uint8_t)val;
            snprintf(w, sizeof w, "SAKKE params %d", val);
            expect(w, m, sw_len, RK_ERR_MIKEY_SAKKE_PARAMS);
        }
        if (val != 2) {
            memcpy(m, sw, sw_len);
            m[poff[P_SAKKE] + 2] = (uint8_t)val;
            snprintf(w, sizeof w, "SAKKE ID scheme %d", val);
            expect(w, m, sw_len, RK_ERR_MIKEY_SAKKE_SCHEME);
        }
    }
    for (int val = 0; val < 16; val++) {           /* SIGN type */
        if (val == 2) continue;
        memcpy(m, sw, sw_len);
        m[poff[P_SIGN]] = (uint8_t)(val * 16 + (sw[poff[P_SIGN]] % 16));
        snprintf(w, sizeof w, "SIGN type %d", val);
        expect(w, m, sw_len, RK_ERR_MIKEY_SIGN_TYPE);
    }
    for (int val = 0; val < 256; val++) {          /* General Extension type */
        rk_status want = (val == 7 || val >= 241) ? RK_OK
                       : val == 6 ? RK_ERR_MIKEY_GENEXT_LENGTH : RK_ERR_MIKEY_GENEXT_TYPE;
        memcpy(m, sw, sw_len);
        m[poff[P_GX7] + 1] = (uint8_t)val;
        snprintf(w, sizeof w, "GENEXT type %d", val);
        expect(w, m, sw_len, want);
    }
}


/* ---------------------------------------------------------------- encoder */

/* Describe a parsed message as encoder input (the inverse of the parser). */
static void msg_from_view(rk_mikey_msg *e, const rk_mikey_view *v, const uint8_t *b)
{
    memset(e, 0, sizeof *e);
    e->csb_id = v->csb_id;
    e->n_cs = v->n_cs;
    for (size_t i = 0; i < v->n_cs; i++) {
        e->cs[i].cs_id = v->cs[i].cs_id;
        e->cs[i].prot_type = v->cs[i].prot_type;
        e->cs[i].s_flag = v->cs[i].s_flag;
        e->cs[i].policies = b + v->cs[i].policies.off;
        e->cs[i].n_policies = v->cs[i].policies.len;
        e->cs[i].session_data = b + v->cs[i].session_data.off;
        e->cs[i].session_data_len = v->cs[i].session_data.len;
        e->cs[i].spi = b + v->cs[i].spi.off;
        e->cs[i].spi_len = v->cs[i].spi.len;
    }
    e->ts_sec = v->ts_sec;
    e->ts_frac = v->ts_frac;
    e->rand = b + v->rand_value.off;
    e->rand_len = v->rand_value.len;
    e->n_idr = v->n_idr;
    for (size_t i = 0; i < v->n_idr; i++) {
        e->idr[i].role = v->idr[i].role;
        e->idr[i].id_type = v->idr[i].id_type;
        e->idr[i].id = b + v->idr[i].id.off;
        e->idr[i].id_len = v->idr[i].id.len;
    }
    e->has_sp = v->has_sp;
    e->sp_policy_no = v->sp_policy_no;
    e->sp_prot_type = v->sp_prot_type;
    e->sp_params = b + v->sp_params.off;
    e->sp_params_len = v->sp_params.len;
    e->sakke_data = b + v->sakke_data.off;
    e->n_genext = v->n_genext;
    for (size_t i = 0; i < v->n_genext; i++) {
        e->genext[i].type = v->genext[i].type;
        e->genext[i].data = b + v->genext[i].data.off;
        e->genext[i].len = v->genext[i].data.len;
        if (v->genext[i].at.off < v->sakke.off) e->n_genext_before_sakke = i + 1;
    }
    e->signature = b + v->signature.off;
}

/* Every field of a parse equals the encoder input. */
static void check_view_matches(const rk_mikey_view *v, const uint8_t *b, const rk_mikey_msg *e)
{
    CHECK_EQ(v->csb_id, e->csb_id);
    CHECK_EQ(v->n_cs, e->n_cs);
    CHECK_EQ(v->map_type, e->n_cs ? 2 : 1);
    for (size_t i = 0; i < e->n_cs; i++) {
        CHECK_EQ(v->cs[i].cs_id, e->cs[i].cs_id);
        CHECK_EQ(v->cs[i].prot_type, e->cs[i].prot_type);
        CHECK_EQ(v->cs[i].s_flag, e->cs[i].s_flag);
        CHECK_EQ(v->cs[i].policies.len, e->cs[i].n_policies);
        CHECK_MEM(b + v->cs[i].policies.off, e->cs[i].policies, e->cs[i].n_policies);
        CHECK_EQ(v->cs[i].session_data.len, e->cs[i].session_data_len);
        CHECK_MEM(b + v->cs[i].session_data.off, e->cs[i].session_data, e->cs[i].session_data_len);
        CHECK_EQ(v->cs[i].spi.len, e->cs[i].spi_len);
        CHECK_MEM(b + v->cs[i].spi.off, e->cs[i].spi, e->cs[i].spi_len);
    }
    CHECK_EQ(v->ts_type, 0);
    CHECK_EQ(v->ts_sec, e->ts_sec);
    CHECK_EQ(v->ts_frac, e->ts_frac);
    CHECK_EQ(v->rand_value.len, e->rand_len);
    CHECK_MEM(b + v->rand_value.off, e->rand, e->rand_len);
    CHECK_EQ(v->n_idr, e->n_idr);
    for (size_t i = 0; i < e->n_idr; i++) {
        CHECK_EQ(v->idr[i].role, e->idr[i].role);
        CHECK_EQ(v->idr[i].id_type, e->idr[i].id_type);
        CHECK_EQ(v->idr[i].id.len, e->idr[i].id_len);
        CHECK_MEM(b + v->idr[i].id.off, e->idr[i].id, e->idr[i].id_len);
    }
    CHECK_EQ(v->has_sp, e->has_sp);
    if (e->has_sp) {
        CHECK_EQ(v->sp_policy_no, e->sp_policy_no);
        CHECK_EQ(v->sp_prot_type, e->sp_prot_type);
        CHECK_EQ(v->sp_params.len, e->sp_params_len);
        CHECK_MEM(b + v->sp_params.off, e->sp_params, e->sp_params_len);
    }
    CHECK_EQ(v->sakke_params, 1);
    CHECK_EQ(v->sakke_id_scheme, 2);
    CHECK_EQ(v->sakke_data.len, 273);
    CHECK_MEM(b + v->sakke_data.off, e->sakke_data, 273);
    CHECK_EQ(v->n_genext, e->n_genext);
    for (size_t i = 0; i < e->n_genext; i++) {
        CHECK_EQ(v->genext[i].type, e->genext[i].type);
        CHECK_EQ(v->genext[i].data.len, e->genext[i].len);
        CHECK_MEM(b + v->genext[i].data.off, e->genext[i].data, e->genext[i].len);
        CHECK((v->genext[i].at.off < v->sakke.off) == (i < e->n_genext_before_sakke));
    }
    CHECK_EQ(v->sign_type, 2);
    CHECK_EQ(v->signature.len, 129);
    if (e->signature) CHECK_MEM(b + v->signature.off, e->signature, 129);
    else CHECK_ZERO(b + v->signature.off, 129);
    CHECK_EQ(v->signed_range.off, 0);
    CHECK_EQ(v->signed_range.len, v->total_len - 129);
}

/* The interop message re-encodes to the identical octets. */
static void streamwide_reencodes(void)
{
    rk_mikey_view v;
    rk_mikey_msg e;
    static uint8_t out[MAXM];
    size_t n = 0, sl = 0;
    CHECK(load_sw());
    CHECK_EQ(rk_mikey_parse(&v, sw, sw_len), RK_OK);
    msg_from_view(&e, &v, sw);
    CHECK_EQ(rk_mikey_encode(out, sizeof out, &n, &sl, &e), RK_OK);
    CHECK_EQ(n, sw_len);
    CHECK_EQ(sl, 572);
    CHECK_MEM(out, sw, sw_len);
    /* exactly enough room */
    CHECK_EQ(rk_mikey_encode(out, sw_len, &n, &sl, &e), RK_OK);
    CHECK_EQ(n, sw_len);
}

/* A root-key style message (docs/design.md §3): #CS 0, URI roles, no SP, a key
 * parameters extension and a private one; both extension orders. */
static const uint8_t rk_iwf[] = "sip:lmr-kmf@iwf.example.org";
static const uint8_t rk_user[] = "sip:alice@example.org";
static const uint8_t rk_kms[] = "kms.example.org";
static uint8_t rk_rand[16], rk_sakke[273], rk_gx7[51], rk_gx250[60], rk_sig[129];

static void rootkey_msg(rk_mikey_msg *e, size_t before)
{
    for (size_t i = 0; i < sizeof rk_rand; i++) rk_rand[i] = (uint8_t)(0x30 + i);
    for (size_t i = 0; i < sizeof rk_sakke; i++) rk_sakke[i] = (uint8_t)(i * 7 + 3);
    rk_sakke[0] = 0x04;
    for (size_t i = 0; i < sizeof rk_gx7; i++) rk_gx7[i] = (uint8_t)(0x40 + i);
    for (size_t i = 0; i < sizeof rk_gx250; i++) rk_gx250[i] = (uint8_t)(0x90 + i);
    for (size_t i = 0; i < sizeof rk_sig; i++) rk_sig[i] = (uint8_t)(0xA0 ^ i);
    memset(e, 0, sizeof *e);
    e->csb_id = 0xF1A2B3C4;
    e->ts_sec = 0xEC898DA8;
    e->ts_frac = 0x12345678;
    e->rand = rk_rand;
    e->rand_len = sizeof rk_rand;
    e->n_idr = 4;
    e->idr[0] = (rk_mikey_idr_in){ 1, 1, rk_iwf, sizeof rk_iwf - 1 };
    e->idr[1] = (rk_mikey_idr_in){ 2, 1, rk_user, sizeof rk_user - 1 };
    e->idr[2] = (rk_mikey_idr_in){ 6, 1, rk_kms, sizeof rk_kms - 1 };
    e->idr[3] = (rk_mikey_idr_in){ 7, 1, rk_kms, sizeof rk_kms - 1 };
    e->sakke_data = rk_sakke;
    e->n_genext = 2;
    e->n_genext_before_sakke = before;
    e->genext[0] = (rk_mikey_genext_in){ 7, rk_gx7, sizeof rk_gx7 };
    e->genext[1] = (rk_mikey_genext_in){ 250, rk_gx250, sizeof rk_gx250 };
    e->signature = rk_sig;
}

static uint8_t built[MAXM];
static size_t built_len;

static void round_trips(void)
{
    static uint8_t out[MAXM];
    rk_mikey_msg e;
    rk_mikey_view v;
    size_t n, sl;
    for (size_t before = 0; before <= 2; before++) {
        rootkey_msg(&e, before);
        CASE_BEGIN("round trip, %zu extensions before SAKKE", before);
        CHECK_EQ(rk_mikey_encode(out, sizeof out, &n, &sl, &e), RK_OK);
        CHECK_EQ(rk_mikey_parse(&v, out, n), RK_OK);
        CHECK_EQ(v.total_len, n);
        CHECK_EQ(sl + 129, n);
        check_view_matches(&v, out, &e);
        CASE_END();
    }
    /* variants: roles 8/9 with UIDs, an SP, a GENERIC-ID map with 2 CSs,
     * signature placeholder, SAKKE-to-self, 32-octet RAND */
    {
        static uint8_t uid_i[32], uid_r[32], sp[6] = { 0, 1, 6, 1, 1, 16 }, pol[2] = { 0, 1 },
                       spi[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, sd[3] = { 9, 9, 9 }, self[278], r32[32];
        memset(uid_i, 0x11, 32); memset(uid_r, 0x22, 32); memset(r32, 0x33, 32);
        rootkey_msg(&e, 1);
        e.idr[0] = (rk_mikey_idr_in){ 8, 1, uid_i, 32 };
        e.idr[1] = (rk_mikey_idr_in){ 9, 1, uid_r, 32 };
        e.has_sp = 1; e.sp_policy_no = 3; e.sp_prot_type = 0; e.sp_params = sp; e.sp_params_len = sizeof sp;
        e.n_cs = 2;
        e.cs[0] = (rk_mikey_cs_in){ 4, 0, 0, pol, 1, sd, 0, spi, 8 };
        e.cs[1] = (rk_mikey_cs_in){ 6, 0, 1, pol, 2, sd, 3, spi, 4 };
        e.signature = NULL;
        e.rand = r32; e.rand_len = 32;
        memcpy(self, sw + poff[P_SAKKE], 278);
        self[0] = 0;
        e.n_genext = 3;
        e.genext[2] = (rk_mikey_genext_in){ 6, self, 278 };
        CASE_BEGIN("round trip, UIDs, SP, 2 CSs, SAKKE-to-self");
        CHECK_EQ(rk_mikey_encode(out, sizeof out, &n, &sl, &e), RK_OK);
        CHECK_EQ(rk_mikey_parse(&v, out, n), RK_OK);
        check_view_matches(&v, out, &e);
        CHECK_EQ(v.cs[1].s_flag, 1);
        CASE_END();
    }
    rootkey_msg(&e, 0);
    CHECK(rk_mikey_encode(built, sizeof built, &built_len, &sl, &e) == RK_OK);
}

static void built_truncations(void)
{
    CHECK(built_len > 0);
    for (size_t n = 0; n < built_len; n++) {
        char w[64];
        snprintf(w, sizeof w, "built prefix %zu", n);
        expect(w, built, n, RK_ERR_MIKEY_TRUNCATED);
    }
    expect("built whole", built, built_len, RK_OK);
}

/* One encoder negative: exact code, outputs zero, and out holds nothing of
 * a message: untouched when rejected before writing (pre), else the octets
 * written are zero. */
static void enc_expect(const char *what, const rk_mikey_msg *e, size_t cap, rk_status want, int pre)
{
    static uint8_t out[MAXM];
    size_t n = 77, sl = 77;
    memset(out, 0xEE, sizeof out);
    CASE_BEGIN("encode: %s", what);
    rk_status st = rk_mikey_encode(out, cap, &n, &sl, e);
    if (st != want)
        rk_t_failf(__FILE__, __LINE__, "%s: got %d (%s), expected %d (%s)", what, st,
                   rk_strerror(st), want, rk_strerror(want));
    CHECK_EQ(n, 0);
    CHECK_EQ(sl, 0);
    size_t i = 0, bad = 0;
    if (!pre) { for (; i < cap && out[i] == 0; i++) {} }
    for (; i < sizeof out; i++) bad += out[i] != 0xEE;
    CHECK_EQ(bad, 0);
    CASE_END();
}

static void encoder_negatives(void)
{
    rk_mikey_msg e;
    size_t n, sl;
    static uint8_t out[MAXM];
    rootkey_msg(&e, 0);
    CHECK_EQ(rk_mikey_encode(out, sizeof out, &n, &sl, &e), RK_OK);
    for (size_t cap = 0; cap < n; cap++) {
        char w[48];
        snprintf(w, sizeof w, "cap %zu", cap);
        enc_expect(w, &e, cap, RK_ERR_BUFFER, 1);
    }
    size_t full = n;
#define NEG(what, edit, want, pre) do { rootkey_msg(&e, 0); edit; enc_expect(what, &e, full + 600, want, pre); } while (0)
    NEG("RAND 15", e.rand_len = 15, RK_ERR_MIKEY_RAND_LENGTH, 1);
    NEG("RAND 33", { static uint8_t r[33]; e.rand = r; e.rand_len = 33; }, RK_ERR_MIKEY_RAND_LENGTH, 1);
    NEG("5 CS", e.n_cs = 5, RK_ERR_MIKEY_CS_LIMIT, 1);
    NEG("5 IDR", e.n_idr = 5, RK_ERR_LENGTH, 1);
    NEG("5 GENEXT", e.n_genext = 5, RK_ERR_MIKEY_GENEXT_LIMIT, 1);
    NEG("before > n", e.n_genext_before_sakke = 3, RK_ERR_LENGTH, 1);
    NEG("GENEXT 65536", { static uint8_t big[65536]; e.genext[0].data = big; e.genext[0].len = 65536; }, RK_ERR_MIKEY_GENEXT_LENGTH, 1);
    NEG("too long", { static uint8_t big[4000]; e.genext[0].data = big; e.genext[0].len = 4000; }, RK_ERR_MIKEY_TOO_LONG, 1);
    NEG("IDR role 3", e.idr[1].role = 3, RK_ERR_MIKEY_IDR_ROLE, 0);
    NEG("IDR type 0", e.idr[2].id_type = 0, RK_ERR_MIKEY_IDR_TYPE, 0);
    NEG("IDR empty", e.idr[2].id_len = 0, RK_ERR_MIKEY_IDR_LENGTH, 0);
    NEG("role 8 with a URI", e.idr[0].role = 8, RK_ERR_MIKEY_IDR_LENGTH, 0);
    NEG("two IDRi", e.idr[1].role = 1, RK_ERR_MIKEY_DUPLICATE, 0);
    NEG("three IDRs", e.n_idr = 3, RK_ERR_MIKEY_MISSING_IDRKMSR, 0);
    NEG("GENEXT type 8", e.genext[1].type = 8, RK_ERR_MIKEY_GENEXT_TYPE, 0);
    NEG("GENEXT twice", e.genext[1].type = 7, RK_ERR_MIKEY_DUPLICATE, 0);
    NEG("GENEXT empty", e.genext[1].len = 0, RK_ERR_MIKEY_GENEXT_LENGTH, 0);
    NEG("SAKKE-to-self short", e.genext[1].type = 6, RK_ERR_MIKEY_GENEXT_LENGTH, 0);
    {
        static const uint8_t sp[3] = { 0, 5, 1 };
        rootkey_msg(&e, 0);
        e.has_sp = 1; e.sp_params = sp; e.sp_params_len = 3;
        enc_expect("SP list broken", &e, full + 600, RK_ERR_MIKEY_SP_PARAMS, 0);
    }
    NEG("no SAKKE data", e.sakke_data = NULL, RK_ERR_NULL, 1);
#undef NEG
    CHECK_EQ(rk_mikey_encode(out, sizeof out, NULL, &sl, &e), RK_ERR_NULL);
    CHECK_EQ(rk_mikey_encode(out, sizeof out, &n, NULL, &e), RK_ERR_NULL);
    CHECK_EQ(rk_mikey_encode(out, sizeof out, &n, &sl, NULL), RK_ERR_NULL);
    CHECK_EQ(n, 0);
}

/* Every non-accepted next-payload value at every payload of the built
 * message (#CS 0, URI roles, extensions 7 and 250). */
static void built_next_values(void)
{
    static uint8_t m[MAXM];
    rk_mikey_view v;
    size_t at[16], n = 0;
    CHECK(built_len > 0);
    CHECK_EQ(rk_mikey_parse(&v, built, built_len), RK_OK);
    at[n++] = 2;
    at[n++] = v.t.off;
    at[n++] = v.rand.off;
    for (size_t i = 0; i < v.n_idr; i++) at[n++] = v.idr[i].at.off;
    at[n++] = v.sakke.off;
    for (size_t i = 0; i < v.n_genext; i++) at[n++] = v.genext[i].at.off;
    for (size_t k = 0; k < n; k++)
        for (int val = 0; val < 256; val++) {
            rk_status want;
            if (val == 4 || val == 5 || val == 10 || val == 11 || val == 14 || val == 21 || val == 26)
                continue;
            want = val == 0 ? RK_ERR_MIKEY_NEXT_LAST : val <= 25 ? RK_ERR_MIKEY_NEXT_UNSUPPORTED
                                                                 : RK_ERR_MIKEY_NEXT_UNKNOWN;
            memcpy(m, built, built_len);
            m[at[k]] = (uint8_t)val;
            char w[64];
            snprintf(w, sizeof w, "built: next at %zu = %d", at[k], val);
            expect(w, m, built_len, want);
        }
    /* private extension (type 250, last before SIGN) length field */
    size_t lf = v.genext[1].at.off + 2, tl = v.genext[1].data.len;
    static const struct { long delta; unsigned abs; rk_status want; } c[] = {
        { 0, 0, RK_ERR_MIKEY_GENEXT_LENGTH }, { 0, 0xFFFF, RK_ERR_MIKEY_TRUNCATED },
        { 0, 0xFFFE, RK_ERR_MIKEY_TRUNCATED },
        /* shorter: SIGN read from the last data octet 0xcb: type 12 */
        { -1, 0, RK_ERR_MIKEY_SIGN_TYPE },
        /* longer by one: SIGN read from its second octet 0x81: type 8 */
        { 1, 0, RK_ERR_MIKEY_SIGN_TYPE },
        /* longer by the whole SIGN: the chain runs off the end */
        { 131, 0, RK_ERR_MIKEY_TRUNCATED },
    };
    CHECK_EQ(v.genext[1].type, 250);
    for (size_t j = 0; j < sizeof c / sizeof c[0]; j++) {
        unsigned val = c[j].delta ? (unsigned)((long)tl + c[j].delta) : c[j].abs;
        memcpy(m, built, built_len);
        m[lf] = (uint8_t)(val >> 8);
        m[lf + 1] = (uint8_t)val;
        char w[64];
        snprintf(w, sizeof w, "built: GENEXT 250 length %u", val);
        expect(w, m, built_len, c[j].want);
    }
}

/* Length fields and General Extension limit on the built message. */
static void built_extension_fields(void)
{
    static uint8_t m[MAXM];
    rk_mikey_view v;
    CHECK(built_len > 0);
    CHECK_EQ(rk_mikey_parse(&v, built, built_len), RK_OK);
    /* a fifth extension (private 241..244 added after the two) */
    {
        size_t at = v.sign.off, n = 0;
        memcpy(m, built, at);
        m[v.genext[1].at.off] = RK_MIKEY_PT_GENEXT;
        n = at;
        for (int t = 241; t <= 243; t++) {
            m[n++] = (uint8_t)(t == 243 ? RK_MIKEY_PT_SIGN : RK_MIKEY_PT_GENEXT);
            m[n++] = (uint8_t)t; m[n++] = 0; m[n++] = 1; m[n++] = 0x55;
        }
        memcpy(m + n, built + v.sign.off, v.sign.len);
        n += v.sign.len;
        expect("5 General Extensions", m, n, RK_ERR_MIKEY_GENEXT_LIMIT);
    }
}

/* The second vendor's messages: #CS 0, extension before SAKKE. */
static void alea_messages(void)
{
    static rk_vec v;
    static uint8_t m[MAXM];
    int recs = 0;
    if (!rk_vec_open(&v, "mikey/alea_v3.txt")) return;
    while (rk_vec_next(&v)) {
        rk_mikey_view w;
        long n = rk_vec_hex(&v, "msg", m, sizeof m);
        const char *nm = rk_vec_str(&v, "name");
        CASE_BEGIN("ALEA %s parses", nm ? nm : "?");
        CHECK(n > 0);
        if (n > 0) {
            CHECK_EQ(rk_mikey_parse(&w, m, (size_t)n), RK_OK);
            CHECK_EQ(w.total_len, rk_vec_int(&v, "total_len", -1));
            CHECK_EQ(w.csb_id, rk_vec_int(&v, "csb_id", -1));
            CHECK_EQ(w.n_cs, 0);
            CHECK_EQ(w.map_type, rk_vec_int(&v, "map_type", -1));
            CHECK_EQ(w.map_info.len, 0);
            CHECK_EQ(w.hdr.len, 10);
            CHECK_EQ(w.n_genext, rk_vec_int(&v, "n_genext", -1));
            if (w.n_genext) {
                CHECK_EQ(w.genext[0].type, rk_vec_int(&v, "gx0_type", -1));
                CHECK_EQ(w.genext[0].at.off, rk_vec_int(&v, "gx0_off", -1));
                CHECK_EQ(w.genext[0].data.len, rk_vec_int(&v, "gx0_data_len", -1));
                CHECK(w.genext[0].at.off < w.sakke.off);
            }
            CHECK_EQ(w.sakke.off, rk_vec_int(&v, "sakke_off", -1));
            CHECK_EQ(w.signed_range.len, rk_vec_int(&v, "signed_len", -1));
            CHECK_EQ(w.idr[w.idr_i].role, 8);
            CHECK_EQ(w.idr[w.idr_r].role, 9);
            const char *kms = rk_vec_str(&v, "kms_uri");
            CHECK(kms != NULL);
            if (kms) {
                CHECK_EQ(w.idr[w.idr_kmsi].id.len, strlen(kms));
                CHECK_MEM(m + w.idr[w.idr_kmsi].id.off, kms, strlen(kms));
            }
            /* re-encodes to the same octets (ALEA order preserved) */
            rk_mikey_msg e;
            static uint8_t out[MAXM];
            size_t on = 0, sl = 0;
            msg_from_view(&e, &w, m);
            CHECK_EQ(rk_mikey_encode(out, sizeof out, &on, &sl, &e), RK_OK);
            CHECK_EQ(on, (size_t)n);
            CHECK_MEM(out, m, (size_t)n);
        }
        CASE_END();
        if (n > 0)
            for (size_t l = 0; l < (size_t)n; l++) {
                char w2[64];
                snprintf(w2, sizeof w2, "%s prefix %zu", nm ? nm : "?", l);
                expect(w2, m, l, RK_ERR_MIKEY_TRUNCATED);
            }
        recs++;
    }
    rk_vec_close(&v);
    CHECK_EQ(recs, 2);
}

void rk_suite_mikey(void)
{
    RUN(streamwide_parses);
    RUN(streamwide_layout);
    RUN(api_misuse);
    truncations();
    trailing_and_oversize();
    next_payload_values();
    next_payload_misdirected();
    length_fields();
    missing_payloads();
    duplicated_payloads();
    reordered_payloads();
    hdr_values();
    payload_values();
    RUN(streamwide_reencodes);
    alea_messages();
    round_trips();
    built_truncations();
    encoder_negatives();
    built_extension_fields();
    built_next_values();
}
