package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The queue hands out each round in creation order, whatever order the effects came in. */
class EffectQueueTest {
  private static final int EFFECTS = 6_000;
  private final ReactiveContext ctx = ReactiveContext.create();
  private final Effect[] effects = new Effect[EFFECTS];

  EffectQueueTest() {
    for (int i = 0; i < EFFECTS; i++) {
      effects[i] = ctx.effect(() -> {});
    }
  }

  @Test
  void denseRoundsInAnyOrderComeOutInCreationOrder() {
    EffectQueue queue = new EffectQueue();
    Random random = new Random(42);
    for (int trial = 0; trial < 200; trial++) {
      int from = random.nextInt(EFFECTS / 2);
      int count = 1 + random.nextInt(EFFECTS / 2);
      List<Effect> chosen = new ArrayList<>();
      for (int i = from; i < from + count; i++) {
        if (random.nextInt(4) != 0) {
          chosen.add(effects[i]);
        }
      }
      assertRoundInOrder(queue, chosen, random);
    }
  }

  @Test
  void idsFarApartComeOutInCreationOrder() {
    EffectQueue queue = new EffectQueue();
    Random random = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      List<Effect> chosen = new ArrayList<>();
      int count = 1 + random.nextInt(40);
      for (int i = 0; i < count; i++) {
        Effect e = effects[random.nextInt(EFFECTS)];
        if (!chosen.contains(e)) {
          chosen.add(e);
        }
      }
      assertRoundInOrder(queue, chosen, random);
    }
  }

  @Test
  void aRoundThatStartsDenseAndThenSpreadsStaysInOrder() {
    EffectQueue queue = new EffectQueue();
    List<Effect> chosen = new ArrayList<>();
    for (int i = 3000; i < 3010; i++) {
      chosen.add(effects[i]);
    }
    chosen.add(effects[0]);
    chosen.add(effects[EFFECTS - 1]);
    chosen.add(effects[1500]);
    for (Effect e : chosen) {
      queue.add(e);
    }
    assertEquals(sorted(chosen), taken(queue));
    assertRoundInOrder(queue, List.of(effects[5], effects[4], effects[6]), new Random(1));
  }

  @Test
  void aLargeRoundThatReachesItsEndsFirstStaysInOrderRoundAfterRound() {
    EffectQueue queue = new EffectQueue();
    for (int round = 0; round < 3; round++) {
      List<Effect> chosen = new ArrayList<>();
      chosen.add(effects[0]); // the oldest and the newest first, as a graph walk may reach them
      chosen.add(effects[EFFECTS - 1]);
      for (int i = EFFECTS - 2; i > 0; i--) {
        chosen.add(effects[i]);
      }
      for (Effect e : chosen) {
        queue.add(e);
      }
      assertEquals(sorted(chosen), taken(queue));
    }
  }

  @Test
  void effectsAddedWhileARoundIsOutGoToTheNext() {
    EffectQueue queue = new EffectQueue();
    queue.add(effects[10]);
    queue.add(effects[2]);
    queue.takeRound();
    queue.add(effects[1]);
    assertEquals(List.of(effects[2], effects[10]), read(queue));
    assertEquals(List.of(effects[1]), taken(queue));
    assertTrue(queue.isEmpty());
    assertEquals(List.of(), taken(queue));
  }

  @Test
  void clearReturnsWhatWasQueuedAndEmptiesTheQueue() {
    EffectQueue queue = new EffectQueue();
    queue.add(effects[9]);
    queue.add(effects[EFFECTS - 1]);
    queue.add(effects[3]);
    assertArrayEquals(new Effect[] {effects[3], effects[9], effects[EFFECTS - 1]}, queue.clear());
    assertTrue(queue.isEmpty());
    assertEquals(List.of(), taken(queue));
  }

  @Test
  void aRoundLeftUnfinishedDoesNotComeBack() {
    EffectQueue queue = new EffectQueue();
    queue.add(effects[3]);
    queue.add(effects[4]);
    queue.takeRound(); // and never cleared, as if running it failed half-way
    queue.add(effects[5]);
    assertEquals(List.of(effects[5]), taken(queue));
    queue.add(effects[7]);
    assertEquals(List.of(effects[7]), taken(queue));
  }

  @Test
  void aLoneEffectIsTakenWithoutTheWindow() {
    EffectQueue queue = new EffectQueue();
    queue.add(effects[8]);
    assertEquals(effects[8], queue.takeSole());
    assertTrue(queue.isEmpty());
    assertNull(queue.takeSole());
    queue.takeRound();
    assertEquals(List.of(), read(queue));
    queue.add(effects[8]);
    assertEquals(effects[8], queue.takeSole(), "the same effect alone again");
  }

  @Test
  void aSecondEffectJoinsTheLoneOneInTheWindow() {
    EffectQueue queue = new EffectQueue();
    queue.add(effects[10]);
    queue.add(effects[2]);
    assertNull(queue.takeSole());
    assertEquals(List.of(effects[2], effects[10]), taken(queue));
  }

  @Test
  void aLoneEffectTakenWithTheRoundComesOutOfTheWindow() {
    EffectQueue queue = new EffectQueue();
    queue.add(effects[4]);
    assertEquals(List.of(effects[4]), taken(queue));
    assertTrue(queue.isEmpty());
    assertNull(queue.takeSole());
  }

  @Test
  void aClosedLoneEffectLeavesTheQueue() {
    EffectQueue queue = new EffectQueue();
    queue.add(effects[6]);
    queue.forget(effects[6]);
    assertTrue(queue.isEmpty());
    assertNull(queue.takeSole());
    queue.add(effects[7]);
    queue.forget(effects[6]);
    assertEquals(effects[7], queue.takeSole(), "forgetting another effect keeps the queued one");
  }

  private void assertRoundInOrder(EffectQueue queue, List<Effect> chosen, Random random) {
    List<Effect> shuffled = new ArrayList<>(chosen);
    Collections.shuffle(shuffled, random);
    for (Effect e : shuffled) {
      queue.add(e);
    }
    assertEquals(sorted(chosen), taken(queue));
    assertTrue(queue.isEmpty());
  }

  /** Takes a round and reads it. */
  private static List<Effect> taken(EffectQueue queue) {
    queue.takeRound();
    return read(queue);
  }

  /** The round taken last, read as the context reads it: skipping null, clearing each entry. */
  private static List<Effect> read(EffectQueue queue) {
    List<Effect> out = new ArrayList<>();
    Effect[] round = queue.round();
    for (int i = queue.roundStart(); i < queue.roundEnd(); i++) {
      if (round[i] != null) {
        out.add(round[i]);
        round[i] = null;
      }
    }
    return out;
  }

  private static List<Effect> sorted(List<Effect> effects) {
    List<Effect> sorted = new ArrayList<>(effects);
    sorted.sort((a, b) -> Long.compare(a.id(), b.id()));
    return sorted;
  }
}
