/* SPDX-License-Identifier: Apache-2.0
 * shims/cli/demo.c - rootkey demo (make demo): the whole job end to end on
 * this machine, a test KMS, the IWF batch, delivery through the test CMS
 * (or profile documents written locally with --files-only), every client's
 * unwrap into a sealed key store, and a traffic key per user under its root
 * key (docs/cli.md, docs/delivery.md).
 */
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "client/client.h"
#include "client/keystore.h"
#include "common/atomic.h"
#include "common/clock.h"
#include "common/kms.h"
#include "iwf/iwf.h"
#include "cli/cli.h"
#include "cli/delivery.h"
#include "rootkey/hex.h"
#include "rootkey/profile.h"

static void usage_demo(FILE *f)
{
    fprintf(f, "usage: rootkey demo [--users N] [--dir DIR] [--keep] [--files-only] [--jobs N] [--cms-script FILE]\n"
               "End to end on this machine: a test KMS, an IWF key set and N user key sets (default 1000),\n"
               "an inventory (P25 users, every tenth a TETRA user), the batch wrap delivered over\n"
               "XCAP/HTTPS into the test CMS (Apache httpd started from tests/cms/cms.sh; --files-only:\n"
               "profile documents written locally instead), every client fetching its profile from\n"
               "the CMS, unwrapping and checking its root key into a sealed key store,\n"
               "then a traffic key per user under that root key (P25 Modify Key Command; TETRA AES-KW\n"
               "blob), checked by the client; a summary with counts and timings.\n");
}

