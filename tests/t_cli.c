/* SPDX-License-Identifier: Apache-2.0 */
/* The rootkey command end to end (shims/cli): help and golden outputs,
 * kms -> wrap -> unwrap, inventory errors with line numbers, crash safety of
 * the batch (killed midway, rerun: every user once, no half file), and no
 * secret in any output.  Runs build/rootkey (built by `make check` before the
 * runner) in a temporary directory with a fixed clock (RK_NOW). */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "rk_test.h"
#include "iwf/iwf.h"
#include "rootkey/version.h"
#include "sh_common.h"

#define NOW "1764300000"   /* 2025-11-28, a fixed clock for the whole suite */
/* files only: no CMS in this suite (tests/t_xcap.c delivers to a real one) */
#define FILES "--files-only --xcap-root https://xcap.example.org/xcap-root"

static char bin[4096], prod[4096], dir[4096];

/* bin: the test build (RK_NOW, RK_TEST_CRASH_AFTER honoured); prod: the
 * command as installed, which must ignore both */
static int setup(void)
{
    snprintf(bin, sizeof bin, "%s/../build/rootkey-test", RK_VECTOR_DIR);
    snprintf(prod, sizeof prod, "%s/../build/rootkey", RK_VECTOR_DIR);
    if (access(bin, X_OK) != 0 || access(prod, X_OK) != 0) return 0;
    if (!dir[0]) {
        const char *t = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/rk_cli_XXXXXX", t ? t : "/tmp");
        if (!mkdtemp(dir)) return 0;
    }
    setenv("RK_NOW", NOW, 1);
    return 1;
}

/* Run a shell command in dir; stdout and stderr appended to dir/log.out and
 * dir/log.err (kept for the secret scan); exit status returned (-1 on signal). */
static int sh(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = rk_t_vsh(dir, fmt, ap);
    va_end(ap);
    return r;
}

/* Run and capture stdout into out (cap), stderr into log.err. */
static int sh_out(char *out, size_t cap, const char *cmd)
{
    char full[24000];
    snprintf(full, sizeof full, "cd '%s' && %s 2>>log.err", dir, cmd);
    FILE *p = popen(full, "r");
    size_t n = 0;
    if (!p) return -1;
    n = fread(out, 1, cap - 1, p);
    out[n] = 0;
    int r = pclose(p);
    return WIFEXITED(r) ? WEXITSTATUS(r) : -1;
}

static size_t count_files(const char *sub, const char *suffix)
{
    char p[4200];
    snprintf(p, sizeof p, "%s/%s", dir, sub);
    DIR *d = opendir(p);
    size_t n = 0, sl = strlen(suffix);
    if (!d) return 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t l = strlen(e->d_name);
        if (l >= sl && !strcmp(e->d_name + l - sl, suffix)) n++;
        else if (sl == 0 && e->d_name[0] != '.') n++;
    }
    closedir(d);
    return n;
}

static size_t count_tmp(const char *sub)
{
    char p[4200];
    snprintf(p, sizeof p, "%s/%s", dir, sub);
    DIR *d = opendir(p);
    size_t n = 0;
    if (!d) return 0;
    for (struct dirent *e; (e = readdir(d));) if (strstr(e->d_name, ".tmp")) n++;
    closedir(d);
    return n;
}

static const char *KEYS[] = {   /* root keys of the test inventory (secrets: must never appear) */
    "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEF1",
    "A1A2A3A4A5A6A7A8A9AAABACADAEAFB0",
    "0F1E2D3C4B5A69788796A5B4C3D2E1F0",
    "C0FFEE00C0FFEE01C0FFEE02C0FFEE03C0FFEE04C0FFEE05C0FFEE06C0FFEE07",
    "DEADBEEFDEADBEEF",
    /* traffic keys and a TETRA blob sent under the root keys (cli_p25) */
    "5A5A5A5A0102030405060708090A0B0C0D0E0F101112131415161718191A1B1C",
    "6B6B6B6B0102030405060708090A0B0C0D0E0F101112131415161718191A1B1C",
    "7C7C7C7C0102030405060708090A0B0C",
    "8D8D8D8D0102030405060708090A0B0C0D0E0F101112131415161718191A1B1C",
    "9E9E9E9E000102030405060708090A0B0C0D0E0F101112131415161718191A1B",
};

static void community(void)
{
    CHECK_EQ(sh("%s kms create --dir kms --uri kms.test.example --period 2592000 --offset 0", bin), 0);
    CHECK_EQ(sh("%s kms issue --dir kms --user sip:iwf@iwf.test.example --out iwf.xml", bin), 0);
    CHECK_EQ(sh("%s kms issue --dir kms --user sip:alice@test.example --out alice.xml", bin), 0);
    CHECK_EQ(sh("%s kms issue --dir kms --user sip:bob@test.example --out bob.xml", bin), 0);
    CHECK_EQ(sh("printf '%%s' 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f > storage.key"), 0);
    /* an existing community is not replaced without --force; numbers are strict */
    CHECK_EQ(sh("cp kms/kms.secret kms.before && %s kms create --dir kms --uri kms.other.example 2>log.err", bin), 3);
    CHECK_EQ(sh("grep -q 'not replaced without --force' log.err && cmp -s kms/kms.secret kms.before"), 0);
    CHECK_EQ(sh("%s kms create --dir kms2 --uri kms.test.example --period 30d 2>/dev/null", bin), 2);
    CHECK_EQ(sh("%s kms create --dir kms2 --uri kms.test.example --period 0 2>/dev/null", bin), 2);
    CHECK_EQ(sh("%s kms create --dir kms2 --uri kms.test.example --offset -5 2>/dev/null", bin), 2);
    CHECK_EQ(sh("%s kms issue --dir kms --user sip:x@test.example --out x.xml --period-no 1e3 2>/dev/null", bin), 2);
    CHECK_EQ(sh("%s kms create --dir kms2 --uri kms.test.example --period 86400 >/dev/null && "
                "%s kms create --dir kms2 --uri kms.test.example --period 3600 --force >/dev/null && "
                "grep -q '<UserKeyPeriod>3600<' kms2/kms-cert.xml", bin, bin), 0);
    /* a whole inventory in one call, the current and the next period */
    CHECK_EQ(sh("printf 'mcptt_id,kms_uri,lmr_type,lmr_ids,key\\nsip:carol@test.example,kms.test.example,OTHER,sys=01,hex:0001020304050607\\n"
                "# comment\\n\\nsip:dave/x@test.example,kms.test.example,OTHER,sys=01,hex:0001020304050607\\n' > inv-kms.csv && "
                "%s kms issue --dir kms --inventory inv-kms.csv --out-dir ks --next >/dev/null && "
                "test $(grep -c '<KmsKeySet' ks/sip:carol@test.example.xml) -eq 2 && "
                "test $(grep -c '<KmsKeySet' ks/sip:dave_x@test.example.xml) -eq 2 && "
                "test $(ls ks | wc -l) -eq 2 && test $(stat -c %%a ks/sip:carol@test.example.xml) = 600", bin), 0);
}

/* A key as a file (keys are never given on a command line): "file:kfN.key". */
static const char *keyfile(const char *hex)
{
    static char names[8][32];
    static unsigned n;
    char *name = names[n % 8];
    snprintf(name, sizeof names[0], "file:kf%u.key", n++);
    CHECK_EQ(sh("printf '%%s\\n' %s > %s", hex, name + 5), 0);
    return name;
}

static void cli_help(void)
{
    if (!setup()) { CHECK(!"build/rootkey missing: run make build/rootkey"); return; }
    static const char *cmds[] = {"kms", "wrap", "unwrap", "iwf", "iwf status", "inspect", "mikey", "selftest", "bench", "demo",
                                 "p25", "p25 modify-key", "p25 receive"};
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        CASE_BEGIN("%s --help", cmds[i]);
        CHECK_EQ(sh("%s %s --help", bin, cmds[i]), 0);
        CASE_END();
    }
    CHECK_EQ(sh("%s --version | grep -qxF 'rootkey %s'", bin, rk_version()), 0);
    CHECK_EQ(sh("%s no-such-command", bin), 2);
    CHECK_EQ(sh("%s", bin), 2);
    CHECK_EQ(sh("%s iwf --shard 3/2 --cert a --keyset b --inventory c --out d", bin), 2);
    /* golden: the top-level usage and the self-test report */
    CHECK_EQ(sh("%s --help > help.txt && cmp help.txt %s/../tests/golden/help.txt", bin, RK_VECTOR_DIR), 0);
    CHECK_EQ(sh("%s selftest > selftest.txt && cmp selftest.txt %s/../tests/golden/selftest.txt", bin, RK_VECTOR_DIR), 0);
}

/* Issue 18, exit codes: malformed input (MIKEY, base64, XML, CSV) exits 3 as
 * docs/cli.md says (MIKEY and base64 exited 4), and an input over its size
 * limit says "input too large" (it said "output buffer too small", exit 4).
 * Runs in cli_wrap_unwrap's directory (the community, alice-profile.xml). */
