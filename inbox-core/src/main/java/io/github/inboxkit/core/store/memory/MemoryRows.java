package io.github.inboxkit.core.store.memory;

import java.util.List;
import java.util.Map;

/**
 * What the in-memory store's aggregates share: the transaction they write through, whose undo log
 * replays every write backwards when the work throws. Each aggregate's class reaches only its own
 * tables, and another aggregate only through the transaction's ports.
 *
 * <p>Not thread-safe: a view for one transaction, which holds the account's lock.
 */
abstract class MemoryRows {

    /** The transaction this view belongs to. */
    final MemoryTransaction tx;

    MemoryRows(MemoryTransaction tx) {
        this.tx = tx;
    }

    /** @throws IllegalStateException if the transaction has ended */
    final void checkOpen() {
        tx.checkOpen();
    }

    /** Puts a value into a map, remembering how to undo it. */
    final <K, V> void put(Map<K, V> map, K key, V value) {
        boolean had = map.containsKey(key);
        V previous = map.put(key, value);
        undo(had ? () -> map.put(key, previous) : () -> map.remove(key));
    }

    /** Removes a key from a map, remembering how to undo it. */
    final <K, V> void remove(Map<K, V> map, K key) {
        if (map.containsKey(key)) {
            V previous = map.remove(key);
            undo(() -> map.put(key, previous));
        }
    }

    /** Appends to a list, remembering how to undo it. */
    final <E> void append(List<E> list, E element) {
        list.add(element);
        undo(() -> list.remove(list.size() - 1));
    }

    /** Remembers how to undo a write this view made. */
    final void undo(Runnable step) {
        tx.undo(step);
    }

    static void requireState(boolean exists, String what) {
        if (!exists) {
            throw new IllegalStateException("no such " + what + " in this account: update only what the transaction read");
        }
    }
}
