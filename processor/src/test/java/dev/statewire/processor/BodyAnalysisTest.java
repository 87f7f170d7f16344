package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.statewire.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the body analysis sees, observed through the generated overrides: each method is an
 * action (it writes), a tracked read (it reads) or left alone, with the fields named in the
 * Javadoc of its override.
 */
class BodyAnalysisTest {
  private static String generated;

  @BeforeAll
  static void compileTheFixture() {
    Compilation compilation =
        Compilations.compile(
            source(
                "test.State",
                "package test;",
                "import dev.statewire.annotation.*;",
                "@Reactive",
                "public class State {",
                "  int count;",
                "  int other;",
                "  static class Plain { int value; }",
                "  final Plain plain = new Plain();",
                "  void shadowedByLocal() { int count = 1; count++; }",
                "  void shadowedByParameter(int count) { count = 2; }",
                "  void writesAPlainObject() { plain.value = 3; }",
                "  void writesInALambda() { Runnable r = () -> count = 4; r.run(); }",
                "  void writesInAnAnonymousClass() {",
                "    new Runnable() { public void run() { this.hashCode(); count = 5; } }.run();",
                "  }",
                "  void writesInALocalClass() {",
                "    class Local { void go() { other = 6; } }",
                "    new Local().go();",
                "  }",
                "  void writesThroughHelpers() { helper(); }",
                "  private void helper() { finalHelper(); }",
                "  final void finalHelper() { State.this.count++; }",
                "  int readsThroughAHelper() { return peekOther(); }",
                "  private int peekOther() { return this.other; }",
                "  void callsAnAction() { writesInALambda(); }",
                "  int readsBothViaAMethodReference() {",
                "    java.util.function.IntSupplier s = this::readsThroughAHelper;",
                "    return s.getAsInt() + count;",
                "  }",
                "  static int staticHelper(State s) { return 1; }",
                "  int readsNothing() { return staticHelper(this); }",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    generated = Compilations.generated(compilation, "test.ReactiveState");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "shadowedByLocal | not overridden",
        "shadowedByParameter | not overridden",
        "writesAPlainObject | not overridden",
        "readsNothing | not overridden",
        "finalHelper | not overridden",
        "writesInALambda | Action writing {@code count}",
        "writesInAnAnonymousClass | Action writing {@code count}",
        "writesInALocalClass | Action writing {@code other}",
        "writesThroughHelpers | Action writing {@code count}",
        "callsAnAction | Action writing {@code count}",
        "readsThroughAHelper | Tracked read of field {@code other}",
        "readsBothViaAMethodReference | Tracked read of fields {@code count}, {@code other}",
      })
  void classifiesEachMethodByWhatItsBodyDoes(String method, String expected) {
    assertEquals(expected, overrideSummary(method).orElse("not overridden"));
  }

  /** The first sentence part of the Javadoc of the override of {@code method}, if any. */
  private static Optional<String> overrideSummary(String method) {
    Matcher matcher =
        Pattern.compile("/\\*\\*\\s+\\* ([^:.]*)[^/]*\\*/\\s+@Override\\s+\\w+ " + method + "\\(")
            .matcher(generated);
    return matcher.find() ? Optional.of(matcher.group(1).replaceAll("\\s+\\*\\s+", " ")) : Optional.empty();
  }
}
