package dev.statewire.support;

import dev.statewire.ReactiveContext;
import dev.statewire.SourceSignal;
import dev.statewire.Transactional;

/**
 * A store's part in the transactions of one context (set with {@link
 * ReactiveContext.Builder#transactionHook}): {@code statewire-redis} takes a Redis lease when a
 * transaction starts and commits to Redis before the context publishes. A context without a hook
 * pays nothing for this.
 *
 * <p>A transaction starts when the first participant joins a lock session (a lock block or an
 * action) and ends when the session's participants commit or roll back. The context calls, under
 * its lock: {@link #beforeJoin} for every participant about to join, with {@code first} true for
 * the one that starts the transaction; then, once every participant committed and before anything
 * is published, {@link #commit}; or, if the transaction rolls back instead, {@link #abort}. After
 * a {@code beforeJoin(.., true)} that returned, exactly one of {@code commit} and {@code abort}
 * follows. Writes made inside {@link ReactiveContext#commitApart} call none of these.
 */
public interface TransactionHook {
  /**
   * {@code participant} is about to join the session, before its {@link Transactional#begin()}.
   * Throwing refuses it: it does not join, and if {@code first}, no transaction starts (the
   * local state is unchanged). For the first participant the hook may bring the local state up
   * to date with {@link ReactiveContext#commitApart}.
   *
   * @param context the context whose lock the calling thread holds
   * @param participant the participant about to join
   * @param first whether it starts the transaction
   */
  void beforeJoin(ReactiveContext context, Transactional participant, boolean first);

  /**
   * Every participant committed; {@code writes} are about to be published. Throwing refuses the
   * commit: nothing is published, every participant rolls back, the exception reaches the
   * caller of the outermost block, and {@link #abort} is not called.
   *
   * @param context the context whose lock the calling thread holds
   * @param writes the signal writes the participants handed over, valid during this call only
   */
  void commit(ReactiveContext context, Writes writes);

  /**
   * The transaction rolled back (the block threw, or a participant's commit failed); nothing is
   * published. Must not throw.
   *
   * @param context the context whose lock the calling thread holds
   */
  void abort(ReactiveContext context);

  /** The writes a transaction is about to publish: pairs of a signal and its new value. */
  interface Writes {
    /** {@return how many writes there are} */
    int size();

    /**
     * {@return the signal of write {@code index}}
     *
     * @param index from 0 to {@link #size()} - 1
     */
    SourceSignal<?> signal(int index);

    /**
     * {@return the value write {@code index} gives its signal}
     *
     * @param index from 0 to {@link #size()} - 1
     */
    Object value(int index);
  }
}
