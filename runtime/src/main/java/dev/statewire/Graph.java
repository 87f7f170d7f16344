package dev.statewire;

import static dev.statewire.Node.DIRTY;
import static dev.statewire.Node.INITIALIZED;
import static dev.statewire.Node.JOURNALED;
import static dev.statewire.Node.PENDING;
import static dev.statewire.Node.RUNNING;
import static dev.statewire.Node.WATCHED;

import java.util.ArrayDeque;
import java.util.ArrayList;

/**
 * The push-pull algorithms over {@link Node}s and {@link Link}s. Every method requires the
 * context's lock.
 *
 * <p>Push: a changed signal marks its watching subscribers DIRTY and everything downstream of
 * them PENDING, and queues the effects it reaches ({@link #propagate}). Pull: reading a computed
 * first brings it up to date ({@link #refresh}); a PENDING node re-runs only if one of its
 * dependencies really changed, judged by comparing each dependency's version with the version
 * the link recorded. A computed that gets a new value tells its PENDING subscribers at once
 * ({@link #markSubscribersDirty}), so that a graph re-evaluated from its sources down re-runs
 * each node without walking its dependencies. An unwatched computed receives no pushes; it
 * compares the context's global version with the one it saw last, and only if they differ
 * checks its dependencies' versions.
 */
final class Graph {
  private Graph() {}

  /**
   * Records that {@code sub}, now running, read {@code dep}. Reuses the previous run's links. A
   * repeated read in one run costs O(1): the dependency's stamp says it was linked already.
   */
  static void track(ReactiveContext ctx, Node dep, Subscriber sub) {
    // kept this small so that it inlines into every read: a repeated read ends here, at once
    // if it repeats the run's last read (the last link is of this run: runs start unlinked)
    Link tail = sub.depsTail;
    if ((tail == null || tail.dep != dep)
        && (dep.trackStamp != ctx.trackStamp || ctx.trackStampsWrapped)) {
      link(ctx, dep, sub);
    }
  }

  /**
   * The part of {@link #track} past the repeated read: confirms an equal stamp after the
   * wrap-around, then reuses the next expected link or inserts a new one.
   */
  private static void link(ReactiveContext ctx, Node dep, Subscriber sub) {
    int stamp = ctx.trackStamp;
    if (dep.trackStamp == stamp && isTrackedThisRun(ctx, dep, sub)) {
      return;
    }
    dep.trackStamp = stamp;
    dep.flags &= ~JOURNALED; // the link records this version: a write back must not reuse it
    Link tail = sub.depsTail;
    Link next = tail == null ? sub.deps : tail.nextDep;
    if (next != null && next.dep == dep) {
      next.version = dep.version;
      sub.depsTail = next;
      return;
    }
    boolean watched = (sub.flags & WATCHED) != 0;
    Link link = watched ? new WatchedLink(dep, sub, dep.version) : new Link(dep, dep.version);
    link.nextDep = next;
    if (tail == null) {
      sub.deps = link;
    } else {
      tail.nextDep = link;
    }
    sub.depsTail = link;
    if (watched) {
      attach((WatchedLink) link);
    }
  }

  /**
   * Whether this run of {@code sub} already linked {@code dep}, by walking its links. Needed only
   * once the context's stamps wrapped around (after 2^32 runs): a stamp equal to the current
   * run's may then be left from a run long ago. Before that, every run's stamp is new, so an
   * equal stamp proves it. A nested run's stamp never hides an earlier read of this run; at
   * worst it makes the outer run link the dependency a second time, which is harmless.
   */
  private static boolean isTrackedThisRun(ReactiveContext ctx, Node dep, Subscriber sub) {
    Link tail = sub.depsTail;
    if (tail == null) {
      return false;
    }
    for (Link link = sub.deps; ; link = link.nextDep) {
      ctx.trackingWalkSteps++;
      if (link.dep == dep) {
        return true;
      }
      if (link == tail) {
        return false;
      }
    }
  }

