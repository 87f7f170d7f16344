package dev.statewire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A computed value read itself, directly or through others. The message lists the cycle, e.g.
 * {@code Computed 'a' -> Computed 'b' -> Computed 'a'}.
 */
public final class CycleException extends StatewireException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_LISTED = 12;

  private final transient Node start;
  /** The nodes from the reader of {@code start} outwards, until {@code start} again. */
  private final List<String> path = new ArrayList<>();
  /** Whether {@link #path} reached {@code start} again: later computations add nothing. */
  private boolean complete;

  CycleException(Node start) {
    super(null);
    this.start = start;
  }

  /** Called by each computation the exception passes through, innermost first. */
  void addToPath(Node node) {
    if (complete) {
      return;
    }
    if (node == start) {
      complete = true;
    } else {
      path.add(node.describe());
    }
  }

  /** {@return the nodes of the cycle, starting and ending with the node that was read again} */
  public List<String> cycle() {
    List<String> cycle = new ArrayList<>();
    cycle.add(start.describe());
    List<String> inner = new ArrayList<>(path);
    Collections.reverse(inner);
    cycle.addAll(inner);
    cycle.add(start.describe());
    return cycle;
  }

  @Override
  public String getMessage() {
    List<String> cycle = cycle();
    if (cycle.size() > MAX_LISTED) {
      int omitted = cycle.size() - MAX_LISTED;
      List<String> shown = new ArrayList<>(cycle.subList(0, MAX_LISTED / 2));
      shown.add("... (" + omitted + " more)");
      shown.addAll(cycle.subList(cycle.size() - MAX_LISTED / 2, cycle.size()));
      cycle = shown;
    }
    return "Cycle detected: " + String.join(" -> ", cycle)
        + ". A computed value must not depend on itself; break the cycle, for example by "
        + "reading one of these values with peek() or Statewire.untracked(...).";
  }
}
