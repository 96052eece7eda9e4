#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Fuzz every named harness with libFuzzer and then AFL++ (same source file,
# LLVMFuzzerTestOneInput), for a bounded time each.
#   scripts/fuzz.sh smoke NAME...     libFuzzer FUZZ_SECONDS (default 30), AFL++ a third of it
#   (long campaigns: scripts/fuzz_campaign.sh, make fuzz)
# Seeds: fuzz/corpus/NAME/ (committed); dictionary: fuzz/dict/NAME.dict if any;
# AFL++ custom mutator: build/fuzz/afl_NAME_mutator.so if any (xml_doc's).
# The growing corpus and crashes go to build/fuzz/work/NAME/.
# Last line: "fuzz: H harnesses, E execs, C crashes"; exit 1 if C > 0.
set -u
mode=$1; shift
S=${FUZZ_SECONDS:-30}
if [ "$mode" = smoke ]; then A=$(( S / 3 )); [ $A -lt 5 ] && A=5; else A=$S; fi
B=build/fuzz
h=0; execs=0; crashes=0
export AFL_NO_AFFINITY=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_QUIET=1
# One harness: both engines in turn; writes "<line>\t<execs>\t<crashes>" to
# $B/work/NAME/result so that harnesses can run side by side.
fuzz_one() {
  local n=$1 w=$B/work/$1 seeds dict xdict mut rc le lc ae ac
  w=$B/work/$n; mkdir -p "$w/corpus" "$w/artifacts" "$w/seeds"
  seeds=fuzz/corpus/$n
  if [ -d "$seeds" ] && [ -n "$(ls -A "$seeds" 2>/dev/null)" ]; then cp -f "$seeds"/* "$w/seeds/"; fi
  [ -n "$(ls -A "$w/seeds")" ] || printf 'x' > "$w/seeds/empty-ish"
  dict=(); xdict=()
  [ -f "fuzz/dict/$n.dict" ] && { dict=(-dict="fuzz/dict/$n.dict"); xdict=(-x "fuzz/dict/$n.dict"); }
  "$B/lf_$n" -max_total_time="$S" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$w/artifacts/" "${dict[@]}" "$w/corpus" "$w/seeds" > "$w/libfuzzer.log" 2>&1
  rc=$?
  le=$(grep -E 'stat::number_of_executed_units' "$w/libfuzzer.log" | awk '{print $2}' | tail -1)
  le=${le:-0}
  lc=0; [ $rc -ne 0 ] && lc=1
  mut=(); [ -f "$B/afl_${n}_mutator.so" ] && mut=(env AFL_CUSTOM_MUTATOR_LIBRARY="$PWD/$B/afl_${n}_mutator.so")
  rm -rf "$w/afl_out"
  timeout $((A + 120)) "${mut[@]}" afl-fuzz -i "$w/seeds" -o "$w/afl_out" -V "$A" -t 10000 "${xdict[@]}" -- "$B/afl_$n" > "$w/afl.log" 2>&1
  ae=$(awk -F: '/^execs_done/ {gsub(/ /,"",$2); print $2}' "$w/afl_out/default/fuzzer_stats" 2>/dev/null)
  ac=$(find "$w/afl_out/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
  ae=${ae:-0}
  if [ "$ae" = 0 ]; then echo "fuzz: $n: AFL++ did not run (see $w/afl.log)" >&2; ac=$((ac+1)); fi
  printf '%s\t%s\t%s\n' "$(printf 'fuzz %-16s libFuzzer %9s execs%s   AFL++ %8s execs, %s crashes' "$n" "$le" \
      "$([ $lc -ne 0 ] && echo ", CRASH (exit $rc, see $w/artifacts)")" "$ae" "$ac")" \
      $((le + ae)) $((lc + ac)) > "$w/result"
}

# Harnesses run FUZZ_JOBS at a time (default: the number of cores); each
# engine is single-threaded, so the wall time drops by that factor.
J=${FUZZ_JOBS:-$(nproc)}
running=0
for n in "$@"; do
  rm -f "$B/work/$n/result"
  fuzz_one "$n" &
  running=$((running + 1))
  if [ $running -ge "$J" ]; then wait -n; running=$((running - 1)); fi
done
wait
for n in "$@"; do
  r=$B/work/$n/result
  if [ ! -f "$r" ]; then echo "fuzz: $n: no result"; crashes=$((crashes+1)); continue; fi
  IFS=$'\t' read -r line e c < "$r"
  echo "$line"
  h=$((h+1)); execs=$((execs + e)); crashes=$((crashes + c))
done
echo "fuzz: $h harnesses, $execs execs, $crashes crashes"
[ $crashes -eq 0 ] && [ $h -gt 0 ]
