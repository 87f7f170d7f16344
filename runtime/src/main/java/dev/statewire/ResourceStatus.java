package dev.statewire;

/**
 * Where a {@link Resource} stands in its loading life cycle.
 *
 * <p>Which event leads to which status is tabled in {@link Resource}'s Javadoc.
 */
public enum ResourceStatus {
  /** No params (the params computation returned {@code null}), or closed: nothing loads. */
  IDLE,
  /** The loader runs because the params changed (or the resource was just created). */
  LOADING,
  /** The loader runs because {@link Resource#reload()} was called; the old value stays readable. */
  RELOADING,
  /** The last load completed with a value. */
  RESOLVED,
  /** The last load failed: {@link Resource#value()} throws, {@link Resource#error()} says why. */
  ERROR,
  /** The value was set locally with {@link Resource#set} or {@link Resource#update}. */
  LOCAL;

  /** {@return {@code true} for {@link #LOADING} and {@link #RELOADING}: a loader is running} */
  public boolean isLoading() {
    return this == LOADING || this == RELOADING;
  }
}
