/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/mikey.h
 *
 * The I_MESSAGE encoder.  Three steps: (1) check what the field widths and
 * the limits require and compute the total length, returning before any
 * write if it exceeds RK_MIKEY_MAX_BYTES or cap; (2) write every payload
 * through a cursor {buf, cap, pos} whose invariant pos <= cap is proved for
 * every write (a write that would not fit is refused and remembered, which
 * step 1 makes unreachable); (3) parse the result with rk_mikey_parse, so
 * the encoder can never emit a message our own parser rejects (roles, types,
 * RAND length, SP list, SAKKE-to-self shape...).  If (2) or (3) fails the
 * octets written are zeroed.
 */
#include "rootkey/mikey.h"
#include "rootkey/ct.h"

/* The cursor is passed and returned by value (proof idiom "record by
 * value", docs/proof-idioms.md): only buf[] is memory. */
typedef struct {
    uint8_t *buf;
    size_t cap;
    size_t pos;
    int err;
} cursor;

/*@ predicate cur_ok(cursor c) =
        c.pos <= c.cap && c.cap <= 0x7fffffff && \valid(c.buf + (0 .. c.cap - 1));
*/

/*@ requires cur_ok(c);
    assigns c.buf[0 .. c.cap - 1];
    ensures cur_ok(\result) && \result.buf == c.buf && \result.cap == c.cap;
    ensures c.pos <= \result.pos; */
static cursor put_u8(cursor c, size_t x)
{
    if (c.pos >= c.cap) {
        c.err = 1;
        return c;
    }
    c.buf[c.pos] = (uint8_t)(x % 256u);
    c.pos++;
    return c;
}

/*@ requires cur_ok(c);
    assigns c.buf[0 .. c.cap - 1];
    ensures cur_ok(\result) && \result.buf == c.buf && \result.cap == c.cap;
    ensures c.pos <= \result.pos; */
static cursor put_u16(cursor c, size_t x)
{
    c = put_u8(c, (x / 256u) % 256u);
    return put_u8(c, x % 256u);
}

/*@ requires cur_ok(c);
    assigns c.buf[0 .. c.cap - 1];
    ensures cur_ok(\result) && \result.buf == c.buf && \result.cap == c.cap;
    ensures c.pos <= \result.pos; */
static cursor put_u32(cursor c, uint32_t x)
{
    c = put_u16(c, x / 65536u);
    return put_u16(c, x % 65536u);
}

/*@ requires cur_ok(c);
    requires \valid_read(p + (0 .. n - 1));
    assigns c.buf[0 .. c.cap - 1];
    ensures cur_ok(\result) && \result.buf == c.buf && \result.cap == c.cap;
    ensures c.pos <= \result.pos; */
static cursor put_bytes(cursor c, const uint8_t *p, size_t n)
{
    size_t i;
    if (c.cap - c.pos < n) {
        c.err = 1;
        return c;
    }
    /*@ loop invariant 0 <= i <= n;
        loop invariant c.pos == \at(c.pos, Pre) + i && c.pos <= c.cap;
        loop invariant c.buf == \at(c.buf, Pre) && c.cap == \at(c.cap, Pre);
        loop assigns i, c.pos, c.buf[0 .. c.cap - 1];
        loop variant n - i; */
    for (i = 0; i < n; i++) {
        c.buf[c.pos] = p[i];
        c.pos++;
    }
    return c;
}

/* Step 1: limits, field widths, total length (st RK_OK, or the error). */
typedef struct {
    rk_status st;
    size_t total;
} measure_t;

/*@ requires \valid_read(m) && rk_mikey_msg_readable(m);
    assigns \nothing;
    ensures \result.st == RK_OK || (-699 <= \result.st <= -600) || \result.st == RK_ERR_LENGTH;
    ensures \result.st == RK_OK ==> \result.total <= 4096 && m->n_genext_before_sakke <= m->n_genext; */
