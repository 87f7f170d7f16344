package dev.statewire.processor.validation;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every message the processor prints, in one place. Each starts with its id (listed in docs/diagnostics.md), names
 * the class, field or method, and says how to fix the code.
 */
public final class Messages {
  private static final String LOCK_BLOCK = "try (var self = Statewire.lock(this)) { ... }";

  private Messages() {}

  // SW101: the class cannot be subclassed by the generated code

  static String notAClass(String kind, String name) {
    return "[SW101] @Reactive " + kind + " " + name + " cannot be reactive state: only a class"
        + " can, because Statewire generates a subclass of it. Make " + name + " a class.";
  }

  static String finalClass(String name, String generated) {
    return "[SW101] @Reactive class " + name + " is final, so the generated " + generated
        + " cannot extend it. Remove final.";
  }

  static String privateClass(String name, String generated) {
    return "[SW101] @Reactive class " + name + " is private, so the generated " + generated
        + " cannot extend it. Make it package-private or public.";
  }

  static String innerClass(String name, String generated) {
    return "[SW101] @Reactive class " + name + " is an inner (non-static) class, so the generated "
        + generated + " cannot extend it. Make it a static nested class.";
  }

  static String localClass(String name) {
    return "[SW101] @Reactive class " + name + " is a local or anonymous class, which a generated"
        + " class cannot extend. Make it a top-level or static nested class.";
  }

  static String noConstructor(String name, String generated) {
    return "[SW101] @Reactive class " + name + " has no non-private constructor for the generated "
        + generated + " to call. Add a package-private or public constructor.";
  }

  static String nestedInPrivateClass(String name, String outer, String generated) {
    return "[SW101] @Reactive class " + name + " is nested in the private class " + outer
        + ", so the generated " + generated + " cannot extend it. Make " + outer
        + " package-private or public, or move " + name + " out of it.";
  }

  static String sealedClass(String name, String generated) {
    return "[SW101] @Reactive class " + name + " is sealed, so the generated " + generated
        + " cannot extend it: javac checks a permits clause before annotation processing"
        + " creates " + generated + ", so it cannot be listed there. Remove sealed, or seal an"
        + " interface instead (sealed interface ... permits " + name + ") and declare " + name
        + " non-sealed.";
  }

  static String constructorClash(String constructor, String other, String generated) {
    return "[SW101] constructor " + constructor + " takes a ReactiveContext first, so the"
        + " generated " + generated + " would get two constructors with one signature: the"
        + " one calling " + constructor + " and the one placing " + other + " in a given"
        + " context. Reorder or change the parameters of " + constructor + ", or make it"
        + " private.";
  }

  static String reservedMethod(String method, String owner, String generated, String why) {
    return "[SW101] method " + method + " of " + owner + " " + why + ", but the generated "
        + generated + " implements " + method + " of dev.statewire.ReactiveObject. "
        + (method.equals("close()")
            ? "Make close() overridable (not final or static) and void, or rename it."
            : "Rename it.");
  }

  // SW102: a field the generated class cannot read

  static String privateField(String field, String owner) {
    return "[SW102] reactive field " + field + " of " + owner + " is private, so the generated"
        + " class cannot read it. Make it package-private, or make it final or static if it is"
        + " not state.";
  }

  static String inaccessibleInheritedField(String field, String owner, String subclass) {
    return "[SW102] reactive field " + field + " of " + owner + " is package-private in another"
        + " package, so the class generated for " + subclass + " cannot read it. Make it"
        + " protected.";
  }

  static String inaccessibleFieldType(String field, String owner, String type, String why) {
    return "[SW102] reactive field " + field + " of " + owner + " has type " + type + ", which is "
        + why + ", so the generated class cannot name it for the field's signal. Make " + type
        + " package-private or wider, or make the field final or static if it is not state.";
  }

  // SW103: a method the generated class overrides names a type it cannot see

  static String inaccessibleOverrideType(String method, String owner, String type, String why) {
    return "[SW103] method " + method + " of " + owner + " names type " + type + ", which is "
        + why + ", but the generated class must override the method (it reads or writes state)"
        + " and so must name the type. Make " + type + " package-private or wider, or make "
        + method + " private, final or static if it needs no tracking.";
  }

