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

enum {
    RK_OK = 0,

    /* --- generic (-1 .. -99) --- */
    RK_ERR_NULL = -1,             /* a required pointer was NULL */
    RK_ERR_LENGTH = -2,           /* an input length is outside what the API accepts */
    RK_ERR_BUFFER = -3,           /* the caller's output buffer is too small */
    RK_ERR_INTERNAL = -4,         /* an internal consistency check failed */
    RK_ERR_OVERLAP = -5,          /* input and output buffers overlap where they must not */
    RK_ERR_IO = -6,               /* file or system I/O failed (shims only; errno says why) */
    RK_ERR_ALLOC = -7,            /* guarded memory could not be had (shims only) */

    /* --- hex (-100 .. -119) --- */
    RK_ERR_HEX_ODD = -100,        /* odd number of hex digits */
    RK_ERR_HEX_CHAR = -101,       /* a character that is not a hex digit */

    /* --- base64 (-120 .. -149) --- */
    RK_ERR_B64_CHAR = -120,       /* a character outside the RFC 4648 section 4 alphabet */
    RK_ERR_B64_LENGTH = -121,     /* encoded length not a multiple of 4 (after whitespace) */
    RK_ERR_B64_PAD = -122,        /* '=' in the wrong place, or too many */
    RK_ERR_B64_NONCANON = -123,   /* non-zero pad bits (RFC 4648 3.5) */
    RK_ERR_B64_SPACE = -124,      /* whitespace where the caller did not allow it */

    /* --- hash, KDF, UID, key periods (-150 .. -199) --- */
    RK_ERR_KDF_PARAM = -150,      /* a KDF parameter longer than 65535 octets or too many parameters */
    RK_ERR_KEYPERIOD = -151,      /* key period length 0, or offset >= length */
    RK_ERR_NTP_RANGE = -152,      /* time outside the representable NTP/Unix range */
    RK_ERR_H2I_RANGE = -153,      /* HashToIntegerRange modulus not supported */

    /* --- bn, p256 (-200 .. -299) --- */
    RK_ERR_POINT_PREFIX = -200,   /* point encoding does not start with 0x04 */
    RK_ERR_POINT_RANGE = -201,    /* a coordinate is >= p */
    RK_ERR_POINT_CURVE = -202,    /* the point is not on the curve */
    RK_ERR_POINT_INFINITY = -203, /* the point is the point at infinity */
    RK_ERR_SCALAR_RANGE = -204,   /* a scalar is 0 or >= the group order */
    RK_ERR_BN_MODULUS = -205,     /* Montgomery modulus even, 1, or of an unsupported size */
    RK_ERR_P256_SCALAR_LENGTH = -206, /* a scalar encoding is not 32 octets */
    RK_ERR_POINT_LENGTH = -207,   /* a point encoding is not 65 octets */
    /* bn/p256: add new codes here, in this block */

    /* --- eccsi (-300 .. -399) --- */
    RK_ERR_ECCSI_SIG_LENGTH = -300, /* signature is not 129 octets */
    RK_ERR_ECCSI_R_RANGE = -301,    /* r not in [1, p-1] */
    RK_ERR_ECCSI_S_RANGE = -302,    /* s not in [1, q-1] */
    RK_ERR_ECCSI_PVT = -303,        /* PVT is not a valid point */
    RK_ERR_ECCSI_J_INFINITY = -304, /* J is the point at infinity */
    RK_ERR_ECCSI_VERIFY = -305,     /* Jx != r: the signature does not verify */
    RK_ERR_ECCSI_SSK_RANGE = -306,  /* SSK is 0 or >= q */
    RK_ERR_ECCSI_SSK_INVALID = -307,/* KPAK != [SSK]G - [HS]PVT (RFC 6507 5.1.2) */
    RK_ERR_ECCSI_KPAK = -308,       /* KPAK is not a valid point */
    RK_ERR_ECCSI_RETRY = -309,      /* signing hit a degenerate value; call again with new randomness */
    RK_ERR_ECCSI_FAULT = -310,      /* verify-after-sign failed: no signature released */
    /* eccsi: add new codes here, in this block */

