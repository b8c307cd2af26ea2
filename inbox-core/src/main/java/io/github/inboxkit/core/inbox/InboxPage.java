package io.github.inboxkit.core.inbox;

import io.github.inboxkit.core.InboxStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A page of the inbox: its rows, newest activity first, the account's counters read in the same
 * transaction, and the cursor of the next page.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface InboxPage {

    /** @return the rows, at most the query's limit */
    List<InboxRow> rows();

    /** @return the account's counters (badge, tab counts) */
    InboxCounters counters();

    /** @return the cursor of the next page; empty on the last page */
    Optional<InboxCursor> next();

    /**
     * Starts building a page.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableInboxPage.Builder builder() {
        return ImmutableInboxPage.builder();
    }
}
