# SPDX-License-Identifier: Apache-2.0
# rootkey - plain make.  `make help` lists the targets.
#
# Modules, test suites, fuzz harnesses and constant-time checks are found by
# file name, so adding one needs no edit here:
#   core/src/<layer>/*.c  -> librootkey (and one `make proofs` unit each; module
#                            names are unique across the layers)
#   tests/t_<name>.c      -> suite <name> of the test runner (build/rk_tests)
#   tests/ct/c_<name>.c   -> constant-time checks (build/ct_*)
#   fuzz/<name>.c         -> libFuzzer and AFL++ harness <name>
#   shims/<side>/*.c      -> the shim library; shims/cli/*.c -> the rootkey command

# the version is rootkey/version.h's (RK_VERSION_MAJOR/MINOR/PATCH)
VERSION   := $(shell sed -n 's/^\#define RK_VERSION_[A-Z]* *\([0-9][0-9]*\).*/\1/p' core/include/rootkey/version.h | paste -sd.)
SOMAJOR   := $(firstword $(subst ., ,$(VERSION)))
CC        ?= cc
CLANG     ?= clang
CFLAGS    ?= -O2 -g
PREFIX    ?= /usr/local
# where the libraries and rootkey.pc go; Debian multiarch: LIBDIR=/usr/lib/x86_64-linux-gnu
LIBDIR    ?= $(PREFIX)/lib
DESTDIR   ?=
B         := build

WARN      := -Wall -Wextra -Werror
CORE_WARN := -std=c11 -pedantic $(WARN) -Wvla -Wconversion -Wshadow
CORE_INC  := -Icore/include -Icore/src/include
VECDIR    := $(abspath vectors)

