/* SPDX-License-Identifier: Apache-2.0
 * rootkey/sakke.h - SAKKE (RFC 6508) with parameter set 1 (RFC 6509
 * Appendix A): encapsulation of a 16-octet SSV to an identifier under a KMS
 * public key Z, decapsulation with the receiver secret key (RSK), RSK
 * validation at installation, and the KMS computations (for tests and the
 * test KMS).
 *
 * Identifier b: the octet string (3GPP: the 32-octet TS 33.180 UID; the RFC
 * vector: a 26-octet string), read as a big-endian integer and reduced mod q
 * where a point multiple is needed (RFC 6508 2.2).  1 .. 128 octets.
 *
 * Encapsulated data (RFC 6508 6.2.1 step 5, RFC 6509 4.2): 0x04 || Rx || Ry
 * || H = 273 octets.
 *
 * Octets of g^r fed to HashToIntegerRange (RFC 6508 6.2.1 step 4): sources
 * disagree (fixed 128 octets vs the minimal big-endian length; they differ
 * when the top octet is 0, about 1 message in 256).  Encapsulation uses the
 * fixed 128-octet form (what Debian's libwolfssl does: measured by the sakke
 * suite, docs/sakke.md).  Decapsulation tries the fixed form; when TEST fails
 * it tries once more with the minimal form.  TEST (RFC 6508 6.2.2 step 5)
 * makes the second try safe: an SSV is output only when [r]([b]P + Z) = R.
 *
 * Contexts are caller-owned and large (tables, see docs/sakke.md):
 *   rk_sakke_sender_ctx    ~ 192 KiB: comb tables for P and Z, g^r table.
 *   rk_sakke_receiver_ctx  ~ 520 KiB: the comb of the receiver's own
 *                          [b]P + Z (TEST is [r] of it), the g^r
 *                          table (choosing between the two w encodings), and the
 *                          per-RSK Miller-loop line table (392 KiB) when
 *                          installed with with_table = 1.
 * Contexts hold public data only, except the receiver's RSK and line table
 * (secret): call rk_sakke_receiver_wipe when done.
 *
 * Errors are distinct per check (status.h, sakke block).  On any error every
 * output buffer is zeroed; decapsulation never leaves a candidate SSV in the
 * caller's buffer (RFC 6508 6.2.2 step 5: the SSV MUST NOT be used).
 *
 * CT: encapsulation is constant time in the SSV and r; decapsulation and RSK
 * validation are constant time in the RSK (the pairing's control flow depends
 * on q only); the only data-dependent branches are on public values (lengths,
 * the received R's validity, and whether TEST failed, which the status
 * reveals anyway).
 */
#ifndef ROOTKEY_SAKKE_H
#define ROOTKEY_SAKKE_H

#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"
#include "rootkey/sscurve.h"
#include "rootkey/pairing.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RK_SAKKE_SSV_BYTES 16
#define RK_SAKKE_POINT_BYTES 257
#define RK_SAKKE_DATA_BYTES 273
#define RK_SAKKE_ID_MAX_BYTES 128
#define RK_SAKKE_SCALAR_BYTES 128

typedef struct {
    rk_ss_aff Z;
    rk_ss_comb combP;
    rk_ss_comb combZ;
    rk_gt_table gt;
} rk_sakke_sender_ctx;

typedef struct {
    rk_ss_aff Z;
    rk_ss_aff K;                       /* the RSK (secret) */
    uint8_t id[RK_SAKKE_ID_MAX_BYTES];
    size_t id_len;
    uint64_t with_table;               /* 1: pairing through `lines` */
    rk_ss_comb combQ;                  /* comb of [b]P + Z, b from id (TEST) */
    rk_gt_table gt;                    /* g^r filter of the two w encodings */
    rk_pairing_table lines;            /* secret: derived from the RSK */
} rk_sakke_receiver_ctx;

size_t rk_sakke_sender_ctx_bytes(void) RK_API;
size_t rk_sakke_receiver_ctx_bytes(void) RK_API;

/*
 * rk_sakke_kms_public - KMS: Z = [z]P (RFC 6508 2.2), z given as z_len <= 128
 * big-endian octets.  Errors: RK_ERR_LENGTH (z_len 0 or > 128),
 * RK_ERR_SAKKE_KMS_SECRET (z = 0 or z >= q).  CT in z.
 */
/*@ requires \valid(z_out + (0 .. 256));
    requires \valid_read(z + (0 .. z_len - 1));
    assigns z_out[0 .. 256]; */
RK_MUST_CHECK rk_status rk_sakke_kms_public(uint8_t z_out[257], const uint8_t *z, size_t z_len) RK_API;

/*
 * rk_sakke_kms_rsk - KMS: K_a = [(a + z)^-1 mod q]P for identifier a (RFC
 * 6508 6.1.1).  Errors: RK_ERR_LENGTH, RK_ERR_SAKKE_ID_LENGTH,
 * RK_ERR_SAKKE_KMS_SECRET (z out of range or a + z = 0 mod q).  CT in z.
 */
