package io.github.inboxkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.conversation.Conversation;
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
    }

    @Test
    @DisplayName("F19 locking a batch of threads by number looks each up by its unique key, even on never-analysed tables")
    void lockByPhoneUsesTheUniqueKey() {
        List<String> phones = IntStream.range(0, 500).mapToObj(i -> "+1" + (2_000_010_000L + i)).toList();
        String plan;
        try (Handle handle = jdbi.open()) {
            plan = handle.createQuery("EXPLAIN " + JdbiAccountTransaction.LOCK_CONVERSATIONS_BY_PHONE)
                    .bind("account", ACCOUNT.value())
                    .bindArray("phones", String.class, phones)
                    .mapTo(String.class).stream().collect(Collectors.joining("\n"));
        }
        assertThat(plan).contains("Index Scan using conversations_phone_uk")
                .doesNotContain("Bitmap", "Seq Scan", "conversations_pk", "Hash");

        Map<PhoneNumber, Conversation> locked = jdbi.inTransaction(handle -> new JdbiSendingTransaction(handle, ACCOUNT,
                new AccountCache(Duration.ZERO), true).lockConversationsByPhone(List.of(new PhoneNumber("+12000010001"),
                new PhoneNumber("+12000010000"), new PhoneNumber("+19999999999"), new PhoneNumber("+12000010001"))));
        assertThat(locked).containsOnlyKeys(new PhoneNumber("+12000010000"), new PhoneNumber("+12000010001"));
    }
}
