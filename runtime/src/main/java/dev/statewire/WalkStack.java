package dev.statewire;

import java.util.Arrays;

/**
 * The explicit stack of {@link Graph}'s iterative validation: the dependency links the walk
 * descended through. A link's {@code sub} is the computed being checked one level up, its
 * {@code dep} the computed being checked at this level, and the link is where the check of
 * {@code sub} resumes. One per context, guarded by its lock; a validation nested inside a
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

  /** Removes and returns the top link. */
  Link pop() {
    Link link = links[--top];
    links[top] = null;
    return link;
  }

  /**
   * After a walk was abandoned by a throwable: clears {@link Node#RUNNING} of every computed
   * the links above {@code base} descended into, and removes them.
   */
  void abandonTo(int base) {
    while (top > base) {
      pop().dep.flags &= ~Node.RUNNING;
    }
  }
}
