/* SPDX-License-Identifier: Apache-2.0
 * rootkey/rootkey.h - the root-key message: wrap an LMR root key for one MC
 * user (IWF side) and unwrap it (client side).  The wire format is
 * docs/profile-element.md; the design docs/design.md §3 to §5.
 *
 * The message is a MIKEY-SAKKE I_MESSAGE (rootkey/mikeysakke.h) built like
 * the TS 33.180 Annex E messages:
 *   HDR    CSB-ID = root-key ID: purpose tag (4 bits, default 0xF) || 28
 *          random bits; #CS = 0, empty map
 *   T      NTP-UTC seconds of wrapping: selects the key period of both the
 *          user's UID (SAKKE) and the IWF's UID (ECCSI)
 *   RAND   16 random octets
 *   IDRi   role 1, the IWF's URI (unwrap: or role 8, its UID);  IDRr role 2, the MCPTT ID
 *   IDRkmsi / IDRkmsr  the KMS URIs
 *   SAKKE  SSV = K_T, a fresh 16-octet root-key transport key, to
 *          UID(user, user KMS, key period of T)
 *   GE 7   TS 33.180 E.6 key parameters (key type = purpose tag, status 1 =
 *          not revoked, activation, expiry, text), AES-128-GCM under
 *          DPCK = rk_dpck(K_T, CSB-ID)
 *   GE 250 the LMR root-key block (rootkey/lmr.h), protected the same way
 *   SIGN   ECCSI by the IWF over HDR .. SIGN type/length
 * Wrapping ahead for the next key period: pass a T inside that period (its
 * first second, say), signed with the IWF's key set for that period.
 *
 * Security level: 128 bits end to end (SAKKE parameter set 1, P-256,
 * AES-128).  A 256-bit UKEK travels bit-exactly, not at 256-bit strength.
 *
 * Unwrap checks, in this order (docs/design.md §5), cheap first, each failure with
 * its own code and every output zeroed:
 *   1. strict parse and HDR values                         (mikey codes)
 *   2. the purpose tag of the CSB-ID                       RK_ERR_RK_PURPOSE
 *   3. IDRi is an authorised IWF: its URI, or its UID for T   RK_ERR_RK_IWF
 *   4. a key set for IDRkmsr and the key period of T       RK_ERR_RK_NO_KEYSET
 *   5. that period is the current or the previous one      RK_ERR_POLICY_*_PERIOD
 *   6. IDRr is me, KMS URIs, ECCSI, SAKKE (R in the order-q subgroup before
 *      the pairing, TEST after), both GCM tags            (mikeysakke codes)
 *   7. key type of GE 7 = purpose tag; LMR block valid     RK_ERR_RK_KEY_TYPE, lmr codes
 *   8. the LMR type is the expected one (if given)         RK_ERR_RK_LMR_TYPE
 *   9. strictly newer than the stored element of this ID   RK_ERR_POLICY_REPLAY/_ROLLBACK
 *  10. activation/expiry window at `now`                   RK_ERR_POLICY_NOT_ACTIVE/_EXPIRED
 *
 * CT: K_T, DPCK, the GCM plaintexts and the root key are secret: constant
 * time in them (the layers below are); identities, times and lengths are
 * public.
 */
#ifndef ROOTKEY_ROOTKEY_H
#define ROOTKEY_ROOTKEY_H
#include <stddef.h>
#include <stdint.h>
#include "rootkey/status.h"
#include "rootkey/lmr.h"
#include "rootkey/mikeysakke.h"
#include "rootkey/keyperiod.h"

