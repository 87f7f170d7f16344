package dev.statewire.examples.web;

import com.sun.net.httpserver.HttpExchange;
import dev.statewire.ClosedException;
import dev.statewire.Effect;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One tab's Server-Sent Events stream: an effect of the tab's state puts each committed view in a
 * one-slot mailbox (it never waits for the browser, so it never holds the lock longer), and the
 * exchange's thread writes the newest view as a {@code data:} event. A comment line every
 * heartbeat finds a tab that went away (the write fails) and ends the stream.
 */
final class EventStream {
  private EventStream() {}

  static void serve(HttpExchange exchange, TabSession session, Duration heartbeat,
      SessionRegistry sessions) throws IOException {
    LatestValue<CounterView> mailbox = session.openStream();
    Effect feed = null;
    try {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      feed = session.feed(mailbox::offer);
      write(out, "retry: 1000\n\n");
      while (true) {
        Optional<CounterView> next = mailbox.take(heartbeat);
        if (mailbox.isClosed()) {
          break; // the session was closed: end the stream, the page asks for a new session
        }
        write(out, next.map(view -> "data: " + view.toJson() + "\n\n").orElse(": keep-alive\n\n"));
      }
    } catch (IOException tabWentAway) {
      // the browser closed the connection: nobody to answer
    } catch (ClosedException sessionClosedMeanwhile) {
      // closed between openStream() and feed(): the stream ends, the page asks for a new session
    } catch (InterruptedException serverStopping) {
      Thread.currentThread().interrupt();
    } finally {
      if (feed != null) {
        feed.close();
      }
      session.streamEnded(mailbox, sessions.now());
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
