package dev.statewire;

/** What starting a background task does while another task of the same name still runs. */
public enum TaskPolicy {
  /** Start another task beside the running one. */
  PARALLEL,
  /** Start nothing; return the running task. */
  SKIP,
  /** Cancel the running task(s) and start a new one. */
  SUPERSEDE
}
