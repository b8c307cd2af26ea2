package io.github.inboxkit.core.store;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.inbox.AssignmentFilter;
import io.github.inboxkit.core.inbox.InboxCursor;
import io.github.inboxkit.core.inbox.ReadFilter;
import io.github.inboxkit.core.label.LabelId;
import io.github.inboxkit.core.Require;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A page request for {@link ConversationRows#listConversations}, as the store must apply it.
 *
 * <p>The store returns the conversations of the transaction's account with {@code state == state},
 * matching {@link #assignment()} and {@link #readFilter()} (UNREAD: {@code unreadCount > 0}, READ:
 * {@code unreadCount == 0}), with {@code snoozed == snoozed()} if given (F37), with {@code lastActivityAt >= activeSince}, matching {@link #search()}
 * if given, carrying {@link #label()} if given (a label the account does not have matches none), strictly after {@link #after()} if given, ordered by {@code lastActivityAt} descending
 * then id descending (ids compare as unsigned 128-bit numbers, as {@code uuid} columns do), at
 * most {@link #limit()} of them. The store uses only the cursor's position ({@link
 * InboxCursor#lastActivityAt()}, {@link InboxCursor#conversationId()}); the engine places the
 * conversations active since the walk's snapshot itself, with further listings from the top and
 * {@link MessageRows#listMessages}. Suggested index: {@code (account_id, state, last_activity_at
 * DESC, id DESC)}.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface ConversationListing {

    /** @return the tab */
    ConversationState state();

    /** @return the assignment filter */
    AssignmentFilter assignment();

    /** @return the read filter */
    ReadFilter readFilter();

    /**
     * The snooze filter (F37).
     *
     * @return true for snoozed conversations only, false for those not snoozed; empty for both
     */
    Optional<Boolean> snoozed();

    /** @return the search, if any */
    Optional<SearchTerm> search();

    /** @return the label the conversations must carry (F35), if any */
    Optional<LabelId> label();

    /** @return the start of the retention window: older conversations are not listed */
    Instant activeSince();

    /** @return the previous page's last row: list strictly after it */
    Optional<InboxCursor> after();

    /** @return the most conversations to return, at least 1 */
    int limit();

    /**
     * Starts building a listing.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableConversationListing.Builder builder() {
        return ImmutableConversationListing.builder();
    }

    /** Checks the limit. */
    @Value.Check
    default void check() {
        Require.argument(limit() >= 1, "limit", "must be at least 1");
    }
}
