/* SPDX-License-Identifier: Apache-2.0
 * rootkey/keyparams.h - the TS 33.180 E.6 "3GPP key parameters" General
 * Extension: (a) the protected-payload framing that carries it (TS 33.180
 * 8.5.4 MCData protected payload, as two vendors actually send it, see
 * docs/mikey.md), (b) the Key Parameters plaintext (Table E.6.1-1), and
 * (c) the GUK-ID of TS 33.180 7.3 / F.1.3.
 *
 * Framing (offsets inside the General Extension data):
 *   0  message type (0x43 Streamwide, 0x40 ALEA: both accepted)
 *   1  date and time, 40 bits          6  payload ID, 32 bits
 *   10 payload sequence number         11 payload algorithm (1 = AES-128-GCM)
 *   12 IV, 16 octets                   28 DPPK-ID (= the MIKEY CSB-ID)
 *   32 0x00 (payload element octet)    33 length L, 16 bits
 *   35 L octets: AES-128-GCM ciphertext || 16-octet tag
 * The GCM key is the DPCK (rootkey/hash.h rk_dpck, keyed by the SSV), the GCM
 * IV the 16 octets at 12 (GHASH-derived J0), and the AAD octets 0..11 || IV ||
 * DPPK-ID (rk_keyparams_aad).  The GCM call itself is not in this module.
 *
 * Key Parameters plaintext: Key Type (1) | Status (4) | Activation time (5) |
 * Expiry time (5) | Text (LV-E: 2-octet length, UTF-8) | optionally Group IDs
 * (LV-E: 2-octet length, then a count octet and that many TLV-E entries
 * 0x7B | 2-octet length | MC group URI).  Nothing may follow.
 *
 * CT: branches on lengths, type octets and counts only.  The decoded
 * plaintext is key metadata (type, status, times, names), not key material;
 * the GUK-ID derivation handles the GMK without secret-dependent branches and
 * wipes its KDF output.
 */
#ifndef ROOTKEY_KEYPARAMS_H
#define ROOTKEY_KEYPARAMS_H

#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RK_KP_IV_BYTES 16
#define RK_KP_TAG_BYTES 16
#define RK_KP_AAD_BYTES 32           /* = the first 32 octets of the framing */
#define RK_KP_FRAME_OVERHEAD 35      /* octets before the ciphertext */
#define RK_KP_PT_MIN_BYTES 17        /* Key Type .. Text length, empty text */
#define RK_KP_CT_MIN_BYTES (RK_KP_PT_MIN_BYTES + RK_KP_TAG_BYTES)
#define RK_KP_MAX_GROUPS 8
#define RK_KP_ALG_AES128GCM 1
#define RK_KP_MSG_TYPE_0X40 0x40     /* ALEA */
#define RK_KP_MSG_TYPE_0X43 0x43     /* Streamwide */
#define RK_KP_GROUP_IEI 0x7B
#define RK_KP_GMK_BYTES 16
#define RK_KP_STATUS_NOT_REVOKED 1u  /* bit 0 (Streamwide, wolfSSL) */

/* The 35-octet header of the framing (all public). */
typedef struct {
    uint8_t msg_type;
    uint64_t date_time;        /* 40 bits (epoch not fixed by the spec) */
    uint32_t payload_id;       /* 0 by E.6.1, ignored by receivers */
    uint8_t seq;               /* 0 by E.6.1, ignored by receivers */
    uint8_t alg;
    uint8_t iv[RK_KP_IV_BYTES];
    uint32_t dppk_id;
} rk_kp_header;

/* A decoded framing: the header, and where ciphertext || tag lies in the
 * caller's buffer (ct_off is always RK_KP_FRAME_OVERHEAD). */
typedef struct {
    rk_kp_header h;
    size_t ct_off;
    size_t ct_len;             /* includes the 16-octet tag */
} rk_kp_frame;

/*
 * rk_keyparams_frame_decode - parse the protected payload in data[0..len-1]
 * (a type-7 or root-key General Extension's data).  expected_dppk_id is the
 * CSB-ID of the MIKEY message: E.6.1 binds the two.
 * Errors: RK_ERR_KP_TRUNCATED, RK_ERR_KP_TRAILING, RK_ERR_KP_MSG_TYPE,
 * RK_ERR_KP_ALG, RK_ERR_KP_DPPK_ID, RK_ERR_KP_IEI, RK_ERR_KP_CT_LENGTH,
 * RK_ERR_NULL; *f is all zero on error.
 */
