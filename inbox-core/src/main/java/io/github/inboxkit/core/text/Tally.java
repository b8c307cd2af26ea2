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
     * <p>Each round sums as many chars as the room left could hold if they all took one septet,
     * in a tight loop with no boundary test; when escapes make the sum overflow, it gives back
     * chars from the end until it fits (a handful at most). Every char is read about once.
     *
     * @return the packed tally, or {@code ~index} (negative) of the first char the table cannot
     *     write
     */
    static long septets(String text, SeptetTable table) {
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
            int sum = 0;
            for (int j = i; j < end; j++) {
                char c = text.charAt(j);
                int septets = c < cost.length ? cost[c] : 0;
                if (septets == 0) {
                    return ~j;
                }
                sum += septets;
            }
            if (sum <= room) {
                used += sum;
                total += sum;
                i = end;
            } else {
                int next = end;
                while (sum > room) {
                    next--;
                    sum -= cost[text.charAt(next)];
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

    /**
     * Counts {@code text} (not empty) in UCS-2 code units, splitting it so that no surrogate pair
     * straddles a boundary, and checking that every surrogate is paired.
     *
     * @param knownPlain how many leading chars are known not to be surrogates (they were written
     *     in septets before a char no table has was met)
     * @return the packed tally, whose total is the number of surrogate pairs
     * @throws MalformedTextException at the first unpaired surrogate
     */
    static long ucs2(String text, int knownPlain) {
        final int length = text.length();
        long pairs = 0;
        for (int i = knownPlain; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    pairs++;
                    i++;
                } else {
                    throw new MalformedTextException(i, c);
                }
            }
        }
        if (length <= UCS2_SINGLE_CAPACITY) {
            return pack(pairs, 1, length);
        }
        // One char is one unit, so a segment is 67 chars, or 66 when the 67th would be the first
        // half of a pair.
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
