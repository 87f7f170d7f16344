package dev.statewire.support;

/**
 * The plain body of an action that returns a value, as generated code passes it to {@link
 * StateCore#callUntracked}: {@code () -> super.method(arguments)}.
 *
 * @param <T> what the method returns
 * @param <X> the checked exception the method declares ({@code RuntimeException} if none)
 */
@FunctionalInterface
public interface ActionBody<T, X extends Throwable> {
  /**
   * Runs the method's plain body.
   *
   * @return what the method returns
   * @throws X what the method throws
   */
  T call() throws X;
}
