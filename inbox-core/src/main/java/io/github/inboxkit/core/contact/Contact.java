package io.github.inboxkit.core.contact;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.template.MergeFields;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A saved contact: the profile of one phone number of an account (F17). A conversation may exist
 * without a saved contact; the inbox then shows the number.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface Contact {

    /** @return the contact's id */
    ContactId id();

    /** @return the contact's phone number in E.164 form; unique per account */
    PhoneNumber phone();

    /** @return the first name (at most 100 characters) */
    Optional<String> firstName();

    /** @return the last name (at most 100 characters) */
    Optional<String> lastName();

    /**
     * Custom fields by name. Names are 1 to 64 letters, digits, {@code _} or {@code -}.
     *
     * @return the custom fields, possibly empty
     */
    Map<String, CustomFieldValue> customFields();

    /** @return when the contact was saved first */
    Instant createdAt();

    /** @return when the contact was last edited */
    Instant updatedAt();

    /**
     * The full name, first then last name, as search matches it (F8).
     *
     * @return the name, or empty if the contact has neither first nor last name
     */
    default Optional<String> fullName() {
        // computed for every row of an inbox page: plain code, no stream
        String name = firstName().isPresent() && lastName().isPresent()
                ? firstName().get() + " " + lastName().get()
                : firstName().or(this::lastName).orElse("");
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /**
     * The contact as merge fields for a template (F23): the built-in fields {@code firstName},
     * {@code lastName}, {@code fullName} (first then last name) and {@code phone}, and every custom
     * field by its name: text as is, a number in plain notation ({@code 12.50}, never {@code 1.25E+1}),
     * a flag as {@code yes} or {@code no}.
     *
     * @return the merge fields
     */
    default MergeFields mergeFields() {
        Map<String, String> custom = new LinkedHashMap<>();
        customFields().forEach((name, value) -> {
            if (value instanceof CustomFieldValue.Text text) {
                custom.put(name, text.value());
            } else if (value instanceof CustomFieldValue.Number number) {
                custom.put(name, number.value().toPlainString());
            } else if (value instanceof CustomFieldValue.Flag flag) {
                custom.put(name, flag.value() ? "yes" : "no");
            }
        });
        return MergeFields.builder()
                .firstName(firstName())
                .lastName(lastName())
                .fullName(fullName())
                .phone(phone())
                .custom(custom)
                .build();
    }

    /**
     * Starts building a contact.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableContact.Builder builder() {
        return ImmutableContact.builder();
    }

    /** Checks names and custom field names. */
    @Value.Check
    default void check() {
        firstName().ifPresent(name -> Require.identifier(name, "firstName", 100));
        lastName().ifPresent(name -> Require.identifier(name, "lastName", 100));
        Require.argument(customFields().size() <= 100, "customFields", "must have at most 100 fields");
        for (String field : customFields().keySet()) {
            Require.argument(field.matches("[\\p{L}\\p{N}_\\-]{1,64}"), "customFields",
                    "names must be 1 to 64 letters, digits, '_' or '-'");
        }
    }
}
