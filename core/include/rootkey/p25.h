/* SPDX-License-Identifier: Apache-2.0
 * rootkey/p25.h - P25 OTAR key-management messages (KMMs) for traffic keys
 * sent after the root key: the KMM frame, the Modify Key Command body, TEK
 * wrap/unwrap under the UKEK (AES-KW), the two public KMM MAC forms, a pure
 * client-side "receive", and the TETRA opaque-blob unwrap.
 *
 * The authoritative text (TIA-102.AACA-C/-D) is not public.  Every layout
 * and algorithm here follows the public sources listed in docs/p25.md
 * (standards digest section 6, dvmhost, KFDtool); tags [I]/[X] there say
 * how sure we are of each item.
 *
 * Layout (docs/p25.md has the field-by-field table):
 *   frame  = MID(1) | length(2) | format(1) | dst RSI(3) | src RSI(3)
 *            | [MN(2)] | body | [MAC(8) | 08 | MAC ALGID | MAC key ID(2) | MAC format]
 *   length = number of octets after the length field.
 *   format = b7-6 response kind (0..2), b5-4 MN flag (00 absent, 10 present),
 *            b3-2 MAC type (00 none, 10 AES), b1 reserved (0), b0 done flag.
 *   Modify Key body = DIF(1: 00 or 40) | KEK ALGID | KEK key ID(2) | [MI(9)]
 *            | keyset ID | keyset ALGID | key length | number of keys
 *            | items: key format | SLN/CKR(2) | key ID(2) | key data(key length)
 *   The key length field counts the octets carried (an AES-256 TEK wrapped
 *   with AES-KW is 40), as in the AACA CMAC example vector.
 *
 * Division of labour: the core is pure.  It parses into views (offsets into
 * the caller's buffer plus decoded scalars), encodes through a bounded
 * cursor, computes and checks MACs, wraps and unwraps.  Replay state (the
 * last message number per source RSI), clocks and key storage belong to the
 * shim, which passes the stored values in and stores what comes out.
 *
 * Conventions: every fallible function returns rk_status; on any error every
 * output is zeroed (views included).  No heap, no I/O.  Frames are at most
 * RK_P25_KMM_MAX_BYTES octets.
 *
 * CT: the UKEK, the derived MAC keys and the TEKs are secret.  MAC
 * computation and TEK unwrap run in time independent of their values; the
 * MAC comparison reads every octet and decides once.  Frame octets,
 * lengths, RSIs, key IDs, ALGIDs and message numbers are public.
 */
#ifndef ROOTKEY_P25_H
#define ROOTKEY_P25_H

#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RK_P25_HEADER_BYTES 10          /* MID .. source RSI */
#define RK_P25_MN_BYTES 2
#define RK_P25_MAC_BYTES 8              /* AES MAC (the DES form's 4 is not supported) */
#define RK_P25_TRAILER_BYTES 13         /* MAC + length + ALGID + key ID + format */
#define RK_P25_MI_BYTES 9
#define RK_P25_KMM_MAX_BYTES 4096       /* our bound on a whole frame */
#define RK_P25_MK_FIXED_BYTES 8         /* Modify Key body without MI and items */
#define RK_P25_ITEM_FIXED_BYTES 5       /* key format + SLN + key ID */
#define RK_P25_TEK_MAX_BYTES 32
#define RK_P25_WRAPPED_MAX_BYTES 40
#define RK_P25_MAC_KEY_BYTES 32
#define RK_P25_RSI_MAX 0xffffffu

#define RK_P25_MID_MODIFY_KEY 0x13
#define RK_P25_MAC_TYPE_NONE 0
#define RK_P25_MAC_TYPE_AES 2
#define RK_P25_MAC_FORMAT_CBC 0x40
#define RK_P25_MAC_FORMAT_CMAC 0x41
#define RK_P25_DIF_NONE 0x00
#define RK_P25_DIF_MI 0x40
#define RK_P25_ALGID_AES256 0x84
#define RK_P25_ALGID_AES128 0x85
#define RK_P25_KEY_FORMAT_TEK 0x00

