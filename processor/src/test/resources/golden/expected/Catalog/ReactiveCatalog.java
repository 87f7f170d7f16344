package test;

import dev.statewire.Cancellation;
import dev.statewire.Computed;
import dev.statewire.IntSignal;
import dev.statewire.LockGuard;
import dev.statewire.ReactiveContext;
import dev.statewire.ReactiveObject;
import dev.statewire.Resource;
import dev.statewire.ResourceLoaderParams;
import dev.statewire.ResourceSnapshot;
import dev.statewire.Signal;
import dev.statewire.StateMutationException;
import dev.statewire.Transactional;
import dev.statewire.annotation.StatewireGenerated;
import dev.statewire.codec.StateCodecs;
import dev.statewire.codec.StateField;
import dev.statewire.support.AsyncDerived;
import dev.statewire.support.CommitSafety;
import dev.statewire.support.StateCore;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import javax.annotation.processing.Generated;

/**
 * Reactive state generated from {@link Catalog}.
 *
 * <p>Its reactive fields {@code query}, {@code page} are signals: other threads, effects
 * and derived values see a change when the action or lock block that made it ends. Its
 * derived values {@link #title()}, {@link #bucket()} are cached, each until something it
 * reads changes. Its async derived value
 * {@link #results(dev.statewire.Cancellation, dev.statewire.ResourceSnapshot)} is kept by
 * a {@code Resource} that loads on the context's executor and reloads when what it reads
 * changes.
 *
 * <p>Create one with any constructor of {@code Catalog}, optionally preceded by the
 * {@link ReactiveContext} to place it in (default: {@link ReactiveContext#current()}). The
 * signals, computed values and collections its field initializers and constructor create
 * belong to that context too.
 */
@Generated("dev.statewire.processor.StatewireProcessor")
@StatewireGenerated
public final class ReactiveCatalog extends Catalog implements ReactiveObject {
  /**
   * The context, the transaction and the effects of this instance.
   */
  private final StateCore stateCore;

  /**
   * The committed value of {@code query}.
   */
  private final Signal<String> querySignal;

  /**
   * A plain copy of the committed value of {@code query} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private String queryCommitted;

  /**
   * The committed value of {@code page}.
   */
  private final IntSignal pageSignal;

  /**
   * A plain copy of the committed value of {@code page} (its signal's): what the start and
   * the commit of a session compare the field with, without reading the signal.
   */
  private int pageCommitted;

  /**
   * The cached value of {@link #title()}.
   */
  private final Computed<String> titleComputed;

  /**
   * The cached value of {@link #bucket()}.
   */
  private final Computed<Integer> bucketComputed;

  /**
   * The resource of {@link #results(Cancellation, ResourceSnapshot)} and the stages it hands
   * out.
   */
  private final AsyncDerived<String> resultsAsync;

  /**
   * Creates the state in {@link ReactiveContext#current()}; see
   * {@link Catalog#Catalog(test.Catalog.Search)}.
   */
  public ReactiveCatalog(Catalog.Search search) {
    this(ReactiveContext.current(), search);
  }

  /**
   * Creates the state in {@code context}; see {@link Catalog#Catalog(test.Catalog.Search)}.
   */
  public ReactiveCatalog(ReactiveContext context, Catalog.Search search) {
    this(context, ReactiveObject.Construction.begin(ReactiveCatalog.class, context), search);
  }

  /**
   * Runs {@link Catalog#Catalog(test.Catalog.Search)} with {@code context} current, so that
   * the signals, computed values and collections its field initializers and body create
   * belong to it; then sets up this class's signals, computed values and effects.
   */
  private ReactiveCatalog(ReactiveContext context, ReactiveObject.Construction construction,
      Catalog.Search search) {
    super(search);
    construction.end();
    this.stateCore = new StateCore(context, "Catalog", CommitSafety.MAY_FAIL, this::verifyFields,
        this::commitFields, this::restoreFields, this::saveFields, this::restoreSavedFields);
    this.querySignal = context.signal(this.query).named("Catalog.query");
    this.queryCommitted = this.query;
    this.pageSignal = context.intSignal(this.page).named("Catalog.page");
    this.pageCommitted = this.page;
    this.titleComputed = context.computed(this::computeTitle,
        Catalog.SAME_IGNORING_CASE).named("Catalog.title()");
    this.bucketComputed = context.computed(this::computeBucket,
        Catalog::sameTens).named("Catalog.bucket()");
    this.resultsAsync = new AsyncDerived<>(context,
        "Catalog.results(Cancellation, ResourceSnapshot)", this::resultsParams, this::loadResults);
  }

  /**
   * The context this instance lives in; {@code null} while the constructor of
   * {@code Catalog} runs, where a lock block is a plain block (the instance is not shared
   * yet).
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
   * The fields a store persists, in declaration order: {@code query}, {@code page}. Writing
   * one through {@code StateField.write} is an action: inside a lock block it is committed
   * with the block.
   */
  @Override
  public List<StateField<?>> stateFields() {
    return List.of(
        StateField.of("query", "java.lang.String", StateCodecs.STRING, querySignal,
            value -> stateCore.runAction(() -> this.query = value)),
        StateField.of("page", "int", StateCodecs.INT, pageSignal,
            value -> stateCore.runAction(() -> this.page = value)));
  }

  /**
   * Stops its effects and closes the resources of its async derived values (cancelling
   * running loads and the stages still waiting for them). Only the first call does anything;
   * afterwards the fields stay readable and actions and lock blocks throw
   * {@link dev.statewire.ClosedException}.
   */
  @Override
  public void close() {
    if (!stateCore.beginClose()) {
      return;
    }
    stateCore.close();
    resultsAsync.close();
  }

