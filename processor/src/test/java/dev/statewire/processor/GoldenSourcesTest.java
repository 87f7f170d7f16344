package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files by convention: every {@code golden/input/X.java} is compiled with the processor,
 * and the sources it generates must equal, as exact text and as a set, the files under {@code
 * golden/expected/X/}. To add a case, add an input; after a deliberate change to the generator,
 * write (or rewrite) the expected files with {@code mvn -pl processor -am verify
 * -Dstatewire.output_fixture_data=true} and review the diff.
 */
class GoldenSourcesTest {
  private static final Path FIXTURES =
      Path.of(System.getProperty("statewire.fixture_dir", "src/test/resources/golden"));
  private static final boolean REWRITE = Boolean.getBoolean("statewire.output_fixture_data");
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

  static Stream<String> inputs() throws IOException {
    try (Stream<Path> files = Files.list(FIXTURES.resolve("input"))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.endsWith(".java"))
          .map(name -> name.substring(0, name.length() - ".java".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void generatedSourcesMatchTheGoldenFiles(String input) throws IOException {
    Path source = FIXTURES.resolve("input/" + input + ".java");
    Compilation compilation =
        Compilations.compile(Compilations.source(qualifiedName(source, input), source));
    assertThat(compilation).succeededWithoutWarnings();
    Map<String, String> actual = generatedSources(compilation);
    Path expectedDirectory = FIXTURES.resolve("expected/" + input);
    if (REWRITE) {
      rewrite(expectedDirectory, actual);
    }
    assertTrue(
        Files.isDirectory(expectedDirectory),
        "no golden files for " + input + " in " + expectedDirectory
            + "; write them with -Dstatewire.output_fixture_data=true and review them");
    assertEquals(actual.keySet(), expectedFiles(expectedDirectory).keySet(), "generated files");
    for (Map.Entry<String, String> file : actual.entrySet()) {
      assertEquals(
          Files.readString(expectedDirectory.resolve(file.getKey()), StandardCharsets.UTF_8),
          file.getValue(),
          file.getKey());
    }
  }

  private static String qualifiedName(Path source, String simpleName) throws IOException {
    Matcher declared = PACKAGE.matcher(Files.readString(source, StandardCharsets.UTF_8));
    return declared.find() ? declared.group(1) + "." + simpleName : simpleName;
  }

  /** The generated sources by file name ({@code ReactiveX.java}), with their text. */
  private static Map<String, String> generatedSources(Compilation compilation) {
    Map<String, String> sources = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String path = file.toUri().getPath();
      try {
        sources.put(
            path.substring(path.lastIndexOf('/') + 1), file.getCharContent(false).toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sources;
  }

  private static Map<String, Path> expectedFiles(Path directory) throws IOException {
    Map<String, Path> files = new TreeMap<>();
    try (Stream<Path> listed = Files.list(directory)) {
      listed.forEach(p -> files.put(p.getFileName().toString(), p));
    }
    return files;
  }

  /** Replaces the expected files of one input with what it generates now. */
  private static void rewrite(Path directory, Map<String, String> actual) throws IOException {
    if (Files.isDirectory(directory)) {
      for (Path stale : expectedFiles(directory).values()) {
        Files.delete(stale);
      }
    }
    Files.createDirectories(directory);
    for (Map.Entry<String, String> file : actual.entrySet()) {
      Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
    }
  }
}
