package dev.statewire.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.statewire.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Rounds, deferral and the fallback without javac's Trees API. */
class ProcessorLifecycleTest {

  private static JavaFileObject stateUsing(String call) {
    return source(
        "test.State",
        "package test;",
        "import dev.statewire.annotation.*;",
        "@Reactive",
        "public class State {",
        "  int count;",
        "  int fromGenerated() { return " + call + " + count; }",
        "}");
  }

  @Test
  void aClassReferencingATypeGeneratedLaterInTheSameCompilationIsProcessedInALaterRound() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new StatewireProcessor(), new GeneratesGen())
            .compile(stateUsing("Gen.make()"));
    assertThat(compilation).succeededWithoutWarnings();
    String generated = Compilations.generated(compilation, "test.ReactiveState");
    assertTrue(generated.contains("int fromGenerated()"), generated);
  }

  @Test
  void aClassMayReferToItsOwnGeneratedClassAndToThatOfAnother() {
    Compilation compilation =
        Compilations.compile(
            source(
                "test.State",
                "package test;",
                "import dev.statewire.annotation.*;",
                "@Reactive",
                "public class State {",
                "  int count;",
                "  public static State create() { return new ReactiveState(); }",
                "  public ReactiveOther other() { return new ReactiveOther(); }",
                "}"),
            source(
                "test.Other",
                "package test;",
                "@dev.statewire.annotation.Reactive",
                "public class Other {",
                "  ReactiveState state;",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    Compilations.generated(compilation, "test.ReactiveState");
    Compilations.generated(compilation, "test.ReactiveOther");
  }

  @Test
  void aMissingTypeInABodyIsJavacsOneErrorNotTheProcessors() {
    JavaFileObject file = stateUsing("Missing.make()");
    Compilation compilation = Compilations.compile(file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(file);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void withoutTreesEveryMethodIsTreatedAsReadingAndWritingEveryField() {
    JavaFileObject file =
        source(
            "test.State",
            "package test;",
            "import dev.statewire.annotation.*;",
            "@Reactive",
            "public class State {",
            "  int count;",
            "  String name = \"\";",
            "  int getCount() { return count; }",
            "  @Derived int doubled() { count = count; return count * 2; }",
            "}");
    Compilation compilation =
        Compiler.javac().withProcessors(new WithoutTrees()).compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadNoteContaining(
            "Statewire: this compiler offers no javac Trees API, so method bodies of @Reactive"
                + " classes are not read: every method is treated as reading and writing every"
                + " reactive field, and the checks SW201, SW202, SW203, SW204, SW205, SW206,"
                + " SW304, SW305, SW401, SW402 and SW403 are skipped (the runtime still catches"
                + " unlocked writes as StateMutationException).");
    String generated = Compilations.generated(compilation, "test.ReactiveState");
    assertTrue(
        generated.contains("Action writing {@code count}, {@code name}: runs under the context"),
        generated);
    assertTrue(
        generated.contains("cached until something it read changes: fields {@code count},"),
        generated);
  }

  @Test
  void anUnexpectedFailureBecomesAnErrorAtTheClassAskingForABugReport() {
    JavaFileObject file =
        source(
            "test.State",
            "package test;",
            "@dev.statewire.annotation.Reactive",
            "public class State {",
            "  int count;",
            "}");
    Compilation compilation =
        Compiler.javac().withProcessors(new WithoutTrees(true)).compile(file);
    assertThat(compilation)
        .hadErrorContaining(
            "Statewire failed unexpectedly while processing test.State:"
                + " java.lang.IllegalStateException: no filer today. This is a bug in Statewire;"
                + " please file it with this class (or a reduced copy) and this trace:")
        .inFile(file)
        .onLine(3);
  }

  /** Generates {@code test.Gen} in the first round, as another processor would. */
  private static final class GeneratesGen extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer out = processingEnv.getFiler().createSourceFile("test.Gen").openWriter()) {
          out.write("package test; public class Gen { public static int make() { return 1; } }");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  /**
   * Runs the Statewire processor behind a wrapped {@link ProcessingEnvironment}, as IDEs and
   * build tools do; {@code Trees.instance} rejects the wrapper, as it does under ECJ. With
   * {@code brokenFiler}, the wrapper's {@code getFiler()} throws.
   */
  private static final class WithoutTrees extends AbstractProcessor {
    private final StatewireProcessor processor = new StatewireProcessor();
    private final boolean brokenFiler;

    WithoutTrees() {
      this(false);
    }

    WithoutTrees(boolean brokenFiler) {
      this.brokenFiler = brokenFiler;
    }

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
      super.init(environment);
      processor.init(
          (ProcessingEnvironment)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {ProcessingEnvironment.class},
                  (proxy, method, arguments) -> {
                    if (brokenFiler && method.getName().equals("getFiler")) {
                      throw new IllegalStateException("no filer today");
                    }
                    try {
                      return method.invoke(environment, arguments);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  }));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return processor.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return processor.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return processor.process(annotations, round);
    }
  }
}
