package dev.statewire;

/**
 * Where a nested transactional scope (an action, or a lambda lock block, inside another one)
 * started, so that its failure undoes only its own writes: how many participants had joined
 * and what each held ({@link Transactional#savepoint()}), and how many computed evaluations
 * the {@link ComputedJournal} had recorded.
 */
record Savepoint(int participants, Object[] saved, int evaluations) {}
