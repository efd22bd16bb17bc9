#!/bin/sh
# Hygiene (docs/SECURITY.md B3/B4): under strace, a batch over the fixtures makes
# no network call at all and creates, renames or links no file anywhere but
# in its -o output directory (none at all when it writes to stdout).
# Usage: tests/hostile/hygiene.sh BIN     (skips, saying so, without strace)
set -u
bin=${1:?usage: hygiene.sh BIN}
if ! command -v strace >/dev/null 2>&1; then
    echo "hygiene: skipped: strace is not installed (scripts/install-deps adds it)"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# ptrace and LeakSanitizer do not mix; leaks are checked elsewhere.
export ASAN_OPTIONS=detect_leaks=0
calls=trace=%network,openat,open,creat,rename,renameat,renameat2,link,linkat,symlink,symlinkat,mkdir,mkdirat
fail=0
check() {  # $1: label, $2: strace log, $3: allowed directory prefix or ""
    if grep -E '(^|[ ])(socket|connect|bind|sendto|sendmsg)\(' "$2" >"$tmp/net"; then
        echo "hygiene: FAIL $1: network system calls:"; head -3 "$tmp/net"; fail=1
    fi
    grep -E 'O_CREAT|(^|[ ])(creat|rename|renameat2?|link|linkat|symlink|symlinkat|mkdir|mkdirat)\(' "$2" \
        | grep -v ' = -1 ' >"$tmp/writes"
    if [ -n "$3" ]; then
        grep -v -F "\"$3/" "$tmp/writes" | grep -v -F "(\"$3\"" >"$tmp/outside"
    else
        cp "$tmp/writes" "$tmp/outside"
    fi
    if [ -s "$tmp/outside" ]; then
        echo "hygiene: FAIL $1: files created outside ${3:-nowhere}:"; head -3 "$tmp/outside"; fail=1
    fi
}
files=$(find tests/fixtures/resumes tests/fixtures/jobs -maxdepth 1 -type f ! -name "README*" ! -name "*.tsv" | sort)
# shellcheck disable=SC2086
strace -f -qq -o "$tmp/json.log" -e "$calls" "$bin" --format json $files >/dev/null 2>&1
check "JSON to stdout" "$tmp/json.log" ""
# shellcheck disable=SC2086
strace -f -qq -o "$tmp/dir.log" -e "$calls" "$bin" --format html -o "$tmp/out" $files \
    >/dev/null 2>&1
check "-o DIR" "$tmp/dir.log" "$tmp/out"
[ -d "$tmp/out" ] || { echo "hygiene: FAIL -o DIR: no output directory written"; fail=1; }
# Without any network at all (a new, empty network namespace) the reports
# are byte-identical: nothing depends on the network (B4).  Needs root or
# unprivileged user namespaces; skipped, saying so, otherwise.
unshared=""
if unshare -n true 2>/dev/null; then
    # shellcheck disable=SC2086
    "$bin" --format json $files >"$tmp/net.json" 2>/dev/null
    # shellcheck disable=SC2086
    unshare -n "$bin" --format json $files >"$tmp/nonet.json" 2>/dev/null
    if cmp -s "$tmp/net.json" "$tmp/nonet.json"; then
        unshared=", identical reports without a network"
    else
        echo "hygiene: FAIL: reports differ under unshare -n"; fail=1
    fi
else
    unshared=" (unshare -n not permitted here: offline comparison skipped)"
fi
n=$(wc -l <"$tmp/json.log")
[ "$n" -gt 0 ] || { echo "hygiene: FAIL: strace recorded nothing"; fail=1; }
[ $fail = 0 ] && echo "hygiene: no network calls, no files created outside the output directory ($(echo $files | wc -w) files, 2 runs)$unshared"
exit $fail
