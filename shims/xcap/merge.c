/* SPDX-License-Identifier: Apache-2.0 */
/* shims/xcap/merge.c - the parts of xcap.h without libcurl: the document URL
 * and the modify step of the read-modify-write, with the core's profile code
 * only (no XML is parsed here).  make cross builds this file alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rootkey/profile.h"
#include "xcap/xcap.h"

#define ELS_MAX 1024   /* rk_profile_find's maximum: more is RK_ERR_PROFILE_TOO_MANY */

static const char WRAP_HEAD[] = "<mcptt-user-profile xmlns=\"" RK_PROFILE_UP_NS "\"><anyExt>";
static const char WRAP_TAIL[] = "</anyExt></mcptt-user-profile>";
static const char NEW_DOC[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<mcptt-user-profile xmlns=\"" RK_PROFILE_UP_NS "\"><anyExt></anyExt></mcptt-user-profile>\n";

static int view_eq(const uint8_t *a, rk_xml_view va, const uint8_t *b, rk_xml_view vb)
{
    return va.len == vb.len && memcmp(a + va.off, b + vb.off, va.len) == 0;
}

static int is_ws(uint8_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

rk_status rk_xcap_merge(const uint8_t *doc, size_t len, const uint8_t *el, size_t elen,
                        uint8_t **out, size_t *olen, int *changed)
{
    rk_status st;
    rk_profile_ctx *pc = malloc(sizeof *pc);
    rk_profile_element *els = calloc(ELS_MAX, sizeof *els), me;
    size_t hl = sizeof WRAP_HEAD - 1, tl = sizeof WRAP_TAIL - 1, wl = hl + elen + tl, cnt = 0;
    uint8_t *w = malloc(wl), *cut = NULL, *nd = NULL;
    *out = NULL; *olen = 0; *changed = 0;
    if (!pc || !els || !w) { st = RK_ERR_ALLOC; goto out; }
    /* the element, read back inside a document by the profile reader */
    memcpy(w, WRAP_HEAD, hl); memcpy(w + hl, el, elen); memcpy(w + hl + elen, WRAP_TAIL, tl);
    st = rk_profile_find(pc, w, wl, 0, els, 2, &cnt);
    if (st != RK_OK || cnt != 1 || els[0].element.off != hl || els[0].element.len != elen) {
        st = RK_ERR_XCAP_ELEMENT; goto out;
    }
    me = els[0];
    if (len == 0) { doc = (const uint8_t *)NEW_DOC; len = sizeof NEW_DOC - 1; }
    st = rk_profile_find(pc, doc, len, 0, els, ELS_MAX, &cnt);
    if (st != RK_OK) goto out;
    for (size_t i = 0; i < cnt; i++)
        if (els[i].lmr == me.lmr && view_eq(doc, els[i].kms_uri, w, me.kms_uri) &&
            els[i].key_id_value == me.key_id_value && els[i].key_period_value == me.key_period_value &&
            view_eq(doc, els[i].text, w, me.text))
            goto out;                                  /* already there: RK_OK, unchanged */
    /* the superseded periods of this LMR type and KMS go (with the
     * whitespace before each): the current and the next period stay */
    cut = malloc(len ? len : 1);
    if (!cut) { st = RK_ERR_ALLOC; goto out; }
    size_t cl = 0, from = 0;
    for (size_t i = 0; i < cnt; i++) {
        const rk_profile_element *e = &els[i];
        if (e->lmr != me.lmr || !view_eq(doc, e->kms_uri, w, me.kms_uri) ||
            e->key_period_value + 1 >= me.key_period_value)
            continue;
        size_t a = e->element.off;
        while (a > from && is_ws(doc[a - 1])) a--;
        memcpy(cut + cl, doc + from, a - from);
        cl += a - from;
        from = e->element.off + e->element.len;
    }
    memcpy(cut + cl, doc + from, len - from);
    cl += len - from;
    size_t cap = cl + elen + 1024;
    nd = malloc(cap);
    if (!nd) { st = RK_ERR_ALLOC; goto out; }
    st = rk_profile_upsert(pc, nd, cap, olen, cut, cl, 0, me.lmr, (uint32_t)me.key_id_value,
                           w + me.kms_uri.off, me.kms_uri.len, me.key_period_value,
                           w + me.text.off, me.text.len);
    if (st == RK_OK) { *out = nd; nd = NULL; *changed = 1; }
out:
    if (st != RK_OK) { *olen = 0; *changed = 0; }
    free(pc); free(els); free(w); free(cut); free(nd);
    return st;
}

int rk_xcap_unreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_' || c == '~';
}

rk_status rk_xcap_url(char *out, size_t cap, const char *root, const char *mc_id, const char *doc)
{
    size_t n = strlen(mc_id), rl = strlen(root);
    if (n == 0 || n > 512) { if (cap) out[0] = 0; return RK_ERR_XCAP_MC_ID; }
    while (rl && root[rl - 1] == '/') rl--;
    int k = snprintf(out, cap, "%.*s/" RK_XCAP_AUID "/users/", (int)rl, root);
    if (k < 0 || (size_t)k >= cap) { if (cap) out[0] = 0; return RK_ERR_XCAP_URL; }
    size_t j = (size_t)k;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)mc_id[i];
        if (j + 4 >= cap) { out[0] = 0; return RK_ERR_XCAP_URL; }
        if (rk_xcap_unreserved(c)) out[j++] = (char)c;
        else j += (size_t)snprintf(out + j, cap - j, "%%%02X", c);
    }
    k = snprintf(out + j, cap - j, "/%s", doc ? doc : RK_XCAP_DOC_DEFAULT);
    if (k < 0 || (size_t)k >= cap - j) { out[0] = 0; return RK_ERR_XCAP_URL; }
    return RK_OK;
}
