# Batch-mode checks (formats, schema, interruption, Chromium, GNU parallel).
batch-tests: $(BIN)
	tests/batch/run.sh $(BIN)

CHECK_EXTRA += batch-tests
.PHONY: batch-tests
