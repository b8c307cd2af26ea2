package io.github.inboxkit.core.contact;

import io.github.inboxkit.core.InboxStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a user fills in on a contact's profile (F17): names and custom fields. Saving replaces the
 * profile with these details.
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
}
