package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.store.StoreTransaction;
import java.util.List;

/**
 * Deletes messages of one thread, with their outbox entries, and the thread itself once it has no
 * message left, keeping the counters exact (architecture invariant 7): a deleted unread message
 * lowers its conversation's unread count and, if that reaches zero, the badge; a deleted thread
 * leaves its tab's count. The one way the retention purge (F30) and erasure (F40) delete.
 *
 * <p>Public for the engine's own {@code internal} packages only; no compatibility promise.
 * Stateless and thread-safe.
 */
public final class ThreadDeletion {

    private ThreadDeletion() {}

    /**
     * What one call deleted.
     *
     * @param messages messages deleted
     * @param conversationDeleted whether the thread was deleted, left without a message
     * @param assignmentChanges ownership-history entries deleted with it
     */
    public record Deleted(long messages, boolean conversationDeleted, long assignmentChanges) {}

    /**
     * Deletes messages of a locked conversation, then the conversation if none is left.
     *
     * @param tx the transaction
     * @param conversation the conversation, locked by this transaction, as read
     * @param messages messages of it
     * @param deleteOwnershipHistory whether the ownership history goes with a deleted conversation
     * @return what was deleted
     */
    public static Deleted deleteMessages(StoreTransaction tx, Conversation conversation, List<Message> messages,
            boolean deleteOwnershipHistory) {
        List<MessageId> ids = messages.stream().map(Message::id).toList();
        int unreadDeleted = (int) messages.stream()
                .filter(message -> message.direction() == Direction.INBOUND && !message.read())
                .count();
        long deleted = ids.isEmpty() ? 0 : tx.deleteMessages(conversation.id(), ids);
        boolean hadUnread = conversation.unreadCount() > 0;
        if (!tx.messages().hasMessages(conversation.id())) {
            tx.conversations().deleteConversation(conversation.id());
            boolean open = conversation.state() == ConversationState.OPEN;
            tx.counters().adjustCounters(open ? -1 : 0, open ? 0 : -1, hadUnread ? -1 : 0);
            long history = deleteOwnershipHistory ? tx.conversations().deleteAssignmentHistory(conversation.id()) : 0;
            return new Deleted(deleted, true, history);
        }
        if (unreadDeleted > 0) {
            int unread = Math.max(0, conversation.unreadCount() - unreadDeleted);
            tx.conversations().updateConversation(Conversation.builder().from(conversation).unreadCount(unread).build());
            if (hadUnread && unread == 0) {
                tx.counters().adjustCounters(0, 0, -1);
            }
        }
        return new Deleted(deleted, false, 0);
    }
}
