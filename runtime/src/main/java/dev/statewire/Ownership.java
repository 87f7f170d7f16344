package dev.statewire;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The open effects, resources and scopes one owner holds and disposes: an isolated context
 * (see {@link ContextOwnership}), an {@link EffectScope}, or an effect (what its runs created).
 * Guarded by the context's lock: nodes are created and closed under it. The effects form a list
 * linked through the effects themselves, so owning one costs no allocation; the newest one links
 * back to its owner, so that an effect needs no field for its owner to leave the list.
 */
class Ownership {
  /** The most recently adopted open effect; the list runs from newest to oldest. */
  private Effect newestEffect;
  /** The open resources and scopes; made on first use, most owners never own one. */
  private Set<OwnedCloseable> others;

  /** Lock held. Owns {@code effect}, which has just been created. */
  final void adopt(Effect effect) {
    effect.ownedPrev = this;
    effect.ownedNext = newestEffect;
    if (newestEffect != null) {
      newestEffect.ownedPrev = effect;
    }
    newestEffect = effect;
  }

  /** Lock held. Whatever owns {@code effect}, which is closing, lets go of it; if anything does. */
  static void release(Effect effect) {
    Object prev = effect.ownedPrev;
    if (prev == null) {
      return;
    }
    Effect next = effect.ownedNext;
    if (prev instanceof Effect) {
      ((Effect) prev).ownedNext = next;
    } else {
      ((Ownership) prev).newestEffect = next;
    }
    if (next != null) {
      next.ownedPrev = prev;
    }
    effect.ownedPrev = null;
    effect.ownedNext = null;
  }

  /** Lock held. Owns {@code node} (a resource or a scope), which has just been created. */
  final void adopt(OwnedCloseable node) {
    if (others == null) {
      others = new LinkedHashSet<>();
    }
    others.add(node);
  }

  /** Lock held. Lets go of {@code node}, which is closing. */
  final void release(OwnedCloseable node) {
    others.remove(node);
  }

  /**
   * Lock held. Closes the resources and scopes (newest first: a running load is cancelled) and
   * then the effects still open (newest first), including those that closing created.
   */
  final void closeEffectsAndResources() {
    if (others != null) {
      OwnedCloseable[] open = others.toArray(new OwnedCloseable[0]);
      for (int i = open.length - 1; i >= 0; i--) {
        open[i].close();
      }
      others.clear();
    }
    while (newestEffect != null) {
      Effect effect = newestEffect;
      release(effect);
      effect.close();
    }
  }
}
