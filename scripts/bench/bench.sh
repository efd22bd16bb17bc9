#!/bin/sh
# bench.sh: `make bench`.  gapcheck next to peers measured in the same run,
# alternating (scripts/bench/bench-pairs), over ../shared/corpus, then in-process
# data start-up and matching speed (tools/bench_data.c) at the shipped
# lexicon size and at synthetic 2,000 and 10,000 skills.  Prints medians and
# ratios, never pass/fail: timings are for reading (PERFORMANCE.md).
#     scripts/bench/bench.sh BIN BENCH_DATA SNAPSHOT     (RUNS=5 by default)
# BASE=OLD_BIN adds an earlier build of gapcheck to the whole-process
# comparisons, in the same alternating runs, with OLD/NEW ratios paired by run:
# how a change moved the speed, without the drift between two benches.
set -eu
BIN=$1 BENCH=$2 SNAP=$3
RUNS=${RUNS:-5}
CORPUS=${CORPUS:-../shared/corpus}
BASE=${BASE:-}
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ ! -d "$CORPUS/pdf" ]; then
    echo "bench: no corpus at $CORPUS (set CORPUS=DIR); skipped"
    exit 0
fi
allpdfs=$(ls "$CORPUS"/pdf/*.pdf)
docxs=$(ls "$CORPUS"/docx/*.docx 2>/dev/null || true)
# The PDFs gapcheck reads from their text layer, and those it OCRs (wholly
# scanned pages, or a garbled text layer): timed apart, because an OCRed
# page costs about a second, which pdftotext (returning nothing) and builds
# before OCR never paid.  The text batch stays comparable across builds.
# shellcheck disable=SC2086
"$BIN" -j 2 --format json $allpdfs 2>/dev/null |
    jq -r 'if .ocr then "ocr\t\(.file)\t\(.ocr.pages | length)\t\(.pages)" else "text\t\(.file)" end' > "$tmp/kinds"
pdfs=$(awk -F'\t' '$1 == "text" { print $2 }' "$tmp/kinds")
ocrall=$(awk -F'\t' '$1 == "ocr" && $3 == $4 { print $2 }' "$tmp/kinds")
ocrpart=$(awk -F'\t' '$1 == "ocr" && $3 != $4 { print $2 }' "$tmp/kinds")
echo "gapcheck bench: $(nproc) CPUs, $(echo "$pdfs" | wc -l) text PDF, $(echo "$ocrall $ocrpart" | wc -w) OCRed PDF," \
    "$(echo "$docxs" | wc -l) DOCX, $RUNS runs${BASE:+; BASE=$BASE}"

echo
echo "== single file, whole process: PDF with a text layer =="
set -- "pdftotext=pdftotext -q {} -" "gapcheck=$BIN {}"
[ -z "$BASE" ] || set -- --ratio "gapcheck/gapcheck BASE" "$@" "gapcheck BASE=$BASE {}"
# shellcheck disable=SC2086
"$here/bench-pairs" "$RUNS" "$@" -- $pdfs
one="$CORPUS/pdf/rm-harvey-dent-mle.pdf"
if [ -f "$one" ]; then
    echo "  rm-harvey-dent-mle.pdf alone, 5 x more runs:"
    set -- "pdftotext=pdftotext -q {} -" "gapcheck=$BIN {}" "gapcheck --role mle=$BIN --role mle {}"
    [ -z "$BASE" ] || set -- --ratio "gapcheck/gapcheck BASE" "$@" "gapcheck BASE=$BASE {}"
    "$here/bench-pairs" $((RUNS * 5)) "$@" -- "$one" | tail -n +2
fi

if [ -n "$docxs" ]; then
    echo
    echo "== single file, whole process: DOCX =="
    set -- "docx2txt=docx2txt {} -" "gapcheck=$BIN {}" "pandoc -t plain=pandoc -t plain {}"
    [ -z "$BASE" ] || set -- --ratio "gapcheck/gapcheck BASE" "$@" "gapcheck BASE=$BASE {}"
    # shellcheck disable=SC2086
    "$here/bench-pairs" "$RUNS" "$@" -- $docxs
fi

echo
echo "== batch over the text-layer PDFs (2 workers unless stated; 3 x the runs) =="
set -- --ratio "gapcheck -j 2/xargs -P2 pdftotext" \
    --ratio "gapcheck -j 1/gapcheck -j 2" --ratio "xargs -P1 pdftotext/xargs -P2 pdftotext" \
    "xargs -P2 pdftotext=xargs -P2 -a {list} -I@ pdftotext -q @ -" \
    "gapcheck -j 2=$BIN -j 2 --format json {}" "gapcheck -j 1=$BIN -j 1 --format json {}" \
    "xargs -P1 pdftotext=xargs -P1 -a {list} -I@ pdftotext -q @ -"
[ -z "$BASE" ] || set -- --ratio "gapcheck -j 2/gapcheck BASE -j 2" "$@" \
    "gapcheck BASE -j 2=$BASE -j 2 --format json {}"
# shellcheck disable=SC2086
"$here/bench-pairs" --batch $((RUNS * 3)) "$@" -- $pdfs

if [ -n "$ocrall$ocrpart" ]; then
    echo
    echo "== OCR: the scanned PDFs, one at a time =="
    # The peer: the same engine through its own command line, on the same
    # pages rendered at gapcheck's resolution (GC_OCR_DPI, src/gc_limits.h),
    # one thread as gapcheck runs it.  Only files gapcheck OCRs whole.
    dpi=$(awk '/define GC_OCR_DPI / { print $3 }' src/gc_limits.h)
    cat > "$tmp/peer-ocr" <<EOS
#!/bin/sh
d=\$(mktemp -d) && pdftoppm -gray -r $dpi "\$1" "\$d/p" &&
for p in "\$d"/p*; do OMP_THREAD_LIMIT=1 tesseract "\$p" - quiet; done; rm -rf "\$d"
EOS
    chmod +x "$tmp/peer-ocr"
    if [ -n "$ocrall" ] && command -v tesseract >/dev/null; then
        # shellcheck disable=SC2086
        "$here/bench-pairs" "$RUNS" "pdftoppm | tesseract=$tmp/peer-ocr {}" "gapcheck=$BIN {}" -- $ocrall
    fi
    awk -F'\t' '$1 == "ocr" { n = split($2, p, "/"); printf "  %s: %s of %s pages OCRed\n", p[n], $3, $4 }' "$tmp/kinds"
fi

echo
echo "== data start-up and matching, in-process =="
for p in $pdfs; do pdftotext -q "$p" - 2>/dev/null || true; done > "$tmp/corpus.txt"
: > "$tmp/big.txt"
while [ "$(wc -c < "$tmp/big.txt")" -lt 50000000 ]; do cat "$tmp/corpus.txt" >> "$tmp/big.txt"; done
echo "shipped data, embedded snapshot (what a run uses):"
"$BENCH" -s "$SNAP" -t "$tmp/big.txt"
echo "shipped data, YAML (the path taken with --lexicon/--roles):"
"$BENCH" lexicon/*.yaml roles/*.yaml
for n in 2000 10000; do
    mkdir -p "$tmp/syn$n"
    "$here/bench-lexicon" "$n" > "$tmp/syn$n/lexicon.yaml"
    echo "synthetic $n-skill lexicon, YAML, alone (a user lexicon's own cost):"
    "$BENCH" -t "$tmp/big.txt" lexicon/model.yaml "$tmp/syn$n/lexicon.yaml"
    echo "shipped YAML + synthetic $n skills (gapcheck --lexicon DIR, first run):"
    "$BENCH" lexicon/*.yaml roles/*.yaml "$tmp/syn$n/lexicon.yaml"
    # What every later run with the same files loads (cli_data.c).
    echo "shipped + synthetic $n skills, cached snapshot (gapcheck --lexicon DIR, later runs):"
    if XDG_CACHE_HOME=$tmp/cache$n "$BIN" --lexicon "$tmp/syn$n" roles >/dev/null 2>&1; then
        "$BENCH" -s "$(ls "$tmp/cache$n"/gapcheck/data-*.snap)"
    else
        echo "  (not run: the file is over gapcheck's 1 MiB limit for one data file)"
    fi
done

echo
echo "== user data, whole process: gapcheck roles =="
"$here/bench-pairs" $((RUNS * 5)) "bundled data only=$BIN roles" \
    "+2000 skills, YAML (--no-cache)=$BIN --lexicon $tmp/syn2000 --no-cache roles" \
    "+2000 skills, cached=env XDG_CACHE_HOME=$tmp/cache2000 $BIN --lexicon $tmp/syn2000 roles" \
    -- /dev/null | tail -n +2
