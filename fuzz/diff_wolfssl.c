/* SPDX-License-Identifier: Apache-2.0 */
/* Differential fuzz harness: rootkey against Debian's libwolfssl (built with
 * WOLFCRYPT_HAVE_ECCSI and WOLFCRYPT_HAVE_SAKKE) on the same bytes, for
 *   op 0  ECCSI verify (RFC 6507 5.2.2): message, signature, identity under
 *         the RFC 6507 Appendix A KPAK;
 *   op 1  SAKKE decapsulation (RFC 6508 6.2.2): an SED against the RFC 6508
 *         Appendix A RSK; accept or reject, and the recovered SSV;
 *   op 2  RSK validation (RFC 6508 6.1.2): an identity and an RSK under the
 *         RFC 6508 KMS public key Z;
 *   op 3  SSK validation (RFC 6507 5.1.2): an identity, SSK and PVT under
 *         the RFC 6507 KPAK.
 * Any disagreement on accept or reject, or on the SSV, aborts.
 *
 * Input: byte 0 = mode: bits 0-1 the operation, bit 2 "genuine first": the
 * object is made valid from fuzz bytes before the mask is applied (ECCSI:
 * rootkey signs the message with the nonce j that follows; SAKKE: rootkey
 * encapsulates the SSV that follows; RSK: rootkey's KMS extracts the RSK of
 * the identity; SSK: rootkey's KMS issues (SSK, PVT) for the identity with
 * the v that follows); without it the base is the RFC's object.  Then, per
 * operation:
 *   op 0  [1] message length, (genuine: j, 32), message, then an XOR mask
 *         over the signature (129) and the identity (26)
 *   op 1  (genuine: SSV, 16), then an XOR mask over the SED (273)
 *   op 2  [1] identity length - 1 (mod 128), identity, then an XOR mask over
 *         the RSK (257)
 *   op 3  [1] identity length - 1 (mod 128), identity, (genuine: v, 32), then
 *         an XOR mask over SSK || PVT (97)
 * A mask shorter than the object leaves the rest as it is, so an input that
 * ends after the parameters runs the genuine object.
 *
 * One documented difference is allowed, not compared: rootkey's
 * decapsulation also accepts the minimal-length octet form of g^r
 * (docs/sakke.md; rk_sakke_decapsulate_form reports form 1), which Debian's
 * wolfSSL refuses.  Identities stay within both domains (1..128 octets).
 *
 * It links libwolfssl, so it is built by the fuzz targets and the corpus
 * replay only (never into the library), like diff_openssl with libcrypto. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wolfssl/options.h>
#include <wolfssl/wolfcrypt/settings.h>
#include <wolfssl/wolfcrypt/eccsi.h>
#include <wolfssl/wolfcrypt/sakke.h>
#include <wolfssl/wolfcrypt/wc_port.h>
#include "rootkey/eccsi.h"
#include "rootkey/sakke.h"
#include "rfc_keys.h"

#if !defined(WOLFCRYPT_HAVE_ECCSI) || !defined(WOLFCRYPT_HAVE_SAKKE)
#error "diff_wolfssl needs a libwolfssl built with ECCSI and SAKKE"
#endif

/* RFC 6507 Appendix A (the KPAK, the identity and RFC 6508's keys: rfc_keys.h) */
static const uint8_t E_KSAK[32] = { [29] = 0x01, [30] = 0x23, [31] = 0x45 };
static const uint8_t E_V[32] = { [29] = 0x02, [30] = 0x34, [31] = 0x56 };
static const uint8_t E_J[32] = { [29] = 0x03, [30] = 0x45, [31] = 0x67 };
static const uint8_t E_MSG[8] = "message";
static rk_eccsi_verifier_ctx ver;
static rk_eccsi_signer_ctx sgn;                 /* the RFC 6507 identity's pair */
static uint8_t e_ssk[32], e_pvt[65], e_sig[129];
static rk_sakke_sender_ctx snd;
static rk_sakke_receiver_ctx rcv, tmp;          /* tmp: RSK validation */
static uint8_t s_zpub[257], s_rsk[257], s_sed[273];
static SakkeKey wk;                             /* wolfSSL: Z and the RFC RSK */
static ecc_point *wrsk;

static void check(int ok) { if (!ok) abort(); }

static void xor_in(uint8_t *dst, size_t n, const uint8_t **p, size_t *rest)
{
    size_t k = n < *rest ? n : *rest;
    for (size_t i = 0; i < k; i++) dst[i] ^= (*p)[i];
    *p += k;
    *rest -= k;
}