static measure_t measure(const rk_mikey_msg *m)
{
    measure_t r;
    size_t t = 10, i;
    r.st = RK_OK;
    r.total = 0;
    if (m->n_cs > RK_MIKEY_MAX_CS) {
        r.st = RK_ERR_MIKEY_CS_LIMIT;
        return r;
    }
    /*@ loop invariant 0 <= i <= m->n_cs && t <= 4096 && r.st == RK_OK;
        loop assigns i, t, r;
        loop variant m->n_cs - i; */
    for (i = 0; i < m->n_cs; i++) {
        if (m->cs[i].n_policies > 127 || m->cs[i].session_data_len > 65535 || m->cs[i].spi_len > 255) {
            r.st = RK_ERR_LENGTH;
            return r;
        }
        t += 3 + m->cs[i].n_policies + 2 + m->cs[i].session_data_len + 1 + m->cs[i].spi_len;
        if (t > RK_MIKEY_MAX_BYTES) {
            r.st = RK_ERR_MIKEY_TOO_LONG;
            return r;
        }
    }
    if (m->rand_len < RK_MIKEY_RAND_MIN_BYTES || m->rand_len > RK_MIKEY_RAND_MAX_BYTES) {
        r.st = RK_ERR_MIKEY_RAND_LENGTH;
        return r;
    }
    t += 10 + 2 + m->rand_len;
    if (t > RK_MIKEY_MAX_BYTES || m->n_idr > RK_MIKEY_MAX_IDR) {
        r.st = t > RK_MIKEY_MAX_BYTES ? RK_ERR_MIKEY_TOO_LONG : RK_ERR_LENGTH;
        return r;
    }
    /*@ loop invariant 0 <= i <= m->n_idr && t <= 4096 && r.st == RK_OK;
        loop assigns i, t, r;
        loop variant m->n_idr - i; */
    for (i = 0; i < m->n_idr; i++) {
        if (m->idr[i].id_len > 65535) {
            r.st = RK_ERR_MIKEY_IDR_LENGTH;
            return r;
        }
        t += 5 + m->idr[i].id_len;
        if (t > RK_MIKEY_MAX_BYTES) {
            r.st = RK_ERR_MIKEY_TOO_LONG;
            return r;
        }
    }
    if (m->has_sp) {
        if (m->sp_params_len > 65535) {
            r.st = RK_ERR_MIKEY_SP_PARAMS;
            return r;
        }
        t += 5 + m->sp_params_len;
    }
    t += RK_MIKEY_SAKKE_PAYLOAD_BYTES;
    if (t > RK_MIKEY_MAX_BYTES) {
        r.st = RK_ERR_MIKEY_TOO_LONG;
        return r;
    }
    if (m->n_genext > RK_MIKEY_MAX_GENEXT) {
        r.st = RK_ERR_MIKEY_GENEXT_LIMIT;
        return r;
    }
    if (m->n_genext_before_sakke > m->n_genext) {
        r.st = RK_ERR_LENGTH;
        return r;
    }
    /*@ loop invariant 0 <= i <= m->n_genext && t <= 4096 && r.st == RK_OK;
        loop assigns i, t, r;
        loop variant m->n_genext - i; */
    for (i = 0; i < m->n_genext; i++) {
        if (m->genext[i].len > 65535) {
            r.st = RK_ERR_MIKEY_GENEXT_LENGTH;
            return r;
        }
        t += 4 + m->genext[i].len;
        if (t > RK_MIKEY_MAX_BYTES) {
            r.st = RK_ERR_MIKEY_TOO_LONG;
            return r;
        }
    }
    t += 2 + RK_MIKEY_SIGN_BYTES;
    if (t > RK_MIKEY_MAX_BYTES) {
        r.st = RK_ERR_MIKEY_TOO_LONG;
        return r;
    }
    r.total = t;
    return r;
}

/* The payload at position i of the order T RAND IDR.. [SP]
 * GENEXT(before).. SAKKE GENEXT(after).. SIGN, and which IDR / extension. */
typedef struct {
    uint8_t kind;
    size_t idx;
} slot_t;

/*@ requires \valid_read(m) && m->n_idr <= 4 && m->n_genext <= 4;
    requires m->n_genext_before_sakke <= m->n_genext;
    assigns \nothing;
    ensures \result.kind == 14 ==> \result.idx < m->n_idr;
    ensures \result.kind == 21 ==> \result.idx < m->n_genext;
    ensures \result.kind == 10 ==> m->has_sp != 0; */
