package io.github.inboxkit.core.export;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.label.LabelId;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What to export (F39): the messages created in {@code [from, to)}, optionally only those of one
 * contact's number, from the start or after a cursor, read {@link #pageSize()} at a time.
 *
 * <p>{@code ExportRequest.between(from, to)} is the whole account for a period; the builder adds
 * the rest. A builder refuses a missing bound with a {@link io.github.inboxkit.core.MissingValueException}
 * and a bad value with an {@link io.github.inboxkit.core.InvalidValueException} naming it. Immutable
 * and thread-safe.
 */
@InboxStyle
@Value.Immutable
public abstract class ExportRequest {

    /** The default {@link #pageSize()}. */
    public static final int DEFAULT_PAGE_SIZE = 500;

    /** The largest {@link #pageSize()}: a page is held in memory while the sink writes it. */
    public static final int MAX_PAGE_SIZE = 10_000;

    /** @return the earliest creation time exported (inclusive) */
    public abstract Instant from();

    /** @return the end of the range (exclusive); after {@link #from()} */
    public abstract Instant to();

    /** @return only the messages of this contact's number, if given */
    public abstract Optional<PhoneNumber> contact();

    /**
     * Only the messages of conversations that carry this label (F35) when they are read, if given;
     * a label the account does not have selects nothing.
     *
     * @return the label, if given
     */
    public abstract Optional<LabelId> label();

    /** @return resume strictly after this position, from a previous run's progress */
    public abstract Optional<ExportCursor> after();

    /** @return how many messages are read in one transaction and written as one page; 500 by default */
    @Value.Default
    public int pageSize() {
        return DEFAULT_PAGE_SIZE;
    }

    /**
     * Every message of the account created in {@code [from, to)}.
     *
     * @param from the earliest creation time (inclusive)
     * @param to the end of the range (exclusive), after {@code from}
     * @return the request
     * @throws io.github.inboxkit.core.MissingValueException if a bound is null
     * @throws io.github.inboxkit.core.InvalidValueException if {@code to} is not after {@code from}
     */
    public static ExportRequest between(Instant from, Instant to) {
        return builder().from(from).to(to).build();
    }

    /**
     * Starts building a request.
     *
     * @return a new builder, not thread-safe
     */
    public static ImmutableExportRequest.Builder builder() {
        return ImmutableExportRequest.builder();
    }

    /**
     * The same request, resuming after a cursor.
     *
     * @param cursor where a previous run stopped
     * @return the request resuming there
     */
    public ExportRequest resumingAfter(ExportCursor cursor) {
        return ImmutableExportRequest.copyOf(this).withAfter(Require.nonNull(cursor, "cursor"));
    }

    @Value.Check
    void check() {
        Require.argument(to().isAfter(from()), "to", "must be after from (" + from() + ")");
        Require.argument(pageSize() >= 1 && pageSize() <= MAX_PAGE_SIZE, "pageSize",
                "must be between 1 and " + MAX_PAGE_SIZE);
    }
}
