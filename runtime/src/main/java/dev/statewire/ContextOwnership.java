package dev.statewire;

import java.util.HashSet;
import java.util.Set;

/**
 * What an isolated context owns and disposes when it is {@linkplain ReactiveContext#close()
 * closed}: the open effects and resources no effect or {@link EffectScope} owns (see {@link
 * Ownership}), and its background tasks that have not ended.
 *
 * <p>Tasks start and end on any thread, without the lock: they are guarded by this object's
 * monitor, which is never held while anything else is called.
 */
final class ContextOwnership extends Ownership {
  /** Guarded by this. */
  private final Set<Task> tasks = new HashSet<>();
  /** Guarded by this: set once close() began; no task starts after it. */
  private boolean refusingTasks;

  /** Records a task about to start; false once the context is closing (it must not start). */
  synchronized boolean admit(Task task) {
    if (refusingTasks) {
      return false;
    }
    tasks.add(task);
    return true;
  }

  synchronized void ended(Task task) {
    tasks.remove(task);
  }

  /** Refuses new tasks from now on and returns those that have not ended. */
  synchronized Task[] refuseTasks() {
    refusingTasks = true;
    return tasks.toArray(new Task[0]);
  }
}