/*
 * rk_p25_kmm - view of a parsed frame.  Offsets index the caller's buffer.
 * mac_* fields are meaningful only when mac_type == RK_P25_MAC_TYPE_AES
 * (then mac_off = total_len - 13); otherwise they are 0.
 */
typedef struct {
    size_t total_len;        /* message length + 3 == the buffer length */
    size_t body_off;         /* 10, or 12 with a message number */
    size_t body_len;
    size_t mac_off;
    uint32_t dst_rsi;
    uint32_t src_rsi;
    uint16_t message_length;
    uint16_t mn;
    uint16_t mac_key_id;
    uint8_t message_id;
    uint8_t response_kind;
    uint8_t done;            /* format bit 0, as received */
    uint8_t has_mn;
    uint8_t mac_type;
    uint8_t mac_algid;
    uint8_t mac_format;
} rk_p25_kmm;

/* rk_p25_mk - view of a parsed Modify Key Command body. */
typedef struct {
    size_t mi_off;           /* offset of the 9-octet MI if has_mi, else 0 */
    size_t items_off;        /* offset of the first key item */
    size_t item_len;         /* 5 + key_len: every item has the same size */
    uint16_t kek_key_id;
    uint8_t dif;
    uint8_t has_mi;
    uint8_t kek_algid;
    uint8_t keyset_id;
    uint8_t keyset_algid;
    uint8_t key_len;         /* octets of key data per item */
    uint8_t n_keys;
} rk_p25_mk;

/* rk_p25_item - view of one key item. */
typedef struct {
    size_t data_off;         /* offset of key_len octets of key data */
    uint16_t sln;            /* SLN/CKR */
    uint16_t key_id;
    uint8_t key_format;
} rk_p25_item;

/*
 * rk_p25_mk_params - what the IWF puts in a Modify Key Command frame.
 * mac_format 0 builds a frame without MAC (MAC type 00); 0x40/0x41 builds
 * the AES trailer with MAC octets zero (rk_p25_mac_apply fills them).
 * The trailer's MAC ALGID/key ID are kek_algid/kek_key_id: in rootkey the
 * root key both wraps the TEKs and keys the MAC.  mi == NULL: DIF 0x00.
 */
typedef struct {
    const uint8_t *mi;       /* NULL or 9 octets */
    uint32_t dst_rsi;        /* <= 0xffffff */
    uint32_t src_rsi;        /* <= 0xffffff */
    uint16_t mn;
    uint16_t kek_key_id;
    uint8_t has_mn;          /* 0 or 1 */
    uint8_t response_kind;   /* 0..2 */
    uint8_t mac_format;      /* 0, 0x40, 0x41 */
    uint8_t kek_algid;
    uint8_t keyset_id;
    uint8_t keyset_algid;
    uint8_t key_len;         /* 1..255 octets of key data per item */
} rk_p25_mk_params;

/* One key item to encode: key_len octets at data (NULL: key_len zero octets,
 * a placeholder rk_p25_build overwrites with the wrapped TEK). */
typedef struct {
    const uint8_t *data;
    uint16_t sln;
    uint16_t key_id;
    uint8_t key_format;      /* low 5 bits (key-name length) must be 0 */
} rk_p25_item_in;

/* A traffic key: plaintext TEK plus its identifiers (client output, IWF input). */
typedef struct {
    uint8_t key[RK_P25_TEK_MAX_BYTES];
    uint16_t key_id;
    uint16_t sln;
    uint8_t key_len;         /* 16 or 32 */
    uint8_t algid;           /* 0x85 or 0x84 */
    uint8_t keyset_id;
    uint8_t key_format;
} rk_p25_tek;

/*
 * rk_p25_rx - what the client passes to rk_p25_receive: the stored root key
 * and the replay state the shim keeps for src_rsi.
 */
