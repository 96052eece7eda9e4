#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# make deps: install, with apt-get, whatever is missing of what one part of
# rootkey needs, so each target installs only what it uses.
#   scripts/deps.sh [GROUP] [check]
#     GROUP: demo    the library, the rootkey command and the test CMS
#                    (make, make demo)
#            test    demo's, plus the oracles and checkers of make check,
#                    make asan and make sanitize (GMP, OpenSSL, wolfSSL,
#                    valgrind, clang)
#            proofs  Frama-C WP and its provers (make proofs)
#            fuzz    clang's libFuzzer, AFL++, llvm (make fuzz*)
#            ct      valgrind and clang (make ct)
#            bench   the library and Debian's wolfSSL (make bench)
#            cross   the cross compilers, qemu-user and libsodium for each
#                    target architecture through dpkg multiarch (make cross)
#            all     every group but cross (the default)
#     check: exit 0 if nothing of GROUP is missing, 1 otherwise (no changes)
#   The old form "scripts/deps.sh check" is "all check".
set -u
group=${1:-all}
[ "$group" = check ] && { group=all; set -- all check; }
[ $# -gt 0 ] && shift
BASE="make gcc binutils libsodium-dev"
# libcurl (delivery over XCAP), apache2 and openssl (the test CMS and its
# throw-away CA), libcsv and jansson (the inventory and JSON in the shims)
DEMO="$BASE libcurl4-openssl-dev apache2 openssl libcsv-dev libjansson-dev"
TEST="$DEMO libgmp-dev libssl-dev libwolfssl-dev valgrind clang libclang-rt-14-dev llvm python3"
PROOFS="frama-c-base why3 z3 cvc4 cvc5"
FUZZ="$DEMO clang libclang-rt-14-dev afl++ llvm libssl-dev libwolfssl-dev libgmp-dev"
CT="$BASE valgrind clang"
BENCH="$BASE libwolfssl-dev libgmp-dev libssl-dev"
ARCHS=""
case "$group" in
  demo) PKGS=$DEMO ;;
  test) PKGS=$TEST ;;
  proofs) PKGS=$PROOFS ;;
  fuzz) PKGS=$FUZZ ;;
  ct) PKGS=$CT ;;
  bench) PKGS=$BENCH ;;
  all) PKGS="$TEST $PROOFS afl++" ;;
  cross)
  # arm64: 64-bit little-endian (MC client devices); s390x: 64-bit big-endian;
  # armhf: 32-bit (no __int128, the portable multiply path).  Keep this list
  # in step with the TARGETS table of scripts/cross.sh.
  ARCHS="arm64 s390x armhf"
  # --no-install-recommends (below) leaves out the C library headers that
  # each cross gcc only recommends: name them, or the targets' builds fail
  # with "bits/libc-header-start.h: No such file or directory".
  PKGS="gcc-aarch64-linux-gnu gcc-s390x-linux-gnu gcc-arm-linux-gnueabihf"
  PKGS="$PKGS libc6-dev-arm64-cross libc6-dev-s390x-cross libc6-dev-armhf-cross"
  PKGS="$PKGS qemu-user-static clang gcc binutils libsodium-dev"
  for a in $ARCHS; do PKGS="$PKGS libsodium-dev:$a"; done ;;
  *) echo "deps: unknown group '$group' (demo test proofs fuzz ct bench cross all)"; exit 2 ;;
esac
PKGS=$(printf '%s\n' $PKGS | awk '!seen[$0]++' | tr '\n' ' ')
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
missing=${missing# }
if [ "${1:-}" = check ]; then
  [ -z "$missing" ] && exit 0
  echo "deps: missing: $missing"; exit 1
fi
# foreign architectures dpkg does not know yet (multiarch, for the targets'
# libsodium and C library)
newarch=""
for a in $ARCHS; do
  dpkg --print-foreign-architectures | grep -qx "$a" || newarch="$newarch $a"
done
if [ -n "$missing" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "deps: these Debian packages are missing: $missing"
    echo "deps: not root, so nothing was installed. As root, run:"
    addarch=""
    for a in $newarch; do addarch="${addarch}dpkg --add-architecture $a && "; done
    echo "    ${addarch}apt-get update && apt-get install -y $missing"
    exit 1
  fi
  echo "deps: installing $missing"
  export DEBIAN_FRONTEND=noninteractive
  for a in $newarch; do dpkg --add-architecture "$a" || { echo "deps: dpkg --add-architecture $a failed"; exit 1; }; done
  if [ -n "$ARCHS" ]; then
    # A mirror caught mid-sync for one foreign architecture's index makes
    # apt-get update exit non-zero although every list we need is there;
    # the install below is the real test.
    apt-get -o DPkg::Lock::Timeout=600 update -qq || echo "deps: apt-get update reported errors; trying the install anyway"
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >/dev/null \
      || { echo "deps: apt-get install failed"; exit 1; }
  else
    apt-get update -qq || { echo "deps: apt-get update failed"; exit 1; }
    apt-get install -y -qq $missing >/dev/null || { echo "deps: apt-get install failed"; exit 1; }
  fi
fi
[ -n "$ARCHS" ] && { echo "deps: cross toolchains present"; exit 0; }
case "$group" in proofs|all) ;; *) echo "deps: $group present"; exit 0 ;; esac
# WP needs a Why3 configuration: the proofs use a project-local one
# (scripts/setup_why3.sh, run by proofs/run.sh); this user-level one is for
# people running frama-c by hand.
why3 config detect >/dev/null 2>&1 || true
echo "deps: all present"
