package io.github.inboxkit.carrier.simulator;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Strict {@code application/x-www-form-urlencoded} encoding and decoding. {@link
 * java.net.URLDecoder} is lenient (it turns malformed UTF-8 into replacement characters), so
 * decoding is done here: only the characters {@link URLEncoder} produces are allowed, every escape
 * must be complete, the bytes must be valid UTF-8, and a key may appear once.
 */
final class FormCodec {

    private FormCodec() {}

    static String encode(Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((key, value) -> body.add(
                URLEncoder.encode(key, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    /**
     * Decodes a whole body.
     *
     * @throws IllegalArgumentException with a reason (never the content) if anything is malformed
     */
    static Map<String, String> decode(byte[] body) {
        if (body.length == 0) {
            throw new IllegalArgumentException("empty body");
        }
        String text = new String(body, StandardCharsets.ISO_8859_1); // byte-for-char; non-ASCII refused below
        Map<String, String> fields = new LinkedHashMap<>();
        int pairIndex = 0;
        for (String pair : text.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || pair.indexOf('=', equals + 1) >= 0) {
                throw new IllegalArgumentException("pair " + pairIndex + " is not key=value");
            }
            String key = decodeComponent(pair.substring(0, equals), pairIndex);
            String value = decodeComponent(pair.substring(equals + 1), pairIndex);
            if (fields.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException("field '" + key + "' appears twice");
            }
            pairIndex++;
        }
        return fields;
    }

    private static String decodeComponent(String component, int pairIndex) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(component.length());
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= component.length()) {
                    throw new IllegalArgumentException("incomplete escape in pair " + pairIndex);
                }
                int high = Character.digit(component.charAt(i + 1), 16);
                int low = Character.digit(component.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("bad escape in pair " + pairIndex);
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (isUnreserved(c)) {
                bytes.write(c);
            } else {
                throw new IllegalArgumentException("character not allowed unescaped in pair " + pairIndex);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("invalid UTF-8 in pair " + pairIndex, e);
        }
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '-' || c == '*' || c == '_';
    }
}
