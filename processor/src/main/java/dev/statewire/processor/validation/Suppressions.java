package dev.statewire.processor.validation;

import java.util.Arrays;
import javax.lang.model.element.Element;

/**
 * {@code @SuppressWarnings("SW401")} (and the like) on a method or an enclosing class silences a
 * Statewire warning there.
 */
final class Suppressions {
  private Suppressions() {}

  /** Whether {@code element} or a declaration enclosing it suppresses the warning {@code id}. */
  static boolean isSuppressed(Element element, String id) {
    for (Element at = element; at != null; at = at.getEnclosingElement()) {
      SuppressWarnings suppress = at.getAnnotation(SuppressWarnings.class);
      if (suppress != null && Arrays.asList(suppress.value()).contains(id)) {
        return true;
      }
    }
    return false;
  }
}
