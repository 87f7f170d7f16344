package test;

import dev.statewire.Computed;
import dev.statewire.LongComputed;
import dev.statewire.LongSignal;
import dev.statewire.ReactiveContext;
import dev.statewire.ReactiveObject;
import dev.statewire.Signal;
import dev.statewire.StateMutationException;
import dev.statewire.Transactional;
import dev.statewire.annotation.StatewireGenerated;
import dev.statewire.codec.StateCodecs;
import dev.statewire.codec.StateField;
import dev.statewire.support.CommitSafety;
import dev.statewire.support.StateCore;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Reactive state generated from {@link Gauge}.
 *
 * <p>Its reactive fields {@code ticks}, {@code ratio} are signals: other threads, effects
 * and derived values see a change when the action or lock block that made it ends. Its
 * derived values {@link #doubledTicks()}, {@link #halfRatio()} are cached, each until
 * something it reads changes.
 *
 * <p>Create one with any constructor of {@code Gauge}, optionally preceded by the
 * {@link ReactiveContext} to place it in (default: {@link ReactiveContext#current()}). The
 * signals, computed values and collections its field initializers and constructor create
 * belong to that context too.
 */
@Generated("dev.statewire.processor.StatewireProcessor")
@StatewireGenerated
public final class ReactiveGauge extends Gauge implements ReactiveObject {
  /**
   * The context, the transaction and the effects of this instance.
   */
  private final StateCore stateCore;

  /**
   * The committed value of {@code ticks}.
   */
  private final LongSignal ticksSignal;

  /**
   * A plain copy of the committed value of {@code ticks} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private long ticksCommitted;

  /**
   * The committed value of {@code ratio}.
   */
  private final Signal<Float> ratioSignal;

  /**
   * A plain copy of the committed value of {@code ratio} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private float ratioCommitted;

  /**
   * The cached value of {@link #doubledTicks()}.
   */
  private final LongComputed doubledTicksComputed;

  /**
   * The cached value of {@link #halfRatio()}.
   */
  private final Computed<Float> halfRatioComputed;

  /**
   * Creates the state in {@link ReactiveContext#current()}; see {@link Gauge#Gauge()}.
   */
  public ReactiveGauge() {
    this(ReactiveContext.current());
  }

  /**
   * Creates the state in {@code context}; see {@link Gauge#Gauge()}.
   */
  public ReactiveGauge(ReactiveContext context) {
    this(context, ReactiveObject.Construction.begin(ReactiveGauge.class, context));
  }

  /**
   * Runs {@link Gauge#Gauge()} with {@code context} current, so that the signals, computed
   * values and collections its field initializers and body create belong to it; then sets up
   * this class's signals, computed values and effects.
   */
  private ReactiveGauge(ReactiveContext context, ReactiveObject.Construction construction) {
    super();
    construction.end();
    this.stateCore = new StateCore(context, "Gauge", CommitSafety.MAY_FAIL, this::verifyFields,
        this::commitFields, this::restoreFields, this::saveFields, this::restoreSavedFields);
    this.ticksSignal = context.longSignal(this.ticks).named("Gauge.ticks");
    this.ticksCommitted = this.ticks;
    this.ratioSignal = context.signal(this.ratio).named("Gauge.ratio");
    this.ratioCommitted = this.ratio;
    this.doubledTicksComputed =
        context.longComputed(this::computeDoubledTicks).named("Gauge.doubledTicks()");
    this.halfRatioComputed = context.computed(this::computeHalfRatio).named("Gauge.halfRatio()");
  }

  /**
   * The context this instance lives in; {@code null} while the constructor of {@code Gauge}
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
   * The fields a store persists, in declaration order: {@code ticks}, {@code ratio}. Writing
   * one through {@code StateField.write} is an action: inside a lock block it is committed
   * with the block.
   */
  @Override
  public List<StateField<?>> stateFields() {
    return List.of(
        StateField.of("ticks", "long", StateCodecs.LONG, ticksSignal,
            value -> stateCore.runAction(() -> this.ticks = value)),
        StateField.of("ratio", "float", StateCodecs.FLOAT, ratioSignal,
            value -> stateCore.runAction(() -> this.ratio = value)));
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
   * Derived value, cached until something it read changes: field {@code ticks}. Inside an
   * action it is computed afresh, from the fields as written so far.
   */
  @Override
  long doubledTicks() {
    if (stateCore == null) {
      // called by the constructor of Gauge, before this class is set up
      return super.doubledTicks();
    }
    if (stateCore.readsUncommitted()) {
      return computeDoubledTicks();
    }
    return doubledTicksComputed.getLong();
  }

  /**
   * Derived value, cached until something it read changes: field {@code ratio}. Inside an
   * action it is computed afresh, from the fields as written so far.
   */
  @Override
  float halfRatio() {
    if (stateCore == null) {
      // called by the constructor of Gauge, before this class is set up
      return super.halfRatio();
    }
    if (stateCore.readsUncommitted()) {
      return computeHalfRatio();
    }
    return halfRatioComputed.get();
  }

  /**
   * Evaluates {@link #doubledTicks()} and makes the caller depend on field {@code ticks}.
   */
  private long computeDoubledTicks() {
    ticksSignal.getLong();
    return super.doubledTicks();
  }

  /**
   * Evaluates {@link #halfRatio()} and makes the caller depend on field {@code ratio}.
   */
  private float computeHalfRatio() {
    ratioSignal.get();
    return super.halfRatio();
  }

  /**
   * Fails if a field was changed outside any action or lock block (by reflection, or by code
   * compiled without the processor), after restoring the fields; runs when a lock session on
   * this instance begins.
   */
  private void verifyFields() {
    if (ticks != ticksCommitted) {
      restoreMutatedFields();
      throw new StateMutationException("Gauge", "ticks");
    }
    if (Float.compare(ratio, ratioCommitted) != 0) {
      restoreMutatedFields();
      throw new StateMutationException("Gauge", "ratio");
    }
  }

  /**
   * Hands each field that differs from its committed value over for publishing, and keeps it
   * as the committed value; runs once when the outermost action or lock block ends. If a
   * comparison throws, nothing is published and the fields roll back.
   */
  private void commitFields() {
    if (ticks != ticksCommitted) {
      stateCore.publish(ticksSignal, ticks);
      ticksCommitted = ticks;
    }
    if (Float.compare(ratio, ratioCommitted) != 0) {
      stateCore.publish(ratioSignal, ratio);
      ratioCommitted = ratio;
    }
  }

  /**
   * Restores every field (and its plain copy of the committed value) to its signal's value;
   * runs when the outermost action or lock block throws, or a commit fails.
   */
  private void restoreFields() {
    ticks = ticksSignal.peekLong();
    ticksCommitted = ticks;
    ratio = ratioSignal.peek();
    ratioCommitted = ratio;
  }

  /**
   * Restores each field that is not its committed value, and makes what may have read the
   * field's wrong value (a computed value evaluated meanwhile) read it again.
   */
  private void restoreMutatedFields() {
    if (ticks != ticksSignal.peekLong()) {
      ticks = ticksSignal.peekLong();
      ticksSignal.markChanged();
    }
    if (Float.compare(ratio, ratioSignal.peek()) != 0) {
      ratio = ratioSignal.peek();
      ratioSignal.markChanged();
    }
  }

  /**
   * The fields as they are when a nested action starts: its savepoint, restored if it
   * throws.
   */
  private Object[] saveFields() {
    return new Object[] {ticks, ratio};
  }

  /**
   * Sets the fields back to a savepoint: the nested action that took it threw.
   */
  @SuppressWarnings("unchecked")
  private void restoreSavedFields(Object[] saved) {
    ticks = (long) saved[0];
    ratio = (float) saved[1];
  }
}
