#!/bin/bash
# Sources the bash completion and calls its function the way bash does
# (COMP_WORDS/COMP_CWORD set), with the binary under test first in PATH.
set -u
. completions/gapcheck.bash
t() {
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _gapcheck gapcheck "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort
}
echo "gapcheck --role <TAB> offers mle: $(t gapcheck --role '' | grep -cx mle)"
echo "every role id offered: $(t gapcheck --role '' | tr '\n' ' ' | grep -c "^$(gapcheck roles | awk '{print $1}' | LC_ALL=C sort | tr '\n' ' ')\$")"
echo "gapcheck --role ml<TAB>:" $(t gapcheck --role ml)
echo "gapcheck --role=ml<TAB>:" $(t gapcheck --role = ml)
echo "gapcheck --form<TAB>:" $(t gapcheck --form)
echo "gapcheck -f <TAB>:" $(t gapcheck -f '')
echo "gapcheck diff -f <TAB>:" $(t gapcheck diff -f '')
echo "gapcheck --color <TAB>:" $(t gapcheck --color '')
echo "gapcheck roles <TAB>:" $(t gapcheck roles '')
echo "gapcheck roles show mlo<TAB>:" $(t gapcheck roles show mlo)
echo "gapcheck sk<TAB>:" $(cd tests/fixtures/mixed-folder && t gapcheck sk)
echo "gapcheck skills <TAB>:" $(t gapcheck skills '')
echo "gapcheck tests/fixtures/resumes/one-col<TAB>:" $(t gapcheck tests/fixtures/resumes/one-col)
echo "gapcheck --lexicon tests/fixtures/da<TAB>:" $(t gapcheck --lexicon tests/fixtures/da)
# every long option of --help is offered after "--"
help=$(gapcheck --help | grep -o -- '--[a-z][a-z0-9-]*' | LC_ALL=C sort -u)
offered=$(t gapcheck -- | grep -- '^--' | LC_ALL=C sort -u)
[ "$help" = "$offered" ] && echo "gapcheck --<TAB> offers every long option of --help" ||
    { echo "long options differ:"; diff <(echo "$help") <(echo "$offered"); }
