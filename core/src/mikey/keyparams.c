/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/keyparams.h
 *
 * The E.6 protected-payload framing and the Key Parameters plaintext codec.
 * Checks run in the order bounds, then field values, so that every
 * truncated copy of a valid input is reported as truncated.  Octet
 * arithmetic uses * and + (the provers follow it; compilers emit shifts).
 */
#include "rootkey/keyparams.h"

/*@ predicate kp_err(integer r) = -799 <= r <= -700; */

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

/*@ requires \valid_read(p + (0 .. 4));
    assigns \nothing;
    ensures \result < 1099511627776; */
static uint64_t be40(const uint8_t *p)
{
    return (uint64_t)p[0] * 4294967296u + (uint64_t)be32(p + 1);
}

/* x big-endian in n octets (its n low-order octets). */
/*@ requires \valid(p + (0 .. n - 1)) && n <= 8;
    assigns p[0 .. n - 1]; */
static void put_be(uint8_t *p, uint64_t x, size_t n)
{
    size_t i = n;
    /*@ loop invariant 0 <= i <= n;
        loop assigns i, x, p[0 .. n - 1];
        loop variant i; */
    while (i > 0) {
        i--;
        p[i] = (uint8_t)(x % 256u);
        x /= 256u;
    }
}

/* --- framing --------------------------------------------------------------- */

/*@ requires \valid(f);
    assigns *f;
    ensures f->ct_len == 0 && f->ct_off == 0 && f->h.dppk_id == 0; */
static void frame_zero(rk_kp_frame *f)
{
    size_t i;
    f->h.msg_type = 0;
    f->h.date_time = 0;
    f->h.payload_id = 0;
    f->h.seq = 0;
    f->h.alg = 0;
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, f->h.iv[0 .. 15];
        loop variant 16 - i; */
    for (i = 0; i < RK_KP_IV_BYTES; i++)
        f->h.iv[i] = 0;
    f->h.dppk_id = 0;
    f->ct_off = 0;
    f->ct_len = 0;
}

rk_status rk_keyparams_frame_decode(rk_kp_frame *f, const uint8_t *data, size_t len,
                                    uint32_t expected_dppk_id)
{
    size_t l, i;
    if (f == NULL)
        return RK_ERR_NULL;
    frame_zero(f);
    if (data == NULL)
        return RK_ERR_NULL;
    if (len < RK_KP_FRAME_OVERHEAD)
        return RK_ERR_KP_TRUNCATED;
    l = be16(data + 33);
    if (l > len - RK_KP_FRAME_OVERHEAD)
        return RK_ERR_KP_TRUNCATED;
    if (l < len - RK_KP_FRAME_OVERHEAD)
        return RK_ERR_KP_TRAILING;
    /* the two message-type values seen in interoperating messages
     * (docs/references.md §5.5, §10); no other is known */
    if (data[0] != RK_KP_MSG_TYPE_0X40 && data[0] != RK_KP_MSG_TYPE_0X43)
        return RK_ERR_KP_MSG_TYPE;
    if (data[11] != RK_KP_ALG_AES128GCM)
        return RK_ERR_KP_ALG;
    /* TS 33.180 E.6.1: the DPPK-ID is the CSB-ID of the MIKEY message */
    if (be32(data + 28) != expected_dppk_id)
        return RK_ERR_KP_DPPK_ID;
    if (data[32] != 0)
        return RK_ERR_KP_IEI;
    /* at least the tag and the fixed Key Parameters fields */
    if (l < RK_KP_CT_MIN_BYTES)
        return RK_ERR_KP_CT_LENGTH;
    f->h.msg_type = data[0];
    f->h.date_time = be40(data + 1);
    f->h.payload_id = be32(data + 6);
    f->h.seq = data[10];
    f->h.alg = data[11];
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, f->h.iv[0 .. 15];
        loop variant 16 - i; */
    for (i = 0; i < RK_KP_IV_BYTES; i++)
        f->h.iv[i] = data[12 + i];
    f->h.dppk_id = expected_dppk_id;
    f->ct_off = RK_KP_FRAME_OVERHEAD;
    f->ct_len = l;
    return RK_OK;
}

