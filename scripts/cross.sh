#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# make cross: the core and its known-answer and negative tests on machines
# other than this x86-64 one (docs/portability.md says why and what is
# covered).
#
#   scripts/cross.sh                       every target
#   RK_CROSS_TARGETS="aarch64 s390x" scripts/cross.sh   a reduced set
#
# Per target: the core with the cross gcc (the -Werror core flags, so 32-bit
# size_t conversions show) and with clang --target; the allocation/global
# check on those objects (scripts/check_alloc.sh with the target's nm); the
# -ffreestanding compile of the core; the stack report; then the test runner
# (every tests/t_*.c with -DRK_NO_ORACLES, linked with the target's libsodium
# from dpkg multiarch) run under qemu-user with RK_VECTORS=vectors/, in the
# background while the next target builds (RK_CROSS_JOBS at a time).
# Options (docs/portability.md): RK_CROSS_TARGETS, RK_CROSS_SKIP,
# RK_CROSS_JOBS, RK_CROSS_CPU, RK_CROSS_TIMEOUT, RK_PORTABLE_MUL_FLAG.
# The runners get RK_TEST_QUICK=1: suites sample their largest systematic
# loops (the 10,000-case rootkey property test runs 20) under emulation.
# Target-independent: a portability lint of core/ (byte-order macros,
# pointer casts to wider integers, packed structs, headers).
#
# Everything is found by wildcard (core/src/*/*.c, tests/t_*.c, tests/*.c,
# shims/*/*.c), so new modules need no edit here.
#
# Output: one line per step, a line per target, and last
#   cross: A architectures, N passed, N failed
# where A counts the targets whose test runner ran to its closing line.
set -u
cd "$(dirname "$0")/.." || exit 1

# the slowest run (32-bit, portable multiply, under qemu) starts first so the
# others overlap it
ALL_TARGETS="armhf aarch64 s390x x86_64-portable"
TARGETS=${RK_CROSS_TARGETS:-$ALL_TARGETS}
# The bn module's switch that forces the portable 64x64->128 multiply on a
# compiler that has __int128 (issue 9; adjust here if bn names it otherwise).
PORTABLE_MUL=${RK_PORTABLE_MUL_FLAG:--DRK_PORTABLE_MUL}
# Hang guards per test runner: CPU seconds (load-independent: on a shared
# 2-core machine the wall time of a qemu run can be five times its CPU time)
# and a generous wall-clock limit.
RUN_CPU=${RK_CROSS_CPU:-900}
RUN_TIMEOUT=${RK_CROSS_TIMEOUT:-3600}
JOBS=${RK_CROSS_JOBS:-$(nproc 2>/dev/null || echo 2)}   # test runners at once
# target:suite pairs not run, for a CI short of time, e.g. "armhf:sakke"
SKIP=${RK_CROSS_SKIP:-}
B=build/cross
VEC=$(pwd)/vectors

