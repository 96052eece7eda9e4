/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/mikey.h
 *
 * The I_MESSAGE parser.  One pass over the next-payload chain; each payload
 * has its own small function that (1) checks that the whole payload lies in
 * the input, (2) checks its field values, (3) checks its position in the
 * message (duplicates, missing predecessors, order), in that order, so that
 * a truncated copy of a valid message always gives RK_ERR_MIKEY_TRUNCATED.
 *
 * Positions are ranks: T 1, RAND 2, IDR 3, SP 4, SAKKE 5, SIGN 6 (RFC 6509
 * section 4 / TS 33.180 E.2 order).  A payload may not follow one of higher
 * rank; General Extensions have no rank (accepted anywhere before SIGN,
 * because the two vendors whose messages we hold put them on either side of
 * SAKKE).  Arithmetic on octets is written with * and + (not shifts) so the
 * provers can follow it; every offset is below RK_MIKEY_MAX_BYTES.
 */
#include "rootkey/mikey.h"

#define ABSENT RK_MIKEY_MAX_IDR   /* idr_* index of a role not seen yet */

/*@
    logic integer present(size_t x) = x < 4 ? 1 : 0;

    predicate state_ok(rk_mikey_view *v) =
        v->idr_i <= 4 && v->idr_r <= 4 && v->idr_kmsi <= 4 && v->idr_kmsr <= 4 &&
        v->n_idr == present(v->idr_i) + present(v->idr_r) +
                    present(v->idr_kmsi) + present(v->idr_kmsr) &&
        v->n_genext <= 4 && v->rank_ <= 5;

    predicate is_err(integer r) = -699 <= r <= -600;
*/

/*@ requires \valid_read(p + (0 .. 1));
    assigns \nothing;
    ensures \result == p[0] * 256 + p[1]; */
static size_t be16(const uint8_t *p)
{
    return (size_t)p[0] * 256u + (size_t)p[1];
}

/*@ requires \valid_read(p + (0 .. 3));
    assigns \nothing;
    ensures \result == ((p[0] * 256 + p[1]) * 256 + p[2]) * 256 + p[3]; */
static uint32_t be32(const uint8_t *p)
{
    return (((uint32_t)p[0] * 256u + (uint32_t)p[1]) * 256u + (uint32_t)p[2]) * 256u
           + (uint32_t)p[3];
}

/* Classify a next-payload value: the seven an MC I_MESSAGE carries are
 * accepted; 0 ends the chain without SIGN; 1..25 are MIKEY payloads of the
 * IANA registry (RFC 3830, 4650, 4738, 6043, 6267) that this profile never
 * uses; 27..255 are unassigned or private. */
/*@ assigns \nothing;
    ensures \result == RK_OK || \result == RK_ERR_MIKEY_NEXT_LAST
         || \result == RK_ERR_MIKEY_NEXT_UNSUPPORTED || \result == RK_ERR_MIKEY_NEXT_UNKNOWN;
    ensures \result == RK_OK <==> (np == 4 || np == 5 || np == 10 || np == 11
         || np == 14 || np == 21 || np == 26); */
static rk_status next_class(uint8_t np)
{
    switch (np) {
    case RK_MIKEY_PT_SIGN:
    case RK_MIKEY_PT_T:
    case RK_MIKEY_PT_SP:
    case RK_MIKEY_PT_RAND:
    case RK_MIKEY_PT_IDR:
    case RK_MIKEY_PT_GENEXT:
    case RK_MIKEY_PT_SAKKE:
        return RK_OK;
    case RK_MIKEY_PT_LAST:
        return RK_ERR_MIKEY_NEXT_LAST;
    default:
        break;
    }
    if (np <= 25)
        return RK_ERR_MIKEY_NEXT_UNSUPPORTED;
    return RK_ERR_MIKEY_NEXT_UNKNOWN;
}

/* The mandatory payloads that must all be present before a payload of rank
 * r (RFC 6509 4 with TS 33.180 E.2: T, RAND, the four IDRs, SAKKE). */
/*@ requires \valid_read(v);
    assigns \nothing;
    ensures \result == RK_OK || is_err(\result);
    ensures \result == RK_OK && r >= 4 ==>
        v->idr_i != 4 && v->idr_r != 4 && v->idr_kmsi != 4 && v->idr_kmsr != 4;
    ensures \result == RK_OK && r >= 6 ==> v->seen_sakke_ != 0; */