typedef struct {
    const uint8_t *ukek;     /* the root key */
    const uint8_t *algids;   /* allowed TEK ALGIDs */
    size_t ukek_len;         /* 16 or 32 */
    size_t n_algids;
    uint32_t my_rsi;         /* expected destination RSI */
    uint32_t src_rsi;        /* the KMF whose replay state is passed */
    uint16_t ukek_key_id;    /* key ID of the root key */
    uint16_t last_mn;        /* last accepted message number from src_rsi */
    uint8_t has_last_mn;     /* 0: nothing accepted from src_rsi yet */
} rk_p25_rx;

/*@ predicate rk_p25_kmm_zero(rk_p25_kmm *k) =
        k->total_len == 0 && k->body_off == 0 && k->body_len == 0 && k->mac_off == 0 &&
        k->dst_rsi == 0 && k->src_rsi == 0 && k->message_length == 0 && k->mn == 0 &&
        k->mac_key_id == 0 && k->message_id == 0 && k->response_kind == 0 && k->done == 0 &&
        k->has_mn == 0 && k->mac_type == 0 && k->mac_algid == 0 && k->mac_format == 0; */

/*@ predicate rk_p25_kmm_ok(rk_p25_kmm *k, integer len) =
        k->total_len == len && 10 <= len <= RK_P25_KMM_MAX_BYTES &&
        (k->has_mn == 0 || k->has_mn == 1) &&
        k->body_off == 10 + 2 * k->has_mn &&
        (k->mac_type == 0 || k->mac_type == 2) &&
        (k->mac_type == 2 ==> k->mac_off == len - 13 &&
                              (k->mac_format == 0x40 || k->mac_format == 0x41)) &&
        k->body_off + k->body_len + (k->mac_type == 2 ? 13 : 0) == len &&
        k->dst_rsi <= 0xffffff && k->src_rsi <= 0xffffff && k->response_kind <= 2; */

/*
 * rk_p25_kmm_parse - parse and check a KMM frame (header, MN, trailer).
 *
 * Accepts exactly one frame filling buf[0..len-1]; the body is returned as a
 * view, not interpreted (any message ID).
 * Errors: RK_ERR_P25_TRUNCATED, _TRAILING, _TOO_LONG, _LENGTH,
 * _RESPONSE_KIND, _MN_FLAG, _MAC_TYPE, _MAC_DES, _FORMAT_RSVD, _MAC_LENGTH,
 * _MAC_FORMAT.  On error *k is all zero.
 * CT: public data only.
 */
/*@ requires \valid_read(buf + (0 .. len - 1));
    requires \valid(k);
    requires \separated(k, buf + (0 .. len - 1));
    assigns *k;
    ensures \result == RK_OK ==> rk_p25_kmm_ok(k, len);
    ensures \result != RK_OK ==> rk_p25_kmm_zero(k);
    ensures \result == RK_OK || (-1110 <= \result <= -1100); */
RK_MUST_CHECK rk_status rk_p25_kmm_parse(const uint8_t *buf, size_t len, rk_p25_kmm *k) RK_API;

/*
 * rk_p25_mk_parse - parse the Modify Key Command body of a parsed frame.
 *
 * Requires k from a successful rk_p25_kmm_parse of the same buffer (the
 * message ID is not checked here).  Items are fixed-size (no key names), so
 * item i is at items_off + i * item_len; rk_p25_item_get decodes it.
 * Errors: RK_ERR_P25_DIF, _MI_ZERO, _BODY_TRUNCATED, _BODY_TRAILING,
 * _NO_KEYS, _KEY_NAME, _KEY_LENGTH.  On error *m is all zero.
 * CT: public data only.
 */
