/* SPDX-License-Identifier: Apache-2.0
 * shims/cli/sync.c - `rootkey client sync`: the client's fetch half of the
 * delivery (docs/delivery.md).  A conditional GET of my profile document
 * with the last ETag (304: up to date), then the unwrap of every root-key
 * element into the sealed key store (shims/client), the ETag kept in
 * STORE.etag; --interval keeps polling (the stand-in for the SIP xcap-diff
 * notification).  Exit codes as main.c.
 */
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cli/cli.h"
#include "cli/delivery.h"
#include "client/client.h"
#include "client/keystore.h"
#include "common/atomic.h"
#include "rootkey/profile.h"

static void usage_sync(FILE *f)
{
    fprintf(f, "usage: rootkey client sync --xcap-root URL --token-file FILE --user MC-ID\n"
               "                          --cert KMS-CERT.xml --keyset MY-KEYSET.xml --iwf-uri URI\n"
               "                          --store STORE --storage-key KEYFILE\n"
               "                          [--iwf-cert IWF-KMS-CERT.xml | --kms-cert-cache CACHE.xml [--iwf-kms-uri URI]]\n"
               "                          [--interval SECONDS [--count N]]\n"
               "Fetch my profile document from the CMS (conditional GET with the ETag kept in\n"
               "STORE.etag: 304 = up to date), unwrap every root-key element signed by the IWF URI\n"
               "into the sealed key store STORE.  An element already held counts as success.\n"
               "--interval polls every SECONDS (N times; 0 = until stopped).  Prints key IDs only.\n"
               RK_CLI_DELIVERY_USAGE);
}

/* One round: fetch, unwrap, save.  Returns an exit code. */
static int sync_once(rk_cli_delivery *dl, rk_client *cl, rk_keystore *ks, const char *user,
                     const char *store, const uint8_t *sk)
{
    char etag[RK_DELIVERY_ETAG_MAX] = "", newtag[RK_DELIVERY_ETAG_MAX], ef[4200], err[512] = "";
    uint8_t *doc = NULL;
    size_t dl_len = 0, el = 0;
    rk_client_counts n = {0};
    int http = 0;
    snprintf(ef, sizeof ef, "%s.etag", store);
    if (rk_file_read(ef, (uint8_t *)etag, sizeof etag - 1, &el) == RK_OK) etag[el] = 0;
    else etag[0] = 0;
    if (access(store, F_OK) != 0) etag[0] = 0;          /* no store: fetch the whole document */
    rk_status st = rk_xcap_fetch(dl->x, user, etag, &doc, &dl_len, newtag, &http, err, sizeof err);
    if (st != RK_OK) {
        fprintf(stderr, "rootkey client sync: %s (%d)\n", err[0] ? err : rk_strerror(st), (int)st);
        return 1;
    }
    if (!doc) { printf("sync: %s: up to date (304)\n", user); return 0; }
    size_t before = rk_keystore_count(ks);
    st = rk_client_unwrap_doc(cl, ks, doc, dl_len, now_unix(), &n);
    free(doc);
    /* a document refused as a whole (not XML, not a profile) counts as one
     * refusal; an element already held or for a later period is none */
    size_t refused = n.bad ? n.bad : (st != RK_OK && !n.ok && !n.unchanged && !n.later && !n.superseded);
    if (n.ok) {
        rk_status s2 = rk_keystore_save(ks, store, sk);
        if (s2 != RK_OK) { fprintf(stderr, "rootkey client sync: %s: %s\n", store, rk_strerror(s2)); return 3; }
    }
    if (!refused && rk_file_write_atomic(ef, (const uint8_t *)newtag, strlen(newtag), 0600) != RK_OK)
        fprintf(stderr, "rootkey client sync: %s: not written\n", ef);
    printf("sync: %s: %zu element(s) accepted, %zu already held, %zu for a later key period, %zu superseded, "
           "%zu refused; store holds %zu root key(s) (was %zu)\n",
           user, n.ok, n.unchanged, n.later, n.superseded, refused, rk_keystore_count(ks), before);
    if (refused) {
        fprintf(stderr, "rootkey client sync: first refusal: %s (%d)\n", rk_strerror(st), (int)st);
        return n.ok ? 1 : 4;
    }
    return 0;
}