static rk_status check_before(const rk_mikey_view *v, unsigned r)
{
    if (r >= 2 && v->seen_t_ == 0)
        return RK_ERR_MIKEY_MISSING_T;
    if (r >= 3 && v->seen_rand_ == 0)
        return RK_ERR_MIKEY_MISSING_RAND;
    if (r >= 4) {
        if (v->idr_i == ABSENT)
            return RK_ERR_MIKEY_MISSING_IDRI;
        if (v->idr_r == ABSENT)
            return RK_ERR_MIKEY_MISSING_IDRR;
        if (v->idr_kmsi == ABSENT)
            return RK_ERR_MIKEY_MISSING_IDRKMSI;
        if (v->idr_kmsr == ABSENT)
            return RK_ERR_MIKEY_MISSING_IDRKMSR;
    }
    if (r >= 6 && v->seen_sakke_ == 0)
        return RK_ERR_MIKEY_MISSING_SAKKE;
    return RK_OK;
}

/* Position check shared by the ranked payloads: duplicate first, then the
 * missing mandatory predecessors, then order; on success the rank moves. */
/*@ requires \valid(v) && 1 <= r <= 5 && v->rank_ <= 5;
    assigns v->rank_;
    ensures \result == RK_OK || is_err(\result);
    ensures \result == RK_OK ==> v->rank_ == r && dup == 0;
    ensures \result == RK_OK && r >= 4 ==>
        v->idr_i != 4 && v->idr_r != 4 && v->idr_kmsi != 4 && v->idr_kmsr != 4;
    ensures \result != RK_OK ==> v->rank_ == \old(v->rank_); */
static rk_status position(rk_mikey_view *v, unsigned r, int dup)
{
    rk_status st;
    if (dup)
        return RK_ERR_MIKEY_DUPLICATE;
    st = check_before(v, r);
    if (st != RK_OK)
        return st;
    if (v->rank_ > r)
        return RK_ERR_MIKEY_ORDER;
    v->rank_ = (uint8_t)r;
    return RK_OK;
}

/* One crypto session of a GENERIC-ID map (RFC 6043 6.1.1): CS ID, prot
 * type, S | #P, #P policy numbers, session data length and data, SPI length
 * and SPI. */
/*@ requires len <= 4096 && *pos <= len;
    requires \valid(pos) && \valid(c) && \valid_read(m + (0 .. len - 1));
    requires \separated(pos, c, m + (0 .. len - 1));
    requires \separated(pos, c);
    assigns *pos, *c;
    ensures \result == RK_OK || \result == RK_ERR_MIKEY_TRUNCATED;
    ensures \result == RK_OK ==> \old(*pos) < *pos <= len &&
        rk_span_in(c->policies, len) && rk_span_in(c->session_data, len) &&
        rk_span_in(c->spi, len); */
static rk_status parse_cs(const uint8_t *m, size_t len, size_t *pos, rk_mikey_cs *c)
{
    size_t p = *pos, np, sdl, spil;
    if (len - p < 3)
        return RK_ERR_MIKEY_TRUNCATED;
    c->cs_id = m[p];
    c->prot_type = m[p + 1];
    c->s_flag = (uint8_t)(m[p + 2] / 128u);
    np = m[p + 2] % 128u;
    c->n_policies = (uint8_t)np;
    p += 3;
    if (len - p < np + 2)
        return RK_ERR_MIKEY_TRUNCATED;
    c->policies.off = p;
    c->policies.len = np;
    p += np;
    sdl = be16(m + p);
    p += 2;
    if (len - p < sdl + 1)
        return RK_ERR_MIKEY_TRUNCATED;
    c->session_data.off = p;
    c->session_data.len = sdl;
    p += sdl;
    spil = m[p];
    p += 1;
    if (len - p < spil)
        return RK_ERR_MIKEY_TRUNCATED;
    c->spi.off = p;
    c->spi.len = spil;
    p += spil;
    *pos = p;
    return RK_OK;
}

/* HDR, RFC 3830 6.1, with the GENERIC-ID map of RFC 6043 6.1.1. */
/*@ requires len <= 4096;
    requires \valid(v) && \valid(end) && \valid(next);
    requires \valid_read(m + (0 .. len - 1));
    requires \separated(v, end, next, m + (0 .. len - 1));
    requires \separated(end, next);
    assigns v->hdr, v->version, v->data_type, v->v_flag, v->prf_func, v->csb_id,
            v->n_cs, v->map_type, v->map_info, v->cs[0 .. 3], *end, *next;
    ensures \result == RK_OK || is_err(\result);
    ensures \result == RK_OK ==> 10 <= *end <= len; */
