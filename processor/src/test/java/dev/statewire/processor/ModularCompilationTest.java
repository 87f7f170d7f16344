package dev.statewire.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.ReactiveContext;
import dev.statewire.annotation.Reactive;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A named module using Statewire: the generated class compiles whether or not the module reads
 * {@code java.compiler}, and carries {@code @javax.annotation.processing.Generated} only when it
 * does (the annotation would not be visible otherwise). Compiled with javac on files, since
 * compile-testing's in-memory file manager does not support modules.
 */
class ModularCompilationTest {
  @TempDir Path directory;

  @ParameterizedTest(name = "{0} -> @Generated {1}")
  @CsvSource({"'requires static java.compiler;', true", "'', false"})
  void aModuleCompilesWithOrWithoutJavaCompiler(String extraRequires, boolean annotated)
      throws IOException, URISyntaxException {
    Path sources = directory.resolve("src");
    write(
        sources.resolve("module-info.java"),
        "module app {",
        "  requires dev.statewire.runtime;",
        "  requires static dev.statewire.annotations;",
        "  " + extraRequires,
        "}");
    write(
        sources.resolve("app/Counter.java"),
        "package app;",
        "import dev.statewire.annotation.*;",
        "@Reactive",
        "public class Counter {",
        "  int count;",
        "  @Derived public int doubled() { return count * 2; }",
        "  public void increment() { count++; }",
        "}");
    Path generatedSources = Files.createDirectories(directory.resolve("generated"));
    Path classes = Files.createDirectories(directory.resolve("classes"));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              null,
              files,
              diagnostics,
              List.of(
                  "-Xlint:all,-processing",
                  "--module-path", modulePath(),
                  "-d", classes.toString(),
                  "-s", generatedSources.toString()),
              null,
              files.getJavaFileObjects(
                  sources.resolve("module-info.java"), sources.resolve("app/Counter.java")));
      task.setProcessors(List.of(new StatewireProcessor()));
      boolean compiled = task.call();
      assertTrue(compiled && diagnostics.getDiagnostics().isEmpty(), diagnostics.getDiagnostics()::toString);
    }
    String generated =
        Files.readString(generatedSources.resolve("app/ReactiveCounter.java"), StandardCharsets.UTF_8);
    assertEquals(
        annotated,
        generated.contains("@Generated(\"dev.statewire.processor.StatewireProcessor\")"),
        generated);
    assertTrue(Files.exists(classes.resolve("app/ReactiveCounter.class")));
  }

  private static void write(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  /** The runtime and annotations modules, where the test's class path has them. */
  private static String modulePath() throws URISyntaxException {
    return location(ReactiveContext.class) + File.pathSeparator + location(Reactive.class);
  }

  private static String location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
