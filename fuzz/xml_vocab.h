/* SPDX-License-Identifier: Apache-2.0 */
/* The vocabulary of MCPTT user profiles and KMS responses (TS 33.180 Annex
 * D) that the XML tree harnesses draw from: fuzz/xml_tree.c's generator and
 * fuzz/xml_doc.c's tree mutator.  Constant data only, so the AFL++
 * custom-mutator build of xml_doc.c includes it too.  (Static arrays: a
 * file that includes it uses every one of them.) */
#ifndef RK_FUZZ_XML_VOCAB_H
#define RK_FUZZ_XML_VOCAB_H

static const char *const NAMES[] = {
    /* KMS response (Annex D) */
    "KmsResponse", "SignedKmsResponse", "UserUri", "KmsUri", "Time", "KmsId", "ClientReqUrl",
    "KmsMessage", "KmsInit", "KmsKeyProv", "KmsCertCache", "KmsCertificate", "KmsKeySet", "CertUri",
    "Issuer", "ValidFrom", "ValidTo", "Revoked", "UserIdFormat", "UserKeyPeriod", "UserKeyOffset",
    "PubEncKey", "PubAuthKey", "ParameterSet", "UserID", "KeyPeriodNo", "UserDecryptKey",
    "UserSigningKeySSK", "UserPubTokenPVT", "Signature", "SignedInfo", "SignatureValue",
    /* user profile */
    "mcptt-user-profile", "lmr-root-key", "OnNetwork", "anyExt", "MCPTTGroupInfo", "entry",
    "Name", "Status", "ProfileName", "ruleset", "rule", "extras",
};
#define NNAMES (sizeof NAMES / sizeof NAMES[0])

static const char *const ATTRS[] = {
    "lmr-type", "key-id", "kms-uri", "key-period", "Version", "Role", "Id", "xsi:type", "uri",
    "XUI-URI", "xml:lang", "id",
};
#define NATTRS (sizeof ATTRS / sizeof ATTRS[0])

static const char HEX64[] = "ff59c69387dfe7475e10bb674fd60d904270aa796d30a834e18c68c6b6af3b9f";

static const char *const VALUES[] = {
    "P25", "TETRA", "OTHER", "F1A2B3C4", "0a0b0c0d", "kms.example.org", "kms.other.example",
    "1388", "0", "7", "999999999999", "1.1.0", "1.0.0", "Root", "true", "false", "KeyContentType",
    "2026-11-01T00:00:00Z", "2027-12-31T23:59:59Z", "2026-12-07T10:00:00Z", "sip:alice@example.org",
    "cert1.kms.example.org", "www.example.org", "2", "2592000", "11", "1", "AQID", "AAAA",
    "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8w", HEX64, "", "KMS1",
    "https://kms.example.org/keymanagement/identity/v1/keyprov",
};
#define NVALUES (sizeof VALUES / sizeof VALUES[0])

static const char *const NS_KMS = "urn:3gpp:ns:mcsecKMSInterface:1.0";
static const char *const NS_PROFILE = "urn:3gpp:ns:mcpttUserProfile:1.0";
static const char *const NS_RK = "urn:rootkey:xml:ns:lmr-root-key:1";

#endif
