package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.statewire.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The "no harm" corpus ({@code src/test/resources/noharm}): ordinary Java compiled beside a
 * {@code @Reactive} class, with and without the processor, gives the same diagnostics and the
 * same class files byte for byte. The processor never attributes (and so never changes) trees
 * during its rounds. Files named {@code *_jdk21.java} need JDK 21 and run only there.
 */
class NoHarmTest {
  private static final Path CORPUS = Path.of("src/test/resources/noharm");
  private static final JavaFileObject STATE =
      source(
          "noharm.State",
          "package noharm;",
          "import dev.statewire.annotation.*;",
          "@Reactive",
          "public class State {",
          "  int count;",
          "  @Derived int doubled() { return count * 2; }",
          "  void increment() { count++; }",
          "}");

  static Stream<Path> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files
          .filter(DiagnosticFixturesTest::runsOnThisJdk)
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void compilesTheSameWithAndWithoutTheProcessor(Path file) {
    String name = "noharm." + file.getFileName().toString().replaceFirst("\\.java$", "");
    JavaFileObject ordinary = source(name, file);
    Compilation plain = Compiler.javac().withOptions("-proc:none").compile(STATE, ordinary);
    assertThat(plain).succeeded();
    Compilation processed = Compilations.compile(STATE, ordinary);
    assertThat(processed).succeeded();
    assertEquals(messages(plain), messages(processed));
    Map<String, byte[]> expected = classFiles(plain);
    Map<String, byte[]> actual = classFiles(processed);
    assertFalse(expected.isEmpty());
    expected.forEach(
        (path, bytes) -> assertArrayEquals(bytes, actual.get(path), path + " differs"));
  }

  private static List<String> messages(Compilation compilation) {
    return compilation.diagnostics().stream()
        .filter(d -> d.getKind() != javax.tools.Diagnostic.Kind.NOTE)
        .map(d -> d.getKind() + " " + d.getLineNumber() + " " + d.getMessage(null))
        .collect(Collectors.toList());
  }

  /** The class files of the corpus file (not of {@code State}, which the processor extends). */
  private static Map<String, byte[]> classFiles(Compilation compilation) {
    Map<String, byte[]> files = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      boolean ofState = path.endsWith("/State.class") || path.endsWith("/ReactiveState.class");
      if (file.getKind() == JavaFileObject.Kind.CLASS && !ofState) {
        try (InputStream in = file.openInputStream()) {
          files.put(path, in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return files;
  }
}
