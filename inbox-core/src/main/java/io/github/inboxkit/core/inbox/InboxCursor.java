package io.github.inboxkit.core.inbox;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.conversation.ConversationId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Where a page of the inbox ended: the last row's activity time and id. The next page holds the
 * conversations strictly after it in the order (activity time descending, id descending), so pages
 * neither skip nor repeat rows while other conversations receive messages (keyset pagination).
 *
 * <p>Hosts pass it around as an opaque {@link #token()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lastActivityAt the last row's activity time
 * @param conversationId the last row's id
 */
public record InboxCursor(Instant lastActivityAt, ConversationId conversationId) {

    /** Checks both parts are present. */
    public InboxCursor {
        Objects.requireNonNull(lastActivityAt, "lastActivityAt");
        Objects.requireNonNull(conversationId, "conversationId");
    }

    /**
     * The cursor as an opaque URL-safe token.
     *
     * @return the token
     */
    public String token() {
        String plain = lastActivityAt.getEpochSecond() + ":" + lastActivityAt.getNano() + ":" + conversationId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a cursor from its token.
     *
     * @param token a token from {@link #token()}
     * @return the cursor
     * @throws InvalidValueException if the token was not made by {@link #token()}
     */
    public static InboxCursor parse(String token) {
        Objects.requireNonNull(token, "token");
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("three parts expected");
            }
            return new InboxCursor(
                    Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    ConversationId.parse(parts[2]));
        } catch (RuntimeException e) {
            throw new InvalidValueException("cursor", "must be a token returned with a previous page");
        }
    }

    @Override
    public String toString() {
        return token();
    }
}
