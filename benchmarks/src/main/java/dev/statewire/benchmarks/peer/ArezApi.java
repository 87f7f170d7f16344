package dev.statewire.benchmarks.peer;

import arez.Arez;
import arez.ArezContext;
import arez.ComputableValue;
import arez.Disposable;
import arez.ObservableValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Arez ({@code org.realityforge.arez:arez-core}) behind the peer adapter. A signal is an
 * {@link ObservableValue} beside a plain field (Arez stores no values itself), a computed a
 * {@link ComputableValue} that may be read outside a transaction, an effect an autorun
 * {@code Observer}, and a batch a read-write action: Arez runs the scheduled observers when the
 * outermost transaction ends. Arez reads its configuration from {@code arez.*} system properties
 * once; without them it runs in its production configuration (no names, spies, registries or
 * invariant checks), which {@code PeerCellxBench} and {@code PeerKairoBench} also set explicitly.
 */
final class ArezApi implements ReactiveApi {
  private final ArezContext context = Arez.context();
  private final List<Disposable> disposables = new ArrayList<>();

  /** A source node: Arez tracks reads and writes of the field through the observable. */
  private static final class ArezSignal<T> implements PeerSignal<T> {
    private final ObservableValue<T> observable;
    private T value;

    ArezSignal(ObservableValue<T> observable, T initial) {
      this.observable = observable;
      this.value = initial;
    }

    @Override
    public T get() {
      observable.reportObservedIfTrackingTransactionActive();
      return value;
    }

    @Override
    public void set(T newValue) {
      if (!Objects.equals(value, newValue)) {
        observable.preReportChanged();
        value = newValue;
        observable.reportChanged();
      }
    }
  }

  @Override
  public <T> PeerSignal<T> signal(T initial) {
    ObservableValue<T> observable = context.observable();
    disposables.add(observable);
    return new ArezSignal<>(observable, initial);
  }

  @Override
  public <T> PeerValue<T> computed(Supplier<T> fn, PeerValue<?>... reads) {
    ComputableValue<T> computable =
        context.computable(fn::get, ComputableValue.Flags.READ_OUTSIDE_TRANSACTION);
    disposables.add(computable);
    return computable::get;
  }

  @Override
  public void effect(PeerValue<?> reads, Runnable body) {
    disposables.add(context.observer(body::run));
  }

  @Override
  public void batch(Runnable writes) {
    context.safeAction(writes::run);
  }

  @Override
  public void close() {
    for (int i = disposables.size() - 1; i >= 0; i--) {
      disposables.get(i).dispose();
    }
    disposables.clear();
  }
}
