package dev.statewire.examples.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.statewire.examples.TaskState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Every endpoint of the counter app:
 *
 * <pre>
 * GET  /                                 the page
 * POST /sessions                         a new tab session: 201 {"token": ...}, 503 at the cap
 * GET  /sessions/{token}                 the tab's counter: {"counter":..,"maxCounter":..,"running":..}
 * GET  /sessions/{token}/events          Server-Sent Events: the counter now and after each commit
 * POST /sessions/{token}/actions/{name}  toggleRunning, clearCounter, setMaxCounter (form value=N)
 * </pre>
 *
 * Actions are named in a fixed table, never looked up by reflection. A refused request gets a 4xx
 * with a plain-text message saying what to do.
 */
final class CounterHandler implements HttpHandler {
  private static final System.Logger LOG = System.getLogger("dev.statewire.examples.web");
  /** How much of an oversized body is read and dropped so the client sees the 413. */
  private static final long DRAIN_LIMIT = 64L << 20;

  private final SessionRegistry sessions;
  private final byte[] page;
  private final Duration heartbeat;
  private final int maxBodyBytes;

  CounterHandler(SessionRegistry sessions, byte[] page, Duration heartbeat, int maxBodyBytes) {
    this.sessions = sessions;
    this.page = page;
    this.heartbeat = heartbeat;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      route(exchange);
    } catch (HttpError refused) {
      refuse(exchange, refused);
    } catch (RuntimeException bug) {
      LOG.log(System.Logger.Level.ERROR, exchange.getRequestURI() + " failed", bug);
      send(exchange, 500, "text/plain; charset=utf-8",
          "the server failed: " + bug + "\n");
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String[] path = exchange.getRequestURI().getRawPath().substring(1).split("/", -1);
    String method = exchange.getRequestMethod();
    if (path.length == 1 && path[0].isEmpty()) {
      allow(method, "GET");
      send(exchange, 200, "text/html; charset=utf-8", page);
    } else if (path.length == 1 && path[0].equals("sessions")) {
      allow(method, "POST");
      TabSession session = sessions.create();
      exchange.getResponseHeaders().set("Location", "/sessions/" + session.token());
      sendJson(exchange, 201, "{\"token\":\"" + session.token() + "\"}");
    } else if (path.length == 2 && path[0].equals("sessions")) {
      allow(method, "GET");
      sendJson(exchange, 200, sessions.find(path[1]).view().toJson());
    } else if (path.length == 3 && path[0].equals("sessions") && path[2].equals("events")) {
      allow(method, "GET");
      EventStream.serve(exchange, sessions.find(path[1]), heartbeat, sessions);
    } else if (path.length == 4 && path[0].equals("sessions") && path[2].equals("actions")) {
      allow(method, "POST");
      TabSession session = sessions.find(path[1]);
      act(exchange, session, path[3]);
      sendJson(exchange, 200, session.view().toJson());
    } else {
      throw new HttpError(404, "no page " + exchange.getRequestURI().getRawPath()
          + "; the counter is at /");
    }
  }

  private void act(HttpExchange exchange, TabSession session, String action) throws IOException {
    TaskState state = session.state();
    switch (action) {
      case "toggleRunning" -> {
        RequestBody.form(exchange, maxBodyBytes);
        session.act(state::toggleRunning);
      }
      case "clearCounter" -> {
        RequestBody.form(exchange, maxBodyBytes);
        session.act(state::clearCounter);
      }
      case "setMaxCounter" -> {
        int max = maxCounter(RequestBody.form(exchange, maxBodyBytes));
        try {
          session.act(() -> state.setMaxCounter(max));
        } catch (IllegalArgumentException negative) {
          throw new HttpError(400, negative.getMessage());
        }
      }
      default -> throw new HttpError(404, "no action '" + action
          + "'; the actions are toggleRunning, clearCounter and setMaxCounter");
    }
  }

  private static int maxCounter(Map<String, String> form) {
    String value = form.get("value");
    if (value == null) {
      throw new HttpError(400, "setMaxCounter needs the form field value, e.g. value=10");
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new HttpError(400, "maxCounter must be a whole number from 0 to "
          + Integer.MAX_VALUE + ", got '" + value + "'");
    }
  }

  private static void allow(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw new MethodNotAllowed(allowed, method);
    }
  }

  private static void refuse(HttpExchange exchange, HttpError refused) throws IOException {
    if (refused instanceof MethodNotAllowed wrong) {
      exchange.getResponseHeaders().set("Allow", wrong.allowed);
    }
    if (refused.status() == 503) {
      exchange.getResponseHeaders().set("Retry-After", "5");
    }
    if (refused.status() != 413) {
      send(exchange, refused.status(), "text/plain; charset=utf-8", refused.getMessage() + "\n");
      return;
    }
    // Answer first, then read and drop what the client is still sending, so that it reads the
    // 413 instead of a connection reset; a body beyond DRAIN_LIMIT is cut off.
    exchange.getResponseHeaders().set("Connection", "close");
    byte[] message = (refused.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(413, message.length);
    OutputStream out = exchange.getResponseBody();
    out.write(message);
    out.flush();
    InputStream in = exchange.getRequestBody();
    byte[] sink = new byte[64 * 1024];
    long dropped = 0;
    for (int n; dropped < DRAIN_LIMIT && (n = in.read(sink)) >= 0; ) {
      dropped += n;
    }
  }

  private static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
    send(exchange, status, "application/json", json);
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** 405, with the method the endpoint takes. */
  private static final class MethodNotAllowed extends HttpError {
    private static final long serialVersionUID = 1L;
    private final String allowed;

    MethodNotAllowed(String allowed, String method) {
      super(405, method + " is not allowed here; use " + allowed);
      this.allowed = allowed;
    }
  }
}
