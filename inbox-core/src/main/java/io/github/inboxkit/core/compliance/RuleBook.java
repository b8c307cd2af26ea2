package io.github.inboxkit.core.compliance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The compiled rules a {@link RevocationDetector} applies: the known words, the mandatory keywords,
 * the filler words allowed around them, each language's negation cues and its phrase rules.
 * {@link RevocationRules} writes the rules in a small pattern notation; this class turns them into
 * word-id sets once.
 *
 * <p>Pattern notation, words separated by spaces: a slot is one word or several separated by
 * {@code |}, where {@code @name} stands for every word of a class; a slot ending in {@code ?} is
 * optional; {@code *N} before a slot lets up to N other words come before it; {@code ^} first means
 * "at the start of a clause, after fillers only"; {@code $} last means "then nothing but fillers to
 * the end of the sentence". Words are spelled as a text is read: folded, an elided French pronoun
 * apart ({@code "m ecrire"}), an English negation joined ({@code "dont"}).
 *
 * <p>Immutable once built and safe to share between threads.
 */
final class RuleBook {

    /** How many words before a phrase are searched for a negation or a veto: "I don't really want to …". */
    static final int NEGATION_WINDOW = 4;

    /** How many words after a phrase are searched for a restriction: "stop texting me after 9 pm". */
    static final int RESTRICTION_WINDOW = 2;

    final Vocabulary vocabulary;
    final long[] fillers;
    final long[] laughter;
    /** The verdict of each mandatory word's id, null for other ids; "opt out" is {@link #opt} then {@link #out}. */
    final RevocationVerdict[] keywordVerdicts;
    /** The same keywords when they stand as a sentence of a longer reply. */
    final RevocationVerdict[] keywordInLongerReplyVerdicts;
    final int opt;
    final int out;
    final RevocationVerdict optOutVerdict;
    final RevocationVerdict optOutInLongerReplyVerdict;
    final Map<RevocationLanguage, Cues> cues;
    final List<PhraseRule> rules;

