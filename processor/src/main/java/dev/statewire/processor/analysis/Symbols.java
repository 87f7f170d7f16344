package dev.statewire.processor.analysis;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * What {@link BodyScanner} asks about the names in a body. Two answers exist: {@link
 * SyntacticSymbols} decides from names and scopes alone and never attributes a tree (it runs
 * during annotation processing, when attributing would change the trees javac compiles later);
 * {@link AttributedSymbols} asks javac, after javac has attributed the compilation unit.
 */
interface Symbols {
  /**
   * The reactive fields {@code reference} (an identifier, or {@code this.x}) may name in
   * {@code scope}. More than one when the name alone cannot tell (syntactic), empty when none.
   */
  Set<VariableElement> fields(ExpressionTree reference, TreePath path, Scope scope);

  /**
   * The analysed methods (of the hierarchy, or of its inner classes) that the method invocation
   * or method reference at {@code path} may run: javac's choice, or every method of that name
   * that fits the number of arguments when overloads cannot be told apart syntactically.
   */
  List<ExecutableElement> methods(Tree callOrReference, TreePath path, Scope scope);

  /** The method an invocation calls, when known precisely (never syntactically). */
  Optional<ExecutableElement> invoked(TreePath invocation);

  /** {@code expression} is {@code this} (or {@code X.this}) of the analysed class. */
  boolean isThisInstance(TreePath expression);

  /**
   * {@code other.x} with a field's name counts as a read of this's {@code x}: the syntactic
   * reading cannot tell whether {@code other} is this instance (a helper called as {@code
   * format(this)}), so it widens the dependencies; the precise reading never does.
   */
  boolean widensReadsThroughOtherReceivers();

  /**
   * The field of this that {@code receiver} names when the field holds code (its initializer is
   * a lambda, a method reference or an anonymous class); known precisely only.
   */
  Optional<VariableElement> fieldHoldingCode(TreePath receiver);

  /** {@code method} is declared in an inner class of the hierarchy (not in the hierarchy). */
  boolean isInnerClassMethod(ExecutableElement method);
}