static void exit_codes(void)
{
#define UNWRAP "%s unwrap --cert kms/kms-cert.xml --keyset alice.xml --iwf-uri sip:iwf@iwf.test.example " \
                      "--storage-key storage.key "
#define MIKEY "%s mikey receive --cert kms/kms-cert.xml --keyset alice.xml "
    CASE_BEGIN("malformed MIKEY exits 3");
    CHECK_EQ(sh("printf 'AAAA' > bad.mikey && %s inspect bad.mikey 2>x.err", bin), 3);
    CHECK_EQ(sh("grep -q 'inspect: bad.mikey: mikey: .*(-600)' x.err"), 0);
    CHECK_EQ(sh(MIKEY "--message bad.mikey 2>x.err", bin), 3);
    CHECK_EQ(sh("grep -q 'refused: mikey: .*(-600)' x.err"), 0);
    CASE_END();
    CASE_BEGIN("malformed base64 in a profile element exits 3 (the profile's text check)");
    CHECK_EQ(sh("sed 's/\\(<rk:lmr-root-key[^>]*>\\)\\(.\\)/\\1*/' alice-profile.xml > b64.xml && ! cmp -s b64.xml alice-profile.xml"), 0);
    CHECK_EQ(sh(UNWRAP "--profile b64.xml --store b64.store 2>x.err", bin), 3);
    CHECK_EQ(sh("grep -q 'text is not base64 (-1008)' x.err"), 0);
    CASE_END();
    CASE_BEGIN("malformed XML exits 3");
    CHECK_EQ(sh("printf '<a' > bad.xml && %s inspect bad.xml 2>x.err", bin), 3);
    CHECK_EQ(sh(UNWRAP "--profile bad.xml --store x.store 2>x.err", bin), 3);
    CHECK_EQ(sh("grep -q '(-928)' x.err"), 0);
    CASE_END();
    CASE_BEGIN("malformed CSV line exits 3");
    CHECK_EQ(sh("%s wrap --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --line "
                "'\"sip:alice@test.example,kms.test.example,P25,wacn=BEE00,%s' --profile empty.xml --out x.xml 2>x.err",
                bin, keyfile(KEYS[0])), 3);
    CASE_END();
    CASE_BEGIN("an input over its size limit: 'input too large', exit 3");
    CHECK_EQ(sh("head -c 1100000 /dev/zero > big.bin"), 0);
    CHECK_EQ(sh("%s inspect big.bin 2>x.err", bin), 3);
    CHECK_EQ(sh("grep -q 'big.bin: input too large (-1325)' x.err && ! grep -q 'buffer' x.err"), 0);
    CHECK_EQ(sh(UNWRAP "--profile big.bin --store x.store 2>x.err", bin), 3);
    CHECK_EQ(sh("grep -q 'big.bin: input too large' x.err && ! grep -q 'buffer' x.err"), 0);
    CHECK_EQ(sh(MIKEY "--message big.bin 2>x.err", bin), 3);
    CHECK_EQ(sh("grep -q 'big.bin: input too large' x.err"), 0);
    CASE_END();
    CASE_BEGIN("inspect under a shrinking address space: a clear error, exit 5, never a crash");
    /* each allocation is checked (issue 18): swept across the limits where
     * the profile parser's buffers fail, inspect ends with 3 (parsed) or 5
     * (memory; 127: the loader itself ran out), never on a signal, and at least one run hits a failed
     * allocation after the file was read */
    CHECK_EQ(sh("hit=0; for v in $(seq 12000 250 48000); do (ulimit -v $v; %s inspect bad.xml >/dev/null 2>m.err); "
                "rc=$?; case $rc in 3|127) ;; 5) grep -q 'inspect: memory: .*(-7)' m.err && hit=1 ;; *) echo \"ulimit $v: exit $rc\"; exit 1 ;; esac; "
                "done; test $hit = 1", bin), 0);
    CASE_END();
    CASE_BEGIN("'-' is stdin for single inputs, stdout for --out");
    CHECK_EQ(sh("%s inspect - < alice-profile.xml | grep -q '\"type\": \"profile document\"'", bin), 0);
    CHECK_EQ(sh("%s wrap --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --line "
                "'sip:alice@test.example,kms.test.example,P25,wacn=BEE00;sys=3A1;rsi=1234567;algid=84;kid=F1A3;keyset=1,%s' "
                "--profile - --out - < empty.xml > dash.xml 2>x.err", bin, keyfile(KEYS[0])), 0);
    CHECK_EQ(sh("grep -q '^<mcptt-user-profile' dash.xml && grep -q 'upserted: -' x.err && ! grep -q wrapped dash.xml"), 0);
    CHECK_EQ(sh(UNWRAP "--profile - --store dash.store < dash.xml > x.out", bin), 0);
    CHECK_EQ(sh("grep -q '1 element(s) accepted' x.out"), 0);
    CHECK_EQ(sh("sed -n 's/.*\">\\(.*\\)<\\/rk.*/\\1/p' dash.xml > dash.b64 && " MIKEY "--message - < dash.b64 > x.out", bin), 0);
    CHECK_EQ(sh("grep -q '\"csb_id\"' x.out"), 0);
    CHECK_EQ(sh("printf 'AAAA' | %s inspect - 2>x.err", bin), 3);
    CHECK_EQ(sh("grep -q 'inspect: -: mikey' x.err"), 0);
    CASE_END();
    CASE_BEGIN("client sync: --interval and --count are decimal numbers");
    static const char *bad[] = {"--interval 10x", "--interval -1", "--interval 0", "--interval ''", "--interval 1 --count 2x",
                                "--interval 1 --count -1", "--interval 99999999999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK_EQ(sh("%s client sync --user sip:alice@test.example --cert kms/kms-cert.xml --keyset alice.xml "
                    "--iwf-uri sip:iwf@iwf.test.example --store alice.store --storage-key storage.key "
                    "--xcap-root https://127.0.0.1:9/xcap-root --token-file nosuch.token %s 2>x.err", bin, bad[i]), 2);
    CHECK_EQ(sh("grep -q 'usage: rootkey client sync' x.err"), 0);
    CASE_END();
#undef UNWRAP
#undef MIKEY
}

static void cli_wrap_unwrap(void)
{
    if (!setup()) { CHECK(!"build/rootkey missing"); return; }
    community();
    CHECK_EQ(sh("grep -c '<KmsCertificate' kms/kms-cert.xml"), 0);
    /* wrap one user into a profile document, unwrap it on the client */
    CHECK_EQ(sh("printf '<mcptt-user-profile xmlns=\"urn:3gpp:ns:mcpttUserProfile:1.0\"><anyExt/></mcptt-user-profile>' > empty.xml"), 0);
    CHECK_EQ(sh("%s wrap --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --line 'sip:alice@test.example,kms.test.example,P25,"
                "wacn=BEE00;sys=3A1;rsi=1234567;algid=84;kid=F1A2;keyset=1,%s' --profile empty.xml --out alice-profile.xml",
                bin, keyfile(KEYS[0])), 0);
    CHECK_EQ(sh("%s unwrap --cert kms/kms-cert.xml --keyset alice.xml --iwf-uri sip:iwf@iwf.test.example "
                "--profile alice-profile.xml --store alice.store --storage-key storage.key", bin), 0);
    CHECK_EQ(sh("tail -1 log.out | grep -q '1 element(s) accepted, 0 refused'"), 0);
    /* the same profile fetched again: up to date, a success (issue 18 item 12:
     * it used to exit 4, "replay"); the store keeps one key */
    CHECK_EQ(sh("%s unwrap --cert kms/kms-cert.xml --keyset alice.xml --iwf-uri sip:iwf@iwf.test.example "
                "--profile alice-profile.xml --store alice.store --storage-key storage.key", bin), 0);
    CHECK_EQ(sh("tail -1 log.out | grep -q '0 element(s) accepted, 0 refused, 1 up to date.*holds 1 root key(s) (was 1): up to date'"), 0);
    /* Bob cannot open Alice's element; an unauthorised IWF URI is refused */
    CHECK_EQ(sh("%s unwrap --cert kms/kms-cert.xml --keyset bob.xml --iwf-uri sip:iwf@iwf.test.example "
                "--profile alice-profile.xml --store bob.store --storage-key storage.key", bin), 4);
    CHECK_EQ(sh("%s unwrap --cert kms/kms-cert.xml --keyset alice.xml --iwf-uri sip:rogue@iwf.test.example "
                "--profile alice-profile.xml --store alice2.store --storage-key storage.key", bin), 4);
    /* wrong storage key: the sealed store is refused */
    CHECK_EQ(sh("printf '%%064d' 0 > wrong.key"), 0);
    CHECK_EQ(sh("%s unwrap --cert kms/kms-cert.xml --keyset alice.xml --iwf-uri sip:iwf@iwf.test.example "
                "--profile alice-profile.xml --store alice.store --storage-key wrong.key", bin), 4);
    /* a tampered key set is refused at load (strict XML or RSK/SSK validation) */
    CHECK_EQ(sh("sed 's/<UserSigningKeySSK\\([^>]*\\)>\\(.\\)/<UserSigningKeySSK\\1>0/' alice.xml > bad.xml && ! cmp -s bad.xml alice.xml || "
                "sed 's/<UserSigningKeySSK\\([^>]*\\)>\\(.\\)/<UserSigningKeySSK\\1>1/' alice.xml > bad.xml"), 0);
    CHECK(sh("%s unwrap --cert kms/kms-cert.xml --keyset bad.xml --iwf-uri sip:iwf@iwf.test.example "
             "--profile alice-profile.xml --store bad.store --storage-key storage.key", bin) != 0);
    /* inspect: JSON with the public fields */
    char out[65536], cmd[4200];
    snprintf(cmd, sizeof cmd, "%s inspect alice-profile.xml", bin);
    CHECK_EQ(sh_out(out, sizeof out, cmd), 0);
    CHECK(strstr(out, "\"type\": \"profile document\"") != NULL);
    CHECK(strstr(out, "\"lmr_type\": \"P25\"") != NULL);
    CHECK(strstr(out, "sip:alice@test.example") != NULL);
    CHECK(strstr(out, "\"signature_length\": 129") != NULL);
    /* inspect a KMS response (the test KMS writes the Annex D shape): the
     * header and the key set's public fields, the secrets by length only */
    snprintf(cmd, sizeof cmd, "%s inspect alice.xml", bin);
    CHECK_EQ(sh_out(out, sizeof out, cmd), 0);
    CHECK(strstr(out, "\"message\": \"KmsKeyProv\"") != NULL);
    CHECK(strstr(out, "\"signature\": \"absent\"") != NULL);
    CHECK(strstr(out, "\"user_uri\": \"sip:alice@test.example\"") != NULL);
    CHECK(strstr(out, "\"user_decrypt_key\": \"(secret, 257 octets, not shown)\"") != NULL);
    CHECK(strstr(out, "\"user_signing_key_ssk\": \"(secret, 32 octets, not shown)\"") != NULL);
    CHECK_EQ(sh("v=$(sed -n 's/.*<UserSigningKeySSK[^>]*>\\(.*\\)<\\/UserSigningKeySSK>.*/\\1/p' alice.xml); "
                "test -n \"$v\" && ! %s inspect alice.xml | grep -q -i \"$v\"", bin), 0);
    snprintf(cmd, sizeof cmd, "%s inspect kms/kms-cert.xml", bin);
    CHECK_EQ(sh_out(out, sizeof out, cmd), 0);
    CHECK(strstr(out, "\"message\": \"KmsInit\"") != NULL);
    CHECK(strstr(out, "\"user_id_format\": \"2\"") != NULL);
    /* mikey receive: any MIKEY-SAKKE message for my key set; the SSV only on request */
    CHECK_EQ(sh("sed -n 's/.*\">\\(.*\\)<\\/rk.*/\\1/p' alice-profile.xml > msg.b64 && test -s msg.b64"), 0);
    snprintf(cmd, sizeof cmd, "%s mikey receive --cert kms/kms-cert.xml --keyset alice.xml --message msg.b64 --ext 250", bin);
    CHECK_EQ(sh_out(out, sizeof out, cmd), 0);
    CHECK(strstr(out, "\"private_extension_length\"") != NULL);
    CHECK(strstr(out, "ssv") == NULL && strstr(out, "\"private_extension\":") == NULL);
    snprintf(cmd, sizeof cmd, "%s mikey receive --cert kms/kms-cert.xml --keyset bob.xml --message msg.b64", bin);
    CHECK_EQ(sh_out(out, sizeof out, cmd), 4);
    snprintf(cmd, sizeof cmd, "%s mikey receive --cert kms/kms-cert.xml --keyset alice.xml --message msg.b64 --show-secrets", bin);
    CHECK_EQ(sh_out(out, sizeof out, cmd), 0);
    CHECK(strstr(out, "\"ssv\": \"") != NULL);
    /* an Annex D key set whose RSK is carried encrypted (EncKeyContentType) is
     * refused as unsupported input, with its own code, naming the element */
    CHECK_EQ(sh("sed 's|<UserDecryptKey xsi:type=\"KeyContentType\">[0-9A-Fa-f]*</UserDecryptKey>|<UserDecryptKey "
                "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"EncKeyContentType\">"
                "<x:EncryptedKey xmlns:x=\"http://www.w3.org/2001/04/xmlenc#\"/></UserDecryptKey>|' "
                "alice.xml > alice-enc.xml && grep -q EncKeyContentType alice-enc.xml"), 0);
    snprintf(cmd, sizeof cmd, "%s mikey receive --cert kms/kms-cert.xml --keyset alice-enc.xml --message msg.b64", bin);
    CHECK_EQ(sh_out(out, sizeof out, cmd), 3);
    CHECK_EQ(sh("grep -q 'encrypted key field (EncKeyContentType).*(-1405)' log.err"), 0);
}

