#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# make ct: run every constant-time check of every given build under valgrind
# memcheck with the secrets marked undefined; count memcheck reports.
# The checks are independent processes: CT_JOBS at a time (default: the
# cores); their reports are printed in list order.
# Last line: "ct: N checks, R reports".  Exit 1 if R > 0 or a check failed to run.
set -u
checks=0; reports=0; broken=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
jobs=${CT_JOBS:-$(nproc 2>/dev/null || echo 2)}
# one check: its log and exit status, named by its place in the list
one() {  # one INDEX BIN NAME
  valgrind -q --error-exitcode=99 --track-origins=yes "$2" "$3" > "$tmp/$1.log" 2>&1
  echo $? > "$tmp/$1.rc"
}
export -f one; export tmp
i=0; : > "$tmp/list"
for bin in "$@"; do
  names=$("$bin" list) || { echo "ct: $bin list failed"; broken=$((broken+1)); continue; }
  for n in $names; do i=$((i+1)); printf '%s %s %s\n' "$i" "$bin" "$n" >> "$tmp/list"; done
done
xargs -P "$jobs" -L 1 bash -c 'one "$@"' _ < "$tmp/list"
while read -r k bin n; do
  log=$(cat "$tmp/$k.log" 2>/dev/null); rc=$(cat "$tmp/$k.rc" 2>/dev/null || echo 127)
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
done < "$tmp/list"
echo "ct: $checks checks, $reports reports"
[ "$reports" -eq 0 ] && [ "$broken" -eq 0 ] && [ "$checks" -gt 0 ]
