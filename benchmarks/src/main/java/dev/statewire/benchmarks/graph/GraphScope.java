package dev.statewire.benchmarks.graph;

import dev.statewire.Effect;
import java.util.ArrayList;
import java.util.List;

/**
 * The effects of one benchmark graph, closed together when the graph is disposed: the Java
 * counterpart of the effect scope that the JS suites build each graph in.
 */
public final class GraphScope implements AutoCloseable {
  private final List<Effect> effects = new ArrayList<>();

  /** Creates an effect (it runs once now) and keeps it for {@link #close()}. */
  public Effect effect(Runnable body) {
    Effect effect = Effect.of(body);
    effects.add(effect);
    return effect;
  }

  /** Closes every effect of the graph, which unlinks them from the nodes they read. */
  @Override
  public void close() {
    for (Effect effect : effects) {
      effect.close();
    }
    effects.clear();
  }
}