void rk_keyparams_aad(uint8_t aad[RK_KP_AAD_BYTES], const rk_kp_header *h)
{
    size_t i;
    aad[0] = h->msg_type;
    put_be(aad + 1, h->date_time % 1099511627776u, 5);
    put_be(aad + 6, h->payload_id, 4);
    aad[10] = h->seq;
    aad[11] = h->alg;
    /*@ loop invariant 0 <= i <= 16;
        loop assigns i, aad[12 .. 27];
        loop variant 16 - i; */
    for (i = 0; i < RK_KP_IV_BYTES; i++)
        aad[12 + i] = h->iv[i];
    put_be(aad + 28, h->dppk_id, 4);
}

rk_status rk_keyparams_frame_encode(uint8_t *out, size_t cap, size_t *out_len,
                                    const rk_kp_header *h, const uint8_t *ct, size_t ct_len)
{
    size_t i;
    if (out_len == NULL)
        return RK_ERR_NULL;
    *out_len = 0;
    if (out == NULL || h == NULL)
        return RK_ERR_NULL;
    if (h->msg_type != RK_KP_MSG_TYPE_0X40 && h->msg_type != RK_KP_MSG_TYPE_0X43)
        return RK_ERR_KP_MSG_TYPE;
    if (h->alg != RK_KP_ALG_AES128GCM)
        return RK_ERR_KP_ALG;
    if (ct_len < RK_KP_CT_MIN_BYTES)
        return RK_ERR_KP_CT_LENGTH;
    if (ct_len > 65535)
        return RK_ERR_KP_TEXT_LENGTH;
    if (cap < RK_KP_FRAME_OVERHEAD || ct_len > cap - RK_KP_FRAME_OVERHEAD)
        return RK_ERR_BUFFER;
    rk_keyparams_aad(out, h);
    out[32] = 0;
    put_be(out + 33, ct_len, 2);
    /*@ loop invariant 0 <= i <= ct_len;
        loop assigns i, out[35 .. 35 + ct_len - 1];
        loop variant ct_len - i; */
    for (i = 0; i < ct_len; i++)
        out[RK_KP_FRAME_OVERHEAD + i] = ct != NULL ? ct[i] : 0;
    *out_len = RK_KP_FRAME_OVERHEAD + ct_len;
    return RK_OK;
}

/* --- Key Parameters plaintext ------------------------------------------------ */

/*@ requires \valid(p);
    assigns *p;
    ensures p->n_groups == 0 && p->text.len == 0 && p->has_group_ids == 0; */
static void params_zero(rk_kp_params_view *p)
{
    size_t i;
    p->key_type = 0;
    p->status = 0;
    p->activation = 0;
    p->expiry = 0;
    p->text.off = 0;
    p->text.len = 0;
    p->has_group_ids = 0;
    p->n_groups = 0;
    /*@ loop invariant 0 <= i <= 8;
        loop assigns i, p->group[0 .. 7];
        loop variant 8 - i; */
    for (i = 0; i < RK_KP_MAX_GROUPS; i++) {
        p->group[i].off = 0;
        p->group[i].len = 0;
    }
}

/* Group IDs content (E.6.3): count, then count TLV-E entries 0x7B | length |
 * URI, exactly filling pt[pos .. end-1]. */
/*@ requires \valid(p) && \valid_read(pt + (0 .. len - 1));
    requires \separated(p, pt + (0 .. len - 1));
    requires pos < end <= len;
    assigns p->n_groups, p->group[0 .. 7];
    ensures \result == RK_OK || kp_err(\result);
    ensures \result == RK_OK ==> p->n_groups <= 8 &&
        (\forall integer i; 0 <= i < p->n_groups ==>
               p->group[i].off <= len && p->group[i].len <= len - p->group[i].off); */
