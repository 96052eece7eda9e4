#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# make fuzz-oss-check: run .clusterfuzzlite/build.sh as the OSS-Fuzz
# base-builder image runs it (no container here), check what it put in $OUT,
# then run every fuzzer it built for OSS_RUNS inputs (default 3000) the way
# the runner image does (options from NAME.options, seeds from the zip).
#   SANITIZER=address|undefined (default address)   OSS_RUNS=N   OSS_JOBS=N
# Environment as base-builder sets it: CC=clang CXX=clang++, CFLAGS/CXXFLAGS
# = -O1 -fno-omit-frame-pointer -gline-tables-only
#   -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION + the sanitizer's flags +
#   -fsanitize=fuzzer-no-link, LIB_FUZZING_ENGINE=-fsanitize=fuzzer,
#   SRC, OUT, WORK (under build/oss-fuzz/SANITIZER/, $SRC/rootkey a link to
#   this tree).  CXXFLAGS gets -stdlib=libc++ only where libc++ links (Debian's
#   libc++-dev is not installed here; the harnesses are C).
# Last line: "fuzz-oss-check: H fuzzers, E execs, F failures"; exit 1 if F > 0.
set -u
cd "$(dirname "$0")/.."
SANITIZER=${SANITIZER:-address}
RUNS=${OSS_RUNS:-3000}
J=${OSS_JOBS:-$(nproc)}
case $SANITIZER in
  address) san="-fsanitize=address -fsanitize-address-use-after-scope" ;;
  undefined)
    u=array-bounds,bool,builtin,enum,float-divide-by-zero,function,integer-divide-by-zero,null,object-size,return,returns-nonnull-attribute,shift,signed-integer-overflow,unreachable,vla-bound,vptr
    san="-fsanitize=$u,unsigned-integer-overflow -fno-sanitize-recover=$u" ;;
  *) echo "fuzz-oss-check: SANITIZER must be address or undefined" >&2; exit 2 ;;
esac
root=$PWD/build/oss-fuzz/$SANITIZER
rm -rf "$root"; mkdir -p "$root/src" "$root/out" "$root/work"
ln -s "$PWD" "$root/src/rootkey"
cp .clusterfuzzlite/build.sh "$root/src/build.sh"
base="-O1 -fno-omit-frame-pointer -gline-tables-only -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION"
libcxx=""
echo 'int main(){return 0;}' > "$root/work/t.cc"
clang++ -stdlib=libc++ "$root/work/t.cc" -o "$root/work/t" 2>/dev/null && libcxx=" -stdlib=libc++"
export CC=clang CXX=clang++ SANITIZER SRC=$root/src OUT=$root/out WORK=$root/work \
  CFLAGS="$base $san -fsanitize=fuzzer-no-link" \
  CXXFLAGS="$base$libcxx $san -fsanitize=fuzzer-no-link" \
  LIB_FUZZING_ENGINE=-fsanitize=fuzzer FUZZING_ENGINE=libfuzzer ARCHITECTURE=x86_64
echo "fuzz-oss-check: build.sh with SANITIZER=$SANITIZER (CXXFLAGS${libcxx:- without -stdlib=libc++})"
if ! (cd "$SRC/rootkey" && nice bash -eu "$SRC/build.sh") > "$root/build.log" 2>&1; then
  tail -30 "$root/build.log"; echo "fuzz-oss-check: build.sh failed (log $root/build.log)"; exit 1
fi

fail=0
names=()
for f in fuzz/*.c; do n=$(basename "$f" .c); [ "$n" = replay_main ] || names+=("$n"); done
for n in "${names[@]}"; do  # what the runner image expects next to each fuzzer
  # a harness build.sh skipped for a missing library (diff_wolfssl) is reported, not failed
  if grep -q "^build.sh: $n skipped: " "$root/build.log"; then grep "^build.sh: $n skipped: " "$root/build.log"; continue; fi
  [ -x "$OUT/$n" ] || { echo "fuzz-oss-check: $n: no fuzzer in \$OUT"; fail=$((fail+1)); }
  [ -f "$OUT/$n.options" ] || { echo "fuzz-oss-check: $n: no $n.options"; fail=$((fail+1)); }
  if [ -d "fuzz/corpus/$n" ] && ! unzip -tq "$OUT/${n}_seed_corpus.zip" >/dev/null 2>&1; then
    echo "fuzz-oss-check: $n: no valid ${n}_seed_corpus.zip"; fail=$((fail+1)); fi
  if [ -f "fuzz/dict/$n.dict" ] && ! cmp -s "fuzz/dict/$n.dict" "$OUT/$n.dict"; then
    echo "fuzz-oss-check: $n: $n.dict missing"; fail=$((fail+1)); fi
done

export ASAN_OPTIONS=alloc_dealloc_mismatch=0:allocator_may_return_null=1:detect_leaks=1:detect_stack_use_after_return=1:symbolize=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:silence_unsigned_overflow=1:symbolize=1
run_one() {  # the runner's way: cd $OUT, options as flags, seeds unzipped
  local n=$1 w=$WORK/run/$1 args=() k v rc e
  rm -rf "$w"; mkdir -p "$w/corpus" "$w/seeds" "$w/artifacts"
  [ -f "$OUT/${n}_seed_corpus.zip" ] && unzip -qo "$OUT/${n}_seed_corpus.zip" -d "$w/seeds"
  if [ -f "$OUT/$n.options" ]; then
    while IFS='=' read -r k v; do
      k=$(echo "$k" | tr -d ' '); v=$(echo "$v" | sed 's/^ *//; s/ *$//')
      case $k in ''|'['*|'#'*) continue ;; esac
      args+=("-$k=$v")
    done < <(sed -n '/^\[libfuzzer\]/,/^\[/p' "$OUT/$n.options")
  fi
  (cd "$OUT" && nice "./$n" -runs="$RUNS" -max_total_time=120 -print_final_stats=1 -rss_limit_mb=2560 \
      -artifact_prefix="$w/artifacts/" "${args[@]}" "$w/corpus" "$w/seeds") > "$w/log" 2>&1
  rc=$?
  e=$(awk '/stat::number_of_executed_units/ {print $2}' "$w/log" | tail -1)
  printf '%s\t%s\t%s\n' "$n" "${e:-0}" "$rc" > "$w/result"
}
running=0
for n in "${names[@]}"; do
  [ -x "$OUT/$n" ] || continue
  run_one "$n" &
  running=$((running+1))
  if [ $running -ge "$J" ]; then wait -n; running=$((running-1)); fi
done
wait
h=0; execs=0
for n in "${names[@]}"; do
  r=$WORK/run/$n/result
  [ -f "$r" ] || continue
  IFS=$'\t' read -r _ e rc < "$r"
  h=$((h+1)); execs=$((execs+e))
  if [ "$rc" -ne 0 ]; then
    echo "fuzz-oss-check: $n: exit $rc after $e execs (log $WORK/run/$n/log, artifacts $WORK/run/$n/artifacts)"
    fail=$((fail+1))
  else
    printf 'oss %-18s %7d execs\n' "$n" "$e"
  fi
done
echo "fuzz-oss-check: $h fuzzers, $execs execs, $fail failures"
[ $fail -eq 0 ] && [ $h -gt 0 ]