  /**
   * Derived value, cached until something it read changes: field {@code query}. Inside an
   * action it is computed afresh, from the fields as written so far.
   */
  @Override
  String title() {
    if (stateCore == null) {
      // called by the constructor of Catalog, before this class is set up
      return super.title();
    }
    if (stateCore.readsUncommitted()) {
      return computeTitle();
    }
    return titleComputed.get();
  }

  /**
   * Derived value, cached until something it read changes: field {@code page}. Inside an
   * action it is computed afresh, from the fields as written so far.
   */
  @Override
  int bucket() {
    if (stateCore == null) {
      // called by the constructor of Catalog, before this class is set up
      return super.bucket();
    }
    if (stateCore.readsUncommitted()) {
      return computeBucket();
    }
    return bucketComputed.get();
  }

  /**
   * Async derived value, kept by the resource {@link #resultsResource()}: loaded at
   * construction, and again (cancelling the running load) after every change to fields
   * {@code query}, {@code page}. Returns a stage of the resource's value: completed at once
   * when the resource holds a value ({@code RESOLVED}, {@code LOCAL}) or an error
   * ({@code ERROR}), otherwise when the newest load settles; cancelled if the instance is
   * closed first. Inside a derived value or an effect the caller depends on the resource's
   * state. Inside an action it calls the method afresh, on the fields as written so far,
   * with the caller's arguments; otherwise they are not used (the loader passes each load's
   * own).
   */
  @Override
  CompletionStage<String> results(Cancellation cancellation, ResourceSnapshot<String> previous) {
    if (stateCore == null) {
      // called by the constructor of Catalog, before this class is set up
      return super.results(cancellation, previous);
    }
    if (stateCore.readsUncommitted()) {
      return super.results(cancellation, previous);
    }
    return resultsAsync.next();
  }

  /**
   * Evaluates {@link #title()} and makes the caller depend on field {@code query}.
   */
  private String computeTitle() {
    querySignal.get();
    return super.title();
  }

  /**
   * Evaluates {@link #bucket()} and makes the caller depend on field {@code page}.
   */
  private int computeBucket() {
    pageSignal.getInt();
    return super.bucket();
  }

  /**
   * The resource behind the async derived value
   * {@link #results(Cancellation, ResourceSnapshot)}. Its {@code status()}, {@code value()},
   * {@code error()}, {@code isLoading()} and {@code snapshot()} are tracked reads, so
   * derived values and effects react to them; {@code reload()} loads again with the same
   * fields, {@code set(value)} replaces the value locally (status {@code LOCAL}) until the
   * next change. {@link #close()} closes it.
   */
  Resource<?, String> resultsResource() {
    return resultsAsync.resource();
  }

  /**
   * The params of the resource of {@link #results(Cancellation, ResourceSnapshot)}: the
   * values of fields {@code query}, {@code page}, read with tracking; when they change, the
   * resource loads again.
   */
  private List<Object> resultsParams() {
    return Arrays.asList(new Object[] {querySignal.get(), pageSignal.get()});
  }

  /**
   * The loader of the resource of {@link #results(Cancellation, ResourceSnapshot)}: calls it
   * on the context's executor, under the context's lock, so that it reads a committed state;
   * the stage it returns completes outside the lock. It passes the load's cancellation and
   * previous snapshot from the request.
   */
  private CompletionStage<? extends String> loadResults(
      ResourceLoaderParams<List<Object>, String> request) {
    LockGuard guard = stateCore.enter();
    try {
      return super.results(request.cancellation(), request.previous());
    } finally {
      guard.close();
    }
  }

  /**
   * Fails if a field was changed outside any action or lock block (by reflection, or by code
   * compiled without the processor), after restoring the fields; runs when a lock session on
   * this instance begins.
   */
  private void verifyFields() {
    if (!Objects.equals(query, queryCommitted)) {
      restoreMutatedFields();
      throw new StateMutationException("Catalog", "query");
    }
    if (page != pageCommitted) {
      restoreMutatedFields();
      throw new StateMutationException("Catalog", "page");
    }
  }

  /**
   * Hands each field that differs from its committed value over for publishing, and keeps it
   * as the committed value; runs once when the outermost action or lock block ends. If a
   * comparison throws, nothing is published and the fields roll back.
   */
  private void commitFields() {
    if (!Objects.equals(query, queryCommitted)) {
      stateCore.publish(querySignal, query);
      queryCommitted = query;
    }
    if (page != pageCommitted) {
      stateCore.publish(pageSignal, page);
      pageCommitted = page;
    }
  }

  /**
   * Restores every field (and its plain copy of the committed value) to its signal's value;
   * runs when the outermost action or lock block throws, or a commit fails.
   */
  private void restoreFields() {
    query = querySignal.peek();
    queryCommitted = query;
    page = pageSignal.peekInt();
    pageCommitted = page;
  }

  /**
   * Restores each field that is not its committed value, and makes what may have read the
   * field's wrong value (a computed value evaluated meanwhile) read it again.
   */
  private void restoreMutatedFields() {
    if (query != querySignal.peek()) {
      query = querySignal.peek();
      querySignal.markChanged();
    }
    if (page != pageSignal.peekInt()) {
      page = pageSignal.peekInt();
      pageSignal.markChanged();
    }
  }

  /**
   * The fields as they are when a nested action starts: its savepoint, restored if it
   * throws.
   */
  private Object[] saveFields() {
    return new Object[] {query, page};
  }

  /**
   * Sets the fields back to a savepoint: the nested action that took it threw.
   */
  @SuppressWarnings("unchecked")
  private void restoreSavedFields(Object[] saved) {
    query = (String) saved[0];
    page = (int) saved[1];
  }
}
