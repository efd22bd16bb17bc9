#!/bin/sh
# The written rules of README.md's "How it works", checked: each folder of
# src/ includes only folders above it in the layer order, the command line
# uses only the public header, and the core never prints, exits or reads
# the environment.
set -u
order="base extract data match model report cli"
fail=0
rank() { n=0; for l in $order; do [ "$l" = "$1" ] && { echo $n; return; }; n=$((n + 1)); done; echo 99; }
for f in src/*/*.[ch]; do
    layer=$(echo "$f" | cut -d/ -f2)
    r=$(rank "$layer")
    for inc in $(sed -n 's/^#include "\([a-z]*\)\/[a-z_]*\.h".*/\1/p' "$f" | sort -u); do
        if [ "$layer" = cli ] && [ "$inc" != cli ]; then
            echo "layers: $f includes $inc/: the command line uses only src/gapcheck.h"; fail=1
        elif [ "$(rank "$inc")" -gt "$r" ]; then
            echo "layers: $f ($layer) includes $inc/, a layer above it"; fail=1
        fi
    done
done
# The public API (src/*.[ch]) stands below every layer: it includes none.
for f in src/*.[ch]; do
    if grep -q '^#include "[a-z]*/' "$f"; then
        echo "layers: $f is the public API and includes a layer's header"; fail=1
    fi
done
# The core: no printing, exiting or environment (comments are not code).
for f in src/*.c src/base/*.c src/extract/*.c src/data/*.c src/match/*.c src/model/*.c src/report/*.c; do
    hits=$(sed 's://.*$::' "$f" | grep -nE '\b(printf|fprintf|puts|fputs|perror|exit|_exit|abort|getenv|setlocale)[[:space:]]*\(' |
           grep -v 'snprintf\|vsnprintf\|gc_buf_printf' || true)
    [ -n "$hits" ] && { echo "layers: $f: the core must not print, exit or read the environment:"; echo "$hits"; fail=1; }
done
[ $fail = 0 ] && echo "layers: every include goes down the layers; the core is silent"
exit $fail
