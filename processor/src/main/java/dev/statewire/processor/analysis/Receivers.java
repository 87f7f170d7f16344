package dev.statewire.processor.analysis;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;

/** Recognises the receivers that mean "this instance": {@code this}, {@code super}, {@code Outer.this}. */
public final class Receivers {
  private Receivers() {}

  /** {@code receiver} is {@code this}, {@code super}, {@code X.this} or {@code X.super}. */
  public static boolean isThis(ExpressionTree receiver) {
    return isSuper(receiver) || isNamed(receiver, "this");
  }

  /** {@code receiver} is {@code super} or {@code X.super}: the call is not virtual. */
  public static boolean isSuper(ExpressionTree receiver) {
    return isNamed(receiver, "super");
  }

  private static boolean isNamed(ExpressionTree receiver, String keyword) {
    ExpressionTree tree = receiver;
    while (tree instanceof ParenthesizedTree) {
      tree = ((ParenthesizedTree) tree).getExpression();
    }
    if (tree instanceof IdentifierTree) {
      return ((IdentifierTree) tree).getName().contentEquals(keyword);
    }
    return tree instanceof MemberSelectTree
        && ((MemberSelectTree) tree).getIdentifier().contentEquals(keyword);
  }
}
