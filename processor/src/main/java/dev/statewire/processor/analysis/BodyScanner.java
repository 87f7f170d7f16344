package dev.statewire.processor.analysis;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import dev.statewire.processor.analysis.LockScope.BlockingCall;
import dev.statewire.processor.analysis.LockScope.CallSite;
import dev.statewire.processor.analysis.LockScope.FieldAccess;
import dev.statewire.processor.analysis.LockScope.HiddenRead;
import dev.statewire.processor.analysis.LockScope.InPlaceMutation;
import dev.statewire.processor.analysis.LockScope.LockCall;
import dev.statewire.processor.analysis.LockScope.LockTarget;
import dev.statewire.processor.analysis.Scope.LambdaRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The one reading of a method body: every use of a reactive field of {@code this}, every call to
 * an analysed method, every lock taken, every known blocking call and every in-place change of a
 * field's collection, each with where it happens ({@link LockScope.Place}). Where the scanner is
 * travels as the visitor's parameter, an immutable {@link Scope}, the way Error Prone's {@code
 * HeldLockAnalyzer} passes its {@code HeldLockSet}; names are resolved by {@link Symbols}.
 *
 * <p>Java's scoping decides what is inside a lock block: the body (and later resources) of
 * {@code try (var self = Statewire.lock(this))}, the statements after {@code var g =
 * Statewire.lock(this);} until {@code g.close()} (or a {@code finally} that closes it, or the end
 * of {@code try (g)}), and the body of {@code Statewire.lock(this, body)}, where the body is a
 * lambda, a method reference or a local variable holding one that is used for nothing else.
 * {@code catch} and {@code finally} of a try-with-resources run after the lock is released. A
 * lambda, anonymous class, local class or method reference is deferred (it may run after the
 * lock is released), unless it is passed to a method known to run it on the spot ({@link
 * SameThreadSinks}).
 */
final class BodyScanner extends TreePathScanner<Void, Scope> {
  private static final String STATEWIRE = "dev.statewire.Statewire";
  private static final String CONTEXT = "dev.statewire.ReactiveContext";
  private static final Set<String> CONTEXT_LOCKS = Set.of("enter", "enterInterruptibly", "tryEnter");
  private static final Set<String> VIEWS =
      Set.of("subList", "iterator", "listIterator", "keySet", "values", "entrySet", "headSet",
          "tailSet", "subSet", "headMap", "tailMap", "subMap", "descendingSet", "descendingMap",
          "navigableKeySet", "descendingKeySet", "reversed");

  private final Symbols symbols;
  private final BlockingCalls blocking;
  private final InPlaceMutators mutators;
  private final SameThreadSinks sinks;

  private final List<FieldAccess> fieldUses = new ArrayList<>();
  private final List<CallSite> calls = new ArrayList<>();
  private final List<MethodCall> otherInstanceCalls = new ArrayList<>();
  private final List<LockCall> locks = new ArrayList<>();
  private final List<BlockingCall> blockingCalls = new ArrayList<>();
  private final List<InPlaceMutation> inPlaceMutations = new ArrayList<>();
  private final List<HiddenRead> hiddenReads = new ArrayList<>();

  private BodyScanner(
      Symbols symbols, BlockingCalls blocking, InPlaceMutators mutators, SameThreadSinks sinks) {
    this.symbols = symbols;
    this.blocking = blocking;
    this.mutators = mutators;
    this.sinks = sinks;
  }

  /** Reads the method at {@code methodPath}. */
  static LockScope scan(
      TreePath methodPath,
      Symbols symbols,
      BlockingCalls blocking,
      InPlaceMutators mutators,
      SameThreadSinks sinks) {
    BodyScanner scanner = new BodyScanner(symbols, blocking, mutators, sinks);
    MethodTree method = (MethodTree) methodPath.getLeaf();
    Scope start = Scope.ofMethod(names(method.getParameters()));
    if (method.getBody() != null) {
      scanner.scan(new TreePath(methodPath, method.getBody()), start);
    }
    return new LockScope(
        List.copyOf(scanner.fieldUses),
        List.copyOf(scanner.calls),
        List.copyOf(scanner.otherInstanceCalls),
        List.copyOf(scanner.locks),
        List.copyOf(scanner.blockingCalls),
        List.copyOf(scanner.inPlaceMutations),
        scanner.returnedField(methodPath, start),
        List.copyOf(scanner.hiddenReads));
  }

