package io.github.inboxkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Plans of the retention purge's bounded deletes of unmatched delivery reports and expired
 * idempotency keys (F30, F31, F46): a batch finds its rows in an index led by the account and the
 * age, and deletes them by the primary key, so that it costs the same with a backlog of 100,000
 * rows as with ten (these tables grew for ever before the purge deleted them).
 */
class PurgePlansOnPostgresTest extends PostgresPlans {

    private static final String ACCOUNT = "acct-backlog";
    private static final int ROWS = 100_000;

    @BeforeAll
    void generateBacklog() {
        jdbi.useHandle(handle -> {
            for (String account : new String[] {ACCOUNT, "acct-other"}) {
                handle.createUpdate("INSERT INTO unmatched_delivery_reports (account_id, carrier_id, carrier_message_id,"
                                + " status, error_code, occurred_at, received_at) SELECT :account, 'simulator', 'SM' || i,"
                                + " 'DELIVERED', '', :at, :at - (i || ' seconds')::interval FROM generate_series(1, :count) AS i")
                        .bind("account", account).bind("at", JdbiRows.time(now)).bind("count", ROWS)
                        .execute();
                handle.createUpdate("INSERT INTO idempotency_keys (account_id, idempotency_key, request_hash, message_id,"
                                + " recipients_total, recipients_done, recipients_queued, created_at, expires_at)"
                                + " SELECT :account, 'key-' || i, repeat('ab', 32), gen_random_uuid(), 1, 1, 1,"
                                + " :at - (i || ' seconds')::interval, :at + ((1000 - i) || ' seconds')::interval"
                                + " FROM generate_series(1, :count) AS i")
                        .bind("account", account).bind("at", JdbiRows.time(now)).bind("count", ROWS)
                        .execute();
            }
            handle.execute("ANALYZE unmatched_delivery_reports");
            handle.execute("ANALYZE idempotency_keys");
        });
    }

    @Test
    @DisplayName("F31 F30 a batch of old unmatched reports is found by the received index and deleted by the primary key")
    void unmatchedReports() {
        String plan = explain(JdbiDeliveryReportRows.DELETE_UNMATCHED_REPORTS, Duration.ofDays(7));

        assertThat(plan).contains("Nested Loop", "unmatched_delivery_reports_received_ix",
                "unmatched_delivery_reports_pk").doesNotContain("Seq Scan");
        assertThat(delete(JdbiDeliveryReportRows.DELETE_UNMATCHED_REPORTS, Duration.ofHours(2))).isEqualTo(1000);
    }

    @Test
    @DisplayName("F46 F30 a batch of expired idempotency keys is found by the expiry index and deleted by the primary key")
    void expiredKeys() {
        String plan = explain(JdbiIdempotencyRows.DELETE_EXPIRED, Duration.ZERO);

        assertThat(plan).contains("Nested Loop", "idempotency_keys_expiry_ix", "idempotency_keys_pk").doesNotContain("Seq Scan");
        assertThat(delete(JdbiIdempotencyRows.DELETE_EXPIRED, Duration.ZERO)).isEqualTo(1000);
    }

    /** The plan of a purge statement for a batch of 1,000, its cutoff {@code age} before the data set's time. */
    private String explain(String sql, Duration age) {
        try (Handle handle = jdbi.open()) {
            return bind(handle.createQuery("EXPLAIN " + sql), age).mapTo(String.class).stream()
                    .collect(Collectors.joining("\n"));
        }
    }

    private int delete(String sql, Duration age) {
        try (Handle handle = jdbi.open()) {
            return bind(handle.createUpdate(sql), age).execute();
        }
    }

    private <S extends org.jdbi.v3.core.statement.SqlStatement<S>> S bind(S statement, Duration age) {
        return statement.bind("account", ACCOUNT)
                .bind("before", JdbiRows.time(now.minus(age)))
                .bind("now", JdbiRows.time(now.minus(age)))
                .bind("limit", 1000);
    }
}
