package dev.statewire.processor.analysis;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Names resolved by javac: used once javac has attributed the compilation unit (after its
 * {@code ANALYZE} event), when asking costs nothing and changes nothing.
 */
final class AttributedSymbols implements Symbols {
  private final Trees trees;
  private final Set<VariableElement> fields;
  private final Set<ExecutableElement> methods;
  private final Set<ExecutableElement> innerClassMethods;
  private final Set<TypeElement> hierarchy;

  AttributedSymbols(
      Trees trees,
      Set<VariableElement> fields,
      Set<ExecutableElement> methods,
      Set<ExecutableElement> innerClassMethods,
      Set<TypeElement> hierarchy) {
    this.trees = trees;
    this.fields = fields;
    this.methods = methods;
    this.innerClassMethods = innerClassMethods;
    this.hierarchy = hierarchy;
  }

  @Override
  public Set<VariableElement> fields(ExpressionTree reference, TreePath path, Scope scope) {
    Element element = path == null ? null : trees.getElement(path);
    return element != null && fields.contains(element)
        ? Set.of((VariableElement) element)
        : Set.of();
  }

  @Override
  public List<ExecutableElement> methods(Tree callOrReference, TreePath path, Scope scope) {
    TreePath target =
        callOrReference instanceof MethodInvocationTree
            ? new TreePath(path, ((MethodInvocationTree) callOrReference).getMethodSelect())
            : path;
    Element element = trees.getElement(target);
    return element instanceof ExecutableElement && methods.contains(element)
        ? List.of((ExecutableElement) element)
        : List.of();
  }

  @Override
  public Optional<ExecutableElement> invoked(TreePath invocation) {
    MethodInvocationTree call = (MethodInvocationTree) invocation.getLeaf();
    Element element = trees.getElement(new TreePath(invocation, call.getMethodSelect()));
    return element instanceof ExecutableElement
        ? Optional.of((ExecutableElement) element)
        : Optional.empty();
  }

  @Override
  public boolean isThisInstance(TreePath expression) {
    Tree leaf = expression.getLeaf();
    boolean namedThis =
        (leaf instanceof IdentifierTree && ((IdentifierTree) leaf).getName().contentEquals("this"))
            || (leaf instanceof MemberSelectTree
                && ((MemberSelectTree) leaf).getIdentifier().contentEquals("this"));
    if (!namedThis) {
      return false;
    }
    TypeMirror type = trees.getTypeMirror(expression);
    return type instanceof DeclaredType && hierarchy.contains(((DeclaredType) type).asElement());
  }

  @Override
  public Optional<VariableElement> fieldHoldingCode(TreePath receiver) {
    Element element = trees.getElement(receiver);
    if (element == null
        || element.getKind() != ElementKind.FIELD
        || !hierarchy.contains(element.getEnclosingElement())) {
      return Optional.empty();
    }
    Tree declaration = trees.getTree(element);
    if (!(declaration instanceof VariableTree)) {
      return Optional.empty();
    }
    ExpressionTree initializer = ((VariableTree) declaration).getInitializer();
    while (initializer instanceof ParenthesizedTree) {
      initializer = ((ParenthesizedTree) initializer).getExpression();
    }
    boolean code =
        initializer instanceof LambdaExpressionTree
            || initializer instanceof MemberReferenceTree
            || (initializer instanceof NewClassTree
                && ((NewClassTree) initializer).getClassBody() != null);
    return code ? Optional.of((VariableElement) element) : Optional.empty();
  }

  @Override
  public boolean widensReadsThroughOtherReceivers() {
    return false;
  }

  @Override
  public boolean isInnerClassMethod(ExecutableElement method) {
    return innerClassMethods.contains(method);
  }
}
