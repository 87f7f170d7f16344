package dev.statewire.processor.validation;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.statewire.processor.analysis.FieldUse;
import dev.statewire.processor.analysis.Receivers;
import dev.statewire.processor.model.ModelCollector;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Types;

/**
 * Step 3d, SW205 and SW206: scans every compilation unit of the compilation for reactive fields
 * touched behind their class's back. Writing one through a reference other than {@code this}
 * (anywhere, even inside its class) is an error; reading one through such a reference from
 * outside its class is a warning. Accesses on {@code this} (including inherited fields in
 * subclasses) are the class's own business. {@code @SuppressWarnings("SW206")} on an enclosing
 * declaration silences the warning.
 */
public final class OutsideAccessValidator {
  private final Trees trees;
  private final Types types;
  private final Diagnostics diagnostics;

  public OutsideAccessValidator(Trees trees, Types types, Diagnostics diagnostics) {
    this.trees = trees;
    this.types = types;
    this.diagnostics = diagnostics;
  }

  /** Scans each of {@code units} (attributing it). */
  public void validate(List<TreePath> units) {
    for (TreePath unit : units) {
      new Scanner().scan(unit, null);
    }
  }

  private final class Scanner extends TreePathScanner<Void, Void> {
    @Override
    public Void visitMemberSelect(MemberSelectTree node, Void unused) {
      Element element = trees.getElement(getCurrentPath());
      if (element != null
          && ModelCollector.isReactiveField(element)
          && !Receivers.isThis(node.getExpression())) {
        check(element, FieldUse.of(getCurrentPath()));
      }
      return super.visitMemberSelect(node, unused);
    }

    private void check(Element field, FieldUse use) {
      TypeElement owner = (TypeElement) field.getEnclosingElement();
      String fieldName = field.getSimpleName().toString();
      String ownerName = owner.getSimpleName().toString();
      boolean inside = isInside(owner);
      if (use.writes()) {
        diagnostics.error(
            use.site(),
            field,
            inside
                ? Messages.writtenOnOtherInstance(fieldName, ownerName)
                : Messages.writtenFromOutside(fieldName, ownerName));
      } else if (!inside && !isSuppressed("SW206")) {
        diagnostics.warning(use.site(), field, Messages.readFromOutside(fieldName, ownerName));
      }
    }

    /** The current code is in {@code owner}, a class nested in it, or a subclass of it. */
    private boolean isInside(TypeElement owner) {
      for (TreePath at = getCurrentPath(); at != null; at = at.getParentPath()) {
        if (at.getLeaf() instanceof ClassTree) {
          Element enclosing = trees.getElement(at);
          if (enclosing != null
              && types.isSubtype(types.erasure(enclosing.asType()), types.erasure(owner.asType()))) {
            return true;
          }
        }
      }
      return false;
    }

    private boolean isSuppressed(String id) {
      for (TreePath at = getCurrentPath(); at != null; at = at.getParentPath()) {
        Element declaration = trees.getElement(at);
        Tree.Kind kind = at.getLeaf().getKind();
        boolean isDeclaration =
            at.getLeaf() instanceof ClassTree || kind == Tree.Kind.METHOD || kind == Tree.Kind.VARIABLE;
        if (isDeclaration && declaration != null) {
          SuppressWarnings suppress = declaration.getAnnotation(SuppressWarnings.class);
          if (suppress != null && Arrays.asList(suppress.value()).contains(id)) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
