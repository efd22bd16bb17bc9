# gapcheck diff (two versions of one résumé): its schema, properties, the
# sandbox of both files, wrapping, redaction and the HTML page in headless
# Chromium.  Its golden outputs are tests/cli/diff-*; its model is checked
# by tests/unit/test_compare.c.
diff-tests: $(BIN)
	tests/diff/run.sh $(BIN)

CHECK_EXTRA += diff-tests
.PHONY: diff-tests
