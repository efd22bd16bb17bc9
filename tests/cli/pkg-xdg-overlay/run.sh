#!/bin/sh
# User data in $XDG_CONFIG_HOME/gapcheck/{lexicon,roles} (else
# ~/.config/gapcheck/...) is loaded like --lexicon/--roles when it exists.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/cfg/gapcheck/lexicon" "$tmp/cfg/gapcheck/roles" "$tmp/home"
cat >"$tmp/cfg/gapcheck/lexicon/mine.yaml" <<'YAML'
skills:
  - {id: frobnication, name: Frobnication, category: tools, aliases: [frobnicator, frobnication]}
YAML
cat >"$tmp/cfg/gapcheck/roles/coach.yaml" <<'YAML'
id: frob-engineer
title: Frobnication Engineer
summary: A test role from the user's overlay.
hours_per_week: 10
months: 2
phases:
  - id: basics
    title: Basics
    months: 2
    skills: [python, frobnication]
    milestones: [Frobnicate one thing]
YAML
cv="Skills: Python, Frobnicator"
echo "== XDG_CONFIG_HOME set"
HOME=$tmp/home XDG_CONFIG_HOME=$tmp/cfg gapcheck roles | grep frob-engineer
echo "$cv" | HOME=$tmp/home XDG_CONFIG_HOME=$tmp/cfg gapcheck --role frob-engineer --format json - |
    jq -c '{skills: [.skills[].id], coverage: .role.coverage}'
echo "== default ~/.config"
mkdir -p "$tmp/home/.config" && mv "$tmp/cfg/gapcheck" "$tmp/home/.config/"
echo "$cv" | env -u XDG_CONFIG_HOME HOME=$tmp/home gapcheck --role frob-engineer --format json - |
    jq -c '{skills: [.skills[].id], coverage: .role.coverage}'
echo "== lint checks the overlay"
env -u XDG_CONFIG_HOME HOME=$tmp/home gapcheck lint >/dev/null && echo "lint: ok"
echo "== no overlay: the bundled data only"
echo "$cv" | HOME=$tmp/home XDG_CONFIG_HOME=$tmp/none gapcheck --role frob-engineer - 2>&1; echo "exit $?"
echo "== a relative XDG_CONFIG_HOME is ignored (XDG spec): ~/.config is used"
(cd "$tmp/home" && echo "$cv" | HOME=$tmp/home XDG_CONFIG_HOME=.config gapcheck --role frob-engineer --format json - |
    jq -c '[.skills[].id]')
