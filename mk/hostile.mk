# Hostile input (issue 6): the generated corpus of attacks and the hygiene
# check (no network, no stray files) against build/gapcheck; both run in
# `make check`.  `make asan` (mk/fuzz.mk) runs the corpus under ASan+UBSan.
hostile: $(BIN)
	tests/hostile/run.sh $(BIN)
	tests/hostile/hygiene.sh $(BIN)

CHECK_EXTRA += hostile
.PHONY: hostile
