package dev.statewire.benchmarks.redis;

import java.util.Map;
import java.util.TreeMap;

/**
 * Redis's {@code INFO commandstats}, the calls per command: two readings subtract to what ran in
 * between. Redis counts the commands a Lua script calls as well as the script itself.
 */
record CommandStats(Map<String, Long> calls) {
  /** {@return the calls per command in the text of {@code INFO commandstats}} */
  static CommandStats parse(String info) {
    Map<String, Long> calls = new TreeMap<>();
    for (String line : info.split("\r?\n")) {
      // cmdstat_evalsha:calls=2000,usec=...,usec_per_call=...
      if (line.startsWith("cmdstat_")) {
        String name = line.substring("cmdstat_".length(), line.indexOf(':'));
        int start = line.indexOf("calls=") + "calls=".length();
        int end = line.indexOf(',', start);
        calls.put(name, Long.parseLong(line.substring(start, end < 0 ? line.length() : end)));
      }
    }
    return new CommandStats(Map.copyOf(calls));
  }

  /** {@return the calls made since {@code before}, commands with none left out} */
  CommandStats since(CommandStats before) {
    Map<String, Long> delta = new TreeMap<>();
    calls.forEach((name, n) -> {
      long d = n - before.calls.getOrDefault(name, 0L);
      if (d > 0) {
        delta.put(name, d);
      }
    });
    return new CommandStats(delta);
  }

  /** {@return these calls without the {@code info} that read them} */
  CommandStats withoutInfo() {
    Map<String, Long> rest = new TreeMap<>(calls);
    rest.remove("info");
    return new CommandStats(rest);
  }
}
