/* SPDX-License-Identifier: Apache-2.0
 * rootkey/mikey.h - the MIKEY-SAKKE I_MESSAGE codec (RFC 3830, RFC 6043,
 * RFC 6509, as profiled by TS 33.180 Annex E for mission-critical keys).
 *
 * Parser (rk_mikey_parse): allocation-free and copy-free.  It walks the
 * next-payload chain once and fills a caller-owned rk_mikey_view with the
 * offset and length of every payload and of every variable field inside it,
 * plus the decoded fixed fields.  Nothing is verified cryptographically here:
 * the caller feeds view.signed_range to ECCSI (RFC 6507), view.sakke_data to
 * SAKKE (RFC 6508) and each General Extension to its own decoder (type 7:
 * rootkey/keyparams.h).
 *
 * What is accepted (what deployed MC stacks send, docs/mikey.md has the
 * evidence) and nothing else:
 *   HDR   version 1, data type 26 (SAKKE msg), V = 0, PRF 1 (HMAC-SHA-256);
 *         #CS = 0 with map type 1 (empty map, no map info), or
 *         1 <= #CS <= RK_MIKEY_MAX_CS with map type 2 (GENERIC-ID, RFC 6043
 *         6.1.1).
 *   T     exactly one, right after HDR, TS type 0 (NTP-UTC, TS 33.180 E.1.1).
 *   RAND  exactly one, right after T, 16..32 octets.
 *   IDR   roles 1 (IDRi) or 8 (IDRuidi), 2 (IDRr) or 9 (IDRuidr), 6 (IDRkmsi),
 *         7 (IDRkmsr): each of the four exactly once, in any order, after
 *         RAND and before SP/SAKKE; ID type 1 (URI); roles 8/9 carry the
 *         32-octet TS 33.180 F.2.1 UID (TS 33.180 E.7, observed with type 1).
 *   SP    at most one, after the IDRs and before SAKKE; its parameter list
 *         must be well formed (type, length, value, exactly filling it).
 *   SAKKE exactly one, parameter set 1, ID scheme 2 (3GPP MCX hashed UID),
 *         273 octets of data (R || H).
 *   General Extension  types 6 (SAKKE-to-self, TS 33.180 E.5: the data is a
 *         complete 278-octet SAKKE payload), 7 (3GPP key parameters, E.6) and
 *         the private range 241..255; anywhere after HDR and before SIGN;
 *         each type at most once; at most RK_MIKEY_MAX_GENEXT; non-empty.
 *   SIGN  last, S type 2 (ECCSI), 129 octets, ending exactly at the end of
 *         the input.
 * Every other input is rejected with the code of the first rule it breaks
 * (the codes of the -600 block of rootkey/status.h, one per category).
 *
 * Encoder (rk_mikey_encode): writes a message of the same shape into a
 * caller buffer through a bounds-proved cursor.  The input is checked with
 * the rules above first and the total length is computed before the first
 * octet is written, so on error nothing has been written.
 *
 * CT: the parser and encoder branch on message structure (lengths, types,
 * roles), which is public; they never read secret data.  The SAKKE data and
 * the protected extension contents are only located, never interpreted.
 */
#ifndef ROOTKEY_MIKEY_H
#define ROOTKEY_MIKEY_H

#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* --- limits (documented in docs/mikey.md) -------------------------------- */
#define RK_MIKEY_MAX_BYTES 4096     /* longest accepted / encoded message */
#define RK_MIKEY_MAX_CS 4           /* crypto sessions in a GENERIC-ID map */
#define RK_MIKEY_MAX_IDR 4          /* one per accepted role pair */
#define RK_MIKEY_MAX_GENEXT 4       /* General Extension payloads */
#define RK_MIKEY_RAND_MIN_BYTES 16  /* RFC 3830 6.11: at least 128 bits */
#define RK_MIKEY_RAND_MAX_BYTES 32
#define RK_MIKEY_UID_BYTES 32       /* roles 8/9 (TS 33.180 F.2.1) */
#define RK_MIKEY_SAKKE_DATA_BYTES 273 /* R (257) || H (16), RFC 6509 4.2 */
#define RK_MIKEY_SAKKE_PAYLOAD_BYTES 278
#define RK_MIKEY_SIGN_BYTES 129     /* ECCSI r || s || PVT, RFC 6507 3.3 */

