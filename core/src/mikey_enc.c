/* see rootkey/mikey.h
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

typedef struct {
    uint8_t *buf;
    size_t cap;
    size_t pos;
    int err;
} cursor;

/*@ predicate cur_ok(cursor *c) =
        c->pos <= c->cap && c->cap <= 0x7fffffff && \valid(c->buf + (0 .. c->cap - 1));
*/

/*@ requires \valid(c) && cur_ok(c);
    requires \separated(c, c->buf + (0 .. c->cap - 1));
    assigns c->pos, c->err, c->buf[0 .. c->cap - 1];
    ensures cur_ok(c) && c->buf == \old(c->buf) && c->cap == \old(c->cap);
    ensures \old(c->pos) <= c->pos <= \old(c->pos) + 1; */
static void put_u8(cursor *c, size_t x)
{
    if (c->pos >= c->cap) {
        c->err = 1;
        return;
    }
    c->buf[c->pos] = (uint8_t)(x % 256u);
    c->pos++;
}

/*@ requires \valid(c) && cur_ok(c);
    requires \separated(c, c->buf + (0 .. c->cap - 1));
    assigns c->pos, c->err, c->buf[0 .. c->cap - 1];
    ensures cur_ok(c) && c->buf == \old(c->buf) && c->cap == \old(c->cap);
    ensures \old(c->pos) <= c->pos; */
static void put_u16(cursor *c, size_t x)
{
    put_u8(c, (x / 256u) % 256u);
    put_u8(c, x % 256u);
}

/*@ requires \valid(c) && cur_ok(c);
    requires \separated(c, c->buf + (0 .. c->cap - 1));
    assigns c->pos, c->err, c->buf[0 .. c->cap - 1];
    ensures cur_ok(c) && c->buf == \old(c->buf) && c->cap == \old(c->cap);
    ensures \old(c->pos) <= c->pos; */
static void put_u32(cursor *c, uint32_t x)
{
    put_u16(c, x / 65536u);
    put_u16(c, x % 65536u);
}

/*@ requires \valid(c) && cur_ok(c);
    requires \valid_read(p + (0 .. n - 1));
    requires \separated(c, c->buf + (0 .. c->cap - 1));
    requires \separated(c, p + (0 .. n - 1));
    assigns c->pos, c->err, c->buf[0 .. c->cap - 1];
    ensures cur_ok(c) && c->buf == \old(c->buf) && c->cap == \old(c->cap);
    ensures \old(c->pos) <= c->pos; */
static void put_bytes(cursor *c, const uint8_t *p, size_t n)
{
    size_t i;
    if (c->cap - c->pos < n) {
        c->err = 1;
        return;
    }
    /*@ loop invariant 0 <= i <= n;
        loop invariant c->pos == \at(c->pos, Pre) + i && c->pos <= c->cap;
        loop invariant c->buf == \at(c->buf, Pre) && c->cap == \at(c->cap, Pre);
        loop assigns i, c->pos, c->buf[0 .. c->cap - 1];
        loop variant n - i; */
    for (i = 0; i < n; i++) {
        c->buf[c->pos] = p[i];
        c->pos++;
    }
}

/* Payload kinds in writing order (next-payload numbers of RFC 3830 6.1). */
#define SEQ_MAX 14   /* T RAND IDR x4 SP GENEXT x4 SAKKE SIGN = 13, plus one spare */

/*@ predicate seq_ok(uint8_t *kind, size_t *idx, integer ns, rk_mikey_msg *m) =
        1 <= ns <= 14 &&
        (\forall integer i; 0 <= i < ns ==>
            (kind[i] == 14 ==> idx[i] < m->n_idr) &&
            (kind[i] == 21 ==> idx[i] < m->n_genext) &&
            (kind[i] == 10 ==> m->has_sp != 0));
*/

/* Step 1: limits, field widths, total length. */
/*@ requires \valid_read(m) && rk_mikey_msg_readable(m);
    requires \valid(total);
    requires \separated(total, m);
    assigns *total;
    ensures \result == RK_OK || (-699 <= \result <= -600) || \result == RK_ERR_LENGTH;
    ensures \result == RK_OK ==> *total <= 4096; */
