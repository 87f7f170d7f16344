package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.statewire.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The dependencies the rounds read syntactically: wide enough never to go stale (static helpers
 * given {@code this}, inner classes reading {@code Outer.this}), and scoped, so that a local
 * hiding a field is not the field.
 */
class DependencyReadingTest {
  @Test
  void readsThroughAStaticHelperAndAnInnerClassAreDependencies() {
    JavaFileObject state =
        source(
            "fixtures.ReadsThroughStaticHelperAndInnerClass",
            Path.of(
                "src/test/resources/diagnostics/accepted/"
                    + "ReadsThroughStaticHelperAndInnerClass.java"));
    Compilation compilation = Compilations.compile(state);
    assertThat(compilation).succeeded();
    String generated =
        Compilations.generated(compilation, "fixtures.ReactiveReadsThroughStaticHelperAndInnerClass");
    assertEquals("label count", reads(generated, "formatted"));
    assertEquals("label count", reads(generated, "qualified"));
    assertEquals("label", reads(generated, "labelled"));
  }

  @Test
  void localsParametersAndLambdaParametersHideFields() {
    JavaFileObject state =
        source(
            "test.State",
            "package test;",
            "import dev.statewire.annotation.*;",
            "@Reactive",
            "public class State {",
            "  int count;",
            "  int size;",
            "  int other;",
            "  @Derived int local() { int count = 2; return count + size; }",
            "  @Derived int parameterLike() {",
            "    java.util.function.IntUnaryOperator f = other -> other + 1;",
            "    for (int size = 0; size < 1; size++) { }",
            "    return f.applyAsInt(count);",
            "  }",
            "  public int unused() { return 0; }",
            "}");
    Compilation compilation = Compilations.compile(state);
    String generated = Compilations.generated(compilation, "test.ReactiveState");
    assertEquals("size", reads(generated, "local"));
    assertEquals("count", reads(generated, "parameterLike"));
  }

  /** The fields the generated compute method of {@code derived} reads, in order. */
  private static String reads(String generated, String derived) {
    Matcher body =
        Pattern.compile(
                " compute" + Character.toUpperCase(derived.charAt(0)) + derived.substring(1)
                    + "\\(\\) \\{(.*?)\\n  }",
                Pattern.DOTALL)
            .matcher(generated);
    if (!body.find()) {
      throw new AssertionError("no compute method for " + derived + " in\n" + generated);
    }
    Matcher read = Pattern.compile("(\\w+)Signal\\.get(?:Int|Long|Double|Boolean)?\\(\\)").matcher(body.group(1));
    StringBuilder fields = new StringBuilder();
    while (read.find()) {
      fields.append(fields.length() == 0 ? "" : " ").append(read.group(1));
    }
    return fields.toString();
  }
}