/* rootkey p25: Modify Key Commands built on the IWF side from the inventory
 * line and a TEK list, received on the client against the sealed key store
 * (replay state persisted in it); golden outputs (root-key IDs, random per
 * wrap, masked); every refusal with its exit code; TETRA blobs. */
#define ALICE_P25 "sip:alice@test.example,kms.test.example,P25,wacn=BEE00;sys=3A1;rsi=1234567;algid=84;kid=F1A2;keyset=1,"
static void cli_p25(void)
{
    if (!setup()) { CHECK(!"build/rootkey missing"); return; }
    if (sh("test -f alice.store") != 0) { CHECK(!"cli_wrap_unwrap must run first"); return; }
    const char *G = RK_VECTOR_DIR "/../tests/golden";
    char out[65536], cmd[8192];
    CHECK_EQ(sh("%s p25", bin), 2);
    CHECK_EQ(sh("%s p25 modify-key", bin), 2);
    CHECK_EQ(sh("%s p25 receive --store alice.store", bin), 2);
    CHECK_EQ(sh("%s p25 --help > p25-help.txt && cmp p25-help.txt %s/p25_help.txt", bin, G), 0);
    CHECK_EQ(sh("printf '%%s\\n' 'key_id,sln,algid,key' '# two AES-256 TEKs' '0101,0001,84,hex:%s' "
                "'0102,0002,84,file:tek2.hex' > teks.csv && printf '%%s\\n' %s > tek2.hex", KEYS[5], KEYS[6]), 0);
    /* IWF: from the inventory line (given whole, or found by user in an inventory) */
    CHECK_EQ(sh("%s p25 modify-key --line '" ALICE_P25 "%s' --teks teks.csv --mn 1 --out m1.lmr > p25-mk.txt && "
                "cmp p25-mk.txt %s/p25_modify_key.txt", bin, keyfile(KEYS[0]), G), 0);
    CHECK_EQ(sh("printf '%%s\\n' 'mcptt_id,kms_uri,lmr_type,lmr_ids,key' '" ALICE_P25 "%s' > p25inv.csv && "
                "%s p25 modify-key --inventory p25inv.csv --user sip:alice@test.example --teks teks.csv --mn 1 "
                "--out m1b.lmr > /dev/null && cmp m1.lmr m1b.lmr", keyfile(KEYS[0]), bin), 0);
    CHECK_EQ(sh("%s p25 modify-key --inventory p25inv.csv --user sip:nobody@test.example --teks teks.csv --mn 1 --out x.lmr", bin), 3);
    /* client: accepted once, TEKs not printed; golden with the root-key ID masked */
    CHECK_EQ(sh("%s p25 receive --store alice.store --storage-key storage.key --message m1.lmr > p25-rx.json && "
                "sed 's/\"root_key_id\": \"[0-9A-F]*\"/\"root_key_id\": \"MASKED\"/' p25-rx.json > p25-rx.masked && "
                "cmp p25-rx.masked %s/p25_receive.json", bin, G), 0);
    /* the replay state is in the sealed store: a second run refuses */
    CHECK_EQ(sh("%s p25 receive --store alice.store --storage-key storage.key --message m1.lmr", bin), 4);
    CHECK_EQ(sh("tail -1 log.err | grep -q 'replayed or old message number (-1117)'"), 0);
    /* a newer number, CBC-MAC form, one TEK on the command line; TEKs shown on request only */
    CHECK_EQ(sh("%s p25 modify-key --line '" ALICE_P25 "%s' --tek 0201,0003,85,%s --mn 2 --mac cbc "
                "--keyset 2 --src-rsi 9999999 --out m2.lmr", bin, keyfile(KEYS[0]), keyfile(KEYS[7])), 0);
    snprintf(cmd, sizeof cmd, "%s p25 receive --store alice.store --storage-key storage.key --message m2.lmr --show-secrets", bin);
    CHECK_EQ(sh_out(out, sizeof out, cmd), 0);
    CHECK(strstr(out, "\"key\": \"7c7c7c7c0102030405060708090a0b0c\"") != NULL);
    CHECK(strstr(out, "\"keyset\": 2") != NULL && strstr(out, "\"algid\": \"85\"") != NULL);
    /* refusals: destination, unknown key ID, root key of another user, tampered, truncated */
    static const struct { const char *name, *line_ids, *key; int mn, rc; const char *err; } C[] = {
        {"wrong destination RSI", "wacn=BEE00;sys=3A1;rsi=7654321;algid=84;kid=F1A2;keyset=1", NULL, 3, 4, "(-1114)"},
        {"unknown key ID", "wacn=BEE00;sys=3A1;rsi=1234567;algid=84;kid=F1A3;keyset=1", NULL, 3, 4, "(-1127)"},
        {"another root key", "wacn=BEE00;sys=3A1;rsi=1234567;algid=84;kid=F1A2;keyset=1",
         "C0FFEE00C0FFEE01C0FFEE02C0FFEE03C0FFEE04C0FFEE05C0FFEE06C0FFEE07", 3, 4, "(-1111)"},
    };
    for (size_t i = 0; i < sizeof C / sizeof *C; i++) {
        CASE_BEGIN("receive: %s", C[i].name);
        CHECK_EQ(sh("%s p25 modify-key --line 'sip:alice@test.example,kms.test.example,P25,%s,%s' --teks teks.csv "
                    "--mn %d --out bad%zu.lmr", bin, C[i].line_ids, keyfile(C[i].key ? C[i].key : KEYS[0]), C[i].mn, i), 0);
        CHECK_EQ(sh("%s p25 receive --store alice.store --storage-key storage.key --message bad%zu.lmr", bin, i), C[i].rc);
        CHECK_EQ(sh("tail -1 log.err | grep -q -F '%s'", C[i].err), 0);
        CASE_END();
    }
    CASE_BEGIN("receive: tampered, truncated, wrong storage key, no store; TEK list errors; TETRA");
    CHECK_EQ(sh("%s p25 modify-key --line '" ALICE_P25 "%s' --teks teks.csv --mn 3 --out m3.lmr", bin, keyfile(KEYS[0])), 0);
    CHECK_EQ(sh("cp m3.lmr t.lmr && printf '\\377' | dd of=t.lmr bs=1 seek=60 conv=notrunc 2>/dev/null && "
                "%s p25 receive --store alice.store --storage-key storage.key --message t.lmr", bin), 4);
    CHECK_EQ(sh("head -c 50 m3.lmr > t.lmr && %s p25 receive --store alice.store --storage-key storage.key --message t.lmr", bin), 3);
    CHECK_EQ(sh("printf '\\003abc' > t.lmr && %s p25 receive --store alice.store --storage-key storage.key --message t.lmr", bin), 3);
    CHECK_EQ(sh("%s p25 receive --store alice.store --storage-key wrong.key --message m3.lmr", bin), 4);
    CHECK_EQ(sh("%s p25 receive --store nosuch.store --storage-key storage.key --message m3.lmr", bin), 3);
    /* nothing was stored by the refusals: m3 (number 3) is still accepted */
    CHECK_EQ(sh("%s p25 receive --store alice.store --storage-key storage.key --message m3.lmr > /dev/null", bin), 0);
    /* TEK list and option errors */
    CHECK_EQ(sh("printf '%%s\\n' '0101,0001,84,hex:00' > badteks.csv && %s p25 modify-key --line '" ALICE_P25 "%s' "
                "--teks badteks.csv --mn 4 --out x.lmr", bin, keyfile(KEYS[0])), 3);
    CHECK_EQ(sh("tail -1 log.err | grep -q 'badteks.csv:1: key: AES-256 needs 32 octets'"), 0);
    CHECK_EQ(sh("%s p25 modify-key --line '" ALICE_P25 "%s' --teks teks.csv --mn 70000 --out x.lmr", bin, keyfile(KEYS[0])), 2);
    CHECK_EQ(sh("%s p25 modify-key --line '" ALICE_P25 "%s' --teks teks.csv --mn 4 --mac des --out x.lmr", bin, keyfile(KEYS[0])), 2);
    /* the same root key delivered again (a later wrap, a new root-key ID): the replay state follows it */
    CHECK_EQ(sh("RK_NOW=$((%s + 600)) %s wrap --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --line '" ALICE_P25 "%s' "
                "--profile empty.xml --out alice-profile2.xml && RK_NOW=$((%s + 600)) %s unwrap --cert kms/kms-cert.xml "
                "--keyset alice.xml --iwf-uri sip:iwf@iwf.test.example --profile alice-profile2.xml --store alice.store "
                "--storage-key storage.key", NOW, bin, keyfile(KEYS[0]), NOW, bin), 0);
    CHECK_EQ(sh("tail -1 log.out | grep -q 'holds 2 root key(s)'"), 0);
    CHECK_EQ(sh("%s p25 receive --store alice.store --storage-key storage.key --message m3.lmr", bin), 4);
    CHECK_EQ(sh("tail -1 log.err | grep -q '(-1117)'"), 0);
    /* TETRA: Bob's KEK, an opaque blob wrapped with AES-KW / AES-KWP */
    CHECK_EQ(sh("%s wrap --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --line 'sip:bob@test.example,kms.test.example,TETRA,"
                "mcc=901;mnc=16383;issi=7;kn=1,%s' --profile empty.xml --out bob-profile.xml && "
                "%s unwrap --cert kms/kms-cert.xml --keyset bob.xml --iwf-uri sip:iwf@iwf.test.example "
                "--profile bob-profile.xml --store bobt.store --storage-key storage.key", bin, keyfile(KEYS[3]), bin), 0);
    CHECK_EQ(sh("%s p25 modify-key --line 'sip:bob@test.example,kms.test.example,TETRA,mcc=901;mnc=16383;issi=7;kn=1,%s' "
                "--blob %s --out t1.lmr > p25-tetra.txt && cmp p25-tetra.txt %s/p25_tetra.txt", bin, keyfile(KEYS[3]), keyfile(KEYS[8]), G), 0);
    CHECK_EQ(sh("%s p25 modify-key --line 'sip:bob@test.example,kms.test.example,TETRA,mcc=901;mnc=16383;issi=7;kn=1,%s' "
                "--blob %s --kwp --out t2.lmr", bin, keyfile(KEYS[3]), keyfile(KEYS[9])), 0);
    CHECK_EQ(sh("%s p25 receive --store bobt.store --storage-key storage.key --message t1.lmr > t1.json && "
                "grep -q '\"blob_length\": 32' t1.json && ! grep -q '\"blob\"' t1.json", bin), 0);
    snprintf(cmd, sizeof cmd, "%s p25 receive --store bobt.store --storage-key storage.key --message t2.lmr --show-secrets", bin);
    CHECK_EQ(sh_out(out, sizeof out, cmd), 0);
    CHECK(strstr(out, "\"wrap\": \"AES-KWP\"") != NULL && strstr(out, "9e9e9e9e00") != NULL);
    CHECK_EQ(sh("%s p25 modify-key --line 'sip:bob@test.example,kms.test.example,TETRA,mcc=901;mnc=16383;issi=7;kn=1,%s' "
                "--teks teks.csv --mn 1 --out x.lmr", bin, keyfile(KEYS[3])), 2);
    /* a P25 message to Bob's store (no P25 root key): refused */
    CHECK_EQ(sh("%s p25 receive --store bobt.store --storage-key storage.key --message m3.lmr", bin), 4);
    CHECK_EQ(sh("tail -1 log.err | grep -q '(-1301)'"), 0);
    CASE_END();
}

