#!/usr/bin/env bash
# Statewire (JMH) against alien-signals 3.2.1 (node) and the JVM peers (Arez, JavaFX bindings;
# JMH) on the same topologies, in one sitting, following BENCHMARKS.md, "Protocol":
# R rounds, each interleaving node kairo.mjs, JMH KairoBench + PeerKairoBench,
# node cellx.mjs, JMH CellxBench + PeerCellxBench + BaselineBench, node dynamic.mjs, JMH
# DynamicBench, and JMH GeneratedClassBench and LockBench at 1, 4 and 8 threads; then JOL memory
# and the peers' work counts (PeerCounts) once. Every node case runs in its own process
# (kairo.mjs --case NAME), as JMH runs every case in its own JVM.
# Prints the goals table of issue 10, then per topology both times and the Statewire / alien
# ratio (paired per round, median), the cellx1000 steady ÷ hand-written baseline ratios, the JVM
# peers' tables, the generated-class and lock-block ratios and how long each suite took.
#
# Usage: benchmarks/compare.sh
#   ROUNDS=3     number of rounds (default 3; 1 with SMOKE=1)
#   QUICK=1      short runs for development (JMH 3 × 0.5 s / 5 × 0.5 s, 20 + 20 single shots,
#                few node samples)
#   SMOKE=1      shortest runs, to check the pipeline end to end (JMH 1 × 0.1 s / 2 × 0.1 s,
#                2 + 3 single shots, node --quick); its figures mean nothing
#   PEERS=0      leave out the JVM peers (PeerKairoBench, PeerCellxBench, PeerCounts)
#   LOCK_THREADS="1 4 8"   the thread counts of LockBench in the classes suite
#   PROFILE=1    after the rounds, JFR profiles (benchmarks/profile.sh) of the cases behind the
#                goals (PROFILE="CASE..." names others), appended to the report
#   JAVA_HOME=…  the JDK that runs JMH (default: java on the PATH)
#   SUITES="kairo cellx dynamic classes"   which suites to run (default: all four)
# Raw results and the report go to benchmarks/results/<timestamp>/ (git-ignored).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
smoke="${SMOKE:-0}"
if [ "$smoke" = 1 ]; then rounds="${ROUNDS:-1}"; else rounds="${ROUNDS:-3}"; fi
quick="${QUICK:-0}"
peers="${PEERS:-1}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
suites="${SUITES:-kairo cellx dynamic classes}"
out="benchmarks/results/$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$out"
jar=benchmarks/target/benchmarks.jar
js=benchmarks/js

# jmh_classes: GeneratedClassBench and LockBench, one-line ops that reach their steady state in
# well under the 5 s of the topologies: 3 s of warm-up.
if [ "$smoke" = 1 ]; then
  jmh_avg=(-wi 1 -w 100ms -i 2 -r 100ms)
  jmh_single=(-wi 2 -i 3)
  jmh_classes=("${jmh_avg[@]}")
  node_flags=(--quick)
elif [ "$quick" = 1 ]; then
  jmh_avg=(-wi 3 -w 500ms -i 5 -r 500ms)
  jmh_single=(-wi 20 -i 20)
  jmh_classes=(-wi 2 -w 500ms -i 3 -r 500ms)
  node_flags=(--quick)
else
  jmh_avg=(-wi 5 -w 1s -i 5 -r 1s)
  jmh_single=(-wi 300 -i 300)
  jmh_classes=(-wi 3 -w 1s -i 5 -r 1s)
  node_flags=()
fi
lock_threads="${LOCK_THREADS:-1 4 8}"
# JMH benchmark regexes; the peer benchmarks join the Statewire ones in the same JMH run.
if [ "$peers" = 1 ]; then peer='(Peer)?'; else peer=''; fi
kairo_regex="\\.${peer}KairoBench\\.op"
cellx_steady_regex="\\.${peer}CellxBench\\.steady|\\.BaselineBench\\."
cellx_single_regex="\\.${peer}CellxBench\\.(fresh|build)"

jmh_common=(-f 1 -rf json)

log() { echo "== $(date -u +%H:%M:%S) $*" >&2; }

log "building $jar"
mvn -B -ntp -q -pl benchmarks -am package -DskipTests
if [ ! -d "$js/node_modules/alien-signals" ]; then
  log "installing alien-signals into $js/node_modules"
  (cd "$js" && npm ci --no-audit --no-fund --loglevel=error)
fi

# pom_property <name>: a version property of benchmarks/pom.xml, or else of the parent pom.
pom_property() {
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" benchmarks/pom.xml pom.xml | head -1
}

has_suite() { [[ " $suites " == *" $1 "* ]]; }

# shellcheck source=run-jmh.sh
. benchmarks/run-jmh.sh

# jmh <result-name> <regex> <settings...>: one JMH invocation, log kept beside the JSON.
jmh() {
  local name="$1" regex="$2"
  shift 2
  log "JMH $regex $*"
  if ! run_jmh "$out/$name.log" "$regex" "${jmh_common[@]}" "$@" -rff "$out/$name.json"; then
    echo "JMH failed, see $out/$name.log:" >&2
    tail -40 "$out/$name.log" >&2
    exit 1
  fi
  # A benchmark whose topology check fails has no score; keep why, for the report.
  grep -h 'check failed' "$out/$name.log" | sed "s/^/$name: /" >> "$out/failures.txt" || true
}

