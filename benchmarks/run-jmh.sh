# Sourced by compare.sh and profile.sh. run_jmh LOG ARGS...: runs the benchmarks jar's JMH
# ("$java" -jar "$jar" ARGS...) with its output in LOG. When another JMH run on the machine
# holds /tmp/jmh.lock, it waits for it (up to 15 minutes) rather than run beside it.
# Returns JMH's exit status.
run_jmh() {
  local log="$1"
  shift
  local attempt
  for attempt in $(seq 1 90); do
    if "$java" -jar "$jar" "$@" > "$log" 2>&1; then
      return 0
    fi
    if grep -q 'Unable to acquire the JMH lock' "$log" && [ "$attempt" -lt 90 ]; then
      echo "== $(date -u +%H:%M:%S) another JMH run holds the JMH lock; waiting" >&2
      sleep 10
      continue
    fi
    return 1
  done
}