/* Issue 18, item 7: the key store and its P25 replay state under a lock.
 * Two processes started together receive one Modify Key Command: exactly
 * one is accepted (both were, about half of the time, with no lock); two
 * unwrap different elements into one new store: both keys are kept. */
static void cli_store_lock(void)
{
    if (!setup()) { CHECK(!"build/rootkey missing"); return; }
    if (sh("test -f alice.store && test -f alice-profile2.xml") != 0) { CHECK(!"cli_p25 must run first"); return; }
    const char *kf = keyfile(KEYS[0]);
    for (int r = 0; r < 8; r++) {
        CASE_BEGIN("concurrent receive, round %d", r);
        CHECK_EQ(sh("%s p25 modify-key --line '" ALICE_P25 "%s' --teks teks.csv --mn %d --out race.lmr > /dev/null && "
                    "cp alice.store race.store && rm -f race.store.lock && ok=0 && "
                    "(%s p25 receive --store race.store --storage-key storage.key --message race.lmr > r1.out 2>&1 & "
                    "%s p25 receive --store race.store --storage-key storage.key --message race.lmr > r2.out 2>&1 & "
                    "wait) && test $(grep -l '\"message_number\"' r1.out r2.out | wc -l) = 1 && "
                    "grep -q '(-1117)' r1.out r2.out", bin, kf, 100 + r, bin, bin), 0);
        CASE_END();
    }
    for (int r = 0; r < 4; r++) {
        CASE_BEGIN("concurrent unwrap, round %d", r);
        CHECK_EQ(sh("rm -f race2.store race2.store.lock && "
                    "(RK_NOW=$((%s + 600)) %s unwrap --cert kms/kms-cert.xml --keyset alice.xml --iwf-uri sip:iwf@iwf.test.example "
                    "--profile alice-profile.xml --store race2.store --storage-key storage.key > u1.out 2>&1 & "
                    "RK_NOW=$((%s + 600)) %s unwrap --cert kms/kms-cert.xml --keyset alice.xml --iwf-uri sip:iwf@iwf.test.example "
                    "--profile alice-profile2.xml --store race2.store --storage-key storage.key > u2.out 2>&1 & wait) && "
                    "cat u1.out u2.out | grep -q 'holds 2 root key(s)'", NOW, bin, NOW, bin), 0);
        CASE_END();
    }
}

/* Issue 18, item 12: an element for the next key period is kept for later;
 * a profile with more than 16 elements (re-wraps pile up) gives the newest
 * per LMR system and period instead of being refused whole. */
static void cli_client_profile(void)
{
    if (!setup()) { CHECK(!"build/rootkey missing"); return; }
    if (sh("test -f alice.xml && test -f empty.xml") != 0) { CHECK(!"cli_wrap_unwrap must run first"); return; }
    const char *kf = keyfile(KEYS[0]);
    /* the IWF's key set of the next period, an element wrapped in that period */
    CHECK_EQ(sh("p=$(%s kms issue --dir kms --user sip:iwf@iwf.test.example --out iwf-cur.xml | sed -n 's/.*key period \\([0-9]*\\):.*/\\1/p') && "
                "%s kms issue --dir kms --user sip:iwf@iwf.test.example --period-no $((p + 1)) --out iwf-next.xml > /dev/null && "
                "RK_NOW=$((%s + 2592000)) %s wrap --cert kms/kms-cert.xml --keyset iwf-next.xml --iwf-uri sip:iwf@iwf.test.example --line '" ALICE_P25 "%s' "
                "--profile alice-profile.xml --out alice-next.xml", bin, bin, NOW, bin, kf), 0);
    CHECK_EQ(sh("%s unwrap --cert kms/kms-cert.xml --keyset alice.xml --iwf-uri sip:iwf@iwf.test.example "
                "--profile alice-next.xml --store alice-n.store --storage-key storage.key", bin), 0);
    CHECK_EQ(sh("tail -1 log.out | grep -q '1 element(s) accepted, 0 refused, 0 up to date, 1 for a later key period'"), 0);
    /* 18 re-wraps of one root key in one profile: the newest is stored */
    CHECK_EQ(sh("cp empty.xml many.xml && for i in $(seq 1 18); do RK_NOW=$((%s + i)) %s wrap --cert kms/kms-cert.xml "
                "--keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --line '" ALICE_P25 "%s' --profile many.xml --out many.xml > /dev/null || exit 1; done && "
                "test $(grep -o '<rk:lmr-root-key ' many.xml | wc -l) = 18", NOW, bin, kf), 0);
    CHECK_EQ(sh("RK_NOW=$((%s + 60)) %s unwrap --cert kms/kms-cert.xml --keyset alice.xml --iwf-uri sip:iwf@iwf.test.example "
                "--profile many.xml --store many.store --storage-key storage.key", NOW, bin), 0);
    CHECK_EQ(sh("tail -1 log.out | grep -q '1 element(s) accepted, 0 refused, 0 up to date, 0 for a later key period, 17 superseded'"), 0);
}

/* Issue 17: a client given its key sets of the current and the next
 * period (kms issue --next) opens an element of the next period once that
 * period is current; the IWF's KMS certificate taken from a KmsCertCache
 * (kms cache, unwrap --kms-cert-cache --iwf-kms-uri). */
static void cli_keysets_cache(void)
{
    if (!setup()) { CHECK(!"build/rootkey missing"); return; }
    if (sh("test -f alice-next.xml && test -f empty.xml") != 0) { CHECK(!"cli_client_profile must run first"); return; }
    const char *kf = keyfile(KEYS[3]);
#define UNWRAP_ALICE "%s unwrap --cert kms/kms-cert.xml --iwf-uri sip:iwf@iwf.test.example --storage-key storage.key "
    /* both key sets in one response (alice-next.xml holds an element of each
     * period): the next period's element opens in that period, the current's
     * (now the one before) too */
    CHECK_EQ(sh("%s kms issue --dir kms --user sip:alice@test.example --next --out alice2.xml > /dev/null && "
                "test $(grep -c '<KmsKeySet' alice2.xml) -eq 2", bin), 0);
    CHECK_EQ(sh("RK_NOW=$((%s + 2592000)) " UNWRAP_ALICE "--keyset alice2.xml --profile alice-next.xml --store a2.store", NOW, bin), 0);
    CHECK_EQ(sh("tail -1 log.out | grep -q '2 element(s) accepted, 0 refused, 0 up to date, 0 for a later key period'"), 0);
    /* ... and now, the current period's element; the next period's waits */
    CHECK_EQ(sh(UNWRAP_ALICE "--keyset alice2.xml --profile alice-next.xml --store a3.store", bin), 0);
    CHECK_EQ(sh("tail -1 log.out | grep -q '1 element(s) accepted, 0 refused, 0 up to date, 1 for a later key period'"), 0);
    CHECK_EQ(sh(UNWRAP_ALICE "--keyset alice2.xml --profile alice-profile.xml --store a4.store", bin), 0);
    CHECK_EQ(sh("tail -1 log.out | grep -q '1 element(s) accepted, 0 refused'"), 0);
    /* the IWF in another KMS's community; a cache of both certificates */
    CHECK_EQ(sh("%s kms create --dir ckms --uri iwfkms.cache.example --period 86400 --offset 0 > /dev/null && "
                "%s kms issue --dir ckms --user sip:iwf@iwf.test.example --out iwf-c.xml > /dev/null && "
                "%s wrap --cert kms/kms-cert.xml --iwf-cert ckms/kms-cert.xml --keyset iwf-c.xml --iwf-uri sip:iwf@iwf.test.example "
                "--line '" ALICE_P25 "%s' --profile empty.xml --out alice-c.xml > /dev/null", bin, bin, bin, kf), 0);
    CHECK_EQ(sh("%s kms cache --cert kms/kms-cert.xml --cert ckms/kms-cert.xml --user sip:alice@test.example --out cache.xml", bin), 0);
    CHECK_EQ(sh("test $(grep -c '<KmsCertificate' cache.xml) -eq 2 && grep -q 'KmsCertCache>' cache.xml"), 0);
    CHECK_EQ(sh("%s inspect cache.xml > cache.json && grep -q '\"message\": \"KmsCertCache\"' cache.json && "
                "grep -q '\"kms_uri\": \"iwfkms.cache.example\"' cache.json && grep -q '\"user_key_period\": \"86400\"' cache.json", bin), 0);
    CHECK_EQ(sh(UNWRAP_ALICE "--keyset alice.xml --kms-cert-cache cache.xml --iwf-kms-uri iwfkms.cache.example "
                "--profile alice-c.xml --store c1.store", bin), 0);
    CHECK_EQ(sh("tail -1 log.out | grep -q '1 element(s) accepted, 0 refused'"), 0);
    /* the same as --iwf-cert gives */
    CHECK_EQ(sh(UNWRAP_ALICE "--keyset alice.xml --iwf-cert ckms/kms-cert.xml --profile alice-c.xml --store c2.store", bin), 0);
    /* without --iwf-kms-uri the cache gives my KMS's certificate: not the signer's */
    CHECK_EQ(sh(UNWRAP_ALICE "--keyset alice.xml --kms-cert-cache cache.xml --profile alice-c.xml --store c3.store", bin), 4);
    CHECK_EQ(sh(UNWRAP_ALICE "--keyset alice.xml --kms-cert-cache cache.xml --iwf-kms-uri kms.nowhere.example "
                "--profile alice-c.xml --store c4.store", bin), 3);
    CHECK_EQ(sh("tail -1 log.err | grep -q 'no certificate of kms.nowhere.example among the 2'"), 0);
    /* a key set document is no certificate cache; the options exclude each other */
    CHECK_EQ(sh(UNWRAP_ALICE "--keyset alice.xml --kms-cert-cache alice.xml --profile alice-c.xml --store c5.store", bin), 3);
    CHECK_EQ(sh(UNWRAP_ALICE "--keyset alice.xml --kms-cert-cache cache.xml --iwf-cert ckms/kms-cert.xml "
                "--profile alice-c.xml --store c6.store 2>/dev/null", bin), 2);
    CHECK_EQ(sh(UNWRAP_ALICE "--keyset alice.xml --iwf-kms-uri iwfkms.cache.example --profile alice-c.xml --store c7.store 2>/dev/null", bin), 2);
    CHECK_EQ(sh("%s kms cache --cert kms/kms-cert.xml --user sip:alice@test.example --out c.xml 2>/dev/null", bin), 2);
    CHECK_EQ(sh("%s kms issue --dir kms --user sip:x@test.example --cert kms/kms-cert.xml --out x.xml 2>/dev/null", bin), 2);
    CHECK_EQ(sh("test ! -e c1.store.tmp && test ! -e c3.store && test ! -e c4.store"), 0);
#undef UNWRAP_ALICE
}