/*@ requires \valid(f);
    requires \valid_read(data + (0 .. len - 1));
    requires \separated(f, data + (0 .. len - 1));
    assigns *f;
    ensures \result == RK_OK || (-799 <= \result <= -700) || \result == RK_ERR_NULL;
    ensures \result == RK_OK ==> f->ct_off == 35 && f->ct_len >= 33
        && f->ct_off + f->ct_len == len && f->h.alg == 1;
    ensures \result != RK_OK ==> f->ct_len == 0 && f->ct_off == 0 && f->h.dppk_id == 0; */
RK_MUST_CHECK rk_status rk_keyparams_frame_decode(rk_kp_frame *f, const uint8_t *data,
                                                  size_t len, uint32_t expected_dppk_id);

/*
 * rk_keyparams_aad - the 32-octet GCM additional data: octets 0..11 of the
 * framing (type, date/time, payload ID, sequence, algorithm) || IV ||
 * DPPK-ID, i.e. exactly what rk_keyparams_frame_encode writes first.
 */
/*@ requires \valid(aad + (0 .. 31)) && \valid_read(h);
    requires \separated(aad + (0 .. 31), h);
    assigns aad[0 .. 31]; */
void rk_keyparams_aad(uint8_t aad[RK_KP_AAD_BYTES], const rk_kp_header *h);

/*
 * rk_keyparams_frame_encode - write header, 0x00, the 16-bit length and
 * ct[0..ct_len-1] (ciphertext || tag) into out[0..cap-1]; *out_len = 35 +
 * ct_len.  ct may be NULL: the ciphertext octets are then zero, for the
 * caller to encrypt in place at out + RK_KP_FRAME_OVERHEAD.
 * Errors: RK_ERR_KP_MSG_TYPE, RK_ERR_KP_ALG (header not one the decoder
 * accepts), RK_ERR_KP_CT_LENGTH (ct_len < 33), RK_ERR_KP_TEXT_LENGTH
 * (ct_len > 65535), RK_ERR_BUFFER, RK_ERR_NULL.  On error nothing is written
 * and *out_len = 0.
 */
/*@ requires \valid(out_len) && \valid_read(h);
    requires cap <= 0x7fffffff && \valid(out + (0 .. cap - 1));
    requires ct == \null || \valid_read(ct + (0 .. ct_len - 1));
    requires \separated(out + (0 .. cap - 1), out_len, h);
    requires ct != \null ==> \separated(out + (0 .. cap - 1), ct + (0 .. ct_len - 1));
    assigns out[0 .. cap - 1], *out_len;
    ensures \result == RK_OK || (-799 <= \result <= -700) || \result == RK_ERR_BUFFER
        || \result == RK_ERR_NULL;
    ensures \result == RK_OK ==> *out_len == 35 + ct_len && *out_len <= cap;
    ensures \result != RK_OK ==> *out_len == 0; */
RK_MUST_CHECK rk_status rk_keyparams_frame_encode(uint8_t *out, size_t cap, size_t *out_len,
                                                  const rk_kp_header *h, const uint8_t *ct,
                                                  size_t ct_len);

/* --- Key Parameters plaintext (Table E.6.1-1) ----------------------------- */

typedef struct {
    size_t off, len;
} rk_kp_span;

/* A decoded Key Parameters plaintext; spans index the caller's buffer. */
typedef struct {
    uint8_t key_type;          /* purpose tag, TS 33.180 E.6.11 */
    uint32_t status;           /* E.6.9; bit 0 = not revoked */
    uint64_t activation;       /* E.6.4, 40 bits */
    uint64_t expiry;           /* E.6.10, 40 bits */
    rk_kp_span text;           /* E.6.5, UTF-8 octets */
    size_t has_group_ids;      /* E.6.3 present (0/1) */
    size_t n_groups;
    rk_kp_span group[RK_KP_MAX_GROUPS]; /* MC group URIs */
} rk_kp_params_view;

/*
 * rk_keyparams_decode - parse a decrypted Key Parameters plaintext.
 * Errors: RK_ERR_KP_PT_TRUNCATED, RK_ERR_KP_PT_TRAILING, RK_ERR_KP_KEY_TYPE,
 * RK_ERR_KP_GROUP_COUNT, RK_ERR_KP_GROUP_LIMIT, RK_ERR_KP_GROUP_IEI,
 * RK_ERR_KP_GROUP_LENGTH, RK_ERR_NULL; *p all zero on error.
 */
