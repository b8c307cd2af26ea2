package io.github.inboxkit.core.inbox;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.Require;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of the inbox ended, and the instant the walk through the pages started.
 *
 * <h2>Semantics (F1: pages never skip or repeat)</h2>
 *
 * <p>A walk through the pages shows the inbox <em>as it was at its snapshot</em> ({@link
 * #snapshotAt()}, the instant the first page was read). Every conversation of the walk is placed by
 * its <em>activity at or before the snapshot</em>: its last activity time for a conversation that
 * has had no message since, else the time of its last message at or before the snapshot. The pages
 * hold the conversations in the order (that activity descending, id descending), each page strictly
 * after the previous page's last row ({@link #lastActivityAt()}, {@link #conversationId()}). So:
 *
 * <ul>
 *   <li>a conversation that gets a message while the pages are walked keeps its place: it is shown
 *       once, on the page where it was at the snapshot (with its current preview and time);
 *   <li>a conversation started after the snapshot is not part of the walk: it tops a fresh first
 *       page;
 *   <li>tab, assignment, read and search filters apply to the current state of each conversation.
 * </ul>
 *
 * <p>The placement assumes the engine's clock does not go backwards, and a store that shows each
 * transaction's writes to later transactions (read committed). Times are compared at the
 * engine's precision (microseconds): a message stamped with the very instant of the snapshot
 * counts as before it, so if it arrived just after the first page was read, in the same
 * microsecond, its conversation takes that place (at the top) and a walk already past it misses it
 * until the next first page.
 *
 * <p>Hosts pass it around as an opaque {@link #token()}. Immutable and thread-safe.
 *
 * @param lastActivityAt the last row's activity at or before the snapshot
 * @param conversationId the last row's id
 * @param snapshotAt the instant the walk started; {@link Instant#MAX} for a cursor without one,
 *     which later pages follow in the plain order of current activity
 */
public record InboxCursor(Instant lastActivityAt, ConversationId conversationId, Instant snapshotAt) {

    /** Checks every part is present. */
    public InboxCursor {
        Require.nonNull(lastActivityAt, "lastActivityAt");
        Require.nonNull(conversationId, "conversationId");
        Require.nonNull(snapshotAt, "snapshotAt");
    }

    /**
     * A position without a snapshot: the plain keyset order of current activity, as a store lists
     * it ({@link io.github.inboxkit.core.store.ConversationListing#after()}). A conversation that
     * becomes active while pages are walked with such a cursor may be skipped.
     *
     * @param lastActivityAt the last row's activity time
     * @param conversationId the last row's id
     */
    public InboxCursor(Instant lastActivityAt, ConversationId conversationId) {
        this(lastActivityAt, conversationId, Instant.MAX);
    }

    /**
     * The snapshot the walk follows, if the cursor has one.
     *
     * @return the snapshot instant; empty for a cursor made without one
     */
    public Optional<Instant> snapshot() {
        return snapshotAt.equals(Instant.MAX) ? Optional.empty() : Optional.of(snapshotAt);
    }

    /**
     * The cursor as an opaque URL-safe token.
     *
     * @return the token
     */
    public String token() {
        String plain = lastActivityAt.getEpochSecond() + ":" + lastActivityAt.getNano() + ":" + conversationId
                + ":" + snapshotAt.getEpochSecond() + ":" + snapshotAt.getNano();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a cursor from its token (also the three-part tokens of earlier versions, which carry no
     * snapshot).
     *
     * @param token a token from {@link #token()}
     * @return the cursor
     * @throws InvalidValueException if the token was not made by {@link #token()}
     */
    public static InboxCursor parse(String token) {
        Require.nonNull(token, "token");
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", 5);
            if (parts.length != 3 && parts.length != 5) {
                throw new IllegalArgumentException("three or five parts expected");
            }
            Instant snapshot = parts.length == 5
                    ? Instant.ofEpochSecond(Long.parseLong(parts[3]), Long.parseLong(parts[4]))
                    : Instant.MAX;
            return new InboxCursor(
                    Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    ConversationId.parse(parts[2]),
                    snapshot);
        } catch (RuntimeException e) {
            throw new InvalidValueException("cursor", "must be a token returned with a previous page");
        }
    }

    @Override
    public String toString() {
        return token();
    }
}