static void cli_inventory_errors(void)
{
    if (!setup()) { CHECK(!"build/rootkey missing"); return; }
    if (sh("test -f kms/kms-cert.xml") != 0) community();
    CHECK_EQ(sh("printf '%%s\\n' %s > k.hex", KEYS[4]), 0);
    CHECK_EQ(sh("printf '%%s\\n' "
        "'mcptt_id,kms_uri,lmr_type,lmr_ids,key' "
        "'sip:u1@test.example,kms.test.example,P25,wacn=BEE00;sys=3A1;rsi=1;algid=84;kid=1;keyset=1,hex:%s' "
        "'sip:u2@test.example,kms.test.example,P25,wacn=BEE00;sys=3A1;rsi=2;algid=84;kid=1,hex:%s' "
        "'sip:u3@test.example,kms.test.example,MPT1327,sys=01,hex:%s' "
        "'# a comment' "
        "'sip:u4@test.example,kms.test.example,TETRA,mcc=901;mnc=16383;issi=7;kn=1,hex:%s' "
        "'sip:u5@test.example,kms.test.example,TETRA,mcc=901;mnc=1;issi=7,hex:XYZ' "
        "'sip:u6@test.example,kms.other.example,OTHER,sys=0A0B,hex:%s' "
        "'sip:u7@test.example,kms.test.example,OTHER,sys=0A0B;ref=01,file:k.hex' "
        "'too,few,fields' "
        "> inv.csv", KEYS[1], KEYS[2], KEYS[2], KEYS[3], KEYS[2]), 0);
    CHECK_EQ(sh("%s iwf " FILES " --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --inventory inv.csv --out out1 "
                "--xcap-root https://xcap.test.example/root > iwf1.txt", bin), 1);
    CHECK_EQ(sh("grep -q 'inv.csv:3: P25 needs' log.err"), 0);
    CHECK_EQ(sh("grep -q 'inv.csv:4: lmr_type' log.err"), 0);
    CHECK_EQ(sh("grep -q 'inv.csv:7: key' log.err"), 0);
    CHECK_EQ(sh("grep -q 'inv.csv:8: sip:u6@test.example: kms_uri' log.err"), 0);
    CHECK_EQ(sh("grep -q 'inv.csv:10: expected 5 fields' log.err"), 0);
    CHECK_EQ(sh("grep -q '8 lines, 3 wrapped, 0 already done, 5 failed' iwf1.txt"), 0);
    CHECK_EQ(count_files("out1", ".element.xml"), 3);
    CHECK_EQ(count_files("out1", ".xcap"), 3);
    CHECK_EQ(count_files("out1", ".state"), 3);
    char u1[RK_IWF_STEM_MAX];
    rk_iwf_stem(u1, sizeof u1, "sip:u1@test.example");
    CHECK_EQ(sh("grep -q '^PUT https://xcap.test.example/root/org.3gpp.mcptt.user-profile/users/sip%%3Au1%%40test.example/' out1/%s.*.xcap", u1), 0);
    CHECK_EQ(sh("grep -q 'Content-Type: application/xcap-el+xml' out1/%s.*.xcap", u1), 0);
    /* the whole request as docs/profile-element.md 5 gives it: PUT, the
     * document URI under the XCAP root with AUID org.3gpp.mcptt.user-profile,
     * the element selector on key-id (one attribute test per step, as RFC
     * 4825's grammar allows) with the rk binding, the
     * Host, Content-Type and Content-Length headers, a blank line, then
     * exactly the element file */
    CHECK_EQ(sh("head -1 out1/%s.*.xcap | grep -qE '^PUT https://xcap\\.test\\.example/root/"
                "org\\.3gpp\\.mcptt\\.user-profile/users/sip%%3Au1%%40test\\.example/user-profile-0\\.xml/~~/"
                "mcptt-user-profile/anyExt/rk:lmr-root-key%%5b@key-id=%%22[0-9A-F]{8}%%22%%5d"
                "\\?xmlns\\(rk=urn:rootkey:xml:ns:lmr-root-key:1\\) "
                "HTTP/1\\.1\r$'", u1), 0);
    CHECK_EQ(sh("x=$(ls out1/%s.*.xcap) && e=$(ls out1/%s.*.element.xml) && "
                "sed -n 2p $x | grep -qx 'Host: xcap.test.example.' && "
                "sed -n 3p $x | grep -qx 'Content-Type: application/xcap-el+xml.' && "
                "test \"$(sed -n 4p $x | tr -d '\\r')\" = \"Content-Length: $(wc -c < $e)\" && "
                "sed -n 5p $x | grep -qx '.' && tail -c $(wc -c < $e) $x | cmp -s - $e", u1, u1), 0);
    /* shards: 0/2 and 1/2 together do each good user once */
    CHECK_EQ(sh("%s iwf " FILES " --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --inventory inv.csv --out out2 --shard 0/2", bin), 1);
    CHECK_EQ(sh("%s iwf " FILES " --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --inventory inv.csv --out out2 --shard 1/2", bin), 1);
    CHECK_EQ(count_files("out2", ".state"), 3);
}

static void cli_crash_resume(void)
{
    if (!setup()) { CHECK(!"build/rootkey missing"); return; }
    if (sh("test -f kms/kms-cert.xml") != 0) community();
    /* 12 users; the batch dies (_exit) after 5 */
    CHECK_EQ(sh("for i in $(seq 1 12); do printf 'sip:c%%02d@test.example,kms.test.example,P25,wacn=BEE00;sys=3A1;rsi=%%d;algid=84;kid=1;keyset=1,hex:%s\\n' $i $i; done > crash.csv", KEYS[0]), 0);
    CHECK_EQ(sh("RK_TEST_CRASH_AFTER=5 %s iwf " FILES " --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --inventory crash.csv --out outc", bin), 99);
    CHECK_EQ(count_files("outc", ".state"), 5);
    CHECK_EQ(count_files("outc", ".element.xml"), 5);
    /* with one job nothing is in flight after a user; with more, the
     * temporary files of the users being wrapped are left, and the next
     * run removes them (below) */
    CHECK_EQ(sh("RK_TEST_CRASH_AFTER=5 %s iwf " FILES " --jobs 1 --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --inventory crash.csv --out outc1", bin), 99);
    CHECK_EQ(count_tmp("outc1"), 0);
    CHECK_EQ(sh("touch outc/u-00.p1.element.xml.tmpAbC123 outc/u-00.p1.state.tmpXyZ789 outc/keep.tmpAbC123"), 0);
    CHECK_EQ(sh("%s iwf " FILES " --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --inventory crash.csv --out outc > resume.txt", bin), 0);
    CHECK_EQ(sh("grep -q '12 lines, 7 wrapped, 5 already done, 0 failed' resume.txt"), 0);
    CHECK_EQ(count_files("outc", ".state"), 12);
    CHECK_EQ(count_files("outc", ".element.xml"), 12);
    CHECK_EQ(count_files("outc", ".xcap"), 12);
    CHECK_EQ(count_tmp("outc"), 1);   /* not one of the batch's names: left */
    CHECK_EQ(sh("rm outc/keep.tmpAbC123"), 0);
    /* every element file is whole: the profile reader accepts each */
    CHECK_EQ(sh("for f in outc/*.element.xml; do %s inspect $f > /dev/null || exit 1; done", bin), 0);
    /* a real SIGKILL at an arbitrary point: the rerun completes every user
     * once; no final-named file is partial (a leftover *.tmp* is allowed) */
    CHECK_EQ(sh("%s iwf " FILES " --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --inventory crash.csv --out outk > /dev/null 2>&1 & "
                "p=$!; sleep 1; kill -KILL $p; wait $p; true", bin), 0);
    CHECK_EQ(sh("%s iwf " FILES " --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --inventory crash.csv --out outk > killed.txt", bin), 0);
    CHECK_EQ(sh("grep -q '12 lines, .* wrapped, .* already done, 0 failed' killed.txt"), 0);
    CHECK_EQ(count_files("outk", ".state"), 12);
    CHECK_EQ(count_files("outk", ".element.xml"), 12);
    CHECK_EQ(sh("for f in outk/*.element.xml; do %s inspect $f > /dev/null || exit 1; done", bin), 0);
    /* SIGKILL at random points under the state format: after each kill
     * every record names the key ID of its element file (the record is
     * written last), and the rerun completes the rest */
    for (int r = 0; r < 4; r++) {
        CASE_BEGIN("killed at a random point, round %d", r);
        CHECK_EQ(sh("rm -rf outkr%d && %s iwf " FILES " --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example "
                    "--inventory crash.csv --out outkr%d > /dev/null 2>&1 & p=$!; sleep 0.$(shuf -i 1-9 -n 1); "
                    "kill -KILL $p; wait $p; for s in outkr%d/*.state; do test -e \"$s\" || continue; "
                    "k=$(sed -n 's/^key_id //p' $s); grep -q \"key-id=\\\"$k\\\"\" outkr%d/$(sed -n 's/^element //p' $s) || exit 1; done",
                    r, bin, r, r, r), 0);
        CHECK_EQ(sh("%s iwf " FILES " --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --inventory crash.csv "
                    "--out outkr%d | grep -q '12 lines, .* wrapped, .* already done, 0 failed'", bin, r), 0);
        char sub[16];
        snprintf(sub, sizeof sub, "outkr%d", r);
        CHECK_EQ(count_files(sub, ".state"), 12);
        CASE_END();
    }
    /* a third run does nothing */
    CHECK_EQ(sh("%s iwf " FILES " --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --inventory crash.csv --out outc > again.txt", bin), 0);
    CHECK_EQ(sh("grep -q '12 lines, 0 wrapped, 12 already done' again.txt"), 0);
}

