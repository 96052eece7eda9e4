/* SPDX-License-Identifier: Apache-2.0
 * rootkey/mikeysakke.h - generic MIKEY-SAKKE send and receive (RFC 6509 as
 * profiled by TS 33.180 Annex E): the I_MESSAGE of a GMK, PCK, CSK or of
 * rootkey's root-key message, end to end.
 *
 * Receive (rk_mikeysakke_receive), in this order, cheap checks first, the
 * pairing last but one (docs/mikeysakke.md gives the reasons):
 *   1. strict parse (rk_mikey_parse: HDR values, payload set and order);
 *   2. IDRkmsr is my KMS URI, IDRkmsi the KMS URI of the KPAK I was given;
 *   3. IDRr names me: role 2 = my URI (octet equality), role 9 = the UID my
 *      RSK was issued for (TS 33.180 E.7);
 *   4. the key period of T (TS 33.180 F.2.1, under my KMS's period length and
 *      offset) is the key period of my key set; in URI mode the installed
 *      RSK's identifier must also equal UID(my URI, my KMS URI, period);
 *   5. the signer identity: role 8 IDRuidi as is, or role 1
 *      UID(IDRi URI, IDRkmsi URI, the initiator KMS's period length and
 *      offset, the key period of T under those); optionally compared with
 *      the initiator the caller expects;
 *   6. ECCSI verification (RFC 6507 5.2.2) of the signature over
 *      view.signed_range (first HDR octet through the SIGN type/length
 *      octets);
 *   7. SAKKE decapsulation (RFC 6508 6.2.2: R validated before the pairing,
 *      TEST after) with my RSK -> SSV;
 *   8. for each protected General Extension the caller asks for (type 7, and
 *      one of the private types 241..255): TS 33.180 E.6 framing
 *      (rk_keyparams_frame_decode, DPPK-ID = CSB-ID), DPCK = rk_dpck(SSV,
 *      CSB-ID), AES-128-GCM open with the 16-octet IV and the 32-octet AAD;
 *      type 7 is then decoded with rk_keyparams_decode.
 * Output: the SSV, CSB-ID, T, the key period, the signer UID, the parsed
 * view (its spans index the caller's message), the type-7 plaintext and its
 * decoded view, and the requested private extension's plaintext in a caller
 * buffer.  On any error every output is zeroed.
 *
 * What the core does NOT decide (the caller's / shim's policy): freshness
 * and replay (T window, CSB-ID monotonicity), which initiators are
 * authorised (pass expected_uri/expected_uid to have one compared), key
 * expiry/revocation from the key parameters, and what a key type means.
 *
 * Send (rk_mikeysakke_send): SAKKE-encapsulates the caller's SSV to the
 * receiver's UID (any key period: a UID of the next period works),
 * encrypts the optional key parameters (type 7) and private extensions
 * under DPCK(SSV, CSB-ID) with caller IVs, writes the I_MESSAGE through
 * rk_mikey_encode and signs it with ECCSI (hedged nonce from caller
 * randomness).  What it writes, rk_mikeysakke_receive accepts.
 *
 * Errors: codes of the lower layers pass through unchanged (mikey -600..
 * -649 parse, eccsi -3xx signature, sakke -4xx decapsulation, RK_ERR_GCM_TAG,
 * keyparams -7xx framing and plaintext, RK_ERR_KEYPERIOD / RK_ERR_KDF_PARAM
 * from hash), and this module's own checks have the -650 .. -699 codes of
 * status.h (RK_ERR_MSAK_*).  One code per check.
 *
 * CT: the SSV, DPCK and extension plaintexts are secret: no branch or index
 * depends on them (SAKKE, GCM and the copies are constant time; the GCM tag
 * decision is public).  Identities, lengths and the message are public.
 * Signing is constant time in the SSK (rootkey/eccsi.h).
 */
#ifndef ROOTKEY_MIKEYSAKKE_H
#define ROOTKEY_MIKEYSAKKE_H

#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"
#include "rootkey/mikey.h"
#include "rootkey/keyparams.h"
#include "rootkey/eccsi.h"
#include "rootkey/sakke.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RK_MIKEYSAKKE_SSV_BYTES 16        /* GMK, PCK, CSK, K_T: TS 33.180 E.1 */
#define RK_MIKEYSAKKE_UID_BYTES 32        /* TS 33.180 F.2.1 */
#define RK_MIKEYSAKKE_URI_MAX_BYTES 1024  /* longest URI compared or hashed */
#define RK_MIKEYSAKKE_KP_MAX_BYTES 1024   /* longest type-7 plaintext kept */
#define RK_MIKEYSAKKE_MAX_EXT 2           /* private extensions on send */
#define RK_MIKEYSAKKE_IV_BYTES 16         /* per protected extension (E.6) */
#define RK_MIKEYSAKKE_SIGN_RND_BYTES 32   /* ECCSI hedged-nonce randomness */