    /* --- sakke, fp1024, fp2, sscurve, pairing (-400 .. -499) --- */
    RK_ERR_SAKKE_LENGTH = -400,     /* SAKKE data is not 273 octets */
    RK_ERR_SAKKE_R_PREFIX = -401,   /* R does not start with 0x04 */
    RK_ERR_SAKKE_R_RANGE = -402,    /* a coordinate of R is >= p */
    RK_ERR_SAKKE_R_CURVE = -403,    /* R is not on the curve */
    RK_ERR_SAKKE_R_INFINITY = -404, /* R is the point at infinity */
    RK_ERR_SAKKE_R_ORDER = -405,    /* R is not of order q */
    RK_ERR_SAKKE_TEST = -406,       /* TEST != R (RFC 6508 6.2.2 step 5) */
    RK_ERR_SAKKE_RSK_INVALID = -407,/* <[a]P + Z, K> != g (RFC 6508 6.1.2) */
    RK_ERR_SAKKE_RSK_POINT = -408,  /* the RSK is not a valid point of order q */
    RK_ERR_SAKKE_Z_POINT = -409,    /* the KMS public key Z is not a valid point of order q */
    RK_ERR_SAKKE_SSV_LENGTH = -410, /* SSV or H is not 16 octets */
    RK_ERR_SAKKE_ID_LENGTH = -411,  /* identifier empty or longer than 128 octets */
    RK_ERR_SAKKE_R_ZERO = -412,     /* HashToIntegerRange gave r = 0 (RFC 6508 6.2.1 step 2; never in practice) */
    RK_ERR_SAKKE_KMS_SECRET = -413, /* KMS master secret z is 0 or >= q, or a + z = 0 mod q */
    /* sakke: add new codes here, in this block */

    /* --- aes, gcm, kw, cmac (-500 .. -599) --- */
    RK_ERR_AES_KEYLEN = -500,       /* AES key is not 16 or 32 octets */
    RK_ERR_GCM_TAG = -501,          /* GCM tag does not verify */
    RK_ERR_GCM_IVLEN = -502,        /* GCM IV length 0 (or above 2^61 - 1 octets) */
    RK_ERR_KW_LENGTH = -503,        /* key-wrap input length invalid */
    RK_ERR_KW_ICV = -504,           /* key-wrap integrity check failed */
    RK_ERR_KWP_PAD = -505,          /* KWP padding or length indicator invalid */
    RK_ERR_CMAC_TAG = -506,         /* CMAC tag does not verify */
    RK_ERR_GCM_LENGTH = -507,       /* GCM plaintext above 2^36 - 32 octets, or AAD above 2^61 - 1 */
    RK_ERR_CMAC_TAGLEN = -508,      /* CMAC tag length outside 8 .. 16 octets */
    /* aes: add new codes here, in this block */

