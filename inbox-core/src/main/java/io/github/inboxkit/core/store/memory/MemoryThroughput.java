package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.store.ThroughputRows;
import io.github.inboxkit.core.store.ThroughputState;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The states of one account's throughput limits (F50) in memory: {@link ThroughputRows}. The
 * in-memory store serves one node, so this is the node-local bucket it always was, now kept beside
 * the account's other rows.
 *
 * <p>Not thread-safe: a view for one transaction, which holds the account's lock.
 */
final class MemoryThroughput extends MemoryRows implements ThroughputRows {

    /** One state per limit key. Guarded by the account's lock; every write goes through the transaction's undo log. */
    static final class Tables {
        final Map<String, ThroughputState> states = new HashMap<>();
    }

    private final Tables tables;

    MemoryThroughput(MemoryTransaction tx, Tables tables) {
        super(tx);
        this.tables = tables;
    }

    @Override
    public Map<String, ThroughputState> lockThroughputStates(Map<String, ThroughputState> initial) {
        // the account lock, held for the whole transaction, already excludes other writers
        checkOpen();
        Map<String, ThroughputState> locked = new LinkedHashMap<>();
        new TreeMap<>(initial).forEach((key, state) -> {
            if (!tables.states.containsKey(key)) {
                put(tables.states, key, state);
            }
            locked.put(key, tables.states.get(key));
        });
        return locked;
    }

    @Override
    public void saveThroughputStates(Map<String, ThroughputState> states) {
        checkOpen();
        states.forEach((key, state) -> put(tables.states, key, state));
    }
}
