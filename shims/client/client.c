/* see client.h */
#include "client.h"
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rootkey/b64.h"
#include "rootkey/hash.h"
#include "rootkey/profile.h"
#include "rootkey/rootkey.h"

void rk_client_close(rk_client *c)
{
    if (c->rx) { rk_sakke_receiver_wipe(c->rx); sodium_free(c->rx); }
    if (c->ks) sodium_free(c->ks);              /* sodium_free wipes */
    if (c->iwf_kpak) sodium_free(c->iwf_kpak);
    memset(c, 0, sizeof *c);
}

rk_status rk_client_open(rk_client *c, const rk_kms_cert *kms, const rk_kms_cert *iwf_kms,
                         const char *iwf_uri, const uint8_t *xml, size_t len, int with_table,
                         char *err, size_t errlen)
{
    rk_status st;
    uint8_t uid[32];
    rk_eccsi_signer_ctx *sg = NULL;
    memset(c, 0, sizeof *c);
    c->kms = *kms;
    c->iwf_kms = *iwf_kms;
    if (strlen(iwf_uri) > RK_KMS_URI_MAX) return RK_ERR_LENGTH;
    strcpy(c->iwf_uri, iwf_uri);
    c->ks = sodium_malloc(sizeof *c->ks);
    c->rx = sodium_malloc(sizeof *c->rx);
    c->iwf_kpak = sodium_malloc(sizeof *c->iwf_kpak);
    sg = sodium_malloc(sizeof *sg);
    if (!c->ks || !c->rx || !c->iwf_kpak || !sg) { st = RK_ERR_ALLOC; goto fail; }
    st = rk_kms_keyset_parse(c->ks, xml, len, err, errlen);
    if (st != RK_OK) goto fail;
    if (strcmp(c->ks->kms_uri, kms->kms_uri) != 0) {
        if (err) snprintf(err, errlen, "key set KmsUri is not the certificate's");
        st = RK_ERR_STORE_KMS_XML; goto fail;
    }
    st = rk_uid(uid, (const uint8_t *)c->ks->user_uri, strlen(c->ks->user_uri),
                (const uint8_t *)kms->kms_uri, strlen(kms->kms_uri), kms->period_len,
                kms->period_offset, c->ks->period_no);
    if (st != RK_OK) goto fail;
    if (memcmp(uid, c->ks->uid, 32) != 0) {
        if (err) snprintf(err, errlen, "UserID is not UID(UserUri, KmsUri, KeyPeriodNo)");
        st = RK_ERR_STORE_KMS_XML; goto fail;
    }
    st = rk_sakke_receiver_install(c->rx, kms->z_pub, uid, 32, c->ks->rsk, with_table ? 1 : 0);
    if (st != RK_OK) { if (err) snprintf(err, errlen, "RSK validation: %s", rk_strerror(st)); goto fail; }
    st = rk_eccsi_signer_init(sg, kms->kpak, 65, uid, 32, c->ks->ssk, 32, c->ks->pvt, 65);
    rk_eccsi_signer_wipe(sg);
    if (st != RK_OK) { if (err) snprintf(err, errlen, "SSK validation: %s", rk_strerror(st)); goto fail; }
    st = rk_eccsi_verifier_init(c->iwf_kpak, iwf_kms->kpak, 65);
    if (st != RK_OK) goto fail;
    sodium_free(sg);
    return RK_OK;
fail:
    if (sg) { rk_eccsi_signer_wipe(sg); sodium_free(sg); }
    rk_client_close(c);
    return st;
}

