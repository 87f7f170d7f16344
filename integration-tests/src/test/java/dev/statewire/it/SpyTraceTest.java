package dev.statewire.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.ReactiveContext;
import dev.statewire.SpyEvent;
import dev.statewire.SpyRegistration;
import dev.statewire.Statewire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A golden event trace: the spy's events of one run of Reflex's counter through a generated
 * class, and the object's graph afterwards, as text compared exactly with {@code
 * src/test/resources/spy/click-counter.txt}, so that a change in propagation order shows in
 * review. After a deliberate change, rewrite the file with {@code mvn -pl integration-tests -am
 * verify -Dstatewire.output_fixture_data=true} and review the diff.
 */
class SpyTraceTest {
  private static final Path FIXTURE = Path.of("src/test/resources/spy/click-counter.txt");
  private static final boolean REWRITE = Boolean.getBoolean("statewire.output_fixture_data");

  @Test
  void aCounterRunGivesTheGoldenTrace() throws IOException {
    ReactiveContext context = ReactiveContext.builder().name("trace").build();
    List<SpyEvent> events = new CopyOnWriteArrayList<>();
    StringBuilder trace = new StringBuilder();
    try (SpyRegistration spy = context.spy(events::add)) {
      trace.append("# new ReactiveClickCounter(context)\n");
      ClickCounter counter = new ReactiveClickCounter(context);
      trace.append(render(events));
      trace.append("# counter.increment()\n");
      counter.increment();
      trace.append(render(events));
      trace.append("# counter.increment()\n");
      counter.increment();
      trace.append(render(events));
      trace.append("# Statewire.describe(counter)\n");
      trace.append(Statewire.describe(counter));
      assertEquals(List.of("0 x 2 = 0", "1 x 2 = 2", "2 x 2 = 4"), counter.rendered());
    }
    if (REWRITE) {
      Files.createDirectories(FIXTURE.getParent());
      Files.writeString(FIXTURE, trace, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(FIXTURE),
        "no golden trace at " + FIXTURE + "; write it with -Dstatewire.output_fixture_data=true");
    assertEquals(Files.readString(FIXTURE, StandardCharsets.UTF_8), trace.toString());
  }

  /** The events so far as lines, without thread names and hold times; then forgets them. */
  private static String render(List<SpyEvent> events) {
    StringBuilder text = new StringBuilder();
    for (SpyEvent event : events) {
      text.append(event instanceof SpyEvent.LockAcquired ? "lock acquired"
          : event instanceof SpyEvent.LockReleased ? "lock released"
          : event.toString()).append('\n');
    }
    events.clear();
    return text.toString();
  }
}
