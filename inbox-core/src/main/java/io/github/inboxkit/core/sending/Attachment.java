package io.github.inboxkit.core.sending;

import java.util.Arrays;
import java.util.Objects;

/**
 * A media file attached to a message (F26): its bytes, and the content type the uploader declared.
 * The type InboxKit uses is decided from the bytes, not from the declaration. Immutable (the bytes
 * are copied in and out) and thread-safe.
 *
 * @param content the file's bytes
 * @param declaredContentType what the uploader said it is, e.g. {@code "image/png"}, empty if unknown
 */
public record Attachment(byte[] content, String declaredContentType) {

    /** Copies the bytes in. */
    public Attachment {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(declaredContentType, "declaredContentType");
        content = content.clone();
    }

    /** @return a copy of the bytes */
    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attachment that && declaredContentType.equals(that.declaredContentType)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(content) + declaredContentType.hashCode();
    }

    @Override
    public String toString() {
        return "Attachment[" + content.length + " bytes, declared " + declaredContentType + "]";
    }
}
