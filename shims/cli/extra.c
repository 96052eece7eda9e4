/* SPDX-License-Identifier: Apache-2.0
 * shims/cli/extra.c - rootkey selftest, bench and mikey receive.
 * selftest: known-answer tests through the public API (FIPS 140-3 style: each
 * algorithm checked against a fixed vector, any failure exits 1 and names it).
 * Vectors embedded: RFC 6507 Appendix A (ECCSI), RFC 6508 Appendix A (SAKKE),
 * FIPS 197 C.1 (AES-128), FIPS 180-4 "abc" (SHA-256), RFC 4231 case 2 (HMAC).
 */
#include <errno.h>
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cli/cli.h"
#include "client/client.h"
#include "common/atomic.h"
#include "common/clock.h"
#include "common/kms.h"
#include "rootkey/aes.h"
#include "rootkey/b64.h"
#include "rootkey/eccsi.h"
#include "rootkey/hash.h"
#include "rootkey/hex.h"
#include "rootkey/mikeysakke.h"
#include "rootkey/sakke.h"

static const char E_KSAK[] =
    "0000000000000000000000000000000000000000000000000000000000012345"
    ;
static const char E_KPAK[] =
    "0450d4670bde75244f28d2838a0d25558a7a72686d4522d4c8273fb6442aebfa"
    "93dbdd37551afd263b5dfd617f3960c65a8c298850ff99f20366dce7d4367217"
    "f4"
    ;
static const char E_ID[] =
    "323031312d30320074656c3a2b34343737303039303031323300"
    ;
static const char E_V[] =
    "0000000000000000000000000000000000000000000000000000000000023456"
    ;
static const char E_PVT[] =
    "04758a142779be89e829e71984cb40ef758cc4ad775fc5b9a3e1c8ed52f6fa36"
    "d9a79d247692f4eda3a6bdab77d6aa6474a464ae4934663c5265ba7018ba091f"
    "79"
    ;
static const char E_SSK[] =
    "23f374ae1f4033f3e9dbddaaef20f4cf0b86bbd5a138a5ae9e7e006b34489a0d"
    ;
static const char E_M[] =
    "6d65737361676500"
    ;
static const char E_J[] =
    "0000000000000000000000000000000000000000000000000000000000034567"
    ;
static const char E_SIG[] =
    "269d4c8fdeb66a74e4ef8c0d5dcc597ddfe6029c2affc4936008cd2cc1045d81"
    "e09b528d0ef8d6df1aa3ecbf80110cfcec9fc68252cebb679f4134846940ccfd"
    "04758a142779be89e829e71984cb40ef758cc4ad775fc5b9a3e1c8ed52f6fa36"
    "d9a79d247692f4eda3a6bdab77d6aa6474a464ae4934663c5265ba7018ba091f"
    "79"
    ;
static const char S_Z[] =
    "aff429d35f84b110d094803b3595a6e2998bc99f"
    ;
static const char S_ZPUB[] =
    "045958ef1b1679bf099b3a030df255aa6a23c1d8f143d4d23f753e69bd27a832"
    "f38cb4ad53ddef4260b0fe8bb45c4c1ff510effe300367a37b61f701d914aef0"
    "9724825fa0707d61a6dff4fbd7273566cdde352a0b04b7c16a78309be640697d"
    "e747613a5fc195e8b9f328852a579db8f99b1d0034479ea9c5595f47c4b2f54f"
    "f21508d37514dcf7a8e143a6058c09a6bf2c9858ca37c258065ae6bf7532bc8b"
    "5b63383866e0753c5ac0e72709f8445f2e6178e065857e0eda10f68206b63505"
    "ed87e534fb2831ff957fb7dc619dae61301eeacc2fda3680ea4999258a833cea"
    "8fc67c6d19487fb449059f26cc8aab655ab58b7cc796e24e9a394095754f5f8b"
    "ae"
    ;
static const char S_B[] =
    "323031312d30320074656c3a2b34343737303039303031323300"
    ;
