package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.statewire.processor.Compilations.compile;
import static dev.statewire.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Legal Java shapes of a {@code @Reactive} class that once gave javac errors inside the
 * generated code: each now generates code that compiles without a warning, or gets exactly one
 * SW error on the user's declaration.
 */
class LegalShapesTest {

  private static String compiledWithoutWarnings(String generated, JavaFileObject... sources) {
    Compilation compilation = compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    return Compilations.generated(compilation, generated);
  }

  private static void assertOnlyError(JavaFileObject file, int line, String message) {
    Compilation compilation = compile(file);
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLine(line);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void userMembersNamedLikeTheGeneratedOnesGetOtherGeneratedNames() {
    String generated =
        compiledWithoutWarnings(
            "test.ReactiveCounter",
            source(
                "test.Counter",
                "package test;",
                "import dev.statewire.annotation.*;",
                "@Reactive",
                "public class Counter {",
                "  int core;",
                "  int tasks;",
                "  int stateCore;",
                "  int coreSignal;",
                "  int $$sw$core;",
                "  @Derived int total() { return core + tasks + stateCore + coreSignal; }",
                "  public int computeTotal(int extra) { return extra; }",
                "  public void commitFields() {}",
                "  protected void restoreFields(String reason) {}",
                "  @Background void tick() {}",
                "  void bump() { core++; tasks++; }",
                "}"));
    assertTrue(generated.contains("private final StateCore stateCore$2;"), generated);
    assertTrue(generated.contains("private final BackgroundTasks tasks$2;"), generated);
    assertTrue(generated.contains("private final IntSignal coreSignal$2;"), generated);
    assertTrue(generated.contains("private void commitFields$2()"), generated);
    assertTrue(generated.contains("private int computeTotal$2()"), generated);
  }

  @Test
  void parametersNamedLikeGeneratedFieldsDoNotHideThem() {
    String generated =
        compiledWithoutWarnings(
            "test.ReactiveCounter",
            source(
                "test.Counter",
                "package test;",
                "import dev.statewire.annotation.*;",
                "@Reactive",
                "public class Counter {",
                "  int count;",
                "  Counter(int stateCore) { count = stateCore; }",
                "  void set(int stateCore) { count = stateCore; }",
                "  int plus(int countSignal) { return count + countSignal; }",
                "}"));
    assertTrue(generated.contains("if (stateCore$2 == null) {"), generated);
    assertTrue(generated.contains("countSignal$2.getInt();\n    return super.plus(countSignal);"), generated);
  }

  @Test
  void aFieldHiddenByASubclassFieldIsReachedThroughACastToItsClass() {
    String generated =
        compiledWithoutWarnings(
            "test.ReactiveSub",
            source(
                "test.Base",
                "package test;",
                "import dev.statewire.annotation.*;",
                "@Reactive",
                "public abstract class Base<T> {",
                "  T value;",
                "  int count;",
                "  int baseCount() { return count; }",
                "}"),
            source(
                "test.Sub",
                "package test;",
                "import dev.statewire.annotation.*;",
                "@Reactive",
                "public class Sub extends Base<String> {",
                "  int count;",
                "  void bump() { count++; super.count += 2; value = \"x\"; }",
                "}"));
    assertTrue(generated.contains("((Base<String>) this).count = countSignal.peekInt();"), generated);
    assertTrue(generated.contains("((Sub) this).count = countSignal$2.peekInt();"), generated);
    assertTrue(generated.contains("stateCore.publish(valueSignal, value);"), generated);
    assertTrue(
        generated.contains(
            "StateField.of(\"Base.count\", \"int\", StateCodecs.INT, countSignal,\n"
                + "            value -> stateCore.runAction(() -> ((Base<String>) this).count = value))"),
        generated);
    assertTrue(generated.contains("StateField.of(\"Sub.count\", \"int\", StateCodecs.INT, countSignal$2,"),
        generated);
  }

  @Test
  void nestedUserTypesNamedLikeRuntimeOrJavaLangTypesDoNotShadowThem() {
    String generated =
        compiledWithoutWarnings(
            "test.ReactiveJob",
            source(
                "test.Job",
                "package test;",
                "import dev.statewire.annotation.*;",
                "import java.util.concurrent.CompletionStage;",
                "@Reactive",
                "public class Job {",
                "  record Task(java.lang.String name) {}",
                "  enum Signal { GO }",
                "  record Duration(int ms) {}",
                "  record Resource(int id) {}",
                "  record Computed() {}",
                "  record ReactiveContext() {}",
                "  record StateCore() {}",
                "  record CommitSafety() {}",
                "  record Objects() {}",
                "  record Set() {}",
                "  record Generated() {}",
                "  record Override() {}",
                "  record String() {}",
                "  record Integer() {}",
                "  Task task = new Task(\"first\");",
                "  int count;",
                "  @Derived int twice() { return count * 2; }",
                "  @Derived CompletionStage<java.lang.String> label() { return null; }",
                "  @Effect void print() { System.out.println(count); }",
                "  @Background void tick() {}",
                "  void rename(java.lang.String name) { task = new Task(name); count++; }",
                "}"));
    assertTrue(generated.contains("private final dev.statewire.Signal<Job.Task> taskSignal;"), generated);
    assertTrue(generated.contains("tasks.close(java.time.Duration.ofSeconds(5));"), generated);
    assertTrue(generated.contains("@java.lang.Override"), generated);
  }

  @Test
  void aCloseDeclaringIOExceptionRunsFirstAndPassesItsExceptionThrough() {
    String generated =
        compiledWithoutWarnings(
            "test.ReactiveFile",
            source(
                "test.File",
                "package test;",
                "import dev.statewire.annotation.*;",
                "@Reactive",
                "public class File implements java.io.Closeable {",
                "  boolean open = true;",
                "  @Override public void close() throws java.io.IOException { open = false; }",
                "}"));
    assertTrue(
        generated.contains(
            "StateCore.runPassingThrough(() -> stateCore.runAction(() -> super.close()));"),
        generated);
  }

  @Test
  void constructorTypeVariablesAreCopied() {
    String generated =
        compiledWithoutWarnings(
            "test.ReactiveSeeded",
            source(
                "test.Seeded",
                "package test;",
                "import dev.statewire.annotation.*;",
                "@Reactive",
                "public class Seeded {",
                "  String text;",
                "  public <S extends CharSequence> Seeded(S seed) { text = seed.toString(); }",
                "}"));
    assertTrue(
        generated.contains("public <S extends CharSequence> ReactiveSeeded(S seed)"), generated);
  }

  @Test
  void aFieldWithAWildcardTypeGetsASignalOfExactlyThatType() {
    String generated =
        compiledWithoutWarnings(
            "test.ReactiveNumbers",
            source(
                "test.Numbers",
                "package test;",
                "import dev.statewire.annotation.*;",
                "import java.util.List;",
                "@Reactive",
                "public class Numbers {",
                "  List<? extends Number> values = List.of();",
                "  void set(List<? extends Number> values) { this.values = values; }",
                "  List<? extends Number> values() { return values; }",
                "  @Derived List<? super Integer> sink() { return null; }",
                "}"));
    assertTrue(
        generated.contains("context.<List<? extends Number>>signal(this.values)"), generated);
    assertTrue(
        generated.contains("context.<List<? super Integer>>computed(this::computeSink)"),
        generated);
  }

  @Test
  void aConstructorTakingAContextBesideOneWithoutIsSw101() {
    assertOnlyError(
        source(
            "test.State",
            "package test;",
            "import dev.statewire.annotation.*;",
            "@Reactive",
            "public class State {",
            "  int count;",
            "  State() {}",
            "  State(dev.statewire.ReactiveContext context) {}",
            "}"),
        7,
        "[SW101] constructor State(ReactiveContext) takes a ReactiveContext first, so the"
            + " generated ReactiveState would get two constructors with one signature: the one"
            + " calling State(ReactiveContext) and the one placing State() in a given context.");
  }

  @Test
  void aFieldOfAPrivateNestedTypeIsSw102() {
    assertOnlyError(
        source(
            "test.State",
            "package test;",
            "import dev.statewire.annotation.*;",
            "@Reactive",
            "public class State {",
            "  private static class Secret {}",
            "  java.util.List<Secret> secrets;",
            "}"),
        6,
        "[SW102] reactive field secrets of State has type Secret, which is private in State, so"
            + " the generated class cannot name it for the field's signal.");
  }

  @Test
  void aGenericDerivedMethodIsSw301() {
    assertOnlyError(
        source(
            "test.State",
            "package test;",
            "import dev.statewire.annotation.*;",
            "@Reactive",
            "public class State {",
            "  int count;",
            "  @Derived <T> java.util.List<T> none() { return java.util.List.of(); }",
            "}"),
        6,
        "[SW301] @Derived method none() is generic; a derived value must be an overridable,"
            + " parameterless instance method that returns a value. Remove its type parameters");
  }

  @Test
  void aReactiveClassNestedInAPrivateClassIsSw101() {
    assertOnlyError(
        source(
            "test.Outer",
            "package test;",
            "import dev.statewire.annotation.*;",
            "public class Outer {",
            "  private static class Hidden {",
            "    @Reactive static class State { int count; }",
            "  }",
            "}"),
        5,
        "[SW101] @Reactive class State is nested in the private class Hidden, so the generated"
            + " ReactiveOuter_Hidden_State cannot extend it.");
  }

  @Test
  void aSealedReactiveClassIsSw101SayingWhy() {
    assertOnlyError(
        source(
            "test.State",
            "package test;",
            "import dev.statewire.annotation.*;",
            "@Reactive",
            "public sealed class State permits State.Only {",
            "  int count;",
            "  static final class Only extends State {}",
            "}"),
        4,
        "[SW101] @Reactive class State is sealed, so the generated ReactiveState cannot extend"
            + " it: javac checks a permits clause before annotation processing creates"
            + " ReactiveState, so it cannot be listed there.");
  }

  @Test
  void aCloseInheritedFromAPlainBaseClassIsCalledToo() {
    String generated =
        compiledWithoutWarnings(
            "test.ReactiveState",
            source(
                "test.Base",
                "package test;",
                "public class Base implements AutoCloseable {",
                "  boolean released;",
                "  @Override public void close() { released = true; }",
                "}"),
            source(
                "test.State",
                "package test;",
                "import dev.statewire.annotation.*;",
                "@Reactive",
                "public class State extends Base {",
                "  int count;",
                "}"));
    assertTrue(
        generated.contains("try {\n      super.close();\n    } finally {\n      stateCore.close();"),
        generated);
  }

  @Test
  void aFinalCloseIsSw101() {
    assertOnlyError(
        source(
            "test.State",
            "package test;",
            "import dev.statewire.annotation.*;",
            "@Reactive",
            "public class State implements AutoCloseable {",
            "  int count;",
            "  @Override public final void close() {}",
            "}"),
        6,
        "[SW101] method close() of State is final, but the generated ReactiveState implements"
            + " close() of dev.statewire.ReactiveObject. Make close() overridable");
  }

  @Test
  void aMethodNamedLikeAReactiveObjectMethodIsSw101() {
    assertOnlyError(
        source(
            "test.State",
            "package test;",
            "import dev.statewire.annotation.*;",
            "@Reactive",
            "public class State {",
            "  int count;",
            "  String reactiveContext() { return \"mine\"; }",
            "}"),
        6,
        "[SW101] method reactiveContext() of State is declared, but the generated ReactiveState"
            + " implements reactiveContext() of dev.statewire.ReactiveObject. Rename it.");
  }

  @Test
  void aMethodNamedStateFieldsIsSw101() {
    assertOnlyError(
        source(
            "test.State",
            "package test;",
            "import dev.statewire.annotation.*;",
            "@Reactive",
            "public class State {",
            "  int count;",
            "  java.util.List<String> stateFields() { return java.util.List.of(); }",
            "}"),
        6,
        "[SW101] method stateFields() of State is declared, but the generated ReactiveState"
            + " implements stateFields() of dev.statewire.ReactiveObject. Rename it.");
  }
}
