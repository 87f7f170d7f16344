package dev.statewire.examples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.redis.RedisServerFixture;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two servers started with the same {@code --redis} share a tab: the token one handed out opens
 * the same state on the other, and the loop started on one counts on the other's page.
 */
class SharedTabsTest {
  private static final Pattern TOKEN = Pattern.compile("\\{\"token\":\"([A-Za-z0-9_-]{22})\"}");
  private static final String DONE = "{\"counter\":10,\"maxCounter\":10,\"running\":false}";

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aTabStartedOnOneServerCountsToItsLimitOnTheOther() throws Exception {
    try (RedisServerFixture redis = RedisServerFixture.startNew();
        CounterServer first = shared(redis);
        CounterServer second = shared(redis)) {
      HttpResponse<String> created = send(first, "/sessions", true);
      Matcher token = TOKEN.matcher(created.body());
      assertTrue(token.matches(), created.body());
      String tab = "/sessions/" + token.group(1);

      assertEquals(200, send(second, tab, false).statusCode(),
          "the second server opens a tab the first handed out");
      assertEquals(200, send(first, tab + "/actions/toggleRunning", true).statusCode());

      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      for (String seen = send(second, tab, false).body(); !seen.equals(DONE);
          seen = send(second, tab, false).body()) {
        assertTrue(System.nanoTime() < deadline, "the second server still shows " + seen);
        Thread.sleep(20);
      }
      assertEquals(DONE, send(first, tab, false).body());
    }
  }

  private static CounterServer shared(RedisServerFixture redis) throws Exception {
    return CounterServer.builder().port(0).tickInterval(Duration.ofMillis(20))
        .redis(redis.uri()).start();
  }

  private HttpResponse<String> send(CounterServer server, String path, boolean post)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.url().resolve(path));
    if (post) {
      request.header("Content-Type", "application/x-www-form-urlencoded")
          .POST(BodyPublishers.ofString(""));
    }
    return client.send(request.build(), BodyHandlers.ofString());
  }
}
