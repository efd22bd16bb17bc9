#!/bin/bash
# The Slurm job-array recipe (scripts/slurm-array, README.md "Beyond one
# machine") on one machine: munged, slurmctld and three slurmd (n1-n3, all
# at 127.0.0.1 on their own ports, CPUs=1 each) run from a private
# configuration, key, state, spool and logs in a temporary folder; neither
# /etc/slurm nor /etc/munge is read or written (SLURM_CONF and munged's
# options point there).  Over the résumé fixtures plus a broken and a missing file, in 5
# array tasks, it checks: one record per input path, no path twice, no path
# that was not an input, the merge equals a direct run byte for byte, every
# task ran and completed, on more than one node, re-running a shard (present
# or deleted) writes it again with the same bytes, and a re-run that fails
# leaves the shard file as it was.
# Every exit path stops the daemons and jobs it started and removes the folder.
# Prints "slurm: SKIP: <why>" and exits 0 where Slurm cannot run: packages
# missing, not root, or a daemon that does not come up (with its log);
# GAPCHECK_SLURM_REQUIRED=1 (.ci/run sets it) makes that last one a failure.
# Usage: tests/batch/slurm.sh BIN
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
recipe=$PWD/scripts/slurm-array
R=tests/fixtures/resumes
SECONDS=0
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "slurm: FAIL: $*"; }
check() { if eval "$2"; then ok; else bad "$1"; return 1; fi; }
skip() { echo "slurm: SKIP: $*"; exit 0; }

for c in munged mungekey munge slurmctld slurmd sbatch squeue scontrol scancel sinfo jq; do
    command -v $c >/dev/null || skip "$c not installed (scripts/install-deps installs slurmctld slurmd slurm-client munge)"
done
[ "$(id -u)" = 0 ] || skip "not root: slurmd must run as root to start jobs"

# munged wants every folder above its socket searchable by all (0711)
tmp=$(mktemp -d /tmp/gapcheck-slurm.XXXXXX) && chmod 711 "$tmp" || exit 1
conf=$tmp/slurm.conf
export SLURM_CONF=$conf   # every Slurm command and daemon below reads only this
pids=() job=""

