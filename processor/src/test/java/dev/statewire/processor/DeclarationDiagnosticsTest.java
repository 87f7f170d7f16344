package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.statewire.processor.Compilations.compile;
import static dev.statewire.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SW101, SW102, SW301 and SW302: declarations the processor rejects, each at its line. */
class DeclarationDiagnosticsTest {

  private static void assertError(JavaFileObject file, int line, String message) {
    Compilation compilation = compile(file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(line);
    assertThat(compilation).hadErrorCount(1);
  }

  @ParameterizedTest(name = "@Reactive {0}")
  @CsvSource({"interface, interface", "enum, enum", "record, record", "@interface, annotation type"})
  void sw101RejectsTypesThatAreNotClasses(String keyword, String kind) {
    String body =
        keyword.equals("record")
            ? "(int count) {}"
            : keyword.equals("interface")
                ? " { @dev.statewire.annotation.Derived default int total() { return 1; } }"
                : " {}";
    JavaFileObject file =
        source(
            "test.State",
            "package test;",
            "@dev.statewire.annotation.Reactive",
            "public " + keyword + " State" + body);
    assertError(
        file,
        3,
        "[SW101] @Reactive " + kind + " State cannot be reactive state: only a class can,"
            + " because Statewire generates a subclass of it. Make State a class.");
  }

  @Test
  void sw101RejectsAFinalClass() {
    JavaFileObject file =
        source(
            "test.State",
            "package test;",
            "@dev.statewire.annotation.Reactive",
            "public final class State {",
            "  int count;",
            "}");
    assertError(
        file,
        3,
        "[SW101] @Reactive class State is final, so the generated ReactiveState cannot extend"
            + " it. Remove final.");
  }

  @Test
  void sw101RejectsAPrivateNestedClass() {
    JavaFileObject file =
        source(
            "test.Outer",
            "package test;",
            "public class Outer {",
            "  @dev.statewire.annotation.Reactive",
            "  private static class State {",
            "    int count;",
            "  }",
            "}");
    assertError(
        file,
        4,
        "[SW101] @Reactive class State is private, so the generated ReactiveOuter_State cannot"
            + " extend it. Make it package-private or public.");
  }

  @Test
  void sw101RejectsAnInnerClass() {
    JavaFileObject file =
        source(
            "test.Outer",
            "package test;",
            "public class Outer {",
            "  @dev.statewire.annotation.Reactive",
            "  class State {",
            "    int count;",
            "  }",
            "}");
    assertError(
        file,
        4,
        "[SW101] @Reactive class State is an inner (non-static) class, so the generated"
            + " ReactiveOuter_State cannot extend it. Make it a static nested class.");
  }

  /**
   * javac hands annotated local classes to no processor, so they are found by scanning the
   * sources of a round in which the processor runs (here, for the enclosing reactive class).
   */
  @Test
  void sw101RejectsALocalClass() {
    JavaFileObject file =
        source(
            "test.Outer",
            "package test;",
            "@dev.statewire.annotation.Reactive public class Outer {",
            "  void run() {",
            "    @dev.statewire.annotation.Reactive",
            "    class State {",
            "      int count;",
            "    }",
            "  }",
            "}");
    assertError(
        file,
        5,
        "[SW101] @Reactive class State is a local or anonymous class, which a generated class"
            + " cannot extend. Make it a top-level or static nested class.");
  }

  @Test
  void sw101RejectsAClassWithOnlyPrivateConstructors() {
    JavaFileObject file =
        source(
            "test.State",
            "package test;",
            "@dev.statewire.annotation.Reactive",
            "public class State {",
            "  int count;",
            "  private State() {}",
            "}");
    assertError(
        file,
        3,
        "[SW101] @Reactive class State has no non-private constructor for the generated"
            + " ReactiveState to call. Add a package-private or public constructor.");
  }

  @Test
  void sw102RejectsAPrivateReactiveField() {
    JavaFileObject file =
        source(
            "test.State",
            "package test;",
            "@dev.statewire.annotation.Reactive",
            "public class State {",
            "  int visible;",
            "  private int count;",
            "  private final int constant = 1;",
            "  private static int shared;",
            "}");
    assertError(
        file,
        5,
        "[SW102] reactive field count of State is private, so the generated class cannot read"
            + " it. Make it package-private, or make it final or static if it is not state.");
  }

  @Test
  void sw102RejectsAnInheritedPackagePrivateFieldFromAnotherPackage() {
    JavaFileObject base =
        source(
            "base.Base",
            "package base;",
            "@dev.statewire.annotation.Reactive",
            "public abstract class Base {",
            "  int hidden;",
            "  protected int shown;",
            "}");
    JavaFileObject sub =
        source(
            "test.Sub",
            "package test;",
            "@dev.statewire.annotation.Reactive",
            "public class Sub extends base.Base {",
            "  int own;",
            "}");
    Compilation compilation = compile(base, sub);
    assertThat(compilation)
        .hadErrorContaining(
            "[SW102] reactive field hidden of Base is package-private in another package, so the"
                + " class generated for Sub cannot read it. Make it protected.")
        .inFile(sub)
        .onLine(3);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "static int total() { return 0; } | is static | Remove static.",
        "private int total() { return 0; } | is private | Make it package-private, protected or"
            + " public.",
        "final int total() { return 0; } | is final | Remove final.",
        "void total() {} | returns void | Return the derived value, or make the method an @Effect"
            + " if it is a side effect.",
        "int total(int base) { return base; } | has parameters | Remove the parameters and read"
            + " fields instead.",
        "int total() throws Exception { return 0; } | declares a checked exception | Catch the"
            + " exception inside the method, or wrap it in an unchecked exception.",
        "@dev.statewire.annotation.Effect int total() { return 0; } | is also @Effect | Keep only"
            + " one of @Derived and @Effect.",
      })
  void sw301RejectsMisshapenDerivedMethods(String declaration, String problem, String fix) {
    JavaFileObject file =
        source(
            "test.State",
            "package test;",
            "@dev.statewire.annotation.Reactive",
            "public class State {",
            "  int count;",
            "  @dev.statewire.annotation.Derived",
            "  " + declaration,
            "}");
    String name = declaration.contains("int base") ? "total(int)" : "total()";
    assertError(
        file,
        6,
        "[SW301] @Derived method " + name + " " + problem + "; a derived value must be an"
            + " overridable, parameterless instance method that returns a value. " + fix);
  }

