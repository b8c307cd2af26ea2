package io.github.inboxkit.benchmarks.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline of the corpus benchmark: the way the widely used JavaScript splitter split-sms
 * counts a message, done in Java so that it runs in the same JVM and the same run as the counter.
 * Written from a description of its algorithm, not from its code:
 * <ol>
 *   <li>the whole message is checked against the GSM alphabet, one look-up in a map of
 *       characters per char (split-sms keys a JavaScript object by char code);
 *   <li>GSM text is then walked char by char, each part's text built as the walk goes, two units
 *       for an extension character, a new part at 153 septets;
 *   <li>anything else is walked in UTF-16 code units, a new part at 134 octets, the part's text
 *       cut out of the message;
 *   <li>a text of two parts that fits in one message is merged back into one part.
 * </ol>
 * Like split-sms it does not check for unpaired surrogates and knows no national language tables;
 * it is a yardstick, not a counter to use.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class SplitSmsPort {

    private static final String GSM = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "\f|^€{}[~]\\";

    private static final Map<Integer, Boolean> IN_GSM = new HashMap<>();
    private static final Map<Integer, Boolean> IN_EXTENSION = new HashMap<>();

    static {
        (GSM + EXTENSION).chars().forEach(c -> IN_GSM.put(c, Boolean.TRUE));
        EXTENSION.chars().forEach(c -> IN_EXTENSION.put(c, Boolean.TRUE));
    }

    private SplitSmsPort() {}

    /** One part of the split: its text, its length in chars and its size in the encoding's units. */
    record Part(String content, int length, int bytes) {}

    /** The result: GSM or not, the parts, the units left in the last part. */
    record Result(boolean gsm, List<Part> parts, int remainingInPart) {}

    static Result split(String message) {
        boolean gsm = true;
        for (int i = 0; i < message.length(); i++) {
            if (!Boolean.TRUE.equals(IN_GSM.get((int) message.charAt(i)))) {
                gsm = false;
                break;
            }
        }
        List<Part> parts = gsm ? splitGsm(message) : splitUnicode(message);
        Part last = parts.get(parts.size() - 1);
        int remaining = gsm
                ? (parts.size() == 1 ? 160 : 153) - last.bytes()
                : ((parts.size() == 1 ? 140 : 134) - last.bytes()) / 2;
        return new Result(gsm, parts, remaining);
    }

    private static List<Part> splitGsm(String message) {
        List<Part> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int length = 0;
        int bytes = 0;
        int totalBytes = 0;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (Boolean.TRUE.equals(IN_EXTENSION.get((int) c))) {
                if (bytes == 152) {
                    parts.add(new Part(part.toString(), length, bytes));
                    totalBytes += bytes;
                    part.setLength(0);
                    length = 0;
                    bytes = 0;
                }
                bytes++;
            }
            bytes++;
            length++;
            part.append(c);
            if (bytes == 153) {
                parts.add(new Part(part.toString(), length, bytes));
                totalBytes += bytes;
                part.setLength(0);
                length = 0;
                bytes = 0;
            }
        }
        if (bytes > 0 || parts.isEmpty()) {
            parts.add(new Part(part.toString(), length, bytes));
            totalBytes += bytes;
        }
        if (parts.size() == 2 && totalBytes <= 160) {
            return List.of(new Part(message, message.length(), totalBytes));
        }
        return parts;
    }

    private static List<Part> splitUnicode(String message) {
        List<Part> parts = new ArrayList<>();
        int start = 0;
        int length = 0;
        int bytes = 0;
        int totalBytes = 0;
        for (int i = 0; i < message.length(); i++) {
            if (Character.isHighSurrogate(message.charAt(i))) {
                if (bytes == 132) {
                    parts.add(new Part(message.substring(start, i), length, bytes));
                    totalBytes += bytes;
                    start = i;
                    length = 0;
                    bytes = 0;
                }
                bytes += 2;
                i++;
            }
            bytes += 2;
            length++;
            if (bytes == 134) {
                parts.add(new Part(message.substring(start, i + 1), length, bytes));
                totalBytes += bytes;
                start = i + 1;
                length = 0;
                bytes = 0;
            }
        }
        if (bytes > 0 || parts.isEmpty()) {
            parts.add(new Part(message.substring(Math.min(start, message.length())), length, bytes));
            totalBytes += bytes;
        }
        if (parts.size() == 2 && totalBytes <= 140) {
            return List.of(new Part(message, message.length(), totalBytes));
        }
        return parts;
    }
}
