package io.github.inboxkit.core.text;

/**
 * The counting loops, kept free of allocation so that {@link SegmentCounter#count} allocates only
 * its result. Each loop returns its three figures packed in one {@code long}:
 * bits 32-62 the total (septets, or surrogate pairs for UCS-2), bits 8-31 the segments, bits 0-7
 * the units used in the last segment. Texts are at most {@link #MAX_LENGTH} chars, so the total
 * stays below 2^31, the segments below 2^24 and a segment below 2^8 units.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class Tally {

    /** The longest text counted: keeps every figure of {@link #pack} in its bits. */
    static final int MAX_LENGTH = (1 << 30) - 1;

    static final int UCS2_SINGLE_CAPACITY = 70;
    static final int UCS2_CONCATENATED_CAPACITY = 67;

    /**
     * Chars are copied into a per-thread buffer in blocks and read from there: a loop over a
     * {@code char[]} compiles to plain loads, while {@code String.charAt} in a loop pays for its
     * Latin-1/UTF-16 dispatch and bounds check at every char (measured at 2 to 6 times slower once
     * both kinds of string pass through). The copy itself is a vectorised intrinsic. A block holds
     * at least one segment's worth of chars.
     */
    private static final int BLOCK = SeptetTable.MAX_RUN;

    /** Chars summed between two checks for a char that cannot be written. */
    private static final int CHUNK = 32;

    private static final ThreadLocal<char[]> BUFFERS = ThreadLocal.withInitial(() -> new char[BLOCK]);

    private Tally() {}

    static long pack(long total, int segments, int usedInLast) {
        return total << 32 | (long) segments << 8 | usedInLast;
    }

    static int total(long tally) {
        return (int) (tally >>> 32);
    }

    static int segments(long tally) {
        return (int) (tally >>> 8) & 0xFF_FFFF;
    }

    static int usedInLast(long tally) {
        return (int) tally & 0xFF;
    }

    /**
     * Counts {@code text} (not empty) in septets with {@code table}, splitting it greedily into
     * segments so that no escape pair straddles a boundary.
     *
     * <p>Runs of chars are summed with no test per char; a sum over twice the run's length means
     * a char that cannot be written (see {@link SeptetTable#cost}), and only then is the run
     * searched for it. A text of up to a block (most messages) is copied once and summed in one
     * loop; it is split, a second loop over the copy, only when over one message. A longer text goes
     * in rounds: each sums as many chars as the room left in the segment could hold if they all
     * took one septet, with no boundary test; when escapes make the sum overflow, it gives back
     * chars from the end until it fits (a handful at most). Every char is then read about once.
     *
     * @return the packed tally, or {@code ~index} (negative) of the first char the table cannot
     *     write
     */
    static long septets(String text, SeptetTable table) {
        final int length = text.length();
        final char[] buffer = BUFFERS.get();
        if (length > BLOCK) {
            return septetsInRounds(text, table, buffer);
        }
        // Most messages: copy once, sum in one tight loop, and split only when over one message.
        final byte[] cost = table.cost;
        text.getChars(0, length, buffer, 0);
        int total = 0;
        // In chunks, so that a UCS-2 text gives up at the chunk of its first char the table cannot
        // write rather than at its end: while the total stays within twice the chars summed, every
        // one of them can be written.
        for (int k = 0; k < length; ) {
            final int start = k;
            final int end = Math.min(length, k + CHUNK);
            for (; k < end; k++) {
                total += cost[buffer[k]] & 0xFF;
            }
            if (total > 2 * end) {
                return ~firstNotWritable(buffer, start, end, cost);
            }
        }
        if (total <= table.singleCapacity) {
            return pack(total, 1, total);
        }
        final int capacity = table.concatenatedCapacity;
        int segments = 1;
        int used = 0;
        for (int k = 0; k < length; k++) {
            int septets = cost[buffer[k]];
            if (used + septets > capacity) {
                segments++;
                used = septets;
            } else {
                used += septets;
            }
        }
        return pack(total, segments, used);
    }

    /** {@link #septets} for texts longer than a block: one round per segment's worth of chars. */
    private static long septetsInRounds(String text, SeptetTable table, char[] buffer) {
        final byte[] cost = table.cost;
        final int capacity = table.concatenatedCapacity;
        final int length = text.length();
        long total = 0;
        int segments = 1;
        int used = 0;
        int i = 0;
        while (i < length) {
            int room = capacity - used;
            if (room == 0) {
                segments++;
                used = 0;
                room = capacity;
            }
            int end = Math.min(length, i + room);
            int count = end - i;
            text.getChars(i, end, buffer, 0);
            int sum = 0;
            for (int k = 0; k < count; k++) {
                sum += cost[buffer[k]] & 0xFF;
            }
            if (sum > 2 * count) {
                return ~(i + firstNotWritable(buffer, 0, count, cost));
            }
            if (sum <= room) {
                used += sum;
                total += sum;
                i = end;
            } else {
                int next = end;
                while (sum > room) {
                    next--;
                    sum -= cost[buffer[next - i]];
                }
                // [i, next) closes this segment; the char at next did not fit in it.
                total += sum;
                i = next;
                segments++;
                used = 0;
            }
        }
        if (total <= table.singleCapacity) {
            return pack(total, 1, (int) total);
        }
        return pack(total, segments, used);
    }

    /** Index of the first char in {@code buffer[from, to)} that {@code cost} cannot write. */
    private static int firstNotWritable(char[] buffer, int from, int to, byte[] cost) {
        for (int k = from; k < to; k++) {
            if (cost[buffer[k]] == SeptetTable.NOT_WRITABLE) {
                return k;
            }
        }
        throw new AssertionError("no char that cannot be written in the run");
    }

    /**
     * Counts {@code text} (not empty) in UCS-2 code units, splitting it so that no surrogate pair
     * straddles a boundary, and checking that every surrogate is paired.
     *
     * <p>Each block of chars is first scanned for surrogates with no branch per char (most UCS-2
     * text has none: Cyrillic, Greek, Chinese, accented letters, typography); only a block that has
     * some is walked char by char to pair them. With no surrogate at all, the split is arithmetic.
     *
     * @param knownPlain how many leading chars are known not to be surrogates (they were written
     *     in septets before a char no table has was met)
     * @return the packed tally, whose total is the number of surrogate pairs
     * @throws MalformedTextException at the first unpaired surrogate
     */
    static long ucs2(String text, int knownPlain) {
        final int length = text.length();
        final char[] buffer = BUFFERS.get();
        long pairs = 0;
        int i = knownPlain;
        while (i < length) {
            final int count = Math.min(length - i, BLOCK);
            text.getChars(i, i + count, buffer, 0);
            int surrogates = 0;
            for (int k = 0; k < count; k++) {
                // 1 for U+D800 to U+DFFF: only they have 11111 as their top five bits.
                surrogates += ((buffer[k] ^ 0xD800) - 0x800) >>> 31;
            }
            if (surrogates == 0) {
                i += count;
                continue;
            }
            int k = 0;
            for (; k < count; k++) {
                char c = buffer[k];
                if (Character.isSurrogate(c)) {
                    int index = i + k;
                    if (Character.isHighSurrogate(c) && index + 1 < length
                            && Character.isLowSurrogate(text.charAt(index + 1))) {
                        pairs++;
                        k++; // the low half, possibly the first char of the next block
                    } else {
                        throw new MalformedTextException(index, c);
                    }
                }
            }
            i += k;
        }
        if (length <= UCS2_SINGLE_CAPACITY) {
            return pack(pairs, 1, length);
        }
        if (pairs == 0) {
            // One char is one unit and no pair can straddle: full segments of 67 and the rest.
            int segments = (length + UCS2_CONCATENATED_CAPACITY - 1) / UCS2_CONCATENATED_CAPACITY;
            return pack(0, segments, length - (segments - 1) * UCS2_CONCATENATED_CAPACITY);
        }
        // A segment is 67 chars, or 66 when the 67th would be the first half of a pair.
        int segments = 0;
        int start = 0;
        int used = 0;
        while (start < length) {
            segments++;
            int end = start + UCS2_CONCATENATED_CAPACITY;
            if (end >= length) {
                used = length - start;
                break;
            }
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            used = end - start;
            start = end;
        }
        return pack(pairs, segments, used);
    }
}
