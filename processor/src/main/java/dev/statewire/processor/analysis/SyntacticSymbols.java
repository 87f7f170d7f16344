package dev.statewire.processor.analysis;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * Names resolved from the source text and the scope alone, without attributing anything: a name
 * is a field unless a local, parameter or member of a local class hides it; a call may run every
 * analysed method of its name that takes its number of arguments. This over-approximates (an
 * extra dependency costs a recomputation, never a stale value) and is what the processor uses
 * during its rounds.
 */
final class SyntacticSymbols implements Symbols {
  private final Map<String, Set<VariableElement>> fieldsByName;
  private final Map<String, List<ExecutableElement>> methodsByName;
  private final Set<ExecutableElement> innerClassMethods;

  SyntacticSymbols(
      Collection<VariableElement> fields,
      Collection<ExecutableElement> methods,
      Set<ExecutableElement> innerClassMethods) {
    this.fieldsByName =
        fields.stream()
            .collect(
                Collectors.groupingBy(
                    f -> f.getSimpleName().toString(),
                    Collectors.toCollection(LinkedHashSet::new)));
    this.methodsByName =
        methods.stream().collect(Collectors.groupingBy(m -> m.getSimpleName().toString()));
    this.innerClassMethods = innerClassMethods;
  }

  @Override
  public Set<VariableElement> fields(ExpressionTree reference, TreePath path, Scope scope) {
    if (reference instanceof IdentifierTree) {
      String name = ((IdentifierTree) reference).getName().toString();
      return scope.declares(name) ? Set.of() : fieldsByName.getOrDefault(name, Set.of());
    }
    if (reference instanceof MemberSelectTree) {
      return fieldsByName.getOrDefault(
          ((MemberSelectTree) reference).getIdentifier().toString(), Set.of());
    }
    return Set.of();
  }

  @Override
  public List<ExecutableElement> methods(Tree callOrReference, TreePath path, Scope scope) {
    if (callOrReference instanceof MemberReferenceTree) {
      return methodsByName.getOrDefault(
          ((MemberReferenceTree) callOrReference).getName().toString(), List.of());
    }
    MethodInvocationTree call = (MethodInvocationTree) callOrReference;
    ExpressionTree select = call.getMethodSelect();
    String name =
        select instanceof MemberSelectTree
            ? ((MemberSelectTree) select).getIdentifier().toString()
            : ((IdentifierTree) select).getName().toString();
    int arguments = call.getArguments().size();
    return methodsByName.getOrDefault(name, List.of()).stream()
        .filter(m -> fits(m, arguments))
        .toList();
  }

  private static boolean fits(ExecutableElement method, int arguments) {
    int parameters = method.getParameters().size();
    return parameters == arguments || (method.isVarArgs() && arguments >= parameters - 1);
  }

  @Override
  public Optional<ExecutableElement> invoked(TreePath invocation) {
    return Optional.empty();
  }

  @Override
  public boolean isThisInstance(TreePath expression) {
    return false;
  }

  @Override
  public Optional<VariableElement> fieldHoldingCode(TreePath receiver) {
    return Optional.empty();
  }

  @Override
  public boolean widensReadsThroughOtherReceivers() {
    return true;
  }

  @Override
  public boolean isInnerClassMethod(ExecutableElement method) {
    return innerClassMethods.contains(method);
  }
}
