package io.github.inboxkit.core.template;

import io.github.inboxkit.core.InboxException;
import java.util.List;
import java.util.Objects;

/**
 * A template needs a merge field that the contact does not have (absent or blank) and that has no
 * fallback (F23).
 *
 * <p>{@link #field()} names the first such field, {@link #missingFields()} all of them, so that a
 * user can fill them in at once. Immutable and safe to share between threads.
 */
public final class MissingMergeFieldException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final String templateName;
    private final List<String> missingFields;

    MissingMergeFieldException(String templateName, List<String> missingFields) {
        super(message(templateName, missingFields));
        this.templateName = Objects.requireNonNull(templateName, "templateName");
        this.missingFields = List.copyOf(missingFields);
        if (this.missingFields.isEmpty()) {
            throw new IllegalArgumentException("missingFields must not be empty");
        }
    }

    private static String message(String templateName, List<String> fields) {
        String first = fields.get(0);
        String which = fields.size() == 1 ? "the field '" + first + "'" : "the fields '" + String.join("', '", fields) + "'";
        return "The template '" + templateName + "' needs " + which
                + ", which this contact does not have: fill it in, or give the template a fallback such as {{"
                + first + "|…}}.";
    }

    /**
     * The name of the template being filled.
     *
     * @return the template's name
     */
    public String templateName() {
        return templateName;
    }

    /**
     * The first missing field in the template's order.
     *
     * @return the field name as written in the template, e.g. {@code "firstName"}
     */
    public String field() {
        return missingFields.get(0);
    }

    /**
     * Every missing field without a fallback, each once, in the template's order.
     *
     * @return an unmodifiable, non-empty list
     */
    public List<String> missingFields() {
        return missingFields;
    }
}
