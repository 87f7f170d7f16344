package test;

import dev.statewire.ActionScope;
import dev.statewire.IntSignal;
import dev.statewire.ReactiveContext;
import dev.statewire.ReactiveObject;
import dev.statewire.Signal;
import dev.statewire.StateMutationException;
import dev.statewire.Transactional;
import dev.statewire.annotation.StatewireGenerated;
import dev.statewire.codec.StateCodec;
import dev.statewire.codec.StateCodecs;
import dev.statewire.codec.StateField;
import dev.statewire.support.CommitSafety;
import dev.statewire.support.StateCore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Reactive state generated from {@link Stored}.
 *
 * <p>Its reactive fields {@code count}, {@code maybe}, {@code label}, {@code color},
 * {@code line}, {@code points}, {@code colors}, {@code scores}, {@code byColor},
 * {@code timeout}, {@code renders} are signals: other threads, effects and derived values
 * see a change when the action or lock block that made it ends. Its action
 * {@link #setCount(int)} runs under the lock of the instance's context; its writes are
 * committed when the outermost action or lock block ends, and rolled back if it throws.
 *
 * <p>Create one with any constructor of {@code Stored}, optionally preceded by the
 * {@link ReactiveContext} to place it in (default: {@link ReactiveContext#current()}). The
 * signals, computed values and collections its field initializers and constructor create
 * belong to that context too.
 */
@Generated("dev.statewire.processor.StatewireProcessor")
@StatewireGenerated
public final class ReactiveStored extends Stored implements ReactiveObject {
  /**
   * Encodes {@code Color} as the name of its constant.
   */
  private static final StateCodec<Stored.Color> COLOR_CODEC = StateCodecs.enumeration(
      Stored.Color.class);

  /**
   * Encodes {@code Point} as a JSON object of its components {@code x}, {@code y}.
   */
  private static final StateCodec<Stored.Point> POINT_CODEC = StateCodecs.record(
      "test.Stored.Point",
      (value, out) -> out
          .put("x", StateCodecs.INT, value.x())
          .put("y", StateCodecs.INT, value.y()),
      in -> new Stored.Point(
          in.get("x", StateCodecs.INT),
          in.get("y", StateCodecs.INT)));

  /**
   * Encodes {@code Line} as a JSON object of its components {@code from}, {@code to},
   * {@code color}.
   */
  private static final StateCodec<Stored.Line> LINE_CODEC = StateCodecs.record(
      "test.Stored.Line",
      (value, out) -> out
          .put("from", POINT_CODEC, value.from())
          .put("to", POINT_CODEC, value.to())
          .put("color", COLOR_CODEC, value.color()),
      in -> new Stored.Line(
          in.get("from", POINT_CODEC),
          in.get("to", POINT_CODEC),
          in.get("color", COLOR_CODEC)));

  /**
   * Encodes {@code Pair} as a JSON object of its components {@code first}, {@code second}.
   */
  private static final StateCodec<Stored.Pair<String, Long>> PAIR_CODEC = StateCodecs.record(
      "test.Stored.Pair<java.lang.String,java.lang.Long>",
      (value, out) -> out
          .put("first", StateCodecs.STRING, value.first())
          .put("second", StateCodecs.BOXED_LONG, value.second()),
      in -> new Stored.Pair<String, Long>(
          in.get("first", StateCodecs.STRING),
          in.get("second", StateCodecs.BOXED_LONG)));

  /**
   * The codec {@code @Codec} names for {@code java.time.Duration}.
   */
  private static final StateCodec<Duration> DURATION_CODEC = new Stored.DurationCodec();

  /**
   * The context, the transaction and the effects of this instance.
   */
  private final StateCore stateCore;

  /**
   * The committed value of {@code count}.
   */
  private final IntSignal countSignal;

  /**
   * A plain copy of the committed value of {@code count} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private int countCommitted;

  /**
   * The committed value of {@code maybe}.
   */
  private final Signal<Integer> maybeSignal;

  /**
   * A plain copy of the committed value of {@code maybe} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private Integer maybeCommitted;

  /**
   * The committed value of {@code label}.
   */
  private final Signal<String> labelSignal;

  /**
   * A plain copy of the committed value of {@code label} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private String labelCommitted;

  /**
   * The committed value of {@code color}.
   */
  private final Signal<Stored.Color> colorSignal;

  /**
   * A plain copy of the committed value of {@code color} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private Stored.Color colorCommitted;

  /**
   * The committed value of {@code line}.
   */
  private final Signal<Stored.Line> lineSignal;

  /**
   * A plain copy of the committed value of {@code line} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private Stored.Line lineCommitted;

  /**
   * The committed value of {@code points}.
   */
  private final Signal<List<Stored.Point>> pointsSignal;

  /**
   * A plain copy of the committed value of {@code points} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private List<Stored.Point> pointsCommitted;

  /**
   * The committed value of {@code colors}.
   */
  private final Signal<Set<Stored.Color>> colorsSignal;

  /**
   * A plain copy of the committed value of {@code colors} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private Set<Stored.Color> colorsCommitted;

  /**
   * The committed value of {@code scores}.
   */
  private final Signal<Map<String, List<Integer>>> scoresSignal;

  /**
   * A plain copy of the committed value of {@code scores} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private Map<String, List<Integer>> scoresCommitted;

  /**
   * The committed value of {@code byColor}.
   */
  private final Signal<Map<Stored.Color, Stored.Pair<String, Long>>> byColorSignal;

  /**
   * A plain copy of the committed value of {@code byColor} (its signal's): what the start
   * and the commit of a session compare the field with, without reading the signal.
   */
  private Map<Stored.Color, Stored.Pair<String, Long>> byColorCommitted;

  /**
   * The committed value of {@code timeout}.
   */
  private final Signal<Duration> timeoutSignal;

  /**
   * A plain copy of the committed value of {@code timeout} (its signal's): what the start
   * and the commit of a session compare the field with, without reading the signal.
   */
  private Duration timeoutCommitted;

  /**
   * The committed value of {@code renders}.
   */
  private final IntSignal rendersSignal;

  /**
   * A plain copy of the committed value of {@code renders} (its signal's): what the start
   * and the commit of a session compare the field with, without reading the signal.
   */
  private int rendersCommitted;

  /**
   * Creates the state in {@link ReactiveContext#current()}; see {@link Stored#Stored()}.
   */
  public ReactiveStored() {
    this(ReactiveContext.current());
  }

  /**
   * Creates the state in {@code context}; see {@link Stored#Stored()}.
   */
  public ReactiveStored(ReactiveContext context) {
    this(context, ReactiveObject.Construction.begin(ReactiveStored.class, context));
  }

  /**
   * Runs {@link Stored#Stored()} with {@code context} current, so that the signals, computed
   * values and collections its field initializers and body create belong to it; then sets up
   * this class's signals, computed values and effects.
   */
  private ReactiveStored(ReactiveContext context, ReactiveObject.Construction construction) {
    super();
    construction.end();
    this.stateCore = new StateCore(context, "Stored", CommitSafety.MAY_FAIL, this::verifyFields,
        this::commitFields, this::restoreFields, this::saveFields, this::restoreSavedFields);
    this.countSignal = context.intSignal(this.count).named("Stored.count");
    this.countCommitted = this.count;
    this.maybeSignal = context.signal(this.maybe).named("Stored.maybe");
    this.maybeCommitted = this.maybe;
    this.labelSignal = context.signal(this.label).named("Stored.label");
    this.labelCommitted = this.label;
    this.colorSignal = context.signal(this.color).named("Stored.color");
    this.colorCommitted = this.color;
    this.lineSignal = context.signal(this.line).named("Stored.line");
    this.lineCommitted = this.line;
    this.pointsSignal = context.signal(this.points).named("Stored.points");
    this.pointsCommitted = this.points;
    this.colorsSignal = context.signal(this.colors).named("Stored.colors");
    this.colorsCommitted = this.colors;
    this.scoresSignal = context.signal(this.scores).named("Stored.scores");
    this.scoresCommitted = this.scores;
    this.byColorSignal = context.signal(this.byColor).named("Stored.byColor");
    this.byColorCommitted = this.byColor;
    this.timeoutSignal = context.signal(this.timeout).named("Stored.timeout");
    this.timeoutCommitted = this.timeout;
    this.rendersSignal = context.intSignal(this.renders).named("Stored.renders");
    this.rendersCommitted = this.renders;
  }

  /**
   * The context this instance lives in; {@code null} while the constructor of {@code Stored}
   * runs, where a lock block is a plain block (the instance is not shared yet).
   */
  @Override
  public ReactiveContext reactiveContext() {
    return stateCore == null ? null : stateCore.context();
  }

  /**
   * This instance's part in a lock session: commits or restores its fields when the
   * outermost action or lock block ends.
   */
  @Override
  public Transactional reactiveTransaction() {
    return stateCore;
  }

  /**
   * The fields a store persists, in declaration order: {@code count}, {@code maybe},
   * {@code label}, {@code color}, {@code line}, {@code points}, {@code colors},
   * {@code scores}, {@code byColor}, {@code timeout}. Writing one through
   * {@code StateField.write} is an action: inside a lock block it is committed with the
   * block. Field {@code renders} is transient: reactive, but not persisted.
   */
  @Override
  public List<StateField<?>> stateFields() {
    return List.of(
        StateField.of("count", "int", StateCodecs.INT, countSignal,
            value -> stateCore.runAction(() -> this.count = value)),
        StateField.of("maybe", "java.lang.Integer", StateCodecs.BOXED_INT, maybeSignal,
            value -> stateCore.runAction(() -> this.maybe = value)),
        StateField.of("label", "java.lang.String", StateCodecs.STRING, labelSignal,
            value -> stateCore.runAction(() -> this.label = value)),
        StateField.of("color", "test.Stored.Color", COLOR_CODEC, colorSignal,
            value -> stateCore.runAction(() -> this.color = value)),
        StateField.of("line", "test.Stored.Line", LINE_CODEC, lineSignal,
            value -> stateCore.runAction(() -> this.line = value)),
        StateField.of("points", "java.util.List<test.Stored.Point>", StateCodecs.list(POINT_CODEC),
            pointsSignal,
            value -> stateCore.runAction(() -> this.points = value)),
        StateField.of("colors", "java.util.Set<test.Stored.Color>", StateCodecs.set(COLOR_CODEC),
            colorsSignal,
            value -> stateCore.runAction(() -> this.colors = value)),
        StateField.of("scores", "java.util.Map<java.lang.String,java.util.List<java.lang.Integer>>",
            StateCodecs.map(StateCodecs.STRING, StateCodecs.list(StateCodecs.BOXED_INT)),
            scoresSignal,
            value -> stateCore.runAction(() -> this.scores = value)),
        StateField.of("byColor",
            "java.util.Map<test.Stored.Color,test.Stored.Pair<java.lang.String,java.lang.Long>>",
            StateCodecs.map(COLOR_CODEC, PAIR_CODEC), byColorSignal,
            value -> stateCore.runAction(() -> this.byColor = value)),
        StateField.of("timeout", "java.time.Duration", DURATION_CODEC, timeoutSignal,
            value -> stateCore.runAction(() -> this.timeout = value)));
  }

  /**
   * Stops its effects. Only the first call does anything; afterwards the fields stay
   * readable and actions and lock blocks throw {@link dev.statewire.ClosedException}.
   */
  @Override
  public void close() {
    if (!stateCore.beginClose()) {
      return;
    }
    stateCore.close();
  }

  /**
   * Action writing {@code count}: runs under the context lock, untracked; the changes are
   * committed when the outermost action or lock block ends, and rolled back if it throws.
   */
  @Override
  public void setCount(int count) {
    if (stateCore == null) {
      // called by the constructor of Stored, before this class is set up
      super.setCount(count);
      return;
    }
    ActionScope action = stateCore.enterAction();
    try {
      super.setCount(count);
    } catch (Throwable failure) {
      action.fail(failure);
      throw failure;
    }
    action.exit();
  }

  /**
   * Fails if a field was changed outside any action or lock block (by reflection, or by code
   * compiled without the processor), after restoring the fields; runs when a lock session on
   * this instance begins.
   */
  private void verifyFields() {
    if (count != countCommitted) {
      restoreMutatedFields();
      throw new StateMutationException("Stored", "count");
    }
    if (!Objects.equals(maybe, maybeCommitted)) {
      restoreMutatedFields();
      throw new StateMutationException("Stored", "maybe");
    }
    if (!Objects.equals(label, labelCommitted)) {
      restoreMutatedFields();
      throw new StateMutationException("Stored", "label");
    }
    if (!Objects.equals(color, colorCommitted)) {
      restoreMutatedFields();
      throw new StateMutationException("Stored", "color");
    }
    if (!Objects.equals(line, lineCommitted)) {
      restoreMutatedFields();
      throw new StateMutationException("Stored", "line");
    }
    if (!Objects.equals(points, pointsCommitted)) {
      restoreMutatedFields();
      throw new StateMutationException("Stored", "points");
    }
    if (!Objects.equals(colors, colorsCommitted)) {
      restoreMutatedFields();
      throw new StateMutationException("Stored", "colors");
    }
    if (!Objects.equals(scores, scoresCommitted)) {
      restoreMutatedFields();
      throw new StateMutationException("Stored", "scores");
    }
    if (!Objects.equals(byColor, byColorCommitted)) {
      restoreMutatedFields();
      throw new StateMutationException("Stored", "byColor");
    }
    if (!Objects.equals(timeout, timeoutCommitted)) {
      restoreMutatedFields();
      throw new StateMutationException("Stored", "timeout");
    }
    if (renders != rendersCommitted) {
      restoreMutatedFields();
      throw new StateMutationException("Stored", "renders");
    }
  }

  /**
   * Hands each field that differs from its committed value over for publishing, and keeps it
   * as the committed value; runs once when the outermost action or lock block ends. If a
   * comparison throws, nothing is published and the fields roll back.
   */
  private void commitFields() {
    if (count != countCommitted) {
      stateCore.publish(countSignal, count);
      countCommitted = count;
    }
    if (!Objects.equals(maybe, maybeCommitted)) {
      stateCore.publish(maybeSignal, maybe);
      maybeCommitted = maybe;
    }
    if (!Objects.equals(label, labelCommitted)) {
      stateCore.publish(labelSignal, label);
      labelCommitted = label;
    }
    if (!Objects.equals(color, colorCommitted)) {
      stateCore.publish(colorSignal, color);
      colorCommitted = color;
    }
    if (!Objects.equals(line, lineCommitted)) {
      stateCore.publish(lineSignal, line);
      lineCommitted = line;
    }
    if (!Objects.equals(points, pointsCommitted)) {
      stateCore.publish(pointsSignal, points);
      pointsCommitted = points;
    }
    if (!Objects.equals(colors, colorsCommitted)) {
      stateCore.publish(colorsSignal, colors);
      colorsCommitted = colors;
    }
    if (!Objects.equals(scores, scoresCommitted)) {
      stateCore.publish(scoresSignal, scores);
      scoresCommitted = scores;
    }
    if (!Objects.equals(byColor, byColorCommitted)) {
      stateCore.publish(byColorSignal, byColor);
      byColorCommitted = byColor;
    }
    if (!Objects.equals(timeout, timeoutCommitted)) {
      stateCore.publish(timeoutSignal, timeout);
      timeoutCommitted = timeout;
    }
    if (renders != rendersCommitted) {
      stateCore.publish(rendersSignal, renders);
      rendersCommitted = renders;
    }
  }

  /**
   * Restores every field (and its plain copy of the committed value) to its signal's value;
   * runs when the outermost action or lock block throws, or a commit fails.
   */
  private void restoreFields() {
    count = countSignal.peekInt();
    countCommitted = count;
    maybe = maybeSignal.peek();
    maybeCommitted = maybe;
    label = labelSignal.peek();
    labelCommitted = label;
    color = colorSignal.peek();
    colorCommitted = color;
    line = lineSignal.peek();
    lineCommitted = line;
    points = pointsSignal.peek();
    pointsCommitted = points;
    colors = colorsSignal.peek();
    colorsCommitted = colors;
    scores = scoresSignal.peek();
    scoresCommitted = scores;
    byColor = byColorSignal.peek();
    byColorCommitted = byColor;
    timeout = timeoutSignal.peek();
    timeoutCommitted = timeout;
    renders = rendersSignal.peekInt();
    rendersCommitted = renders;
  }

  /**
   * Restores each field that is not its committed value, and makes what may have read the
   * field's wrong value (a computed value evaluated meanwhile) read it again.
   */
  private void restoreMutatedFields() {
    if (count != countSignal.peekInt()) {
      count = countSignal.peekInt();
      countSignal.markChanged();
    }
    if (maybe != maybeSignal.peek()) {
      maybe = maybeSignal.peek();
      maybeSignal.markChanged();
    }
    if (label != labelSignal.peek()) {
      label = labelSignal.peek();
      labelSignal.markChanged();
    }
    if (color != colorSignal.peek()) {
      color = colorSignal.peek();
      colorSignal.markChanged();
    }
    if (line != lineSignal.peek()) {
      line = lineSignal.peek();
      lineSignal.markChanged();
    }
    if (points != pointsSignal.peek()) {
      points = pointsSignal.peek();
      pointsSignal.markChanged();
    }
    if (colors != colorsSignal.peek()) {
      colors = colorsSignal.peek();
      colorsSignal.markChanged();
    }
    if (scores != scoresSignal.peek()) {
      scores = scoresSignal.peek();
      scoresSignal.markChanged();
    }
    if (byColor != byColorSignal.peek()) {
      byColor = byColorSignal.peek();
      byColorSignal.markChanged();
    }
    if (timeout != timeoutSignal.peek()) {
      timeout = timeoutSignal.peek();
      timeoutSignal.markChanged();
    }
    if (renders != rendersSignal.peekInt()) {
      renders = rendersSignal.peekInt();
      rendersSignal.markChanged();
    }
  }

  /**
   * The fields as they are when a nested action starts: its savepoint, restored if it
   * throws.
   */
  private Object[] saveFields() {
    return new Object[] {count, maybe, label, color, line, points, colors, scores, byColor, timeout, renders};
  }

  /**
   * Sets the fields back to a savepoint: the nested action that took it threw.
   */
  @SuppressWarnings("unchecked")
  private void restoreSavedFields(Object[] saved) {
    count = (int) saved[0];
    maybe = (Integer) saved[1];
    label = (String) saved[2];
    color = (Stored.Color) saved[3];
    line = (Stored.Line) saved[4];
    points = (List<Stored.Point>) saved[5];
    colors = (Set<Stored.Color>) saved[6];
    scores = (Map<String, List<Integer>>) saved[7];
    byColor = (Map<Stored.Color, Stored.Pair<String, Long>>) saved[8];
    timeout = (Duration) saved[9];
    renders = (int) saved[10];
  }
}
