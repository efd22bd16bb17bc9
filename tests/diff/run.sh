#!/bin/bash
# `gapcheck diff` beyond its golden tests (tests/cli/diff-*): the JSON
# validates against schema/diff.schema.json; every fixture compared with
# itself changes nothing; the two versions of the fixture compared both ways
# swap gained and lost; each file is parsed in a sandboxed child; text wraps
# at the width; --redact masks in every format; a full disk is exit 4; the
# HTML page is self-contained and renders in headless Chromium without
# console errors (as tests/batch/run.sh checks the client reports).
# Usage: tests/diff/run.sh BIN
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
R=tests/fixtures/resumes
OLD=$R/two-column-data-scientist.pdf
NEW=$R/two-column-data-scientist-v2.pdf
export LC_ALL=C.UTF-8 TZ=UTC NO_COLOR=1 SOURCE_DATE_EPOCH=1796083200 HOME=/nonexistent
unset XDG_CONFIG_HOME
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "diff: FAIL: $*"; }
check() { if eval "$2"; then ok; else bad "$1"; fi; }

# --- JSON: the schema, over comparisons of every kind
{
    "$bin" diff -f json "$OLD" "$NEW"                          # no role: the best fit
    "$bin" diff -f json --role mle --hours 8 "$NEW" "$OLD"       # backwards
    "$bin" diff -f json --role data-scientist --redact "$OLD" "$NEW"
    "$bin" diff -f json --role mle $R/plain-utf8.md $R/plain-utf8.md
    "$bin" diff -f json --role mle $R/plain-mle.docx $R/jsonresume-mle.json
    printf 'Skills: Python\n' | "$bin" diff -f json --role mle - $R/letter-spaced.txt
} >"$tmp/all.jsonl" 2>"$tmp/all.err"
check "six comparisons, no error" "[ \$(wc -l <'$tmp/all.jsonl') -eq 6 ] && [ ! -s '$tmp/all.err' ]"
check "schema" "tests/batch/validate.py schema/diff.schema.json <'$tmp/all.jsonl' >'$tmp/schema.out' || { cat '$tmp/schema.out'; false; }"

# --- every fixture compared with itself: no change at all
same=0 n=0
for f in $R/*; do
    [ -f "$f" ] || continue
    case $f in *.tsv | */README.md | */image-only.pdf) continue ;; esac
    n=$((n + 1))
    got=$("$bin" diff -f json --role mle "$f" "$f" 2>/dev/null |
          jq -r '[.same, (.gained + .lost + .changed | length), (.positions.added + .positions.removed | length)] | @tsv')
    [ "$got" = "$(printf 'true\t0\t0')" ] && same=$((same + 1))
done
check "every fixture against itself is the same ($same of $n)" "[ $n -gt 20 ] && [ $same -eq $n ]"

# --- both ways: gained and lost swap, months and coverage swap
"$bin" diff -f json --role mle "$OLD" "$NEW" >"$tmp/fw.json"
"$bin" diff -f json --role mle "$NEW" "$OLD" >"$tmp/bw.json"
check "gained forwards = lost backwards" "[ \"\$(jq -c '.gained | sort' '$tmp/fw.json')\" = \"\$(jq -c '.lost | sort' '$tmp/bw.json')\" ]"
check "lost forwards = gained backwards" "[ \"\$(jq -c '.lost | sort' '$tmp/fw.json')\" = \"\$(jq -c '.gained | sort' '$tmp/bw.json')\" ]"
check "changed alike both ways" "[ \"\$(jq -c '.changed | sort' '$tmp/fw.json')\" = \"\$(jq -c '.changed | sort' '$tmp/bw.json')\" ]"
check "months to ready swap" "[ \"\$(jq -c '.months_to_ready | [.before, .after]' '$tmp/fw.json')\" = \"\$(jq -c '.months_to_ready | [.after, .before]' '$tmp/bw.json')\" ]"
check "positions added forwards = removed backwards" "[ \"\$(jq -c '[.positions.added[] | .title]' '$tmp/fw.json')\" = \"\$(jq -c '[.positions.removed[] | .title]' '$tmp/bw.json')\" ]"
check "gaining skills never adds months" "jq -e '.months_to_ready.after <= .months_to_ready.before and ([.phases[] | .months_remaining.after <= .months_remaining.before] | all)' '$tmp/fw.json' >/dev/null"

