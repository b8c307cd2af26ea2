package io.github.inboxkit.core.compose;

import io.github.inboxkit.core.InboxStyle;
import org.immutables.value.Value;

/**
 * A file attached to a {@link Draft}, as the user gave it: its bytes and the content type it was
 * declared with (by an upload form or an API call). Nothing is checked here; {@link DraftValidator}
 * decides whether it can be sent.
 *
 * <p>Immutable and thread-safe: the bytes are copied in and out.
 */
@InboxStyle
@Value.Immutable
public abstract class Attachment {

    Attachment() {}

    /**
     * Creates an attachment.
     *
     * @param content the file's bytes; copied
     * @param declaredContentType the MIME type it was declared with, e.g. {@code "image/jpeg"}
     * @return the attachment
     * @throws NullPointerException if an argument is null
     */
    public static Attachment of(byte[] content, String declaredContentType) {
        return ImmutableAttachment.of(content, declaredContentType);
    }

    /**
     * The file's bytes.
     *
     * @return a copy of the bytes
     */
    @Value.Parameter
    public abstract byte[] content();

    /**
     * The declared MIME type.
     *
     * @return the type as given
     */
    @Value.Parameter
    public abstract String declaredContentType();

    /** Describes the attachment without its bytes. */
    @Override
    public String toString() {
        return "Attachment[" + declaredContentType() + ", " + content().length + " bytes]";
    }
}
