#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# make check: allocation/global check, wipe check, stack report, the test
# runner, then (RK_REPLAY set) the fuzz corpus replay; prints the sum of every
# step as the last line.
#   scripts/check.sh build/rk_tests build/core/*.o
set -u
runner=$1; shift
tp=0; tf=0
add() {  # add the "N passed, N failed" line of a step's output
  local l; l=$(printf '%s\n' "$1" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -1)
  if [ -z "$l" ]; then tf=$((tf+1)); return; fi
  tp=$((tp + $(echo "$l" | awk '{print $1}'))); tf=$((tf + $(echo "$l" | awk '{print $3}')))
}
out=$(scripts/check_alloc.sh "$@"); rc=$?
printf '%s\n' "$out" | grep -v '^[0-9]* passed' ; echo "alloc/global check: $(printf '%s\n' "$out" | tail -1)"
add "$out"; [ $rc -eq 0 ] || echo "alloc/global check FAILED"
out=$(scripts/check_wipe.sh build/core/wipe.o); echo "$out" | sed 's/^\([0-9]* passed\)/wipe check: \1/'; add "$out"
scripts/stack_report.sh build/core || tf=$((tf+1))
out=$("$runner" 2>&1); rc=$?
printf '%s\n' "$out" | grep -v '^[0-9]* passed, [0-9]* failed$'
add "$out"
[ $rc -eq 0 ] || [ $tf -gt 0 ] || tf=$((tf+1))
# RK_REPLAY="BINDIR NAME...": the fuzz corpus replay (scripts/fuzz_replay.sh)
if [ -n "${RK_REPLAY:-}" ]; then
  # shellcheck disable=SC2086
  out=$(scripts/fuzz_replay.sh $RK_REPLAY 2>&1); rc=$?
  printf '%s\n' "$out" | grep -v '^[0-9]* passed, [0-9]* failed$'
  add "$out"; [ $rc -eq 0 ] || [ $tf -gt 0 ] || tf=$((tf+1))
fi
# RK_INSTALL="DESTDIR PREFIX LIBDIR": the installed library, its ABI and the
# examples built through pkg-config (scripts/install_check.sh)
if [ -n "${RK_INSTALL:-}" ]; then
  # shellcheck disable=SC2086
  out=$(scripts/install_check.sh $RK_INSTALL 2>&1); rc=$?
  printf '%s\n' "$out" | grep -v '^[0-9]* passed, [0-9]* failed$'
  add "$out"; [ $rc -eq 0 ] || [ $tf -gt 0 ] || tf=$((tf+1))
fi
echo "$tp passed, $tf failed"
[ $tf -eq 0 ]
