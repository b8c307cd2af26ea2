package io.github.inboxkit.core.text;

import java.util.Arrays;

/**
 * One way of writing a text in GSM 7-bit: a basic alphabet (the default one or a national locking
 * shift table) plus an extension reached by escape (the default extension table or a national
 * single shift table), with the segment capacities that follow from the user data header it needs.
 *
 * <p>The heart of it is {@link #cost}: for each of the 65,536 chars, the septets it takes (1 in
 * the basic alphabet, 2 through the escape) or {@link #NOT_WRITABLE}. Counting is then a walk
 * over the text with one load and one add per char and no test: a run of up to {@link
 * #MAX_RUN} chars sums to at most twice its length when every char can be written, and to more
 * when one cannot (it adds 255). A full table (64 KB) costs memory once per combination in use,
 * but spares the loop a range test per char, which measured at nearly twice the time.
 *
 * <p>Immutable and safe to share between threads.
 */
final class SeptetTable {

    /** Marks the escape position (0x1B) in the 128-character alphabets below: not a character. */
    private static final char ESC = '\u001B';

    // TS 23.038 clause 6.2.1, positions 0x00 to 0x7F.
    static final String DEFAULT_ALPHABET = "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞ" + ESC + "ÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    // TS 23.038 clause 6.2.1.1, the characters in order of position (0x0A form feed, 0x14, 0x28,
    // 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65).
    static final String DEFAULT_EXTENSION = "\f^{}\\[~]|€";

    // TS 23.038 A.3.1: the default alphabet with € ı Ğ ğ Ş ş İ ç at 0x04 0x07 0x0B 0x0C 0x1C 0x1D
    // 0x40 0x60.
    static final String TURKISH_LOCKING = "@£$¥€éùıòÇ\nĞğ\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞ" + ESC + "ŞşßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "İABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "çabcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    // TS 23.038 A.3.3.
    static final String PORTUGUESE_LOCKING = "@£$¥êéúíóç\nÔô\rÁá"
            + "Δ_ªÇÀ∞^\\€Ó|" + ESC + "ÂâÊÉ"
            + " !\"#º%&'()*+,-./"
            + "0123456789:;<=>?"
            + "ÍABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÃÕÚÜ§"
            + "~abcdefghijklmno"
            + "pqrstuvwxyzãõ`üà";

    // TS 23.038 A.2.1, in order of position: 0x0A 0x14 0x28 0x29 0x2F 0x3C 0x3D 0x3E 0x40 0x47 0x49
    // 0x53 0x63 0x65 0x67 0x69 0x73.
    static final String TURKISH_SINGLE = "\f^{}\\[~]|ĞİŞç€ğış";

    // TS 23.038 A.2.2: 0x09 0x0A 0x14 0x28 0x29 0x2F 0x3C 0x3D 0x3E 0x40 0x41 0x49 0x4F 0x55 0x61
    // 0x65 0x69 0x6F 0x75.
    static final String SPANISH_SINGLE = "ç\f^{}\\[~]|ÁÍÓÚá€íóú";

    // TS 23.038 A.2.3: 0x05 0x09 0x0A 0x0B 0x0C 0x0E 0x0F 0x12 0x13 0x14 0x15 0x16 0x17 0x18 0x19
    // 0x1F 0x28 0x29 0x2F 0x3C 0x3D 0x3E 0x40 0x41 0x49 0x4F 0x55 0x5B 0x5C 0x61 0x65 0x69 0x6F
    // 0x75 0x7B 0x7C 0x7F.
    static final String PORTUGUESE_SINGLE = "êç\fÔôÁáΦΓ^ΩΠΨΣΘÊ{}\\[~]|ÀÍÓÚÃÕÂ€íóúãõâ";

    /** The cost of a char that cannot be written, read as an unsigned byte: 255. */
    static final byte NOT_WRITABLE = (byte) 0xFF;

    /** The longest run whose sum tells whether it holds a char that cannot be written. */
    static final int MAX_RUN = 253;

    /** Octets of user data in one SMS (TS 23.040). */
    private static final int USER_DATA_OCTETS = 140;

    /** Concatenation information element with an 8-bit reference: IEI, length, 3 octets. */
    private static final int CONCATENATION_IE_OCTETS = 5;

    /** National language (single or locking) shift information element: IEI, length, 1 octet. */
    private static final int SHIFT_IE_OCTETS = 3;

    /** The plain GSM 03.38 way: default alphabet and extension table, no header for one part. */
    static final SeptetTable DEFAULT = new SeptetTable(null, null);

    /** Indexed by [locking ordinal + 1][single ordinal + 1]; 0 stands for no table. Built lazily. */
    private static final SeptetTable[][] COMBINATIONS =
            new SeptetTable[NationalLanguage.values().length + 1][NationalLanguage.values().length + 1];

