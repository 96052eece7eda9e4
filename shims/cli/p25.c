/* SPDX-License-Identifier: Apache-2.0
 * shims/cli/p25.c - rootkey p25: LMR key messages after the root key
 * (docs/p25.md, docs/cli.md).  modify-key (IWF side) builds a MACed P25
 * Modify Key Command with TEKs wrapped under the user's UKEK (or, for a
 * TETRA user, an AES-KW/KWP blob under the KEK); receive (client side)
 * checks and unwraps one against the sealed key store and stores the
 * replay state.  TEKs are printed only with --show-secrets.
 */
#include <errno.h>
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "client/client.h"
#include "client/keystore.h"
#include "client/lmrkey.h"
#include "common/atomic.h"
#include "iwf/iwf.h"
#include "rootkey/hex.h"
#include "cli/cli.h"

void no_key_on_argv(const char *cmd, const char *opt);   /* main.c */

/* Malformed input (3): unreadable files, malformed lists, transport and
 * frame structure (rk_p25_kmm_parse's codes, checked before any key is
 * used).  Everything else that refuses a message is a failed check (4). */
static int ex_p25(rk_status st)
{
    if (st == RK_OK) return EX_OK;
    if (st == RK_ERR_ALLOC || st == RK_ERR_INTERNAL) return EX_INTERNAL;
    if (st == RK_ERR_IO || st == RK_ERR_IWF_TOO_LARGE || st == RK_ERR_STORE_LMR_MESSAGE || st == RK_ERR_STORE_TEK_LIST ||
        st == RK_ERR_STORE_INVENTORY || st == RK_ERR_STORE_FORMAT || st == RK_ERR_STORE_TRUNCATED ||
        st == RK_ERR_LENGTH || (st <= RK_ERR_P25_TRUNCATED && st >= RK_ERR_P25_MAC_FORMAT) ||
        st == RK_ERR_P25_NO_MAC)
        return EX_INPUT;
    return EX_CRYPTO;
}

static int perr(const char *what, rk_status st)
{
    fprintf(stderr, "rootkey p25: %s: %s (%d)\n", what, rk_strerror(st), (int)st);
    return ex_p25(st);
}

static void usage_p25(FILE *f)
{
    fprintf(f,
        "usage: rootkey p25 modify-key (--line CSV|- | --inventory FILE --user MCPTT-ID)\n"
        "                              (--teks FILE | --tek KID,SLN,ALGID,file:PATH ...) --mn N\n"
        "                              [--keyset N] [--src-rsi RSI] [--mac cmac|cbc] --out FILE\n"
        "       rootkey p25 modify-key (--line CSV|- | --inventory FILE --user MCPTT-ID)\n"
        "                              --blob file:PATH [--kwp] --out FILE      (TETRA user)\n"
        "       rootkey p25 receive --store STORE --storage-key KEYFILE --message FILE\n"
        "                           [--root-key-id HEX] [--show-secrets]\n"
        "modify-key (IWF): a P25 Modify Key Command (KMM 0x13) for the user's RSI, TEKs wrapped\n"
        "under the user's UKEK with AES-KW, message number N, MAC CMAC (0x41, default) or CBC-MAC\n"
        "(0x40), from the KMF RSI (default 9999999), written in the TS 23.283 10.12 transport form\n"
        "(LMR type || payload).  The root key comes from the inventory line (docs/inventory.md;\n"
        "- reads it from stdin); no argument may hold a key (hex:): keys come from files.\n"
        "TEK list lines: key_id,sln,algid,key (hex; algid 84 or 85; key hex:... or file:...).\n"
        "For a TETRA line: the blob wrapped under the KEK with AES-KW (or AES-KWP with --kwp);\n"
        "no public TETRA key-message format exists.\n"
        "receive (client): check and unwrap a key message with the root keys of the sealed key\n"
        "store (MAC, destination RSI, key IDs, ALGIDs, message number newer than the last from\n"
        "that source, every TEK's key-wrap check); the replay state is stored in STORE.  Prints\n"
        "JSON; TEKs and the TETRA blob only with --show-secrets.\n"
        "Exit: 0 ok, 2 usage, 3 malformed input, 4 refused (a check failed), 5 internal.\n");
}

