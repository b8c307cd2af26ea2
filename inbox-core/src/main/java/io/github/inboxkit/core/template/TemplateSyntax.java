package io.github.inboxkit.core.template;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a template body into literal text and merge fields once, when the {@link Template} is
 * created; the syntax is documented on {@link Template}.
 */
final class TemplateSyntax {

    /** A piece of a parsed body: literal text or a merge field. */
    sealed interface Part permits Literal, Field {}

    /** Text copied to the output as is (escapes already resolved). */
    record Literal(String text) implements Part {}

    /**
     * A merge field.
     *
     * @param name the trimmed field name
     * @param fallback the trimmed fallback text, or null when the field has none
     * @param position the index of the field's opening braces in the body
     */
    record Field(String name, String fallback, int position) implements Part {}

    private TemplateSyntax() {}

    static List<Part> parse(String templateName, String body) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int n = body.length();
        int i = 0;
        while (i < n) {
            char c = body.charAt(i);
            char next = i + 1 < n ? body.charAt(i + 1) : '\0';
            if (c == '\\' && (next == '{' || next == '}' || next == '\\')) {
                literal.append(next);
                i += 2;
            } else if (c == '{' && next == '{') {
                if (literal.length() > 0) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                i = parseField(templateName, body, i, parts);
            } else if (c == '}' && next == '}') {
                throw new MalformedTemplateException(
                        templateName, i, "'}}' closes no merge field; write \\}} for literal braces");
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(new Literal(literal.toString()));
        }
        return List.copyOf(parts);
    }

    /** Parses the field opening at {@code start}; returns the index after its closing braces. */
    private static int parseField(String templateName, String body, int start, List<Part> parts) {
        int n = body.length();
        StringBuilder name = new StringBuilder();
        StringBuilder fallback = null;
        StringBuilder current = name;
        int j = start + 2;
        while (true) {
            if (j >= n) {
                throw new MalformedTemplateException(templateName, start, "'{{' is never closed by '}}'");
            }
            char c = body.charAt(j);
            char next = j + 1 < n ? body.charAt(j + 1) : '\0';
            if (c == '\\' && (next == '{' || next == '}' || next == '\\' || next == '|')) {
                current.append(next);
                j += 2;
            } else if (c == '}' && next == '}') {
                break;
            } else if (c == '{' && next == '{') {
                throw new MalformedTemplateException(
                        templateName, start, "'{{' is not closed by '}}' before the next '{{' at position " + j);
            } else if (c == '|' && fallback == null) {
                fallback = new StringBuilder();
                current = fallback;
                j++;
            } else {
                current.append(c);
                j++;
            }
        }
        String fieldName = name.toString().strip();
        if (fieldName.isEmpty()) {
            throw new MalformedTemplateException(templateName, start, "a merge field has no name, as in {{firstName}}");
        }
        for (int k = 0; k < fieldName.length(); k++) {
            char c = fieldName.charAt(k);
            if (!Character.isLetterOrDigit(c) && c != '_' && c != '-' && c != '.' && c != ' ') {
                throw new MalformedTemplateException(
                        templateName,
                        start,
                        "the merge field name '" + fieldName + "' may hold only letters, digits, spaces and _ - .");
            }
        }
        parts.add(new Field(fieldName, fallback == null ? null : fallback.toString().strip(), start));
        return j + 2;
    }
}
