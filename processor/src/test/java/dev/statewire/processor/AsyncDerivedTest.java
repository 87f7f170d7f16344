package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.statewire.processor.Compilations.compile;
import static dev.statewire.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Async {@code @Derived} methods (returning a {@code CompletionStage}): the shapes that compile
 * into a resource, and SW301 / SW203 for those that cannot. {@code GoldenSourcesTest} holds a
 * whole generated class ({@code ReactiveUserView}).
 */
class AsyncDerivedTest {

  /** A {@code @Reactive class State} with {@code int count} and {@code lines} from line 8. */
  private static JavaFileObject state(String... lines) {
    String[] all = new String[lines.length + 8];
    all[0] = "package test;";
    all[1] = "import dev.statewire.annotation.*;";
    all[2] = "import java.util.concurrent.CompletableFuture;";
    all[3] = "import java.util.concurrent.CompletionStage;";
    all[4] = "@Reactive";
    all[5] = "public class State {";
    all[6] = "  int count;";
    System.arraycopy(lines, 0, all, 7, lines.length);
    all[all.length - 1] = "}";
    return source("test.State", all);
  }

  private static String generatedState(Compilation compilation) {
    return Compilations.generated(compilation, "test.ReactiveState");
  }

  @Test
  void aWildcardStageGivesAResourceOfItsBound() {
    Compilation compilation =
        compile(
            state(
                "  @Derived",
                "  public CompletionStage<? extends Number> size() {",
                "    return CompletableFuture.completedFuture(count);",
                "  }"));
    assertThat(compilation).succeededWithoutWarnings();
    String generated = generatedState(compilation);
    assertTrue(generated.contains("public Resource<?, Number> sizeResource() {"), generated);
    assertTrue(
        generated.contains("private CompletionStage<? extends Number> loadSize() {"),
        generated);
    assertTrue(
        generated.contains("return Arrays.asList(new Object[] {countSignal.get()});"), generated);
  }

  @Test
  void anAsyncValueThatReadsNothingLoadsOnce() {
    Compilation compilation =
        compile(
            state(
                "  @Derived",
                "  protected CompletableFuture<String> motd() {",
                "    return CompletableFuture.supplyAsync(() -> \"hello\");",
                "  }"));
    assertThat(compilation).succeededWithoutWarnings();
    String generated = generatedState(compilation);
    assertTrue(generated.contains("the resource loads once."), generated);
    assertTrue(generated.contains("return Arrays.asList(new Object[] {});"), generated);
    assertTrue(generated.contains("protected Resource<?, String> motdResource() {"), generated);
  }

  @Test
  void aGenericClassKeepsTheValueTypeVariable() {
    JavaFileObject file =
        source(
            "test.Holder",
            "package test;",
            "import dev.statewire.annotation.*;",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.concurrent.CompletionStage;",
            "@Reactive",
            "public class Holder<T> {",
            "  T value;",
            "  @Derived",
            "  public CompletionStage<T> later() {",
            "    return CompletableFuture.completedFuture(value);",
            "  }",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).succeededWithoutWarnings();
    String generated = Compilations.generated(compilation, "test.ReactiveHolder");
    assertTrue(generated.contains("public Resource<?, T> laterResource() {"), generated);
  }

  @Test
  void sw301RejectsAStageTypeTheGeneratedClassCannotReturn() {
    JavaFileObject file =
        state(
            "  static class Eventually<T> extends CompletableFuture<T> {}",
            "  @Derived",
            "  Eventually<String> label() {",
            "    return new Eventually<>();",
            "  }");
    Compilation compilation = compile(file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[SW301] @Derived method label() returns test.State.Eventually<java.lang.String>, a"
                + " CompletionStage the generated class cannot return; an async derived value"
                + " returns CompletionStage<T> or CompletableFuture<T>, so that calling it can"
                + " hand out a stage of its resource's value. Declare the return type as"
                + " CompletionStage<T> or CompletableFuture<T>.")
        .inFile(file)
        .onLine(10);
  }

  @Test
  void sw301RejectsAMethodNamedLikeTheGeneratedAccessor() {
    JavaFileObject file =
        state(
            "  @Derived",
            "  CompletionStage<String> label() {",
            "    return CompletableFuture.completedFuture(\"\" + count);",
            "  }",
            "  Object labelResource() {",
            "    return null;",
            "  }");
    Compilation compilation = compile(file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[SW301] async @Derived method label() needs the generated accessor labelResource()"
                + " for its Resource, but the class already has labelResource(). Rename one of"
                + " them.")
        .inFile(file)
        .onLine(9);
  }

  @Test
  void sw203RejectsAnAsyncDerivedMethodWhoseStageWritesAField() {
    JavaFileObject file =
        state(
            "  @Derived",
            "  CompletionStage<Integer> next() {",
            "    return CompletableFuture.supplyAsync(() -> count + 1)",
            "        .thenApply(n -> count = n);",
            "  }");
    Compilation compilation = compile(file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[SW203] @Derived method next() writes field count; a derived value must not change"
                + " state.")
        .inFile(file)
        .onLine(11);
  }
}
