package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated source of representative classes, compared as exact text with the files under
 * {@code src/test/resources/golden/expected}. After a deliberate change to the generator,
 * rewrite them with {@code mvn -pl processor -am verify -Dstatewire.output_fixture_data=true}
 * and review the diff.
 */
class GoldenSourcesTest {
  private static final Path FIXTURES =
      Path.of(System.getProperty("statewire.fixture_dir", "src/test/resources/golden"));
  private static final boolean REWRITE = Boolean.getBoolean("statewire.output_fixture_data");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "TaskState, ReactiveTaskState",
    "Box, ReactiveBox",
    "Shapes, ReactiveShapes_Square",
    "Poller, ReactivePoller",
    "UserView, ReactiveUserView",
  })
  void generatedSourceMatchesGoldenFile(String input, String generated) throws IOException {
    Compilation compilation =
        Compilations.compile(
            Compilations.source("test." + input, FIXTURES.resolve("input/" + input + ".java")));
    assertThat(compilation).succeededWithoutWarnings();
    String actual = Compilations.generated(compilation, "test." + generated);
    Path expected = FIXTURES.resolve("expected/" + generated + ".java");
    if (REWRITE) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual);
  }
}
