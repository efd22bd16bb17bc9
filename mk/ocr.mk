# OCR recall (issue 17): scripts/ocr-recall measures how many skills OCR
# recovers from the scanned fixtures (they must reach 0.8) and, where the
# corpus and its labels exist, from the corpus's image-only files.
ocr-recall: $(BIN)
	scripts/ocr-recall --bin $(BIN)

CHECK_EXTRA += ocr-recall
.PHONY: ocr-recall