/* --- numbers (RFC 3830 6.1, IANA MIKEY registry, RFC 6043, RFC 6509) ----- */
#define RK_MIKEY_PT_LAST 0
#define RK_MIKEY_PT_SIGN 4
#define RK_MIKEY_PT_T 5
#define RK_MIKEY_PT_SP 10
#define RK_MIKEY_PT_RAND 11
#define RK_MIKEY_PT_IDR 14
#define RK_MIKEY_PT_GENEXT 21
#define RK_MIKEY_PT_SAKKE 26

#define RK_MIKEY_VERSION 1
#define RK_MIKEY_DATA_TYPE_SAKKE 26
#define RK_MIKEY_PRF_HMAC_SHA256 1
#define RK_MIKEY_MAP_EMPTY 1
#define RK_MIKEY_MAP_GENERIC_ID 2
#define RK_MIKEY_TS_NTP_UTC 0

#define RK_MIKEY_ROLE_IDRI 1
#define RK_MIKEY_ROLE_IDRR 2
#define RK_MIKEY_ROLE_IDRKMSI 6
#define RK_MIKEY_ROLE_IDRKMSR 7
#define RK_MIKEY_ROLE_IDRUIDI 8
#define RK_MIKEY_ROLE_IDRUIDR 9
#define RK_MIKEY_ID_TYPE_URI 1

#define RK_MIKEY_SAKKE_PARAMS_1 1
#define RK_MIKEY_SAKKE_SCHEME_UID 2
#define RK_MIKEY_GENEXT_SAKKE_TO_SELF 6
#define RK_MIKEY_GENEXT_KEY_PARAMS 7
#define RK_MIKEY_GENEXT_PRIVATE_MIN 241
#define RK_MIKEY_SIGN_ECCSI 2

/* A region of the caller's message: octets off .. off+len-1. */
typedef struct {
    size_t off;
    size_t len;
} rk_mikey_span;

/* One crypto session of a GENERIC-ID map (RFC 6043 6.1.1). */
typedef struct {
    uint8_t cs_id;
    uint8_t prot_type;
    uint8_t s_flag;            /* the S bit */
    uint8_t n_policies;        /* #P */
    rk_mikey_span policies;    /* the #P policy-number octets */
    rk_mikey_span session_data;
    rk_mikey_span spi;         /* e.g. GMK-ID || GUK-ID for a GMK */
} rk_mikey_cs;

/* One IDR payload (RFC 6043 6.6). */
typedef struct {
    rk_mikey_span at;          /* the whole payload */
    uint8_t role;
    uint8_t id_type;
    rk_mikey_span id;          /* ID Data */
} rk_mikey_idr;

/* One General Extension payload (RFC 3830 6.15). */
typedef struct {
    rk_mikey_span at;
    uint8_t type;
    rk_mikey_span data;
} rk_mikey_genext;

/*
 * The parse result.  Every span lies inside the parsed message.  `at` spans
 * cover a whole payload, including its next-payload octet.
 */
typedef struct {
    size_t total_len;          /* octets of the whole message */
    /* HDR, RFC 3830 6.1 */
    rk_mikey_span hdr;         /* off 0; 10 octets + map info */
    uint8_t version, data_type, v_flag, prf_func;
    uint32_t csb_id;
    uint8_t n_cs, map_type;
    rk_mikey_span map_info;    /* empty for map type 1 */
    rk_mikey_cs cs[RK_MIKEY_MAX_CS];
    /* T, RFC 3830 6.6 */
    rk_mikey_span t;
    uint8_t ts_type;
    uint32_t ts_sec, ts_frac;  /* NTP seconds since 1900 (era rule: hash.h) */
    /* RAND, RFC 3830 6.11 */
    rk_mikey_span rand;
    rk_mikey_span rand_value;
    /* IDR payloads in message order, and where each role is */
    size_t n_idr;
    rk_mikey_idr idr[RK_MIKEY_MAX_IDR];
    size_t idr_i, idr_r, idr_kmsi, idr_kmsr;   /* indices into idr[] */
    /* SP, RFC 3830 6.10 (has_sp 0 or 1) */
    size_t has_sp;
    rk_mikey_span sp;
    uint8_t sp_policy_no, sp_prot_type;
    rk_mikey_span sp_params;
    /* SAKKE, RFC 6509 4.2 */
    rk_mikey_span sakke;
    uint8_t sakke_params, sakke_id_scheme;
    rk_mikey_span sakke_data;  /* R || H */
    /* General Extensions in message order */
    size_t n_genext;
    rk_mikey_genext genext[RK_MIKEY_MAX_GENEXT];
    /* SIGN, RFC 3830 6.5 / RFC 6509 4.3 */
    rk_mikey_span sign;
    uint8_t sign_type;
    rk_mikey_span signature;
    /* What ECCSI signs: octet 0 through the two SIGN type/length octets */
    rk_mikey_span signed_range;
    /* parser state (meaningless after the call) */
    uint8_t rank_;
    uint8_t seen_t_, seen_rand_, seen_sakke_;
} rk_mikey_view;

