package dev.statewire.benchmarks.peer;

import dev.statewire.Computed;
import dev.statewire.Effect;
import dev.statewire.Signal;
import dev.statewire.Statewire;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Statewire behind the peer adapter. The headline Statewire figures come from the direct ports
 * ({@code KairoBench}, {@code CellxBench}); this adapter runs the peers' code on Statewire, so
 * that {@code PeerCounts} reports Statewire's work through exactly that code and the peer
 * benchmarks' "Statewire (adapter)" figures show what the adapter itself costs.
 */
final class StatewireApi implements ReactiveApi {
  private final List<Effect> effects = new ArrayList<>();

  @Override
  public <T> PeerSignal<T> signal(T initial) {
    Signal<T> signal = Signal.of(initial);
    return new PeerSignal<>() {
      @Override
      public T get() {
        return signal.get();
      }

      @Override
      public void set(T value) {
        signal.set(value);
      }
    };
  }

  @Override
  public <T> PeerValue<T> computed(Supplier<T> fn, PeerValue<?>... reads) {
    return Computed.of(fn)::get;
  }

  @Override
  public void effect(PeerValue<?> reads, Runnable body) {
    effects.add(Effect.of(body));
  }

  @Override
  public void batch(Runnable writes) {
    Statewire.batch(writes);
  }

  @Override
  public void close() {
    for (Effect effect : effects) {
      effect.close();
    }
    effects.clear();
  }
}