/* Key parameters (type 7) on receive. */
#define RK_MIKEYSAKKE_KP_IGNORE 0         /* not decrypted even if present */
#define RK_MIKEYSAKKE_KP_IF_PRESENT 1     /* decrypted and decoded if present */
#define RK_MIKEYSAKKE_KP_REQUIRED 2       /* RK_ERR_MSAK_KP_MISSING if absent */

/*
 * What the receiver knows (all public except the RSK inside *sakke).
 *
 * kpak / kmsi_*: the initiator's KMS (its KPAK as a verifier context, its
 * URI, which IDRkmsi must equal octet for octet, and its UserKeyPeriod /
 * UserKeyOffset, used to compute the signer UID from a role-1 IDRi).
 *
 * sakke / kmsr_* / period_*: my key set: the installed RSK (its identifier
 * sakke->id is my UID for key period period_no), my KMS URI (IDRkmsr must
 * equal it), my KMS's UserKeyPeriod / UserKeyOffset and the KeyPeriodNo of
 * the key set.
 *
 * my_uri: my MC service ID (URI mode: a role-2 IDRr must equal it, and the
 * RSK's identifier must be UID(my_uri, kmsr_uri, period_len, period_offset,
 * period_no)).  NULL (UID-only mode): only role-9 IDRuidr messages are
 * accepted (RK_ERR_MSAK_RECEIVER_URI for role 2).
 *
 * expected_uri / expected_uid (optional, NULL = any initiator): the
 * initiator the caller expects (e.g. the authorised IWF or GMS).  With
 * expected_uri a role-1 IDRi must equal it and a role-8 IDRuidi must equal
 * its UID for T's key period; with expected_uid the signer UID must equal
 * it.  Mismatch: RK_ERR_MSAK_INITIATOR.
 *
 * kp_mode: RK_MIKEYSAKKE_KP_IGNORE / _IF_PRESENT / _REQUIRED.
 * ext_type: 0 (no private extension wanted) or 241..255: that General
 * Extension must be present (RK_ERR_MSAK_EXT_MISSING) and is decrypted into
 * the caller's ext_out buffer.
 */
typedef struct {
    const rk_eccsi_verifier_ctx *kpak;
    const uint8_t *kmsi_uri;
    size_t kmsi_uri_len;
    uint64_t kmsi_period_len, kmsi_period_offset;

    const rk_sakke_receiver_ctx *sakke;
    const uint8_t *kmsr_uri;
    size_t kmsr_uri_len;
    uint64_t period_len, period_offset;
    uint64_t period_no;

    const uint8_t *my_uri;            /* NULL: UID-only mode */
    size_t my_uri_len;

    const uint8_t *expected_uri;      /* NULL: any */
    size_t expected_uri_len;
    const uint8_t *expected_uid;      /* NULL or 32 octets */

    int kp_mode;
    uint8_t ext_type;
} rk_mikeysakke_rx;

/*
 * The receive result.  Spans of `view` index the caller's message; spans of
 * `kp` index kp_pt.  All zero after any error.
 */
typedef struct {
    uint8_t ssv[RK_MIKEYSAKKE_SSV_BYTES];   /* secret: the decapsulated key */
    uint32_t csb_id;                        /* HDR CSB-ID (= DPPK-ID) */
    uint32_t ts_sec, ts_frac;               /* T, NTP-UTC */
    uint64_t period_no;                     /* key period of T (mine) */
    uint8_t initiator_uid[RK_MIKEYSAKKE_UID_BYTES]; /* the verified signer */
    int sakke_form;                         /* 0/1: rk_sakke_decapsulate_form */
    rk_mikey_view view;
    size_t has_kp;                          /* type 7 decrypted and decoded */
    rk_kp_header kp_header;
    rk_kp_params_view kp;
    size_t kp_pt_len;
    uint8_t kp_pt[RK_MIKEYSAKKE_KP_MAX_BYTES];
    size_t has_ext;                         /* the private extension decrypted */
    rk_kp_header ext_header;                /* its framing header */
} rk_mikeysakke_result;

