package dev.statewire.support;

/**
 * The plain body of a void action, as generated code passes it to {@link
 * StateCore#runAction}: {@code () -> super.method(arguments)}.
 *
 * @param <X> the checked exception the method declares ({@code RuntimeException} if none)
 */
@FunctionalInterface
public interface VoidActionBody<X extends Throwable> {
  /**
   * Runs the method's plain body.
   *
   * @throws X what the method throws
   */
  void run() throws X;
}
