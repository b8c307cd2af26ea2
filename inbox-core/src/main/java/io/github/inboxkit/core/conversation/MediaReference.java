package io.github.inboxkit.core.conversation;

import io.github.inboxkit.core.Require;

/**
 * An attachment of a message, by reference: InboxKit stores where the host keeps the bytes, not the
 * bytes themselves.
 *
 * <p>Immutable and thread-safe.
 *
 * @param mimeType the media type, e.g. {@code "image/jpeg"} (1 to 100 characters)
 * @param location where the bytes are, e.g. a carrier URL or a key in the host's object store
 *     (1 to 2000 characters)
 */
public record MediaReference(String mimeType, String location) {

    /**
     * Validates the reference.
     *
     * @throws io.github.inboxkit.core.InvalidValueException if a part is blank or too long
     */
    public MediaReference {
        Require.identifier(mimeType, "mimeType", 100);
        Require.identifier(location, "location", 2000);
    }
}