/*@ predicate rk_msak_opt(uint8_t *p, integer n) =
        p == \null || (n <= 1024 && \valid_read(p + (0 .. n - 1)));
    predicate rk_msak_rx_ok(rk_mikeysakke_rx *rx) =
        \valid_read(rx->kpak) && \valid_read(rx->sakke) &&
        rx->kmsi_uri_len <= 1024 && \valid_read(rx->kmsi_uri + (0 .. rx->kmsi_uri_len - 1)) &&
        rx->kmsr_uri_len <= 1024 && \valid_read(rx->kmsr_uri + (0 .. rx->kmsr_uri_len - 1)) &&
        rk_msak_opt(rx->my_uri, rx->my_uri_len) &&
        rk_msak_opt(rx->expected_uri, rx->expected_uri_len) &&
        (rx->expected_uid == \null || \valid_read(rx->expected_uid + (0 .. 31)));
*/

/*
 * rk_mikeysakke_receive - verify and decrypt the I_MESSAGE msg[0..len-1]
 * (steps 1-8 above) for the receiver described by *rx.
 *
 * Outputs: *res (see rk_mikeysakke_result); when rx->ext_type != 0, the
 * private extension's plaintext in ext_out[0 .. *ext_len-1] (ext_cap too
 * small: RK_ERR_BUFFER; ext_out may be NULL when ext_cap is 0).
 *
 * Errors (own codes; lower-layer codes pass through, see above):
 *   RK_ERR_MSAK_KMSR          IDRkmsr is not rx->kmsr_uri
 *   RK_ERR_MSAK_KMSI          IDRkmsi is not rx->kmsi_uri
 *   RK_ERR_MSAK_RECEIVER      IDRr / IDRuidr does not name me
 *   RK_ERR_MSAK_RECEIVER_URI  role-2 IDRr in UID-only mode (cannot check)
 *   RK_ERR_MSAK_PERIOD        T is not in my key set's key period
 *   RK_ERR_MSAK_KEYSET        URI mode: the RSK is not for UID(my URI ...)
 *   RK_ERR_MSAK_INITIATOR     not the initiator the caller expects
 *   RK_ERR_MSAK_KP_MISSING    type 7 required but absent
 *   RK_ERR_MSAK_KP_TOO_LONG   type-7 plaintext over RK_MIKEYSAKKE_KP_MAX_BYTES
 *   RK_ERR_MSAK_EXT_TYPE      rx->ext_type neither 0 nor 241..255
 *   RK_ERR_MSAK_EXT_MISSING   the requested private extension is absent
 *   RK_ERR_MSAK_CONFIG        rx inconsistent (kp_mode, a URI too long,
 *                             a verifier context not initialised)
 *   RK_ERR_BUFFER, RK_ERR_NULL.
 * On any error *res is all zero, ext_out[0 .. ext_cap-1] is zero and
 * *ext_len = 0.
 *
 * CT: see the file comment; the receive path is constant time in the RSK,
 * the SSV and the plaintexts (checked by tests/ct/c_mikeysakke.c).
 */
/*@ requires \valid(res) && \valid(ext_len);
    requires \valid_read(rx) && rk_msak_rx_ok(rx);
    requires len <= 0x7fffffff && \valid_read(msg + (0 .. len - 1));
    requires ext_cap <= 0x7fffffff;
    requires ext_cap == 0 || \valid(ext_out + (0 .. ext_cap - 1));
    requires \separated(res, ext_len, rx, msg + (0 .. len - 1));
    requires ext_cap == 0 || \separated(ext_out + (0 .. ext_cap - 1), res, ext_len, rx,
                                        msg + (0 .. len - 1));
    assigns *res, *ext_len, ext_out[0 .. ext_cap - 1];
    ensures \result == RK_OK ==> rk_mikey_view_ok(&res->view, len) && *ext_len <= ext_cap
        && res->kp_pt_len <= 1024;
    ensures \result != RK_OK ==> *ext_len == 0 && res->csb_id == 0 && res->has_kp == 0
        && res->has_ext == 0 && res->kp_pt_len == 0 && res->view.total_len == 0
        && (\forall integer k; 0 <= k < 16 ==> res->ssv[k] == 0); */
RK_MUST_CHECK rk_status rk_mikeysakke_receive(rk_mikeysakke_result *res,
                                              uint8_t *ext_out, size_t ext_cap, size_t *ext_len,
                                              const rk_mikeysakke_rx *rx,
                                              const uint8_t *msg, size_t len);