  /** Ends a run of {@code sub}: drops the dependencies the run no longer read. */
  static void endTracking(Subscriber sub) {
    Link tail = sub.depsTail;
    Link stale = tail == null ? sub.deps : tail.nextDep;
    if (stale == null) {
      return;
    }
    if (tail == null) {
      sub.deps = null;
    } else {
      tail.nextDep = null;
    }
    boolean watched = (sub.flags & WATCHED) != 0;
    while (stale != null) {
      Link next = stale.nextDep;
      stale.nextDep = null;
      if (watched) {
        detach((WatchedLink) stale); // a watched subscriber's edges are all watched links
      }
      stale = next;
    }
  }

  /** Unlinks every dependency of a disposed subscriber. */
  static void dropAll(Subscriber sub) {
    sub.depsTail = null;
    endTracking(sub);
  }

  /** Adds {@code link} to its dependency's subscribers; a computed so watched starts watching. */
  private static void attach(WatchedLink link) {
    Computed<?> newlyWatched = linkSub(link);
    if (newlyWatched != null) {
      watch(newlyWatched);
    }
  }

  /**
   * {@code c}, never run, is about to be read by {@code reader}, which will link it. If the reader
   * is watched, so will {@code c} be: it is marked watched now, so that the links its first run
   * creates join their dependencies' subscribers at once, instead of being replaced by watched
   * links when the reader links it. Not for a computed with links (an abandoned run left them
   * unwatched) or one that is running (a cycle): those start watching when linked. Returns
   * whether it marked {@code c}; if the read then fails before linking it, call {@link
   * #unwatchIfUnsubscribed}.
   */
  static boolean watchBeforeFirstRun(Computed<?> c, Subscriber reader) {
    if (c.deps != null || (c.flags & (WATCHED | RUNNING)) != 0 || (reader.flags & WATCHED) == 0) {
      return false;
    }
    c.flags |= WATCHED;
    return true;
  }

  /** A computed marked by {@link #watchBeforeFirstRun} that nothing linked stops watching. */
  static void unwatchIfUnsubscribed(Computed<?> c) {
    if (c.subs == null && (c.flags & WATCHED) != 0) {
      unwatch(c);
    }
  }

  /** Removes {@code link} from its dependency's subscribers; an orphaned computed stops watching. */
  private static void detach(WatchedLink link) {
    Computed<?> orphan = unlinkSub(link);
    if (orphan != null) {
      unwatch(orphan);
    }
  }

  /** Appends {@code link} to its dependency's subscribers; returns the dependency if it is a
   * computed that has to start watching now. */
  private static Computed<?> linkSub(WatchedLink link) {
    Node dep = link.dep;
    WatchedLink first = dep.subs;
    link.nextSub = null;
    if (first != null) {
      WatchedLink last = first.prevSub;
      last.nextSub = link;
      link.prevSub = last;
      first.prevSub = link;
      return null;
    }
    link.prevSub = link;
    dep.subs = link;
    return dep instanceof Computed && (dep.flags & WATCHED) == 0 ? (Computed<?>) dep : null;
  }

  /** Removes {@code link} from its dependency's subscribers; returns the dependency if it is a
   * watched computed that has no subscriber left. */
  private static Computed<?> unlinkSub(WatchedLink link) {
    Node dep = link.dep;
    WatchedLink first = dep.subs;
    WatchedLink prev = link.prevSub;
    WatchedLink next = link.nextSub;
    if (link == first) {
      dep.subs = next;
      if (next != null) {
        next.prevSub = prev; // the last edge
      }
    } else {
      prev.nextSub = next;
      if (next == null) {
        first.prevSub = prev; // it was the last edge
      } else {
        next.prevSub = prev;
      }
    }
    link.prevSub = null;
    link.nextSub = null;
    return dep.subs == null && dep instanceof Computed && (dep.flags & WATCHED) != 0
        ? (Computed<?>) dep : null;
  }

