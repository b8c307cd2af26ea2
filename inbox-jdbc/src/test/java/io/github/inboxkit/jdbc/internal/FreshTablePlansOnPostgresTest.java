package io.github.inboxkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Plans on tables PostgreSQL has not analysed yet, as in a new database's first minutes: a broadcast
 * to 100,000 new numbers locks its recipients' threads a batch at a time while the thread table
 * grows, and a plan that scans the account's threads for each batch made that first broadcast
 * several times slower than the next ones.
 */
class FreshTablePlansOnPostgresTest extends PostgresPlans {

    private static final AccountId ACCOUNT = AccountId.of("acct-fresh");
    private static final int THREADS = 30_000;

    @BeforeAll
    void generateThreadsWithoutAnalysing() {
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO conversations (account_id, conversation_id,"
                        + " phone_e164, phone_digits, state, unread_count, has_unread, last_activity_at, preview,"
                        + " last_message_sequence, created_at) SELECT :account, gen_random_uuid(), '+1' || (2000000000 + i),"
                        + " (12000000000 + i)::text, 'OPEN', 0, FALSE, now(), 'Sale', 1, now()"
                        + " FROM generate_series(1, :count) AS i")
                .bind("account", ACCOUNT.value()).bind("count", THREADS).execute());
        // two records per number, the later one a re-subscription
        jdbi.useHandle(handle -> handle.createUpdate("INSERT INTO opt_out_records (account_id, phone_e164, action, changed_by,"
                        + " source, recorded_at) SELECT :account, '+1' || (2000000000 + i % :count),"
                        + " CASE WHEN i < :count THEN 'OPTED_OUT' ELSE 'OPTED_IN' END, 'alice', 'USER', now()"
                        + " FROM generate_series(0, 2 * :count - 1) AS i")
                .bind("account", ACCOUNT.value()).bind("count", THREADS).execute());
    }

    @Test
    @DisplayName("F17 reading a batch's latest opt-out records looks each number up by the primary key and reads its latest only")
    void latestOptOutsUseThePrimaryKey() {
        assertThat(explain(JdbiConsentRows.LATEST_OPT_OUT_RECORDS)).contains("opt_out_records_pk").doesNotContain("Bitmap", "Seq Scan", "Hash");

        var latest = jdbi.inTransaction(handle -> new JdbiStoreTransaction(handle, ACCOUNT,
                new AccountCache(Duration.ZERO), true).consent().latestOptOutRecords(List.of(new PhoneNumber("+12000010001"),
                new PhoneNumber("+19999999999"))));
        assertThat(latest).containsOnlyKeys(new PhoneNumber("+12000010001"));
        assertThat(latest.get(new PhoneNumber("+12000010001")).action()).isEqualTo(OptOutAction.OPTED_IN);
    }

    @Test
    @DisplayName("F19 locking a batch of threads by number looks each up by its unique key, even on never-analysed tables")
    void lockByPhoneUsesTheUniqueKey() {
        assertThat(explain(JdbiConversationRows.LOCK_CONVERSATIONS_BY_PHONE)).contains("Index Scan using conversations_phone_uk")
                .doesNotContain("Bitmap", "Seq Scan", "conversations_pk", "Hash");

        Map<PhoneNumber, Conversation> locked = jdbi.inTransaction(handle -> new JdbiStoreTransaction(handle, ACCOUNT,
                new AccountCache(Duration.ZERO), true).conversations().lockConversationsByPhone(List.of(new PhoneNumber("+12000010001"),
                new PhoneNumber("+12000010000"), new PhoneNumber("+19999999999"), new PhoneNumber("+12000010001"))));
        assertThat(locked).containsOnlyKeys(new PhoneNumber("+12000010000"), new PhoneNumber("+12000010001"));
    }

    /** The plan of a statement that looks up a batch of 500 of the generated numbers, as bound by the store. */
    private String explain(String sql) {
        List<String> phones = IntStream.range(0, 500).mapToObj(i -> "+1" + (2_000_010_000L + i)).toList();
        try (Handle handle = jdbi.open()) {
            return handle.createQuery("EXPLAIN " + sql)
                    .bind("account", ACCOUNT.value())
                    .bindArray("keys", String.class, phones)
                    .mapTo(String.class).stream().collect(Collectors.joining("\n"));
        }
    }
}
