package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.statewire.processor.Compilations.compile;
import static dev.statewire.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code var} (and implicitly typed lambda parameters) for classes generated in the same
 * compilation: javac must not attribute such code before the generated classes exist.
 */
class InferredTypesTest {
  private static final JavaFileObject OTHER =
      source(
          "test.Other",
          "package test;",
          "@dev.statewire.annotation.Reactive",
          "public class Other {",
          "  int count;",
          "  public int getCount() { return count; }",
          "  public void increment() { count++; }",
          "}");

  @Test
  void aClassOutsideMayDeclareAVarOfAGeneratedType() {
    JavaFileObject user =
        source(
            "test.User",
            "package test;",
            "class User {",
            "  int m() {",
            "    var o = new ReactiveOther();",
            "    o.increment();",
            "    java.util.List.of(o).forEach(each -> each.increment());",
            "    return o.getCount();",
            "  }",
            "}");
    assertThat(compile(OTHER, user)).succeededWithoutWarnings();
  }

  @Test
  void aLockBlockMayDeclareItsGuardWithVarOnAGeneratedInstance() {
    JavaFileObject user =
        source(
            "test.User",
            "package test;",
            "import dev.statewire.Statewire;",
            "class User {",
            "  void m(ReactiveOther other) throws InterruptedException {",
            "    try (var guard = Statewire.lock(other)) {",
            "      other.increment();",
            "    }",
            "  }",
            "}");
    assertThat(compile(OTHER, user)).succeeded();
  }

  @Test
  void aReactiveClassMayDeclareAVarOfAnotherGeneratedTypeAndIsStillAnalysed() {
    JavaFileObject state =
        source(
            "test.State",
            "package test;",
            "import dev.statewire.annotation.*;",
            "@Reactive",
            "public class State {",
            "  int count;",
            "  int unrelated;",
            "  @Derived int copied() {",
            "    var o = new ReactiveOther();",
            "    return o.getCount() + count;",
            "  }",
            "  void reset() {",
            "    try (var self = dev.statewire.Statewire.lock(this)) {",
            "      count = 0;",
            "    }",
            "  }",
            "}");
    Compilation compilation = compile(OTHER, state);
    assertThat(compilation).succeeded();
    String generated = Compilations.generated(compilation, "test.ReactiveState");
    assertTrue(generated.contains("changes: field {@code count}."), generated);
    assertNoNotes(compilation);
  }

  @Test
  void outsideAccessIsStillReportedAtItsLineInAUnitUsingVarOnAGeneratedType() {
    JavaFileObject user =
        source(
            "test.User",
            "package test;",
            "class User {",
            "  int m() {",
            "    var o = new ReactiveOther();",
            "    o.count = 5;",
            "    return o.count;",
            "  }",
            "}");
    Compilation compilation = compile(OTHER, user);
    assertThat(compilation)
        .hadErrorContaining("[SW205] field count of @Reactive class Other is written from outside")
        .inFile(user)
        .onLine(5);
    assertThat(compilation)
        .hadWarningContaining("[SW206] field count of @Reactive class Other is read from outside")
        .inFile(user)
        .onLine(6);
  }

  @Test
  void classesNeedingEachOthersGeneratedTypeWithVarAreAnalysedFully() {
    JavaFileObject first =
        source(
            "test.First",
            "package test;",
            "@dev.statewire.annotation.Reactive",
            "public class First {",
            "  int count;",
            "  @SuppressWarnings(\"SW206\")",
            "  int fromSecond() { var s = new ReactiveSecond(); return s.size + count; }",
            "}");
    JavaFileObject second =
        source(
            "test.Second",
            "package test;",
            "@dev.statewire.annotation.Reactive",
            "public class Second {",
            "  int size;",
            "  @SuppressWarnings(\"SW206\")",
            "  int fromFirst() { var f = new ReactiveFirst(); return f.count + size; }",
            "}");
    Compilation compilation = compile(first, second);
    assertThat(compilation).succeededWithoutWarnings();
    assertNoNotes(compilation);
    String generated = Compilations.generated(compilation, "test.ReactiveFirst");
    assertTrue(generated.contains("int fromSecond()"), generated);
    assertTrue(generated.contains("{@code count}"), generated);
    assertFalse(generated.contains("{@code size}"), generated);
    Compilations.generated(compilation, "test.ReactiveSecond");
  }

