package dev.statewire;

import java.lang.ref.WeakReference;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The generated constructors running on this thread, innermost first, so that {@link
 * ReactiveContext#current()} is the context of the instance being constructed while its
 * superclass constructor (field initializers, user constructor) runs.
 *
 * <p>A generated constructor pushes a frame in an argument of its {@code this(...)} call and pops
 * it as the first statement after {@code super(...)}. Java cannot run code when {@code super(...)}
 * throws, so the frame of a constructor that threw stays behind: it is <em>stale</em>. Before a
 * frame is used it is therefore checked against the Java stack: its constructor is still running
 * iff the stack holds a frame of the private constructor that takes a {@link
 * ReactiveObject.Construction} (its descriptor names that class). Every generated construction
 * pushes a frame, so the innermost such stack frame belongs to the innermost live construction;
 * stale frames are dropped when found, and when the next construction on the thread begins, so
 * that stale frames only ever sit above live ones. A stale frame holds no strong reference (only
 * JDK types and weak references), so that one left on an idle thread pins no context and no class
 * loader.
 *
 * <p>Cost: a short stack walk (up to the nearest generated constructor) per {@code current()}
 * call whose answer a frame would change, and per construction begun inside another one; none
 * otherwise.
 */
final class ConstructionFrames {
  // A frame is an Object[] of JDK types, so that a stale one pins nothing (see above).
  private static final int CLASS_NAME = 0; // String: the generated class
  private static final int CONTEXT = 1; // WeakReference<ReactiveContext>: the instance's context
  private static final int OUTSIDE = 2; // WeakReference<ReactiveContext> or null, see push
  private static final int BELOW = 3; // Object[]: the enclosing frame, or null
  private static final ThreadLocal<Object[]> TOP = new ThreadLocal<>();
  // StackFrame.getDescriptor needs the class references from JDK 22 on (it goes through
  // getMethodType there); the class-name filter keeps it to the generated constructors
  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
  /** How the descriptor of a generated private constructor starts. */
  private static final String CONSTRUCTOR_DESCRIPTOR_START =
      "(" + descriptorOf(ReactiveContext.class) + descriptorOf(ReactiveObject.Construction.class);

  private ConstructionFrames() {}

  /**
   * Starts a construction of {@code generatedClass} in {@code context}; {@code outside} is what
   * {@code current()} would be without constructions (the held or chosen context, null for
   * neither). While the construction is the innermost and {@code outside} unchanged, {@code
   * current()} is {@code context}; a context made current inside it (a run/call block, a lock of
   * another context) takes precedence, as the inner one.
   */
  static Object[] push(Class<?> generatedClass, ReactiveContext context, ReactiveContext outside) {
    Object[] below = TOP.get();
    if (below != null) {
      below = liveTop(below);
    }
    Object[] frame = {
      generatedClass.getName(),
      new WeakReference<>(context),
      outside == null ? null : new WeakReference<>(outside),
      below
    };
    TOP.set(frame);
    return frame;
  }

  /** Ends the construction of {@code frame}, and of any stale frame pushed inside it. */
  static void pop(Object[] frame) {
    TOP.set((Object[]) frame[BELOW]);
  }

  /**
   * {@return the context of the innermost live construction, if it is what {@code current()}
   * must answer given {@code outside}; null otherwise}
   */
  static ReactiveContext context(ReactiveContext outside) {
    Object[] top = TOP.get();
    if (top == null) {
      return null;
    }
    ReactiveContext fallback = outside != null ? outside : ReactiveContext.global();
    if (answerIsFallback(top, outside, fallback)) {
      return null; // the same answer whichever frames are stale: no walk
    }
    Object[] live = liveTop(top);
    return live != null && outsideOf(live) == outside ? contextOf(live) : null;
  }

  /** Whether no frame from {@code top} down, live or stale, would answer other than fallback. */
  private static boolean answerIsFallback(
      Object[] top, ReactiveContext outside, ReactiveContext fallback) {
    for (Object[] frame = top; frame != null; frame = (Object[]) frame[BELOW]) {
      if (outsideOf(frame) == outside && contextOf(frame) != fallback) {
        return false;
      }
    }
    return true;
  }

  /** {@return whether this thread has no frame left, live or stale} For tests. */
  static boolean noneOnThisThread() {
    return TOP.get() == null;
  }

  /** Drops the stale frames from {@code top} down; returns the innermost live one, or null. */
  private static Object[] liveTop(Object[] top) {
    Object[] frame = top;
    while (frame != null && !isLive(frame)) {
      frame = (Object[]) frame[BELOW];
    }
    if (frame != top) {
      TOP.set(frame);
    }
    return frame;
  }

  /** Stale frames only sit above live ones (see the class comment), so {@code frame} is the top. */
  private static boolean isLive(Object[] frame) {
    if (contextOf(frame) == null) {
      return false; // a live construction holds its context on the stack
    }
    // every running construction has a frame, so only the classes of the frames matter: checking
    // the class name first spares the descriptor of every other constructor on the stack
    Set<String> classes = new HashSet<>();
    int depth = 0;
    int sameClass = 0;
    for (Object[] f = frame; f != null; f = (Object[]) f[BELOW]) {
      classes.add((String) f[CLASS_NAME]);
      depth++;
      if (f[CLASS_NAME].equals(frame[CLASS_NAME])) {
        sameClass++;
      }
    }
    Predicate<StackWalker.StackFrame> generatedConstructor =
        f -> classes.contains(f.getClassName())
            && f.getMethodName().equals("<init>")
            && f.getDescriptor().startsWith(CONSTRUCTOR_DESCRIPTOR_START);
    Optional<String> innermost =
        WALKER.walk(
            frames ->
                frames
                    .filter(generatedConstructor)
                    .findFirst()
                    .map(StackWalker.StackFrame::getClassName));
    if (innermost.isEmpty() || !innermost.get().equals(frame[CLASS_NAME])) {
      return false;
    }
    if (sameClass == 1) {
      return true; // the innermost running construction is of this class, and only this frame is
    }
    // a live construction of the same class encloses it: stale frames sit above live ones, so all
    // are live iff the stack holds as many generated constructors as there are frames
    long running = WALKER.walk(frames -> frames.filter(generatedConstructor).count());
    return running >= depth;
  }

  private static String descriptorOf(Class<?> type) {
    return "L" + type.getName().replace('.', '/') + ";";
  }

  @SuppressWarnings("unchecked")
  private static ReactiveContext contextOf(Object[] frame) {
    return ((WeakReference<ReactiveContext>) frame[CONTEXT]).get();
  }

  @SuppressWarnings("unchecked")
  private static ReactiveContext outsideOf(Object[] frame) {
    Object outside = frame[OUTSIDE];
    return outside == null ? null : ((WeakReference<ReactiveContext>) outside).get();
  }
}