  /**
   * Computeds gained their first watcher. Each was just read, so it is up to date: from now on
   * it receives pushes instead of polling, and so do its dependencies. Iterative.
   */
  private static void watch(Computed<?> first) {
    ArrayDeque<Computed<?>> more = null;
    for (Computed<?> c = first; c != null; c = more == null ? null : more.poll()) {
      c.flags = (c.flags | WATCHED) & ~(DIRTY | PENDING);
      Link before = null;
      for (Link link = c.deps; link != null; before = link, link = link.nextDep) {
        WatchedLink watched =
            link instanceof WatchedLink ? (WatchedLink) link : replace(c, before, link);
        link = watched; // go on along the new edge
        Computed<?> next = linkSub(watched);
        if (next != null) {
          if (more == null) {
            more = new ArrayDeque<>();
          }
          more.push(next);
        }
      }
    }
  }

  /**
   * Puts a {@link WatchedLink} in place of {@code link}, the edge after {@code before} (null:
   * the first) in {@code c}'s dependencies, so that it can join its dependency's subscribers.
   * If {@code c} is running (a read that met a cycle watches it), its tracking cursor moves
   * to the new edge.
   */
  private static WatchedLink replace(Subscriber c, Link before, Link link) {
    WatchedLink watched = new WatchedLink(link.dep, c, link.version);
    watched.nextDep = link.nextDep;
    if (before == null) {
      c.deps = watched;
    } else {
      before.nextDep = watched;
    }
    if (c.depsTail == link) {
      c.depsTail = watched;
    }
    return watched;
  }

  /** Computeds lost their last watcher: they go back to polling and release their sources. */
  private static void unwatch(Computed<?> first) {
    ArrayDeque<Computed<?>> more = null;
    for (Computed<?> c = first; c != null; c = more == null ? null : more.poll()) {
      c.flags &= ~(WATCHED | PENDING); // DIRTY stays: an abandoned computation must re-run
      c.seenGlobalVersion = c.ctx.globalVersion - 1;
      for (Link link = c.deps; link != null; link = link.nextDep) {
        Computed<?> orphan = unlinkSub((WatchedLink) link); // it was watched: all are
        if (orphan != null) {
          if (more == null) {
            more = new ArrayDeque<>();
          }
          more.push(orphan);
        }
      }
    }
  }

  /**
   * A node changed: marks the subscribers in {@code first}'s list with {@code mark} (DIRTY, or
   * PENDING when the change may still be undone in this session), everything downstream of them
   * PENDING, and queues the effects reached. Iterative, so depth is no concern.
   */
  static void propagate(ReactiveContext ctx, WatchedLink first, int mark) {
    for (WatchedLink link = first; link != null; link = link.nextSub) {
      Subscriber sub = link.sub;
      if (sub instanceof Effect) {
        ((Effect) sub).notifyChanged(mark);
        continue;
      }
      int f = sub.flags;
      sub.flags = f | mark;
      if ((f & (DIRTY | PENDING)) == 0 && sub.subs != null) {
        propagatePending(ctx, sub.subs);
      }
    }
  }

  /**
   * Marks the subscribers in {@code link}'s list and everything downstream of them PENDING, and
   * queues the effects reached. Depth first: it descends into a newly marked computed's
   * subscribers at once and stacks only the rest of the list it leaves, if any, so that a chain
   * costs no stack entries.
   */
  private static void propagatePending(ReactiveContext ctx, WatchedLink link) {
    WatchedLink[] stack = ctx.propagationStack;
    int top = 0;
    while (true) {
      Subscriber sub = link.sub;
      WatchedLink next = link.nextSub;
      if (sub instanceof Effect) {
        ((Effect) sub).notifyChanged(PENDING);
      } else {
        int f = sub.flags;
        sub.flags = f | PENDING;
        WatchedLink subs = sub.subs;
        if ((f & (DIRTY | PENDING)) == 0 && subs != null) {
          if (next != null) {
            if (top == stack.length) {
              stack = ctx.growPropagationStack();
            }
            stack[top++] = next;
          }
          link = subs;
          continue;
        }
      }
      if (next != null) {
        link = next;
      } else if (top == 0) {
        return;
      } else {
        link = stack[--top];
        stack[top] = null;
      }
    }
  }