/*@ requires \valid_read(buf + (0 .. len - 1));
    requires \valid_read(k) && \valid(m);
    requires rk_p25_kmm_ok(k, len);
    requires \separated(m, buf + (0 .. len - 1), k);
    assigns *m;
    ensures \result == RK_OK ==> m->n_keys >= 1 && m->key_len >= 1;
    ensures \result == RK_OK ==> m->item_len == 5 + m->key_len;
    ensures \result == RK_OK ==> m->items_off + m->n_keys * m->item_len == k->body_off + k->body_len;
    ensures \result == RK_OK ==> m->items_off >= k->body_off + 8;
    ensures \result == RK_OK ==> (m->has_mi == 1 ==> m->mi_off + 9 <= m->items_off);
    ensures \result == RK_OK ==> m->has_mi == 0 || m->has_mi == 1;
    ensures \result != RK_OK ==> m->n_keys == 0 && m->key_len == 0 && m->item_len == 0 &&
        m->items_off == 0 && m->mi_off == 0 && m->has_mi == 0 && m->dif == 0 &&
        m->kek_algid == 0 && m->kek_key_id == 0 && m->keyset_id == 0 && m->keyset_algid == 0;
    ensures \result == RK_OK || (-1124 <= \result <= -1118); */
RK_MUST_CHECK rk_status rk_p25_mk_parse(const uint8_t *buf, size_t len, const rk_p25_kmm *k,
                                        rk_p25_mk *m) RK_API;

/*
 * rk_p25_item_get - decode key item idx (< m->n_keys) of a parsed body.
 */
/*@ requires \valid_read(m) && \valid(it);
    requires m->n_keys >= 1 && m->item_len == 5 + m->key_len && idx < m->n_keys;
    requires m->items_off + m->n_keys * m->item_len <= len;
    requires \valid_read(buf + (0 .. len - 1));
    requires \separated(it, buf + (0 .. len - 1), m);
    assigns *it;
    ensures it->data_off == m->items_off + idx * m->item_len + 5;
    ensures it->data_off + m->key_len <= len; */
void rk_p25_item_get(const uint8_t *buf, size_t len, const rk_p25_mk *m, size_t idx,
                     rk_p25_item *it) RK_API;

/*
 * rk_p25_mn_newer - 1 if message number mn may be accepted after the stored
 * state (has_last, last): nothing stored yet, or mn > last.  No wrap-around
 * (a KMF that reaches 0xffff must rekey the UKEK).  Pure; the shim stores mn
 * after a successful rk_p25_receive.
 */
/*@ assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures \result == 1 <==> (has_last == 0 || mn > last); */
int rk_p25_mn_newer(uint16_t mn, uint8_t has_last, uint16_t last) RK_API;

/*
 * rk_p25_mk_encode - write a Modify Key Command frame (MAC octets zero).
 *
 * Output: out[0..*out_len-1], the frame; for an AES MAC form call
 * rk_p25_mac_apply on it next.
 * Errors: RK_ERR_P25_PARAM (RSI > 24 bits, response kind > 2, has_mn > 1,
 * mac_format not 0/0x40/0x41, key_len 0, n_items 0 or > 255, a key format
 * with name-length bits, a frame above RK_P25_KMM_MAX_BYTES);
 * RK_ERR_BUFFER (cap too small).  On error out[0..cap-1] and *out_len are 0.
 * CT: public data only (the key data copied are wrapped keys).
 */
/*@ requires \valid_read(p);
    requires p->mi == \null || \valid_read(p->mi + (0 .. 8));
    requires \valid_read(items + (0 .. n_items - 1));
    requires n_items <= 255;
    requires \forall integer i; 0 <= i < n_items ==>
        items[i].data == \null || \valid_read(items[i].data + (0 .. p->key_len - 1));
    requires \valid(out + (0 .. cap - 1)) && \valid(out_len);
    requires \separated(out + (0 .. cap - 1), out_len, p, items + (0 .. n_items - 1));
    requires \forall integer i; 0 <= i < n_items ==> items[i].data == \null ||
        \separated(out + (0 .. cap - 1), items[i].data + (0 .. p->key_len - 1));
    requires p->mi == \null || \separated(out + (0 .. cap - 1), p->mi + (0 .. 8));
    assigns out[0 .. cap - 1], *out_len;
    ensures \result == RK_OK || \result == RK_ERR_P25_PARAM || \result == RK_ERR_BUFFER;
    ensures \result == RK_OK ==> *out_len <= cap && *out_len <= RK_P25_KMM_MAX_BYTES;
    ensures \result != RK_OK ==> *out_len == 0; */
