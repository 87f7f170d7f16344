package dev.statewire.processor.generation;

import dev.statewire.processor.analysis.OverrideKind;
import dev.statewire.processor.model.BackgroundMethods;
import dev.statewire.processor.model.ReactiveField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;

/**
 * The class Javadoc of a generated class, written from what it has: its signals, derived
 * values, effects, tasks, actions and tracked reads, each listed by name; a kind of member the
 * class does not have is not mentioned.
 */
final class ClassJavadoc {
  private final GenerationTarget target;
  private final Map<OverrideKind, List<ExecutableElement>> byKind = new EnumMap<>(OverrideKind.class);
  private final List<ExecutableElement> effects = new ArrayList<>();

  ClassJavadoc(GenerationTarget target) {
    this.target = target;
  }

  /** Records that the generated class overrides {@code method} as {@code kind}. */
  void overrides(ExecutableElement method, OverrideKind kind) {
    byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(method);
  }

  /** Records that {@code method} is an effect started at construction. */
  void effect(ExecutableElement method) {
    effects.add(method);
  }

  String text() {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("Reactive state generated from {@link " + target.sourceName() + "}.");
    List<String> members = new ArrayList<>();
    List<ReactiveField> fields = target.model().fields();
    if (!fields.isEmpty()) {
      members.add(
          (fields.size() == 1 ? "Its reactive field " : "Its reactive fields ")
              + JavadocText.codeList(fields.stream().map(ReactiveField::element).toList())
              + (fields.size() == 1 ? " is a signal" : " are signals")
              + ": other threads, effects and derived values see a change when the action or"
              + " lock block that made it ends.");
    }
    describe(
        members,
        OverrideKind.DERIVED,
        "derived value",
        "is cached until something it reads changes",
        "are cached, each until something it reads changes");
    describe(
        members,
        OverrideKind.ASYNC_DERIVED,
        "async derived value",
        "is kept by a {@code Resource} that loads on the context's executor and reloads when"
            + " what it reads changes",
        "are kept by {@code Resource}s that load on the context's executor and reload when"
            + " what they read changes");
    if (!effects.isEmpty()) {
      members.add(
          (effects.size() == 1 ? "Its effect " : "Its effects ")
              + links(effects)
              + (effects.size() == 1 ? " starts" : " start")
              + " at construction, runs again after each commit that changes what it read, and"
              + " stops at {@link #close()}.");
    }
    List<ExecutableElement> tasks = byKind.getOrDefault(OverrideKind.BACKGROUND, List.of());
    if (!tasks.isEmpty()) {
      members.add(
          (tasks.size() == 1 ? "Its background task " : "Its background tasks ")
              + tasks.stream()
                  .map(m -> link(m) + " (" + BackgroundMethods.policyOf(m) + ")")
                  .collect(Collectors.joining(", "))
              + (tasks.size() == 1 ? " runs" : " run")
              + " on the context's executor; {@link #"
              + BackgroundMethods.RUNNING_TASKS
              + "()} lists the running ones, {@link #close()} cancels them.");
    }
    describe(
        members,
        OverrideKind.ACTION,
        "action",
        "runs under the lock of the instance's context; its writes are committed when the"
            + " outermost action or lock block ends, and rolled back if it throws",
        "run under the lock of the instance's context; their writes are committed when the"
            + " outermost action or lock block ends, and rolled back if one throws");
    List<ExecutableElement> reads = new ArrayList<>(byKind.getOrDefault(OverrideKind.GETTER, List.of()));
    reads.addAll(byKind.getOrDefault(OverrideKind.TRACKED_READ, List.of()));
    if (!reads.isEmpty()) {
      members.add(
          (reads.size() == 1 ? "Its tracked read " : "Its tracked reads ")
              + links(reads)
              + (reads.size() == 1 ? " makes" : " make")
              + " a derived value or effect that calls "
              + (reads.size() == 1 ? "it depend on the fields it reads." : "them depend on the fields they read."));
    }
    if (!members.isEmpty()) {
      paragraphs.add("<p>" + String.join(" ", members));
    }
    String context = target.javadocName(RuntimeNames.REACTIVE_CONTEXT);
    paragraphs.add(
        "<p>Create one with any constructor of {@code "
            + target.sourceName()
            + "}, optionally preceded by the {@link "
            + context
            + "} to place it in (default: {@link "
            + context
            + "#current()}). The signals, computed values and collections its field"
            + " initializers and constructor create belong to that context too.");
    return JavadocText.wrap(String.join("\n\n", paragraphs));
  }

  private void describe(
      List<String> members, OverrideKind kind, String noun, String singular, String plural) {
    List<ExecutableElement> methods = byKind.getOrDefault(kind, List.of());
    if (!methods.isEmpty()) {
      boolean one = methods.size() == 1;
      members.add(
          "Its " + noun + (one ? " " : "s ") + links(methods) + " " + (one ? singular : plural) + ".");
    }
  }

  private String links(List<ExecutableElement> methods) {
    return methods.stream().map(this::link).collect(Collectors.joining(", "));
  }

  private String link(ExecutableElement method) {
    return "{@link #" + JavadocText.linkTarget(target.types(), method.getSimpleName().toString(), method) + "}";
  }
}
