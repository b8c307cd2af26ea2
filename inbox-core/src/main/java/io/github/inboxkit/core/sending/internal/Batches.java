package io.github.inboxkit.core.sending.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts a list into consecutive bounded batches, so that large operations (a broadcast to 100,000
 * recipients, a purge) run as many small transactions rather than one giant one or one per item.
 * Stateless and thread-safe.
 */
final class Batches {

    private Batches() {}

    /**
     * Splits {@code items} into consecutive sub-lists of at most {@code size} elements, in order.
     *
     * @param items the items; not modified
     * @param size the most items per batch; at least 1
     * @param <T> the item type
     * @return the batches, each non-empty; empty if {@code items} is
     * @throws IllegalArgumentException if {@code size} is below 1
     */
    static <T> List<List<T>> of(List<T> items, int size) {
        Objects.requireNonNull(items, "items");
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + size);
        }
        List<List<T>> batches = new ArrayList<>((items.size() + size - 1) / size);
        for (int from = 0; from < items.size(); from += size) {
            batches.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
        }
        return batches;
    }
}