/*@ requires \valid(p);
    requires \valid_read(pt + (0 .. len - 1));
    requires \separated(p, pt + (0 .. len - 1));
    assigns *p;
    ensures \result == RK_OK || (-799 <= \result <= -700) || \result == RK_ERR_NULL;
    ensures \result == RK_OK ==> p->text.off == 17 && p->text.off + p->text.len <= len
        && p->n_groups <= 8 && p->key_type <= 15
        && (\forall integer i; 0 <= i < p->n_groups ==>
               p->group[i].off <= len && p->group[i].len <= len - p->group[i].off);
    ensures \result != RK_OK ==> p->n_groups == 0 && p->text.len == 0 && p->has_group_ids == 0; */
RK_MUST_CHECK rk_status rk_keyparams_decode(rk_kp_params_view *p, const uint8_t *pt, size_t len);

/* Encoder input. */
typedef struct {
    uint8_t key_type;
    uint32_t status;
    uint64_t activation, expiry;     /* below 2^40 */
    const uint8_t *text;
    size_t text_len;
    size_t has_group_ids;
    size_t n_groups;                 /* <= RK_KP_MAX_GROUPS */
    const uint8_t *group[RK_KP_MAX_GROUPS];
    size_t group_len[RK_KP_MAX_GROUPS];
} rk_kp_params;

/*@ predicate rk_kp_params_readable(rk_kp_params *p) =
        p->n_groups <= 8 && p->text_len <= 65535 &&
        \valid_read(p->text + (0 .. p->text_len - 1)) &&
        (\forall integer i; 0 <= i < p->n_groups ==>
            p->group_len[i] <= 65535 && \valid_read(p->group[i] + (0 .. p->group_len[i] - 1)));
*/

/*
 * rk_keyparams_encode - write the plaintext described by *p into
 * out[0..cap-1], *out_len its length.  Errors: RK_ERR_KP_KEY_TYPE,
 * RK_ERR_KP_GROUP_LIMIT, RK_ERR_KP_GROUP_LENGTH (empty URI), RK_ERR_KP_GROUP_COUNT
 * (groups without has_group_ids), RK_ERR_KP_TEXT_LENGTH (an element longer
 * than 65535), RK_ERR_LENGTH (a time of 2^40 or more), RK_ERR_BUFFER,
 * RK_ERR_NULL.  On error nothing is written and *out_len = 0.
 */
/*@ requires \valid(out_len) && \valid_read(p) && rk_kp_params_readable(p);
    requires cap <= 0x7fffffff && \valid(out + (0 .. cap - 1));
    requires \separated(out + (0 .. cap - 1), out_len, p);
    assigns out[0 .. cap - 1], *out_len;
    ensures \result == RK_OK || (-799 <= \result <= -700) || \result == RK_ERR_BUFFER
        || \result == RK_ERR_NULL || \result == RK_ERR_LENGTH || \result == RK_ERR_INTERNAL;
    ensures \result == RK_OK ==> 17 <= *out_len <= cap;
    ensures \result != RK_OK ==> *out_len == 0; */
RK_MUST_CHECK rk_status rk_keyparams_encode(uint8_t *out, size_t cap, size_t *out_len,
                                            const rk_kp_params *p);

/* --- GUK-ID (TS 33.180 7.3, F.1.3) -------------------------------------- */

/*
 * rk_keyparams_guk_id - the GUK-ID a group member expects as CSB-ID of a GMK
 * message: the purpose tag (4 MSBs) of gmk_id, then the 28 LSBs of gmk_id
 * XOR the User Salt, the 28 LSBs of KDF(GMK, FC 0x50, P0 = the receiving
 * user's MC service ID).  Errors: RK_ERR_KP_GMK_LENGTH (gmk_len != 16),
 * RK_ERR_KDF_PARAM (user ID longer than 65535), RK_ERR_NULL; *guk_id = 0 on
 * error.
 *
 * CT: no branch or index depends on the GMK; the KDF output is wiped.
 */
/*@ requires \valid(guk_id);
    requires \valid_read(gmk + (0 .. gmk_len - 1));
    requires \valid_read(user_id + (0 .. user_len - 1));
    requires \separated(guk_id, gmk + (0 .. gmk_len - 1), user_id + (0 .. user_len - 1));
    assigns *guk_id;
    ensures \result == RK_OK || \result == RK_ERR_KP_GMK_LENGTH || \result == RK_ERR_KDF_PARAM
        || \result == RK_ERR_NULL;
    ensures \result != RK_OK ==> *guk_id == 0; */
RK_MUST_CHECK rk_status rk_keyparams_guk_id(uint32_t *guk_id, const uint8_t *gmk, size_t gmk_len,
                                            uint32_t gmk_id, const uint8_t *user_id,
                                            size_t user_len);

#ifdef __cplusplus
}
#endif
#endif
