package dev.statewire.redis;

import dev.statewire.ReactiveContext;
import dev.statewire.ReactiveObject;
import dev.statewire.Signal;
import dev.statewire.StateMutationException;
import dev.statewire.Transactional;
import dev.statewire.codec.CodecException;
import dev.statewire.codec.StateCodec;
import dev.statewire.codec.StateField;
import dev.statewire.support.CommitSafety;
import dev.statewire.support.StateCore;
import java.util.List;

/**
 * A state object written by hand in the shape of the processor's output (a {@link StateCore},
 * one signal per field, {@link #stateFields()} with codecs), so that the store is tested without
 * depending on the processor's codec generation.
 */
final class TestCounter implements ReactiveObject {
  static final StateCodec<Integer> INT = new StateCodec<>() {
    @Override
    public String encode(Integer value) {
      return value.toString();
    }

    @Override
    public Integer decode(String encoded) {
      try {
        return Integer.valueOf(encoded);
      } catch (NumberFormatException e) {
        throw new CodecException("not an int: " + encoded);
      }
    }
  };
  /** JSON strings without escapes other than quote and backslash: enough for these tests. */
  static final StateCodec<String> STRING = new StateCodec<>() {
    @Override
    public String encode(String value) {
      return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public String decode(String encoded) {
      if (encoded.length() < 2 || encoded.charAt(0) != '"') {
        throw new CodecException("not a JSON string: " + encoded);
      }
      return encoded.substring(1, encoded.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
  };

  int count;
  String label = "";
  private final StateCore core;
  private final Signal<Integer> countSignal;
  private final Signal<String> labelSignal;

  TestCounter(ReactiveContext context) {
    this.core = new StateCore(context, "TestCounter", CommitSafety.MAY_FAIL,
        this::verifyFields, this::commitFields, this::restoreFields,
        () -> new Object[] {count, label}, saved -> {
          count = (Integer) saved[0];
          label = (String) saved[1];
        });
    this.countSignal = context.signal(0).named("TestCounter.count");
    this.labelSignal = context.signal("").named("TestCounter.label");
  }

  /** A tracked read, as generated: the plain field under the lock, else the committed value. */
  int count() {
    if (core.isLockHeld()) {
      countSignal.get();
      return count;
    }
    return countSignal.peek();
  }

  String label() {
    if (core.isLockHeld()) {
      labelSignal.get();
      return label;
    }
    return labelSignal.peek();
  }

  /** An action, as generated. */
  void increment() {
    core.runAction(() -> count++);
  }

  void setLabel(String value) {
    core.runAction(() -> label = value);
  }

  @Override
  public List<StateField<?>> stateFields() {
    return List.of(
        StateField.of("count", "int", INT, countSignal, v -> count = v),
        StateField.of("label", "java.lang.String", STRING, labelSignal, v -> label = v));
  }

  @Override
  public ReactiveContext reactiveContext() {
    return core.context();
  }

  @Override
  public Transactional reactiveTransaction() {
    return core;
  }

  @Override
  public void close() {
    if (core.beginClose()) {
      core.close();
    }
  }

  private void verifyFields() {
    if (count != countSignal.peek() || !label.equals(labelSignal.peek())) {
      restoreFields();
      throw new StateMutationException("TestCounter", "count or label");
    }
  }

  private void commitFields() {
    if (count != countSignal.peek()) {
      core.publish(countSignal, count);
    }
    if (!label.equals(labelSignal.peek())) {
      core.publish(labelSignal, label);
    }
  }

  private void restoreFields() {
    count = countSignal.peek();
    label = labelSignal.peek();
  }
}
