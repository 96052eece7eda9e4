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

#define NOW "1764300000"   /* 2025-11-28, a fixed clock for the whole suite */

static char bin[4096], dir[4096];

static int setup(void)
{
    snprintf(bin, sizeof bin, "%s/../build/rootkey", RK_VECTOR_DIR);
    if (access(bin, X_OK) != 0) return 0;
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
    char cmd[16384], full[24000];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    snprintf(full, sizeof full, "cd '%s' && { %s ; } >>log.out 2>>log.err", dir, cmd);
    int r = system(full);
    if (r == -1 || !WIFEXITED(r)) return -1;
    return WEXITSTATUS(r);
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

static void cli_help(void)
{
    if (!setup()) { CHECK(!"build/rootkey missing: run make build/rootkey"); return; }
    static const char *cmds[] = {"kms", "wrap", "unwrap", "iwf", "inspect", "mikey", "selftest", "bench", "demo",
                                 "p25", "p25 modify-key", "p25 receive"};
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        CASE_BEGIN("%s --help", cmds[i]);
        CHECK_EQ(sh("%s %s --help", bin, cmds[i]), 0);
        CASE_END();
    }
    CHECK_EQ(sh("%s no-such-command", bin), 2);
    CHECK_EQ(sh("%s", bin), 2);
    CHECK_EQ(sh("%s iwf --shard 3/2 --cert a --keyset b --inventory c --out d", bin), 2);
    /* golden: the top-level usage and the self-test report */
    CHECK_EQ(sh("%s --help > help.txt && cmp help.txt %s/../tests/golden/help.txt", bin, RK_VECTOR_DIR), 0);
    CHECK_EQ(sh("%s selftest > selftest.txt && cmp selftest.txt %s/../tests/golden/selftest.txt", bin, RK_VECTOR_DIR), 0);
}

