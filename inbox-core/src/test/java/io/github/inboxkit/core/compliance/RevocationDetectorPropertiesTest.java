package io.github.inboxkit.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of the detector over generated texts: the mandatory words survive any writing around
 * them, a negation turns a request into its opposite, and no input makes the detector fail.
 */
class RevocationDetectorPropertiesTest {

    private static final RevocationDetector DETECTOR = RevocationDetector.standard();

    private static final List<String> KEYWORDS =
            List.of("STOP", "QUIT", "END", "REVOKE", "OPT OUT", "CANCEL", "UNSUBSCRIBE");

    /** What people put around a one-word reply: spaces, punctuation, quotes, emoji. */
    private static final List<String> SURROUNDINGS = List.of(" ", "  ", "\t", "\n", ".", "!", "!!!", "?", "...", "…",
            "\"", "“", "”", "'", "’", "(", ")", "-", "*", "🙏", "😡", "🛑", "👍🏽", "\u00A0", "\u200B", ",");

    private static final List<String> COURTESIES = List.of("please", "pls", "thanks", "thank you", "now", "ok",
            "por favor", "gracias", "svp", "merci", "s'il vous plaît", "asap", "all");

    @Provide
    Arbitrary<String> surroundings() {
        return Arbitraries.of(SURROUNDINGS).list().ofMaxSize(4).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> keywords() {
        return Arbitraries.of(KEYWORDS);
    }

    /** A keyword in random case, some of its letters typed more than once. */
    @Provide
    Arbitrary<String> writtenKeywords() {
        return Arbitraries.of(KEYWORDS).flatMap(keyword -> Combinators.combine(
                Arbitraries.of(true, false).list().ofSize(keyword.length()),
                Arbitraries.integers().between(1, 3).list().ofSize(keyword.length())).as((upper, repeats) -> {
                    StringBuilder written = new StringBuilder();
                    for (int i = 0; i < keyword.length(); i++) {
                        char c = keyword.charAt(i);
                        String letter = String.valueOf(upper.get(i) ? c : Character.toLowerCase(c));
                        written.append(Character.isLetter(c) ? letter.repeat(repeats.get(i)) : letter);
                    }
                    return written.toString();
                }));
    }

    @Property
    @Label("F44 a text that is exactly a mandatory word, with any case, whitespace, punctuation or emoji around it, is detected")
    void mandatoryWordAlone(@ForAll("keywords") String keyword, @ForAll("surroundings") String before,
            @ForAll("surroundings") String after, @ForAll boolean lowerCase) {
        String text = before + (lowerCase ? keyword.toLowerCase(Locale.ROOT) : keyword) + after;
        RevocationVerdict verdict = DETECTOR.detect(text);
        assertThat(verdict.kind()).isEqualTo(RevocationKind.MANDATORY_KEYWORD);
        assertThat(verdict.matchedKeyword()).contains(keyword);
    }

    @Property
    @Label("F44 a mandatory word in mixed case with letters typed twice or thrice is still detected")
    void mandatoryWordWrittenCarelessly(@ForAll("writtenKeywords") String keyword, @ForAll("surroundings") String after) {
        assertThat(DETECTOR.detect(keyword + after).kind()).isEqualTo(RevocationKind.MANDATORY_KEYWORD);
    }

    @Property
    @Label("F44 a mandatory word with courtesy words before or after it is detected")
    void mandatoryWordInShortReply(@ForAll("keywords") String keyword, @ForAll("courtesies") String courtesy,
            @ForAll boolean courtesyFirst, @ForAll("surroundings") String separator) {
        String text = courtesyFirst ? courtesy + separator + " " + keyword : keyword + separator + " " + courtesy;
        RevocationVerdict verdict = DETECTOR.detect(text);
        assertThat(verdict.kind()).isEqualTo(RevocationKind.MANDATORY_KEYWORD);
        assertThat(verdict.matchedKeyword()).contains(keyword);
    }

    @Provide
    Arbitrary<String> courtesies() {
        return Arbitraries.of(COURTESIES);
    }

    @Provide
    Arbitrary<String> requests() {
        return Arbitraries.of("stop texting me", "stop sending me messages", "quit messaging me", "stop contacting me",
                "stop these texts", "unsubscribe me", "opt me out", "remove me from your list");
    }

    @Provide
    Arbitrary<String> negations() {
        return Arbitraries.of("don't ", "dont ", "do not ", "never ", "I don't want you to ", "please don't ",
                "you can't ", "I hope you never ", "why did you ", "if you ", "don’t ", "DON'T ", "did you ");
    }

    @Property
    @Label("F44 an English request to stop is detected, and a negation or question before it makes it not a revocation")
    void negationReversesRequest(@ForAll("requests") String request, @ForAll("negations") String negation,
            @ForAll boolean shout, @ForAll("surroundings") String after) {
        String asked = shout ? request.toUpperCase(Locale.ROOT) : request;
        assertThat(DETECTOR.detect(asked + after).kind()).isEqualTo(RevocationKind.NATURAL_LANGUAGE);
        assertThat(DETECTOR.detect(negation + asked + after).isRevocation()).isFalse();
    }

    @Provide
    Arbitrary<String> frenchAndSpanishPairs() {
        return Arbitraries.of(
                "arrêtez de m'écrire|n'arrêtez pas de m'écrire",
                "arrête de m'envoyer des messages|n'arrête jamais de m'envoyer des messages",
                "désabonnez-moi|ne désabonnez pas moi",
                "dejen de escribirme|no dejen de escribirme",
                "deja de mandarme mensajes|nunca dejes de mandarme mensajes",
                "quiero darme de baja|no quiero darme de baja");
    }

    @Property
    @Label("F44 in French and Spanish too, a negation before a request to stop makes it not a revocation")
    void negationReversesRequestInFrenchAndSpanish(@ForAll("frenchAndSpanishPairs") String pair,
            @ForAll("surroundings") String after) {
        String[] parts = pair.split("\\|");
        assertThat(DETECTOR.detect(parts[0] + after).kind()).isEqualTo(RevocationKind.NATURAL_LANGUAGE);
        assertThat(DETECTOR.detect(parts[1] + after).isRevocation()).isFalse();
    }

    @Property
    @Label("F44 any text, however malformed, gets a verdict, the same one every time")
    void anyTextGetsAVerdict(@ForAll String text) {
        RevocationVerdict verdict = DETECTOR.detect(text);
        assertThat(verdict).isNotNull().isEqualTo(DETECTOR.detect(new StringBuilder(text)));
        assertThat(verdict.isRevocation()).isEqualTo(verdict.kind() != RevocationKind.NONE);
    }
}