static slot_t slot_at(const rk_mikey_msg *m, size_t i)
{
    slot_t r;
    size_t nb = m->n_genext_before_sakke;
    r.idx = 0;
    r.kind = RK_MIKEY_PT_SIGN;
    if (i == 0) { r.kind = RK_MIKEY_PT_T; return r; }
    if (i == 1) { r.kind = RK_MIKEY_PT_RAND; return r; }
    i -= 2;
    if (i < m->n_idr) { r.kind = RK_MIKEY_PT_IDR; r.idx = i; return r; }
    i -= m->n_idr;
    if (m->has_sp) {
        if (i == 0) { r.kind = RK_MIKEY_PT_SP; return r; }
        i -= 1;
    }
    if (i < nb) { r.kind = RK_MIKEY_PT_GENEXT; r.idx = i; return r; }
    i -= nb;
    if (i == 0) { r.kind = RK_MIKEY_PT_SAKKE; return r; }
    i -= 1;
    if (i < m->n_genext - nb) { r.kind = RK_MIKEY_PT_GENEXT; r.idx = nb + i; return r; }
    return r;
}

/* Step 2: write every payload (ns of them after HDR). */
/*@ requires cur_ok(c);
    requires \valid_read(m) && rk_mikey_msg_readable(m);
    requires m->n_genext_before_sakke <= m->n_genext;
    requires ns == 2 + m->n_idr + (m->has_sp != 0 ? 1 : 0) + m->n_genext + 2;
    requires \separated(c.buf + (0 .. c.cap - 1), m);
    assigns c.buf[0 .. c.cap - 1];
    ensures cur_ok(\result) && \result.buf == c.buf && \result.cap == c.cap; */
static cursor write_all(cursor c, const rk_mikey_msg *m, size_t ns)
{
    /* The loops name the buffer by its value at entry: a loop-assigns
     * location is read in a state where the havocked c is unconstrained,
     * so c.buf[0 .. c.cap - 1] there could not be tied to the contract's. */
    size_t i, k;
    /* HDR (RFC 3830 6.1): version 1, SAKKE msg, next, V = 0 | PRF 1, CSB ID,
     * #CS, map type, GENERIC-ID map info (RFC 6043 6.1.1) */
    c = put_u8(c, RK_MIKEY_VERSION);
    c = put_u8(c, RK_MIKEY_DATA_TYPE_SAKKE);
    c = put_u8(c, RK_MIKEY_PT_T);
    c = put_u8(c, RK_MIKEY_PRF_HMAC_SHA256);
    c = put_u32(c, m->csb_id);
    c = put_u8(c, m->n_cs);
    c = put_u8(c, m->n_cs == 0 ? RK_MIKEY_MAP_EMPTY : RK_MIKEY_MAP_GENERIC_ID);
    /*@ loop invariant 0 <= k <= m->n_cs;
        loop invariant cur_ok(c) && c.buf == \at(c.buf, Pre) && c.cap == \at(c.cap, Pre);
        loop assigns k, c, *(\at(c.buf, Pre) + (0 .. \at(c.cap, Pre) - 1));
        loop variant m->n_cs - k; */
    for (k = 0; k < m->n_cs; k++) {
        c = put_u8(c, m->cs[k].cs_id);
        c = put_u8(c, m->cs[k].prot_type);
        c = put_u8(c, (m->cs[k].s_flag != 0 ? 128u : 0u) + m->cs[k].n_policies);
        c = put_bytes(c, m->cs[k].policies, m->cs[k].n_policies);
        c = put_u16(c, m->cs[k].session_data_len);
        c = put_bytes(c, m->cs[k].session_data, m->cs[k].session_data_len);
        c = put_u8(c, m->cs[k].spi_len);
        c = put_bytes(c, m->cs[k].spi, m->cs[k].spi_len);
    }
    /*@ loop invariant 0 <= i <= ns;
        loop invariant cur_ok(c) && c.buf == \at(c.buf, Pre) && c.cap == \at(c.cap, Pre);
        loop assigns i, k, c, *(\at(c.buf, Pre) + (0 .. \at(c.cap, Pre) - 1));
        loop variant ns - i; */
    for (i = 0; i < ns; i++) {
        slot_t s = slot_at(m, i);
        uint8_t nx = i + 1 < ns ? slot_at(m, i + 1).kind : RK_MIKEY_PT_LAST;
        size_t j = s.idx;
        switch (s.kind) {
        case RK_MIKEY_PT_T:            /* RFC 3830 6.6, NTP-UTC */
            c = put_u8(c, nx);
            c = put_u8(c, RK_MIKEY_TS_NTP_UTC);
            c = put_u32(c, m->ts_sec);
            c = put_u32(c, m->ts_frac);
            break;
        case RK_MIKEY_PT_RAND:         /* RFC 3830 6.11 */
            c = put_u8(c, nx);
            c = put_u8(c, m->rand_len);
            c = put_bytes(c, m->rand, m->rand_len);
            break;
        case RK_MIKEY_PT_IDR:          /* RFC 6043 6.6 */
            c = put_u8(c, nx);
            c = put_u8(c, m->idr[j].role);
            c = put_u8(c, m->idr[j].id_type);
            c = put_u16(c, m->idr[j].id_len);
            c = put_bytes(c, m->idr[j].id, m->idr[j].id_len);
            break;
        case RK_MIKEY_PT_SP:           /* RFC 3830 6.10 */
            c = put_u8(c, nx);
            c = put_u8(c, m->sp_policy_no);
            c = put_u8(c, m->sp_prot_type);
            c = put_u16(c, m->sp_params_len);
            c = put_bytes(c, m->sp_params, m->sp_params_len);
            break;
        case RK_MIKEY_PT_SAKKE:        /* RFC 6509 4.2: set 1, scheme 2 */
            c = put_u8(c, nx);
            c = put_u8(c, RK_MIKEY_SAKKE_PARAMS_1);
            c = put_u8(c, RK_MIKEY_SAKKE_SCHEME_UID);
            c = put_u16(c, RK_MIKEY_SAKKE_DATA_BYTES);
            c = put_bytes(c, m->sakke_data, RK_MIKEY_SAKKE_DATA_BYTES);
            break;
        case RK_MIKEY_PT_GENEXT:       /* RFC 3830 6.15 */
            c = put_u8(c, nx);
            c = put_u8(c, m->genext[j].type);
            c = put_u16(c, m->genext[j].len);
            c = put_bytes(c, m->genext[j].data, m->genext[j].len);
            break;
        default:                       /* SIGN, RFC 6509 4.3: type 2, 129 */
            c = put_u8(c, RK_MIKEY_SIGN_ECCSI * 16u + RK_MIKEY_SIGN_BYTES / 256u);
            c = put_u8(c, RK_MIKEY_SIGN_BYTES % 256u);
            if (m->signature != NULL) {
                c = put_bytes(c, m->signature, RK_MIKEY_SIGN_BYTES);
            } else {
                /*@ loop invariant 0 <= k <= 129;
                    loop invariant cur_ok(c) && c.buf == \at(c.buf, Pre) && c.cap == \at(c.cap, Pre);
                    loop assigns k, c, *(\at(c.buf, Pre) + (0 .. \at(c.cap, Pre) - 1));
                    loop variant 129 - k; */
                for (k = 0; k < RK_MIKEY_SIGN_BYTES; k++)
                    c = put_u8(c, 0);
            }
            break;
        }
    }
    return c;
}

