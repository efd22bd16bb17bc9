# fish completion for gapcheck(1).  Options are read from `gapcheck --help`
# (itself generated from the option table) when this file is loaded, and
# role ids from `gapcheck roles` at completion time.

function __gapcheck_roles
    command gapcheck roles 2>/dev/null | string replace -r '^(\S+)\s+(.*?)\s{2,}.*$' '$1\t$2'
end

function __gapcheck_no_verb
    not __fish_seen_subcommand_from explain diff roles skills lint
end

complete -c gapcheck -f
complete -c gapcheck -n __gapcheck_no_verb -a explain -d 'why a skill was or was not counted'
complete -c gapcheck -n __gapcheck_no_verb -a diff -d 'what changed between two versions of a résumé'
complete -c gapcheck -n __gapcheck_no_verb -a roles -d 'list or show roles'
complete -c gapcheck -n __gapcheck_no_verb -a skills -d 'list or search skill ids'
complete -c gapcheck -n __gapcheck_no_verb -a lint -d 'check the lexicon and roles data'
complete -c gapcheck -n '__fish_seen_subcommand_from skills; and not __fish_seen_subcommand_from search' -a search
complete -c gapcheck -n '__fish_seen_subcommand_from roles; and not __fish_seen_subcommand_from show related' -a 'show related'
complete -c gapcheck -n '__fish_seen_subcommand_from show related' -a '(__gapcheck_roles)'
complete -c gapcheck -n 'not __fish_seen_subcommand_from roles skills lint' -F

for line in (command gapcheck --help 2>/dev/null | string match -r '^ +-.*')
    # fields: short, long, metavariable, help (unmatched groups stay empty)
    set -l m (string replace -r '^ +(?:-(\S), )?--([a-z0-9-]+)(?: ([A-Z_]+))? +(.*)$' '$1\x1f$2\x1f$3\x1f$4' -- $line | string split \x1f)
    test (count $m) -eq 4; or continue
    set -l args -c gapcheck -l $m[2] -d $m[4]
    test -n "$m[1]"; and set -a args -s $m[1]
    switch "$m[3]"
        case ID
            set -a args -x -a '(__gapcheck_roles)'
        case FMT
            set -a args -x -a 'text json csv tsv markdown html'
        case WHEN
            set -a args -x -a 'auto always never'
        case DIR
            set -a args -x -a '(__fish_complete_directories)'
        case FILE POSTING
            set -a args -r -F
        case ''
        case '*'
            set -a args -x
    end
    complete $args
end
