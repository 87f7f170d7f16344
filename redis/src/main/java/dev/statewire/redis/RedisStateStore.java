package dev.statewire.redis;

import dev.statewire.ReactiveContext;
import dev.statewire.ReactiveObject;
import dev.statewire.codec.StateCodec;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * State of Statewire contexts kept in Redis and shared by every JVM that binds the same key.
 *
 * <pre>{@code
 * RedisStateStore store = RedisStateStore.connect("redis://localhost:6379");
 * ReactiveContext ctx = store.context("session:" + token);
 * ReactiveTaskState state = store.bind(ctx, "tasks", new ReactiveTaskState(ctx));
 * state.increment(); // an action: a lock block under a Redis lease, committed to Redis
 * }</pre>
 *
 * <p>A lock block or action on an object of such a context takes the context's local lock and a
 * Redis lease with a fencing token, brings the local copy up to date if another JVM committed
 * since, runs, and commits its changed fields to Redis in one atomic script that checks the
 * lease and the fence first. If the lease was lost, nothing is written or published, the block's
 * writes roll back and the caller gets {@link LockLostException}. Every other JVM bound to the
 * key applies the commit to its own copy as an ordinary commit, so its effects run. Reads outside
 * lock blocks read the local copy, which may lag behind Redis; reads inside read the latest
 * committed state. Values travel as JSON through each field's {@link StateCodec}.
 *
 * <p>Thread-safe; one store per Redis per JVM is enough. {@link #close()} disconnects; lock
 * blocks on its contexts then fail.
 */
public final class RedisStateStore implements AutoCloseable {
  private final StoreSettings settings;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final LeaseClient leases;
  private final LeaseRenewer renewer;
  private final ReplicaReader replicas;
  private final Map<ReactiveContext, BoundContext> contexts = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private RedisStateStore(StoreSettings settings) {
    this.settings = settings;
    RedisURI uri;
    try {
      uri = RedisURI.create(settings.uri());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a Redis URI: '" + settings.uri() + "'; write it as "
          + "redis://host:port (rediss:// for TLS).", e);
    }
    this.client = RedisClient.create(uri);
    client.setOptions(ClientOptions.builder()
        // fail at once while disconnected, rather than queue until the command timeout
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .build());
    client.setDefaultTimeout(settings.commandTimeout());
    StatefulRedisConnection<String, String> commands = null;
    try {
      commands = client.connect();
      this.connection = commands;
      this.replicas = new ReplicaReader(client.connect(), commands.sync());
    } catch (RedisException e) {
      if (commands != null) {
        commands.close();
      }
      client.shutdown();
      throw new RedisUnavailableException("Could not connect to Redis at " + settings.uri()
          + ": " + e.getMessage() + ". Check that Redis runs and that the URI is right.", e);
    }
    this.leases = new LeaseClient(
        connection.sync(), settings, UUID.randomUUID().toString(), this::isClosed);
    connection.addListener(new RedisConnectionStateListener() {
      @Override
      public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
        leases.connectionLost(); // blocks running now fail as lease-lost, even once reconnected
      }
    });
    this.renewer = new LeaseRenewer(leases, settings.leaseTtl(), settings.idleTtl());
  }

  /**
   * Connects with default settings: lease TTL 10 s, idle TTL 1 h, key prefix {@code
   * "statewire:"}, acquire timeout 10 s, command timeout 5 s.
   *
   * @param uri the Redis URI, {@code redis://host:port}
   * @return the connected store
   * @throws RedisUnavailableException if Redis cannot be reached
   */
  public static RedisStateStore connect(String uri) {
    return builder(uri).build();
  }

  /**
   * {@return a builder for a store on {@code uri}, to set TTLs, the key prefix and codecs}
   *
   * @param uri the Redis URI, {@code redis://host:port}
   */
  public static Builder builder(String uri) {
    return new Builder(Objects.requireNonNull(uri, "uri"));
  }

  /**
   * Creates a context whose state lives in Redis under {@code key} (one per user session, say).
   * Objects created in it are persisted once {@linkplain #bind bound}; a lock block on one that
   * is not fails with {@link UnboundObjectException}. Several contexts, in this JVM or others,
   * may use the same key: their lock blocks exclude each other and each applies the others'
   * commits. Closing the context stops its replica updates.
   *
   * @param key the key, as stable as the state it names ({@code "session:" + token})
   * @return a new isolated context named {@code key}
   */
  public ReactiveContext context(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("A context key must not be empty.");
    }
    requireOpen();
    BoundContext bound = new BoundContext(this, ContextKeys.of(settings.keyPrefix(), key));
    ReactiveContext context = ReactiveContext.builder()
        .name(key)
        .transactionHook(bound)
        // a block holds the local lock across round trips to Redis (and a wait for the lease):
        // a hold is worth a report once it nears the lease's lifetime
        .lockHoldThreshold(settings.leaseTtl())
        .build();
    bound.attach(context);
    contexts.put(context, bound);
    // owned by the context: its close() runs the cleanup, which stops replica updates
    context.effect(cleanup -> cleanup.add(() -> forget(bound)));
    return context;
  }

  /**
   * Persists {@code object} under {@code name} in its context's key, and syncs it at once (a
   * lock block): if Redis already holds the object's fields (another JVM bound it, or an earlier
   * run), they replace the object's values; otherwise its values are written to Redis. Bind each
   * object once, right after creating it, outside any lock block.
   *
   * @param context a context from {@link #context(String)} of this store
   * @param name the object's name in the key: letters, digits, {@code _} and {@code -}; the same
   *     in every JVM
   * @param object a state object created in {@code context}
   * @param <T> the object's type
   * @return {@code object}
   * @throws IllegalArgumentException if the context is not this store's, the object lives in
   *     another context, the name is taken or malformed, or the object has no persisted fields
   * @throws dev.statewire.codec.MissingCodecException if a field's type has no codec
   * @throws RedisUnavailableException if Redis cannot be reached
   */
  public <T extends ReactiveObject> T bind(ReactiveContext context, String name, T object) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(object, "object");
    BoundContext bound = contexts.get(context);
    if (bound == null) {
      throw new IllegalArgumentException(context + " was not created by this store; create "
          + "the context with store.context(key) and the object in it.");
    }
    if (object.reactiveContext() != context) {
      throw new IllegalArgumentException("Cannot bind " + object.getClass().getName() + " as '"
          + name + "' in " + context + ": it lives in " + object.reactiveContext()
          + ". Create it in the context it is bound to: new ReactiveX(context, ...).");
    }
    bound.bind(name, object);
    replicas.watch(bound);
    return object;
  }

  private void forget(BoundContext bound) {
    contexts.remove(bound.context());
    replicas.forget(bound);
  }

  /**
   * Disconnects from Redis and stops the store's threads. Idempotent. Blocks running on its
   * contexts lose their leases (released now, so other JVMs need not wait for the TTL) and fail
   * with {@link LockLostException}; later lock blocks fail with {@link IllegalStateException}.
   * Their local state stays readable.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    replicas.close();
    renewer.close();
    connection.close();
    client.shutdown(Duration.ZERO, settings.commandTimeout());
  }

  @Override
  public String toString() {
    return "RedisStateStore on " + settings.uri();
  }

  StoreSettings settings() {
    return settings;
  }

  LeaseClient leases() {
    return leases;
  }

  LeaseRenewer renewer() {
    return renewer;
  }

  boolean isClosed() {
    return closed;
  }

  void requireOpen() {
    if (closed) {
      throw new IllegalStateException(this + " is closed: its contexts cannot take Redis "
          + "leases any more. Close the store only when the application stops.");
    }
  }

  /** Settings for a {@link RedisStateStore}. */
  public static final class Builder {
    private final String uri;
    private Duration leaseTtl = Duration.ofSeconds(10);
    private Duration idleTtl = Duration.ofHours(1);
    private String keyPrefix = "statewire:";
    private Duration acquireTimeout = Duration.ofSeconds(10);
    private Duration commandTimeout = Duration.ofSeconds(5);
    private final Map<String, StateCodec<?>> codecs = new HashMap<>();

    private Builder(String uri) {
      this.uri = uri;
    }

    /**
     * How long a lease lives unless renewed (default 10 s, as Reflex's lock). The store renews
     * the leases of running blocks every third of it; a JVM that stops (crash, pause) loses its
     * lease after at most this long, and another holder proceeds.
     *
     * @param ttl at least 10 ms
     * @return this builder
     */
    public Builder leaseTtl(Duration ttl) {
      this.leaseTtl = atLeastMillis(ttl, 10, "leaseTtl");
      return this;
    }

    /**
     * How long a key's state stays in Redis after it was last used by a lock block (default
     * 1 h, as Reflex's token expiry); each lock block refreshes it.
     *
     * @param ttl at least 1 s
     * @return this builder
     */
    public Builder idleTtl(Duration ttl) {
      this.idleTtl = atLeastMillis(ttl, 1000, "idleTtl");
      return this;
    }

    /**
     * The start of every Redis key the store uses (default {@code "statewire:"}).
     *
     * @param prefix the prefix, possibly empty
     * @return this builder
     */
    public Builder keyPrefix(String prefix) {
      this.keyPrefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /**
     * How long a lock block waits for a lease another holder has before it fails with {@link
     * LeaseTimeoutException} (default 10 s).
     *
     * @param timeout zero or more
     * @return this builder
     */
    public Builder acquireTimeout(Duration timeout) {
      this.acquireTimeout = atLeastMillis(timeout, 0, "acquireTimeout");
      return this;
    }

    /**
     * How long one Redis command may take before it fails (default 5 s).
     *
     * @param timeout at least 10 ms
     * @return this builder
     */
    public Builder commandTimeout(Duration timeout) {
      this.commandTimeout = atLeastMillis(timeout, 10, "commandTimeout");
      return this;
    }

    /**
     * The codec for fields of {@code type} that have no codec of their own (the processor
     * generates codecs for primitives, strings, enums, records and collections of those).
     *
     * @param type the fields' declared type
     * @param codec encodes its values as JSON
     * @param <T> the type
     * @return this builder
     */
    public <T> Builder codec(Class<T> type, StateCodec<T> codec) {
      Objects.requireNonNull(type, "type");
      codecs.put(type.getCanonicalName(), Objects.requireNonNull(codec, "codec"));
      return this;
    }

    /**
     * Connects.
     *
     * @return the connected store
     * @throws RedisUnavailableException if Redis cannot be reached
     */
    public RedisStateStore build() {
      return new RedisStateStore(new StoreSettings(uri, leaseTtl, idleTtl, keyPrefix,
          acquireTimeout, commandTimeout, Map.copyOf(codecs)));
    }

    private static Duration atLeastMillis(Duration value, long min, String what) {
      Objects.requireNonNull(value, what);
      if (value.toMillis() < min) {
        throw new IllegalArgumentException(what + " must be at least " + min + " ms: " + value);
      }
      return value;
    }
  }
}
