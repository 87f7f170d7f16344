package fixtures;

import dev.statewire.Statewire;
import dev.statewire.annotation.Background;
import dev.statewire.annotation.Reactive;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Lambdas that run on the spot, under the lock block around them: legal writes. */
@Reactive
public class SameThreadSinksUnderLock {
  int total;
  String joined = "";
  Map<String, Integer> counts = new HashMap<>();
  final List<String> items = List.of("a", "bb");

  @Background
  void tick() {
    try (var self = Statewire.lock(this)) {
      items.forEach(s -> total += s.length());
      Map<String, Integer> next = new HashMap<>(counts);
      next.computeIfAbsent("a", k -> total++);
      counts = next;
      joined = items.stream().map(s -> s + total).collect(Collectors.joining(","));
      total += (int) items.stream().filter(s -> s.length() > total).count();
      Optional.of("x").ifPresent(s -> joined = s);
      Statewire.batch(() -> total = 0);
    }
  }
}
