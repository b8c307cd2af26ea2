package io.github.inboxkit.core.label;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.Require;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import org.immutables.value.Value;

/**
 * A label an account defines (F35): a name unique in the account regardless of case, and a colour.
 * Conversations carry labels by {@link #id()}, so renaming or recolouring a label changes what
 * every labelled conversation shows at once, and deleting it takes it off every conversation.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface Label {

    /** The longest name, in UTF-16 code units after normalisation. */
    int MAX_NAME_LENGTH = 64;

    /** @return the label's id, unique within the account */
    LabelId id();

    /**
     * The name as shown: trimmed, in Unicode normal form C, 1 to {@link #MAX_NAME_LENGTH}
     * characters, no control characters ({@link #normalizeName}).
     *
     * @return the name, e.g. {@code "VIP"}
     */
    String name();

    /** @return the colour */
    LabelColour colour();

    /** @return when the label was created */
    Instant createdAt();

    /** @return when its name or colour last changed; its creation if never */
    Instant updatedAt();

    /**
     * What makes two names the same label name: {@link #nameKeyOf} of {@link #name()}.
     *
     * @return the name's comparison key
     */
    @Value.Derived
    default String nameKey() {
        return nameKeyOf(name());
    }

    /**
     * Starts building a label.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableLabel.Builder builder() {
        return ImmutableLabel.builder();
    }

    /**
     * Normalises a name as a label keeps it: Unicode normal form C (so that an accented letter typed
     * either way is one name), leading and trailing white space removed.
     *
     * @param name the name as given
     * @return the name as kept
     * @throws io.github.inboxkit.core.InvalidValueException (field {@code "name"}) if it is blank,
     *     longer than {@link #MAX_NAME_LENGTH}, or has a control character or an unpaired surrogate
     * @throws io.github.inboxkit.core.MissingValueException if it is null
     */
    static String normalizeName(String name) {
        String normalized = Normalizer.normalize(Require.nonNull(name, "name"), Normalizer.Form.NFC).strip();
        return Require.identifier(normalized, "name", MAX_NAME_LENGTH);
    }

    /**
     * The key two names are compared by, for the uniqueness of names in an account: the normalised
     * name upper-cased, then lower-cased, in the root locale, so that {@code "VIP"}, {@code "vip"}
     * and {@code "Vip"} are one name, and so are {@code "STRASSE"} and {@code "straße"}.
     *
     * @param name a name as given
     * @return its key
     * @throws io.github.inboxkit.core.InvalidValueException as {@link #normalizeName} does
     * @throws io.github.inboxkit.core.MissingValueException if it is null
     */
    static String nameKeyOf(String name) {
        return normalizeName(name).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** Checks that the name is as {@link #normalizeName} leaves it. */
    @Value.Check
    default void check() {
        Require.argument(normalizeName(name()).equals(name()), "name",
                "must be trimmed and in Unicode normal form C (Label.normalizeName)");
    }
}
