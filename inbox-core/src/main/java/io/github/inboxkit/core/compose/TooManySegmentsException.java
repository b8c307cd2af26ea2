package io.github.inboxkit.core.compose;

import io.github.inboxkit.core.InboxException;
import io.github.inboxkit.core.text.Encoding;
import java.util.Objects;

/**
 * A message text that needs more SMS segments than the configured limit allows (F28).
 *
 * <p>Immutable and safe to share between threads.
 */
public final class TooManySegmentsException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final int segments;
    private final int limit;
    private final Encoding encoding;

    TooManySegmentsException(int segments, int limit, Encoding encoding) {
        super(message(segments, limit, encoding));
        this.segments = segments;
        this.limit = limit;
        this.encoding = Objects.requireNonNull(encoding, "encoding");
    }

    private static String message(int segments, int limit, Encoding encoding) {
        String why = encoding == Encoding.UCS_2
                ? " It contains characters outside the GSM alphabet (emoji, some accented letters), which"
                        + " shortens every segment to 67 characters; removing them also helps."
                : "";
        return "The message needs " + segments + " SMS segments but at most " + limit
                + " are allowed: shorten it." + why;
    }

    /**
     * How many segments the text needs.
     *
     * @return the segment count, greater than {@link #limit()}
     */
    public int segments() {
        return segments;
    }

    /**
     * The most segments a message may have.
     *
     * @return the validator's limit
     */
    public int limit() {
        return limit;
    }

    /**
     * The encoding the text was counted in.
     *
     * @return {@code GSM_7} or {@code UCS_2}
     */
    public Encoding encoding() {
        return encoding;
    }
}
