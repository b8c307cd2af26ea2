package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.FailureReason;
import io.github.inboxkit.core.sending.ImmutableOutboxEntry;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.ScheduledTime;
import io.github.inboxkit.core.sending.SendFailure;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract: the optional {@link OutboxStatistics} capability of a store, the queue depth that
 * monitoring reads (F47). A store module extends it and implements {@link #newStore()} with a NEW,
 * EMPTY store on every call: the reading counts every account of the store, so the tests need a
 * store of their own.
 */
public abstract class OutboxStatisticsContract {

    /** The instant the tests read at, truncated to microseconds as stores keep it. */
    protected static final Instant NOW = Instant.parse("2026-12-03T09:00:00.123456Z");

    private SendingStore store;
    private OutboxStatistics statistics;

    /**
     * Creates a new store with an empty outbox, which implements {@link OutboxStatistics}.
     *
     * @return the store
     */
    protected abstract SendingStore newStore();

    /** Creates the store under test. */
    @BeforeEach
    protected void setUpStatistics() {
        store = newStore();
        assertThat(store).as("the store offers outbox statistics").isInstanceOf(OutboxStatistics.class);
        statistics = (OutboxStatistics) store;
    }

    @Test
    @DisplayName("F47 an empty outbox reads zero in every state and no oldest due age")
    void emptyOutbox() {
        assertThat(statistics.outboxDepth(NOW)).isEqualTo(QueueDepth.EMPTY);

        AccountId account = newAccount();
        newConversation(account, 0);
        assertThat(statistics.outboxDepth(NOW)).isEqualTo(QueueDepth.EMPTY);
    }

    @Test
    @DisplayName("F47 each pending entry counts in exactly one state; sent, delivered, failed and cancelled entries in none")
    void statesSplitThePendingEntries() {
        AccountId account = newAccount();
        ConversationId thread = newConversation(account, 0);
        queue(account, thread, entry(MessageStatus.QUEUED, NOW.minusSeconds(60)));          // due, the oldest
        queue(account, thread, entry(MessageStatus.SCHEDULED, NOW.minusSeconds(10)));       // due
        queue(account, thread, sending(NOW.minusSeconds(30), NOW.minusSeconds(1)));         // due: lease ran out
        queue(account, thread, entry(MessageStatus.SCHEDULED, NOW.plus(Duration.ofHours(2)))); // scheduled
        queue(account, thread, retried(NOW.plusSeconds(90)));                                // retrying
        queue(account, thread, sending(NOW.minusSeconds(5), NOW.plusSeconds(60)));          // sending: live lease
        for (MessageStatus done : new MessageStatus[] {MessageStatus.SENT, MessageStatus.DELIVERED,
            MessageStatus.FAILED, MessageStatus.CANCELLED}) {
            queue(account, thread, entry(done, NOW.minus(Duration.ofDays(1))));
        }

        assertThat(statistics.outboxDepth(NOW)).isEqualTo(new QueueDepth(3, 1, 1, 1, Duration.ofSeconds(60)));
        // later, the retry is due and the live lease has run out; the scheduled one still waits
        assertThat(statistics.outboxDepth(NOW.plusSeconds(100)))
                .isEqualTo(new QueueDepth(5, 1, 0, 0, Duration.ofSeconds(160)));
        // earlier, nothing was due yet but the first entry
        assertThat(statistics.outboxDepth(NOW.minusSeconds(45)))
                .isEqualTo(new QueueDepth(1, 2, 1, 2, Duration.ofSeconds(15)));
    }

    @Test
    @DisplayName("F47 the reading counts the pending entries of every account of the store")
    void everyAccount() {
        AccountId first = newAccount();
        AccountId second = newAccount();
        queue(first, newConversation(first, 1), entry(MessageStatus.QUEUED, NOW.minusSeconds(7)));
        ConversationId thread = newConversation(second, 2);
        queue(second, thread, entry(MessageStatus.QUEUED, NOW.minusMillis(2500)));
        queue(second, thread, entry(MessageStatus.SCHEDULED, NOW.plusSeconds(1)));

        assertThat(statistics.outboxDepth(NOW)).isEqualTo(new QueueDepth(2, 1, 0, 0, Duration.ofSeconds(7)));
    }

    @Test
    @DisplayName("F47 the oldest due age keeps the stored microseconds")
    void microsecondAge() {
        AccountId account = newAccount();
        queue(account, newConversation(account, 3), entry(MessageStatus.QUEUED, NOW.minusNanos(1_234_567_000L)));

        assertThat(statistics.outboxDepth(NOW).oldestDueAge()).isEqualTo(Duration.ofNanos(1_234_567_000L));
    }

    private AccountId newAccount() {
        AccountId id = AccountId.of("stats-" + UUID.randomUUID());
        store.inTransaction(id, tx -> {
            tx.insertAccount(Account.builder().id(id).name("Statistics test").settings(AccountSettings.defaults())
                    .createdAt(NOW).build());
            return null;
        });
        return id;
    }

    private ConversationId newConversation(AccountId account, int phone) {
        ConversationId id = ConversationId.random();
        store.inTransaction(account, tx -> {
            tx.insertConversation(Conversation.builder().id(id).contactPhone(phone(phone)).state(ConversationState.OPEN)
                    .unreadCount(0).lastActivityAt(NOW).lastMessagePreview("").lastMessageSequence(0).createdAt(NOW)
                    .build());
            tx.adjustCounters(1, 0, 0);
            return null;
        });
        return id;
    }

    private static PhoneNumber phone(int index) {
        return new PhoneNumber(String.format("+3363%07d", index));
    }

    /** Inserts an outbound message and its entry (with the entry's status), as the pipeline does. */
    private void queue(AccountId account, ConversationId thread, ImmutableOutboxEntry.Builder entry) {
        MessageId id = MessageId.random();
        store.inSendingTransaction(account, tx -> {
            Conversation c = tx.lockConversation(thread).orElseThrow();
            long sequence = c.lastMessageSequence() + 1;
            tx.updateConversation(Conversation.builder().from(c).lastMessageSequence(sequence).build());
            OutboxEntry built = entry.messageId(id).conversationId(thread).recipient(c.contactPhone()).build();
            tx.insertMessage(Message.builder().id(id).conversationId(thread).sequence(sequence)
                    .contactPhone(c.contactPhone()).direction(Direction.OUTBOUND).text("hello")
                    .status(built.status()).read(true).createdAt(NOW).build());
            tx.insertOutboxEntry(built);
            return null;
        });
    }

    private static ImmutableOutboxEntry.Builder entry(MessageStatus status, Instant dueAt) {
        return OutboxEntry.builder().status(status)
                .carrierId("simulator").sender(Sender.longCode("+33700000001")).text("hello")
                .segmentCount(1).encoding(TextEncoding.GSM_7).attempts(0).dueAt(dueAt)
                .scheduledFor(status == MessageStatus.SCHEDULED
                        ? Optional.of(new ScheduledTime(dueAt, ZoneId.of("Europe/Paris"))) : Optional.empty())
                .failure(status == MessageStatus.FAILED
                        ? Optional.of(SendFailure.of(FailureReason.OPTED_OUT, "x")) : Optional.empty())
                .createdAt(NOW).updatedAt(NOW);
    }

    private static ImmutableOutboxEntry.Builder sending(Instant dueAt, Instant leaseUntil) {
        return entry(MessageStatus.SENDING, dueAt).attempts(1).leaseUntil(leaseUntil);
    }

    private static ImmutableOutboxEntry.Builder retried(Instant dueAt) {
        return entry(MessageStatus.QUEUED, dueAt).attempts(1);
    }
}