    final NationalLanguage lockingShift;
    final NationalLanguage singleShift;
    final byte[] cost;
    final int singleCapacity;
    final int concatenatedCapacity;
    final int tableCount;

    private SeptetTable(NationalLanguage lockingShift, NationalLanguage singleShift) {
        this.lockingShift = lockingShift;
        this.singleShift = singleShift;
        this.tableCount = (lockingShift == null ? 0 : 1) + (singleShift == null ? 0 : 1);
        this.cost = costTable(basicAlphabet(lockingShift), extension(singleShift));
        int shiftOctets = tableCount * SHIFT_IE_OCTETS;
        this.singleCapacity = septetCapacity(shiftOctets);
        this.concatenatedCapacity = septetCapacity(CONCATENATION_IE_OCTETS + shiftOctets);
    }

    /**
     * Returns the combination of a locking and a single shift table; {@code null} stands for the
     * default alphabet or extension table.
     */
    static synchronized SeptetTable of(NationalLanguage lockingShift, NationalLanguage singleShift) {
        if (lockingShift == null && singleShift == null) {
            return DEFAULT;
        }
        if (lockingShift != null && !lockingShift.hasLockingShiftTable()) {
            throw new IllegalArgumentException(lockingShift + " has no locking shift table");
        }
        int row = lockingShift == null ? 0 : lockingShift.ordinal() + 1;
        int column = singleShift == null ? 0 : singleShift.ordinal() + 1;
        SeptetTable table = COMBINATIONS[row][column];
        if (table == null) {
            table = new SeptetTable(lockingShift, singleShift);
            COMBINATIONS[row][column] = table;
        }
        return table;
    }

    /**
     * Septets a segment can carry once the user data header takes its octets: the header is
     * padded to a septet boundary, hence the floor (TS 23.040 9.2.3.24).
     */
    static int septetCapacity(int informationElementOctets) {
        int headerOctets = informationElementOctets == 0 ? 0 : 1 + informationElementOctets;
        return (USER_DATA_OCTETS - headerOctets) * 8 / 7;
    }

    /** Capacity of a segment: of a single message when the text fits in one, else of each part. */
    int capacity(int segments) {
        return segments <= 1 ? singleCapacity : concatenatedCapacity;
    }

    private static String basicAlphabet(NationalLanguage lockingShift) {
        if (lockingShift == null) {
            return DEFAULT_ALPHABET;
        }
        switch (lockingShift) {
            case TURKISH:
                return TURKISH_LOCKING;
            case PORTUGUESE:
                return PORTUGUESE_LOCKING;
            default:
                throw new IllegalArgumentException(lockingShift + " has no locking shift table");
        }
    }

    private static String extension(NationalLanguage singleShift) {
        if (singleShift == null) {
            return DEFAULT_EXTENSION;
        }
        switch (singleShift) {
            case TURKISH:
                return TURKISH_SINGLE;
            case SPANISH:
                return SPANISH_SINGLE;
            case PORTUGUESE:
                return PORTUGUESE_SINGLE;
            default:
                throw new AssertionError(singleShift);
        }
    }

    private static byte[] costTable(String basic, String extension) {
        if (basic.length() != 128) {
            throw new AssertionError("a basic alphabet has 128 positions, got " + basic.length());
        }
        byte[] table = new byte[Character.MAX_VALUE + 1];
        Arrays.fill(table, NOT_WRITABLE);
        for (int i = 0; i < extension.length(); i++) {
            table[extension.charAt(i)] = 2;
        }
        // Basic alphabet last: a character in both costs one septet.
        for (int i = 0; i < basic.length(); i++) {
            char c = basic.charAt(i);
            if (c != ESC) {
                table[c] = 1;
            }
        }
        return table;
    }

    /** Septets a char takes here, 0 when it cannot be written with these tables. */
    int costOf(char c) {
        byte septets = cost[c];
        return septets == NOT_WRITABLE ? 0 : septets;
    }

    @Override
    public String toString() {
        return "SeptetTable[locking=" + lockingShift + ", single=" + singleShift
                + ", capacity=" + singleCapacity + "/" + concatenatedCapacity + "]";
    }

    /** For tests: the characters this combination can write, in char order. */
    String characters() {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < cost.length; c++) {
            if (costOf((char) c) != 0) {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    /** Whether each char can be written by at least one of {@code tables} (not necessarily all). */
    static boolean[] union(SeptetTable... tables) {
        boolean[] union = new boolean[Character.MAX_VALUE + 1];
        for (SeptetTable table : tables) {
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                union[c] |= table.costOf((char) c) != 0;
            }
        }
        return union;
    }
}
