package io.github.inboxkit.micrometer;

import io.github.inboxkit.core.InboxException;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.OutboxStatistics;

/**
 * A store was given where one that can count its outbox ({@link OutboxStatistics}) is needed: the
 * queue depth gauges and the health view's database check read it. The in-memory store and the
 * JDBC store can; a store of the host's own must implement {@code OutboxStatistics} as well.
 *
 * <p>Immutable and thread-safe.
 */
public final class UnsupportedStoreException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final String storeType;

    /**
     * @param storeType the class name of the store that was given
     */
    public UnsupportedStoreException(String storeType) {
        super("the store " + storeType + " cannot count its outbox: it must implement "
                + OutboxStatistics.class.getName() + " (the in-memory and the JDBC store do)");
        this.storeType = storeType;
    }

    /** @return the class name of the store that was given */
    public String storeType() {
        return storeType;
    }

    /** The store's statistics, or this exception. */
    static OutboxStatistics statisticsOf(InboxStore store) {
        if (store instanceof OutboxStatistics statistics) {
            return statistics;
        }
        throw new UnsupportedStoreException(store.getClass().getName());
    }
}
