package dev.statewire.benchmarks.kairo;

/**
 * The user code of the kairo cases that is not reactive work, shared by the direct ports and the
 * JVM peer ports: upstream's {@code busy()} and molBench's {@code fib} and {@code hard}.
 */
public final class UserWork {
  private UserWork() {}

  /** About 100 iterations of pure CPU work, as upstream's busy(). */
  public static void busy() {
    int a = 0;
    for (int i = 0; i < 100; i++) {
      a++;
    }
  }

  /** {@code fib(n) = n < 2 ? 1 : fib(n-1) + fib(n-2)}; fib(16) = 1597, about 3.2k calls. */
  public static int fib(int n) {
    return n < 2 ? 1 : fib(n - 1) + fib(n - 2);
  }

  /** {@code n + fib(16)}. */
  public static int hard(int n) {
    return n + fib(16);
  }
}
