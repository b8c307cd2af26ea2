package io.github.inboxkit.core.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a text costs as SMS: its encoding, its segments and how full the last one is, as counted
 * by a {@link SegmentCounter}.
 *
 * <p>Every figure describes the text that would actually be sent, {@link #text()}: the input as
 * given or, when smart encoding replaced look-alikes, the replaced text. {@link #segments()}
 * splits that same text, so the segments always concatenate back to {@link #text()}.
 *
 * <p>The figures are exactly those of 3GPP TS 23.040, which splits a text wherever a segment is
 * full, possibly inside what a reader sees as one character (a flag, a family emoji, a letter and
 * its combining accent). When the counter keeps grapheme clusters whole ({@link
 * SegmentCounter.Builder#graphemeClusters}), the count of that split, as Android and Twilio make
 * it, is reported beside: {@link #graphemeSegmentCount()}, never fewer segments.
 *
 * <p>Immutable and safe to share between threads. The split and the list of non-GSM characters
 * are worked out on first request (and kept), so that counting alone allocates nothing but this
 * object; that is also why this is a hand-written class rather than an Immutables value.
 */
public final class SegmentCount {

    private final String text;
    private final Encoding encoding;
    private final int segmentCount;
    private final int unitCount;
    private final int characterCount;
    private final int segmentCapacity;
    private final int remainingInSegment;
    /** The tables used when GSM 7-bit; null for UCS-2. */
    private final SeptetTable table;
    /** Costs of every table the counter may use, to tell which characters none of them has. */
    private final boolean[] writable;
    /** Smart encoding's replacements and the grapheme figures; {@link Details#NONE} for most counts. */
    private final Details details;

    // Racy single-check caches: the lists are immutable with final fields, so a thread that sees
    // one sees it whole, and two threads computing it at once compute equal lists.
    private List<String> segments;
    private List<String> nonGsmCharacters;

    /**
     * What only some counts carry, kept apart so that a plain count, the one made for every
     * keystroke of a draft, stays a 64-byte object.
     */
    private static final class Details {

        static final Details NONE = new Details(List.of(), 0, -1, 0);

        final List<SmartReplacement> replacements;
        final int segmentsSaved;
        /** Segments when no grapheme cluster is split, or -1 when not counted. */
        final int graphemeSegmentCount;
        /** Units left in the last of those segments, when counted. */
        final int graphemeRemaining;
        /** Racy single-check cache, as above; never set on {@link #NONE}, which has no grapheme figures. */
        List<String> graphemeSegments;

        Details(List<SmartReplacement> replacements, int segmentsSaved, int graphemeSegmentCount,
                int graphemeRemaining) {
            this.replacements = replacements;
            this.segmentsSaved = segmentsSaved;
            this.graphemeSegmentCount = graphemeSegmentCount;
            this.graphemeRemaining = graphemeRemaining;
        }

        static Details of(List<SmartReplacement> replacements, int segmentsSaved, int graphemeSegmentCount,
                int graphemeRemaining) {
            return replacements.isEmpty() && segmentsSaved == 0 && graphemeSegmentCount < 0
                    ? NONE
                    : new Details(replacements, segmentsSaved, graphemeSegmentCount, graphemeRemaining);
        }
    }

    SegmentCount(String text, Encoding encoding, int segmentCount, int unitCount, int characterCount,
            int segmentCapacity, int remainingInSegment, SeptetTable table, boolean[] writable,
            List<SmartReplacement> replacements, int segmentsSaved) {
        this(text, encoding, segmentCount, unitCount, characterCount, segmentCapacity, remainingInSegment, table,
                writable, Details.of(replacements, segmentsSaved, -1, 0));
    }

    private SegmentCount(String text, Encoding encoding, int segmentCount, int unitCount, int characterCount,
            int segmentCapacity, int remainingInSegment, SeptetTable table, boolean[] writable, Details details) {
        this.text = text;
        this.encoding = encoding;
        this.segmentCount = segmentCount;
        this.unitCount = unitCount;
        this.characterCount = characterCount;
        this.segmentCapacity = segmentCapacity;
        this.remainingInSegment = remainingInSegment;
        this.table = table;
        this.writable = writable;
        this.details = details;
    }

    boolean usesDefaultTable() {
        return table == SeptetTable.DEFAULT;
    }

    SegmentCount withSmartEncoding(List<SmartReplacement> madeReplacements, int saved) {
        return new SegmentCount(text, encoding, segmentCount, unitCount, characterCount, segmentCapacity,
                remainingInSegment, table, writable, madeReplacements, saved);
    }

    /** This count with the figures of the split that keeps grapheme clusters whole. */
    SegmentCount withGraphemeClusters() {
        long tally = splitBetweenClusters(null);
        // One segment either way, or several of the same capacity: the capacity is the standard's.
        return new SegmentCount(text, encoding, segmentCount, unitCount, characterCount, segmentCapacity,
                remainingInSegment, table, writable, Details.of(details.replacements, details.segmentsSaved,
                        Tally.segments(tally), segmentCapacity - Tally.usedInLast(tally)));
    }

    /**
     * Splits the text greedily as {@link #split} does, but only between grapheme clusters. A
     * cluster longer than a whole segment (dozens of combining marks on one letter) cannot stay
     * whole; it is split between chars, as the standard split would.
     *
     * @param parts receives the text of each segment, or null to count only
     * @return the packed tally: segments and units used in the last
     */
    private long splitBetweenClusters(List<String> parts) {
        if (segmentCount <= 1) {
            // The whole text fits in one message: no boundary to place.
            if (parts != null && segmentCount == 1) {
                parts.add(text);
            }
            return Tally.pack(0, segmentCount, segmentCapacity - remainingInSegment);
        }
        final int capacity = segmentCapacity; // several segments: the capacity of each part
        int segments = 1;
        int used = 0;
        int start = 0;
        for (int i = 0; i < text.length(); ) {
            int end = GraphemeClusters.end(text, i);
            int units = unitsBetween(i, end);
            if (used + units <= capacity) {
                used += units;
            } else if (units <= capacity) {
                if (parts != null) {
                    parts.add(text.substring(start, i));
                }
                start = i;
                segments++;
                used = units;
            } else {
                for (int j = i; j < end; ) {
                    int chars = table == null && Character.isHighSurrogate(text.charAt(j)) ? 2 : 1;
                    int unit = table != null ? table.costOf(text.charAt(j)) : chars;
                    if (used + unit > capacity) {
                        if (parts != null) {
                            parts.add(text.substring(start, j));
                        }
                        start = j;
                        segments++;
                        used = 0;
                    }
                    used += unit;
                    j += chars;
                }
            }
            i = end;
        }
        if (parts != null) {
            parts.add(text.substring(start));
        }
        return Tally.pack(0, segments, used);
    }

    /** Units the chars {@code [from, to)} take in this encoding. */
    private int unitsBetween(int from, int to) {
        if (table == null) {
            return to - from;
        }
        int units = 0;
        for (int i = from; i < to; i++) {
            units += table.costOf(text.charAt(i));
        }
        return units;
    }

    /**
     * Returns the text these figures describe: the input, or the input after smart encoding when
     * {@link #smartEncodingReplacements()} is not empty. This is the text to send.
     *
     * @return the text, possibly empty
     */
    public String text() {
        return text;
    }

    /**
     * Returns the encoding the text is sent with: GSM 7-bit when every character can be written
     * in it (with the enabled national tables, if any), UCS-2 otherwise. The empty text is GSM 7-bit.
     *
     * @return the encoding
     */
    public Encoding encoding() {
        return encoding;
    }

    /**
     * Returns how many SMS segments the text takes: 0 for the empty text, 1 when it fits in a
     * single message, else the number of parts of the concatenated message.
     *
     * @return the segment count, at least 0
     */
    public int segmentCount() {
        return segmentCount;
    }

    /**
     * Returns the units the text takes: septets for GSM 7-bit (two for each character reached
     * through an escape, such as {@code €} or {@code [}), UTF-16 code units for UCS-2 (two for an
     * emoji). Header octets are not included; see {@link #segmentCapacity()}.
     *
     * @return the unit count, at least 0
     */
    public int unitCount() {
        return unitCount;
    }

    /**
     * Returns the number of characters as a person counts them, in Unicode code points (an emoji
     * is one; a flag or a family emoji made of several code points counts each of them).
     *
     * @return the character count, at least 0
     */
    public int characterCount() {
        return characterCount;
    }

    /**
     * Returns how many units one segment holds here: 160 or 70 for a single message, 153 or 67 per
     * part of a concatenated one, less when national language tables take header space.
     *
     * @return the capacity of a segment, in the units of {@link #encoding()}
     */
    public int segmentCapacity() {
        return segmentCapacity;
    }

    /**
     * Returns how many units are left in the last segment before another one is needed (for the
     * empty text, the capacity of a single message). A character that takes two units needs two:
     * with 1 left, an {@code €} or an emoji starts a new segment.
     *
     * @return the units left, from 0 to {@link #segmentCapacity()}
     */
    public int remainingInSegment() {
        return remainingInSegment;
    }

    /**
     * Returns the distinct characters that forced UCS-2, in order of first appearance: those that
     * none of the enabled tables can write. Empty for GSM 7-bit. Each element is one code point
     * (an emoji is one string of two chars).
     *
     * <p>Worked out on first call.
     *
     * @return an immutable list, empty when the encoding is GSM 7-bit
     */
    public List<String> nonGsmCharacters() {
        List<String> result = nonGsmCharacters;
        if (result == null) {
            result = encoding == Encoding.GSM_7 ? List.of() : findNonGsmCharacters();
            nonGsmCharacters = result;
        }
        return result;
    }

    private List<String> findNonGsmCharacters() {
        Set<String> found = collectNotWritable(false);
        if (found.isEmpty()) {
            // Every character exists in some enabled table, but no one combination has them all:
            // then those outside the plain GSM alphabet are what forced UCS-2.
            found = collectNotWritable(true);
        }
        return List.copyOf(found);
    }

    private Set<String> collectNotWritable(boolean plainGsmOnly) {
        Set<String> found = new LinkedHashSet<>();
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            boolean canWrite = Character.isBmpCodePoint(codePoint) && (plainGsmOnly
                    ? SeptetTable.DEFAULT.costOf((char) codePoint) != 0
                    : writable[codePoint]);
            if (!canWrite) {
                found.add(new String(Character.toChars(codePoint)));
            }
            i += Character.charCount(codePoint);
        }
        return found;
    }

    /**
     * Returns the text of each segment, in order. They concatenate back to {@link #text()}
     * exactly; none splits an escape pair or a surrogate pair; each fits in {@link
     * #segmentCapacity()} units. Empty for the empty text.
     *
     * <p>Worked out on first call.
     *
     * @return an immutable list of {@link #segmentCount()} non-empty strings
     */
    public List<String> segments() {
        List<String> result = segments;
        if (result == null) {
            result = split();
            segments = result;
        }
        return result;
    }

    private List<String> split() {
        if (segmentCount == 0) {
            return List.of();
        }
        if (segmentCount == 1) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>(segmentCount);
        int start = 0;
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            int units;
            int chars = 1;
            if (table != null) {
                units = table.costOf(c);
            } else if (Character.isHighSurrogate(c)) {
                units = 2;
                chars = 2;
            } else {
                units = 1;
            }
            if (used + units > segmentCapacity) {
                parts.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += units;
            i += chars;
        }
        parts.add(text.substring(start));
        return List.copyOf(parts);
    }

    /**
     * Returns how many segments the text takes when every boundary between segments falls between
     * two grapheme clusters (what a reader sees as one character: a flag, a family emoji, an emoji
     * with a skin tone, a letter with combining accents), the way Android and Twilio split.
     * Never fewer than {@link #segmentCount()}, and equal to it whenever no cluster straddles one
     * of the standard's boundaries.
     *
     * @return the count, or empty when the counter was not built with {@link
     *     SegmentCounter.Builder#graphemeClusters graphemeClusters(true)}
     */
    public OptionalInt graphemeSegmentCount() {
        int count = details.graphemeSegmentCount;
        return count < 0 ? OptionalInt.empty() : OptionalInt.of(count);
    }

    /**
     * Returns how many units are left in the last segment of the split that keeps grapheme
     * clusters whole (see {@link #graphemeSegmentCount()}).
     *
     * @return the units left, or empty when grapheme clusters were not counted
     */
    public OptionalInt graphemeRemainingInSegment() {
        return details.graphemeSegmentCount < 0 ? OptionalInt.empty() : OptionalInt.of(details.graphemeRemaining);
    }

    /**
     * Returns the text of each segment of the split that keeps grapheme clusters whole, in order.
     * They concatenate back to {@link #text()} exactly and there are {@link #graphemeSegmentCount()}
     * of them.
     *
     * <p>Worked out on first call.
     *
     * @return an immutable list of non-empty strings, empty for the empty text
     * @throws IllegalStateException if the counter was not built to keep grapheme clusters whole
     */
    public List<String> graphemeSegments() {
        Details figures = details;
        if (figures.graphemeSegmentCount < 0) {
            throw new IllegalStateException("grapheme clusters were not counted: build the counter with"
                    + " SegmentCounter.builder().graphemeClusters(true)");
        }
        List<String> result = figures.graphemeSegments;
        if (result == null) {
            List<String> parts = new ArrayList<>(figures.graphemeSegmentCount);
            splitBetweenClusters(parts);
            result = List.copyOf(parts);
            figures.graphemeSegments = result;
        }
        return result;
    }

    /**
     * Returns the national language locking shift table the text is written with, if any.
     *
     * @return the language, or empty for the default GSM alphabet or for UCS-2
     */
    public Optional<NationalLanguage> lockingShiftTable() {
        return table == null ? Optional.empty() : Optional.ofNullable(table.lockingShift);
    }

    /**
     * Returns the national language single shift table the text is written with, if any.
     *
     * @return the language, or empty for the default extension table or for UCS-2
     */
    public Optional<NationalLanguage> singleShiftTable() {
        return table == null ? Optional.empty() : Optional.ofNullable(table.singleShift);
    }

    /**
     * Returns what smart encoding replaced, in order of first occurrence in the input; empty when
     * it was off or left the text as it was.
     *
     * @return an immutable list
     */
    public List<SmartReplacement> smartEncodingReplacements() {
        return details.replacements;
    }

    /**
     * Returns how many segments smart encoding saved: the segments of the input as given minus
     * those of {@link #text()}. 0 when it replaced nothing, and possibly 0 when it replaced
     * something to avoid UCS-2 at the same cost.
     *
     * @return the segments saved, at least 0
     */
    public int segmentsSavedBySmartEncoding() {
        return details.segmentsSaved;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof SegmentCount)) {
            return false;
        }
        SegmentCount that = (SegmentCount) other;
        return encoding == that.encoding
                && segmentCount == that.segmentCount
                && unitCount == that.unitCount
                && characterCount == that.characterCount
                && segmentCapacity == that.segmentCapacity
                && remainingInSegment == that.remainingInSegment
                && details.segmentsSaved == that.details.segmentsSaved
                && details.graphemeSegmentCount == that.details.graphemeSegmentCount
                && details.graphemeRemaining == that.details.graphemeRemaining
                && text.equals(that.text)
                && lockingShiftTable().equals(that.lockingShiftTable())
                && singleShiftTable().equals(that.singleShiftTable())
                && details.replacements.equals(that.details.replacements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, encoding, segmentCount, unitCount, remainingInSegment);
    }

    /** Figures only: the text is left out, as it may be personal data that ends up in a log. */
    @Override
    public String toString() {
        return "SegmentCount[encoding=" + encoding + ", segments=" + segmentCount + ", units=" + unitCount
                + ", characters=" + characterCount + ", remaining=" + remainingInSegment
                + lockingShiftTable().map(l -> ", lockingShift=" + l).orElse("")
                + singleShiftTable().map(l -> ", singleShift=" + l).orElse("")
                + (details.replacements.isEmpty() ? "" : ", smartReplacements=" + details.replacements.size()
                        + ", segmentsSaved=" + details.segmentsSaved)
                + (details.graphemeSegmentCount < 0 ? "" : ", graphemeSegments=" + details.graphemeSegmentCount)
                + "]";
    }
}