static const char S_K[] =
    "0493af67e5007ba6e6a80da793da300fa4b52d0a74e25e6e7b2b3d6ee9d18a9b"
    "5c5023597bd82d8062d34019563ba1d25c0dc56b7b979d74aa50f29fbf11cc2c"
    "93f5dfca615e609279f6175ceadb00b58c6bee1e7a2a47c4f0c456f05259a6fa"
    "94a634a40dae1df593d4fecf688d5fc678be7efc6df3d6835325b83b2c6e6903"
    "6b155f0a27241094b04bfb0bdfac6c670a65c325d39a069f03659d44ca27d3be"
    "8df311172b554160181cbe94a2a783320ced590bc42644702cf371271e496bf2"
    "0f588b78a1bc01ecbb6559934bdd2fb65d2884318a33d1a42adf5e33cc580028"
    "0b28356497f87135bab9612a17260424409ac15fee996b744c332151235decb0"
    "f5"
    ;
static const char S_SSV[] =
    "123456789abcdef0123456789abcdef0"
    ;
static const char S_DATA[] =
    "0444e8ad44ab8592a6a5a3ddca5cf896c718043606a01d650def37a01f37c228"
    "c332fc317354e2c274d4daf8ad001054c76ce57971c6f4486d5723043261c506"
    "ebf5be438f53de04f067c776e0dd3b71a6290133283725a532f21af145126dc1"
    "d777ecc27be50835bd28098b8a73d9f801d893793a41ff5c49b87e79f2be4d56"
    "ce557e134ad85bb1d4b9ce4f8be4b08a12babf55b1d6f1d7a638019ea28e15ab"
    "1c9f76375fdd1210d4f4351b9a009486b7f3ed46c965ded2d80dade4f38c6721"
    "d52c3ad103a10ebd2959248b4ef006836bf097448e6107c9edee9fb704823df1"
    "99f832c905ae45f8a247a072d8ef729eabc5e27574b07739b34be74a532f747b"
    "8689e0bc661aa1e91638e6acc84e496507"
    ;

static size_t unhex(uint8_t *out, size_t cap, const char *h)
{
    size_t n = 0;
    if (rk_hex_decode(out, cap, h, strlen(h), &n) != RK_OK) return 0;
    return n;
}

static int kat_report(const char *name, int ok, int *fails)
{
    printf("  %-44s %s\n", name, ok ? "pass" : "FAIL");
    if (!ok) (*fails)++;
    return ok;
}

