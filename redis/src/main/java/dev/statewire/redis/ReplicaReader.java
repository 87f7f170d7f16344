package dev.statewire.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.UnblockType;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the change streams of every bound context of the store on one dedicated connection and
 * thread ({@code XREAD BLOCK} over all of them), and hands each commit to the contexts bound to
 * its key. Each context applies it on its own executor; one that finds a gap in the versions
 * reads the whole state instead.
 */
final class ReplicaReader implements AutoCloseable {
  private static final Duration BLOCK = Duration.ofSeconds(1);
  private static final long MAX_PAUSE_MILLIS = 1000;

  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> control;
  private final long clientId;
  /** Stream key to the position read so far and the contexts to tell. Guarded by this. */
  private final Map<String, Watched> streams = new HashMap<>();
  private final Thread thread;
  private volatile boolean closed;

  private static final class Watched {
    String position = "0-0";
    final List<BoundContext> contexts = new ArrayList<>();
  }

  /**
   * Starts reading on {@code connection}, which it owns; {@code control} (another connection)
   * wakes a blocked read when the set of streams changes.
   */
  ReplicaReader(StatefulRedisConnection<String, String> connection,
      RedisCommands<String, String> control) {
    this.connection = connection;
    this.control = control;
    connection.setTimeout(connection.getTimeout().plus(BLOCK));
    this.clientId = connection.sync().clientId();
    this.thread = new Thread(this::run, "statewire-redis-replicas");
    thread.setDaemon(true);
    thread.start();
  }

  /** Tells {@code context} of every commit to its key from now on (and of the stream's past). */
  void watch(BoundContext context) {
    synchronized (this) {
      Watched watched = streams.computeIfAbsent(context.keys.changes(), k -> new Watched());
      if (watched.contexts.contains(context)) {
        return;
      }
      watched.contexts.add(context);
      notifyAll();
    }
    wake();
  }

  void forget(BoundContext context) {
    synchronized (this) {
      Watched watched = streams.get(context.keys.changes());
      if (watched != null && watched.contexts.remove(context) && watched.contexts.isEmpty()) {
        streams.remove(context.keys.changes());
      }
    }
    wake();
  }

  private void run() {
    long pause = 10;
    while (!closed) {
      XReadArgs.StreamOffset<String>[] offsets = offsets();
      if (offsets == null) {
        continue;
      }
      try {
        List<StreamMessage<String, String>> messages = connection.sync()
            .xread(XReadArgs.Builder.block(BLOCK).count(256), offsets);
        if (messages != null) {
          messages.forEach(this::deliver);
        }
        pause = 10;
      } catch (RedisException e) {
        if (closed) {
          return;
        }
        sleep(pause); // Redis is unreachable: Lettuce reconnects meanwhile
        pause = Math.min(MAX_PAUSE_MILLIS, pause * 2);
      }
    }
  }

  /** What to read, or null (after waiting) while nothing is watched. */
  @SuppressWarnings("unchecked")
  private synchronized XReadArgs.StreamOffset<String>[] offsets() {
    if (streams.isEmpty()) {
      try {
        wait(BLOCK.toMillis());
      } catch (InterruptedException e) {
        closed = true;
      }
      return null;
    }
    List<XReadArgs.StreamOffset<String>> offsets = new ArrayList<>(streams.size());
    streams.forEach((key, watched) -> offsets.add(XReadArgs.StreamOffset.from(key, watched.position)));
    return offsets.toArray(new XReadArgs.StreamOffset[0]);
  }

  private void deliver(StreamMessage<String, String> message) {
    List<BoundContext> contexts;
    synchronized (this) {
      Watched watched = streams.get(message.getStream());
      if (watched == null) {
        return;
      }
      watched.position = message.getId();
      contexts = List.copyOf(watched.contexts);
    }
    Map<String, String> fields = new HashMap<>(message.getBody());
    String version = fields.remove("@version");
    if (version == null) {
      return; // not written by a store
    }
    BoundContext.Change change = new BoundContext.Change(Long.parseLong(version), Map.copyOf(fields));
    for (BoundContext context : contexts) {
      context.offer(change);
    }
  }

  /** Ends a blocked read early, so that the next one reads the changed set of streams. */
  private void wake() {
    try {
      control.clientUnblock(clientId, UnblockType.TIMEOUT);
    } catch (RedisException e) {
      // the read ends by itself within BLOCK
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (this) {
      notifyAll();
    }
    wake();
    try {
      thread.join(BLOCK.multipliedBy(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connection.close();
  }
}