# --- each file is parsed in a sandboxed child: an "exploit" in either is stopped
if cc -shared -fPIC -o "$tmp/probe.so" tests/inject/sandbox_probe.c -ldl 2>/dev/null; then
    cp "$NEW" "$tmp/gc-probe-socket-new.pdf"
    cp "$OLD" "$tmp/gc-probe-write-old.pdf"
    LD_PRELOAD="$tmp/probe.so" "$bin" diff --role mle "$OLD" "$tmp/gc-probe-socket-new.pdf" >"$tmp/p1.out" 2>"$tmp/p1.err"
    rc=$?
    check "NEW's parser is sandboxed (exit $rc)" "[ $rc -eq 1 ] && grep -q 'gc-probe-socket-new.pdf: .*sandbox' '$tmp/p1.err' && [ ! -s '$tmp/p1.out' ]"
    LD_PRELOAD="$tmp/probe.so" "$bin" diff --role mle "$tmp/gc-probe-write-old.pdf" "$NEW" >"$tmp/p2.out" 2>"$tmp/p2.err"
    rc=$?
    check "OLD's parser is sandboxed (exit $rc)" "[ $rc -eq 1 ] && grep -q 'gc-probe-write-old.pdf: .*sandbox' '$tmp/p2.err' && [ ! -s '$tmp/p2.out' ]"
else
    echo "diff: sandbox probe: not checked (no C compiler)"
fi

# --- text wraps at the width: the skill lines of a narrow terminal
for w in 50 72 100; do
    COLUMNS=$w "$bin" diff --role mle "$OLD" "$NEW" >"$tmp/w$w.txt"
    long=$(awk '/^  (gained|lost|changed) \(/ { s = 1; next } /^  [^ ]/ || /^$/ { s = 0 }
                s && /^     ([^ ]|  [^ ])/ { print }' "$tmp/w$w.txt" |
           while IFS= read -r l; do [ ${#l} -gt $w ] && echo "$l"; done)
    check "skill lines fit in $w columns" "[ -z \"\$long\" ] && grep -q '^     + PyTorch' '$tmp/w$w.txt'"
done

# --- --redact masks e-mail addresses and phone numbers in every format
printf 'Jane Doe\njane.doe@example.com | +1 (555) 123-4567\nSkills: Python\n' >"$tmp/a.txt"
printf 'Jane Doe\njane.doe@example.com | +1 (555) 123-4567\nSkills: Python, Docker, jane.doe@example.com\n' >"$tmp/b.txt"
for f in text json html; do
    "$bin" diff --redact --explain --role mle --format $f "$tmp/a.txt" "$tmp/b.txt" >"$tmp/pii.$f" 2>/dev/null
    check "redact $f" "[ -s '$tmp/pii.$f' ] && ! grep -q -e 'jane.doe@example' -e '123-4567' -e 'Jane Doe' '$tmp/pii.$f'"
done

# --- a full disk is an error, never a silent truncation
"$bin" diff --role mle "$OLD" "$NEW" >/dev/full 2>"$tmp/full.err"
rc=$?
check "diff to /dev/full exits 4" "[ $rc -eq 4 ] && grep -q 'write error' '$tmp/full.err'"

# --- HTML: self-contained, and renders in headless Chromium without console errors
"$bin" diff --role mle --format html "$OLD" "$NEW" >"$tmp/diff.html"
"$bin" diff --role mle --format html $R/plain-utf8.md $R/plain-utf8.md >"$tmp/same.html"
for page in diff same; do
    check "$page.html is self-contained" "grep -q '<svg' '$tmp/$page.html' && ! grep -qiE '<script|<link|src=|url\\(|https?://' '$tmp/$page.html'"
done
check "diff.html has a before/after chart" "grep -q 'aria-label=\"coverage per phase, before and after\"' '$tmp/diff.html' && grep -q 'aria-label=\"months left per phase, before and after\"' '$tmp/diff.html'"
check "diff.html parses as XML-clean HTML" "python3 -c 'import html.parser,sys; p=html.parser.HTMLParser(); p.feed(open(sys.argv[1]).read()); p.close()' '$tmp/diff.html'"
if command -v chromium >/dev/null; then
    mkdir -p build/screens
    for page in diff same; do
        timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
            --disable-background-networking --disable-component-update --disable-sync \
            --user-data-dir="$tmp/chrome" --enable-logging=stderr --v=0 \
            --window-size=1000,2400 --screenshot="build/screens/diff-$page.png" \
            "file://$tmp/$page.html" >"$tmp/chrome.out" 2>&1
        check "chromium renders diff-$page.html" "[ -s 'build/screens/diff-$page.png' ]"
        check "no console errors in diff-$page.html" "! grep -E 'CONSOLE|Uncaught|SyntaxError' '$tmp/chrome.out'"
    done
else
    echo "diff: chromium not installed: HTML rendering not checked (scripts/install-deps installs it)"
fi
echo "diff: $pass passed, $fail failed"
[ $fail = 0 ]
