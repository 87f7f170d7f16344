package dev.statewire.examples.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The live tab sessions by token: creates them up to a cap, finds them for each request, and
 * closes those idle longer than the timeout.
 */
final class SessionRegistry {
  /** 16 random bytes, base64url without padding. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");

  private final ConcurrentHashMap<String, TabSession> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final int maxSessions;
  private final Duration idleTimeout;
  private final LongSupplier clock;
  private final Function<String, TabSession> factory;
  private final boolean adoptsUnknownTokens;

  /**
   * @param clock nanoseconds, as {@link System#nanoTime()}
   * @param factory makes the session of a new token
   * @param adoptsUnknownTokens whether {@link #find} opens a session for a well-formed token it
   *     does not hold (true when tabs live on Redis: another server may have handed it out)
   */
  SessionRegistry(int maxSessions, Duration idleTimeout, LongSupplier clock,
      Function<String, TabSession> factory, boolean adoptsUnknownTokens) {
    this.maxSessions = maxSessions;
    this.idleTimeout = idleTimeout;
    this.clock = clock;
    this.factory = factory;
    this.adoptsUnknownTokens = adoptsUnknownTokens;
  }

  long now() {
    return clock.getAsLong();
  }

  /**
   * A new session with a fresh token.
   *
   * @throws HttpError 503 when {@code maxSessions} are live
   */
  synchronized TabSession create() {
    requireRoom();
    byte[] bytes = new byte[16];
    String token;
    do {
      random.nextBytes(bytes);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    } while (sessions.containsKey(token));
    TabSession session = factory.apply(token);
    sessions.put(token, session);
    return session;
  }

  /**
   * The live session of {@code token}, marked as seen now; when this registry adopts unknown
   * tokens, a new session of that token if none is live.
   *
   * @throws HttpError 400 if it is not a token this server hands out, 404 if no live session has
   *     it (and unknown tokens are not adopted), 503 if adopting it would exceed the cap
   */
  TabSession find(String token) {
    if (!TOKEN.matcher(token).matches()) {
      throw new HttpError(400, "'" + token + "' is not a tab token (22 characters of "
          + "A-Z a-z 0-9 _ -); POST /sessions for one");
    }
    TabSession session = sessions.get(token);
    if (session == null || session.isClosed()) { // closed by expiry, perhaps not forgotten yet
      if (!adoptsUnknownTokens) {
        throw new HttpError(404, "no tab session " + token + ": it expired after "
            + idleTimeout.toSeconds() + " s idle, or the server restarted; POST /sessions for a new one");
      }
      session = adopt(token);
    }
    session.touch(now());
    return session;
  }

  private synchronized TabSession adopt(String token) {
    TabSession live = sessions.get(token);
    if (live != null && !live.isClosed()) {
      return live;
    }
    if (live != null) {
      sessions.remove(token, live);
    }
    requireRoom();
    TabSession session = factory.apply(token);
    sessions.put(token, session);
    return session;
  }

  private void requireRoom() {
    if (sessions.size() >= maxSessions) {
      throw new HttpError(503, "the server already holds its limit of " + maxSessions
          + " tab sessions; close a tab or retry after an idle one expires ("
          + idleTimeout.toSeconds() + " s)");
    }
  }

  /** Closes and forgets the sessions with no open stream and no request for the idle timeout. */
  int expireIdle() {
    long now = now();
    int expired = 0;
    for (TabSession session : sessions.values()) {
      if (session.closeIfIdle(now, idleTimeout)) {
        sessions.remove(session.token(), session);
        expired++;
      }
    }
    return expired;
  }

  int size() {
    return sessions.size();
  }

  Collection<TabSession> all() {
    return List.copyOf(sessions.values());
  }

  void closeAll() {
    for (TabSession session : all()) {
      sessions.remove(session.token(), session);
      session.close();
    }
  }
}
