package dev.statewire.examples.web;

/**
 * What one tab may hold at once: actions waiting for its lock, and open event streams (a page
 * needs one; a reload may briefly hold two).
 */
record TabLimits(int actionsInFlight, int streams) {
  TabLimits {
    if (actionsInFlight < 1 || streams < 1) {
      throw new IllegalArgumentException(
          "a tab needs at least 1 action and 1 stream, got " + actionsInFlight + " and " + streams);
    }
  }
}
