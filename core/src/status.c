/* see rootkey/status.h */
#include "rootkey/status.h"

const char *rk_strerror(rk_status s)
{
    switch (s) {
    case RK_OK: return "ok";
    /* generic */
    case RK_ERR_NULL: return "required pointer is NULL";
    case RK_ERR_LENGTH: return "input length not accepted";
    case RK_ERR_BUFFER: return "output buffer too small";
    case RK_ERR_INTERNAL: return "internal consistency check failed";
    case RK_ERR_OVERLAP: return "input and output buffers overlap";
    /* hex, base64 */
    case RK_ERR_HEX_ODD: return "hex: odd number of digits";
    case RK_ERR_HEX_CHAR: return "hex: invalid character";
    case RK_ERR_B64_CHAR: return "base64: character outside the alphabet";
    case RK_ERR_B64_LENGTH: return "base64: length not a multiple of 4";
    case RK_ERR_B64_PAD: return "base64: misplaced or excess padding";
    case RK_ERR_B64_NONCANON: return "base64: non-zero pad bits (non-canonical)";
    case RK_ERR_B64_SPACE: return "base64: whitespace not allowed";
    /* hash */
    case RK_ERR_KDF_PARAM: return "kdf: parameter too long or too many parameters";
    case RK_ERR_KEYPERIOD: return "key period: length 0 or offset not below length";
    case RK_ERR_NTP_RANGE: return "time outside the NTP/Unix range";
    case RK_ERR_H2I_RANGE: return "HashToIntegerRange: modulus not supported";
    /* bn, p256 */
    case RK_ERR_POINT_PREFIX: return "point: encoding does not start with 0x04";
    case RK_ERR_POINT_RANGE: return "point: coordinate not below p";
    case RK_ERR_POINT_CURVE: return "point: not on the curve";
    case RK_ERR_POINT_INFINITY: return "point: point at infinity";
    case RK_ERR_SCALAR_RANGE: return "scalar: zero or not below the group order";
    /* bn/p256: strings for new codes here */
    /* eccsi */
    case RK_ERR_ECCSI_SIG_LENGTH: return "eccsi: signature is not 129 octets";
    case RK_ERR_ECCSI_R_RANGE: return "eccsi: r not in [1, p-1]";
    case RK_ERR_ECCSI_S_RANGE: return "eccsi: s not in [1, q-1]";
    case RK_ERR_ECCSI_PVT: return "eccsi: PVT is not a valid point";
    case RK_ERR_ECCSI_J_INFINITY: return "eccsi: J is the point at infinity";
    case RK_ERR_ECCSI_VERIFY: return "eccsi: signature does not verify";
    case RK_ERR_ECCSI_SSK_RANGE: return "eccsi: SSK is zero or not below q";
    case RK_ERR_ECCSI_SSK_INVALID: return "eccsi: SSK does not match KPAK, identity and PVT";
    case RK_ERR_ECCSI_KPAK: return "eccsi: KPAK is not a valid point";
    case RK_ERR_ECCSI_RETRY: return "eccsi: degenerate value, retry with new randomness";
    case RK_ERR_ECCSI_FAULT: return "eccsi: verify-after-sign failed";
    /* eccsi: strings for new codes here */
    /* sakke */
    case RK_ERR_SAKKE_LENGTH: return "sakke: data is not 273 octets";
    case RK_ERR_SAKKE_R_PREFIX: return "sakke: R does not start with 0x04";
    case RK_ERR_SAKKE_R_RANGE: return "sakke: coordinate of R not below p";
    case RK_ERR_SAKKE_R_CURVE: return "sakke: R not on the curve";
    case RK_ERR_SAKKE_R_INFINITY: return "sakke: R is the point at infinity";
    case RK_ERR_SAKKE_R_ORDER: return "sakke: R is not of order q";
    case RK_ERR_SAKKE_TEST: return "sakke: TEST != R";
    case RK_ERR_SAKKE_RSK_INVALID: return "sakke: RSK fails the pairing check";
    case RK_ERR_SAKKE_RSK_POINT: return "sakke: RSK is not a valid point of order q";
    case RK_ERR_SAKKE_Z_POINT: return "sakke: KMS key Z is not a valid point of order q";
    case RK_ERR_SAKKE_SSV_LENGTH: return "sakke: SSV or H is not 16 octets";
    /* sakke: strings for new codes here */
    /* aes, gcm, kw, cmac */
    case RK_ERR_AES_KEYLEN: return "aes: key is not 16 or 32 octets";
    case RK_ERR_GCM_TAG: return "gcm: tag does not verify";
    case RK_ERR_GCM_IVLEN: return "gcm: IV length 0 or too long";
    case RK_ERR_KW_LENGTH: return "key wrap: invalid length";
    case RK_ERR_KW_ICV: return "key wrap: integrity check failed";
    case RK_ERR_KWP_PAD: return "key wrap with padding: invalid padding or length";
    case RK_ERR_CMAC_TAG: return "cmac: tag does not verify";
    case RK_ERR_GCM_LENGTH: return "gcm: plaintext or AAD too long";
    case RK_ERR_CMAC_TAGLEN: return "cmac: tag length not in 8..16";
    /* aes: strings for new codes here */
    /* mikey: strings here */
    /* keyparams: strings here */
    /* rootkey: strings here */
    /* xml: strings here */
    /* profile: strings here */
    /* p25 */
    case RK_ERR_P25_TRUNCATED: return "p25: frame shorter than its length field";
    case RK_ERR_P25_TRAILING: return "p25: octets after the message";
    case RK_ERR_P25_TOO_LONG: return "p25: frame longer than the supported maximum";
    case RK_ERR_P25_LENGTH: return "p25: message length cannot hold header and trailer";
    case RK_ERR_P25_RESPONSE_KIND: return "p25: reserved response kind";
    case RK_ERR_P25_MN_FLAG: return "p25: invalid message-number flag";
    case RK_ERR_P25_MAC_TYPE: return "p25: reserved MAC type";
    case RK_ERR_P25_MAC_DES: return "p25: DES MAC not supported";
    case RK_ERR_P25_FORMAT_RSVD: return "p25: reserved message-format bit set";
    case RK_ERR_P25_MAC_LENGTH: return "p25: MAC length octet is not 8";
    case RK_ERR_P25_MAC_FORMAT: return "p25: unknown MAC format";
    case RK_ERR_P25_MAC: return "p25: MAC does not verify";
    case RK_ERR_P25_NO_MAC: return "p25: message has no MAC";
    case RK_ERR_P25_MESSAGE_ID: return "p25: not a Modify Key Command";
    case RK_ERR_P25_DESTINATION: return "p25: wrong destination RSI";
    case RK_ERR_P25_SOURCE: return "p25: unexpected source RSI";
    case RK_ERR_P25_MN_MISSING: return "p25: message number missing";
    case RK_ERR_P25_REPLAY: return "p25: replayed or old message number";
    case RK_ERR_P25_DIF: return "p25: invalid decryption instruction format";
    case RK_ERR_P25_MI_ZERO: return "p25: message indicator is all zero";
    case RK_ERR_P25_BODY_TRUNCATED: return "p25: Modify Key body truncated";
    case RK_ERR_P25_BODY_TRAILING: return "p25: octets after the last key item";
    case RK_ERR_P25_NO_KEYS: return "p25: no key items";
    case RK_ERR_P25_KEY_NAME: return "p25: key names not supported";
    case RK_ERR_P25_KEY_LENGTH: return "p25: key length does not fit the algorithm";
    case RK_ERR_P25_MI_UNSUPPORTED: return "p25: encrypted KMM body not supported";
    case RK_ERR_P25_KEK_ALGID: return "p25: KEK algorithm is not the root key's";
    case RK_ERR_P25_KEY_ID: return "p25: unknown KEK key ID";
    case RK_ERR_P25_ALGID: return "p25: TEK algorithm not allowed";
    case RK_ERR_P25_KEY_FORMAT: return "p25: key item is not a plain TEK";
    case RK_ERR_P25_TEK_ICV: return "p25: wrapped TEK fails the integrity check";
    case RK_ERR_P25_TOO_MANY_KEYS: return "p25: more keys than the output holds";
    case RK_ERR_P25_UKEK_LENGTH: return "p25: root key is not 16 or 32 octets";
    case RK_ERR_P25_TEK_LENGTH: return "p25: TEK length invalid";
    case RK_ERR_P25_CBCMAC_KEY: return "p25: CBC-MAC form needs a 32-octet root key";
    case RK_ERR_P25_PARAM: return "p25: encoder parameter out of range";
    case RK_ERR_P25_TETRA_LENGTH: return "tetra: wrapped blob length invalid";
    case RK_ERR_P25_TETRA_ICV: return "tetra: wrapped blob fails the integrity check";
    /* p25: strings here */
    /* policy: strings here */
    default: return "unknown status";
    }
}
