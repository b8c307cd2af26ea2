package io.github.inboxkit.carrier;

import java.util.Objects;
import java.util.regex.Pattern;

/** Argument checks shared by the value types; messages name the argument and the expected shape. */
final class Checks {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    private Checks() {}

    static String nonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    static String e164(String value, String name) {
        Objects.requireNonNull(value, name);
        if (!E164.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    name + " must be an E.164 number such as +14155550123 (a '+', then 2 to 15 digits)");
        }
        return value;
    }

    static boolean isE164(String value) {
        return E164.matcher(value).matches();
    }

    static String mediaType(String value, String name) {
        nonBlank(value, name);
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1 || value.indexOf(' ') >= 0) {
            throw new IllegalArgumentException(name + " must be a media type such as image/png");
        }
        return value;
    }

    static void argument(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
