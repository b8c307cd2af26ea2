package io.github.inboxkit.core.conversation;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.account.UserId;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of a conversation's ownership history (F13): who had it, who has it now, who made the
 * change and when.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface AssignmentChange {

    /** @return the conversation */
    ConversationId conversationId();

    /** @return the previous assignee; empty if it was unassigned */
    Optional<UserId> previousAssignee();

    /** @return the new assignee; empty for an unassignment */
    Optional<UserId> newAssignee();

    /** @return the user who made the change */
    UserId changedBy();

    /** @return when */
    Instant changedAt();

    /**
     * Starts building a change.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableAssignmentChange.Builder builder() {
        return ImmutableAssignmentChange.builder();
    }
}