/* Write a file into dir (binary-safe: NUL, BOM, invalid UTF-8). */
static void put(const char *name, const char *data, size_t len)
{
    char p[4200];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    CHECK(f != NULL);
    if (!f) return;
    CHECK_EQ(fwrite(data, 1, len, f), len);
    CHECK_EQ(fclose(f), 0);
}

#define IWF "%s iwf " FILES " --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example "
#define P25_IDS(rsi) "P25,wacn=BEE00;sys=3A1;rsi=" #rsi ";algid=84;kid=1;keyset=1"

/* Issue 18, items 1-6: no user silently skipped or mis-addressed. */
static void cli_batch_names(void)
{
    if (!setup()) { CHECK(!"build/rootkey missing"); return; }
    if (sh("test -f kms/kms-cert.xml") != 0) community();
    char inv[4096], st[RK_IWF_STEM_MAX];
    /* 1. MC IDs that the old character mapping folded onto one file name */
    static const char *ids[] = {"sip:m\xc3\xbcller@test.example", "sip:m\xc3\xb6ller@test.example",
                                "sip:a@test.example", "sip_a@test.example", "sip/a@test.example"};
    size_t n = 0;
    for (size_t i = 0; i < 5; i++)
        n += (size_t)snprintf(inv + n, sizeof inv - n, "%s,kms.test.example," P25_IDS(7) ",hex:%s\n", ids[i], KEYS[2]);
    put("names.csv", inv, n);
    CHECK_EQ(sh(IWF "--inventory names.csv --out outn > names.txt", bin), 0);
    CHECK_EQ(sh("grep -q '5 lines, 5 wrapped, 0 already done, 0 failed' names.txt"), 0);
    CHECK_EQ(count_files("outn", ".state"), 5);
    CHECK_EQ(count_files("outn", ".element.xml"), 5);
    for (size_t i = 0; i < 5; i++) {   /* each record holds its exact MC ID */
        rk_iwf_stem(st, sizeof st, ids[i]);
        CHECK_EQ(sh("grep -qx 'mc_id %s' outn/%s.p*.state", ids[i], st), 0);
    }
    /* 2. a changed key re-wraps that user only; the record never holds the key */
    CHECK_EQ(sh("sed '3s/hex:%s/hex:%s/' names.csv > names2.csv && ! cmp -s names.csv names2.csv", KEYS[2], KEYS[1]), 0);
    CHECK_EQ(sh(IWF "--inventory names2.csv --out outn > names2.txt", bin), 0);
    CHECK_EQ(sh("grep -q '5 lines, 1 wrapped, 4 already done, 0 failed' names2.txt"), 0);
    /* ... and a duplicate MC ID is an error for both lines, neither wrapped */
    n = (size_t)snprintf(inv, sizeof inv, "sip:d1@test.example,kms.test.example," P25_IDS(1) ",hex:%s\n"
                         "sip:d2@test.example,kms.test.example," P25_IDS(2) ",hex:%s\n"
                         "sip:d1@test.example,kms.test.example," P25_IDS(1) ",hex:%s\n", KEYS[1], KEYS[1], KEYS[2]);
    put("dup.csv", inv, n);
    CHECK_EQ(sh(IWF "--inventory dup.csv --out outd > dup.txt", bin), 1);
    CHECK_EQ(sh("grep -q '3 lines, 1 wrapped, 0 already done, 2 failed' dup.txt"), 0);
    CHECK_EQ(sh("grep -q 'dup.csv:1: sip:d1@test.example: the same MC ID is on line 3' log.err && "
                "grep -q 'dup.csv:3: sip:d1@test.example: the same MC ID is on line 1' log.err"), 0);
    CHECK_EQ(count_files("outd", ".state"), 1);
    /* 3. NUL inside the key, an over-long line, invalid UTF-8 in the MC ID */
    n = (size_t)snprintf(inv, sizeof inv, "sip:n1@test.example,kms.test.example," P25_IDS(1) ",hex:%.32s", KEYS[0]);
    inv[n++] = 0;
    n += (size_t)snprintf(inv + n, sizeof inv - n, "%s\nsip:n\xff@test.example,kms.test.example," P25_IDS(2)
                          ",hex:%s\nsip:n3@test.example,kms.test.example," P25_IDS(3) ",hex:%s\n", KEYS[0] + 32, KEYS[1], KEYS[1]);
    put("nul.csv", inv, n);
    CHECK_EQ(sh("{ cat nul.csv; printf 'sip:n4@test.example,kms.test.example," P25_IDS(4) ",hex:'; "
                "head -c 5000 /dev/zero | tr '\\\\0' 0; echo; } > nul2.csv"), 0);
    CHECK_EQ(sh(IWF "--inventory nul2.csv --out outz > nul.txt", bin), 1);
    CHECK_EQ(sh("grep -q '4 lines, 1 wrapped, 0 already done, 3 failed' nul.txt"), 0);
    CHECK_EQ(sh("grep -q 'nul2.csv:1: NUL byte' log.err && grep -q 'nul2.csv:2: mcptt_id is not UTF-8' log.err && "
                "grep -q 'nul2.csv:4: line longer than 4096 octets' log.err"), 0);
    /* 4. a BOM without a header, CRLF, quoted fields and spaces after commas
     * (a spreadsheet's export); the exact MC ID without the BOM */
    n = (size_t)snprintf(inv, sizeof inv, "\xEF\xBB\xBFsip:b1@test.example,kms.test.example," P25_IDS(1) ",hex:%s\r\n"
                         "\"sip:b2@test.example\", kms.test.example, TETRA, \"mcc=901;mnc=16383;issi=7\", hex:%s\r\n"
                         "sip:b3@test.example,kms.test.example,P25,wacn=0xBEE00;sys=3A1;rsi=1;algid=84;kid=1;keyset=1,hex:%s\r\n"
                         "sip:b4@test.example,kms.test.example,P25,wacn=BEE00;sys=3A1;rsi=+1234;algid=84;kid=1;keyset=1,hex:%s\r\n"
                         "sip:b5@test.example,kms.test.example,P25,wacn=1;wacn=2;sys=3A1;rsi=1;algid=84;kid=1;keyset=1,hex:%s\r\n"
                         "sip:b6@test.example,kms.test.example,P25,wacn=BEE00;sys=3A1;rsi=1;algid=84;kid=1;keyset=-0,hex:%s\r\n"
                         "sip:b7@test.example,kms.test.example,\"P25\"x,wacn=BEE00,hex:%s\r\n",
                         KEYS[1], KEYS[1], KEYS[1], KEYS[1], KEYS[1], KEYS[1], KEYS[1]);
    put("bom.csv", inv, n);
    CHECK_EQ(sh(IWF "--inventory bom.csv --out outb > bom.txt", bin), 1);
    CHECK_EQ(sh("grep -q '7 lines, 2 wrapped, 0 already done, 5 failed' bom.txt"), 0);
    rk_iwf_stem(st, sizeof st, "sip:b1@test.example");
    CHECK_EQ(sh("grep -qx 'mc_id sip:b1@test.example' outb/%s.p*.state", st), 0);
    CHECK_EQ(sh("grep -q 'bom.csv:3: LMR identifier wacn: not a hex number' log.err && "
                "grep -q 'bom.csv:4: LMR identifier rsi: not a decimal number' log.err && "
                "grep -q 'bom.csv:5: LMR identifier wacn given twice' log.err && "
                "grep -q 'bom.csv:6: LMR identifier keyset' log.err && grep -q 'bom.csv:7: not CSV' log.err"), 0);
    /* 5. an IWF KMS with another key period: the rerun finds every user done */
    CHECK_EQ(sh("%s kms create --dir ikms --uri iwfkms.test.example --period 86400 --offset 0 && "
                "%s kms issue --dir ikms --user sip:iwf@iwf.test.example --out iwf2.xml", bin, bin), 0);
    for (int r = 0; r < 2; r++)
        CHECK_EQ(sh("%s iwf " FILES " --cert kms/kms-cert.xml --iwf-cert ikms/kms-cert.xml --keyset iwf2.xml --iwf-uri sip:iwf@iwf.test.example "
                    "--inventory names.csv --out outp > period%d.txt", bin, r), 0);
    CHECK_EQ(sh("grep -q '5 lines, 5 wrapped' period0.txt && grep -q '5 lines, 0 wrapped, 5 already done' period1.txt"), 0);
    CHECK_EQ(count_files("outp", ".element.xml"), 5);
    /* 6. an unreadable inventory (a directory, a missing file) is an error */
    CHECK_EQ(sh(IWF "--inventory kms --out outx > dir.txt", bin), 3);
    CHECK_EQ(sh("tail -1 log.err | grep -q 'kms: Is a directory'"), 0);
    CHECK_EQ(sh(IWF "--inventory nosuch.csv --out outx", bin), 3);
    CHECK_EQ(sh("tail -1 log.err | grep -q 'nosuch.csv: No such file or directory'"), 0);
    /* progress on stderr: always (even to a file), never; an error line never glued onto the bar */
    CHECK_EQ(sh(IWF "--inventory nul2.csv --out outpg --progress=always 2> pg.err > /dev/null; "
                "grep -q '\\[#* *\\] 4/4' pg.err && tr '\\r\\033' '@~' < pg.err | grep -q '@~\\[Knul2.csv:4: line longer'", bin), 0);
    /* a line as each phase ends, at a line's start or after the bar is cleared, in order */
    CHECK_EQ(sh("tr '\\r\\033' '@~' < pg.err | grep -o '\\(^\\|@~\\[K\\)iwf: [a-z]* done: [^(]*' > pg.phases && "
                "sed -n 1p pg.phases | grep -q 'inventory done: 4 lines, 0 on a repeated MC ID' && "
                "sed -n 2p pg.phases | grep -q 'wrap done: [0-9]* wrapped, 0 already done, [0-9]* failed' && "
                "test $(wc -l < pg.phases) -eq 2"), 0);
    CHECK_EQ(sh(IWF "--inventory nul2.csv --out outpg2 --progress=never 2> pg2.err > /dev/null; ! grep -q '\\] [0-9]/' pg2.err && "
                "! grep -q ' done: ' pg2.err", bin), 0);
    CHECK_EQ(sh(IWF "--inventory nul2.csv --out outpg2 --progress=sometimes", bin), 2);
    /* a full disk (each file capped at 1 KiB by RLIMIT_FSIZE, SIGXFSZ ignored
     * so that write() fails with EFBIG as on a full file system): the batch
     * names the file and stops at the first user instead of failing the
     * other four; nothing is recorded for a user whose files were not
     * written, and no temporary file is left; the rerun does exactly all */
    CHECK_EQ(sh("(trap '' XFSZ; ulimit -f 1; exec " IWF "--jobs 2 --inventory names.csv --out outfull > full.txt 2> full.err); "
                "test $? -eq 3", bin), 0);
    /* ... the same with one wrap at a time (but for the directory and the time) */
    CHECK_EQ(sh("(trap '' XFSZ; ulimit -f 1; exec " IWF "--jobs 1 --inventory names.csv --out outfull1 > full1.txt 2> full1.err); "
                "test $? -eq 3 && sed 's/outfull1/outfull/' full1.err | cmp -s - full.err && "
                "sed 's/([0-9.]* s)$//' full1.txt > full1.x && sed 's/([0-9.]* s)$//' full.txt | cmp -s - full1.x", bin), 0);
    CHECK_EQ(sh("grep -q '^names.csv:[0-9]*: .*: writing outfull/u-[0-9a-f]*\\.p[0-9]*\\.[a-z.]*: File too large$' full.err && "
                "test $(grep -c ': writing ' full.err) -eq 1 && "
                "grep -q '1 failed' full.txt && ! grep -q '[1-9] wrapped' full.txt"), 0);
    CHECK_EQ(count_files("outfull", ".state"), 0);
    CHECK_EQ(count_files("outfull", ".element.xml"), 0);
    CHECK_EQ(sh("! ls outfull | grep -q tmp"), 0);
    CHECK_EQ(sh(IWF "--inventory names.csv --out outfull > full2.txt", bin), 0);
    CHECK_EQ(sh("grep -q '5 lines, 5 wrapped, 0 already done, 0 failed' full2.txt"), 0);
    /* --jobs 1 and --jobs 4, the randomness fixed per user (test build):
     * the same exit code, the same lines on stdout and stderr (progress and
     * phase lines too) and the same octets in every file, with bad lines, a
     * repeated MC ID and good users mixed; and so for the rerun */
    CHECK_EQ(sh("{ cat names.csv; tail -n +2 bom.csv; cat dup.csv nul.csv; } > mix.csv"), 0);
    for (int r = 0; r < 2; r++)
        for (int j = 1; j <= 4; j += 3)
            CHECK_EQ(sh("RK_TEST_SEED=s8 " IWF "--jobs %d --progress=always --inventory mix.csv --out outj%d "
                        "> j%d.%d.txt 2> j%d.%d.err; echo $? > j%d.%d.rc", bin, j, j, j, r, j, r, j, r), 0);
    CHECK_EQ(sh("for r in 0 1; do for f in txt err; do "
                "sed 's/([0-9.]* s)$//; s/outj1/outj/g' j1.$r.$f > j1.$r.$f.x && "
                "sed 's/([0-9.]* s)$//; s/outj4/outj/g' j4.$r.$f | cmp -s - j1.$r.$f.x || exit 1; done; "
                "cmp -s j1.$r.rc j4.$r.rc || exit 1; done; diff -r outj1 outj4 && test $(cat j1.0.rc) = 1 && test $(cat j1.1.rc) = 1 && "
                "grep -q '^iwf: 17 lines, 8 wrapped, 0 already done, 9 failed' j1.0.txt && "
                "grep -q '^iwf: 17 lines, 0 wrapped, 8 already done, 9 failed' j1.1.txt && "
                "grep -q 'Kmix.csv:12: sip:d1@test.example: the same MC ID is on line 14: neither' j4.0.err"), 0);
    /* without the fixed randomness the wraps differ (the test can tell) */
    CHECK_EQ(sh(IWF "--jobs 4 --inventory mix.csv --out outj5 2> /dev/null; ! diff -r outj1 outj5 > /dev/null", bin), 0);
    /* the inventory from stdin */
    CHECK_EQ(sh(IWF "--inventory - --out outs < names.csv > stdin.txt", bin), 0);
    CHECK_EQ(sh("grep -q '5 lines, 5 wrapped' stdin.txt"), 0);
}

