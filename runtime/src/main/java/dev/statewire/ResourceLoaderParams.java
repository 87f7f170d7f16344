package dev.statewire;

import java.util.Objects;

/**
 * What a {@link ResourceLoader} is given for one load.
 *
 * @param params the value of the resource's params computation (never {@code null})
 * @param cancellation fired when this load is superseded, overridden or its resource closed
 * @param previous the resource's state just before this load started, e.g. {@code
 *     previous().status() == RESOLVED} with the old value for a {@code reload()}
 * @param <P> the params type
 * @param <T> the value type
 */
public record ResourceLoaderParams<P, T>(
    P params, Cancellation cancellation, ResourceSnapshot<T> previous) {
  /**
   * Checks that no component is null.
   *
   * @param params the value of the resource's params computation
   * @param cancellation fired when this load is no longer wanted
   * @param previous the resource's state just before this load started
   */
  public ResourceLoaderParams {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(cancellation, "cancellation");
    Objects.requireNonNull(previous, "previous");
  }
}
