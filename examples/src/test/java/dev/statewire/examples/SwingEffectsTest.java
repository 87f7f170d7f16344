package dev.statewire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.statewire.ReactiveContext;
import dev.statewire.Signal;
import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's "Effects on a UI thread" for Swing, on AWT's event queue without a display
 * ({@code java.awt.headless=true}, set by this module's Surefire configuration).
 */
class SwingEffectsTest {
  private final ReactiveContext ui =
      ReactiveContext.builder().effectExecutor(SwingUtilities::invokeLater).build();

  @AfterEach
  void close() {
    ui.close();
  }

  private static String textOf(JLabel label) throws Exception {
    AtomicReference<String> text = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> text.set(label.getText())); // after the runs handed over
    return text.get();
  }

  @Test
  void aLabelFollowsACounterWrittenFromAnotherThreadOnTheEventDispatchThreadOnly()
      throws Exception {
    assertTrue(GraphicsEnvironment.isHeadless());
    Signal<Integer> count = ui.signal(0);
    JLabel label = new JLabel();
    List<Boolean> onEventThread = new CopyOnWriteArrayList<>();
    ui.effect(() -> {
      onEventThread.add(SwingUtilities.isEventDispatchThread());
      label.setText("Count: " + count.get());
    });
    Thread writer = new Thread(() -> {
      for (int i = 0; i < 100; i++) {
        count.update(n -> n + 1);
      }
    });
    writer.start();
    writer.join();
    assertEquals("Count: 100", textOf(label));
    assertFalse(onEventThread.contains(false), "every run was on the event dispatch thread");
    assertTrue(onEventThread.size() <= 101, "at most one run per commit");
  }

  @Test
  void aWriteOnTheEventThreadItselfUpdatesTheLabelInALaterEventNotInline() throws Exception {
    Signal<Integer> count = ui.signal(0);
    JLabel label = new JLabel();
    ui.effect(() -> label.setText("Count: " + count.get()));
    AtomicReference<String> rightAfterTheWrite = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> { // a button's listener, say
      count.set(5);
      rightAfterTheWrite.set(label.getText());
    });
    assertEquals("Count: 0", rightAfterTheWrite.get());
    assertEquals("Count: 5", textOf(label));
  }
}
