#!/bin/sh
# make install DESTDIR=... PREFIX=/usr gives the documented tree; make
# uninstall removes every file it wrote.  The binary under test and the
# committed man page are installed, so this nested make never rebuilds
# anything in build/ (and needs no scdoc).  The data folders are shown as
# "same as lexicon/" after comparing them with the source, so adding a
# lexicon file does not change this test's output.
set -eu
umask 022
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset MAKEFLAGS MFLAGS MAKELEVEL BINDIR DATADIR MANDIR BASHCOMPDIR ZSHCOMPDIR FISHCOMPDIR PKGDATADIR
m() { make --no-print-directory -s "$@" DESTDIR="$tmp/stage" PREFIX=/usr \
        INSTALL_BIN="$(command -v gapcheck)" >"$tmp/log" 2>&1 ||
        { cat "$tmp/log"; exit 1; }; }
m install
data=$tmp/stage/usr/share/gapcheck
for d in lexicon roles; do
    (cd "$d" && ls) >"$tmp/want"
    (cd "$data/$d" && ls) >"$tmp/got"
    cmp -s "$tmp/want" "$tmp/got" || { echo "$d: installed files differ"; diff "$tmp/want" "$tmp/got"; }
    for f in $(cat "$tmp/want"); do cmp -s "$d/$f" "$data/$d/$f" || echo "$d/$f: content differs"; done
    echo "./usr/share/gapcheck/$d/: the files of $d/ (*.yaml, NOTICE, README.md), mode $(stat -c %A "$data/$d/NOTICE")" >>"$tmp/datalines"
done
echo "installed:"
(cd "$tmp/stage" && find . \( -path ./usr/share/gapcheck/lexicon/\* -o -path ./usr/share/gapcheck/roles/\* \) -prune \
    -o -printf '%M %p\n' | LC_ALL=C sort -k2)
cat "$tmp/datalines"
"$tmp/stage/usr/bin/gapcheck" --version | head -n 1
MANWIDTH=80 man -l "$tmp/stage/usr/share/man/man1/gapcheck.1" 2>&1 | grep -A1 '^NAME' | sed 's/^ *//'
m uninstall
echo "left after uninstall:"
(cd "$tmp/stage" && find . -type f -o -name '*gapcheck*' | LC_ALL=C sort)
echo "(end)"
