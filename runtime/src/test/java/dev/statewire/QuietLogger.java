package dev.statewire;

/**
 * Turns a {@code java.util.logging} logger off for a while and back on, so that a test whose
 * faults the runtime logs on purpose does not flood the build output. Reflective: the runtime's
 * module (which the tests are patched into) does not read {@code java.logging}; core reflection
 * grants the read edge itself. Without {@code java.logging}, it does nothing.
 */
final class QuietLogger {
  private final String name;
  private Object logger; // held strongly: java.util.logging keeps loggers only weakly
  private Object savedLevel;

  QuietLogger(String name) {
    this.name = name;
  }

  void silence() {
    try {
      Class<?> loggerClass = Class.forName("java.util.logging.Logger");
      Class<?> levelClass = Class.forName("java.util.logging.Level");
      logger = loggerClass.getMethod("getLogger", String.class).invoke(null, name);
      savedLevel = loggerClass.getMethod("getLevel").invoke(logger);
      loggerClass.getMethod("setLevel", levelClass).invoke(logger, levelClass.getField("OFF").get(null));
    } catch (ReflectiveOperationException noJavaLogging) {
      logger = null;
    }
  }

  void restore() {
    if (logger == null) {
      return;
    }
    try {
      Class<?> levelClass = Class.forName("java.util.logging.Level");
      logger.getClass().getMethod("setLevel", levelClass).invoke(logger, savedLevel);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot restore the level of logger " + name, e);
    }
  }
}