static rk_status storage_key(const char *path, uint8_t key[32])
{
    char h[80];
    size_t n = 0, ol = 0;
    rk_status st = rk_file_read(path, (uint8_t *)h, sizeof h, &n);
    if (st != RK_OK) return st;
    while (n && (h[n-1] == '\n' || h[n-1] == ' ' || h[n-1] == '\r')) n--;
    st = (n == 64) ? rk_hex_decode(key, 32, h, 64, &ol) : RK_ERR_LENGTH;
    sodium_memzero(h, sizeof h);
    return st;
}

static int cmd_modify(int argc, char **argv)
{
    const char *cl = NULL, *inv = NULL, *user = NULL, *tekf = NULL, *out = NULL, *blob = NULL;
    const char *tek[RK_LMRKEY_MAX_TEKS];
    size_t ntek = 0;
    long mn = -1, keyset = 1, src = 9999999;
    int mac = RK_P25_MAC_FORMAT_CMAC, kwp = 0;
    static struct option o[] = {{"line", 1, 0, 'l'}, {"inventory", 1, 0, 'i'}, {"user", 1, 0, 'u'},
        {"teks", 1, 0, 'T'}, {"tek", 1, 0, 't'}, {"mn", 1, 0, 'n'}, {"keyset", 1, 0, 'k'},
        {"src-rsi", 1, 0, 's'}, {"mac", 1, 0, 'm'}, {"out", 1, 0, 'o'}, {"blob", 1, 0, 'b'},
        {"kwp", 0, 0, 'P'}, {"help", 0, 0, 'h'}, {0, 0, 0, 0}};
    optind = 2;
    for (int c; (c = getopt_long(argc, argv, "", o, NULL)) != -1;) {
        char *end = NULL;
        switch (c) {
        case 'l': cl = optarg; break;
        case 'i': inv = optarg; break;
        case 'u': user = optarg; break;
        case 'T': tekf = optarg; break;
        case 't': if (ntek == RK_LMRKEY_MAX_TEKS) { usage_p25(stderr); return EX_USAGE; }
                  tek[ntek++] = optarg; break;
        case 'n': mn = strtol(optarg, &end, 10); if (*end || mn < 0 || mn > 65535) mn = -2; break;
        case 'k': keyset = strtol(optarg, &end, 10); if (*end || keyset < 0 || keyset > 255) keyset = -1; break;
        case 's': src = strtol(optarg, &end, 10); if (*end || src < 0 || src > 0xffffff) src = -1; break;
        case 'm': mac = !strcmp(optarg, "cmac") ? RK_P25_MAC_FORMAT_CMAC : !strcmp(optarg, "cbc") ? RK_P25_MAC_FORMAT_CBC : -1; break;
        case 'o': out = optarg; break;
        case 'b': blob = optarg; break;
        case 'P': kwp = 1; break;
        case 'h': usage_p25(stdout); return EX_OK;
        default: usage_p25(stderr); return EX_USAGE;
        }
    }
    if (!out || (!cl == !(inv && user)) || mn == -2 || keyset < 0 || src < 0 || mac < 0) {
        usage_p25(stderr); return EX_USAGE;
    }
    const char *opt = cl && rk_iwf_argv_key(cl) ? "--line" : blob && rk_iwf_argv_key(blob) ? "--blob" : NULL;
    for (size_t i = 0; i < ntek; i++) if (rk_iwf_argv_key(tek[i])) opt = "--tek";
    if (opt) { no_key_on_argv("p25", opt); return EX_USAGE; }
    char err[512] = "", id[256], kms[256];
    char *line = sodium_malloc(RK_IWF_LINE_MAX + 1);
    rk_lmr_block *b = sodium_malloc(sizeof *b);
    rk_p25_tek *teks = sodium_malloc(RK_LMRKEY_MAX_TEKS * sizeof *teks);
    uint8_t *bl = sodium_malloc(RK_LMRKEY_TETRA_MAX), msg[RK_LMRKEY_MAX_BYTES + 16];
    size_t n = 0, blen = 0, ml = 0;
    int rc = EX_OK;
    rk_status st;
    if (!line || !b || !teks || !bl) { rc = perr("guarded memory", RK_ERR_ALLOC); goto out; }
    size_t ll = 0;
    if (cl && strcmp(cl, "-")) {
        if ((ll = strlen(cl)) > RK_IWF_LINE_MAX) { rc = perr("--line", RK_ERR_IWF_LINE_TOO_LONG); goto out; }
        memcpy(line, cl, ll + 1);
    } else if ((st = rk_iwf_find_line(cl ? "-" : inv, cl ? NULL : user, line, RK_IWF_LINE_MAX + 1, &ll,
                                      err, sizeof err)) != RK_OK) {
        fprintf(stderr, "rootkey p25: %s\n", err);
        rc = ex_p25(st); goto out;
    }
    st = rk_iwf_parse_record(line, ll, id, sizeof id, kms, sizeof kms, b, err, sizeof err);
    if (st != RK_OK) { fprintf(stderr, "rootkey p25: inventory line: %s\n", err); rc = EX_INPUT; goto out; }
    if (b->lmr_type == RK_LMR_TETRA) {
        if (!blob || tekf || ntek || mn >= 0) {
            fprintf(stderr, "rootkey p25: %s is a TETRA user: give --blob (and no TEKs, no --mn)\n", id);
            rc = EX_USAGE; goto out;
        }
        st = rk_iwf_hex_spec(blob, strlen(blob), bl, RK_LMRKEY_TETRA_MAX, &blen, err, sizeof err);
        if (st != RK_OK) { fprintf(stderr, "rootkey p25: --blob: %s\n", err); rc = EX_INPUT; goto out; }
        st = rk_iwf_tetra_message(b, kwp, bl, blen, msg, sizeof msg, &ml);
        if (st != RK_OK) { rc = perr("TETRA wrap", st); goto out; }
        st = rk_cli_write_out(out, msg, ml, 0644);
        if (st != RK_OK) { rc = perr(out, st); goto out; }
        fprintf(info_of(out), "p25 modify-key: TETRA %s: %zu-octet blob wrapped under the KEK with %s: %s (%zu octets)\n",
               id, blen, kwp ? "AES-KWP" : "AES-KW", out, ml);
        goto out;
    }
    if (b->lmr_type != RK_LMR_P25 || blob || mn < 0 || (!tekf == !ntek)) {
        if (b->lmr_type != RK_LMR_P25) fprintf(stderr, "rootkey p25: %s: not a P25 or TETRA user\n", id);
        usage_p25(stderr); rc = EX_USAGE; goto out;
    }
    if (tekf) st = rk_iwf_tek_list(tekf, (uint8_t)keyset, teks, RK_LMRKEY_MAX_TEKS, &n, err, sizeof err);
    else for (st = RK_OK; st == RK_OK && n < ntek; n++) {
        st = rk_iwf_tek_line(tek[n], (uint8_t)keyset, &teks[n], err, sizeof err);
        if (st != RK_OK) fprintf(stderr, "rootkey p25: --tek #%zu: %s\n", n + 1, err);
    }
    if (st != RK_OK) { if (tekf) fprintf(stderr, "rootkey p25: %s\n", err); rc = EX_INPUT; goto out; }
    st = rk_iwf_p25_message(b, teks, n, (uint32_t)src, (uint16_t)mn, (uint8_t)mac, msg, sizeof msg, &ml);
    if (st != RK_OK) { rc = perr("Modify Key Command", st); goto out; }
    st = rk_cli_write_out(out, msg, ml, 0644);
    if (st != RK_OK) { rc = perr(out, st); goto out; }
    fprintf(info_of(out), "p25 modify-key: %s: %zu TEK(s) (keyset %ld, ALGID %02X) for RSI %u under UKEK %04X, "
           "message number %ld from RSI %ld, MAC %s: %s (%zu octets)\n",
           id, n, keyset, (unsigned)teks[0].algid, (unsigned)b->unit_id, (unsigned)b->key_id, mn, src,
           mac == RK_P25_MAC_FORMAT_CMAC ? "CMAC" : "CBC-MAC", out, ml);
out:
    if (line) { sodium_memzero(line, RK_IWF_LINE_MAX + 1); sodium_free(line); }
    if (b) sodium_free(b);
    if (teks) sodium_free(teks);
    if (bl) sodium_free(bl);
    return rc;
}

