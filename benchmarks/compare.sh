#!/usr/bin/env bash
# Statewire (JMH) against alien-signals 3.2.1 (node) and the JVM peers (Arez, JavaFX bindings;
# JMH) on the same topologies, in one sitting, following BENCHMARKS.md, "Protocol":
# R rounds, each interleaving node kairo.mjs, JMH KairoBench + PeerKairoBench,
# node cellx.mjs, JMH CellxBench + PeerCellxBench + BaselineBench, node dynamic.mjs, JMH
# DynamicBench; then JOL memory and the peers' work counts (PeerCounts) once. Every node case
# runs in its own process (kairo.mjs --case NAME), as JMH runs every case in its own JVM.
# Prints, per topology, both times and the Statewire / alien ratio (paired per round, median),
# the cellx1000 steady ÷ hand-written baseline ratios and the JVM peers' tables.
#
# Usage: benchmarks/compare.sh
#   ROUNDS=3     number of rounds (default 3; 1 with SMOKE=1)
#   QUICK=1      short runs for development (JMH 3 × 0.5 s / 5 × 0.5 s, 20 + 20 single shots,
#                few node samples)
#   SMOKE=1      shortest runs, to check the pipeline end to end (JMH 1 × 0.1 s / 2 × 0.1 s,
#                2 + 3 single shots, node --quick); its figures mean nothing
#   PEERS=0      leave out the JVM peers (PeerKairoBench, PeerCellxBench, PeerCounts)
#   JAVA_HOME=…  the JDK that runs JMH (default: java on the PATH)
#   SUITES="kairo cellx dynamic"   which suites to run (default: all that exist)
# Raw results and the report go to benchmarks/results/<timestamp>/ (git-ignored).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
smoke="${SMOKE:-0}"
if [ "$smoke" = 1 ]; then rounds="${ROUNDS:-1}"; else rounds="${ROUNDS:-3}"; fi
quick="${QUICK:-0}"
peers="${PEERS:-1}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
suites="${SUITES:-kairo cellx dynamic}"
out="benchmarks/results/$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$out"
jar=benchmarks/target/benchmarks.jar
js=benchmarks/js

if [ "$smoke" = 1 ]; then
  jmh_avg=(-wi 1 -w 100ms -i 2 -r 100ms)
  jmh_single=(-wi 2 -i 3)
  node_flags=(--quick)
elif [ "$quick" = 1 ]; then
  jmh_avg=(-wi 3 -w 500ms -i 5 -r 500ms)
  jmh_single=(-wi 20 -i 20)
  node_flags=(--quick)
else
  jmh_avg=(-wi 5 -w 1s -i 5 -r 1s)
  jmh_single=(-wi 300 -i 300)
  node_flags=()
fi
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

# pom_property <name>: a version property of benchmarks/pom.xml.
pom_property() {
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" benchmarks/pom.xml
}

has_suite() { [[ " $suites " == *" $1 "* ]]; }
has_class() { unzip -l "$jar" "dev/statewire/benchmarks/$1.class" > /dev/null 2>&1; }

# jmh <result-name> <regex> <settings...>: one JMH invocation, log kept beside the JSON.
jmh() {
  local name="$1" regex="$2"
  shift 2
  log "JMH $regex"
  local attempt
  for attempt in $(seq 1 90); do
    if "$java" -jar "$jar" "$regex" "${jmh_common[@]}" "$@" -rff "$out/$name.json" > "$out/$name.log" 2>&1; then
      break
    fi
    # Another JMH run on the machine holds /tmp/jmh.lock: wait for it rather than run beside it.
    if grep -q 'Unable to acquire the JMH lock' "$out/$name.log" && [ "$attempt" -lt 90 ]; then
      log "another JMH run holds the JMH lock; waiting"
      sleep 10
      continue
    fi
    echo "JMH failed, see $out/$name.log:" >&2
    tail -40 "$out/$name.log" >&2
    exit 1
  done
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
  echo "- command: \`ROUNDS=$rounds QUICK=$quick SMOKE=$smoke PEERS=$peers SUITES=\"$suites\" ${JAVA_HOME:+JAVA_HOME=$JAVA_HOME }benchmarks/compare.sh\`"
} > "$out/machine.md"

for round in $(seq 1 "$rounds"); do
  log "round $round of $rounds"
  if has_suite kairo; then
    node_suite "r$round-node-kairo" kairo.mjs
    jmh "r$round-jmh-kairo" "$kairo_regex" "${jmh_avg[@]}"
  fi
  if has_suite cellx; then
    node_suite "r$round-node-cellx" cellx.mjs
    jmh "r$round-jmh-cellx-steady" "$cellx_steady_regex" "${jmh_avg[@]}"
    jmh "r$round-jmh-cellx-single" "$cellx_single_regex" "${jmh_single[@]}"
  fi
  if has_suite dynamic && [ -f "$js/dynamic.mjs" ] && has_class DynamicBench; then
    node_suite "r$round-node-dynamic" dynamic.mjs
    jmh "r$round-jmh-dynamic" 'DynamicBench' "${jmh_avg[@]}"
  fi
done

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
if [ "$peers" = 1 ]; then
  log "JVM peers: work per op (PeerCounts)"
  "$java" -Xss16m -cp "$jar" dev.statewire.benchmarks.peer.PeerCounts > "$out/peer-counts.jsonl" 2> "$out/peer-counts.log"
fi
echo "- load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.md"
echo >> "$out/machine.md"

{
  cat "$out/machine.md"
  echo "## Results"
  echo
  node "$js/aggregate.mjs" "$out"
} > "$out/report.md"
log "report: $out/report.md"
cat "$out/report.md"
