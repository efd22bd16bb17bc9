#!/bin/bash
# Batch-mode checks (issue 5): JSON Schema, CSV/TSV shape and determinism,
# formula neutralisation, --files-from, interruption without partial output
# or orphans, a full disk, progress on a terminal, HTML in headless
# Chromium, and the GNU parallel recipe from README.md.
# Usage: tests/batch/run.sh BIN
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
J=tests/fixtures/jobs
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Every fixture (RA) for the schema and the OCR checks; the others run over
# a copy without the scanned and garbled ones (R): each pass over those costs
# about 15 s of OCR, and no other check here is about OCR.
RA=tests/fixtures/resumes
R=$tmp/resumes
mkdir "$R" && find $RA -maxdepth 1 -type f ! -name 'scanned-*' ! -name 'garbled-*' -exec cp {} "$R" \;
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "batch: FAIL: $*"; }
check() { if eval "$2"; then ok; else bad "$1"; fi; }

# --- JSON Lines validate against the shipped schema
"$bin" --format json --role mle --suggest --job $J/mle-posting.txt -r $RA >"$tmp/all.jsonl" 2>/dev/null
check "schema (fixtures)" "tests/batch/validate.py schema/record.schema.json <'$tmp/all.jsonl' >'$tmp/schema.out' || { cat '$tmp/schema.out'; false; }"
if [ -d ../shared/corpus ]; then
    "$bin" --format json --role mle -r ../shared/corpus >"$tmp/corpus.jsonl" 2>/dev/null
    check "schema (corpus)" "tests/batch/validate.py schema/record.schema.json <'$tmp/corpus.jsonl' >'$tmp/schema2.out' || { cat '$tmp/schema2.out'; false; }"
fi

# --- CSV: a header plus one row per file, the same bytes twice, with -j 1 or 2
# (-r skips EXPECTED.tsv, a data table: not a résumé format)
n=$(find $R -type f ! -name '.*' ! -name '*.tsv' | wc -l)
"$bin" -r $R --role mle --format csv -j 2 >"$tmp/a.csv" 2>/dev/null
"$bin" -r $R --role mle --format csv -j 1 >"$tmp/b.csv" 2>/dev/null
check "csv rows" "[ \$(wc -l <'$tmp/a.csv') -eq $((n + 1)) ]"
check "csv deterministic across -j" "cmp -s '$tmp/a.csv' '$tmp/b.csv'"
check "csv parses with a fixed column count" "/usr/bin/python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1]))); sys.exit(len(set(map(len,r)))!=1)' '$tmp/a.csv'"
"$bin" -r $R --role mle --format tsv >"$tmp/a.tsv" 2>/dev/null
check "tsv fixed column count" "[ \$(awk -F'\t' '{print NF}' '$tmp/a.tsv' | sort -u | wc -l) -eq 1 ]"

# --- spreadsheet formulas in file names are neutralised
mkdir -p "$tmp/f"
for name in '=HYPERLINK(x).txt' '+cmd.txt' '-2+3.txt' '@SUM(A1).txt'; do echo 'Skills: Python' >"$tmp/f/$name"; done
(cd "$tmp/f" && "$bin" --format csv -- * >"$tmp/f.csv" 2>/dev/null)
check "formula cells neutralised" "/usr/bin/python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1])))[1:]; sys.exit(len(r)!=4 or any(c[:1] in \"=+-@\" for row in r for c in row if c))' '$tmp/f.csv'"
check "formula file names kept as text" "grep -q \"^\\\"'=HYPERLINK\" '$tmp/f.csv'"

# --- --files-from: newline and NUL separated, and '-' for stdin
find $R -name '*.pdf' | sort >"$tmp/list"
find $R -name '*.pdf' -print0 | sort -z >"$tmp/list0"
"$bin" --files-from "$tmp/list" --format json 2>/dev/null | jq -r .file >"$tmp/l1"
"$bin" --files-from - --format json <"$tmp/list0" 2>/dev/null | jq -r .file >"$tmp/l2"
check "files-from newline" "cmp -s '$tmp/list' '$tmp/l1'"
check "files-from NUL from stdin" "cmp -s '$tmp/list' '$tmp/l2'"

