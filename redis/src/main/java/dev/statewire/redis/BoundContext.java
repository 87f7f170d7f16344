package dev.statewire.redis;

import dev.statewire.LockGuard;
import dev.statewire.ReactiveContext;
import dev.statewire.ReactiveObject;
import dev.statewire.Transactional;
import dev.statewire.support.TransactionHook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Redis side of one context from {@code store.context(key)}: its bound objects, the version
 * of Redis's state its local copy holds, and its part in each transaction (a {@link
 * TransactionHook}). A transaction's first join takes the lease and brings the local copy up to
 * date (a commit of its own); the commit writes the changed fields to Redis before they are
 * published locally, and releases the lease. Commits of other holders arrive from the replica
 * reader and are applied as ordinary local commits.
 *
 * <p>Everything but the queue of arriving changes is guarded by the context's lock.
 */
final class BoundContext implements TransactionHook {
  private static final String VERSION_FIELD = "@version";

  final ContextKeys keys;
  private final RedisStateStore store;
  private ReactiveContext context;
  private final List<ObjectBinding> objects = new ArrayList<>();
  private final Map<Transactional, ObjectBinding> byParticipant = new IdentityHashMap<>();
  private final Map<Object, FieldBinding<?>> bySignal = new IdentityHashMap<>();
  /** Each persisted field's JSON as Redis last had it, as far as this context knows. */
  private final Map<String, String> known = new HashMap<>();
  /**
   * The version of Redis's state the local copy holds. Written under the lock; volatile so that
   * {@link #offer} can skip, without the lock, the commits this context made itself.
   */
  private volatile long version;
  /**
   * The incarnation of Redis's state the local copy is of ({@code @epoch}); null before the first
   * lease. A state that was lost and created anew has another, and versions start again there.
   */
  private String epoch;
  /** An object was bound since the last commit: the next acquisition reads the whole state. */
  private boolean unsynced;
  /** The lease of the open transaction; null outside one. */
  private Lease lease;
  /** Fields Redis lacks (a new binding, a lost state), written with the transaction's commit. */
  private final Map<String, String> seeds = new LinkedHashMap<>();
  private final Queue<Change> arrived = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  /** A commit another holder made, read from the stream. */
  record Change(long version, Map<String, String> fields) {}

  BoundContext(RedisStateStore store, ContextKeys keys) {
    this.store = store;
    this.keys = keys;
  }

  void attach(ReactiveContext context) {
    this.context = context;
  }

  ReactiveContext context() {
    return context;
  }

  /**
   * Binds {@code object} under {@code name} and syncs it in a transaction of its own: Redis's
   * values replace its fields if Redis has them, else its values are written to Redis.
   */
  void bind(String name, ReactiveObject object) {
    if (context.isHeldByCurrentThread()) {
      throw new IllegalStateException("store.bind(" + context + ", \"" + name + "\", ...) was "
          + "called inside a lock block, action or effect of that context; bind objects right "
          + "after creating them, outside any block.");
    }
    ObjectBinding binding = ObjectBinding.of(name, object, store.settings().codecs());
    try {
      try (LockGuard guard = context.enter()) {
        add(binding);
        context.join(object.reactiveTransaction());
      }
    } catch (RuntimeException | Error e) {
      try (LockGuard guard = context.enter()) {
        remove(binding);
      }
      throw e;
    }
  }

  private void add(ObjectBinding binding) {
    for (ObjectBinding other : objects) {
      if (other.name.equals(binding.name) || other.object == binding.object) {
        throw new IllegalArgumentException("Cannot bind " + binding.object.getClass().getName()
            + " as '" + binding.name + "' in " + context + ": "
            + (other.object == binding.object ? "it is already bound as '" + other.name + "'"
                : "the name is taken by a " + other.object.getClass().getName())
            + ". Give each object of a context its own name, once.");
      }
    }
    objects.add(binding);
    byParticipant.put(binding.object.reactiveTransaction(), binding);
    for (FieldBinding<?> field : binding.fields) {
      bySignal.put(field.signal(), field);
    }
    unsynced = true;
  }

  private void remove(ObjectBinding binding) {
    if (objects.remove(binding)) {
      byParticipant.remove(binding.object.reactiveTransaction());
      for (FieldBinding<?> field : binding.fields) {
        bySignal.remove(field.signal());
      }
    }
  }

  // ---- transactions (under the context's lock) ----------------------------------------------

  @Override
  public void beforeJoin(ReactiveContext ctx, Transactional participant, boolean first) {
    if (!byParticipant.containsKey(participant)) {
      throw new UnboundObjectException(participant, keys.key());
    }
    if (!first) {
      return;
    }
    store.requireOpen();
    LeaseClient.Acquired acquired = store.leases()
        .acquire(keys, unsynced ? -1 : version, epoch == null ? "" : epoch);
    Lease held = acquired.lease();
    try {
      bringUpToDate(acquired);
    } catch (RuntimeException | Error e) {
      store.leases().release(held);
      throw e;
    }
    lease = held;
    store.renewer().watch(held);
  }

