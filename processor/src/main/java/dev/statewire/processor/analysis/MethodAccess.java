package dev.statewire.processor.analysis;

import com.sun.source.util.TreePath;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.VariableElement;

/**
 * What one method body does to the reactive fields of {@code this}, directly (calls are kept
 * separately, see {@link ClassAnalysis#effective}).
 *
 * @param reads the reactive fields the body reads
 * @param writes the reactive fields it writes
 * @param writeSites for each written field, the first expression that writes it (empty when the
 *     body is opaque)
 * @param calls the calls it makes on {@code this}
 * @param returnedField the field a plain getter returns ({@code return x;} is its whole body)
 * @param opaque the body could not be read (no Trees, or no source): the method is assumed to read
 *     and write every reactive field
 * @param unresolvedTypes the simple names of the types the body references that do not exist
 *     yet (generated later in this compilation)
 */
public record MethodAccess(
    Set<VariableElement> reads,
    Set<VariableElement> writes,
    Map<VariableElement, TreePath> writeSites,
    List<MethodCall> calls,
    Optional<VariableElement> returnedField,
    boolean opaque,
    Set<String> unresolvedTypes) {

  /** A method whose body is not visible: assumed to read and write {@code fields}. */
  public static MethodAccess opaque(Set<VariableElement> fields) {
    return new MethodAccess(fields, fields, Map.of(), List.of(), Optional.empty(), true, Set.of());
  }
}