# --- -r: hidden files are skipped, and files in no résumé format are named
# on one line; named on the command line, such a file gets a record
mkdir -p "$tmp/h/.git" && echo Python >"$tmp/h/.hidden.txt" && echo Python >"$tmp/h/.git/x.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0' >"$tmp/h/photo.png" && echo 'Python' >"$tmp/h/cv.txt"
"$bin" -r "$tmp/h" --format json 2>"$tmp/h.err" | jq -r '"\(.file) \(.status) \(.error.code)"' >"$tmp/h.out"
check "hidden skipped, png skipped" "[ \"\$(cat '$tmp/h.out')\" = \"$tmp/h/cv.txt ok null\" ]"
check "png named on stderr" "[ \"\$(cat '$tmp/h.err')\" = 'gapcheck: skipped 1 file that is not a résumé (photo.png)' ]"
"$bin" "$tmp/h/photo.png" --format json 2>/dev/null | jq -r '"\(.status) \(.error.code)"' >"$tmp/h1.out"
check "png named: recorded" "[ \"\$(cat '$tmp/h1.out')\" = 'error unsupported_format' ]"

# --- SIGTERM mid-run: exit 143, no report files, no temporary files, no children
for i in $(seq 1 60); do cat "$tmp/list"; done >"$tmp/long"
"$bin" --files-from "$tmp/long" --role mle --format html -o "$tmp/out" -j 2 -q 2>/dev/null &
pid=$!
sleep 0.5
kill -TERM $pid
wait $pid
rc=$?
sleep 0.3
check "interrupt exit status 143 (got $rc)" "[ $rc -eq 143 ]"
check "interrupt leaves no files" "[ -z \"\$(ls -A '$tmp/out' 2>/dev/null)\" ]"
check "interrupt leaves no children" "! pgrep -f -- '$tmp/long' >/dev/null"

# --- largest first inside, input order outside: smallest file first, largest last
find $R -maxdepth 1 -type f -printf '%s %p\n' | sort -n | cut -d" " -f2- >"$tmp/by-size"
"$bin" --files-from "$tmp/by-size" --role mle --format csv -j 2 2>/dev/null | tail -n +2 | cut -d, -f1 >"$tmp/by-size.out"
check "records in input order when started largest first" "cmp -s '$tmp/by-size' '$tmp/by-size.out'"
# the children open their files: the first two opened are the two largest
strace -f -qq -e trace=openat -o "$tmp/by-size.trace" \
    "$bin" --files-from "$tmp/by-size" --role mle --format json -j 2 >/dev/null 2>&1
grep -o "\"$R/[^\"]*\"" "$tmp/by-size.trace" | tr -d '"' | awk '!seen[$0]++' | head -2 | sort >"$tmp/first2"
tail -2 "$tmp/by-size" | sort >"$tmp/largest2"
check "the two largest files start first" "[ -s '$tmp/first2' ] && cmp -s '$tmp/first2' '$tmp/largest2'"

