/* SPDX-License-Identifier: Apache-2.0
 * rootkey/eccsi.h - ECCSI signatures (RFC 6507) on P-256 with SHA-256, the
 * profile of RFC 6509 and TS 33.180: the KMS side (KPAK, SSK and PVT, for
 * tests and the test KMS), SSK validation at installation, signing with a
 * hedged nonce, verification.
 *
 * Encodings (RFC 6507 3.3, N = 32): points are 0x04 || x || y (65 octets);
 * SSK, KSAK, HS are 32 octets big-endian; a signature is r || s || PVT,
 * 129 octets.  An identity ID is any octet string (in TS 33.180 the 32-octet
 * UID of the user for a key period).
 *
 * Contexts are caller-owned and fixed-size (no heap):
 *  - rk_eccsi_verifier_ctx: a validated KPAK and its fixed-base table (for
 *    the KMS a client trusts; build once, verify many signatures).
 *  - rk_eccsi_signer_ctx: a validated (SSK, PVT) pair for one identity with
 *    its HS (RFC 6507 5.1.2 step 4 caches it).  Holds the secret SSK: wipe it
 *    with rk_eccsi_signer_wipe when done.
 *
 * Errors: every function returns RK_OK or a distinct negative code
 * (rootkey/status.h, eccsi and bn/p256 blocks); on any error every output
 * (signature, key, context) is zeroed.
 *
 * Fault countermeasure (docs/design.md §10): rk_eccsi_sign checks, before
 * releasing anything, that J is on the curve and that s (HE + r SSK) == j
 * mod q recomputed independently, and rk_eccsi_sign_verified additionally
 * runs the full public verification on the result (docs/eccsi.md says why
 * the full check is not the default: it costs a verification).
 */
#ifndef ROOTKEY_ECCSI_H
#define ROOTKEY_ECCSI_H

#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"
#include "rootkey/p256.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RK_ECCSI_SIG_BYTES 129      /* r || s || PVT */
#define RK_ECCSI_POINT_BYTES 65     /* KPAK, PVT */
#define RK_ECCSI_SCALAR_BYTES 32    /* KSAK, SSK, v, j, r, s, HS, HE */
#define RK_ECCSI_RAND_MIN_BYTES 32  /* caller randomness for one signature */
#define RK_ECCSI_ID_MAX_BYTES 65535 /* largest identity accepted */

size_t rk_eccsi_sig_bytes(void) RK_API;

/* (fields ordered so that the structs have no padding: a wipe of every
 * field zeroes every octet) */
typedef struct {
    rk_p256_table tab;               /* fixed-base table of KPAK */
    rk_p256_affine kpak;             /* validated KPAK */
    uint64_t ready;                  /* 1 after rk_eccsi_verifier_init succeeded */
    uint8_t kpak_enc[65];            /* its encoding (hashed into HS) */
    uint8_t pad_[7];
} rk_eccsi_verifier_ctx;

typedef struct {
    uint64_t ssk[4];                 /* secret: the validated SSK */
    uint64_t ready;                  /* 1 after rk_eccsi_signer_init succeeded */
    uint8_t hs[32];                  /* HS = hash(G || KPAK || ID || PVT) */
    uint8_t pvt[65];                 /* the PVT (public, part of signatures) */
    uint8_t kpak_enc[65];
    uint8_t pad_[6];
} rk_eccsi_signer_ctx;

/*
 * rk_eccsi_verifier_init - validate KPAK (65 octets, a point of P-256) and
 * build v's table.  Errors: RK_ERR_ECCSI_KPAK (not a valid point, any
 * reason).  CT: public data.
 */
/*@ requires \valid(v);
    requires \valid_read(kpak + (0 .. kpak_len - 1));
    assigns *v;
    ensures \result == RK_OK || \result == RK_ERR_ECCSI_KPAK; */
RK_MUST_CHECK rk_status rk_eccsi_verifier_init(rk_eccsi_verifier_ctx *v,
                                               const uint8_t *kpak, size_t kpak_len) RK_API;