static const char UP_DOC[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<mcptt-user-profile xmlns=\"" RK_PROFILE_UP_NS "\">\n"
    "  <ProfileName>demo</ProfileName>\n"
    "</mcptt-user-profile>\n";

int rk_cli_demo(int argc, char **argv)
{
    long users = 1000;
    const char *dir = NULL;
    int keep = 0, files_only = 0, cms_up = 0;
    const char *script = NULL;
    rk_cli_delivery cmsd;
    rk_cli_delivery_init(&cmsd);
    cmsd.o.log = NULL;
    static struct option o[] = {{"users", 1, 0, 'n'}, {"dir", 1, 0, 'd'}, {"keep", 0, 0, 'k'},
        {"files-only", 0, 0, 'f'}, {"cms-script", 1, 0, 'S'}, {"jobs", 1, 0, 'j'},
        {"help", 0, 0, 'h'}, {0, 0, 0, 0}};
    optind = 1;
    for (int c; (c = getopt_long(argc, argv, "", o, NULL)) != -1;) {
        switch (c) {
        case 'n': users = atol(optarg); break;
        case 'd': dir = optarg; break;
        case 'k': keep = 1; break;
        case 'f': files_only = 1; break;
        case 'S': script = optarg; break;
        case 'j': cmsd.o.jobs = (unsigned)atoi(optarg); cmsd.jobs_given = 1; break;
        case 'h': usage_demo(stdout); return EX_OK;
        default: usage_demo(stderr); return EX_USAGE;
        }
    }
    if (users < 1 || users > 1000000) { usage_demo(stderr); return EX_USAGE; }
    char tmpl[] = "/tmp/rootkey-demo.XXXXXX", path[4096], cmd[4200];
    if (!dir) { dir = mkdtemp(tmpl); if (!dir) return fail("demo", "mkdtemp", RK_ERR_IO); }
    else mkdir(dir, 0700);
    const char *KMS = "kms.mcptt.example.org", *IWF = "sip:iwf@lmr-iwf.example.org";
    int64_t now = now_unix();
    rk_status st;
    int rc = EX_OK;
    size_t n = (size_t)users, iwf_fail = 0, cl_bad = 0, match = 0, mismatch = 0;
    double t[8];
    rk_kms_master *m = sodium_malloc(sizeof *m);
    rk_kms_keyset *k = sodium_malloc(sizeof *k);
    uint8_t *keys = sodium_malloc(n * 32);           /* the expected root keys */
    uint8_t *buf = sodium_malloc(16384), *sk = sodium_malloc(32);
    uint32_t *kids = calloc(n, sizeof *kids);        /* root-key ID of each user, 0 = none */
    uint64_t pno = 0;
    size_t bl = 0, lmr_p25 = 0, lmr_tetra = 0, lmr_bad = 0, lmr_replay = 0;
    if (!m || !k || !keys || !buf || !sk || !kids) return fail("demo", "guarded memory", RK_ERR_ALLOC);
    printf("rootkey demo: %zu users in %s\n", n, dir);
    /* 1. KMS */
    t[0] = rk_clock_mono();
    st = rk_kms_master_create(m, KMS, 2592000, 0);
    if (st == RK_OK) st = rk_kms_period_now(&pno, &m->cert, now);
    if (st == RK_OK) st = rk_kms_cert_write(buf, 16384, &bl, &m->cert);
    snprintf(path, sizeof path, "%s/kms-cert.xml", dir);
    if (st == RK_OK) st = rk_file_write_atomic(path, buf, bl, 0644);
    /* 2. IWF key set and user key sets (Annex D XML) */
    if (st == RK_OK) st = rk_kms_issue(k, m, IWF, pno);
    if (st == RK_OK) st = rk_kms_keyset_write(buf, 16384, &bl, k);
    snprintf(path, sizeof path, "%s/iwf-keyset.xml", dir);
    if (st == RK_OK) st = rk_file_write_atomic(path, buf, bl, 0600);
    snprintf(path, sizeof path, "%s/keys", dir);
    mkdir(path, 0700);
    for (size_t i = 0; st == RK_OK && i < n; i++) {
        char uri[128];
        snprintf(uri, sizeof uri, "sip:user%06zu@mcptt.example.org", i);
        st = rk_kms_issue(k, m, uri, pno);
        if (st == RK_OK) st = rk_kms_keyset_write(buf, 16384, &bl, k);
        snprintf(path, sizeof path, "%s/keys/user%06zu.xml", dir, i);
        if (st == RK_OK) st = rk_file_write_atomic(path, buf, bl, 0600);
    }
    sodium_memzero(k, sizeof *k);
    if (st != RK_OK) { rc = fail("demo", "test KMS", st); goto out; }
    t[1] = rk_clock_mono();
    /* 3. inventory: P25 users (and every tenth a TETRA user) with random root keys
     * (the file is the IWF's secret input, 0600) */
    snprintf(path, sizeof path, "%s/inventory.csv", dir);
    {
        size_t cap = 128 + n * 200, len = 0;
        char *inv = sodium_malloc(cap);
        if (!inv) { rc = fail("demo", "guarded memory", RK_ERR_ALLOC); goto out; }
        len += (size_t)snprintf(inv + len, cap - len, "mcptt_id,kms_uri,lmr_type,lmr_ids,key\n");
        randombytes_buf(keys, n * 32);
        for (size_t i = 0; i < n; i++) {
            char hx[65]; size_t hl = 0;
            if (rk_hex_encode(hx, sizeof hx, keys + 32 * i, 32, &hl) != RK_OK) { st = RK_ERR_INTERNAL; break; }
            if (i % 10 == 9)     /* every tenth user is on a TETRA system */
                len += (size_t)snprintf(inv + len, cap - len,
                    "sip:user%06zu@mcptt.example.org,%s,TETRA,mcc=901;mnc=16383;issi=%zu;kn=1,hex:%.64s\n",
                    i, KMS, 2000000 + i, hx);
            else
                len += (size_t)snprintf(inv + len, cap - len,
                    "sip:user%06zu@mcptt.example.org,%s,P25,wacn=BEE00;sys=3A1;rsi=%zu;algid=84;kid=F1A2;keyset=1,hex:%.64s\n",
                    i, KMS, 1000000 + i, hx);
            sodium_memzero(hx, sizeof hx);
        }
        if (st == RK_OK) st = rk_file_write_atomic(path, (uint8_t *)inv, len, 0600);
        sodium_free(inv);
        if (st != RK_OK) { rc = fail("demo", "inventory", st); goto out; }
    }
    /* the CMS: the test CMS started, every user's folder provisioned */
    if (!files_only) {
        FILE *ids;
        snprintf(path, sizeof path, "%s/users.txt", dir);
        if (!(ids = fopen(path, "w"))) { rc = fail("demo", path, RK_ERR_IO); goto out; }
        for (size_t i = 0; i < n; i++) fprintf(ids, "sip:user%06zu@mcptt.example.org\n", i);
        fclose(ids);
        cms_up = 1;
        rc = rk_cli_demo_cms_start(&cmsd, script, path, cmsd.o.jobs);
        if (rc != EX_OK) goto out;
        printf("  CMS: Apache httpd (mod_dav, mod_ssl) at %s, %zu users provisioned\n", cmsd.o.root, n);
    }
    /* 4. the IWF batch */
    t[2] = rk_clock_mono();
    {
        rk_iwf w;
        char err[512] = "";
        rk_iwf_stats s;
        snprintf(path, sizeof path, "%s/iwf-keyset.xml", dir);
        size_t kl; uint8_t *kx = slurp(path, &kl, &st);
        if (kx) { st = rk_iwf_open(&w, &m->cert, &m->cert, kx, kl, IWF, now, err, sizeof err); sodium_memzero(kx, kl); free(kx); }
        if (st != RK_OK) { fprintf(stderr, "rootkey demo: %s\n", err); rc = fail("demo", "IWF", st); goto out; }
        char inv[4096], outd[4096];
        snprintf(inv, sizeof inv, "%s/inventory.csv", dir);
        snprintf(outd, sizeof outd, "%s/iwf-out", dir);
        rk_iwf_batch_opts bo = {.inventory = inv, .outdir = outd,
                                .xcap_root = files_only ? "https://xcap.example.org/xcap-root" : NULL,
                                .shard_n = 1, .now_unix = now, .log = stderr, .progress = isatty(2),
                                .delivery = files_only ? NULL : &cmsd.d, .jobs = rk_cli_wrap_jobs(&cmsd)};
        st = rk_iwf_batch(&w, &bo, &s);
        rk_iwf_close(&w);
        iwf_fail = s.failed;
        if (s.done != n) { fprintf(stderr, "rootkey demo: IWF wrapped %zu of %zu\n", s.done, n); rc = EX_SOME; }
    }
    t[3] = rk_clock_mono();
    /* 5. files only: the XCAP server's part done here, each element upserted
     * into the user's profile document */
    snprintf(path, sizeof path, "%s/profiles", dir);
    if (files_only) mkdir(path, 0755);
    if (files_only) {
        rk_profile_ctx *pc = malloc(sizeof *pc);
        rk_profile_element *e = malloc(sizeof *e);
        uint8_t *nd = malloc(16384);
        for (size_t i = 0; i < n; i++) {
            char stem[RK_IWF_STEM_MAX], id[128];
            snprintf(id, sizeof id, "sip:user%06zu@mcptt.example.org", i);
            rk_iwf_stem(stem, sizeof stem, id);
            snprintf(path, sizeof path, "%s/iwf-out/%s.p%llu.element.xml", dir, stem, (unsigned long long)pno);
            size_t el = 0, cnt = 0, nl = 0;
            uint8_t *ed = slurp(path, &el, &st);
            if (!ed) { iwf_fail++; continue; }
            /* read the element back through the profile reader, inside a document */
            size_t dl = (size_t)snprintf((char *)nd, 16384, "<mcptt-user-profile xmlns=\"%s\"><anyExt>%.*s</anyExt></mcptt-user-profile>",
                                         RK_PROFILE_UP_NS, (int)el, (const char *)ed);
            st = rk_profile_find(pc, nd, dl, 0, e, 1, &cnt);
            if (st == RK_OK) {
                uint8_t *cp = malloc(dl);
                memcpy(cp, nd, dl);
                st = rk_profile_upsert(pc, nd, 16384, &nl, (const uint8_t *)UP_DOC, sizeof UP_DOC - 1, 0, e->lmr,
                                       e->key_id_value, cp + e->kms_uri.off, e->kms_uri.len, e->key_period_value,
                                       cp + e->text.off, e->text.len);
                free(cp);
            }
            snprintf(path, sizeof path, "%s/profiles/user%06zu.xml", dir, i);
            if (st == RK_OK) st = rk_file_write_atomic(path, nd, nl, 0644);
            if (st != RK_OK) { fprintf(stderr, "rootkey demo: profile %zu: %s\n", i, rk_strerror(st)); iwf_fail++; }
            free(ed);
        }
        free(pc); free(e); free(nd);
    }
    t[4] = rk_clock_mono();
    /* 6. every client: load and validate its key set, unwrap, store, check */
    randombytes_buf(sk, 32);
    rk_keystore *ks = rk_keystore_new(n);
    if (!ks) { rc = fail("demo", "key store", RK_ERR_ALLOC); goto out; }
    double t_load = 0, t_unwrap = 0;
    for (size_t i = 0; i < n; i++) {
        rk_client cl;
        char err[512] = "", id[128], stem[RK_IWF_STEM_MAX];
        size_t kl = 0, dl = 0, ok = 0;
        double a = rk_clock_mono();
        snprintf(path, sizeof path, "%s/keys/user%06zu.xml", dir, i);
        uint8_t *kx = slurp(path, &kl, &st);
        if (!kx) { cl_bad++; continue; }
        st = rk_client_open(&cl, &m->cert, &m->cert, IWF, kx, kl, 0, err, sizeof err);
        sodium_memzero(kx, kl); free(kx);
        double b = rk_clock_mono();
        t_load += b - a;
        if (st != RK_OK) { fprintf(stderr, "rootkey demo: client %zu: %s\n", i, err); cl_bad++; continue; }
        uint8_t *doc = NULL;
        if (files_only) {
            snprintf(path, sizeof path, "%s/profiles/user%06zu.xml", dir, i);
            doc = slurp(path, &dl, &st);
        } else {                              /* the client's fetch from the CMS */
            char et[RK_DELIVERY_ETAG_MAX];
            int hs = 0;
            snprintf(id, sizeof id, "sip:user%06zu@mcptt.example.org", i);
            st = rk_xcap_fetch(cmsd.x, id, NULL, &doc, &dl, et, &hs, err, sizeof err);
            if (st != RK_OK) fprintf(stderr, "rootkey demo: client %zu: %s\n", i, err);
        }
        rk_client_counts cn = {0};
        if (doc) st = rk_client_unwrap_doc(&cl, ks, doc, dl, now, &cn);
        ok = cn.ok;
        free(doc);
        rk_client_close(&cl);
        t_unwrap += rk_clock_mono() - b;
        if (st != RK_OK || ok != 1) {
            fprintf(stderr, "rootkey demo: client %zu: unwrap: %s\n", i, rk_strerror(st)); cl_bad++; continue;
        }
        /* the root-key ID from the IWF's state record; compare what the client holds */
        snprintf(id, sizeof id, "sip:user%06zu@mcptt.example.org", i);
        rk_iwf_stem(stem, sizeof stem, id);
        snprintf(path, sizeof path, "%s/iwf-out/%s.p%llu.state", dir, stem, (unsigned long long)pno);
        rk_iwf_state rec;
        if (rk_iwf_state_read(path, &rec) != RK_OK || strcmp(rec.mc_id, id) != 0) { mismatch++; continue; }
        rk_ks_entry *e = sodium_malloc(sizeof *e);
        uint32_t kid = rec.key_id;
        if (e && rk_keystore_get(ks, kid, e) == RK_OK && e->key_len == 32 &&
            sodium_memcmp(e->key, keys + 32 * i, 32) == 0) {
            match++;
            kids[i] = kid;
        }
        else mismatch++;
        if (e) sodium_free(e);
    }
    t[5] = rk_clock_mono();
    /* 7. the key store sealed at rest and read back */
    snprintf(path, sizeof path, "%s/client.store", dir);
    st = rk_keystore_save(ks, path, sk);
    size_t held = rk_keystore_count(ks);
    rk_keystore_zeroise(ks);
    if (st == RK_OK) st = rk_keystore_load(ks, path, sk);
    size_t reloaded = (st == RK_OK) ? rk_keystore_count(ks) : 0;
    t[6] = rk_clock_mono();
    /* 8. LMR key messages after the root key (docs/p25.md): the IWF sends each
     * user a fresh traffic key under the root key it delivered (P25: a Modify
     * Key Command with the TEK wrapped under the UKEK and a CMAC; TETRA: an
     * AES-KW blob under the KEK), through the TS 23.283 10.12 transport; each
     * client, with its own key store holding its root key, checks and unwraps
     * it, compares it with what the IWF sent, and refuses the same message
     * again (replay). */
    {
        snprintf(path, sizeof path, "%s/inventory.csv", dir);
        size_t il = 0, cap = 128 + n * 200;
        char *inv = sodium_malloc(cap + 1), *line = sodium_malloc(512), id[256], kmsu[256];
        rk_lmr_block *b = sodium_malloc(sizeof *b);
        rk_p25_tek *tek = sodium_malloc(sizeof *tek);
        rk_lmrkey_result *r = sodium_malloc(sizeof *r);
        rk_ks_entry *e = sodium_malloc(sizeof *e);
        uint8_t msg[512];
        if (!inv || !line || !b || !tek || !r || !e || rk_file_read(path, (uint8_t *)inv, cap, &il) != RK_OK) {
            lmr_bad = n;
        } else {
            inv[il] = 0;
            char *p = strchr(inv, '\n');             /* skip the header */
            for (size_t i = 0; i < n && p; i++) {
                char *q = p + 1, *nl = strchr(q, '\n');
                size_t ll = nl ? (size_t)(nl - q) : strlen(q), ml = 0;
                p = nl;
                int ok = 0;
                rk_keystore *dev = rk_keystore_new(4);   /* the user's device */
                if (!dev || ll >= 512 || !kids[i] || rk_keystore_get(ks, kids[i], e) != RK_OK ||
                    rk_keystore_put(dev, e) != RK_OK) { lmr_bad++; rk_keystore_free(dev); continue; }
                memcpy(line, q, ll); line[ll] = 0;
                /* IWF: the user's root key from its inventory line */
                st = rk_iwf_parse_line(line, id, sizeof id, kmsu, sizeof kmsu, b, NULL, 0);
                if (st == RK_OK && b->lmr_type == RK_LMR_P25) {
                    memset(tek, 0, sizeof *tek);
                    randombytes_buf(tek->key, 32);
                    tek->key_len = 32; tek->algid = RK_P25_ALGID_AES256; tek->keyset_id = 1;
                    tek->key_id = (uint16_t)(1 + i % 0xfff0); tek->sln = (uint16_t)(0x100 + i % 0xff00);
                    st = rk_iwf_p25_message(b, tek, 1, 9999999, 1, RK_P25_MAC_FORMAT_CMAC, msg, sizeof msg, &ml);
                    if (st == RK_OK) st = rk_client_lmr_receive(dev, msg, ml, 0, now, r);
                    ok = st == RK_OK && r->n_teks == 1 && r->teks[0].key_len == 32 &&
                         r->teks[0].key_id == tek->key_id && r->teks[0].sln == tek->sln &&
                         r->teks[0].algid == tek->algid && sodium_memcmp(r->teks[0].key, tek->key, 32) == 0;
                    if (ok) lmr_p25++;
                } else if (st == RK_OK && b->lmr_type == RK_LMR_TETRA) {
                    randombytes_buf(tek->key, 32);           /* an opaque 32-octet blob */
                    st = rk_iwf_tetra_message(b, 0, tek->key, 32, msg, sizeof msg, &ml);
                    if (st == RK_OK) st = rk_client_lmr_receive(dev, msg, ml, 0, now, r);
                    ok = st == RK_OK && r->blob_len == 32 && sodium_memcmp(r->blob, tek->key, 32) == 0;
                    if (ok) lmr_tetra++;
                }
                sodium_memzero(r, sizeof *r);
                if (!ok) { lmr_bad++; fprintf(stderr, "rootkey demo: user %zu: key message: %s\n", i, rk_strerror(st)); }
                else if (b->lmr_type == RK_LMR_P25 &&
                         rk_client_lmr_receive(dev, msg, ml, 0, now, r) == RK_ERR_P25_REPLAY)
                    lmr_replay++;
                rk_keystore_free(dev);
            }
        }
        if (inv) sodium_free(inv);
        if (line) sodium_free(line);
        if (b) sodium_free(b);
        if (tek) sodium_free(tek);
        if (r) sodium_free(r);
        if (e) sodium_free(e);
    }
    rk_keystore_free(ks);
    t[7] = rk_clock_mono();
    printf("  test KMS: community %s, key period %llu, %zu user key sets + 1 IWF key set (Annex D XML): %.2f s\n",
           KMS, (unsigned long long)pno, n, t[1] - t[0]);
    printf("  IWF batch: %zu users wrapped (%zu failed): %.2f s (%.2f ms/user)\n",
           n - (iwf_fail > n ? n : iwf_fail), iwf_fail, t[3] - t[2], 1000.0 * (t[3] - t[2]) / (double)n);
    if (files_only)
        printf("  XCAP (files only): %zu profile documents with the element upserted: %.2f s\n", n, t[4] - t[3]);
    else
        printf("  XCAP: %zu elements put into the users' profiles over HTTPS (GET, PUT If-None-Match/If-Match;\n"
               "    %u at a time, in the IWF batch time), every client fetched its profile (in the unwrap time)\n",
               n - (iwf_fail > n ? n : iwf_fail), cmsd.o.jobs);
    printf("  clients: %zu key sets validated (RSK pairing, SSK): %.2f s; %zu unwrapped: %.2f s (%.2f ms/user)\n",
           n - cl_bad, t_load, n - cl_bad, t_unwrap, 1000.0 * t_unwrap / (double)n);
    printf("  check: %zu root keys match the inventory, %zu mismatch, %zu refused\n", match, mismatch, cl_bad);
    printf("  key store: %zu keys sealed (XChaCha20-Poly1305) and %zu read back: %.2f s\n",
           held, reloaded, t[6] - t[5]);
    size_t n_tetra = n / 10;
    printf("  key messages under the root key: %zu P25 users got a TEK (Modify Key Command, AES-KW, CMAC),\n"
           "    %zu TETRA users a blob (AES-KW under the KEK); %zu checked, %zu failed, %zu replays refused: "
           "%.2f s (%.2f ms/user)\n", lmr_p25, lmr_tetra, lmr_p25 + lmr_tetra, lmr_bad, lmr_replay,
           t[7] - t[6], 1000.0 * (t[7] - t[6]) / (double)n);
    int good = match == n && mismatch == 0 && cl_bad == 0 && iwf_fail == 0 && reloaded == n && st == RK_OK &&
               lmr_p25 == n - n_tetra && lmr_tetra == n_tetra && lmr_bad == 0 && lmr_replay == lmr_p25;
    printf("demo %s: %zu/%zu users end to end in %.2f s\n", good ? "PASSED" : "FAILED",
           good ? n : match, n, t[7] - t[0]);
    if (!good) rc = EX_SOME;
out:
    if (cms_up) rk_cli_demo_cms_stop(&cmsd, script, keep);
    sodium_free(m); sodium_free(k); sodium_free(keys); sodium_free(buf); sodium_free(sk);
    free(kids);
    if (!keep && dir == tmpl) {
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpl);
        if (system(cmd) != 0) fprintf(stderr, "rootkey demo: could not remove %s\n", tmpl);
    } else printf("  files kept in %s\n", dir);
    return rc;
}
