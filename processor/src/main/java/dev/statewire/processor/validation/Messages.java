package dev.statewire.processor.validation;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * Every message the processor prints, in one place. Each starts with its id (DESIGN §5), names
 * the class, field or method, and says how to fix the code.
 */
public final class Messages {
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

  // SW203: a derived value that changes state

  static String derivedWrites(String method, String field) {
    return "[SW203] @Derived method " + method + " writes field " + field + "; a derived value"
        + " must not change state. Move the write into a method that is not @Derived (an"
        + " action).";
  }

  static String derivedWritesThrough(String method, String callee, String field) {
    return "[SW203] @Derived method " + method + " calls " + callee + ", which writes field "
        + field + "; a derived value must not change state. Move the call into a method that is"
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

  static String effectShape(String method, String problem, String fix) {
    return "[SW302] @Effect method " + method + " " + problem + "; an effect must be an"
        + " overridable, parameterless instance method returning void. " + fix;
  }

  // SW304: derived cycle

  static String derivedCycle(List<String> cycle) {
    return "[SW304] @Derived methods call each other in a cycle: " + String.join(" -> ", cycle)
        + "; a derived value cannot depend on itself. Break the cycle, for example by moving the"
        + " shared part into a helper that neither calls.";
  }

  // processor-level messages

  /** The compiler has no Trees API: bodies are not read. */
  public static String bodiesUnavailable() {
    return "Statewire: this compiler offers no javac Trees API, so method bodies of @Reactive"
        + " classes are not read: every method is treated as reading and writing every reactive"
        + " field, and the checks SW203, SW205, SW206 and SW304 are skipped.";
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