/*
 * rk_eccsi_verify - RFC 6507 5.2.2: accept sig on msg by identity id under
 * v's KPAK.  Checks, each with its code: signature length 129
 * (RK_ERR_ECCSI_SIG_LENGTH), r in [1, p-1] (RK_ERR_ECCSI_R_RANGE), s in
 * [1, q-1] (RK_ERR_ECCSI_S_RANGE), PVT a valid point (RK_ERR_ECCSI_PVT),
 * J not the point at infinity (RK_ERR_ECCSI_J_INFINITY), Jx == r
 * (RK_ERR_ECCSI_VERIFY).  RK_ERR_NULL if v is not initialised,
 * RK_ERR_LENGTH if id_len exceeds RK_ECCSI_ID_MAX_BYTES.
 * CT: vartime - every input is public.
 */
/*@ requires \valid_read(v);
    requires \valid_read(id + (0 .. id_len - 1));
    requires \valid_read(msg + (0 .. msg_len - 1));
    requires \valid_read(sig + (0 .. sig_len - 1));
    assigns \nothing; */
RK_MUST_CHECK rk_status rk_eccsi_verify(const rk_eccsi_verifier_ctx *v,
                                        const uint8_t *id, size_t id_len,
                                        const uint8_t *msg, size_t msg_len,
                                        const uint8_t *sig, size_t sig_len) RK_API;

/*
 * rk_eccsi_signer_init - RFC 6507 5.1.2, mandatory before use: SSK in
 * [1, q-1] (RK_ERR_ECCSI_SSK_RANGE; also for ssk_len != 32), PVT a valid
 * point (RK_ERR_ECCSI_PVT), KPAK a valid point (RK_ERR_ECCSI_KPAK), and
 * [SSK]G == KPAK + [HS]PVT (RK_ERR_ECCSI_SSK_INVALID).  On success s holds
 * SSK, PVT, KPAK and HS.  On error *s is zeroed.
 * CT: constant time in SSK ([SSK]G by the fixed-base table; the comparison
 * is computed in full and decided once).
 */
/*@ requires \valid(s);
    requires \valid_read(kpak + (0 .. kpak_len - 1));
    requires \valid_read(id + (0 .. id_len - 1));
    requires \valid_read(ssk + (0 .. ssk_len - 1));
    requires \valid_read(pvt + (0 .. pvt_len - 1));
    requires \separated(s, ssk + (0 .. ssk_len - 1));
    assigns *s; */
RK_MUST_CHECK rk_status rk_eccsi_signer_init(rk_eccsi_signer_ctx *s,
                                             const uint8_t *kpak, size_t kpak_len,
                                             const uint8_t *id, size_t id_len,
                                             const uint8_t *ssk, size_t ssk_len,
                                             const uint8_t *pvt, size_t pvt_len) RK_API;

/* rk_eccsi_signer_wipe - zero the whole context (the SSK included). */
/*@ requires \valid(s);
    assigns *s; */
void rk_eccsi_signer_wipe(rk_eccsi_signer_ctx *s) RK_API;

/*
 * rk_eccsi_sign - RFC 6507 5.2.1 with a hedged nonce: j is derived by
 * HMAC-SHA-256 keyed with SSK over the caller's random octets and the
 * message (docs/eccsi.md), so a repeated or predictable rnd never repeats j
 * for different messages and never exposes SSK.  rnd_len >= 32
 * (RK_ERR_LENGTH).  sig_cap >= 129 (RK_ERR_BUFFER).  RK_ERR_NULL if s is
 * not initialised.  RK_ERR_ECCSI_FAULT if the internal consistency checks
 * fail (no signature is released).  On error sig[0 .. sig_cap-1] is zeroed.
 * CT: constant time in SSK and j.
 */
/*@ requires \valid_read(s);
    requires \valid(sig + (0 .. sig_cap - 1));
    requires \valid_read(msg + (0 .. msg_len - 1));
    requires \valid_read(rnd + (0 .. rnd_len - 1));
    assigns sig[0 .. sig_cap - 1]; */
RK_MUST_CHECK rk_status rk_eccsi_sign(const rk_eccsi_signer_ctx *s,
                                      uint8_t *sig, size_t sig_cap,
                                      const uint8_t *msg, size_t msg_len,
                                      const uint8_t *rnd, size_t rnd_len) RK_API;

/*
 * rk_eccsi_sign_verified - rk_eccsi_sign, then rk_eccsi_verify of the result
 * under v (which must hold the signer's KPAK) with the signer's identity;
 * RK_ERR_ECCSI_FAULT (signature zeroed) if that fails.
 * CT: as rk_eccsi_sign in SSK and j; the message and the signature are
 * public (the check after signing is variable time in them, as
 * rk_eccsi_verify).
 */
