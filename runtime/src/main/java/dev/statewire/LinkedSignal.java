package dev.statewire;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A writable signal whose value is reset from a computation whenever that computation's source
 * changes (Angular's {@code linkedSignal}): e.g. a selected option that falls back to the first
 * option when the option list changes, but can be chosen by hand meanwhile.
 *
 * <pre>{@code
 * Signal<List<String>> options = Signal.of(List.of("a", "b"));
 * LinkedSignal<String> selected = LinkedSignal.of(() -> options.get().get(0));   // simple form
 * selected.set("b");                  // kept ...
 * options.set(List.of("c", "d"));     // ... until the source changes: selected.get() == "c"
 *
 * // advanced form: keep the selection if it is still offered
 * LinkedSignal<String> kept = LinkedSignal.of(options::get,
 *     (opts, previous) -> previous != null && opts.contains(previous.value())
 *         ? previous.value() : opts.get(0));
 * }</pre>
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>The source is tracked like a {@link Computed}; it "changes" when its value is no longer
 *       {@code equals} to the one seen before. The advanced computation itself runs untracked.
 *   <li>A manual {@link #set}/{@link #update} wins over everything that happened before it, even
 *       a source change nobody has read yet, and holds until the source changes after it. As for
 *       any computed, the source is compared when the linked signal is next evaluated (at once
 *       if an effect depends on it): a change and a change back that nobody read in between
 *       is no change.
 *   <li>{@code set} also overrides a failing source or computation: the manual value is read
 *       until the source changes again.
 *   <li>The advanced computation gets {@code previous} = the last value (computed or manual)
 *       with the source it was derived from; {@code null} only on the very first computation.
 *   <li>Writes inside a computed evaluation are rejected ({@link IllegalWriteException}), as
 *       for any signal.
 * </ul>
 *
 * @param <T> the value type
 */
public final class LinkedSignal<T> implements ReadableSignal<T> {

  /**
   * The state before a recomputation, given to the advanced computation.
   *
   * @param source the source value the previous value belongs to
   * @param value the previous value (computed, or set by hand)
   * @param <S> the source type
   * @param <T> the value type
   */
  public record Previous<S, T>(S source, T value) {}

  private final ReactiveContext context;
  private final Signal<ManualValue<T>> manual;
  private final Derivation<?, T> derivation;
  private final Computed<T> value;

  private <S> LinkedSignal(
      ReactiveContext context,
      Supplier<? extends S> source,
      BiFunction<? super S, ? super Previous<S, T>, ? extends T> computation,
      BiPredicate<? super T, ? super T> equality) {
    this.context = context;
    this.manual = context.signal(null, (a, b) -> a == b);
    Derivation<S, T> linked =
        new Derivation<>(context, context.computed(source), manual, computation);
    this.derivation = linked;
    this.value = context.computed(linked, equality);
  }

  /**
   * Simple form: the value is {@code computation()} until set by hand; reset when it changes.
   *
   * @param computation computes the value; what it reads is the source
   * @param <T> the value type
   * @return a new linked signal in {@link ReactiveContext#current()}
   */
  public static <T> LinkedSignal<T> of(Supplier<? extends T> computation) {
    return of(ReactiveContext.current(), computation, Objects::equals);
  }

  /**
   * Simple form in a given context.
   *
   * @param context the context the signal belongs to
   * @param computation computes the value; what it reads is the source
   * @param <T> the value type
   * @return a new linked signal in {@code context}
   */
  public static <T> LinkedSignal<T> of(ReactiveContext context, Supplier<? extends T> computation) {
    return of(context, computation, Objects::equals);
  }

  /**
   * Simple form in a given context, with a custom equality for the value. (In the current
   * context, pass {@link ReactiveContext#current()}: a two-argument {@code of(computation,
   * equality)} would be ambiguous with the advanced form for a lambda.)
   *
   * @param context the context the signal belongs to
   * @param computation computes the value; what it reads is the source
   * @param equality returns true when a new value counts as unchanged
   * @param <T> the value type
   * @return a new linked signal in {@code context}
   */
  public static <T> LinkedSignal<T> of(
      ReactiveContext context,
      Supplier<? extends T> computation,
      BiPredicate<? super T, ? super T> equality) {
    Objects.requireNonNull(computation, "computation");
    return of(context, computation, (s, previous) -> s, equality);
  }

  /**
   * Advanced form: {@code computation(source(), previous)} whenever {@code source()} changes;
   * set by hand in between.
   *
   * @param source what the value is reset from when it changes
   * @param computation computes the new value from the source and the previous value ({@code null} at first)
   * @param <S> the source type
   * @param <T> the value type
   * @return a new linked signal in {@link ReactiveContext#current()}
   */
  public static <S, T> LinkedSignal<T> of(
      Supplier<? extends S> source,
      BiFunction<? super S, ? super Previous<S, T>, ? extends T> computation) {
    return of(ReactiveContext.current(), source, computation, Objects::equals);
  }

  /**
   * Advanced form with a custom equality for the value.
   *
   * @param source what the value is reset from when it changes
   * @param computation computes the new value from the source and the previous value ({@code null} at first)
   * @param equality returns true when a new value counts as unchanged
   * @param <S> the source type
   * @param <T> the value type
   * @return a new linked signal in {@link ReactiveContext#current()}
   */
  public static <S, T> LinkedSignal<T> of(
      Supplier<? extends S> source,
      BiFunction<? super S, ? super Previous<S, T>, ? extends T> computation,
      BiPredicate<? super T, ? super T> equality) {
    return of(ReactiveContext.current(), source, computation, equality);
  }

  /**
   * Advanced form in a given context, with a custom equality for the value.
   *
   * @param context the context the signal belongs to
   * @param source what the value is reset from when it changes
   * @param computation computes the new value from the source and the previous value ({@code null} at first)
   * @param equality returns true when a new value counts as unchanged
   * @param <S> the source type
   * @param <T> the value type
   * @return a new linked signal in {@code context}
   */
  public static <S, T> LinkedSignal<T> of(
      ReactiveContext context,
      Supplier<? extends S> source,
      BiFunction<? super S, ? super Previous<S, T>, ? extends T> computation,
      BiPredicate<? super T, ? super T> equality) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(computation, "computation");
    Objects.requireNonNull(equality, "equality");
    return new LinkedSignal<>(context, source, computation, equality);
  }

  /** The value (tracked). Rethrows a failure of the source or computation, unless set by hand. */
  @Override
  public T get() {
    return value.get();
  }

  /** The value, untracked. */
  @Override
  public T peek() {
    return value.peek();
  }

  @Override
  public ReactiveContext context() {
    return context;
  }

  /**
   * Sets the value by hand; it holds until the source changes.
   *
   * @param newValue the value kept until the source changes
   */
  public void set(T newValue) {
    context.batch(() -> manual.set(derivation.manualValue(newValue)));
  }

  /**
   * Atomically sets the value to {@code fn(current value)} (under the context's lock).
   *
   * @param fn computes the new value from the current one
   * @return the new value
   */
  public T update(UnaryOperator<T> fn) {
    Objects.requireNonNull(fn, "fn");
    return context.batch(
        () -> {
          T newValue = fn.apply(value.peek());
          set(newValue);
          return newValue;
        });
  }

  /**
   * Names this node for error messages and debugging; returns {@code this}.
   *
   * @param name the name shown in messages
   * @return this signal
   */
  public LinkedSignal<T> named(String name) {
    Objects.requireNonNull(name, "name");
    value.named(name);
    manual.named(name + ".manual");
    return this;
  }

  /** {@return this node's name} */
  public String name() {
    return value.name();
  }

  @Override
  public String toString() {
    return "LinkedSignal[" + name() + "]";
  }

  /** A value set by hand, with the source outcome it was set against. */
  private static final class ManualValue<T> {
    final T value;
    final Object source;
    final Throwable sourceFailure;
    boolean superseded; // guarded by the context's lock: a source change came after this value

    ManualValue(T value, Object source, Throwable sourceFailure) {
      this.value = value;
      this.source = source;
      this.sourceFailure = sourceFailure;
    }
  }

  /**
   * The linked value's computation: the latest manual value while the source is unchanged since
   * it was set, otherwise the user's computation. Runs only inside its computed's evaluation,
   * i.e. under the context's lock, which guards its fields.
   */
  private static final class Derivation<S, T> implements Supplier<T> {
    private final ReactiveContext context;
    private final Computed<S> source;
    private final Signal<ManualValue<T>> manual;
    private final BiFunction<? super S, ? super Previous<S, T>, ? extends T> computation;
    private Previous<S, T> previous; // null until the first value

    Derivation(
        ReactiveContext context,
        Computed<S> source,
        Signal<ManualValue<T>> manual,
        BiFunction<? super S, ? super Previous<S, T>, ? extends T> computation) {
      this.context = context;
      this.source = source;
      this.manual = manual;
      this.computation = computation;
    }

    /** Lock held. Records a manual value against the source as it is now. */
    ManualValue<T> manualValue(T value) {
      try {
        return new ManualValue<>(value, source.peek(), null);
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable sourceFailure) {
        return new ManualValue<>(value, null, sourceFailure);
      }
    }

    @Override
    public T get() {
      S sourceValue = null;
      Throwable sourceFailure = null;
      try {
        sourceValue = source.get();
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        sourceFailure = e; // cached by the source computed: the same object until it changes
      }
      ManualValue<T> latest = manual.get();
      if (latest != null && !latest.superseded) {
        @SuppressWarnings("unchecked")
        S manualSource = (S) latest.source;
        previous = new Previous<>(manualSource, latest.value);
        if (sameSource(latest, sourceValue, sourceFailure)) {
          return latest.value;
        }
        latest.superseded = true;
      }
      if (sourceFailure != null) {
        throw Sneaky.<RuntimeException>rethrow(sourceFailure);
      }
      S input = sourceValue;
      Previous<S, T> before = previous;
      T computed = context.untracked(() -> computation.apply(input, before));
      previous = new Previous<>(input, computed);
      return computed;
    }

    private static boolean sameSource(
        ManualValue<?> latest, Object sourceValue, Throwable sourceFailure) {
      if (latest.sourceFailure != null || sourceFailure != null) {
        return latest.sourceFailure == sourceFailure;
      }
      return Objects.equals(latest.source, sourceValue);
    }
  }
}
