package dev.statewire;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What an isolated context owns and disposes when it is {@linkplain ReactiveContext#close()
 * closed}: its open effects and resources, and its background tasks that have not ended.
 *
 * <p>Effects and resources are guarded by the context's lock (they are created and closed under
 * it); the open effects form a list linked through the effects themselves, so owning one costs
 * no allocation. Tasks start and end on any thread, without the lock: they are guarded by this
 * object's monitor, which is never held while anything else is called.
 */
final class ContextOwnership {
  /** The most recently created open effect; the list runs from newest to oldest. */
  private Effect newestEffect;
  private final Set<Resource<?, ?>> resources = new LinkedHashSet<>();
  /** Guarded by this. */
  private final Set<Task> tasks = new HashSet<>();
  /** Guarded by this: set once close() began; no task starts after it. */
  private boolean refusingTasks;

  /** Lock held. Owns {@code effect}, which has just been created. */
  void adopt(Effect effect) {
    effect.ownedNext = newestEffect;
    if (newestEffect != null) {
      newestEffect.ownedPrev = effect;
    }
    newestEffect = effect;
  }

  /** Lock held. Lets go of {@code effect}, which is closing; does nothing if not owned. */
  void release(Effect effect) {
    Effect prev = effect.ownedPrev;
    Effect next = effect.ownedNext;
    if (prev == null && newestEffect != effect) {
      return;
    }
    if (prev == null) {
      newestEffect = next;
    } else {
      prev.ownedNext = next;
    }
    if (next != null) {
      next.ownedPrev = prev;
    }
    effect.ownedPrev = null;
    effect.ownedNext = null;
  }

  /** Lock held. */
  void adopt(Resource<?, ?> resource) {
    resources.add(resource);
  }

  /** Lock held. */
  void release(Resource<?, ?> resource) {
    resources.remove(resource);
  }

  /**
   * Lock held. Closes the resources (newest first: a running load is cancelled) and then the
   * effects still open (newest first), including those that closing created.
   */
  void closeEffectsAndResources() {
    Resource<?, ?>[] open = resources.toArray(new Resource<?, ?>[0]);
    for (int i = open.length - 1; i >= 0; i--) {
      open[i].close();
    }
    resources.clear();
    while (newestEffect != null) {
      Effect effect = newestEffect;
      release(effect);
      effect.close();
    }
  }

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
