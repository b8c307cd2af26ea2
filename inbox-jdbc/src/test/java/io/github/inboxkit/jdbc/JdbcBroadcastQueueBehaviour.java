package io.github.inboxkit.jdbc;

import static io.github.inboxkit.jdbc.StoreFixtures.T0;
import static io.github.inboxkit.jdbc.StoreFixtures.newAccount;
import static io.github.inboxkit.jdbc.StoreFixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.carrier.OutboundMedia;
import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.carrier.ShiftTable;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.sending.Broadcast;
import io.github.inboxkit.core.sending.BroadcastContent;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.QueuedRecipient;
import io.github.inboxkit.core.store.TransactionWork;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The broadcast recipients' queue and the broadcast's content (schema V5) on each dialect: what the
 * dispatcher reads back to write each copy, the queue's order, what a take removes, and that one
 * account never sees another's queue. Each test works in its own accounts, so one migrated database
 * serves the class; the class has its own database, so that the scan for accounts with queued
 * recipients sees only this class's accounts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcBroadcastQueueBehaviour {

    static final Sender LONG_CODE = Sender.longCode("+14155550100");
    static final Sender ALPHANUMERIC = Sender.alphanumeric("INBOXKIT");

    HikariDataSource pool;
    JdbcInboxStore store;

    /** Returns a pool on a fresh database of the dialect under test. */
    abstract HikariDataSource openPool();

    @BeforeAll
    void migrate() {
        pool = openPool();
        store = JdbcInboxStore.create(pool);
        store.migrate();
    }

    @AfterAll
    void close() {
        store.close();
        pool.close();
    }

    <T> T inTx(AccountId account, TransactionWork<T> work) {
        return store.inTransaction(account, work);
    }

    static BroadcastContent text(String text) {
        return BroadcastContent.builder().text(text).segmentCount(1).encoding(TextEncoding.GSM_7)
                .carrierId("simulator").build();
    }

    /** Inserts a broadcast with a text content and returns its id. */
    BroadcastId broadcast(AccountId account, String name) {
        Broadcast broadcast = Broadcast.builder().id(BroadcastId.random()).name(name).requestedRecipients(10)
                .createdAt(T0).build();
        inTx(account, tx -> {
            tx.broadcasts().insertBroadcast(broadcast, text(name + " today"));
            return null;
        });
        return broadcast.id();
    }

    /** Queues recipients {@code from} to {@code to - 1} of a broadcast, in one call, every other one by sender ID. */
    List<QueuedRecipient> queue(AccountId account, BroadcastId broadcast, int from, int to) {
        List<QueuedRecipient> recipients = IntStream.range(from, to)
                .mapToObj(i -> new QueuedRecipient(broadcast, phone(i), i % 2 == 0 ? LONG_CODE : ALPHANUMERIC))
                .toList();
        inTx(account, tx -> {
            tx.broadcasts().queueBroadcastRecipients(recipients);
            return null;
        });
        return recipients;
    }

    List<QueuedRecipient> take(AccountId account, int limit) {
        return inTx(account, tx -> tx.broadcasts().takeQueuedRecipients(limit));
    }

    long count(AccountId account, BroadcastId broadcast) {
        return inTx(account, tx -> tx.broadcasts().countQueuedRecipients(broadcast));
    }

    @Test
    @DisplayName("F19 a broadcast's content reads back equal: text, media, encoding, shift tables, carrier, author")
    void contentRoundTrips() {
        AccountId account = newAccount(store);
        BroadcastContent gsm = BroadcastContent.builder()
                .text("Şimdi %20 indirim! {ç} \"quoted\" \\ €")
                .addMedia(OutboundMedia.inline("image/png", "not really a png".getBytes(StandardCharsets.UTF_8)))
                .segmentCount(2)
                .encoding(TextEncoding.GSM_7)
                .shiftTables(List.of(ShiftTable.TURKISH_LOCKING, ShiftTable.TURKISH_SINGLE))
                .carrierId("simulator")
                .author(UserId.of("élodie"))
                .build();
        BroadcastContent ucs2 = BroadcastContent.builder()
                .text("")
                .addMedia(OutboundMedia.hosted("video/mp4", URI.create("https://cdn.example.com/a.mp4?x=1&y=2"), 123_456))
                .segmentCount(0)
                .encoding(TextEncoding.UCS_2)
                .carrierId("other-carrier")
                .build();
        Broadcast first = Broadcast.builder().id(BroadcastId.random()).name("Kampanya").requestedRecipients(3)
                .createdAt(T0).build();
        Broadcast second = Broadcast.builder().id(BroadcastId.random()).name("Video").requestedRecipients(1)
                .createdAt(T0.plusSeconds(1)).build();
        inTx(account, tx -> {
            tx.broadcasts().insertBroadcast(first, gsm);
            tx.broadcasts().insertBroadcast(second, ucs2);
            return null;
        });

        inTx(account, tx -> {
            assertThat(tx.broadcasts().findBroadcast(first.id())).contains(first);
            assertThat(tx.broadcasts().findBroadcastContent(first.id())).contains(gsm);
            assertThat(tx.broadcasts().findBroadcastContent(second.id())).contains(ucs2);
            assertThat(tx.broadcasts().findBroadcastContent(second.id()).orElseThrow().author()).isEmpty();
            assertThat(tx.broadcasts().findBroadcastContent(BroadcastId.random())).isEmpty();
            return null;
        });
    }

    @Test
    @DisplayName("F19 a broadcast created before V5 reads back, without content")
    void broadcastWithoutContent() throws SQLException {
        AccountId account = newAccount(store);
        BroadcastId id = BroadcastId.random();
        try (Connection connection = pool.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO broadcasts (account_id,"
                        + " broadcast_id, name, requested_recipients, created_at) VALUES (?, ?, 'Old', 2, ?)")) {
            insert.setString(1, account.value());
            insert.setObject(2, id.value());
            insert.setObject(3, T0.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }

        inTx(account, tx -> {
            assertThat(tx.broadcasts().findBroadcast(id)).isPresent();
            assertThat(tx.broadcasts().findBroadcastContent(id)).isEmpty();
            return null;
        });
    }

    @Test
    @DisplayName("F19 the queue is first in, first out across an account's broadcasts, a broadcast's recipients in order")
    void queueIsFirstInFirstOut() {
        AccountId account = newAccount(store);
        BroadcastId sale = broadcast(account, "Sale");
        BroadcastId news = broadcast(account, "News");
        List<QueuedRecipient> expected = new ArrayList<>();
        expected.addAll(queue(account, sale, 0, 3));
        expected.addAll(queue(account, news, 10, 12));
        expected.addAll(queue(account, sale, 3, 4)); // a later batch of the first broadcast goes behind
        expected.addAll(queue(account, news, 12, 15));

        List<QueuedRecipient> taken = new ArrayList<>(take(account, 4));
        assertThat(taken).containsExactlyElementsOf(expected.subList(0, 4));
        taken.addAll(take(account, 100));

        assertThat(taken).containsExactlyElementsOf(expected);
        assertThat(take(account, 100)).isEmpty();
    }

    @Test
    @DisplayName("F19 a take removes exactly what it returns; a take rolled back leaves the recipients queued")
    void takeRemovesOnlyWhatItReturns() {
        AccountId account = newAccount(store);
        BroadcastId sale = broadcast(account, "Sale");
        List<QueuedRecipient> queued = queue(account, sale, 0, 5);

        assertThatThrownBy(() -> inTx(account, tx -> {
            assertThat(tx.broadcasts().takeQueuedRecipients(3)).containsExactlyElementsOf(queued.subList(0, 3));
            assertThat(tx.broadcasts().countQueuedRecipients(sale)).isEqualTo(2); // the transaction sees its own take
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(count(account, sale)).isEqualTo(5);

        assertThat(take(account, 2)).containsExactlyElementsOf(queued.subList(0, 2));
        assertThat(count(account, sale)).isEqualTo(3);
        assertThat(take(account, 10)).containsExactlyElementsOf(queued.subList(2, 5));
        assertThat(count(account, sale)).isZero();
    }

    @Test
    @DisplayName("F19 queued recipients are counted per broadcast")
    void countsPerBroadcast() {
        AccountId account = newAccount(store);
        BroadcastId sale = broadcast(account, "Sale");
        BroadcastId news = broadcast(account, "News");
        queue(account, sale, 0, 3);
        queue(account, news, 3, 5);
        queue(account, sale, 5, 6);

        assertThat(count(account, sale)).isEqualTo(4);
        assertThat(count(account, news)).isEqualTo(2);
        assertThat(count(account, BroadcastId.random())).isZero();

        take(account, 4); // sale's first three, then news's first
        assertThat(count(account, sale)).isEqualTo(1);
        assertThat(count(account, news)).isEqualTo(1);
    }

    @Test
    @DisplayName("F19 the dispatcher's scan lists the accounts with queued recipients only, in order, up to the limit")
    void accountsWithQueuedRecipients() {
        AccountId empty = newAccount(store);
        AccountId drained = newAccount(store);
        List<AccountId> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            AccountId account = newAccount(store);
            queue(account, broadcast(account, "Sale"), 0, 2);
            waiting.add(account);
        }
        queue(drained, broadcast(drained, "Sale"), 0, 2);
        take(drained, 2);
        broadcast(empty, "No recipients kept");

        List<AccountId> all = store.accountsWithQueuedRecipients(1000);
        assertThat(all).containsAll(waiting).doesNotContain(empty, drained).doesNotHaveDuplicates()
                .isSortedAccordingTo(Comparator.comparing(AccountId::value));
        assertThat(store.accountsWithQueuedRecipients(2)).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(store.accountsWithQueuedRecipients(1)).containsExactly(all.get(0));
    }

    @Test
    @DisplayName("F33 one account never takes, counts nor reads another account's queue or content")
    void tenancy() {
        AccountId owner = newAccount(store);
        AccountId other = newAccount(store);
        BroadcastId sale = broadcast(owner, "Sale");
        List<QueuedRecipient> queued = queue(owner, sale, 0, 3);

        assertThat(take(other, 10)).isEmpty();
        assertThat(count(other, sale)).isZero();
        inTx(other, tx -> {
            assertThat(tx.broadcasts().findBroadcastContent(sale)).isEmpty();
            return null;
        });
        assertThat(count(owner, sale)).isEqualTo(3);
        assertThat(take(owner, 10)).containsExactlyElementsOf(queued);
    }

    @Test
    @DisplayName("F19 a large batch is queued in one call and taken back in its order")
    void largeBatchKeepsItsOrder() {
        AccountId account = newAccount(store);
        BroadcastId sale = broadcast(account, "Sale");
        List<QueuedRecipient> queued = queue(account, sale, 0, 2_000);

        List<QueuedRecipient> taken = new ArrayList<>();
        for (List<QueuedRecipient> step = take(account, 300); !step.isEmpty(); step = take(account, 300)) {
            assertThat(step).hasSizeLessThanOrEqualTo(300);
            taken.addAll(step);
        }
        assertThat(taken).containsExactlyElementsOf(queued);
    }
}
