#!/usr/bin/env bash
# A long fuzzing campaign for CI fuzz farms (hours per harness), both engines.
#   FUZZ_HOURS=4 JOBS=8 scripts/fuzz_campaign.sh [NAME...]   (default: every fuzz/*.c)
#   CORPUS_ROOT=dir    persistent corpus per harness (default build/fuzz/campaign)
#   MERGE=1            at the end, minimise each corpus back into fuzz/corpus/NAME (to commit)
# Each harness runs libFuzzer (-fork=JOBS/2 workers) for half the time and AFL++ (one main,
# JOBS/2-1 secondaries) for the other half on the same persistent corpus; crashes land in
# CORPUS_ROOT/NAME/artifacts and afl/*/crashes.  Last line:
#   fuzz: H harnesses, E execs, C crashes     (exit 1 if C > 0)
set -u
cd "$(dirname "$0")/.."
H=${FUZZ_HOURS:-1}; JOBS=${JOBS:-$(nproc)}; ROOT=${CORPUS_ROOT:-build/fuzz/campaign}
S=$(( H * 3600 / 2 ))
names=("$@"); [ ${#names[@]} -gt 0 ] || for f in fuzz/*.c; do n=$(basename "$f" .c); [ "$n" = replay_main ] || names+=("$n"); done
make --no-print-directory fuzz-build >/dev/null || exit 2
export AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
lf_workers=$(( JOBS / 2 )); [ $lf_workers -ge 1 ] || lf_workers=1
total=0; crashes=0; h=0
for n in "${names[@]}"; do
  w=$ROOT/$n; mkdir -p "$w/corpus" "$w/artifacts"
  [ -d "fuzz/corpus/$n" ] && cp -n fuzz/corpus/$n/* "$w/corpus/" 2>/dev/null
  [ -n "$(ls -A "$w/corpus")" ] || printf 'x' > "$w/corpus/seed"
  dict=(); xd=(); [ -f "fuzz/dict/$n.dict" ] && { dict=(-dict="fuzz/dict/$n.dict"); xd=(-x "fuzz/dict/$n.dict"); }
  build/fuzz/lf_"$n" -fork="$lf_workers" -ignore_crashes=1 -max_total_time="$S" -timeout=10 \
      -print_final_stats=1 -artifact_prefix="$w/artifacts/" "${dict[@]}" "$w/corpus" > "$w/libfuzzer.log" 2>&1
  le=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$w/libfuzzer.log" | awk '{s+=$2} END {print s+0}')
  lc=$(ls "$w/artifacts" 2>/dev/null | grep -c '^crash-')
  rm -rf "$w/afl"; pids=()
  timeout $((S + 300)) afl-fuzz -i "$w/corpus" -o "$w/afl" -M main -V "$S" "${xd[@]}" -- build/fuzz/afl_"$n" >/dev/null 2>&1 & pids+=($!)
  for i in $(seq 1 $(( JOBS / 2 - 1 ))); do
    timeout $((S + 300)) afl-fuzz -i "$w/corpus" -o "$w/afl" -S "s$i" -V "$S" "${xd[@]}" -- build/fuzz/afl_"$n" >/dev/null 2>&1 & pids+=($!)
  done
  wait "${pids[@]}"
  ae=$(awk -F: '/^execs_done/ {gsub(/ /,"",$2); s+=$2} END {print s+0}' "$w"/afl/*/fuzzer_stats 2>/dev/null)
  ac=$(find "$w/afl" -path '*crashes/id:*' -type f 2>/dev/null | wc -l)
  echo "fuzz $n: libFuzzer ${le:-0} execs, $lc crashes; AFL++ ${ae:-0} execs, $ac crashes"
  if [ "${MERGE:-0}" = 1 ]; then
    mkdir -p "fuzz/corpus/$n.min"
    build/fuzz/lf_"$n" -merge=1 "fuzz/corpus/$n.min" "fuzz/corpus/$n" "$w/corpus" >/dev/null 2>&1 &&
      rm -rf "fuzz/corpus/$n" && mv "fuzz/corpus/$n.min" "fuzz/corpus/$n"
  fi
  h=$((h+1)); total=$(( total + ${le:-0} + ${ae:-0} )); crashes=$(( crashes + lc + ac ))
done
echo "fuzz: $h harnesses, $total execs, $crashes crashes"
[ $crashes -eq 0 ]
