/*
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
    /* mikey: add codes here, in this block */

    /* --- keyparams (-700 .. -799) --- */
    /* keyparams: add codes here, in this block */

    /* --- rootkey message (-800 .. -899) --- */
    /* rootkey: add codes here, in this block */

    /* --- xml (-900 .. -999) --- */
    /* xml: add codes here, in this block */

    /* --- profile (-1000 .. -1099) --- */
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
    /* policy: add codes here, in this block */

    RK_STATUS_LAST_ = -9999
};

/*
 * rk_strerror - a short, constant English description of a status code.
 * Never NULL; unknown codes give "unknown status".
 */
/*@ assigns \nothing;
    ensures \result != \null; */
const char *rk_strerror(rk_status s);

#ifdef __cplusplus
}
#endif
#endif
