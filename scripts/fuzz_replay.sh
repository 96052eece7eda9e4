#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Corpus regression: replay every committed corpus file (fuzz/corpus/NAME/) and
# every past crash reproducer (fuzz/regress/NAME/) through its harness, built
# with fuzz/replay_main.c instead of a fuzzer runtime (no fuzzing, so cheap).
#   scripts/fuzz_replay.sh BINDIR NAME...     (BINDIR/NAME is the replay binary)
# One line per harness, then
#   fuzz replay: H harnesses, N inputs, C crashes
#   N passed, C failed                        (each input a case, each crash a failure)
# A crash prints the input that caused it and the end of the report; exit 1.
set -u
dir=$1; shift
h=0; n=0; c=0
log=$(mktemp); trap 'rm -f "$log"' EXIT
for name in "$@"; do
  bin=$dir/$name
  h=$((h+1))
  nc=$(find "fuzz/corpus/$name" -type f 2>/dev/null | wc -l)
  nr=$(find "fuzz/regress/$name" -type f 2>/dev/null | wc -l)
  if [ ! -x "$bin" ]; then echo "replay $name: no binary $bin"; c=$((c+1)); continue; fi
  # in a subshell, so that the shell's own "Aborted" line goes to the log too
  ( ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    "$bin" "fuzz/corpus/$name" "fuzz/regress/$name" > "$log.out" ) 2> "$log"
  rc=$?
  got=$(sed -n 's/^replay: \([0-9]*\) inputs$/\1/p' "$log.out")
  if [ $rc -ne 0 ] || [ "$got" != $((nc + nr)) ]; then
    last=$(grep '^replay: ' "$log" | tail -1 | sed 's/^replay: //')
    echo "replay $name: CRASH (exit $rc) on ${last:-?}"
    grep -v '^replay: ' "$log" | tail -30 | sed 's/^/    /'
    c=$((c+1))
  else
    printf 'replay %-18s %5d inputs (corpus %d, regress %d)\n' "$name" "$got" "$nc" "$nr"
    n=$((n + got))
  fi
  rm -f "$log.out"
done
echo "fuzz replay: $h harnesses, $n inputs, $c crashes"
echo "$n passed, $c failed"
[ $c -eq 0 ] && [ $h -gt 0 ]
