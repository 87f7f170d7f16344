package dev.statewire.benchmarks.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statewire.benchmarks.graph.CountingWorkCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The glitch detector of {@link PeerGraph}, on two deliberately glitchy adapters: one that runs
 * every effect synchronously inside each write (listeners on every node), and one that flushes
 * after the writes but runs every effect twice.
 */
class PeerGraphTest {

  /** Recomputes on every read; runs all effects on every write, or twice after the writes. */
  private static final class GlitchyApi implements ReactiveApi {
    private final boolean insideWrites;
    private final List<Runnable> effects = new ArrayList<>();

    GlitchyApi(boolean insideWrites) {
      this.insideWrites = insideWrites;
    }

    @Override
    public <T> PeerSignal<T> signal(T initial) {
      return new PeerSignal<>() {
        private T value = initial;

        @Override
        public T get() {
          return value;
        }

        @Override
        public void set(T newValue) {
          value = newValue;
          if (insideWrites) {
            effects.forEach(Runnable::run);
          }
        }
      };
    }

    @Override
    public <T> PeerValue<T> computed(Supplier<T> fn, PeerValue<?>... reads) {
      return fn::get;
    }

    @Override
    public void effect(PeerValue<?> reads, Runnable body) {
      effects.add(body);
      body.run();
    }

    @Override
    public void batch(Runnable writes) {
      writes.run();
      if (!insideWrites) {
        effects.forEach(Runnable::run);
        effects.forEach(Runnable::run);
      }
    }

    @Override
    public void close() {
      effects.clear();
    }
  }

  @Test
  void effectRunsDuringTheWritesAreGlitched() {
    CountingWorkCounter counter = new CountingWorkCounter();
    try (PeerGraph graph = new PeerGraph(new GlitchyApi(true), counter)) {
      PeerSignal<Integer> a = graph.signal(1);
      PeerSignal<Integer> b = graph.signal(2);
      PeerValue<Integer> sum = graph.computed(() -> a.get() + b.get(), a, b);
      graph.effect(sum, sum::get);
      counter.reset();
      graph.batch(() -> {
        a.set(3);
        b.set(4);
      });
      assertEquals(2, counter.effects());
      assertEquals(2, counter.glitchedEffects());
    }
  }

  @Test
  void aSecondRunOfAnEffectInOneBatchIsGlitchedButTheFirstIsNot() {
    CountingWorkCounter counter = new CountingWorkCounter();
    try (PeerGraph graph = new PeerGraph(new GlitchyApi(false), counter)) {
      PeerSignal<Integer> a = graph.signal(1);
      PeerValue<Integer> twice = graph.computed(() -> a.get() * 2, a);
      graph.effect(twice, twice::get);
      assertEquals(0, counter.glitchedEffects(), "the run at creation");
      counter.reset();
      graph.set(a, 2);
      graph.set(a, 3);
      assertEquals(4, counter.effects());
      assertEquals(2, counter.glitchedEffects());
    }
  }
}
