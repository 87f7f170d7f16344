package dev.statewire;

import java.util.Arrays;

/**
 * The explicit stack of {@link Graph}'s iterative validation: for each level the walk descended
 * through, the dependency link its check resumes at. The link's {@code dep} is the computed
 * being checked one level deeper, so the levels' links alone name every node on the path but
 * the walk's root. One per context, guarded by its lock; a validation nested inside a
 * computation (which reads another computed) stacks above the outer one.
 */
final class WalkStack {
  private Link[] links = new Link[16];
  private int top;

  int top() {
    return top;
  }

  void push(Link link) {
    if (top == links.length) {
      links = Arrays.copyOf(links, top * 2);
    }
    links[top++] = link;
  }

  /** The link of the top level. */
  Link peek() {
    return links[top - 1];
  }

  /** Removes the top level and returns its link. */
  Link pop() {
    Link link = links[--top];
    links[top] = null;
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