static rk_status measure(const rk_mikey_msg *m, size_t *total)
{
    size_t t = 10, i;
    *total = 0;
    if (m->n_cs > RK_MIKEY_MAX_CS)
        return RK_ERR_MIKEY_CS_LIMIT;
    /*@ loop invariant 0 <= i <= m->n_cs && t <= 4096;
        loop assigns i, t;
        loop variant m->n_cs - i; */
    for (i = 0; i < m->n_cs; i++) {
        const rk_mikey_cs_in *c = &m->cs[i];
        if (c->n_policies > 127 || c->session_data_len > 65535 || c->spi_len > 255)
            return RK_ERR_LENGTH;
        t += 3 + c->n_policies + 2 + c->session_data_len + 1 + c->spi_len;
        if (t > RK_MIKEY_MAX_BYTES)
            return RK_ERR_MIKEY_TOO_LONG;
    }
    if (m->rand_len < RK_MIKEY_RAND_MIN_BYTES || m->rand_len > RK_MIKEY_RAND_MAX_BYTES)
        return RK_ERR_MIKEY_RAND_LENGTH;
    t += 10 + 2 + m->rand_len;
    if (t > RK_MIKEY_MAX_BYTES)
        return RK_ERR_MIKEY_TOO_LONG;
    if (m->n_idr > RK_MIKEY_MAX_IDR)
        return RK_ERR_LENGTH;
    /*@ loop invariant 0 <= i <= m->n_idr && t <= 4096;
        loop assigns i, t;
        loop variant m->n_idr - i; */
    for (i = 0; i < m->n_idr; i++) {
        if (m->idr[i].id_len > 65535)
            return RK_ERR_MIKEY_IDR_LENGTH;
        t += 5 + m->idr[i].id_len;
        if (t > RK_MIKEY_MAX_BYTES)
            return RK_ERR_MIKEY_TOO_LONG;
    }
    if (m->has_sp) {
        if (m->sp_params_len > 65535)
            return RK_ERR_MIKEY_SP_PARAMS;
        t += 5 + m->sp_params_len;
        if (t > RK_MIKEY_MAX_BYTES)
            return RK_ERR_MIKEY_TOO_LONG;
    }
    t += RK_MIKEY_SAKKE_PAYLOAD_BYTES;
    if (t > RK_MIKEY_MAX_BYTES)
        return RK_ERR_MIKEY_TOO_LONG;
    if (m->n_genext > RK_MIKEY_MAX_GENEXT)
        return RK_ERR_MIKEY_GENEXT_LIMIT;
    if (m->n_genext_before_sakke > m->n_genext)
        return RK_ERR_LENGTH;
    /*@ loop invariant 0 <= i <= m->n_genext && t <= 4096;
        loop assigns i, t;
        loop variant m->n_genext - i; */
    for (i = 0; i < m->n_genext; i++) {
        if (m->genext[i].len > 65535)
            return RK_ERR_MIKEY_GENEXT_LENGTH;
        t += 4 + m->genext[i].len;
        if (t > RK_MIKEY_MAX_BYTES)
            return RK_ERR_MIKEY_TOO_LONG;
    }
    t += 2 + RK_MIKEY_SIGN_BYTES;
    if (t > RK_MIKEY_MAX_BYTES)
        return RK_ERR_MIKEY_TOO_LONG;
    *total = t;
    return RK_OK;
}

/* The payload order: T RAND IDR.. [SP] GENEXT(before).. SAKKE GENEXT(after).. SIGN */
/*@ requires \valid_read(m) && m->n_idr <= 4 && m->n_genext <= 4;
    requires m->n_genext_before_sakke <= m->n_genext;
    requires \valid(kind + (0 .. 13)) && \valid(idx + (0 .. 13));
    requires \separated(kind + (0 .. 13), idx + (0 .. 13), m);
    assigns kind[0 .. 13], idx[0 .. 13];
    ensures seq_ok(kind, idx, \result, m);
    ensures kind[\result - 1] == 4; */
static size_t plan(const rk_mikey_msg *m, uint8_t *kind, size_t *idx)
{
    size_t n = 0, i;
    kind[n] = RK_MIKEY_PT_T; idx[n] = 0; n++;
    kind[n] = RK_MIKEY_PT_RAND; idx[n] = 0; n++;
    /*@ loop invariant 0 <= i <= m->n_idr && n == 2 + i;
        loop invariant \forall integer j; 0 <= j < n ==>
            (kind[j] == 14 ==> idx[j] < m->n_idr) && kind[j] != 21 && kind[j] != 10;
        loop assigns i, n, kind[0 .. 13], idx[0 .. 13];
        loop variant m->n_idr - i; */
    for (i = 0; i < m->n_idr; i++) {
        kind[n] = RK_MIKEY_PT_IDR; idx[n] = i; n++;
    }
    if (m->has_sp) {
        kind[n] = RK_MIKEY_PT_SP; idx[n] = 0; n++;
    }
    /*@ loop invariant 0 <= i <= m->n_genext_before_sakke && n <= 7 + i;
        loop invariant \forall integer j; 0 <= j < n ==>
            (kind[j] == 14 ==> idx[j] < m->n_idr) && (kind[j] == 21 ==> idx[j] < m->n_genext) &&
            (kind[j] == 10 ==> m->has_sp != 0);
        loop assigns i, n, kind[0 .. 13], idx[0 .. 13];
        loop variant m->n_genext_before_sakke - i; */
    for (i = 0; i < m->n_genext_before_sakke; i++) {
        kind[n] = RK_MIKEY_PT_GENEXT; idx[n] = i; n++;
    }
    kind[n] = RK_MIKEY_PT_SAKKE; idx[n] = 0; n++;
    /*@ loop invariant m->n_genext_before_sakke <= i <= m->n_genext;
        loop invariant n <= 8 + i;
        loop invariant \forall integer j; 0 <= j < n ==>
            (kind[j] == 14 ==> idx[j] < m->n_idr) && (kind[j] == 21 ==> idx[j] < m->n_genext) &&
            (kind[j] == 10 ==> m->has_sp != 0);
        loop assigns i, n, kind[0 .. 13], idx[0 .. 13];
        loop variant m->n_genext - i; */
    for (i = m->n_genext_before_sakke; i < m->n_genext; i++) {
        kind[n] = RK_MIKEY_PT_GENEXT; idx[n] = i; n++;
    }
    kind[n] = RK_MIKEY_PT_SIGN; idx[n] = 0; n++;
    return n;
}