    /* --- mikey (-600 .. -699) --- */
    RK_ERR_MIKEY_TRUNCATED = -600,        /* a payload runs past the end of the message */
    RK_ERR_MIKEY_TOO_LONG = -601,         /* message longer than RK_MIKEY_MAX_BYTES */
    RK_ERR_MIKEY_TRAILING = -602,         /* octets after the SIGN payload */
    RK_ERR_MIKEY_VERSION = -603,          /* HDR version is not 1 */
    RK_ERR_MIKEY_DATA_TYPE = -604,        /* HDR data type is not 26 (SAKKE msg) */
    RK_ERR_MIKEY_V_BIT = -605,            /* HDR V bit set (TS 33.180 E.1.1) */
    RK_ERR_MIKEY_PRF = -606,              /* HDR PRF func is not 1 (HMAC-SHA-256) */
    RK_ERR_MIKEY_MAP_TYPE = -607,         /* CS ID map type neither 1 (empty) nor 2 (GENERIC-ID) */
    RK_ERR_MIKEY_CS_MAP = -608,           /* #CS inconsistent with the map type (0 <-> empty map) */
    RK_ERR_MIKEY_CS_LIMIT = -609,         /* #CS above RK_MIKEY_MAX_CS */
    RK_ERR_MIKEY_NEXT_UNKNOWN = -610,     /* next payload is an unassigned or private value */
    RK_ERR_MIKEY_NEXT_UNSUPPORTED = -611, /* next payload is a MIKEY payload an MC I_MESSAGE never carries */
    RK_ERR_MIKEY_NEXT_LAST = -612,        /* next payload 'last' (0) before SIGN: no SIGN */
    RK_ERR_MIKEY_ORDER = -613,            /* a payload after one it must precede */
    RK_ERR_MIKEY_DUPLICATE = -614,        /* a payload (or IDR role, or extension type) seen twice */
    RK_ERR_MIKEY_MISSING_T = -615,        /* no T payload before a later payload */
    RK_ERR_MIKEY_MISSING_RAND = -616,     /* no RAND payload */
    RK_ERR_MIKEY_MISSING_IDRI = -617,     /* no IDRi (role 1 or 8) */
    RK_ERR_MIKEY_MISSING_IDRR = -618,     /* no IDRr (role 2 or 9) */
    RK_ERR_MIKEY_MISSING_IDRKMSI = -619,  /* no IDRkmsi (role 6) */
    RK_ERR_MIKEY_MISSING_IDRKMSR = -620,  /* no IDRkmsr (role 7) */
    RK_ERR_MIKEY_MISSING_SAKKE = -621,    /* no SAKKE payload before SIGN */
    RK_ERR_MIKEY_TS_TYPE = -622,          /* T payload TS type is not 0 (NTP-UTC) */
    RK_ERR_MIKEY_RAND_LENGTH = -623,      /* RAND length outside 16..32 */
    RK_ERR_MIKEY_IDR_ROLE = -624,         /* IDR role not 1, 2, 6, 7, 8 or 9 */
    RK_ERR_MIKEY_IDR_TYPE = -625,         /* IDR ID type is not 1 (URI) */
    RK_ERR_MIKEY_IDR_LENGTH = -626,       /* IDR ID empty, or a role 8/9 UID not 32 octets */
    RK_ERR_MIKEY_SP_PARAMS = -627,        /* SP parameter list does not exactly fill its length */
    RK_ERR_MIKEY_SAKKE_PARAMS = -628,     /* SAKKE params is not 1 (parameter set 1) */
    RK_ERR_MIKEY_SAKKE_SCHEME = -629,     /* SAKKE ID scheme is not 2 (3GPP hashed UID) */
    RK_ERR_MIKEY_SAKKE_LENGTH = -630,     /* SAKKE data length is not 273 */
    RK_ERR_MIKEY_GENEXT_TYPE = -631,      /* General Extension type not 6, 7 or 241..255 */
    RK_ERR_MIKEY_GENEXT_LENGTH = -632,    /* General Extension empty, or type 6 not 278 octets */
    RK_ERR_MIKEY_GENEXT_SAKKE = -633,     /* SAKKE-to-self extension: inner params/scheme/length wrong */
    RK_ERR_MIKEY_GENEXT_LIMIT = -634,     /* more than RK_MIKEY_MAX_GENEXT extensions */
    RK_ERR_MIKEY_SIGN_TYPE = -635,        /* SIGN S type is not 2 (ECCSI) */
    RK_ERR_MIKEY_SIGN_LENGTH = -636,      /* SIGN length is not 129 */
    /* mikey: add codes here, in this block */
    /* mikeysakke (-650 .. -699, a sub-range of the mikey block) */
    RK_ERR_MSAK_RECEIVER = -650,              /* IDRr / IDRuidr does not name the receiver */
    RK_ERR_MSAK_RECEIVER_URI = -651,          /* role-2 IDRr but the receiver gave no URI (UID-only mode) */
    RK_ERR_MSAK_KMSR = -652,                  /* IDRkmsr is not the receiver's KMS URI */
    RK_ERR_MSAK_KMSI = -653,                  /* IDRkmsi is not the URI of the KMS whose KPAK was given */
    RK_ERR_MSAK_PERIOD = -654,                /* the key period of T is not the receiver key set's period */
    RK_ERR_MSAK_KEYSET = -655,                /* the installed RSK is not for UID(my URI, KMS URI, period) */
    RK_ERR_MSAK_INITIATOR = -656,             /* IDRi / IDRuidi is not the initiator the caller expects */
    RK_ERR_MSAK_KP_MISSING = -657,            /* key parameters (General Extension 7) required but absent */
    RK_ERR_MSAK_KP_TOO_LONG = -658,           /* key parameters plaintext longer than RK_MIKEYSAKKE_KP_MAX_BYTES */
    RK_ERR_MSAK_EXT_TYPE = -659,              /* private extension type not in 241..255 */
    RK_ERR_MSAK_EXT_MISSING = -660,           /* the requested private General Extension is absent */
    RK_ERR_MSAK_CONFIG = -661,                /* receiver inputs inconsistent (kp_mode, URI length, context not ready) */
    RK_ERR_MSAK_ROLE = -662,                  /* send: IDRi role not 1/8 or IDRr role not 2/9 */
    RK_ERR_MSAK_ID_MISMATCH = -663,           /* send: a role-8/9 identity is not the signer / receiver UID */
    /* mikeysakke: add codes here, in this sub-range */

