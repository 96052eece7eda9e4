#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# make mutants: apply each hand-written mutant of tests/mutants.txt to a copy
# of the tree (never the working tree), rebuild the test runner there, run
# the suites that cover the mutated module, and count the mutant killed when
# they fail.  A mutant that does not build is invalid (a list error).
# Equivalent mutants (an `equivalent` line with the reason) must survive and
# are listed apart.
#
#   scripts/mutants.sh [list]          default tests/mutants.txt
#   MUTANTS_ONLY=name,name             run only these mutants
#   RK_TEST_QUICK=0                    the full test sizes (default: quick)
#
# Last line: "mutants: K killed, S survived" (S counts survivors not listed
# as equivalent); exit 1 if S > 0 or a mutant is invalid (its text not
# found, or it does not build).
set -u
cd "$(dirname "$0")/.."
list=${1:-tests/mutants.txt}
export RK_TEST_QUICK=${RK_TEST_QUICK:-1}
[ "$RK_TEST_QUICK" = 0 ] && unset RK_TEST_QUICK
work=$(mktemp -d "${TMPDIR:-/tmp}/rk-mutants.XXXXXX")
trap 'rm -rf "$work"' EXIT

# the tree as it stands (tracked and new files), with the objects already
# built here (their times kept, so make rebuilds only what is out of date)
{ git ls-files -co --exclude-standard -z
  for f in build/core build/shims build/librootkey.a build/librootkey-shim.a build/suites.inc; do
    [ -e "$f" ] && printf '%s\0' "$f"; done; } | tar --null -T - -cf - | tar -xf - -C "$work"
# The test runner is linked from test objects compiled once (the Makefile's
# rule compiles every suite on each build: half a minute per mutant); the
# flags are the Makefile's TEST_CFLAGS and TEST_LIBS (the libraries read
# from the Makefile, so that a new shim dependency is not missed here).
echo "== building the unmutated copy in $work"
test_libs=$(sed -n 's/^TEST_LIBS[[:space:]]*:=[[:space:]]*//p' Makefile)
link() {
  # shellcheck disable=SC2086
  ${CC:-cc} -o build/rk_tests build/mt/*.o build/librootkey-shim.a build/librootkey.a $test_libs
}
libs() { make --no-print-directory build/librootkey.a build/librootkey-shim.a; }
if ! ( cd "$work" && libs && mkdir -p build/mt && make --no-print-directory build/suites.inc &&
       for t in tests/*.c; do
         ${CC:-cc} -std=c11 -D_GNU_SOURCE -O2 -Icore/include -Icore/src/include -Itests -Ishims -Ibuild \
           -DRK_VECTOR_DIR="\"$work/vectors\"" -c "$t" -o "build/mt/$(basename "$t" .c).o" || exit 1
       done && link ) > "$work/build.log" 2>&1; then
  tail -20 "$work/build.log"; echo "mutants: the unmutated tree does not build"; exit 1
fi

# the records: name, file, find, replace, suites, weakens, equivalent
# (tab-separated, one line each)
records=$(awk '
  function flush() { if (name != "") printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", name, file, find, repl, suites, weak, equiv;
                     name = file = find = repl = suites = weak = equiv = "" }
  /^#/ { next }
  /^[[:space:]]*$/ { flush(); next }
  { key = $1; val = $0; sub(/^[^[:space:]]+[[:space:]]+/, "", val)
    if (key == "mutant") name = val; else if (key == "file") file = val
    else if (key == "find") find = val; else if (key == "replace") repl = val
    else if (key == "suites") suites = val; else if (key == "weakens") weak = val
    else if (key == "equivalent") equiv = val
    else { printf "bad key %s\n", key > "/dev/stderr"; exit 1 } }
  END { flush() }' "$list") || exit 1

killed=0; survived=0; equiv_ok=0; bad=0
survivors=(); equivalents=()
while IFS=$'\t' read -r name file find repl suites weak equiv; do
  if [ -n "${MUTANTS_ONLY:-}" ] && [[ ",$MUTANTS_ONLY," != *",$name,"* ]]; then continue; fi
  src="$work/$file"
  n=$(grep -cF -- "$find" "$src" 2>/dev/null || true)
  if [ -z "$n" ] || [ "$n" -eq 0 ]; then
    echo "INVALID   $name: text not found in $file"; bad=$((bad + 1)); continue
  fi
  cp "$src" "$work/orig"
  FIND=$find REPL=$repl perl -pi -e 's/\Q$ENV{FIND}\E/$ENV{REPL}/g' "$src"
  verdict=
  if ! ( cd "$work" && libs && link ) > "$work/build.log" 2>&1; then
    verdict=invalid
  else
    # shellcheck disable=SC2086
    if ( cd "$work" && build/rk_tests $suites > "$work/run.log" 2>&1 ); then verdict=survived
    else verdict="killed ($(grep -m1 '^FAIL' "$work/run.log" | cut -c1-100))"; fi
  fi
  cp "$work/orig" "$src"                       # new mtime: rebuilt next time
  case "$verdict" in
    invalid)
      bad=$((bad + 1))
      echo "INVALID   $name: does not build ($(grep -m1 'error:' "$work/build.log" | cut -c1-160))"
      ;;
    killed*)
      killed=$((killed + 1))
      if [ -n "$equiv" ]; then echo "NOTE      $name is listed as equivalent but was killed: $verdict"; fi
      echo "KILLED    $name: $weak"
      ;;
    survived)
      if [ -n "$equiv" ]; then
        equiv_ok=$((equiv_ok + 1)); equivalents+=("$name")
        echo "EQUIV     $name: $weak (equivalent: $equiv)"
      else
        survived=$((survived + 1)); survivors+=("$name")
        echo "SURVIVED  $name: $weak ($file; suites: $suites)"
      fi
      ;;
  esac
done <<< "$records"

[ ${#equivalents[@]} -gt 0 ] && echo "equivalent (survive by design): ${equivalents[*]}"
[ ${#survivors[@]} -gt 0 ] && echo "survivors: ${survivors[*]}"
[ $bad -gt 0 ] && echo "invalid mutants (text not found, or does not build): $bad"
echo "mutants: $killed killed, $survived survived"
[ $survived -eq 0 ] && [ $bad -eq 0 ]
