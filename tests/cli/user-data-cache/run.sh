#!/bin/sh
# Built user data is cached as a snapshot in $XDG_CACHE_HOME/gapcheck
# (else ~/.cache/gapcheck), keyed by the bytes of every user file: a second
# run loads it instead of the YAML, and gives the same output; an edit, a
# damaged or planted file, or an unwritable folder never changes a result.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/lex" "$tmp/home"
cat >"$tmp/lex/mine.yaml" <<'YAML'
skills:
  - {id: frobnication, name: Frobnication, category: tools, aliases: [frobnicator, frobnication]}
YAML
cv="Skills: Python, Frobnicator, Quuxing"
run() { echo "$cv" | HOME=$tmp/home XDG_CACHE_HOME=$tmp/cache gapcheck --lexicon "$tmp/lex" --format json "$@" - |
        jq -c '[.skills[].id]'; }
snaps() { ls "$tmp/cache/gapcheck" | grep -c '^data-.*\.snap$'; }
echo "== first run builds from YAML and stores one snapshot (mode 600)"
run
echo "snapshots: $(snaps), mode $(stat -c %a "$tmp"/cache/gapcheck/data-*.snap), folder $(stat -c %a "$tmp/cache/gapcheck")"
echo "== second run: the same skills from the snapshot, and the same as --no-cache"
a=$(run); b=$(run --no-cache); echo "$a"; [ "$a" = "$b" ] && echo "same as --no-cache"
first=$(ls "$tmp"/cache/gapcheck/data-*.snap)
cp "$tmp/lex/mine.yaml" "$tmp/v1.yaml"
echo "== an edited user file is a new key: the new skill counts at once"
echo "  - {id: quux, name: Quux, category: tools, aliases: [quuxing]}" >>"$tmp/lex/mine.yaml"
run
echo "snapshots: $(snaps)"
snap=$(ls -t "$tmp"/cache/gapcheck/data-*.snap | head -1)
cp "$snap" "$tmp/good.snap"
echo "== proof the snapshot is what a run uses: the edited data's snapshot put"
echo "   under the first version's key makes the first version find quux"
cp "$first" "$tmp/first.snap" && cp "$snap" "$first" && cp "$tmp/lex/mine.yaml" "$tmp/v2.yaml"
cp "$tmp/v1.yaml" "$tmp/lex/mine.yaml"
run
cp "$tmp/first.snap" "$first" && cp "$tmp/v2.yaml" "$tmp/lex/mine.yaml"
echo "== a damaged snapshot is refused, and rebuilt whole"
printf 'garbage' | dd of="$snap" bs=1 seek=4000 conv=notrunc 2>/dev/null
run
cmp -s "$snap" "$tmp/good.snap" && echo "rebuilt: identical to the first"
echo "== a snapshot that is a symlink is not followed, and replaced"
rm "$snap" && ln -s /etc/passwd "$snap"
run
[ -f "$snap" ] && [ ! -L "$snap" ] && cmp -s "$snap" "$tmp/good.snap" && echo "replaced by the snapshot"
echo "== at most 8 snapshots are kept"
for i in 1 2 3 4 5 6 7 8 9 10; do echo "# $i" >>"$tmp/lex/mine.yaml"; run >/dev/null; done
echo "snapshots: $(snaps)"
echo "== an unusable cache folder is skipped silently"
echo "$cv" | HOME=$tmp/home XDG_CACHE_HOME=/proc/gapcheck-no gapcheck --lexicon "$tmp/lex" --format json - |
    jq -c '[.skills[].id]'
echo "== lint never uses the cache: a bad file is reported at its line"
echo "  - {id: broken" >>"$tmp/lex/mine.yaml"
HOME=$tmp/home XDG_CACHE_HOME=$tmp/cache gapcheck --lexicon "$tmp/lex" lint 2>"$tmp/err"
echo "exit $?"
sed "s|$tmp|TMP|" "$tmp/err"