    /* --- keyparams (-700 .. -799) --- */
    RK_ERR_KP_TRUNCATED = -700,    /* protected payload shorter than its fixed fields or its length field */
    RK_ERR_KP_TRAILING = -701,     /* octets after the ciphertext the length field names */
    RK_ERR_KP_MSG_TYPE = -702,     /* message type neither 0x40 nor 0x43 (the two observed) */
    RK_ERR_KP_ALG = -703,          /* payload algorithm is not 1 (AES-128-GCM) */
    RK_ERR_KP_DPPK_ID = -704,      /* DPPK-ID differs from the MIKEY CSB-ID (TS 33.180 E.6.1) */
    RK_ERR_KP_IEI = -705,          /* the octet before the payload length is not 0x00 */
    RK_ERR_KP_CT_LENGTH = -706,    /* ciphertext || tag shorter than 16 + 17 octets */
    RK_ERR_KP_PT_TRUNCATED = -707, /* key parameters shorter than a field or LV-E length says */
    RK_ERR_KP_PT_TRAILING = -708,  /* octets after the Group IDs element */
    RK_ERR_KP_KEY_TYPE = -709,     /* Key Type above 15 (a 4-bit purpose tag) */
    RK_ERR_KP_GROUP_COUNT = -710,  /* Group IDs count does not match its entries */
    RK_ERR_KP_GROUP_LIMIT = -711,  /* more than RK_KP_MAX_GROUPS group IDs */
    RK_ERR_KP_GROUP_IEI = -712,    /* a group ID entry IEI is not 0x7B */
    RK_ERR_KP_GROUP_LENGTH = -713, /* a group ID entry is empty or runs past its list */
    RK_ERR_KP_GMK_LENGTH = -714,   /* GUK-ID derivation: GMK is not 16 octets */
    RK_ERR_KP_TEXT_LENGTH = -715,  /* encoder: text, group list or ciphertext longer than 65535 */
    /* keyparams: add codes here, in this block */

    /* --- rootkey message (-800 .. -899) --- */
    RK_ERR_LMR_VERSION = -800,      /* LMR block version is not 1 */
    RK_ERR_LMR_TRUNCATED = -801,    /* LMR block ends inside a TLV */
    RK_ERR_LMR_TAG = -802,          /* unknown tag, or a tag of another LMR type */
    RK_ERR_LMR_ORDER = -803,        /* tags not strictly increasing (duplicate or reordered) */
    RK_ERR_LMR_LENGTH = -804,       /* a field has the wrong length */
    RK_ERR_LMR_RANGE = -805,        /* a value is wider than its field */
    RK_ERR_LMR_TYPE = -806,         /* LMR type not P25, TETRA or other */
    RK_ERR_LMR_MISSING = -807,      /* a required field is missing */
    RK_ERR_LMR_KEY_LENGTH = -808,   /* root key not 8..32 octets */
    RK_ERR_LMR_TRAILING = -809,     /* octets after the key */
    RK_ERR_RK_PURPOSE = -820,       /* CSB-ID purpose tag not the root-key tag (or tag > 15) */
    RK_ERR_RK_IWF = -821,           /* IDRi is not an authorised IWF */
    RK_ERR_RK_NO_KEYSET = -822,     /* no key set for IDRkmsr and the key period of T */
    RK_ERR_RK_KEY_TYPE = -823,      /* key parameters' key type is not the purpose tag */
    RK_ERR_RK_LMR_TYPE = -824,      /* LMR type is not the expected one */
    RK_ERR_RK_ELEMENT = -825,       /* profile element attributes contradict the signed message */
    RK_ERR_RK_REVOKED = -826,       /* key parameters' status does not say "not revoked" */
    RK_ERR_RK_INITIATOR_ROLE = -827,/* IDRi neither role 1 (URI) nor role 8 (UID) */
    /* rootkey: add codes here, in this block */

