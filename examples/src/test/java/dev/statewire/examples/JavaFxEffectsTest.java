package dev.statewire.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.statewire.ReactiveContext;
import dev.statewire.Signal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's JavaFX snippet, with {@code javafx-base} only: {@code Platform::runLater} lives in
 * {@code javafx-graphics} and needs a started toolkit (a display), so a single named thread
 * stands in for the JavaFX application thread. What is tested is what the executor does to
 * JavaFX properties: they change only on that thread, and binding both ways settles.
 */
class JavaFxEffectsTest {
  private static final String FX_THREAD = "fx-application-thread-stand-in";
  private final ExecutorService fxThread =
      Executors.newSingleThreadExecutor(task -> new Thread(task, FX_THREAD));
  private final ReactiveContext fx = ReactiveContext.builder().effectExecutor(fxThread).build();

  @AfterEach
  void stop() {
    fx.close();
    fxThread.shutdownNow();
  }

  private void awaitFxThread() throws Exception {
    fxThread.submit(() -> { }).get(30, TimeUnit.SECONDS); // after the runs handed over
  }

  @Test
  void aPropertyBoundFromAnEffectChangesOnlyOnTheFxThread() throws Exception {
    Signal<Integer> count = fx.signal(0);
    StringProperty title = new SimpleStringProperty();
    List<String> listenerThreads = new CopyOnWriteArrayList<>();
    title.addListener((property, old, now) ->
        listenerThreads.add(Thread.currentThread().getName()));
    fx.effect(() -> title.set("Count: " + count.get()));
    for (int i = 0; i < 50; i++) {
      count.update(n -> n + 1);
    }
    awaitFxThread();
    assertEquals("Count: 50", fxThread.submit(title::get).get(30, TimeUnit.SECONDS));
    assertEquals(Set.of(FX_THREAD), Set.copyOf(listenerThreads));
  }

  @Test
  void aPropertyEditedOnTheFxThreadWritesTheSignalBackAndBothSettle() throws Exception {
    Signal<Integer> volume = fx.signal(3);
    IntegerProperty slider = new SimpleIntegerProperty();
    slider.addListener((property, old, now) -> volume.set(now.intValue()));
    AtomicInteger runs = new AtomicInteger();
    fx.effect(() -> {
      runs.incrementAndGet();
      slider.set(volume.get());
    });
    awaitFxThread();
    fxThread.submit(() -> slider.set(7)).get(30, TimeUnit.SECONDS); // the user moves it
    awaitFxThread();
    assertEquals(7, volume.get());
    assertEquals(7, fxThread.submit(slider::get).get(30, TimeUnit.SECONDS));
    assertEquals(2, runs.get(), "the first run, then one for the write back: no loop");
  }
}
