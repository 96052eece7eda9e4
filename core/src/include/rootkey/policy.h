/* SPDX-License-Identifier: Apache-2.0
 * rootkey/policy.h - the pure decisions of the client policy (docs/design.md §5)
 * that the client shim applies after the cryptographic checks: which key
 * periods are accepted, no rollback or replay of a root-key element, and the
 * activation/expiry window.  The shim keeps the state (the stored element's
 * time for each root-key ID, the clock); these functions only compare.
 *
 * A profile element is long-lived (fetched days after wrapping), so RFC 3830's
 * seconds-wide freshness window does not apply; the monotonic and period
 * rules below do.
 *
 * CT: the inputs are public (times, period numbers).
 */
#ifndef ROOTKEY_POLICY_H
#define ROOTKEY_POLICY_H
#include <stdint.h>
#include "rootkey/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * rk_policy_key_period - accept a message encrypted for key period msg_no
 * when the client's current period is cur_no: the current one, or the one
 * before it (an element wrapped just before a rollover is still readable
 * while the client keeps the previous RSK).  The next period is refused:
 * an IWF may publish it ahead of time, and the client takes it once that
 * period starts.
 * Errors: RK_ERR_POLICY_FUTURE_PERIOD (msg_no > cur_no),
 * RK_ERR_POLICY_OLD_PERIOD (msg_no < cur_no - 1).
 */
/*@ assigns \nothing;
    ensures \result == RK_OK <==> (msg_no == cur_no || msg_no + 1 == cur_no);
    ensures msg_no > cur_no ==> \result == RK_ERR_POLICY_FUTURE_PERIOD;
    ensures msg_no + 1 < cur_no ==> \result == RK_ERR_POLICY_OLD_PERIOD; */
RK_MUST_CHECK rk_status rk_policy_key_period(uint64_t msg_no, uint64_t cur_no);

/*
 * rk_policy_newer - no rollback, no replay: an element for a root-key ID is
 * installed only if its wrapping time (T, seconds since 1900, era-extended)
 * is strictly later than the stored one's.  have_stored = 0 when nothing is
 * stored for that ID (anything is newer).
 * Errors: RK_ERR_POLICY_REPLAY (same time), RK_ERR_POLICY_ROLLBACK (older).
 */
/*@ assigns \nothing;
    ensures have_stored == 0 ==> \result == RK_OK;
    ensures have_stored != 0 && t_new > t_stored ==> \result == RK_OK;
    ensures have_stored != 0 && t_new == t_stored ==> \result == RK_ERR_POLICY_REPLAY;
    ensures have_stored != 0 && t_new < t_stored ==> \result == RK_ERR_POLICY_ROLLBACK; */
RK_MUST_CHECK rk_status rk_policy_newer(uint64_t t_new, int have_stored, uint64_t t_stored);

/*
 * rk_policy_window - the root key may be used at time now (Unix seconds)
 * only from activation on and before expiry.  activation 0 means at once;
 * expiry 0 means no expiry (the deployed senders use 0 for both, docs).
 * Errors: RK_ERR_POLICY_NOT_ACTIVE, RK_ERR_POLICY_EXPIRED.
 */
/*@ assigns \nothing;
    ensures now < activation ==> \result == RK_ERR_POLICY_NOT_ACTIVE;
    ensures now >= activation && expiry != 0 && now >= expiry ==> \result == RK_ERR_POLICY_EXPIRED;
    ensures now >= activation && (expiry == 0 || now < expiry) ==> \result == RK_OK; */
RK_MUST_CHECK rk_status rk_policy_window(uint64_t now, uint64_t activation, uint64_t expiry);

#ifdef __cplusplus
}
#endif
#endif
