package io.github.inboxkit.core.inbox;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.label.LabelId;
import io.github.inboxkit.core.text.TextPolicy;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the inbox lists: tab (or the snoozed view), assignment filter, read filter, label, search,
 * page size and where the
 * previous page ended. Every attribute has a default ({@code InboxQuery.openTab()} lists the first
 * 50 open conversations).
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public abstract class InboxQuery {

    /** The largest page size. */
    public static final int MAX_LIMIT = 500;

    /** @return the tab (F2); OPEN by default */
    @Value.Default
    public ConversationState tab() {
        return ConversationState.OPEN;
    }

    /**
     * The snoozed view (F37): with the OPEN tab, false lists the open tab (the open conversations
     * that are not snoozed) and true the snoozed view (the snoozed ones). A closed conversation is
     * never snoozed, so with the CLOSED tab it must stay false.
     *
     * @return whether to list the snoozed view; false by default
     */
    @Value.Default
    public boolean snoozed() {
        return false;
    }

    /** @return the assignment filter (F5); all by default */
    @Value.Default
    public AssignmentFilter assignment() {
        return AssignmentFilter.all();
    }

    /** @return the read filter (F7); all by default */
    @Value.Default
    public ReadFilter readFilter() {
        return ReadFilter.ALL;
    }

    /**
     * Search text (F8): matched against contact names, phone digits in any formatting, and message
     * bodies within the retention window. User input is data, never a pattern. Text with the NUL
     * character or an unpaired surrogate is refused when the query is built, with a {@link
     * io.github.inboxkit.core.text.MalformedTextException} (field {@code "search"}).
     *
     * @return the search text, at most 200 characters
     */
    public abstract Optional<String> search();

    /**
     * The label filter (F35): only conversations that carry this label, combined with the tab,
     * assignment, read and search filters; pages stay keyset pages and cursors keep their meaning. A
     * label the account does not have (deleted, or another account's) matches no conversation.
     *
     * @return the label; empty (the default) for conversations with or without labels
     */
    public abstract Optional<LabelId> label();

    /** @return the most rows in a page, 1 to {@link #MAX_LIMIT}; 50 by default */
    @Value.Default
    public int limit() {
        return 50;
    }

    /** @return where the previous page ended; empty for the first page */
    public abstract Optional<InboxCursor> after();

    /**
     * The first page of the open tab with no filter.
     *
     * @return the query
     */
    public static InboxQuery openTab() {
        return builder().build();
    }

    /**
     * The first page of the snoozed view (F37) with no filter: the snoozed conversations, most
     * recently active first.
     *
     * @return the query
     */
    public static InboxQuery snoozedView() {
        return builder().snoozed(true).build();
    }

    /**
     * Starts building a query.
     *
     * @return a new builder, not thread-safe
     */
    public static ImmutableInboxQuery.Builder builder() {
        return ImmutableInboxQuery.builder();
    }

    @Value.Check
    void check() {
        Require.argument(limit() >= 1 && limit() <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT);
        search().ifPresent(text -> Require.argument(text.length() <= 200, "search", "must be at most 200 characters"));
        search().ifPresent(text -> TextPolicy.requireStorable(text, "search"));
        Require.argument(!snoozed() || tab() == ConversationState.OPEN, "snoozed",
                "must be false with the CLOSED tab: only open conversations are snoozed");
    }
}