/* copies n octets when that many are left (1), else leaves dst (0) */
static int take(uint8_t *dst, size_t n, const uint8_t **p, size_t *rest)
{
    if (*rest < n) return 0;
    memcpy(dst, *p, n);
    *p += n;
    *rest -= n;
    return 1;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    check(wolfCrypt_Init() == 0);
    check(rk_eccsi_verifier_init(&ver, RFC6507_KPAK, 65) == RK_OK);
    check(rk_eccsi_kms_make_ssk(e_ssk, e_pvt, E_KSAK, RFC6507_KPAK, RFC_ID, 26, E_V) == RK_OK);
    check(rk_eccsi_signer_init(&sgn, RFC6507_KPAK, 65, RFC_ID, 26, e_ssk, 32, e_pvt, 65) == RK_OK);
    check(rk_eccsi_sign_with_j(&sgn, e_sig, 129, E_MSG, 8, E_J) == RK_OK);
    check(rk_sakke_kms_public(s_zpub, RFC6508_Z, 20) == RK_OK);
    check(rk_sakke_kms_rsk(s_rsk, RFC6508_Z, 20, RFC_ID, 26) == RK_OK);
    check(rk_sakke_sender_init(&snd, s_zpub) == RK_OK);
    check(rk_sakke_receiver_install(&rcv, s_zpub, RFC_ID, 26, s_rsk, 1) == RK_OK);
    check(rk_sakke_encapsulate(s_sed, &snd, RFC_ID, 26, RFC6508_SSV, 16) == RK_OK);
    check(wc_InitSakkeKey_ex(&wk, 128, ECC_SAKKE_1, NULL, INVALID_DEVID) == 0);
    check((wrsk = wc_ecc_new_point()) != NULL);
    check(wc_ImportSakkePublicKey(&wk, s_zpub, 257, 0) == 0);
    check(wc_DecodeSakkeRsk(&wk, s_rsk, 257, wrsk) == 0);
    check(wc_SetSakkeRsk(&wk, wrsk, NULL, 0) == 0);
    return 0;
}

/* wolfSSL: 1 iff sig verifies on msg by id under KPAK */
static int wolf_eccsi_verify(const uint8_t *id, size_t idl, const uint8_t *msg, size_t ml,
                             const uint8_t sig[129])
{
    EccsiKey k;
    ecc_point *p = wc_ecc_new_point();
    byte hash[WC_MAX_DIGEST_SIZE], hsz = sizeof hash;
    int verified = 0, rc;
    check(p != NULL);
    rc = wc_InitEccsiKey(&k, NULL, INVALID_DEVID);
    check(rc == 0);
    rc = wc_ImportEccsiPublicKey(&k, RFC6507_KPAK, 65, 0);
    if (rc == 0) rc = wc_DecodeEccsiPvtFromSig(&k, sig, 129, p);
    if (rc == 0) rc = wc_HashEccsiId(&k, WC_HASH_TYPE_SHA256, id, (word32)idl, p, hash, &hsz);
    if (rc == 0) rc = wc_SetEccsiHash(&k, hash, hsz);
    if (rc == 0) rc = wc_VerifyEccsiHash(&k, WC_HASH_TYPE_SHA256, msg, (word32)ml, sig, 129, &verified);
    wc_ecc_del_point(p);
    wc_FreeEccsiKey(&k);
    return rc == 0 && verified == 1;
}

/* wolfSSL: 1 iff (SSK, PVT) is a valid pair for id under KPAK */
static int wolf_ssk_valid(const uint8_t *id, size_t idl, const uint8_t ssk[32], const uint8_t pvt[65])
{
    EccsiKey k;
    mp_int s;
    ecc_point *p = wc_ecc_new_point();
    int valid = 0, rc;
    check(p != NULL);
    check(wc_InitEccsiKey(&k, NULL, INVALID_DEVID) == 0);
    check(mp_init(&s) == 0);
    rc = wc_ImportEccsiPublicKey(&k, RFC6507_KPAK, 65, 0);
    if (rc == 0) rc = wc_DecodeEccsiSsk(&k, ssk, 32, &s);
    if (rc == 0) rc = wc_DecodeEccsiPvt(&k, pvt, 65, p);
    if (rc == 0) rc = wc_ValidateEccsiPair(&k, WC_HASH_TYPE_SHA256, id, (word32)idl, &s, p, &valid);
    mp_free(&s);
    wc_ecc_del_point(p);
    wc_FreeEccsiKey(&k);
    return rc == 0 && valid == 1;
}

/* wolfSSL: 1 and ssv iff the SED decapsulates for the RFC 6508 identity */
static int wolf_decap(uint8_t ssv[16], const uint8_t sed[273])
{
    memcpy(ssv, sed + 257, 16);
    check(wc_SetSakkeIdentity(&wk, RFC_ID, 26) == 0);
    return wc_DeriveSakkeSSV(&wk, WC_HASH_TYPE_SHA256, ssv, 16, sed, 257) == 0;
}

/* wolfSSL: 1 iff rsk is the valid RSK of id under Z */
static int wolf_rsk_valid(const uint8_t *id, size_t idl, const uint8_t rsk[257])
{
    SakkeKey k;
    ecc_point *p = wc_ecc_new_point();
    int valid = 0, rc;
    check(p != NULL);
    check(wc_InitSakkeKey_ex(&k, 128, ECC_SAKKE_1, NULL, INVALID_DEVID) == 0);
    rc = wc_ImportSakkePublicKey(&k, s_zpub, 257, 0);
    if (rc == 0) rc = wc_DecodeSakkeRsk(&k, rsk, 257, p);
    if (rc == 0) rc = wc_ValidateSakkeRsk(&k, id, (word16)idl, p, &valid);
    wc_ecc_del_point(p);
    wc_FreeSakkeKey(&k);
    return rc == 0 && valid == 1;
}

