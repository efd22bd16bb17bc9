# Fuzzing and sanitizer builds (issue 6).
#   make fuzz          libFuzzer targets (clang, ASan+UBSan) in build/fuzz/
#   make fuzz-replay   the seed corpora through the same targets built with
#                      gcc and a plain main() (tests/fuzz/driver.c); in check
#   make asan          everything in build/asan with ASan+UBSan, then the unit,
#                      CLI golden and hostile-corpus tests against it
# Each variant has its own BUILD directory, so objects never mix flags.
FUZZ_TARGETS = pdf docx html text json yaml lexicon match decode snapshot rtf doc md dates image
FUZZ_CC ?= clang
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS = -O1 -g $(FUZZ_SAN)
ASAN_CFLAGS = -O1 -g $(FUZZ_SAN)
FUZZ_HDRS = tests/fuzz/fuzz_common.h

fuzz: $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)

fuzz-lib:
	$(MAKE) BUILD=build/fuzz CC=$(FUZZ_CC) WERROR= \
	    CFLAGS="$(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link" build/fuzz/libgapcheck.a

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_HDRS) fuzz-lib
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -D_GNU_SOURCE -Isrc $(PKG_CFLAGS) \
	    -o $@ $< build/fuzz/libgapcheck.a $(PKG_LIBS) -lm

# The replay driver: same target sources, plain main(), the normal library.
$(BUILD)/fuzz-replay/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c $(FUZZ_HDRS) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ tests/fuzz/driver.c $< $(LIB) $(PKG_LIBS) -lm

fuzz-replay: $(FUZZ_TARGETS:%=$(BUILD)/fuzz-replay/fuzz_%)
	@fail=0; for t in $(FUZZ_TARGETS); do \
	    timeout 300 $(BUILD)/fuzz-replay/fuzz_$$t tests/fuzz/corpus/$$t >/dev/null 2>$(BUILD)/fuzz-replay/$$t.err \
	        || { echo "fuzz-replay: $$t FAILED"; cat $(BUILD)/fuzz-replay/$$t.err; fail=1; }; \
	    done; \
	[ $$fail = 0 ] && echo "fuzz-replay: $(words $(FUZZ_TARGETS)) targets, seed corpora replayed, no crash"

# A small quarantine: ASan's default keeps 256 MB of freed memory mapped,
# which the hostile corpus's 256 MB peak-RSS check would count.
ASAN_ENV = ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:quarantine_size_mb=16 \
           LSAN_OPTIONS=suppressions=$(CURDIR)/tests/fuzz/lsan.supp:print_suppressions=0 \
           UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

asan:
	$(ASAN_ENV) CORPUS_OCR=never $(MAKE) -j1 BUILD=build/asan WERROR=-Werror CFLAGS="$(ASAN_CFLAGS)" \
	    all unit cli-tests fuzz-replay corpus traps
	$(ASAN_ENV) tests/hostile/run.sh build/asan/gapcheck

# The sanitizer run is part of every check (issue 6: ASan+UBSan in CI).
CHECK_EXTRA += fuzz-replay asan
.PHONY: fuzz fuzz-lib fuzz-replay asan
