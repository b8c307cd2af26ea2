package io.github.inboxkit.core.template;

import io.github.inboxkit.core.text.MalformedTextException;
import io.github.inboxkit.core.text.SegmentCounter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A saved message template with merge fields, filled from a contact (F23).
 *
 * <h2>Syntax</h2>
 *
 * <ul>
 *   <li><code>&#123;&#123;firstName&#125;&#125;</code> inserts a field; spaces inside the braces
 *       are ignored (<code>&#123;&#123; firstName &#125;&#125;</code>). Names hold letters, digits,
 *       spaces and {@code _ - .}; see {@link MergeFields} for the built-in names.
 *   <li><code>&#123;&#123;firstName|there&#125;&#125;</code> gives a fallback used when the field
 *       is missing or blank; the fallback is trimmed, and may be empty
 *       (<code>&#123;&#123;firstName|&#125;&#125;</code> drops a missing name silently).
 *   <li>A backslash escapes a brace or a backslash: <code>\&#123;&#123;</code> is a literal
 *       <code>&#123;&#123;</code>, <code>\&#125;&#125;</code> a literal <code>&#125;&#125;</code>,
 *       {@code \\} a literal backslash (inside a field, {@code \|} is a literal bar). A backslash
 *       before anything else, and a single brace, are literal text.
 *   <li>An unclosed <code>&#123;&#123;</code>, a <code>&#125;&#125;</code> that closes nothing, and
 *       a field without a valid name are refused when the template is created, with a {@link
 *       MalformedTemplateException} giving the position.
 * </ul>
 *
 * <p>Immutable and thread-safe: the body is parsed once, when the template is created.
 */
public final class Template {

    /** The most characters a template name may have. */
    public static final int MAX_NAME_LENGTH = 100;

    private final String name;
    private final String body;
    private final List<TemplateSyntax.Part> parts;

    private Template(String name, String body, List<TemplateSyntax.Part> parts) {
        this.name = name;
        this.body = body;
        this.parts = parts;
    }

    /**
     * Creates a template, checking its name and the syntax of its body.
     *
     * @param name the name users pick it by, e.g. {@code "Appointment reminder"}; trimmed
     * @param body the text with merge fields, e.g. <code>"Hi &#123;&#123;firstName|there&#125;&#125;!"</code>
     * @return the template
     * @throws InvalidTemplateException if the name is blank or longer than {@value #MAX_NAME_LENGTH}
     *     characters, or the body is blank
     * @throws MalformedTemplateException if the body's merge-field syntax is broken
     * @throws NullPointerException if an argument is null
     */
    public static Template of(String name, String body) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        String trimmedName = name.strip();
        if (trimmedName.isEmpty()) {
            throw new InvalidTemplateException(
                    InvalidTemplateException.Reason.BLANK_NAME, "A template needs a name: give it one.");
        }
        if (trimmedName.length() > MAX_NAME_LENGTH) {
            throw new InvalidTemplateException(
                    InvalidTemplateException.Reason.NAME_TOO_LONG,
                    "A template name has at most " + MAX_NAME_LENGTH + " characters; this one has "
                            + trimmedName.length() + ".");
        }
        if (body.isBlank()) {
            throw new InvalidTemplateException(
                    InvalidTemplateException.Reason.BLANK_BODY,
                    "The template '" + trimmedName + "' has no text: write its message.");
        }
        return new Template(trimmedName, body, TemplateSyntax.parse(trimmedName, body));
    }

    /**
     * The template's name.
     *
     * @return the trimmed name
     */
    public String name() {
        return name;
    }

    /**
     * The template's body as written, with its merge fields and escapes.
     *
     * @return the body
     */
    public String body() {
        return body;
    }

    /**
     * The fields the body refers to, with or without a fallback.
     *
     * @return the distinct field names in order of first use, unmodifiable
     */
    public Set<String> fieldNames() {
        Set<String> names = new LinkedHashSet<>();
        for (TemplateSyntax.Part part : parts) {
            if (part instanceof TemplateSyntax.Field) {
                names.add(((TemplateSyntax.Field) part).name());
            }
        }
        return java.util.Collections.unmodifiableSet(names);
    }

    /**
     * Fills the merge fields, without measuring the result.
     *
     * @param fields the contact's values
     * @return the message text
     * @throws MissingMergeFieldException if a field without fallback is missing or blank in {@code
     *     fields}; it names every such field
     * @throws NullPointerException if {@code fields} is null
     */
    public String fill(MergeFields fields) {
        Objects.requireNonNull(fields, "fields");
        StringBuilder text = new StringBuilder(body.length() + 32);
        List<String> missing = new ArrayList<>();
        for (TemplateSyntax.Part part : parts) {
            if (part instanceof TemplateSyntax.Literal) {
                text.append(((TemplateSyntax.Literal) part).text());
            } else {
                TemplateSyntax.Field field = (TemplateSyntax.Field) part;
                String value = fields.value(field.name()).orElse(field.fallback());
                if (value == null) {
                    if (!missing.contains(field.name())) {
                        missing.add(field.name());
                    }
                } else {
                    text.append(value);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingMergeFieldException(name, missing);
        }
        return text.toString();
    }

    /**
     * Fills the merge fields and measures the text with the standard segment counter (GSM 7-bit or
     * UCS-2, no smart encoding or national tables).
     *
     * @param fields the contact's values
     * @return the text and its segment count
     * @throws MissingMergeFieldException if a field without fallback is missing or blank in {@code
     *     fields}; it names every such field
     * @throws MalformedTextException if a merged value holds an unpaired surrogate
     * @throws NullPointerException if {@code fields} is null
     */
    public RenderedTemplate render(MergeFields fields) {
        return render(fields, SegmentCounter.standard());
    }

    /**
     * Fills the merge fields and measures the text with the account's segment counter.
     *
     * @param fields the contact's values
     * @param counter the counter configured for the account (smart encoding, national tables)
     * @return the text and its segment count
     * @throws MissingMergeFieldException if a field without fallback is missing or blank in {@code
     *     fields}; it names every such field
     * @throws MalformedTextException if a merged value holds an unpaired surrogate
     * @throws NullPointerException if an argument is null
     */
    public RenderedTemplate render(MergeFields fields, SegmentCounter counter) {
        Objects.requireNonNull(counter, "counter");
        String text = fill(fields);
        return new RenderedTemplate(text, counter.count(text));
    }

    /** Templates are equal when their names and bodies are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Template that && name.equals(that.name) && body.equals(that.body);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + body.hashCode();
    }

    /** Gives the name only; bodies may be long. */
    @Override
    public String toString() {
        return "Template[" + name + "]";
    }
}
