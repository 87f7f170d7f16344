package dev.statewire.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Processor time per class (reported in BENCHMARKS.md): javac compiles {@code classes} {@code @Reactive}
 * classes (5 fields, 2 derived values, an effect, 3 actions, 2 reads each) with the Statewire
 * processor, and without any processor ({@code -proc:none}). The difference, divided by the
 * number of classes, is what the processor adds per class: analysis, generation, and compiling
 * the generated subclass. ms per whole compilation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 10)
@Measurement(iterations = 10)
public class ProcessorTimeBench {
  @Param({"20"})
  public int classes;

  private JavaCompiler javac;
  private StandardJavaFileManager files;
  private Path sources;
  private Path output;
  private List<JavaFileObject> units;

  @Setup(Level.Trial)
  public void writeSources() throws IOException {
    javac = ToolProvider.getSystemJavaCompiler();
    files = javac.getStandardFileManager(null, null, null);
    sources = Files.createTempDirectory("sw-processor-bench-src");
    output = Files.createTempDirectory("sw-processor-bench-out");
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < classes; i++) {
      Path file = sources.resolve("State" + i + ".java");
      Files.writeString(file, source("State" + i));
      paths.add(file);
    }
    units = new ArrayList<>();
    files.getJavaFileObjectsFromPaths(paths).forEach(units::add);
  }

  @TearDown(Level.Trial)
  public void deleteSources() throws IOException {
    files.close();
    for (Path dir : List.of(sources, output)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(ProcessorTimeBench::delete);
      }
    }
  }

  /** javac with the Statewire processor (found on the class path). */
  @Benchmark
  public boolean withProcessor() {
    return compile("-processor", "dev.statewire.processor.StatewireProcessor");
  }

  /** javac without annotation processing: the baseline. */
  @Benchmark
  public boolean withoutProcessor() {
    return compile("-proc:none");
  }

  private boolean compile(String... processing) {
    List<String> options = new ArrayList<>(List.of(
        "-classpath", System.getProperty("java.class.path"),
        "-d", output.toString(), "-s", output.toString(), "--release", "17", "-nowarn"));
    options.addAll(List.of(processing));
    boolean ok = javac.getTask(null, files, null, options, null, units).call();
    if (!ok) {
      throw new IllegalStateException("the benchmark's sources did not compile");
    }
    return ok;
  }

  private static String source(String name) {
    return "package bench;\n"
        + "import dev.statewire.annotation.*;\n"
        + "@Reactive public class " + name + " {\n"
        + "  int a; int b = 1; long c; String d = \"\"; boolean e;\n"
        + "  @Derived int sum() { return a + b; }\n"
        + "  @Derived String label() { return d + sum() + (e ? \"!\" : \"\"); }\n"
        + "  @Effect void log() { if (c < 0) System.out.println(label()); }\n"
        + "  void increment() { a++; c += b; }\n"
        + "  void rename(String name) { d = name; e = !e; }\n"
        + "  void reset() { a = 0; b = 1; c = 0; }\n"
        + "  public int getA() { return a; }\n"
        + "  public long total() { return c + helper(); }\n"
        + "  private long helper() { return b * 2L; }\n"
        + "}\n";
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
