package noharm;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Lambdas over captured wildcards, with implicit and explicit parameters. */
class WildcardLambdas {
  static int count(Map<?, ?> m) {
    int[] n = {0};
    m.forEach((k, v) -> n[0]++);
    return n[0];
  }

  static int sum(List<? extends Number> values) {
    var total = new int[] {0};
    values.forEach(v -> total[0] += v.intValue());
    return total[0];
  }

  static <T> List<String> names(List<? super T> sink, List<T> items, Function<? super T, ?> f) {
    sink.addAll(items);
    return items.stream().map(f).map(String::valueOf).toList();
  }
}
