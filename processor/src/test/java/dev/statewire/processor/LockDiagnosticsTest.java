package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.statewire.processor.Compilations.compile;
import static dev.statewire.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lock model's diagnostics (SW201, SW202, SW204, SW303, SW305, SW401, SW402, SW403), each at
 * its line, and the code they must accept: Java's scoping of try-with-resources, lambdas, helpers
 * and hidden fields, exactly.
 */
class LockDiagnosticsTest {
  /** The first line of the lines passed to {@link #state}. */
  private static final int FIRST = 10;

  private static final String OUTSIDE_LOCK =
      " outside a lock block, so the write is neither locked nor committed. Move it inside try (var"
          + " self = Statewire.lock(this)) { ... }, or call an action (an overridable method that"
          + " writes) instead.";

  /**
   * A {@code @Reactive class State} with {@code int count} and {@code List<String> items}, then
   * {@code lines} from line {@value #FIRST}.
   */
  private static JavaFileObject state(String... lines) {
    String[] header = {
      "package test;",
      "import dev.statewire.Statewire;",
      "import dev.statewire.annotation.*;",
      "import java.time.Duration;",
      "@Reactive",
      "@SuppressWarnings(\"try\")",
      "public class State {",
      "  int count;",
      "  java.util.List<String> items = new java.util.ArrayList<>();",
    };
    String[] all = new String[header.length + lines.length + 1];
    System.arraycopy(header, 0, all, 0, header.length);
    System.arraycopy(lines, 0, all, header.length, lines.length);
    all[all.length - 1] = "}";
    return source("test.State", all);
  }

  private static JavaFileObject background(String... body) {
    String[] lines = new String[body.length + 3];
    lines[0] = "  @Background";
    lines[1] = "  void tick() {";
    System.arraycopy(body, 0, lines, 2, body.length);
    lines[lines.length - 1] = "  }";
    return state(lines);
  }

  /** The line of the {@code index}th body line of {@link #background}, counting from 0. */
  private static int bodyLine(int index) {
    return FIRST + 2 + index;
  }

