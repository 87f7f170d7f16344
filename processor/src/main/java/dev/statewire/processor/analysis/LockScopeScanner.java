package dev.statewire.processor.analysis;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.statewire.processor.analysis.LockScope.BlockingCall;
import dev.statewire.processor.analysis.LockScope.CallSite;
import dev.statewire.processor.analysis.LockScope.FieldAccess;
import dev.statewire.processor.analysis.LockScope.InPlaceMutation;
import dev.statewire.processor.analysis.LockScope.LockCall;
import dev.statewire.processor.analysis.LockScope.LockTarget;
import dev.statewire.processor.analysis.LockScope.Place;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Reads one method body and records, for everything the lock checks care about, whether it
 * happens inside a lock block and whether it is deferred.
 *
 * <p>Java's scoping decides what is inside a lock block. In {@code try (var self =
 * Statewire.lock(this)) { body } catch (...) { } finally { }} the resources declared after the
 * lock and the body run under the lock; the {@code catch} and {@code finally} blocks do not (the
 * resources are closed before they run), and neither does anything after the statement. The body
 * of {@code Statewire.lock(this, () -> { ... })} (a lambda or a method reference) runs under the
 * lock too. A lambda, anonymous class, local class or method reference anywhere else is deferred:
 * it may run after the lock is released, so a lock block around it does not count for it, while
 * a lock block inside it does.
 */
final class LockScopeScanner extends TreePathScanner<Void, Void> {
  private static final String STATEWIRE = "dev.statewire.Statewire";
  private static final String CONTEXT = "dev.statewire.ReactiveContext";
  private static final Set<String> CONTEXT_LOCKS = Set.of("enter", "enterInterruptibly", "tryEnter");

  private final Trees trees;
  private final Set<? extends Element> reactiveFields;
  private final Set<TypeElement> hierarchy;
  private final BlockingCalls blocking;
  private final InPlaceMutators mutators;

  private final List<FieldAccess> fieldUses = new ArrayList<>();
  private final List<CallSite> calls = new ArrayList<>();
  private final List<LockCall> locks = new ArrayList<>();
  private final List<BlockingCall> blockingCalls = new ArrayList<>();
  private final List<InPlaceMutation> inPlaceMutations = new ArrayList<>();

  /** Lock blocks open around the current code, within the innermost deferred body. */
  private int openLocks;
  private Deferral deferral = Deferral.NONE;
  /** Lambdas and method references passed as body to {@code Statewire.lock(this, body)}. */
  private final Set<Tree> lockBodies = Collections.newSetFromMap(new IdentityHashMap<>());

  private LockScopeScanner(
      Trees trees,
      Set<? extends Element> reactiveFields,
      Set<TypeElement> hierarchy,
      BlockingCalls blocking,
      InPlaceMutators mutators) {
    this.trees = trees;
    this.reactiveFields = reactiveFields;
    this.hierarchy = hierarchy;
    this.blocking = blocking;
    this.mutators = mutators;
  }

  /** Scans the method at {@code methodPath}. */
  static LockScope scan(
      Trees trees,
      TreePath methodPath,
      Set<? extends Element> reactiveFields,
      Set<TypeElement> hierarchy,
      BlockingCalls blocking,
      InPlaceMutators mutators) {
    LockScopeScanner scanner =
        new LockScopeScanner(trees, reactiveFields, hierarchy, blocking, mutators);
    MethodTree method = (MethodTree) methodPath.getLeaf();
    if (method.getBody() != null) {
      scanner.scan(new TreePath(methodPath, method.getBody()), null);
    }
    return new LockScope(
        List.copyOf(scanner.fieldUses),
        List.copyOf(scanner.calls),
        List.copyOf(scanner.locks),
        List.copyOf(scanner.blockingCalls),
        List.copyOf(scanner.inPlaceMutations));
  }

  private Place place() {
    return new Place(openLocks > 0, deferral);
  }

  // lock scopes

  @Override
  public Void visitTry(TryTree node, Void unused) {
    int opened = 0;
    for (Tree resource : node.getResources()) {
      scan(resource, unused);
      if (isLockOfThis(resource)) {
        openLocks++;
        opened++;
      }
    }
    scan(node.getBlock(), unused);
    openLocks -= opened;
    scan(node.getCatches(), unused);
    scan(node.getFinallyBlock(), unused);
    return null;
  }

