package dev.statewire.processor.analysis;

import com.sun.source.util.TreePath;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.VariableElement;

/**
 * What one reading of a method body ({@link BodyScanner}) found: every use of a reactive field
 * of {@code this}, every call to an analysed method, every lock taken, every known blocking call
 * and every in-place change of a field's collection, each with whether it happens inside a lock
 * block ({@code try (var self = Statewire.lock(this)) { ... }}, {@code Statewire.lock(this, () ->
 * ...)}, a guard held in a local) and whether it is deferred (see {@link Deferral}).
 *
 * @param fieldUses the uses of reactive fields of this, in source order
 * @param calls the calls (and method references) on this to methods of the analysed hierarchy,
 *     and the calls to methods of its inner classes, whatever the receiver
 * @param otherInstanceCalls calls of methods of the hierarchy on another instance ({@code
 *     peer.reset()})
 * @param locks the {@code Statewire.lock(...)} calls and direct context lock entries
 * @param blockingCalls the calls of the known blocking methods ({@link BlockingCalls})
 * @param inPlaceMutations the in-place changes of a field's array or collection
 * @param returnedField the field a plain getter returns ({@code return x;} is its whole body)
 * @param hiddenReads code whose reads of this no reading can see: {@code this} passed to a
 *     method outside the analysed class, a call of a lambda held in a field
 */
public record LockScope(
    List<FieldAccess> fieldUses,
    List<CallSite> calls,
    List<MethodCall> otherInstanceCalls,
    List<LockCall> locks,
    List<BlockingCall> blockingCalls,
    List<InPlaceMutation> inPlaceMutations,
    Optional<VariableElement> returnedField,
    List<HiddenRead> hiddenReads) {

  /** Where code runs: inside a lock block or not, and deferred or not. */
  public record Place(boolean locked, Deferral deferral) {}

  /** A use of a reactive field of this. */
  public record FieldAccess(VariableElement field, FieldUse use, Place place) {}

  /** A call or method reference on this to a method of the hierarchy. */
  public record CallSite(MethodCall call, Place place) {}

  /**
   * A lock taken.
   *
   * @param site the call
   * @param description how messages name it, e.g. {@code Statewire.lock(other)}
   * @param target what it locks
   */
  public record LockCall(TreePath site, String description, LockTarget target) {}

  /** What a lock call locks. */
  public enum LockTarget {
    /** {@code Statewire.lock(this, ...)}: a lock block on this state. */
    THIS,
    /** {@code Statewire.lock(other, ...)}: the lock of another object. */
    OTHER_OBJECT,
    /** {@code ReactiveContext.enter()} and its variants: the context lock itself. */
    CONTEXT
  }

  /**
   * Code that may read state of this where no reading of the class sees it.
   *
   * @param how how messages name it, e.g. {@code passes this to Format.of(State)}
   */
  public record HiddenRead(TreePath site, String how) {}

  /** A call of a known blocking method, e.g. {@code Thread.sleep}. */
  public record BlockingCall(TreePath site, String description, Place place) {}

  /**
   * An array element or collection of a field changed without assigning the field.
   *
   * @param how how messages name the change, e.g. {@code items.add(...)}
   */
  public record InPlaceMutation(VariableElement field, TreePath site, String how) {}
}
