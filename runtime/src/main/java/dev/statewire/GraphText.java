package dev.statewire;

import dev.statewire.codec.StateField;
import dev.statewire.support.StateCore;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Graph nodes as readable text: the names in spy events and {@link Statewire#describe}. */
final class GraphText {
  private GraphText() {}

  /** {@return the nodes' kinds and names, comma-separated} */
  static String names(List<GraphNode> nodes) {
    StringBuilder text = new StringBuilder();
    for (GraphNode node : nodes) {
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(((Node) node).describe());
    }
    return text.toString();
  }

  /** See {@link Statewire#describe}. */
  static String describe(ReactiveObject object) {
    String title = object.getClass().getSimpleName();
    ReactiveContext ctx = object.reactiveContext();
    if (ctx == null) {
      return title + " (being constructed)\n";
    }
    try (LockGuard guard = ctx.enter()) {
      Set<GraphNode> nodes = nodesOf(object);
      StringBuilder text = new StringBuilder(title).append(" in ").append(ctx).append('\n');
      section(text, "fields", nodes, SourceSignal.class);
      section(text, "derived", nodes, Computed.class);
      section(text, "effects", nodes, Effect.class);
      return text.toString();
    }
  }

  /** The object's nodes: its node fields, the signals of its state fields, its effects. */
  private static Set<GraphNode> nodesOf(ReactiveObject object) {
    Set<GraphNode> nodes = new LinkedHashSet<>();
    for (Class<?> type = object.getClass(); type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())
            && GraphNode.class.isAssignableFrom(field.getType())
            && field.trySetAccessible()) {
          addNode(nodes, read(field, object));
        }
      }
    }
    for (StateField<?> field : object.stateFields()) {
      addNode(nodes, field.committed());
    }
    if (object.reactiveTransaction() instanceof StateCore) {
      nodes.addAll(((StateCore) object.reactiveTransaction()).effects());
    }
    return nodes;
  }

  private static void addNode(Set<GraphNode> nodes, Object candidate) {
    if (candidate instanceof GraphNode) {
      nodes.add((GraphNode) candidate);
    }
  }

  private static Object read(Field field, Object object) {
    try {
      return field.get(object);
    } catch (IllegalAccessException notOpen) {
      return null; // trySetAccessible said yes: not reached
    }
  }

  private static void section(
      StringBuilder text, String heading, Set<GraphNode> nodes, Class<?> kind) {
    List<GraphNode> ofKind = new ArrayList<>();
    for (GraphNode node : nodes) {
      if (kind.isInstance(node)) {
        ofKind.add(node);
      }
    }
    if (ofKind.isEmpty()) {
      return;
    }
    text.append("  ").append(heading).append('\n');
    for (GraphNode node : ofKind) {
      text.append("    ").append(node).append('\n');
      edges(text, "reads", node.dependencies());
      edges(text, "read by", node.subscribers());
    }
  }

  private static void edges(StringBuilder text, String label, List<GraphNode> nodes) {
    if (!nodes.isEmpty()) {
      text.append("      ").append(label).append(": ").append(names(nodes)).append('\n');
    }
  }
}