  /** {@code var self = Statewire.lock(this)} or {@code Statewire.lock(this, timeout)}. */
  private boolean isLockOfThis(Tree resource) {
    if (!(resource instanceof VariableTree)
        || ((VariableTree) resource).getInitializer() == null) {
      return false;
    }
    ExpressionTree initializer = stripParentheses(((VariableTree) resource).getInitializer());
    if (!(initializer instanceof MethodInvocationTree)) {
      return false;
    }
    MethodInvocationTree call = (MethodInvocationTree) initializer;
    ExecutableElement method = invoked(pathTo(call));
    return method != null
        && isStatewireLock(method)
        && !isLockWithBody(method)
        && isThisInstance(call.getArguments().get(0));
  }

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
    if (lockBodies.contains(node)) {
      openLocks++;
      super.visitLambdaExpression(node, unused);
      openLocks--;
      return null;
    }
    return deferred(Deferral.LAMBDA, () -> super.visitLambdaExpression(node, unused));
  }

  @Override
  public Void visitClass(ClassTree node, Void unused) {
    Deferral kind =
        node.getSimpleName().length() == 0 ? Deferral.ANONYMOUS_CLASS : Deferral.LOCAL_CLASS;
    return deferred(kind, () -> super.visitClass(node, unused));
  }

  private Void deferred(Deferral kind, Runnable scanBody) {
    int outerLocks = openLocks;
    Deferral outerDeferral = deferral;
    openLocks = 0;
    deferral = kind;
    try {
      scanBody.run();
    } finally {
      openLocks = outerLocks;
      deferral = outerDeferral;
    }
    return null;
  }

  // fields

  @Override
  public Void visitIdentifier(IdentifierTree node, Void unused) {
    recordFieldUse(node);
    return super.visitIdentifier(node, unused);
  }

  @Override
  public Void visitMemberSelect(MemberSelectTree node, Void unused) {
    recordFieldUse(node);
    return super.visitMemberSelect(node, unused);
  }

  private void recordFieldUse(ExpressionTree reference) {
    VariableElement field = fieldOfThis(reference, getCurrentPath());
    if (field != null) {
      fieldUses.add(new FieldAccess(field, FieldUse.of(getCurrentPath()), place()));
    }
  }

  @Override
  public Void visitAssignment(AssignmentTree node, Void unused) {
    recordArrayElementWrite(node.getVariable(), " = ...");
    return super.visitAssignment(node, unused);
  }

  @Override
  public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
    recordArrayElementWrite(node.getVariable(), " " + operator(node.getKind()) + " ...");
    return super.visitCompoundAssignment(node, unused);
  }

  @Override
  public Void visitUnary(UnaryTree node, Void unused) {
    switch (node.getKind()) {
      case PREFIX_INCREMENT:
      case POSTFIX_INCREMENT:
        recordArrayElementWrite(node.getExpression(), "++");
        break;
      case PREFIX_DECREMENT:
      case POSTFIX_DECREMENT:
        recordArrayElementWrite(node.getExpression(), "--");
        break;
      default:
        break;
    }
    return super.visitUnary(node, unused);
  }

  /** {@code field[i] = ...}, {@code field[i][j] += ...}, {@code field[i]++}: an array changed in place. */
  private void recordArrayElementWrite(ExpressionTree target, String change) {
    ExpressionTree array = stripParentheses(target);
    if (!(array instanceof ArrayAccessTree)) {
      return;
    }
    while (array instanceof ArrayAccessTree) {
      array = stripParentheses(((ArrayAccessTree) array).getExpression());
    }
    VariableElement field = fieldOfThis(array, pathTo(array));
    if (field != null) {
      inPlaceMutations.add(
          new InPlaceMutation(field, getCurrentPath(), field.getSimpleName() + "[...]" + change));
    }
  }

  private static String operator(Tree.Kind kind) {
    switch (kind) {
      case PLUS_ASSIGNMENT:
        return "+=";
      case MINUS_ASSIGNMENT:
        return "-=";
      case MULTIPLY_ASSIGNMENT:
        return "*=";
      case DIVIDE_ASSIGNMENT:
        return "/=";
      default:
        return "op=";
    }
  }

  // calls

  @Override
  public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
    ExpressionTree select = node.getMethodSelect();
    ExecutableElement method = invoked(getCurrentPath());
    if (method != null) {
      recordLock(node, method);
      blocking
          .describe(method)
          .ifPresent(d -> blockingCalls.add(new BlockingCall(getCurrentPath(), d, place())));
      recordCollectionMutation(node, method);
      boolean onThis =
          select instanceof IdentifierTree
              || (select instanceof MemberSelectTree
                  && Receivers.isThis(((MemberSelectTree) select).getExpression()));
      boolean viaSuper =
          select instanceof MemberSelectTree
              && Receivers.isSuper(((MemberSelectTree) select).getExpression());
      if (onThis && hierarchy.contains(method.getEnclosingElement())) {
        calls.add(new CallSite(new MethodCall(method, getCurrentPath(), viaSuper), place()));
      }
    }
    return super.visitMethodInvocation(node, unused);
  }

  private void recordLock(MethodInvocationTree node, ExecutableElement method) {
    LockTarget target;
    if (isStatewireLock(method)) {
      boolean onThis = isThisInstance(node.getArguments().get(0));
      target = onThis ? LockTarget.THIS : LockTarget.OTHER_OBJECT;
      if (onThis && isLockWithBody(method)) {
        lockBodies.add(stripParentheses(node.getArguments().get(1)));
      }
    } else if (isContextLock(method)) {
      target = LockTarget.CONTEXT;
    } else {
      return;
    }
    locks.add(new LockCall(getCurrentPath(), describeLock(node), target));
  }

  private static String describeLock(MethodInvocationTree node) {
    List<? extends ExpressionTree> arguments = node.getArguments();
    String first = arguments.isEmpty() ? "" : arguments.get(0).toString();
    return node.getMethodSelect() + "(" + first + (arguments.size() > 1 ? ", ...)" : ")");
  }

  private void recordCollectionMutation(MethodInvocationTree node, ExecutableElement method) {
    ExpressionTree select = node.getMethodSelect();
    if (select instanceof MemberSelectTree) {
      ExpressionTree receiver = stripParentheses(((MemberSelectTree) select).getExpression());
      VariableElement field = fieldOfThis(receiver, pathTo(receiver));
      if (field != null && mutators.mutatesReceiver(method, field.asType())) {
        inPlaceMutations.add(
            new InPlaceMutation(
                field,
                getCurrentPath(),
                field.getSimpleName() + "." + method.getSimpleName() + "(...)"));
        return;
      }
    }
    int index = mutators.mutatedArgument(method);
    if (index >= 0 && index < node.getArguments().size()) {
      ExpressionTree argument = stripParentheses(node.getArguments().get(index));
      VariableElement field = fieldOfThis(argument, pathTo(argument));
      if (field != null && !mutators.isTracking(field.asType())) {
        inPlaceMutations.add(
            new InPlaceMutation(
                field,
                getCurrentPath(),
                method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName()
                    + "(...)"));
      }
    }
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree node, Void unused) {
    Element target = trees.getElement(getCurrentPath());
    ExpressionTree qualifier = node.getQualifierExpression();
    if (target instanceof ExecutableElement
        && Receivers.isThis(qualifier)
        && hierarchy.contains(target.getEnclosingElement())) {
      Place where =
          lockBodies.contains(node)
              ? new Place(true, deferral)
              : new Place(false, Deferral.METHOD_REFERENCE);
      calls.add(
          new CallSite(
              new MethodCall(
                  (ExecutableElement) target, getCurrentPath(), Receivers.isSuper(qualifier)),
              where));
    }
    return super.visitMemberReference(node, unused);
  }

  // helpers

  private ExecutableElement invoked(TreePath invocation) {
    MethodInvocationTree call = (MethodInvocationTree) invocation.getLeaf();
    Element element = trees.getElement(new TreePath(invocation, call.getMethodSelect()));
    return element instanceof ExecutableElement ? (ExecutableElement) element : null;
  }

  private static boolean isStatewireLock(ExecutableElement method) {
    return method.getSimpleName().contentEquals("lock")
        && ((TypeElement) method.getEnclosingElement()).getQualifiedName().contentEquals(STATEWIRE)
        && !method.getParameters().isEmpty();
  }

  /** {@code Statewire.lock(state, Runnable body)}. */
  private static boolean isLockWithBody(ExecutableElement method) {
    return method.getParameters().size() == 2
        && method.getParameters().get(1).asType().toString().equals("java.lang.Runnable");
  }

  private static boolean isContextLock(ExecutableElement method) {
    return CONTEXT_LOCKS.contains(method.getSimpleName().toString())
        && ((TypeElement) method.getEnclosingElement()).getQualifiedName().contentEquals(CONTEXT);
  }

  /**
   * {@code this} (or {@code X.this}) of the analysed class: not the {@code this} of an anonymous
   * or local class declared in the method.
   */
  private boolean isThisInstance(ExpressionTree expression) {
    ExpressionTree stripped = stripParentheses(expression);
    boolean namedThis =
        (stripped instanceof IdentifierTree
                && ((IdentifierTree) stripped).getName().contentEquals("this"))
            || (stripped instanceof MemberSelectTree
                && ((MemberSelectTree) stripped).getIdentifier().contentEquals("this"));
    if (!namedThis) {
      return false;
    }
    TypeMirror type = trees.getTypeMirror(pathTo(stripped));
    return type instanceof DeclaredType
        && hierarchy.contains(((DeclaredType) type).asElement());
  }

  /** The reactive field of this that {@code reference} (at {@code path}) names, or null. */
  private VariableElement fieldOfThis(ExpressionTree reference, TreePath path) {
    boolean onThis =
        reference instanceof IdentifierTree
            || (reference instanceof MemberSelectTree
                && Receivers.isThis(((MemberSelectTree) reference).getExpression()));
    if (!onThis || path == null) {
      return null;
    }
    Element element = trees.getElement(path);
    return element != null && reactiveFields.contains(element) ? (VariableElement) element : null;
  }

  private TreePath pathTo(Tree tree) {
    return tree == getCurrentPath().getLeaf()
        ? getCurrentPath()
        : TreePath.getPath(getCurrentPath(), tree);
  }

  private static ExpressionTree stripParentheses(ExpressionTree expression) {
    ExpressionTree tree = expression;
    while (tree instanceof ParenthesizedTree) {
      tree = ((ParenthesizedTree) tree).getExpression();
    }
    return tree;
  }
}