static rk_status parse_hdr(rk_mikey_view *v, const uint8_t *m, size_t len,
                           size_t *end, uint8_t *next)
{
    size_t pos, i, ncs;
    rk_status st;
    rk_mikey_cs c;
    if (len < 10)
        return RK_ERR_MIKEY_TRUNCATED;
    v->version = m[0];
    v->data_type = m[1];
    v->v_flag = (uint8_t)(m[3] / 128u);
    v->prf_func = (uint8_t)(m[3] % 128u);
    v->csb_id = be32(m + 4);
    v->n_cs = m[8];
    v->map_type = m[9];
    ncs = m[8];
    /* the map info must be walked before the field checks so that every
     * truncation is reported as such */
    pos = 10;
    if (m[9] == RK_MIKEY_MAP_GENERIC_ID && ncs <= RK_MIKEY_MAX_CS) {
        /*@ loop invariant 0 <= i <= ncs <= 4;
            loop invariant 10 <= pos <= len;
            loop assigns i, pos, c, st, v->cs[0 .. 3];
            loop variant ncs - i; */
        for (i = 0; i < ncs; i++) {
            st = parse_cs(m, len, &pos, &c);
            if (st != RK_OK)
                return st;
            v->cs[i] = c;
        }
    }
    if (v->version != RK_MIKEY_VERSION)
        return RK_ERR_MIKEY_VERSION;
    if (v->data_type != RK_MIKEY_DATA_TYPE_SAKKE)
        return RK_ERR_MIKEY_DATA_TYPE;
    if (v->v_flag != 0)            /* TS 33.180 E.1.1: no verification message */
        return RK_ERR_MIKEY_V_BIT;
    if (v->prf_func != RK_MIKEY_PRF_HMAC_SHA256)
        return RK_ERR_MIKEY_PRF;
    if (v->map_type != RK_MIKEY_MAP_EMPTY && v->map_type != RK_MIKEY_MAP_GENERIC_ID)
        return RK_ERR_MIKEY_MAP_TYPE;
    /* #CS = 0 means the default policy with the empty map (TS 36.579-1
     * 5.5.9.1 / TS 33.180 E.1.2); a GENERIC-ID map needs at least one CS */
    if ((v->map_type == RK_MIKEY_MAP_EMPTY) != (v->n_cs == 0))
        return RK_ERR_MIKEY_CS_MAP;
    if (v->n_cs > RK_MIKEY_MAX_CS)
        return RK_ERR_MIKEY_CS_LIMIT;
    v->hdr.off = 0;
    v->hdr.len = pos;
    v->map_info.off = 10;
    v->map_info.len = pos - 10;
    *next = m[2];
    *end = pos;
    return RK_OK;
}

/* T, RAND, IDR, SP, SAKKE, General Extension: same shape.  Each takes the
 * payload starting at pos, returns its end and its next-payload octet.
 * Their common precondition is spelled out clause by clause (not as one
 * predicate): each clause is then its own small goal at the call sites in
 * parse_all, where the combined form timed out. */

/* T, RFC 3830 6.6; TS 33.180 E.1.1 requires NTP-UTC. */
/*@ requires len <= 4096 && pos <= len;
    requires \valid(v) && \valid(end) && \valid(next);
    requires \valid_read(m + (0 .. len - 1));
    requires \separated(v, end, next, m + (0 .. len - 1));
    requires \separated(end, next);
    requires state_ok(v);
    assigns v->t, v->ts_type, v->ts_sec, v->ts_frac, v->seen_t_, v->rank_, *end, *next;
    ensures \result == RK_OK || is_err(\result);
    ensures \result == RK_OK ==> pos < *end <= len;
    ensures \result == RK_OK ==> state_ok(v); */
static rk_status parse_t(rk_mikey_view *v, const uint8_t *m, size_t len, size_t pos,
                         size_t *end, uint8_t *next)
{
    rk_status st;
    uint32_t sec, frac;
    uint8_t np;
    if (len - pos < 2)
        return RK_ERR_MIKEY_TRUNCATED;
    if (m[pos + 1] != RK_MIKEY_TS_NTP_UTC)
        return RK_ERR_MIKEY_TS_TYPE;
    if (len - pos < 10)
        return RK_ERR_MIKEY_TRUNCATED;
    /* every read of the message before the first store into the view: the
     * provers then need no separation argument to re-read it */
    np = m[pos];
    sec = be32(m + pos + 2);
    frac = be32(m + pos + 6);
    st = position(v, 1, v->seen_t_ != 0);
    if (st != RK_OK)
        return st;
    v->seen_t_ = 1;
    v->ts_type = RK_MIKEY_TS_NTP_UTC;   /* = m[pos + 1], checked above */
    v->ts_sec = sec;
    v->ts_frac = frac;
    v->t.off = pos;
    v->t.len = 10;
    *next = np;
    *end = pos + 10;
    /*@ assert state_ok(v); */
    return RK_OK;
}