  private static Set<String> names(List<? extends VariableTree> variables) {
    return variables.stream().map(v -> v.getName().toString()).collect(Collectors.toSet());
  }

  // scopes: declarations

  @Override
  public Void visitBlock(BlockTree node, Scope scope) {
    scanStatements(node.getStatements(), scope);
    return null;
  }

  @Override
  public Void visitCase(CaseTree node, Scope scope) {
    if (node.getStatements() == null) {
      return super.visitCase(node, scope);
    }
    for (ExpressionTree label : node.getExpressions()) {
      scan(label, scope);
    }
    scanStatements(node.getStatements(), scope);
    return null;
  }

  /** Statements in order, each seeing what the earlier ones declared, opened or closed. */
  private Scope scanStatements(List<? extends StatementTree> statements, Scope scope) {
    Set<String> lockBodies = lockBodyVariables(statements);
    Scope current = scope;
    for (StatementTree statement : statements) {
      if (statement instanceof VariableTree) {
        VariableTree variable = (VariableTree) statement;
        String name = variable.getName().toString();
        boolean lockBody = lockBodies.contains(name);
        scan(statement, lockBody ? current.forLambda(LambdaRun.LOCKED) : current);
        current = current.declaring(Set.of(name));
        ExpressionTree initializer = variable.getInitializer();
        if (initializer != null && isLockOfThis(pathBelow(statement, initializer))) {
          current = current.openingGuard(name);
        } else if (initializer != null) {
          Optional<VariableElement> viewed =
              viewedField(initializer, new TreePath(getCurrentPath(), statement), current);
          if (viewed.isPresent()) {
            current = current.viewing(name, viewed.get());
          }
        }
        continue;
      }
      scan(statement, current);
      for (String guard : current.guards()) {
        if (closesGuard(statement, guard)) {
          current = current.closingGuard(guard);
        }
      }
    }
    return current;
  }

  @Override
  public Void visitForLoop(ForLoopTree node, Scope scope) {
    Scope inside = scanStatements(node.getInitializer(), scope);
    scan(node.getCondition(), inside);
    scan(node.getUpdate(), inside);
    scan(node.getStatement(), inside);
    return null;
  }

  @Override
  public Void visitEnhancedForLoop(EnhancedForLoopTree node, Scope scope) {
    scan(node.getExpression(), scope);
    scan(node.getStatement(), scope.declaring(Set.of(node.getVariable().getName().toString())));
    return null;
  }

  @Override
  public Void visitCatch(CatchTree node, Scope scope) {
    scan(node.getBlock(), scope.declaring(Set.of(node.getParameter().getName().toString())));
    return null;
  }

  @Override
  public Void visitVariable(VariableTree node, Scope scope) {
    scan(node.getInitializer(), scope);
    return null;
  }

  @Override
  public Void visitIf(IfTree node, Scope scope) {
    scan(node.getCondition(), scope);
    scan(node.getThenStatement(), scope.declaring(bindings(node.getCondition())));
    scan(node.getElseStatement(), scope);
    return null;
  }

  @Override
  public Void visitConditionalExpression(ConditionalExpressionTree node, Scope scope) {
    scan(node.getCondition(), scope);
    scan(node.getTrueExpression(), scope.declaring(bindings(node.getCondition())));
    scan(node.getFalseExpression(), scope);
    return null;
  }

  @Override
  public Void visitBinary(BinaryTree node, Scope scope) {
    scan(node.getLeftOperand(), scope);
    Scope right =
        node.getKind() == Tree.Kind.CONDITIONAL_AND
            ? scope.declaring(bindings(node.getLeftOperand()))
            : scope;
    scan(node.getRightOperand(), right);
    return null;
  }

