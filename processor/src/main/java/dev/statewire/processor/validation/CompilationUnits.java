package dev.statewire.processor.validation;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.statewire.processor.model.StatewireAnnotations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;

/** The compilation units of a round that came from source, each once, generated ones left out. */
final class CompilationUnits {
  private CompilationUnits() {}

  static List<TreePath> of(RoundEnvironment round, Trees trees) {
    Set<CompilationUnitTree> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<TreePath> units = new ArrayList<>();
    for (Element root : round.getRootElements()) {
      if (StatewireAnnotations.isPresent(root, StatewireAnnotations.STATEWIRE_GENERATED)) {
        continue;
      }
      TreePath path = trees.getPath(root);
      if (path != null && seen.add(path.getCompilationUnit())) {
        units.add(new TreePath(path.getCompilationUnit()));
      }
    }
    return units;
  }
}
