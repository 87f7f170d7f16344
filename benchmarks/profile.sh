#!/usr/bin/env bash
# JFR evidence for BENCHMARKS.md: runs each named JMH benchmark in its own JMH run under JMH's
# JFR profiler (recording the measurement iterations only, with -XX:+UnlockDiagnosticVMOptions
# -XX:+DebugNonSafepoints so that samples land on the line being run, not on the next safepoint)
# and prints, per case, where the CPU samples fall (JfrSummary: top-of-stack methods and lines,
# Statewire methods inclusive, as % of the samples of JMH's worker threads).
#
# Usage: benchmarks/profile.sh CASE...
#   CASE = Bench.method[:param=value]...[:threads=N], e.g.
#     CellxBench.steady:layers=1000   KairoBench.op:topology=avoidablePropagation
#     GeneratedClassBench.generated   LockBench.lockBlock:lockHoldReports=default:threads=4
#     PeerCellxBench.steady:layers=1000:peer=javafx
#   JAVA_HOME=…   the JDK (default: java on the PATH); Temurin 25 at /usr/lib/jvm/temurin-25-jdk-amd64
#   PROFILE_JMH="-wi 5 -w 1s -i 10 -r 1s"   JMH settings per case (about 25 s a case with them)
#   TOP=15        rows per list
#   NO_BUILD=1    use benchmarks/target/benchmarks.jar as it is
# Recordings, JMH logs and the summaries go to benchmarks/results/profile-<timestamp>/.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [ "$#" -eq 0 ]; then
  sed -n '2,/^set /p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar=benchmarks/target/benchmarks.jar
read -r -a settings <<< "${PROFILE_JMH:--wi 5 -w 1s -i 10 -r 1s}"
out="benchmarks/results/profile-$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$out"
# shellcheck source=run-jmh.sh
. benchmarks/run-jmh.sh

if [ "${NO_BUILD:-0}" != 1 ]; then
  echo "== building $jar" >&2
  mvn -B -ntp -q -pl benchmarks -am package -DskipTests
fi
{
  echo "# JFR profiles, $("$java" -version 2>&1 | head -2 | tail -1), JMH ${settings[*]}, $(date -u '+%Y-%m-%d %H:%M UTC')"
  for spec in "$@"; do
    IFS=: read -r -a parts <<< "$spec"
    bench="${parts[0]}"
    args=()
    for p in "${parts[@]:1}"; do
      case "$p" in
        threads=*) args+=(-t "${p#threads=}") ;;
        *=*) args+=(-p "$p") ;;
        *) echo "profile.sh: $spec: expected param=value after ':', got $p" >&2; exit 2 ;;
      esac
    done
    dir="$out/$(echo "$spec" | tr -c 'A-Za-z0-9.=_-' '_')"
    mkdir -p "$dir"
    echo "== $(date -u +%H:%M:%S) JMH $spec" >&2
    if ! run_jmh "$dir/jmh.log" "\\.${bench//./\\.}\$" -f 1 "${settings[@]}" "${args[@]}" \
        -prof "jfr:dir=$dir;configName=$root/benchmarks/profile.jfc"; then
      echo "JMH failed, see $dir/jmh.log:" >&2
      tail -30 "$dir/jmh.log" >&2
      exit 1
    fi
    recording="$(find "$dir" -name '*.jfr' | head -1)"
    if [ -z "$recording" ]; then
      echo "profile.sh: $spec: no recording in $dir (see jmh.log)" >&2
      exit 1
    fi
    echo
    echo "## $spec"
    echo
    grep -E '^Benchmark|^[A-Za-z].*(avgt|thrpt|ss) ' "$dir/jmh.log" | grep -v ':jfr' | tail -2 | sed 's/^/    /' || true
    "$java" -cp "$jar" dev.statewire.benchmarks.JfrSummary "$recording" "${TOP:-15}" | sed 's/^/    /'
  done
} | tee "$out/profile.md"
echo "== profiles: $out/profile.md" >&2
