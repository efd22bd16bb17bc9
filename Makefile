# gapcheck: plain GNU make + pkg-config.  `make` builds build/gapcheck and
# build/libgapcheck.a; `make check` runs the tests, `make ci` (the suite, then
# the package test) is what CI runs.  Override any of these:
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR ?= $(PREFIX)/share/man
DESTDIR ?=
CC ?= cc
CFLAGS ?= -O2 -g
BUILD ?= build
# Set to -Werror by `make check` (warnings are fatal in tests only, as in zstd).
WERROR ?=

PKGS = poppler-glib glib-2.0 libxml-2.0 libzip libpcre2-8 yaml-0.1 lcms2 libgsf-1 md4c tesseract libpng libjpeg
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
PKG_LIBS := $(shell pkg-config --libs $(PKGS))
# The program links GLib, PCRE2 and libyaml only: src/extract/libload.c loads
# poppler-glib, libxml2, libzip, libgsf and md4c on first use, by the sonames found here,
# so a run starts without their ~55 libraries (PERFORMANCE.md).  Of Little
# CMS only the headers are used: src/extract/lcms_cache.c reaches the copy poppler
# loads (unit tests link it to compare against it).  libtesseract (OCR) and
# libpng/libjpeg (pictures for it) are loaded the same way, on first need.
LAZY_PKGS = poppler-glib libxml-2.0 libzip lcms2 libgsf-1 md4c tesseract libpng libjpeg
BIN_LIBS := $(shell pkg-config --libs $(filter-out $(LAZY_PKGS),$(PKGS)))
soname = $(shell objdump -p $$(pkg-config --variable=libdir $(1))/$(2).so 2>/dev/null | awk '/SONAME/ { print $$2 }')
SONAMES := $(foreach x,POPPLER:poppler-glib:libpoppler-glib XML:libxml-2.0:libxml2 ZIP:libzip:libzip LCMS:lcms2:liblcms2 GSF:libgsf-1:libgsf-1 MD:md4c:libmd4c \
             TESSERACT:tesseract:libtesseract PNG:libpng:libpng JPEG:libjpeg:libjpeg,\
             $(word 1,$(subst :, ,$(x)))=$(call soname,$(word 2,$(subst :, ,$(x))),$(word 3,$(subst :, ,$(x)))))
SONAME_DEFS := $(foreach x,$(SONAMES),$(if $(word 2,$(subst =, ,$(x))),-DGC_$(word 1,$(subst =, ,$(x)))_SONAME='"$(word 2,$(subst =, ,$(x)))"'))
WARN = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 \
       -Wcast-qual -Wwrite-strings -Wpointer-arith -Wvla
ALL_CFLAGS = $(WARN) $(WERROR) -D_GNU_SOURCE $(SONAME_DEFS) -D_FORTIFY_SOURCE=2 -fstack-protector-strong \
             $(CFLAGS) $(PKG_CFLAGS) -Isrc -MMD -MP

# The core library (extract → normalize → segment → match → score → report),
# one folder per layer under src/ (README.md, "How it works").
CORE = gc_err base/text base/fileio base/buf base/strtab base/tokenize \
       extract/sniff extract/extract extract/extract_pdf extract/pdf_layout extract/pdf_hidden extract/extract_docx extract/extract_odt \
       extract/extract_html extract/extract_txt extract/extract_json extract/zipread \
       extract/xml_text extract/libload extract/pdf_lib extract/xml_lib extract/zip_lib \
       extract/extract_rtf extract/extract_doc extract/extract_md extract/gsf_lib extract/md_lib \
       extract/lcms_cache extract/lib \
       extract/ocr_lib extract/ocr extract/pdf_ocr extract/garbled extract/image_lib extract/image extract/ocr_pictures \
       match/normalize match/segment match/dates match/positions match/person match/posting match/match \
       match/doc match/analyze \
       data/yaml_load data/store data/headings data/calendar data/model data/lexicon data/postings data/roles data/matcher_build \
       data/build data/lint data/freeze \
       data/snapshot_write data/snapshot_read \
       model/experience model/credit model/score model/plan model/job model/result \
       report/report report/report_text report/report_json report/report_table \
       report/report_html report/report_md report/formats
