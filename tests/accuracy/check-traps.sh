#!/bin/bash
# The trap sentences must yield no skill at all, and every awkward true
# positive must be found (evidenced), one sentence at a time.
# Usage: tests/accuracy/check-traps.sh BIN
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    printf '%s\n' "$line" >"$tmp/s.txt"
    got=$("$bin" --format json "$tmp/s.txt" | jq -r '[.skills[] | select(.evidence | length > 0) | .id] | join(" ")')
    if [ -z "$got" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "trap: '$line' gave: $got"; fi
done <tests/accuracy/traps.txt
while IFS=$'\t' read -r want sentence; do
    case "$want" in ''|'#'*) continue ;; esac
    printf '%s\n' "$sentence" >"$tmp/s.txt"
    got=$("$bin" --format json "$tmp/s.txt" | jq -r '[.skills[] | select(.evidence | length > 0) | .id] | join(" ")')
    case " $got " in
        *" $want "*) pass=$((pass + 1)) ;;
        *) fail=$((fail + 1)); echo "awkward: '$sentence' did not give $want (got: $got)" ;;
    esac
done <tests/accuracy/awkward.tsv
echo "traps: $pass passed, $fail failed"
[ $fail = 0 ]