  /**
   * How deep refreshes may nest before the deepest pending node is evaluated on its own first.
   * Keeps evaluation of arbitrarily long chains within an ordinary thread stack (a level takes
   * about 600 bytes of stack; 400 levels fit well in 512 KB). The price: the first evaluation of
   * a chain deeper than this runs the abandoned computations of each 400-level segment twice.
   */
  static final int MAX_NESTED_REFRESHES = 400;

  /** Brings a computed up to date, re-running it only if something it read changed. */
  static void refresh(Computed<?> c) {
    if (c.ctx.refreshDepth != 0) {
      refreshNested(c);
      return;
    }
    try {
      refreshNested(c);
    } catch (DeferredRefresh deferred) {
      refreshDeepChain(c, deferred.node);
    }
  }

  /**
   * A refresh nested deeper than {@link #MAX_NESTED_REFRESHES} was abandoned: bring the deep
   * node up to date first, from the top of the stack, then retry the ones above it. Each retry
   * gets further, because what is below it is now cached; computations are pure, so running an
   * abandoned one again is safe.
   */
  private static void refreshDeepChain(Computed<?> root, Computed<?> deep) {
    ArrayList<Computed<?>> pending = new ArrayList<>();
    pending.add(root);
    pending.add(deep);
    while (!pending.isEmpty()) {
      Computed<?> top = pending.get(pending.size() - 1);
      try {
        refreshNested(top);
        pending.remove(pending.size() - 1);
      } catch (DeferredRefresh deferred) {
        pending.add(deferred.node);
      }
    }
  }

  private static void refreshNested(Computed<?> c) {
    int f = c.flags;
    if ((f & RUNNING) != 0) {
      throw new CycleException(c);
    }
    if (upToDate(c)) {
      return;
    }
    ReactiveContext ctx = c.ctx;
    if (ctx.refreshDepth >= MAX_NESTED_REFRESHES) {
      throw new DeferredRefresh(c);
    }
    ctx.refreshDepth++;
    try {
      if ((f & INITIALIZED) == 0 || (f & DIRTY) != 0) {
        c.recompute();
      } else {
        validate(c);
      }
    } finally {
      ctx.refreshDepth--;
    }
  }

  /**
   * Whether a read of {@code c} can return its cached result at once: up to date and not
   * running (a running node read again is a cycle, which {@link #refresh} reports).
   */
  static boolean canReadCached(Computed<?> c) {
    int f = c.flags;
    return (f & (INITIALIZED | RUNNING)) == INITIALIZED
        && ((f & WATCHED) != 0
            ? (f & (DIRTY | PENDING)) == 0
            : c.seenGlobalVersion == c.ctx.globalVersion);
  }

  /** Whether {@code c} needs no work: cached, and known to be current. */
  private static boolean upToDate(Computed<?> c) {
    int f = c.flags;
    return (f & INITIALIZED) != 0
        && ((f & WATCHED) != 0
            ? (f & (DIRTY | PENDING)) == 0
            : c.seenGlobalVersion == c.ctx.globalVersion);
  }

