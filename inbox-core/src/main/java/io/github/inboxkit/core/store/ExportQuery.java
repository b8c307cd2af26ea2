package io.github.inboxkit.core.store;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.export.ExportCursor;
import io.github.inboxkit.core.label.LabelId;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One keyset page of an export, as {@link ExportRows#readExportPage} reads it: the account's
 * messages created in {@code [from, to)}, strictly after {@link #after()} in the order (creation
 * time, message id), optionally of one contact's number or of the conversations with one label.
 * Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface ExportQuery {

    /** @return the earliest creation time (inclusive) */
    Instant from();

    /** @return the end of the range (exclusive) */
    Instant to();

    /** @return only this number's messages, if given */
    Optional<PhoneNumber> contact();

    /** @return only messages of conversations that carry this label (F35), if given */
    Optional<LabelId> label();

    /** @return only messages strictly after this position, if given */
    Optional<ExportCursor> after();

    /** @return the most messages, at least 1 */
    int limit();

    /**
     * Starts building a query.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableExportQuery.Builder builder() {
        return ImmutableExportQuery.builder();
    }

    /**
     * Whether a message's position lies strictly after {@link #after()}, in the export's order: for
     * stores that filter in code.
     *
     * @param createdAt the message's creation time
     * @param id the message's id
     * @return whether it comes after the cursor (true without one)
     */
    default boolean isAfterCursor(Instant createdAt, MessageId id) {
        return after().map(cursor -> {
            int byTime = createdAt.compareTo(cursor.createdAt());
            return byTime > 0 || (byTime == 0 && id.compareTo(cursor.messageId()) > 0);
        }).orElse(true);
    }

    /**
     * Checks the limit; called by the builder.
     *
     * @throws io.github.inboxkit.core.InvalidValueException if the limit is below 1
     */
    @Value.Check
    default void check() {
        Require.argument(limit() >= 1, "limit", "must be at least 1");
    }
}
