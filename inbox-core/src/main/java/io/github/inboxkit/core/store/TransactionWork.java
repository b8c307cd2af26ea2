package io.github.inboxkit.core.store;

/**
 * The work of one use case inside one transaction.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface TransactionWork<T> {

    /**
     * Does the work. Throwing any exception rolls the transaction back.
     *
     * @param transaction the transaction, valid only during this call
     * @return the result
     */
    T run(StoreTransaction transaction);
}
