package dev.statewire.processor.analysis;

import dev.statewire.processor.analysis.LockScope.Place;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.VariableElement;

/**
 * Where {@link BodyScanner} is inside a method body, passed down as the visitor's parameter and
 * never changed in place (a nested construct gets a new scope): the names declared so far that
 * hide fields, whether a lock block of {@code this} is held, whether the code is deferred, the
 * lock guards open in the enclosing blocks, and the locals that view a field's collection.
 *
 * @param locals local variables, parameters, lambda parameters, pattern and loop variables and
 *     members of local or anonymous classes in scope: an unqualified name among them is not a
 *     field of {@code this}
 * @param locked the code runs inside a lock block of {@code this}
 * @param lockedOutside the lock is held by the enclosing construct itself (a try-with-resources,
 *     a lock body), so closing a guard of an inner block leaves it held
 * @param deferral whether the code may run later than where it is written
 * @param guards the open lock guards of {@code this} declared as locals ({@code var g =
 *     Statewire.lock(this);})
 * @param views locals holding a view of a field's collection ({@code items.iterator()},
 *     {@code items.subList(..)}): changing them changes the field in place
 * @param nextLambda how the lambda or method reference visited next runs
 */
record Scope(
    Set<String> locals,
    boolean locked,
    boolean lockedOutside,
    Deferral deferral,
    Set<String> guards,
    Map<String, VariableElement> views,
    LambdaRun nextLambda) {

  /** How a lambda or method reference runs relative to the code around it. */
  enum LambdaRun {
    /** Later, maybe on another thread: a lock block around it does not hold inside it. */
    DEFERRED,
    /** Now, on this thread, before the call that takes it returns ({@code list.forEach}). */
    IN_PLACE,
    /** Now, under the lock of {@code this} ({@code Statewire.lock(this, body)}). */
    LOCKED
  }

  /** The scope at the start of a method body with {@code parameters}. */
  static Scope ofMethod(Set<String> parameters) {
    return new Scope(
        Set.copyOf(parameters), false, false, Deferral.NONE, Set.of(), Map.of(), LambdaRun.DEFERRED);
  }

  /** Where the current code runs, for the records of the scan. */
  Place place() {
    return new Place(locked, deferral);
  }

  /** {@code name} hides a field of this here. */
  boolean declares(String name) {
    return locals.contains(name);
  }

  /** This scope with {@code names} declared. */
  Scope declaring(Set<String> names) {
    if (locals.containsAll(names)) {
      return this;
    }
    Set<String> more = new HashSet<>(locals);
    more.addAll(names);
    return new Scope(Set.copyOf(more), locked, lockedOutside, deferral, guards, views, nextLambda);
  }

  /** This scope inside a construct that holds the lock of this (a lock resource, a lock body). */
  Scope holdingLock() {
    return new Scope(locals, true, true, deferral, guards, views, LambdaRun.DEFERRED);
  }

  /** This scope after {@code var guard = Statewire.lock(this);}. */
  Scope openingGuard(String guard) {
    Set<String> open = new HashSet<>(guards);
    open.add(guard);
    return new Scope(locals, true, lockedOutside, deferral, Set.copyOf(open), views, nextLambda);
  }

  /** This scope after {@code guard.close()} (or a statement that closes it). */
  Scope closingGuard(String guard) {
    Set<String> open = new HashSet<>(guards);
    open.remove(guard);
    return new Scope(
        locals, lockedOutside || !open.isEmpty(), lockedOutside, deferral, Set.copyOf(open),
        views, nextLambda);
  }

  /** This scope with the local {@code name} viewing {@code field}'s collection. */
  Scope viewing(String name, VariableElement field) {
    Map<String, VariableElement> more = new HashMap<>(views);
    more.put(name, field);
    return new Scope(locals, locked, lockedOutside, deferral, guards, Map.copyOf(more), nextLambda);
  }

  /** The scope of code that may run later: no lock held, no guard open. */
  Scope deferred(Deferral kind) {
    return new Scope(locals, false, false, kind, Set.of(), views, LambdaRun.DEFERRED);
  }

  /** This scope for an argument that is a lambda or method reference running as {@code run}. */
  Scope forLambda(LambdaRun run) {
    return run == nextLambda
        ? this
        : new Scope(locals, locked, lockedOutside, deferral, guards, views, run);
  }
}
