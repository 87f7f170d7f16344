package dev.statewire.processor.generation;

import com.palantir.javapoet.JavaFile;
import dev.statewire.processor.analysis.ClassAnalysis;
import java.io.IOException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.Diagnostic.Kind;

/** Step 4, output: writes the generated class through the compiler's {@code Filer}. */
public final class ReactiveClassWriter {
  private final ProcessingEnvironment environment;
  private final ReactiveClassGenerator generator;

  /**
   * @param generatedAnnotation whether generated classes get {@code
   *     @javax.annotation.processing.Generated} (where the compiled module can see it)
   */
  public ReactiveClassWriter(ProcessingEnvironment environment, boolean generatedAnnotation) {
    this.environment = environment;
    this.generator =
        new ReactiveClassGenerator(
            environment.getElementUtils(), environment.getTypeUtils(), generatedAnnotation);
  }

  /** Generates and writes the class for {@code analysis}. */
  public void write(ClassAnalysis analysis) {
    JavaFile file = generator.generate(analysis);
    try {
      file.writeTo(environment.getFiler());
    } catch (IOException failure) {
      environment
          .getMessager()
          .printMessage(
              Kind.ERROR,
              "Statewire could not write " + analysis.model().generatedName() + ": " + failure,
              analysis.model().element());
    }
  }
}
