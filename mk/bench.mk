# make bench: gapcheck's speed next to peers measured in the same run
# (pdftotext, docx2txt, pandoc, xargs -P2), and in-process data start-up and
# matching speed.  Prints medians and ratios, never pass/fail: PERFORMANCE.md.
$(BUILD)/bench_data: tools/bench_data.c $(LIB) $(BUILD)/flags
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(PKG_LIBS) -lm

bench: $(BIN) $(BUILD)/bench_data $(BUILD)/data.snap
	scripts/bench/bench.sh $(BIN) $(BUILD)/bench_data $(BUILD)/data.snap

.PHONY: bench
