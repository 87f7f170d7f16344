package dev.statewire.examples.web;

import dev.statewire.ClosedException;
import dev.statewire.Effect;
import dev.statewire.ReactiveContext;
import dev.statewire.examples.ReactiveTaskState;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * One browser tab, as Reflex's client token: its own {@link ReactiveContext} (so tabs never wait
 * for each other's lock), its own {@link ReactiveTaskState} (in this process, or on Redis: see
 * {@link TabStates}), the event streams open on it, and when it was last seen.
 */
final class TabSession {
  private static final System.Logger LOG = System.getLogger("dev.statewire.examples.web");

  private final String token;
  private final ReactiveContext context;
  private final ReactiveTaskState state;
  private final Semaphore actionSlots;
  private final int maxActionsInFlight;
  private final int maxStreams;
  private volatile long lastSeenNanos;
  // guarded by this
  private final Set<LatestValue<CounterView>> streams = new HashSet<>();
  private boolean closed;

  TabSession(String token, TabStates states, Duration tickInterval, TabLimits limits, long now) {
    this.token = token;
    this.context = states.context(token);
    this.state = states.bind(context, new ReactiveTaskState(context, tickInterval,
        line -> LOG.log(System.Logger.Level.DEBUG, () -> context.name() + ": " + line)));
    this.maxActionsInFlight = limits.actionsInFlight();
    this.actionSlots = new Semaphore(limits.actionsInFlight());
    this.maxStreams = limits.streams();
    this.lastSeenNanos = now;
  }

  String token() {
    return token;
  }

  ReactiveTaskState state() {
    return state;
  }

  /**
   * The counter as last committed, its three fields from one commit.
   *
   * @throws HttpError 404 if the session has just been closed
   */
  CounterView view() {
    try {
      return context.batch(() -> CounterView.of(state));
    } catch (ClosedException e) {
      throw expired();
    }
  }

  void touch(long now) {
    lastSeenNanos = now;
  }

  /**
   * Runs one action of the page on the tab's state, unless the tab already has its limit of
   * actions waiting for the lock.
   *
   * @throws HttpError 429 over the limit, 404 if the tab session has just been closed
   */
  void act(Runnable action) {
    if (!actionSlots.tryAcquire()) {
      throw new HttpError(429, "this tab already has " + maxActionsInFlight
          + " actions waiting; send the next one after an answer comes back");
    }
    try {
      action.run();
    } catch (ClosedException e) {
      throw expired();
    } finally {
      actionSlots.release();
    }
  }

  /**
   * Opens an event stream: the returned mailbox gets the newest committed view, fed by
   * {@link #feed}. Close it with {@link #streamEnded}.
   *
   * @throws HttpError 404 if the session is closed, 429 if the tab has its limit of streams open
   */
  synchronized LatestValue<CounterView> openStream() {
    if (closed) {
      throw expired();
    }
    if (streams.size() >= maxStreams) {
      throw new HttpError(429, "this tab already has " + maxStreams
          + " event streams open; close one (a tab needs one EventSource)");
    }
    LatestValue<CounterView> stream = new LatestValue<>();
    streams.add(stream);
    return stream;
  }

  /**
   * An effect of the tab's context that hands {@code sink} the view now and after every commit
   * that changes it. It runs under the state's lock, so {@code sink} must not block.
   *
   * @throws ClosedException if the session was closed since the stream opened
   */
  Effect feed(Consumer<CounterView> sink) {
    return context.effect(() -> sink.accept(CounterView.of(state))).named(context.name() + " feed");
  }

  synchronized void streamEnded(LatestValue<CounterView> stream, long now) {
    streams.remove(stream);
    lastSeenNanos = now;
  }

  synchronized int openStreams() {
    return streams.size();
  }

  /** Closes the session if no stream is open and nothing came for {@code idleTimeout}. */
  boolean closeIfIdle(long now, Duration idleTimeout) {
    synchronized (this) {
      if (closed || !streams.isEmpty() || now - lastSeenNanos < idleTimeout.toNanos()) {
        return false;
      }
    }
    close();
    return true;
  }

  /**
   * Ends the open streams, closes the state (its running loop is cancelled, its effects stop),
   * then the tab's context (the streams' feed effects with it). The context holds no threads of
   * its own (the server's executor runs its tasks), so nothing of the tab stays alive.
   */
  void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      streams.forEach(LatestValue::close);
    }
    state.close();
    context.close();
  }

  synchronized boolean isClosed() {
    return closed;
  }

  private HttpError expired() {
    return new HttpError(404, "tab session " + token
        + " has ended (idle too long, or the server stopped); POST /sessions for a new one");
  }
}
