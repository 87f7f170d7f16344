package dev.statewire.processor.validation;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.statewire.processor.model.StatewireAnnotations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The compilation units that declare the named top-level types, each once, generated ones left
 * out. Types are looked up by name, so a unit seen in an earlier round is found in this round's
 * symbols.
 */
public final class CompilationUnits {
  private CompilationUnits() {}

  /** The units declaring {@code typeNames} (qualified names) that still exist. */
  public static List<TreePath> declaring(
      Collection<String> typeNames, Elements elements, Trees trees) {
    Set<CompilationUnitTree> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<TreePath> units = new ArrayList<>();
    for (String name : typeNames) {
      TypeElement type = elements.getTypeElement(name);
      if (type == null
          || StatewireAnnotations.isPresent(type, StatewireAnnotations.STATEWIRE_GENERATED)) {
        continue;
      }
      TreePath path = trees.getPath(type);
      if (path != null && seen.add(path.getCompilationUnit())) {
        units.add(new TreePath(path.getCompilationUnit()));
      }
    }
    return units;
  }
}
