package io.github.inboxkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reads PostgreSQL's plan of the outbox statistics query (the queue depth gauges' reading) on the
 * shape of data it meets in production: a long history of sent messages and a small backlog,
 * analysed. The query must read the pending entries through the claim index, which holds only
 * them, so that its cost follows the backlog and not the history: no new index is needed.
 */
class OutboxDepthPlanOnPostgresTest extends PostgresPlans {

    private static final int SENT = 100_000;
    private static final int PENDING_PER_ACCOUNT = 100;

    @BeforeAll
    void generateDataSet() {
        jdbi.useHandle(handle -> {
            for (int i = 0; i < 10; i++) {
                insert(handle, "acct-" + i, "SENT", false, SENT / 10);
                insert(handle, "acct-" + i, "QUEUED", true, PENDING_PER_ACCOUNT);
            }
            handle.execute("VACUUM ANALYZE");
        });
    }

    @Test
    @DisplayName("F47 the queue depth reading scans the claim index, never the whole outbox")
    void depthReadsTheClaimIndex() {
        String custom;
        try (Handle handle = jdbi.open()) {
            custom = handle.createQuery("EXPLAIN " + JdbiInboxStore.OUTBOX_DEPTH)
                    .bind("now", JdbiRows.time(now))
                    .mapTo(String.class).stream().collect(Collectors.joining("\n"));
        }
        String generic = PostgresPlans.explainGeneric(pool, JdbiInboxStore.OUTBOX_DEPTH, List.of("now"));

        for (String plan : new String[] {custom, generic}) {
            assertThat(plan).contains("outbox_entries_claim_ix").doesNotContain("Seq Scan on outbox_entries");
        }
    }

    private void insert(Handle handle, String account, String status, boolean pending, int count) {
        handle.createUpdate(PostgresPlans.OUTBOX_ENTRIES).bind("account", account).bind("status", status)
                .bind("pending", pending).bind("broadcast", (String) null).bind("count", count)
                .bind("dueAt", JdbiRows.time(now)).bind("direction", -1)
                .bind("scheduledAt", (Object) null).bind("zone", (String) null).execute();
    }
}
