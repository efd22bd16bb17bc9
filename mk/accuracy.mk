# Skill-extraction quality: the trap sentences and awkward true positives
# run in `make check`; `make accuracy` measures the labelled dev set
# (needs ../shared/corpus; it says so and skips where it is absent).
traps: $(BIN)
	tests/accuracy/check-traps.sh $(BIN)

accuracy: $(BIN)
	scripts/accuracy --bin $(BIN)
	scripts/accuracy-experience --bin $(BIN)

CHECK_EXTRA += traps
.PHONY: traps accuracy
