#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# make proofs: Frama-C WP (with RTE guards) on every core module, one run per
# source file, gated so that any unproved goal fails.
#
#   proofs/run.sh [module ...]      default: every core/src/<layer>/*.c
#   RECORD=1 proofs/run.sh          also write the goal totals to proofs/results/
#   WP_CACHE_DIR=DIR proofs/run.sh  WP cache in DIR instead of proofs/cache
#                                   (make proofs-fresh: an empty temporary one)
#
# Per-module extra options live in proofs/opts/<module> (one per line), e.g.
# dropping -warn-unsigned-overflow in arithmetic modules where wrap-around is
# the point.  The WP cache (proofs/cache) is committed so CI replays proved
# goals instead of re-running the provers.
# Last line: "proofs: P/T goals proved".  Exit 1 if P < T, if a module's total
# fell below the count recorded in proofs/results/<module>.count, or if the
# Why3 bit-vector lemmas behind the admits do not prove.
set -u
cd "$(dirname "$0")/.."
top=$(pwd)
out=build/proofs
mkdir -p "$out" build/fc-include
# an include dir exposing only libsodium (Frama-C brings its own libc headers)
ln -sfn /usr/include/sodium.h build/fc-include/sodium.h
ln -sfn /usr/include/sodium build/fc-include/sodium
# a Why3 configuration of this run's own: two runs at once (CI next to a run
# by hand) would otherwise rewrite one file under each other
mkdir -p build
why3dir=$(mktemp -d "$top/build/why3.XXXXXX")
trap 'rm -rf "$why3dir"' EXIT
eval "$(scripts/setup_why3.sh "$why3dir")"
export WHY3CONFIG

CACHE=${WP_CACHE_DIR:-$top/proofs/cache}
PROVERS=${PROVERS:-cvc4,z3}
TIMEOUT=${WP_TIMEOUT:-20}
PAR=${WP_PAR:-1}
# proofs/pending lists modules whose proof is not finished (module, reason):
# they are not covered by the default run, and every run says so.
pending=()
[ -f proofs/pending ] && while read -r m reason; do
  case "$m" in ''|'#'*) ;; *) pending+=("$m") ;; esac; done < proofs/pending
if [ $# -gt 0 ]; then mods=("$@"); else
  mods=(); for f in core/src/*/*.c; do
    m=$(basename "$f" .c); skip=0
    for p in "${pending[@]}"; do [ "$p" = "$m" ] && skip=1; done
    [ $skip -eq 1 ] || mods+=("$m"); done
fi

# core/src/<layer>/<module>.c: module names are unique across the layers
modsrc() { local f; for f in core/src/*/"$1".c; do [ -f "$f" ] && echo "$f"; done; }

# One module: WP with RTE, gated; writes $out/$m.result = "p t status secs".
prove_one() {
  local m=$1 src extra=() warn o t0 rc line p t rec status
  src=$(modsrc "$m"); [ -n "$src" ] || { echo "0 0 FAIL(no-source) 0" > "$out/$m.result"; return; }
  [ -f "proofs/opts/$m" ] && while read -r o; do
    case "$o" in ''|'#'*) ;; *) extra+=("$o") ;; esac; done < "proofs/opts/$m"
  warn=(-warn-unsigned-overflow -warn-unsigned-downcast -warn-signed-downcast)
  for o in "${extra[@]}"; do   # "no-unsigned-overflow" in opts drops that guard
    [ "$o" = "-no-warn-unsigned-overflow" ] && warn=(-warn-unsigned-downcast -warn-signed-downcast)
  done
  t0=$(date +%s)
  frama-c -cpp-extra-args="-I$top/core/include -I$top/core/src/include -I$top/build/fc-include -include $top/proofs/include/sodium_acsl.h" \
      "${warn[@]}" "${extra[@]}" \
      -wp -wp-rte -wp-prover "$PROVERS" -wp-par "$PAR" -wp-timeout "$TIMEOUT" \
      -wp-cache update -wp-cache-dir "$CACHE" \
      -wp-report-json "$out/$m.json" "$src" \
      -then -report-classify -report-unclassified-unknown ERROR \
      -report-output "$out/$m.classify.json" > "$out/$m.log" 2>&1
  rc=$?
  line=$(grep -aE 'Proved goals:' "$out/$m.log" | tail -1 | sed 's/.*Proved goals: *//')
  p=${line%% /*}; t=${line##*/ }
  p=${p:-0}; t=${t:-0}; p=$((p)); t=$((t))
  rec=0; [ -f "proofs/results/$m.count" ] && rec=$(cat "proofs/results/$m.count")
  status=ok
  if [ $rc -ne 0 ] || [ "$p" -lt "$t" ] || [ "$t" -eq 0 ]; then status=FAIL;
  elif [ "$t" -lt "$rec" ]; then status="FAIL(total-$t-below-recorded-$rec)"; fi
  echo "$p $t $status $(( $(date +%s) - t0 ))" > "$out/$m.result"
}

