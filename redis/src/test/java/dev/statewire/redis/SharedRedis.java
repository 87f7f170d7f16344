package dev.statewire.redis;

import java.io.IOException;

/**
 * One {@link RedisServerFixture} for the test classes that only need a Redis to talk to, started
 * by the first that asks and stopped when the test JVM exits. Classes that stop or restart their
 * server start one of their own.
 */
final class SharedRedis {
  private static RedisServerFixture server;

  private SharedRedis() {}

  /** {@return the URI of the shared server, starting it first if no test has} */
  static synchronized String uri() throws IOException {
    if (server == null) {
      RedisServerFixture started = RedisServerFixture.startNew();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-redis-stop"));
      server = started;
    }
    return server.uri();
  }
}