/* RAND, RFC 3830 6.11 (at least 128 bits). */
/*@ requires len <= 4096 && pos <= len;
    requires \valid(v) && \valid(end) && \valid(next);
    requires \valid_read(m + (0 .. len - 1));
    requires \separated(v, end, next, m + (0 .. len - 1));
    requires \separated(end, next);
    requires state_ok(v);
    assigns v->rand, v->rand_value, v->seen_rand_, v->rank_, *end, *next;
    ensures \result == RK_OK || is_err(\result);
    ensures \result == RK_OK ==> pos < *end <= len && state_ok(v); */
static rk_status parse_rand(rk_mikey_view *v, const uint8_t *m, size_t len, size_t pos,
                            size_t *end, uint8_t *next)
{
    rk_status st;
    size_t rl;
    if (len - pos < 2)
        return RK_ERR_MIKEY_TRUNCATED;
    rl = m[pos + 1];
    if (len - pos - 2 < rl)
        return RK_ERR_MIKEY_TRUNCATED;
    if (rl < RK_MIKEY_RAND_MIN_BYTES || rl > RK_MIKEY_RAND_MAX_BYTES)
        return RK_ERR_MIKEY_RAND_LENGTH;
    st = position(v, 2, v->seen_rand_ != 0);
    if (st != RK_OK)
        return st;
    v->seen_rand_ = 1;
    v->rand.off = pos;
    v->rand.len = rl + 2;
    v->rand_value.off = pos + 2;
    v->rand_value.len = rl;
    *next = m[pos];
    *end = pos + 2 + rl;
    return RK_OK;
}

/* IDR, RFC 6043 6.6, roles of RFC 6509 and TS 33.180 E.7. */
/*@ requires len <= 4096 && pos <= len;
    requires \valid(v) && \valid(end) && \valid(next);
    requires \valid_read(m + (0 .. len - 1));
    requires \separated(v, end, next, m + (0 .. len - 1));
    requires \separated(end, next);
    requires state_ok(v);
    assigns v->idr[0 .. 3], v->n_idr, v->idr_i, v->idr_r, v->idr_kmsi, v->idr_kmsr,
            v->rank_, *end, *next;
    ensures \result == RK_OK || is_err(\result);
    ensures \result == RK_OK ==> pos < *end <= len && state_ok(v); */
static rk_status parse_idr(rk_mikey_view *v, const uint8_t *m, size_t len, size_t pos,
                           size_t *end, uint8_t *next)
{
    rk_status st;
    size_t il, slot, k;
    uint8_t role, type, np;
    if (len - pos < 5)
        return RK_ERR_MIKEY_TRUNCATED;
    np = m[pos];
    role = m[pos + 1];
    type = m[pos + 2];
    il = be16(m + pos + 3);
    if (len - pos - 5 < il)
        return RK_ERR_MIKEY_TRUNCATED;
    switch (role) {
    case RK_MIKEY_ROLE_IDRI: case RK_MIKEY_ROLE_IDRUIDI: slot = v->idr_i; break;
    case RK_MIKEY_ROLE_IDRR: case RK_MIKEY_ROLE_IDRUIDR: slot = v->idr_r; break;
    case RK_MIKEY_ROLE_IDRKMSI: slot = v->idr_kmsi; break;
    case RK_MIKEY_ROLE_IDRKMSR: slot = v->idr_kmsr; break;
    default: return RK_ERR_MIKEY_IDR_ROLE;
    }
    if (type != RK_MIKEY_ID_TYPE_URI)
        return RK_ERR_MIKEY_IDR_TYPE;
    if (il == 0)
        return RK_ERR_MIKEY_IDR_LENGTH;
    /* E.7: the hidden identities are the 32-octet F.2.1 UIDs */
    if ((role == RK_MIKEY_ROLE_IDRUIDI || role == RK_MIKEY_ROLE_IDRUIDR)
        && il != RK_MIKEY_UID_BYTES)
        return RK_ERR_MIKEY_IDR_LENGTH;
    st = position(v, 3, slot != ABSENT);
    if (st != RK_OK)
        return st;
    /* the role was absent, so fewer than four roles are present */
    /*@ assert slot == 4; */
    /*@ assert v->n_idr < 4; */
    k = v->n_idr;
    v->idr[k].at.off = pos;
    v->idr[k].at.len = 5 + il;
    v->idr[k].role = role;
    v->idr[k].id_type = type;
    v->idr[k].id.off = pos + 5;
    v->idr[k].id.len = il;
    /*@ assert state_ok(v) && v->n_idr == k; */
    switch (role) {
    case RK_MIKEY_ROLE_IDRI: case RK_MIKEY_ROLE_IDRUIDI:
        /*@ assert v->idr_i == 4; */
        v->idr_i = k;
        break;
    case RK_MIKEY_ROLE_IDRR: case RK_MIKEY_ROLE_IDRUIDR:
        /*@ assert v->idr_r == 4; */
        v->idr_r = k;
        break;
    case RK_MIKEY_ROLE_IDRKMSI:
        /*@ assert v->idr_kmsi == 4; */
        v->idr_kmsi = k;
        break;
    default:
        /*@ assert v->idr_kmsr == 4; */
        v->idr_kmsr = k;
        break;
    }
    v->n_idr = k + 1;
    /*@ assert state_ok(v); */
    *next = np;
    *end = pos + 5 + il;
    return RK_OK;
}