/*@ requires \valid(k_out + (0 .. 256));
    requires \valid_read(z + (0 .. z_len - 1));
    requires \valid_read(id + (0 .. id_len - 1));
    assigns k_out[0 .. 256]; */
RK_MUST_CHECK rk_status rk_sakke_kms_rsk(uint8_t k_out[257], const uint8_t *z, size_t z_len,
                                         const uint8_t *id, size_t id_len) RK_API;

/*
 * rk_sakke_sender_init - validate the KMS public key Z (0x04, coordinates
 * < p, on the curve, order q: RK_ERR_SAKKE_Z_POINT otherwise) and build the
 * sender's tables.  On error *ctx is zeroed.
 */
/*@ requires \valid(ctx) && \valid_read(z_pub + (0 .. 256));
    assigns *ctx; */
RK_MUST_CHECK rk_status rk_sakke_sender_init(rk_sakke_sender_ctx *ctx, const uint8_t z_pub[257]) RK_API;

/*
 * rk_sakke_encapsulate - RFC 6508 6.2.1 for the caller's SSV (ssv_len must
 * be 16: RK_ERR_SAKKE_SSV_LENGTH) to identifier id (RK_ERR_SAKKE_ID_LENGTH).
 * Writes 273 octets to data.  RK_ERR_SAKKE_R_ZERO if r = 0.  The SSV must be
 * fresh randomness (the SAKKE "r" derives from it).
 */
/*@ requires \valid_read(ctx);
    requires \valid(data + (0 .. 272));
    requires \valid_read(id + (0 .. id_len - 1));
    requires \valid_read(ssv + (0 .. ssv_len - 1));
    assigns data[0 .. 272]; */
RK_MUST_CHECK rk_status rk_sakke_encapsulate(uint8_t data[273], const rk_sakke_sender_ctx *ctx,
                                             const uint8_t *id, size_t id_len,
                                             const uint8_t *ssv, size_t ssv_len) RK_API;

/*
 * rk_sakke_receiver_install - validate and install an RSK (RFC 6508 6.1.2,
 * MUST): Z and K are valid points of order q (RK_ERR_SAKKE_Z_POINT,
 * RK_ERR_SAKKE_RSK_POINT), and <[a]P + Z, K> = g (RK_ERR_SAKKE_RSK_INVALID).
 * with_table = 1 also precomputes the RSK's Miller-loop lines (faster
 * decapsulation, 392 KiB).  On error *ctx is zeroed.
 */
/*@ requires \valid(ctx) && \valid_read(z_pub + (0 .. 256)) && \valid_read(rsk + (0 .. 256));
    requires \valid_read(id + (0 .. id_len - 1));
    requires with_table == 0 || with_table == 1;
    assigns *ctx; */
RK_MUST_CHECK rk_status rk_sakke_receiver_install(rk_sakke_receiver_ctx *ctx,
                                                  const uint8_t z_pub[257],
                                                  const uint8_t *id, size_t id_len,
                                                  const uint8_t rsk[257], int with_table) RK_API;

/*
 * rk_sakke_decapsulate - RFC 6508 6.2.2: parse data (273 octets:
 * RK_ERR_SAKKE_LENGTH), validate R before the pairing (RK_ERR_SAKKE_R_PREFIX,
 * _R_RANGE, _R_CURVE, _R_ORDER), w = <R, K>, SSV = H xor mask, r, and TEST
 * (RK_ERR_SAKKE_TEST).  ssv_len must be 16 (RK_ERR_SAKKE_SSV_LENGTH).  A
 * context that was wiped or never installed is refused (RK_ERR_SAKKE_ID_LENGTH).
 * ssv is written only on success; on every error it is all zero.
 */
/*@ requires \valid_read(ctx);
    requires \valid(ssv + (0 .. ssv_len - 1));
    requires \valid_read(data + (0 .. data_len - 1));
    assigns ssv[0 .. ssv_len - 1]; */
RK_MUST_CHECK rk_status rk_sakke_decapsulate(uint8_t *ssv, size_t ssv_len,
                                             const rk_sakke_receiver_ctx *ctx,
                                             const uint8_t *data, size_t data_len) RK_API;

/* As rk_sakke_decapsulate; *form = 0 when the fixed 128-octet form of w
 * passed TEST, 1 when the minimal-length form did (-1 on error). */
/*@ requires \valid_read(ctx) && \valid(form);
    requires \valid(ssv + (0 .. ssv_len - 1));
    requires \valid_read(data + (0 .. data_len - 1));
    assigns ssv[0 .. ssv_len - 1], *form; */
RK_MUST_CHECK rk_status rk_sakke_decapsulate_form(uint8_t *ssv, size_t ssv_len,
                                                  const rk_sakke_receiver_ctx *ctx,
                                                  const uint8_t *data, size_t data_len,
                                                  int *form) RK_API;

/* Zero the receiver context (it holds the RSK). */
/*@ requires \valid(ctx);
    assigns *ctx; */
void rk_sakke_receiver_wipe(rk_sakke_receiver_ctx *ctx) RK_API;

#ifdef __cplusplus
}
#endif
#endif
