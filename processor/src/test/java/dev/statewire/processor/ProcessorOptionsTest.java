package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.statewire.processor.Compilations.generated;
import static dev.statewire.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The {@code -Astatewire.*} options, and a user's {@code -Xlint:all -Werror} build. */
class ProcessorOptionsTest {
  private static final JavaFileObject COUNTER =
      source(
          "test.Counter",
          "package test;",
          "import dev.statewire.Statewire;",
          "import dev.statewire.annotation.Background;",
          "import dev.statewire.annotation.Derived;",
          "import dev.statewire.annotation.Reactive;",
          "@Reactive",
          "public class Counter {",
          "  int count;",
          "  boolean running;",
          "  @Derived public int doubled() { return count * 2; }",
          "  public void increment() { count++; }",
          "  @SuppressWarnings(\"try\")",
          "  @Background void run() {",
          "    try (var self = Statewire.lock(this)) { running = true; }",
          "    if (count > 3) { return; }",
          "  }",
          "}");

  private static final JavaFileObject LINT_CLEAN =
      source(
          "test.Ticker",
          "package test;",
          "import dev.statewire.Statewire;",
          "import dev.statewire.annotation.Background;",
          "import dev.statewire.annotation.Effect;",
          "import dev.statewire.annotation.Reactive;",
          "@Reactive",
          "public class Ticker {",
          "  int ticks;",
          "  final StringBuilder log = new StringBuilder();",
          "  @Effect void print() { log.append(ticks); }",
          "  @SuppressWarnings(\"try\")",
          "  @Background void tick() {",
          "    try (var self = Statewire.lock(this)) { ticks++; }",
          "  }",
          "}");

  private static Compilation compile(String... options) {
    return compile(COUNTER, options);
  }

  private static Compilation compile(JavaFileObject source, String... options) {
    return Compiler.javac()
        .withProcessors(new StatewireProcessor())
        .withOptions((Object[]) options)
        .compile(source);
  }

  @Test
  void generatedAnnotationIsOnByDefaultAndOffWithTheOption() {
    Compilation on = compile();
    Compilation off = compile("-Astatewire.generated=false");

    assertThat(on).succeeded();
    assertThat(off).succeeded();
    assertTrue(generated(on, "test.ReactiveCounter").contains("@Generated("));
    String withoutIt = generated(off, "test.ReactiveCounter");
    assertFalse(withoutIt.contains("javax.annotation.processing.Generated"), withoutIt);
    assertFalse(withoutIt.contains("@Generated("), withoutIt);
    assertTrue(withoutIt.contains("@StatewireGenerated"), withoutIt);
  }

  @Test
  void debugPrintsRolesDependenciesAndLockScopes() {
    Compilation compilation = compile("-Astatewire.debug");

    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining("[statewire.debug] test.Counter -> ReactiveCounter");
    assertThat(compilation).hadNoteContaining("doubled(): DERIVED; reads count");
    assertThat(compilation).hadNoteContaining("increment(): ACTION; reads count; writes count");
    assertThat(compilation).hadNoteContaining("[statewire.debug] lock scopes of test.Counter");
    assertThat(compilation)
        .hadNoteContaining("run(): 1 lock; writes in lock running; reads outside count");
  }

  @Test
  void warningsAsErrorsTurnsTheWarningsIntoErrors() {
    assertThat(compile()).hadWarningContaining("[SW401] @Background method run() reads field count");

    Compilation strict = compile("-Astatewire.warningsAsErrors");

    assertThat(strict).failed();
    assertThat(strict).hadErrorContaining("[SW401] @Background method run() reads field count");
  }

  @Test
  void anUnknownStatewireOptionIsAWarningNamingTheKnownOnes() {
    Compilation compilation = compile("-Astatewire.degub");

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "Statewire does not know the option -Astatewire.degub; it knows -Astatewire.generated,"
                + " -Astatewire.debug, -Astatewire.warningsAsErrors");
  }

  /**
   * javac's {@code -Xlint:processing} warns about annotations no processor claims. The processor
   * claims its own; the JDK's {@code @Generated} it leaves to other processors, so a {@code -Werror}
   * build turns it off with {@code -Astatewire.generated=false}.
   */
  @Test
  void aLintCleanClassPassesXlintAllWerror() {
    Compilation compilation =
        compile(LINT_CLEAN, "-Xlint:all", "-Werror", "-Astatewire.generated=false");

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(0);
  }
}