  // SW201 / SW202 / SW204: writes and locks where they must not be

  static String backgroundWritesUnlocked(String method, String field) {
    return "[SW201] @Background method " + method + " writes field " + field + " outside a lock"
        + " block, so the write is neither locked nor committed. Move it inside " + LOCK_BLOCK
        + ", or call an action (an overridable method that writes) instead.";
  }

  static String backgroundWritesUnlockedThrough(
      String method, String helper, String field, String path) {
    return "[SW201] @Background method " + method + " calls " + helper + ", which writes field "
        + field + " (" + path + "), outside a lock block, so the write is neither locked nor committed. Call "
        + helper + " inside " + LOCK_BLOCK + ", or make it overridable (not private, final or"
        + " static) so that it runs as an action.";
  }

  static String backgroundWritesDeferred(String method, String field, String deferred) {
    return "[SW202] @Background method " + method + " writes field " + field + " inside "
        + deferred + ", which may run after the lock is released. Take the lock inside it ("
        + LOCK_BLOCK + "), or call an action (an overridable method that writes) from it.";
  }

  static String backgroundWritesDeferredThrough(
      String method, String helper, String field, String path, String deferred) {
    return "[SW202] @Background method " + method + " calls " + helper + ", which writes field "
        + field + " (" + path + "), from " + deferred + ", which may run after the lock is released. Take the"
        + " lock inside it (" + LOCK_BLOCK + "), or make " + helper + " overridable (not"
        + " private, final or static) so that it runs as an action.";
  }

  static String derivedLocks(String method, String lock) {
    return "[SW204] @Derived method " + method + " takes a lock (" + lock + "); a derived value"
        + " is computed on demand by any reader and must neither lock nor change state. Remove"
        + " the lock and only read fields.";
  }

  static String derivedLocksThrough(String method, String helper, String path) {
    return "[SW204] @Derived method " + method + " calls " + helper + ", which takes a lock ("
        + path + "); a"
        + " derived value is computed on demand by any reader and must neither lock nor change"
        + " state. Remove the lock from " + helper + ", or do not call it here.";
  }

  // SW203: a derived value that changes state

  static String derivedWrites(String method, String field) {
    return "[SW203] @Derived method " + method + " writes field " + field + "; a derived value"
        + " must not change state. Move the write into a method that is not @Derived (an"
        + " action).";
  }

  static String derivedWritesThrough(String method, String callee, String field, String path) {
    return "[SW203] @Derived method " + method + " calls " + callee + ", which writes field "
        + field + " (" + path + "); a derived value must not change state. Move the call into a method that is"
        + " not @Derived (an action).";
  }

  // SW205 / SW206: reactive fields touched from outside

  static String writtenOnOtherInstance(String field, String owner) {
    return "[SW205] field " + field + " of @Reactive class " + owner + " is written through"
        + " another reference, which bypasses its tracking and its lock. Call a method of "
        + owner + " that writes it (an action, for example a setter) instead.";
  }

  static String writtenFromOutside(String field, String owner) {
    return "[SW205] field " + field + " of @Reactive class " + owner + " is written from outside"
        + " its class, which bypasses its tracking and its lock. Call a method of " + owner
        + " that writes it (an action, for example a setter) instead.";
  }

  static String readFromOutside(String field, String owner) {
    return "[SW206] field " + field + " of @Reactive class " + owner + " is read from outside its"
        + " class; the read is not tracked and may see uncommitted state. Call a method of "
        + owner + " that returns it (for example a getter) instead.";
  }

  // SW301 / SW302: annotation shape

  static String derivedShape(String method, String problem, String fix) {
    return "[SW301] @Derived method " + method + " " + problem + "; a derived value must be an"
        + " overridable, parameterless instance method that returns a value. " + fix;
  }

  static String asyncDerivedStageType(String method, String type) {
    return "[SW301] @Derived method " + method + " returns " + type + ", a CompletionStage the"
        + " generated class cannot return; an async derived value returns CompletionStage<T> or"
        + " CompletableFuture<T>, so that calling it can hand out a stage of its resource's"
        + " value. Declare the return type as CompletionStage<T> or CompletableFuture<T>.";
  }