    /* --- xml (-900 .. -999) --- */
    RK_ERR_XML_TOO_LONG = -900, /* document longer than RK_XML_MAX_DOC_BYTES */
    RK_ERR_XML_DEPTH = -901, /* element nesting deeper than RK_XML_MAX_DEPTH */
    RK_ERR_XML_NS_COUNT = -902, /* more than RK_XML_MAX_NS namespace declarations in scope */
    RK_ERR_XML_ATTR_COUNT = -903, /* more than RK_XML_MAX_ATTRS attributes on one element */
    RK_ERR_XML_NAME_LONG = -904, /* a name longer than RK_XML_MAX_NAME octets */
    RK_ERR_XML_DOCTYPE = -905, /* a document type declaration (<!DOCTYPE) */
    RK_ERR_XML_MARKUP = -906, /* other <! markup (e.g. <!ENTITY, <!doctype) */
    RK_ERR_XML_PI = -907, /* a processing instruction other than the XML declaration */
    RK_ERR_XML_CDATA = -908, /* a CDATA section */
    RK_ERR_XML_DECL = -909, /* malformed XML declaration */
    RK_ERR_XML_DECL_POS = -910, /* XML declaration not at the start of the document */
    RK_ERR_XML_VERSION = -911, /* XML declaration version other than 1.0 */
    RK_ERR_XML_ENCODING = -912, /* encoding other than UTF-8 (declaration or UTF-16/32 BOM) */
    RK_ERR_XML_ENTITY = -913, /* reference to an entity other than the five predefined ones */
    RK_ERR_XML_AMP = -914, /* '&' that does not start a reference */
    RK_ERR_XML_CHARREF_SYNTAX = -915, /* malformed character reference */
    RK_ERR_XML_CHARREF_NUL = -916, /* character reference to U+0000 */
    RK_ERR_XML_CHARREF_SURROGATE = -917, /* character reference to a surrogate (U+D800..U+DFFF) */
    RK_ERR_XML_CHARREF_RANGE = -918, /* character reference above U+10FFFF */
    RK_ERR_XML_CHARREF_CHAR = -919, /* character reference to a non-XML character */
    RK_ERR_XML_NUL = -920, /* a NUL octet */
    RK_ERR_XML_CHAR = -921, /* a character outside the XML Char production */
    RK_ERR_XML_UTF8_LEAD = -922, /* UTF-8: continuation or FE/FF octet where a character starts */
    RK_ERR_XML_UTF8_OVERLONG = -923, /* UTF-8: overlong form */
    RK_ERR_XML_UTF8_SURROGATE = -924, /* UTF-8: encoded surrogate */
    RK_ERR_XML_UTF8_5_6 = -925, /* UTF-8: 5- or 6-octet form */
    RK_ERR_XML_UTF8_RANGE = -926, /* UTF-8: code point above U+10FFFF */
    RK_ERR_XML_UTF8_TRUNCATED = -927, /* UTF-8: sequence cut short */
    RK_ERR_XML_TRUNCATED = -928, /* document ends inside markup */
    RK_ERR_XML_UNCLOSED = -929, /* document ends with elements open */
    RK_ERR_XML_NO_ROOT = -930, /* no root element */
    RK_ERR_XML_MISMATCH = -931, /* end tag does not match the open element */
    RK_ERR_XML_MULTIPLE_ROOTS = -932, /* a second root element */
    RK_ERR_XML_TRAILING = -933, /* non-whitespace after the root element */
    RK_ERR_XML_TEXT_BEFORE_ROOT = -934, /* non-whitespace before the root element */
    RK_ERR_XML_TAG_SYNTAX = -935, /* malformed tag */
    RK_ERR_XML_NAME = -936, /* a name outside the accepted (ASCII) name syntax */
    RK_ERR_XML_QNAME = -937, /* a name with a misplaced or second colon */
    RK_ERR_XML_ATTR_SYNTAX = -938, /* malformed attribute (no '=', no quotes) */
    RK_ERR_XML_ATTR_LT = -939, /* '<' in an attribute value */
    RK_ERR_XML_ATTR_DUP = -940, /* the same attribute name twice */
    RK_ERR_XML_ATTR_DUP_NS = -941, /* two attributes with the same namespace and local name */
    RK_ERR_XML_COMMENT = -942, /* '--' inside a comment */
    RK_ERR_XML_CDATA_END = -943, /* ']]>' in character data */
    RK_ERR_XML_NS_UNBOUND = -944, /* a prefix with no namespace declaration in scope */
    RK_ERR_XML_NS_REBIND = -945, /* an in-scope prefix bound to another URI */
    RK_ERR_XML_NS_DEFAULT_CHANGE = -946, /* the in-scope default namespace changed */
    RK_ERR_XML_NS_RESERVED = -947, /* misuse of the xml/xmlns prefixes or namespace URIs */
    RK_ERR_XML_NS_EMPTY = -948, /* a prefix declared with an empty URI */
    RK_ERR_XML_NS_VALUE = -949, /* a reference inside a namespace URI */
    /* xml: add codes here, in this block */