  // SW201

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"count = 1;", "count += 2;", "count++;", "--this.count;", "(count) = 3;"})
  void sw201RejectsAWriteOutsideALockBlock(String write) {
    JavaFileObject file = background("    " + write);
    assertThat(compile(file))
        .hadErrorContaining("[SW201] @Background method tick() writes field count" + OUTSIDE_LOCK)
        .inFile(file)
        .onLine(bodyLine(0));
  }

  @Test
  void sw201RejectsWritesInCatchFinallyAndAfterTheLockBlock() {
    JavaFileObject file =
        background(
            "    try (var self = Statewire.lock(this)) {",
            "      count++;",
            "    } catch (RuntimeException e) {",
            "      count = -1;",
            "    } finally {",
            "      count = -2;",
            "    }",
            "    count = 9;");
    Compilation compilation = compile(file);
    for (int line : new int[] {bodyLine(3), bodyLine(5), bodyLine(7)}) {
      assertThat(compilation)
          .hadErrorContaining("[SW201] @Background method tick() writes field count")
          .inFile(file)
          .onLine(line);
    }
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void sw201AcceptsWritesInsideLockBlocksWithReturnBreakAndContinue() {
    JavaFileObject file =
        state(
            "  @Background",
            "  void tick(int count) throws InterruptedException {",
            "    int items = 0;",
            "    items++;",
            "    count++;",
            "    while (true) {",
            "      try (var self = Statewire.lock(this, Duration.ofSeconds(1))) {",
            "        if (this.count > 10) return;",
            "        if (this.count % 2 == 0) { this.count += 1; continue; }",
            "        this.count++;",
            "        if (this.count == 7) break;",
            "      }",
            "      Statewire.sleep(Duration.ofMillis(1));",
            "    }",
            "    try (var first = Statewire.lock(this); var second = Statewire.lock(this)) {",
            "      this.count = 0;",
            "    }",
            "    Statewire.lock(this, () -> this.count = 1);",
            "    Statewire.lock(this, () -> { this.count++; bump(); });",
            "    Statewire.lock(this, this::bump);",
            "    try (var self = Statewire.lock(this)) {",
            "      try { this.count++; } catch (RuntimeException e) { this.count = 0; }",
            "      finally { this.count += 1; }",
            "      switch (this.count) { case 1: this.count = 2; break; default: this.count--; }",
            "    }",
            "    add(2);",
            "    this.add(3);",
            "    lockedBump();",
            "  }",
            "  void add(int by) { this.count += by; }",
            "  private void bump() { this.count++; }",
            "  private void lockedBump() {",
            "    try (var self = Statewire.lock(this)) { bump(); }",
            "  }");
    assertThat(compile(file)).succeededWithoutWarnings();
  }

  @Test
  void sw201RejectsACallToANonOverridableHelperThatWrites() {
    JavaFileObject file =
        state(
            "  @Background",
            "  void tick() {",
            "    reset();",
            "    try (var self = Statewire.lock(this)) { reset(); }",
            "    super.toString();",
            "    finalReset();",
            "  }",
            "  private void reset() { helper(); }",
            "  private void helper() { count = 0; }",
            "  final void finalReset() { count = 0; }");
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContaining(
            "[SW201] @Background method tick() calls reset(), which writes field count (reset() -> helper() -> count = 0), outside a"
                + " lock block, so the write is neither locked nor committed. Call reset() inside"
                + " try (var self = Statewire.lock(this)) { ... }, or make it overridable (not"
                + " private, final or static) so that it runs as an action.")
        .inFile(file)
        .onLine(FIRST + 2);
    assertThat(compilation)
        .hadErrorContaining("[SW201] @Background method tick() calls finalReset(), which writes")
        .inFile(file)
        .onLine(FIRST + 5);
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void sw201RejectsAnActionCalledThroughSuperOutsideALockBlock() {
    JavaFileObject base =
        source(
            "test.Base",
            "package test;",
            "import dev.statewire.annotation.*;",
            "@Reactive",
            "public abstract class Base {",
            "  int count;",
            "  void add() { count++; }",
            "}");
    JavaFileObject file =
        source(
            "test.Sub",
            "package test;",
            "import dev.statewire.annotation.*;",
            "@Reactive",
            "public class Sub extends Base {",
            "  @Override void add() { count += 2; }",
            "  @Background void tick() {",
            "    add();",
            "    super.add();",
            "  }",
            "}");
    assertThat(compile(base, file))
        .hadErrorContaining("[SW201] @Background method tick() calls add(), which writes field count")
        .inFile(file)
        .onLine(8);
  }

  // SW202

  @Test
  void sw202RejectsWritesInLambdasAnonymousAndLocalClassesEvenInsideALockBlock() {
    JavaFileObject file =
        background(
            "    try (var self = Statewire.lock(this)) {",
            "      Runnable later = () -> count++;",
            "      Runnable anonymous = new Runnable() {",
            "        @Override public void run() { count = 2; }",
            "      };",
            "      class Local { void reset() { State.this.count = 0; } }",
            "      new Thread(later).start();",
            "    }");
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContaining(
            "[SW202] @Background method tick() writes field count inside a lambda, which may run"
                + " after the lock is released. Take the lock inside it (try (var self ="
                + " Statewire.lock(this)) { ... }), or call an action (an overridable method that"
                + " writes) from it.")
        .inFile(file)
        .onLine(bodyLine(1));
    assertThat(compilation)
        .hadErrorContaining("[SW202] @Background method tick() writes field count inside an"
            + " anonymous class")
        .inFile(file)
        .onLine(bodyLine(3));
    assertThat(compilation)
        .hadErrorContaining("[SW202] @Background method tick() writes field count inside a local"
            + " class")
        .inFile(file)
        .onLine(bodyLine(5));
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void sw202RejectsHelpersThatWriteCalledFromLambdasAndMethodReferences() {
    JavaFileObject file =
        state(
            "  @Background",
            "  void tick() {",
            "    Runnable viaLambda = () -> reset();",
            "    Runnable viaReference = this::reset;",
            "    Runnable action = this::add;",
            "    Runnable locked = () -> Statewire.lock(this, this::reset);",
            "    Runnable lockedInside = () -> {",
            "      try (var self = Statewire.lock(this)) { count++; }",
            "    };",
            "  }",
            "  void add() { count++; }",
            "  private void reset() { count = 0; }");
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContaining(
            "[SW202] @Background method tick() calls reset(), which writes field count (reset() -> count = 0), from a"
                + " lambda, which may run after the lock is released.")
        .inFile(file)
        .onLine(FIRST + 2);
    assertThat(compilation)
        .hadErrorContaining(
            "[SW202] @Background method tick() calls reset(), which writes field count (reset() -> count = 0), from a"
                + " method reference")
        .inFile(file)
        .onLine(FIRST + 3);
    assertThat(compilation).hadErrorCount(2);
  }

  // SW204

  @Test
  void sw204RejectsALockInsideADerivedMethod() {
    JavaFileObject file =
        state(
            "  @Derived",
            "  int total() {",
            "    try (var self = Statewire.lock(this)) {",
            "      return count;",
            "    }",
            "  }",
            "  @Derived",
            "  int twice() {",
            "    return 2 * locked();",
            "  }",
            "  private int locked() {",
            "    try (var self = Statewire.lock(this)) { return count; }",
            "  }");
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContaining(
            "[SW204] @Derived method total() takes a lock (Statewire.lock(this)); a derived value"
                + " is computed on demand by any reader and must neither lock nor change state."
                + " Remove the lock and only read fields.")
        .inFile(file)
        .onLine(FIRST + 2);
    assertThat(compilation)
        .hadErrorContaining(
            "[SW204] @Derived method twice() calls locked(), which takes a lock (locked() -> Statewire.lock(this));")
        .inFile(file)
        .onLine(FIRST + 8);
    assertThat(compilation).hadErrorCount(2);
  }

  // SW303

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "static void tick() {} | is static | Remove static.",
        "private void tick() {} | is private | Make it package-private, protected or public.",
        "final void tick() {} | is final | Remove final.",
        "int tick() { return 0; } | returns a value | Return void and store the result in a field"
            + " inside a lock block.",
      })
  void sw303RejectsABackgroundMethodOfTheWrongShape(String row) {
    String[] parts = row.split(" \\| ");
    JavaFileObject file = state("  @Background", "  " + parts[0]);
    assertThat(compile(file))
        .hadErrorContaining(
            "[SW303] @Background method tick() "
                + parts[1]
                + "; a background task must be an overridable instance method returning void, so"
                + " that the generated class can start it as a task. "
                + parts[2])
        .inFile(file)
        .onLine(FIRST + 1);
  }

  @Test
  void sw303RejectsAClashWithAGeneratedMethod() {
    JavaFileObject file =
        state("  @Background", "  void tick(int n) {}", "  void startTick(int times) {}");
    assertThat(compile(file))
        .hadErrorContaining(
            "[SW303] @Background method tick(int) needs the generated method startTick(...), but"
                + " the class already has startTick(int);")
        .inFile(file)
        .onLine(FIRST + 1);
  }

  @Test
  void sw303RejectsABackgroundMethodOutsideAReactiveClassOrWithAnotherRole() {
    JavaFileObject plain =
        source(
            "test.Plain",
            "package test;",
            "import dev.statewire.annotation.*;",
            "class Plain {",
            "  @Background void tick() {}",
            "}");
    JavaFileObject file = state("  @Background @Effect", "  void tick() {}");
    Compilation compilation = compile(plain, file);
    assertThat(compilation)
        .hadErrorContaining(
            "[SW303] @Background method tick() is not in a @Reactive class; a background task"
                + " must be an overridable instance method returning void, so that the generated"
                + " class can start it as a task. Annotate its class with @Reactive, or remove"
                + " @Background.")
        .inFile(plain)
        .onLine(4);
    assertThat(compilation)
        .hadErrorContaining("[SW303] @Background method tick() is also @Derived or @Effect;")
        .inFile(file)
        .onLine(FIRST + 1);
    assertThat(compilation).hadErrorCount(2);
  }

  // SW305

  @Test
  void sw305RejectsALockOnAnotherObject() {
    JavaFileObject file =
        state(
            "  void copy(State other) {",
            "    try (var guard = Statewire.lock(other)) {",
            "      other.add();",
            "    }",
            "    try (var self = Statewire.lock(State.this)) { count++; }",
            "    Runnable anonymous = new Runnable() {",
            "      @Override public void run() { Statewire.lock(this, () -> {}); }",
            "    };",
            "  }",
            "  void add() { count++; }");
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContaining(
            "[SW305] Statewire.lock(other) in method copy(State) of State locks another object; a"
                + " lock block may only lock this, the state whose fields it writes. Use"
                + " Statewire.lock(this), or call an action of the other object.")
        .inFile(file)
        .onLine(FIRST + 1);
    assertThat(compilation)
        .hadErrorContaining("[SW305] Statewire.lock(this, ...) in method copy(State) of State")
        .inFile(file)
        .onLine(FIRST + 6);
    assertThat(compilation).hadErrorCount(2);
  }

  // SW401

  @Test
  void sw401WarnsAboutReadsOutsideALockBlock() {
    JavaFileObject file =
        state(
            "  @Background",
            "  void tick() {",
            "    int seen = count;",
            "    try (var self = Statewire.lock(this)) { seen += count; }",
            "    seen += count + peek() + current();",
            "  }",
            "  private int peek() { return count; }",
            "  int current() { return count; }");
    Compilation compilation = compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "[SW401] @Background method tick() reads field count outside a lock block; another"
                + " thread may be changing it, so the value may be stale. Read it inside try (var"
                + " self = Statewire.lock(this)) { ... }, or through an overridable method (a"
                + " tracked read of the committed state).")
        .inFile(file)
        .onLine(FIRST + 2);
    assertThat(compilation)
        .hadWarningContaining(
            "[SW401] @Background method tick() calls peek(), which reads field count (peek() -> count), outside a"
                + " lock block;")
        .inFile(file)
        .onLine(FIRST + 4);
    assertThat(compilation).hadWarningCount(2);
  }

  @Test
  void theWarningsCanBeSuppressedOnTheMethodOrTheClass() {
    JavaFileObject file =
        source(
            "test.Quiet",
            "package test;",
            "import dev.statewire.Statewire;",
            "import dev.statewire.annotation.*;",
            "import java.time.Duration;",
            "@Reactive",
            "@SuppressWarnings({\"try\", \"SW402\"})",
            "public class Quiet {",
            "  int count;",
            "  java.util.List<String> items = new java.util.ArrayList<>();",
            "  @Background",
            "  @SuppressWarnings({\"SW401\", \"SW403\"})",
            "  void tick() {",
            "    int seen = count;",
            "    try (var self = Statewire.lock(this)) {",
            "      items.add(\"x\");",
            "      Statewire.sleep(Duration.ofMillis(1));",
            "    }",
            "  }",
            "}");
    assertThat(compile(file)).succeededWithoutWarnings();
  }

  // SW402

  @Test
  void sw402WarnsAboutArraysAndCollectionsChangedInPlace() {
    JavaFileObject file =
        state(
            "  int[] grid = new int[4];",
            "  dev.statewire.ReactiveList<String> tracked;",
            "  void add(String item) {",
            "    items.add(item);",
            "    this.grid[0] = 1;",
            "    grid[1]++;",
            "    java.util.Collections.sort(items);",
            "    tracked.add(item);",
            "    items = java.util.List.of(item);",
            "  }");
    Compilation compilation = compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "[SW402] method add(String) of State changes field items in place (items.add(...));"
                + " Statewire tracks assignments to fields, not changes inside an array or"
                + " collection, so nothing that depends on items is notified and a rollback cannot"
                + " undo it. Assign a new value (items = ...), or use a ReactiveList, ReactiveMap or"
                + " ReactiveSet for the field.")
        .inFile(file)
        .onLine(FIRST + 3);
    assertThat(compilation)
        .hadWarningContaining("changes field grid in place (grid[...] = ...)")
        .inFile(file)
        .onLine(FIRST + 4);
    assertThat(compilation)
        .hadWarningContaining("changes field grid in place (grid[...]++)")
        .inFile(file)
        .onLine(FIRST + 5);
    assertThat(compilation)
        .hadWarningContaining("changes field items in place (Collections.sort(...))")
        .inFile(file)
        .onLine(FIRST + 6);
    assertThat(compilation).hadWarningCount(4);
  }

  // SW403

  @Test
  void sw403WarnsAboutBlockingInsideALockBlock() {
    JavaFileObject file =
        background(
            "    try (var self = Statewire.lock(this)) {",
            "      count++;",
            "      Statewire.sleep(Duration.ofMillis(5));",
            "    }",
            "    Statewire.sleep(Duration.ofMillis(5));",
            "    java.util.concurrent.CompletableFuture<String> f = new java.util.concurrent.CompletableFuture<>();",
            "    Statewire.lock(this, () -> f.join());",
            "    Runnable later = () -> { try { Thread.sleep(1); } catch (InterruptedException e) {} };");
    Compilation compilation = compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "[SW403] method tick() of State calls Statewire.sleep inside a lock block; it waits"
                + " while holding the context's lock, which stalls every writer of the context."
                + " Move the call after the lock block.")
        .inFile(file)
        .onLine(bodyLine(2));
    assertThat(compilation)
        .hadWarningContaining("[SW403] method tick() of State calls CompletableFuture.join")
        .inFile(file)
        .onLine(bodyLine(6));
    assertThat(compilation).hadWarningCount(2);
  }
}
