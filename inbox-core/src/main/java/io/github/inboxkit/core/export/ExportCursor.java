package io.github.inboxkit.core.export;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.conversation.MessageId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Where an export stopped: the creation time and id of the last message a sink completed. An export
 * run with it as {@link ExportRequest#after()} continues with the messages strictly after it in the
 * export's order (creation time, then message id).
 *
 * <p>Hosts keep it as an opaque {@link #token()}. The token carries a checksum, so that a token that
 * was cut, mistyped or edited is refused by {@link #parse} rather than resuming somewhere else. The
 * checksum is no signature: a token is a position in the account's own messages, never a key to
 * another account's, since every read of an export is scoped to the account it runs for.
 *
 * <p>Immutable and thread-safe.
 *
 * @param createdAt the last exported message's creation time
 * @param messageId the last exported message's id
 */
public record ExportCursor(Instant createdAt, MessageId messageId) {

    private static final String VERSION = "e1";

    /** Checks every part is present. */
    public ExportCursor {
        Require.nonNull(createdAt, "createdAt");
        Require.nonNull(messageId, "messageId");
    }

    /**
     * The cursor as an opaque URL-safe token.
     *
     * @return the token
     */
    public String token() {
        String body = VERSION + ":" + createdAt.getEpochSecond() + ":" + createdAt.getNano() + ":" + messageId;
        String plain = body + ":" + Long.toHexString(checksum(body));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a cursor from its token.
     *
     * @param token a token from {@link #token()}
     * @return the cursor
     * @throws io.github.inboxkit.core.MissingValueException if the token is null
     * @throws InvalidValueException if the token was not made by {@link #token()}, or was changed
     *     since (field {@code "cursor"})
     */
    public static ExportCursor parse(String token) {
        Require.nonNull(token, "cursor");
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int last = plain.lastIndexOf(':');
            String body = plain.substring(0, last);
            String[] parts = body.split(":", -1);
            if (parts.length != 4 || !parts[0].equals(VERSION)
                    || Long.parseUnsignedLong(plain.substring(last + 1), 16) != checksum(body)) {
                throw new IllegalArgumentException("not a token of this version");
            }
            Instant createdAt = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            return new ExportCursor(createdAt, new MessageId(UUID.fromString(parts[3])));
        } catch (RuntimeException e) {
            throw new InvalidValueException("cursor",
                    "must be a token an export reported, unchanged; start the export again without it");
        }
    }

    private static long checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    @Override
    public String toString() {
        return token();
    }
}
