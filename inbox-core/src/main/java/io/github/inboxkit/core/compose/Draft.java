package io.github.inboxkit.core.compose;

import io.github.inboxkit.core.InboxStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A message a user wants to send, before validation (F28): optional text and at most one optional
 * attachment. A draft may hold anything, even nothing; {@link DraftValidator} decides whether it
 * can be sent.
 *
 * <p>Build with {@link #ofText(String)}, {@link #builder()} or {@code
 * Draft.builder().text("Your receipt").attachment(Attachment.of(bytes, "image/png")).build()}.
 * Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public abstract class Draft {

    Draft() {}

    /**
     * Starts building a draft.
     *
     * @return a new builder, with neither text nor attachment
     */
    public static ImmutableDraft.Builder builder() {
        return ImmutableDraft.builder();
    }

    /**
     * A draft with text only.
     *
     * @param text the message text
     * @return the draft
     * @throws NullPointerException if {@code text} is null
     */
    public static Draft ofText(String text) {
        return builder().text(text).build();
    }

    /**
     * The message text.
     *
     * @return the text as typed, or empty
     */
    public abstract Optional<String> text();

    /**
     * The attached file.
     *
     * @return the attachment, or empty
     */
    public abstract Optional<Attachment> attachment();

    /** Describes the draft without its text, which is personal data. */
    @Override
    public String toString() {
        return "Draft[text: " + text().map(t -> t.length() + " chars").orElse("none")
                + ", attachment: " + attachment().map(Attachment::toString).orElse("none") + "]";
    }
}