/* SP, RFC 3830 6.10: the parameter list {type, length, value} must fill the
 * policy length exactly. */
/*@ requires len <= 4096 && pos <= len;
    requires \valid(v) && \valid(end) && \valid(next);
    requires \valid_read(m + (0 .. len - 1));
    requires \separated(v, end, next, m + (0 .. len - 1));
    requires \separated(end, next);
    requires state_ok(v);
    assigns v->sp, v->sp_policy_no, v->sp_prot_type, v->sp_params, v->has_sp,
            v->rank_, *end, *next;
    ensures \result == RK_OK || is_err(\result);
    ensures \result == RK_OK ==> pos < *end <= len && state_ok(v); */
static rk_status parse_sp(rk_mikey_view *v, const uint8_t *m, size_t len, size_t pos,
                          size_t *end, uint8_t *next)
{
    rk_status st;
    size_t pl, k;
    if (len - pos < 5)
        return RK_ERR_MIKEY_TRUNCATED;
    pl = be16(m + pos + 3);
    if (len - pos - 5 < pl)
        return RK_ERR_MIKEY_TRUNCATED;
    k = 0;
    /*@ loop invariant 0 <= k <= pl;
        loop assigns k;
        loop variant pl - k; */
    while (k < pl) {
        if (pl - k < 2)
            return RK_ERR_MIKEY_SP_PARAMS;
        if (pl - k - 2 < m[pos + 5 + k + 1])
            return RK_ERR_MIKEY_SP_PARAMS;
        k += 2 + (size_t)m[pos + 5 + k + 1];
    }
    st = position(v, 4, v->has_sp != 0);
    if (st != RK_OK)
        return st;
    v->has_sp = 1;
    v->sp_policy_no = m[pos + 1];
    v->sp_prot_type = m[pos + 2];
    v->sp.off = pos;
    v->sp.len = 5 + pl;
    v->sp_params.off = pos + 5;
    v->sp_params.len = pl;
    *next = m[pos];
    *end = pos + 5 + pl;
    return RK_OK;
}

/* SAKKE, RFC 6509 4.2. */
/*@ requires len <= 4096 && pos <= len;
    requires \valid(v) && \valid(end) && \valid(next);
    requires \valid_read(m + (0 .. len - 1));
    requires \separated(v, end, next, m + (0 .. len - 1));
    requires \separated(end, next);
    requires state_ok(v);
    assigns v->sakke, v->sakke_params, v->sakke_id_scheme, v->sakke_data, v->seen_sakke_,
            v->rank_, *end, *next;
    ensures \result == RK_OK || is_err(\result);
    ensures \result == RK_OK ==> pos < *end <= len && state_ok(v); */
static rk_status parse_sakke(rk_mikey_view *v, const uint8_t *m, size_t len, size_t pos,
                             size_t *end, uint8_t *next)
{
    rk_status st;
    size_t dl;
    if (len - pos < 5)
        return RK_ERR_MIKEY_TRUNCATED;
    dl = be16(m + pos + 3);
    if (len - pos - 5 < dl)
        return RK_ERR_MIKEY_TRUNCATED;
    if (m[pos + 1] != RK_MIKEY_SAKKE_PARAMS_1)
        return RK_ERR_MIKEY_SAKKE_PARAMS;
    if (m[pos + 2] != RK_MIKEY_SAKKE_SCHEME_UID)
        return RK_ERR_MIKEY_SAKKE_SCHEME;
    if (dl != RK_MIKEY_SAKKE_DATA_BYTES)
        return RK_ERR_MIKEY_SAKKE_LENGTH;
    st = position(v, 5, v->seen_sakke_ != 0);
    if (st != RK_OK)
        return st;
    v->seen_sakke_ = 1;
    v->sakke_params = m[pos + 1];
    v->sakke_id_scheme = m[pos + 2];
    v->sakke.off = pos;
    v->sakke.len = 5 + dl;
    v->sakke_data.off = pos + 5;
    v->sakke_data.len = dl;
    *next = m[pos];
    *end = pos + 5 + dl;
    return RK_OK;
}

