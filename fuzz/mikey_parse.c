/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz harness: the MIKEY-SAKKE I_MESSAGE parser on attacker bytes, copied
 * to an exact-size heap buffer so ASan sees a read one octet too far.
 * Oracles: on error the view is zero; on success every span lies in the
 * input, and the message described by the view re-encodes (encoder) to a
 * message of the same length that parses again with the same fields. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "rootkey/mikey.h"

static int in(rk_mikey_span s, size_t n) { return s.off <= n && s.len <= n - s.off; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint8_t out[RK_MIKEY_MAX_BYTES];
    rk_mikey_view v, w;
    rk_mikey_msg e;
    size_t n = 0, sl = 0, i;
    if (size > RK_MIKEY_MAX_BYTES + 16) return 0;
    uint8_t *m = malloc(size ? size : 1);
    if (!m) return 0;
    memcpy(m, data, size);
    rk_status st = rk_mikey_parse(&v, m, size);
    if (st != RK_OK) {
        if (v.total_len || v.n_idr || v.n_genext || v.signed_range.len || v.sakke_data.len) abort();
        free(m);
        return 0;
    }
    if (v.total_len != size || v.n_idr != 4 || v.n_genext > RK_MIKEY_MAX_GENEXT) abort();
    if (!in(v.hdr, size) || !in(v.t, size) || !in(v.rand_value, size) || !in(v.sakke_data, size)
        || !in(v.sp_params, size) || !in(v.signature, size) || !in(v.signed_range, size)) abort();
    for (i = 0; i < v.n_cs; i++)
        if (!in(v.cs[i].policies, size) || !in(v.cs[i].session_data, size) || !in(v.cs[i].spi, size)) abort();
    for (i = 0; i < 4; i++)
        if (!in(v.idr[i].id, size)) abort();
    for (i = 0; i < v.n_genext; i++)
        if (!in(v.genext[i].data, size)) abort();
    /* re-encode what was parsed (extensions before SAKKE stay before it) */
    memset(&e, 0, sizeof e);
    e.csb_id = v.csb_id;
    e.n_cs = v.n_cs;
    for (i = 0; i < v.n_cs; i++) {
        e.cs[i].cs_id = v.cs[i].cs_id;
        e.cs[i].prot_type = v.cs[i].prot_type;
        e.cs[i].s_flag = v.cs[i].s_flag;
        e.cs[i].policies = m + v.cs[i].policies.off;
        e.cs[i].n_policies = v.cs[i].policies.len;
        e.cs[i].session_data = m + v.cs[i].session_data.off;
        e.cs[i].session_data_len = v.cs[i].session_data.len;
        e.cs[i].spi = m + v.cs[i].spi.off;
        e.cs[i].spi_len = v.cs[i].spi.len;
    }
    e.ts_sec = v.ts_sec;
    e.ts_frac = v.ts_frac;
    e.rand = m + v.rand_value.off;
    e.rand_len = v.rand_value.len;
    e.n_idr = v.n_idr;
    for (i = 0; i < v.n_idr; i++) {
        e.idr[i].role = v.idr[i].role;
        e.idr[i].id_type = v.idr[i].id_type;
        e.idr[i].id = m + v.idr[i].id.off;
        e.idr[i].id_len = v.idr[i].id.len;
    }
    e.has_sp = v.has_sp;
    e.sp_policy_no = v.sp_policy_no;
    e.sp_prot_type = v.sp_prot_type;
    e.sp_params = m + v.sp_params.off;
    e.sp_params_len = v.sp_params.len;
    e.sakke_data = m + v.sakke_data.off;
    e.n_genext = v.n_genext;
    for (i = 0; i < v.n_genext; i++) {
        e.genext[i].type = v.genext[i].type;
        e.genext[i].data = m + v.genext[i].data.off;
        e.genext[i].len = v.genext[i].data.len;
        if (v.genext[i].at.off < v.sakke.off) e.n_genext_before_sakke = i + 1;
    }
    e.signature = m + v.signature.off;
    if (rk_mikey_encode(out, sizeof out, &n, &sl, &e) != RK_OK) abort();
    if (n != size || sl != v.signed_range.len) abort();
    if (rk_mikey_parse(&w, out, n) != RK_OK) abort();
    if (w.csb_id != v.csb_id || w.n_genext != v.n_genext || w.has_sp != v.has_sp
        || memcmp(out + w.sakke_data.off, m + v.sakke_data.off, RK_MIKEY_SAKKE_DATA_BYTES) != 0
        || memcmp(out + w.signature.off, m + v.signature.off, RK_MIKEY_SIGN_BYTES) != 0) abort();
    free(m);
    return 0;
}
