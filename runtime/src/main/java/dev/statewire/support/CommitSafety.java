package dev.statewire.support;

/**
 * Whether the commit of a generated state class can throw, as its {@link StateCore} tells the
 * context ({@link dev.statewire.Transactional#commitCannotFail()}).
 */
public enum CommitSafety {
  /** The commit compares a field with {@code equals}, which may throw. */
  MAY_FAIL,
  /** The commit compares only primitive fields, by value: it cannot throw. */
  CANNOT_FAIL
}
