package dev.statewire.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.Signal;
import dev.statewire.annotation.Reactive;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor under Eclipse's compiler (ECJ), which has no javac Trees API: it still
 * generates a correct class, assuming the widest dependencies, and says so once, as a note.
 * (compile-testing's in-memory files do not work with ECJ, so this test compiles real files.)
 */
class EclipseCompilerTest {
  @TempDir Path dir;

  private final DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();

  private boolean compileWithEcj(String... sources) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/test"));
    Path out = Files.createDirectories(dir.resolve("out"));
    List<Path> files = new ArrayList<>();
    for (String source : sources) {
      String name = source.replaceAll("(?s).*public (final )?class (\\w+).*", "$2");
      Path file = src.resolve(name + ".java");
      Files.writeString(file, source);
      files.add(file);
    }
    JavaCompiler ecj = new EclipseCompiler();
    try (StandardJavaFileManager fileManager =
        ecj.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of(
          "-17", "-classpath", location(Reactive.class) + java.io.File.pathSeparator
              + location(Signal.class),
          "-d", out.toString(), "-s", out.toString());
      JavaCompiler.CompilationTask task = ecj.getTask(null, fileManager, diagnostics, options,
          null, fileManager.getJavaFileObjectsFromPaths(files));
      task.setProcessors(List.of(new StatewireProcessor()));
      return task.call();
    }
  }

  private static String location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private String generated(String simpleName) throws IOException {
    return Files.readString(dir.resolve("out/test/" + simpleName + ".java"));
  }

  private List<String> messages(Diagnostic.Kind kind) {
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == kind)
        .map(d -> d.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
  }

  @Test
  void generatesTheClassesAndNotesOnceThatBodiesAreNotRead() throws Exception {
    boolean ok = compileWithEcj(
        String.join("\n",
            "package test;",
            "import dev.statewire.annotation.*;",
            "@Reactive",
            "public class Counter {",
            "  int count;",
            "  String label = \"\";",
            "  public int getCount() { return count; }",
            "  @Derived public int doubled() { return count * 2; }",
            "  @Effect void print() { System.out.println(label + count); }",
            "  public void increment() { count++; }",
            "}"),
        String.join("\n",
            "package test;",
            "@dev.statewire.annotation.Reactive",
            "public class Other {",
            "  boolean on;",
            "  public void toggle() { on = !on; }",
            "}"));

    assertTrue(ok, "compiled: " + diagnostics.getDiagnostics());
    long notes = messages(Diagnostic.Kind.NOTE).stream()
        .filter(m -> m.contains("offers no javac Trees API"))
        .count();
    assertEquals(1, notes, "one note for the compilation: " + diagnostics.getDiagnostics());
    String counter = generated("ReactiveCounter");
    assertTrue(counter.contains("class ReactiveCounter extends Counter"), counter);
    assertTrue(counter.contains("Action writing {@code count}, {@code label}"), counter);
    assertTrue(Files.exists(dir.resolve("out/test/ReactiveCounter.class")), "and compiled it");
    assertTrue(generated("ReactiveOther").contains("void toggle()"));
  }

  @Test
  void anAsyncDerivedValueReloadsOnEveryFieldWhenBodiesAreNotRead() throws Exception {
    boolean ok = compileWithEcj(
        String.join("\n",
            "package test;",
            "import dev.statewire.annotation.*;",
            "import java.util.concurrent.*;",
            "@Reactive",
            "public class Lookup {",
            "  long id;",
            "  String region = \"eu\";",
            "  @Derived public CompletionStage<String> name() {",
            "    return CompletableFuture.completedFuture(region + id);",
            "  }",
            "}"));

    assertTrue(ok, "compiled: " + diagnostics.getDiagnostics());
    String lookup = generated("ReactiveLookup");
    assertTrue(
        lookup.contains("Arrays.asList(new Object[] {idSignal.get(), regionSignal.get()})"), lookup);
    assertTrue(lookup.contains("public Resource<?, String> nameResource()"), lookup);
    assertTrue(Files.exists(dir.resolve("out/test/ReactiveLookup.class")), "and compiled it");
  }

  @Test
  void declarationErrorsStillReachTheUser() throws Exception {
    boolean ok = compileWithEcj(String.join("\n",
        "package test;",
        "@dev.statewire.annotation.Reactive",
        "public final class Bad {",
        "  int count;",
        "}"));

    assertEquals(false, ok);
    assertTrue(messages(Diagnostic.Kind.ERROR).stream().anyMatch(m -> m.startsWith("[SW101]")),
        diagnostics.getDiagnostics().toString());
  }
}
