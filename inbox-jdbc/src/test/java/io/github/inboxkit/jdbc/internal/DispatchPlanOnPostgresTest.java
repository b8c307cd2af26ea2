package io.github.inboxkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reads PostgreSQL's plans of the dispatcher's own statements on the shape of data that misled the
 * planner once: an account whose sent messages come before its pending ones in the outbox's
 * broadcast index (an older broadcast, sent, and a newer one, queued), and a long broadcast queue,
 * analysed. The scan for accounts with due messages must descend the claim index, which holds the
 * pending entries only, and the take from the queue must find its rows by primary key.
 */
class DispatchPlanOnPostgresTest extends PostgresPlans {

    private static final int SENT = 50_000;
    private static final int PENDING = 50_000;


    @BeforeAll
    void generateDataSet() {
        jdbi.useHandle(handle -> {
            String entries = PostgresPlans.OUTBOX_ENTRIES;
            // the sent broadcast's id sorts first: the broadcast index lists its rows before the pending ones
            handle.createUpdate(entries).bind("account", "acct-busy").bind("status", "SENT").bind("pending", false)
                    .bind("broadcast", "00000000-0000-0000-0000-000000000001").bind("count", SENT)
                    .bind("dueAt", JdbiRows.time(now)).bind("direction", -1)
                    .bind("scheduledAt", (Object) null).bind("zone", (String) null).execute();
            handle.createUpdate(entries).bind("account", "acct-busy").bind("status", "QUEUED").bind("pending", true)
                    .bind("broadcast", "ffffffff-ffff-ffff-ffff-ffffffffffff").bind("count", PENDING)
                    .bind("dueAt", JdbiRows.time(now)).bind("direction", -1)
                    .bind("scheduledAt", (Object) null).bind("zone", (String) null).execute();
            for (int i = 0; i < 20; i++) {
                handle.createUpdate(entries).bind("account", "acct-" + i).bind("status", "QUEUED").bind("pending", true)
                        .bind("broadcast", "11111111-1111-1111-1111-111111111111").bind("count", 10)
                        .bind("dueAt", JdbiRows.time(now)).bind("direction", -1)
                    .bind("scheduledAt", (Object) null).bind("zone", (String) null).execute();
            }
            handle.execute("INSERT INTO broadcast_recipients (account_id, broadcast_id, recipient, sender_kind,"
                    + " sender_value) SELECT 'acct-busy', 'ffffffff-ffff-ffff-ffff-ffffffffffff',"
                    + " '+1415555' || lpad((i % 10000)::text, 4, '0'), 'LONG_CODE', '+14155550100'"
                    + " FROM generate_series(1, 100000) AS i");
            handle.execute("VACUUM ANALYZE");
        });
    }

    @Test
    @DisplayName("F31 the scan for accounts with due messages descends the claim index, never the indexes that also hold sent messages")
    void dueAccountsScanUsesTheClaimIndex() {
        String custom = explain(JdbiInboxStore.ACCOUNTS_WITH_CLAIMABLE_OUTBOX, "now", "limit");
        String generic = explainGeneric(JdbiInboxStore.ACCOUNTS_WITH_CLAIMABLE_OUTBOX, "now", "limit");

        for (String plan : new String[] {custom, generic}) {
            assertThat(plan).contains("outbox_entries_claim_ix")
                    .doesNotContain("outbox_entries_broadcast_ix", "outbox_entries_status_ix",
                            "outbox_entries_conversation_ix", "outbox_entries_pk", "Seq Scan on outbox_entries");
        }
    }

    @Test
    @DisplayName("F19 a take from a long broadcast queue locks its front through the primary key and deletes by key, without reading the whole queue")
    void takeFromTheQueueUsesThePrimaryKey() {
        String custom = explain(JdbiBroadcastRows.TAKE_QUEUED_RECIPIENTS, "account", "limit");
        String generic = explainGeneric(JdbiBroadcastRows.TAKE_QUEUED_RECIPIENTS, "account", "limit");

        for (String plan : new String[] {custom, generic}) {
            assertThat(plan).contains("broadcast_recipients_pk")
                    .doesNotContain("Seq Scan on broadcast_recipients", "Hash Join", "Sort",
                            "broadcast_recipients_broadcast_ix");
        }
    }

    /** The plan for values bound as the dispatcher binds them. */
    private String explain(String sql, String... names) {
        try (Handle handle = jdbi.open()) {
            var query = handle.createQuery("EXPLAIN " + sql);
            for (String name : names) {
                switch (name) {
                    case "now" -> query.bind("now", JdbiRows.time(now));
                    case "limit" -> query.bind("limit", 100);
                    default -> query.bind(name, "acct-busy");
                }
            }
            return query.mapTo(String.class).stream().collect(Collectors.joining("\n"));
        }
    }

    /** The plan PostgreSQL caches for the prepared statement once it stops planning per value. */
    private String explainGeneric(String sql, String... names) {
        return PostgresPlans.explainGeneric(pool, sql, List.of(names));
    }
}
