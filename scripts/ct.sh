#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# make ct: run every constant-time check of every given build under valgrind
# memcheck with the secrets marked undefined; count memcheck reports.
# Last line: "ct: N checks, R reports".  Exit 1 if R > 0 or a check failed to run.
set -u
checks=0; reports=0; broken=0
for bin in "$@"; do
  names=$("$bin" list) || { echo "ct: $bin list failed"; broken=$((broken+1)); continue; }
  for n in $names; do
    log=$(valgrind -q --error-exitcode=99 --track-origins=yes "$bin" "$n" 2>&1); rc=$?
    errs=$(printf '%s\n' "$log" | grep -cE '^==[0-9]+== (Conditional jump|Use of uninitialised|Syscall param)')
    checks=$((checks+1))
    if [ "$rc" -ne 0 ] && [ "$errs" -eq 0 ]; then
      [ "$rc" -eq 99 ] && errs=1 || { echo "ct: $(basename "$bin") $n exited $rc"; broken=$((broken+1)); }
    fi
    if [ "$errs" -gt 0 ]; then
      echo "ct: $(basename "$bin") $n: $errs report(s)"
      printf '%s\n' "$log" | grep -A6 -E '(Conditional jump|Use of uninitialised)' | head -24 | sed 's/^/    /'
      reports=$((reports+errs))
    fi
  done
done
echo "ct: $checks checks, $reports reports"
[ "$reports" -eq 0 ] && [ "$broken" -eq 0 ] && [ "$checks" -gt 0 ]