/*@ predicate rk_span_in(rk_mikey_span s, integer n) =
        s.off <= n && s.len <= n - s.off;
    predicate rk_mikey_view_ok(rk_mikey_view *v, integer n) =
        v->total_len == n &&
        rk_span_in(v->hdr, n) && rk_span_in(v->map_info, n) &&
        rk_span_in(v->t, n) && rk_span_in(v->rand, n) && rk_span_in(v->rand_value, n) &&
        v->n_idr == 4 &&
        (\forall integer i; 0 <= i < 4 ==>
            rk_span_in(v->idr[i].at, n) && rk_span_in(v->idr[i].id, n)) &&
        v->idr_i < 4 && v->idr_r < 4 && v->idr_kmsi < 4 && v->idr_kmsr < 4 &&
        rk_span_in(v->sp, n) && rk_span_in(v->sp_params, n) &&
        rk_span_in(v->sakke, n) && rk_span_in(v->sakke_data, n) &&
        v->sakke_data.len == 273 &&
        v->n_genext <= 4 &&
        (\forall integer i; 0 <= i < v->n_genext ==>
            rk_span_in(v->genext[i].at, n) && rk_span_in(v->genext[i].data, n)) &&
        v->sign.len == 131 && v->sign.off + 131 == n &&
        v->signature.off == v->sign.off + 2 && v->signature.len == 129 &&
        v->signed_range.off == 0 && v->signed_range.len == v->sign.off + 2;
*/

/*
 * rk_mikey_parse - parse one I_MESSAGE (msg[0 .. len-1]) into *v.
 *
 * Inputs: msg of len octets (len <= RK_MIKEY_MAX_BYTES).  Output: *v, whose
 * spans index msg.  Errors: RK_ERR_MIKEY_* (the -600 block) for the first
 * broken rule (see status.h), RK_ERR_NULL; RK_ERR_INTERNAL if the final
 * consistency check of the view fails (unreachable: defence in depth).  On any error *v is all
 * zero.  msg is only read.
 *
 * CT: branches on the message structure only (public).
 */
/*@ requires \valid(v);
    requires \valid_read(msg + (0 .. len - 1));
    requires \separated(v, msg + (0 .. len - 1));
    assigns *v;
    ensures \result == RK_OK || (-699 <= \result <= -600) || \result == RK_ERR_NULL
        || \result == RK_ERR_INTERNAL;
    ensures \result == RK_OK ==> rk_mikey_view_ok(v, len) && len <= 4096;
    ensures \result != RK_OK ==> v->total_len == 0 && v->signed_range.len == 0
        && v->n_idr == 0 && v->n_genext == 0 && v->sakke_data.len == 0; */
RK_MUST_CHECK rk_status rk_mikey_parse(rk_mikey_view *v, const uint8_t *msg, size_t len);

/* --- encoder ------------------------------------------------------------ */

/* Input of one IDR payload. */
typedef struct {
    uint8_t role;
    uint8_t id_type;
    const uint8_t *id;
    size_t id_len;
} rk_mikey_idr_in;

/* Input of one General Extension payload. */
typedef struct {
    uint8_t type;
    const uint8_t *data;
    size_t len;
} rk_mikey_genext_in;

/* Input of one GENERIC-ID crypto session. */
typedef struct {
    uint8_t cs_id, prot_type, s_flag;
    const uint8_t *policies;   /* n_policies octets (<= 127) */
    size_t n_policies;
    const uint8_t *session_data;
    size_t session_data_len;   /* <= 65535 */
    const uint8_t *spi;
    size_t spi_len;            /* <= 255 */
} rk_mikey_cs_in;

/*
 * What rk_mikey_encode writes.  HDR version, data type, V and PRF are
 * fixed (1, 26, 0, 1).  n_cs = 0 gives the empty map (type 1); 1..4 a
 * GENERIC-ID map.  Payload order: HDR T RAND IDR... [SP] [GENEXT...] SAKKE
 * [GENEXT...] SIGN: the first n_genext_before_sakke extensions go before
 * SAKKE (the ALEA order), the others after it (the Streamwide order).
 * signature may be NULL: 129 zero octets are written, for the caller to
 * fill after signing out[signed_range].
 */
