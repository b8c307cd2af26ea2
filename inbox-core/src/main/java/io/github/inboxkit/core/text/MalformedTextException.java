package io.github.inboxkit.core.text;

import io.github.inboxkit.core.InboxException;

/**
 * A text that is not well-formed UTF-16 and so cannot be encoded for sending: it holds a lone
 * surrogate, typically because it was cut in the middle of an emoji or another character outside
 * the Basic Multilingual Plane.
 *
 * <p>The message names the position but not the text, which may be personal data.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class MalformedTextException extends InboxException {

    private static final long serialVersionUID = 1L;

    /** Where the unpaired surrogate is, in UTF-16 code units. */
    private final int index;
    /** The unpaired surrogate. */
    private final char codeUnit;

    /**
     * Creates the exception.
     *
     * @param index the index, in UTF-16 code units, of the unpaired surrogate
     * @param codeUnit the unpaired surrogate itself
     */
    public MalformedTextException(int index, char codeUnit) {
        super(String.format(
                "Text is malformed: unpaired surrogate U+%04X at index %d (a character was probably cut in"
                        + " half); remove it or restore the full character",
                (int) codeUnit, index));
        this.index = index;
        this.codeUnit = codeUnit;
    }

    /**
     * Returns where the unpaired surrogate is.
     *
     * @return its index in UTF-16 code units, from 0
     */
    public int index() {
        return index;
    }

    /**
     * Returns the unpaired surrogate.
     *
     * @return a char in the range U+D800 to U+DFFF
     */
    public char codeUnit() {
        return codeUnit;
    }
}