    private RuleBook(Builder builder) {
        this.vocabulary = builder.vocabulary.build();
        int size = vocabulary.size();
        this.fillers = builder.bits(builder.fillers, size);
        this.laughter = builder.bits(builder.laughter, size);
        this.keywordVerdicts = new RevocationVerdict[size];
        this.keywordInLongerReplyVerdicts = new RevocationVerdict[size];
        builder.keywords.forEach((id, keyword) -> {
            keywordVerdicts[id] = keywordVerdict(keyword);
            keywordInLongerReplyVerdicts[id] = inLongerReplyVerdict(keyword);
        });
        this.opt = builder.opt;
        this.out = builder.out;
        this.optOutVerdict = keywordVerdict("OPT OUT");
        this.optOutInLongerReplyVerdict = inLongerReplyVerdict("OPT OUT");
        Map<RevocationLanguage, Cues> allCues = new EnumMap<>(RevocationLanguage.class);
        builder.cues.forEach((language, cue) -> allCues.put(language, new Cues(builder.bits(cue.negators, size),
                builder.bits(cue.postNegators, size), builder.bits(cue.vetoes, size),
                builder.bits(cue.immediateVetoes, size), builder.bits(cue.restrictions, size))));
        Map<RevocationLanguage, long[]> gapBreakers = new EnumMap<>(RevocationLanguage.class);
        builder.cues.forEach((language, cue) -> gapBreakers.put(language, builder.bits(cue.gapBreakers, size)));
        this.cues = Map.copyOf(allCues);
        List<PhraseRule> compiled = new ArrayList<>();
        for (Builder.Pattern pattern : builder.patterns) {
            long[][] slots = new long[pattern.slots.size()][];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = builder.bits(pattern.slots.get(i), size);
            }
            compiled.add(new PhraseRule(pattern.language, pattern.verdict, slots, pattern.optional(), pattern.gaps(),
                    gapBreakers.get(pattern.language), pattern.atClauseStart, pattern.atSentenceEnd, pattern.negatable, pattern.vetoedByLaughter));
        }
        this.rules = List.copyOf(compiled);
    }

    private static RevocationVerdict keywordVerdict(String keyword) {
        return new RevocationVerdict(RevocationKind.MANDATORY_KEYWORD, null,
                "keyword." + keyword.toLowerCase(Locale.ROOT).replace(' ', '-'),
                "the mandatory word " + keyword + ", alone or with courtesy words only", keyword);
    }

    private static RevocationVerdict inLongerReplyVerdict(String keyword) {
        return new RevocationVerdict(RevocationKind.NATURAL_LANGUAGE, null, "keyword-in-longer-reply",
                "the mandatory word " + keyword + " as a sentence of its own in a longer reply ('STOP. Who is this?')",
                keyword);
    }

    /** The negation cues of one language. Immutable. */
    static final class Cues {
        /** Words that, shortly before a negatable phrase, reverse it: "don't", "no", "ne". */
        final long[] negators;
        /** Words that, right after a negatable phrase's first word, reverse it: French "arrête pas". */
        final long[] postNegators;
        /** Words that, shortly before any phrase, make it a question or a condition: "why", "if". */
        final long[] vetoes;
        /** Words that, right before any phrase, make its verb a statement about someone: French "tu ne m'écris plus". */
        final long[] immediateVetoes;
        /**
         * Words that, right after a phrase, narrow it to some times ("stop texting me after 9 pm"):
         * a preference about when to text, not a revocation.
         */
        final long[] restrictions;

        Cues(long[] negators, long[] postNegators, long[] vetoes, long[] immediateVetoes, long[] restrictions) {
            this.negators = negators;
            this.postNegators = postNegators;
            this.vetoes = vetoes;
            this.immediateVetoes = immediateVetoes;
            this.restrictions = restrictions;
        }
    }

    /** Collects the rules in pattern notation. Not thread-safe; used once, by {@link RevocationRules}. */
    static final class Builder {

        private final Vocabulary.Builder vocabulary = new Vocabulary.Builder();
        /** The two words of the one mandatory keyword spelled in two words, "opt out". */
        private final int opt = vocabulary.add("opt");
        private final int out = vocabulary.add("out");
        private final Map<String, Set<Integer>> classes = new HashMap<>();
        private final Set<Integer> fillers = new LinkedHashSet<>();
        private final Set<Integer> laughter = new LinkedHashSet<>();
        private final Map<Integer, String> keywords = new HashMap<>();
        private final Map<RevocationLanguage, CueSets> cues = new EnumMap<>(RevocationLanguage.class);
        private final List<Pattern> patterns = new ArrayList<>();
        private final Set<String> ruleIds = new LinkedHashSet<>();

        /** Declares a mandatory word as the rule spells it ("OPT OUT") and the one-word spelling read in texts. */
        Builder keyword(String keyword, String word) {
            keywords.put(vocabulary.add(word), keyword);
            return this;
        }

        /** Declares words that may surround a mandatory word without making it conversation. */
        Builder fillers(String words) {
            fillers.addAll(ids(words));
            return this;
        }

        /** Declares words of laughter, which turn a lone "Stop!" in a longer text into banter. */
        Builder laughter(String words) {
            Set<Integer> ids = ids(words);
            laughter.addAll(ids);
            fillers.addAll(ids);
            return this;
        }

        /** Declares a word class, used in patterns as {@code @name}. */
        Builder words(String name, String words) {
            if (classes.put(name, ids(words)) != null) {
                throw new IllegalArgumentException("word class declared twice: " + name);
            }
            return this;
        }

        /**
         * Declares a language's negation cues (see {@link Cues}) and its gap breakers: words that may
         * not stand in a pattern's gap, because they turn the phrase around ("I don't want you to
         * <em>stop</em> these texts").
         */
        Builder cues(RevocationLanguage language, String negators, String postNegators, String vetoes,
                String immediateVetoes, String restrictions, String gapBreakers) {
            cues.put(language, new CueSets(ids(negators), ids(postNegators), ids(vetoes), ids(immediateVetoes),
                    ids(restrictions), ids(gapBreakers)));
            return this;
        }

        /**
         * Declares a rule: one verdict, matched by any of its patterns.
         *
         * @param language the rule's language
         * @param name the rule's name, prefixed with the language tag to make its id
         * @param description what it detects, with an example, for an agent
         * @param negatable whether a negation shortly before (or, in French, just after its verb) reverses it
         * @param vetoedByLaughter whether laughter anywhere in the text makes it banter
         * @param patterns its patterns in the notation of {@link RuleBook}
         */
        Builder rule(RevocationLanguage language, String name, String description, boolean negatable,
                boolean vetoedByLaughter, String... patterns) {
            String id = language.tag() + "." + name;
            if (!ruleIds.add(id)) {
                throw new IllegalArgumentException("rule declared twice: " + id);
            }
            RevocationVerdict verdict = new RevocationVerdict(RevocationKind.NATURAL_LANGUAGE, language, id,
                    description, null);
            for (String pattern : patterns) {
                this.patterns.add(parse(language, verdict, pattern, negatable, vetoedByLaughter));
            }
            return this;
        }

        RuleBook build() {
            return new RuleBook(this);
        }

        private Pattern parse(RevocationLanguage language, RevocationVerdict verdict, String text, boolean negatable,
                boolean vetoedByLaughter) {
            Pattern pattern = new Pattern(language, verdict, negatable, vetoedByLaughter);
            String[] parts = text.trim().split(" +");
            int gap = 0;
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i];
                if (part.equals("^") && i == 0) {
                    pattern.atClauseStart = true;
                } else if (part.equals("$") && i == parts.length - 1) {
                    pattern.atSentenceEnd = true;
                } else if (part.startsWith("*")) {
                    gap = Integer.parseInt(part.substring(1));
                } else {
                    boolean optional = part.endsWith("?");
                    String alternatives = optional ? part.substring(0, part.length() - 1) : part;
                    if ((optional || gap > 0) && pattern.slots.isEmpty()) {
                        throw new IllegalArgumentException("a pattern's first word is required and has no gap: " + text);
                    }
                    if (optional && gap > 0) {
                        throw new IllegalArgumentException("an optional slot takes no gap: " + text);
                    }
                    Set<Integer> ids = new LinkedHashSet<>();
                    for (String alternative : alternatives.split("\\|")) {
                        if (alternative.startsWith("@")) {
                            Set<Integer> members = classes.get(alternative.substring(1));
                            if (members == null) {
                                throw new IllegalArgumentException("unknown word class " + alternative + " in " + text);
                            }
                            ids.addAll(members);
                        } else {
                            ids.add(vocabulary.add(alternative));
                        }
                    }
                    pattern.slots.add(ids);
                    pattern.optionalSlots.add(optional);
                    pattern.gapSlots.add(gap);
                    gap = 0;
                }
            }
            if (pattern.slots.isEmpty()) {
                throw new IllegalArgumentException("a pattern needs a word: " + text);
            }
            return pattern;
        }

        private Set<Integer> ids(String words) {
            Set<Integer> ids = new LinkedHashSet<>();
            for (String word : words.trim().split(" +")) {
                if (!word.isEmpty()) {
                    ids.add(vocabulary.add(word));
                }
            }
            return ids;
        }

        private long[] bits(Set<Integer> ids, int size) {
            long[] bits = new long[(size + 63) >>> 6];
            for (int id : ids) {
                bits[id >>> 6] |= 1L << id;
            }
            return bits;
        }

        private static final class CueSets {
            final Set<Integer> negators;
            final Set<Integer> postNegators;
            final Set<Integer> vetoes;
            final Set<Integer> immediateVetoes;
            final Set<Integer> restrictions;
            final Set<Integer> gapBreakers;

            CueSets(Set<Integer> negators, Set<Integer> postNegators, Set<Integer> vetoes, Set<Integer> immediateVetoes,
                    Set<Integer> restrictions, Set<Integer> gapBreakers) {
                this.gapBreakers = gapBreakers;
                this.negators = negators;
                this.postNegators = postNegators;
                this.vetoes = vetoes;
                this.immediateVetoes = immediateVetoes;
                this.restrictions = restrictions;
            }
        }

        private static final class Pattern {
            final RevocationLanguage language;
            final RevocationVerdict verdict;
            final boolean negatable;
            final boolean vetoedByLaughter;
            final List<Set<Integer>> slots = new ArrayList<>();
            final List<Boolean> optionalSlots = new ArrayList<>();
            final List<Integer> gapSlots = new ArrayList<>();
            boolean atClauseStart;
            boolean atSentenceEnd;

            Pattern(RevocationLanguage language, RevocationVerdict verdict, boolean negatable, boolean vetoedByLaughter) {
                this.language = language;
                this.verdict = verdict;
                this.negatable = negatable;
                this.vetoedByLaughter = vetoedByLaughter;
            }

            boolean[] optional() {
                boolean[] optional = new boolean[optionalSlots.size()];
                for (int i = 0; i < optional.length; i++) {
                    optional[i] = optionalSlots.get(i);
                }
                return optional;
            }

            int[] gaps() {
                return gapSlots.stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }
}
