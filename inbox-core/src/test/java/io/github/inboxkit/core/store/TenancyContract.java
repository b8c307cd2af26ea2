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
        assertThat(kit.conversations().get(other, foreign).state()).isEqualTo(theirs.conversation().state());
        assertThat(kit.conversations().get(other, foreign).unreadCount()).isEqualTo(1);
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
