#!/bin/bash -eu
# SPDX-License-Identifier: Apache-2.0
# OSS-Fuzz / ClusterFuzzLite build script for rootkey.
#
# The base-builder image runs it from $SRC/rootkey with CC, CXX, CFLAGS and
# CXXFLAGS (sanitizer and coverage flags included), LIB_FUZZING_ENGINE, SRC,
# OUT and WORK set; `make fuzz-oss-check` (scripts/fuzz_oss_check.sh) runs it
# here the same way.  For every harness fuzz/NAME.c it puts in $OUT:
#   NAME                   the fuzzer (harness + core + shims, libsodium and
#                          libcrypto static; diff_wolfssl also libwolfssl.a,
#                          and is skipped with a message when the image's
#                          wolfSSL has no static archive or no ECCSI/SAKKE)
#   NAME_seed_corpus.zip   fuzz/corpus/NAME/ and fuzz/regress/NAME/
#   NAME.dict              fuzz/dict/NAME.dict, when there is one
#   NAME.options           fuzz/NAME.options if committed, else the default below
# The core and the shim library are compiled once into $WORK/librootkey_fuzz.a
# with the engine's flags; harnesses are C, linked with $CXX as the engines
# (libFuzzer, AFL++, honggfuzz, centipede) expect.
cd "${SRC}/rootkey"
obj="${WORK}/rootkey-obj"
rm -rf "${obj}" && mkdir -p "${obj}"
flags=(-std=c11 -D_GNU_SOURCE -Wall -Wextra -Icore/include -Ishims -Ifuzz)

# libsodium: the static archive, so the fuzzers run in the runner image, which
# has no libsodium of its own
sodium=""
for d in "$(pkg-config --variable=libdir libsodium 2>/dev/null || true)" \
         /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /usr/local/lib /usr/lib; do
  if [ -n "$d" ] && [ -f "$d/libsodium.a" ]; then sodium="$d/libsodium.a"; break; fi
done
[ -n "${sodium}" ] || { echo "build.sh: libsodium.a not found (apt-get install libsodium-dev)" >&2; exit 1; }
# libcrypto, for the differential harness (diff_openssl), static likewise
crypto="$(dirname "${sodium}")/libcrypto.a"
[ -f "${crypto}" ] || { echo "build.sh: libcrypto.a not found (apt-get install libssl-dev)" >&2; exit 1; }
# libwolfssl, for the differential harness diff_wolfssl: only a build with
# ECCSI and SAKKE (Debian's 5.5.4 has both; its options header says so)
wolfssl="$(dirname "${sodium}")/libwolfssl.a"
wolfssl_missing=""
if [ ! -f "${wolfssl}" ]; then wolfssl_missing="no ${wolfssl} (apt-get install libwolfssl-dev)"
elif ! grep -q '^#define WOLFCRYPT_HAVE_ECCSI' /usr/include/wolfssl/options.h 2>/dev/null ||
     ! grep -q '^#define WOLFCRYPT_HAVE_SAKKE' /usr/include/wolfssl/options.h 2>/dev/null; then
  wolfssl_missing="the installed wolfSSL has no ECCSI or no SAKKE"
fi

# core and shims, in parallel; one object name per source path
# the Makefile's CORE_SRC and SHIM_SRC (core/src may hold layer folders)
mapfile -t srcs < <(find core/src -name '*.c' | sort; ls shims/iwf/*.c shims/client/*.c shims/common/*.c shims/xcap/*.c)
printf '%s\n' "${srcs[@]}" | xargs -P "$(nproc)" -I{} sh -c \
  'o="$1/$(echo "$2" | tr / _).o"; shift 2; exec "$@" -c "$0" -o "$o"' \
  {} "${obj}" {} ${CC} ${CFLAGS} "${flags[@]}"
rm -f "${WORK}/librootkey_fuzz.a"
ar rcs "${WORK}/librootkey_fuzz.a" "${obj}"/*.o

for f in fuzz/*.c; do
  name=$(basename "$f" .c)
  [ "$name" = replay_main ] && continue
  extra=()
  if [ "$name" = diff_wolfssl ]; then
    if [ -n "${wolfssl_missing}" ]; then echo "build.sh: diff_wolfssl skipped: ${wolfssl_missing}"; continue; fi
    extra=("${wolfssl}" -lm)
  fi
  ${CC} ${CFLAGS} "${flags[@]}" -c "$f" -o "${obj}/fuzzer_${name}.o"
  ${CXX} ${CXXFLAGS} "${obj}/fuzzer_${name}.o" -o "${OUT}/${name}" \
    ${LIB_FUZZING_ENGINE} "${WORK}/librootkey_fuzz.a" "${extra[@]}" "${sodium}" "${crypto}" -ldl -lpthread
  rm -f "${OUT}/${name}_seed_corpus.zip"
  seeds=$(find "fuzz/corpus/${name}" "fuzz/regress/${name}" -type f 2>/dev/null || true)
  if [ -n "${seeds}" ]; then
    # -j: flat names; corpus and regress files never share a name by convention,
    # and zip keeps the first when they do
    printf '%s\n' ${seeds} | zip -q -j -@ "${OUT}/${name}_seed_corpus.zip"
  fi
  opts="[libfuzzer]\ntimeout = 25\n"
  if [ -f "fuzz/dict/${name}.dict" ]; then
    cp "fuzz/dict/${name}.dict" "${OUT}/${name}.dict"
    opts="${opts}dict = ${name}.dict\n"
  fi
  if [ -f "fuzz/${name}.options" ]; then cp "fuzz/${name}.options" "${OUT}/${name}.options"
  else printf "${opts}" > "${OUT}/${name}.options"; fi
done