static rk_status parse_groups(rk_kp_params_view *p, const uint8_t *pt, size_t len,
                              size_t pos, size_t end)
{
    size_t count = pt[pos], q = pos + 1, i, el;
    (void)len;   /* bounds in the contract only */
    if (count > RK_KP_MAX_GROUPS)
        return RK_ERR_KP_GROUP_LIMIT;
    /*@ loop invariant 0 <= i <= count <= 8;
        loop invariant pos < q <= end;
        loop invariant \forall integer j; 0 <= j < i ==>
               p->group[j].off <= len && p->group[j].len <= len - p->group[j].off;
        loop assigns i, q, el, p->group[0 .. 7];
        loop variant count - i; */
    for (i = 0; i < count; i++) {
        if (q == end)
            return RK_ERR_KP_GROUP_COUNT;
        if (end - q < 3)
            return RK_ERR_KP_GROUP_LENGTH;
        if (pt[q] != RK_KP_GROUP_IEI)
            return RK_ERR_KP_GROUP_IEI;
        el = be16(pt + q + 1);
        if (el == 0 || el > end - q - 3)
            return RK_ERR_KP_GROUP_LENGTH;
        p->group[i].off = q + 3;
        p->group[i].len = el;
        q += 3 + el;
    }
    if (q != end)
        return RK_ERR_KP_GROUP_COUNT;
    p->n_groups = count;
    return RK_OK;
}

/*@ requires \valid(p);
    requires \valid_read(pt + (0 .. len - 1));
    requires \separated(p, pt + (0 .. len - 1));
    assigns *p;
    ensures \result == RK_OK || kp_err(\result);
    ensures \result == RK_OK ==> p->text.off == 17 && p->text.off + p->text.len <= len
        && p->n_groups <= 8 && p->key_type <= 15
        && (\forall integer i; 0 <= i < p->n_groups ==>
               p->group[i].off <= len && p->group[i].len <= len - p->group[i].off); */
static rk_status decode_body(rk_kp_params_view *p, const uint8_t *pt, size_t len)
{
    size_t tl, pos, gl;
    rk_status st;
    params_zero(p);
    if (len < RK_KP_PT_MIN_BYTES)
        return RK_ERR_KP_PT_TRUNCATED;
    tl = be16(pt + 15);
    if (tl > len - RK_KP_PT_MIN_BYTES)
        return RK_ERR_KP_PT_TRUNCATED;
    pos = RK_KP_PT_MIN_BYTES + tl;
    if (pos < len) {
        /* Group IDs, LV-E: a length, then a count and the entries */
        if (len - pos < 2)
            return RK_ERR_KP_PT_TRUNCATED;
        gl = be16(pt + pos);
        pos += 2;
        if (gl > len - pos || gl == 0)
            return RK_ERR_KP_PT_TRUNCATED;
        if (gl < len - pos)
            return RK_ERR_KP_PT_TRAILING;
        st = parse_groups(p, pt, len, pos, pos + gl);
        if (st != RK_OK)
            return st;
        p->has_group_ids = 1;
    }
    /* E.6.11: the key type is a 4-bit purpose tag */
    if (pt[0] > 15)
        return RK_ERR_KP_KEY_TYPE;
    p->key_type = pt[0];
    p->status = be32(pt + 1);
    p->activation = be40(pt + 5);
    p->expiry = be40(pt + 10);
    p->text.off = RK_KP_PT_MIN_BYTES;
    p->text.len = tl;
    return RK_OK;
}

rk_status rk_keyparams_decode(rk_kp_params_view *p, const uint8_t *pt, size_t len)
{
    rk_status st;
    if (p == NULL)
        return RK_ERR_NULL;
    if (pt == NULL) {
        params_zero(p);
        return RK_ERR_NULL;
    }
    st = decode_body(p, pt, len);
    if (st != RK_OK)
        params_zero(p);   /* no partial result */
    return st;
}