#ifdef __cplusplus
extern "C" {
#endif
#define RK_ROOTKEY_GENEXT_TYPE 250       /* private-use General Extension */
#define RK_ROOTKEY_DEFAULT_TAG 0xF       /* no 3GPP purpose tag exists for LMR root keys */
#define RK_ROOTKEY_KP_MSG_TYPE 0x43      /* E.6 framing message type, as Streamwide sends */
#define RK_ROOTKEY_MAX_MSG 1400          /* longest root-key message written */
/* caller randomness for one wrap: K_T 16 | CSB-ID 4 (28 bits used) | RAND 16 |
 * two GCM IVs 32 | ECCSI hedged nonce 32, at these offsets */
#define RK_ROOTKEY_WRAP_RND_BYTES 100
#define RK_ROOTKEY_RND_KT 0              /* K_T (the SSV), RK_MIKEYSAKKE_SSV_BYTES */
#define RK_ROOTKEY_RND_CSB 16            /* 4 octets, the low 28 bits of the CSB-ID */
#define RK_ROOTKEY_RND_RAND 20           /* the MIKEY RAND, RK_ROOTKEY_RAND_BYTES */
#define RK_ROOTKEY_RND_IV 36             /* the two GCM IVs, RK_ROOTKEY_RND_IV_BYTES */
#define RK_ROOTKEY_RND_IV_BYTES 32       /* 2 * RK_MIKEYSAKKE_IV_BYTES */
#define RK_ROOTKEY_RND_SIGN 68           /* the ECCSI nonce, RK_MIKEYSAKKE_SIGN_RND_BYTES */
#define RK_ROOTKEY_RAND_BYTES 16         /* RAND length written (MIKEY allows 16..32) */
#define RK_ROOTKEY_TAG_MAX 15            /* the purpose tag: the top 4 bits of the CSB-ID */
#define RK_ROOTKEY_MAX_IWF 16            /* authorised IWFs per unwrap call */
#define RK_ROOTKEY_MAX_KEYSETS 4         /* client key sets per unwrap call */
#define RK_ROOTKEY_TEXT "LMR root key"   /* the E.6 Text (TS 33.180 E.6.5) the IWF writes */

/* The IWF's inputs for one user. */
typedef struct {
    /* the IWF (initiator): its validated ECCSI signer for the key period of
     * ts_sec, the UID it was issued for, its KMS's KPAK (optional: verify
     * after signing), its URI and KMS URI */
    const rk_eccsi_signer_ctx *signer;
    const uint8_t *iwf_uid;                 /* 32 */
    const rk_eccsi_verifier_ctx *verifier;  /* NULL: no verify-after-sign */
    const uint8_t *iwf_uri;
    size_t iwf_uri_len;
    const uint8_t *iwf_kms_uri;
    size_t iwf_kms_uri_len;
    /* the user (receiver): their KMS's SAKKE sender context (Z and its
     * table), MCPTT ID, KMS URI, and that KMS's UserKeyPeriod/Offset */
    const rk_sakke_sender_ctx *sakke;
    const uint8_t *user_uri;
    size_t user_uri_len;
    const uint8_t *user_kms_uri;
    size_t user_kms_uri_len;
    uint64_t period_len, period_offset;
    /* the root key and its metadata */
    const rk_lmr_block *lmr;
    uint8_t purpose_tag;                    /* 0..RK_ROOTKEY_TAG_MAX; RK_ROOTKEY_DEFAULT_TAG */
    uint64_t activation, expiry;            /* Unix seconds; 0 = at once / never */
    const uint8_t *text;                    /* optional E.6 text, may be NULL */
    size_t text_len;
    /* time and randomness */
    uint32_t ts_sec;                        /* T: NTP seconds (rk_ntp_from_unix) */
    const uint8_t *rnd;                     /* RK_ROOTKEY_WRAP_RND_BYTES */
} rk_rootkey_wrap_in;

/*@ predicate rk_rootkey_wrap_in_ok(rk_rootkey_wrap_in *in) =
        \valid_read(in->signer) && \valid_read(in->iwf_uid + (0 .. RK_MIKEYSAKKE_UID_BYTES - 1)) &&
        (in->verifier == \null || \valid_read(in->verifier)) &&
        in->iwf_uri_len <= RK_MIKEYSAKKE_URI_MAX_BYTES && \valid_read(in->iwf_uri + (0 .. in->iwf_uri_len - 1)) &&
        in->iwf_kms_uri_len <= RK_MIKEYSAKKE_URI_MAX_BYTES && \valid_read(in->iwf_kms_uri + (0 .. in->iwf_kms_uri_len - 1)) &&
        \valid_read(in->sakke) &&
        in->user_uri_len <= RK_MIKEYSAKKE_URI_MAX_BYTES && \valid_read(in->user_uri + (0 .. in->user_uri_len - 1)) &&
        in->user_kms_uri_len <= RK_MIKEYSAKKE_URI_MAX_BYTES && \valid_read(in->user_kms_uri + (0 .. in->user_kms_uri_len - 1)) &&
        \valid_read(in->lmr) &&
        (in->text == \null || (in->text_len <= RK_MIKEYSAKKE_KP_MAX_BYTES && \valid_read(in->text + (0 .. in->text_len - 1)))) &&
        \valid_read(in->rnd + (0 .. RK_ROOTKEY_WRAP_RND_BYTES - 1)); */

/*
 * rk_rootkey_wrap - the signed root-key message into msg[0..cap-1]
 * (RK_ROOTKEY_MAX_MSG is always enough), its root-key ID in *key_id and the
 * key period it is encrypted for in *period_no.
 * Errors: RK_ERR_RK_PURPOSE (tag > RK_ROOTKEY_TAG_MAX), lmr encode codes, RK_ERR_KEYPERIOD,
 * mikeysakke send codes, RK_ERR_BUFFER, RK_ERR_NULL.  On error msg is zeroed
 * and *msg_len, *key_id, *period_no are 0.
 */
/*@ requires \valid_read(in) && rk_rootkey_wrap_in_ok(in);
    requires cap <= 0x7fffffff && \valid(msg + (0 .. cap - 1));
    requires \valid(msg_len) && \valid(key_id) && \valid(period_no);
    requires \separated(msg + (0 .. cap - 1), msg_len, key_id, period_no, in);
    assigns msg[0 .. cap - 1], *msg_len, *key_id, *period_no;
    ensures \result == RK_OK ==> *msg_len <= cap;
    ensures \result != RK_OK ==> *msg_len == 0 && *key_id == 0 && *period_no == 0; */
RK_MUST_CHECK rk_status rk_rootkey_wrap(uint8_t *msg, size_t cap, size_t *msg_len,
                                        uint32_t *key_id, uint64_t *period_no,
                                        const rk_rootkey_wrap_in *in) RK_API;

/* The client's inputs. */
typedef struct {
    /* my key sets (typically the current and the previous key period), each
     * a complete receiver description; the one whose KMS URI is IDRkmsr and
     * whose period_no is the key period of T is used.  Leave their
     * expected_uri/expected_uid NULL and ext_type 0: unwrap sets them. */
    const rk_mikeysakke_rx *keysets;
    size_t n_keysets;
    /* authorised IWF URIs (IDRi: one of them, or its UID for T's period) */
    const uint8_t *const *iwf_uris;
    const size_t *iwf_uri_lens;
    size_t n_iwf;
    uint8_t purpose_tag;                    /* expected; RK_ROOTKEY_DEFAULT_TAG */
    uint8_t lmr_type;                       /* expected RK_LMR_*, 0 = any */
    /* what is stored for this root-key ID (no rollback) */
    int have_stored;
    uint64_t stored_wrap_time;              /* seconds since 1900 */
    /* the clock */
    int64_t now_unix;
} rk_rootkey_unwrap_in;

/* What the client gets (all zero after any error). */
typedef struct {
    uint32_t key_id;                        /* the CSB-ID */
    uint64_t wrap_time;                     /* T, seconds since 1900, era-extended */
    uint64_t period_no;                     /* the key period it was encrypted for */
    uint64_t activation, expiry;            /* Unix seconds, 0 = at once / never */
    size_t iwf_index;                       /* which authorised IWF signed it */
    size_t keyset_index;                    /* which key set opened it */
    rk_lmr_block lmr;                       /* LMR identifiers and the root key (secret) */
} rk_rootkey_result;

/*
 * rk_rootkey_unwrap - checks 1..10 above on msg[0..len-1]; *out holds the
 * root key only if every check passed.  Scratch holds the (large) receive
 * state so that callers choose where it lives (stack, static, guarded).
 */
typedef struct {
    rk_mikeysakke_result res;
    uint8_t ext[RK_LMR_MAX_BYTES + 64];
    rk_mikeysakke_rx rx;
    rk_mikey_view view;
} rk_rootkey_scratch;

/*@ predicate rk_rootkey_unwrap_in_ok(rk_rootkey_unwrap_in *in) =
        1 <= in->n_keysets <= RK_ROOTKEY_MAX_KEYSETS && \valid_read(in->keysets + (0 .. in->n_keysets - 1)) &&
        (\forall integer k; 0 <= k < in->n_keysets ==> rk_msak_rx_ok(in->keysets + k)) &&
        1 <= in->n_iwf <= RK_ROOTKEY_MAX_IWF && \valid_read(in->iwf_uris + (0 .. in->n_iwf - 1)) &&
        \valid_read(in->iwf_uri_lens + (0 .. in->n_iwf - 1)) &&
        (\forall integer k; 0 <= k < in->n_iwf ==> in->iwf_uri_lens[k] <= RK_MIKEYSAKKE_URI_MAX_BYTES &&
            \valid_read(in->iwf_uris[k] + (0 .. in->iwf_uri_lens[k] - 1))); */

/*@ requires \valid(out) && \valid(scratch) && \valid_read(in) && rk_rootkey_unwrap_in_ok(in);
    requires len <= 0x7fffffff && \valid_read(msg + (0 .. len - 1));
    requires \separated(out, scratch, in, msg + (0 .. len - 1));
    requires \separated(scratch, in->keysets + (0 .. in->n_keysets - 1));
    requires \separated(scratch, in->iwf_uris + (0 .. in->n_iwf - 1),
                        in->iwf_uri_lens + (0 .. in->n_iwf - 1));
    assigns *out, *scratch;
    ensures \result != RK_OK ==> out->key_id == 0 && out->lmr.key_len == 0 && out->lmr.lmr_type == 0; */
RK_MUST_CHECK rk_status rk_rootkey_unwrap(rk_rootkey_result *out, rk_rootkey_scratch *scratch,
                                          const rk_rootkey_unwrap_in *in,
                                          const uint8_t *msg, size_t len) RK_API;

/* Zero a result (it holds the root key). */
/*@ requires \valid(r);
    assigns *r;
    ensures r->key_id == 0 && r->lmr.key_len == 0 && r->lmr.lmr_type == 0; */
void rk_rootkey_result_wipe(rk_rootkey_result *r) RK_API;

#ifdef __cplusplus
}
#endif
#endif
