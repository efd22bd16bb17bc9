#!/bin/sh
# Golden tests of the command line.  Each case is a folder tests/cli/NAME/
# holding `cmd` (one shell command line, run from the repository root with
# the binary under test first in PATH as `gapcheck`) and the expected
# `stdout`, `stderr` (default: empty) and `exit` (default: 0).
# Usage: tests/run-cli.sh [--update] BIN      (--update rewrites the goldens)
set -u
update=0
[ "${1:-}" = "--update" ] && { update=1; shift; }
bin=${1:?usage: run-cli.sh [--update] BIN}
bindir=$(cd "$(dirname "$bin")" && pwd)
[ "$(basename "$bin")" = gapcheck ] || { echo "run-cli.sh: BIN must be named gapcheck" >&2; exit 2; }
# A fixed "now" (2026-12-01): "Present" in a résumé and report dates.
export PATH="$bindir:$PATH" LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=1 SOURCE_DATE_EPOCH=1796083200
unset XDG_CONFIG_HOME
export HOME=/nonexistent  # no ~/.config/gapcheck overlay in golden runs
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for dir in tests/cli/*/; do
    name=$(basename "$dir")
    timeout 60 sh -c "$(cat "$dir/cmd")" >"$tmp/out" 2>"$tmp/err" </dev/null
    echo $? >"$tmp/exit"
    if [ $update = 1 ]; then
        cp "$tmp/out" "$dir/stdout"
        if [ -s "$tmp/err" ]; then cp "$tmp/err" "$dir/stderr"; else rm -f "$dir/stderr"; fi
        if [ "$(cat "$tmp/exit")" != 0 ]; then cp "$tmp/exit" "$dir/exit"; else rm -f "$dir/exit"; fi
        continue
    fi
    want_exit=0; [ -f "$dir/exit" ] && want_exit=$(cat "$dir/exit")
    [ -f "$dir/stderr" ] && cp "$dir/stderr" "$tmp/want_err" || : >"$tmp/want_err"
    ok=1
    cmp -s "$tmp/out" "$dir/stdout" || { ok=0; echo "--- $name: stdout differs"; diff "$dir/stdout" "$tmp/out" | head -20; }
    cmp -s "$tmp/err" "$tmp/want_err" || { ok=0; echo "--- $name: stderr differs"; diff "$tmp/want_err" "$tmp/err" | head -10; }
    [ "$(cat "$tmp/exit")" = "$want_exit" ] || { ok=0; echo "--- $name: exit $(cat "$tmp/exit"), want $want_exit"; }
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
[ $update = 1 ] && { echo "goldens rewritten: review 'git diff tests/cli'"; exit 0; }
echo "cli: $pass passed, $fail failed"
[ $fail = 0 ]
