package dev.statewire;

import dev.statewire.codec.StateField;
import java.util.List;
import java.util.Objects;

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

  /**
   * For generated constructors, not for hand-written code: makes the instance's context {@link
   * ReactiveContext#current()} while the annotated class's constructor runs, so that a {@code
   * Signal}, {@code Computed}, {@code LinkedSignal} or reactive collection created in a field
   * initializer belongs to the instance's context. A generated constructor calls {@link #begin}
   * in an argument of its {@code this(...)} call (Java runs no code before {@code super(...)}
   * otherwise) and {@link #end()} right after {@code super(...)}; if the superclass constructor
   * throws, the runtime finds the construction gone from the stack the next time it looks, so the
   * previous current context is back on every path.
   */
  final class Construction {
    private final Object[] frame;

    private Construction(Object[] frame) {
      this.frame = frame;
    }

    /**
     * Begins the construction of an instance of {@code generatedClass} in {@code context}.
     *
     * @param generatedClass the generated class, whose private constructor takes the result
     * @param context the context of the instance
     * @return what the private constructor passes to {@link #end()}
     */
    public static Construction begin(Class<?> generatedClass, ReactiveContext context) {
      Objects.requireNonNull(generatedClass, "generatedClass");
      Objects.requireNonNull(context, "context");
      return new Construction(
          ConstructionFrames.push(generatedClass, context, ReactiveContext.heldOrChosen()));
    }

    /** Ends the construction: the superclass constructor returned. */
    public void end() {
      ConstructionFrames.pop(frame);
    }
  }
}
