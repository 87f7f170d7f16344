package dev.statewire;

import java.util.List;

/**
 * Effects kept writing what other effects (or they themselves) read, for more rounds than the
 * context allows. The message names the effects still queued when the limit was hit.
 */
public final class RunawayEffectsException extends StatewireException {
  private static final long serialVersionUID = 1L;

  /** Descriptions of the effects still queued when the rounds ran out. */
  private final List<String> effects;

  RunawayEffectsException(int rounds, List<String> effects) {
    super("Effects did not settle after " + rounds + " rounds; still re-triggering: "
        + String.join(", ", effects) + ". An effect writes a signal that re-triggers itself or "
        + "another effect in a loop: make the write conditional, or compute the value with a "
        + "Computed instead. (The limit is ReactiveContext.builder().maxEffectRounds(n).)");
    this.effects = List.copyOf(effects);
  }

  /** {@return descriptions of the effects that were still queued} */
  public List<String> effects() {
    return effects;
  }
}