  /** The pattern variables {@code condition} declares ({@code x instanceof Foo f}). */
  private static Set<String> bindings(Tree condition) {
    Set<String> names = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitBindingPattern(BindingPatternTree node, Void unused) {
        names.add(node.getVariable().getName().toString());
        return super.visitBindingPattern(node, unused);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return null;
      }
    }.scan(condition, null);
    return names;
  }

  // scopes: code that may run later

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree node, Scope scope) {
    Scope declared = scope.declaring(names(node.getParameters()));
    Scope inside;
    switch (scope.nextLambda()) {
      case LOCKED:
        inside = declared.holdingLock();
        break;
      case IN_PLACE:
        inside = declared.forLambda(LambdaRun.DEFERRED);
        break;
      default:
        inside = declared.deferred(Deferral.LAMBDA);
        break;
    }
    scan(node.getBody(), inside);
    return null;
  }

  @Override
  public Void visitClass(ClassTree node, Scope scope) {
    Set<String> members = new HashSet<>();
    for (Tree member : node.getMembers()) {
      if (member instanceof VariableTree) {
        members.add(((VariableTree) member).getName().toString());
      }
    }
    Deferral kind =
        node.getSimpleName().length() == 0 ? Deferral.ANONYMOUS_CLASS : Deferral.LOCAL_CLASS;
    Scope inside = scope.declaring(members).deferred(kind);
    for (Tree member : node.getMembers()) {
      scan(member, inside);
    }
    return null;
  }

  @Override
  public Void visitMethod(MethodTree node, Scope scope) {
    scan(node.getBody(), scope.declaring(names(node.getParameters())));
    return null;
  }

  // fields

  @Override
  public Void visitIdentifier(IdentifierTree node, Scope scope) {
    recordFieldUse(node, scope);
    return null;
  }

  @Override
  public Void visitMemberSelect(MemberSelectTree node, Scope scope) {
    Tree parent = getCurrentPath().getParentPath().getLeaf();
    boolean selectsMethod =
        parent instanceof MethodInvocationTree
            && ((MethodInvocationTree) parent).getMethodSelect() == node;
    if (selectsMethod) {
      // a method's name, not a field: the invocation records the call
    } else if (Receivers.isThis(node.getExpression())) {
      recordFieldUse(node, scope);
    } else if (symbols.widensReadsThroughOtherReceivers()) {
      FieldUse use = FieldUse.of(getCurrentPath());
      if (!use.writes()) {
        for (VariableElement field : symbols.fields(node, getCurrentPath(), scope)) {
          fieldUses.add(new FieldAccess(field, use, scope.place()));
        }
      }
    }
    scan(node.getExpression(), scope.forLambda(LambdaRun.DEFERRED));
    return null;
  }

  private void recordFieldUse(ExpressionTree reference, Scope scope) {
    for (VariableElement field : symbols.fields(reference, getCurrentPath(), scope)) {
      fieldUses.add(new FieldAccess(field, FieldUse.of(getCurrentPath()), scope.place()));
    }
  }

  @Override
  public Void visitAssignment(AssignmentTree node, Scope scope) {
    recordArrayElementWrite(node.getVariable(), " = ...", scope);
    return super.visitAssignment(node, scope);
  }

  @Override
  public Void visitCompoundAssignment(CompoundAssignmentTree node, Scope scope) {
    recordArrayElementWrite(node.getVariable(), " " + operator(node.getKind()) + " ...", scope);
    return super.visitCompoundAssignment(node, scope);
  }

  @Override
  public Void visitUnary(UnaryTree node, Scope scope) {
    switch (node.getKind()) {
      case PREFIX_INCREMENT:
      case POSTFIX_INCREMENT:
        recordArrayElementWrite(node.getExpression(), "++", scope);
        break;
      case PREFIX_DECREMENT:
      case POSTFIX_DECREMENT:
        recordArrayElementWrite(node.getExpression(), "--", scope);
        break;
      default:
        break;
    }
    return super.visitUnary(node, scope);
  }

  /** {@code field[i] = ...}, {@code field[i][j] += ...}, {@code field[i]++}: an array changed in place. */
  private void recordArrayElementWrite(ExpressionTree target, String change, Scope scope) {
    ExpressionTree array = stripParentheses(target);
    if (!(array instanceof ArrayAccessTree)) {
      return;
    }
    while (array instanceof ArrayAccessTree) {
      array = stripParentheses(((ArrayAccessTree) array).getExpression());
    }
    for (VariableElement field : fieldsOfThis(array, pathTo(array), scope)) {
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
  public Void visitMethodInvocation(MethodInvocationTree node, Scope scope) {
    ExpressionTree select = node.getMethodSelect();
    ExpressionTree receiver =
        select instanceof MemberSelectTree ? ((MemberSelectTree) select).getExpression() : null;
    boolean onThis = receiver == null || Receivers.isThis(receiver);
    boolean viaSuper = receiver != null && Receivers.isSuper(receiver);
    for (ExecutableElement target : symbols.methods(node, getCurrentPath(), scope)) {
      MethodCall call = new MethodCall(target, getCurrentPath(), viaSuper);
      boolean runsHere =
          onThis
              || symbols.isInnerClassMethod(target)
              || target.getModifiers().contains(Modifier.STATIC);
      if (runsHere) {
        calls.add(new CallSite(call, scope.place()));
      } else {
        otherInstanceCalls.add(call);
      }
    }
    Optional<ExecutableElement> method = symbols.invoked(getCurrentPath());
    List<LambdaRun> runs = new ArrayList<>();
    node.getArguments().forEach(a -> runs.add(LambdaRun.DEFERRED));
    if (method.isPresent()) {
      recordLock(node, method.get(), runs);
      blocking
          .describe(method.get())
          .ifPresent(d -> blockingCalls.add(new BlockingCall(getCurrentPath(), d, scope.place())));
      recordCollectionMutation(node, method.get(), scope);
      recordHiddenRead(node, method.get(), receiver);
      if (runsLambdasInPlace(method.get())) {
        runs.replaceAll(run -> run == LambdaRun.DEFERRED ? LambdaRun.IN_PLACE : run);
      }
    }
    if (receiver != null) {
      scan(select, scope.forLambda(LambdaRun.DEFERRED));
    }
    for (int i = 0; i < node.getArguments().size(); i++) {
      scan(node.getArguments().get(i), scope.forLambda(runs.get(i)));
    }
    return null;
  }

  /**
   * {@code this} handed to a method the analysis does not read, or a call of code held in a
   * field: what they read of this is invisible to the dependency sets.
   */
  private void recordHiddenRead(
      MethodInvocationTree node, ExecutableElement method, ExpressionTree receiver) {
    if (receiver != null) {
      ExpressionTree stripped = stripParentheses(receiver);
      TreePath receiverPath = pathTo(stripped);
      Optional<VariableElement> holder =
          receiverPath == null ? Optional.empty() : symbols.fieldHoldingCode(receiverPath);
      if (holder.isPresent()) {
        hiddenReads.add(
            new HiddenRead(
                getCurrentPath(),
                "calls " + stripped + "." + method.getSimpleName() + "(...), code held in field "
                    + holder.get().getSimpleName()));
        return;
      }
    }
    boolean analysed = !symbols.methods(node, getCurrentPath(), Scope.ofMethod(Set.of())).isEmpty();
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    if (analysed || owner.getQualifiedName().toString().startsWith("dev.statewire.")) {
      return;
    }
    for (ExpressionTree argument : node.getArguments()) {
      TreePath path = pathTo(stripParentheses(argument));
      if (path != null && symbols.isThisInstance(path)) {
        hiddenReads.add(
            new HiddenRead(
                getCurrentPath(),
                "passes this to " + owner.getSimpleName() + "." + method.getSimpleName()
                    + "(...)"));
        return;
      }
    }
  }

  /**
   * {@code method} runs the lambdas passed to it now: a known sink, or a stream operation of a
   * pipeline that ends, in the same expression, in a terminal operation.
   */
  private boolean runsLambdasInPlace(ExecutableElement method) {
    if (sinks.runsInPlace(method)) {
      return true;
    }
    if (!sinks.isStreamOperation(method)) {
      return false;
    }
    ExecutableElement stage = method;
    TreePath at = getCurrentPath();
    while (!sinks.isTerminal(stage)) {
      TreePath select = at.getParentPath();
      TreePath next = select == null ? null : select.getParentPath();
      if (next == null
          || !(select.getLeaf() instanceof MemberSelectTree)
          || !(next.getLeaf() instanceof MethodInvocationTree)) {
        return false;
      }
      Optional<ExecutableElement> following = symbols.invoked(next);
      if (following.isEmpty() || !sinks.isStreamOperation(following.get())) {
        return false;
      }
      stage = following.get();
      at = next;
    }
    return true;
  }

  private void recordLock(MethodInvocationTree node, ExecutableElement method, List<LambdaRun> runs) {
    LockTarget target;
    if (isStatewireLock(method)) {
      boolean onThis = symbols.isThisInstance(pathTo(stripParentheses(node.getArguments().get(0))));
      target = onThis ? LockTarget.THIS : LockTarget.OTHER_OBJECT;
      if (onThis && isLockWithBody(method)) {
        runs.set(1, LambdaRun.LOCKED);
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

  private void recordCollectionMutation(
      MethodInvocationTree node, ExecutableElement method, Scope scope) {
    ExpressionTree select = node.getMethodSelect();
    if (select instanceof MemberSelectTree) {
      ExpressionTree receiver = stripParentheses(((MemberSelectTree) select).getExpression());
      String call = method.getSimpleName() + "(...)";
      if (receiver instanceof IdentifierTree
          && scope.views().containsKey(((IdentifierTree) receiver).getName().toString())
          && mutators.mutatesView(method)) {
        VariableElement field = scope.views().get(((IdentifierTree) receiver).getName().toString());
        inPlaceMutations.add(
            new InPlaceMutation(
                field, getCurrentPath(), receiver + "." + call + " on a view of " + field.getSimpleName()));
        return;
      }
      Optional<VariableElement> viewed = viewedField(receiver, getCurrentPath(), scope);
      if (viewed.isPresent() && mutators.mutatesView(method)) {
        inPlaceMutations.add(
            new InPlaceMutation(viewed.get(), getCurrentPath(), receiver + "." + call));
        return;
      }
      for (VariableElement field : fieldsOfThis(receiver, pathTo(receiver), scope)) {
        if (mutators.mutatesReceiver(method, field.asType())) {
          inPlaceMutations.add(
              new InPlaceMutation(field, getCurrentPath(), field.getSimpleName() + "." + call));
          return;
        }
      }
    }
    int index = mutators.mutatedArgument(method);
    if (index >= 0 && index < node.getArguments().size()) {
      ExpressionTree argument = stripParentheses(node.getArguments().get(index));
      for (VariableElement field : fieldsOfThis(argument, pathTo(argument), scope)) {
        if (!mutators.isTracking(field.asType())) {
          inPlaceMutations.add(
              new InPlaceMutation(
                  field,
                  getCurrentPath(),
                  method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName()
                      + "(...)"));
        }
      }
    }
  }

  /**
   * The field whose collection {@code expression} (found below {@code base}) is a view of: {@code
   * items.subList(0, 2)}, {@code items.iterator()}, {@code map.keySet().iterator()}.
   */
  private Optional<VariableElement> viewedField(
      ExpressionTree expression, TreePath base, Scope scope) {
    ExpressionTree at = stripParentheses(expression);
    boolean throughView = false;
    while (at instanceof MethodInvocationTree
        && ((MethodInvocationTree) at).getMethodSelect() instanceof MemberSelectTree) {
      MemberSelectTree select = (MemberSelectTree) ((MethodInvocationTree) at).getMethodSelect();
      if (!VIEWS.contains(select.getIdentifier().toString())) {
        return Optional.empty();
      }
      throughView = true;
      at = stripParentheses(select.getExpression());
    }
    if (!throughView) {
      return Optional.empty();
    }
    TreePath path = TreePath.getPath(base, at);
    return fieldsOfThis(at, path, scope).stream()
        .filter(f -> !mutators.isTracking(f.asType()))
        .findFirst();
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree node, Scope scope) {
    ExpressionTree qualifier = node.getQualifierExpression();
    if (Receivers.isThis(qualifier)) {
      LockScope.Place where;
      switch (scope.nextLambda()) {
        case LOCKED:
          where = new LockScope.Place(true, scope.deferral());
          break;
        case IN_PLACE:
          where = scope.place();
          break;
        default:
          where = new LockScope.Place(false, Deferral.METHOD_REFERENCE);
          break;
      }
      for (ExecutableElement target : symbols.methods(node, getCurrentPath(), scope)) {
        calls.add(
            new CallSite(
                new MethodCall(target, getCurrentPath(), Receivers.isSuper(qualifier)), where));
      }
    }
    scan(qualifier, scope.forLambda(LambdaRun.DEFERRED));
    return null;
  }

  // lock guards held in locals

  /** {@code Statewire.lock(this)} or {@code Statewire.lock(this, timeout)} at {@code path}. */
  private boolean isLockOfThis(TreePath path) {
    if (path == null || !(path.getLeaf() instanceof MethodInvocationTree)) {
      return false;
    }
    MethodInvocationTree call = (MethodInvocationTree) path.getLeaf();
    Optional<ExecutableElement> method = symbols.invoked(path);
    return method.isPresent()
        && isStatewireLock(method.get())
        && !isLockWithBody(method.get())
        && symbols.isThisInstance(
            new TreePath(path, stripParentheses(call.getArguments().get(0))));
  }

  /** {@code statement} closes {@code guard}: {@code guard.close();}, a finally that does, {@code try (guard)}. */
  private static boolean closesGuard(StatementTree statement, String guard) {
    if (isCloseOf(statement, guard)) {
      return true;
    }
    if (!(statement instanceof TryTree)) {
      return false;
    }
    TryTree tryTree = (TryTree) statement;
    boolean asResource =
        tryTree.getResources().stream()
            .anyMatch(r -> r instanceof IdentifierTree
                && ((IdentifierTree) r).getName().contentEquals(guard));
    boolean inFinally =
        tryTree.getFinallyBlock() != null
            && tryTree.getFinallyBlock().getStatements().stream()
                .anyMatch(s -> isCloseOf(s, guard));
    return asResource || inFinally;
  }

  private static boolean isCloseOf(StatementTree statement, String guard) {
    if (!(statement instanceof ExpressionStatementTree)) {
      return false;
    }
    ExpressionTree expression = ((ExpressionStatementTree) statement).getExpression();
    if (!(expression instanceof MethodInvocationTree)) {
      return false;
    }
    ExpressionTree select = ((MethodInvocationTree) expression).getMethodSelect();
    return select instanceof MemberSelectTree
        && ((MemberSelectTree) select).getIdentifier().contentEquals("close")
        && stripParentheses(((MemberSelectTree) select).getExpression()) instanceof IdentifierTree
        && ((IdentifierTree) stripParentheses(((MemberSelectTree) select).getExpression()))
            .getName()
            .contentEquals(guard);
  }

  @Override
  public Void visitTry(TryTree node, Scope scope) {
    Scope current = scope;
    Set<String> closedByResources = new HashSet<>();
    for (Tree resource : node.getResources()) {
      scan(resource, current);
      if (resource instanceof VariableTree) {
        VariableTree variable = (VariableTree) resource;
        current = current.declaring(Set.of(variable.getName().toString()));
        if (variable.getInitializer() != null
            && isLockOfThis(pathBelow(resource, variable.getInitializer()))) {
          current = current.holdingLock();
        }
      } else if (resource instanceof IdentifierTree
          && current.guards().contains(((IdentifierTree) resource).getName().toString())) {
        closedByResources.add(((IdentifierTree) resource).getName().toString());
      }
    }
    scan(node.getBlock(), current);
    Scope after = scope;
    for (String guard : closedByResources) {
      after = after.closingGuard(guard);
    }
    scan(node.getCatches(), after);
    scan(node.getFinallyBlock(), after);
    return null;
  }

  /**
   * Locals of {@code statements} passed as body to {@code Statewire.lock(this, body)} and used
   * for nothing else: {@code Runnable body = () -> ...; Statewire.lock(this, body);}.
   */
  private Set<String> lockBodyVariables(List<? extends StatementTree> statements) {
    Map<String, Integer> passed = new HashMap<>();
    for (StatementTree statement : statements) {
      if (!(statement instanceof ExpressionStatementTree)
          || !(((ExpressionStatementTree) statement).getExpression()
              instanceof MethodInvocationTree)) {
        continue;
      }
      MethodInvocationTree call =
          (MethodInvocationTree) ((ExpressionStatementTree) statement).getExpression();
      TreePath path = pathBelow(statement, call);
      Optional<ExecutableElement> method = symbols.invoked(path);
      if (method.isPresent()
          && isStatewireLock(method.get())
          && isLockWithBody(method.get())
          && call.getArguments().get(1) instanceof IdentifierTree
          && symbols.isThisInstance(
              new TreePath(path, stripParentheses(call.getArguments().get(0))))) {
        passed.merge(((IdentifierTree) call.getArguments().get(1)).getName().toString(), 1, Integer::sum);
      }
    }
    Set<String> bodies = new HashSet<>();
    passed.forEach((name, count) -> {
      if (uses(statements, name) == count && declaresLambda(statements, name)) {
        bodies.add(name);
      }
    });
    return bodies;
  }

  /** How often {@code name} appears as an identifier in {@code statements}. */
  private static int uses(List<? extends StatementTree> statements, String name) {
    int[] count = {0};
    TreeScanner<Void, Void> counter =
        new TreeScanner<>() {
          @Override
          public Void visitIdentifier(IdentifierTree node, Void unused) {
            if (node.getName().contentEquals(name)) {
              count[0]++;
            }
            return null;
          }
        };
    statements.forEach(s -> counter.scan(s, null));
    return count[0];
  }

  private static boolean declaresLambda(List<? extends StatementTree> statements, String name) {
    return statements.stream()
        .anyMatch(s -> s instanceof VariableTree
            && ((VariableTree) s).getName().contentEquals(name)
            && isLambdaOrReference(((VariableTree) s).getInitializer()));
  }

  private static boolean isLambdaOrReference(ExpressionTree expression) {
    ExpressionTree stripped = expression == null ? null : stripParentheses(expression);
    return stripped instanceof LambdaExpressionTree || stripped instanceof MemberReferenceTree;
  }

  // helpers

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

  /** The reactive fields of this that {@code reference} (at {@code path}) may name. */
  private Set<VariableElement> fieldsOfThis(ExpressionTree reference, TreePath path, Scope scope) {
    boolean onThis =
        reference instanceof IdentifierTree
            || (reference instanceof MemberSelectTree
                && Receivers.isThis(((MemberSelectTree) reference).getExpression()));
    return onThis && path != null ? symbols.fields(reference, path, scope) : Set.of();
  }

  /** The field {@code method} returns when its whole body is {@code return x;} (or {@code this.x}). */
  private Optional<VariableElement> returnedField(TreePath methodPath, Scope scope) {
    BlockTree body = ((MethodTree) methodPath.getLeaf()).getBody();
    if (body == null
        || body.getStatements().size() != 1
        || !(body.getStatements().get(0) instanceof ReturnTree)) {
      return Optional.empty();
    }
    ExpressionTree returned = ((ReturnTree) body.getStatements().get(0)).getExpression();
    if (returned == null) {
      return Optional.empty();
    }
    returned = stripParentheses(returned);
    Set<VariableElement> fields =
        fieldsOfThis(returned, TreePath.getPath(methodPath, returned), scope);
    return fields.size() == 1 ? Optional.of(fields.iterator().next()) : Optional.empty();
  }

  private TreePath pathTo(Tree tree) {
    return tree == getCurrentPath().getLeaf()
        ? getCurrentPath()
        : TreePath.getPath(getCurrentPath(), tree);
  }

  /** The path of {@code tree}, found below {@code statement}, a child of the current node. */
  private TreePath pathBelow(Tree statement, Tree tree) {
    return TreePath.getPath(new TreePath(getCurrentPath(), statement), tree);
  }

  private static ExpressionTree stripParentheses(ExpressionTree expression) {
    ExpressionTree tree = expression;
    while (tree instanceof ParenthesizedTree) {
      tree = ((ParenthesizedTree) tree).getExpression();
    }
    return tree;
  }
}
