package dev.statewire;

/**
 * Thrown by {@link Resource#value()} (and {@link ResourceSnapshot#value()}) while the resource is
 * in {@link ResourceStatus#ERROR}. The cause is the loader's failure.
 */
public final class ResourceErrorException extends StatewireException {
  private static final long serialVersionUID = 1L;

  ResourceErrorException(String resourceName, Throwable cause) {
    super(
        "Resource '" + resourceName + "' failed to load: " + cause
            + ". Check hasValue() or status() before value(), or read error()",
        cause);
  }
}