# --- the parent loads a parsing library once, and only if the batch's files need it
strace -f -qq -e trace=openat -o "$tmp/docx.trace" "$bin" --format json $R/*.docx $R/*.odt >/dev/null 2>&1
check "a DOCX/ODT batch never opens poppler" "! grep -q 'libpoppler' '$tmp/docx.trace' && grep -q 'libzip' '$tmp/docx.trace'"
strace -f -qq -e trace=openat -o "$tmp/pdf.trace" "$bin" --format json -j 2 $R/*.pdf >/dev/null 2>&1
check "a PDF batch opens poppler-glib once, for every worker" "[ \$(grep -c 'libpoppler-glib.*= [0-9]' '$tmp/pdf.trace') -eq 1 ] && ! grep -q 'libzip' '$tmp/pdf.trace'"
# libgsf (.doc) and md4c (Markdown) stay unopened for every other format,
# single files and batches alike; a .doc or Markdown batch opens its own once.
for f in $R/latin1.txt $R/one-column-mle.pdf $R/plain-mle.docx $R/rtf-backend.rtf; do
    strace -f -qq -e trace=openat -o "$tmp/one.trace" "$bin" --format json "$f" >/dev/null 2>&1
    check "$(basename "$f") never opens libgsf or libmd4c" "[ -s '$tmp/one.trace' ] && ! grep -qE 'libgsf|libmd4c' '$tmp/one.trace'"
done
strace -f -qq -e trace=openat -o "$tmp/mixed.trace" "$bin" --format json -j 2 $R/*.txt $R/*.pdf $R/*.docx $R/*.odt $R/*.html >/dev/null 2>&1
check "a txt/pdf/docx/odt/html batch never opens libgsf or libmd4c" "! grep -qE 'libgsf|libmd4c' '$tmp/mixed.trace'"
strace -f -qq -e trace=openat -o "$tmp/doc.trace" "$bin" --format json -j 2 $R/*.doc $R/*.md >/dev/null 2>&1
check "a .doc + Markdown batch opens libgsf and libmd4c once each, never poppler" "[ \$(grep -c 'libgsf-1.*= [0-9]' '$tmp/doc.trace') -eq 1 ] && [ \$(grep -c 'libmd4c.*= [0-9]' '$tmp/doc.trace') -eq 1 ] && ! grep -q 'libpoppler' '$tmp/doc.trace'"
# OCR (libtesseract and its ~55 libraries) is loaded only by a file that
# needs it: never for text PDFs or ordinary DOCX/ODT, once for a scan.
textpdf=$(ls $RA/*.pdf | grep -v -e scanned- -e garbled-)
textdocx=$(ls $RA/*.docx $RA/*.odt | grep -v scanned-)
strace -f -qq -e trace=openat -o "$tmp/tpdf.trace" "$bin" --format json -j 2 $textpdf >/dev/null 2>&1
check "a text PDF batch never opens tesseract" "! grep -q 'libtesseract' '$tmp/tpdf.trace' && grep -q 'libpoppler' '$tmp/tpdf.trace'"
strace -f -qq -e trace=openat -o "$tmp/tdocx.trace" "$bin" --format json -j 2 $textdocx >/dev/null 2>&1
check "a DOCX/ODT batch never opens tesseract" "! grep -q 'libtesseract' '$tmp/tdocx.trace' && grep -q 'libzip' '$tmp/tdocx.trace'"
strace -f -qq -e trace=openat -o "$tmp/one.trace" "$bin" --format json $R/one-column-mle.pdf >/dev/null 2>&1
check "a text PDF alone never opens tesseract" "! grep -q -e 'libtesseract' -e 'tessdata' '$tmp/one.trace'"
strace -f -qq -e trace=openat -o "$tmp/scan.trace" "$bin" --format json $RA/scanned-mle.pdf >/dev/null 2>&1
check "a scanned PDF opens tesseract and its English data" "grep -q 'libtesseract.*= [0-9]' '$tmp/scan.trace' && grep -q 'eng.traineddata.*= [0-9]' '$tmp/scan.trace'"

# --- a child started on the CPU the last one left gets the whole set back
# (batch.c; it narrows only for the fork).  Children that have run 2 ms are
# past that point; with one CPU there is nothing to tell apart.
if [ "$(nproc)" -ge 2 ]; then
    want=$(awk '/^Cpus_allowed_list/ {print $2}' /proc/self/status)
    "$bin" --files-from "$tmp/long" --role mle --format json -j "$(nproc)" >/dev/null 2>&1 &
    pid=$! seen=0 narrow=0 other=0 psamples=0 pbatch=0
    while kill -0 $pid 2>/dev/null; do
        pp=$(awk '{print $41}' /proc/$pid/stat 2>/dev/null)
        if [ -n "$pp" ]; then
            psamples=$((psamples + 1))
            [ "$pp" = 0 ] || pbatch=$((pbatch + 1))
        fi
        for c in $(pgrep -P $pid); do
            ns=$(cut -d' ' -f1 /proc/$c/schedstat 2>/dev/null) || continue
            [ "${ns:-0}" -gt 2000000 ] || continue
            got=$(awk '/^Cpus_allowed_list/ {print $2}' /proc/$c/status 2>/dev/null)
            policy=$(awk '{print $41}' /proc/$c/stat 2>/dev/null)   # 3: SCHED_BATCH
            [ -n "$got" ] && [ -n "$policy" ] || continue
            seen=$((seen + 1))
            [ "$got" = "$want" ] || narrow=$((narrow + 1))
            [ "$policy" = 3 ] || other=$((other + 1))
        done
    done
    wait $pid
    check "children run on the whole CPU set ($seen seen, $narrow narrowed)" "[ $seen -ge 5 ] && [ $narrow -eq 0 ]"
    if chrt -b 0 true 2>/dev/null; then
        check "children run as SCHED_BATCH ($other of $seen not)" "[ $seen -ge 5 ] && [ $other -eq 0 ]"
    else
        echo "batch: SCHED_BATCH not allowed here: the workers' policy not checked"
    fi
    check "the parent keeps SCHED_OTHER between forks ($pbatch of $psamples samples not)" "[ $psamples -ge 5 ] && [ \$((pbatch * 4)) -le $psamples ]"
    taskset -c 0 "$bin" -r $R --role mle --format csv >"$tmp/one-cpu.csv" 2>/dev/null
    check "one CPU allowed: the same rows" "cmp -s '$tmp/a.csv' '$tmp/one-cpu.csv'"
else
    echo "batch: one CPU: CPU placement not checked"
fi

# --- a full disk is an error, never a silent truncation
"$bin" -r $R --format csv >/dev/full 2>"$tmp/full.err"
rc=$?
check "csv to /dev/full exits 4" "[ $rc -eq 4 ] && grep -q 'write error' '$tmp/full.err'"

# --- -o DIR on a full disk (issue 18): exit 4, no crash, nothing left behind
sh -c "trap '' XFSZ; ulimit -f 0; exec '$bin' -r $R --role mle --format html -o '$tmp/fullo' -q" 2>/dev/null
rc=$?
check "-o on a full disk exits 4" "[ $rc -eq 4 ]"
check "-o on a full disk leaves no file" "[ -z \"\$(ls -A '$tmp/fullo')\" ]"
"$bin" -r $R --role mle --format markdown -o "$tmp/fullo" -q 2>/dev/null
sh -c "trap '' XFSZ; ulimit -f 0; exec '$bin' -r $R --role mle --format markdown -o '$tmp/fullo' -q" 2>/dev/null
ls -A "$tmp/fullo" >"$tmp/fullo.ls"
check "a failed run keeps the earlier reports, no temporaries" "! grep -q gapcheck- '$tmp/fullo.ls' && grep -qx index.md '$tmp/fullo.ls'"
# a directory in the way of the index: nothing renamed into place
mkdir -p "$tmp/inway/index.html/x"
"$bin" -r $R --role mle --format html -o "$tmp/inway" -q 2>"$tmp/inway.err"
rc=$?
check "a directory in the way: exit 4, named" "[ $rc -eq 4 ] && grep -q \"cannot replace 'index.html'\" '$tmp/inway.err'"
check "a directory in the way: no report, no temporary" "[ \"\$(ls -A '$tmp/inway')\" = index.html ]"
# one rename of the commit fails: every earlier one is undone, old reports restored
if cc -shared -fPIC -o "$tmp/fail_rename.so" tests/inject/fail_rename.c -ldl 2>/dev/null; then
    "$bin" -r $R --role mle --format markdown -o "$tmp/rb" -q 2>/dev/null
    (cd "$tmp/rb" && md5sum * >"$tmp/rb.sum")
    "$bin" -r $R --role data-analyst --format markdown -o "$tmp/rb" -q 2>/dev/null
    ! (cd "$tmp/rb" && md5sum -c --quiet "$tmp/rb.sum" >/dev/null 2>&1) || bad "rollback premise: a second run changes the reports"
    "$bin" -r $R --role mle --format markdown -o "$tmp/rb" -q 2>/dev/null
    GC_FAIL_RENAME=/index.md LD_PRELOAD="$tmp/fail_rename.so" \
        "$bin" -r $R --role data-analyst --format markdown -o "$tmp/rb" -q 2>"$tmp/rb.err"
    rc=$?
    check "a failed rename: exit 4, said" "[ $rc -eq 4 ] && grep -q 'nothing was written' '$tmp/rb.err'"
    check "a failed rename: the old reports are back" "(cd '$tmp/rb' && md5sum -c --quiet '$tmp/rb.sum' >/dev/null 2>&1)"
    check "a failed rename: no temporary left" "! ls -A '$tmp/rb' | grep -q gapcheck-"
else
    echo "batch: rename rollback: not checked (no C compiler)"
fi

# --- SIGTERM while blocked writing to a full pipe: exit 143 at once (issue 18.7)
for i in $(seq 1 40); do echo $R/one-column-mle.pdf; done >"$tmp/l40"
( "$bin" --files-from "$tmp/l40" --format json --explain --role mle -q; echo $? >"$tmp/term.rc" ) | sleep 4 &
sleep 1.5; pkill -TERM -f -- "--files-from $tmp/l40"; sleep 0.7
check "SIGTERM while blocked on stdout: exit 143" "[ \"\$(cat '$tmp/term.rc' 2>/dev/null)\" = 143 ]"
wait

# --- every input gets a record: folders nested too deep, names too long, '-' twice
deep="$tmp/deep"; for i in $(seq 1 34); do deep="$deep/d"; done
mkdir -p "$deep" && echo 'Skills: Python' >"$deep/cv.txt" && echo 'Skills: Go' >"$tmp/deep/top.txt"
"$bin" -r "$tmp/deep" --format json 2>"$tmp/deep.err" | jq -r '"\(.status) \(.error.detail)"' >"$tmp/deep.out"
rc=${PIPESTATUS[0]}
check "-r too deep: a record, exit 1" "[ $rc = 1 ] && grep -qx 'error dir_depth' '$tmp/deep.out' && grep -qx 'ok null' '$tmp/deep.out'"
mkdir -p "$tmp/longname"
if python3 -c 'import os,sys; os.chdir(sys.argv[1])
for i in range(17): os.mkdir("x"*250); os.chdir("x"*250)
open("cv.txt","w").write("Skills: Python\n")' "$tmp/longname" 2>/dev/null; then
    "$bin" -r "$tmp/longname" --format json 2>/dev/null | jq -r .status >"$tmp/long.out"
    rc=${PIPESTATUS[0]}
    check "-r path over PATH_MAX: a record, exit 1" "[ $rc = 1 ] && [ \"\$(cat '$tmp/long.out')\" = error ]"
else
    echo "batch: a path over PATH_MAX: not checked (cannot create one here)"
fi
echo 'Skills: Python' | "$bin" - - >/dev/null 2>"$tmp/twice.err"
rc=$?
check "'-' twice is a usage error" "[ $rc = 2 ] && grep -q 'read only once' '$tmp/twice.err'"

# --- progress on a terminal only
script -qec "$bin -r $R --format json -j 2 >/dev/null" /dev/null >"$tmp/tty.out" 2>&1
check "progress on a terminal" "grep -q 'files/s' '$tmp/tty.out'"
script -qec "$bin -q -r $R --format json -j 2 >/dev/null" /dev/null >"$tmp/tty2.out" 2>&1
check "no progress with -q" "! grep -q 'files/s' '$tmp/tty2.out'"
"$bin" -r $R --format json >/dev/null 2>"$tmp/notty.err"
check "no progress off a terminal" "! grep -q 'files/s' '$tmp/notty.err'"

# --- no core file from the parent either: it holds evidence quoted from résumés
(sleep 1) | "$bin" --format json - >/dev/null 2>&1 &
pid=$!
sleep 0.3
core=$(awk '/^Max core file size/ {print $5 "/" $6}' /proc/$pid/limits 2>/dev/null)
wait $pid
check "no core dumps from the parent (limit $core)" "[ '$core' = 0/0 ]"

# --- --redact masks e-mail addresses and phone numbers in every format
printf 'Jane Doe\njane.doe@example.com | +1 (555) 123-4567\nSkills: Python, jane.doe@example.com Docker\n' >"$tmp/pii.txt"
for f in text json csv markdown html; do
    "$bin" --redact --explain --role mle --format $f "$tmp/pii.txt" >"$tmp/pii.$f" 2>/dev/null
    check "redact $f" "! grep -q -e 'jane.doe@example' -e '123-4567' '$tmp/pii.$f'"
done

# --- HTML reports and index render in headless Chromium without console errors
"$bin" -r $R --role mle --suggest --format html -o "$tmp/html" -q 2>/dev/null
check "html index written" "[ -f '$tmp/html/index.html' ] && [ \$(ls '$tmp/html' | wc -l) -eq $((n + 1)) ]"
if command -v chromium >/dev/null; then
    mkdir -p build/screens
    for page in index.html one-column-mle.html hidden-keywords.html; do
        timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
            --disable-background-networking --disable-component-update --disable-sync \
            --user-data-dir="$tmp/chrome" --enable-logging=stderr --v=0 \
            --window-size=1000,1400 --screenshot="build/screens/${page%.html}.png" \
            "file://$tmp/html/$page" >"$tmp/chrome.out" 2>&1
        check "chromium renders $page" "[ -s 'build/screens/${page%.html}.png' ]"
        check "no console errors in $page" "! grep -E 'CONSOLE|Uncaught|SyntaxError' '$tmp/chrome.out'"
    done
else
    echo "batch: skipped: chromium not installed (scripts/install-deps installs it)"
fi

# --- the GNU parallel recipe from README.md, with two local "hosts"
if command -v parallel >/dev/null; then
    # (names listed are always read, so the direct run reads the same list:
    # -r would skip EXPECTED.tsv)
    find $R -type f ! -name '.*' | sort >"$tmp/par.list"
    parallel --will-cite --sshlogin 1/:,1/: -X -k "$bin" --role mle --format json \
        <"$tmp/par.list" >"$tmp/par.jsonl" 2>/dev/null
    "$bin" --files-from "$tmp/par.list" --role mle --format json 2>/dev/null >"$tmp/direct.jsonl"
    check "parallel recipe gives the same records" "cmp -s <(sort '$tmp/par.jsonl') <(sort '$tmp/direct.jsonl')"
else
    echo "batch: skipped: GNU parallel not installed"
fi
echo "batch: $pass passed, $fail failed"
[ $fail = 0 ]
