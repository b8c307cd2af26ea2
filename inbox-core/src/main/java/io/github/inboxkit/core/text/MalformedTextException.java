package io.github.inboxkit.core.text;

import io.github.inboxkit.core.InboxException;

/**
 * A text that InboxKit refuses because no store could keep it as given: it holds the NUL character
 * (U+0000), which PostgreSQL cannot store in text, or an unpaired surrogate (a half of a character
 * outside the Basic Multilingual Plane, typically left when an emoji was cut in two), which is not
 * well-formed UTF-16 and cannot be encoded for sending or for a database.
 *
 * <p>Text a host or a user gives (drafts, templates, names, custom fields, search terms) is refused
 * with this exception; text a carrier delivers is never refused but repaired (see the text policy
 * described on {@code Message.textRepairs()}).
 *
 * <p>The getters say which field, which character and where, so that a host can point at it; the
 * message names the field and the position but never repeats the text, which may be personal data.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class MalformedTextException extends InboxException {

    private static final long serialVersionUID = 2L;

    /** What is wrong with the character at {@link #index()}. */
    public enum Problem {
        /** The NUL character U+0000, which PostgreSQL cannot store in a text column. */
        NUL_CHARACTER,
        /** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
        UNPAIRED_SURROGATE
    }

    /** The field the text was given for. */
    private final String field;
    /** Where the refused character is, in UTF-16 code units. */
    private final int index;
    /** The refused character. */
    private final char codeUnit;

    /**
     * Creates the exception for an unpaired surrogate in a text whose field is not known (a text
     * being counted or encoded); {@link #field()} is then {@code "text"}.
     *
     * @param index the index, in UTF-16 code units, of the unpaired surrogate
     * @param codeUnit the unpaired surrogate itself
     */
    public MalformedTextException(int index, char codeUnit) {
        this("text", index, codeUnit);
    }

    /**
     * Creates the exception.
     *
     * @param field the name of the field or parameter the text was given for, e.g. {@code "firstName"}
     * @param index the index, in UTF-16 code units, of the refused character
     * @param codeUnit the refused character: U+0000 or a surrogate (U+D800 to U+DFFF)
     */
    public MalformedTextException(String field, int index, char codeUnit) {
        super(message(field, index, codeUnit));
        this.field = field;
        this.index = index;
        this.codeUnit = codeUnit;
    }

    private static String message(String field, int index, char codeUnit) {
        String character = String.format("U+%04X", (int) codeUnit);
        return codeUnit == '\u0000'
                ? String.format("%s is malformed text: the NUL character %s at index %d cannot be stored;"
                        + " remove it", field, character, index)
                : String.format("%s is malformed text: unpaired surrogate %s at index %d (a character was"
                        + " probably cut in half); remove it or restore the full character", field, character, index);
    }

    /**
     * Returns the field the text was given for.
     *
     * @return the field's or parameter's name, e.g. {@code "firstName"}, {@code "customFields.company"}
     *     or {@code "search"}; {@code "text"} for a message's text
     */
    public String field() {
        return field;
    }

    /**
     * Returns where the refused character is.
     *
     * @return its index in UTF-16 code units, from 0
     */
    public int index() {
        return index;
    }

    /**
     * Returns the refused character.
     *
     * @return U+0000 or a char in the range U+D800 to U+DFFF
     */
    public char codeUnit() {
        return codeUnit;
    }

    /**
     * Returns what is wrong with the character.
     *
     * @return {@link Problem#NUL_CHARACTER} for U+0000, else {@link Problem#UNPAIRED_SURROGATE}
     */
    public Problem problem() {
        return codeUnit == '\u0000' ? Problem.NUL_CHARACTER : Problem.UNPAIRED_SURROGATE;
    }

    /**
     * Returns the refused character as Unicode writes it.
     *
     * @return e.g. {@code "U+0000"} or {@code "U+D83D"}
     */
    public String character() {
        return String.format("U+%04X", (int) codeUnit);
    }
}
