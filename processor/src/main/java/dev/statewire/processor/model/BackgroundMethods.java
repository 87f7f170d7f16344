package dev.statewire.processor.model;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * What the generated class adds for {@code @Background} methods, by name: {@code startTick(..)}
 * beside {@code tick(..)} returns the task's handle, and {@code backgroundTasks()} returns the
 * running tasks. Validation uses the names to reject clashes with the user's own methods.
 */
public final class BackgroundMethods {
  /** The generated method returning the running tasks (Reflex's {@code background_tasks}). */
  public static final String RUNNING_TASKS = "backgroundTasks";

  private BackgroundMethods() {}

  /** {@code startTick} for {@code tick}: starts the task and returns its handle. */
  public static String startMethodName(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    return "start" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /**
   * The name of the {@code Background.Policy} (and runtime {@code TaskPolicy}) constant the
   * method's annotation gives: {@code PARALLEL}, {@code SKIP} or {@code SUPERSEDE}.
   */
  public static String policyOf(ExecutableElement method) {
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(StatewireAnnotations.BACKGROUND)) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
            mirror.getElementValues().entrySet()) {
          if (entry.getKey().getSimpleName().contentEquals("value")
              && entry.getValue().getValue() instanceof VariableElement) {
            return ((VariableElement) entry.getValue().getValue()).getSimpleName().toString();
          }
        }
      }
    }
    return "PARALLEL";
  }
}
