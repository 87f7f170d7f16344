package dev.statewire;

import java.util.Objects;

/**
 * One consistent reading of a {@link Resource}: status, value, error and the status before it,
 * all from the same committed state. {@link Resource#snapshot()} returns one; loaders get the
 * state before their load as {@link ResourceLoaderParams#previous()}.
 *
 * <p>The value is kept through {@code LOADING}, {@code RELOADING}, {@code IDLE} and {@code
 * ERROR}; in {@code ERROR} it is hidden: {@link #value()} throws.
 *
 * @param <T> the value type
 */
public final class ResourceSnapshot<T> {
  private final String resourceName;
  private final ResourceStatus status;
  private final ResourceStatus previousStatus;
  private final T value;
  private final Throwable error;

  ResourceSnapshot(
      String resourceName,
      ResourceStatus status,
      ResourceStatus previousStatus,
      T value,
      Throwable error) {
    this.resourceName = resourceName;
    this.status = status;
    this.previousStatus = previousStatus;
    this.value = value;
    this.error = error;
  }

  /** {@return the status} */
  public ResourceStatus status() {
    return status;
  }

  /** {@return the status before the last transition ({@code IDLE} for a new resource)} */
  public ResourceStatus previousStatus() {
    return previousStatus;
  }

  /**
   * {@return the value: the last loaded or locally set one, {@code null} if there is none yet}
   *
   * @throws ResourceErrorException in {@code ERROR}, with the loader's failure as its cause
   */
  public T value() {
    if (status == ResourceStatus.ERROR) {
      throw new ResourceErrorException(resourceName, error);
    }
    return value;
  }

  /** {@return the failure of the last load in {@code ERROR}, otherwise {@code null}} */
  public Throwable error() {
    return error;
  }

  /** {@return {@code true} when {@link #value()} would return a non-null value without throwing} */
  public boolean hasValue() {
    return value != null && status != ResourceStatus.ERROR;
  }

  /** {@return {@code true} in {@code LOADING} and {@code RELOADING}} */
  public boolean isLoading() {
    return status.isLoading();
  }

  /** The stored value even in {@code ERROR} (kept for {@code update} and later reloads). */
  T storedValue() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceSnapshot<?> other
        && status == other.status
        && previousStatus == other.previousStatus
        && Objects.equals(value, other.value)
        && Objects.equals(error, other.error);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, previousStatus, value, error);
  }

  @Override
  public String toString() {
    return "ResourceSnapshot[" + resourceName + ": " + status + " (was " + previousStatus + ")"
        + (status == ResourceStatus.ERROR ? ", error=" + error : ", value=" + value) + "]";
  }
}
