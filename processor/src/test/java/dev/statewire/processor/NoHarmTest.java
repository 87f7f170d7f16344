package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.statewire.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Code javac accepts without the processor compiles the same with it: the processor never
 * attributes (and so never changes) trees during its rounds.
 */
class NoHarmTest {
  private static final JavaFileObject STATE =
      source(
          "test.State",
          "package test;",
          "import dev.statewire.annotation.*;",
          "@Reactive",
          "public class State {",
          "  int count;",
          "  @Derived int doubled() { return count * 2; }",
          "  void increment() { count++; }",
          "}");

  @Test
  void aRecordWithACompactOrCanonicalConstructorBesideAReactiveClass() {
    JavaFileObject records =
        source(
            "test.Point",
            "package test;",
            "public record Point(int x, int y) {",
            "  public Point {",
            "    if (x < 0) throw new IllegalArgumentException();",
            "  }",
            "  record Pair(String a, String b) {",
            "    Pair(String a, String b) { this.a = a; this.b = b; }",
            "  }",
            "  @dev.statewire.annotation.Reactive",
            "  public static class Holder {",
            "    int size;",
            "    public int getSize() { return size; }",
            "  }",
            "}");
    assertSameWithAndWithoutProcessor(STATE, records);
  }

  @Test
  void aLambdaOverACapturedWildcardBesideAReactiveClass() {
    JavaFileObject counting =
        source(
            "test.Counting",
            "package test;",
            "import java.util.Map;",
            "class Counting {",
            "  static int count(Map<?, ?> m) { int[] n = {0}; m.forEach((k, v) -> n[0]++); return n[0]; }",
            "}");
    assertSameWithAndWithoutProcessor(STATE, counting);
  }

  private static void assertSameWithAndWithoutProcessor(JavaFileObject... sources) {
    Compilation plain = Compiler.javac().withOptions("-proc:none").compile(sources);
    assertThat(plain).succeeded();
    Compilation processed = Compilations.compile(sources);
    assertThat(processed).succeeded();
    assertEquals(messages(plain), messages(processed));
  }

  private static List<String> messages(Compilation compilation) {
    return compilation.diagnostics().stream()
        .map(d -> d.getKind() + " " + d.getLineNumber() + " " + d.getMessage(null))
        .collect(Collectors.toList());
  }
}