/*@ requires \valid_read(s) && \valid_read(v);
    requires \valid_read(id + (0 .. id_len - 1));
    requires \valid(sig + (0 .. sig_cap - 1));
    requires \valid_read(msg + (0 .. msg_len - 1));
    requires \valid_read(rnd + (0 .. rnd_len - 1));
    assigns sig[0 .. sig_cap - 1]; */
RK_MUST_CHECK rk_status rk_eccsi_sign_verified(const rk_eccsi_signer_ctx *s,
                                               const rk_eccsi_verifier_ctx *v,
                                               const uint8_t *id, size_t id_len,
                                               uint8_t *sig, size_t sig_cap,
                                               const uint8_t *msg, size_t msg_len,
                                               const uint8_t *rnd, size_t rnd_len) RK_API;

/*
 * TEST ONLY - rk_eccsi_sign_with_j: sign with the caller's ephemeral j
 * (32 octets, in [1, q-1], else RK_ERR_SCALAR_RANGE) so that the RFC 6507
 * Appendix A vector replays exactly.  RK_ERR_ECCSI_RETRY when HE + r SSK is
 * 0 mod q.  Never use it in a product: a repeated j reveals SSK.
 */
/*@ requires \valid_read(s);
    requires \valid(sig + (0 .. sig_cap - 1));
    requires \valid_read(msg + (0 .. msg_len - 1));
    requires \valid_read(j + (0 .. 31));
    assigns sig[0 .. sig_cap - 1]; */
RK_MUST_CHECK rk_status rk_eccsi_sign_with_j(const rk_eccsi_signer_ctx *s,
                                             uint8_t *sig, size_t sig_cap,
                                             const uint8_t *msg, size_t msg_len,
                                             const uint8_t j[32]);

/*
 * TEST ONLY - rk_eccsi_verify_with_he: verification from step 4 on, with
 * the caller's HE instead of hash(HS || r || M), so that tests can reach
 * J = infinity (RFC 6507 5.2.2 step 6).  Same checks and codes as
 * rk_eccsi_verify (less the message).
 */
/*@ requires \valid_read(v);
    requires \valid_read(id + (0 .. id_len - 1));
    requires \valid_read(he + (0 .. 31));
    requires \valid_read(sig + (0 .. sig_len - 1));
    assigns \nothing; */
RK_MUST_CHECK rk_status rk_eccsi_verify_with_he(const rk_eccsi_verifier_ctx *v,
                                                const uint8_t *id, size_t id_len,
                                                const uint8_t he[32],
                                                const uint8_t *sig, size_t sig_len);

/*
 * KMS side (RFC 6507 5.1.1), for tests and the test KMS.
 * rk_eccsi_kms_kpak: kpak := [KSAK]G; KSAK in [1, q-1] (RK_ERR_SCALAR_RANGE).
 * rk_eccsi_kms_make_ssk: with the caller's random v in [1, q-1]
 * (RK_ERR_SCALAR_RANGE): PVT := [v]G, HS := hash(G || KPAK || ID || PVT),
 * SSK := KSAK + HS v mod q.  RK_ERR_ECCSI_RETRY (call again with a new v)
 * when SSK or HS is 0 mod q.  RK_ERR_ECCSI_KPAK if kpak is not [KSAK]G.
 * On error every output is zeroed.  CT: constant time in KSAK and v.
 */
/*@ requires \valid(kpak + (0 .. 64));
    requires \valid_read(ksak + (0 .. 31));
    assigns kpak[0 .. 64]; */
RK_MUST_CHECK rk_status rk_eccsi_kms_kpak(uint8_t kpak[65], const uint8_t ksak[32]) RK_API;

/*@ requires \valid(ssk + (0 .. 31)) && \valid(pvt + (0 .. 64));
    requires \valid_read(ksak + (0 .. 31)) && \valid_read(kpak + (0 .. 64));
    requires \valid_read(id + (0 .. id_len - 1));
    requires \valid_read(v + (0 .. 31));
    assigns ssk[0 .. 31], pvt[0 .. 64]; */
RK_MUST_CHECK rk_status rk_eccsi_kms_make_ssk(uint8_t ssk[32], uint8_t pvt[65],
                                              const uint8_t ksak[32], const uint8_t kpak[65],
                                              const uint8_t *id, size_t id_len,
                                              const uint8_t v[32]) RK_API;

#ifdef __cplusplus
}
#endif
#endif
