#!/bin/sh
# The hostile-input corpus (issue 6): generates it at test time into a temp
# directory (tests/hostile/make-hostile: nothing dangerous is committed) and
# checks every case with tests/hostile/check-hostile: exact error code and
# detail or a correct report, no crash, no hang past the timeout, peak RSS
# <= 256 MB per process tree, no secret or planted sentinel in any output.
# Usage: tests/hostile/run.sh BIN [RSS_MB]
set -u
bin=${1:?usage: run.sh BIN [RSS_MB]}
here=$(dirname "$0")
command -v python3 >/dev/null 2>&1 || { echo "hostile: skipped: python3 is missing"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/make-hostile" "$tmp" >/dev/null || { echo "hostile: FAIL: make-hostile failed"; exit 1; }
export LC_ALL=C.UTF-8 NO_COLOR=1
"$here/check-hostile" "$bin" "$tmp" "${2:-256}" >"$tmp/.report" 2>&1
rc=$?
# Failures in full, passes as a count (the full table: HOSTILE_VERBOSE=1).
if [ "${HOSTILE_VERBOSE:-0}" = 1 ]; then cat "$tmp/.report"; else grep -v '^ok ' "$tmp/.report"; fi
exit $rc
