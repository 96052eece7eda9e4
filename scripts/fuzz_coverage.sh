#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# make fuzz-coverage: clang source-based coverage of each harness's target
# (fuzz/coverage.map) from its own corpus, replayed by fuzz/replay_main.c.
#   scripts/fuzz_coverage.sh [NAME...]      (default: every fuzz/*.c)
# Builds build/cov/NAME with -fprofile-instr-generate -fcoverage-mapping (core
# and shims in one archive), replays fuzz/corpus/NAME and fuzz/regress/NAME,
# merges the profile (llvm-profdata) and reads line and branch coverage of the
# target (llvm-cov report; per function for FILE:fn+fn targets).  Writes the
# lines never run to build/cov/NAME.missed.  One line per harness, then
#   fuzz-coverage: H harnesses, lines L/T (P %), branches B/U (Q %)
set -u
cd "$(dirname "$0")/.."
C=build/cov
CLANG=${CLANG:-clang}
PROFDATA=${LLVM_PROFDATA:-llvm-profdata}; COV=${LLVM_COV:-llvm-cov}
names=("$@"); [ ${#names[@]} -gt 0 ] || for f in fuzz/*.c; do n=$(basename "$f" .c); [ "$n" = replay_main ] || names+=("$n"); done
flags=(-std=c11 -D_GNU_SOURCE -O1 -g -fprofile-instr-generate -fcoverage-mapping -Icore/include -Ishims -Ifuzz)
mkdir -p "$C/o" "$C/prof"
# the core and shims, once (make decides what is out of date)
# (the Makefile's CORE_SRC and SHIM_SRC; core/src may hold layer folders)
mapfile -t srcs < <(find core/src -name '*.c' | sort; ls shims/iwf/*.c shims/client/*.c shims/common/*.c shims/xcap/*.c)
objs=()
for s in "${srcs[@]}"; do objs+=("$C/o/$(echo "${s%.c}" | tr / _).o"); done
{
  echo "all: $C/libcore.a"
  echo "$C/libcore.a: ${objs[*]}"; printf '\trm -f $@ && ar rcs $@ $^\n'
  for i in "${!srcs[@]}"; do
    echo "${objs[$i]}: ${srcs[$i]} $(find core/include core/src shims -name '*.h' | tr '\n' ' ')"
    printf '\t%s %s -c $< -o $@\n' "$CLANG" "${flags[*]}"
  done
} > "$C/core.mk"
nice make --no-print-directory -s -j"$(nproc)" -f "$C/core.mk" || exit 2

# "lines-total lines-missed branches-total branches-missed" for one target
measure() {
  local bin=$1 prof=$2 t=$3 file fns
  file=${t%%:*}
  if [ "$file" = "$t" ]; then
    "$COV" report "$bin" -instr-profile="$prof" "$file" 2>/dev/null |
      awk '/^TOTAL/ { print $8, $9, $11, $12 }'
  else
    fns=" $(echo "${t#*:}" | tr + ' ') "
    "$COV" report -show-functions "$bin" -instr-profile="$prof" "$file" 2>/dev/null |
      awk -v fns="$fns" '{ n = $1; sub(/^.*:/, "", n) }
        index(fns, " " n " ") && NF >= 10 { lt += $5; lm += $6; bt += $8; bm += $9 }
        END { print lt + 0, lm + 0, bt + 0, bm + 0 }'
  fi
}
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else printf "%.1f", 100 * a / b }'; }
TL=0; TM=0; TB=0; TBM=0; h=0; fail=0
for n in "${names[@]}"; do
  bin=$C/$n; prof=$C/prof/$n
  extra=(); [ "$n" = diff_wolfssl ] && extra=(-lwolfssl)   # as FUZZ_LIBS_diff_wolfssl in the Makefile
  if ! nice "$CLANG" "${flags[@]}" -o "$bin" "fuzz/$n.c" fuzz/replay_main.c "$C/libcore.a" -lsodium -lcrypto "${extra[@]}"; then
    echo "cov $n: build failed"; fail=$((fail+1)); continue; fi
  rm -f "$prof".*.profraw
  if ! LLVM_PROFILE_FILE="$prof.%p.profraw" nice "$bin" -q "fuzz/corpus/$n" "fuzz/regress/$n" > "$prof.log" 2>&1; then
    echo "cov $n: replay failed (see $prof.log)"; fail=$((fail+1)); continue; fi
  "$PROFDATA" merge -sparse "$prof".*.profraw -o "$prof.profdata" || { fail=$((fail+1)); continue; }
  targets=$(awk -v n="$n" '$1 == n { $1 = ""; print }' fuzz/coverage.map)
  if [ -z "$targets" ]; then
    if [ -f "$(ls core/src/*/"$n".c 2>/dev/null)" ]; then targets=$(ls core/src/*/"$n".c); else targets="core/src shims"; fi
  fi
  lt=0; lm=0; bt=0; bm=0
  : > "$C/$n.missed"
  for t in $targets; do
    read -r a b c d < <(measure "$bin" "$prof.profdata" "$t")
    lt=$((lt + ${a:-0})); lm=$((lm + ${b:-0})); bt=$((bt + ${c:-0})); bm=$((bm + ${d:-0}))
    # lines with a count of 0: "  NN|      0|source"
    show=("$COV" show "$bin" -instr-profile="$prof.profdata" "${t%%:*}")
    if [ "${t%%:*}" != "$t" ]; then for f in $(echo "${t#*:}" | tr + ' '); do show+=(-name-regex="^(.*:)?$f\$"); done; fi
    "${show[@]}" 2>/dev/null | awk -F'|' -v f="${t%%:*}" '$2 ~ /^ *0$/ { l = $1; gsub(/ /, "", l); print f ":" l ":" $3 }' >> "$C/$n.missed"
  done
  printf 'cov %-18s lines %5d/%-5d %6s %%   branches %5d/%-5d %6s %%   %s\n' "$n" $((lt - lm)) "$lt" \
    "$(pct $((lt - lm)) "$lt")" $((bt - bm)) "$bt" "$(pct $((bt - bm)) "$bt")" "$targets"
  TL=$((TL + lt)); TM=$((TM + lm)); TB=$((TB + bt)); TBM=$((TBM + bm)); h=$((h+1))
done
echo "fuzz-coverage: $h harnesses, lines $((TL - TM))/$TL ($(pct $((TL - TM)) $TL) %), branches $((TB - TBM))/$TB ($(pct $((TB - TBM)) $TB) %)"
[ $fail -eq 0 ]
