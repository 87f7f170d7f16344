package dev.statewire;

import dev.statewire.codec.StateField;
import java.util.List;

/**
 * Implemented by every state class the processor generates ({@code ReactiveX} for a
 * {@code @Reactive class X}). Generated code and the runtime use it; applications mostly need
 * only {@link #close()}.
 */
public interface ReactiveObject extends AutoCloseable {
  /**
   * {@return the context this object belongs to: its lock, graph, effect queue and executor; {@code null}
   * while the annotated class's constructor runs (the generated parts do not exist yet)}
   */
  ReactiveContext reactiveContext();

  /**
   * {@return the object's part in a lock session: {@code commit()} publishes the plain fields that
   * changed into their signals, {@code rollback()} restores them from the signals}
   */
  Transactional reactiveTransaction();

  /**
   * {@return the fields a store persists, in declaration order: every reactive field except
   * {@code transient} ones} Empty for a class that is not generated.
   */
  default List<StateField<?>> stateFields() {
    return List.of();
  }

  /** Stops the object's effects and cancels its background tasks. Idempotent. */
  @Override
  void close();
}
