package dev.statewire.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.ReactiveContext;
import dev.statewire.Statewire;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random interleavings of lock blocks from three contexts bound to one key, each on a store of
 * its own (as three JVMs), against a reference model of what Redis must hold: some blocks throw,
 * some lose their lease mid-block (the lease key is deleted and another context's block commits
 * inside it). Checks that reads inside a block are the latest committed state, that no refused or
 * failed block is written or seen by an effect (no phantom write), that every accepted one is
 * (no lost write), and that every context converges on Redis's state.
 */
class InterleavedLockBlocksPropertyTest {
  private static final int CONTEXTS = 3;
  private static final AtomicInteger KEYS = new AtomicInteger();

  private static final List<RedisStateStore> stores = new ArrayList<>();
  private static RedisClient rawClient;
  private static StatefulRedisConnection<String, String> rawConnection;
  private static RedisCommands<String, String> redis;
  private static ExecutorService otherHolder;

  /** What a step does in the block of context {@link #context}. */
  enum Kind { COMMIT, THROW, LOSE_LEASE, ACTION }

  /**
   * One lock block: on {@code context}, adds {@code delta}; LOSE_LEASE lets context {@code other}
   * commit inside it after the lease key was deleted.
   */
  record Step(Kind kind, int context, int other, int delta) {}

  @BeforeContainer
  static void connect() throws Exception {
    String uri = SharedRedis.uri();
    for (int i = 0; i < CONTEXTS; i++) {
      stores.add(RedisStateStore.builder(uri).keyPrefix("prop:").acquireTimeout(Await.WAIT).build());
    }
    rawClient = RedisClient.create(uri);
    rawConnection = rawClient.connect();
    redis = rawConnection.sync();
    otherHolder = Executors.newSingleThreadExecutor();
  }

  @AfterContainer
  static void disconnect() {
    otherHolder.shutdownNow();
    stores.forEach(RedisStateStore::close);
    stores.clear();
    rawConnection.close();
    rawClient.shutdown();
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(
            Arbitraries.of(Kind.class),
            Arbitraries.integers().between(0, CONTEXTS - 1),
            Arbitraries.integers().between(1, CONTEXTS - 1),
            Arbitraries.integers().between(1, 9))
        .as((kind, context, offset, delta) ->
            new Step(kind, context, (context + offset) % CONTEXTS, delta));
    return step.list().ofMinSize(1).ofMaxSize(12);
  }

  @Property(tries = 100)
  void everyContextConvergesOnExactlyTheAcceptedBlocks(@ForAll("steps") List<Step> steps) {
    String key = "interleaved:" + KEYS.incrementAndGet();
    ContextKeys keys = ContextKeys.of("prop:", key);
    List<ReactiveContext> contexts = new ArrayList<>();
    List<TestCounter> counters = new ArrayList<>();
    List<List<String>> labelsSeen = new ArrayList<>();
    try {
      for (int i = 0; i < CONTEXTS; i++) {
        ReactiveContext context = stores.get(i).context(key);
        contexts.add(context);
        TestCounter counter = stores.get(i).bind(context, "counter", new TestCounter(context));
        counters.add(counter);
        List<String> seen = new CopyOnWriteArrayList<>();
        labelsSeen.add(seen);
        context.effect(() -> seen.add(counter.label()));
      }
      Model model = new Model();
      for (int n = 0; n < steps.size(); n++) {
        run(steps.get(n), "step-" + n, counters, keys, model);
      }

      for (int i = 0; i < CONTEXTS; i++) {
        TestCounter counter = counters.get(i);
        Await.until(() -> counter.count() == model.count && counter.label().equals(model.label),
            "context " + i + " converges on " + model.count + "/" + model.label + " after "
                + steps + ", has " + counter.count() + "/" + counter.label());
        for (String label : labelsSeen.get(i)) {
          assertTrue(model.committedLabels.contains(label),
              "context " + i + "'s effect saw '" + label + "', never committed: " + steps);
        }
      }
      assertEquals(Integer.toString(model.count), redis.hget(keys.state(), "counter.count"));
      assertEquals(TestCounter.STRING.encode(model.label),
          redis.hget(keys.state(), "counter.label"));
      long commits = model.commits;
      assertEquals(Long.toString(commits), redis.hget(keys.state(), "@version"), "" + steps);
      assertEquals(commits, redis.xlen(keys.changes()), "one stream entry per accepted block");
    } finally {
      contexts.forEach(ReactiveContext::close);
    }
  }

  /** Runs {@code step} and updates {@code model} with what Redis must now hold. */
  private static void run(Step step, String label, List<TestCounter> counters, ContextKeys keys,
      Model model) {
    TestCounter counter = counters.get(step.context());
    switch (step.kind()) {
      case COMMIT -> {
        Statewire.lock(counter, () -> {
          assertEquals(model.count, counter.count, "a block reads the latest committed state");
          counter.count += step.delta();
          counter.label = label;
        });
        model.commit(step.delta(), label);
      }
      case ACTION -> {
        counter.increment();
        model.commit(1, model.label);
      }
      case THROW -> {
        IllegalStateException failure = new IllegalStateException("the block failed");
        assertThrows(IllegalStateException.class, () -> Statewire.lock(counter, () -> {
          counter.count += step.delta();
          counter.label = label;
          throw failure;
        }));
        assertEquals(model.count, counter.count, "a failed block rolls back");
      }
      case LOSE_LEASE -> {
        TestCounter other = counters.get(step.other());
        String otherLabel = label + "-inside";
        assertThrows(LockLostException.class, () -> Statewire.lock(counter, () -> {
          assertEquals(model.count, counter.count, "a block reads the latest committed state");
          counter.count += step.delta();
          counter.label = label;
          redis.del(keys.lease()); // the lease expired while the block ran
          // the next holder, in its own JVM: another thread here (contexts do not nest)
          awaitDone(otherHolder.submit(() -> Statewire.lock(other, () -> {
            assertEquals(model.count, other.count, "the next holder reads the committed state");
            other.count += 1;
            other.label = otherLabel;
          })));
          model.commit(1, otherLabel);
        }));
        // rolled back: outside a block it reads its local copy, from before the other's commit
        // or after it, never the lost block's writes
        assertTrue(counter.count() == model.count - 1 || counter.count() == model.count,
            "the lost block rolled back, has " + counter.count());
        assertTrue(!counter.label().equals(label), "the lost block's label rolled back");
      }
    }
  }

  /** What Redis must hold: the accepted blocks' sum and last label, and every label committed. */
  private static final class Model {
    int count;
    String label = "";
    final Set<String> committedLabels = new HashSet<>(Set.of(""));
    /** Commits Redis accepted: the first bind's write of the object's values, then the blocks'. */
    long commits = 1;

    void commit(int delta, String newLabel) {
      commits++;
      count += delta;
      label = newLabel;
      committedLabels.add(newLabel);
    }
  }

  private static void awaitDone(Future<?> block) {
    try {
      block.get(Await.WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("the other holder's block failed", e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("the other holder's block did not end", e);
    }
  }
}
