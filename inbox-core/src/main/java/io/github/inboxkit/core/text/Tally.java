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
     * @return the packed tally, or {@code ~index} (negative) of the first char the table cannot
     *     write
     */
    static long septets(String text, SeptetTable table) {
        final byte[] cost = table.cost;
        final int costLength = cost.length;
        final int capacity = table.concatenatedCapacity;
        final int length = text.length();
        long total = 0;
        int segments = 1;
        int used = 0;
        int i = 0;
        while (i < length) {
            // Every char costs at most 2 septets, so the next room/2 chars fit without a check:
            // the boundary test runs only a few times per segment instead of once per char.
            int sure = (capacity - used) >> 1;
            if (sure > 0) {
                int end = Math.min(length, i + sure);
                int sum = 0;
                for (; i < end; i++) {
                    char c = text.charAt(i);
                    int septets = c < costLength ? cost[c] : 0;
                    if (septets == 0) {
                        return ~i;
                    }
                    sum += septets;
                }
                used += sum;
                total += sum;
            } else {
                char c = text.charAt(i);
                int septets = c < costLength ? cost[c] : 0;
                if (septets == 0) {
                    return ~i;
                }
                if (used + septets > capacity) {
                    segments++;
                    used = septets;
                } else {
                    used += septets;
                }
                total += septets;
                i++;
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
     * @param knownPlain how many leading chars are known to be neither surrogates nor anything
     *     but one unit each (they were written in septets before a non-GSM char was met)
     * @return the packed tally, whose total is the number of surrogate pairs
     * @throws MalformedTextException at the first unpaired surrogate
     */
    static long ucs2(String text, int knownPlain) {
        final int capacity = UCS2_CONCATENATED_CAPACITY;
        final int length = text.length();
        int segments = 1;
        int used = 0;
        if (knownPlain > 0) {
            segments = (knownPlain - 1) / capacity + 1;
            used = knownPlain - (segments - 1) * capacity;
        }
        long pairs = 0;
        for (int i = knownPlain; i < length; i++) {
            char c = text.charAt(i);
            int units = 1;
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    units = 2;
                    pairs++;
                    i++;
                } else {
                    throw new MalformedTextException(i, c);
                }
            }
            if (used + units > capacity) {
                segments++;
                used = units;
            } else {
                used += units;
            }
        }
        if (length <= UCS2_SINGLE_CAPACITY) {
            return pack(pairs, 1, length);
        }
        return pack(pairs, segments, used);
    }
}
