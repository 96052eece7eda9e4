/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/lmr.h */
#include "rootkey/lmr.h"
#include "rootkey/ct.h"

void rk_lmr_wipe(rk_lmr_block *b)
{
    b->lmr_type = 0;
    b->wacn = 0;
    b->system_id = 0;
    b->unit_id = 0;
    b->algid = 0;
    b->key_id = 0;
    b->keyset_id = 0;
    b->mcc = 0;
    b->mnc = 0;
    b->issi = 0;
    b->has_key_number = 0;
    b->key_number = 0;
    b->has_key_version = 0;
    b->key_version = 0;
    b->sys_len = 0;
    rk_wipe(b->sys, RK_LMR_SYS_MAX);
    b->ref_len = 0;
    rk_wipe(b->ref, RK_LMR_REF_MAX);
    b->key_len = 0;
    rk_wipe(b->key, RK_LMR_KEY_MAX);
}

/* ---- encoder: a cursor whose position never passes cap ---- */

/* tag | n | v as n big-endian octets (v < 256^n checked by the caller). */
/*@ requires 1 <= n <= 4;
    requires \valid(out + (0 .. cap - 1));
    requires \valid(pos) && \separated(pos, out + (0 .. cap - 1));
    requires *pos <= cap;
    assigns out[0 .. cap - 1], *pos;
    ensures *pos <= cap;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 ==> *pos == \old(*pos) + 2 + n;
    ensures \result == 0 ==> *pos == \old(*pos); */