typedef struct {
    uint32_t csb_id;
    size_t n_cs;
    rk_mikey_cs_in cs[RK_MIKEY_MAX_CS];
    uint32_t ts_sec, ts_frac;
    const uint8_t *rand;
    size_t rand_len;
    size_t n_idr;
    rk_mikey_idr_in idr[RK_MIKEY_MAX_IDR];
    size_t has_sp;
    uint8_t sp_policy_no, sp_prot_type;
    const uint8_t *sp_params;
    size_t sp_params_len;
    const uint8_t *sakke_data; /* 273 octets */
    size_t n_genext;
    size_t n_genext_before_sakke;
    rk_mikey_genext_in genext[RK_MIKEY_MAX_GENEXT];
    const uint8_t *signature;  /* 129 octets, or NULL */
} rk_mikey_msg;

/*@ predicate rk_mikey_msg_readable(rk_mikey_msg *m) =
        m->n_cs <= 4 && m->n_idr <= 4 && m->n_genext <= 4 &&
        (\forall integer i; 0 <= i < m->n_cs ==>
            m->cs[i].n_policies <= 127 && m->cs[i].session_data_len <= 65535 &&
            m->cs[i].spi_len <= 255 &&
            \valid_read(m->cs[i].policies + (0 .. m->cs[i].n_policies - 1)) &&
            \valid_read(m->cs[i].session_data + (0 .. m->cs[i].session_data_len - 1)) &&
            \valid_read(m->cs[i].spi + (0 .. m->cs[i].spi_len - 1))) &&
        m->rand_len <= 4096 && \valid_read(m->rand + (0 .. m->rand_len - 1)) &&
        (\forall integer i; 0 <= i < m->n_idr ==>
            m->idr[i].id_len <= 4096 &&
            \valid_read(m->idr[i].id + (0 .. m->idr[i].id_len - 1))) &&
        m->sp_params_len <= 4096 &&
        (m->has_sp != 0 ==> \valid_read(m->sp_params + (0 .. m->sp_params_len - 1))) &&
        \valid_read(m->sakke_data + (0 .. 272)) &&
        (\forall integer i; 0 <= i < m->n_genext ==>
            m->genext[i].len <= 4096 &&
            \valid_read(m->genext[i].data + (0 .. m->genext[i].len - 1))) &&
        (m->signature != \null ==> \valid_read(m->signature + (0 .. 128)));
*/

/*
 * rk_mikey_encode - write the I_MESSAGE described by *m into out[0 .. cap-1]
 * and its length into *out_len; *signed_len receives the length of the
 * signed range (out[0 .. *signed_len-1]), the signature being the last
 * RK_MIKEY_SIGN_BYTES octets.
 *
 * Errors: the same RK_ERR_MIKEY_* codes the parser would give for the
 * described message (the encoder never writes what the parser rejects),
 * RK_ERR_MIKEY_TOO_LONG (over RK_MIKEY_MAX_BYTES), RK_ERR_BUFFER (cap too
 * small), RK_ERR_LENGTH (a count or field beyond its width: more than 4
 * IDRs, n_genext_before_sakke > n_genext, a CS field too long), RK_ERR_NULL,
 * RK_ERR_INTERNAL (the cursor refused a write: unreachable).  On any error
 * *out_len = *signed_len = 0 and out holds no part of a message: errors
 * found before writing leave it untouched; if the final self-check by the
 * parser fails, the octets written are zeroed.
 *
 * CT: branches on lengths and types only; the octets of SAKKE data,
 * extensions and signature are copied, never inspected.
 */
/*@ requires \valid(out_len) && \valid(signed_len);
    requires \valid(m) && rk_mikey_msg_readable(m);
    requires cap <= 0x7fffffff && \valid(out + (0 .. cap - 1));
    requires \separated(out + (0 .. cap - 1), out_len, signed_len, m);
    requires \separated(out_len, signed_len);
    assigns out[0 .. cap - 1], *out_len, *signed_len;
    ensures \result == RK_OK || (-699 <= \result <= -600) || \result == RK_ERR_BUFFER
        || \result == RK_ERR_NULL || \result == RK_ERR_INTERNAL || \result == RK_ERR_LENGTH;
    ensures \result == RK_OK ==> *out_len <= cap && *out_len <= 4096
        && *signed_len + 129 == *out_len;
    ensures \result != RK_OK ==> *out_len == 0 && *signed_len == 0; */
RK_MUST_CHECK rk_status rk_mikey_encode(uint8_t *out, size_t cap, size_t *out_len,
                                        size_t *signed_len, const rk_mikey_msg *m);

#ifdef __cplusplus
}
#endif
#endif