static void op_eccsi_verify(int genuine, const uint8_t *p, size_t rest)
{
    uint8_t sig[129], id[26], j[32], msg[256];
    size_t ml;
    if (rest < 1) return;
    ml = p[0];
    p++, rest--;
    memcpy(sig, e_sig, 129);
    if (genuine && !take(j, 32, &p, &rest)) genuine = 0;
    if (ml > rest) ml = rest;
    memcpy(msg, p, ml);
    p += ml, rest -= ml;
    /* j out of [1, q-1] is refused by the signer: the RFC signature stays */
    if (genuine && rk_eccsi_sign_with_j(&sgn, sig, 129, msg, ml, j) != RK_OK) memcpy(sig, e_sig, 129);
    memcpy(id, RFC_ID, 26);
    xor_in(sig, 129, &p, &rest);
    xor_in(id, 26, &p, &rest);
    int ours = rk_eccsi_verify(&ver, id, 26, msg, ml, sig, 129) == RK_OK;
    int theirs = wolf_eccsi_verify(id, 26, msg, ml, sig);
    check(ours == theirs);
}

static void op_sakke_decap(int genuine, const uint8_t *p, size_t rest)
{
    uint8_t sed[273], ssv[16], a[16], b[16];
    int form = -1;
    memcpy(sed, s_sed, 273);
    if (genuine && take(ssv, 16, &p, &rest)) check(rk_sakke_encapsulate(sed, &snd, RFC_ID, 26, ssv, 16) == RK_OK);
    xor_in(sed, 273, &p, &rest);
    int ours = rk_sakke_decapsulate_form(a, 16, &rcv, sed, 273, &form) == RK_OK;
    int theirs = wolf_decap(b, sed);
    if (ours && !theirs && form == 1) return;   /* the minimal form: rootkey's documented extra */
    check(ours == theirs);
    if (ours) check(memcmp(a, b, 16) == 0);
}

/* the identity of ops 2 and 3: [0] length - 1 mod 128, then the octets
 * (fewer when the input ends; at least 1, else the RFC identity) */
static size_t read_id(uint8_t id[128], size_t def_len, const uint8_t **p, size_t *rest)
{
    size_t n;
    if (*rest < 2) {
        memcpy(id, RFC_ID, def_len);
        *rest = 0;
        return def_len;
    }
    n = (size_t)((*p)[0] & 127) + 1;
    (*p)++, (*rest)--;
    if (n > *rest) n = *rest;
    memcpy(id, *p, n);
    *p += n;
    *rest -= n;
    return n;
}

static void op_rsk(int genuine, const uint8_t *p, size_t rest)
{
    uint8_t id[128], rsk[257];
    size_t idl = read_id(id, 26, &p, &rest);
    memcpy(rsk, s_rsk, 257);
    if (genuine) check(rk_sakke_kms_rsk(rsk, RFC6508_Z, 20, id, idl) == RK_OK);
    xor_in(rsk, 257, &p, &rest);
    int ours = rk_sakke_receiver_install(&tmp, s_zpub, id, idl, rsk, 0) == RK_OK;
    rk_sakke_receiver_wipe(&tmp);
    int theirs = wolf_rsk_valid(id, idl, rsk);
    check(ours == theirs);
}

static void op_ssk(int genuine, const uint8_t *p, size_t rest)
{
    uint8_t id[128], v[32], kp[97];
    rk_eccsi_signer_ctx s;
    size_t idl = read_id(id, 26, &p, &rest);
    memcpy(kp, e_ssk, 32);
    memcpy(kp + 32, e_pvt, 65);
    /* v out of range, or the rare retry: the RFC pair stays */
    if (genuine && take(v, 32, &p, &rest) &&
        rk_eccsi_kms_make_ssk(kp, kp + 32, E_KSAK, RFC6507_KPAK, id, idl, v) != RK_OK) {
        memcpy(kp, e_ssk, 32);
        memcpy(kp + 32, e_pvt, 65);
    }
    xor_in(kp, 97, &p, &rest);
    int ours = rk_eccsi_signer_init(&s, RFC6507_KPAK, 65, id, idl, kp, 32, kp + 32, 65) == RK_OK;
    rk_eccsi_signer_wipe(&s);
    int theirs = wolf_ssk_valid(id, idl, kp, kp + 32);
    check(ours == theirs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    int genuine = (data[0] >> 2) & 1;
    switch (data[0] & 3) {
    case 0: op_eccsi_verify(genuine, data + 1, size - 1); break;
    case 1: op_sakke_decap(genuine, data + 1, size - 1); break;
    case 2: op_rsk(genuine, data + 1, size - 1); break;
    default: op_ssk(genuine, data + 1, size - 1); break;
    }
    return 0;
}
