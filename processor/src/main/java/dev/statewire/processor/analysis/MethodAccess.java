package dev.statewire.processor.analysis;

import com.sun.source.util.TreePath;
import dev.statewire.processor.analysis.LockScope.CallSite;
import dev.statewire.processor.analysis.LockScope.FieldAccess;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * @param calls the calls it makes on {@code this} (and to methods of inner classes)
 * @param returnedField the field a plain getter returns ({@code return x;} is its whole body)
 * @param opaque the body could not be read (no Trees, or no source): the method is assumed to read
 *     and write every reactive field
 */
public record MethodAccess(
    Set<VariableElement> reads,
    Set<VariableElement> writes,
    Map<VariableElement, TreePath> writeSites,
    List<MethodCall> calls,
    Optional<VariableElement> returnedField,
    boolean opaque) {

  /** A method whose body is not visible: assumed to read and write {@code fields}. */
  public static MethodAccess opaque(Set<VariableElement> fields) {
    return new MethodAccess(fields, fields, Map.of(), List.of(), Optional.empty(), true);
  }

  /** The access summed up from one reading of the body. */
  static MethodAccess of(LockScope body) {
    Set<VariableElement> reads = new LinkedHashSet<>();
    Map<VariableElement, TreePath> writeSites = new LinkedHashMap<>();
    for (FieldAccess access : body.fieldUses()) {
      if (access.use().reads()) {
        reads.add(access.field());
      }
      if (access.use().writes()) {
        writeSites.putIfAbsent(access.field(), access.use().site());
      }
    }
    return new MethodAccess(
        Collections.unmodifiableSet(reads),
        Collections.unmodifiableSet(new LinkedHashSet<>(writeSites.keySet())),
        Collections.unmodifiableMap(writeSites),
        body.calls().stream().map(CallSite::call).toList(),
        body.returnedField(),
        false);
  }
}