/* General Extension, RFC 3830 6.15; types of TS 33.180 E.5/E.6 and the
 * private range.  No rank: accepted anywhere after HDR and before SIGN. */
/*@ requires len <= 4096 && pos <= len;
    requires \valid(v) && \valid(end) && \valid(next);
    requires \valid_read(m + (0 .. len - 1));
    requires \separated(v, end, next, m + (0 .. len - 1));
    requires \separated(end, next);
    requires state_ok(v);
    assigns v->genext[0 .. 3], v->n_genext, *end, *next;
    ensures \result == RK_OK || is_err(\result);
    ensures \result == RK_OK ==> pos < *end <= len && state_ok(v); */
static rk_status parse_genext(rk_mikey_view *v, const uint8_t *m, size_t len, size_t pos,
                              size_t *end, uint8_t *next)
{
    size_t dl, i, n;
    uint8_t type;
    if (len - pos < 4)
        return RK_ERR_MIKEY_TRUNCATED;
    type = m[pos + 1];
    dl = be16(m + pos + 2);
    if (len - pos - 4 < dl)
        return RK_ERR_MIKEY_TRUNCATED;
    if (type != RK_MIKEY_GENEXT_SAKKE_TO_SELF && type != RK_MIKEY_GENEXT_KEY_PARAMS
        && type < RK_MIKEY_GENEXT_PRIVATE_MIN)
        return RK_ERR_MIKEY_GENEXT_TYPE;
    if (dl == 0)
        return RK_ERR_MIKEY_GENEXT_LENGTH;
    if (type == RK_MIKEY_GENEXT_SAKKE_TO_SELF) {
        /* E.5: a whole SAKKE payload (its own next-payload octet ignored) */
        if (dl != RK_MIKEY_SAKKE_PAYLOAD_BYTES)
            return RK_ERR_MIKEY_GENEXT_LENGTH;
        if (m[pos + 5] != RK_MIKEY_SAKKE_PARAMS_1 || m[pos + 6] != RK_MIKEY_SAKKE_SCHEME_UID
            || be16(m + pos + 7) != RK_MIKEY_SAKKE_DATA_BYTES)
            return RK_ERR_MIKEY_GENEXT_SAKKE;
    }
    n = v->n_genext;
    /*@ loop invariant 0 <= i <= n;
        loop assigns i;
        loop variant n - i; */
    for (i = 0; i < n; i++)
        if (v->genext[i].type == type)
            return RK_ERR_MIKEY_DUPLICATE;
    if (n >= RK_MIKEY_MAX_GENEXT)
        return RK_ERR_MIKEY_GENEXT_LIMIT;
    v->genext[n].at.off = pos;
    v->genext[n].at.len = 4 + dl;
    v->genext[n].type = type;
    v->genext[n].data.off = pos + 4;
    v->genext[n].data.len = dl;
    v->n_genext = n + 1;
    *next = m[pos];
    *end = pos + 4 + dl;
    return RK_OK;
}

/* SIGN, RFC 3830 6.5 / RFC 6509 4.3: 4-bit type, 12-bit length, no
 * next-payload octet; it must end the message exactly. */
/*@ requires len <= 4096 && pos <= len;
    requires \valid(v) && \valid_read(m + (0 .. len - 1));
    requires \separated(v, m + (0 .. len - 1));
    requires state_ok(v);
    assigns v->sign, v->sign_type, v->signature, v->signed_range, v->total_len;
    ensures \result == RK_OK || is_err(\result);
    ensures \result == RK_OK ==> state_ok(v); */
static rk_status parse_sign(rk_mikey_view *v, const uint8_t *m, size_t len, size_t pos)
{
    rk_status st;
    size_t sl;
    if (len - pos < 2)
        return RK_ERR_MIKEY_TRUNCATED;
    sl = (size_t)(m[pos] % 16u) * 256u + (size_t)m[pos + 1];
    if (m[pos] / 16u != RK_MIKEY_SIGN_ECCSI)
        return RK_ERR_MIKEY_SIGN_TYPE;
    if (sl != RK_MIKEY_SIGN_BYTES)
        return RK_ERR_MIKEY_SIGN_LENGTH;
    if (len - pos - 2 < sl)
        return RK_ERR_MIKEY_TRUNCATED;
    if (len - pos - 2 > sl)
        return RK_ERR_MIKEY_TRAILING;
    st = check_before(v, 6);
    if (st != RK_OK)
        return st;
    v->sign_type = RK_MIKEY_SIGN_ECCSI;
    v->sign.off = pos;
    v->sign.len = 2 + sl;
    v->signature.off = pos + 2;
    v->signature.len = sl;
    v->signed_range.off = 0;
    v->signed_range.len = pos + 2;
    v->total_len = len;
    return RK_OK;
}

