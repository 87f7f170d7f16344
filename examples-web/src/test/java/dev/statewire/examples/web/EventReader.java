package dev.statewire.examples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reads a tab's event stream on a thread of its own; tests wait for the events they expect. */
final class EventReader implements AutoCloseable {
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private final Stream<String> lines;

  EventReader(HttpClient client, URI uri) throws IOException, InterruptedException {
    HttpResponse<Stream<String>> response =
        client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofLines());
    assertEquals(200, response.statusCode(), uri::toString);
    assertEquals("text/event-stream; charset=utf-8",
        response.headers().firstValue("Content-Type").orElse(""));
    this.lines = response.body();
    Thread reader = new Thread(() -> {
      try {
        lines.filter(line -> line.startsWith("data: "))
            .forEach(line -> events.add(line.substring("data: ".length())));
      } catch (UncheckedIOException closed) {
        // the stream was closed by the test or the server
      }
    }, "event-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** The next event's data, waiting up to 20 s. */
  String next() throws InterruptedException {
    String event = events.poll(20, TimeUnit.SECONDS);
    if (event == null) {
      fail("no event within 20 s");
    }
    return event;
  }

  /** The events up to and including the first that matches, waiting up to 20 s for each. */
  List<String> until(Predicate<String> last) throws InterruptedException {
    List<String> seen = new ArrayList<>();
    String event;
    do {
      event = next();
      seen.add(event);
    } while (!last.test(event));
    return seen;
  }

  @Override
  public void close() {
    lines.close();
  }
}
