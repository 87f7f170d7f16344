package dev.statewire.benchmarks.peer;

import dev.statewire.benchmarks.graph.WorkCounter;
import java.util.function.Supplier;

/**
 * The graph a peer port builds: a {@link ReactiveApi} of one library plus the work counter,
 * called inside every computed and effect as the direct Statewire ports do, and the batch
 * bookkeeping that finds glitched effect runs (see {@link WorkCounter#glitchedEffectRun()}):
 * every batch has a number, and an effect run that starts while the batch's writes are still
 * running, or a second run of one effect in the same batch, is reported.
 */
public final class PeerGraph implements AutoCloseable {
  private final ReactiveApi api;
  private final WorkCounter counter;
  private int batchNumber;
  private boolean writing;

  /** An empty graph in {@code peer}'s library, counting into {@code counter}. */
  public PeerGraph(Peer peer, WorkCounter counter) {
    this(peer.newGraph(), counter);
  }

  /** An empty graph behind {@code api}, counting into {@code counter}. */
  PeerGraph(ReactiveApi api, WorkCounter counter) {
    this.api = api;
    this.counter = counter;
  }

  /** A source node. */
  public <T> PeerSignal<T> signal(T initial) {
    return api.signal(initial);
  }

  /** A computed; {@code reads} lists every node {@code fn} may read. */
  public <T> PeerValue<T> computed(Supplier<T> fn, PeerValue<?>... reads) {
    return api.computed(() -> {
      counter.computed();
      return fn.get();
    }, reads);
  }

  /** An effect reading {@code reads}; {@code body} runs once now. */
  public void effect(PeerValue<?> reads, Runnable body) {
    api.effect(reads, new Runnable() {
      private int lastBatch = -1;

      @Override
      public void run() {
        counter.effect();
        if (writing || lastBatch == batchNumber) {
          counter.glitchedEffectRun();
        }
        lastBatch = batchNumber;
        body.run();
      }
    });
  }

  /** Runs {@code writes} as one batch; the triggered effects have run when this returns. */
  public void batch(Runnable writes) {
    batchNumber++;
    api.batch(() -> {
      writing = true;
      try {
        writes.run();
      } finally {
        writing = false;
      }
    });
  }

  /** One write in its own batch. */
  public <T> void set(PeerSignal<T> signal, T value) {
    batch(() -> signal.set(value));
  }

  /** Disposes the graph. */
  @Override
  public void close() {
    api.close();
  }
}