/* rk_mikeysakke_result_wipe - zero the whole result (it holds the SSV). */
/*@ requires \valid(res);
    assigns *res;
    ensures res->csb_id == 0 && res->has_kp == 0 && res->has_ext == 0 && res->kp_pt_len == 0
        && res->view.total_len == 0 && (\forall integer k; 0 <= k < 16 ==> res->ssv[k] == 0); */
void rk_mikeysakke_result_wipe(rk_mikeysakke_result *res);

/* --- send ------------------------------------------------------------------ */

/* An identity to write: IDRi role 1 (URI) or 8 (32-octet UID), IDRr role 2
 * (URI) or 9 (UID).  Written with ID type 1 (URI), as deployed stacks do. */
typedef struct {
    uint8_t role;
    const uint8_t *id;
    size_t id_len;
} rk_mikeysakke_id;

/* A private General Extension to protect: type 241..255, plaintext. */
typedef struct {
    uint8_t type;
    const uint8_t *pt;
    size_t pt_len;
} rk_mikeysakke_ext;

/*
 * What the sender writes.
 *   signer, signer_uid: a validated ECCSI signer (rk_eccsi_signer_init) and
 *     the UID it was issued for (the initiator's UID for T's key period: the
 *     ECCSI identity).  verifier (optional): the same KMS's KPAK; if given
 *     the signature is verified before release (rk_eccsi_sign_verified).
 *   sakke, receiver_uid: the receiver KMS's Z (rk_sakke_sender_init) and the
 *     receiver's UID for the key period the message is for.
 *   ssv: 16 octets of fresh randomness (the key transported, also the SAKKE
 *     randomness).  csb_id, cs/n_cs (0 = empty map; 1..4 GENERIC-ID sessions,
 *     as rk_mikey_msg), ts_sec/ts_frac (T), rand/rand_len (16..32).
 *   idr_i, idr_r: what to write as IDRi/IDRr; a role-8 id must equal
 *     signer_uid and a role-9 id receiver_uid (RK_ERR_MSAK_ID_MISMATCH).
 *   kmsi_uri, kmsr_uri: IDRkmsi / IDRkmsr.
 *   has_sp / sp_*: optional SP payload, as rk_mikey_msg.
 *   kp (optional): key parameters, encrypted into General Extension 7;
 *     kp_msg_type (0x43 or 0x40) and kp_date_time fill the framing header
 *     of every protected extension.
 *   ext/n_ext: private extensions (types 241..255, distinct), encrypted the
 *     same way; each plaintext at least 17 octets (the framing decoder's
 *     minimum, RK_ERR_KP_CT_LENGTH otherwise).
 *   ext_before_sakke: 0 writes the extensions after SAKKE (the Streamwide
 *     order), 1 before it (the ALEA order).
 *   iv_rnd: 16 octets per protected extension, in order (type 7 first, then
 *     ext[0], ext[1]); iv_rnd_len at least 16 * that count.
 *   sign_rnd: at least 32 octets of randomness for the hedged ECCSI nonce.
 */
typedef struct {
    const rk_eccsi_signer_ctx *signer;
    const uint8_t *signer_uid;               /* 32 octets */
    const rk_eccsi_verifier_ctx *verifier;   /* NULL: no self-verification */
    const rk_sakke_sender_ctx *sakke;
    const uint8_t *receiver_uid;             /* 32 octets */
    const uint8_t *ssv;                      /* 16 octets, secret */
    uint32_t csb_id;
    size_t n_cs;
    rk_mikey_cs_in cs[RK_MIKEY_MAX_CS];
    uint32_t ts_sec, ts_frac;
    const uint8_t *rand;
    size_t rand_len;
    rk_mikeysakke_id idr_i, idr_r;
    const uint8_t *kmsi_uri;
    size_t kmsi_uri_len;
    const uint8_t *kmsr_uri;
    size_t kmsr_uri_len;
    size_t has_sp;
    uint8_t sp_policy_no, sp_prot_type;
    const uint8_t *sp_params;
    size_t sp_params_len;
    const rk_kp_params *kp;                  /* NULL: no type 7 */
    uint8_t kp_msg_type;
    uint64_t kp_date_time;
    size_t n_ext;
    rk_mikeysakke_ext ext[RK_MIKEYSAKKE_MAX_EXT];
    size_t ext_before_sakke;
    const uint8_t *iv_rnd;
    size_t iv_rnd_len;
    const uint8_t *sign_rnd;
    size_t sign_rnd_len;
} rk_mikeysakke_tx;

