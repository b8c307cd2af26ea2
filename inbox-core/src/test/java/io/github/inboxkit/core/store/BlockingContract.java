package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.NoSuchUserException;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.blocking.Block;
import io.github.inboxkit.core.blocking.BlockedLogEntry;
import io.github.inboxkit.core.blocking.ContactBlockedException;
import io.github.inboxkit.core.blocking.InboundBlockedException;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.phone.InvalidPhoneNumberException;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract: contact blocking (F38) on every store, the PostgreSQL one-statement ingestion included:
 * a blocked number's inbound messages create nothing but the blocked log's count, a repeat counts
 * once, recording outbound text to it is refused, consent is untouched, unblocking restores new
 * messages only, the log is purged with the window, and another account sees none of it.
 */
public abstract class BlockingContract extends StoreContractSupport {

    private Block block(int index) {
        return kit.blocking().block(account, phone(index), "abusive messages", alice);
    }

    private InboundBlockedException turnedAway(String from, String text, String carrierId) {
        return catchBlocked(() -> receive(account, from, text, carrierId));
    }

    private static InboundBlockedException catchBlocked(Runnable receive) {
        try {
            receive.run();
        } catch (InboundBlockedException expected) {
            return expected;
        }
        throw new AssertionError("the inbound message was not turned away");
    }

    @Test
    @DisplayName("F38 a blocked number's inbound creates no conversation, message, unread or notification, only the log's count")
    void blockedInboundCreatesNothing() {
        receive(phone(2), "someone else");
        InboxCounters counters = kit.inbox().counters(account);
        block(1);
        events.clear();

        InboundBlockedException turned = turnedAway(phone(1), "buy now!!!", "spam-1");

        assertThat(turned.phone()).isEqualTo(phoneNumber(1));
        assertThat(turned.repeat()).isFalse();
        assertThat(turned.getMessage()).doesNotContain(phone(1)).doesNotContain("buy now");
        assertThat(kit.conversations().findByPhone(account, phone(1))).isEmpty();
        assertThat(kit.inbox().counters(account)).isEqualTo(counters);
        assertThat(events).containsExactly(new InboxEvent.BlockedInboundReceived(account, phoneNumber(1),
                clock.instant()));
        assertThat(kit.blocking().blockedLog(account)).containsExactly(
                new BlockedLogEntry(phoneNumber(1), 1, clock.instant(), clock.instant()));
    }

    @Test
    @DisplayName("F38 F32 a repeated delivery of a blocked inbound counts once and raises no second event")
    void repeatCountsOnce() {
        block(1);
        Instant first = clock.instant();
        turnedAway(phone(1), "one", "spam-1");
        advance(Duration.ofMinutes(5));
        events.clear();

        InboundBlockedException repeat = turnedAway(phone(1), "one", "spam-1");
        turnedAway(phone(1), "two", "spam-2");

        assertThat(repeat.repeat()).isTrue();
        assertThat(eventsOf(InboxEvent.BlockedInboundReceived.class)).hasSize(1);
        assertThat(kit.blocking().blockedLog(account)).containsExactly(
                new BlockedLogEntry(phoneNumber(1), 2, first, clock.instant()));
    }

    @Test
    @DisplayName("F38 an open thread of a blocked number is not resumed: no message, unread, activity or badge moves")
    void openThreadOfBlockedNumberStaysAsItWas() {
        ConversationId id = idOf(receive(phone(1), "before the block"));
        kit.conversations().markRead(account, id);
        Conversation before = kit.conversations().get(account, id);
        InboxCounters counters = kit.inbox().counters(account);
        block(1);
        advance(Duration.ofMinutes(1));
        events.clear();

        turnedAway(phone(1), "after the block", "spam-1");

        assertThat(kit.conversations().get(account, id)).isEqualTo(before);
        assertThat(kit.conversations().messages(account, id, 10)).hasSize(1);
        assertThat(kit.inbox().counters(account)).isEqualTo(counters).isEqualTo(new InboxCounters(1, 0, 0));
        assertThat(eventsOf(InboxEvent.MessageReceived.class)).isEmpty();
    }

    @Test
    @DisplayName("F38 F4 the number is read as intake reads it: a national form blocks the E.164 sender")
    void numberNormalisedAsIntake() {
        Block block = kit.blocking().block(account, "06 12 34 56 78", "harassment", bob);

        assertThat(block.phone()).isEqualTo(new PhoneNumber("+33612345678"));
        assertThat(turnedAway("+33 6 12 34 56 78", "hi", "c-1").phone()).isEqualTo(block.phone());
        assertThat(kit.blocking().find(account, "+33612345678")).contains(block);
    }

    @Test
    @DisplayName("F38 a repeat of a message stored before the block still returns the stored message")
    void repeatOfMessageStoredBeforeTheBlock() {
        ReceivedMessage first = receive(account, phone(1), "hello", "c-1");
        block(1);

        ReceivedMessage repeat = receive(account, phone(1), "hello", "c-1");

        assertThat(repeat.duplicate()).isTrue();
        assertThat(repeat.message().id()).isEqualTo(first.message().id());
        assertThat(kit.blocking().blockedLog(account)).isEmpty();
    }