/* Issue 18, items 9-10: wrapping ahead for the next key period with that
 * period's IWF key set (no test clock needed), a key set of the wrong
 * period or of another identity refused with a message saying so. */
static void cli_rotation(void)
{
    if (!setup()) { CHECK(!"build/rootkey missing"); return; }
    if (sh("test -f iwf-next.xml && test -f names.csv") != 0) { CHECK(!"cli_client_profile, cli_batch_names first"); return; }
    CHECK_EQ(sh("%s iwf " FILES " --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --inventory names.csv "
                "--out outr > rot0.txt && grep -q '^iwf: signer sip:iwf@iwf.test.example (IWF key set of key period' rot0.txt", bin), 0);
    /* the current period's key set for the next period: refused, naming both */
    CHECK_EQ(sh("%s iwf " FILES " --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --inventory names.csv "
                "--out outr --period next", bin), 3);
    CHECK_EQ(sh("tail -2 log.err | grep -q 'IWF key set is for key period [0-9]* of kms.test.example, not [0-9]*'"), 0);
    /* with the next period's key set: every user again, for that period */
    CHECK_EQ(sh("%s iwf " FILES " --cert kms/kms-cert.xml --keyset iwf-next.xml --iwf-uri sip:iwf@iwf.test.example --inventory names.csv "
                "--out outr --period next > rot1.txt && grep -q '5 lines, 5 wrapped, 0 already done' rot1.txt", bin), 0);
    CHECK_EQ(sh("p=$(ls outr/*.state | sed -n 's/.*\\.p\\([0-9]*\\)\\.state/\\1/p' | sort -un | tr '\\n' ' '); "
                "set -- $p; test $# = 2 && test $2 = $(($1 + 1))"), 0);
    CHECK_EQ(sh("%s wrap --cert kms/kms-cert.xml --keyset iwf-next.xml --iwf-uri sip:iwf@iwf.test.example --period next "
                "--line '" ALICE_P25 "%s' --out next-el.xml && %s inspect next-el.xml > next-el.json", bin, keyfile(KEYS[0]), bin), 0);
    CHECK_EQ(sh("n=$(sed -n 's/.*\"key_period\": \\([0-9]*\\).*/\\1/p' next-el.json); "
                "test -n \"$n\" && ls outr/*.p$n.state > /dev/null"), 0);
    CHECK_EQ(sh("%s iwf " FILES " --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --inventory names.csv "
                "--out outr --period 1", bin), 2);
    /* 10. a user's key set as the signer: refused, naming whose it is */
    CHECK_EQ(sh("%s iwf " FILES " --cert kms/kms-cert.xml --keyset alice.xml --iwf-uri sip:iwf@iwf.test.example --inventory names.csv "
                "--out outa", bin), 3);
    CHECK_EQ(sh("tail -2 log.err | grep -q \"the key set is sip:alice@test.example's, not the IWF's (sip:iwf@iwf.test.example)\""), 0);
    CHECK_EQ(count_files("outa", ".state"), 0);
}

/* Issue 18, item 11: rootkey iwf status, CSV and JSON, a summary by state. */
static void cli_iwf_status(void)
{
    if (!setup()) { CHECK(!"build/rootkey missing"); return; }
    if (sh("test -d outr") != 0) { CHECK(!"cli_rotation first"); return; }
    char out[65536], cmd[4400];
    /* outr: 5 users in two key periods; one record marked delivered, one failed */
    CHECK_EQ(sh("set -- outr/*.state && sed -i 's/^delivered 0/delivered 1/; s/^http_status 0/http_status 201/; "
                "s/^etag $/etag \"v1,x\"/' $1 && sed -i 's/^http_status 0/http_status 409/; "
                "s/^error $/error HTTP 409 \"conflict\"/' $2"), 0);
    snprintf(cmd, sizeof cmd, "%s iwf status --out outr", bin);
    CHECK_EQ(sh_out(out, sizeof out, cmd), 0);
    static const char hdr[] = "mc_id,key_period,key_id,wrapped_at,state,http_status,answered_at,etag,last_error\r\n";
    CHECK(strncmp(out, hdr, sizeof hdr - 1) == 0);
    CHECK(strstr(out, "\"sip:m\xc3\xbcller@test.example\",\"") != NULL);
    CHECK(strstr(out, "\"delivered\",\"201\"") != NULL && strstr(out, "\"\"\"v1,x\"\"\"") != NULL);
    CHECK(strstr(out, "\"delivery failed\",\"409\"") != NULL);
    CHECK_EQ(sh("tail -1 log.err | grep -q 'iwf status: 10 records: 8 wrapped (not delivered), 1 delivered, 1 delivery failed'"), 0);
    snprintf(cmd, sizeof cmd, "%s iwf status --out outr --format json 2>>log.err | python3 -c 'import json,sys; d=json.load(sys.stdin); "
             "s=d[\"summary\"]; assert s == {\"records\": 10, \"wrapped\": 8, \"delivered\": 1, \"delivery_failed\": 1}, s; "
             "assert \"sip:m\\u00fcller@test.example\" in [r[\"mc_id\"] for r in d[\"records\"]]; print(\"ok\")'", bin);
    CHECK_EQ(sh_out(out, sizeof out, cmd), 0);
    CHECK(strcmp(out, "ok\n") == 0);
    CHECK_EQ(sh("%s iwf status --out nosuchdir", bin), 3);
    CHECK_EQ(sh("%s iwf status --out outr --format xml", bin), 2);
}

/* Issue 18, item 8: two batches on one directory at once; the lock lets one
 * run and refuses the other, so each user is wrapped once (the unlocked
 * batch wrapped most users twice, and left records that disagreed with the
 * element files).  Real processes, started together, several rounds. */