static int cmd_sync(int argc, char **argv)
{
    const char *cert = NULL, *icert = NULL, *keyset = NULL, *iuri = NULL, *store = NULL, *skf = NULL,
               *user = NULL, *cache = NULL, *ikms = NULL;
    long interval = -1, count = 0;
    uint64_t u = 0;
    rk_cli_delivery dl;
    rk_cli_delivery_init(&dl);
    static struct option o[] = {{"cert", 1, 0, 'c'}, {"iwf-cert", 1, 0, 'C'}, {"keyset", 1, 0, 'k'},
        {"iwf-uri", 1, 0, 'i'}, {"store", 1, 0, 's'}, {"storage-key", 1, 0, 'K'}, {"user", 1, 0, 'u'},
        {"interval", 1, 0, 'I'}, {"count", 1, 0, 'n'}, {"kms-cert-cache", 1, 0, 'Y'},
        {"iwf-kms-uri", 1, 0, 'y'}, {"help", 0, 0, 'h'}, RK_CLI_DELIVERY_LONGOPTS,
        {0, 0, 0, 0}};
    optind = 1;
    for (int c; (c = getopt_long(argc, argv, "", o, NULL)) != -1;) {
        switch (c) {
        case 'c': cert = optarg; break;
        case 'C': icert = optarg; break;
        case 'k': keyset = optarg; break;
        case 'i': iuri = optarg; break;
        case 's': store = optarg; break;
        case 'K': skf = optarg; break;
        case 'u': user = optarg; break;
        case 'I': if (!rk_cli_parse_u64(optarg, &u) || u < 1 || u > 86400) { usage_sync(stderr); return 2; } interval = (long)u; break;
        case 'n': if (!rk_cli_parse_u64(optarg, &u) || u > 1000000) { usage_sync(stderr); return 2; } count = (long)u; break;
        case 'Y': cache = optarg; break;
        case 'y': ikms = optarg; break;
        case 'h': usage_sync(stdout); return 0;
        default: if (rk_cli_delivery_opt(&dl, "client sync", c, optarg) == 1) break;
                 usage_sync(stderr); return 2;
        }
    }
    if (!cert || !keyset || !iuri || !store || !skf || !user || (icert && cache) || (ikms && !cache)) {
        usage_sync(stderr); return 2;
    }
    const rk_delivery *dv = NULL;
    int rc = rk_cli_delivery_open(&dl, "client sync", 0, &dv);
    if (rc) return rc;
    char err[512] = "";
    rk_kms_cert c, ic;
    rk_client cl;
    rk_keystore *ks = NULL;
    uint8_t *sk = sodium_malloc(32), *ksx = NULL;
    size_t n = 0;
    memset(&cl, 0, sizeof cl);
    rk_status st = sk ? load_cert(cert, &c, err, sizeof err) : RK_ERR_ALLOC;
    if (st == RK_OK) st = load_iwf_cert(&ic, &c, icert, cache, ikms, err, sizeof err);
    if (st != RK_OK) { fprintf(stderr, "rootkey client sync: %s\n", err); rc = 3; goto out; }
    st = read_storage_key(skf, sk);
    if (st != RK_OK) { fprintf(stderr, "rootkey client sync: storage key: %s\n", rk_strerror(st)); rc = 3; goto out; }
    ksx = slurp(keyset, &n, &st);
    if (ksx) {
        st = rk_client_open(&cl, &c, &ic, iuri, ksx, n, interval > 0, err, sizeof err);
        sodium_memzero(ksx, n);
        free(ksx);
    }
    if (st != RK_OK) { fprintf(stderr, "rootkey client sync: key set: %s (%d)\n", err, (int)st); rc = 4; goto out; }
    ks = rk_keystore_new(256);
    if (!ks) { rc = 5; goto out; }
    if (access(store, F_OK) == 0 && (st = rk_keystore_load(ks, store, sk)) != RK_OK) {
        fprintf(stderr, "rootkey client sync: %s: %s (%d)\n", store, rk_strerror(st), (int)st);
        rc = 4; goto out;
    }
    for (long i = 0;; i++) {
        rc = sync_once(&dl, &cl, ks, user, store, sk);
        if (interval < 1 || (count && i + 1 >= count)) break;
        fflush(stdout);
        sleep((unsigned)interval);
    }
out:
    rk_keystore_free(ks);
    rk_client_close(&cl);
    if (sk) sodium_free(sk);
    rk_cli_delivery_close(&dl);
    return rc;
}

int rk_cli_client(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "sync")) return cmd_sync(argc - 1, argv + 1);
    int help = argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"));
    usage_sync(help ? stdout : stderr);
    return help ? 0 : 2;
}