/*@ predicate rk_msak_tx_ok(rk_mikeysakke_tx *tx) =
        \valid_read(tx->signer) && \valid_read(tx->signer_uid + (0 .. 31)) &&
        (tx->verifier == \null || \valid_read(tx->verifier)) &&
        \valid_read(tx->sakke) && \valid_read(tx->receiver_uid + (0 .. 31)) &&
        \valid_read(tx->ssv + (0 .. 15)) &&
        tx->n_cs <= 4 &&
        (\forall integer i; 0 <= i < tx->n_cs ==>
            tx->cs[i].n_policies <= 127 && tx->cs[i].session_data_len <= 65535 &&
            tx->cs[i].spi_len <= 255 &&
            \valid_read(tx->cs[i].policies + (0 .. tx->cs[i].n_policies - 1)) &&
            \valid_read(tx->cs[i].session_data + (0 .. tx->cs[i].session_data_len - 1)) &&
            \valid_read(tx->cs[i].spi + (0 .. tx->cs[i].spi_len - 1))) &&
        tx->rand_len <= 4096 && \valid_read(tx->rand + (0 .. tx->rand_len - 1)) &&
        tx->idr_i.id_len <= 4096 && \valid_read(tx->idr_i.id + (0 .. tx->idr_i.id_len - 1)) &&
        tx->idr_r.id_len <= 4096 && \valid_read(tx->idr_r.id + (0 .. tx->idr_r.id_len - 1)) &&
        tx->kmsi_uri_len <= 4096 && \valid_read(tx->kmsi_uri + (0 .. tx->kmsi_uri_len - 1)) &&
        tx->kmsr_uri_len <= 4096 && \valid_read(tx->kmsr_uri + (0 .. tx->kmsr_uri_len - 1)) &&
        tx->sp_params_len <= 4096 &&
        (tx->has_sp != 0 ==> \valid_read(tx->sp_params + (0 .. tx->sp_params_len - 1))) &&
        (tx->kp == \null || (\valid_read(tx->kp) && rk_kp_params_readable(tx->kp))) &&
        tx->n_ext <= 2 &&
        (\forall integer i; 0 <= i < tx->n_ext ==>
            tx->ext[i].pt_len <= 4096 &&
            \valid_read(tx->ext[i].pt + (0 .. tx->ext[i].pt_len - 1))) &&
        tx->iv_rnd_len <= 4096 && \valid_read(tx->iv_rnd + (0 .. tx->iv_rnd_len - 1)) &&
        tx->sign_rnd_len <= 4096 && \valid_read(tx->sign_rnd + (0 .. tx->sign_rnd_len - 1));
*/

/*
 * rk_mikeysakke_send - build and sign the I_MESSAGE described by *tx into
 * out[0 .. cap-1]; *out_len its length.
 *
 * Errors (own): RK_ERR_MSAK_ROLE (idr_i role not 1/8, idr_r role not 2/9),
 * RK_ERR_MSAK_ID_MISMATCH (a role-8/9 id not the signer/receiver UID),
 * RK_ERR_MSAK_EXT_TYPE (a private type outside 241..255), RK_ERR_LENGTH
 * (iv_rnd or sign_rnd too short), RK_ERR_BUFFER; passed through:
 * rk_mikey_encode's codes (what the parser would reject), rk_keyparams_*
 * encoder codes, SAKKE and ECCSI errors.  On any error out[0 .. cap-1] is
 * all zero and *out_len = 0.
 *
 * CT: constant time in the SSV, the extension plaintexts and the SSK.
 */
/*@ requires \valid(out_len) && \valid_read(tx) && rk_msak_tx_ok(tx);
    requires cap <= 0x7fffffff && \valid(out + (0 .. cap - 1));
    requires \separated(out + (0 .. cap - 1), out_len, tx);
    assigns out[0 .. cap - 1], *out_len;
    ensures \result == RK_OK ==> *out_len <= cap && *out_len <= 4096;
    ensures \result != RK_OK ==> *out_len == 0; */
RK_MUST_CHECK rk_status rk_mikeysakke_send(uint8_t *out, size_t cap, size_t *out_len,
                                           const rk_mikeysakke_tx *tx);

#ifdef __cplusplus
}
#endif
#endif
