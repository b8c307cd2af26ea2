package io.github.inboxkit.core.contact;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.text.TextPolicy;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a user fills in on a contact's profile (F17): names and custom fields. Saving replaces the
 * profile with these details. Building them refuses what no store could keep as given (see {@link
 * #check()}).
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface ContactDetails {

    /** @return the first name */
    Optional<String> firstName();

    /** @return the last name */
    Optional<String> lastName();

    /** @return custom fields by name */
    Map<String, CustomFieldValue> customFields();

    /**
     * Starts building details.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableContactDetails.Builder builder() {
        return ImmutableContactDetails.builder();
    }

    /**
     * Checks what no store could keep as given, before anything is written: names and text values
     * with the NUL character or an unpaired surrogate, and numbers beyond the bounds of {@link
     * CustomFieldValue.Number}. Names' lengths and custom field names are checked when the contact
     * is saved.
     *
     * @throws io.github.inboxkit.core.text.MalformedTextException if a name or a text value holds
     *     the NUL character or an unpaired surrogate; its field is {@code "firstName"}, {@code
     *     "lastName"} or {@code "customFields.<name>"}
     * @throws InvalidCustomFieldException if a number is out of bounds
     */
    @Value.Check
    default void check() {
        firstName().ifPresent(name -> TextPolicy.requireStorable(name, "firstName"));
        lastName().ifPresent(name -> TextPolicy.requireStorable(name, "lastName"));
        customFields().forEach((name, value) -> {
            if (value instanceof CustomFieldValue.Text text) {
                TextPolicy.requireStorable(text.value(), "customFields." + name);
            } else if (value instanceof CustomFieldValue.Number number) {
                NumberBounds.check(name, number.value());
            }
        });
    }
}
