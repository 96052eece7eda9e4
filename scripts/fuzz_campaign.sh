#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# A multi-core fuzzing campaign (make fuzz-campaign, make fuzz): every named
# harness in turn, both engines, on a persistent corpus.
#   make fuzz-campaign JOBS=N HOURS=H [NAMES="a b"] [MERGE=1]
#   HOURS=H JOBS=N scripts/fuzz_campaign.sh [NAME...]    (default: every fuzz/*.c)
# HOURS (decimals allowed; FUZZ_HOURS is read too) is the wall time per harness;
# the campaign takes HOURS x harnesses.  Each harness gets half of it under
# libFuzzer (-fork=JOBS worker processes) and half under AFL++ (one main
# instance -M and JOBS-1 secondaries -S, syncing through one output
# directory), so JOBS cores are busy throughout.  AFL++ starts from what
# libFuzzer grew, and its queues go back into the corpus at the end.
#   CORPUS_ROOT=dir  persistent state per harness (default build/fuzz/campaign)
#   MERGE=1          merge (libFuzzer -merge=1) into fuzz/corpus/NAME the
#                    inputs that add coverage to it, to commit
# Crash reproducers (libFuzzer crash-*, AFL++ crashes/id:*) are collected in
# CORPUS_ROOT/NAME/crashes/; copy them to fuzz/regress/NAME/ with the fix.
# Last line: "fuzz: H harnesses, E execs, C crashes"   (exit 1 if C > 0)
set -u
cd "$(dirname "$0")/.."
H=${HOURS:-${FUZZ_HOURS:-1}}; JOBS=${JOBS:-$(nproc)}; ROOT=${CORPUS_ROOT:-build/fuzz/campaign}
S=$(awk -v h="$H" 'BEGIN { s = int(h * 3600 / 2); print (s < 10 ? 10 : s) }')
[ "$JOBS" -ge 1 ] 2>/dev/null || { echo "fuzz-campaign: JOBS must be a positive number" >&2; exit 2; }
names=("$@"); [ ${#names[@]} -gt 0 ] || for f in fuzz/*.c; do n=$(basename "$f" .c); [ "$n" = replay_main ] || names+=("$n"); done
make --no-print-directory fuzz-build >/dev/null || exit 2
export AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_QUIET=1
echo "fuzz-campaign: ${#names[@]} harnesses, $JOBS jobs, ${S} s libFuzzer + ${S} s AFL++ each"
total=0; crashes=0; h=0
for n in "${names[@]}"; do
  w=$ROOT/$n; mkdir -p "$w/corpus" "$w/artifacts" "$w/crashes"
  for d in "fuzz/corpus/$n" "fuzz/regress/$n"; do [ -d "$d" ] && cp -n "$d"/* "$w/corpus/" 2>/dev/null; done
  [ -n "$(ls -A "$w/corpus")" ] || printf 'x' > "$w/corpus/seed"
  dict=(); xd=(); [ -f "fuzz/dict/$n.dict" ] && { dict=(-dict="fuzz/dict/$n.dict"); xd=(-x "fuzz/dict/$n.dict"); }
  build/fuzz/lf_"$n" -fork="$JOBS" -ignore_crashes=1 -max_total_time="$S" -timeout=25 -rss_limit_mb=2560 \
      -print_final_stats=1 -artifact_prefix="$w/artifacts/" "${dict[@]}" "$w/corpus" > "$w/libfuzzer.log" 2>&1
  # -fork prints a running "#N ... exec/s" line per worker round; the last one has the total
  le=$(grep -oE '^#[0-9]+' "$w/libfuzzer.log" | tail -1 | tr -d '#')
  lc=$(find "$w/artifacts" -name 'crash-*' -type f 2>/dev/null | wc -l)
  # an AFL++ custom mutator built from the harness (xml_doc's), if any
  mut=(); [ -f "build/fuzz/afl_${n}_mutator.so" ] && mut=(env AFL_CUSTOM_MUTATOR_LIBRARY="$PWD/build/fuzz/afl_${n}_mutator.so")
  rm -rf "$w/afl"; pids=()
  timeout $((S + 300)) "${mut[@]}" afl-fuzz -i "$w/corpus" -o "$w/afl" -M main -V "$S" -t 25000 "${xd[@]}" -- build/fuzz/afl_"$n" >/dev/null 2>&1 & pids+=($!)
  for i in $(seq 1 $((JOBS - 1))); do
    timeout $((S + 300)) "${mut[@]}" afl-fuzz -i "$w/corpus" -o "$w/afl" -S "s$i" -V "$S" -t 25000 "${xd[@]}" -- build/fuzz/afl_"$n" >/dev/null 2>&1 & pids+=($!)
  done
  wait "${pids[@]}"
  ae=$(awk -F: '/^execs_done/ {gsub(/ /,"",$2); s+=$2} END {print s+0}' "$w"/afl/*/fuzzer_stats 2>/dev/null)
  ac=$(find "$w/afl" -path '*crashes/id:*' -type f 2>/dev/null | wc -l)
  [ "${ae:-0}" -gt 0 ] || echo "fuzz-campaign: $n: AFL++ did not run" >&2
  # AFL++'s queues join the corpus (libFuzzer keeps only what adds coverage)
  q=(); for d in "$w"/afl/*/queue; do [ -d "$d" ] && q+=("$d"); done
  [ ${#q[@]} -gt 0 ] && build/fuzz/lf_"$n" -merge=1 -timeout=25 "$w/corpus" "${q[@]}" >> "$w/merge.log" 2>&1
  find "$w/artifacts" -name 'crash-*' -type f -exec cp -n {} "$w/crashes/" \; 2>/dev/null
  find "$w/afl" -path '*crashes/id:*' -type f 2>/dev/null | while read -r f; do
    cp -n "$f" "$w/crashes/afl-$(basename "$(dirname "$(dirname "$f")")")-$(basename "$f" | cut -d, -f1 | tr : -)"; done
  echo "fuzz $n: libFuzzer ${le:-0} execs, $lc crashes; AFL++ ${ae:-0} execs, $ac crashes; corpus $(ls "$w/corpus" | wc -l) files"
  if [ "${MERGE:-0}" = 1 ]; then
    # add to the committed corpus only the inputs that reach new coverage
    # (named by their SHA-1); the named seeds stay as they are
    mkdir -p "fuzz/corpus/$n"
    build/fuzz/lf_"$n" -merge=1 -timeout=25 "fuzz/corpus/$n" "$w/corpus" >> "$w/merge.log" 2>&1
    for f in "fuzz/regress/$n"/*; do   # reproducers are replayed from fuzz/regress already
      [ -f "$f" ] && rm -f "fuzz/corpus/$n/$(sha1sum < "$f" | cut -d' ' -f1)"; done
  fi
  h=$((h+1)); total=$(( total + ${le:-0} + ${ae:-0} )); crashes=$(( crashes + lc + ac ))
done
echo "fuzz: $h harnesses, $total execs, $crashes crashes"
[ $crashes -eq 0 ]
