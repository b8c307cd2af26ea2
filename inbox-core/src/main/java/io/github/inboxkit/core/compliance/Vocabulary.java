package io.github.inboxkit.core.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words the rules know, each with a small integer id, looked up straight from the chars of a
 * word being read (no {@code String} per word): an open-addressing table of folded words.
 * Id 0 stands for every word the rules do not know.
 *
 * <p>Immutable once built and safe to share between threads.
 */
final class Vocabulary {

    /** The id of every word no rule knows. */
    static final int UNKNOWN = 0;

    private final char[][] keys;
    private final int[] ids;
    private final int mask;
    private final List<String> words;

    private Vocabulary(List<String> words) {
        this.words = List.copyOf(words);
        int capacity = Integer.highestOneBit(Math.max(16, words.size() * 4) - 1) << 1;
        this.keys = new char[capacity][];
        this.ids = new int[capacity];
        this.mask = capacity - 1;
        for (int i = 1; i < words.size(); i++) {
            char[] key = words.get(i).toCharArray();
            int slot = hash(key, key.length) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            ids[slot] = i;
        }
    }

    /** Hashes the first {@code length} chars, as {@link InboundWords} does while it reads a word. */
    static int hash(char[] chars, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = step(h, chars[i]);
        }
        return spread(h);
    }

    static int step(int hash, char c) {
        return 31 * hash + c;
    }

    static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /**
     * Returns the id of a word.
     *
     * @param chars a buffer holding the folded word from index 0
     * @param length the word's length
     * @param spreadHash {@link #spread} of the word's hash
     * @return its id, or {@link #UNKNOWN}
     */
    int id(char[] chars, int length, int spreadHash) {
        int slot = spreadHash & mask;
        char[] key;
        while ((key = keys[slot]) != null) {
            if (key.length == length && sameChars(key, chars, length)) {
                return ids[slot];
            }
            slot = (slot + 1) & mask;
        }
        return UNKNOWN;
    }

    private static boolean sameChars(char[] key, char[] chars, int length) {
        for (int i = 0; i < length; i++) {
            if (key[i] != chars[i]) {
                return false;
            }
        }
        return true;
    }

    /** @return how many ids there are, {@link #UNKNOWN} included */
    int size() {
        return words.size();
    }

    /** @return the folded word of an id, for rule descriptions and tests */
    String word(int id) {
        return words.get(id);
    }

    /** Collects words while rules are compiled, then freezes them. Not thread-safe. */
    static final class Builder {

        private final Map<String, Integer> ids = new LinkedHashMap<>();
        private final List<String> words = new ArrayList<>(List.of(""));

        /**
         * Returns the id of a rule word, adding it when new.
         *
         * @param word a rule word, folded by this method
         * @return its id, never {@link #UNKNOWN}
         */
        int add(String word) {
            String folded = Folding.foldWord(word);
            return ids.computeIfAbsent(folded, key -> {
                words.add(key);
                return words.size() - 1;
            });
        }

        /** @return how many ids have been handed out, {@link #UNKNOWN} included */
        int size() {
            return words.size();
        }

        Vocabulary build() {
            return new Vocabulary(words);
        }
    }
}