rk_status rk_client_unwrap_doc(rk_client *c, rk_keystore *ks, const uint8_t *doc, size_t len,
                               int64_t now_unix, size_t *n_ok, size_t *n_bad)
{
    enum { MAXEL = 16 };
    rk_profile_ctx *pc = malloc(sizeof *pc);
    rk_profile_element *els = calloc(MAXEL, sizeof *els);
    rk_rootkey_scratch *scr = sodium_malloc(sizeof *scr);
    rk_rootkey_result *res = sodium_malloc(sizeof *res);
    rk_ks_entry *e = sodium_malloc(sizeof *e);
    uint8_t *msg = malloc(RK_ROOTKEY_MAX_MSG + 64);
    size_t count = 0;
    rk_status first = RK_OK, st;
    *n_ok = *n_bad = 0;
    if (!pc || !els || !scr || !res || !e || !msg) { first = RK_ERR_ALLOC; goto out; }
    st = rk_profile_find(pc, doc, len, 0, els, MAXEL, &count);
    if (st != RK_OK) { first = st; goto out; }
    for (size_t i = 0; i < count; i++) {
        size_t ml = 0;
        st = rk_b64_decode(msg, RK_ROOTKEY_MAX_MSG + 64, (const char *)doc + els[i].text.off,
                           els[i].text.len, &ml, RK_B64_ALLOW_SPACE);
        if (st == RK_OK) {
            rk_mikeysakke_rx rx;
            memset(&rx, 0, sizeof rx);
            rx.kpak = c->iwf_kpak;
            rx.kmsi_uri = (const uint8_t *)c->iwf_kms.kms_uri;
            rx.kmsi_uri_len = strlen(c->iwf_kms.kms_uri);
            rx.kmsi_period_len = c->iwf_kms.period_len;
            rx.kmsi_period_offset = c->iwf_kms.period_offset;
            rx.sakke = c->rx;
            rx.kmsr_uri = (const uint8_t *)c->kms.kms_uri;
            rx.kmsr_uri_len = strlen(c->kms.kms_uri);
            rx.period_len = c->kms.period_len;
            rx.period_offset = c->kms.period_offset;
            rx.period_no = c->ks->period_no;
            rx.my_uri = (const uint8_t *)c->ks->user_uri;
            rx.my_uri_len = strlen(c->ks->user_uri);
            rx.kp_mode = RK_MIKEYSAKKE_KP_REQUIRED;
            const uint8_t *iu[1] = {(const uint8_t *)c->iwf_uri};
            size_t il[1] = {strlen(c->iwf_uri)};
            rk_rootkey_unwrap_in in;
            memset(&in, 0, sizeof in);
            in.keysets = &rx; in.n_keysets = 1;
            in.iwf_uris = iu; in.iwf_uri_lens = il; in.n_iwf = 1;
            in.purpose_tag = RK_ROOTKEY_DEFAULT_TAG;
            in.now_unix = now_unix;
            if (rk_keystore_get(ks, els[i].key_id_value, e) == RK_OK && e->key_len) {
                in.have_stored = 1;
                in.stored_wrap_time = e->wrap_time;
            }
            st = rk_rootkey_unwrap(res, scr, &in, msg, ml);
            /* the attributes are hints, but must not contradict the message */
            if (st == RK_OK && (res->key_id != els[i].key_id_value ||
                                res->period_no != els[i].key_period_value ||
                                (int)res->lmr.lmr_type != els[i].lmr))
                st = RK_ERR_RK_ELEMENT;
            if (st == RK_OK) {
                memset(e, 0, sizeof *e);
                e->key_id = res->key_id;
                e->lmr_type = res->lmr.lmr_type;
                e->key_len = res->lmr.key_len;
                memcpy(e->key, res->lmr.key, res->lmr.key_len);
                e->wrap_time = res->wrap_time;
                e->activation = res->activation;
                e->expiry = res->expiry;
                e->key_period = res->period_no;
                st = rk_keystore_put(ks, e);
            }
            rk_rootkey_result_wipe(res);
        }
        if (st == RK_OK) (*n_ok)++;
        else { (*n_bad)++; if (first == RK_OK) first = st; }
    }
out:
    if (e) sodium_free(e);
    if (res) sodium_free(res);
    if (scr) sodium_free(scr);
    free(pc); free(els); free(msg);
    return first;
}