    @Test
    @DisplayName("F38 unblocking restores new messages only: what was turned away is not delivered later")
    void unblockRestoresNewMessagesOnly() {
        block(1);
        turnedAway(phone(1), "while blocked", "c-1");
        events.clear();

        assertThat(kit.blocking().unblock(account, phone(1), bob)).isTrue();
        ReceivedMessage after = receive(account, phone(1), "after unblock", "c-2");

        assertThat(after.duplicate()).isFalse();
        assertThat(kit.conversations().messages(account, idOf(after), 10)).extracting(m -> m.text())
                .containsExactly("after unblock");
        assertThat(kit.inbox().counters(account)).isEqualTo(new InboxCounters(1, 0, 1));
        assertThat(events.get(0)).isEqualTo(new InboxEvent.ContactUnblocked(account, phoneNumber(1), bob,
                clock.instant()));
        assertThat(eventsOf(InboxEvent.MessageReceived.class)).hasSize(1);
        assertThat(kit.blocking().blockedLog(account)).extracting(BlockedLogEntry::count).containsExactly(1L);
        assertThat(kit.blocking().unblock(account, phone(1), bob)).isFalse();
    }

    @Test
    @DisplayName("F38 recording outbound text to a blocked number is refused with a typed error and stores nothing")
    void outboundToBlockedNumberRefused() {
        ConversationId id = idOf(receive(phone(1), "hello"));
        block(1);

        assertThatThrownBy(() -> send(phone(1), "reply"))
                .isInstanceOfSatisfying(ContactBlockedException.class,
                        e -> assertThat(e.phone()).isEqualTo(phoneNumber(1)))
                .hasMessageNotContaining(phone(1));
        assertThat(kit.conversations().messages(account, id, 10)).hasSize(1);
    }

    @Test
    @DisplayName("F38 blocking is not an opt-out: consent records and subscription state are untouched")
    void blockingLeavesConsentAlone() {
        kit.contacts().unsubscribe(account, phoneNumber(2), alice);
        events.clear();

        block(1);
        block(2);
        kit.blocking().unblock(account, phone(2), alice);

        assertThat(kit.contacts().isOptedOut(account, phoneNumber(1))).isFalse();
        assertThat(kit.contacts().subscriptionHistory(account, phoneNumber(1))).isEmpty();
        assertThat(kit.contacts().isOptedOut(account, phoneNumber(2))).isTrue();
        assertThat(kit.contacts().subscriptionHistory(account, phoneNumber(2))).hasSize(1);
        assertThat(eventsOf(InboxEvent.SubscriptionChanged.class)).isEmpty();
    }

    @Test
    @DisplayName("F38 blocks are listed, found and replaced with their reason and author; events follow each commit")
    void blocksListedAndReplaced() {
        Block first = block(1);
        advance(Duration.ofMinutes(1));
        Block second = kit.blocking().block(account, phone(2), "wrong number", bob);
        advance(Duration.ofMinutes(1));
        Block replaced = kit.blocking().block(account, phone(1), "still abusive", bob);

        assertThat(kit.blocking().blocks(account)).containsExactly(replaced, second);
        assertThat(kit.blocking().find(account, phone(3))).isEmpty();
        assertThat(replaced.reason()).isEqualTo("still abusive");
        assertThat(replaced.blockedBy()).isEqualTo(bob);
        assertThat(events).containsExactly(new InboxEvent.ContactBlocked(account, first),
                new InboxEvent.ContactBlocked(account, second), new InboxEvent.ContactBlocked(account, replaced));
    }

    @Test
    @DisplayName("F38 a refused block changes nothing and raises no event")
    void refusedBlocks() {
        assertThatThrownBy(() -> kit.blocking().block(account, phone(1), " ", alice))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> kit.blocking().block(account, phone(1), "spam", UserId.of("nobody")))
                .isInstanceOf(NoSuchUserException.class);
        assertThatThrownBy(() -> kit.blocking().block(account, "not a number", "spam", alice))
                .isInstanceOf(InvalidPhoneNumberException.class);

        assertThat(kit.blocking().blocks(account)).isEmpty();
        assertThat(events).isEmpty();
        assertThat(receive(phone(1), "not blocked").duplicate()).isFalse();
    }

    @Test
    @DisplayName("F38 F30 the retention purge keeps the blocked log of the window only")
    void retentionPurgesTheLog() {
        block(1);
        turnedAway(phone(1), "old", "c-old");
        advance(AccountSettings.DEFAULT_RETENTION_WINDOW.plusDays(1));
        turnedAway(phone(1), "recent", "c-recent");

        kit.retention().purgeExpired(account);

        assertThat(kit.blocking().blockedLog(account)).containsExactly(
                new BlockedLogEntry(phoneNumber(1), 1, clock.instant(), clock.instant()));
        assertThat(kit.blocking().find(account, phone(1))).isPresent();
    }

    @Test
    @DisplayName("F38 another account neither sees nor touches the blocks and log of this one")
    void tenancy() {
        block(1);
        turnedAway(phone(1), "spam", "c-1");
        AccountId other = newAccount(AccountSettings.builder().defaultRegion("FR").build());
        kit.administration().addUser(other, alice, "Alice Martin");

        assertThat(kit.blocking().blocks(other)).isEmpty();
        assertThat(kit.blocking().blockedLog(other)).isEmpty();
        assertThat(kit.blocking().find(other, phone(1))).isEmpty();
        assertThat(kit.blocking().unblock(other, phone(1), alice)).isFalse();
        ReceivedMessage theirs = receive(other, phone(1), "same number, other account", "c-1");
        assertThat(theirs.duplicate()).isFalse();
        kit.blocking().block(other, phone(2), "theirs", alice);

        assertThat(kit.blocking().find(account, phone(1))).isPresent();
        assertThat(kit.blocking().find(account, phone(2))).isEmpty();
        assertThat(kit.blocking().blockedLog(account)).extracting(BlockedLogEntry::count).containsExactly(1L);
        assertThat(receive(phone(2), "not blocked here").duplicate()).isFalse();
    }
}
