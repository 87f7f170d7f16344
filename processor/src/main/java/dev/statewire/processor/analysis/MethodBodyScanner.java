package dev.statewire.processor.analysis;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.statewire.processor.model.ErrorTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Reads one method body and records what it does to the reactive fields of {@code this}.
 *
 * <p>A field counts when javac resolves a name to it and the receiver is this instance: an
 * unqualified name (so a local variable or parameter that hides the field is not the field),
 * {@code this.x}, {@code super.x} or {@code Outer.this.x}. {@code other.x} is another object's
 * field and not this state. Lambdas, anonymous and local classes inside the body are scanned as
 * part of it: what they touch counts for the method that contains them.
 */
final class MethodBodyScanner extends TreePathScanner<Void, Void> {
  private final Trees trees;
  private final Set<? extends Element> reactiveFields;
  private final Set<TypeElement> hierarchy;
  private final Set<VariableElement> reads = new LinkedHashSet<>();
  private final Map<VariableElement, TreePath> writeSites = new LinkedHashMap<>();
  private final List<MethodCall> calls = new ArrayList<>();
  private final Set<String> unresolvedTypes = new LinkedHashSet<>();

  private MethodBodyScanner(
      Trees trees, Set<? extends Element> reactiveFields, Set<TypeElement> hierarchy) {
    this.trees = trees;
    this.reactiveFields = reactiveFields;
    this.hierarchy = hierarchy;
  }

  /** Scans the method at {@code methodPath}. */
  static MethodAccess scan(
      Trees trees,
      TreePath methodPath,
      Set<? extends Element> reactiveFields,
      Set<TypeElement> hierarchy) {
    MethodBodyScanner scanner = new MethodBodyScanner(trees, reactiveFields, hierarchy);
    MethodTree method = (MethodTree) methodPath.getLeaf();
    if (method.getBody() != null) {
      scanner.scan(new TreePath(methodPath, method.getBody()), null);
    }
    return new MethodAccess(
        Set.copyOf(scanner.reads),
        Set.copyOf(scanner.writeSites.keySet()),
        Map.copyOf(scanner.writeSites),
        List.copyOf(scanner.calls),
        scanner.returnedField(methodPath),
        false,
        Set.copyOf(scanner.unresolvedTypes));
  }

  @Override
  public Void visitIdentifier(IdentifierTree node, Void unused) {
    Element element = trees.getElement(getCurrentPath());
    noteUnresolved();
    if (element != null && reactiveFields.contains(element)) {
      record((VariableElement) element, getCurrentPath());
    }
    return super.visitIdentifier(node, unused);
  }

  @Override
  public Void visitMemberSelect(MemberSelectTree node, Void unused) {
    Element element = trees.getElement(getCurrentPath());
    noteUnresolved();
    if (element != null
        && reactiveFields.contains(element)
        && Receivers.isThis(node.getExpression())) {
      record((VariableElement) element, getCurrentPath());
    }
    return super.visitMemberSelect(node, unused);
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
    ExpressionTree select = node.getMethodSelect();
    TreePath selectPath = new TreePath(getCurrentPath(), select);
    boolean onThis =
        select instanceof IdentifierTree
            || (select instanceof MemberSelectTree
                && Receivers.isThis(((MemberSelectTree) select).getExpression()));
    boolean viaSuper =
        select instanceof MemberSelectTree
            && Receivers.isSuper(((MemberSelectTree) select).getExpression());
    recordCall(trees.getElement(selectPath), onThis, viaSuper);
    return super.visitMethodInvocation(node, unused);
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree node, Void unused) {
    recordCall(
        trees.getElement(getCurrentPath()),
        Receivers.isThis(node.getQualifierExpression()),
        Receivers.isSuper(node.getQualifierExpression()));
    return super.visitMemberReference(node, unused);
  }

  private void recordCall(Element target, boolean onThis, boolean viaSuper) {
    if (onThis
        && target instanceof ExecutableElement
        && hierarchy.contains(target.getEnclosingElement())) {
      calls.add(new MethodCall((ExecutableElement) target, getCurrentPath(), viaSuper));
    }
  }

  private void record(VariableElement field, TreePath reference) {
    FieldUse use = FieldUse.of(reference);
    if (use.reads()) {
      reads.add(field);
    }
    if (use.writes()) {
      writeSites.putIfAbsent(field, use.site());
    }
  }

  private void noteUnresolved() {
    TypeMirror type = trees.getTypeMirror(getCurrentPath());
    if (type != null) {
      ErrorTypes.collect(type, unresolvedTypes);
    }
  }

  /** The field {@code method} returns when its whole body is {@code return x;} (or {@code this.x}). */
  private Optional<VariableElement> returnedField(TreePath methodPath) {
    BlockTree body = ((MethodTree) methodPath.getLeaf()).getBody();
    if (body == null
        || body.getStatements().size() != 1
        || !(body.getStatements().get(0) instanceof ReturnTree)) {
      return Optional.empty();
    }
    ExpressionTree returned = ((ReturnTree) body.getStatements().get(0)).getExpression();
    while (returned instanceof ParenthesizedTree) {
      returned = ((ParenthesizedTree) returned).getExpression();
    }
    boolean onThis =
        returned instanceof IdentifierTree
            || (returned instanceof MemberSelectTree
                && Receivers.isThis(((MemberSelectTree) returned).getExpression()));
    if (!onThis) {
      return Optional.empty();
    }
    TreePath returnedPath = TreePath.getPath(methodPath, returned);
    Element element = returnedPath == null ? null : trees.getElement(returnedPath);
    return element != null && reactiveFields.contains(element)
        ? Optional.of((VariableElement) element)
        : Optional.empty();
  }
}