RK_MUST_CHECK rk_status rk_p25_mk_encode(const rk_p25_mk_params *p, const rk_p25_item_in *items,
                                         size_t n_items, uint8_t *out, size_t cap, size_t *out_len) RK_API;

/*
 * rk_p25_mac_key_cmac - the MAC key of the CMAC form (MAC format 0x41):
 * SP 800-108 KDF in counter mode with HMAC-SHA-256, key = UKEK, one 32-bit
 * counter (1), label "OTAR MAC", a 0x00 separator, context = the first
 * ctx_len octets of the frame (10, or 12 with a message number), and
 * L = 256 as a 16-bit big-endian field: one HMAC block, 32 octets.  The
 * 16-bit L is what reproduces the AACA-C 14.3.5.1 example MAC key.
 * Errors: RK_ERR_P25_UKEK_LENGTH, RK_ERR_LENGTH (ctx_len not 10 or 12);
 * key zeroed.
 * CT: time depends on ukek_len and ctx_len only.
 */
/*@ requires \valid_read(ukek + (0 .. ukek_len - 1));
    requires \valid_read(ctx + (0 .. ctx_len - 1));
    requires \valid(key + (0 .. 31));
    requires \separated(key + (0 .. 31), ukek + (0 .. ukek_len - 1));
    requires \separated(key + (0 .. 31), ctx + (0 .. ctx_len - 1));
    assigns key[0 .. 31];
    ensures \result == RK_OK || \result == RK_ERR_P25_UKEK_LENGTH || \result == RK_ERR_LENGTH;
    ensures \result != RK_OK ==> \forall integer i; 0 <= i < 32 ==> key[i] == 0; */
RK_MUST_CHECK rk_status rk_p25_mac_key_cmac(const uint8_t *ukek, size_t ukek_len,
                                            const uint8_t *ctx, size_t ctx_len, uint8_t *key) RK_API;

/*
 * rk_p25_mac_compute - the 8-octet MAC of a parsed frame under the UKEK,
 * in the form named by its MAC format octet:
 *   0x41 CMAC:    AES-256-CMAC, key from rk_p25_mac_key_cmac, over the
 *                 frame with the 8 MAC octets cut out (the 5 trailer octets
 *                 kept), first 8 octets of the tag.
 *   0x40 CBC-MAC: (low confidence, docs/p25.md) MAC key = octets 8..39 of
 *                 AES-KW(UKEK, UKEK) with the initial value 00*6 || be16(len-8);
 *                 AES-256-CBC with zero IV over the same cut frame, zero-padded;
 *                 the MAC is the 8 ciphertext octets at offset len - 16.
 *                 Needs a 32-octet UKEK.
 * The MAC octets in buf are ignored (not read).
 * Errors: RK_ERR_P25_NO_MAC (mac_type 0), RK_ERR_P25_UKEK_LENGTH,
 * RK_ERR_P25_CBCMAC_KEY; mac zeroed.
 * CT: time depends on lengths and the MAC format only.
 */
/*@ requires \valid_read(ukek + (0 .. ukek_len - 1));
    requires \valid_read(buf + (0 .. len - 1));
    requires \valid_read(k) && rk_p25_kmm_ok(k, len);
    requires \valid(mac + (0 .. 7));
    requires \separated(mac + (0 .. 7), ukek + (0 .. ukek_len - 1));
    requires \separated(mac + (0 .. 7), buf + (0 .. len - 1));
    requires \separated(mac + (0 .. 7), k);
    assigns mac[0 .. 7];
    ensures \result == RK_OK || \result == RK_ERR_P25_NO_MAC || \result == RK_ERR_P25_UKEK_LENGTH ||
            \result == RK_ERR_P25_CBCMAC_KEY;
    ensures \result == RK_OK ==> k->mac_type == 2;
    ensures \result != RK_OK ==> \forall integer i; 0 <= i < 8 ==> mac[i] == 0; */
