package dev.statewire.processor.analysis;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;

/**
 * How an expression naming a field uses it: read, assigned, or both ({@code +=}, {@code ++}).
 *
 * @param reads the old value is read
 * @param writes a new value is stored
 * @param site the whole expression that uses the field (the assignment for a write), where
 *     diagnostics point
 */
public record FieldUse(boolean reads, boolean writes, TreePath site) {

  /** Classifies the field reference at {@code reference} from its enclosing expression. */
  public static FieldUse of(TreePath reference) {
    TreePath operand = reference;
    Tree parent = operand.getParentPath().getLeaf();
    while (parent instanceof ParenthesizedTree) {
      operand = operand.getParentPath();
      parent = operand.getParentPath().getLeaf();
    }
    Tree leaf = operand.getLeaf();
    if (parent instanceof AssignmentTree && ((AssignmentTree) parent).getVariable() == leaf) {
      return new FieldUse(false, true, operand.getParentPath());
    }
    if (parent instanceof CompoundAssignmentTree
        && ((CompoundAssignmentTree) parent).getVariable() == leaf) {
      return new FieldUse(true, true, operand.getParentPath());
    }
    if (parent instanceof UnaryTree && isIncrementOrDecrement(parent.getKind())) {
      return new FieldUse(true, true, operand.getParentPath());
    }
    return new FieldUse(true, false, reference);
  }

  private static boolean isIncrementOrDecrement(Tree.Kind kind) {
    return kind == Tree.Kind.PREFIX_INCREMENT
        || kind == Tree.Kind.PREFIX_DECREMENT
        || kind == Tree.Kind.POSTFIX_INCREMENT
        || kind == Tree.Kind.POSTFIX_DECREMENT;
  }
}
