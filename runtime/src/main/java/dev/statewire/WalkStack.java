package dev.statewire;

import java.util.Arrays;

/**
 * The explicit stack of {@link Graph}'s iterative validation: for each level the walk descended
 * through, the dependency link its check resumes at. The link's {@code dep} is the computed
 * being checked one level deeper, so the levels' links alone name every node on the path but
 * the walk's root. One per context, guarded by its lock; a validation nested inside a
 * computation (which reads another computed) stacks above the outer one.
 *
 * <p>A walk keeps its top in a local and stores it in {@link #top} before it runs a
 * computation, the only place where a nested walk can start; the nested walk ends with
 * {@code top} back where it found it.
 */
final class WalkStack {
  /** The levels; {@code links[0..top)} are in use, the rest is null. */
  Link[] links = new Link[16];
  /** The first free level, as of the last computation run by a walk (see above). */
  int top;

  /** Doubles the stack; returns the new array. */
  Link[] grow() {
    links = Arrays.copyOf(links, links.length * 2);
    return links;
  }

  /**
   * After a walk was abandoned by a throwable, with {@code top} its levels' end: clears {@link
   * Node#RUNNING} of every computed the levels above {@code base} descended into, and removes
   * them.
   */
  void abandonTo(int base) {
    while (top > base) {
      Link link = links[--top];
      links[top] = null;
      link.dep.flags &= ~Node.RUNNING;
    }
  }
}