int rk_cli_selftest(int argc, char **argv)
{
    if (argc > 1) {
        printf("usage: rootkey selftest\nKnown-answer self-tests of every algorithm through the public API;\n"
               "exit 0 when all pass, 1 otherwise.\n");
        return strcmp(argv[1], "--help") ? 2 : 0;
    }
    int fails = 0;
    uint8_t a[512], b[512], c[512], d[512];
    size_t n1, n2;
    printf("rootkey selftest (known-answer tests)\n");
    /* SHA-256, FIPS 180-4 */
    rk_sha256(a, (const uint8_t *)"abc", 3);
    unhex(b, 32, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    kat_report("SHA-256 FIPS 180-4 \"abc\"", !memcmp(a, b, 32), &fails);
    /* HMAC-SHA-256, RFC 4231 test case 2 */
    rk_hmac_sha256(a, (const uint8_t *)"Jefe", 4, (const uint8_t *)"what do ya want for nothing?", 28);
    unhex(b, 32, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    kat_report("HMAC-SHA-256 RFC 4231 case 2", !memcmp(a, b, 32), &fails);
    /* AES-128, FIPS 197 C.1 */
    {
        rk_aes_ctx ac;
        unhex(a, 16, "000102030405060708090a0b0c0d0e0f");
        unhex(b, 16, "00112233445566778899aabbccddeeff");
        unhex(c, 16, "69c4e0d86a7b0430d8cdb78070b4c55a");
        int ok = rk_aes_init(&ac, a, 16) == RK_OK;
        if (ok) { rk_aes_encrypt(&ac, b, d, 1); ok = !memcmp(d, c, 16); }
        if (ok) { rk_aes_decrypt(&ac, c, d, 1); ok = !memcmp(d, b, 16); }
        rk_aes_ctx_wipe(&ac);
        kat_report("AES-128 FIPS 197 C.1 encrypt/decrypt", ok, &fails);
    }
    /* ECCSI, RFC 6507 Appendix A */
    {
        uint8_t ksak[32], kpak[65], id[64], v[32], ssk[32], pvt[65], m[16], j[32], sig[129], s2[129];
        size_t idl = unhex(id, sizeof id, E_ID), ml = unhex(m, sizeof m, E_M);
        unhex(ksak, 32, E_KSAK); unhex(v, 32, E_V); unhex(j, 32, E_J); unhex(sig, 129, E_SIG);
        unhex(a, 65, E_KPAK); unhex(b, 32, E_SSK); unhex(c, 65, E_PVT);
        int ok = rk_eccsi_kms_kpak(kpak, ksak) == RK_OK && !memcmp(kpak, a, 65);
        kat_report("ECCSI RFC 6507 A: KPAK = [KSAK]G", ok, &fails);
        ok = rk_eccsi_kms_make_ssk(ssk, pvt, ksak, kpak, id, idl, v) == RK_OK &&
             !memcmp(ssk, b, 32) && !memcmp(pvt, c, 65);
        kat_report("ECCSI RFC 6507 A: SSK, PVT", ok, &fails);
        rk_eccsi_signer_ctx *sg = sodium_malloc(sizeof *sg);
        rk_eccsi_verifier_ctx *vf = malloc(sizeof *vf);
        ok = sg && vf && rk_eccsi_signer_init(sg, kpak, 65, id, idl, ssk, 32, pvt, 65) == RK_OK;
        kat_report("ECCSI RFC 6507 A: SSK validation", ok, &fails);
        ok = ok && rk_eccsi_sign_with_j(sg, s2, sizeof s2, m, ml, j) == RK_OK && !memcmp(s2, sig, 129);
        kat_report("ECCSI RFC 6507 A: signature", ok, &fails);
        ok = vf && rk_eccsi_verifier_init(vf, kpak, 65) == RK_OK &&
             rk_eccsi_verify(vf, id, idl, m, ml, sig, 129) == RK_OK;
        kat_report("ECCSI RFC 6507 A: verification", ok, &fails);
        sig[40] ^= 1;
        ok = vf && rk_eccsi_verify(vf, id, idl, m, ml, sig, 129) != RK_OK;
        kat_report("ECCSI RFC 6507 A: altered signature refused", ok, &fails);
        if (sg) { rk_eccsi_signer_wipe(sg); sodium_free(sg); }
        free(vf);
        sodium_memzero(ksak, sizeof ksak); sodium_memzero(ssk, sizeof ssk); sodium_memzero(j, sizeof j);
    }
    /* SAKKE, RFC 6508 Appendix A */
    {
        uint8_t z[128], zpub[257], id[64], k[257], ssv[16], data[273], out[16];
        size_t zl = unhex(z, sizeof z, S_Z), idl = unhex(id, sizeof id, S_B);
        unhex(a, 257, S_ZPUB); unhex(b, 257, S_K); unhex(ssv, 16, S_SSV); unhex(data, 273, S_DATA);
        int ok = rk_sakke_kms_public(zpub, z, zl) == RK_OK && !memcmp(zpub, a, 257);
        kat_report("SAKKE RFC 6508 A: Z = [z]P", ok, &fails);
        ok = rk_sakke_kms_rsk(k, z, zl, id, idl) == RK_OK && !memcmp(k, b, 257);
        kat_report("SAKKE RFC 6508 A: RSK", ok, &fails);
        rk_sakke_sender_ctx *sx = malloc(sizeof *sx);
        rk_sakke_receiver_ctx *rx = sodium_malloc(sizeof *rx);
        ok = sx && rk_sakke_sender_init(sx, zpub) == RK_OK &&
             rk_sakke_encapsulate(c, sx, id, idl, ssv, 16) == RK_OK && !memcmp(c, data, 273);
        kat_report("SAKKE RFC 6508 A: encapsulation", ok, &fails);
        ok = rx && rk_sakke_receiver_install(rx, zpub, id, idl, k, 0) == RK_OK;
        kat_report("SAKKE RFC 6508 A: RSK validation", ok, &fails);
        ok = ok && rk_sakke_decapsulate(out, 16, rx, data, 273) == RK_OK && !memcmp(out, ssv, 16);
        kat_report("SAKKE RFC 6508 A: decapsulation", ok, &fails);
        data[272] ^= 1;
        ok = rx && rk_sakke_decapsulate(out, 16, rx, data, 273) != RK_OK;
        kat_report("SAKKE RFC 6508 A: altered data refused", ok, &fails);
        if (rx) { rk_sakke_receiver_wipe(rx); sodium_free(rx); }
        free(sx);
        sodium_memzero(z, sizeof z); sodium_memzero(k, sizeof k); sodium_memzero(out, sizeof out);
    }
    (void)n1; (void)n2;
    sodium_memzero(a, sizeof a); sodium_memzero(b, sizeof b); sodium_memzero(c, sizeof c); sodium_memzero(d, sizeof d);
    printf("selftest: %s (%d failed)\n", fails ? "FAILED" : "all passed", fails);
    return fails ? 1 : 0;
}

/* ------------------------------------------------------------ bench */
int rk_cli_bench(int argc, char **argv)
{
    int iters = 5;
    if (argc > 1 && !strcmp(argv[1], "--help")) {
        printf("usage: rootkey bench [ITERATIONS]\nTimings (ms, mean) of the test KMS, key-set validation,\n"
               "SAKKE and ECCSI on this machine.  For comparisons with wolfSSL: make bench.\n");
        return 0;
    }
    if (argc > 1) iters = atoi(argv[1]);
    if (iters < 1) iters = 1;
    rk_kms_master *m = sodium_malloc(sizeof *m);
    rk_kms_keyset *k = sodium_malloc(sizeof *k);
    rk_sakke_sender_ctx *sx = malloc(sizeof *sx);
    rk_sakke_receiver_ctx *rx = sodium_malloc(sizeof *rx);
    rk_eccsi_signer_ctx *sg = sodium_malloc(sizeof *sg);
    rk_eccsi_verifier_ctx *vf = malloc(sizeof *vf);
    uint8_t ssv[16], data[273], sig[129], rnd[32], msg[100] = {0};
    double t0, t;
    int ok = m && k && sx && rx && sg && vf;
    if (ok) ok = rk_kms_master_create(m, "kms.bench.example", 2592000, 0) == RK_OK;
    if (ok) ok = rk_sakke_sender_init(sx, m->cert.z_pub) == RK_OK && rk_eccsi_verifier_init(vf, m->cert.kpak, 65) == RK_OK;
    if (!ok) { fprintf(stderr, "rootkey bench: setup failed\n"); return 5; }
#define TIME(label, expr) do { t0 = rk_clock_mono(); for (int i_ = 0; i_ < iters; i_++) { if ((expr) != RK_OK) ok = 0; } \
        t = (rk_clock_mono() - t0) * 1000.0 / iters; printf("  %-40s %9.2f ms\n", label, t); } while (0)
    printf("rootkey bench (%d iterations each)\n", iters);
    TIME("KMS: issue a key set (RSK, SSK)", rk_kms_issue(k, m, "sip:bench@example.org", 7));
    TIME("client: RSK validation (pairing)", rk_sakke_receiver_install(rx, m->cert.z_pub, k->uid, 32, k->rsk, 0));
    TIME("client: SSK validation", rk_eccsi_signer_init(sg, m->cert.kpak, 65, k->uid, 32, k->ssk, 32, k->pvt, 65));
    randombytes_buf(ssv, 16);
    TIME("SAKKE encapsulate (sender table)", rk_sakke_encapsulate(data, sx, k->uid, 32, ssv, 16));
    TIME("SAKKE decapsulate", rk_sakke_decapsulate(ssv, 16, rx, data, 273));
    randombytes_buf(rnd, 32);
    TIME("ECCSI sign", rk_eccsi_sign(sg, sig, 129, msg, sizeof msg, rnd, 32));
    TIME("ECCSI verify", rk_eccsi_verify(vf, k->uid, 32, msg, sizeof msg, sig, 129));
    rk_eccsi_signer_wipe(sg); rk_sakke_receiver_wipe(rx);
    sodium_free(m); sodium_free(k); sodium_free(rx); sodium_free(sg); free(sx); free(vf);
    sodium_memzero(ssv, sizeof ssv);
    if (!ok) { fprintf(stderr, "rootkey bench: an operation failed\n"); return 5; }
    return 0;
}

/* ------------------------------------------------------------ mikey receive */
static void usage_mikey(FILE *f)
{
    fprintf(f, "usage: rootkey mikey receive --cert MY-KMS-CERT.xml --keyset MY-KEYSET.xml\n"
               "                             --message FILE [--initiator-cert KMS-CERT.xml]\n"
               "                             [--ext TYPE] [--show-secrets]\n"
               "Verify and decrypt any MIKEY-SAKKE I_MESSAGE (binary or base64) for which the key set\n"
               "is the receiver's; print the result as JSON.  The SSV and plaintexts are printed only\n"
               "with --show-secrets.\n");
}

/* Why rk_file_read failed: the system's reason, or "input too large". */
static const char *read_why(rk_status st)
{
    return st == RK_ERR_IO ? strerror(errno) : rk_strerror(st);
}

static rk_status load_cert2(const char *path, rk_kms_cert *c, char *err, size_t el)
{
    uint8_t *b = malloc(1 << 16);
    size_t n = 0;
    rk_status st = b ? rk_file_read(path, b, 1 << 16, &n) : RK_ERR_ALLOC;
    if (st == RK_OK) st = rk_kms_cert_parse(c, b, n, err, el);
    free(b);
    return st;
}

static void hexout(const uint8_t *p, size_t n)
{
    putchar('"');
    for (size_t i = 0; i < n; i++) printf("%02x", p[i]);
    putchar('"');
}

int rk_cli_mikey(int argc, char **argv)
{
    const char *cert = NULL, *icert = NULL, *keyset = NULL, *msgf = NULL;
    int show = 0, ext = 0;
    static struct option o[] = {{"cert", 1, 0, 'c'}, {"initiator-cert", 1, 0, 'C'}, {"keyset", 1, 0, 'k'},
        {"message", 1, 0, 'm'}, {"ext", 1, 0, 'e'}, {"show-secrets", 0, 0, 'S'}, {"help", 0, 0, 'h'}, {0, 0, 0, 0}};
    if (argc < 2 || strcmp(argv[1], "receive")) {
        int h = argc >= 2 && !strcmp(argv[1], "--help");
        usage_mikey(h ? stdout : stderr);
        return h ? 0 : 2;
    }
    optind = 2;
    for (int c; (c = getopt_long(argc, argv, "", o, NULL)) != -1;) {
        switch (c) {
        case 'c': cert = optarg; break;
        case 'C': icert = optarg; break;
        case 'k': keyset = optarg; break;
        case 'm': msgf = optarg; break;
        case 'e': ext = atoi(optarg); break;
        case 'S': show = 1; break;
        case 'h': usage_mikey(stdout); return 0;
        default: usage_mikey(stderr); return 2;
        }
    }
    if (!cert || !keyset || !msgf) { usage_mikey(stderr); return 2; }
    char err[512] = "";
    rk_kms_cert c, ic;
    rk_status st = load_cert2(cert, &c, err, sizeof err);
    if (st == RK_OK) { if (icert) st = load_cert2(icert, &ic, err, sizeof err); else ic = c; }
    if (st != RK_OK) { fprintf(stderr, "rootkey mikey: certificate: %s %s\n", rk_strerror(st), err); return 3; }
    uint8_t *ksx = sodium_malloc(1 << 16), *raw = malloc(1 << 16), *msg = malloc(1 << 16);
    size_t kl = 0, rl = 0, ml = 0;
    if (!ksx || !raw || !msg) return 5;
    st = rk_file_read(keyset, ksx, 1 << 16, &kl);
    if (st != RK_OK) { fprintf(stderr, "rootkey mikey: %s: %s\n", keyset, read_why(st)); return rk_cli_exit_code(st); }
    rk_client cl;
    st = rk_client_open(&cl, &c, &ic, "", ksx, kl, 0, err, sizeof err);
    sodium_free(ksx);
    if (st != RK_OK) {
        /* malformed or unsupported key set (exit 3) vs one that fails validation (exit 4) */
        fprintf(stderr, "rootkey mikey: key set: %s (%d)\n", err, (int)st);
        if (st == RK_ERR_ALLOC) return 5;
        return st == RK_ERR_STORE_KMS_XML ||
               (st <= RK_ERR_KMS_ROOT && st >= RK_ERR_KMS_PARAMETER_SET) ||
               st == RK_ERR_KMS_URI_MISMATCH || st == RK_ERR_KMS_USER_ID ||
               (st <= -900 && st >= -999) ? 3 : 4;
    }
    st = rk_file_read(msgf, raw, 1 << 16, &rl);
    if (st != RK_OK) { rk_client_close(&cl); fprintf(stderr, "rootkey mikey: %s: %s\n", msgf, read_why(st)); return rk_cli_exit_code(st); }
    if (rk_b64_decode(msg, 1 << 16, (const char *)raw, rl, &ml, RK_B64_ALLOW_SPACE) != RK_OK) { memcpy(msg, raw, rl); ml = rl; }
    rk_mikeysakke_rx rx;
    memset(&rx, 0, sizeof rx);
    rx.kpak = cl.iwf_kpak;
    rx.kmsi_uri = (const uint8_t *)ic.kms_uri; rx.kmsi_uri_len = strlen(ic.kms_uri);
    rx.kmsi_period_len = ic.period_len; rx.kmsi_period_offset = ic.period_offset;
    rx.sakke = cl.rx;
    rx.kmsr_uri = (const uint8_t *)c.kms_uri; rx.kmsr_uri_len = strlen(c.kms_uri);
    rx.period_len = c.period_len; rx.period_offset = c.period_offset; rx.period_no = cl.ks->period_no;
    rx.my_uri = (const uint8_t *)cl.ks->user_uri; rx.my_uri_len = strlen(cl.ks->user_uri);
    rx.kp_mode = RK_MIKEYSAKKE_KP_IF_PRESENT;
    rx.ext_type = (uint8_t)ext;
    rk_mikeysakke_result *res = sodium_malloc(sizeof *res);
    uint8_t *eo = sodium_malloc(4096);
    size_t eol = 0;
    st = res && eo ? rk_mikeysakke_receive(res, eo, 4096, &eol, &rx, msg, ml) : RK_ERR_ALLOC;
    int rc = 0;
    if (st != RK_OK) {
        fprintf(stderr, "rootkey mikey receive: refused: %s (%d)\n", rk_strerror(st), (int)st);
        rc = rk_cli_exit_code(st);
    } else {
        printf("{\n  \"csb_id\": \"%08X\",\n  \"t_ntp_seconds\": %u,\n  \"key_period\": %llu,\n  \"initiator_uid\": ",
               (unsigned)res->csb_id, (unsigned)res->ts_sec, (unsigned long long)res->period_no);
        hexout(res->initiator_uid, 32);
        printf(",\n  \"key_parameters\": %s,\n  \"private_extension_length\": %zu", res->has_kp ? "true" : "false",
               res->has_ext ? eol : (size_t)0);
        if (show) {
            printf(",\n  \"ssv\": "); hexout(res->ssv, 16);
            if (res->has_ext) { printf(",\n  \"private_extension\": "); hexout(eo, eol); }
        }
        printf("\n}\n");
    }
    if (res) sodium_free(res);
    if (eo) sodium_free(eo);
    free(raw); free(msg);
    rk_client_close(&cl);
    return rc;
}