  @Test
  void aCycleWrittenWithExplicitTypesIsAnalysedWithoutANote() {
    JavaFileObject state =
        source(
            "test.State",
            "package test;",
            "@dev.statewire.annotation.Reactive",
            "public class State {",
            "  int count;",
            "  int unrelated;",
            "  public static State create() { State s = new ReactiveState(); return s; }",
            "  @dev.statewire.annotation.Derived int doubled() { return count * 2; }",
            "}");
    Compilation compilation = compile(state);
    assertThat(compilation).succeededWithoutWarnings();
    assertNoNotes(compilation);
    String generated = Compilations.generated(compilation, "test.ReactiveState");
    assertTrue(generated.contains("changes: field {@code count}."), generated);
  }

  @Test
  void aChainOfGeneratedTypesDeclaredWithVarIsGeneratedOneRoundPerLink() {
    JavaFileObject first =
        source(
            "test.First",
            "package test;",
            "@dev.statewire.annotation.Reactive",
            "public class First {",
            "  int count;",
            "  int fromSecond() { var s = new ReactiveSecond(); return s.fromOther() + count; }",
            "}");
    JavaFileObject second =
        source(
            "test.Second",
            "package test;",
            "@dev.statewire.annotation.Reactive",
            "public class Second {",
            "  int size;",
            "  public int fromOther() { var o = new ReactiveOther(); return o.getCount() + size; }",
            "}");
    Compilation compilation = compile(first, second, OTHER);
    assertThat(compilation).succeeded();
    assertNoNotes(compilation);
    String generated = Compilations.generated(compilation, "test.ReactiveFirst");
    assertTrue(generated.contains("int fromSecond()"), generated);
  }

  @Test
  void aClassDeclaringItsOwnGeneratedTypeWithVarIsAnalysedFully() {
    JavaFileObject state =
        source(
            "test.State",
            "package test;",
            "@dev.statewire.annotation.Reactive",
            "public class State {",
            "  int count;",
            "  public static State create() { var s = new ReactiveState(); return s; }",
            "  @dev.statewire.annotation.Background void tick() { count++; }",
            "}");
    Compilation compilation = compile(state);
    assertThat(compilation)
        .hadErrorContaining("[SW201] @Background method tick() writes field count outside a lock")
        .inFile(state)
        .onLine(6);
    assertNoNotes(compilation);
  }

  /**
   * A class using the factory habit, a cast to its generated type and implicit lambda
   * parameters, with {@code taskBody} as the body of its task (line 16).
   */
  private static JavaFileObject jobMonitor(String taskBody) {
    return source(
        "test.JobMonitor",
        "package test;",
        "import dev.statewire.annotation.*;",
        "import java.util.List;",
        "@Reactive",
        "public class JobMonitor {",
        "  int done;",
        "  static JobMonitor create() { return new ReactiveJobMonitor(); }",
        "  public int getDone() { return done; }",
        "  int plus(List<Integer> values) {",
        "    int[] n = {0};",
        "    values.forEach(v -> n[0] += v);",
        "    return n[0] + done;",
        "  }",
        "  void restart() { ((ReactiveJobMonitor) this).startWork(); }",
        "  @Background void work() {",
        "    " + taskBody,
        "  }",
        "}");
  }

  /** Ordinary idioms naming the generated type keep every check. */
  @Test
  void ordinaryIdiomsNamingTheGeneratedTypeKeepEveryCheck() {
    JavaFileObject monitor = jobMonitor("done++;");
    Compilation compilation = compile(monitor);
    assertThat(compilation)
        .hadErrorContaining("[SW201] @Background method work() writes field done outside a lock")
        .inFile(monitor)
        .onLine(16);
    assertThat(compilation).hadErrorCount(1);
    assertNoNotes(compilation);
  }

  /** Naming the generated type does not make every method an action (getters stay getters). */
  @Test
  void aClassNamingItsGeneratedTypeKeepsItsGettersAndTrackedReads() {
    Compilation compilation =
        compile(jobMonitor("try (var self = dev.statewire.Statewire.lock(this)) { done++; }"));
    assertThat(compilation).succeeded();
    assertNoNotes(compilation);
    String generated = Compilations.generated(compilation, "test.ReactiveJobMonitor");
    assertTrue(generated.contains("return doneSignal.peekInt();"), generated);
    assertTrue(generated.contains("Tracked read of {@code done}"), generated);
    assertFalse(generated.contains("void restart()"), generated);
  }

  private static void assertNoNotes(Compilation compilation) {
    assertFalse(
        compilation.diagnostics().stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.NOTE),
        compilation.diagnostics().toString());
  }
}