CORE_WARN="-std=c11 -pedantic -Wall -Wextra -Werror -Wvla -Wconversion -Wshadow"
WARN="-Wall -Wextra -Werror"
CORE_SRC=$(ls core/src/*/*.c 2>/dev/null | sort)
TEST_SRC=$(ls tests/t_*.c 2>/dev/null | sort)
TEST_AUX="tests/main.c tests/rk_test.c $(ls tests/*.c 2>/dev/null | grep -vE '^tests/(main|rk_test|t_[^/]*)\.c$' | tr '\n' ' ')"
# shims/xcap: only its libcurl-free part (the targets have no libcurl)
SHIM_SRC=$(ls shims/iwf/*.c shims/client/*.c shims/common/*.c shims/xcap/merge.c 2>/dev/null | sort)

TP=0; TF=0; ARCHS=0; STARTED=""
declare -A BUILD_NOTE RUN_WITH
t0=$(date +%s)
pass() { TP=$((TP + ${1:-1})); }
fail() { TF=$((TF + 1)); echo "cross FAIL: $*"; }
# add the "N passed, N failed" closing line of a step's output; none = 1 failure
add_counts() {
  local l; l=$(printf '%s\n' "$1" | grep -E '^[0-9]+ passed, [0-9]+ failed' | tail -1)
  if [ -z "$l" ]; then TF=$((TF + 1)); return 1; fi
  TP=$((TP + $(echo "$l" | awk '{print $1}'))); TF=$((TF + $(echo "$l" | awk '{print $3}')))
}
finish() {
  echo "cross: total $(( $(date +%s) - t0 )) s"
  echo "cross: $ARCHS architectures, $TP passed, $TF failed"
  [ "$TF" -eq 0 ] && [ "$TP" -gt 0 ]
  exit
}

# ------------------------------------------------------------------ deps
if ! scripts/deps.sh cross check >/dev/null 2>&1; then
  scripts/deps.sh cross || { fail "cross toolchains missing (see above)"; finish; }
fi

# target -> "debian-arch gcc-triple qemu-name"
target_info() {
  case $1 in
    aarch64)         echo "arm64 aarch64-linux-gnu aarch64" ;;
    s390x)           echo "s390x s390x-linux-gnu s390x" ;;
    armhf)           echo "armhf arm-linux-gnueabihf arm" ;;
    x86_64-portable) echo "amd64 x86_64-linux-gnu -" ;;
    *)               return 1 ;;
  esac
}

# The lines of a preprocessed core source that come from core/ itself (the
# line markers name the file): a system header's own __int128 (the x86-64
# intrinsics headers that aes_ni.h includes) is not the core's multiply.
own_lines() { awk '/^# [0-9]+ "/ { f = $3; next } f ~ /^"core\// { print }'; }

# ------------------------------------------------------------------ lint
# What no compiler flag catches: the core converts between octets and words
# only with shifts, never by reinterpreting memory.  A line may opt out with
# the comment `rk-portable: <reason>` (the reason is printed).
lint() {
  local files bad=0 hits
  files=$(ls core/src/*/*.c core/src/*/*.h core/src/include/rootkey/*.h core/include/rootkey/*.h 2>/dev/null)
  [ -n "$files" ] || return 0
  # byte order, byte swaps, packed layouts
  hits=$(grep -nE '__BYTE_ORDER|__ORDER_(LITTLE|BIG)_ENDIAN|__(LITTLE|BIG)_ENDIAN__|\b(hto[bl]e|[bl]e(16|32|64)toh|htonl|htons|ntohl|ntohs)\b|__builtin_bswap|\bbswap_|#pragma[[:space:]]+pack|__attribute__[[:space:]]*\(\([^)]*packed' $files | grep -v 'rk-portable:')
  [ -n "$hits" ] && { echo "$hits" | sed 's/^/  byte order or packing: /'; bad=1; }
  # an octet pointer read as a wider integer: endianness and alignment
  hits=$(grep -nE '\([[:space:]]*(const[[:space:]]+)?(volatile[[:space:]]+)?(u?int(16|32|64)_t|unsigned[[:space:]]+(int|long)|long|int|rk_limb|size_t)[[:space:]]*(const[[:space:]]*)?\*[[:space:]]*\)' $files | grep -v 'rk-portable:')
  [ -n "$hits" ] && { echo "$hits" | sed 's/^/  pointer cast to a wider integer: /'; bad=1; }
  # headers: the C11 freestanding ones, <string.h> for the four memory
  # functions, libsodium in the hash module only, valgrind's client
  # requests (ct.h, only in the make ct build, -DRK_CT_VALGRIND), and the
  # x86-64 intrinsics in aes_ni.h (compiled on x86-64 only; trusted code,
  # proofs/TRUST.md)
  hits=$(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*<' $files \
         | grep -vE '<(stdint|stddef|stdbool|limits|stdalign|stdnoreturn|string)\.h>' \
         | grep -vE '^core/src/include/rootkey/ct\.h:[0-9]+:[[:space:]]*#[[:space:]]*include[[:space:]]*<valgrind/memcheck\.h>' \
         | grep -vE '^core/src/sym/aes_ni\.h:[0-9]+:[[:space:]]*#[[:space:]]*include[[:space:]]*<immintrin\.h>' \
         | grep -vE '^core/(src/sym|src/include/rootkey)/hash[^:]*:[0-9]+:[[:space:]]*#[[:space:]]*include[[:space:]]*<sodium(\.h|/[a-z0-9_]+\.h)>')
  [ -n "$hits" ] && { echo "$hits" | sed 's/^/  header not allowed in core\/: /'; bad=1; }
  grep -n 'rk-portable:' $files | sed 's/^/  lint exception: /'
  return $bad
}
if lint; then pass; echo "cross lint: core/ has no byte-order macros, wide pointer casts or disallowed headers"
else fail "portability lint of core/ (lines above)"; fi

# ------------------------------------------------------------------ freestanding
# Compile only: -ffreestanding -nostdinc, with the compiler's own headers
# (stdint.h, stddef.h, ...) and a stub directory holding <string.h> with
# exactly memcpy/memmove/memset/memcmp, <sodium.h> (the real one, for the
# hash module) and empty stand-ins for the libc headers libsodium's own
# headers include.  Any other libc function or header fails to compile.
FS=$B/freestanding/include
mkdir -p "$FS/sys"
cat > "$FS/string.h" <<'EOF'
/* scripts/cross.sh freestanding check: the only libc the core may call. */
#ifndef RK_FS_STRING_H
#define RK_FS_STRING_H
#include <stddef.h>
void *memcpy(void *restrict d, const void *restrict s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
#endif
EOF
for h in stdlib.h stdio.h sys/types.h; do
  echo "/* scripts/cross.sh freestanding check: empty stand-in, included only by libsodium's headers. */" > "$FS/$h"
done
# gcc's own <limits.h> defines every limit itself but #include_next's the C
# library's; this empty one ends that search.
echo "/* scripts/cross.sh freestanding check: end of gcc's #include_next <limits.h>. */" > "$FS/limits.h"
ln -sfn /usr/include/sodium "$FS/sodium"
ln -sfn /usr/include/sodium.h "$FS/sodium.h"
freestanding() {  # $1 = compiler command, $2 = its builtin include dir
  local cc=$1 inc=$2 f ok=0
  for f in $CORE_SRC; do
    $cc $CORE_WARN -O2 -ffreestanding -nostdinc -isystem "$inc" -isystem "$FS" -Icore/include -Icore/src/include \
        -c "$f" -o /dev/null 2>"$B/fs.err" || { sed 's/^/  /' "$B/fs.err" | head -20; ok=1; }
  done
  return $ok
}

# ------------------------------------------------------------------ per target
for t in $TARGETS; do
  info=$(target_info "$t") || { fail "unknown target $t (known: $ALL_TARGETS)"; continue; }
  set -- $info; darch=$1; triple=$2; qname=$3
  ts=$(date +%s); tp0=$TP; tf0=$TF; bad=0
  D=$B/$t; rm -rf "$D"; mkdir -p "$D/core" "$D/clang"
  extra=""; cc="$triple-gcc"; nm="$triple-nm"; run=""
  # x86_64-portable: the portable multiply and, with RK_NO_ASM, the bitsliced AES
  # and portable GHASH under GCM, KW, KWP and CMAC (the x86-64 build picks
  # AES-NI/PCLMULQDQ at run time and so never runs them here otherwise)
  if [ "$t" = x86_64-portable ]; then cc=gcc; nm=nm; extra="$PORTABLE_MUL -DRK_NO_ASM"; fi
  if ! command -v "$cc" >/dev/null; then fail "$t: no $cc"; continue; fi
  if [ "$qname" != - ]; then
    run=$(command -v "qemu-$qname-static" || command -v "qemu-$qname") \
      || { fail "$t: no qemu-$qname(-static)"; continue; }
    run="$run -L /"   # the dpkg multiarch sysroot: the target's libc6 and libsodium
  fi

  # What this target is, from the compiler itself; the claims are checked.
  defs=$($cc -dM -E - </dev/null)
  bits=$(( $(echo "$defs" | awk '/__SIZEOF_POINTER__/ {print $3}') * 8 ))
  endian=little; echo "$defs" | grep -q '__BYTE_ORDER__ __ORDER_BIG_ENDIAN__' && endian=big
  mul="__int128 multiply"
  if ! echo "$defs" | grep -q __SIZEOF_INT128__; then mul="portable multiply (no __int128)"
  elif [ -n "$extra" ]; then mul="portable multiply forced ($extra)"; fi
  echo "cross $t: $cc (Debian $darch), $bits-bit $endian-endian, $mul"
  case $t in
    s390x) [ "$endian" = big ] || fail "$t: expected a big-endian target" ;;
    armhf) [ "$bits" = 32 ] && [ "$mul" != "__int128 multiply" ] || fail "$t: expected 32-bit without __int128" ;;
  esac

  # 1. the core, gcc, warnings as errors; one check per source
  objs=""; bad=0
  for f in $CORE_SRC; do
    o=$D/core/$(basename "$f" .c).o
    if $cc $CORE_WARN -O2 $extra -Icore/include -Icore/src/include -fstack-usage -c "$f" -o "$o" 2>"$D/err"; then
      pass; objs="$objs $o"
    else fail "$t: $cc core build of $f"; sed 's/^/  /' "$D/err" | head -20; bad=1; fi
  done
  # 1b. the forced portable multiply really removes every __int128 (a
  #     renamed switch would otherwise leave this run testing nothing new)
  if [ -n "$extra" ]; then
    n128=0; still=""
    for f in $CORE_SRC; do
      $cc -std=c11 -Icore/include -Icore/src/include -E "$f" 2>/dev/null | own_lines | grep -q __int128 || continue
      n128=$((n128 + 1))
      $cc -std=c11 $extra -Icore/include -Icore/src/include -E "$f" 2>/dev/null | own_lines | grep -q __int128 && still="$still $f"
    done
    if [ -z "$still" ]; then pass; echo "  $t: $n128 core sources use __int128 by default, none with $extra"
    else fail "$t: $extra leaves __int128 in:$still"; fi
  fi
  # 1c. with RK_NO_ASM no AES-NI, PCLMULQDQ, MULX or ADX instruction is left
  #     in the core's objects (a renamed switch would test nothing new)
  case " $extra " in *" -DRK_NO_ASM "*)
    hw=$(for o in $objs; do objdump -d "$o" | grep -qE '\b(aesenc|aesdec|aesimc|aeskeygenassist|pclmul[a-z]*|mulx|adcx|adox)\b' && basename "$o"; done | tr '\n' ' ')
    if [ -z "$hw" ]; then pass; echo "  $t: no AES-NI/PCLMULQDQ/MULX/ADX instruction in the core (RK_NO_ASM)"
    else fail "$t: RK_NO_ASM leaves hardware instructions in: $hw"; fi ;;
  esac
  # 2. the core, clang for the same target
  cbad=0
  for f in $CORE_SRC; do
    clang --target="$triple" $CORE_WARN -O2 $extra -Icore/include -Icore/src/include -c "$f" \
      -o "$D/clang/$(basename "$f" .c).o" 2>"$D/err" || { sed 's/^/  /' "$D/err" | head -20; cbad=1; }
  done
  [ $cbad = 0 ] && pass || fail "$t: clang --target=$triple core build"
  # 3. allocation / globals check on the target's objects
  if [ -n "$objs" ]; then
    out=$(NM=$nm scripts/check_alloc.sh $objs)
    printf '%s\n' "$out" | grep -v '^[0-9]* passed' | sed "s/^/  $t: /"
    add_counts "$out" || { TF=$((TF - 1)); fail "$t: alloc check printed no count"; }
  fi
  # 4. freestanding compile: gcc on every target; clang (one compiler for
  #    every target, its headers target-independent) on the first only
  if freestanding "$cc $extra" "$($cc -print-file-name=include)"; then pass
  else fail "$t: -ffreestanding compile with $cc"; fi
  if [ -z "${FS_CLANG_DONE:-}" ]; then
    FS_CLANG_DONE=1
    if freestanding "clang --target=$triple $extra" "$(clang -print-resource-dir)/include"; then pass
    else fail "$t: -ffreestanding compile with clang --target=$triple"; fi
  fi
  # 5. stack frames on this target (information; a dynamic frame fails)
  scripts/stack_report.sh "$D/core" | sed "s/^/  $t /" ; [ "${PIPESTATUS[0]}" = 0 ] && pass || fail "$t: stack report"

  # 6. the test runner without oracles, built now and run in the background
  #    (RK_CROSS_JOBS at a time) while the next target builds
  for s in $TEST_SRC; do n=${s#tests/t_}; echo "RK_SUITE(${n%.c})"; done > "$D/suites.inc"
  suites=""; skipped=""
  for s in $TEST_SRC; do
    n=${s#tests/t_}; n=${n%.c}
    # the cli suite drives the host's build/rootkey, not this target's code
    if [ "$n" = cli ]; then skipped="$skipped $n"; continue; fi
    case " $SKIP " in *" $t:$n "*) skipped="$skipped $n" ;; *) suites="$suites $n" ;; esac
  done
  [ -n "$skipped" ] || suites=""          # no argument: every suite
  [ -n "$skipped" ] && echo "  $t: suites skipped by RK_CROSS_SKIP:$skipped"
  BUILD_NOTE[$t]="$((TP - tp0)) passed, $((TF - tf0)) failed, $(( $(date +%s) - ts )) s"
  if [ $bad = 0 ] && $cc -std=c11 $WARN -D_GNU_SOURCE -O2 -DRK_NO_ORACLES $extra \
        -Icore/include -Icore/src/include -Itests -Ishims -I"$D" -DRK_VECTOR_DIR="\"$VEC\"" \
        -o "$D/rk_tests" $TEST_SRC $TEST_AUX $SHIM_SRC $objs -lsodium 2>"$D/err"; then
    while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n; done
    RUN_WITH[$t]=${run:-native}
    ( rs=$(date +%s); ulimit -t "$RUN_CPU"
      RK_TEST_QUICK=1 RK_VECTORS=$VEC timeout "$RUN_TIMEOUT" $run "$D/rk_tests" $suites > "$D/run.out" 2>&1
      echo $? > "$D/run.rc"; echo $(( $(date +%s) - rs )) > "$D/run.secs" ) &
    STARTED="$STARTED $t"
  else
    [ $bad = 0 ] && { fail "$t: test runner build"; sed 's/^/  /' "$D/err" | head -30; } \
                 || fail "$t: test runner not built (core failed)"
  fi
  echo "cross $t: build and checks: ${BUILD_NOTE[$t]}"
done

# ------------------------------------------------------------------ test results
wait
for t in $STARTED; do
  D=$B/$t; tf0=$TF
  out=$(cat "$D/run.out" 2>/dev/null); rc=$(cat "$D/run.rc" 2>/dev/null || echo 1)
  printf '%s\n' "$out" | grep -v '^[0-9]* passed, [0-9]* failed$' | sed "s/^/  $t: /"
  if add_counts "$out"; then
    ARCHS=$((ARCHS + 1))
    [ "$rc" = 0 ] || [ $((TF - tf0)) -gt 0 ] || fail "$t: runner exit status $rc"
    echo "cross $t: tests $(printf '%s\n' "$out" | grep -E '^[0-9]+ passed' | tail -1)" \
         "($(cat "$D/run.secs") s under ${RUN_WITH[$t]}; a run time, not a speed figure)"
  else
    TF=$((TF - 1))   # add_counts counted the missing line; say why instead
    case $rc in
      124)     fail "$t: test runner timed out after $RUN_TIMEOUT s (wall clock)" ;;
      137|152) fail "$t: test runner killed (exit $rc): over $RUN_CPU CPU seconds?" ;;
      *)       fail "$t: test runner ended without its closing line (exit $rc)" ;;
    esac
  fi
done

finish
