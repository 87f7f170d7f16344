package dev.statewire;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Property test of the whole signal graph against a naive reference model.
 *
 * <p>Each try builds a random DAG of signals (some with a custom equality), computeds (each
 * reading a random subset of earlier nodes, some with a conditional read, some throwing on
 * certain results, some catching their inputs' errors, some returning a value with a custom
 * equality cut-off) and effects (tracked and untracked reads, a cleanup per run registered through
 * the body's {@link Cleanup} or {@link Statewire#onCleanup}, some throwing, some writing a signal
 * created after them, so that effect writes flow forward and cannot loop), then runs random
 * operations: writes, {@code update}s, batches and lock blocks (with nested batches, reads,
 * effect closes and writes of a value back to what it was when the batch began), tracked, peeked
 * and untracked reads, and effect closes. The model recomputes every value from the signals'
 * values from scratch. Checked after every operation:
 *
 * <ul>
 *   <li>every value read (at top level, inside a computed or inside an effect) equals the model's
 *       value at that moment, errors included: no glitch, read-your-writes inside a batch;
 *   <li>effects run only when a commit ends (never inside a batch body), in creation order and
 *       at most once per commit (until an effect writes: then later rounds may follow); every
 *       run is justified (a value it read, tracked, in its previous run may have changed) and
 *       after the commit every live effect is up to date (what its last run read equals the
 *       current values); each run's cleanup ran before the next run and on close; thrown effect
 *       errors reach the context's error handler;
 *   <li>laziness: a computed is evaluated only while it, or something that depends on it, is
 *       being read, or while a commit checks a live effect that depends on it; and it is
 *       re-evaluated only if a value it read in its previous evaluation has changed.
 * </ul>
 *
 * <p>"Changed" is judged by the reader's equality (custom equalities included). Two relaxations,
 * both deliberate: an error read twice may count as a change (exceptions are compared by
 * identity in practice); and a node whose value was observed (read or evaluated) at a different
 * value in between, e.g. {@code a: 0 -> 1}, read, {@code a: 1 -> 0} inside one batch, may count
 * as changed for consumers that saw 0 before; likewise a value committed in between (a computed
 * that saw 2 may re-evaluate after {@code 2 -> 0} and {@code 0 -> 2} in two commits, since it
 * cannot know without evaluating). A value written and written back inside one batch without
 * anyone reading the intermediate value is not a change.
 *
 * <p>Reproducing a failure: jqwik prints the {@code seed} and the shrunk scenario (its {@code
 * toString} lists the nodes and operations, enough to write a unit test). jqwik re-runs the
 * failing seed first on the next run (after-failure mode {@code PREVIOUS_SEED}, stored in
 * {@code .jqwik-database}). To pin a seed, set it on the property, e.g. {@code @Property(tries =
 * 400, seed = "-1234")}, and run {@code mvn -B -ntp -q -pl runtime -am verify
 * -Dtest=GraphPropertyTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class GraphPropertyTest {

  private static final AtomicLong OPERATIONS = new AtomicLong();
  private static final AtomicLong TRIES = new AtomicLong();

  @Property(tries = 400)
  void everyReadAndEffectRunMatchesTheReferenceModel(@ForAll("scenarios") Scenario scenario) {
    long operations = new Harness(scenario, true, true).run();
    OPERATIONS.addAndGet(operations);
    TRIES.incrementAndGet();
  }

  /**
   * The same checks with faults injected everywhere user code runs: computeds that throw an
   * {@link Error} (cached like an exception), custom equalities that throw (the computed caches
   * that failure until a dependency changes) and read a signal that must not become anybody's
   * dependency, effects that throw an Error or a {@link StackOverflowError} (rethrown to the
   * writer once the round is over: every other effect still runs), cleanups that throw, and an
   * error handler that reads a signal and throws a RuntimeException or an AssertionError. Every
   * check of the first property still holds: values, effect order, justification, laziness,
   * cleanups, and every reported failure reaches the handler.
   */
  @Property(tries = 300)
  void faultsNeverCorruptTheGraph(@ForAll("faultyScenarios") Scenario scenario) {
    long operations = new Harness(scenario, true, true).run();
    OPERATIONS.addAndGet(operations);
    TRIES.incrementAndGet();
  }

  /**
   * The same checks on graphs made of long chains (each computed's first read is the computed
   * created just before it), deeper than the runtime's nested-refresh limit, so that evaluation
   * abandons and retries chain segments. The laziness check that walks the dependency graph on
   * every evaluation is left out here (quadratic on such graphs); the others stay.
   */
  @Property(tries = 20)
  void deepChainsMatchTheReferenceModel(@ForAll("deepScenarios") Scenario scenario) {
    long operations = new Harness(scenario, false, true).run();
    OPERATIONS.addAndGet(operations);
    TRIES.incrementAndGet();
  }

  /**
   * Graphs where a conditional read may refer to any computed, itself included, so that cycles
   * come and go with the values. Reading a node whose evaluation runs into a cycle fails with a
   * CycleException whose {@code cycle()} is a real path of reads; values and effect runs still
   * match the model (which evaluates a cycle to an error), never a StackOverflowError, and the
   * graph recovers when the values break the cycle. Evaluation counts are not checked here: an
   * evaluation that meets a cycle ends early.
   */
  @Property(tries = 300)
  void cyclesFailClearlyAndTheGraphRecovers(@ForAll("cyclicScenarios") Scenario scenario) {
    long operations = new Harness(scenario, false, false).run();
    OPERATIONS.addAndGet(operations);
    TRIES.incrementAndGet();
  }

  /**
   * Reduced from the property: a batch that writes a signal and writes the old value back, with
   * nobody reading in between, changes nothing, so neither the computed nor the effect re-runs.
   */
  @Example
  void writingAValueBackInsideABatchChangesNothing() {
    ReactiveContext context = ReactiveContext.create();
    Signal<Integer> a = context.signal(0);
    AtomicInteger evaluations = new AtomicInteger();
    Computed<Integer> doubled = context.computed(() -> {
      evaluations.incrementAndGet();
      return a.get() * 2;
    });
    AtomicInteger runs = new AtomicInteger();
    Effect effect = context.effect(() -> {
      runs.incrementAndGet();
      a.get();
    });
    Computed<Integer> unwatched = context.computed(() -> a.get() + 1);
    AtomicInteger unwatchedEvaluations = new AtomicInteger();
    Computed<Integer> counted = context.computed(() -> {
      unwatchedEvaluations.incrementAndGet();
      return unwatched.get();
    });
    Effect watching = context.effect(doubled::get);
    counted.get();

    context.batch(() -> {
      a.set(1);
      a.set(0);
    });

    assertEquals(1, runs.get(), "the effect ran again");
    assertEquals(1, evaluations.get(), "the watched computed re-evaluated");
    assertEquals(1, counted.get(), "the value of the unwatched chain");
    assertEquals(1, unwatchedEvaluations.get(), "the unwatched computed re-evaluated");
    effect.close();
    watching.close();
  }

  /**
   * Reduced from the deep-chain property: a computed whose re-evaluation is abandoned because a
   * chain it reads is deeper than the nested-refresh limit keeps its cached value, so an equal
   * result after the retry is cut off and the effect downstream does not run.
   */
  @Example
  void anAbandonedDeepEvaluationKeepsTheEqualityCutOff() {
    ReactiveContext context = ReactiveContext.create();
    Signal<Integer> a = context.signal(0);
    Signal<Integer> head = context.signal(0);
    ReadableSignal<Integer> chain = context.computed(() -> head.get() * 0);
    for (int i = 0; i < 3 * Graph.MAX_NESTED_REFRESHES; i++) {
      ReadableSignal<Integer> below = chain;
      chain = context.computed(below::get);
    }
    ReadableSignal<Integer> top = chain;
    Computed<Integer> sum = context.computed(() -> a.get() * 0 + top.get());
    AtomicInteger runs = new AtomicInteger();
    Effect effect = context.effect(() -> {
      sum.get();
      runs.incrementAndGet();
    });

    context.batch(() -> {
      a.set(1);
      head.set(1);
    });

    assertEquals(1, runs.get(), "the effect ran although the value it read did not change");
    assertEquals(0, sum.get());
    effect.close();
  }

  /**
   * Reduced from the cyclic property: a computed that read a node of a cycle cached the
   * CycleException without depending on that node, so it failed forever, even after the cycle
   * was gone.
   */
  @Example
  void aComputedThatMetACycleRecoversWhenTheCycleIsBroken() {
    ReactiveContext context = ReactiveContext.create();
    Signal<Integer> s = context.signal(0);
    AtomicReference<Computed<Integer>> second = new AtomicReference<>();
    Computed<Integer> first = context.computed(() -> s.get() % 2 == 0 ? second.get().get() : s.get());
    second.set(context.computed(() -> first.get() + 1));
    assertThrows(CycleException.class, first::get);

    s.set(1);

    assertEquals(2, second.get().get());
    assertEquals(1, first.get());
  }

  /**
   * Reduced from the cyclic property: a cycle met while a computed checked its dependencies (not
   * while it computed) left that computed out of the message: "'first' -> 'first'".
   */
  @Example
  void aCycleMetWhileCheckingDependenciesNamesEveryNodeOnIt() {
    ReactiveContext context = ReactiveContext.create();
    Signal<Integer> s = context.signal(1);
    AtomicReference<Computed<Integer>> second = new AtomicReference<>();
    Computed<Integer> first =
        context.computed(() -> s.get() % 2 == 0 ? second.get().get() : s.get()).named("first");
    second.set(context.computed(() -> first.get() + 1).named("second"));
    assertEquals(2, second.get().get());

    s.set(0);

    CycleException cycle = assertThrows(CycleException.class, first::get);
    assertEquals(List.of("Computed 'first'", "Computed 'second'", "Computed 'first'"), cycle.cycle());
  }

  /** Two computeds that read each other first: checking them again after a change terminates. */
  @Example
  void checkingDependenciesAroundACycleTerminates() {
    ReactiveContext context = ReactiveContext.create();
    Signal<Integer> s = context.signal(0);
    AtomicReference<Computed<Integer>> second = new AtomicReference<>();
    Computed<Integer> first = context.computed(() -> second.get().get() + s.get());
    second.set(context.computed(() -> first.get() + s.get()));
    assertThrows(CycleException.class, first::get);

    s.set(1);

    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      assertThrows(CycleException.class, first::get);
      assertThrows(CycleException.class, second.get()::get);
    });
  }

  /** The runtime logs the faulty handler's failures: silenced here, restored afterwards. */
  private static final QuietLogger QUIET = new QuietLogger("dev.statewire");

  @BeforeContainer
  static void silenceHandlerFailureLogs() {
    QUIET.silence();
  }

  @AfterContainer
  static void restoreLogs() {
    QUIET.restore();
  }

  @AfterContainer
  static void reportVolume() {
    System.out.printf(
        "GraphPropertyTest: %d operations in %d tries%n", OPERATIONS.get(), TRIES.get());
  }

  // ---------------------------------------------------------------------------------------
  // Generation: raw genes, resolved against the nodes that exist at each point (shrinks well).

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<List<RawNode>> nodes = rawNode().list().ofMinSize(2).ofMaxSize(20);
    Arbitrary<List<RawOp>> ops = rawOp().list().ofMinSize(10).ofMaxSize(80);
    return Combinators.combine(nodes, ops).as((n, o) -> Scenario.resolve(n, o, Shape.DAG));
  }

  @Provide
  Arbitrary<Scenario> faultyScenarios() {
    Arbitrary<List<RawNode>> nodes = rawNode().list().ofMinSize(2).ofMaxSize(20);
    Arbitrary<List<RawOp>> ops = rawOp().list().ofMinSize(10).ofMaxSize(80);
    return Combinators.combine(nodes, ops).as((n, o) -> Scenario.resolve(n, o, Shape.FAULTY));
  }

  @Provide
  Arbitrary<Scenario> cyclicScenarios() {
    Arbitrary<List<RawNode>> nodes = rawNode().list().ofMinSize(2).ofMaxSize(16);
    Arbitrary<List<RawOp>> ops = rawOp().list().ofMinSize(10).ofMaxSize(60);
    return Combinators.combine(nodes, ops).as((n, o) -> Scenario.resolve(n, o, Shape.CYCLIC));
  }

  @Provide
  Arbitrary<Scenario> deepScenarios() {
    Arbitrary<NodeKind> kind =
        Arbitraries.frequency(
            Tuple.of(1, NodeKind.SIGNAL), Tuple.of(20, NodeKind.COMPUTED), Tuple.of(3, NodeKind.EFFECT));
    Arbitrary<List<RawNode>> nodes = rawNode(kind).list().ofMinSize(600).ofMaxSize(1000);
    Arbitrary<List<RawOp>> ops = rawOp().list().ofMinSize(5).ofMaxSize(25);
    return Combinators.combine(nodes, ops).as((n, o) -> Scenario.resolve(n, o, Shape.DEEP));
  }

  private static Arbitrary<RawNode> rawNode() {
    return rawNode(
        Arbitraries.frequency(
            Tuple.of(3, NodeKind.SIGNAL), Tuple.of(5, NodeKind.COMPUTED), Tuple.of(2, NodeKind.EFFECT)));
  }

  private static Arbitrary<RawNode> rawNode(Arbitrary<NodeKind> kind) {
    Arbitrary<List<Integer>> genes = Arbitraries.integers().between(0, 1000).list().ofMaxSize(4);
    Arbitrary<List<Integer>> conditional = Arbitraries.integers().between(0, 1000).list().ofMaxSize(3);
    Arbitrary<List<Integer>> untracked = Arbitraries.integers().between(0, 1000).list().ofMaxSize(2);
    Arbitrary<Integer> trigger =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(1, 12)));
    Arbitrary<Integer> flags = Arbitraries.integers().between(0, 15);
    Arbitrary<Integer> salt = Arbitraries.integers().between(0, 1000);
    Arbitrary<Integer> faults = Arbitraries.integers().between(0, 15);
    return Combinators.combine(kind, genes, conditional, untracked, trigger, flags, salt, faults)
        .as(RawNode::new);
  }

  private static Arbitrary<RawOp> rawOp() {
    Arbitrary<OpKind> kind =
        Arbitraries.frequency(
            Tuple.of(4, OpKind.WRITE),
            Tuple.of(2, OpKind.UPDATE),
            Tuple.of(3, OpKind.BATCH),
            Tuple.of(3, OpKind.READ),
            Tuple.of(1, OpKind.PEEK),
            Tuple.of(1, OpKind.UNTRACKED),
            Tuple.of(1, OpKind.CLOSE_EFFECT));
    Arbitrary<List<RawInner>> inner = rawInner().list().ofMinSize(1).ofMaxSize(8);
    return Combinators.combine(kind, Arbitraries.integers().between(0, 1000), value(), inner)
        .as(RawOp::new);
  }

  private static Arbitrary<RawInner> rawInner() {
    Arbitrary<OpKind> kind =
        Arbitraries.frequency(
            Tuple.of(4, OpKind.WRITE),
            Tuple.of(2, OpKind.UPDATE),
            Tuple.of(2, OpKind.WRITE_BACK),
            Tuple.of(2, OpKind.READ),
            Tuple.of(1, OpKind.PEEK),
            Tuple.of(1, OpKind.NESTED_BATCH),
            Tuple.of(1, OpKind.CLOSE_EFFECT));
    return Combinators.combine(kind, Arbitraries.integers().between(0, 1000), value())
        .as(RawInner::new);
  }

  /** Mostly small values (frequent equality), sometimes values outside the Integer cache. */
  private static Arbitrary<Integer> value() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.integers().between(0, 20)),
        Tuple.of(1, Arbitraries.integers().between(128, 400)));
  }

  enum NodeKind { SIGNAL, COMPUTED, EFFECT }

  /**
   * DAG: reads refer to earlier nodes. DEEP: a DAG in one long chain (see the deep property).
   * CYCLIC: a computed's conditional read when even may refer to any computed. FAULTY: a DAG
   * whose nodes and error handler inject faults (see the faults property).
   */
  enum Shape { DAG, DEEP, CYCLIC, FAULTY }

  /** Fault bits of a node (FAULTY scenarios only). */
  static final int FAULT_ERROR = 1; // computed, effect, cleanup: throw an Error, not an exception
  static final int FAULT_EQUALITY = 2; // computed with a custom equality: it reads and may throw
  static final int FAULT_FATAL = 4; // effect: throws a StackOverflowError instead
  static final int FAULT_CLEANUP = 8; // effect: its cleanup throws

  /** The value of a {@link Boom} thrown by a custom equality. */
  static final int EQUALITY_FAILURE = -999;

  enum OpKind { WRITE, UPDATE, BATCH, READ, PEEK, UNTRACKED, CLOSE_EFFECT, WRITE_BACK, NESTED_BATCH }

  record RawNode(
      NodeKind kind,
      List<Integer> reads,
      List<Integer> conditional,
      List<Integer> untracked,
      int trigger,
      int flags,
      int salt,
      int faults) {}

  record RawOp(OpKind kind, int target, int value, List<RawInner> inner) {}

  record RawInner(OpKind kind, int target, int value) {}

  // ---------------------------------------------------------------------------------------
  // The resolved scenario: node indices refer to earlier readable nodes.

  /**
   * One node of the DAG. For computeds and effects: {@code reads} are read in order; if {@code
   * condition >= 0} it is read next and then {@code whenEven} or {@code whenOdd} depending on its
   * value; effects also read {@code untracked} without tracking. A computed throws when its
   * result {@code % 13 == trigger} (trigger 0: never); an effect throws after its reads when the
   * sum of what it read {@code % 13 == trigger}.
   */
  record Node(
      int index,
      NodeKind kind,
      int[] reads,
      int condition,
      int[] whenEven,
      int[] whenOdd,
      int[] untracked,
      int trigger,
      boolean customEquality,
      boolean catchesErrors,
      boolean untrackedViaPeek,
      int salt,
      int modulus,
      int initial,
      int writeTarget,
      boolean cleanupViaStatewire,
      int faults,
      int sideRead) {

    Node withWriteTarget(int target) {
      return new Node(index, kind, reads, condition, whenEven, whenOdd, untracked, trigger,
          customEquality, catchesErrors, untrackedViaPeek, salt, modulus, initial, target,
          cleanupViaStatewire, faults, sideRead);
    }

    Node withWhenEven(int[] nodes) {
      return new Node(index, kind, reads, condition, nodes, whenOdd, untracked, trigger,
          customEquality, catchesErrors, untrackedViaPeek, salt, modulus, initial, writeTarget,
          cleanupViaStatewire, faults, sideRead);
    }

    boolean hasFault(int fault) {
      return (faults & fault) != 0;
    }

    /** Whether this node's function may read {@code other}. */
    boolean mayRead(int other) {
      return condition == other
          || Arrays.stream(reads).anyMatch(r -> r == other)
          || Arrays.stream(whenEven).anyMatch(r -> r == other)
          || Arrays.stream(whenOdd).anyMatch(r -> r == other);
    }

    @Override
    public String toString() {
      return switch (kind) {
        case SIGNAL -> "s" + index + "=signal(" + initial + (customEquality ? ", eq=floorDiv4" : "") + ")";
        case COMPUTED ->
            "c" + index + "=computed(reads=" + Arrays.toString(reads) + conditionText()
                + ", mod=" + modulus + ", salt=" + salt
                + (trigger > 0 ? ", throwsWhen%13==" + trigger : "")
                + (catchesErrors ? ", catches" : "")
                + (customEquality ? ", tagged key%4" : "")
                + (hasFault(FAULT_ERROR) ? ", throws an Error" : "")
                + (customEquality && hasFault(FAULT_EQUALITY)
                    ? ", equality reads s" + sideRead + " and throws when (4 old + new + salt)%5==0" : "")
                + ")";
        case EFFECT ->
            "e" + index + "=effect(reads=" + Arrays.toString(reads) + conditionText()
                + (untracked.length > 0 ? ", untracked=" + Arrays.toString(untracked) : "")
                + (untracked.length > 0 ? (untrackedViaPeek ? " via peek" : " via untracked") : "")
                + (writeTarget >= 0 ? ", writes s" + writeTarget : "")
                + (cleanupViaStatewire ? ", Statewire.onCleanup" : "")
                + (trigger > 0 ? ", throwsWhenSum%13==" + trigger : "")
                + (trigger > 0 && hasFault(FAULT_FATAL) ? " a StackOverflowError"
                    : trigger > 0 && hasFault(FAULT_ERROR) ? " an Error" : "")
                + (hasFault(FAULT_CLEANUP) ? ", cleanup throws" : "") + ")";
      };
    }

    private String conditionText() {
      return condition < 0
          ? ""
          : ", if " + condition + " even " + Arrays.toString(whenEven) + " else " + Arrays.toString(whenOdd);
    }
  }

  /** A resolved operation; {@code children} for batches. */
  record Op(OpKind kind, int target, int value, List<Op> children) {
    @Override
    public String toString() {
      return switch (kind) {
        case WRITE -> "s" + target + ".set(" + value + ")";
        case UPDATE -> "s" + target + ".update(+" + value + ")";
        case WRITE_BACK -> "s" + target + ".set(<value at batch start>)";
        case READ -> "n" + target + ".get()";
        case PEEK -> "n" + target + ".peek()";
        case UNTRACKED -> "untracked(n" + target + ".get())";
        case CLOSE_EFFECT -> "e" + target + ".close()";
        case BATCH -> (value % 2 == 0 ? "batch" : "lockBlock") + children;
        case NESTED_BATCH -> "Statewire.batch" + children;
      };
    }
  }

  /**
   * A resolved scenario: the nodes in creation order, the operations, and how the error handler
   * fails (0: never; 1 and 2: on every other report, with a RuntimeException or an
   * AssertionError).
   */
  record Scenario(List<Node> nodes, List<Op> ops, int handlerFault) {

    static Scenario resolve(List<RawNode> rawNodes, List<RawOp> rawOps, Shape shape) {
      boolean deep = shape == Shape.DEEP;
      boolean faulty = shape == Shape.FAULTY;
      List<Node> nodes = new ArrayList<>();
      List<Integer> readable = new ArrayList<>();
      int chainTail = -1;
      List<Integer> signals = new ArrayList<>();
      List<Integer> effects = new ArrayList<>();
      for (RawNode raw : rawNodes) {
        int index = nodes.size();
        NodeKind kind = readable.isEmpty() ? NodeKind.SIGNAL : raw.kind();
        if (deep) {
          // three signals at the root of one long chain; effects only at the end, so that
          // their first run and every write evaluate deep
          kind = index < 3 ? NodeKind.SIGNAL
              : kind == NodeKind.EFFECT && index >= rawNodes.size() * 4 / 5 ? NodeKind.EFFECT
              : NodeKind.COMPUTED;
        }
        List<Integer> conditional = kind == NodeKind.SIGNAL ? List.of() : raw.conditional();
        int condition = conditional.isEmpty() ? -1 : pick(readable, conditional.get(0));
        int[] whenEven = conditional.size() > 1 ? new int[] {pick(readable, conditional.get(1))} : new int[0];
        int[] whenOdd = conditional.size() > 2 ? new int[] {pick(readable, conditional.get(2))} : new int[0];
        Node node =
            new Node(
                index,
                kind,
                kind == NodeKind.SIGNAL ? new int[0] : resolveReads(raw.reads(), readable, deep && kind == NodeKind.COMPUTED ? chainTail : -1),
                condition,
                whenEven,
                whenOdd,
                kind == NodeKind.EFFECT ? raw.untracked().stream().mapToInt(r -> pick(readable, r)).toArray() : new int[0],
                raw.trigger(),
                (raw.flags() & 1) != 0,
                (raw.flags() & 2) != 0,
                (raw.flags() & 4) != 0,
                raw.salt(),
                (raw.flags() & 8) != 0 ? 5 : 257,
                raw.salt() % 21,
                -1,
                kind == NodeKind.EFFECT && (raw.flags() & 1) != 0,
                faulty ? raw.faults() : 0,
                signals.isEmpty() ? -1 : pick(signals, raw.salt() + raw.faults()));
        nodes.add(node);
        switch (kind) {
          case SIGNAL -> {
            readable.add(index);
            signals.add(index);
            chainTail = chainTail < 0 ? index : chainTail;
          }
          case COMPUTED -> {
            readable.add(index);
            chainTail = index;
          }
          case EFFECT -> effects.add(index);
        }
      }
      // A writing effect writes a signal created after it: only later effects can read that,
      // so effect writes flow forward and can never loop (not so with cyclic reads: none there).
      for (int i = 0; i < nodes.size() && shape != Shape.CYCLIC; i++) {
        Node node = nodes.get(i);
        int e = i;
        List<Integer> later = signals.stream().filter(x -> x > e).toList();
        if (node.kind() == NodeKind.EFFECT && (rawNodes.get(i).flags() & 2) != 0 && !later.isEmpty()) {
          nodes.set(i, node.withWriteTarget(pick(later, node.salt())));
        }
      }
      if (shape == Shape.CYCLIC) {
        List<Integer> computeds = readable.stream().filter(x -> !signals.contains(x)).toList();
        for (int i = 0; i < nodes.size(); i++) {
          Node node = nodes.get(i);
          if (node.kind() == NodeKind.COMPUTED && node.whenEven().length > 0) {
            nodes.set(i, node.withWhenEven(new int[] {pick(computeds, rawNodes.get(i).conditional().get(1))}));
          }
        }
      }
      List<Op> ops = new ArrayList<>();
      for (RawOp raw : rawOps) {
        ops.add(resolveTop(raw, readable, signals, effects));
      }
      int handlerFault = faulty ? rawNodes.get(0).faults() % 3 : 0;
      return new Scenario(List.copyOf(nodes), List.copyOf(ops), handlerFault);
    }

    private static Op resolveTop(RawOp raw, List<Integer> readable, List<Integer> signals, List<Integer> effects) {
      return switch (raw.kind()) {
        case WRITE -> new Op(OpKind.WRITE, pick(signals, raw.target()), raw.value(), List.of());
        case UPDATE -> new Op(OpKind.UPDATE, pick(signals, raw.target()), raw.value() % 7 - 3, List.of());
        case READ, PEEK, UNTRACKED -> new Op(raw.kind(), pick(readable, raw.target()), 0, List.of());
        case CLOSE_EFFECT ->
            effects.isEmpty()
                ? new Op(OpKind.READ, pick(readable, raw.target()), 0, List.of())
                : new Op(OpKind.CLOSE_EFFECT, pick(effects, raw.target()), 0, List.of());
        case BATCH -> new Op(OpKind.BATCH, 0, raw.value(), resolveInner(raw.inner(), 0, raw.inner().size(), readable, signals, effects));
        default -> throw new IllegalStateException("not a top-level operation: " + raw.kind());
      };
    }

    /** Resolves inner[from, to); a NESTED_BATCH takes the next (value % 3 + 1) operations. */
    private static List<Op> resolveInner(List<RawInner> inner, int from, int to, List<Integer> readable,
        List<Integer> signals, List<Integer> effects) {
      List<Op> ops = new ArrayList<>();
      int i = from;
      while (i < to) {
        RawInner raw = inner.get(i++);
        switch (raw.kind()) {
          case WRITE, WRITE_BACK -> ops.add(new Op(raw.kind(), pick(signals, raw.target()), raw.value(), List.of()));
          case UPDATE -> ops.add(new Op(OpKind.UPDATE, pick(signals, raw.target()), raw.value() % 7 - 3, List.of()));
          case READ, PEEK -> ops.add(new Op(raw.kind(), pick(readable, raw.target()), 0, List.of()));
          case CLOSE_EFFECT ->
              ops.add(effects.isEmpty()
                  ? new Op(OpKind.READ, pick(readable, raw.target()), 0, List.of())
                  : new Op(OpKind.CLOSE_EFFECT, pick(effects, raw.target()), 0, List.of()));
          case NESTED_BATCH -> {
            int end = Math.min(to, i + raw.value() % 3 + 1);
            ops.add(new Op(OpKind.NESTED_BATCH, 0, 0, resolveInner(inner, i, end, readable, signals, effects)));
            i = end;
          }
          default -> throw new IllegalStateException("not a batch operation: " + raw.kind());
        }
      }
      return ops;
    }

    /** Resolves read genes; a {@code chainTail >= 0} becomes the first read. */
    private static int[] resolveReads(List<Integer> genes, List<Integer> readable, int chainTail) {
      boolean chained = chainTail >= 0;
      int[] reads = new int[chained ? Math.max(1, genes.size()) : genes.size()];
      for (int j = 0; j < reads.length; j++) {
        reads[j] = chained && j == 0 ? chainTail : pick(readable, genes.get(j));
      }
      return reads;
    }

    private static int pick(List<Integer> candidates, int gene) {
      return candidates.get(gene % candidates.size());
    }

    @Override
    public String toString() {
      return "Scenario{\n  handler: " + (handlerFault == 0 ? "never fails" : "throws "
              + (handlerFault == 1 ? "a RuntimeException" : "an AssertionError") + " on every other report")
          + "\n  nodes: "
          + nodes.stream().map(Node::toString).collect(Collectors.joining(",\n         "))
          + "\n  ops:   "
          + ops.stream().map(Op::toString).collect(Collectors.joining(",\n         "))
          + "\n}";
    }
  }

  // ---------------------------------------------------------------------------------------
  // Values.

  /** What reading a node gives: a value, or the error thrown by computed {@code origin}. */
  record Outcome(boolean error, int value, int origin) {
    static Outcome of(int value) {
      return new Outcome(false, value, -1);
    }

    static Outcome failure(Boom boom) {
      return new Outcome(true, boom.value, boom.origin);
    }

    @Override
    public String toString() {
      return error ? "error(from n" + origin + " at " + value + ")" : Integer.toString(value);
    }
  }

  /** The origin of the model's error for a computation that runs into a cycle. */
  static final int CYCLE = -100;

  /** The exception a computed throws by design. */
  static final class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int origin;
    final int value;

    Boom(int origin, int value) {
      super("computed n" + origin + " throws at " + value, null, false, false);
      this.origin = origin;
      this.value = value;
    }

    static Boom find(Throwable thrown) {
      for (Throwable t = thrown; t != null; t = t.getCause()) {
        if (t instanceof Boom boom) {
          return boom;
        }
      }
      return null;
    }
  }

  /** A {@link Boom} thrown as an {@link Error} (by nodes with {@link #FAULT_ERROR}). */
  static final class BoomError extends Error {
    private static final long serialVersionUID = 1L;

    BoomError(Boom boom) {
      super(boom.getMessage(), boom, false, false);
    }
  }

  /** The Error an effect or cleanup with {@link #FAULT_ERROR} throws; reported like any. */
  static final class EffectError extends Error {
    private static final long serialVersionUID = 1L;

    EffectError(int effect) {
      super("effect n" + effect + " throws an Error", null, false, false);
    }
  }

  /** What an effect with {@link #FAULT_FATAL} throws: rethrown to the writer after the round. */
  static final class EffectOverflow extends StackOverflowError {
    private static final long serialVersionUID = 1L;

    EffectOverflow(int effect) {
      super("effect n" + effect + " overflows");
    }
  }

  /** The exception an effect throws by design; it must reach the error handler. */
  static final class EffectBoom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EffectBoom(int effect) {
      super("effect n" + effect + " throws", null, false, false);
    }
  }

  /**
   * The value of a computed with a custom equality: equal when the keys are equal; {@code noise}
   * differs on every evaluation, so only the custom equality can cut propagation off.
   */
  static final class Tagged {
    final int key;
    final int noise;

    Tagged(int key, int noise) {
      this.key = key;
      this.noise = noise;
    }

    static boolean sameKey(Object a, Object b) {
      return ((Tagged) a).key == ((Tagged) b).key;
    }
  }

  static boolean signalEquality(int a, int b) {
    return Math.floorDiv(a, 4) == Math.floorDiv(b, 4);
  }

  /**
   * The function of a computed, shared by the real graph and the model; {@code read} returns a
   * node's value or throws its {@link Boom}. Returns the model-visible value (the key of a
   * tagged value).
   */
  static int compute(Node node, IntUnaryOperator read) {
    long acc = node.salt();
    for (int d : node.reads()) {
      acc = acc * 31 + readInput(node, d, read);
    }
    if (node.condition() >= 0) {
      int c = readInput(node, node.condition(), read);
      for (int d : Math.floorMod(c, 2) == 0 ? node.whenEven() : node.whenOdd()) {
        acc = acc * 31 + readInput(node, d, read);
      }
      acc = acc * 31 + c;
    }
    int result = (int) Math.floorMod(acc, (long) node.modulus());
    if (node.trigger() > 0 && result % 13 == node.trigger()) {
      throw new Boom(node.index(), result);
    }
    return node.customEquality() ? result % 4 : result;
  }

  private static int readInput(Node node, int d, IntUnaryOperator read) {
    if (!node.catchesErrors()) {
      return read.applyAsInt(d);
    }
    try {
      return read.applyAsInt(d);
    } catch (Boom boom) {
      if (boom.origin == CYCLE) {
        throw boom; // the real graph's CycleException is no Boom: nothing catches it
      }
      return -1 - boom.origin;
    }
  }

  // ---------------------------------------------------------------------------------------
  // The harness: drives the real graph and the model side by side.

  enum Phase { IDLE, IN_BATCH, COMMITTING }

  /** What a computed evaluation or an effect run read (tracked), and when it started. */
  record Reading(long time, Map<Integer, Outcome> deps) {}

  record Observation(long time, Outcome outcome) {}

  static final class Harness {
    private final Scenario scenario;
    private final boolean checkDemand;
    private final boolean checkJustified;
    private final boolean[] visiting;
    /** How many computed evaluations are running (nested) right now. */
    private int computing;
    private final Node[] nodes;
    private final ReactiveContext context;
    private final ReadableSignal<?>[] real;
    private final Effect[] effects;

    private final int[] signalValue;
    private long stateVersion;
    private final Outcome[] memo;
    private final long[] memoVersion;

    private long clock;
    private final List<List<Observation>> observations = new ArrayList<>();
    private final Reading[] last;
    /**
     * Per effect, the readings of the runs before one a StackOverflowError aborted: the runtime
     * keeps the links such a run did not reach, so a change to what they read may re-run it.
     */
    private final Map<Integer, List<Reading>> keptAfterFatal = new HashMap<>();
    private final Deque<Integer> readStack = new ArrayDeque<>();
    private final Deque<Map<Integer, Outcome>> frames = new ArrayDeque<>();
    private Phase phase = Phase.IDLE;
    private final List<Integer> runsThisOperation = new ArrayList<>();
    private boolean effectWroteThisOperation;
    private final int[] runCount;
    private final int[] cleanupCount;
    private final boolean[] closed;
    private int noise;
    private int expectedEffectErrors;
    private int reportedEffectErrors;
    /** An effect threw a StackOverflowError in this session: the session's caller must get it. */
    private boolean fatalPending;
    /** Computeds whose custom equality threw in their last evaluation. */
    private final boolean[] equalityFailed;
    private final List<String> violations = new ArrayList<>();
    private String operation = "setup";
    private long operations;

    Harness(Scenario scenario, boolean checkDemand, boolean checkJustified) {
      this.scenario = scenario;
      this.checkDemand = checkDemand;
      this.checkJustified = checkJustified;
      this.nodes = scenario.nodes().toArray(new Node[0]);
      int n = nodes.length;
      this.real = new ReadableSignal<?>[n];
      this.effects = new Effect[n];
      this.signalValue = new int[n];
      this.memo = new Outcome[n];
      this.memoVersion = new long[n];
      this.last = new Reading[n];
      this.runCount = new int[n];
      this.cleanupCount = new int[n];
      this.closed = new boolean[n];
      this.visiting = new boolean[n];
      this.equalityFailed = new boolean[n];
      for (int i = 0; i < n; i++) {
        observations.add(new ArrayList<>());
        memoVersion[i] = -1;
      }
      this.context =
          ReactiveContext.builder()
              .name("property")
              .errorHandler(this::effectErrorReported)
              .lockHoldThreshold(java.time.Duration.ZERO) // a loaded machine may hold it long
              .build();
    }

    long run() {
      // signals, then computeds, then effects: a writing effect writes a signal created after
      // it in the node order, and a cyclic read may refer to a later computed
      for (NodeKind kind : NodeKind.values()) {
        for (Node node : nodes) {
          if (node.kind() == kind) {
            create(node);
          }
        }
      }
      for (Op op : scenario.ops()) {
        operation = op.toString();
        perform(op);
        operations++;
      }
      operation = "closing every effect at the end";
      for (Node node : nodes) {
        if (node.kind() == NodeKind.EFFECT && !closed[node.index()]) {
          closeEffect(node.index());
        }
      }
      return operations;
    }

    // --- creation -------------------------------------------------------------------------

    private void create(Node node) {
      int i = node.index();
      operation = "create " + node;
      switch (node.kind()) {
        case SIGNAL -> {
          signalValue[i] = node.initial();
          observe(i, Outcome.of(node.initial()));
          real[i] =
              node.customEquality()
                  ? context.signal(node.initial(), (Integer a, Integer b) -> signalEquality(a, b))
                  : context.signal(node.initial());
        }
        case COMPUTED ->
            real[i] =
                (node.customEquality()
                    ? context.computed(() -> evaluate(node), (a, b) -> sameTagged(node, a, b))
                    : context.computed(() -> evaluate(node)))
                .named("n" + i);
        case EFFECT -> {
          phase = Phase.COMMITTING;
          session(() -> effects[i] = context.effect(cleanup -> runEffect(node, cleanup)));
          phase = Phase.IDLE;
          if (effects[i] == null) {
            closed[i] = true; // a failed creation closes the effect
            if (cleanupCount[i] != runCount[i]) {
              violations.add("e" + i + " failed to start, but its cleanup did not run");
            }
          }
          verifyCommit(Set.of(i));
        }
      }
      checkViolations();
    }

    // --- operations -----------------------------------------------------------------------

    private void perform(Op op) {
      switch (op.kind()) {
        case WRITE, UPDATE -> {
          phase = Phase.COMMITTING;
          session(() -> write(op, null));
          phase = Phase.IDLE;
          verifyCommit(Set.of());
        }
        case READ, PEEK, UNTRACKED -> readTopLevel(op);
        case CLOSE_EFFECT -> {
          if (!closed[op.target()]) {
            closeEffect(op.target());
          }
        }
        case BATCH -> {
          int[] atStart = signalValue.clone();
          phase = Phase.IN_BATCH;
          if (op.value() % 2 == 0) {
            session(() -> context.batch(
                () -> {
                  performInBatch(op.children(), atStart);
                  phase = Phase.COMMITTING;
                }));
          } else {
            session(() -> {
              try (LockGuard guard = context.enter()) {
                performInBatch(op.children(), atStart);
                phase = Phase.COMMITTING;
              }
            });
          }
          phase = Phase.IDLE;
          verifyCommit(Set.of());
        }
        default -> throw new IllegalStateException("not a top-level operation: " + op);
      }
      checkViolations();
    }

    /**
     * Runs one outermost session (a write, batch, lock block or effect creation). A
     * StackOverflowError an effect threw in it must reach this caller, once the round is over,
     * and nothing else fatal may.
     */
    private void session(Runnable body) {
      try {
        body.run();
      } catch (EffectOverflow fatal) {
        if (!fatalPending) {
          violations.add("the session threw " + fatal + " although no effect threw it in this session");
        }
        fatalPending = false;
        return;
      }
      if (fatalPending) {
        violations.add("an effect threw a StackOverflowError, but the session's caller did not get it");
        fatalPending = false;
      }
    }

    private void performInBatch(List<Op> ops, int[] atStart) {
      for (Op op : ops) {
        operations++;
        switch (op.kind()) {
          case WRITE, UPDATE, WRITE_BACK -> write(op, atStart);
          case READ, PEEK -> readTopLevel(op);
          case NESTED_BATCH -> Statewire.batch(() -> performInBatch(op.children(), atStart));
          case CLOSE_EFFECT -> {
            if (!closed[op.target()]) {
              closeEffect(op.target());
            }
          }
          default -> throw new IllegalStateException("not a batch operation: " + op);
        }
        if (!runsThisOperation.isEmpty()) {
          violations.add("effects " + runsThisOperation + " ran inside a batch, at " + op);
        }
      }
    }

    @SuppressWarnings("unchecked")
    private void write(Op op, int[] atStart) {
      int s = op.target();
      Signal<Integer> signal = (Signal<Integer>) real[s];
      switch (op.kind()) {
        case WRITE -> {
          applyToModel(s, op.value());
          signal.set(op.value());
        }
        case WRITE_BACK -> {
          applyToModel(s, atStart[s]);
          signal.set(atStart[s]);
        }
        case UPDATE -> {
          int before = signalValue[s];
          int proposed = before + op.value();
          applyToModel(s, proposed);
          Integer returned =
              signal.update(
                  current -> {
                    if (current != before) {
                      violations.add("update on s" + s + " saw " + current + ", the model holds " + before);
                    }
                    return current + op.value();
                  });
          if (returned == null || (returned != signalValue[s] && returned != proposed)) {
            violations.add("update on s" + s + " returned " + returned + ", expected " + signalValue[s]);
          }
        }
        default -> throw new IllegalStateException("not a write: " + op);
      }
    }

    private void applyToModel(int s, int value) {
      int current = signalValue[s];
      boolean equal = nodes[s].customEquality() ? signalEquality(current, value) : current == value;
      if (!equal) {
        signalValue[s] = value;
        stateVersion++;
      }
    }

    private void readTopLevel(Op op) {
      ReadMode mode =
          switch (op.kind()) {
            case READ -> ReadMode.GET;
            case PEEK -> ReadMode.PEEK;
            default -> ReadMode.UNTRACKED;
          };
      try {
        read(op.target(), mode);
      } catch (Boom | CycleException expected) {
        // the outcome was compared with the model inside read
      }
    }

    private void closeEffect(int k) {
      effects[k].close();
      closed[k] = true;
      if (!effects[k].isClosed()) {
        violations.add("e" + k + ".isClosed() is false after close()");
      }
      if (cleanupCount[k] != runCount[k]) {
        violations.add("e" + k + " ran " + runCount[k] + " times but " + cleanupCount[k] + " cleanups ran after close()");
      }
      if (!runsThisOperation.isEmpty() && phase != Phase.IN_BATCH) {
        violations.add("effects " + runsThisOperation + " ran during close()");
      }
      checkViolations();
    }

    // --- reads ----------------------------------------------------------------------------

    enum ReadMode { GET, PEEK, UNTRACKED }

    /** Reads node i from the real graph, compares with the model, records the observation. */
    private int read(int i, ReadMode mode) {
      readStack.push(i);
      Outcome got;
      CycleException cycle = null;
      try {
        Object value =
            switch (mode) {
              case GET -> real[i].get();
              case PEEK -> real[i].peek();
              case UNTRACKED -> Statewire.untracked(() -> real[i].get());
            };
        got = Outcome.of(value instanceof Tagged tagged ? tagged.key : (Integer) value);
      } catch (RuntimeException | BoomError e) {
        Boom boom = Boom.find(e);
        cycle = e instanceof CycleException c ? c : null;
        if (boom == null && cycle == null) {
          violations.add("reading n" + i + " threw " + e);
          throw new AssertionError(e);
        }
        got = boom != null ? Outcome.failure(boom) : new Outcome(true, 0, CYCLE);
      } finally {
        readStack.pop();
      }
      if (cycle != null && computing == 0) {
        // outside every computation, the exception has passed through all those on the cycle
        checkCycleIsAPathOfReads(cycle);
      }
      observe(i, got);
      Outcome expected = model(i);
      if (!got.equals(expected)) {
        violations.add(
            "n" + i + "." + mode.name().toLowerCase() + "() gave " + got + ", the model says " + expected
                + (frames.isEmpty() ? "" : " (inside an evaluation)"));
      }
      if (mode == ReadMode.GET && !frames.isEmpty()) {
        frames.peek().putIfAbsent(i, got);
      }
      if (cycle != null) {
        throw cycle;
      }
      if (got.error()) {
        throw new Boom(got.origin(), got.value());
      }
      return got.value();
    }

    /** In the cycle the exception lists, each node may read the next one. */
    private void checkCycleIsAPathOfReads(CycleException cycle) {
      List<String> path = cycle.cycle();
      for (int j = 0; j + 1 < path.size(); j++) {
        int reader = nodeNamed(path.get(j));
        int read = nodeNamed(path.get(j + 1));
        if (reader < 0 || read < 0 || !nodes[reader].mayRead(read)) {
          violations.add("the cycle " + path + " is not a path of reads: " + cycle.getMessage());
          return;
        }
      }
    }

    private static int nodeNamed(String description) {
      int quote = description.indexOf("'n");
      return quote < 0 ? -1 : Integer.parseInt(description.substring(quote + 2, description.length() - 1));
    }

    private void observe(int i, Outcome outcome) {
      observations.get(i).add(new Observation(++clock, outcome));
    }

    // --- the real computed and effect bodies ----------------------------------------------

    private Object evaluate(Node node) {
      int c = node.index();
      if (equalityFailed[c]) {
        equalityFailed[c] = false; // this evaluation replaces the cached failure
        stateVersion++;
      }
      if (checkDemand) {
        checkEvaluationIsDemanded(c);
      }
      if (checkJustified) {
        checkEvaluationIsJustified(c);
      }
      long start = ++clock;
      Map<Integer, Outcome> deps = new LinkedHashMap<>();
      frames.push(deps);
      computing++;
      Outcome outcome;
      try {
        outcome = Outcome.of(compute(node, d -> read(d, ReadMode.GET)));
      } catch (Boom boom) {
        outcome = Outcome.failure(boom);
      } finally {
        computing--;
        frames.pop();
      }
      last[c] = new Reading(start, deps);
      observe(c, outcome);
      if (outcome.error()) {
        throw boom(node, new Boom(outcome.origin(), outcome.value()));
      }
      return node.customEquality() ? new Tagged(outcome.value(), ++noise) : Integer.valueOf(outcome.value());
    }

    /** Returns the Boom for node to throw, or throws it wrapped in an Error (FAULT_ERROR). */
    private static RuntimeException boom(Node node, Boom boom) {
      if (node.hasFault(FAULT_ERROR)) {
        throw new BoomError(boom);
      }
      return boom;
    }

    /**
     * The custom equality of a computed: by key. With {@link #FAULT_EQUALITY} it first reads a
     * signal directly (no harness bookkeeping: the read must not become a dependency of
     * anything, or runs the model cannot justify follow), and throws on some pairs of keys; the
     * computed must then cache that failure until one of its dependencies changes.
     */
    private boolean sameTagged(Node node, Object a, Object b) {
      if (node.hasFault(FAULT_EQUALITY)) {
        real[node.sideRead()].get();
        if (Math.floorMod(((Tagged) a).key * 4 + ((Tagged) b).key + node.salt(), 5) == 0) {
          equalityFailed[node.index()] = true;
          stateVersion++;
          throw boom(node, new Boom(node.index(), EQUALITY_FAILURE));
        }
      }
      return Tagged.sameKey(a, b);
    }

    private void runEffect(Node node, Cleanup cleanup) {
      int k = node.index();
      if (closed[k]) {
        violations.add("e" + k + " ran after close()");
      }
      if (phase != Phase.COMMITTING) {
        violations.add("e" + k + " ran while " + phase + " (effects run only when a commit ends)");
      }
      if (cleanupCount[k] != runCount[k]) {
        violations.add("e" + k + " run " + (runCount[k] + 1) + " started with " + cleanupCount[k] + " cleanups done");
      }
      if (!runsThisOperation.isEmpty() && !effectWroteThisOperation
          && runsThisOperation.get(runsThisOperation.size() - 1) >= k) {
        violations.add("e" + k + " ran after " + runsThisOperation + " with no effect write in between"
            + " (expected creation order, each once)");
      }
      checkEffectRunIsJustified(k);
      List<Reading> kept = keptAfterFatal.remove(k);
      runCount[k]++;
      runsThisOperation.add(k);
      long start = ++clock;
      Map<Integer, Outcome> deps = new LinkedHashMap<>();
      frames.push(deps);
      long sum = 0;
      try {
        sum += compute(effectAsReader(node), d -> readOrFallback(d, ReadMode.GET));
        for (int u : node.untracked()) {
          sum += readOrFallback(u, node.untrackedViaPeek() ? ReadMode.PEEK : ReadMode.UNTRACKED);
        }
      } finally {
        frames.pop();
      }
      Reading before = last[k];
      last[k] = new Reading(start, deps);
      Runnable countCleanup = () -> {
        cleanupCount[k]++;
        if (node.hasFault(FAULT_CLEANUP)) {
          expectedEffectErrors++;
          throwEffectFailure(node);
        }
      };
      if (node.cleanupViaStatewire()) {
        Statewire.onCleanup(countCleanup);
      } else {
        cleanup.add(countCleanup);
      }
      if (node.writeTarget() >= 0) {
        effectWroteThisOperation = true;
        write(new Op(OpKind.WRITE, node.writeTarget(), (int) Math.floorMod(sum + node.salt(), 23L), List.of()), null);
      }
      if (node.trigger() > 0 && Math.floorMod(sum, 13) == node.trigger()) {
        if (node.hasFault(FAULT_FATAL)) {
          // the session's first one goes to its caller, later ones to the handler
          if (fatalPending) {
            expectedEffectErrors++;
          }
          fatalPending = true;
          List<Reading> stillLinked = kept == null ? new ArrayList<>() : kept;
          if (before != null) {
            stillLinked.add(before);
          }
          keptAfterFatal.put(k, stillLinked);
          throw new EffectOverflow(k);
        }
        expectedEffectErrors++;
        throwEffectFailure(node);
      }
    }

    private static void throwEffectFailure(Node node) {
      if (node.hasFault(FAULT_ERROR)) {
        throw new EffectError(node.index());
      }
      throw new EffectBoom(node.index());
    }

    /** An effect reads like a computed that catches its inputs' errors and never throws. */
    private static Node effectAsReader(Node effect) {
      return new Node(effect.index(), NodeKind.COMPUTED, effect.reads(), effect.condition(), effect.whenEven(),
          effect.whenOdd(), new int[0], 0, false, true, false, 0, Integer.MAX_VALUE, 0, -1, false, 0, -1);
    }

    private int readOrFallback(int d, ReadMode mode) {
      try {
        return read(d, mode);
      } catch (Boom boom) {
        return -1 - boom.origin;
      } catch (CycleException cycle) {
        return -1 - CYCLE;
      }
    }

    /**
     * The context's error handler. With a handler fault it reads a signal directly (it must not
     * become a dependency of the failing effect) and throws on every other report.
     */
    private void effectErrorReported(String source, Throwable error) {
      reportedEffectErrors++;
      boolean ours = false;
      for (Throwable t = error; t != null; t = t.getCause()) {
        ours |= t instanceof EffectBoom || t instanceof EffectError || t instanceof EffectOverflow;
      }
      if (!ours) {
        violations.add("error handler got an unexpected error from " + source + ": " + error);
      }
      if (scenario.handlerFault() != 0 && reportedEffectErrors % 2 == 1) {
        real[0].get();
        if (scenario.handlerFault() == 1) {
          throw new IllegalStateException("the error handler fails");
        }
        throw new AssertionError("the error handler fails");
      }
    }

    // --- laziness -------------------------------------------------------------------------

    /** A computed may be evaluated only if it is upstream of what is being read or checked. */
    private void checkEvaluationIsDemanded(int c) {
      Deque<Integer> todo = new ArrayDeque<>(readStack);
      if (phase == Phase.COMMITTING) {
        for (Node node : nodes) {
          if (node.kind() == NodeKind.EFFECT && !closed[node.index()] && last[node.index()] != null) {
            todo.add(node.index());
          }
        }
      }
      Set<Integer> seen = new HashSet<>();
      while (!todo.isEmpty()) {
        int x = todo.pop();
        if (seen.add(x) && last[x] != null) {
          todo.addAll(last[x].deps().keySet());
        }
      }
      if (!seen.contains(c)) {
        violations.add("c" + c + " was evaluated although nothing that depends on it was read (phase " + phase
            + ", reading " + readStack + ")");
      }
    }

    /** A computed may be re-evaluated only if something it read last time has changed. */
    private void checkEvaluationIsJustified(int c) {
      Reading previous = last[c];
      if (previous == null) {
        return;
      }
      for (Map.Entry<Integer, Outcome> dep : previous.deps().entrySet()) {
        if (mayHaveChanged(dep.getKey(), dep.getValue(), previous.time())) {
          return;
        }
      }
      violations.add("c" + c + " was re-evaluated although nothing it read changed: " + previous.deps());
    }

    /** An effect may re-run only if something it read in its previous run may have changed. */
    private void checkEffectRunIsJustified(int k) {
      Reading previous = last[k];
      if (previous == null) {
        return;
      }
      List<Reading> readings = new ArrayList<>(keptAfterFatal.getOrDefault(k, List.of()));
      readings.add(previous);
      for (Reading reading : readings) {
        for (Map.Entry<Integer, Outcome> dep : reading.deps().entrySet()) {
          if (mayHaveChanged(dep.getKey(), dep.getValue(), reading.time())) {
            return;
          }
        }
      }
      violations.add("e" + k + " ran although nothing it read changed: " + previous.deps());
    }

    private boolean definitelyChanged(int d, Outcome seen) {
      return !model(d).equals(seen);
    }

    private boolean mayHaveChanged(int d, Outcome seen, long since) {
      if (definitelyChanged(d, seen) || seen.error()) {
        return true;
      }
      List<Observation> history = observations.get(d);
      for (int j = history.size() - 1; j >= 0 && history.get(j).time() > since; j--) {
        if (!history.get(j).outcome().equals(seen)) {
          return true;
        }
      }
      return false;
    }

    // --- effects after a commit -----------------------------------------------------------

    /**
     * After a commit: every live effect is up to date (what its last run read equals the current
     * values, otherwise it missed a run); an effect created by this operation ran; effect errors
     * reached the handler. Run order and "ran only if something it read changed" are checked as
     * each run starts.
     */
    private void verifyCommit(Set<Integer> created) {
      recordCommittedChanges();
      for (Node node : nodes) {
        int k = node.index();
        if (node.kind() != NodeKind.EFFECT || closed[k] || effects[k] == null) {
          continue;
        }
        if (created.contains(k) && !runsThisOperation.contains(k)) {
          violations.add("e" + k + " did not run when created");
        }
        for (Map.Entry<Integer, Outcome> dep : last[k].deps().entrySet()) {
          if (definitelyChanged(dep.getKey(), dep.getValue())) {
            violations.add("e" + k + " did not run although what it read changed: " + describeChanges(last[k]));
            break;
          }
        }
      }
      runsThisOperation.clear();
      effectWroteThisOperation = false;
      if (expectedEffectErrors != reportedEffectErrors) {
        violations.add(expectedEffectErrors + " effect errors thrown, " + reportedEffectErrors + " reported to the error handler");
      }
      checkViolations();
    }

    /**
     * A commit counts as an observation of each signal whose value differs from the last value
     * observed (read or committed): whoever saw that last value sees a change.
     */
    private void recordCommittedChanges() {
      for (Node node : nodes) {
        int s = node.index();
        List<Observation> history = observations.get(s);
        Outcome committed = Outcome.of(signalValue[s]);
        if (node.kind() == NodeKind.SIGNAL && !history.isEmpty() // empty: not created yet
            && !history.get(history.size() - 1).outcome().equals(committed)) {
          observe(s, committed);
        }
      }
    }

    private String describeChanges(Reading previous) {
      return previous.deps().entrySet().stream()
          .map(e -> "n" + e.getKey() + ": " + e.getValue() + " -> " + model(e.getKey()))
          .collect(Collectors.joining(", "));
    }

    private void checkViolations() {
      if (!violations.isEmpty()) {
        throw new AssertionError("at operation " + operation + ":\n  " + String.join("\n  ", violations));
      }
    }

    // --- the reference model ---------------------------------------------------------------

    /** The value node i has now, recomputed from the signals' values. */
    private Outcome model(int i) {
      Node node = nodes[i];
      if (node.kind() == NodeKind.SIGNAL) {
        return Outcome.of(signalValue[i]);
      }
      if (visiting[i]) {
        return new Outcome(true, 0, CYCLE);
      }
      if (memoVersion[i] != stateVersion) {
        Outcome outcome;
        visiting[i] = true;
        try {
          outcome = equalityFailed[i] && !readingChanged(i)
              ? new Outcome(true, EQUALITY_FAILURE, i)
              : Outcome.of(compute(node, this::modelValueOrThrow));
        } catch (Boom boom) {
          outcome = Outcome.failure(boom);
        } finally {
          visiting[i] = false;
        }
        memo[i] = outcome;
        memoVersion[i] = stateVersion;
      }
      return memo[i];
    }

    /** Whether a value computed node i read in its last evaluation is different now. */
    private boolean readingChanged(int i) {
      for (Map.Entry<Integer, Outcome> dep : last[i].deps().entrySet()) {
        if (!model(dep.getKey()).equals(dep.getValue())) {
          return true;
        }
      }
      return false;
    }

    private int modelValueOrThrow(int i) {
      Outcome outcome = model(i);
      if (outcome.error()) {
        throw new Boom(outcome.origin(), outcome.value());
      }
      return outcome.value();
    }
  }
}
