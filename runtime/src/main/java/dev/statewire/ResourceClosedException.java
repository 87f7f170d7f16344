package dev.statewire;

/**
 * Thrown by {@link Resource#set}, {@link Resource#update} and {@link Resource#reload()} after the
 * resource was closed. A closed resource keeps its last state readable but never loads again.
 */
public final class ResourceClosedException extends StatewireException {
  private static final long serialVersionUID = 1L;

  ResourceClosedException(String resourceName, String operation) {
    super(
        "Resource '" + resourceName + "' is closed, so " + operation
            + "() is not allowed; create a new Resource instead");
  }
}