static int put_uint(uint8_t *out, size_t cap, size_t *pos, uint8_t tag, uint32_t v, size_t n)
{
    size_t p = *pos;
    if (cap - p < 2 + n)
        return 0;
    out[p] = tag;
    out[p + 1] = (uint8_t)n;
    /*@ loop invariant 0 <= i <= n;
        loop assigns i, v, out[p + 2 .. p + 1 + n];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++) {
        out[p + 1 + n - i] = (uint8_t)(v % 256u);
        v /= 256u;
    }
    *pos = p + 2 + n;
    return 1;
}

/* tag | n | data[0..n-1] */
/*@ requires 1 <= n <= 64;
    requires \valid(out + (0 .. cap - 1));
    requires \valid_read(data + (0 .. n - 1));
    requires \valid(pos) && \separated(pos, out + (0 .. cap - 1), data + (0 .. n - 1));
    requires \separated(out + (0 .. cap - 1), data + (0 .. n - 1));
    requires *pos <= cap;
    assigns out[0 .. cap - 1], *pos;
    ensures *pos <= cap;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 ==> *pos == \old(*pos) + 2 + n;
    ensures \result == 0 ==> *pos == \old(*pos); */
static int put_bytes(uint8_t *out, size_t cap, size_t *pos, uint8_t tag, const uint8_t *data,
                     size_t n)
{
    size_t p = *pos;
    if (cap - p < 2 + n)
        return 0;
    out[p] = tag;
    out[p + 1] = (uint8_t)n;
    /*@ loop invariant 0 <= i <= n;
        loop assigns i, out[p + 2 .. p + 1 + n];
        loop variant n - i; */
    for (size_t i = 0; i < n; i++)
        out[p + 2 + i] = data[i];
    *pos = p + 2 + n;
    return 1;
}

/* The value checks of rk_lmr_encode, apart from the buffer. */
/*@ requires \valid_read(b);
    assigns \nothing;
    ensures \result == RK_OK ==> 8 <= b->key_len <= 32 &&
        (b->lmr_type == RK_LMR_P25 || b->lmr_type == RK_LMR_TETRA ||
         (b->lmr_type == RK_LMR_OTHER && 1 <= b->sys_len <= 64 && b->ref_len <= 32));
    ensures \result == RK_OK || \result == RK_ERR_LMR_TYPE || \result == RK_ERR_LMR_RANGE ||
            \result == RK_ERR_LMR_KEY_LENGTH; */
static rk_status check_block(const rk_lmr_block *b)
{
    if (b->key_len < RK_LMR_KEY_MIN || b->key_len > RK_LMR_KEY_MAX)
        return RK_ERR_LMR_KEY_LENGTH;
    if (b->lmr_type == RK_LMR_P25) {
        if (b->wacn >= 0x100000u || b->system_id >= 0x1000u || b->unit_id >= 0x1000000u)
            return RK_ERR_LMR_RANGE;
    } else if (b->lmr_type == RK_LMR_TETRA) {
        if (b->mcc >= 0x400u || b->mnc >= 0x4000u || b->issi >= 0x1000000u)
            return RK_ERR_LMR_RANGE;
    } else if (b->lmr_type == RK_LMR_OTHER) {
        if (b->sys_len == 0 || b->sys_len > RK_LMR_SYS_MAX || b->ref_len > RK_LMR_REF_MAX)
            return RK_ERR_LMR_RANGE;
    } else {
        return RK_ERR_LMR_TYPE;
    }
    return RK_OK;
}

/* The identifier TLVs of the block's LMR type (after the type TLV, before
 * the key).  A helper of its own so that the key's TLV is proved against a
 * short memory history. */
/*@ requires \valid_read(b);
    requires \valid(out + (0 .. cap - 1));
    requires \valid(pos) && \separated(pos, out + (0 .. cap - 1), b);
    requires \separated(out + (0 .. cap - 1), b);
    requires *pos <= cap && *pos <= 4;
    requires b->lmr_type == RK_LMR_P25 || b->lmr_type == RK_LMR_TETRA ||
             (b->lmr_type == RK_LMR_OTHER && 1 <= b->sys_len <= 64 && b->ref_len <= 32);
    assigns out[0 .. cap - 1], *pos;
    ensures *pos <= cap;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 ==> *pos <= \old(*pos) + 100; */
static int put_ids(uint8_t *out, size_t cap, size_t *pos, const rk_lmr_block *b)
{
    int ok = 1;
    if (b->lmr_type == RK_LMR_P25) {
        if (ok) ok = put_uint(out, cap, pos, 0x10, b->wacn, 3);
        if (ok) ok = put_uint(out, cap, pos, 0x11, b->system_id, 2);
        if (ok) ok = put_uint(out, cap, pos, 0x12, b->unit_id, 3);
        if (ok) ok = put_uint(out, cap, pos, 0x13, b->algid, 1);
        if (ok) ok = put_uint(out, cap, pos, 0x14, b->key_id, 2);
        if (ok) ok = put_uint(out, cap, pos, 0x15, b->keyset_id, 1);
    } else if (b->lmr_type == RK_LMR_TETRA) {
        if (ok) ok = put_uint(out, cap, pos, 0x20, b->mcc, 2);
        if (ok) ok = put_uint(out, cap, pos, 0x21, b->mnc, 2);
        if (ok) ok = put_uint(out, cap, pos, 0x22, b->issi, 3);
        if (ok && b->has_key_number) ok = put_uint(out, cap, pos, 0x23, b->key_number, 1);
        if (ok && b->has_key_version) ok = put_uint(out, cap, pos, 0x24, b->key_version, 2);
    } else {
        uint8_t rl = b->ref_len;
        if (ok) ok = put_bytes(out, cap, pos, 0x30, b->sys, b->sys_len);
        if (ok && rl > 0) ok = put_bytes(out, cap, pos, 0x31, b->ref, rl);
    }
    return ok;
}

rk_status rk_lmr_encode(uint8_t *out, size_t cap, size_t *out_len, const rk_lmr_block *b)
{
    size_t pos = 0;
    int ok = 1;
    rk_status st = check_block(b);
    *out_len = 0;
    if (st != RK_OK)
        return st;
    if (cap < 1)
        return RK_ERR_BUFFER;
    out[0] = RK_LMR_VERSION;
    pos = 1;
    ok = put_uint(out, cap, &pos, 0x01, b->lmr_type, 1);
    if (ok) ok = put_ids(out, cap, &pos, b);
    if (ok) ok = put_bytes(out, cap, &pos, 0x40, b->key, b->key_len);
    if (!ok) {
        rk_wipe(out, cap);       /* nothing partial: the key may be half written */
        return RK_ERR_BUFFER;
    }
    /*@ assert pos <= 138; */
    *out_len = pos;
    return RK_OK;
}

/* ---- decoder ---- */

/* Big-endian value of n octets (1..3). */
/*@ requires 1 <= n <= 3;
    requires \valid_read(p + (0 .. n - 1));
    assigns \nothing;
    ensures 0 <= \result < 16777216;
    ensures n == 1 ==> \result < 256;
    ensures n == 2 ==> \result < 65536; */
static uint32_t be(const uint8_t *p, size_t n)
{
    uint32_t v = 0;
    /*@ loop invariant 0 <= i <= n;
        loop invariant i == 0 ==> v == 0;
        loop invariant i == 1 ==> v < 256;
        loop invariant i == 2 ==> v < 65536;
        loop invariant v < 16777216;
        loop assigns i, v;
        loop variant n - i; */
    for (size_t i = 0; i < n; i++) {
        /*@ assert v < 65536; */
        v = v * 256u + p[i];
    }
    return v;
}

/* The octets of one TLV, range checked, into b.  want_type is the block's
 * LMR type (0 before the type TLV).  Returns RK_OK or the code. */
/*@ requires \valid(b);
    requires \valid_read(v + (0 .. n - 1));
    requires \separated(b, v + (0 .. n - 1));
    requires n <= 255;
    requires b->sys_len <= 64 && b->ref_len <= 32 && b->key_len <= 32;
    requires b->key_len == 0 || 8 <= b->key_len;
    assigns *b;
    ensures b->sys_len <= 64 && b->ref_len <= 32 && b->key_len <= 32;
    ensures b->key_len == 0 || 8 <= b->key_len;
    ensures \result == RK_OK && tag == 0x40 ==> 8 <= b->key_len <= 32; */
static rk_status take(rk_lmr_block *b, uint8_t tag, const uint8_t *v, size_t n)
{
    /* expected length of the fixed-width fields: 0 for variable ones */
    size_t want = 0;
    uint8_t owner = 0; /* the LMR type a tag belongs to (0: any) */
    switch (tag) {
    case 0x01: want = 1; break;
    case 0x10: want = 3; owner = RK_LMR_P25; break;
    case 0x11: want = 2; owner = RK_LMR_P25; break;
    case 0x12: want = 3; owner = RK_LMR_P25; break;
    case 0x13: want = 1; owner = RK_LMR_P25; break;
    case 0x14: want = 2; owner = RK_LMR_P25; break;
    case 0x15: want = 1; owner = RK_LMR_P25; break;
    case 0x20: want = 2; owner = RK_LMR_TETRA; break;
    case 0x21: want = 2; owner = RK_LMR_TETRA; break;
    case 0x22: want = 3; owner = RK_LMR_TETRA; break;
    case 0x23: want = 1; owner = RK_LMR_TETRA; break;
    case 0x24: want = 2; owner = RK_LMR_TETRA; break;
    case 0x30: owner = RK_LMR_OTHER; break;
    case 0x31: owner = RK_LMR_OTHER; break;
    case 0x40: break;
    default: return RK_ERR_LMR_TAG;
    }
    if (tag != 0x01 && b->lmr_type == 0)
        return RK_ERR_LMR_MISSING;          /* the type must come first */
    if (owner != 0 && owner != b->lmr_type)
        return RK_ERR_LMR_TAG;              /* a field of another LMR type */
    if (want != 0 && n != want)
        return RK_ERR_LMR_LENGTH;
    switch (tag) {
    case 0x01:
        if (v[0] < RK_LMR_P25 || v[0] > RK_LMR_OTHER) return RK_ERR_LMR_TYPE;
        b->lmr_type = v[0];
        break;
    case 0x10: b->wacn = be(v, 3); if (b->wacn >= 0x100000u) return RK_ERR_LMR_RANGE; break;
    case 0x11: b->system_id = (uint16_t)be(v, 2); if (b->system_id >= 0x1000u) return RK_ERR_LMR_RANGE; break;
    case 0x12: b->unit_id = be(v, 3); break;
    case 0x13: b->algid = v[0]; break;
    case 0x14: b->key_id = (uint16_t)be(v, 2); break;
    case 0x15: b->keyset_id = v[0]; break;
    case 0x20: b->mcc = (uint16_t)be(v, 2); if (b->mcc >= 0x400u) return RK_ERR_LMR_RANGE; break;
    case 0x21: b->mnc = (uint16_t)be(v, 2); if (b->mnc >= 0x4000u) return RK_ERR_LMR_RANGE; break;
    case 0x22: b->issi = be(v, 3); break;
    case 0x23: b->key_number = v[0]; b->has_key_number = 1; break;
    case 0x24: b->key_version = (uint16_t)be(v, 2); b->has_key_version = 1; break;
    case 0x30:
    case 0x31: {
        size_t max = tag == 0x30 ? RK_LMR_SYS_MAX : RK_LMR_REF_MAX;
        uint8_t *dst = tag == 0x30 ? b->sys : b->ref;
        if (n < 1 || n > max) return RK_ERR_LMR_LENGTH;
        /*@ loop invariant 0 <= i <= n;
            loop assigns i, b->sys[0 .. 63], b->ref[0 .. 31];
            loop variant n - i; */
        for (size_t i = 0; i < n; i++)
            dst[i] = v[i];
        if (tag == 0x30) b->sys_len = (uint8_t)n;
        else b->ref_len = (uint8_t)n;
        break;
    }
    default: /* 0x40, the key: copied, never inspected */
        if (n < RK_LMR_KEY_MIN || n > RK_LMR_KEY_MAX) return RK_ERR_LMR_KEY_LENGTH;
        /*@ loop invariant 0 <= i <= n;
            loop assigns i, b->key[0 .. 31];
            loop variant n - i; */
        for (size_t i = 0; i < n; i++)
            b->key[i] = v[i];
        b->key_len = (uint8_t)n;
        break;
    }
    return RK_OK;
}

rk_status rk_lmr_decode(rk_lmr_block *b, const uint8_t *in, size_t len)
{
    size_t pos = 1;
    unsigned last = 0;        /* the previous tag: tags strictly increase */
    size_t required = 0;      /* required fixed fields of the type seen */
    rk_status st = RK_OK;

    rk_lmr_wipe(b);
    /* CT: the block's layout (version, tags, lengths) and its identifier
     * values are public metadata (rootkey/lmr.h); the block arrives as GCM
     * plaintext, so each is declassified where it is read.  The key octets
     * (tag 0x40) never are. */
    if (len >= 1)
        RK_CT_PUBLIC(in, 1);
    if (len < 1)
        st = RK_ERR_LMR_TRUNCATED;
    else if (in[0] != RK_LMR_VERSION)
        st = RK_ERR_LMR_VERSION;
    /*@ loop invariant 1 <= pos <= len || st != RK_OK;
        loop invariant b->sys_len <= 64 && b->ref_len <= 32 && b->key_len <= 32;
        loop invariant b->key_len == 0 || 8 <= b->key_len;
        loop invariant 0 <= last <= 255;
        loop invariant required <= pos;
        loop assigns pos, last, st, required, *b;
        loop variant len - pos; */
    while (st == RK_OK && pos < len) {
        if (last == 0x40) {
            st = RK_ERR_LMR_TRAILING;        /* nothing may follow the key */
            break;
        }
        if (len - pos < 2) {
            st = RK_ERR_LMR_TRUNCATED;
            break;
        }
        RK_CT_PUBLIC(in + pos, 2);
        uint8_t tag = in[pos];
        size_t n = in[pos + 1];
        if (len - pos - 2 < n) {
            st = RK_ERR_LMR_TRUNCATED;
            break;
        }
        if (tag != 0x40)
            RK_CT_PUBLIC(in + pos + 2, n);
        if (tag <= last) {
            st = RK_ERR_LMR_ORDER;
            break;
        }
        st = take(b, tag, in + pos + 2, n);
        if ((tag >= 0x10 && tag <= 0x15) || (tag >= 0x20 && tag <= 0x22))
            required++;
        last = tag;
        pos += 2 + n;
    }
    if (st == RK_OK) {
        /* every required field of the type, and the key */
        if (b->lmr_type == 0 || b->key_len == 0)
            st = RK_ERR_LMR_MISSING;
        else if (b->lmr_type == RK_LMR_OTHER && b->sys_len == 0)
            st = RK_ERR_LMR_MISSING;
    }
    if (st == RK_OK) {
        /* tags strictly increase, so each required field was counted once */
        if ((b->lmr_type == RK_LMR_P25 && required != 6) ||
            (b->lmr_type == RK_LMR_TETRA && required != 3))
            st = RK_ERR_LMR_MISSING;
    }
    if (st != RK_OK)
        rk_lmr_wipe(b);
    return st;
}
