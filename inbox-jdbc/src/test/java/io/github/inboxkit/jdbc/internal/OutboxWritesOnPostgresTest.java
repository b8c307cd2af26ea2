package io.github.inboxkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.sending.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the outbox's indexes (V6) promise on PostgreSQL: a claim writes no indexed value, so a
 * claimed row whose page has room is a heap-only update, as the server counts it within the claiming
 * transaction; and the listing of scheduled entries is served by its partial index even behind a
 * long queue of due ones.
 */
class OutboxWritesOnPostgresTest extends PostgresPlans {

    private static final AccountId ACCOUNT = AccountId.of("acct-claims");
    private static final int QUEUED = 20_000;


    @BeforeAll
    void generateDataSet() {
        jdbi.useHandle(handle -> {
            String entries = PostgresPlans.OUTBOX_ENTRIES;
            // a long queue due now, and a few scheduled for tomorrow after it
            handle.createUpdate(entries).bind("account", ACCOUNT.value()).bind("status", "QUEUED").bind("pending", true)
                    .bind("broadcast", (String) null).bind("direction", 1)
                    .bind("dueAt", JdbiRows.time(now.minusSeconds(60))).bind("scheduledAt", (Object) null)
                    .bind("zone", (String) null).bind("count", QUEUED).execute();
            Instant tomorrow = now.plus(Duration.ofDays(1));
            handle.createUpdate(entries).bind("account", ACCOUNT.value()).bind("status", "SCHEDULED").bind("pending", true)
                    .bind("broadcast", (String) null).bind("direction", 1)
                    .bind("dueAt", JdbiRows.time(tomorrow))
                    .bind("scheduledAt", JdbiRows.time(tomorrow)).bind("zone", "Europe/Paris")
                    .bind("count", 5).execute();
            handle.execute("VACUUM ANALYZE outbox_entries");
        });
    }

    @Test
    @DisplayName("F31 no index of the outbox holds a column a claim writes")
    void claimWritesNoIndexedColumn() {
        List<String> indexes = jdbi.withHandle(handle -> handle.createQuery(
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'outbox_entries'").mapTo(String.class).list());

        assertThat(indexes).hasSizeGreaterThanOrEqualTo(5).allSatisfy(definition -> assertThat(definition)
                .doesNotContain("status", "attempts", "lease_until", "updated_at"));
    }

    @Test
    @DisplayName("F31 so a claim whose rows' page has room is a heap-only update, as the server counts it in the claiming transaction")
    void claimIsHeapOnly() {
        long[] counts = jdbi.inTransaction(handle -> {
            JdbiStoreTransaction tx = new JdbiStoreTransaction(handle, ACCOUNT, new AccountCache(Duration.ZERO),
                    true);
            // five rows of the first page, which the fill factor left room for
            List<OutboxEntry> claimed = tx.claimOutboxEntries(now, 5, now.plusSeconds(60));
            return new long[] {claimed.size(),
                    handle.createQuery("SELECT pg_stat_get_xact_tuples_updated('outbox_entries'::regclass)")
                            .mapTo(Long.class).one(),
                    handle.createQuery("SELECT pg_stat_get_xact_tuples_hot_updated('outbox_entries'::regclass)")
                            .mapTo(Long.class).one()};
        });

        assertThat(counts[0]).isEqualTo(5);
        assertThat(counts[1]).as("rows updated").isEqualTo(5);
        assertThat(counts[2]).as("of which heap-only").isEqualTo(5);
    }

    @Test
    @DisplayName("F27 the scheduled entries are listed from their own index, not by reading the queue due before them")
    void scheduledListingUsesItsIndex() {
        List<OutboxEntry> scheduled = jdbi.inTransaction(handle -> new JdbiStoreTransaction(handle, ACCOUNT,
                new AccountCache(Duration.ZERO), true).outbox().listScheduledOutboxEntries(10));
        assertThat(scheduled).hasSize(5).allMatch(entry -> entry.status() == MessageStatus.SCHEDULED);

        String plan;
        try (Handle handle = jdbi.open()) {
            plan = handle.createQuery("EXPLAIN SELECT message_id FROM outbox_entries WHERE account_id = :account AND "
                            + JdbiOutboxRows.SCHEDULED + " ORDER BY due_at, message_id LIMIT 10")
                    .bind("account", ACCOUNT.value())
                    .mapTo(String.class).stream().collect(Collectors.joining("\n"));
        }
        assertThat(plan).contains("outbox_entries_scheduled_ix").doesNotContain("outbox_entries_claim_ix", "Seq Scan");
    }
}
