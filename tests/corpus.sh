#!/bin/sh
# Runs gapcheck over every file of ../shared/corpus (real public résumés,
# not part of this repository) and checks that each one ends in a report or
# a one-line error within the time limit: no crash, no hang, nothing
# silently empty.  Skips, saying so, where ../shared/corpus is absent.
# Usage: tests/corpus.sh BIN
set -u
bin=${1:?usage: corpus.sh BIN}
# CORPUS_OCR=never (the ASan run, mk/fuzz.mk): scanned pages are not OCRed.
# Under ASan tesseract's own allocations make each page take many seconds,
# and our side of OCR is covered there by the scanned CLI fixtures and the
# hostile OCR cases.
ocr=${CORPUS_OCR:-auto}
corpus=${GAPCHECK_CORPUS:-../shared/corpus}
if [ ! -d "$corpus" ]; then
    echo "corpus: skipped: no $corpus here (it exists on the project's machines and CI)"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
bad() { fail=$((fail + 1)); echo "corpus: FAIL $1: $2"; }
for f in $(find "$corpus" -type f ! -name '*.tsv' ! -name 'README*' | sort); do
    timeout 60 "$bin" --ocr "$ocr" --role mle --format json "$f" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    lines=$(wc -l <"$tmp/out")
    if [ $rc -ge 124 ]; then bad "$f" "exit $rc (crash or hang)"; continue; fi
    if [ "$lines" != 1 ]; then bad "$f" "$lines JSON lines"; continue; fi
    status=$(jq -r .status "$tmp/out")
    if [ $rc = 0 ] && [ "$status" = ok ]; then
        if [ -s "$tmp/err" ]; then bad "$f" "stderr on success"; continue; fi
        if [ "$(jq .text_bytes "$tmp/out")" -lt 1 ]; then bad "$f" "empty report"; continue; fi
    elif [ $rc = 1 ] && [ "$status" = error ]; then
        n=$(wc -l <"$tmp/err")
        case "$(cat "$tmp/err")" in
            "gapcheck: $f: "*) [ "$n" = 1 ] || { bad "$f" "$n stderr lines"; continue; } ;;
            *) bad "$f" "stderr not 'gapcheck: FILE: ...'"; continue ;;
        esac
    else
        bad "$f" "exit $rc with status $status"; continue
    fi
    pass=$((pass + 1))
done
# Files whose outcome is known: the encrypted one needs a password, and
# the image-only files have no text layer: without OCR they have no text,
# with it (the default) they are read.
expect() {
    got=$("$bin" --format json "$corpus/$1" 2>/dev/null | jq -r '.error.code // .status')
    if [ "$got" = "$2" ]; then pass=$((pass + 1)); else bad "$1" "got $got, want $2"; fi
}
expect pdf/encrypted-userpw-educator.pdf encrypted
for f in pdf/scanned-image-only-two-column.pdf pdf/usf-image-only-quartz.pdf \
         docx/image-only-pictures-python-dev.docx; do
    [ "$ocr" = never ] && continue
    got=$("$bin" --ocr never --format json "$corpus/$f" 2>/dev/null | jq -r '.error.code // .status')
    if [ "$got" = no_text ]; then pass=$((pass + 1)); else bad "$f" "--ocr never: got $got, want no_text"; fi
    got=$("$bin" --format json "$corpus/$f" 2>/dev/null | jq -r '"\(.status) \(.ocr.pages | length)"')
    case $got in "ok "[1-9]*) pass=$((pass + 1)) ;; *) bad "$f" "OCR: got $got, want ok with OCR pages" ;; esac