static void cli_wrap_unwrap(void)
{
    if (!setup()) { CHECK(!"build/rootkey missing"); return; }
    community();
    CHECK_EQ(sh("grep -c '<KmsCertificate' kms/kms-cert.xml"), 0);
    /* wrap one user into a profile document, unwrap it on the client */
    CHECK_EQ(sh("printf '<mcptt-user-profile xmlns=\"urn:3gpp:ns:mcpttUserProfile:1.0\"><anyExt/></mcptt-user-profile>' > empty.xml"), 0);
    CHECK_EQ(sh("%s wrap --cert kms/kms-cert.xml --keyset iwf.xml --line 'sip:alice@test.example,kms.test.example,P25,"
                "wacn=BEE00;sys=3A1;rsi=1234567;algid=84;kid=F1A2;keyset=1,hex:%s' --profile empty.xml --out alice-profile.xml",
                bin, KEYS[0]), 0);
    CHECK_EQ(sh("%s unwrap --cert kms/kms-cert.xml --keyset alice.xml --iwf-uri sip:iwf@iwf.test.example "
                "--profile alice-profile.xml --store alice.store --storage-key storage.key", bin), 0);
    CHECK_EQ(sh("tail -1 log.out | grep -q '1 element(s) accepted, 0 refused'"), 0);
    /* the same element again: a replay, refused; the store keeps one key */
    CHECK_EQ(sh("%s unwrap --cert kms/kms-cert.xml --keyset alice.xml --iwf-uri sip:iwf@iwf.test.example "
                "--profile alice-profile.xml --store alice.store --storage-key storage.key", bin), 4);
    CHECK_EQ(sh("tail -1 log.err | grep -q 'replay'"), 0);
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
#define ALICE_P25 "sip:alice@test.example,kms.test.example,P25,wacn=BEE00;sys=3A1;rsi=1234567;algid=84;kid=F1A2;keyset=1,hex:"
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
                "cmp p25-mk.txt %s/p25_modify_key.txt", bin, KEYS[0], G), 0);
    CHECK_EQ(sh("printf '%%s\\n' 'mcptt_id,kms_uri,lmr_type,lmr_ids,key' '" ALICE_P25 "%s' > p25inv.csv && "
                "%s p25 modify-key --inventory p25inv.csv --user sip:alice@test.example --teks teks.csv --mn 1 "
                "--out m1b.lmr > /dev/null && cmp m1.lmr m1b.lmr", KEYS[0], bin), 0);
    CHECK_EQ(sh("%s p25 modify-key --inventory p25inv.csv --user sip:nobody@test.example --teks teks.csv --mn 1 --out x.lmr", bin), 3);
    /* client: accepted once, TEKs not printed; golden with the root-key ID masked */
    CHECK_EQ(sh("%s p25 receive --store alice.store --storage-key storage.key --message m1.lmr > p25-rx.json && "
                "sed 's/\"root_key_id\": \"[0-9A-F]*\"/\"root_key_id\": \"MASKED\"/' p25-rx.json > p25-rx.masked && "
                "cmp p25-rx.masked %s/p25_receive.json", bin, G), 0);
    /* the replay state is in the sealed store: a second run refuses */
    CHECK_EQ(sh("%s p25 receive --store alice.store --storage-key storage.key --message m1.lmr", bin), 4);
    CHECK_EQ(sh("tail -1 log.err | grep -q 'replayed or old message number (-1117)'"), 0);
    /* a newer number, CBC-MAC form, one TEK on the command line; TEKs shown on request only */
    CHECK_EQ(sh("%s p25 modify-key --line '" ALICE_P25 "%s' --tek 0201,0003,85,hex:%s --mn 2 --mac cbc "
                "--keyset 2 --src-rsi 9999999 --out m2.lmr", bin, KEYS[0], KEYS[7]), 0);
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
        CHECK_EQ(sh("%s p25 modify-key --line 'sip:alice@test.example,kms.test.example,P25,%s,hex:%s' --teks teks.csv "
                    "--mn %d --out bad%zu.lmr", bin, C[i].line_ids, C[i].key ? C[i].key : KEYS[0], C[i].mn, i), 0);
        CHECK_EQ(sh("%s p25 receive --store alice.store --storage-key storage.key --message bad%zu.lmr", bin, i), C[i].rc);
        CHECK_EQ(sh("tail -1 log.err | grep -q -F '%s'", C[i].err), 0);
        CASE_END();
    }
    CASE_BEGIN("receive: tampered, truncated, wrong storage key, no store; TEK list errors; TETRA");
    CHECK_EQ(sh("%s p25 modify-key --line '" ALICE_P25 "%s' --teks teks.csv --mn 3 --out m3.lmr", bin, KEYS[0]), 0);
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
                "--teks badteks.csv --mn 4 --out x.lmr", bin, KEYS[0]), 3);
    CHECK_EQ(sh("tail -1 log.err | grep -q 'badteks.csv:1: key: AES-256 needs 32 octets'"), 0);
    CHECK_EQ(sh("%s p25 modify-key --line '" ALICE_P25 "%s' --teks teks.csv --mn 70000 --out x.lmr", bin, KEYS[0]), 2);
    CHECK_EQ(sh("%s p25 modify-key --line '" ALICE_P25 "%s' --teks teks.csv --mn 4 --mac des --out x.lmr", bin, KEYS[0]), 2);
    /* the same root key delivered again (a later wrap, a new root-key ID): the replay state follows it */
    CHECK_EQ(sh("RK_NOW=$((%s + 600)) %s wrap --cert kms/kms-cert.xml --keyset iwf.xml --line '" ALICE_P25 "%s' "
                "--profile empty.xml --out alice-profile2.xml && RK_NOW=$((%s + 600)) %s unwrap --cert kms/kms-cert.xml "
                "--keyset alice.xml --iwf-uri sip:iwf@iwf.test.example --profile alice-profile2.xml --store alice.store "
                "--storage-key storage.key", NOW, bin, KEYS[0], NOW, bin), 0);
    CHECK_EQ(sh("tail -1 log.out | grep -q 'holds 2 root key(s)'"), 0);
    CHECK_EQ(sh("%s p25 receive --store alice.store --storage-key storage.key --message m3.lmr", bin), 4);
    CHECK_EQ(sh("tail -1 log.err | grep -q '(-1117)'"), 0);
    /* TETRA: Bob's KEK, an opaque blob wrapped with AES-KW / AES-KWP */
    CHECK_EQ(sh("%s wrap --cert kms/kms-cert.xml --keyset iwf.xml --line 'sip:bob@test.example,kms.test.example,TETRA,"
                "mcc=901;mnc=16383;issi=7;kn=1,hex:%s' --profile empty.xml --out bob-profile.xml && "
                "%s unwrap --cert kms/kms-cert.xml --keyset bob.xml --iwf-uri sip:iwf@iwf.test.example "
                "--profile bob-profile.xml --store bobt.store --storage-key storage.key", bin, KEYS[3], bin), 0);
    CHECK_EQ(sh("%s p25 modify-key --line 'sip:bob@test.example,kms.test.example,TETRA,mcc=901;mnc=16383;issi=7;kn=1,hex:%s' "
                "--blob hex:%s --out t1.lmr > p25-tetra.txt && cmp p25-tetra.txt %s/p25_tetra.txt", bin, KEYS[3], KEYS[8], G), 0);
    CHECK_EQ(sh("%s p25 modify-key --line 'sip:bob@test.example,kms.test.example,TETRA,mcc=901;mnc=16383;issi=7;kn=1,hex:%s' "
                "--blob hex:%s --kwp --out t2.lmr", bin, KEYS[3], KEYS[9]), 0);
    CHECK_EQ(sh("%s p25 receive --store bobt.store --storage-key storage.key --message t1.lmr > t1.json && "
                "grep -q '\"blob_length\": 32' t1.json && ! grep -q '\"blob\"' t1.json", bin), 0);
    snprintf(cmd, sizeof cmd, "%s p25 receive --store bobt.store --storage-key storage.key --message t2.lmr --show-secrets", bin);
    CHECK_EQ(sh_out(out, sizeof out, cmd), 0);
    CHECK(strstr(out, "\"wrap\": \"AES-KWP\"") != NULL && strstr(out, "9e9e9e9e00") != NULL);
    CHECK_EQ(sh("%s p25 modify-key --line 'sip:bob@test.example,kms.test.example,TETRA,mcc=901;mnc=16383;issi=7;kn=1,hex:%s' "
                "--teks teks.csv --mn 1 --out x.lmr", bin, KEYS[3]), 2);
    /* a P25 message to Bob's store (no P25 root key): refused */
    CHECK_EQ(sh("%s p25 receive --store bobt.store --storage-key storage.key --message m3.lmr", bin), 4);
    CHECK_EQ(sh("tail -1 log.err | grep -q '(-1301)'"), 0);
    CASE_END();
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
    CHECK_EQ(sh("%s iwf --cert kms/kms-cert.xml --keyset iwf.xml --inventory inv.csv --out out1 "
                "--xcap-root https://xcap.test.example/root > iwf1.txt", bin), 1);
    CHECK_EQ(sh("grep -q 'inv.csv:3: P25 needs' log.err"), 0);
    CHECK_EQ(sh("grep -q 'inv.csv:4: lmr_type' log.err"), 0);
    CHECK_EQ(sh("grep -q 'inv.csv:7: key' log.err"), 0);
    CHECK_EQ(sh("grep -q 'inv.csv:8: sip:u6@test.example: kms_uri' log.err"), 0);
    CHECK_EQ(sh("grep -q 'inv.csv:10: expected 5 fields' log.err"), 0);
    CHECK_EQ(sh("grep -q '8 lines, 3 wrapped, 0 already done, 5 failed' iwf1.txt"), 0);
    CHECK_EQ(count_files("out1", ".element.xml"), 3);
    CHECK_EQ(count_files("out1", ".xcap"), 3);
    CHECK_EQ(count_files("out1", ".done"), 3);
    CHECK_EQ(sh("grep -q '^PUT https://xcap.test.example/root/org.3gpp.mcptt.user-profile/users/sip%%3Au1@test.example/' out1/*u1*.xcap"), 0);
    CHECK_EQ(sh("grep -q 'Content-Type: application/xcap-el+xml' out1/*u1*.xcap"), 0);
    /* the whole request as docs/profile-element.md 5 gives it: PUT, the
     * document URI under the XCAP root with AUID org.3gpp.mcptt.user-profile,
     * the element selector on key-id and key-period with the rk binding, the
     * Host, Content-Type and Content-Length headers, a blank line, then
     * exactly the element file */
    CHECK_EQ(sh("head -1 out1/*u1*.xcap | grep -qE '^PUT https://xcap\\.test\\.example/root/"
                "org\\.3gpp\\.mcptt\\.user-profile/users/sip%%3Au1@test\\.example/user-profile\\.xml/~~/"
                "mcptt-user-profile/anyExt/rk:lmr-root-key%%5b@key-id=%%22[0-9A-F]{8}%%22%%5d"
                "%%5b@key-period=%%22[0-9]+%%22%%5d\\?xmlns\\(rk=urn:rootkey:xml:ns:lmr-root-key:1\\) "
                "HTTP/1\\.1\r$'"), 0);
    CHECK_EQ(sh("x=$(ls out1/*u1*.xcap) && e=$(ls out1/*u1*.element.xml) && "
                "sed -n 2p $x | grep -qx 'Host: xcap.test.example.' && "
                "sed -n 3p $x | grep -qx 'Content-Type: application/xcap-el+xml.' && "
                "test \"$(sed -n 4p $x | tr -d '\\r')\" = \"Content-Length: $(wc -c < $e)\" && "
                "sed -n 5p $x | grep -qx '.' && tail -c $(wc -c < $e) $x | cmp -s - $e"), 0);
    /* shards: 0/2 and 1/2 together do each good user once */
    CHECK_EQ(sh("%s iwf --cert kms/kms-cert.xml --keyset iwf.xml --inventory inv.csv --out out2 --shard 0/2", bin), 1);
    CHECK_EQ(sh("%s iwf --cert kms/kms-cert.xml --keyset iwf.xml --inventory inv.csv --out out2 --shard 1/2", bin), 1);
    CHECK_EQ(count_files("out2", ".done"), 3);
}