  /**
   * Brings a cached computed that may be stale up to date, walking its dependencies depth first
   * with an explicit stack, so that a deep graph costs no thread stack. A node re-runs only if
   * one of its dependencies' versions moved; it re-runs from this loop, so the computations it
   * calls start with a shallow stack, and the dependencies they read were mostly brought up to
   * date already.
   *
   * <p>The node being checked and every node the walk descended through are marked {@link
   * Node#RUNNING}: dependency links can form a cycle (a computation that met a cycle still
   * depends on the node it could not read), and meeting a node that is being checked must end
   * the walk, not loop. Each node's mark is cleared together with its PENDING flag.
   */
  private static void validate(Computed<?> root) {
    ReactiveContext ctx = root.ctx;
    WalkStack walk = ctx.walk;
    int base = walk.top;
    int top = base; // this walk's levels are stack[base..top)
    Link[] stack = walk.links;
    Computed<?> node = root;
    Link link = root.deps;
    root.flags |= RUNNING;
    try {
      walk:
      while (true) {
        boolean changed = false;
        for (; link != null; link = link.nextDep) {
          Node dep = link.dep;
          if (dep instanceof Computed) {
            Computed<?> computed = (Computed<?>) dep;
            if (!upToDate(computed)) {
              int f = computed.flags;
              if ((f & RUNNING) != 0) {
                // being computed or checked further up: on a cycle. Re-running the node meets
                // it in a computation, which caches the CycleException naming every node on it
                changed = true;
                break;
              }
              if ((f & (INITIALIZED | DIRTY)) == INITIALIZED) {
                computed.flags = f | RUNNING;
                if (top == stack.length) {
                  stack = walk.grow();
                }
                stack[top++] = link;
                node = computed;
                link = computed.deps;
                continue walk;
              }
              walk.top = top; // a nested walk stacks above this one's levels
              computed.recompute();
              stack = walk.links;
            }
          }
          if (dep.version != link.version) {
            changed = true;
            break;
          }
        }
        if (changed) {
          walk.top = top;
          node.recompute();
          stack = walk.links;
        } else if ((node.flags & WATCHED) != 0) {
          node.flags &= ~(PENDING | RUNNING);
        } else {
          node.flags &= ~RUNNING;
          node.seenGlobalVersion = ctx.globalVersion;
        }
        if (top == base) {
          walk.top = base;
          return;
        }
        // resume the node above at the link to the one just checked: its version decides
        link = stack[--top];
        stack[top] = null;
        node = top == base ? root : (Computed<?>) stack[top - 1].dep;
      }
    } catch (Throwable abandoned) {
      walk.top = top;
      walk.abandonTo(base);
      root.flags &= ~RUNNING;
      throw abandoned;
    }
  }

  /**
   * {@code changed}, a watched computed, just got a new value. Its subscribers only marked
   * PENDING now know that a direct dependency changed: marked DIRTY, their next refresh re-runs
   * them without walking their dependencies again. Only a shortcut: a PENDING subscriber that
   * is not marked finds the change by comparing versions. So it is skipped where it cannot
   * help: for a single subscriber that is running (the computation or the walk that asked for
   * this value compares the version next), and while evaluations are journaled (a rollback
   * may take the new value back, and readers that never saw it must then stay as they are).
   */
  static void markSubscribersDirty(Computed<?> changed) {
    WatchedLink first = changed.subs;
    if ((first.nextSub == null && (first.sub.flags & RUNNING) != 0)
        || changed.ctx.journalsEvaluations()) {
      return;
    }
    for (WatchedLink link = first; link != null; link = link.nextSub) {
      Subscriber sub = link.sub;
      int f = sub.flags;
      if ((f & (DIRTY | PENDING)) == PENDING) {
        sub.flags = f | DIRTY;
      }
    }
  }

  /** Unwinds an over-deep refresh to the outermost one; see {@link #refreshDeepChain}. */
  static final class DeferredRefresh extends Error {
    private static final long serialVersionUID = 1L;
    final transient Computed<?> node;

    DeferredRefresh(Computed<?> node) {
      super(null, null, false, false);
      this.node = node;
    }
  }

  /**
   * Whether any dependency's version moved since {@code sub} (an effect) last read it; each
   * computed dependency is brought up to date first.
   */
  static boolean dependenciesChanged(Subscriber sub) {
    for (Link link = sub.deps; link != null; link = link.nextDep) {
      Node dep = link.dep;
      if (dep instanceof Computed) {
        refresh((Computed<?>) dep);
      }
      if (dep.version != link.version) {
        return true;
      }
    }
    return false;
  }
}
