package io.github.inboxkit.core.label;

import io.github.inboxkit.core.Require;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A label's colour as a CSS hex colour, {@code #RRGGBB}, kept upper-cased ({@code "#1a7f37"} is
 * {@code "#1A7F37"}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param hex the colour, {@code '#'} and six hexadecimal digits, upper-cased
 */
public record LabelColour(String hex) {

    // before DEFAULT, which the constructor checks with it
    private static final Pattern HEX = Pattern.compile("#[0-9A-F]{6}");

    /** The colour of a label created without one: a neutral grey, {@code #6B7280}. */
    public static final LabelColour DEFAULT = new LabelColour("#6B7280");

    /**
     * Checks the form.
     *
     * @throws io.github.inboxkit.core.InvalidValueException (field {@code "colour"}) if it is not
     *     {@code '#'} and six upper-case hexadecimal digits; {@link #of} accepts lower case
     * @throws io.github.inboxkit.core.MissingValueException if it is null
     */
    public LabelColour {
        Require.nonNull(hex, "colour");
        Require.argument(HEX.matcher(hex).matches(), "colour", "must be '#' and six hexadecimal digits, e.g. #1A7F37");
    }

    /**
     * Reads a colour in either case.
     *
     * @param hex {@code '#'} and six hexadecimal digits, e.g. {@code "#1a7f37"}
     * @return the colour, upper-cased
     * @throws io.github.inboxkit.core.InvalidValueException (field {@code "colour"}) for another form
     * @throws io.github.inboxkit.core.MissingValueException if it is null
     */
    public static LabelColour of(String hex) {
        return new LabelColour(Require.nonNull(hex, "colour").strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return hex;
    }
}
