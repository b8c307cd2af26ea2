package io.github.inboxkit.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RevocationDetectorTest {

    private final RevocationDetector detector = RevocationDetector.standard();

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "STOP please       | STOP",
        "Unsubscribe.      | UNSUBSCRIBE",
        "stop!!            | STOP",
        "Stop 🙏           | STOP",
        "\"  QUIT  \"      | QUIT",
        "end.              | END",
        "Revoke!           | REVOKE",
        "opt-out           | OPT OUT",
        "Opt Out please    | OPT OUT",
        "OPTOUT            | OPT OUT",
        "cancel, gracias   | CANCEL",
        "Stop svp          | STOP",
        "STOOOOP           | STOP",
        "“Stop”            | STOP",
        "Ｓｔｏｐ            | STOP",
        "st\u200Bop        | STOP",
        "No. Stop.         | STOP",
        "stop stop stop    | STOP",
    })
    @DisplayName("F44 the seven mandatory words are detected alone or in a short reply, however written")
    void mandatoryWords(String text, String keyword) {
        RevocationVerdict verdict = detector.detect(text);
        assertThat(verdict.kind()).isEqualTo(RevocationKind.MANDATORY_KEYWORD);
        assertThat(verdict.matchedKeyword()).contains(keyword);
        assertThat(verdict.language()).isEmpty();
        assertThat(verdict.ruleId()).isEqualTo("keyword." + keyword.toLowerCase().replace(' ', '-'));
        assertThat(verdict.isRevocation()).isTrue();
    }

    @ParameterizedTest(name = "[{0}] is {1} by {2}")
    @CsvSource(delimiter = '|', value = {
        "please stop texting me                | ENGLISH | en.stop-sending",
        "unsubscribe me                        | ENGLISH | en.unsubscribe",
        "no more texts                         | ENGLISH | en.no-more",
        "take me off your list                 | ENGLISH | en.remove-me",
        "Don't text me again.                  | ENGLISH | en.dont-text",
        "ya no me escriban                     | SPANISH | es.no-me-escriban",
        "no me manden más mensajes             | SPANISH | es.no-me-escriban",
        "Dejen de escribirme                   | SPANISH | es.dejen-de",
        "quiero darme de baja                  | SPANISH | es.baja",
        "arrêtez de m'écrire                   | FRENCH  | fr.arretez-de",
        "Arrêtez de m’écrire                   | FRENCH  | fr.arretez-de",
        "arre\u0302tez de m'e\u0301crire       | FRENCH  | fr.arretez-de",
        "désabonnez-moi                        | FRENCH  | fr.desabonner",
        "Ne m'écrivez plus                     | FRENCH  | fr.ne-plus",
    })
    @DisplayName("F44 natural-language revocations in English, Spanish and French are detected with their language and rule")
    void naturalLanguage(String text, RevocationLanguage language, String ruleId) {
        RevocationVerdict verdict = detector.detect(text);
        assertThat(verdict.kind()).isEqualTo(RevocationKind.NATURAL_LANGUAGE);
        assertThat(verdict.language()).contains(language);
        assertThat(verdict.ruleId()).isEqualTo(ruleId).startsWith(language.tag() + ".");
        assertThat(verdict.matchedKeyword()).isEmpty();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
        "don't stop", "Don't stop texting me!", "stop by the store", "can't stop laughing", "the bus didn't stop",
        "cancel my appointment", "end of the month", "Why did you stop texting me?", "Please stop texting me after 9pm",
        "no pares", "No dejen de escribirme", "¿Por qué no me escribiste?", "quiero cancelar mi cita",
        "arrête de rire", "N'arrêtez pas de m'écrire", "Tu ne m'écris plus ?", "Je ne veux pas me désabonner",
        "l'arrêt de bus", "Stop 😂 that's hilarious", "not interested", "wrong number", "", "   ", "🙏🙏",
        "...", "START", "opt", "out",
        // once found by the properties: a French rule read English, a gap swallowed the stop verb
        "DON'T STOP THESE TEXTS", "I don't want you to stop these texts", "don\u02BCt stop texting me",
        "don\u2019t stop texting me", "don\uFF07t stop texting me",
    })
    @DisplayName("F44 negations, questions, false friends and ordinary replies are not revocations")
    void lookAlikes(String text) {
        RevocationVerdict verdict = detector.detect(text);
        assertThat(verdict).isEqualTo(RevocationVerdict.none());
        assertThat(verdict.isRevocation()).isFalse();
        assertThat(verdict.language()).isEmpty();
        assertThat(verdict.matchedKeyword()).isEmpty();
    }

    @Test
    @DisplayName("F44 a mandatory word standing as a sentence of a longer reply is a natural-language revocation, unless laughed at")
    void keywordInLongerReply() {
        RevocationVerdict verdict = detector.detect("STOP. Who is this?");
        assertThat(verdict.kind()).isEqualTo(RevocationKind.NATURAL_LANGUAGE);
        assertThat(verdict.ruleId()).isEqualTo("keyword-in-longer-reply");
        assertThat(verdict.matchedKeyword()).contains("STOP");
        assertThat(verdict.language()).isEmpty();

        assertThat(detector.detect("Stop! That's hilarious 😂").isRevocation()).isFalse();
        assertThat(detector.detect("Stop! haha you got me").isRevocation()).isFalse();
    }

    @Test
    @DisplayName("F44 a verdict never carries the inspected text")
    void verdictHoldsNoText() {
        String text = "Zyxwvut please stop texting me, this is +1 555 0100";
        RevocationVerdict verdict = detector.detect(text);
        assertThat(verdict.isRevocation()).isTrue();
        assertThat(verdict.toString() + verdict.ruleDescription() + verdict.ruleId() + verdict.matchedKeyword())
                .doesNotContainIgnoringCase("zyxwvut").doesNotContain("555");
    }

    @Test
    @DisplayName("F44 a detector for some languages skips the others' phrases but always detects the mandatory words")
    void languagesCanBeChosen() {
        RevocationDetector english = RevocationDetector.forLanguages(EnumSet.of(RevocationLanguage.ENGLISH));
        assertThat(english.languages()).containsExactly(RevocationLanguage.ENGLISH);
        assertThat(english.detect("please stop texting me").kind()).isEqualTo(RevocationKind.NATURAL_LANGUAGE);
        assertThat(english.detect("ya no me escriban").isRevocation()).isFalse();
        assertThat(english.detect("désabonnez-moi").isRevocation()).isFalse();

        RevocationDetector none = RevocationDetector.forLanguages(Set.of());
        assertThat(none.languages()).isEmpty();
        assertThat(none.detect("STOP svp").kind()).isEqualTo(RevocationKind.MANDATORY_KEYWORD);
        assertThat(none.detect("please stop texting me").isRevocation()).isFalse();

        assertThat(RevocationDetector.standard().languages()).containsExactlyInAnyOrder(RevocationLanguage.values());
        assertThatThrownBy(() -> english.languages().add(RevocationLanguage.FRENCH))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("F44 null is refused with the name of the parameter")
    void refusesNull() {
        assertThatThrownBy(() -> detector.detect(null)).isInstanceOf(NullPointerException.class).hasMessage("text");
        assertThatThrownBy(() -> RevocationDetector.forLanguages(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("languages");
    }

    @Test
    @DisplayName("F44 long and hostile texts are read in bounded work: only the first words count")
    void longTexts() {
        String filler = "Thanks for the update, see you next week at the shop. ".repeat(2_000);
        assertThat(detector.detect(filler).isRevocation()).isFalse();
        assertThat(detector.detect("Stop texting me. " + filler).ruleId()).isEqualTo("en.stop-sending");
        // past the words a detection reads, a phrase is not seen: the bound is what keeps the cost flat
        assertThat(detector.detect(filler + " Stop texting me.").isRevocation()).isFalse();
        assertThat(detector.detect("stop ".repeat(10_000)).kind()).isEqualTo(RevocationKind.MANDATORY_KEYWORD);
        assertThat(detector.detect("st" + "o".repeat(100_000) + "p").kind()).isEqualTo(RevocationKind.MANDATORY_KEYWORD);
        assertThat(detector.detect("\uD83D".repeat(1_000) + "stop").kind()).isEqualTo(RevocationKind.MANDATORY_KEYWORD);
    }

    @Test
    @DisplayName("F44 one detector serves many threads at once with the same verdicts")
    void threadSafe() throws InterruptedException {
        List<String> texts = List.of("STOP", "please stop texting me", "don't stop", "désabonnez-moi", "ya no me escriban",
                "stop by the store");
        List<RevocationVerdict> expected = texts.stream().map(detector::detect).toList();
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int round = 0; round < 2_000; round++) {
                        for (int i = 0; i < texts.size(); i++) {
                            if (!detector.detect(texts.get(i)).equals(expected.get(i))) {
                                throw new AssertionError("different verdict for text " + i);
                            }
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failure.get()).isNull();
    }

    @Test
    @DisplayName("F44 verdicts are values: equal by kind, language, rule and keyword")
    void verdictsAreValues() {
        assertThat(detector.detect("STOP")).isEqualTo(detector.detect("stop!!")).hasSameHashCodeAs(detector.detect("Stop."));
        assertThat(detector.detect("STOP")).isNotEqualTo(detector.detect("QUIT"));
        assertThat(detector.detect("please stop texting me")).isEqualTo(detector.detect("Quit messaging me"));
        assertThat(RevocationVerdict.none().toString()).isEqualTo("RevocationVerdict{NONE, none}");
        assertThat(detector.detect("désabonnez-moi").toString())
                .isEqualTo("RevocationVerdict{NATURAL_LANGUAGE, fr, fr.desabonner}");
        assertThat(RevocationLanguage.SPANISH.locale().getLanguage()).isEqualTo("es");
    }
}