  @Test
  void sw301RejectsDerivedOutsideAReactiveClass() {
    JavaFileObject file =
        source(
            "test.Plain",
            "package test;",
            "public class Plain {",
            "  int count;",
            "  @dev.statewire.annotation.Derived",
            "  int total() { return count; }",
            "}");
    assertError(
        file,
        5,
        "[SW301] @Derived method total() is not in a @Reactive class; a derived value must be an"
            + " overridable, parameterless instance method that returns a value. Annotate its"
            + " class with @Reactive, or remove @Derived.");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "static void log() {} | is static | Remove static.",
        "private void log() {} | is private | Make it package-private, protected or public.",
        "final void log() {} | is final | Remove final.",
        "int log() { return 0; } | returns a value | Return void, or make the method @Derived if"
            + " it computes a value.",
        "void log(int level) {} | has parameters | Remove the parameters and read fields"
            + " instead.",
      })
  void sw302RejectsMisshapenEffects(String declaration, String problem, String fix) {
    JavaFileObject file =
        source(
            "test.State",
            "package test;",
            "@dev.statewire.annotation.Reactive",
            "public class State {",
            "  int count;",
            "  @dev.statewire.annotation.Effect",
            "  " + declaration,
            "}");
    String name = declaration.contains("int level") ? "log(int)" : "log()";
    assertError(
        file,
        6,
        "[SW302] @Effect method " + name + " " + problem + "; an effect must be an overridable,"
            + " parameterless instance method returning void. " + fix);
  }

  @Test
  void sw302RejectsAnEffectOutsideAReactiveClass() {
    JavaFileObject file =
        source(
            "test.Plain",
            "package test;",
            "public class Plain {",
            "  @dev.statewire.annotation.Effect",
            "  void log() {}",
            "}");
    assertError(
        file,
        4,
        "[SW302] @Effect method log() is not in a @Reactive class; an effect must be an"
            + " overridable, parameterless instance method returning void. Annotate its class"
            + " with @Reactive, or remove @Effect.");
  }
}
