package dev.statewire.processor.analysis;

import com.sun.source.util.JavacTask;
import com.sun.source.util.Trees;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Finds javac's {@link Trees} for a processing environment. Build tools wrap javac's environment
 * (IntelliJ's JPS through {@code APIWrappers}, Gradle's incremental processing through a
 * {@code delegate} field), and {@code Trees.instance} rejects the wrappers; other compilers (ECJ)
 * have no Trees at all. Any failure means "no Trees": the processor then works without bodies.
 */
public final class TreesProvider {
  private static final String INTELLIJ_WRAPPERS = "org.jetbrains.jps.javac.APIWrappers";

  private TreesProvider() {}

  /**
   * The javac task compiling with {@code environment}, if the compiler is javac: the processor
   * registers a listener on it for the checks that need attributed code.
   */
  public static Optional<JavacTask> javacTaskFor(ProcessingEnvironment environment) {
    try {
      return Optional.of(JavacTask.instance(unwrapGradle(unwrapIntelliJ(environment))));
    } catch (Throwable unavailable) {
      return Optional.empty();
    }
  }

  /** javac's Trees for {@code environment}, if the compiler has them. */
  public static Optional<Trees> treesFor(ProcessingEnvironment environment) {
    ProcessingEnvironment unwrapped = unwrapGradle(unwrapIntelliJ(environment));
    try {
      return Optional.of(Trees.instance(unwrapped));
    } catch (Throwable unavailable) {
      return Optional.empty();
    }
  }

  private static ProcessingEnvironment unwrapIntelliJ(ProcessingEnvironment environment) {
    try {
      Class<?> wrappers =
          Class.forName(INTELLIJ_WRAPPERS, false, environment.getClass().getClassLoader());
      Method unwrap = wrappers.getDeclaredMethod("unwrap", Class.class, Object.class);
      Object unwrapped = unwrap.invoke(null, ProcessingEnvironment.class, environment);
      return unwrapped instanceof ProcessingEnvironment ? (ProcessingEnvironment) unwrapped : environment;
    } catch (Throwable notIntelliJ) {
      return environment;
    }
  }

  private static ProcessingEnvironment unwrapGradle(ProcessingEnvironment environment) {
    for (Class<?> type = environment.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field delegate = type.getDeclaredField("delegate");
        delegate.setAccessible(true);
        Object inner = delegate.get(environment);
        if (inner instanceof ProcessingEnvironment) {
          return unwrapGradle((ProcessingEnvironment) inner);
        }
      } catch (Throwable notThisClass) {
        // not a wrapper at this level: look further up
      }
    }
    return environment;
  }
}
