package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.statewire.processor.Compilations.compile;
import static dev.statewire.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Unusual but legal class shapes: the generated class compiles without a warning. */
class GeneratedShapesTest {

  @Test
  void constructorsWithVarargsCheckedExceptionsAndNamesTheGeneratedCodeAlsoUses() {
    Compilation compilation =
        compile(
            source(
                "test.State",
                "package test;",
                "import dev.statewire.annotation.*;",
                "@Reactive",
                "public class State {",
                "  int context;",
                "  String guard = \"\";",
                "  protected State(String... parts) throws java.io.IOException {",
                "    guard = String.join(\",\", parts);",
                "  }",
                "  State(dev.statewire.ReactiveContext context) { this.context = 1; }",
                "  protected void store(int guard, Object failure) { this.context = guard; }",
                "  public <E extends Exception> int read(E context) throws E {",
                "    return this.context;",
                "  }",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    String generated = Compilations.generated(compilation, "test.ReactiveState");
    assertTrue(
        generated.contains("public ReactiveState(ReactiveContext context, String... parts)"),
        generated);
    assertTrue(
        generated.contains("ReactiveState(ReactiveContext context$2, ReactiveContext context)"),
        generated);
    assertTrue(generated.contains("super.store(guard, failure);"), generated);
    assertTrue(generated.contains("} catch (Throwable failure$2) {"), generated);
  }

  @Test
  void aClassWithItsOwnCloseHasItCalledByTheGeneratedClose() {
    Compilation compilation =
        compile(
            source(
                "test.State",
                "package test;",
                "import dev.statewire.annotation.*;",
                "@Reactive",
                "public class State implements AutoCloseable {",
                "  int count;",
                "  final java.util.List<String> events = new java.util.ArrayList<>();",
                "  @Override public void close() { events.add(\"closed at \" + count); }",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    String generated = Compilations.generated(compilation, "test.ReactiveState");
    assertTrue(
        generated.contains(
            "try {\n      super.close();\n    } finally {\n      stateCore.close();\n    }"),
        generated);
  }

  @Test
  void aReactiveSubclassInAnotherPackageReadsProtectedInheritedFields() {
    Compilation compilation =
        compile(
            source(
                "base.Base",
                "package base;",
                "import dev.statewire.annotation.*;",
                "@Reactive",
                "public abstract class Base {",
                "  protected int shared;",
                "  protected int shared() { return shared; }",
                "  void packageOnly() { shared++; }",
                "}"),
            source(
                "test.Sub",
                "package test;",
                "import dev.statewire.annotation.*;",
                "@Reactive",
                "public class Sub extends base.Base {",
                "  int own;",
                "  @Derived int sum() { return own + shared(); }",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    String generated = Compilations.generated(compilation, "test.ReactiveSub");
    assertTrue(generated.contains("this.sharedSignal = context.intSignal(this.shared)"), generated);
    assertTrue(
        !generated.contains("packageOnly"), "package-private in another package: not overridden");
  }

  @Test
  void aClassNestedTwoLevelsDeepIsNamedAfterEveryEnclosingClass() {
    Compilation compilation =
        compile(
            source(
                "test.Outer",
                "package test;",
                "public class Outer {",
                "  public static class Middle {",
                "    @dev.statewire.annotation.Reactive",
                "    public static class State { int count; }",
                "  }",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    String generated = Compilations.generated(compilation, "test.ReactiveOuter_Middle_State");
    assertTrue(generated.contains("extends Outer.Middle.State implements ReactiveObject"), generated);
  }
}
