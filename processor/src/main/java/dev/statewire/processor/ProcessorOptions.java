package dev.statewire.processor;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The processor's {@code -A} options.
 *
 * @param generatedAnnotation {@code -Astatewire.generated=false} leaves
 *     {@code @javax.annotation.processing.Generated} off generated classes (they keep
 *     {@code @StatewireGenerated})
 * @param debug {@code -Astatewire.debug} prints each class's analysis as notes: the role of each
 *     method, the fields it reads and writes, and where its lock blocks are
 * @param warningsAsErrors {@code -Astatewire.warningsAsErrors} reports the SW2xx-SW4xx warnings as
 *     errors
 * @param unknown the {@code statewire.*} keys given that are none of the above
 */
record ProcessorOptions(
    boolean generatedAnnotation, boolean debug, boolean warningsAsErrors, Set<String> unknown) {
  static final String GENERATED = "statewire.generated";
  static final String DEBUG = "statewire.debug";
  static final String WARNINGS_AS_ERRORS = "statewire.warningsAsErrors";
  static final List<String> KNOWN = List.of(GENERATED, DEBUG, WARNINGS_AS_ERRORS);

  /** Reads the options javac passes; a key given without a value ({@code -Astatewire.debug}) is on. */
  static ProcessorOptions from(Map<String, String> options) {
    Set<String> unknown = new TreeSet<>();
    for (String key : options.keySet()) {
      if (key.startsWith("statewire.") && !KNOWN.contains(key)) {
        unknown.add(key);
      }
    }
    return new ProcessorOptions(
        flag(options, GENERATED, true),
        flag(options, DEBUG, false),
        flag(options, WARNINGS_AS_ERRORS, false),
        Set.copyOf(unknown));
  }

  private static boolean flag(Map<String, String> options, String key, boolean absent) {
    if (!options.containsKey(key)) {
      return absent;
    }
    String value = options.get(key);
    return value == null || value.isEmpty() || Boolean.parseBoolean(value);
  }
}