static void cli_batch_lock(void)
{
    if (!setup()) { CHECK(!"build/rootkey missing"); return; }
    if (sh("test -f kms/kms-cert.xml") != 0) community();
    CHECK_EQ(sh("for i in $(seq 1 30); do printf 'sip:l%%02d@test.example,kms.test.example," P25_IDS(1) ",hex:%s\\n' $i; "
                "done > lock.csv", KEYS[1]), 0);
    for (int r = 0; r < 4; r++) {
        CASE_BEGIN("concurrent batches, round %d", r);
        CHECK_EQ(sh("rm -rf outl && (" IWF "--inventory lock.csv --out outl > l1.txt 2> l1.err & "
                    IWF "--inventory lock.csv --out outl > l2.txt 2> l2.err & wait); "
                    "cat l1.err l2.err >&2; true", bin, bin), 0);
        /* 30 wraps in all, by whichever ran; the other was refused or found all done */
        CHECK_EQ(sh("w=$(cat l1.txt l2.txt | sed -n 's/.* lines, \\([0-9]*\\) wrapped.*/\\1/p' | paste -sd+ | bc); test \"$w\" = 30"), 0);
        CHECK_EQ(sh("grep -q 'another batch is running' l1.err l2.err || grep -q '0 wrapped, 30 already done' l1.txt l2.txt"), 0);
        /* every record names the key ID of its element file */
        CHECK_EQ(sh("for s in outl/*.state; do k=$(sed -n 's/^key_id //p' $s); e=outl/$(sed -n 's/^element //p' $s); "
                    "grep -q \"key-id=\\\"$k\\\"\" $e || exit 1; done"), 0);
        CHECK_EQ(count_files("outl", ".state"), 30);
        CASE_END();
    }
}

/* Issue 18, items 13-15: no key on a command line, no core dump, no key in
 * any message (the scan in cli_no_secrets covers every output). */
static void cli_secrets(void)
{
    if (!setup()) { CHECK(!"build/rootkey missing"); return; }
    if (sh("test -f kms/kms-cert.xml") != 0) community();
    /* 13. hex: keys on argv refused (usage), before anything is done */
    CHECK_EQ(sh("%s wrap --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --line 'sip:s@test.example,kms.test.example,"
                P25_IDS(1) ",hex:%s' --out s.xml", bin, KEYS[1]), 2);
    CHECK_EQ(sh("tail -1 log.err | grep -q -- '--line holds a key' && test ! -e s.xml"), 0);
    CHECK_EQ(sh("%s p25 modify-key --line 'sip:s@test.example,kms.test.example," P25_IDS(1) ",hex:%s' "
                "--teks teks.csv --mn 1 --out s.lmr", bin, KEYS[1]), 2);
    CHECK_EQ(sh("%s p25 modify-key --line 'sip:s@test.example,kms.test.example," P25_IDS(1) ",%s' "
                "--tek 0201,0003,85,hex:%s --mn 1 --out s.lmr", bin, keyfile(KEYS[1]), KEYS[7]), 2);
    CHECK_EQ(sh("tail -1 log.err | grep -q -- '--tek holds a key'"), 0);
    CHECK_EQ(sh("%s p25 modify-key --line 'sip:s@test.example,kms.test.example,TETRA,mcc=1;mnc=1;issi=1,%s' "
                "--blob hex:%s --out s.lmr", bin, keyfile(KEYS[1]), KEYS[8]), 2);
    /* ... and the line with its key read from stdin instead */
    CHECK_EQ(sh("printf '%%s\\n' 'sip:s@test.example,kms.test.example," P25_IDS(1) ",hex:%s' | "
                "%s wrap --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --line - --out s.xml", KEYS[1], bin), 0);
    CHECK_EQ(sh("%s inspect s.xml | grep -q sip:s@test.example", bin), 0);
    CHECK_EQ(sh("printf '%%s\\n' 'sip:s@test.example,kms.test.example," P25_IDS(1) ",hex:%s' | "
                "%s p25 modify-key --line - --teks teks.csv --mn 1 --out s.lmr", KEYS[0], bin), 0);
    /* 15. the key in the identifier column (columns swapped) is not echoed */
    CHECK_EQ(sh("printf '%%s\\n' 'sip:w@test.example,kms.test.example,P25,hex:%s,wacn=BEE00' "
                "'hex:%s,kms.test.example,P25,wacn=BEE00,sip:w2@test.example' > swapped.csv && "
                "%s iwf " FILES " --cert kms/kms-cert.xml --keyset iwf.xml --iwf-uri sip:iwf@iwf.test.example --inventory swapped.csv --out outw", KEYS[3], KEYS[3], bin), 1);
    CHECK_EQ(sh("grep -q 'swapped.csv:1: a key field' log.err && grep -q 'swapped.csv:2: a key field' log.err"), 0);
    /* 14. no core file and no ptrace: RLIMIT_CORE 0/0 and not dumpable (its
     * /proc entries belong to root although it runs as nobody) */
    CHECK_EQ(sh("cp iwf-now.xml iwf-pub.xml && cp kms/kms-cert.xml cert-pub.xml && chmod 644 iwf-pub.xml cert-pub.xml && "
                "chmod 755 . && ulimit -c unlimited; { sleep 3; } | setpriv --reuid=65534 --regid=65534 --clear-groups "
                "%s iwf " FILES " --cert cert-pub.xml --keyset iwf-pub.xml --iwf-uri sip:iwf@iwf.test.example --inventory - --out /tmp/rk-nobody-$$ & p=$!; "
                "sleep 2; grep -E 'Max core file size +0 +0 ' /proc/$p/limits && test \"$(stat -c %%u /proc/$p/environ)\" = 0; "
                "r=$?; wait $p; rm -rf /tmp/rk-nobody-$$ iwf-pub.xml cert-pub.xml; exit $r", prod), 0);
}

/* Issue 18, item 16: the installed command has no test hooks. */
static void cli_no_test_hooks(void)
{
    if (!setup()) { CHECK(!"build/rootkey missing"); return; }
    if (sh("test -f kms/kms-cert.xml") != 0) community();
    CHECK_EQ(sh("%s kms issue --dir kms --user sip:iwf@iwf.test.example --out iwf-now.xml > /dev/null", prod), 0);
    CHECK_EQ(sh("RK_TEST_CRASH_AFTER=1 %s iwf " FILES " --cert kms/kms-cert.xml --keyset iwf-now.xml --iwf-uri sip:iwf@iwf.test.example --inventory lock.csv "
                "--out outh > hooks.txt", prod), 0);
    CHECK_EQ(sh("grep -q '30 lines, 30 wrapped' hooks.txt"), 0);
    /* RK_TEST_SEED: the installed command's wraps stay random */
    CHECK_EQ(sh("RK_TEST_SEED=s8 %s iwf " FILES " --cert kms/kms-cert.xml --keyset iwf-now.xml --iwf-uri sip:iwf@iwf.test.example "
                "--inventory lock.csv --out outh2 > /dev/null && RK_TEST_SEED=s8 %s iwf " FILES " --cert kms/kms-cert.xml "
                "--keyset iwf-now.xml --iwf-uri sip:iwf@iwf.test.example --inventory lock.csv --out outh3 > /dev/null && "
                "! cmp -s outh2/state.key outh3/state.key", prod, prod), 0);
    /* RK_NOW: the key period is today's, not the one of the clock asked for
     * (1973-03-03: period 890 of this KMS) */
    CHECK_EQ(sh("RK_NOW=100000000 %s kms issue --dir kms --user sip:h@test.example --out h.xml | grep -q 'key period 890:'", bin), 0);
    CHECK_EQ(sh("RK_NOW=100000000 %s kms issue --dir kms --user sip:h@test.example --out h.xml | grep -q 'key period 890:'", prod), 1);
}

static void cli_demo_small(void)
{
    if (!setup()) { CHECK(!"build/rootkey missing"); return; }
    CHECK_EQ(sh("%s demo --users 3 --jobs 3 --dir demo > demo.txt", bin), 0);   /* three wrap threads */
    CHECK_EQ(sh("grep -q 'demo PASSED: 3/3' demo.txt"), 0);
    /* through the test CMS, which is stopped and removed afterwards */
    CHECK_EQ(sh("grep -q '^  CMS: Apache httpd' demo.txt && grep -q 'elements put into the users. profiles over HTTPS' demo.txt"), 0);
    CHECK_EQ(sh("! grep -q 'test CMS files kept' demo.txt"), 0);
}

/* Last: every output of the suite (stdout, stderr, every non-secret file
 * written) is searched for each root key in hex (both cases) and base64. */
static void cli_no_secrets(void)
{
    if (!setup()) { CHECK(!"build/rootkey missing"); return; }
    for (size_t i = 0; i < sizeof KEYS / sizeof *KEYS; i++) {
        CASE_BEGIN("key %zu", i);
        CHECK_EQ(sh("files=$(find . -type f ! -name '*.csv' ! -name 'k.hex' ! -name 'tek2.hex' ! -path './kms/*' ! -name '*.key' "
                    "! -path './demo/inventory.csv' ! -path './demo/keys/*' ! -name 'iwf*.xml' ! -name 'alice.xml' "
                    "! -name 'bob.xml' ! -name 'bad.xml'); "
                    "lc=$(printf %%s %s | tr A-F a-f); b64=$(printf %%s %s | xxd -r -p | base64 -w0 | tr -d =); "
                    "! grep -l -i -e %s -e \"$lc\" $files && ! grep -l -F -e \"$b64\" $files",
                    KEYS[i], KEYS[i], KEYS[i]), 0);
        CASE_END();
    }
    /* the user's SSK and RSK and the storage key never leave their files either */
    CHECK_EQ(sh("files=$(find . -type f ! -path './kms/*' ! -path './demo/keys/*' ! -name '*.xml' ! -name '*.key' ! -name '*.b64'); "
                "files=\"$files $(find . -name '*.element.xml') alice-profile.xml\"; "
                "for tag in UserSigningKeySSK UserDecryptKey; do v=$(sed -n \"s/.*<$tag[^>]*>\\(.*\\)<\\/$tag>.*/\\1/p\" alice.xml); "
                "test -n \"$v\" || exit 1; ! grep -l -i -F -e \"$v\" $files || exit 1; done; "
                "! grep -l -i -F -e $(cat storage.key) $files"), 0);
    /* the inventory keys did reach the scanned outputs' inputs (the scan is not vacuous) */
    CHECK_EQ(sh("grep -q -i %s inv.csv", KEYS[1]), 0);
    exit_codes();
    if (!getenv("RK_KEEP")) { char c[4300]; snprintf(c, sizeof c, "rm -rf '%s'", dir); CHECK_EQ(system(c), 0); }
}

void rk_suite_cli(void)
{
    RUN(cli_help);
    RUN(cli_wrap_unwrap);
    RUN(cli_p25);
    RUN(cli_store_lock);
    RUN(cli_client_profile);
    RUN(cli_keysets_cache);
    RUN(cli_inventory_errors);
    RUN(cli_crash_resume);
    RUN(cli_batch_names);
    RUN(cli_rotation);
    RUN(cli_iwf_status);
    RUN(cli_batch_lock);
    RUN(cli_no_test_hooks);
    RUN(cli_secrets);
    RUN(cli_demo_small);
    RUN(cli_no_secrets);
}