RK_MUST_CHECK rk_status rk_p25_mac_compute(const uint8_t *ukek, size_t ukek_len, const uint8_t *buf,
                                           size_t len, const rk_p25_kmm *k, uint8_t *mac) RK_API;

/*
 * rk_p25_mac_verify - recompute the MAC and compare it with the received
 * one in constant time.  RK_OK or RK_ERR_P25_MAC (plus the errors of
 * rk_p25_mac_compute).
 */
/*@ requires \valid_read(ukek + (0 .. ukek_len - 1));
    requires \valid_read(buf + (0 .. len - 1));
    requires \valid_read(k) && rk_p25_kmm_ok(k, len);
    assigns \nothing;
    ensures \result == RK_OK || \result == RK_ERR_P25_MAC || \result == RK_ERR_P25_NO_MAC ||
            \result == RK_ERR_P25_UKEK_LENGTH || \result == RK_ERR_P25_CBCMAC_KEY; */
RK_MUST_CHECK rk_status rk_p25_mac_verify(const uint8_t *ukek, size_t ukek_len, const uint8_t *buf,
                                          size_t len, const rk_p25_kmm *k) RK_API;

/*
 * rk_p25_mac_apply - IWF side: parse buf as a frame and write its MAC into
 * the MAC field.  Errors: those of rk_p25_kmm_parse and rk_p25_mac_compute;
 * on error the MAC field (if the frame parsed) is zero.
 */
/*@ requires \valid(buf + (0 .. len - 1));
    requires \valid_read(ukek + (0 .. ukek_len - 1));
    requires \separated(buf + (0 .. len - 1), ukek + (0 .. ukek_len - 1));
    assigns buf[0 .. len - 1]; */
RK_MUST_CHECK rk_status rk_p25_mac_apply(const uint8_t *ukek, size_t ukek_len, uint8_t *buf, size_t len) RK_API;

/*
 * rk_p25_tek_wrap / rk_p25_tek_unwrap - a TEK under the UKEK with AES-KW
 * (RFC 3394, default IV; the digest's section 6.5).  TEKs of 16 or 32
 * octets; wrapped form 24 or 40.  out gets exactly tek_len + 8 (wrap) or
 * wlen - 8 (unwrap) octets: cap must be at least that.
 * Errors: RK_ERR_P25_UKEK_LENGTH, RK_ERR_P25_TEK_LENGTH, RK_ERR_BUFFER,
 * RK_ERR_P25_TEK_ICV (unwrap: integrity check failed, e.g. a TEK wrapped
 * under another or older root key).  On error out[0..cap-1] and *out_len
 * are zero.
 * CT: time depends on the lengths only.
 */
/*@ requires \valid_read(ukek + (0 .. ukek_len - 1));
    requires \valid_read(tek + (0 .. tek_len - 1));
    requires \valid(out + (0 .. cap - 1)) && \valid(out_len);
    requires \separated(out + (0 .. cap - 1), out_len, ukek + (0 .. ukek_len - 1),
                        tek + (0 .. tek_len - 1));
    requires \separated(out_len, ukek + (0 .. ukek_len - 1), tek + (0 .. tek_len - 1));
    assigns out[0 .. cap - 1], *out_len;
    ensures \result == RK_OK || \result == RK_ERR_P25_UKEK_LENGTH ||
            \result == RK_ERR_P25_TEK_LENGTH || \result == RK_ERR_BUFFER;
    ensures \result == RK_OK ==> *out_len == tek_len + 8;
    ensures \result != RK_OK ==> *out_len == 0 &&
        \forall integer i; 0 <= i < cap ==> out[i] == 0; */