    /* --- profile (-1000 .. -1099) --- */
    RK_ERR_PROFILE_ROOT = -1000, /* root is not mcptt-user-profile in urn:3gpp:ns:mcpttUserProfile:1.0 */
    RK_ERR_PROFILE_ATTR_MISSING = -1001, /* an lmr-root-key element lacks a required attribute */
    RK_ERR_PROFILE_ATTR_UNKNOWN = -1002, /* an unknown attribute without namespace */
    RK_ERR_PROFILE_LMR_TYPE = -1003, /* lmr-type not P25, TETRA or OTHER */
    RK_ERR_PROFILE_KEY_ID = -1004, /* key-id not 8 hex digits */
    RK_ERR_PROFILE_KMS_URI = -1005, /* kms-uri empty, too long, or outside printable ASCII without & < > " ' */
    RK_ERR_PROFILE_KEY_PERIOD = -1006, /* key-period not 1..12 decimal digits without leading zero */
    RK_ERR_PROFILE_CONTENT = -1007, /* child element or split text inside lmr-root-key */
    RK_ERR_PROFILE_TEXT = -1008, /* text not base64 characters and whitespace, or empty */
    RK_ERR_PROFILE_TOO_MANY = -1009, /* more lmr-root-key elements than the caller's array */
    RK_ERR_PROFILE_DUPLICATE = -1010, /* several elements with the key-id and key-period to replace */
    /* profile: add codes here, in this block */

    /* --- p25 (-1100 .. -1199) --- */
    RK_ERR_P25_TRUNCATED = -1100,           /* frame shorter than 3 octets or than its message length says */
    RK_ERR_P25_TRAILING = -1101,            /* octets after the end given by the message length */
    RK_ERR_P25_TOO_LONG = -1102,            /* frame longer than RK_P25_KMM_MAX_BYTES */
    RK_ERR_P25_LENGTH = -1103,              /* message length too small for header, message number and MAC trailer */
    RK_ERR_P25_RESPONSE_KIND = -1104,       /* response kind 3 (reserved) */
    RK_ERR_P25_MN_FLAG = -1105,             /* message-number flag 01 or 11 (only 00 and 10 are defined) */
    RK_ERR_P25_MAC_TYPE = -1106,            /* MAC type 1 (reserved) */
    RK_ERR_P25_MAC_DES = -1107,             /* MAC type 3 (DES MAC): not supported */
    RK_ERR_P25_FORMAT_RSVD = -1108,         /* reserved bit 1 of the message format octet is set */
    RK_ERR_P25_MAC_LENGTH = -1109,          /* MAC length octet is not 8 */
    RK_ERR_P25_MAC_FORMAT = -1110,          /* MAC format is not 0x40 (CBC-MAC) or 0x41 (CMAC) */
    RK_ERR_P25_MAC = -1111,                 /* the KMM MAC does not verify */
    RK_ERR_P25_NO_MAC = -1112,              /* the message carries no MAC */
    RK_ERR_P25_MESSAGE_ID = -1113,          /* not a Modify Key Command (0x13) */
    RK_ERR_P25_DESTINATION = -1114,         /* destination RSI is not this unit */
    RK_ERR_P25_SOURCE = -1115,              /* source RSI is not the expected KMF */
    RK_ERR_P25_MN_MISSING = -1116,          /* no message number: replay cannot be checked */
    RK_ERR_P25_REPLAY = -1117,              /* message number not newer than the last accepted one */
    RK_ERR_P25_DIF = -1118,                 /* decryption instruction format not 0x00 or 0x40 */
    RK_ERR_P25_MI_ZERO = -1119,             /* message indicator present but all zero */
    RK_ERR_P25_BODY_TRUNCATED = -1120,      /* Modify Key body shorter than its counts say */
    RK_ERR_P25_BODY_TRAILING = -1121,       /* octets after the last key item */
    RK_ERR_P25_NO_KEYS = -1122,             /* number of keys is 0 */
    RK_ERR_P25_KEY_NAME = -1123,            /* a key item carries a key name (not supported) */
    RK_ERR_P25_KEY_LENGTH = -1124,          /* key length 0, or not the wrapped length of the ALGID's key */
    RK_ERR_P25_MI_UNSUPPORTED = -1125,      /* encrypted body (MI present): mode not public, not supported */
    RK_ERR_P25_KEK_ALGID = -1126,           /* DIF or MAC ALGID is not the UKEK's algorithm */
    RK_ERR_P25_KEY_ID = -1127,              /* DIF or MAC key ID is not the root key's ID */
    RK_ERR_P25_ALGID = -1128,               /* keyset ALGID not allowed (or not an AES TEK) */
    RK_ERR_P25_KEY_FORMAT = -1129,          /* key item is not a plain TEK (KEK or erase flag set) */
    RK_ERR_P25_TEK_ICV = -1130,             /* a wrapped TEK fails the AES-KW integrity check */
    RK_ERR_P25_TOO_MANY_KEYS = -1131,       /* more key items than the caller's TEK array holds */
    RK_ERR_P25_UKEK_LENGTH = -1132,         /* UKEK is not 16 or 32 octets */
    RK_ERR_P25_TEK_LENGTH = -1133,          /* TEK length not 16 or 32, or not the ALGID's length */
    RK_ERR_P25_CBCMAC_KEY = -1134,          /* CBC-MAC form needs a 32-octet UKEK */
    RK_ERR_P25_PARAM = -1135,               /* an encoder parameter is out of range */
    RK_ERR_P25_TETRA_LENGTH = -1136,        /* TETRA blob length invalid for KW/KWP */
    RK_ERR_P25_TETRA_ICV = -1137,           /* TETRA blob fails the KW/KWP integrity or padding check */
    /* p25: add codes here, in this block */

