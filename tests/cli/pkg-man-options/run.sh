#!/bin/sh
# The man page's OPTIONS and `gapcheck --help` list the same options with
# the same metavariables and help text.  The page is built here, the way
# `make man` builds it (scripts/gen-man-options + scdoc), from the sources
# the binary under test was built from.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
scripts/gen-man-options src/cli/cli_opts.h man/gapcheck.1.scd | scdoc >"$tmp/gapcheck.1"

# roff: "\fB-s\fR, \fB--suggest\fR" then ".RS 4" then the help line.
awk '
/^\.SH / { in_opts = ($0 == ".SH OPTIONS"); next }
!in_opts { next }
/^\\fB-/ { head = $0; want = 1; next }
want && /^\./ { next }
want { print head "|" $0; want = 0 }
' "$tmp/gapcheck.1" | sed -e 's/\\f[BIR]//g' -e 's/\\&//g' -e 's/\\-/-/g' -e 's/\\\\/\\/g' |
    LC_ALL=C sort >"$tmp/man"

# --help: "  -s, --suggest              help" or "      --hours N     help".
gapcheck --help | sed -n 's/^ \{1,\}\(-[^-], \)\{0,1\}\(--[a-z0-9-]*\)\( [A-Z][A-Z_-]*\)\{0,1\}  *\(.*\)$/\1\2\3|\4/p' |
    LC_ALL=C sort >"$tmp/help"

if [ ! -s "$tmp/help" ]; then echo "no options found in --help"; exit 1; fi
if cmp -s "$tmp/man" "$tmp/help"; then
    echo "man page OPTIONS and --help agree"
else
    echo "man page OPTIONS (<) and --help (>) disagree:"
    diff "$tmp/man" "$tmp/help"
    exit 1
fi
