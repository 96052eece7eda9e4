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
    case RK_ERR_BN_MODULUS: return "bn: modulus even, 1, or of an unsupported size";
    case RK_ERR_P256_SCALAR_LENGTH: return "p256: scalar is not 32 octets";
    case RK_ERR_POINT_LENGTH: return "point: encoding is not 65 octets";
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
    case RK_ERR_SAKKE_ID_LENGTH: return "sakke: identifier is empty or longer than 128 octets";
    case RK_ERR_SAKKE_R_ZERO: return "sakke: HashToIntegerRange gave r = 0";
    case RK_ERR_SAKKE_KMS_SECRET: return "sakke: KMS secret z is 0 or >= q, or a + z = 0 mod q";
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
    /* mikey */
    case RK_ERR_MIKEY_TRUNCATED: return "mikey: a payload runs past the end of the message";
    case RK_ERR_MIKEY_TOO_LONG: return "mikey: message longer than 4096 octets";
    case RK_ERR_MIKEY_TRAILING: return "mikey: octets after the SIGN payload";
    case RK_ERR_MIKEY_VERSION: return "mikey: HDR version is not 1";
    case RK_ERR_MIKEY_DATA_TYPE: return "mikey: HDR data type is not 26 (SAKKE msg)";
    case RK_ERR_MIKEY_V_BIT: return "mikey: HDR V bit is set";
    case RK_ERR_MIKEY_PRF: return "mikey: HDR PRF is not HMAC-SHA-256";
    case RK_ERR_MIKEY_MAP_TYPE: return "mikey: CS ID map type is not empty or GENERIC-ID";
    case RK_ERR_MIKEY_CS_MAP: return "mikey: #CS does not match the CS ID map type";
    case RK_ERR_MIKEY_CS_LIMIT: return "mikey: too many crypto sessions";
    case RK_ERR_MIKEY_NEXT_UNKNOWN: return "mikey: unknown next-payload value";
    case RK_ERR_MIKEY_NEXT_UNSUPPORTED: return "mikey: payload type not allowed in an I_MESSAGE";
    case RK_ERR_MIKEY_NEXT_LAST: return "mikey: chain ends before SIGN";
    case RK_ERR_MIKEY_ORDER: return "mikey: payload out of order";
    case RK_ERR_MIKEY_DUPLICATE: return "mikey: duplicated payload";
    case RK_ERR_MIKEY_MISSING_T: return "mikey: T payload missing";
    case RK_ERR_MIKEY_MISSING_RAND: return "mikey: RAND payload missing";
    case RK_ERR_MIKEY_MISSING_IDRI: return "mikey: IDRi payload missing";
    case RK_ERR_MIKEY_MISSING_IDRR: return "mikey: IDRr payload missing";
    case RK_ERR_MIKEY_MISSING_IDRKMSI: return "mikey: IDRkmsi payload missing";
    case RK_ERR_MIKEY_MISSING_IDRKMSR: return "mikey: IDRkmsr payload missing";
    case RK_ERR_MIKEY_MISSING_SAKKE: return "mikey: SAKKE payload missing";
    case RK_ERR_MIKEY_TS_TYPE: return "mikey: timestamp type is not NTP-UTC";
    case RK_ERR_MIKEY_RAND_LENGTH: return "mikey: RAND length outside 16..32";
    case RK_ERR_MIKEY_IDR_ROLE: return "mikey: IDR role not accepted";
    case RK_ERR_MIKEY_IDR_TYPE: return "mikey: IDR ID type is not URI";
    case RK_ERR_MIKEY_IDR_LENGTH: return "mikey: IDR ID length invalid";
    case RK_ERR_MIKEY_SP_PARAMS: return "mikey: malformed SP parameter list";
    case RK_ERR_MIKEY_SAKKE_PARAMS: return "mikey: SAKKE parameter set is not 1";
    case RK_ERR_MIKEY_SAKKE_SCHEME: return "mikey: SAKKE ID scheme is not 2";
    case RK_ERR_MIKEY_SAKKE_LENGTH: return "mikey: SAKKE data length is not 273";
    case RK_ERR_MIKEY_GENEXT_TYPE: return "mikey: General Extension type not accepted";
    case RK_ERR_MIKEY_GENEXT_LENGTH: return "mikey: General Extension length invalid";
    case RK_ERR_MIKEY_GENEXT_SAKKE: return "mikey: SAKKE-to-self extension malformed";
    case RK_ERR_MIKEY_GENEXT_LIMIT: return "mikey: too many General Extensions";
    case RK_ERR_MIKEY_SIGN_TYPE: return "mikey: signature type is not ECCSI";
    case RK_ERR_MIKEY_SIGN_LENGTH: return "mikey: signature length is not 129";
    /* mikey: strings here */
    /* keyparams */
    case RK_ERR_KP_TRUNCATED: return "keyparams: protected payload truncated";
    case RK_ERR_KP_TRAILING: return "keyparams: octets after the protected payload";
    case RK_ERR_KP_MSG_TYPE: return "keyparams: message type not accepted";
    case RK_ERR_KP_ALG: return "keyparams: payload algorithm is not AES-128-GCM";
    case RK_ERR_KP_DPPK_ID: return "keyparams: DPPK-ID is not the CSB-ID";
    case RK_ERR_KP_IEI: return "keyparams: payload element octet is not 0x00";
    case RK_ERR_KP_CT_LENGTH: return "keyparams: ciphertext too short";
    case RK_ERR_KP_PT_TRUNCATED: return "keyparams: key parameters truncated";
    case RK_ERR_KP_PT_TRAILING: return "keyparams: octets after the key parameters";
    case RK_ERR_KP_KEY_TYPE: return "keyparams: key type above 15";
    case RK_ERR_KP_GROUP_COUNT: return "keyparams: group count does not match the entries";
    case RK_ERR_KP_GROUP_LIMIT: return "keyparams: too many group IDs";
    case RK_ERR_KP_GROUP_IEI: return "keyparams: group ID element identifier is not 0x7B";
    case RK_ERR_KP_GROUP_LENGTH: return "keyparams: group ID length invalid";
    case RK_ERR_KP_GMK_LENGTH: return "keyparams: GMK is not 16 octets";
    case RK_ERR_KP_TEXT_LENGTH: return "keyparams: element longer than 65535 octets";
    /* keyparams: strings here */
    /* rootkey: strings here */
    /* xml: strings here */
    /* profile: strings here */
    /* p25: strings here */
    /* policy: strings here */
    default: return "unknown status";
    }
}
