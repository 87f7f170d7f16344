package dev.statewire.processor.analysis;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The JDK and Statewire methods known to block the calling thread (sleeps, joins, waits for a
 * future, a latch, a queue or a condition). A method matches when it has the listed name and is
 * declared in the listed type or, for types other than {@code Object}, in a subtype of it.
 */
final class BlockingCalls {
  private static final Map<String, Set<String>> BLOCKING =
      Map.ofEntries(
          Map.entry("dev.statewire.Statewire", Set.of("sleep")),
          Map.entry("dev.statewire.Task", Set.of("await")),
          Map.entry("java.lang.Object", Set.of("wait")),
          Map.entry("java.lang.Thread", Set.of("sleep", "join")),
          Map.entry("java.util.concurrent.TimeUnit", Set.of("sleep", "timedJoin", "timedWait")),
          Map.entry("java.util.concurrent.Future", Set.of("get")),
          Map.entry("java.util.concurrent.CompletableFuture", Set.of("join", "get")),
          Map.entry("java.util.concurrent.ForkJoinTask", Set.of("join", "get", "invoke")),
          Map.entry("java.util.concurrent.ForkJoinPool", Set.of("invoke", "awaitQuiescence")),
          Map.entry("java.lang.Process", Set.of("waitFor")),
          Map.entry("java.util.concurrent.CountDownLatch", Set.of("await")),
          Map.entry("java.util.concurrent.CyclicBarrier", Set.of("await")),
          Map.entry("java.util.concurrent.Phaser", Set.of("arriveAndAwaitAdvance", "awaitAdvance")),
          Map.entry(
              "java.util.concurrent.Semaphore", Set.of("acquire", "acquireUninterruptibly")),
          Map.entry("java.util.concurrent.BlockingQueue", Set.of("take", "put")),
          Map.entry("java.util.concurrent.Exchanger", Set.of("exchange")),
          Map.entry(
              "java.util.concurrent.ExecutorService",
              Set.of("awaitTermination", "invokeAll", "invokeAny", "close")),
          Map.entry(
              "java.util.concurrent.locks.Condition",
              Set.of("await", "awaitNanos", "awaitUninterruptibly", "awaitUntil")),
          Map.entry(
              "java.util.concurrent.locks.LockSupport", Set.of("park", "parkNanos", "parkUntil")));

  private final Elements elements;
  private final Types types;

  BlockingCalls(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** {@code Type.method} when {@code method} is known to block, else empty. */
  Optional<String> describe(ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String name = method.getSimpleName().toString();
    for (Map.Entry<String, Set<String>> entry : BLOCKING.entrySet()) {
      if (entry.getValue().contains(name) && declaredIn(owner, entry.getKey())) {
        return Optional.of(owner.getSimpleName() + "." + name);
      }
    }
    return Optional.empty();
  }

  private boolean declaredIn(TypeElement owner, String knownName) {
    if (owner.getQualifiedName().contentEquals(knownName)) {
      return true;
    }
    TypeElement known = elements.getTypeElement(knownName);
    return known != null
        && !knownName.equals("java.lang.Object")
        && types.isSubtype(types.erasure(owner.asType()), types.erasure(known.asType()));
  }
}
