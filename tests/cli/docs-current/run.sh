#!/bin/sh
# README.md's option table and the committed man page man/gapcheck.1 are
# what `make docs` makes now from src/cli/cli_opts.h and man/gapcheck.1.scd,
# so neither can drift from --help.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
stale=0
scripts/gen-man-options --readme src/cli/cli_opts.h README.md >"$tmp/README.md"
cmp -s "$tmp/README.md" README.md || { stale=1; echo "README.md's option table is stale:"; diff README.md "$tmp/README.md" || :; }
scripts/gen-man-options --roff src/cli/cli_opts.h man/gapcheck.1.scd >"$tmp/gapcheck.1"
cmp -s "$tmp/gapcheck.1" man/gapcheck.1 || { stale=1; echo "man/gapcheck.1 is stale:"; diff man/gapcheck.1 "$tmp/gapcheck.1" | head -20 || :; }
if [ $stale = 1 ]; then echo "run 'make docs' and commit the result"; exit 1; fi
echo "README.md's option table and man/gapcheck.1 match the option table and man/gapcheck.1.scd"
MANWIDTH=80 man -l man/gapcheck.1 2>/dev/null | grep -A1 '^NAME' | sed 's/^ *//'
