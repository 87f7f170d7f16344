package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.statewire.processor.Compilations.compile;
import static dev.statewire.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SW203, SW205, SW206 and SW304: what the body analysis rejects, each at its line. */
class BodyDiagnosticsTest {
  private static final String DERIVED_WRITES =
      "; a derived value must not change state. Move the write into a method that is not"
          + " @Derived (an action).";

  /** A {@code @Reactive class State} with {@code int count} on line 5 and {@code lines} after it. */
  private static JavaFileObject state(String... lines) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "package test;",
                "import dev.statewire.annotation.*;",
                "@Reactive",
                "public class State {",
                "  int count;"));
    all.addAll(List.of(lines));
    all.add("}");
    return source("test.State", all.toArray(new String[0]));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"count = 1;", "count += 1;", "count++;", "--this.count;", "(count) = 2;"})
  void sw203RejectsADerivedMethodThatWritesAField(String write) {
    JavaFileObject file =
        state("  @Derived", "  int total() {", "    " + write, "    return count;", "  }");
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContaining("[SW203] @Derived method total() writes field count" + DERIVED_WRITES)
        .inFile(file)
        .onLine(8);
  }

  @Test
  void sw203RejectsAWriteInsideALambdaOfADerivedMethod() {
    JavaFileObject file =
        state(
            "  @Derived",
            "  int total() {",
            "    Runnable reset = () -> count = 0;",
            "    reset.run();",
            "    return count;",
            "  }");
    assertThat(compile(file))
        .hadErrorContaining("[SW203] @Derived method total() writes field count" + DERIVED_WRITES)
        .inFile(file)
        .onLine(8);
  }

  @Test
  void sw203RejectsADerivedMethodThatWritesThroughAHelper() {
    JavaFileObject file =
        state(
            "  @Derived",
            "  int total() {",
            "    reset();",
            "    return count;",
            "  }",
            "  private void reset() { bump(); }",
            "  private void bump() { count++; }");
    assertThat(compile(file))
        .hadErrorContaining(
            "[SW203] @Derived method total() calls reset(), which writes field count (reset() -> bump() -> count++); a derived"
                + " value must not change state. Move the call into a method that is not @Derived"
                + " (an action).")
        .inFile(file)
        .onLine(8);
  }

  @Test
  void sw203RejectsADerivedMethodThatCallsAnAction() {
    JavaFileObject file =
        state(
            "  @Derived",
            "  int total() {",
            "    this.increment(2);",
            "    return count;",
            "  }",
            "  void increment(int by) { count += by; }");
    assertThat(compile(file))
        .hadErrorContaining("[SW203] @Derived method total() calls increment(int), which writes")
        .inFile(file)
        .onLine(8);
  }

  @Test
  void sw203IgnoresLocalsThatHideFieldsAndOtherObjectsPlainFields() {
    JavaFileObject file =
        state(
            "  static class Counter { int hits; }",
            "  final Counter counter = new Counter();",
            "  @Derived",
            "  int total() {",
            "    int count = 3;",
            "    count++;",
            "    counter.hits++;",
            "    return count + this.count;",
            "  }",
            "  @Derived",
            "  int twice(/* a parameter would be SW301 */) {",
            "    java.util.function.IntUnaryOperator f = count -> count * 2;",
            "    return f.applyAsInt(total());",
            "  }");
    assertThat(compile(file)).succeededWithoutWarnings();
  }

  @Test
  void sw304RejectsDerivedMethodsCallingEachOtherInACycle() {
    JavaFileObject file =
        state(
            "  @Derived",
            "  int a() { return b() + count; }",
            "  @Derived",
            "  int b() { return helper(); }",
            "  private int helper() { return c(); }",
            "  @Derived",
            "  int c() { return a(); }");
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContaining(
            "[SW304] @Derived methods call each other in a cycle: a() -> b() -> helper() -> c() -> a(); a"
                + " derived value cannot depend on itself. Break the cycle, for example by moving"
                + " the shared part into a helper that neither calls.")
        .inFile(file)
        .onLine(7);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void sw304RejectsARecursiveDerivedMethod() {
    JavaFileObject file =
        state("  @Derived", "  int depth() { return count > 0 ? depth() : 0; }");
    assertThat(compile(file))
        .hadErrorContaining("[SW304] @Derived methods call each other in a cycle: depth() ->"
            + " depth();")
        .inFile(file)
        .onLine(7);
  }

  @Test
  void sw205RejectsAWriteFromOutsideTheClass() {
    JavaFileObject other =
        source(
            "test.Other",
            "package test;",
            "class Other {",
            "  void poke(State state) {",
            "    state.count = 5;",
            "  }",
            "}");
    Compilation compilation = compile(state(), other);
    assertThat(compilation)
        .hadErrorContaining(
            "[SW205] field count of @Reactive class State is written from outside its class,"
                + " which bypasses its tracking and its lock. Call a method of State that writes"
                + " it (an action, for example a setter) instead.")
        .inFile(other)
        .onLine(4);
  }

  @Test
  void sw205RejectsAWriteToAnotherInstanceInsideTheClass() {
    JavaFileObject file = state("  void copyTo(State other) {", "    other.count++;", "  }");
    assertThat(compile(file))
        .hadErrorContaining(
            "[SW205] field count of @Reactive class State is written through another reference,"
                + " which bypasses its tracking and its lock. Call a method of State that writes"
                + " it (an action, for example a setter) instead.")
        .inFile(file)
        .onLine(7);
  }

  @Test
  void sw206WarnsAboutAReadFromOutsideTheClass() {
    JavaFileObject other =
        source(
            "test.Other",
            "package test;",
            "class Other {",
            "  int peek(State state) {",
            "    return state.count;",
            "  }",
            "  @SuppressWarnings(\"SW206\")",
            "  int peekQuietly(State state) {",
            "    return state.count;",
            "  }",
            "}");
    Compilation compilation = compile(state(), other);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "[SW206] field count of @Reactive class State is read from outside its class; the"
                + " read is not tracked and may see uncommitted state. Call a method of State that"
                + " returns it (for example a getter) instead.")
        .inFile(other)
        .onLine(4);
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void sw206DoesNotWarnAboutReadsInsideTheClassOrOnThis() {
    JavaFileObject file =
        state(
            "  @Override public boolean equals(Object o) {",
            "    return o instanceof State && ((State) o).count == count;",
            "  }",
            "  @Override public int hashCode() { return count; }");
    assertThat(compile(file)).succeededWithoutWarnings();
  }
}
