/* SPDX-License-Identifier: Apache-2.0 */ /* see rootkey/status.h */
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
    case RK_ERR_IO: return "file or system I/O failed";
    case RK_ERR_ALLOC: return "guarded memory not available";
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
    /* mikeysakke */
    case RK_ERR_MSAK_RECEIVER: return "mikeysakke: IDRr / IDRuidr does not name the receiver";
    case RK_ERR_MSAK_RECEIVER_URI: return "mikeysakke: role-2 IDRr but the receiver gave no URI (UID-only mode)";
    case RK_ERR_MSAK_KMSR: return "mikeysakke: IDRkmsr is not the receiver's KMS URI";
    case RK_ERR_MSAK_KMSI: return "mikeysakke: IDRkmsi is not the URI of the KMS whose KPAK was given";
    case RK_ERR_MSAK_PERIOD: return "mikeysakke: the key period of T is not the receiver key set's period";
    case RK_ERR_MSAK_KEYSET: return "mikeysakke: the installed RSK is not for UID(my URI, KMS URI, period)";
    case RK_ERR_MSAK_INITIATOR: return "mikeysakke: IDRi / IDRuidi is not the initiator the caller expects";
    case RK_ERR_MSAK_KP_MISSING: return "mikeysakke: key parameters (General Extension 7) required but absent";
    case RK_ERR_MSAK_KP_TOO_LONG: return "mikeysakke: key parameters plaintext longer than RK_MIKEYSAKKE_KP_MAX_BYTES";
    case RK_ERR_MSAK_EXT_TYPE: return "mikeysakke: private extension type not in 241..255";
    case RK_ERR_MSAK_EXT_MISSING: return "mikeysakke: the requested private General Extension is absent";
    case RK_ERR_MSAK_CONFIG: return "mikeysakke: receiver inputs inconsistent (kp_mode, URI length, context not ready)";
    case RK_ERR_MSAK_ROLE: return "mikeysakke: send: IDRi role not 1/8 or IDRr role not 2/9";
    case RK_ERR_MSAK_ID_MISMATCH: return "mikeysakke: send: a role-8/9 identity is not the signer / receiver UID";
    /* mikeysakke: strings here */
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
    case RK_ERR_LMR_VERSION: return "lmr block: version is not 1";
    case RK_ERR_LMR_TRUNCATED: return "lmr block: truncated";
    case RK_ERR_LMR_TAG: return "lmr block: unknown tag or tag of another LMR type";
    case RK_ERR_LMR_ORDER: return "lmr block: duplicate or out-of-order tag";
    case RK_ERR_LMR_LENGTH: return "lmr block: field has the wrong length";
    case RK_ERR_LMR_RANGE: return "lmr block: value wider than its field";
    case RK_ERR_LMR_TYPE: return "lmr block: LMR type not P25, TETRA or other";
    case RK_ERR_LMR_MISSING: return "lmr block: required field missing";
    case RK_ERR_LMR_KEY_LENGTH: return "lmr block: root key not 8 to 32 octets";
    case RK_ERR_LMR_TRAILING: return "lmr block: octets after the key";
    case RK_ERR_RK_PURPOSE: return "rootkey: CSB-ID purpose tag is not the root-key tag";
    case RK_ERR_RK_IWF: return "rootkey: initiator is not an authorised IWF";
    case RK_ERR_RK_NO_KEYSET: return "rootkey: no key set for this KMS and key period";
    case RK_ERR_RK_KEY_TYPE: return "rootkey: key type is not the root-key purpose tag";
    case RK_ERR_RK_LMR_TYPE: return "rootkey: unexpected LMR type";
    case RK_ERR_RK_ELEMENT: return "rootkey: element attributes contradict the signed message";
    case RK_ERR_RK_REVOKED: return "rootkey: key parameters mark the root key revoked";
    case RK_ERR_RK_INITIATOR_ROLE: return "rootkey: IDRi neither role 1 (URI) nor role 8 (UID)";
    /* rootkey: strings here */
    /* xml */
    case RK_ERR_XML_TOO_LONG: return "xml: document longer than the fixed bound";
    case RK_ERR_XML_DEPTH: return "xml: nesting deeper than the fixed bound";
    case RK_ERR_XML_NS_COUNT: return "xml: too many namespace declarations in scope";
    case RK_ERR_XML_ATTR_COUNT: return "xml: too many attributes on one element";
    case RK_ERR_XML_NAME_LONG: return "xml: name longer than the fixed bound";
    case RK_ERR_XML_DOCTYPE: return "xml: DOCTYPE not allowed";
    case RK_ERR_XML_MARKUP: return "xml: markup declaration not allowed";
    case RK_ERR_XML_PI: return "xml: processing instruction not allowed";
    case RK_ERR_XML_CDATA: return "xml: CDATA section not allowed";
    case RK_ERR_XML_DECL: return "xml: malformed XML declaration";
    case RK_ERR_XML_DECL_POS: return "xml: XML declaration not at the start";
    case RK_ERR_XML_VERSION: return "xml: version other than 1.0";
    case RK_ERR_XML_ENCODING: return "xml: encoding other than UTF-8";
    case RK_ERR_XML_ENTITY: return "xml: entity reference not allowed";
    case RK_ERR_XML_AMP: return "xml: bare '&'";
    case RK_ERR_XML_CHARREF_SYNTAX: return "xml: malformed character reference";
    case RK_ERR_XML_CHARREF_NUL: return "xml: character reference to U+0000";
    case RK_ERR_XML_CHARREF_SURROGATE: return "xml: character reference to a surrogate";
    case RK_ERR_XML_CHARREF_RANGE: return "xml: character reference above U+10FFFF";
    case RK_ERR_XML_CHARREF_CHAR: return "xml: character reference to a non-XML character";
    case RK_ERR_XML_NUL: return "xml: NUL octet";
    case RK_ERR_XML_CHAR: return "xml: character not allowed in XML";
    case RK_ERR_XML_UTF8_LEAD: return "xml: UTF-8 invalid lead octet";
    case RK_ERR_XML_UTF8_OVERLONG: return "xml: UTF-8 overlong form";
    case RK_ERR_XML_UTF8_SURROGATE: return "xml: UTF-8 encoded surrogate";
    case RK_ERR_XML_UTF8_5_6: return "xml: UTF-8 5- or 6-octet form";
    case RK_ERR_XML_UTF8_RANGE: return "xml: UTF-8 code point above U+10FFFF";
    case RK_ERR_XML_UTF8_TRUNCATED: return "xml: UTF-8 sequence truncated";
    case RK_ERR_XML_TRUNCATED: return "xml: document ends inside markup";
    case RK_ERR_XML_UNCLOSED: return "xml: unclosed element";
    case RK_ERR_XML_NO_ROOT: return "xml: no root element";
    case RK_ERR_XML_MISMATCH: return "xml: mismatched end tag";
    case RK_ERR_XML_MULTIPLE_ROOTS: return "xml: multiple root elements";
    case RK_ERR_XML_TRAILING: return "xml: trailing garbage after the root";
    case RK_ERR_XML_TEXT_BEFORE_ROOT: return "xml: text before the root";
    case RK_ERR_XML_TAG_SYNTAX: return "xml: malformed tag";
    case RK_ERR_XML_NAME: return "xml: invalid name";
    case RK_ERR_XML_QNAME: return "xml: invalid qualified name";
    case RK_ERR_XML_ATTR_SYNTAX: return "xml: malformed attribute";
    case RK_ERR_XML_ATTR_LT: return "xml: '<' in attribute value";
    case RK_ERR_XML_ATTR_DUP: return "xml: duplicate attribute";
    case RK_ERR_XML_ATTR_DUP_NS: return "xml: duplicate attribute after namespace resolution";
    case RK_ERR_XML_COMMENT: return "xml: '--' inside a comment";
    case RK_ERR_XML_CDATA_END: return "xml: ']]>' in character data";
    case RK_ERR_XML_NS_UNBOUND: return "xml: unbound namespace prefix";
    case RK_ERR_XML_NS_REBIND: return "xml: namespace prefix re-bound";
    case RK_ERR_XML_NS_DEFAULT_CHANGE: return "xml: default namespace changed";
    case RK_ERR_XML_NS_RESERVED: return "xml: reserved namespace prefix or URI misused";
    case RK_ERR_XML_NS_EMPTY: return "xml: prefix bound to an empty URI";
    case RK_ERR_XML_NS_VALUE: return "xml: reference inside a namespace URI";
    /* xml: strings for new codes here */
    /* profile */
    case RK_ERR_PROFILE_ROOT: return "profile: root is not an MCPTT user profile";
    case RK_ERR_PROFILE_ATTR_MISSING: return "profile: required attribute missing";
    case RK_ERR_PROFILE_ATTR_UNKNOWN: return "profile: unknown attribute";
    case RK_ERR_PROFILE_LMR_TYPE: return "profile: unknown lmr-type";
    case RK_ERR_PROFILE_KEY_ID: return "profile: key-id is not 8 hex digits";
    case RK_ERR_PROFILE_KMS_URI: return "profile: invalid kms-uri";
    case RK_ERR_PROFILE_KEY_PERIOD: return "profile: invalid key-period";
    case RK_ERR_PROFILE_CONTENT: return "profile: element content not a single text";
    case RK_ERR_PROFILE_TEXT: return "profile: text is not base64";
    case RK_ERR_PROFILE_TOO_MANY: return "profile: more elements than the output array";
    case RK_ERR_PROFILE_DUPLICATE: return "profile: several elements to replace";
    /* profile: strings for new codes here */
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
    case RK_ERR_POLICY_FUTURE_PERIOD: return "policy: key period not started yet";
    case RK_ERR_POLICY_OLD_PERIOD: return "policy: key period too old";
    case RK_ERR_POLICY_REPLAY: return "policy: replay of the stored element";
    case RK_ERR_POLICY_ROLLBACK: return "policy: older than the stored element";
    case RK_ERR_POLICY_NOT_ACTIVE: return "policy: root key not active yet";
    case RK_ERR_POLICY_EXPIRED: return "policy: root key expired";
    /* policy: strings here */
    /* key store */
    case RK_ERR_STORE_FULL: return "key store: full";
    case RK_ERR_STORE_NOT_FOUND: return "key store: no root key with that ID";
    case RK_ERR_STORE_FORMAT: return "key store: not a rootkey key-store file of this version";
    case RK_ERR_STORE_TRUNCATED: return "key store: file truncated";
    case RK_ERR_STORE_TAMPERED: return "key store: authentication failed (altered file or wrong storage key)";
    case RK_ERR_STORE_ENTRY: return "key store: entry field out of range";
    case RK_ERR_STORE_KMS_XML: return "KMS document: field missing, repeated or malformed";
    case RK_ERR_STORE_INVENTORY: return "IWF inventory: malformed line";
    case RK_ERR_STORE_LMR_MESSAGE: return "LMR key message: empty, unknown LMR type or too long";
    case RK_ERR_STORE_TEK_LIST: return "TEK list: malformed line";
    /* xcap */
    case RK_ERR_XCAP_URL: return "xcap: root not an https:// URL, or URL too long";
    case RK_ERR_XCAP_TOKEN: return "xcap: bearer token file unreadable, empty, too long or not a b64token";
    case RK_ERR_XCAP_OPTION: return "xcap: client option out of range";
    case RK_ERR_XCAP_CURL: return "xcap: libcurl could not be set up";
    case RK_ERR_XCAP_CONNECT: return "xcap: no connection to the CMS";
    case RK_ERR_XCAP_TLS: return "xcap: TLS failed (handshake or CMS certificate not verified)";
    case RK_ERR_XCAP_TIMEOUT: return "xcap: the CMS did not answer within the timeout";
    case RK_ERR_XCAP_TOO_BIG: return "xcap: answer larger than the response cap";
    case RK_ERR_XCAP_REDIRECT: return "xcap: the CMS answered with a redirect (not followed)";
    case RK_ERR_XCAP_AUTH: return "xcap: access token refused (401/403)";
    case RK_ERR_XCAP_HTTP: return "xcap: the CMS refused the request (4xx)";
    case RK_ERR_XCAP_SERVER: return "xcap: the CMS failed (5xx or 429)";
    case RK_ERR_XCAP_CONFLICT: return "xcap: the document kept changing (412 or weak ETag beyond the bound)";
    case RK_ERR_XCAP_ETAG: return "xcap: 2xx answer without a usable ETag";
    case RK_ERR_XCAP_ELEMENT: return "xcap: not one rootkey profile element to deliver";
    case RK_ERR_XCAP_MC_ID: return "xcap: MC ID empty or too long for a URL";
    case RK_ERR_XCAP_TRANSFER: return "xcap: transfer failed";
    /* store: strings here */
    case RK_ERR_IWF_DUPLICATE_ID: return "IWF inventory: the same MC ID on more than one line";
    case RK_ERR_IWF_LINE_TOO_LONG: return "IWF inventory: line too long";
    case RK_ERR_IWF_LINE_NUL: return "IWF inventory: NUL byte in a line";
    case RK_ERR_IWF_UTF8: return "IWF inventory: MC ID is not valid UTF-8 text";
    case RK_ERR_IWF_CSV: return "IWF inventory: not RFC 4180 CSV";
    case RK_ERR_IWF_TOO_LARGE: return "input too large";
    case RK_ERR_IWF_STATE: return "IWF batch: state record malformed or of another MC ID";
    case RK_ERR_IWF_LOCKED: return "locked by another process";
    case RK_ERR_IWF_DELIVERY: return "IWF batch: delivery to the CMS failed";
    case RK_ERR_IWF_PERIOD: return "IWF key set is not for the key period being wrapped";
    case RK_ERR_IWF_SIGNER: return "IWF key set is not the configured IWF's (UserUri)";
    /* iwf: strings here */
    /* kms */
    case RK_ERR_KMS_ROOT: return "kms: root is not a (Signed)KmsResponse in urn:3gpp:ns:mcsecKMSInterface:1.0";
    case RK_ERR_KMS_MISSING: return "kms: required field or element missing";
    case RK_ERR_KMS_REPEATED: return "kms: field repeated in its parent";
    case RK_ERR_KMS_MESSAGE: return "kms: KmsMessage holds none or several messages, or KmsInit several certificates";
    case RK_ERR_KMS_CONTENT: return "kms: element content not allowed (child in a field, split text, text between elements)";
    case RK_ERR_KMS_ENCRYPTED: return "kms: encrypted key field (EncKeyContentType) not supported";
    case RK_ERR_KMS_TOO_MANY: return "kms: more certificates or key sets than the reader holds";
    case RK_ERR_KMS_URI: return "kms: UserUri or KmsUri empty, over 255 octets or not printable ASCII";
    case RK_ERR_KMS_HEX: return "kms: hexBinary field not of its exact length";
    case RK_ERR_KMS_NUMBER: return "kms: integer field malformed (or UserKeyPeriod 0)";
    case RK_ERR_KMS_BOOLEAN: return "kms: Revoked is not true/false/1/0";
    case RK_ERR_KMS_DATETIME: return "kms: ValidFrom or ValidTo is not a valid xs:dateTime";
    case RK_ERR_KMS_USER_ID_FORMAT: return "kms: UserIdFormat is not 2 (TS 33.180 UID): unsupported";
    case RK_ERR_KMS_PARAMETER_SET: return "kms: ParameterSet is not 1: unsupported";
    case RK_ERR_KMS_REVOKED: return "kms: certificate or key set revoked";
    case RK_ERR_KMS_NOT_YET_VALID: return "kms: certificate or key set not yet valid (before ValidFrom)";
    case RK_ERR_KMS_EXPIRED: return "kms: certificate or key set expired (after ValidTo)";
    case RK_ERR_KMS_URI_MISMATCH: return "kms: key set KmsUri differs from its certificate's";
    case RK_ERR_KMS_USER_ID: return "kms: key set UserID is not the UID of its UserUri, KMS and period";
    case RK_ERR_KMS_NO_CERT: return "kms: no certificate of that KmsUri in the document";
    default: return "unknown status";
    }
}