    /* --- client policy (-1200 .. -1299) --- */
    RK_ERR_POLICY_FUTURE_PERIOD = -1200, /* message for a key period not yet started */
    RK_ERR_POLICY_OLD_PERIOD = -1201,    /* message for a period before the previous one */
    RK_ERR_POLICY_REPLAY = -1202,        /* same wrapping time as the stored element */
    RK_ERR_POLICY_ROLLBACK = -1203,      /* older than the stored element */
    RK_ERR_POLICY_NOT_ACTIVE = -1204,    /* before the activation time */
    RK_ERR_POLICY_EXPIRED = -1205,       /* at or after the expiry time */
    /* policy: add codes here, in this block */

    /* --- key store, client shim (-1300 .. -1399) --- */
    RK_ERR_STORE_FULL = -1300,      /* no free slot in the key store */
    RK_ERR_STORE_NOT_FOUND = -1301, /* no root key with that ID */
    RK_ERR_STORE_FORMAT = -1302,    /* not a rootkey key-store file, or another version */
    RK_ERR_STORE_TRUNCATED = -1303, /* the file is shorter than its header says */
    RK_ERR_STORE_TAMPERED = -1304,  /* authentication failed: altered file or wrong storage key */
    RK_ERR_STORE_ENTRY = -1305,     /* an entry field is out of range (key length, metadata) */
    RK_ERR_STORE_KMS_XML = -1310,   /* KMS document (TS 33.180 Annex D): field missing, repeated or malformed */
    RK_ERR_STORE_INVENTORY = -1311, /* IWF inventory line malformed */
    RK_ERR_STORE_LMR_MESSAGE = -1312, /* LMR key message: empty, unknown LMR type or too long */
    RK_ERR_STORE_TEK_LIST = -1313,  /* IWF TEK list line malformed */
    /* store: add codes here, in this block */

    /* --- IWF batch and operator path, shims (-1320 .. -1349) --- */
    RK_ERR_IWF_DUPLICATE_ID = -1320, /* IWF inventory: one MC ID on more than one line */
    RK_ERR_IWF_LINE_TOO_LONG = -1321, /* IWF inventory: line longer than RK_IWF_LINE_MAX */
    RK_ERR_IWF_LINE_NUL = -1322,     /* IWF inventory: NUL byte in a line */
    RK_ERR_IWF_UTF8 = -1323,         /* IWF inventory: MC ID not valid UTF-8, or a control character */
    RK_ERR_IWF_CSV = -1324,          /* IWF inventory: not RFC 4180 CSV (quoting) */
    RK_ERR_IWF_TOO_LARGE = -1325,    /* input larger than its bound */
    RK_ERR_IWF_STATE = -1326,        /* IWF batch state record malformed or of another MC ID */
    RK_ERR_IWF_LOCKED = -1327,       /* another process holds the lock (batch state, key store) */
    RK_ERR_IWF_DELIVERY = -1328,     /* delivery to the CMS failed for some users */
    RK_ERR_IWF_PERIOD = -1329,       /* signer key set is not for the key period wrapped for */
    RK_ERR_IWF_SIGNER = -1330,       /* signer key set is not the configured IWF's (UserUri) */
    /* iwf: add codes here, in this block */

