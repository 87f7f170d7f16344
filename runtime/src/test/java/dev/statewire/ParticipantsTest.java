package dev.statewire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The participant array of a lock session: joined ones, and those being finished. */
class ParticipantsTest {
  private static Transactional participant() {
    return new Transactional() {
      @Override
      public void commit() {}

      @Override
      public void rollback() {}
    };
  }

  @Test
  void thoseThatJoinWhileOthersFinishWaitForTheNextFinish() {
    Participants participants = new Participants();
    Transactional a = participant();
    Transactional b = participant();
    Transactional late = participant();
    participants.add(a);
    participants.add(b);
    assertEquals(2, participants.beginFinishing());
    assertTrue(participants.isEmpty(), "the finishing ones no longer count as joined");
    assertFalse(participants.contains(a), "a may join again: it is being finished");
    assertSame(a, participants.finishing(0));
    assertSame(b, participants.finishing(1));
    participants.add(late);
    assertTrue(participants.contains(late));
    assertEquals(1, participants.size());
    participants.finished();
    assertEquals(1, participants.size());
    assertSame(late, participants.get(0));
    assertEquals(1, participants.beginFinishing());
    assertSame(late, participants.finishing(0));
    participants.finished();
    assertTrue(participants.isEmpty());
    assertEquals(0, participants.beginFinishing());
  }

  @Test
  void growsAndRemovesInTheMiddle() {
    Participants participants = new Participants();
    Transactional[] joined = new Transactional[9];
    for (int i = 0; i < joined.length; i++) {
      joined[i] = participant();
      participants.add(joined[i]);
    }
    participants.remove(4);
    assertEquals(8, participants.size());
    assertSame(joined[3], participants.get(3));
    assertSame(joined[5], participants.get(4));
    assertSame(joined[8], participants.get(7));
    assertFalse(participants.contains(joined[4]));
  }
}
