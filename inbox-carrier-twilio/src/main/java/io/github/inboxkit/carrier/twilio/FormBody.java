package io.github.inboxkit.carrier.twilio;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code application/x-www-form-urlencoded} bodies as ordered name/value pairs, repeats kept (Twilio
 * repeats {@code MediaUrl} in requests and signs every pair of a webhook).
 *
 * <p>Decoding is strict where leniency would let garbage through ({@link java.net.URLDecoder}
 * replaces malformed UTF-8 silently): every byte must be printable ASCII, every escape complete,
 * the decoded bytes valid UTF-8, every pair {@code name=value} with a non-empty name. It is
 * lenient about which printable characters arrive unescaped, since encoders differ on that.
 */
final class FormBody {

    private FormBody() {}

    static String encode(List<Map.Entry<String, String>> pairs) {
        StringJoiner body = new StringJoiner("&");
        for (Map.Entry<String, String> pair : pairs) {
            body.add(URLEncoder.encode(pair.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(pair.getValue(), StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /**
     * Decodes a whole body.
     *
     * @throws IllegalArgumentException with a reason that names a position, never the content
     */
    static List<Map.Entry<String, String>> decode(byte[] body) {
        if (body.length == 0) {
            throw new IllegalArgumentException("the body is empty");
        }
        for (int i = 0; i < body.length; i++) {
            if (body[i] < 0x21 || body[i] > 0x7E) {
                throw new IllegalArgumentException("byte " + i + " is not printable ASCII");
            }
        }
        String text = new String(body, StandardCharsets.US_ASCII);
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        int index = 0;
        for (String pair : text.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("pair " + index + " is not name=value");
            }
            pairs.add(new SimpleImmutableEntry<>(component(pair.substring(0, equals), index),
                    component(pair.substring(equals + 1), index)));
            index++;
        }
        return pairs;
    }

    private static String component(String encoded, int pairIndex) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("incomplete or bad escape in pair " + pairIndex);
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(c);
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
}
