package dev.statewire;

import java.util.Arrays;

/**
 * The explicit stack of {@link Graph}'s iterative validation: for each level the walk descended
 * through, the computed being checked there and the dependency link its check resumes at (the
 * link's {@code dep} is the computed being checked one level deeper). One per context, guarded
 * by its lock; a validation nested inside a computation (which reads another computed) stacks
 * above the outer one.
 */
final class WalkStack {
  private Computed<?>[] nodes = new Computed<?>[16];
  private Link[] links = new Link[16];
  private int top;

  int top() {
    return top;
  }

  void push(Computed<?> node, Link link) {
    if (top == links.length) {
      Computed<?>[] grownNodes = Arrays.copyOf(nodes, top * 2);
      links = Arrays.copyOf(links, top * 2);
      nodes = grownNodes;
    }
    nodes[top] = node;
    links[top] = link;
    top++;
  }

  /** The computed of the top level. */
  Computed<?> topNode() {
    return nodes[top - 1];
  }

  /** Removes the top level and returns its link. */
  Link pop() {
    Link link = links[--top];
    links[top] = null;
    nodes[top] = null;
    return link;
  }

  /**
   * After a walk was abandoned by a throwable: clears {@link Node#RUNNING} of every computed
   * the levels above {@code base} descended into, and removes them.
   */
  void abandonTo(int base) {
    while (top > base) {
      pop().dep.flags &= ~Node.RUNNING;
    }
  }
}
