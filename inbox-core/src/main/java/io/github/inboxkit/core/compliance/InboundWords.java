package io.github.inboxkit.core.compliance;

/**
 * One inbound text read as a sequence of known-word ids, with the sentence and clause boundaries
 * between them. Reading is one pass over the text's code points with constant work per code point
 * (a table load, a hash step, one probe of the vocabulary per word), so that detection costs time
 * linear in the text, whatever the text holds.
 *
 * <p>How a text is read: letters are lower-cased, accents dropped, full-width forms narrowed and a
 * letter typed twice or more in a row counts once ({@code "Stooop"} reads as {@code "stop"},
 * {@code "STOPP"} too; the rules' words are folded the same way). An apostrophe before a final
 * {@code t} joins ({@code "don't"} reads {@code "dont"}, as people also type it); any other
 * apostrophe separates ({@code "m'écrire"} reads {@code "m ecrire"}). Hyphens, quotes, emoji and
 * other symbols separate words; {@code . ! ? ; :}, ellipses, line breaks and Spanish's inverted
 * marks end a sentence; commas and long dashes end a clause. Laughing emoji are remembered.
 *
 * <p>Not thread-safe: one instance per detection, never shared.
 */
final class InboundWords {

    /** Words past this many are not read: a revocation is said early, and the bound caps the work. */
    static final int MAX_WORDS = 400;

    /** A word longer than this is no word the rules know; its extra chars are not kept. */
    private static final int MAX_WORD_LENGTH = 24;

    private static final byte CLAUSE_START = 1;
    private static final byte SENTENCE_START = 2;
    /** Every word of the clause before this one is a filler (or there is none). */
    private static final byte LEADING_FILLERS = 4;
    /** This word and every word after it up to the end of its sentence is a filler. */
    private static final byte TRAILING_FILLERS = 8;

    final int[] ids;
    private final byte[] flags;
    final int count;
    final boolean laughingEmoji;

    private InboundWords(int[] ids, byte[] flags, int count, boolean laughingEmoji) {
        this.ids = ids;
        this.flags = flags;
        this.count = count;
        this.laughingEmoji = laughingEmoji;
    }

    /** Whether word {@code index} opens a clause (every sentence's first word does too). */
    boolean startsClause(int index) {
        return (flags[index] & CLAUSE_START) != 0;
    }

    /** Whether word {@code index} opens a sentence. */
    boolean startsSentence(int index) {
        return (flags[index] & SENTENCE_START) != 0;
    }

    /** Whether the words of word {@code index}'s clause before it are all fillers ("please", "ok"…). */
    boolean onlyFillersBefore(int index) {
        return (flags[index] & LEADING_FILLERS) != 0;
    }

    /** Whether nothing but fillers follows, from {@code index} to the end of its sentence. */
    boolean onlyFillersFrom(int index) {
        return index >= count || startsSentence(index) || (flags[index] & TRAILING_FILLERS) != 0;
    }

    /**
     * Reads a text.
     *
     * @param text the inbound text
     * @param vocabulary the known words
     * @param fillers the ids of courtesy and filler words ("please", "thanks", "svp"…)
     * @return its words
     */
    static InboundWords read(CharSequence text, Vocabulary vocabulary, long[] fillers) {
        int length = text.length();
        int capacity = Math.min(MAX_WORDS, length / 2 + 1);
        int[] ids = new int[capacity];
        byte[] flags = new byte[capacity];
        char[] word = new char[MAX_WORD_LENGTH];
        int wordLength = 0;
        int hash = 0;
        boolean inWord = false;
        boolean overlong = false;
        byte pending = (byte) (CLAUSE_START | SENTENCE_START);
        boolean laughing = false;
        int count = 0;
        int i = 0;
        while (i < length && count < capacity) {
            char first = text.charAt(i);
            int codePoint;
            // most texts are mostly ASCII: one table load folds an ASCII letter to its single char
            char ascii = first < 0x80 ? Folding.foldAscii(first) : 0;
            char[] folded = null;
            if (first < 0x80) {
                codePoint = first;
                i++;
            } else {
                codePoint = Character.codePointAt(text, i);
                i += Character.charCount(codePoint);
                folded = Folding.foldLatin(codePoint);
            }
            // checked first: U+02BC, the modifier letter apostrophe, is a letter to Unicode
            boolean apostrophe = ascii == 0 && folded == null && Folding.isApostrophe(codePoint);
            if (ascii != 0 || folded != null || (!apostrophe && Folding.isOtherLetter(codePoint))) {
                if (!inWord) {
                    inWord = true;
                    wordLength = 0;
                    hash = 0;
                    overlong = false;
                    flags[count] = pending;
                    pending = 0;
                }
                int foldedLength = ascii != 0 ? 1 : folded == null ? 0 : folded.length;
                if (foldedLength == 0) {
                    overlong = true; // a letter of another script: no rule word holds one
                    continue;
                }
                for (int f = 0; f < foldedLength; f++) {
                    char c = ascii != 0 ? ascii : folded[f];
                    if (wordLength > 0 && word[wordLength - 1] == c) {
                        continue;
                    }
                    if (wordLength == MAX_WORD_LENGTH) {
                        overlong = true;
                        break;
                    }
                    word[wordLength++] = c;
                    hash = Vocabulary.step(hash, c);
                }
                continue;
            }
            if (Folding.isIgnorable(codePoint)) {
                continue;
            }
            if (inWord && apostrophe && isFinalT(text, i)) {
                continue; // "don't" reads "dont"
            }
            if (inWord) {
                ids[count++] = overlong ? Vocabulary.UNKNOWN
                        : vocabulary.id(word, wordLength, Vocabulary.spread(hash));
                inWord = false;
            }
            if (Folding.isSentenceBoundary(codePoint)) {
                pending = (byte) (CLAUSE_START | SENTENCE_START);
            } else if (Folding.isClauseBoundary(codePoint)) {
                pending |= CLAUSE_START;
            } else if (Folding.isLaughter(codePoint)) {
                laughing = true;
            }
        }
        if (inWord && count < capacity) {
            ids[count++] = overlong ? Vocabulary.UNKNOWN : vocabulary.id(word, wordLength, Vocabulary.spread(hash));
        }
        markFillers(ids, flags, count, fillers);
        return new InboundWords(ids, flags, count, laughing);
    }

    private static void markFillers(int[] ids, byte[] flags, int count, long[] fillers) {
        boolean leading = true;
        for (int i = 0; i < count; i++) {
            if ((flags[i] & CLAUSE_START) != 0) {
                leading = true;
            }
            if (leading) {
                flags[i] |= LEADING_FILLERS;
            }
            leading &= PhraseRule.contains(fillers, ids[i]);
        }
        boolean trailing = true;
        for (int i = count - 1; i >= 0; i--) {
            if (i + 1 == count || (flags[i + 1] & SENTENCE_START) != 0) {
                trailing = true;
            }
            trailing &= PhraseRule.contains(fillers, ids[i]);
            if (trailing) {
                flags[i] |= TRAILING_FILLERS;
            }
        }
    }

    /** Whether the text continues with a {@code t} that ends the word ("don't", "can't"). */
    private static boolean isFinalT(CharSequence text, int next) {
        if (next >= text.length()) {
            return false;
        }
        char t = text.charAt(next);
        if (t != 't' && t != 'T') {
            return false;
        }
        if (next + 1 >= text.length()) {
            return true;
        }
        int after = Character.codePointAt(text, next + 1);
        return Folding.foldLatin(after) == null && !Folding.isOtherLetter(after) && !Folding.isIgnorable(after);
    }
}