done
# A broken font encoding (issue 17.4): the one garbled text layer of the
# corpus is flagged when kept (--ocr never) and read with OCR otherwise;
# no other PDF is flagged.
flagged=$(for f in "$corpus"/pdf/*.pdf; do
    "$bin" --ocr never --format json "$f" 2>/dev/null | jq -r 'select(.warnings // [] | index("garbled_text")) | .file'
done | xargs -r -n1 basename | tr '\n' ' ')
if [ "$flagged" = "usf-xetex-quartz-4p.pdf " ]; then pass=$((pass + 1)); else bad garbled "flagged: '$flagged'"; fi
if [ "$ocr" != never ]; then
    got=$("$bin" --format json "$corpus/pdf/usf-xetex-quartz-4p.pdf" | jq -r '"\(.ocr.pages | length) \(.warnings)"')
    if [ "$got" = "4 null" ]; then pass=$((pass + 1)); else bad usf-xetex-quartz-4p.pdf "with OCR: got '$got'"; fi
fi
# MLE skills a reader sees in these résumés must be found.
has() {
    got=$("$bin" --format json "$corpus/$1" | jq -r '[.skills[] | select(.evidence | length > 0) | .id] | join(" ")')
    for s in $2; do
        case " $got " in
            *" $s "*) pass=$((pass + 1)) ;;
            *) bad "$1" "skill $s not found" ;;
        esac
    done
}
has pdf/rm-harvey-dent-mle.pdf "python pytorch tensorflow docker machine-learning"
has docx/awesome-cv-fork-textboxes.docx "python"
has other/tomasino-pandoc-tech-director.odt "python"
has other/tomasino-pandoc-tech-director.html "python"
has other/tomasino-pandoc-tech-director.rtf "python javascript php"
has other/tomasino-tech-director.md "python javascript php"
has other/legacy-binary-word97.doc "kubernetes node-js firebase"
# --suggest on an ML résumé ranks the ML roles above frontend.
rank=$("$bin" --suggest --format json "$corpus/pdf/rm-harvey-dent-mle.pdf" | jq -r '[.suggestions[].role] | join(" ")')
pos() { echo "$rank" | tr ' ' '\n' | grep -n -x "$1" | cut -d: -f1; }
for r in mle mlops-engineer data-scientist; do
    if [ "$(pos $r)" -lt "$(pos frontend-engineer)" ]; then pass=$((pass + 1)); else bad suggest "$r ranked below frontend: $rank"; fi
done
# Ranking by fit (issue 15), as of a fixed month: the five-year MLE gets an
# MLE-family role (MLE and the roles sharing over 40% of its skills) in
# its top two, and fewer months for the MLE role than the 6.7 the
# keyword model gave; a data analyst gets data analysis or analytics
# first; DevOps résumés get DevOps/SRE or cloud first; clients outside
# software get their own field.
top() { "$bin" --suggest --as-of 2026-12 --format json "$corpus/$1" | jq -r '[.suggestions[:'"$2"'][].role] | join(" ")'; }
first_in() {
    got=$(top "$1" "${3:-1}")
    for r in $got; do
        case " $2 " in *" $r "*) pass=$((pass + 1)); return ;; esac
    done
    bad "$1" "top ${3:-1} by fit is '$got', want one of: $2"
}
first_in pdf/rm-harvey-dent-mle.pdf "mle data-scientist mlops-engineer ai-engineer nlp-engineer cv-engineer" 2
first_in pdf/rm-harvey-dent-mle.pdf "mle"
months=$("$bin" --role mle --as-of 2026-12 --format json "$corpus/pdf/rm-harvey-dent-mle.pdf" | jq .role.months_to_ready)
if awk "BEGIN { exit !($months < 6.7) }"; then pass=$((pass + 1)); else bad rm-harvey-dent-mle.pdf "mle months $months, want < 6.7"; fi
first_in pdf/word-ilovepdf-data-analyst.pdf "data-analyst analytics-engineer"
first_in pdf/soupboss-quartz-devops-sre.pdf "devops-sre cloud-engineer"
first_in docx/docxjs-tables-devops-lead.docx "devops-sre cloud-engineer"
first_in pdf/soupboss-chromium-devops.pdf "devops-sre cloud-engineer"
first_in pdf/soupboss-pdfshift-aws-devops.pdf "devops-sre cloud-engineer"
first_in docx/soupboss-accountant-nontech.docx "accountant"
first_in pdf/gdocs-renderer-emoji-cybersecurity.pdf "security-engineer"
first_in docx/en-cv-mechatronics-table.docx "mechatronics-engineer"
# the first role has the best coverage, and "no role fits" exactly when
# every role is at 0%: a role at 0% is never a top suggestion
for f in $(find "$corpus" -type f ! -name '*.tsv' ! -name 'README*' | sort); do
    "$bin" --ocr "$ocr" --suggest --as-of 2026-12 --format json "$f" 2>/dev/null >"$tmp/s.json" || continue
    ok=$(jq '([.suggestions[].coverage] | max) as $m |
             .suggestions[0].coverage == $m and (.fits == ($m > 0))' "$tmp/s.json")
    if [ "$ok" = true ]; then pass=$((pass + 1)); else bad "$f" "ranking or 'fits' wrong"; fi
done
echo "corpus: $pass passed, $fail failed"
[ $fail = 0 ]
