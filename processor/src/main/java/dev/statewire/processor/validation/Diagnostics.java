package dev.statewire.processor.validation;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Reports diagnostics at an element, or at an expression when the compiler offers Trees (the
 * caret then points at the offending write or call). Counts errors so that a step can tell
 * whether it found any.
 */
public final class Diagnostics {
  private final Messager messager;
  private final Optional<Trees> trees;
  private final boolean warningsAsErrors;
  private int errors;

  /**
   * @param warningsAsErrors report warnings as errors ({@code -Astatewire.warningsAsErrors}); they
   *     still do not count in {@link #errorCount()}, which decides what is generated
   */
  public Diagnostics(Messager messager, Optional<Trees> trees, boolean warningsAsErrors) {
    this.messager = messager;
    this.trees = trees;
    this.warningsAsErrors = warningsAsErrors;
  }

  /** How many errors have been reported so far. */
  public int errorCount() {
    return errors;
  }

  public void error(Element element, String message) {
    errors++;
    messager.printMessage(Kind.ERROR, message, element);
  }

  /** An error at an annotation's attribute value (the caret on {@code equality = "x"}). */
  public void error(
      Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
    errors++;
    messager.printMessage(Kind.ERROR, message, element, annotation, value);
  }

  /** A warning about the processor's own set-up, not about code. */
  public void warning(String message) {
    messager.printMessage(Kind.WARNING, message);
  }

  public void note(String message) {
    messager.printMessage(Kind.NOTE, message);
  }

  /** An error at the expression {@code site}; {@code fallback} when Trees are missing. */
  public void error(TreePath site, Element fallback, String message) {
    errors++;
    print(Kind.ERROR, site, fallback, message);
  }

  /** A warning at the expression {@code site}; {@code fallback} when Trees are missing. */
  public void warning(TreePath site, Element fallback, String message) {
    print(warningsAsErrors ? Kind.ERROR : Kind.WARNING, site, fallback, message);
  }

  private void print(Kind kind, TreePath site, Element fallback, String message) {
    if (trees.isPresent() && site != null) {
      trees.get().printMessage(kind, message, site.getLeaf(), site.getCompilationUnit());
    } else {
      messager.printMessage(kind, message, fallback);
    }
  }
}
