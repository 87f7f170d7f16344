package dev.statewire;

import java.util.Arrays;

/**
 * The explicit stack of {@link Graph}'s iterative validation: computeds being checked, each
 * with the dependency link it is looking at. One per context, guarded by its lock; a validation
 * nested inside a computation (which reads another computed) stacks above the outer one.
 *
 * <p>A computed on the stack is marked {@link Node#RUNNING}: dependency links can form a cycle
 * (a computation that met a cycle still depends on the node it could not read), and meeting a
 * node that is being checked must end the walk, not loop.
 */
final class WalkStack {
  private Computed<?>[] nodes = new Computed<?>[16];
  private Link[] cursors = new Link[16];
  private int top;

  int top() {
    return top;
  }

  void push(Computed<?> node, Link cursor) {
    if (top == nodes.length) {
      nodes = Arrays.copyOf(nodes, top * 2);
      cursors = Arrays.copyOf(cursors, top * 2);
    }
    nodes[top] = node;
    cursors[top] = cursor;
    node.flags |= Node.RUNNING;
    top++;
  }

  Computed<?> node(int index) {
    return nodes[index];
  }

  Link cursor(int index) {
    return cursors[index];
  }

  void setCursor(int index, Link cursor) {
    cursors[index] = cursor;
  }

  /** Removes everything above {@code base}. */
  void popTo(int base) {
    while (top > base) {
      top--;
      nodes[top].flags &= ~Node.RUNNING;
      nodes[top] = null;
      cursors[top] = null;
    }
  }
}