  static String asyncDerivedAccessorClash(String method, String existing) {
    return "[SW301] async @Derived method " + method + " needs the generated accessor "
        + existing + " for its Resource, but the class already has " + existing + ". Rename"
        + " one of them.";
  }

  static String effectShape(String method, String problem, String fix) {
    return "[SW302] @Effect method " + method + " " + problem + "; an effect must be an"
        + " overridable, parameterless instance method returning void. " + fix;
  }

  static String backgroundShape(String method, String problem, String fix) {
    return "[SW303] @Background method " + method + " " + problem + "; a background task must be"
        + " an overridable instance method returning void, so that the generated class can start"
        + " it as a task. " + fix;
  }

  // SW305: a lock block on another object

  static String lockOfOtherObject(String lock, String method, String owner) {
    return "[SW305] " + lock + " in method " + method + " of " + owner + " locks another object;"
        + " a lock block may only lock this, the state whose fields it writes. Use"
        + " Statewire.lock(this), or call an action of the other object.";
  }

  // SW304: derived cycle

  static String derivedCycle(List<String> cycle) {
    return "[SW304] @Derived methods call each other in a cycle: " + String.join(" -> ", cycle)
        + "; a derived value cannot depend on itself. Break the cycle, for example by moving the"
        + " shared part into a helper that neither calls.";
  }

  // SW401 / SW402 / SW403 (warnings)

  static String backgroundReadsUnlocked(String method, String field) {
    return "[SW401] @Background method " + method + " reads field " + field + " outside a lock"
        + " block; another thread may be changing it, so the value may be stale. Read it inside "
        + LOCK_BLOCK + ", or through an overridable method (a tracked read of the committed"
        + " state).";
  }

  static String backgroundReadsUnlockedThrough(
      String method, String helper, String field, String path) {
    return "[SW401] @Background method " + method + " calls " + helper + ", which reads field "
        + field + " (" + path + "), outside a lock block; another thread may be changing it, so the value may be"
        + " stale. Call " + helper + " inside " + LOCK_BLOCK + ".";
  }

  static String mutatedInPlace(String method, String owner, String field, String how) {
    return "[SW402] method " + method + " of " + owner + " changes field " + field + " in place ("
        + how + "); Statewire tracks assignments to fields, not changes inside an array or"
        + " collection, so nothing that depends on " + field + " is notified and a rollback"
        + " cannot undo it. Assign a new value (" + field + " = ...), or use a ReactiveList,"
        + " ReactiveMap or ReactiveSet for the field.";
  }

  static String blocksUnderLock(String method, String owner, String call) {
    return "[SW403] method " + method + " of " + owner + " calls " + call + " inside a lock"
        + " block; it waits while holding the context's lock, which stalls every writer of the"
        + " context. Move the call after the lock block.";
  }

  static String blocksUnderLockThrough(String method, String owner, String helper, String path) {
    return "[SW403] method " + method + " of " + owner + " calls " + helper + ", which blocks ("
        + path + "), inside a lock block; it waits while holding the context's lock, which"
        + " stalls every writer of the context. Move the call after the lock block.";
  }

  static String writesOtherInstanceThrough(
      String helper, String owner, String field, String receiver, String path) {
    return "[SW205] " + receiver + "." + helper + " writes field " + field + " of another"
        + " instance of @Reactive class " + owner + " (" + path + "); " + helper + " is not"
        + " overridable, so it runs without that instance's lock and its writes are never"
        + " committed. Make " + helper + " overridable (not private, final or static) so that"
        + " it runs as an action of " + receiver + ", or call an action of it.";
  }

  static String inheritedTaskWritesThrough(
      String method, String base, String helper, String field, String path, String subclass) {
    return "[SW201] @Background method " + method + " of " + base + " calls " + helper + ", which"
        + " writes field " + field + " (" + path + "), outside a lock block; in " + subclass
        + ", a class of another package, the generated class cannot override the"
        + " package-private " + helper + ", so the write is neither locked nor committed. Call "
        + helper + " inside " + LOCK_BLOCK + ", or make it protected or public.";
  }

  static String finalOverrideOfAction(String method, String owner, String base, String field) {
    return "[SW306] method " + method + " of " + owner + " is final but writes field " + field
        + "; it overrides an action of " + base + ", and the generated class cannot override a"
        + " final method, so its writes run without the lock and are never committed. Remove"
        + " final.";
  }