# node_suite <result-name> <script>: one node process per case, one JSON line per case.
node_suite() {
  log "node $2, one process per case"
  : > "$out/$1.jsonl"
  local case
  for case in $(node "$js/$2" --list); do
    node --expose-gc "$js/$2" "${node_flags[@]}" --case "$case" >> "$out/$1.jsonl"
  done
}

# timed <round> <suite> <command...>: runs the command, adds its wall-clock seconds to durations.tsv.
timed() {
  local round="$1" suite="$2" start=$SECONDS
  shift 2
  "$@"
  printf '%s\t%s\t%s\n' "$round" "$suite" "$((SECONDS - start))" >> "$out/durations.tsv"
}

kairo_suite() {
  node_suite "r$1-node-kairo" kairo.mjs
  jmh "r$1-jmh-kairo" "$kairo_regex" "${jmh_avg[@]}"
}
cellx_suite() {
  node_suite "r$1-node-cellx" cellx.mjs
  jmh "r$1-jmh-cellx-steady" "$cellx_steady_regex" "${jmh_avg[@]}"
  jmh "r$1-jmh-cellx-single" "$cellx_single_regex" "${jmh_single[@]}"
}
dynamic_suite() {
  node_suite "r$1-node-dynamic" dynamic.mjs
  jmh "r$1-jmh-dynamic" 'DynamicBench' "${jmh_avg[@]}"
}
# Goals 3 and 4 of issue 10: the generated class against the same class by hand (with and
# without a ReentrantLock), and lock blocks (default settings, reports off) against the bare lock,
# each comparison within one JMH run; one run per thread count (JMH's -t is per run).
classes_suite() {
  jmh "r$1-jmh-classes-generated" '\.GeneratedClassBench\.' "${jmh_classes[@]}"
  local t
  for t in $lock_threads; do
    jmh "r$1-jmh-classes-lock-t$t" '\.LockBench\.(lockBlock|reentrantLock)$' -t "$t" \
      -p lockHoldReports=default,off "${jmh_classes[@]}"
  done
}
memory_once() {
  log "memory (JOL)"
  "$java" -Djdk.attach.allowAttachSelf=true -cp "$jar" dev.statewire.benchmarks.memory.MemoryFootprint \
    > "$out/memory.log" 2>&1
  grep '^{' "$out/memory.log" > "$out/memory.jsonl"
  if "$java" -XX:+UseCompactObjectHeaders -version > /dev/null 2>&1; then
    log "memory (JOL) with compact object headers"
    "$java" -XX:+UseCompactObjectHeaders -Djdk.attach.allowAttachSelf=true -cp "$jar" \
      dev.statewire.benchmarks.memory.MemoryFootprint > "$out/memory-compact-headers.log" 2>&1
    grep '^{' "$out/memory-compact-headers.log" > "$out/memory-compact-headers.jsonl"
  fi
}
peer_counts_once() {
  log "JVM peers: work per op (PeerCounts)"
  "$java" -Xss16m -cp "$jar" dev.statewire.benchmarks.peer.PeerCounts > "$out/peer-counts.jsonl" 2> "$out/peer-counts.log"
}

{
  echo "## Machine"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- nproc: $(nproc); CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- JMH JDK: $("$java" -version 2>&1 | head -2 | tail -1)"
  echo "- node: $(node --version), alien-signals $(node -p "require('./$js/node_modules/alien-signals/package.json').version")"
  if [ "$peers" = 1 ]; then
    echo "- JVM peers: Arez $(pom_property arez.version), JavaFX bindings (javafx-base) $(pom_property javafx.version)"
  fi
  echo "- command: \`ROUNDS=$rounds QUICK=$quick SMOKE=$smoke PEERS=$peers SUITES=\"$suites\" LOCK_THREADS=\"$lock_threads\" PROFILE=\"${PROFILE:-0}\" ${JAVA_HOME:+JAVA_HOME=$JAVA_HOME }benchmarks/compare.sh\`"
} > "$out/machine.md"

for round in $(seq 1 "$rounds"); do
  log "round $round of $rounds"
  for suite in kairo cellx dynamic classes; do
    if has_suite "$suite"; then
      timed "$round" "$suite" "${suite}_suite" "$round"
    fi
  done
done

timed once memory memory_once
if [ "$peers" = 1 ]; then
  timed once peer-counts peer_counts_once
fi
profile="${PROFILE:-0}"
if [ "$profile" = 1 ]; then
  profile="GeneratedClassBench.generated LockBench.lockBlock:lockHoldReports=default:threads=4"
  profile+=" CellxBench.steady:layers=1000 PeerCellxBench.steady:layers=1000:peer=javafx"
  profile+=" KairoBench.op:topology=avoidablePropagation"
fi
if [ "$profile" != 0 ]; then
  if [ "$smoke" = 1 ]; then profile_jmh="-wi 1 -w 200ms -i 2 -r 200ms"; else profile_jmh="${PROFILE_JMH:-}"; fi
  # shellcheck disable=SC2086 # the cases are words
  timed once profile env NO_BUILD=1 PROFILE_JMH="$profile_jmh" benchmarks/profile.sh $profile \
    > "$out/profile.md"
fi
echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.md"
echo >> "$out/machine.md"

{
  node "$js/aggregate.mjs" "$out" goals
  echo
  cat "$out/machine.md"
  echo "## Results"
  echo
  node "$js/aggregate.mjs" "$out" tables
  if [ -f "$out/profile.md" ]; then
    echo
    sed 's/^## /### /; s/^# JFR profiles/## JFR profiles/' "$out/profile.md"
  fi
} > "$out/report.md"
log "report: $out/report.md"
cat "$out/report.md"
