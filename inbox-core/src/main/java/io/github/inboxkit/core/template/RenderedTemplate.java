package io.github.inboxkit.core.template;

import io.github.inboxkit.core.text.SegmentCount;
import java.util.Objects;

/**
 * A template filled for one contact, with what its text costs as SMS (F23, F25).
 *
 * <p>{@link #text()} is the filled text, to insert into a message; {@link #count()} measures it
 * with the counter the template was rendered with (when that counter's smart encoding replaces
 * look-alikes, {@code count().text()} is the text that would be sent). Immutable and thread-safe.
 *
 * @param text the template with its merge fields filled
 * @param count the encoding, segments and remaining room of {@code text}
 */
public record RenderedTemplate(String text, SegmentCount count) {

    /**
     * Creates the value.
     *
     * @throws NullPointerException if an argument is null
     */
    public RenderedTemplate {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(count, "count");
    }

    /** Gives the figures without the text, which is personal data. */
    @Override
    public String toString() {
        return "RenderedTemplate[" + text.length() + " chars, " + count.encoding() + ", "
                + count.segmentCount() + " segments]";
    }
}
