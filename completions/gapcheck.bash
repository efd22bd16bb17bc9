# bash completion for gapcheck(1)                        -*- shell-script -*-
# Options are read from `gapcheck --help` (itself generated from the option
# table) and role ids from `gapcheck roles`, both at completion time, so this
# file never lists them and cannot fall behind the program.  Needs no
# bash-completion helpers (it works with or without that package).

_gapcheck_cmd()
{
    local c=${COMP_WORDS[0]:-gapcheck}
    [[ $c == */* && -x $c ]] || c=gapcheck
    printf '%s' "$c"
}

# "LONG SHORT META" per option (SHORT and META are "-" when absent).
_gapcheck_options()
{
    "$(_gapcheck_cmd)" --help 2>/dev/null | awk '
        /^ +-/ {
            s = "-"; i = 1
            if ($1 ~ /^-[^-],$/) { s = substr($1, 1, 2); i = 2 }
            if ($i !~ /^--/) next
            m = ($(i + 1) ~ /^[A-Z][A-Z_]*$/) ? $(i + 1) : "-"
            print $i, s, m
        }'
}

_gapcheck_roles()
{
    "$(_gapcheck_cmd)" roles 2>/dev/null | awk 'NF { print $1 }'
}

_gapcheck()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev= words=() line long short meta i verb=
    [[ $COMP_CWORD -gt 0 ]] && prev=${COMP_WORDS[COMP_CWORD-1]}
    COMPREPLY=()

    # --opt=value: complete the value as if it were a separate word (bash
    # splits at '=' when it is in COMP_WORDBREAKS, the default).
    if [[ $cur == = ]]; then
        cur= prev=${COMP_WORDS[COMP_CWORD-1]}
    elif [[ $prev == = && $COMP_CWORD -gt 1 ]]; then
        prev=${COMP_WORDS[COMP_CWORD-2]}
    elif [[ $cur == --*=* ]]; then
        prev=${cur%%=*}
        cur=${cur#*=}
    fi

    # The metavariable of the option before the cursor says what comes next.
    meta=
    while read -r long short line; do
        if [[ $prev == "$long" || $prev == "$short" ]]; then
            meta=$line
            break
        fi
    done < <(_gapcheck_options)
    case $meta in
    ID)
        COMPREPLY=($(compgen -W "$(_gapcheck_roles)" -- "$cur"))
        return ;;
    FMT)
        if [[ " ${COMP_WORDS[*]} " == *" diff "* ]]; then   # diff's own formats
            COMPREPLY=($(compgen -W "text json html" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "text json csv tsv markdown html" -- "$cur"))
        fi
        return ;;
    WHEN)
        COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
        return ;;
    DIR)
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -d -- "$cur"))
        return ;;
    FILE | POSTING)
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
        return ;;
    - | '') ;;
    *)  return ;;  # a number: nothing to offer
    esac

    if [[ $cur == -* ]]; then
        while read -r long short meta; do
            words+=("$long")
            [[ $short != - ]] && words+=("$short")
        done < <(_gapcheck_options)
        COMPREPLY=($(compgen -W "${words[*]}" -- "$cur"))
        return
    fi

    # The first operand may be a command word.
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        explain | diff | roles | skills | lint) verb=${COMP_WORDS[i]}; break ;;
        esac
    done
    case $verb in
    roles)
        if [[ $prev == show || $prev == related ]]; then
            COMPREPLY=($(compgen -W "$(_gapcheck_roles)" -- "$cur"))
        elif [[ $prev == roles ]]; then
            COMPREPLY=($(compgen -W "show related" -- "$cur"))
        fi
        return ;;
    skills)
        [[ $prev == skills ]] && COMPREPLY=($(compgen -W "search" -- "$cur"))
        return ;;
    lint) return ;;
    esac
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
    if [[ -z $verb ]]; then
        for line in $(compgen -W "explain diff roles skills lint" -- "$cur"); do
            [[ " ${COMPREPLY[*]} " == *" $line "* ]] || COMPREPLY+=("$line")
        done
    fi
}

complete -F _gapcheck gapcheck