/* Defence in depth, and what the contract promises consumers: every span
 * lies in the message and the fixed-size fields have their sizes.  The
 * payload functions establish this by construction; checking it here once
 * keeps their proofs small.  Never fails for a message parse_all accepted
 * (RK_ERR_INTERNAL otherwise). */
/*@ requires \valid_read(v);
    assigns \nothing;
    ensures \result == RK_OK || \result == RK_ERR_INTERNAL;
    ensures \result == RK_OK ==> rk_mikey_view_ok(v, len); */
static rk_status final_check(const rk_mikey_view *v, size_t len)
{
    size_t i;
    if (v->total_len != len)
        return RK_ERR_INTERNAL;
    if (v->hdr.off > len || v->hdr.len > len - v->hdr.off
        || v->map_info.off > len || v->map_info.len > len - v->map_info.off
        || v->t.off > len || v->t.len > len - v->t.off
        || v->rand.off > len || v->rand.len > len - v->rand.off
        || v->rand_value.off > len || v->rand_value.len > len - v->rand_value.off
        || v->sp.off > len || v->sp.len > len - v->sp.off
        || v->sp_params.off > len || v->sp_params.len > len - v->sp_params.off
        || v->sakke.off > len || v->sakke.len > len - v->sakke.off
        || v->sakke_data.off > len || v->sakke_data.len > len - v->sakke_data.off)
        return RK_ERR_INTERNAL;
    if (v->n_idr != 4 || v->idr_i >= 4 || v->idr_r >= 4 || v->idr_kmsi >= 4 || v->idr_kmsr >= 4
        || v->sakke_data.len != RK_MIKEY_SAKKE_DATA_BYTES || v->n_genext > 4)
        return RK_ERR_INTERNAL;
    /*@ loop invariant 0 <= i <= 4;
        loop invariant \forall integer j; 0 <= j < i ==>
            rk_span_in(v->idr[j].at, len) && rk_span_in(v->idr[j].id, len);
        loop assigns i;
        loop variant 4 - i; */
    for (i = 0; i < 4; i++)
        if (v->idr[i].at.off > len || v->idr[i].at.len > len - v->idr[i].at.off
            || v->idr[i].id.off > len || v->idr[i].id.len > len - v->idr[i].id.off)
            return RK_ERR_INTERNAL;
    /*@ loop invariant 0 <= i <= v->n_genext;
        loop invariant \forall integer j; 0 <= j < i ==>
            rk_span_in(v->genext[j].at, len) && rk_span_in(v->genext[j].data, len);
        loop assigns i;
        loop variant v->n_genext - i; */
    for (i = 0; i < v->n_genext; i++)
        if (v->genext[i].at.off > len || v->genext[i].at.len > len - v->genext[i].at.off
            || v->genext[i].data.off > len || v->genext[i].data.len > len - v->genext[i].data.off)
            return RK_ERR_INTERNAL;
    if (len < 131 || v->sign.len != 131 || v->sign.off != len - 131
        || v->signature.off != v->sign.off + 2 || v->signature.len != 129
        || v->signed_range.off != 0 || v->signed_range.len != v->sign.off + 2)
        return RK_ERR_INTERNAL;
    return RK_OK;
}

/*@ requires len <= 4096;
    requires \valid(v) && \valid_read(msg + (0 .. len - 1));
    requires \separated(v, msg + (0 .. len - 1));
    assigns *v;
    ensures \result == RK_OK || is_err(\result) || \result == RK_ERR_INTERNAL;
    ensures \result == RK_OK ==> rk_mikey_view_ok(v, len); */
