package io.github.inboxkit.core.compliance;

/**
 * One compiled phrase of a natural-language rule: a short sequence of word slots, each a set of
 * known-word ids, matched left to right at one position of a text. A slot is either optional
 * (taken when the next word fits, skipped otherwise) or required, with a bounded number of other
 * words allowed before it; a match never backtracks and never crosses a clause boundary, so trying
 * a phrase at a position costs at most its slots times its gaps, whatever the text.
 *
 * <p>Immutable and safe to share between threads.
 */
final class PhraseRule {

    final RevocationLanguage language;
    final RevocationVerdict verdict;
    private final long[][] slots;
    private final boolean[] optional;
    private final int[] gaps;
    /** Words a gap may not hold: a stop verb inside "don't want … texts" turns the phrase around. */
    private final long[] gapBreakers;
    private final boolean atClauseStart;
    private final boolean atSentenceEnd;
    final boolean negatable;
    final boolean vetoedByLaughter;

    PhraseRule(RevocationLanguage language, RevocationVerdict verdict, long[][] slots, boolean[] optional, int[] gaps,
            long[] gapBreakers, boolean atClauseStart, boolean atSentenceEnd, boolean negatable, boolean vetoedByLaughter) {
        this.language = language;
        this.verdict = verdict;
        this.slots = slots;
        this.optional = optional;
        this.gaps = gaps;
        this.gapBreakers = gapBreakers;
        this.atClauseStart = atClauseStart;
        this.atSentenceEnd = atSentenceEnd;
        this.negatable = negatable;
        this.vetoedByLaughter = vetoedByLaughter;
    }

    /** @return the set of ids the phrase's first word must be one of */
    long[] firstWords() {
        return slots[0];
    }

    static boolean contains(long[] set, int id) {
        int index = id >>> 6;
        return index < set.length && (set[index] & (1L << id)) != 0;
    }

    /**
     * Matches the phrase at a position whose word is in {@link #firstWords()}.
     *
     * @param words the text's words
     * @param start the position of the first word
     * @return the position after the phrase's last word, or -1 when the phrase does not match here
     */
    int matchAt(InboundWords words, int start) {
        if (atClauseStart && !words.onlyFillersBefore(start)) {
            return -1;
        }
        int position = start + 1;
        for (int slot = 1; slot < slots.length; slot++) {
            long[] accepted = slots[slot];
            if (optional[slot]) {
                if (position < words.count && !words.startsClause(position)
                        && contains(accepted, words.ids[position])) {
                    position++;
                }
                continue;
            }
            int limit = Math.min(words.count - 1, position + gaps[slot]);
            int found = -1;
            for (int candidate = position; candidate <= limit; candidate++) {
                if (words.startsClause(candidate)) {
                    break;
                }
                if (contains(accepted, words.ids[candidate])) {
                    found = candidate;
                    break;
                }
                if (contains(gapBreakers, words.ids[candidate])) {
                    break;
                }
            }
            if (found < 0) {
                return -1;
            }
            position = found + 1;
        }
        if (atSentenceEnd && !words.onlyFillersFrom(position)) {
            return -1;
        }
        return position;
    }
}