/* Step 2: write every payload; nx is the next-payload octet of each. */
/*@ requires \valid(c) && cur_ok(c);
    requires \valid_read(m) && rk_mikey_msg_readable(m);
    requires m->n_genext_before_sakke <= m->n_genext;
    requires \valid_read(kind + (0 .. 13)) && \valid_read(idx + (0 .. 13));
    requires seq_ok(kind, idx, ns, m);
    requires \separated(c, c->buf + (0 .. c->cap - 1));
    requires \separated(c, m, kind + (0 .. 13), idx + (0 .. 13));
    requires \separated(c->buf + (0 .. c->cap - 1), m, kind + (0 .. 13), idx + (0 .. 13));
    requires \forall integer i; 0 <= i < m->n_cs ==>
        \separated(c, m->cs[i].policies + (0 .. m->cs[i].n_policies - 1),
                   m->cs[i].session_data + (0 .. m->cs[i].session_data_len - 1),
                   m->cs[i].spi + (0 .. m->cs[i].spi_len - 1));
    requires \separated(c, m->rand + (0 .. m->rand_len - 1), m->sakke_data + (0 .. 272));
    requires \forall integer i; 0 <= i < m->n_idr ==> \separated(c, m->idr[i].id + (0 .. m->idr[i].id_len - 1));
    requires m->has_sp != 0 ==> \separated(c, m->sp_params + (0 .. m->sp_params_len - 1));
    requires \forall integer i; 0 <= i < m->n_genext ==>
        \separated(c, m->genext[i].data + (0 .. m->genext[i].len - 1));
    requires m->signature != \null ==> \separated(c, m->signature + (0 .. 128));
    assigns c->pos, c->err, c->buf[0 .. c->cap - 1];
    ensures cur_ok(c) && c->buf == \old(c->buf) && c->cap == \old(c->cap); */
