package dev.statewire.benchmarks.peer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableObjectValue;

/**
 * JavaFX bindings ({@code org.openjfx:javafx-base}, no display needed) behind the peer adapter,
 * made glitch-free by a deferred flush. A signal is a {@link SimpleObjectProperty}, a computed an
 * {@link ObjectBinding} over the nodes it declares (JavaFX bindings are lazy: an invalidation
 * marks every dependent invalid at once, a value is computed when read). An effect is an
 * {@link InvalidationListener} on the one node it reads that only queues the effect; when a batch's
 * writes are done, the flush runs the queued effects in queue order, and each reads its node
 * (which recomputes what is invalid, all inputs already written) and runs its body when the value
 * changed ({@code equals}), as a {@code ChangeListener} would, but after the writes. There is no
 * cut-off between computeds: an invalidated binding is recomputed when read, even when its inputs'
 * values came out unchanged.
 */
final class JavaFxApi implements ReactiveApi {
  private final ArrayDeque<FxEffect> queue = new ArrayDeque<>();
  private final List<ObjectBinding<?>> bindings = new ArrayList<>();
  private final List<FxEffect> effects = new ArrayList<>();
  private boolean batching;

  /** A node of this graph: the JavaFX observable value behind it. */
  private interface FxValue<T> extends PeerValue<T> {
    ObservableObjectValue<T> observable();
  }

  /** A source node; an equal value is not written, so it invalidates nothing. */
  private static final class FxSignal<T> implements PeerSignal<T>, FxValue<T> {
    private final SimpleObjectProperty<T> property;

    FxSignal(T initial) {
      property = new SimpleObjectProperty<>(initial);
    }

    @Override
    public T get() {
      return property.get();
    }

    @Override
    public void set(T value) {
      if (!Objects.equals(property.get(), value)) {
        property.set(value);
      }
    }

    @Override
    public ObservableObjectValue<T> observable() {
      return property;
    }
  }

  /** A computed: a lazy binding over the declared reads. */
  private static final class FxComputed<T> implements FxValue<T> {
    private final ObjectBinding<T> binding;

    FxComputed(ObjectBinding<T> binding) {
      this.binding = binding;
    }

    @Override
    public T get() {
      return binding.get();
    }

    @Override
    public ObservableObjectValue<T> observable() {
      return binding;
    }
  }

  /** An effect: queued on invalidation, run by the flush when its node's value changed. */
  private final class FxEffect implements InvalidationListener {
    private final ObservableObjectValue<?> source;
    private final Runnable body;
    private Object last;
    private boolean queued;

    FxEffect(ObservableObjectValue<?> source, Runnable body) {
      this.source = source;
      this.body = body;
    }

    void start() {
      source.addListener(this);
      last = source.get();
      body.run();
    }

    @Override
    public void invalidated(Observable observable) {
      if (!queued) {
        queued = true;
        queue.add(this);
      }
    }

    void flush() {
      queued = false;
      Object value = source.get();
      if (!Objects.equals(value, last)) {
        last = value;
        body.run();
      }
    }

    void stop() {
      source.removeListener(this);
    }
  }

  @Override
  public <T> PeerSignal<T> signal(T initial) {
    return new FxSignal<>(initial);
  }

  @Override
  public <T> PeerValue<T> computed(Supplier<T> fn, PeerValue<?>... reads) {
    Observable[] dependencies = new Observable[reads.length];
    for (int i = 0; i < reads.length; i++) {
      dependencies[i] = fx(reads[i]).observable();
    }
    ObjectBinding<T> binding = Bindings.createObjectBinding(fn::get, dependencies);
    bindings.add(binding);
    return new FxComputed<>(binding);
  }

  @Override
  public void effect(PeerValue<?> reads, Runnable body) {
    FxEffect effect = new FxEffect(fx(reads).observable(), body);
    effects.add(effect);
    effect.start();
  }

  @Override
  public void batch(Runnable writes) {
    if (batching) {
      writes.run();
      return;
    }
    batching = true;
    try {
      writes.run();
    } finally {
      batching = false;
    }
    FxEffect next;
    while ((next = queue.poll()) != null) {
      next.flush();
    }
  }

  @Override
  public void close() {
    for (FxEffect effect : effects) {
      effect.stop();
    }
    for (ObjectBinding<?> binding : bindings) {
      binding.dispose();
    }
    effects.clear();
    bindings.clear();
    queue.clear();
  }

  private static FxValue<?> fx(PeerValue<?> value) {
    if (value instanceof FxValue) {
      return (FxValue<?>) value;
    }
    throw new IllegalArgumentException(
        "a JavaFX computed or effect can only read nodes of its own graph, not " + value);
  }
}