# Stop what this test started, whatever the exit: the jobs, the daemons (this
# shell's children) by pid, then any straggler (a slurmstepd, a job's process)
# carrying this run's SLURM_CONF in its environment, which only ours do.
cleanup() {
    set +e
    exec 2>/dev/null   # nor bash's notes on the jobs killed here
    trap '' INT TERM
    [ ${#pids[@]} -lt 2 ] || timeout 5 scancel --partition=test 2>/dev/null   # all jobs here are ours
    unset SLURM_CONF   # so that the commands below do not carry the mark
    [ ${#pids[@]} = 0 ] || kill -TERM "${pids[@]}" 2>/dev/null   # they take ~2 s
    for _ in $(seq 50); do
        alive=0
        for p in "${pids[@]}"; do [ -d "/proc/$p" ] && alive=1; done
        [ $alive = 0 ] && break
        sleep 0.1
    done
    grep -lzx "SLURM_CONF=$conf" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3 | grep -vx $$ |
        xargs -r kill -KILL 2>/dev/null
    [ ${#pids[@]} = 0 ] || kill -KILL "${pids[@]}" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A daemon that does not come up: skip, showing why from its logs, unless required.
down() {
    local what=$1
    shift
    if [ "${GAPCHECK_SLURM_REQUIRED:-0}" = 1 ]; then bad "$what did not start"; else echo "slurm: SKIP: $what did not start"; fi
    cat "$@" 2>/dev/null | grep -iE 'error|fatal' | grep -v pmix | tail -5 | sed 's/^/slurm:   /'
    exit $((fail > 0))
}
# wait_for SECONDS COMMAND...: until COMMAND succeeds, polling every 0.1 s;
# fails at once when a daemon started here has ended.
wait_for() {
    local n=$(($1 * 10)) p
    shift
    until "$@" >/dev/null 2>&1; do
        n=$((n - 1))
        [ $n -gt 0 ] || return 1
        for p in "${pids[@]}"; do [ -d "/proc/$p" ] || return 1; done
        sleep 0.1
    done
}

# in_bg OUT ERR COMMAND...: COMMAND in the background, waited for, so that a
# TERM to this test is handled at once (bash runs traps only after a
# foreground command ends; `wait` it interrupts)
in_bg() {
    local o=$1 e=$2
    shift 2
    "$@" >"$o" 2>"$e" &
    wait $!
}

# Four free consecutive TCP ports: slurmctld, then n1-n3.
listening=$(awk '$4 == "0A" { split($2, a, ":"); print a[2] }' /proc/net/tcp /proc/net/tcp6 2>/dev/null)
base=""
for _ in $(seq 20); do
    b=$((20000 + RANDOM % 30000)) free=1
    for p in $b $((b + 1)) $((b + 2)) $((b + 3)); do
        grep -qx "$(printf '%04X' "$p")" <<<"$listening" && free=0
    done
    [ $free = 1 ] && { base=$b; break; }
done
[ -n "$base" ] || skip "no four free TCP ports"

# --- munged, with its own key, socket, pid, seed and log
mkdir -p "$tmp/munge" "$tmp/state" "$tmp/spool" "$tmp/log" "$tmp/run"
sock=$tmp/munge/munge.socket
mungekey --create --keyfile="$tmp/munge/munge.key" 2>"$tmp/log/mungekey.err" || down mungekey "$tmp/log/mungekey.err"
# The daemons run in the foreground (-F, -D) as this shell's children, so
# their pids are known at once, and a daemon that dies is noticed at once.
munged -F --socket="$sock" --key-file="$tmp/munge/munge.key" --pid-file="$tmp/munge/munged.pid" \
    --log-file="$tmp/log/munged.log" --seed-file="$tmp/munge/seed" </dev/null >"$tmp/log/munged.out" 2>&1 &
pids+=($!) && disown $!
munge_ok() { munge -n -S "$sock" | unmunge -S "$sock"; }
wait_for 5 munge_ok || down munged "$tmp"/log/munged.*

host=$(hostname -s)
cat >"$conf" <<EOF
ClusterName=gapcheck
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$base
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$sock
CredType=cred/munge
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool/%n
SlurmctldPidFile=$tmp/run/slurmctld.pid
SlurmdPidFile=$tmp/run/slurmd.%n.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.%n.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/builtin
SchedulerParameters=sched_interval=1
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
MailProg=/bin/true
SwitchType=switch/none
NodeName=n1 NodeHostname=$host NodeAddr=127.0.0.1 Port=$((base + 1)) CPUs=1 State=UNKNOWN
NodeName=n2 NodeHostname=$host NodeAddr=127.0.0.1 Port=$((base + 2)) CPUs=1 State=UNKNOWN
NodeName=n3 NodeHostname=$host NodeAddr=127.0.0.1 Port=$((base + 3)) CPUs=1 State=UNKNOWN
PartitionName=test Nodes=n[1-3] Default=YES MaxTime=10 State=UP
EOF

# --- slurmctld (-i: no saved state to recover), then one slurmd per node
slurmctld -D -i </dev/null >"$tmp/log/slurmctld.out" 2>&1 &
pids+=($!) && disown $!
wait_for 10 sh -c 'scontrol ping | grep -q UP' || down slurmctld "$tmp"/log/slurmctld.*
for n in n1 n2 n3; do
    slurmd -D -N $n </dev/null >"$tmp/log/slurmd.$n.out" 2>&1 &
    pids+=($!) && disown $!
done
nodes_idle() { [ "$(sinfo -h -N -t idle -o %N | sort -u | tr '\n' ' ')" = "n1 n2 n3 " ]; }
wait_for 15 nodes_idle || down "slurmd (nodes: $(sinfo -h -N -o '%N=%t' | tr '\n' ' '))" "$tmp"/log/slurmd.*
echo "slurm: munged, slurmctld and slurmd n1-n3 up in ${SECONDS}s (ports $base-$((base + 3)))"

# --- inputs: the fixtures (relative paths), a broken PDF, a missing file
mkdir "$tmp/in"
head -c 4096 /dev/urandom >"$tmp/in/broken.pdf"
{ find $R -type f ! -name '.*' | sort; echo "$tmp/in/broken.pdf"; echo "$tmp/in/missing.docx"; } >"$tmp/list"
n=$(wc -l <"$tmp/list")
"$bin" --files-from "$tmp/list" --role mle --format json -j 1 >"$tmp/direct.jsonl" 2>/dev/null

# --- the recipe: 5 array tasks over 3 one-CPU nodes
out=$tmp/run1
in_bg "$tmp/job" "$tmp/recipe.err" timeout 40 "$recipe" -n 5 -g "$bin" -w "$tmp/list" "$out" --role mle
rc=$? job=$(cat "$tmp/job")
check "recipe ran and waited (exit $rc, job '$job')" "[ $rc = 0 ] && [[ '$job' =~ ^[0-9]+\$ ]]" || cat "$tmp/recipe.err"
"$recipe" --merge "$out" >"$tmp/merged.jsonl" 2>"$tmp/merge.err"
check "merge finds every shard" "[ $? = 0 ]" || cat "$tmp/merge.err"
jq -r .file "$tmp/merged.jsonl" >"$tmp/paths"
check "records = inputs ($(wc -l <"$tmp/merged.jsonl") for $n)" "[ \$(wc -l <'$tmp/merged.jsonl') = $n ] && [ \$(wc -l <'$tmp/paths') = $n ]"
check "no path twice" "[ -z \"\$(sort '$tmp/paths' | uniq -d)\" ]"
check "every record's path was an input" "[ -z \"\$(sort -u '$tmp/paths' | comm -23 - <(sort -u '$tmp/list'))\" ]"
check "every input has a record" "[ -z \"\$(sort -u '$tmp/list' | comm -23 - <(sort -u '$tmp/paths'))\" ]"
check "merge in input order, the bytes of a direct run" "cmp -s '$tmp/merged.jsonl' '$tmp/direct.jsonl'"
check "the broken and the missing file got error records" \
    "[ \"\$(jq -r 'select(.status == \"error\") | .file + \" \" + .error.code' '$tmp/merged.jsonl' | grep '^$tmp/in/')\" = '$tmp/in/broken.pdf unsupported_format
$tmp/in/missing.docx io' ]"
for k in 0 1 2 3 4; do
    s=$(printf %04d $k)
    check "shard $s: one record per listed path" "[ -s '$out/shards/$s.list' ] && [ \$(wc -l <'$out/out/$s.jsonl') = \$(wc -l <'$out/shards/$s.list') ]"
done
check "no temporary files left" "[ -z \"\$(ls -A '$out/out' | grep -v '^[0-9]*\.jsonl\$')\" ]"

# every task ran once and completed: Slurm's record, and the task's own log
tasks() { squeue -h -t all -j "$1" -o '%K %T %N' | sort -n; }
tasks "$job" >"$tmp/tasks"
check "tasks 0-4 each completed once ($(tr '\n' ' ' <"$tmp/tasks"))" \
    "[ \"\$(awk '\$2 == \"COMPLETED\" { print \$1 }' '$tmp/tasks' | tr '\n' ' ')\" = '0 1 2 3 4 ' ] && [ \$(wc -l <'$tmp/tasks') = 5 ]"
check "tasks spread over more than one node" "[ \$(awk '{ print \$3 }' '$tmp/tasks' | sort -u | wc -l) -ge 2 ]"
for k in 0 1 2 3 4; do
    node=$(awk -v k=$k '$1 == k { print $3 }' "$tmp/tasks")
    check "task $k's log names its shard and node $node" \
        "grep -q '^slurm-array: shard $(printf %04d $k) .* on $node, job ${job}_$k\$' '$out/logs/${job}_$k.out'"
done

# --- re-run: shard 1 as it is, shard 3 after losing its file (a failed node)
cp "$out/out/0001.jsonl" "$tmp/0001.before"
cp "$out/out/0003.jsonl" "$tmp/0003.before"
inode=$(stat -c %i "$out/out/0001.jsonl")
rm "$out/out/0003.jsonl"
"$recipe" --merge "$out" >/dev/null 2>"$tmp/merge2.err"
check "merge refuses while a shard is missing" "[ $? = 1 ] && grep -q 'shards missing: 3' '$tmp/merge2.err'"
in_bg "$tmp/job2" "$tmp/rerun.err" env -C / timeout 30 "$recipe" --rerun 1,3 -w "$out"
rc=$? job2=$(cat "$tmp/job2")
check "re-run from another folder ran (exit $rc, job '$job2')" "[ $rc = 0 ] && [[ '$job2' =~ ^[0-9]+\$ ]]" || cat "$tmp/rerun.err"
check "re-run tasks 1 and 3 completed" "[ \"\$(tasks '$job2' | awk '\$2 == \"COMPLETED\" { print \$1 }' | tr '\n' ' ')\" = '1 3 ' ]"
check "re-run shard 1 is byte-identical" "cmp -s '$tmp/0001.before' '$out/out/0001.jsonl'"
check "re-run shard 1 was replaced, not appended to" "[ \$(stat -c %i '$out/out/0001.jsonl') != $inode ]"
check "re-run shard 3 is back, byte-identical" "cmp -s '$tmp/0003.before' '$out/out/0003.jsonl'"
"$recipe" --merge "$out" >"$tmp/merged2.jsonl" 2>/dev/null
check "merge after the re-run is unchanged" "cmp -s '$tmp/merged.jsonl' '$tmp/merged2.jsonl'"
check "no temporary files after the re-run" "[ -z \"\$(ls -A '$out/out' | grep -v '^[0-9]*\.jsonl\$')\" ]"

# --- a re-run that fails leaves the shard as it was: its saved gapcheck
# options (an internal file of the recipe) now name an unknown role
cp "$out/out/0000.jsonl" "$tmp/0000.before"
inode=$(stat -c %i "$out/out/0000.jsonl")
printf -- '--role\0nosuch\0' >>"$out/gapcheck.args"
in_bg "$tmp/job3" "$tmp/rerun3.err" timeout 30 "$recipe" --rerun 0 -w "$out"
rc=$? job3=$(cat "$tmp/job3")
check "a failing re-run exits 1 and names the task (exit $rc)" "[ $rc = 1 ] && grep -q 'tasks failed: 0;' '$tmp/rerun3.err'" || cat "$tmp/rerun3.err"
check "the failed task says why" "grep -q 'gapcheck exited 3' '$out/logs/${job3}_0.out'"
check "a failing re-run leaves the shard untouched" "cmp -s '$tmp/0000.before' '$out/out/0000.jsonl' && [ \$(stat -c %i '$out/out/0000.jsonl') = $inode ]"
check "no temporary files after the failed re-run" "[ -z \"\$(ls -A '$out/out' | grep -v '^[0-9]*\.jsonl\$')\" ]"

echo "slurm: $pass passed, $fail failed in ${SECONDS}s (jobs $job, $job2, $job3; nodes $(awk '{ print $3 }' "$tmp/tasks" | sort | uniq -c | awk '{ printf "%s%s×%s", s, $2, $1; s = " " }'))"
[ $fail = 0 ]