# The command line on top of it (src/cli/).
CLI = cli/main cli/cli cli/cli_data cli/cli_xdg cli/inputs cli/outdir cli/progress \
      cli/cmd_analyze cli/cmd_explain cli/cmd_lint cli/cmd_roles cli/isolate cli/batch cli/sandbox
# Comparing two versions of one résumé (gapcheck diff): the model, its
# writers and its command.
CLI += cli/cmd_diff
CORE += model/compare report/diff_formats report/report_diff_text report/report_diff_json \
        report/report_diff_html
DATA = $(sort $(wildcard lexicon/*.yaml)) $(sort $(wildcard roles/*.yaml))
UNIT = $(patsubst tests/unit/%.c,%,$(sort $(wildcard tests/unit/test_*.c)))

LIB = $(BUILD)/libgapcheck.a
BIN = $(BUILD)/gapcheck
# `gapcheck skills`: the skill catalogue, for people writing roles.
CLI += cli/cmd_skills
CORE_OBJ = $(CORE:%=$(BUILD)/obj/%.o)
CLI_OBJ = $(CLI:%=$(BUILD)/obj/%.o) $(BUILD)/obj/data_embed.o $(BUILD)/obj/snapshot_embed.o

all: $(BIN) $(LIB)

# Objects depend on the flags they were built with, so `make check` after
# `make` rebuilds with -Werror instead of trusting stale objects.
$(BUILD)/flags: FORCE
	@mkdir -p $(BUILD)
	@echo '$(CC) $(ALL_CFLAGS)' | cmp -s - $@ || echo '$(CC) $(ALL_CFLAGS)' > $@

# The order in which libload.c opens the lazily loaded libraries.
$(BUILD)/dlopen_order.h: scripts/dlopen-order $(BUILD)/flags
	scripts/dlopen-order $(foreach x,PDF:poppler-glib:libpoppler-glib XML:libxml-2.0:libxml2 ZIP:libzip:libzip GSF:libgsf-1:libgsf-1 MD:md4c:libmd4c OCR:tesseract:libtesseract,\
	    $(word 1,$(subst :, ,$(x)))=$$(pkg-config --variable=libdir $(word 2,$(subst :, ,$(x))))/$(word 3,$(subst :, ,$(x))).so) > $@.tmp && mv $@.tmp $@

LIB_TABLES = pdf_lib xml_lib zip_lib gsf_lib md_lib ocr_lib
$(LIB_TABLES:%=$(BUILD)/obj/extract/%.o): $(BUILD)/dlopen_order.h
$(LIB_TABLES:%=$(BUILD)/obj/extract/%.o): ALL_CFLAGS += -I$(BUILD)
$(BUILD)/tests/test_libload: $(BUILD)/dlopen_order.h
$(BUILD)/tests/test_libload: ALL_CFLAGS += -I$(BUILD)

# The parser children's seccomp filters, compiled from src/cli/sandbox_policy.h
# with libseccomp at build time (docs/SECURITY.md): the program loads them
# as they are, and needs no libseccomp at run time.
SECCOMP_CFLAGS := $(shell pkg-config --cflags libseccomp)
SECCOMP_LIBS := $(shell pkg-config --libs libseccomp 2>/dev/null || echo -lseccomp)
$(BUILD)/sandbox_bpf: tools/sandbox_bpf.c src/cli/sandbox_policy.h
	@mkdir -p $(BUILD)
	$(CC) -O1 -std=c11 -D_GNU_SOURCE -Isrc $(SECCOMP_CFLAGS) -o $@ $< $(SECCOMP_LIBS)

$(BUILD)/sandbox_bpf.h: $(BUILD)/sandbox_bpf
	$(BUILD)/sandbox_bpf > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/cli/sandbox.o: $(BUILD)/sandbox_bpf.h
$(BUILD)/obj/cli/sandbox.o: ALL_CFLAGS += -I$(BUILD)

$(BUILD)/obj/%.o: src/%.c $(BUILD)/flags
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/obj/data_embed.o: $(BUILD)/data_embed.c $(BUILD)/flags
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/embed: tools/embed.c
	@mkdir -p $(BUILD)
	$(CC) -O1 -o $@ $<

$(BUILD)/data_embed.c: $(BUILD)/embed $(DATA)
	$(BUILD)/embed $(DATA) > $@.tmp && mv $@.tmp $@

# The same data built at build time (all load checks apply) and embedded as
# a snapshot, so a run starts without parsing YAML; see PERFORMANCE.md.
$(BUILD)/snapshot: tools/snapshot.c $(LIB) $(BUILD)/flags
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(PKG_LIBS) -lm

$(BUILD)/data.snap $(BUILD)/snapshot_embed.S &: $(BUILD)/snapshot $(DATA)
	$(BUILD)/snapshot $(BUILD)/data.snap $(BUILD)/snapshot_embed.S $(DATA)

$(BUILD)/obj/snapshot_embed.o: $(BUILD)/snapshot_embed.S $(BUILD)/data.snap
	$(CC) -c $< -o $@

$(LIB): $(CORE_OBJ)
	rm -f $@
	ar rcs $@ $^

# Every symbol bound at start-up (and the GOT then read-only): a parser
# child forked from the parent inherits the bindings, where lazy binding
# made each child look up again, and copy a page for, every library
# function it was first to call (~0.4 ms a child; PERFORMANCE.md).
BIN_LDFLAGS = -Wl,-z,relro -Wl,-z,now

$(BIN): $(CLI_OBJ) $(LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) $(BIN_LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(BIN_LIBS) -lpthread -lm

# ---- tests -----------------------------------------------------------------
$(BUILD)/tests/%: tests/unit/%.c $(LIB) tests/unit/harness.h $(BUILD)/flags
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(PKG_LIBS) -lm

unit: $(UNIT:%=$(BUILD)/tests/%)
	@fail=0; for t in $(UNIT); do $(BUILD)/tests/$$t || fail=1; done; exit $$fail

cli-tests: $(BIN)
	tests/run-cli.sh $(BIN)

test: all unit cli-tests

# README's layer rules (includes go down the layers; the core is silent).
layers:
	tests/check-layers.sh

lint-data: $(BIN)
	$(BIN) lint

corpus: $(BIN)
	tests/corpus.sh $(BIN)

# Parts in mk/*.mk add their own checks to CHECK_EXTRA.  The sanitizer run
# (its own build in build/asan, mk/fuzz.mk) goes beside the rest, one job
# each: every check is one process at a time, so on CI's two CPUs the suite
# takes the longer of the two instead of their sum.  Each job's output is
# printed whole when it ends (--output-sync).
check:
	$(MAKE) -j2 --output-sync=recurse check-serial asan

check-serial:
	$(MAKE) -j1 WERROR=-Werror test layers lint-data corpus $(filter-out asan,$(CHECK_EXTRA))

# What .ci/run runs after scripts/install-deps: the whole suite, then the
# Debian package test (mk/install.mk), one after the other.
ci:
	$(MAKE) check
	$(MAKE) check-deb

demo: $(BIN)
	$(BIN) --role mle tests/fixtures/resumes/one-column-mle.pdf

fixtures:
	scripts/make-fixtures

clean:
	rm -rf $(BUILD)

FORCE:
.PHONY: all unit cli-tests test layers lint-data corpus check check-serial ci demo fixtures clean FORCE

# Optional parts (fuzzing, installation ...) live in their own files.
include $(sort $(wildcard mk/*.mk))

-include $(wildcard $(BUILD)/obj/*/*.d $(BUILD)/obj/*.d $(BUILD)/tests/*.d)