static rk_status parse_all(rk_mikey_view *v, const uint8_t *msg, size_t len)
{
    rk_status st;
    size_t pos = 0, end = 0;
    uint8_t next = 0;
    st = parse_hdr(v, msg, len, &end, &next);
    if (st != RK_OK)
        return st;
    /* the parse state: no role, no extension, rank 0 (after HDR) */
    v->idr_i = ABSENT;
    v->idr_r = ABSENT;
    v->idr_kmsi = ABSENT;
    v->idr_kmsr = ABSENT;
    v->n_idr = 0;
    v->n_genext = 0;
    v->rank_ = 0;
    v->seen_t_ = 0;
    v->seen_rand_ = 0;
    v->seen_sakke_ = 0;
    pos = end;
    /*@ loop invariant 0 <= pos <= len;
        loop invariant state_ok(v);
        loop assigns pos, end, next, st, *v;
        loop variant len - pos; */
    for (;;) {
        st = next_class(next);
        if (st != RK_OK)
            return st;
        switch (next) {
        case RK_MIKEY_PT_SIGN:
            st = parse_sign(v, msg, len, pos);
            if (st != RK_OK)
                return st;
            return final_check(v, len);
        case RK_MIKEY_PT_T:
            st = parse_t(v, msg, len, pos, &end, &next);
            break;
        case RK_MIKEY_PT_RAND:
            st = parse_rand(v, msg, len, pos, &end, &next);
            break;
        case RK_MIKEY_PT_IDR:
            st = parse_idr(v, msg, len, pos, &end, &next);
            break;
        case RK_MIKEY_PT_SP:
            st = parse_sp(v, msg, len, pos, &end, &next);
            break;
        case RK_MIKEY_PT_SAKKE:
            st = parse_sakke(v, msg, len, pos, &end, &next);
            break;
        default:
            st = parse_genext(v, msg, len, pos, &end, &next);
            break;
        }
        if (st != RK_OK)
            return st;
        pos = end;
    }
}

/* All zero.  Explicit stores (WP does not follow a compound-literal copy);
 * the fields the contract names are stored last so each ensures is about the
 * final store. */
/*@ requires \valid(v);
    assigns *v;
    ensures v->total_len == 0;
    ensures v->signed_range.len == 0;
    ensures v->n_idr == 0;
    ensures v->n_genext == 0;
    ensures v->sakke_data.len == 0; */
static void view_zero(rk_mikey_view *v)
{
    size_t i;
    /*@ loop invariant 0 <= i <= 4;
        loop assigns i, v->cs[0 .. 3], v->idr[0 .. 3], v->genext[0 .. 3];
        loop variant 4 - i; */
    for (i = 0; i < 4; i++) {
        v->cs[i].cs_id = 0;
        v->cs[i].prot_type = 0;
        v->cs[i].s_flag = 0;
        v->cs[i].n_policies = 0;
        v->cs[i].policies.off = 0;
        v->cs[i].policies.len = 0;
        v->cs[i].session_data.off = 0;
        v->cs[i].session_data.len = 0;
        v->cs[i].spi.off = 0;
        v->cs[i].spi.len = 0;
        v->idr[i].at.off = 0;
        v->idr[i].at.len = 0;
        v->idr[i].role = 0;
        v->idr[i].id_type = 0;
        v->idr[i].id.off = 0;
        v->idr[i].id.len = 0;
        v->genext[i].at.off = 0;
        v->genext[i].at.len = 0;
        v->genext[i].type = 0;
        v->genext[i].data.off = 0;
        v->genext[i].data.len = 0;
    }
    v->hdr.off = 0; v->hdr.len = 0;
    v->version = 0; v->data_type = 0; v->v_flag = 0; v->prf_func = 0;
    v->csb_id = 0; v->n_cs = 0; v->map_type = 0;
    v->map_info.off = 0; v->map_info.len = 0;
    v->t.off = 0; v->t.len = 0; v->ts_type = 0; v->ts_sec = 0; v->ts_frac = 0;
    v->rand.off = 0; v->rand.len = 0; v->rand_value.off = 0; v->rand_value.len = 0;
    v->idr_i = 0; v->idr_r = 0; v->idr_kmsi = 0; v->idr_kmsr = 0;
    v->has_sp = 0; v->sp.off = 0; v->sp.len = 0; v->sp_policy_no = 0; v->sp_prot_type = 0;
    v->sp_params.off = 0; v->sp_params.len = 0;
    v->sakke.off = 0; v->sakke.len = 0; v->sakke_params = 0; v->sakke_id_scheme = 0;
    v->sakke_data.off = 0;
    v->sign.off = 0; v->sign.len = 0; v->sign_type = 0;
    v->signature.off = 0; v->signature.len = 0; v->signed_range.off = 0;
    v->rank_ = 0; v->seen_t_ = 0; v->seen_rand_ = 0; v->seen_sakke_ = 0;
    v->sakke_data.len = 0;
    v->n_genext = 0;
    v->n_idr = 0;
    v->signed_range.len = 0;
    v->total_len = 0;
}

rk_status rk_mikey_parse(rk_mikey_view *v, const uint8_t *msg, size_t len)
{
    rk_status st;
    if (v == NULL)
        return RK_ERR_NULL;
    view_zero(v);
    if (msg == NULL)
        return RK_ERR_NULL;
    if (len > RK_MIKEY_MAX_BYTES)
        return RK_ERR_MIKEY_TOO_LONG;
    st = parse_all(v, msg, len);
    if (st != RK_OK)
        view_zero(v);
    return st;
}
