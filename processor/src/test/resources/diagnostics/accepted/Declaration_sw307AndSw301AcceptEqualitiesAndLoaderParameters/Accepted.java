package test;

import dev.statewire.Cancellation;
import dev.statewire.ResourceSnapshot;
import dev.statewire.annotation.Derived;
import dev.statewire.annotation.Reactive;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiPredicate;

@Reactive
public class Accepted {
  String text = "";
  int count;
  List<String> names = List.of();

  static final BiPredicate<Object, Object> SAME_OBJECT = (a, b) -> a == b;
  protected static final BiPredicate<CharSequence, CharSequence> SAME_LENGTH =
      (a, b) -> a.length() == b.length();

  static boolean sameParity(int a, int b) {
    return a % 2 == b % 2;
  }

  public static <T> boolean sameSize(List<T> a, List<T> b) {
    return a.size() == b.size();
  }

  @Derived(equality = "SAME_LENGTH")
  String shown() {
    return text.trim();
  }

  @Derived(equality = "SAME_OBJECT")
  String same() {
    return text;
  }

  @Derived(equality = "sameParity")
  int half() {
    return count / 2;
  }

  @Derived(equality = "sameSize")
  List<String> sorted() {
    return names.stream().sorted().toList();
  }

  @Derived
  CompletionStage<String> both(Cancellation cancellation, ResourceSnapshot<String> previous) {
    return CompletableFuture.completedFuture(previous.status() + text);
  }

  @Derived
  CompletionStage<String> wildcard(ResourceSnapshot<?> previous, Cancellation cancellation) {
    return CompletableFuture.completedFuture(text + cancellation.isCancelled());
  }
}
