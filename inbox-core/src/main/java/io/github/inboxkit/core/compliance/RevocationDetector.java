package io.github.inboxkit.core.compliance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Tells whether an inbound text revokes the sender's consent to be texted, and how: one of the
 * seven mandatory words, a request in natural language, or not a revocation at all.
 *
 * <p><b>Mandatory words.</b> A text made of STOP, QUIT, END, REVOKE, OPT OUT, CANCEL or UNSUBSCRIBE
 * and nothing else but courtesy and filler words, in any case, with any punctuation, emoji,
 * accents or repeated letters around it ({@code "STOP please"}, {@code "Unsubscribe."},
 * {@code "stooop!!"}, {@code "Stop 🙏"}, {@code "opt-out"}, {@code "Cancel, gracias"}) is a
 * {@link RevocationKind#MANDATORY_KEYWORD}, whichever languages the detector was built for.
 *
 * <p><b>Natural language.</b> A text asking, in English, Spanish or French, to stop being
 * texted, to be taken off a list, or saying it wants no more messages ({@code "please stop
 * texting me"}, {@code "ya no me escriban"}, {@code "désabonnez-moi"}) is a {@link
 * RevocationKind#NATURAL_LANGUAGE} revocation, and so is a mandatory word standing as a sentence
 * of its own in a longer reply ({@code "STOP. Who is this?"}). Look-alikes are not: a negation or
 * question shortly before the phrase ({@code "don't stop texting me"}, {@code "no dejen de
 * escribirme"}, {@code "n'arrête pas de m'écrire"}), and phrases that contain a mandatory word but
 * ask nothing of the sender ({@code "stop by the store"}, {@code "can't stop laughing"},
 * {@code "cancel my appointment"}, {@code "end of the month"}). Ambiguous replies such as
 * {@code "not interested"} or {@code "wrong number"} are not revocations here: the detector flags
 * what clearly asks to stop, and the host decides the rest.
 *
 * <p><b>What it does not decide.</b> The verdict says what the text is; whether to opt the sender
 * out at once or have an agent review the message, and how the law that applies reads, are the
 * host's decisions.
 *
 * <p><b>Cost.</b> A detection reads the text once, with constant work per character (no regular
 * expressions, no backtracking), and then tries a few short phrases at each word; it allocates the
 * word buffers of that one text and nothing else (verdicts are prepared when the detector is
 * built). Only the first 400 words of a text are read. The text is never
 * logged or kept.
 *
 * <p>Immutable and thread-safe: build one and share it.
 */
public final class RevocationDetector {

    private static final PhraseRule[] NO_RULES = new PhraseRule[0];

    private static final RevocationDetector STANDARD = new RevocationDetector(EnumSet.allOf(RevocationLanguage.class));

    private final Set<RevocationLanguage> languages;
    private final RuleBook book;
    /** For each word id, the phrases that start with it, in declaration order. */
    private final PhraseRule[][] rulesByFirstWord;
    private final RuleBook.Cues[] cuesByLanguage;

    private RevocationDetector(Set<RevocationLanguage> languages) {
        EnumSet<RevocationLanguage> copy = EnumSet.noneOf(RevocationLanguage.class);
        copy.addAll(languages);
        this.languages = Collections.unmodifiableSet(copy);
        this.book = RevocationRules.standard();
        int size = book.vocabulary.size();
        List<List<PhraseRule>> byWord = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            byWord.add(new ArrayList<>(0));
        }
        for (PhraseRule rule : book.rules) {
            if (!this.languages.contains(rule.language)) {
                continue;
            }
            for (int id = 1; id < size; id++) {
                if (PhraseRule.contains(rule.firstWords(), id)) {
                    byWord.get(id).add(rule);
                }
            }
        }
        this.rulesByFirstWord = new PhraseRule[size][];
        for (int id = 0; id < size; id++) {
            List<PhraseRule> rules = byWord.get(id);
            rulesByFirstWord[id] = rules.isEmpty() ? NO_RULES : rules.toArray(NO_RULES);
        }
        this.cuesByLanguage = new RuleBook.Cues[RevocationLanguage.values().length];
        book.cues.forEach((language, cues) -> cuesByLanguage[language.ordinal()] = cues);
    }

    /**
     * Returns the detector for English, Spanish and French, the one most hosts want.
     *
     * @return the shared detector
     */
    public static RevocationDetector standard() {
        return STANDARD;
    }

    /**
     * Builds a detector that understands natural-language revocations in the given languages only,
     * for an account whose customers write in fewer languages (fewer rules, fewer false
     * revocations). The mandatory words are detected whatever the languages, even with none.
     *
     * @param languages the languages, possibly none
     * @return a new detector; build it once and keep it
     * @throws NullPointerException if {@code languages} or one of its elements is null
     */
    public static RevocationDetector forLanguages(Set<RevocationLanguage> languages) {
        Objects.requireNonNull(languages, "languages");
        languages.forEach(language -> Objects.requireNonNull(language, "languages must not contain null"));
        return new RevocationDetector(languages);
    }

    /**
     * Returns the languages whose natural-language revocations this detector understands.
     *
     * @return an unmodifiable set, possibly empty
     */
    public Set<RevocationLanguage> languages() {
        return languages;
    }

    /**
     * Classifies one inbound text.
     *
     * @param text the text of an inbound message, as received
     * @return the verdict; {@link RevocationVerdict#none()} for an empty text or one that is no revocation
     * @throws NullPointerException if {@code text} is null
     */
    public RevocationVerdict detect(CharSequence text) {
        Objects.requireNonNull(text, "text");
        InboundWords words = InboundWords.read(text, book.vocabulary, book.fillers);
        if (words.count == 0) {
            return RevocationVerdict.none();
        }
        RevocationVerdict keyword = keywordReply(words, 0, words.count, book.keywordVerdicts, book.optOutVerdict);
        if (keyword != null) {
            return keyword;
        }
        int laughing = 0; // 0 not yet known, 1 yes, -1 no: most texts never need to know
        for (int start = 0; start < words.count; start++) {
            for (PhraseRule rule : rulesByFirstWord[words.ids[start]]) {
                if (rule.vetoedByLaughter) {
                    if (laughing == 0) {
                        laughing = laughs(words) ? 1 : -1;
                    }
                    if (laughing > 0) {
                        continue;
                    }
                }
                int end = rule.matchAt(words, start);
                if (end >= 0 && !reversed(rule, words, start) && !restricted(rule, words, end)) {
                    return rule.verdict;
                }
            }
        }
        int sentenceStart = 0;
        for (int end = 1; end <= words.count; end++) {
            if (end == words.count || words.startsSentence(end)) {
                RevocationVerdict inSentence = keywordReply(words, sentenceStart, end,
                        book.keywordInLongerReplyVerdicts, book.optOutInLongerReplyVerdict);
                if (inSentence != null) {
                    return laughs(words) ? RevocationVerdict.none() : inSentence;
                }
                sentenceStart = end;
            }
        }
        return RevocationVerdict.none();
    }

    /**
     * Finds the mandatory word that words {@code from} to {@code to} are, if they are nothing but
     * mandatory words and fillers.
     */
    private RevocationVerdict keywordReply(InboundWords words, int from, int to, RevocationVerdict[] verdicts,
            RevocationVerdict optOut) {
        RevocationVerdict found = null;
        for (int i = from; i < to; i++) {
            int id = words.ids[i];
            RevocationVerdict verdict = verdicts[id];
            if (verdict == null && id == book.opt && i + 1 < to && words.ids[i + 1] == book.out) {
                verdict = optOut;
                i++;
            }
            if (verdict != null) {
                if (found == null) {
                    found = verdict;
                }
            } else if (!PhraseRule.contains(book.fillers, id)) {
                return null;
            }
        }
        return found;
    }

    private boolean laughs(InboundWords words) {
        if (words.laughingEmoji) {
            return true;
        }
        for (int i = 0; i < words.count; i++) {
            if (PhraseRule.contains(book.laughter, words.ids[i])) {
                return true;
            }
        }
        return false;
    }

    /** Whether words right after a matched phrase narrow it to some times ("stop texting me after 9 pm"). */
    private boolean restricted(PhraseRule rule, InboundWords words, int end) {
        long[] restrictions = cuesByLanguage[rule.language.ordinal()].restrictions;
        int limit = Math.min(words.count, end + RuleBook.RESTRICTION_WINDOW);
        for (int i = end; i < limit && !words.startsClause(i); i++) {
            if (PhraseRule.contains(restrictions, words.ids[i])) {
                return true;
            }
        }
        return false;
    }

    /** Whether a negation or a question around a matched phrase reverses it ("don't stop texting me"). */
    private boolean reversed(PhraseRule rule, InboundWords words, int start) {
        RuleBook.Cues cues = cuesByLanguage[rule.language.ordinal()];
        int[] ids = words.ids;
        if (!words.startsClause(start)) {
            if (PhraseRule.contains(cues.immediateVetoes, ids[start - 1])) {
                return true;
            }
            for (int i = start - 1, seen = 0; i >= 0 && seen < RuleBook.NEGATION_WINDOW; i--, seen++) {
                if (PhraseRule.contains(cues.vetoes, ids[i])
                        || (rule.negatable && PhraseRule.contains(cues.negators, ids[i]))) {
                    return true;
                }
                if (words.startsClause(i)) {
                    break;
                }
            }
        }
        int next = start + 1;
        return rule.negatable && next < words.count && !words.startsClause(next)
                && PhraseRule.contains(cues.postNegators, ids[next]);
    }
}
