package dev.statewire.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagnostics corpus: every case under {@code src/test/resources/diagnostics} is compiled
 * with the processor, and each diagnostic must be announced by a marker on its line, the way
 * Error Prone's {@code // BUG: Diagnostic contains:} and Arez's {@code bad_input/} work:
 *
 * <pre>{@code
 * count++; // [SW201] writes field count outside a lock block
 * }</pre>
 *
 * <p>A marker is the id in brackets, optionally followed by text the message must contain. The
 * test fails on a marker without its diagnostic and on any error or warning without a marker
 * (javac's own included, so an error inside generated code fails it too). {@code accepted/}
 * holds code that must compile without any; {@code rejected/} code with markers. A case is a
 * {@code .java} file, or a directory whose {@code .java} files compile together; a name
 * containing {@code _jdk21} is compiled only on JDK 21 and later. After a deliberate change to
 * the diagnostics, {@code mvn -B -pl processor -am verify -Dstatewire.output_fixture_data=true}
 * rewrites the markers of the rejected cases from what the processor reports; review the diff.
 */
class DiagnosticFixturesTest {
  private static final Path ROOT =
      Path.of(
          System.getProperty("statewire.diagnostics_dir", "src/test/resources/diagnostics"));
  private static final Pattern MARKER = Pattern.compile("\\[(SW\\d{3})\\]([^\\[]*)");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
  private static final Pattern ID = Pattern.compile("^\\[(SW\\d{3})\\] ");
  private static final String MARKER_START = " // [SW";
  private static final boolean REWRITE = Boolean.getBoolean("statewire.output_fixture_data");

  static Stream<Path> cases() throws IOException {
    List<Path> cases = new ArrayList<>();
    for (String group : List.of("accepted", "rejected")) {
      try (Stream<Path> entries = Files.list(ROOT.resolve(group))) {
        entries.filter(DiagnosticFixturesTest::runsOnThisJdk).sorted().forEach(cases::add);
      }
    }
    return cases.stream();
  }

  static boolean runsOnThisJdk(Path path) {
    return !path.getFileName().toString().contains("_jdk21") || Runtime.version().feature() >= 21;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyDiagnosticIsMarkedAndEveryMarkerIsMet(Path fixture) throws IOException {
    List<Path> files = javaFiles(fixture);
    List<Expected> expected = new ArrayList<>();
    List<JavaFileObject> sources = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      sources.add(JavaFileObjects.forSourceString(qualifiedName(file, text), text));
      expected.addAll(markers(file, text));
    }
    boolean accepted = fixture.getParent().getFileName().toString().equals("accepted");
    Compilation compilation = Compilations.compileQuietly(sources);
    if (REWRITE && !accepted) {
      rewriteMarkers(files, compilation);
      expected.clear();
      for (Path file : files) {
        expected.addAll(markers(file, Files.readString(file, StandardCharsets.UTF_8)));
      }
    }
    assertTrue(!accepted || expected.isEmpty(), fixture + ": accepted cases carry no markers");
    assertTrue(accepted || !expected.isEmpty(), fixture + ": rejected cases carry markers");
    List<String> problems = new ArrayList<>();
    List<Expected> unmet = new ArrayList<>(expected);
    for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
      if (diagnostic.getKind() == Diagnostic.Kind.NOTE
          || diagnostic.getKind() == Diagnostic.Kind.OTHER) {
        continue;
      }
      String message = diagnostic.getMessage(Locale.ROOT);
      String file = diagnostic.getSource() == null ? "" : diagnostic.getSource().getName();
      Expected match =
          unmet.stream()
              .filter(e -> e.matches(file, diagnostic.getLineNumber(), message))
              .findFirst()
              .orElse(null);
      if (match == null) {
        problems.add(
            "unmarked " + diagnostic.getKind() + " at " + file + ":" + diagnostic.getLineNumber()
                + ": " + message);
      } else {
        unmet.remove(match);
      }
    }
    unmet.forEach(e -> problems.add("no diagnostic for marker " + e));
    assertTrue(problems.isEmpty(), fixture + ":\n" + String.join("\n", problems));
  }

  /** Replaces the markers of {@code files} by one for each Statewire diagnostic reported. */
  private static void rewriteMarkers(List<Path> files, Compilation compilation)
      throws IOException {
    for (Path file : files) {
      List<String> lines =
          new ArrayList<>(List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)));
      lines.replaceAll(
          line -> line.contains(MARKER_START) ? line.substring(0, line.indexOf(MARKER_START)) : line);
      for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
        String message = diagnostic.getMessage(Locale.ROOT);
        Matcher id = ID.matcher(message);
        boolean here =
            diagnostic.getSource() != null
                && diagnostic.getSource().getName().endsWith("/" + file.getFileName());
        if (here && id.find() && diagnostic.getLineNumber() > 0) {
          int index = (int) diagnostic.getLineNumber() - 1;
          String line = lines.get(index);
          String marker = "[" + id.group(1) + "] " + excerpt(message.substring(id.end()));
          lines.set(
              index, line.contains(MARKER_START) ? line + " " + marker : line + " // " + marker);
        }
      }
      Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
    }
  }

  /** The start of a message, up to its first clause, as a marker's text. */
  private static String excerpt(String message) {
    String text = message;
    for (String end : List.of(";", "[", ". ", ",")) {
      int at = text.indexOf(end);
      if (at > 0) {
        text = text.substring(0, at);
      }
    }
    return text.length() <= 70 ? text.trim() : text.substring(0, text.lastIndexOf(' ', 70)).trim();
  }

  private static List<Path> javaFiles(Path fixture) throws IOException {
    if (!Files.isDirectory(fixture)) {
      return List.of(fixture);
    }
    try (Stream<Path> walk = Files.walk(fixture)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static String qualifiedName(Path file, String text) {
    String simple = file.getFileName().toString().replaceFirst("\\.java$", "");
    Matcher pkg = PACKAGE.matcher(text);
    return pkg.find() ? pkg.group(1) + "." + simple : simple;
  }

  private static List<Expected> markers(Path file, String text) {
    List<Expected> found = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int comment = lines[i].indexOf("//");
      if (comment < 0) {
        continue;
      }
      Matcher marker = MARKER.matcher(lines[i].substring(comment));
      while (marker.find()) {
        found.add(new Expected(file.getFileName().toString(), i + 1, marker.group(1),
            marker.group(2).trim()));
      }
    }
    return found;
  }

  /** A marker: a diagnostic with {@code id}, containing {@code text}, at the line. */
  private record Expected(String file, long line, String id, String text) {
    boolean matches(String diagnosticFile, long diagnosticLine, String message) {
      return diagnosticFile.endsWith("/" + file)
          && diagnosticLine == line
          && message.startsWith("[" + id + "]")
          && message.contains(text);
    }

    @Override
    public String toString() {
      return file + ":" + line + " [" + id + "] " + text;
    }
  }
}
