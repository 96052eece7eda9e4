/* SPDX-License-Identifier: Apache-2.0
 * rootkey/status.h - the one status type of rootkey.
 *
 * Every fallible function returns an rk_status: RK_OK (0) on success, or a
 * distinct negative code naming the exact check that failed.  Codes are
 * stable: once released, a value never changes meaning.  They are grouped by
 * module in blocks of 100 so that a code alone tells an evaluator which layer
 * rejected the input.  rk_strerror() gives a short English description (never
 * containing secret data).
 *
 * Rule for every function returning rk_status: on any error, every output
 * buffer the function was given has been zeroed (no partial results).
 */
#ifndef ROOTKEY_STATUS_H
#define ROOTKEY_STATUS_H
#include "rootkey/export.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && !defined(__FRAMAC__)
#define RK_MUST_CHECK __attribute__((warn_unused_result))
#else
#define RK_MUST_CHECK
#endif

typedef int rk_status;

/*
 * RK_STATUS_LIST(X) - every status code, one line each: X(name, value,
 * message).  It is expanded into the enum below and into rk_strerror()
 * (core/src/base/status.c); the message is what rk_strerror() returns, the
 * comment after it says more for the reader of this header.  A new code is
 * one new X(...) line in its module's block.
 */
#define RK_STATUS_LIST(X) \
    X(RK_OK, 0, "ok") \
    /* --- generic (-1 .. -99) --- */ \
    X(RK_ERR_NULL, -1, "required pointer is NULL") /* a required pointer was NULL */ \
    X(RK_ERR_LENGTH, -2, "input length not accepted") /* an input length is outside what the API accepts */ \
    X(RK_ERR_BUFFER, -3, "output buffer too small") /* the caller's output buffer is too small */ \
    X(RK_ERR_INTERNAL, -4, "internal consistency check failed") /* an internal consistency check failed */ \
    X(RK_ERR_OVERLAP, -5, "input and output buffers overlap") /* input and output buffers overlap where they must not */ \
    X(RK_ERR_IO, -6, "file or system I/O failed") /* file or system I/O failed (shims only; errno says why) */ \
    X(RK_ERR_ALLOC, -7, "guarded memory not available") /* guarded memory could not be had (shims only) */ \
    /* --- hex (-100 .. -119) --- */ \
    X(RK_ERR_HEX_ODD, -100, "hex: odd number of digits") /* odd number of hex digits */ \
    X(RK_ERR_HEX_CHAR, -101, "hex: invalid character") /* a character that is not a hex digit */ \
    /* --- base64 (-120 .. -149) --- */ \
    X(RK_ERR_B64_CHAR, -120, "base64: character outside the alphabet") /* a character outside the RFC 4648 section 4 alphabet */ \
    X(RK_ERR_B64_LENGTH, -121, "base64: length not a multiple of 4") /* encoded length not a multiple of 4 (after whitespace) */ \
    X(RK_ERR_B64_PAD, -122, "base64: misplaced or excess padding") /* '=' in the wrong place, or too many */ \
    X(RK_ERR_B64_NONCANON, -123, "base64: non-zero pad bits (non-canonical)") /* non-zero pad bits (RFC 4648 3.5) */ \
    X(RK_ERR_B64_SPACE, -124, "base64: whitespace not allowed") /* whitespace where the caller did not allow it */ \
    /* --- hash, KDF, UID, key periods (-150 .. -199) --- */ \
    X(RK_ERR_KDF_PARAM, -150, "kdf: parameter too long or too many parameters") /* a KDF parameter longer than 65535 octets or too many parameters */ \
    X(RK_ERR_KEYPERIOD, -151, "key period: length 0 or offset not below length") /* key period length 0, or offset >= length */ \
    X(RK_ERR_NTP_RANGE, -152, "time outside the NTP/Unix range") /* time outside the representable NTP/Unix range */ \
    X(RK_ERR_H2I_RANGE, -153, "HashToIntegerRange: modulus not supported") /* HashToIntegerRange modulus not supported */ \
    /* --- bn, p256 (-200 .. -299) --- */ \
    X(RK_ERR_POINT_PREFIX, -200, "point: encoding does not start with 0x04") /* point encoding does not start with 0x04 */ \
    X(RK_ERR_POINT_RANGE, -201, "point: coordinate not below p") /* a coordinate is >= p */ \
    X(RK_ERR_POINT_CURVE, -202, "point: not on the curve") /* the point is not on the curve */ \
    X(RK_ERR_POINT_INFINITY, -203, "point: point at infinity") /* the point is the point at infinity */ \
    X(RK_ERR_SCALAR_RANGE, -204, "scalar: zero or not below the group order") /* a scalar is 0 or >= the group order */ \
    X(RK_ERR_BN_MODULUS, -205, "bn: modulus even, 1, or of an unsupported size") /* Montgomery modulus even, 1, or of an unsupported size */ \
    X(RK_ERR_P256_SCALAR_LENGTH, -206, "p256: scalar is not 32 octets") /* a scalar encoding is not 32 octets */ \
    X(RK_ERR_POINT_LENGTH, -207, "point: encoding is not 65 octets") /* a point encoding is not 65 octets */ \
    /* bn/p256: add new codes here, in this block */ \
    /* --- eccsi (-300 .. -399) --- */ \
    X(RK_ERR_ECCSI_SIG_LENGTH, -300, "eccsi: signature is not 129 octets") \
    X(RK_ERR_ECCSI_R_RANGE, -301, "eccsi: r not in [1, p-1]") \
    X(RK_ERR_ECCSI_S_RANGE, -302, "eccsi: s not in [1, q-1]") \
    X(RK_ERR_ECCSI_PVT, -303, "eccsi: PVT is not a valid point") \
    X(RK_ERR_ECCSI_J_INFINITY, -304, "eccsi: J is the point at infinity") \
    X(RK_ERR_ECCSI_VERIFY, -305, "eccsi: signature does not verify") /* Jx != r: the signature does not verify */ \
    X(RK_ERR_ECCSI_SSK_RANGE, -306, "eccsi: SSK is zero or not below q") /* SSK is 0 or >= q */ \
    X(RK_ERR_ECCSI_SSK_INVALID, -307, "eccsi: SSK does not match KPAK, identity and PVT") /* KPAK != [SSK]G - [HS]PVT (RFC 6507 5.1.2) */ \
    X(RK_ERR_ECCSI_KPAK, -308, "eccsi: KPAK is not a valid point") \
    X(RK_ERR_ECCSI_RETRY, -309, "eccsi: degenerate value, retry with new randomness") /* signing hit a degenerate value; call again with new randomness */ \
    X(RK_ERR_ECCSI_FAULT, -310, "eccsi: verify-after-sign failed") /* verify-after-sign failed: no signature released */ \
    /* eccsi: add new codes here, in this block */ \
    /* --- sakke, fp1024, fp2, sscurve, pairing (-400 .. -499) --- */ \
    X(RK_ERR_SAKKE_LENGTH, -400, "sakke: data is not 273 octets") /* SAKKE data is not 273 octets */ \
    X(RK_ERR_SAKKE_R_PREFIX, -401, "sakke: R does not start with 0x04") \
    X(RK_ERR_SAKKE_R_RANGE, -402, "sakke: coordinate of R not below p") /* a coordinate of R is >= p */ \
    X(RK_ERR_SAKKE_R_CURVE, -403, "sakke: R not on the curve") /* R is not on the curve */ \
    X(RK_ERR_SAKKE_R_INFINITY, -404, "sakke: R is the point at infinity") \
    X(RK_ERR_SAKKE_R_ORDER, -405, "sakke: R is not of order q") \
    X(RK_ERR_SAKKE_TEST, -406, "sakke: TEST != R") /* TEST != R (RFC 6508 6.2.2 step 5) */ \
    X(RK_ERR_SAKKE_RSK_INVALID, -407, "sakke: RSK fails the pairing check") /* <[a]P + Z, K> != g (RFC 6508 6.1.2) */ \
    X(RK_ERR_SAKKE_RSK_POINT, -408, "sakke: RSK is not a valid point of order q") /* the RSK is not a valid point of order q */ \
    X(RK_ERR_SAKKE_Z_POINT, -409, "sakke: KMS key Z is not a valid point of order q") /* the KMS public key Z is not a valid point of order q */ \
    X(RK_ERR_SAKKE_SSV_LENGTH, -410, "sakke: SSV or H is not 16 octets") \
    X(RK_ERR_SAKKE_ID_LENGTH, -411, "sakke: identifier is empty or longer than 128 octets") /* identifier empty or longer than 128 octets */ \
    X(RK_ERR_SAKKE_R_ZERO, -412, "sakke: HashToIntegerRange gave r = 0") /* HashToIntegerRange gave r = 0 (RFC 6508 6.2.1 step 2; never in practice) */ \
    X(RK_ERR_SAKKE_KMS_SECRET, -413, "sakke: KMS secret z is 0 or >= q, or a + z = 0 mod q") /* KMS master secret z is 0 or >= q, or a + z = 0 mod q */ \
    /* sakke: add new codes here, in this block */ \
    /* --- aes, gcm, kw, cmac (-500 .. -599) --- */ \
    X(RK_ERR_AES_KEYLEN, -500, "aes: key is not 16 or 32 octets") /* AES key is not 16 or 32 octets */ \
    X(RK_ERR_GCM_TAG, -501, "gcm: tag does not verify") /* GCM tag does not verify */ \
    X(RK_ERR_GCM_IVLEN, -502, "gcm: IV length 0 or too long") /* GCM IV length 0 (or above 2^61 - 1 octets) */ \
    X(RK_ERR_KW_LENGTH, -503, "key wrap: invalid length") /* key-wrap input length invalid */ \
    X(RK_ERR_KW_ICV, -504, "key wrap: integrity check failed") /* key-wrap integrity check failed */ \
    X(RK_ERR_KWP_PAD, -505, "key wrap with padding: invalid padding or length") /* KWP padding or length indicator invalid */ \
    X(RK_ERR_CMAC_TAG, -506, "cmac: tag does not verify") /* CMAC tag does not verify */ \
    X(RK_ERR_GCM_LENGTH, -507, "gcm: plaintext or AAD too long") /* GCM plaintext above 2^36 - 32 octets, or AAD above 2^61 - 1 */ \
    X(RK_ERR_CMAC_TAGLEN, -508, "cmac: tag length not in 8..16") /* CMAC tag length outside 8 .. 16 octets */ \
    /* aes: add new codes here, in this block */ \
    /* --- mikey (-600 .. -699) --- */ \
    X(RK_ERR_MIKEY_TRUNCATED, -600, "mikey: a payload runs past the end of the message") \
    X(RK_ERR_MIKEY_TOO_LONG, -601, "mikey: message longer than 4096 octets") /* message longer than RK_MIKEY_MAX_BYTES */ \
    X(RK_ERR_MIKEY_TRAILING, -602, "mikey: octets after the SIGN payload") \
    X(RK_ERR_MIKEY_VERSION, -603, "mikey: HDR version is not 1") \
    X(RK_ERR_MIKEY_DATA_TYPE, -604, "mikey: HDR data type is not 26 (SAKKE msg)") \
    X(RK_ERR_MIKEY_V_BIT, -605, "mikey: HDR V bit is set") /* HDR V bit set (TS 33.180 E.1.1) */ \
    X(RK_ERR_MIKEY_PRF, -606, "mikey: HDR PRF is not HMAC-SHA-256") /* HDR PRF func is not 1 (HMAC-SHA-256) */ \
    X(RK_ERR_MIKEY_MAP_TYPE, -607, "mikey: CS ID map type is not empty or GENERIC-ID") /* CS ID map type neither 1 (empty) nor 2 (GENERIC-ID) */ \
    X(RK_ERR_MIKEY_CS_MAP, -608, "mikey: #CS does not match the CS ID map type") /* #CS inconsistent with the map type (0 <-> empty map) */ \
    X(RK_ERR_MIKEY_CS_LIMIT, -609, "mikey: too many crypto sessions") /* #CS above RK_MIKEY_MAX_CS */ \
    X(RK_ERR_MIKEY_NEXT_UNKNOWN, -610, "mikey: unknown next-payload value") /* next payload is an unassigned or private value */ \
    X(RK_ERR_MIKEY_NEXT_UNSUPPORTED, -611, "mikey: payload type not allowed in an I_MESSAGE") /* next payload is a MIKEY payload an MC I_MESSAGE never carries */ \
    X(RK_ERR_MIKEY_NEXT_LAST, -612, "mikey: chain ends before SIGN") /* next payload 'last' (0) before SIGN: no SIGN */ \
    X(RK_ERR_MIKEY_ORDER, -613, "mikey: payload out of order") /* a payload after one it must precede */ \
    X(RK_ERR_MIKEY_DUPLICATE, -614, "mikey: duplicated payload") /* a payload (or IDR role, or extension type) seen twice */ \
    X(RK_ERR_MIKEY_MISSING_T, -615, "mikey: T payload missing") /* no T payload before a later payload */ \
    X(RK_ERR_MIKEY_MISSING_RAND, -616, "mikey: RAND payload missing") /* no RAND payload */ \
    X(RK_ERR_MIKEY_MISSING_IDRI, -617, "mikey: IDRi payload missing") /* no IDRi (role 1 or 8) */ \
    X(RK_ERR_MIKEY_MISSING_IDRR, -618, "mikey: IDRr payload missing") /* no IDRr (role 2 or 9) */ \
    X(RK_ERR_MIKEY_MISSING_IDRKMSI, -619, "mikey: IDRkmsi payload missing") /* no IDRkmsi (role 6) */ \
    X(RK_ERR_MIKEY_MISSING_IDRKMSR, -620, "mikey: IDRkmsr payload missing") /* no IDRkmsr (role 7) */ \
    X(RK_ERR_MIKEY_MISSING_SAKKE, -621, "mikey: SAKKE payload missing") /* no SAKKE payload before SIGN */ \
    X(RK_ERR_MIKEY_TS_TYPE, -622, "mikey: timestamp type is not NTP-UTC") /* T payload TS type is not 0 (NTP-UTC) */ \
    X(RK_ERR_MIKEY_RAND_LENGTH, -623, "mikey: RAND length outside 16..32") \
    X(RK_ERR_MIKEY_IDR_ROLE, -624, "mikey: IDR role not accepted") /* IDR role not 1, 2, 6, 7, 8 or 9 */ \
    X(RK_ERR_MIKEY_IDR_TYPE, -625, "mikey: IDR ID type is not URI") /* IDR ID type is not 1 (URI) */ \
    X(RK_ERR_MIKEY_IDR_LENGTH, -626, "mikey: IDR ID length invalid") /* IDR ID empty, or a role 8/9 UID not 32 octets */ \
    X(RK_ERR_MIKEY_SP_PARAMS, -627, "mikey: malformed SP parameter list") /* SP parameter list does not exactly fill its length */ \
    X(RK_ERR_MIKEY_SAKKE_PARAMS, -628, "mikey: SAKKE parameter set is not 1") /* SAKKE params is not 1 (parameter set 1) */ \
    X(RK_ERR_MIKEY_SAKKE_SCHEME, -629, "mikey: SAKKE ID scheme is not 2") /* SAKKE ID scheme is not 2 (3GPP hashed UID) */ \
    X(RK_ERR_MIKEY_SAKKE_LENGTH, -630, "mikey: SAKKE data length is not 273") \
    X(RK_ERR_MIKEY_GENEXT_TYPE, -631, "mikey: General Extension type not accepted") /* General Extension type not 6, 7 or 241..255 */ \
    X(RK_ERR_MIKEY_GENEXT_LENGTH, -632, "mikey: General Extension length invalid") /* General Extension empty, or type 6 not 278 octets */ \
    X(RK_ERR_MIKEY_GENEXT_SAKKE, -633, "mikey: SAKKE-to-self extension malformed") /* SAKKE-to-self extension: inner params/scheme/length wrong */ \
    X(RK_ERR_MIKEY_GENEXT_LIMIT, -634, "mikey: too many General Extensions") /* more than RK_MIKEY_MAX_GENEXT extensions */ \
    X(RK_ERR_MIKEY_SIGN_TYPE, -635, "mikey: signature type is not ECCSI") /* SIGN S type is not 2 (ECCSI) */ \
    X(RK_ERR_MIKEY_SIGN_LENGTH, -636, "mikey: signature length is not 129") /* SIGN length is not 129 */ \
    /* mikey: add codes here, in this block */ \
    /* mikeysakke (-650 .. -699, a sub-range of the mikey block) */ \
    X(RK_ERR_MSAK_RECEIVER, -650, "mikeysakke: IDRr / IDRuidr does not name the receiver") \
    X(RK_ERR_MSAK_RECEIVER_URI, -651, "mikeysakke: role-2 IDRr but the receiver gave no URI (UID-only mode)") \
    X(RK_ERR_MSAK_KMSR, -652, "mikeysakke: IDRkmsr is not the receiver's KMS URI") \
    X(RK_ERR_MSAK_KMSI, -653, "mikeysakke: IDRkmsi is not the URI of the KMS whose KPAK was given") \
    X(RK_ERR_MSAK_PERIOD, -654, "mikeysakke: the key period of T is not the receiver key set's period") \
    X(RK_ERR_MSAK_KEYSET, -655, "mikeysakke: the installed RSK is not for UID(my URI, KMS URI, period)") \
    X(RK_ERR_MSAK_INITIATOR, -656, "mikeysakke: IDRi / IDRuidi is not the initiator the caller expects") \
    X(RK_ERR_MSAK_KP_MISSING, -657, "mikeysakke: key parameters (General Extension 7) required but absent") \
    X(RK_ERR_MSAK_KP_TOO_LONG, -658, "mikeysakke: key parameters plaintext longer than RK_MIKEYSAKKE_KP_MAX_BYTES") \
    X(RK_ERR_MSAK_EXT_TYPE, -659, "mikeysakke: private extension type not in 241..255") \
    X(RK_ERR_MSAK_EXT_MISSING, -660, "mikeysakke: the requested private General Extension is absent") \
    X(RK_ERR_MSAK_CONFIG, -661, "mikeysakke: receiver inputs inconsistent (kp_mode, URI length, context not ready)") \
    X(RK_ERR_MSAK_ROLE, -662, "mikeysakke: send: IDRi role not 1/8 or IDRr role not 2/9") \
    X(RK_ERR_MSAK_ID_MISMATCH, -663, "mikeysakke: send: a role-8/9 identity is not the signer / receiver UID") \
    /* mikeysakke: add codes here, in this sub-range */ \
    /* --- keyparams (-700 .. -799) --- */ \
    X(RK_ERR_KP_TRUNCATED, -700, "keyparams: protected payload truncated") /* protected payload shorter than its fixed fields or its length field */ \
    X(RK_ERR_KP_TRAILING, -701, "keyparams: octets after the protected payload") /* octets after the ciphertext the length field names */ \
    X(RK_ERR_KP_MSG_TYPE, -702, "keyparams: message type not accepted") /* message type neither 0x40 nor 0x43 (the two observed) */ \
    X(RK_ERR_KP_ALG, -703, "keyparams: payload algorithm is not AES-128-GCM") /* payload algorithm is not 1 (AES-128-GCM) */ \
    X(RK_ERR_KP_DPPK_ID, -704, "keyparams: DPPK-ID is not the CSB-ID") /* DPPK-ID differs from the MIKEY CSB-ID (TS 33.180 E.6.1) */ \
    X(RK_ERR_KP_IEI, -705, "keyparams: payload element octet is not 0x00") /* the octet before the payload length is not 0x00 */ \
    X(RK_ERR_KP_CT_LENGTH, -706, "keyparams: ciphertext too short") /* ciphertext || tag shorter than 16 + 17 octets */ \
    X(RK_ERR_KP_PT_TRUNCATED, -707, "keyparams: key parameters truncated") /* key parameters shorter than a field or LV-E length says */ \
    X(RK_ERR_KP_PT_TRAILING, -708, "keyparams: octets after the key parameters") /* octets after the Group IDs element */ \
    X(RK_ERR_KP_KEY_TYPE, -709, "keyparams: key type above 15") /* Key Type above 15 (a 4-bit purpose tag) */ \
    X(RK_ERR_KP_GROUP_COUNT, -710, "keyparams: group count does not match the entries") /* Group IDs count does not match its entries */ \
    X(RK_ERR_KP_GROUP_LIMIT, -711, "keyparams: too many group IDs") /* more than RK_KP_MAX_GROUPS group IDs */ \
    X(RK_ERR_KP_GROUP_IEI, -712, "keyparams: group ID element identifier is not 0x7B") /* a group ID entry IEI is not 0x7B */ \
    X(RK_ERR_KP_GROUP_LENGTH, -713, "keyparams: group ID length invalid") /* a group ID entry is empty or runs past its list */ \
    X(RK_ERR_KP_GMK_LENGTH, -714, "keyparams: GMK is not 16 octets") /* GUK-ID derivation: GMK is not 16 octets */ \
    X(RK_ERR_KP_TEXT_LENGTH, -715, "keyparams: element longer than 65535 octets") /* encoder: text, group list or ciphertext longer than 65535 */ \
    /* keyparams: add codes here, in this block */ \
    /* --- rootkey message (-800 .. -899) --- */ \
    X(RK_ERR_LMR_VERSION, -800, "lmr block: version is not 1") /* LMR block version is not 1 */ \
    X(RK_ERR_LMR_TRUNCATED, -801, "lmr block: truncated") /* LMR block ends inside a TLV */ \
    X(RK_ERR_LMR_TAG, -802, "lmr block: unknown tag or tag of another LMR type") /* unknown tag, or a tag of another LMR type */ \
    X(RK_ERR_LMR_ORDER, -803, "lmr block: duplicate or out-of-order tag") /* tags not strictly increasing (duplicate or reordered) */ \
    X(RK_ERR_LMR_LENGTH, -804, "lmr block: field has the wrong length") /* a field has the wrong length */ \
    X(RK_ERR_LMR_RANGE, -805, "lmr block: value wider than its field") /* a value is wider than its field */ \
    X(RK_ERR_LMR_TYPE, -806, "lmr block: LMR type not P25, TETRA or other") \
    X(RK_ERR_LMR_MISSING, -807, "lmr block: required field missing") /* a required field is missing */ \
    X(RK_ERR_LMR_KEY_LENGTH, -808, "lmr block: root key not 8 to 32 octets") /* root key not 8..32 octets */ \
    X(RK_ERR_LMR_TRAILING, -809, "lmr block: octets after the key") \
    X(RK_ERR_RK_PURPOSE, -820, "rootkey: CSB-ID purpose tag is not the root-key tag") /* CSB-ID purpose tag not the root-key tag (or tag > 15) */ \
    X(RK_ERR_RK_IWF, -821, "rootkey: initiator is not an authorised IWF") /* IDRi is not an authorised IWF */ \
    X(RK_ERR_RK_NO_KEYSET, -822, "rootkey: no key set for this KMS and key period") /* no key set for IDRkmsr and the key period of T */ \
    X(RK_ERR_RK_KEY_TYPE, -823, "rootkey: key type is not the root-key purpose tag") /* key parameters' key type is not the purpose tag */ \
    X(RK_ERR_RK_LMR_TYPE, -824, "rootkey: unexpected LMR type") /* LMR type is not the expected one */ \
    X(RK_ERR_RK_ELEMENT, -825, "rootkey: element attributes contradict the signed message") /* profile element attributes contradict the signed message */ \
    X(RK_ERR_RK_REVOKED, -826, "rootkey: key parameters mark the root key revoked") /* key parameters' status does not say "not revoked" */ \
    X(RK_ERR_RK_INITIATOR_ROLE, -827, "rootkey: IDRi neither role 1 (URI) nor role 8 (UID)") \
    /* rootkey: add codes here, in this block */ \
    /* --- xml (-900 .. -999) --- */ \
    X(RK_ERR_XML_TOO_LONG, -900, "xml: document longer than the fixed bound") /* document longer than RK_XML_MAX_DOC_BYTES */ \
    X(RK_ERR_XML_DEPTH, -901, "xml: nesting deeper than the fixed bound") /* element nesting deeper than RK_XML_MAX_DEPTH */ \
    X(RK_ERR_XML_NS_COUNT, -902, "xml: too many namespace declarations in scope") /* more than RK_XML_MAX_NS namespace declarations in scope */ \
    X(RK_ERR_XML_ATTR_COUNT, -903, "xml: too many attributes on one element") /* more than RK_XML_MAX_ATTRS attributes on one element */ \
    X(RK_ERR_XML_NAME_LONG, -904, "xml: name longer than the fixed bound") /* a name longer than RK_XML_MAX_NAME octets */ \
    X(RK_ERR_XML_DOCTYPE, -905, "xml: DOCTYPE not allowed") /* a document type declaration (<!DOCTYPE) */ \
    X(RK_ERR_XML_MARKUP, -906, "xml: markup declaration not allowed") /* other <! markup (e.g. <!ENTITY, <!doctype) */ \
    X(RK_ERR_XML_PI, -907, "xml: processing instruction not allowed") /* a processing instruction other than the XML declaration */ \
    X(RK_ERR_XML_CDATA, -908, "xml: CDATA section not allowed") /* a CDATA section */ \
    X(RK_ERR_XML_DECL, -909, "xml: malformed XML declaration") \
    X(RK_ERR_XML_DECL_POS, -910, "xml: XML declaration not at the start") /* XML declaration not at the start of the document */ \
    X(RK_ERR_XML_VERSION, -911, "xml: version other than 1.0") /* XML declaration version other than 1.0 */ \
    X(RK_ERR_XML_ENCODING, -912, "xml: encoding other than UTF-8") /* encoding other than UTF-8 (declaration or UTF-16/32 BOM) */ \
    X(RK_ERR_XML_ENTITY, -913, "xml: entity reference not allowed") /* reference to an entity other than the five predefined ones */ \
    X(RK_ERR_XML_AMP, -914, "xml: bare '&'") /* '&' that does not start a reference */ \
    X(RK_ERR_XML_CHARREF_SYNTAX, -915, "xml: malformed character reference") \
    X(RK_ERR_XML_CHARREF_NUL, -916, "xml: character reference to U+0000") \
    X(RK_ERR_XML_CHARREF_SURROGATE, -917, "xml: character reference to a surrogate") /* character reference to a surrogate (U+D800..U+DFFF) */ \
    X(RK_ERR_XML_CHARREF_RANGE, -918, "xml: character reference above U+10FFFF") \
    X(RK_ERR_XML_CHARREF_CHAR, -919, "xml: character reference to a non-XML character") \
    X(RK_ERR_XML_NUL, -920, "xml: NUL octet") /* a NUL octet */ \
    X(RK_ERR_XML_CHAR, -921, "xml: character not allowed in XML") /* a character outside the XML Char production */ \
    X(RK_ERR_XML_UTF8_LEAD, -922, "xml: UTF-8 invalid lead octet") /* UTF-8: continuation or FE/FF octet where a character starts */ \
    X(RK_ERR_XML_UTF8_OVERLONG, -923, "xml: UTF-8 overlong form") /* UTF-8: overlong form */ \
    X(RK_ERR_XML_UTF8_SURROGATE, -924, "xml: UTF-8 encoded surrogate") /* UTF-8: encoded surrogate */ \
    X(RK_ERR_XML_UTF8_5_6, -925, "xml: UTF-8 5- or 6-octet form") /* UTF-8: 5- or 6-octet form */ \
    X(RK_ERR_XML_UTF8_RANGE, -926, "xml: UTF-8 code point above U+10FFFF") /* UTF-8: code point above U+10FFFF */ \
    X(RK_ERR_XML_UTF8_TRUNCATED, -927, "xml: UTF-8 sequence truncated") /* UTF-8: sequence cut short */ \
    X(RK_ERR_XML_TRUNCATED, -928, "xml: document ends inside markup") \
    X(RK_ERR_XML_UNCLOSED, -929, "xml: unclosed element") /* document ends with elements open */ \
    X(RK_ERR_XML_NO_ROOT, -930, "xml: no root element") \
    X(RK_ERR_XML_MISMATCH, -931, "xml: mismatched end tag") /* end tag does not match the open element */ \
    X(RK_ERR_XML_MULTIPLE_ROOTS, -932, "xml: multiple root elements") /* a second root element */ \
    X(RK_ERR_XML_TRAILING, -933, "xml: trailing garbage after the root") /* non-whitespace after the root element */ \
    X(RK_ERR_XML_TEXT_BEFORE_ROOT, -934, "xml: text before the root") /* non-whitespace before the root element */ \
    X(RK_ERR_XML_TAG_SYNTAX, -935, "xml: malformed tag") \
    X(RK_ERR_XML_NAME, -936, "xml: invalid name") /* a name outside the accepted (ASCII) name syntax */ \
    X(RK_ERR_XML_QNAME, -937, "xml: invalid qualified name") /* a name with a misplaced or second colon */ \
    X(RK_ERR_XML_ATTR_SYNTAX, -938, "xml: malformed attribute") /* malformed attribute (no '=', no quotes) */ \
    X(RK_ERR_XML_ATTR_LT, -939, "xml: '<' in attribute value") /* '<' in an attribute value */ \
    X(RK_ERR_XML_ATTR_DUP, -940, "xml: duplicate attribute") /* the same attribute name twice */ \
    X(RK_ERR_XML_ATTR_DUP_NS, -941, "xml: duplicate attribute after namespace resolution") /* two attributes with the same namespace and local name */ \
    X(RK_ERR_XML_COMMENT, -942, "xml: '--' inside a comment") \
    X(RK_ERR_XML_CDATA_END, -943, "xml: ']]>' in character data") \
    X(RK_ERR_XML_NS_UNBOUND, -944, "xml: unbound namespace prefix") /* a prefix with no namespace declaration in scope */ \
    X(RK_ERR_XML_NS_REBIND, -945, "xml: namespace prefix re-bound") /* an in-scope prefix bound to another URI */ \
    X(RK_ERR_XML_NS_DEFAULT_CHANGE, -946, "xml: default namespace changed") /* the in-scope default namespace changed */ \
    X(RK_ERR_XML_NS_RESERVED, -947, "xml: reserved namespace prefix or URI misused") /* misuse of the xml/xmlns prefixes or namespace URIs */ \
    X(RK_ERR_XML_NS_EMPTY, -948, "xml: prefix bound to an empty URI") /* a prefix declared with an empty URI */ \
    X(RK_ERR_XML_NS_VALUE, -949, "xml: reference inside a namespace URI") /* a reference inside a namespace URI */ \
    /* xml: add codes here, in this block */ \
    /* --- profile (-1000 .. -1099) --- */ \
    X(RK_ERR_PROFILE_ROOT, -1000, "profile: root is not an MCPTT user profile") /* root is not mcptt-user-profile in urn:3gpp:ns:mcpttUserProfile:1.0 */ \
    X(RK_ERR_PROFILE_ATTR_MISSING, -1001, "profile: required attribute missing") /* an lmr-root-key element lacks a required attribute */ \
    X(RK_ERR_PROFILE_ATTR_UNKNOWN, -1002, "profile: unknown attribute") /* an unknown attribute without namespace */ \
    X(RK_ERR_PROFILE_LMR_TYPE, -1003, "profile: unknown lmr-type") /* lmr-type not P25, TETRA or OTHER */ \
    X(RK_ERR_PROFILE_KEY_ID, -1004, "profile: key-id is not 8 hex digits") /* key-id not 8 hex digits */ \
    X(RK_ERR_PROFILE_KMS_URI, -1005, "profile: invalid kms-uri") /* kms-uri empty, too long, or outside printable ASCII without & < > " ' */ \
    X(RK_ERR_PROFILE_KEY_PERIOD, -1006, "profile: invalid key-period") /* key-period not 1..12 decimal digits without leading zero */ \
    X(RK_ERR_PROFILE_CONTENT, -1007, "profile: element content not a single text") /* child element or split text inside lmr-root-key */ \
    X(RK_ERR_PROFILE_TEXT, -1008, "profile: text is not base64") /* text not base64 characters and whitespace, or empty */ \
    X(RK_ERR_PROFILE_TOO_MANY, -1009, "profile: more elements than the output array") /* more lmr-root-key elements than the caller's array */ \
    X(RK_ERR_PROFILE_DUPLICATE, -1010, "profile: several elements to replace") /* several elements with the key-id and key-period to replace */ \
    /* profile: add codes here, in this block */ \
    /* --- p25 (-1100 .. -1199) --- */ \
    X(RK_ERR_P25_TRUNCATED, -1100, "p25: frame shorter than its length field") /* frame shorter than 3 octets or than its message length says */ \
    X(RK_ERR_P25_TRAILING, -1101, "p25: octets after the message") /* octets after the end given by the message length */ \
    X(RK_ERR_P25_TOO_LONG, -1102, "p25: frame longer than the supported maximum") /* frame longer than RK_P25_KMM_MAX_BYTES */ \
    X(RK_ERR_P25_LENGTH, -1103, "p25: message length cannot hold header and trailer") /* message length too small for header, message number and MAC trailer */ \
    X(RK_ERR_P25_RESPONSE_KIND, -1104, "p25: reserved response kind") /* response kind 3 (reserved) */ \
    X(RK_ERR_P25_MN_FLAG, -1105, "p25: invalid message-number flag") /* message-number flag 01 or 11 (only 00 and 10 are defined) */ \
    X(RK_ERR_P25_MAC_TYPE, -1106, "p25: reserved MAC type") /* MAC type 1 (reserved) */ \
    X(RK_ERR_P25_MAC_DES, -1107, "p25: DES MAC not supported") /* MAC type 3 (DES MAC): not supported */ \
    X(RK_ERR_P25_FORMAT_RSVD, -1108, "p25: reserved message-format bit set") /* reserved bit 1 of the message format octet is set */ \
    X(RK_ERR_P25_MAC_LENGTH, -1109, "p25: MAC length octet is not 8") \
    X(RK_ERR_P25_MAC_FORMAT, -1110, "p25: unknown MAC format") /* MAC format is not 0x40 (CBC-MAC) or 0x41 (CMAC) */ \
    X(RK_ERR_P25_MAC, -1111, "p25: MAC does not verify") /* the KMM MAC does not verify */ \
    X(RK_ERR_P25_NO_MAC, -1112, "p25: message has no MAC") /* the message carries no MAC */ \
    X(RK_ERR_P25_MESSAGE_ID, -1113, "p25: not a Modify Key Command") /* not a Modify Key Command (0x13) */ \
    X(RK_ERR_P25_DESTINATION, -1114, "p25: wrong destination RSI") /* destination RSI is not this unit */ \
    X(RK_ERR_P25_SOURCE, -1115, "p25: unexpected source RSI") /* source RSI is not the expected KMF */ \
    X(RK_ERR_P25_MN_MISSING, -1116, "p25: message number missing") /* no message number: replay cannot be checked */ \
    X(RK_ERR_P25_REPLAY, -1117, "p25: replayed or old message number") /* message number not newer than the last accepted one */ \
    X(RK_ERR_P25_DIF, -1118, "p25: invalid decryption instruction format") /* decryption instruction format not 0x00 or 0x40 */ \
    X(RK_ERR_P25_MI_ZERO, -1119, "p25: message indicator is all zero") /* message indicator present but all zero */ \
    X(RK_ERR_P25_BODY_TRUNCATED, -1120, "p25: Modify Key body truncated") /* Modify Key body shorter than its counts say */ \
    X(RK_ERR_P25_BODY_TRAILING, -1121, "p25: octets after the last key item") \
    X(RK_ERR_P25_NO_KEYS, -1122, "p25: no key items") /* number of keys is 0 */ \
    X(RK_ERR_P25_KEY_NAME, -1123, "p25: key names not supported") /* a key item carries a key name (not supported) */ \
    X(RK_ERR_P25_KEY_LENGTH, -1124, "p25: key length does not fit the algorithm") /* key length 0, or not the wrapped length of the ALGID's key */ \
    X(RK_ERR_P25_MI_UNSUPPORTED, -1125, "p25: encrypted KMM body not supported") /* encrypted body (MI present): mode not public, not supported */ \
    X(RK_ERR_P25_KEK_ALGID, -1126, "p25: KEK algorithm is not the root key's") /* DIF or MAC ALGID is not the UKEK's algorithm */ \
    X(RK_ERR_P25_KEY_ID, -1127, "p25: unknown KEK key ID") /* DIF or MAC key ID is not the root key's ID */ \
    X(RK_ERR_P25_ALGID, -1128, "p25: TEK algorithm not allowed") /* keyset ALGID not allowed (or not an AES TEK) */ \
    X(RK_ERR_P25_KEY_FORMAT, -1129, "p25: key item is not a plain TEK") /* key item is not a plain TEK (KEK or erase flag set) */ \
    X(RK_ERR_P25_TEK_ICV, -1130, "p25: wrapped TEK fails the integrity check") /* a wrapped TEK fails the AES-KW integrity check */ \
    X(RK_ERR_P25_TOO_MANY_KEYS, -1131, "p25: more keys than the output holds") /* more key items than the caller's TEK array holds */ \
    X(RK_ERR_P25_UKEK_LENGTH, -1132, "p25: root key is not 16 or 32 octets") /* UKEK is not 16 or 32 octets */ \
    X(RK_ERR_P25_TEK_LENGTH, -1133, "p25: TEK length invalid") /* TEK length not 16 or 32, or not the ALGID's length */ \
    X(RK_ERR_P25_CBCMAC_KEY, -1134, "p25: CBC-MAC form needs a 32-octet root key") /* CBC-MAC form needs a 32-octet UKEK */ \
    X(RK_ERR_P25_PARAM, -1135, "p25: encoder parameter out of range") /* an encoder parameter is out of range */ \
    X(RK_ERR_P25_TETRA_LENGTH, -1136, "tetra: wrapped blob length invalid") /* TETRA blob length invalid for KW/KWP */ \
    X(RK_ERR_P25_TETRA_ICV, -1137, "tetra: wrapped blob fails the integrity check") /* TETRA blob fails the KW/KWP integrity or padding check */ \
    /* p25: add codes here, in this block */ \
    /* --- client policy (-1200 .. -1299) --- */ \
    X(RK_ERR_POLICY_FUTURE_PERIOD, -1200, "policy: key period not started yet") /* message for a key period not yet started */ \
    X(RK_ERR_POLICY_OLD_PERIOD, -1201, "policy: key period too old") /* message for a period before the previous one */ \
    X(RK_ERR_POLICY_REPLAY, -1202, "policy: replay of the stored element") /* same wrapping time as the stored element */ \
    X(RK_ERR_POLICY_ROLLBACK, -1203, "policy: older than the stored element") \
    X(RK_ERR_POLICY_NOT_ACTIVE, -1204, "policy: root key not active yet") /* before the activation time */ \
    X(RK_ERR_POLICY_EXPIRED, -1205, "policy: root key expired") /* at or after the expiry time */ \
    /* policy: add codes here, in this block */ \
    /* --- key store, client shim (-1300 .. -1399) --- */ \
    X(RK_ERR_STORE_FULL, -1300, "key store: full") /* no free slot in the key store */ \
    X(RK_ERR_STORE_NOT_FOUND, -1301, "key store: no root key with that ID") \
    X(RK_ERR_STORE_FORMAT, -1302, "key store: not a rootkey key-store file of this version") /* not a rootkey key-store file, or another version */ \
    X(RK_ERR_STORE_TRUNCATED, -1303, "key store: file truncated") /* the file is shorter than its header says */ \
    X(RK_ERR_STORE_TAMPERED, -1304, "key store: authentication failed (altered file or wrong storage key)") /* authentication failed: altered file or wrong storage key */ \
    X(RK_ERR_STORE_ENTRY, -1305, "key store: entry field out of range") /* an entry field is out of range (key length, metadata) */ \
    X(RK_ERR_STORE_KMS_XML, -1310, "KMS document: field missing, repeated or malformed") /* KMS document (TS 33.180 Annex D): field missing, repeated or malformed */ \
    X(RK_ERR_STORE_INVENTORY, -1311, "IWF inventory: malformed line") /* IWF inventory line malformed */ \
    X(RK_ERR_STORE_LMR_MESSAGE, -1312, "LMR key message: empty, unknown LMR type or too long") \
    X(RK_ERR_STORE_TEK_LIST, -1313, "TEK list: malformed line") /* IWF TEK list line malformed */ \
    /* store: add codes here, in this block */ \
    /* --- XCAP delivery, shims/xcap (-1500 .. -1539) --- */ \
    X(RK_ERR_XCAP_URL, -1500, "xcap: root not an https:// URL, or URL too long") /* XCAP root not an https:// URL, or a URL too long */ \
    X(RK_ERR_XCAP_TOKEN, -1501, "xcap: bearer token file unreadable, empty, too long or not a b64token") \
    X(RK_ERR_XCAP_OPTION, -1502, "xcap: client option out of range") /* XCAP client option out of range (jobs, timeouts, size cap) */ \
    X(RK_ERR_XCAP_CURL, -1503, "xcap: libcurl could not be set up") \
    X(RK_ERR_XCAP_CONNECT, -1504, "xcap: no connection to the CMS") /* no connection to the CMS (after the retries) */ \
    X(RK_ERR_XCAP_TLS, -1505, "xcap: TLS failed (handshake or CMS certificate not verified)") /* TLS failed: handshake, or the CMS certificate did not verify */ \
    X(RK_ERR_XCAP_TIMEOUT, -1506, "xcap: the CMS did not answer within the timeout") /* the CMS did not answer within the timeout (after the retries) */ \
    X(RK_ERR_XCAP_TOO_BIG, -1507, "xcap: answer larger than the response cap") /* the CMS's answer is larger than the response cap */ \
    X(RK_ERR_XCAP_REDIRECT, -1508, "xcap: the CMS answered with a redirect (not followed)") /* the CMS answered with a redirect (never followed) */ \
    X(RK_ERR_XCAP_AUTH, -1509, "xcap: access token refused (401/403)") /* the CMS refused the access token (401 or 403) */ \
    X(RK_ERR_XCAP_HTTP, -1510, "xcap: the CMS refused the request (4xx)") /* the CMS answered with another 4xx status */ \
    X(RK_ERR_XCAP_SERVER, -1511, "xcap: the CMS failed (5xx or 429)") /* the CMS answered 5xx or 429 (after the retries) */ \
    X(RK_ERR_XCAP_CONFLICT, -1512, "xcap: the document kept changing (412 or weak ETag beyond the bound)") /* the document kept changing: 412 or weak ETag beyond the bound */ \
    X(RK_ERR_XCAP_ETAG, -1513, "xcap: 2xx answer without a usable ETag") /* a 2xx answer without a usable ETag */ \
    X(RK_ERR_XCAP_ELEMENT, -1514, "xcap: not one rootkey profile element to deliver") /* the element to deliver is not one rootkey profile element */ \
    X(RK_ERR_XCAP_MC_ID, -1515, "xcap: MC ID empty or too long for a URL") /* MC ID empty or too long for a document URL */ \
    X(RK_ERR_XCAP_TRANSFER, -1516, "xcap: transfer failed") /* the transfer failed otherwise (libcurl error) */ \
    /* xcap: add codes here, in this block */ \
    /* --- IWF batch and operator path, shims (-1320 .. -1349) --- */ \
    X(RK_ERR_IWF_DUPLICATE_ID, -1320, "IWF inventory: the same MC ID on more than one line") /* IWF inventory: one MC ID on more than one line */ \
    X(RK_ERR_IWF_LINE_TOO_LONG, -1321, "IWF inventory: line too long") /* IWF inventory: line longer than RK_IWF_LINE_MAX */ \
    X(RK_ERR_IWF_LINE_NUL, -1322, "IWF inventory: NUL byte in a line") \
    X(RK_ERR_IWF_UTF8, -1323, "IWF inventory: MC ID is not valid UTF-8 text") /* IWF inventory: MC ID not valid UTF-8, or a control character */ \
    X(RK_ERR_IWF_CSV, -1324, "IWF inventory: not RFC 4180 CSV") /* IWF inventory: not RFC 4180 CSV (quoting) */ \
    X(RK_ERR_IWF_TOO_LARGE, -1325, "input too large") /* input larger than its bound */ \
    X(RK_ERR_IWF_STATE, -1326, "IWF batch: state record malformed or of another MC ID") /* IWF batch state record malformed or of another MC ID */ \
    X(RK_ERR_IWF_LOCKED, -1327, "locked by another process") /* another process holds the lock (batch state, key store) */ \
    X(RK_ERR_IWF_DELIVERY, -1328, "IWF batch: delivery to the CMS failed") /* delivery to the CMS failed for some users */ \
    X(RK_ERR_IWF_PERIOD, -1329, "IWF key set is not for the key period being wrapped") /* signer key set is not for the key period wrapped for */ \
    X(RK_ERR_IWF_SIGNER, -1330, "IWF key set is not the configured IWF's (UserUri)") /* signer key set is not the configured IWF's (UserUri) */ \
    /* iwf: add codes here, in this block */ \
    /* --- KMS documents, TS 33.180 Annex D (-1400 .. -1449) --- */ \
    X(RK_ERR_KMS_ROOT, -1400, "kms: root is not a (Signed)KmsResponse in urn:3gpp:ns:mcsecKMSInterface:1.0") /* not a KmsResponse or SignedKmsResponse in the Annex D namespace */ \
    X(RK_ERR_KMS_MISSING, -1401, "kms: required field or element missing") /* a required field or element is absent */ \
    X(RK_ERR_KMS_REPEATED, -1402, "kms: field repeated in its parent") /* a field (or KmsResponse, KmsMessage) twice in one parent */ \
    X(RK_ERR_KMS_MESSAGE, -1403, "kms: KmsMessage holds none or several messages, or KmsInit several certificates") /* KmsMessage without exactly one KmsInit/KmsKeyProv/KmsCertCache */ \
    X(RK_ERR_KMS_CONTENT, -1404, "kms: element content not allowed (child in a field, split text, text between elements)") /* child element in a field, split text, or text between elements */ \
    X(RK_ERR_KMS_ENCRYPTED, -1405, "kms: encrypted key field (EncKeyContentType) not supported") /* key field in EncKeyContentType form */ \
    X(RK_ERR_KMS_TOO_MANY, -1406, "kms: more certificates or key sets than the reader holds") /* more certificates or key sets than RK_KMS_MAX_* */ \
    X(RK_ERR_KMS_URI, -1407, "kms: UserUri or KmsUri empty, over 255 octets or not printable ASCII") /* UserUri/KmsUri empty, too long or with other octets */ \
    X(RK_ERR_KMS_HEX, -1408, "kms: hexBinary field not of its exact length") /* hexBinary not of its exact length */ \
    X(RK_ERR_KMS_NUMBER, -1409, "kms: integer field malformed (or UserKeyPeriod 0)") /* integer field not 1..18 digits, or UserKeyPeriod 0 */ \
    X(RK_ERR_KMS_BOOLEAN, -1410, "kms: Revoked is not true/false/1/0") /* Revoked not an xs:boolean */ \
    X(RK_ERR_KMS_DATETIME, -1411, "kms: ValidFrom or ValidTo is not a valid xs:dateTime") /* ValidFrom/ValidTo not an xs:dateTime the reader takes */ \
    X(RK_ERR_KMS_USER_ID_FORMAT, -1412, "kms: UserIdFormat is not 2 (TS 33.180 UID): unsupported") /* UserIdFormat not 2 (TS 33.180 hashed UID) */ \
    X(RK_ERR_KMS_PARAMETER_SET, -1413, "kms: ParameterSet is not 1: unsupported") /* ParameterSet not 1 (RFC 6509) */ \
    X(RK_ERR_KMS_REVOKED, -1414, "kms: certificate or key set revoked") \
    X(RK_ERR_KMS_NOT_YET_VALID, -1415, "kms: certificate or key set not yet valid (before ValidFrom)") /* now before ValidFrom */ \
    X(RK_ERR_KMS_EXPIRED, -1416, "kms: certificate or key set expired (after ValidTo)") /* now after ValidTo */ \
    X(RK_ERR_KMS_URI_MISMATCH, -1417, "kms: key set KmsUri differs from its certificate's") /* key set KmsUri is not its certificate's */ \
    X(RK_ERR_KMS_USER_ID, -1418, "kms: key set UserID is not the UID of its UserUri, KMS and period") /* key set UserID is not the UID of its UserUri and period */ \
    /* kms: add codes here, in this block */ \
    /* --- KMS documents in the shims (-1420 .. -1429) --- */ \
    X(RK_ERR_KMS_NO_CERT, -1420, "kms: no certificate of that KmsUri in the document") /* no certificate of the wanted KmsUri in the document */ \
    /* end of the list */

#define RK_STATUS_ENUM_(name, value, message) name = value,
enum {
    RK_STATUS_LIST(RK_STATUS_ENUM_)
    RK_STATUS_LAST_ = -9999
};
#undef RK_STATUS_ENUM_

/*
 * rk_strerror - a short, constant English description of a status code.
 * Never NULL; unknown codes give "unknown status".
 */
/*@ assigns \nothing;
    ensures \result != \null; */
const char *rk_strerror(rk_status s) RK_API;

#ifdef __cplusplus
}
#endif
#endif