  static String hiddenRead(String role, String method, String how) {
    return "[SW404] " + role + " method " + method + " " + how + "; what that code reads of this"
        + " is not seen by the processor, so " + method + " does not depend on it and may go"
        + " stale. Read the fields in " + method + " itself, or in a method of the class it"
        + " calls, and pass the values instead.";
  }

  // SW501 / SW502 / SW503: codecs of classes meant for a store

  static String missingCodec(String field, String owner, String type, String reason) {
    return "[SW501] field " + field + " of " + owner + " has type " + type + ", which has no"
        + " codec (" + reason + "), but " + owner + " is @Reactive(stored = true), so a store"
        + " must encode every field that is not transient. Annotate the field with"
        + " @Codec(YourCodec.class) naming a StateCodec<" + type + "> with a no-arg constructor,"
        + " give it a supported type (primitive, boxed, String, enum, record, or List, Set or Map"
        + " of those), or make it transient if it is not to be persisted.";
  }

  static String missingInheritedCodec(
      String field, String owner, String subclass, String type, String reason) {
    return "[SW501] field " + field + " of " + owner + ", inherited by " + subclass + ", has type "
        + type + ", which has no codec (" + reason + "), but " + subclass
        + " is @Reactive(stored = true), so a store must encode every field that is not"
        + " transient. Annotate the field with @Codec(YourCodec.class), give it a supported type,"
        + " or make it transient; or mark " + owner + " @Reactive(stored = true) as well.";
  }

  static String badCodecClass(String codec, String field, String owner, String type, String problem) {
    return "[SW502] @Codec(" + codec + ".class) on field " + field + " of " + owner + ": " + codec
        + " " + problem + ". Name a non-generic, non-abstract class implementing StateCodec<"
        + type + "> with a no-arg constructor that the generated class (in the package of "
        + owner + ") can call.";
  }

  static String unusedCodec(String field, String owner, String why) {
    return "[SW503] @Codec on field " + field + " of " + owner + " has no effect: the field " + why
        + ", so no store persists it. Remove @Codec, or make the field a reactive field of a"
        + " @Reactive class (not static, final or transient).";
  }

  // processor-level messages

  /** {@code -Astatewire.*} keys the processor does not know. */
  public static String unknownOptions(Set<String> unknown, List<String> known) {
    return "Statewire does not know the option" + (unknown.size() == 1 ? " " : "s ")
        + unknown.stream().map(k -> "-A" + k).collect(Collectors.joining(", "))
        + "; it knows " + known.stream().map(k -> "-A" + k).collect(Collectors.joining(", "))
        + ". Check the spelling.";
  }

  /** The compiler has no Trees API: bodies are not read. */
  public static String bodiesUnavailable() {
    return "Statewire: this compiler offers no javac Trees API, so method bodies of @Reactive"
        + " classes are not read: every method is treated as reading and writing every reactive"
        + " field, and the checks SW201, SW202, SW203, SW204, SW205, SW206, SW304, SW305, SW401,"
        + " SW402 and SW403 are skipped (the runtime still catches unlocked writes as"
        + " StateMutationException).";
  }

  /** javac's Trees exist, but not its task API: the body checks cannot run after attribution. */
  public static String bodyChecksUnavailable() {
    return "Statewire: this compiler offers javac's Trees API but not its JavacTask, so the"
        + " checks that need attributed method bodies (SW201, SW202, SW203, SW204, SW205, SW206,"
        + " SW304, SW305, SW401, SW402 and SW403) are skipped; dependencies are still read from"
        + " the bodies, and the runtime still catches unlocked writes as"
        + " StateMutationException.";
  }

  /** A class still referenced missing types when processing ended. */
  public static String unresolvedAtEnd(String name) {
    return "Statewire could not process @Reactive class " + name + ": it references types that"
        + " never became available in this compilation. Fix the errors about missing symbols"
        + " reported for it.";
  }

  /** An unexpected failure inside the processor. */
  public static String internalError(String name, Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    return "Statewire failed unexpectedly while processing " + name + ": " + failure
        + ". This is a bug in Statewire; please file it with this class (or a reduced copy) and"
        + " this trace:\n" + trace;
  }
}