RK_MUST_CHECK rk_status rk_p25_tek_wrap(const uint8_t *ukek, size_t ukek_len, const uint8_t *tek,
                                        size_t tek_len, uint8_t *out, size_t cap, size_t *out_len) RK_API;

/*@ requires \valid_read(ukek + (0 .. ukek_len - 1));
    requires \valid_read(w + (0 .. wlen - 1));
    requires \valid(out + (0 .. cap - 1)) && \valid(out_len);
    requires \separated(out + (0 .. cap - 1), out_len, ukek + (0 .. ukek_len - 1),
                        w + (0 .. wlen - 1));
    requires \separated(out_len, ukek + (0 .. ukek_len - 1), w + (0 .. wlen - 1));
    assigns out[0 .. cap - 1], *out_len;
    ensures \result == RK_OK || \result == RK_ERR_P25_UKEK_LENGTH ||
            \result == RK_ERR_P25_TEK_LENGTH || \result == RK_ERR_BUFFER ||
            \result == RK_ERR_P25_TEK_ICV;
    ensures \result == RK_OK ==> *out_len == wlen - 8;
    ensures \result != RK_OK ==> *out_len == 0 &&
        \forall integer i; 0 <= i < cap ==> out[i] == 0; */
RK_MUST_CHECK rk_status rk_p25_tek_unwrap(const uint8_t *ukek, size_t ukek_len, const uint8_t *w,
                                          size_t wlen, uint8_t *out, size_t cap, size_t *out_len) RK_API;

/*
 * rk_p25_receive - client side, pure: check a Modify Key Command from the
 * KMF and return its TEKs.
 *
 * Order (cheap structural checks, then the MAC before anything that reads
 * key data): frame parse; a MAC must be present; MAC verify under
 * rx->ukek; MAC ALGID/key ID are the root key's; message ID 0x13;
 * destination == rx->my_rsi; source == rx->src_rsi; message number present
 * and rk_p25_mn_newer; body parse; no MI (encrypted bodies: mode not
 * public); DIF ALGID/key ID are the root key's; keyset ALGID in rx->algids
 * and an AES TEK (0x84: 40 octets carried, 0x85: 24); every item a plain
 * TEK (key format 0x00); every item unwraps under the UKEK.
 *
 * Outputs: teks[0..*n_teks-1] (algid, keyset ID, SLN, key ID, key), *mn
 * (the message number to store for src_rsi).  On any error teks[0..cap-1],
 * *n_teks and *mn are zero.
 * Errors: every RK_ERR_P25_* of the parsers and the checks above,
 * RK_ERR_P25_TOO_MANY_KEYS (n_keys > cap), RK_ERR_P25_TEK_ICV.
 * CT: the UKEK and TEKs are secret; the accept/reject decision of the MAC
 * and of each unwrap is the only secret-derived public value.
 */
/*@ requires \valid_read(rx);
    requires \valid_read(rx->ukek + (0 .. rx->ukek_len - 1));
    requires \valid_read(rx->algids + (0 .. rx->n_algids - 1));
    requires \valid_read(buf + (0 .. len - 1));
    requires cap <= 255;
    requires \valid(teks + (0 .. cap - 1)) && \valid(n_teks) && \valid(mn);
    requires \separated(teks + (0 .. cap - 1), n_teks, mn, rx, buf + (0 .. len - 1),
                        rx->ukek + (0 .. rx->ukek_len - 1), rx->algids + (0 .. rx->n_algids - 1));
    requires \separated(n_teks, mn, rx, buf + (0 .. len - 1), rx->ukek + (0 .. rx->ukek_len - 1),
                        rx->algids + (0 .. rx->n_algids - 1));
    requires \separated(mn, rx, buf + (0 .. len - 1), rx->ukek + (0 .. rx->ukek_len - 1),
                        rx->algids + (0 .. rx->n_algids - 1));
    assigns teks[0 .. cap - 1], *n_teks, *mn;
    ensures \result == RK_OK ==> 1 <= *n_teks <= cap;
    ensures \result != RK_OK ==> *n_teks == 0 && *mn == 0; */
