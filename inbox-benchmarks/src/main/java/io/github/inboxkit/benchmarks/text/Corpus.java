package io.github.inboxkit.benchmarks.text;

import io.github.inboxkit.core.text.Encoding;
import io.github.inboxkit.core.text.SegmentCounter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A generated stand-in for the texts a team inbox counts: 3,000 messages, 60 % of them in UCS-2,
 * about 220 chars on average, from a one-word "OK" to a 600-char notice. The same seed always
 * gives the same texts, so that runs compare.
 *
 * <p>What makes a text UCS-2, in the proportions seen in business texting: emoji (the most common
 * cause), typographic quotes and dashes pasted from a word processor, Latin letters outside the GSM
 * alphabet (Spanish, Portuguese, French, Turkish), and whole texts in another script (Cyrillic,
 * Greek, Chinese, Arabic). The GSM texts use the extension table now and then ({@code € [ ] ~}).
 *
 * <p>Immutable once built; safe to share between threads.
 */
final class Corpus {

    /** How many texts. */
    static final int SIZE = 3_000;

    private static final String[] GSM_WORDS = ("hi hello thanks your order is ready for pick-up at the store "
            + "today tomorrow until 6pm see you soon reply STOP to opt out appointment confirmed on Monday "
            + "at 10:30 please call us back when you can we have a table for 4 people @ 7:30 Main Street "
            + "#4821 ok yes no sure great perfect can you send the invoice? payment received, thank you! "
            + "delivery window 2-4pm driver is 10 min away").split(" ");
    private static final String[] EXTENSION = {"€5", "[Main]", "~10 min", "{code}", "a|b", "^"};
    private static final String[] EMOJI = {"😀", "👍", "🎉", "🙂", "❤️", "👍🏽", "🇫🇷", "👨‍👩‍👧‍👦", "🙏", "😂"};
    private static final String[] TYPOGRAPHY = {"’", "“", "”", "—", "–", "…", "\u00A0"};
    /** Each with a letter outside the GSM alphabet. */
    private static final String[] LATIN_WORDS = ("açúcar não será você amanhã ótimo informação está "
            + "garçon reçu bientôt fenêtre teşekkürler yarın görüşürüz brûlée después información "
            + "línea días").split(" ");
    private static final String[][] SCRIPTS = {
        ("Привет ваш заказ готов к выдаче сегодня до шести вечера спасибо что выбрали нас").split(" "),
        ("Γεια σας η παραγγελία σας είναι έτοιμη για παραλαβή σήμερα ευχαριστούμε").split(" "),
        ("您好 您的订单 已经 准备好 了 请 今天 下午 六点 前 来取 谢谢").split(" "),
        ("مرحبا طلبك جاهز للاستلام اليوم حتى الساعة السادسة شكرا لك").split(" "),
    };

    private Corpus() {}

    /**
     * Builds the texts.
     *
     * @return {@link #SIZE} texts, in a fixed order
     */
    static String[] texts() {
        SplittableRandom random = new SplittableRandom(20_2026);
        String[] texts = new String[SIZE];
        for (int i = 0; i < SIZE; i++) {
            boolean ucs2 = i % 5 < 3; // exactly 60 %
            int length = length(random);
            texts[i] = ucs2 ? ucs2Text(random, length) : gsmText(random, length);
        }
        return texts;
    }

    /** Short replies, one-screen messages and long notices: a mean of about 220 chars. */
    private static int length(SplittableRandom random) {
        int kind = random.nextInt(100);
        if (kind < 35) {
            return 2 + random.nextInt(110); // a reply
        }
        if (kind < 75) {
            return 100 + random.nextInt(200); // a message of one or two segments
        }
        return 300 + random.nextInt(340); // a notice, a broadcast
    }

    private static String gsmText(SplittableRandom random, int length) {
        StringBuilder out = new StringBuilder(length + 16);
        while (out.length() < length) {
            if (random.nextInt(40) == 0) {
                out.append(EXTENSION[random.nextInt(EXTENSION.length)]);
            } else {
                out.append(GSM_WORDS[random.nextInt(GSM_WORDS.length)]);
            }
            out.append(' ');
        }
        return cut(out, length);
    }

    private static String ucs2Text(SplittableRandom random, int length) {
        int cause = random.nextInt(100);
        StringBuilder out = new StringBuilder(length + 16);
        if (cause >= 80) {
            String[] words = SCRIPTS[random.nextInt(SCRIPTS.length)];
            while (out.length() < length) {
                out.append(words[random.nextInt(words.length)]).append(' ');
            }
            return cut(out, length);
        }
        String[] extras = cause < 40 ? EMOJI : cause < 65 ? TYPOGRAPHY : LATIN_WORDS;
        // At least one character that forces UCS-2, early or late in the text.
        boolean placed = false;
        while (out.length() < length || !placed) {
            if (random.nextInt(8) == 0 || (!placed && out.length() + 12 >= length)) {
                out.append(extras[random.nextInt(extras.length)]);
                placed = true;
            } else {
                out.append(GSM_WORDS[random.nextInt(GSM_WORDS.length)]);
            }
            out.append(' ');
        }
        return out.toString().strip();
    }

    /** Cuts to {@code length} chars, never through a surrogate pair. */
    private static String cut(StringBuilder text, int length) {
        int end = Math.min(length, text.length());
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).strip();
    }

    /**
     * Prints what the corpus holds: how many texts, the share of UCS-2, the mean length; or, given
     * a file name, writes the texts there as a JSON array of strings (UTF-8), for benchmarks in
     * other languages.
     *
     * @param args nothing, or the file to write
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        String[] texts = texts();
        if (args.length > 0) {
            StringBuilder json = new StringBuilder("[\n");
            for (int i = 0; i < texts.length; i++) {
                json.append(i == 0 ? "" : ",\n").append('"');
                for (char c : texts[i].toCharArray()) {
                    if (c == '"' || c == '\\') {
                        json.append('\\').append(c);
                    } else if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
                json.append('"');
            }
            Files.writeString(Path.of(args[0]), json.append("\n]\n"), StandardCharsets.UTF_8);
            return;
        }
        List<Integer> lengths = new ArrayList<>();
        int ucs2 = 0;
        for (String text : texts) {
            lengths.add(text.length());
            if (SegmentCounter.standard().count(text).encoding() == Encoding.UCS_2) {
                ucs2++;
            }
        }
        double mean = lengths.stream().mapToInt(Integer::intValue).average().orElse(0);
        System.out.printf("%d texts, %.1f %% UCS-2, mean %.1f chars%n", texts.length, 100.0 * ucs2 / texts.length,
                mean);
    }
}