rk_status rk_keyparams_encode(uint8_t *out, size_t cap, size_t *out_len, const rk_kp_params *p)
{
    size_t total, gl = 0, i, k, pos;
    if (out_len == NULL)
        return RK_ERR_NULL;
    *out_len = 0;
    if (out == NULL || p == NULL || (p->text == NULL && p->text_len != 0))
        return RK_ERR_NULL;
    if (p->key_type > 15)
        return RK_ERR_KP_KEY_TYPE;
    if (p->activation >= 1099511627776u || p->expiry >= 1099511627776u)
        return RK_ERR_LENGTH;
    if (p->text_len > 65535)
        return RK_ERR_KP_TEXT_LENGTH;
    if (p->n_groups > RK_KP_MAX_GROUPS)
        return RK_ERR_KP_GROUP_LIMIT;
    if (p->has_group_ids == 0 && p->n_groups != 0)
        return RK_ERR_KP_GROUP_COUNT;
    if (p->has_group_ids != 0) {
        gl = 1;
        /*@ loop invariant 0 <= i <= p->n_groups;
            loop invariant 1 <= gl <= 1 + i * 65538;
            loop assigns i, gl;
            loop variant p->n_groups - i; */
        for (i = 0; i < p->n_groups; i++) {
            if (p->group_len[i] == 0 || p->group[i] == NULL)
                return RK_ERR_KP_GROUP_LENGTH;
            gl += 3 + p->group_len[i];
        }
        if (gl > 65535)
            return RK_ERR_KP_TEXT_LENGTH;
    }
    total = RK_KP_PT_MIN_BYTES + p->text_len + (p->has_group_ids != 0 ? 2 + gl : 0);
    if (total > cap)
        return RK_ERR_BUFFER;
    out[0] = p->key_type;
    put_be(out + 1, p->status, 4);
    put_be(out + 5, p->activation, 5);
    put_be(out + 10, p->expiry, 5);
    put_be(out + 15, p->text_len, 2);
    /*@ loop invariant 0 <= i <= p->text_len;
        loop assigns i, out[17 .. 17 + p->text_len - 1];
        loop variant p->text_len - i; */
    for (i = 0; i < p->text_len; i++)
        out[RK_KP_PT_MIN_BYTES + i] = p->text[i];
    pos = RK_KP_PT_MIN_BYTES + p->text_len;
    if (p->has_group_ids != 0) {
        put_be(out + pos, gl, 2);
        out[pos + 2] = (uint8_t)p->n_groups;
        pos += 3;
        /*@ loop invariant 0 <= k <= p->n_groups;
            loop invariant pos <= total;
            loop assigns k, i, pos, out[0 .. cap - 1];
            loop variant p->n_groups - k; */
        for (k = 0; k < p->n_groups; k++) {
            /* pos + 3 + length <= total follows from the sum above; checked
             * again so the bound is local (unreachable failure) */
            if (total - pos < 3 || total - pos - 3 < p->group_len[k]) {
                /*@ loop invariant 0 <= i <= total;
                    loop assigns i, out[0 .. total - 1];
                    loop variant total - i; */
                for (i = 0; i < total; i++)
                    out[i] = 0;
                return RK_ERR_INTERNAL;
            }
            out[pos] = RK_KP_GROUP_IEI;
            put_be(out + pos + 1, p->group_len[k], 2);
            pos += 3;
            /*@ loop invariant 0 <= i <= p->group_len[k];
                loop assigns i, out[pos .. pos + p->group_len[k] - 1];
                loop variant p->group_len[k] - i; */
            for (i = 0; i < p->group_len[k]; i++)
                out[pos + i] = p->group[k][i];
            pos += p->group_len[k];
        }
    }
    *out_len = total;
    return RK_OK;
}
