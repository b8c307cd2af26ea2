package io.github.inboxkit.core.store;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.account.User;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * What {@link InboxPageReader#readInboxPage} read: a listing's conversations with what their rows
 * show of other aggregates, and the account's counters, as of one instant.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface InboxPageRead {

    /**
     * @return the listing's conversations, in its order, as {@link
     *     ConversationRows#listConversations} returns them
     */
    List<Conversation> conversations();

    /**
     * @return the saved contacts of the conversations' numbers, as {@link
     *     ContactRows#findContactsByPhone} returns them (numbers without a contact absent)
     */
    Map<PhoneNumber, Contact> contacts();

    /**
     * @return the users the conversations are assigned to, as {@link TeamRows#findUsers}
     *     returns them (an assignee removed since is absent)
     */
    Map<UserId, User> assignees();

    /** @return the account's counters, as {@link CounterRows#counters} returns them */
    InboxCounters counters();

    /**
     * Starts building a page read.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableInboxPageRead.Builder builder() {
        return ImmutableInboxPageRead.builder();
    }
}
