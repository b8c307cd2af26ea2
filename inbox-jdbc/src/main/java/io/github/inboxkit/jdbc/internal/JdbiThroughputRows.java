package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.store.ThroughputRows;
import io.github.inboxkit.core.store.ThroughputState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The states of the account's throughput limits (F50) on the SQL schema: the statements of {@code
 * throughput_states} only, every one filtered by the transaction's account, which leads the key
 * (architecture invariant 6). A claim locks the rows of the limits its messages fall under ({@code
 * FOR UPDATE}, in key order), so that claims on every node take their tokens one after the other,
 * and writes them back before it commits. One of the ports a {@link JdbiStoreTransaction} hands out.
 *
 * <p>Not thread-safe: it lives on one thread for one {@code inTransaction} call.
 */
final class JdbiThroughputRows extends JdbiRows implements ThroughputRows {

    private static final String LOCK = "SELECT limit_key, tokens, refilled_at FROM throughput_states"
            + " WHERE account_id = :account AND limit_key IN (<keys>) ORDER BY limit_key FOR UPDATE";

    private static final RowMapper<Map.Entry<String, ThroughputState>> STATE = (rs, ctx) -> Map.entry(
            rs.getString("limit_key"), new ThroughputState(Math.max(0, rs.getDouble("tokens")),
                    instant(rs, "refilled_at")));

    JdbiThroughputRows(JdbiStoreTransaction tx) {
        super(tx);
    }

    @Override
    public Map<String, ThroughputState> lockThroughputStates(Map<String, ThroughputState> initial) {
        if (initial.isEmpty()) {
            return Map.of();
        }
        Map<String, ThroughputState> locked = lock(new ArrayList<>(new TreeMap<>(initial).keySet()));
        if (locked.size() < initial.size()) {
            // a limit used for the first time: its row is created, then locked like the others (on
            // PostgreSQL a row another node creates at the same moment is kept; on H2 the unit of
            // work runs the claim again after the conflict)
            List<Map.Entry<String, ThroughputState>> missing = new TreeMap<>(initial).entrySet().stream()
                    .filter(entry -> !locked.containsKey(entry.getKey())).toList();
            batch("create throughput states", "INSERT INTO throughput_states (account_id, limit_key, tokens,"
                    + " refilled_at) VALUES (:account, :key, :tokens, :at)" + (setBased ? " ON CONFLICT DO NOTHING" : ""),
                    missing, (batch, entry) -> batch.bind("account", account).bind("key", entry.getKey())
                            .bind("tokens", entry.getValue().tokens()).bind("at", time(entry.getValue().at())));
            locked.putAll(lock(missing.stream().map(Map.Entry::getKey).toList()));
        }
        return locked;
    }

    private Map<String, ThroughputState> lock(List<String> keys) {
        Map<String, ThroughputState> states = new LinkedHashMap<>();
        run("lock throughput states", () -> handle().createQuery(LOCK)
                .bind("account", account)
                .bindList("keys", keys)
                .map(STATE)
                .list())
                .forEach(entry -> states.put(entry.getKey(), entry.getValue()));
        return states;
    }

    @Override
    public void saveThroughputStates(Map<String, ThroughputState> states) {
        batch("save throughput states", "UPDATE throughput_states SET tokens = :tokens, refilled_at = :at"
                + " WHERE account_id = :account AND limit_key = :key", new ArrayList<>(new TreeMap<>(states).entrySet()),
                (batch, entry) -> batch.bind("account", account).bind("key", entry.getKey())
                        .bind("tokens", entry.getValue().tokens()).bind("at", time(entry.getValue().at())));
    }
}
