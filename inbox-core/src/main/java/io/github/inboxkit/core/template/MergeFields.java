package io.github.inboxkit.core.template;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The values a {@link Template} is filled from: a contact's built-in fields and its custom fields
 * (F23).
 *
 * <p>Built-in field names are {@code firstName}, {@code lastName}, {@code fullName} and {@code
 * phone}; they take precedence over a custom field of the same name. {@code fullName}, when not
 * given, is the first and last names joined by a space (either alone if the other is missing).
 * {@code phone} is rendered in E.164 form. Any other name is looked up, exactly, in {@link
 * #custom()}. A value that is blank counts as missing, and values are inserted without surrounding
 * spaces.
 *
 * <p>Build with {@link #builder()}: {@code MergeFields.builder().firstName("Ana").putCustom("plan",
 * "Gold").build()}. Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public abstract class MergeFields {

    /** The built-in field holding the first name. */
    public static final String FIRST_NAME = "firstName";
    /** The built-in field holding the last name. */
    public static final String LAST_NAME = "lastName";
    /** The built-in field holding the full name. */
    public static final String FULL_NAME = "fullName";
    /** The built-in field holding the phone number. */
    public static final String PHONE = "phone";

    MergeFields() {}

    /**
     * Starts building merge fields.
     *
     * @return a new builder, with every field missing
     */
    public static ImmutableMergeFields.Builder builder() {
        return ImmutableMergeFields.builder();
    }

    /**
     * Merge fields with no value at all, for templates without fields or with fallbacks only.
     *
     * @return an instance where every field is missing
     */
    public static MergeFields empty() {
        return builder().build();
    }

    /**
     * The contact's first name.
     *
     * @return the first name as stored, or empty
     */
    public abstract Optional<String> firstName();

    /**
     * The contact's last name.
     *
     * @return the last name as stored, or empty
     */
    public abstract Optional<String> lastName();

    /**
     * The contact's full name, when stored apart from its first and last names.
     *
     * @return the full name as stored, or empty (then {@code {{fullName}}} joins first and last)
     */
    public abstract Optional<String> fullName();

    /**
     * The contact's phone number.
     *
     * @return the number, or empty
     */
    public abstract Optional<PhoneNumber> phone();

    /**
     * The contact's custom fields by name, such as {@code "appointmentDate"} or {@code "plan"}.
     *
     * @return an unmodifiable map, possibly empty
     */
    public abstract Map<String, String> custom();

    /**
     * The value a template field of this name is filled with.
     *
     * @param field the field name as written in the template, e.g. {@code "firstName"}
     * @return the value without surrounding spaces, or empty when the field is missing or blank
     */
    public Optional<String> value(String field) {
        switch (field) {
            case FIRST_NAME:
                return present(firstName());
            case LAST_NAME:
                return present(lastName());
            case FULL_NAME:
                return present(fullName()).or(this::joinedName);
            case PHONE:
                return phone().map(PhoneNumber::e164);
            default:
                return present(Optional.ofNullable(custom().get(field)));
        }
    }

    private Optional<String> joinedName() {
        Optional<String> first = present(firstName());
        Optional<String> last = present(lastName());
        if (first.isPresent() && last.isPresent()) {
            return Optional.of(first.get() + " " + last.get());
        }
        return first.or(() -> last);
    }

    private static Optional<String> present(Optional<String> value) {
        return value.map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Names the fields that have a value, never the values, which are personal data. */
    @Override
    public String toString() {
        StringBuilder present = new StringBuilder("MergeFields{");
        String separator = "";
        for (String builtIn : new String[] {FIRST_NAME, LAST_NAME, FULL_NAME, PHONE}) {
            if (value(builtIn).isPresent()) {
                present.append(separator).append(builtIn);
                separator = ", ";
            }
        }
        for (String name : custom().keySet()) {
            present.append(separator).append(name);
            separator = ", ";
        }
        return present.append('}').toString();
    }
}
