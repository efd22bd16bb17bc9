# RTF, Word 97-2003 .doc and Markdown (issue 17): the corpus twins and the
# hand labels (tests/corpus-formats.sh; it skips where ../shared/corpus is
# absent), and the .doc fixtures' generator.
corpus-formats: $(BIN)
	tests/corpus-formats.sh $(BIN)

fixtures-doc:
	scripts/make-fixtures-doc

CHECK_EXTRA += corpus-formats
.PHONY: corpus-formats fixtures-doc
