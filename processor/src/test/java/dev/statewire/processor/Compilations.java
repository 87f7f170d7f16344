package dev.statewire.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;

/** Compiles test sources with the Statewire processor. */
final class Compilations {
  private Compilations() {}

  /** Compiles {@code sources} with the processor and all lint warnings on. */
  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(new StatewireProcessor())
        .withOptions("-Xlint:all,-processing")
        .compile(sources);
  }

  /** Compiles {@code sources} with the processor and javac's default warnings. */
  static Compilation compileQuietly(List<JavaFileObject> sources) {
    return Compiler.javac().withProcessors(new StatewireProcessor()).compile(sources);
  }

  /** A source file from lines; {@code qualifiedName} like {@code test.Counter}. */
  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  /** A source file read from {@code path}. */
  static JavaFileObject source(String qualifiedName, Path path) {
    try {
      return JavaFileObjects.forSourceString(
          qualifiedName, Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of the generated source file {@code qualifiedName}. */
  static String generated(Compilation compilation, String qualifiedName) {
    JavaFileObject file =
        compilation
            .generatedSourceFile(qualifiedName)
            .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName));
    try {
      return file.getCharContent(false).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