rk_status rk_mikey_encode(uint8_t *out, size_t cap, size_t *out_len,
                          size_t *signed_len, const rk_mikey_msg *m)
{
    rk_status st;
    measure_t ms;
    size_t ns, n = 0, sl = 0;
    cursor c;
    rk_mikey_view v;

    if (out_len == NULL || signed_len == NULL)
        return RK_ERR_NULL;
    /* the outputs are written once, at the end (single exit) */
    st = RK_ERR_NULL;
    if (out == NULL || m == NULL || m->sakke_data == NULL || m->rand == NULL)
        goto done;
    ms = measure(m);
    st = ms.st;
    if (st != RK_OK)
        goto done;
    st = RK_ERR_BUFFER;
    if (ms.total > cap)
        goto done;
    ns = 2 + m->n_idr + (m->has_sp != 0 ? 1u : 0u) + m->n_genext + 2;
    c.buf = out;
    c.cap = cap;
    c.pos = 0;
    c.err = 0;
    c = write_all(c, m, ns);
    n = c.pos;
    /*@ assert n <= cap; */
    if (c.err != 0 || n != ms.total) {
        rk_wipe(out, n);
        st = RK_ERR_INTERNAL;
        goto done;
    }
    /* step 3: the parser is the specification of what may be emitted */
    st = rk_mikey_parse(&v, out, n);
    if (st != RK_OK) {
        rk_wipe(out, n);
        goto done;
    }
    /*@ assert v.signed_range.len == v.sign.off + 2 && v.sign.off + 131 == n; */
    sl = v.signed_range.len;
    /*@ assert sl + 129 == n; */
done:
    if (st != RK_OK) {
        n = 0;
        sl = 0;
    }
    *out_len = n;
    *signed_len = sl;
    return st;
}