static void cli_crash_resume(void)
{
    if (!setup()) { CHECK(!"build/rootkey missing"); return; }
    if (sh("test -f kms/kms-cert.xml") != 0) community();
    /* 12 users; the batch dies (_exit) after 5 */
    CHECK_EQ(sh("for i in $(seq 1 12); do printf 'sip:c%%02d@test.example,kms.test.example,P25,wacn=BEE00;sys=3A1;rsi=%%d;algid=84;kid=1;keyset=1,hex:%s\\n' $i $i; done > crash.csv", KEYS[0]), 0);
    CHECK_EQ(sh("RK_TEST_CRASH_AFTER=5 %s iwf --cert kms/kms-cert.xml --keyset iwf.xml --inventory crash.csv --out outc", bin), 99);
    CHECK_EQ(count_files("outc", ".done"), 5);
    CHECK_EQ(count_tmp("outc"), 0);
    CHECK_EQ(sh("%s iwf --cert kms/kms-cert.xml --keyset iwf.xml --inventory crash.csv --out outc > resume.txt", bin), 0);
    CHECK_EQ(sh("grep -q '12 lines, 7 wrapped, 5 already done, 0 failed' resume.txt"), 0);
    CHECK_EQ(count_files("outc", ".done"), 12);
    CHECK_EQ(count_files("outc", ".element.xml"), 12);
    CHECK_EQ(count_files("outc", ".xcap"), 12);
    CHECK_EQ(count_tmp("outc"), 0);
    /* every element file is whole: the profile reader accepts each */
    CHECK_EQ(sh("for f in outc/*.element.xml; do %s inspect $f > /dev/null || exit 1; done", bin), 0);
    /* a real SIGKILL at an arbitrary point: the rerun completes every user
     * once; no final-named file is partial (a leftover *.tmp* is allowed) */
    CHECK_EQ(sh("%s iwf --cert kms/kms-cert.xml --keyset iwf.xml --inventory crash.csv --out outk > /dev/null 2>&1 & "
                "p=$!; sleep 1; kill -KILL $p; wait $p; true", bin), 0);
    CHECK_EQ(sh("%s iwf --cert kms/kms-cert.xml --keyset iwf.xml --inventory crash.csv --out outk > killed.txt", bin), 0);
    CHECK_EQ(sh("grep -q '12 lines, .* wrapped, .* already done, 0 failed' killed.txt"), 0);
    CHECK_EQ(count_files("outk", ".done"), 12);
    CHECK_EQ(count_files("outk", ".element.xml"), 12);
    CHECK_EQ(sh("for f in outk/*.element.xml; do %s inspect $f > /dev/null || exit 1; done", bin), 0);
    /* a third run does nothing */
    CHECK_EQ(sh("%s iwf --cert kms/kms-cert.xml --keyset iwf.xml --inventory crash.csv --out outc > again.txt", bin), 0);
    CHECK_EQ(sh("grep -q '12 lines, 0 wrapped, 12 already done' again.txt"), 0);
}

static void cli_demo_small(void)
{
    if (!setup()) { CHECK(!"build/rootkey missing"); return; }
    CHECK_EQ(sh("%s demo --users 3 --dir demo > demo.txt", bin), 0);
    CHECK_EQ(sh("grep -q 'demo PASSED: 3/3' demo.txt"), 0);
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
    if (!getenv("RK_KEEP")) { char c[4300]; snprintf(c, sizeof c, "rm -rf '%s'", dir); CHECK_EQ(system(c), 0); }
}

void rk_suite_cli(void)
{
    RUN(cli_help);
    RUN(cli_wrap_unwrap);
    RUN(cli_p25);
    RUN(cli_inventory_errors);
    RUN(cli_crash_resume);
    RUN(cli_demo_small);
    RUN(cli_no_secrets);
}
