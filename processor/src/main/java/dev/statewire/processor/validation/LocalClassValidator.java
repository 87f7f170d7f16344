package dev.statewire.processor.validation;

import com.sun.source.tree.ClassTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.statewire.processor.model.StatewireAnnotations;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * SW101 for local classes: javac does not hand annotated local classes to processors, so they
 * are found by scanning the round's compilation units.
 */
public final class LocalClassValidator {
  private final Trees trees;
  private final Diagnostics diagnostics;

  public LocalClassValidator(Trees trees, Diagnostics diagnostics) {
    this.trees = trees;
    this.diagnostics = diagnostics;
  }

  /** Reports every {@code @Reactive} local class of {@code units} (attributing them). */
  public void validate(List<TreePath> units) {
    for (TreePath unit : units) {
      new Scanner().scan(unit, null);
    }
  }

  private final class Scanner extends TreePathScanner<Void, Void> {
    @Override
    public Void visitClass(ClassTree node, Void unused) {
      Element element = trees.getElement(getCurrentPath());
      if (element instanceof TypeElement
          && ((TypeElement) element).getNestingKind() == NestingKind.LOCAL
          && StatewireAnnotations.isPresent(element, StatewireAnnotations.REACTIVE)) {
        diagnostics.error(element, Messages.localClass(element.getSimpleName().toString()));
      }
      return super.visitClass(node, unused);
    }
  }
}