# Qed simplification is single-threaded and dominates the time, so modules
# run JOBS at a time (default: the number of cores), each with WP_PAR provers.
# Largest first (by recorded goal count), so that no big module starts last
# and runs alone while the other cores wait.
JOBS=${PROOF_JOBS:-$(nproc)}
order=()
while read -r _ m; do order+=("$m"); done < <(
  for m in "${mods[@]}"; do
    c=0; [ -f "proofs/results/$m.count" ] && c=$(cat "proofs/results/$m.count")
    echo "$c $m"; done | sort -k1,1nr -k2,2)
running=0
for m in "${order[@]}"; do
  rm -f "$out/$m.result"
  prove_one "$m" &
  running=$((running + 1))
  if [ $running -ge "$JOBS" ]; then wait -n; running=$((running - 1)); fi
done
wait

total_p=0; total_t=0; bad=0
for m in "${mods[@]}"; do
  read -r p t status secs < "$out/$m.result" 2>/dev/null || { p=0; t=0; status=FAIL; secs=0; }
  printf '%-16s %5s/%-5s goals  %4ss  %s\n' "$m" "$p" "$t" "$secs" "$status"
  if [ "$status" != ok ]; then
    bad=$((bad+1))
    grep -aE 'ERROR|Timeout|Unknown|Failed|error:' "$out/$m.log" | head -15 | sed 's/^/    /'
  elif [ "${RECORD:-0}" = 1 ]; then echo "$t" > "proofs/results/$m.count"; fi
  total_p=$((total_p + p)); total_t=$((total_t + t))
done

# Modules recorded earlier must still be proved (a deleted or renamed module
# would otherwise drop its goals silently).
if [ $# -eq 0 ]; then
  for c in proofs/results/*.count; do
    [ -e "$c" ] || continue
    m=$(basename "$c" .count)
    [ -n "$(modsrc "$m")" ] || { echo "$m: recorded in proofs/results but core/src/*/$m.c is gone"; bad=$((bad+1)); }
  done
fi

# The trusted base: admits in the core, each a bit-vector fact proved by Why3.
admits=$(grep -rhoE '/\*@ *admit' core | wc -l)
axioms=$(grep -rhoE 'axiom [A-Za-z0-9_]+ *:' core proofs/include | wc -l)
bv=$(why3 prove -P z3 -t 20 proofs/why3/ctbits.mlw 2>&1)
bv_ok=$(printf '%s\n' "$bv" | grep -c 'Prover result is: Valid')
bv_all=$(printf '%s\n' "$bv" | grep -c 'Prover result is:')
echo "trusted base: $admits admit sites, $axioms axioms; Why3 bit-vector lemmas $bv_ok/$bv_all proved (proofs/TRUST.md)"
[ "$bv_ok" -eq "$bv_all" ] && [ "$bv_all" -gt 0 ] || bad=$((bad+1))
if [ ${#pending[@]} -gt 0 ]; then
  echo "NOT COVERED (proof unfinished, proofs/pending): ${pending[*]}"
fi
echo "proofs: $total_p/$total_t goals proved"
[ $bad -eq 0 ] && [ "$total_p" -eq "$total_t" ]