static void write_all(cursor *c, const rk_mikey_msg *m, const uint8_t *kind,
                      const size_t *idx, size_t ns)
{
    size_t i, k;
    /* HDR (RFC 3830 6.1): version 1, SAKKE msg, next, V = 0 | PRF 1, CSB ID,
     * #CS, map type, GENERIC-ID map info (RFC 6043 6.1.1) */
    put_u8(c, RK_MIKEY_VERSION);
    put_u8(c, RK_MIKEY_DATA_TYPE_SAKKE);
    put_u8(c, kind[0]);
    put_u8(c, RK_MIKEY_PRF_HMAC_SHA256);
    put_u32(c, m->csb_id);
    put_u8(c, m->n_cs);
    put_u8(c, m->n_cs == 0 ? RK_MIKEY_MAP_EMPTY : RK_MIKEY_MAP_GENERIC_ID);
    /*@ loop invariant 0 <= k <= m->n_cs;
        loop invariant cur_ok(c) && c->buf == \at(c->buf, Pre) && c->cap == \at(c->cap, Pre);
        loop assigns k, c->pos, c->err, c->buf[0 .. c->cap - 1];
        loop variant m->n_cs - k; */
    for (k = 0; k < m->n_cs; k++) {
        const rk_mikey_cs_in *s = &m->cs[k];
        put_u8(c, s->cs_id);
        put_u8(c, s->prot_type);
        put_u8(c, (s->s_flag != 0 ? 128u : 0u) + s->n_policies);
        put_bytes(c, s->policies, s->n_policies);
        put_u16(c, s->session_data_len);
        put_bytes(c, s->session_data, s->session_data_len);
        put_u8(c, s->spi_len);
        put_bytes(c, s->spi, s->spi_len);
    }
    /*@ loop invariant 0 <= i <= ns;
        loop invariant cur_ok(c) && c->buf == \at(c->buf, Pre) && c->cap == \at(c->cap, Pre);
        loop assigns i, c->pos, c->err, c->buf[0 .. c->cap - 1];
        loop variant ns - i; */
    for (i = 0; i < ns; i++) {
        uint8_t nx = i + 1 < ns ? kind[i + 1] : RK_MIKEY_PT_LAST;
        size_t j = idx[i];
        switch (kind[i]) {
        case RK_MIKEY_PT_T:            /* RFC 3830 6.6, NTP-UTC */
            put_u8(c, nx);
            put_u8(c, RK_MIKEY_TS_NTP_UTC);
            put_u32(c, m->ts_sec);
            put_u32(c, m->ts_frac);
            break;
        case RK_MIKEY_PT_RAND:         /* RFC 3830 6.11 */
            put_u8(c, nx);
            put_u8(c, m->rand_len);
            put_bytes(c, m->rand, m->rand_len);
            break;
        case RK_MIKEY_PT_IDR:          /* RFC 6043 6.6 */
            put_u8(c, nx);
            put_u8(c, m->idr[j].role);
            put_u8(c, m->idr[j].id_type);
            put_u16(c, m->idr[j].id_len);
            put_bytes(c, m->idr[j].id, m->idr[j].id_len);
            break;
        case RK_MIKEY_PT_SP:           /* RFC 3830 6.10 */
            put_u8(c, nx);
            put_u8(c, m->sp_policy_no);
            put_u8(c, m->sp_prot_type);
            put_u16(c, m->sp_params_len);
            put_bytes(c, m->sp_params, m->sp_params_len);
            break;
        case RK_MIKEY_PT_SAKKE:        /* RFC 6509 4.2: set 1, scheme 2 */
            put_u8(c, nx);
            put_u8(c, RK_MIKEY_SAKKE_PARAMS_1);
            put_u8(c, RK_MIKEY_SAKKE_SCHEME_UID);
            put_u16(c, RK_MIKEY_SAKKE_DATA_BYTES);
            put_bytes(c, m->sakke_data, RK_MIKEY_SAKKE_DATA_BYTES);
            break;
        case RK_MIKEY_PT_GENEXT:       /* RFC 3830 6.15 */
            put_u8(c, nx);
            put_u8(c, m->genext[j].type);
            put_u16(c, m->genext[j].len);
            put_bytes(c, m->genext[j].data, m->genext[j].len);
            break;
        default:                       /* SIGN, RFC 6509 4.3: type 2, 129 */
            put_u8(c, RK_MIKEY_SIGN_ECCSI * 16u + RK_MIKEY_SIGN_BYTES / 256u);
            put_u8(c, RK_MIKEY_SIGN_BYTES % 256u);
            if (m->signature != NULL) {
                put_bytes(c, m->signature, RK_MIKEY_SIGN_BYTES);
            } else {
                /*@ loop invariant 0 <= k <= 129;
                    loop invariant cur_ok(c) && c->buf == \at(c->buf, Pre) && c->cap == \at(c->cap, Pre);
                    loop assigns k, c->pos, c->err, c->buf[0 .. c->cap - 1];
                    loop variant 129 - k; */
                for (k = 0; k < RK_MIKEY_SIGN_BYTES; k++)
                    put_u8(c, 0);
            }
            break;
        }
    }
}

rk_status rk_mikey_encode(uint8_t *out, size_t cap, size_t *out_len,
                          size_t *signed_len, const rk_mikey_msg *m)
{
    rk_status st;
    size_t total = 0, ns, n = 0, sl = 0;
    uint8_t kind[SEQ_MAX];
    size_t idx[SEQ_MAX];
    cursor c;
    rk_mikey_view v;

    if (out_len == NULL || signed_len == NULL)
        return RK_ERR_NULL;
    /* the outputs are written once, at the end (single exit) */
    st = RK_ERR_NULL;
    if (out == NULL || m == NULL || m->sakke_data == NULL || m->rand == NULL)
        goto done;
    st = measure(m, &total);
    if (st != RK_OK)
        goto done;
    st = RK_ERR_BUFFER;
    if (total > cap)
        goto done;
    ns = plan(m, kind, idx);
    c.buf = out;
    c.cap = cap;
    c.pos = 0;
    c.err = 0;
    write_all(&c, m, kind, idx, ns);
    n = c.pos;
    /*@ assert n <= cap; */
    if (c.err != 0 || n != total) {
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
    /*@ assert rk_mikey_view_ok(&v, n); */
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
