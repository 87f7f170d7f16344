package dev.statewire.examples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every endpoint of the counter app and every bad input, over real HTTP on 127.0.0.1. */
class CounterServerHttpTest {
  private static final Pattern TOKEN = Pattern.compile("\\{\"token\":\"([A-Za-z0-9_-]{22})\"}");
  private static final String UNKNOWN = "AAAAAAAAAAAAAAAAAAAAAA";

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private final List<CounterServer> servers = new ArrayList<>();

  @AfterEach
  void stopServers() {
    servers.forEach(CounterServer::close);
  }

  private CounterServer server(CounterServer.Builder settings) throws IOException {
    CounterServer server = settings.port(0).start();
    servers.add(server);
    return server;
  }

  private CounterServer server() throws IOException {
    return server(CounterServer.builder().tickInterval(Duration.ofMillis(20)));
  }

  private HttpResponse<String> get(CounterServer server, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(server.url().resolve(path)).GET().build(),
        BodyHandlers.ofString());
  }

  private HttpResponse<String> post(CounterServer server, String path, String form)
      throws Exception {
    return client.send(post(server.url().resolve(path), form), BodyHandlers.ofString());
  }

  private static HttpRequest post(URI uri, String form) {
    return HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString(form))
        .build();
  }

  private String newTab(CounterServer server) throws Exception {
    HttpResponse<String> created = post(server, "/sessions", "");
    assertEquals(201, created.statusCode(), created::body);
    Matcher token = TOKEN.matcher(created.body());
    assertTrue(token.matches(), created.body());
    assertEquals("/sessions/" + token.group(1),
        created.headers().firstValue("Location").orElse(""));
    return token.group(1);
  }

  private static String view(int counter, int max, boolean running) {
    return new CounterView(counter, max, running).toJson();
  }

  private static int counterOf(String json) {
    return Integer.parseInt(json.replaceAll("\\{\"counter\":(\\d+),.*", "$1"));
  }

  private static void assertRefused(int status, String message, HttpResponse<String> response) {
    assertEquals(status, response.statusCode(), response::body);
    assertEquals("text/plain; charset=utf-8",
        response.headers().firstValue("Content-Type").orElse(""));
    assertEquals(message + "\n", response.body());
  }

  private static void eventually(String what, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 20 s: " + what);
      }
      Thread.sleep(10);
    }
  }

  @Test
  void thePageHasReflexsHeadingInputAndButtonsAndNothingFromOutside() throws Exception {
    CounterServer server = server();
    HttpResponse<String> page = get(server, "/");
    assertEquals(200, page.statusCode());
    assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").get());
    assertTrue(page.body().contains("<h1 id=\"heading\"><span id=\"counter\">0</span> /</h1>"));
    assertTrue(page.body().contains("<input id=\"max\" type=\"number\""));
    assertTrue(page.body().contains("<button id=\"toggle\" type=\"button\">Start</button>"));
    assertTrue(page.body().contains("<button id=\"reset\" type=\"button\">Reset</button>"));
    assertFalse(page.body().contains("src="), "the page loads nothing else");
    assertFalse(page.body().contains("http"), "the page names no other server");
    assertEquals("127.0.0.1", server.url().getHost(), "bound to loopback by default");
  }

  @Test
  void aNewTabStartsAtZeroOfTen() throws Exception {
    CounterServer server = server();
    String token = newTab(server);
    HttpResponse<String> state = get(server, "/sessions/" + token);
    assertEquals(200, state.statusCode());
    assertEquals("application/json", state.headers().firstValue("Content-Type").get());
    assertEquals(view(0, 10, false), state.body());
    assertTrue(!token.equals(newTab(server)), "every tab gets its own token");
  }

  @Test
  void startCountsToTheLimitAndStopsPushingEveryCommitOnTheStream() throws Exception {
    CounterServer server = server();
    String token = newTab(server);
    try (EventReader events = new EventReader(client, server.url().resolve(
        "/sessions/" + token + "/events"))) {
      assertEquals(view(0, 10, false), events.next(), "the stream starts with the state now");
      assertEquals(view(0, 3, false),
          post(server, "/sessions/" + token + "/actions/setMaxCounter", "value=3").body());
      assertEquals(view(0, 3, false), events.next());
      assertEquals(200, post(server, "/sessions/" + token + "/actions/toggleRunning", "")
          .statusCode());
      List<String> run = events.until(view(3, 3, false)::equals);
      int last = -1;
      for (String event : run) {               // newest-value delivery may skip, never reorder
        assertTrue(counterOf(event) >= last, run::toString);
        last = counterOf(event);
      }
      assertEquals(view(3, 3, false), get(server, "/sessions/" + token).body());
      assertEquals(view(0, 3, false),
          post(server, "/sessions/" + token + "/actions/clearCounter", "").body());
      assertEquals(view(0, 3, false), events.next());
    }
  }

  @Test
  void stopEndsTheLoopAndChangingTheLimitMidRunMovesWhereItStops() throws Exception {
    CounterServer server = server(CounterServer.builder().tickInterval(Duration.ofMillis(50)));
    String token = newTab(server);
    String actions = "/sessions/" + token + "/actions/";
    try (EventReader events = new EventReader(client, server.url().resolve(
        "/sessions/" + token + "/events"))) {
      post(server, actions + "setMaxCounter", "value=100000");
      post(server, actions + "toggleRunning", "");
      events.until(e -> e.startsWith("{\"counter\":2,"));
      int atChange = counterOf(post(server, actions + "setMaxCounter", "value=5").body());
      List<String> run = events.until(e -> e.endsWith("\"running\":false}"));
      String stopped = run.get(run.size() - 1);
      String end = get(server, "/sessions/" + token).body();
      assertEquals(stopped, end);
      assertTrue(end.endsWith(",\"maxCounter\":5,\"running\":false}"), end);
      assertTrue(counterOf(end) >= 5 && counterOf(end) <= Math.max(5, atChange),
          "stops at the new limit, or at once if it was past it: " + end + ", " + atChange);

      post(server, actions + "clearCounter", "");
      post(server, actions + "setMaxCounter", "value=100000");
      post(server, actions + "toggleRunning", "");
      events.until(e -> e.startsWith("{\"counter\":2,"));
      assertEquals(200, post(server, actions + "toggleRunning", "").statusCode());  // Stop
      String afterStop = get(server, "/sessions/" + token).body();
      assertTrue(afterStop.endsWith("\"running\":false}"), afterStop);
      eventually("the loop has ended", () ->
          server.sessions().find(token).state().backgroundTasks().isEmpty());
      assertEquals(afterStop, get(server, "/sessions/" + token).body(), "no step after Stop");
    }
  }

  @Test
  void badLimitsAreRefusedAndTheStateStaysAsItWas() throws Exception {
    CounterServer server = server();
    String token = newTab(server);
    String set = "/sessions/" + token + "/actions/setMaxCounter";
    assertRefused(400, "maxCounter must be a whole number from 0 to 2147483647, got 'abc'",
        post(server, set, "value=abc"));
    assertRefused(400, "maxCounter must be 0 or more, got -4", post(server, set, "value=-4"));
    assertRefused(400, "maxCounter must be a whole number from 0 to 2147483647, got "
        + "'99999999999'", post(server, set, "value=99999999999"));
    assertRefused(400, "setMaxCounter needs the form field value, e.g. value=10",
        post(server, set, "max=3"));
    HttpResponse<String> badEscape = post(server, set, "value=%zz");
    assertEquals(400, badEscape.statusCode());
    assertTrue(badEscape.body().startsWith("the body is not a form (name=value&...): "),
        badEscape::body);
    assertEquals(view(0, 10, false), get(server, "/sessions/" + token).body());
    assertEquals(view(0, 0, false), post(server, set, "value=0").body(), "0 is a limit too");
  }

  @Test
  void aRefusedActionPushesNothingOnlyCommittedValuesReachTheStream() throws Exception {
    CounterServer server = server();
    String token = newTab(server);
    String set = "/sessions/" + token + "/actions/setMaxCounter";
    try (EventReader events = new EventReader(client, server.url().resolve(
        "/sessions/" + token + "/events"))) {
      assertEquals(view(0, 10, false), events.next());
      assertEquals(400, post(server, set, "value=-4").statusCode());   // the action threw
      assertEquals(200, post(server, set, "value=6").statusCode());
      assertEquals(view(0, 6, false), events.next(), "nothing of the refused write came first");
    }
  }

  @Test
  void unknownAndMalformedTokensAreRefusedOnEveryEndpoint() throws Exception {
    CounterServer server = server();
    String unknown = "no tab session " + UNKNOWN + ": it expired after 600 s idle, or the server "
        + "restarted; POST /sessions for a new one";
    assertRefused(404, unknown, get(server, "/sessions/" + UNKNOWN));
    assertRefused(404, unknown, get(server, "/sessions/" + UNKNOWN + "/events"));
    assertRefused(404, unknown, post(server, "/sessions/" + UNKNOWN + "/actions/toggleRunning", ""));
    String malformed = "'not-a-token' is not a tab token (22 characters of A-Z a-z 0-9 _ -); "
        + "POST /sessions for one";
    assertRefused(400, malformed, get(server, "/sessions/not-a-token"));
    assertRefused(400, malformed, post(server, "/sessions/not-a-token/actions/clearCounter", ""));
  }

  @Test
  void forgedActionsWrongMethodsAndUnknownPathsAreRefused() throws Exception {
    CounterServer server = server();
    String token = newTab(server);
    for (String forged : List.of("tick", "close", "report", "startTick", "deleteEverything")) {
      assertRefused(404, "no action '" + forged + "'; the actions are toggleRunning, "
          + "clearCounter and setMaxCounter",
          post(server, "/sessions/" + token + "/actions/" + forged, ""));
    }
    assertEquals(view(0, 10, false), get(server, "/sessions/" + token).body());
    HttpResponse<String> getAction = get(server, "/sessions/" + token + "/actions/toggleRunning");
    assertRefused(405, "GET is not allowed here; use POST", getAction);
    assertEquals("POST", getAction.headers().firstValue("Allow").orElse(""));
    assertRefused(405, "POST is not allowed here; use GET", post(server, "/", ""));
    assertRefused(405, "GET is not allowed here; use POST", get(server, "/sessions"));
    assertRefused(404, "no page /admin; the counter is at /", get(server, "/admin"));
    assertRefused(404, "no page /sessions/" + token + "/x/y/z; the counter is at /",
        get(server, "/sessions/" + token + "/x/y/z"));
    assertEquals(view(0, 10, false), get(server, "/sessions/" + token).body());
  }

  @Test
  void aTenMegabyteBodyIsRefusedWith413AndTheServerGoesOn() throws Exception {
    CounterServer server = server();
    String token = newTab(server);
    HttpRequest huge = HttpRequest.newBuilder(
            server.url().resolve("/sessions/" + token + "/actions/setMaxCounter"))
        .POST(BodyPublishers.ofByteArray(("value=" + "9".repeat(10 << 20)).getBytes(
            StandardCharsets.US_ASCII)))
        .build();
    assertRefused(413, "an action's body is at most 1024 bytes (a form such as value=10)",
        client.send(huge, BodyHandlers.ofString()));
    assertEquals(view(0, 10, false), get(server, "/sessions/" + token).body());
    assertEquals(view(0, 7, false),
        post(server, "/sessions/" + token + "/actions/setMaxCounter", "value=7").body());
  }

  @Test
  void aHundredParallelClicksEachGetAnAnswerAndTheStateAddsUp() throws Exception {
    CounterServer server = server(CounterServer.builder().tickInterval(Duration.ofMinutes(1)));
    String token = newTab(server);
    post(server, "/sessions/" + token + "/actions/setMaxCounter", "value=1000000");
    URI toggle = server.url().resolve("/sessions/" + token + "/actions/toggleRunning");
    List<CompletableFuture<HttpResponse<String>>> clicks = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      clicks.add(client.sendAsync(post(toggle, ""), BodyHandlers.ofString()));
    }
    int accepted = 0;
    for (CompletableFuture<HttpResponse<String>> click : clicks) {
      HttpResponse<String> answer = click.get();
      if (answer.statusCode() == 200) {
        accepted++;
      } else {
        assertRefused(429, "this tab already has 8 actions waiting; send the next one after an "
            + "answer comes back", answer);
      }
    }
    boolean running = accepted % 2 == 1;
    String state = get(server, "/sessions/" + token).body();
    assertTrue(state.endsWith(",\"maxCounter\":1000000,\"running\":" + running + "}"),
        accepted + " accepted, " + state);
    var tasks = server.sessions().find(token).state().backgroundTasks();
    assertTrue(tasks.size() <= 1, "SUPERSEDE leaves at most one loop: " + tasks);
  }

  @Test
  void beyondTheCapANewTabGets503() throws Exception {
    CounterServer server = server(CounterServer.builder().maxSessions(2));
    newTab(server);
    newTab(server);
    HttpResponse<String> third = post(server, "/sessions", "");
    assertRefused(503, "the server already holds its limit of 2 tab sessions; close a tab or "
        + "retry after an idle one expires (600 s)", third);
    assertEquals("5", third.headers().firstValue("Retry-After").orElse(""));
  }

  @Test
  void anIdleTabIsClosedAfterTheTimeoutButNotWhileItsStreamIsOpen() throws Exception {
    CounterServer server = server(CounterServer.builder()
        .idleTimeout(Duration.ofMillis(300)).heartbeat(Duration.ofMillis(50)));
    String idle = newTab(server);
    String watched = newTab(server);
    TabSession idleSession = server.sessions().find(idle);
    post(server, "/sessions/" + idle + "/actions/toggleRunning", "");
    try (EventReader events = new EventReader(client, server.url().resolve(
        "/sessions/" + watched + "/events"))) {
      events.next();
      eventually("the idle tab expires", () -> idleSession.isClosed());
      assertEquals(404, get(server, "/sessions/" + idle).statusCode());
      assertTrue(idleSession.state().backgroundTasks().isEmpty(),
          "closing the tab cancelled its loop");
      Thread.sleep(900);                                // three idle timeouts with the stream open
      assertFalse(server.sessions().find(watched).isClosed());
    }
    TabSession watchedSession = server.sessions().find(watched);
    eventually("the tab expires once its stream is gone", watchedSession::isClosed);
    assertEquals(0, server.sessions().size());
  }

  @Test
  void aStreamEndsWhenTheTabGoesAwayAndAFullTabIsRefused() throws Exception {
    CounterServer server = server(CounterServer.builder()
        .heartbeat(Duration.ofMillis(50)).streamsPerTab(1));
    String token = newTab(server);
    TabSession session = server.sessions().find(token);
    try (Socket tab = rawStream(server, token, 64 * 1024)) {
      String head = readUntil(tab.getInputStream(), "data: {");
      assertTrue(head.startsWith("HTTP/1.1 200 OK"), head);
      eventually("the stream is registered", () -> session.openStreams() == 1);
      assertRefused(429, "this tab already has 1 event streams open; close one (a tab needs one "
          + "EventSource)", get(server, "/sessions/" + token + "/events"));
    }
    eventually("the server notices the closed tab", () -> session.openStreams() == 0);
    try (EventReader again = new EventReader(client, server.url().resolve(
        "/sessions/" + token + "/events"))) {
      assertEquals(view(0, 10, false), again.next());
    }
  }

  @Test
  void aClientThatStopsReadingNeverHoldsUpCommitsAndThenGetsTheNewestValue() throws Exception {
    CounterServer server = server();
    String token = newTab(server);
    TabSession session = server.sessions().find(token);
    try (Socket stalled = rawStream(server, token, 1024)) {
      InputStream in = new java.io.BufferedInputStream(stalled.getInputStream());
      readUntil(in, "data: {");
      for (int max = 1; max <= 200_000; max++) {       // ~12 MB of events nobody reads
        int limit = max;
        session.act(() -> session.state().setMaxCounter(limit));
      }
      readUntil(in, "\"maxCounter\":200000,");          // the newest one arrives in the end
    }
  }

  /** Opens a tab's stream over a plain socket, to stall it or drop it like a closed tab. */
  private static Socket rawStream(CounterServer server, String token, int receiveBuffer)
      throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(receiveBuffer);
    socket.setSoTimeout(20_000);
    socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.url().getPort()));
    OutputStream out = socket.getOutputStream();
    out.write(("GET /sessions/" + token + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  private static String readUntil(InputStream in, String marker) throws IOException {
    StringBuilder text = new StringBuilder();
    while (text.length() < marker.length()
        || !text.substring(text.length() - marker.length()).equals(marker)) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError("the stream ended before " + marker + ": " + text);
      }
      text.append((char) b);
      if (text.length() > 1 << 16) {
        text.delete(0, text.length() - marker.length());
      }
    }
    return text.toString();
  }
}