static void hexq(const uint8_t *p, size_t n)
{
    putchar('"');
    for (size_t i = 0; i < n; i++) printf("%02x", p[i]);
    putchar('"');
}

static int cmd_receive(int argc, char **argv)
{
    const char *store = NULL, *skf = NULL, *msgf = NULL;
    unsigned long rkid = 0;
    int show = 0;
    static struct option o[] = {{"store", 1, 0, 's'}, {"storage-key", 1, 0, 'K'}, {"message", 1, 0, 'm'},
        {"root-key-id", 1, 0, 'r'}, {"show-secrets", 0, 0, 'S'}, {"help", 0, 0, 'h'}, {0, 0, 0, 0}};
    optind = 2;
    for (int c; (c = getopt_long(argc, argv, "", o, NULL)) != -1;) {
        char *end = NULL;
        switch (c) {
        case 's': store = optarg; break;
        case 'K': skf = optarg; break;
        case 'm': msgf = optarg; break;
        case 'r': rkid = strtoul(optarg, &end, 16); if (*end || rkid > 0xffffffffUL) { usage_p25(stderr); return EX_USAGE; } break;
        case 'S': show = 1; break;
        case 'h': usage_p25(stdout); return EX_OK;
        default: usage_p25(stderr); return EX_USAGE;
        }
    }
    if (!store || !skf || !msgf) { usage_p25(stderr); return EX_USAGE; }
    uint8_t *sk = sodium_malloc(32), msg[RK_LMRKEY_MAX_BYTES + 1];
    rk_lmrkey_result *r = sodium_malloc(sizeof *r);
    rk_keystore *ks = rk_keystore_new(256);
    size_t ml = 0;
    int rc = EX_OK, lk = -1;
    rk_status st;
    if (!sk || !r || !ks) { rc = perr("guarded memory", RK_ERR_ALLOC); goto out; }
    if ((st = storage_key(skf, sk)) != RK_OK) { rc = perr("storage key", st); goto out; }
    /* the replay state is read, checked and written under the store's lock */
    if (access(store, F_OK) != 0) { fprintf(stderr, "rootkey p25: %s: %s\n", store, strerror(errno)); rc = EX_INPUT; goto out; }
    if ((lk = rk_keystore_lock(store)) < 0) { fprintf(stderr, "rootkey p25: %s.lock: %s\n", store, strerror(errno)); rc = EX_INPUT; goto out; }
    if ((st = rk_keystore_load(ks, store, sk)) != RK_OK) { rc = perr(store, st); goto out; }
    st = rk_file_read(msgf, msg, sizeof msg, &ml);
    if (st != RK_OK) { rc = perr(msgf, st); goto out; }
    st = rk_client_lmr_receive(ks, msg, ml, (uint32_t)rkid, now_unix(), r);
    if (st != RK_OK) {
        fprintf(stderr, "rootkey p25 receive: refused: %s (%d)\n", rk_strerror(st), (int)st);
        rc = ex_p25(st); goto out;
    }
    if (r->lmr_type == RK_LMR_P25) {
        /* persist the replay state before anything is released */
        st = rk_keystore_save(ks, store, sk);
        if (st != RK_OK) { rc = perr(store, st); goto out; }
        printf("{\n  \"lmr_type\": \"P25\",\n  \"root_key_id\": \"%08X\",\n  \"source_rsi\": %u,\n"
               "  \"destination_rsi\": %u,\n  \"message_number\": %u,\n  \"teks\": [",
               (unsigned)r->root_key_id, (unsigned)r->src_rsi, (unsigned)r->dst_rsi, (unsigned)r->mn);
        for (size_t i = 0; i < r->n_teks; i++) {
            const rk_p25_tek *t = &r->teks[i];
            printf("%s\n    {\"key_id\": \"%04X\", \"sln\": \"%04X\", \"algid\": \"%02X\", \"keyset\": %u, "
                   "\"key_length\": %u", i ? "," : "", (unsigned)t->key_id, (unsigned)t->sln,
                   (unsigned)t->algid, (unsigned)t->keyset_id, (unsigned)t->key_len);
            if (show) { printf(", \"key\": "); hexq(t->key, t->key_len); }
            printf("}");
        }
        printf("\n  ]\n}\n");
    } else {
        printf("{\n  \"lmr_type\": \"TETRA\",\n  \"root_key_id\": \"%08X\",\n  \"wrap\": \"%s\",\n"
               "  \"blob_length\": %zu", (unsigned)r->root_key_id,
               r->tetra_mode == RK_LMRKEY_KWP ? "AES-KWP" : "AES-KW", r->blob_len);
        if (show) { printf(",\n  \"blob\": "); hexq(r->blob, r->blob_len); }
        printf("\n}\n");
    }
out:
    rk_keystore_unlock(lk);
    if (sk) sodium_free(sk);
    if (r) sodium_free(r);
    rk_keystore_free(ks);
    return rc;
}

int rk_cli_p25(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "modify-key")) return cmd_modify(argc, argv);
    if (argc >= 2 && !strcmp(argv[1], "receive")) return cmd_receive(argc, argv);
    int h = argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"));
    usage_p25(h ? stdout : stderr);
    return h ? EX_OK : EX_USAGE;
}
