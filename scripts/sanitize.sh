#!/usr/bin/env bash
# make sanitize: the whole test suite under ASan+UBSan (clang build), then
# the optimised build under valgrind memcheck.  Last line sums both runs.
# With no second argument (make asan, in CI) only the ASan+UBSan run.
set -u
asan=$1; opt=${2:-}
tp=0; tf=0
sum() { local l; l=$(printf '%s\n' "$1" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -1)
  [ -n "$l" ] || { tf=$((tf+1)); return; }
  tp=$((tp + ${l%% *})); tf=$((tf + $(echo "$l" | awk '{print $3}'))); }
echo "== ASan+UBSan"
out=$(ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 "$asan" 2>&1); rc=$?
printf '%s\n' "$out" | tail -25; sum "$out"; [ $rc -eq 0 ] || tf=$((tf+1))
if [ -n "$opt" ]; then
  echo "== valgrind memcheck"
  out=$(RK_TEST_QUICK=1 valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite "$opt" 2>&1); rc=$?
  printf '%s\n' "$out" | tail -25; sum "$out"; [ $rc -eq 0 ] || tf=$((tf+1))
fi
echo "$tp passed, $tf failed"
[ $tf -eq 0 ]