RK_MUST_CHECK rk_status rk_p25_receive(const rk_p25_rx *rx, const uint8_t *buf, size_t len,
                                       rk_p25_tek *teks, size_t cap, size_t *n_teks, uint16_t *mn) RK_API;

/*
 * rk_p25_build - IWF side: a complete MACed Modify Key Command carrying
 * teks[0..n-1] wrapped under the UKEK.  p gives the header fields (key_len,
 * kek_algid and mac_format are checked: key_len must be the wrapped length
 * of every TEK, kek_algid the UKEK's ALGID, mac_format 0x40 or 0x41; every
 * TEK must have p->keyset_algid's length).
 * Errors: those of rk_p25_mk_encode, rk_p25_tek_wrap and
 * rk_p25_mac_compute.  On error out[0..cap-1] and *out_len are zero.
 * CT: time depends on public lengths only.
 */
/*@ requires \valid_read(ukek + (0 .. ukek_len - 1));
    requires \valid_read(p);
    requires p->mi == \null || \valid_read(p->mi + (0 .. 8));
    requires n <= 255;
    requires \valid_read(teks + (0 .. n - 1));
    requires \valid(out + (0 .. cap - 1)) && \valid(out_len);
    requires \separated(out + (0 .. cap - 1), out_len, p, teks + (0 .. n - 1),
                        ukek + (0 .. ukek_len - 1));
    requires p->mi == \null || \separated(out + (0 .. cap - 1), p->mi + (0 .. 8));
    requires \separated(out_len, p, teks + (0 .. n - 1), ukek + (0 .. ukek_len - 1));
    assigns out[0 .. cap - 1], *out_len;
    ensures \result != RK_OK ==> *out_len == 0; */
RK_MUST_CHECK rk_status rk_p25_build(const uint8_t *ukek, size_t ukek_len, const rk_p25_mk_params *p,
                                     const rk_p25_tek *teks, size_t n, uint8_t *out, size_t cap,
                                     size_t *out_len) RK_API;

/*
 * rk_tetra_unwrap - TETRA: no public key-message format exists (TCCA SFPG
 * Recommendation 02 is under NDA), so rootkey offers only the primitive: an
 * opaque blob wrapped under the stored KEK with AES-KW (padded == 0,
 * RFC 3394) or AES-KWP (padded == 1, RFC 5649).  The caller interprets the
 * result.
 * Errors: RK_ERR_P25_UKEK_LENGTH (KEK not 16/32), RK_ERR_P25_TETRA_LENGTH,
 * RK_ERR_BUFFER, RK_ERR_P25_TETRA_ICV, RK_ERR_P25_PARAM (padded not 0/1).
 * On error out[0..cap-1] and *out_len are zero.
 * CT: as rk_kw_unwrap / rk_kwp_unwrap.
 */
/*@ requires \valid_read(kek + (0 .. kek_len - 1));
    requires \valid_read(w + (0 .. wlen - 1));
    requires \valid(out + (0 .. cap - 1)) && \valid(out_len);
    requires \separated(out + (0 .. cap - 1), out_len, kek + (0 .. kek_len - 1),
                        w + (0 .. wlen - 1));
    requires \separated(out_len, kek + (0 .. kek_len - 1), w + (0 .. wlen - 1));
    assigns out[0 .. cap - 1], *out_len;
    ensures \result != RK_OK ==> *out_len == 0 &&
        \forall integer i; 0 <= i < cap ==> out[i] == 0; */
RK_MUST_CHECK rk_status rk_tetra_unwrap(const uint8_t *kek, size_t kek_len, int padded,
                                        const uint8_t *w, size_t wlen, uint8_t *out, size_t cap,
                                        size_t *out_len) RK_API;

#ifdef __cplusplus
}
#endif
#endif