  /** Applies what the acquisition read, or notes what Redis lacks. */
  private void bringUpToDate(LeaseClient.Acquired acquired) {
    seeds.clear();
    boolean recreated = epoch != null && !epoch.equals(acquired.epoch());
    epoch = acquired.epoch();
    if (recreated && acquired.version() > 0) {
      // Redis lost the state and another context wrote a new one since: its versions started
      // again, so they say nothing against this copy's; the new state is the committed one
      known.clear();
      applyApart(acquired.state(), true);
      version = acquired.version();
    } else if (acquired.version() < version) {
      // Redis lost the state (a restart without persistence, an expired idle TTL, a flush):
      // the local copy is the newest there is, and this commit writes it back whole
      for (ObjectBinding binding : objects) {
        for (FieldBinding<?> field : binding.fields) {
          seeds.put(field.hashField, field.encodeCommitted());
        }
      }
    } else if (acquired.state() != null) {
      applyApart(acquired.state(), true);
      version = acquired.version();
    }
  }

  @Override
  public void commit(ReactiveContext ctx, Writes writes) {
    Lease held = endLease();
    Map<String, String> changes = new LinkedHashMap<>(seeds);
    seeds.clear();
    try {
      for (int i = 0; i < writes.size(); i++) {
        FieldBinding<?> field = bySignal.get(writes.signal(i));
        if (field != null) {
          changes.put(field.hashField, field.encode(writes.value(i)));
        }
      }
    } catch (RuntimeException | Error e) {
      store.leases().release(held);
      throw e;
    }
    long committed = store.leases().commit(held, version, changes);
    if (!changes.isEmpty()) {
      version = committed;
      known.putAll(changes);
    }
    unsynced = false;
  }

  @Override
  public void abort(ReactiveContext ctx) {
    seeds.clear();
    Lease held = endLease();
    if (held != null) {
      store.leases().release(held);
    }
  }

  private Lease endLease() {
    Lease held = lease;
    lease = null;
    if (held != null) {
      store.renewer().forget(held);
    }
    return held;
  }

  // ---- replicas -------------------------------------------------------------------------------

  /** From the replica reader: another holder's commit; applied on the context's executor. */
  void offer(Change change) {
    if (change.version() <= version) {
      return; // this context's own commit, or one it already read under a lease
    }
    arrived.add(change);
    if (draining.compareAndSet(false, true)) {
      try {
        context.executor().execute(this::drain);
      } catch (RejectedExecutionException closed) {
        arrived.clear(); // the context is closed: nothing to apply to
      }
    }
  }

  private void drain() {
    do {
      Change change;
      while ((change = arrived.poll()) != null) {
        try (LockGuard guard = context.enter()) {
          apply(change);
        } catch (RuntimeException | Error e) {
          context.errorHandler().handle("applying commit " + change.version() + " of Redis key '"
              + keys.key() + "' to " + context, e);
        }
      }
      draining.set(false);
    } while (!arrived.isEmpty() && draining.compareAndSet(false, true));
  }

  private void apply(Change change) {
    if (context.isClosed() || objects.isEmpty() || change.version() <= version) {
      return; // closed, not bound yet (bind reads the whole state), or already applied
    }
    if (change.version() == version + 1) {
      applyApart(change.fields(), false);
      version = change.version();
      return;
    }
    // a gap: this context missed commits (a disconnect, a trimmed stream); read them whole
    Map<String, String> state = store.leases().readState(keys);
    long current = Long.parseLong(state.getOrDefault(VERSION_FIELD, "0"));
    if (current > version) {
      applyApart(state, false);
      version = current;
    }
  }

  /**
   * Writes every bound field whose JSON in {@code fields} differs from what this context last
   * knew, as a commit of its own; with {@code seedMissing}, notes the fields Redis lacks.
   */
  private void applyApart(Map<String, String> fields, boolean seedMissing) {
    context.commitApart(() -> {
      for (ObjectBinding binding : objects) {
        for (FieldBinding<?> field : binding.fields) {
          String json = fields.get(field.hashField);
          if (json == null) {
            if (seedMissing) {
              seeds.put(field.hashField, field.encodeCommitted());
            }
          } else if (!json.equals(known.get(field.hashField))) {
            context.join(binding.object.reactiveTransaction());
            field.write(json);
          }
        }
      }
    });
    for (ObjectBinding binding : objects) {
      for (FieldBinding<?> field : binding.fields) {
        String json = fields.get(field.hashField);
        if (json != null) {
          known.put(field.hashField, json);
        }
      }
    }
  }
}
