#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# make sanitize: the whole test suite under ASan+UBSan (clang build), then
# the optimised build under valgrind memcheck.  Last line sums both runs.
# With no second argument (make asan, in CI) only the ASan+UBSan run.
# RK_REPLAY="BINDIR NAME..." adds the fuzz corpus replay (ASan+UBSan build).
set -u
asan=$1; opt=${2:-}
tp=0; tf=0
sum() { local l; l=$(printf '%s\n' "$1" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -1)
  [ -n "$l" ] || { tf=$((tf+1)); return; }
  tp=$((tp + ${l%% *})); tf=$((tf + $(echo "$l" | awk '{print $3}'))); }
echo "== ASan+UBSan"
out=$(ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 "$asan" 2>&1); rc=$?
printf '%s\n' "$out" | tail -25; sum "$out"; [ $rc -eq 0 ] || tf=$((tf+1))
# RK_REPLAY="BINDIR NAME...": the fuzz corpus replay under the same sanitizers
if [ -n "${RK_REPLAY:-}" ]; then
  echo "== fuzz corpus replay (ASan+UBSan)"
  # shellcheck disable=SC2086
  out=$(scripts/fuzz_replay.sh $RK_REPLAY 2>&1); rc=$?
  printf '%s\n' "$out" | grep -v '^[0-9]* passed, [0-9]* failed$'; sum "$out"; [ $rc -eq 0 ] || tf=$((tf+1))
fi
if [ -n "$opt" ]; then
  echo "== valgrind memcheck"
  out=$(RK_TEST_QUICK=1 valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite "$opt" 2>&1); rc=$?
  printf '%s\n' "$out" | tail -25; sum "$out"; [ $rc -eq 0 ] || tf=$((tf+1))
fi
echo "$tp passed, $tf failed"
[ $tf -eq 0 ]
