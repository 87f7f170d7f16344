package dev.statewire.processor.analysis;

import java.util.Set;
import javax.lang.model.element.VariableElement;

/**
 * The reactive fields a method reads and writes, including through every method of the class it
 * calls on {@code this}, transitively.
 */
public record Access(Set<VariableElement> reads, Set<VariableElement> writes) {}