    /* --- XCAP delivery, shims/xcap (-1500 .. -1539) --- */
    RK_ERR_XCAP_URL = -1500,        /* XCAP root not an https:// URL, or a URL too long */
    RK_ERR_XCAP_TOKEN = -1501,      /* bearer token file unreadable, empty, too long or not a b64token */
    RK_ERR_XCAP_OPTION = -1502,     /* XCAP client option out of range (jobs, timeouts, size cap) */
    RK_ERR_XCAP_CURL = -1503,       /* libcurl could not be set up */
    RK_ERR_XCAP_CONNECT = -1504,    /* no connection to the CMS (after the retries) */
    RK_ERR_XCAP_TLS = -1505,        /* TLS failed: handshake, or the CMS certificate did not verify */
    RK_ERR_XCAP_TIMEOUT = -1506,    /* the CMS did not answer within the timeout (after the retries) */
    RK_ERR_XCAP_TOO_BIG = -1507,    /* the CMS's answer is larger than the response cap */
    RK_ERR_XCAP_REDIRECT = -1508,   /* the CMS answered with a redirect (never followed) */
    RK_ERR_XCAP_AUTH = -1509,       /* the CMS refused the access token (401 or 403) */
    RK_ERR_XCAP_HTTP = -1510,       /* the CMS answered with another 4xx status */
    RK_ERR_XCAP_SERVER = -1511,     /* the CMS answered 5xx or 429 (after the retries) */
    RK_ERR_XCAP_CONFLICT = -1512,   /* the document kept changing: 412 or weak ETag beyond the bound */
    RK_ERR_XCAP_ETAG = -1513,       /* a 2xx answer without a usable ETag */
    RK_ERR_XCAP_ELEMENT = -1514,    /* the element to deliver is not one rootkey profile element */
    RK_ERR_XCAP_MC_ID = -1515,      /* MC ID empty or too long for a document URL */
    RK_ERR_XCAP_TRANSFER = -1516,   /* the transfer failed otherwise (libcurl error) */
    /* xcap: add codes here, in this block */

    /* --- KMS documents, TS 33.180 Annex D (-1400 .. -1449) --- */
    RK_ERR_KMS_ROOT = -1400, /* not a KmsResponse or SignedKmsResponse in the Annex D namespace */
    RK_ERR_KMS_MISSING = -1401, /* a required field or element is absent */
    RK_ERR_KMS_REPEATED = -1402, /* a field (or KmsResponse, KmsMessage) twice in one parent */
    RK_ERR_KMS_MESSAGE = -1403, /* KmsMessage without exactly one KmsInit/KmsKeyProv/KmsCertCache */
    RK_ERR_KMS_CONTENT = -1404, /* child element in a field, split text, or text between elements */
    RK_ERR_KMS_ENCRYPTED = -1405, /* key field in EncKeyContentType form */
    RK_ERR_KMS_TOO_MANY = -1406, /* more certificates or key sets than RK_KMS_MAX_* */
    RK_ERR_KMS_URI = -1407, /* UserUri/KmsUri empty, too long or with other octets */
    RK_ERR_KMS_HEX = -1408, /* hexBinary not of its exact length */
    RK_ERR_KMS_NUMBER = -1409, /* integer field not 1..18 digits, or UserKeyPeriod 0 */
    RK_ERR_KMS_BOOLEAN = -1410, /* Revoked not an xs:boolean */
    RK_ERR_KMS_DATETIME = -1411, /* ValidFrom/ValidTo not an xs:dateTime the reader takes */
    RK_ERR_KMS_USER_ID_FORMAT = -1412, /* UserIdFormat not 2 (TS 33.180 hashed UID) */
    RK_ERR_KMS_PARAMETER_SET = -1413, /* ParameterSet not 1 (RFC 6509) */
    RK_ERR_KMS_REVOKED = -1414, /* certificate or key set revoked */
    RK_ERR_KMS_NOT_YET_VALID = -1415, /* now before ValidFrom */
    RK_ERR_KMS_EXPIRED = -1416, /* now after ValidTo */
    RK_ERR_KMS_URI_MISMATCH = -1417, /* key set KmsUri is not its certificate's */
    RK_ERR_KMS_USER_ID = -1418, /* key set UserID is not the UID of its UserUri and period */
    /* kms: add codes here, in this block */
    /* --- KMS documents in the shims (-1420 .. -1429) --- */
    RK_ERR_KMS_NO_CERT = -1420, /* no certificate of the wanted KmsUri in the document */

    RK_STATUS_LAST_ = -9999
};

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
