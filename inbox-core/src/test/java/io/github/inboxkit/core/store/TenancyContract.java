package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.NoSuchUserException;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.contact.ContactDetails;
import io.github.inboxkit.core.contact.NoSuchContactException;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.NoSuchConversationException;
import io.github.inboxkit.core.conversation.NoSuchMessageException;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.core.inbox.InboxQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract: an id of another account behaves exactly as a missing id (F33). */
public abstract class TenancyContract extends StoreContractSupport {

    private AccountId other;
    private ReceivedMessage theirs;
    private Contact theirContact;

    @BeforeEach
    void otherAccount() {
        other = newAccount(AccountSettings.builder().defaultRegion("FR").build());
        kit.administration().addUser(other, alice, "Alice of the other account");
        theirs = receive(other, phone(1), "their secret", "t1");
        theirContact = kit.contacts().create(other, phone(1), ContactDetails.builder().firstName("Theirs").build());
        kit.contacts().unsubscribe(other, phoneNumber(1), alice);
    }

    @Test
    @DisplayName("F33 another account's conversation, message and contact are not found")
    void foreignIdsAreMissing() {
        ConversationId foreign = theirs.conversation().id();

        assertThatThrownBy(() -> kit.conversations().get(account, foreign))
                .isInstanceOf(NoSuchConversationException.class);
        assertThatThrownBy(() -> kit.conversations().messages(account, foreign, 10))
                .isInstanceOf(NoSuchConversationException.class);
        assertThatThrownBy(() -> kit.conversations().close(account, foreign))
                .isInstanceOf(NoSuchConversationException.class);
        assertThatThrownBy(() -> kit.conversations().markRead(account, foreign))
                .isInstanceOf(NoSuchConversationException.class);
        assertThatThrownBy(() -> kit.conversations().search(account, foreign, "secret"))
                .isInstanceOf(NoSuchConversationException.class);
        assertThatThrownBy(() -> kit.team().assign(account, foreign, alice, alice))
                .isInstanceOf(NoSuchConversationException.class);
        assertThatThrownBy(() -> kit.conversations().markUnread(account, theirs.message().id()))
                .isInstanceOf(NoSuchMessageException.class);
        assertThatThrownBy(() -> kit.contacts().get(account, theirContact.id()))
                .isInstanceOf(NoSuchContactException.class);
        assertThatThrownBy(() -> kit.contacts().createFromConversation(account, foreign, ContactDetails.builder().build()))
                .isInstanceOf(NoSuchConversationException.class);
        assertThatThrownBy(() -> kit.conversations().reopen(account, foreign))
                .isInstanceOf(NoSuchConversationException.class);
        assertThatThrownBy(() -> kit.team().unassign(account, foreign, alice))
                .isInstanceOf(NoSuchConversationException.class);
        assertThatThrownBy(() -> kit.team().ownershipHistory(account, foreign))
                .isInstanceOf(NoSuchConversationException.class);
        assertThatThrownBy(() -> kit.team().typing(account, foreign, alice))
                .isInstanceOf(NoSuchConversationException.class);
        assertThatThrownBy(() -> kit.team().whoIsTyping(account, foreign))
                .isInstanceOf(NoSuchConversationException.class);
        assertThatThrownBy(() -> kit.conversations().messagesBefore(account, foreign, 5, 10))
                .isInstanceOf(NoSuchConversationException.class);
        assertThat(kit.conversations().get(other, foreign).state()).isEqualTo(theirs.conversation().state());
        assertThat(kit.conversations().get(other, foreign).unreadCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("F33 a number's subscription is per account: resubscribing here neither reads nor changes theirs")
    void subscriptionsAreApart() {
        assertThat(kit.contacts().subscriptionHistory(account, phoneNumber(1))).isEmpty();
        assertThat(kit.contacts().resubscribe(account, phoneNumber(1), alice)).isEmpty();

        assertThat(kit.contacts().isOptedOut(other, phoneNumber(1))).isTrue();
        assertThat(kit.contacts().subscriptionHistory(other, phoneNumber(1))).hasSize(1);
        assertThat(kit.contacts().subscriptionHistory(account, phoneNumber(1))).isEmpty();
    }

    @Test
    @DisplayName("F33 a foreign id and a random missing id give the same exception, the same facts and no side effects")
    void foreignLooksExactlyMissing() {
        ConversationId foreign = theirs.conversation().id();
        ConversationId missing = ConversationId.random();
        kit.team().typing(other, foreign, alice);
        io.github.inboxkit.core.inbox.InboxCounters ourCounters = kit.inbox().counters(account);
        io.github.inboxkit.core.inbox.InboxCounters theirCounters = kit.inbox().counters(other);
        var theirBefore = kit.conversations().get(other, foreign);
        events.clear();

        java.util.List<java.util.function.Function<ConversationId, Object>> calls = java.util.List.of(
                id -> kit.conversations().get(account, id),
                id -> kit.conversations().close(account, id),
                id -> kit.conversations().reopen(account, id),
                id -> kit.conversations().markRead(account, id),
                id -> kit.conversations().messagesBefore(account, id, 10, 10),
                id -> kit.team().assign(account, id, alice, alice),
                id -> kit.team().unassign(account, id, alice),
                id -> kit.team().ownershipHistory(account, id),
                id -> kit.team().whoIsTyping(account, id));
        for (java.util.function.Function<ConversationId, Object> call : calls) {
            Throwable forForeign = org.assertj.core.api.Assertions.catchThrowable(() -> call.apply(foreign));
            Throwable forMissing = org.assertj.core.api.Assertions.catchThrowable(() -> call.apply(missing));
            assertThat(forForeign).isExactlyInstanceOf(forMissing.getClass()).isInstanceOf(NoSuchConversationException.class);
            assertThat(((NoSuchConversationException) forForeign).id()).isEqualTo(foreign);
            assertThat(((NoSuchConversationException) forMissing).id()).isEqualTo(missing);
            assertThat(forForeign.getMessage()).isEqualTo(forMissing.getMessage().replace(missing.toString(), foreign.toString()));
        }
        Throwable message = org.assertj.core.api.Assertions.catchThrowable(
                () -> kit.conversations().markUnread(account, theirs.message().id()));
        Throwable randomMessage = org.assertj.core.api.Assertions.catchThrowable(
                () -> kit.conversations().markUnread(account, io.github.inboxkit.core.conversation.MessageId.random()));
        assertThat(message).isExactlyInstanceOf(randomMessage.getClass()).isInstanceOf(NoSuchMessageException.class);
        kit.team().stoppedTyping(account, foreign, alice);

        assertThat(events).isEmpty();
        assertThat(kit.inbox().counters(account)).isEqualTo(ourCounters);
        assertThat(kit.inbox().counters(other)).isEqualTo(theirCounters);
        assertThat(kit.conversations().get(other, foreign)).isEqualTo(theirBefore);
        assertThat(kit.team().whoIsTyping(other, foreign)).containsExactly(alice);
        assertThat(kit.team().ownershipHistory(other, foreign)).isEmpty();
    }

    @Test
    @DisplayName("F10 F33 a missing account is refused as missing before any plan check")
    void missingAccountBeforePlan() {
        io.github.inboxkit.InboxKit solo = kitWith(io.github.inboxkit.core.account.Entitlements.none());
        AccountId nowhere = AccountId.of("no-such-account");
        ConversationId id = ConversationId.random();

        assertThatThrownBy(() -> solo.team().assign(nowhere, id, alice, alice))
                .isInstanceOf(io.github.inboxkit.core.account.NoSuchAccountException.class);
        assertThatThrownBy(() -> solo.team().ownershipHistory(nowhere, id))
                .isInstanceOf(io.github.inboxkit.core.account.NoSuchAccountException.class);
        assertThatThrownBy(() -> solo.team().typing(nowhere, id, alice))
                .isInstanceOf(io.github.inboxkit.core.account.NoSuchAccountException.class);
        assertThatThrownBy(() -> solo.team().stoppedTyping(nowhere, id, alice))
                .isInstanceOf(io.github.inboxkit.core.account.NoSuchAccountException.class);
        assertThatThrownBy(() -> solo.team().whoIsTyping(nowhere, id))
                .isInstanceOf(io.github.inboxkit.core.account.NoSuchAccountException.class);
        assertThatThrownBy(() -> solo.team().assign(account, id, alice, alice))
                .isInstanceOf(io.github.inboxkit.core.account.FeatureNotInPlanException.class);
    }

    @Test
    @DisplayName("F33 listing, search, counters, contacts and opt-outs see only the account's own data")
    void nothingLeaks() {
        assertThat(kit.inbox().list(account, InboxQuery.openTab()).rows()).isEmpty();
        assertThat(kit.inbox().list(account, InboxQuery.builder().search("secret").build()).rows()).isEmpty();
        assertThat(kit.inbox().counters(account).badge()).isZero();
        assertThat(kit.contacts().findByPhone(account, phone(1))).isEmpty();
        assertThat(kit.contacts().isOptedOut(account, phoneNumber(1))).isFalse();
        assertThat(kit.conversations().findByPhone(account, phone(1))).isEmpty();

        ReceivedMessage mine = receive(phone(1), "mine");
        assertThat(mine.conversation().id()).isNotEqualTo(theirs.conversation().id());
        assertThat(kit.inbox().markAllRead(account)).isEqualTo(1);
        assertThat(kit.inbox().counters(other).badge()).isEqualTo(1);
        assertThat(kit.inbox().closeAllRead(account)).isEqualTo(1);
        assertThat(kit.inbox().counters(other).openConversations()).isEqualTo(1);
    }

    @Test
    @DisplayName("F33 a user of another account is not a user of this one")
    void foreignUsers() {
        assertThatThrownBy(() -> kit.administration().user(other, bob)).isInstanceOf(NoSuchUserException.class);
        assertThat(kit.administration().users(other)).extracting(u -> u.displayName())
                .containsExactly("Alice of the other account");
    }
}