# core/src/<layer>/<module>.c: the objects are named by module alone (vpath
# finds the source), so build/core/<module>.o as before the layers
CORE_SRC  := $(sort $(wildcard core/src/*/*.c))
CORE_MOD  := $(basename $(notdir $(CORE_SRC)))
CORE_HDR  := $(wildcard core/include/rootkey/*.h core/src/include/rootkey/*.h core/src/*/*.h)
CORE_OBJ  := $(CORE_MOD:%=$(B)/core/%.o)
CORE_PIC  := $(CORE_MOD:%=$(B)/pic/%.o)
vpath %.c $(sort $(dir $(CORE_SRC)))
SHIM_SRC  := $(sort $(wildcard shims/iwf/*.c shims/client/*.c shims/common/*.c shims/xcap/*.c))
SHIM_OBJ  := $(SHIM_SRC:%.c=$(B)/%.o)
CLI_SRC   := $(sort $(wildcard shims/cli/*.c))
CLI_OBJ   := $(CLI_SRC:%.c=$(B)/%.o)
TEST_SRC  := $(sort $(wildcard tests/t_*.c))
TEST_AUX  := tests/main.c tests/rk_test.c $(filter-out tests/main.c tests/rk_test.c $(TEST_SRC),$(wildcard tests/*.c))
SUITES    := $(patsubst tests/t_%.c,%,$(TEST_SRC))
CT_SRC    := $(sort $(wildcard tests/ct/c_*.c))
FUZZ_SRC  := $(sort $(filter-out fuzz/replay_main.c,$(wildcard fuzz/*.c)))
FUZZ_NAMES:= $(patsubst fuzz/%.c,%,$(FUZZ_SRC))
BENCH_SRC := $(sort $(wildcard bench/b_*.c))

LIB_A     := $(B)/librootkey.a
LIB_SO    := $(B)/librootkey.so.$(VERSION)
SHIM_A    := $(B)/librootkey-shim.a
TEST_LIBS := -lsodium -lgmp -lcrypto -lwolfssl -lcurl -pthread
# the shims' XCAP client (shims/xcap) is on libcurl
SHIM_LIBS := -lcurl -lsodium -pthread
RK_BIN    := $(if $(CLI_SRC),$(B)/rootkey,)
CLI_LIBS  := -ljansson
# the same command with the test hooks (RK_NOW, RK_TEST_CRASH_AFTER) compiled
# in, for tests/t_cli.c only; the installed build/rootkey has none
RK_TEST_BIN := $(if $(CLI_SRC),$(B)/rootkey-test,)
CLI_TEST_OBJ := $(CLI_SRC:%.c=$(B)/test-hooks/%.o)

.PHONY: all check test sanitize asan tsan proofs proofs-record proofs-fresh fuzz fuzz-smoke fuzz-build ct bench demo mutants \
        deps deps-check install uninstall clean help alloc-check stack cross

all: $(LIB_A) $(LIB_SO) $(RK_BIN)

help:
	@echo "make            librootkey (static, shared) and the rootkey command"
	@echo "make demo       the main job end to end through a local test CMS (DEMO_FLAGS=--files-only: without it)"
	@echo "make check      unit, known-answer, negative and interop tests; allocation check"
	@echo "make sanitize   the same tests under ASan+UBSan (clang) and valgrind"
	@echo "make asan       the tests under ASan+UBSan only, quick sizes (a CI step)"
	@echo "make tsan       the IWF batch suite (wrap threads) under ThreadSanitizer (clang)"
	@echo "make proofs     Frama-C WP on every core module (proofs: P/T goals proved)"
	@echo "make proofs-fresh  the same with an empty WP cache (MODULES=: a subset; not in CI)"
	@echo "make fuzz-smoke every fuzz harness for FUZZ_SECONDS (default 30) under libFuzzer and AFL++"
	@echo "make fuzz-campaign JOBS=N HOURS=H  multi-core campaign, H hours per harness (make fuzz: the same)"
	@echo "make fuzz-replay every fuzz corpus file and crash reproducer through its harness (part of make check)"
	@echo "make fuzz-coverage  line and branch coverage of each harness's target from its corpus"
	@echo "make fuzz-oss-check  the OSS-Fuzz/ClusterFuzzLite build.sh as base-builder runs it, each fuzzer briefly"
	@echo "make ct         valgrind constant-time check, gcc -O2 and clang -O2"
	@echo "make mutants    the hand-written mutants of tests/mutants.txt on a copy of the tree (an audit)"
	@echo "make bench      benchmarks against Debian's libwolfssl"
	@echo "make cross     the core's tests on aarch64, s390x (big-endian), armhf (32-bit) under qemu-user"
	@echo "make deps       install missing Debian packages (apt-get, as root)"
	@echo "make install    PREFIX=$(PREFIX) DESTDIR=: headers, libraries, rootkey.pc, man page"

# ---------------------------------------------------------------- deps
# Called by check/demo only when something is missing (cheap dpkg query).
deps:
	@scripts/deps.sh

deps-check: deps-check-all

# each target installs only the packages of its own group (scripts/deps.sh)
deps-check-%:
	@scripts/deps.sh $* check >/dev/null 2>&1 || scripts/deps.sh $*

# ---------------------------------------------------------------- library
$(B)/core/%.o: %.c $(CORE_HDR) | $(B)/core
	$(CC) $(CORE_WARN) $(CFLAGS) $(CORE_INC) -fstack-usage -c $< -o $@

# The shared library exports only the RK_API functions of the installed
# headers (rootkey/export.h), under the version node of core/rootkey.map.
$(B)/pic/%.o: %.c $(CORE_HDR) | $(B)/pic
	$(CC) $(CORE_WARN) $(CFLAGS) $(CORE_INC) -fPIC -fvisibility=hidden -c $< -o $@

$(LIB_A): $(CORE_OBJ)
	rm -f $@ && ar rcs $@ $^

$(LIB_SO): $(CORE_PIC) core/rootkey.map
	$(CC) -shared -Wl,-soname,librootkey.so.$(SOMAJOR) -Wl,--version-script=core/rootkey.map \
	  -o $@ $(CORE_PIC) -lsodium
	ln -sf librootkey.so.$(VERSION) $(B)/librootkey.so.$(SOMAJOR)
	ln -sf librootkey.so.$(SOMAJOR) $(B)/librootkey.so

$(B)/shims/%.o: shims/%.c $(CORE_HDR) $(wildcard shims/*/*.h) | $(B)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -D_GNU_SOURCE $(CFLAGS) $(CORE_INC) -Ishims -c $< -o $@

$(SHIM_A): $(SHIM_OBJ)
	rm -f $@ && ar rcs $@ $^

$(B)/rootkey: $(CLI_OBJ) $(SHIM_A) $(LIB_A)
	$(CC) $(CFLAGS) -o $@ $(CLI_OBJ) $(SHIM_A) $(LIB_A) $(SHIM_LIBS) $(CLI_LIBS)

$(B)/test-hooks/%.o: %.c $(CORE_HDR) $(wildcard shims/*/*.h) | $(B)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -D_GNU_SOURCE -DRK_TEST_HOOKS $(CFLAGS) $(CORE_INC) -Ishims -c $< -o $@

$(B)/rootkey-test: $(CLI_TEST_OBJ) $(SHIM_A) $(LIB_A)
	$(CC) $(CFLAGS) -o $@ $(CLI_TEST_OBJ) $(SHIM_A) $(LIB_A) $(SHIM_LIBS) $(CLI_LIBS)

$(B) $(B)/core $(B)/pic $(B)/tests $(B)/ct $(B)/fuzz:
	@mkdir -p $@

# ---------------------------------------------------------------- tests
$(B)/suites.inc: $(TEST_SRC) | $(B)
	@for s in $(SUITES); do echo "RK_SUITE($$s)"; done > $@.tmp && \
	  { cmp -s $@.tmp $@ || mv $@.tmp $@; }; rm -f $@.tmp

TEST_CFLAGS = -std=c11 $(WARN) -D_GNU_SOURCE $(CORE_INC) -Itests -Ishims -I$(B) -DRK_VECTOR_DIR='"$(VECDIR)"'

$(B)/rk_tests: $(TEST_SRC) $(TEST_AUX) $(B)/suites.inc $(LIB_A) $(SHIM_A) tests/rk_test.h
	$(CC) $(TEST_CFLAGS) $(CFLAGS) -o $@ $(TEST_SRC) $(TEST_AUX) $(SHIM_A) $(LIB_A) $(TEST_LIBS)

# The test runner builds the core with the sanitizers (clang): every core
# source and every test in one binary.
SAN_FLAGS = -O1 -g -gdwarf-4 -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
$(B)/rk_tests_asan: $(TEST_SRC) $(TEST_AUX) $(B)/suites.inc $(CORE_SRC) $(SHIM_SRC) $(CORE_HDR) tests/rk_test.h
	$(CLANG) $(TEST_CFLAGS) $(SAN_FLAGS) -o $@ $(TEST_SRC) $(TEST_AUX) $(CORE_SRC) $(SHIM_SRC) $(TEST_LIBS)

# ThreadSanitizer (clang) over the batch's wrap threads: the same binary
# built with -fsanitize=thread, running the iwfbatch suite (jobs 1, 2, 4).
TSAN_FLAGS = -O1 -g -fsanitize=thread -fno-omit-frame-pointer
$(B)/rk_tests_tsan: $(TEST_SRC) $(TEST_AUX) $(B)/suites.inc $(CORE_SRC) $(SHIM_SRC) $(CORE_HDR) tests/rk_test.h
	$(CLANG) $(TEST_CFLAGS) $(TSAN_FLAGS) -o $@ $(TEST_SRC) $(TEST_AUX) $(CORE_SRC) $(SHIM_SRC) $(TEST_LIBS)

tsan: deps-check-test
	@$(MAKE) --no-print-directory $(B)/rk_tests_tsan
	@TSAN_OPTIONS=halt_on_error=1:exitcode=66 $(B)/rk_tests_tsan iwfbatch

# check: deps if missing, the clang warning build of the core, the allocation
# and wipe checks, the stack report, then the runner.  scripts/check.sh sums
# every step; its last line is "N passed, N failed".
check: deps-check-test
	@$(MAKE) --no-print-directory $(B)/rk_tests $(LIB_A) $(LIB_SO) $(RK_BIN) $(RK_TEST_BIN) $(REPLAY_BIN)
	@$(MAKE) --no-print-directory clang-core
	@rm -rf $(B)/install-check && $(MAKE) --no-print-directory -s install DESTDIR=$(abspath $(B))/install-check \
	  PREFIX=/usr LIBDIR=/usr/lib/x86_64-linux-gnu > /dev/null
	@RK_REPLAY="$(B)/replay $(FUZZ_NAMES)" RK_INSTALL="$(abspath $(B))/install-check /usr /usr/lib/x86_64-linux-gnu" \
	  scripts/check.sh $(B)/rk_tests $(CORE_OBJ)

test: $(B)/rk_tests
	$(B)/rk_tests

.PHONY: clang-core
clang-core: | $(B)
	@mkdir -p $(B)/clang
	@for f in $(CORE_SRC); do \
	  $(CLANG) $(CORE_WARN) -O2 $(CORE_INC) -c $$f -o $(B)/clang/$$(basename $$f .c).o || exit 1; done
	@echo "clang -Werror build of core/: ok"

sanitize: deps-check-test
	@$(MAKE) --no-print-directory $(B)/rk_tests_asan $(B)/rk_tests $(REPLAY_ASAN_BIN)
	@RK_REPLAY="$(B)/replay_asan $(FUZZ_NAMES)" scripts/sanitize.sh $(B)/rk_tests_asan $(B)/rk_tests

# the ASan+UBSan half of make sanitize, with the quick test sizes (CI step)
asan: deps-check-test
	@$(MAKE) --no-print-directory $(B)/rk_tests_asan $(REPLAY_ASAN_BIN)
	@RK_TEST_QUICK=1 RK_REPLAY="$(B)/replay_asan $(FUZZ_NAMES)" scripts/sanitize.sh $(B)/rk_tests_asan

# Audit target, not in CI: every mutant of tests/mutants.txt applied to a
# copy of the tree, rebuilt and tested (docs/mutants.md).
mutants:
	@scripts/mutants.sh

alloc-check: $(CORE_OBJ)
	@scripts/check_alloc.sh $(CORE_OBJ)

stack: $(CORE_OBJ)
	@scripts/stack_report.sh $(B)/core

# ---------------------------------------------------------------- proofs
proofs: deps-check-proofs
	@proofs/run.sh

proofs-record: deps-check-proofs
	@RECORD=1 proofs/run.sh

# The proofs from scratch, for an evaluator: every goal sent to the provers,
# none replayed from proofs/cache (an empty temporary cache instead).  Not a
# CI step (it takes several times as long as make proofs); MODULES= a subset.
MODULES ?=
proofs-fresh: deps-check-proofs
	@d=$$(mktemp -d); WP_CACHE_DIR=$$d proofs/run.sh $(MODULES); rc=$$?; rm -rf "$$d"; exit $$rc

# ---------------------------------------------------------------- fuzz
# harnesses link libsodium (the core's hash) and libcrypto (the differential
# harness diff_openssl); diff_wolfssl also links libwolfssl (FUZZ_LIBS_<name>:
# a harness's own libraries, after FUZZ_LIBS)
FUZZ_LIBS = -lsodium -lcrypto
FUZZ_LIBS_diff_wolfssl = -lwolfssl
FUZZ_SAN = -g -O1 -gdwarf-4 -fsanitize=address,undefined -fno-sanitize-recover=undefined
# The core is compiled once per engine (instrumented, not linked with a
# driver) into a static library; each harness links against it.
# The shim library goes in too, so that harnesses of the shims' parsers
# (inventory line, Annex D KMS XML, key-store file) link it.
FUZZ_LF_OBJ  := $(CORE_SRC:core/src/%.c=$(B)/fuzz/lf/%.o) $(SHIM_SRC:%.c=$(B)/fuzz/lf/%.o)
FUZZ_AFL_OBJ := $(CORE_SRC:core/src/%.c=$(B)/fuzz/afl/%.o) $(SHIM_SRC:%.c=$(B)/fuzz/afl/%.o)
FUZZ_SHIM_FLAGS = -std=c11 $(WARN) -D_GNU_SOURCE $(CORE_INC) -Ishims $(FUZZ_SAN) -fsanitize=fuzzer-no-link
$(B)/fuzz/lf/shims/%.o: shims/%.c $(CORE_HDR) $(wildcard shims/*/*.h)
	@mkdir -p $(dir $@)
	$(CLANG) $(FUZZ_SHIM_FLAGS) -c $< -o $@
$(B)/fuzz/afl/shims/%.o: shims/%.c $(CORE_HDR) $(wildcard shims/*/*.h)
	@mkdir -p $(dir $@)
	AFL_QUIET=1 afl-clang-fast $(FUZZ_SHIM_FLAGS) -c $< -o $@
$(B)/fuzz/lf/%.o: core/src/%.c $(CORE_HDR)
	@mkdir -p $(dir $@)
	$(CLANG) -std=c11 $(WARN) $(CORE_INC) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c $< -o $@
$(B)/fuzz/afl/%.o: core/src/%.c $(CORE_HDR)
	@mkdir -p $(dir $@)
	AFL_QUIET=1 afl-clang-fast -std=c11 $(WARN) $(CORE_INC) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c $< -o $@
$(B)/fuzz/libcore_lf.a: $(FUZZ_LF_OBJ)
	rm -f $@ && ar rcs $@ $^
$(B)/fuzz/libcore_afl.a: $(FUZZ_AFL_OBJ)
	rm -f $@ && ar rcs $@ $^

$(B)/fuzz/lf_%: fuzz/%.c $(B)/fuzz/libcore_lf.a $(CORE_HDR) | $(B)/fuzz
	$(CLANG) -std=c11 $(WARN) $(CORE_INC) -Ishims -Ifuzz $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $< $(B)/fuzz/libcore_lf.a $(FUZZ_LIBS) $(FUZZ_LIBS_$*)

$(B)/fuzz/afl_%: fuzz/%.c $(B)/fuzz/libcore_afl.a $(CORE_HDR) | $(B)/fuzz
	AFL_QUIET=1 afl-clang-fast -std=c11 $(WARN) $(CORE_INC) -Ishims -Ifuzz $(FUZZ_SAN) -fsanitize=fuzzer -o $@ $< $(B)/fuzz/libcore_afl.a $(FUZZ_LIBS) $(FUZZ_LIBS_$*)

# the headers the harnesses share, and the byte harnesses that xml_tree and
# xml_doc include (fuzz/xml_targets.h)
FUZZ_HDR := $(wildcard fuzz/*.h)
$(FUZZ_NAMES:%=$(B)/fuzz/lf_%) $(FUZZ_NAMES:%=$(B)/fuzz/afl_%): $(FUZZ_HDR)
XML_TREE_INC := fuzz/kms_doc.c fuzz/profile_find.c
$(B)/fuzz/lf_xml_tree $(B)/fuzz/afl_xml_tree $(B)/replay/xml_tree $(B)/replay_asan/xml_tree: $(XML_TREE_INC)
$(B)/fuzz/lf_xml_doc $(B)/fuzz/afl_xml_doc $(B)/replay/xml_doc $(B)/replay_asan/xml_doc: $(XML_TREE_INC)
# xml_doc's tree mutator as an AFL++ custom mutator library (the same source)
$(B)/fuzz/afl_xml_doc_mutator.so: fuzz/xml_doc.c $(FUZZ_HDR) | $(B)/fuzz
	$(CLANG) -std=c11 $(WARN) -O2 -fPIC -shared -DRK_AFL_CUSTOM_MUTATOR -Ifuzz -o $@ $<
fuzz-build: $(FUZZ_NAMES:%=$(B)/fuzz/lf_%) $(FUZZ_NAMES:%=$(B)/fuzz/afl_%) $(B)/fuzz/afl_xml_doc_mutator.so

# Corpus replay (make check, make asan): each harness linked with
# fuzz/replay_main.c instead of a fuzzer runtime, run over every file of
# fuzz/corpus/NAME/ and fuzz/regress/NAME/ (scripts/fuzz_replay.sh).  The
# plain build links the check build's libraries; the ASan+UBSan build
# compiles the core and shims once with clang into an archive of its own.
REPLAY_BIN      := $(FUZZ_NAMES:%=$(B)/replay/%)
REPLAY_ASAN_BIN := $(FUZZ_NAMES:%=$(B)/replay_asan/%)
REPLAY_ASAN_OBJ := $(CORE_SRC:core/src/%.c=$(B)/replay_asan/o/%.o) $(SHIM_SRC:%.c=$(B)/replay_asan/o/%.o)
REPLAY_CFLAGS    = -std=c11 $(WARN) -D_GNU_SOURCE $(CORE_INC) -Ishims -Ifuzz
$(B)/replay/%: fuzz/%.c fuzz/replay_main.c $(LIB_A) $(SHIM_A) $(CORE_HDR) $(FUZZ_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(REPLAY_CFLAGS) $(CFLAGS) -o $@ $< fuzz/replay_main.c $(SHIM_A) $(LIB_A) $(FUZZ_LIBS) $(FUZZ_LIBS_$*)
$(B)/replay_asan/o/shims/%.o: shims/%.c $(CORE_HDR) $(wildcard shims/*/*.h)
	@mkdir -p $(dir $@)
	$(CLANG) $(REPLAY_CFLAGS) $(SAN_FLAGS) -c $< -o $@
$(B)/replay_asan/o/%.o: core/src/%.c $(CORE_HDR)
	@mkdir -p $(dir $@)
	$(CLANG) $(REPLAY_CFLAGS) $(SAN_FLAGS) -c $< -o $@
$(B)/replay_asan/libcore.a: $(REPLAY_ASAN_OBJ)
	rm -f $@ && ar rcs $@ $^
$(B)/replay_asan/%: fuzz/%.c fuzz/replay_main.c $(B)/replay_asan/libcore.a $(CORE_HDR) $(FUZZ_HDR)
	$(CLANG) $(REPLAY_CFLAGS) $(SAN_FLAGS) -o $@ $< fuzz/replay_main.c $(B)/replay_asan/libcore.a $(FUZZ_LIBS) $(FUZZ_LIBS_$*)

.PHONY: fuzz-replay
fuzz-replay: $(REPLAY_BIN)
	@scripts/fuzz_replay.sh $(B)/replay $(FUZZ_NAMES)

FUZZ_SECONDS ?= 30
fuzz-smoke: deps-check-fuzz
	@$(MAKE) --no-print-directory fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh smoke $(FUZZ_NAMES)

# Multi-core campaign: HOURS per harness (decimals allowed), JOBS cores
# (libFuzzer -fork=JOBS, then AFL++ main + JOBS-1 secondaries with sync),
# NAMES a subset, MERGE=1 to add the inputs that reach new coverage to
# fuzz/corpus/ (libFuzzer -merge=1).
FUZZ_HOURS ?= 1
HOURS ?= $(FUZZ_HOURS)
JOBS  ?= $(shell nproc)
NAMES ?= $(FUZZ_NAMES)
MERGE ?= 0
.PHONY: fuzz-campaign
fuzz-campaign: deps-check-fuzz
	@HOURS=$(HOURS) JOBS=$(JOBS) MERGE=$(MERGE) scripts/fuzz_campaign.sh $(NAMES)
fuzz: fuzz-campaign

# Line and branch coverage of each harness's target (fuzz/coverage.map) from
# its own corpus: clang source-based coverage, llvm-profdata, llvm-cov
.PHONY: fuzz-coverage
fuzz-coverage: deps-check-fuzz
	@scripts/fuzz_coverage.sh $(FUZZ_NAMES)

# OSS-Fuzz / ClusterFuzzLite: .clusterfuzzlite/build.sh run with the
# base-builder's environment, then every fuzzer for OSS_RUNS inputs
.PHONY: fuzz-oss-check
fuzz-oss-check: deps-check-fuzz
	@scripts/fuzz_oss_check.sh

# ---------------------------------------------------------------- constant time
$(B)/ct.inc: $(CT_SRC) | $(B)
	@for s in $(patsubst tests/ct/c_%.c,%,$(CT_SRC)); do echo "RK_CT_MODULE($$s)"; done > $@.tmp && \
	  { cmp -s $@.tmp $@ || mv $@.tmp $@; }; rm -f $@.tmp

CT_BUILD = -std=c11 $(WARN) -D_GNU_SOURCE -O2 -g -gdwarf-4 -DRK_CT_VALGRIND $(CORE_INC) -Itests -Itests/ct -I$(B)
$(B)/ct/ct_gcc: tests/ct/ct_main.c $(CT_SRC) $(B)/ct.inc $(CORE_SRC) $(CORE_HDR) | $(B)/ct
	gcc $(CT_BUILD) -o $@ tests/ct/ct_main.c $(CT_SRC) $(CORE_SRC) -lsodium

$(B)/ct/ct_clang: tests/ct/ct_main.c $(CT_SRC) $(B)/ct.inc $(CORE_SRC) $(CORE_HDR) | $(B)/ct
	$(CLANG) $(CT_BUILD) -o $@ tests/ct/ct_main.c $(CT_SRC) $(CORE_SRC) -lsodium

ct: deps-check-ct
	@$(MAKE) --no-print-directory $(B)/ct/ct_gcc $(B)/ct/ct_clang
	@scripts/ct.sh $(B)/ct/ct_gcc $(B)/ct/ct_clang

# ---------------------------------------------------------------- bench, demo
$(B)/benches.inc: $(BENCH_SRC) | $(B)
	@for s in $(patsubst bench/b_%.c,%,$(BENCH_SRC)); do echo "RK_BENCH($$s)"; done > $@.tmp && \
	  { cmp -s $@.tmp $@ || mv $@.tmp $@; }; rm -f $@.tmp

$(B)/rk_bench: bench/main.c $(BENCH_SRC) $(B)/benches.inc bench/bench.h $(LIB_A) $(SHIM_A)
	$(CC) -std=c11 $(WARN) -D_GNU_SOURCE -O2 -g $(CORE_INC) -Ishims -Ibench -I$(B) -o $@ bench/main.c $(BENCH_SRC) $(SHIM_A) $(LIB_A) $(TEST_LIBS)

bench: deps-check-bench
	@$(MAKE) --no-print-directory $(B)/rk_bench
	@$(B)/rk_bench

DEMO_USERS ?= 1000
DEMO_FLAGS ?=
# requests in flight to the CMS: the cores (at most 64, rootkey's bound)
DEMO_JOBS ?= $(shell n=$$(nproc 2>/dev/null || echo 2); [ $$n -gt 64 ] && n=64; echo $$n)
# through the test CMS (tests/cms/cms.sh, Apache); DEMO_FLAGS=--files-only without it;
# bench/demo_delivery.sh times both modes against each other (docs/delivery.md "Figures")
demo: deps-check-demo
	@$(MAKE) --no-print-directory $(RK_BIN)
	@$(RK_BIN) demo --users $(DEMO_USERS) --jobs $(DEMO_JOBS) $(DEMO_FLAGS)

cross: deps-check-cross
	@if [ -x scripts/cross.sh ]; then scripts/cross.sh; else \
	  echo "make cross: not there yet (issue #9)"; exit 1; fi

# ---------------------------------------------------------------- install
# The public headers (docs/api.md "Public headers"): the root-key message and
# its element, the profile, the KMS documents, status codes, the ECCSI/SAKKE
# contexts a caller allocates, P25, the UID/key-period helpers and base64,
# and every header these include.  The others (aes, cmac, ct, gcm, hex, kw,
# policy) are internal and not installed.
PUB_HDR := export.h version.h status.h rootkey.h keyperiod.h lmr.h mikeysakke.h mikey.h keyparams.h \
           eccsi.h p256.h sakke.h sscurve.h pairing.h fp2.h fp1024.h bn.h profile.h xml.h \
           kms.h p25.h b64.h rootkey_element.h
PUB_DOCS := README.md LICENSE CHANGELOG.md docs/api.md docs/profile-element.md docs/design.md docs/kms.md docs/p25.md
INCDIR  = $(DESTDIR)$(PREFIX)/include/rootkey
ILIBDIR = $(DESTDIR)$(LIBDIR)
DOCDIR  = $(DESTDIR)$(PREFIX)/share/doc/rootkey
# rootkey.pc: libdir relative to ${prefix} when it lies under it
PC_LIBDIR = $(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))
install: all
	install -d $(INCDIR) $(ILIBDIR) $(ILIBDIR)/pkgconfig $(DESTDIR)$(PREFIX)/bin \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DOCDIR) $(DOCDIR)/examples
	install -m 644 $(PUB_HDR:%=core/include/rootkey/%) $(INCDIR)/
	install -m 644 $(LIB_A) $(ILIBDIR)/
	install -m 755 $(LIB_SO) $(ILIBDIR)/
	ln -sf librootkey.so.$(VERSION) $(ILIBDIR)/librootkey.so.$(SOMAJOR)
	ln -sf librootkey.so.$(SOMAJOR) $(ILIBDIR)/librootkey.so
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(PC_LIBDIR)|g' -e 's|@VERSION@|$(VERSION)|g' \
	  rootkey.pc.in > $(ILIBDIR)/pkgconfig/rootkey.pc
	install -m 644 $(PUB_DOCS) $(DOCDIR)/
	install -m 644 examples/*.c examples/*.h examples/Makefile $(DOCDIR)/examples/
	@if [ -n "$(RK_BIN)" ]; then install -m 755 $(RK_BIN) $(DESTDIR)$(PREFIX)/bin/; fi
	@if [ -f docs/rootkey.1 ]; then install -m 644 docs/rootkey.1 $(DESTDIR)$(PREFIX)/share/man/man1/; fi

uninstall:
	rm -rf $(INCDIR) $(DOCDIR)
	rm -f $(ILIBDIR)/librootkey.a $(ILIBDIR)/librootkey.so $(ILIBDIR)/librootkey.so.$(SOMAJOR) \
	      $(ILIBDIR)/librootkey.so.$(VERSION) $(ILIBDIR)/pkgconfig/rootkey.pc \
	      $(DESTDIR)$(PREFIX)/bin/rootkey $(DESTDIR)$(PREFIX)/share/man/man1/rootkey.1

clean:
	rm -rf $(B)
