package dev.statewire.processor.analysis;

import com.sun.source.util.TreePath;
import dev.statewire.processor.model.Signatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * How a call reaches what it does: the helpers called one inside the other, and the code in the
 * last one ({@code lookup() -> note() -> hits++}), so that a message can show the whole path.
 *
 * @param helpers the helpers from the one called first to the one containing {@code site}
 * @param site the write, read, lock or blocking call at the end of the path
 * @param field the field written or read there, if any
 */
public record HelperPath(
    List<ExecutableElement> helpers, TreePath site, Optional<VariableElement> field) {

  /** This path reached through {@code caller} first. */
  HelperPath through(ExecutableElement caller) {
    List<ExecutableElement> longer = new ArrayList<>();
    longer.add(caller);
    longer.addAll(helpers);
    return new HelperPath(List.copyOf(longer), site, field);
  }

  /** The helper called first. */
  public ExecutableElement first() {
    return helpers.get(0);
  }

  /** The name of the field at the end of the path ({@code hits}), or empty. */
  public String fieldName() {
    return field.map(f -> f.getSimpleName().toString()).orElse("");
  }

  /** {@code lookup() -> note() -> hits++}. */
  public String describe() {
    return helpers.stream().map(Signatures::of).collect(Collectors.joining(" -> "))
        + " -> " + site.getLeaf();
  }
}
