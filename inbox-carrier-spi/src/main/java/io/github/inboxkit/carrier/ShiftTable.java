package io.github.inboxkit.carrier;

/**
 * A national language shift table of 3GPP TS 23.038 (Annex A) that a GSM 7-bit text is written
 * with. A <em>locking shift</em> table replaces the default alphabet; a <em>single shift</em>
 * table replaces the default extension table. A carrier that builds the user data header itself
 * announces each table in every segment with the information element of TS 23.040 9.2.3.24.15/16
 * ({@link #informationElementIdentifier()}) carrying the {@link #nationalLanguageIdentifier()}.
 *
 * <p>Immutable and thread-safe.
 */
public enum ShiftTable {

    /** Turkish locking shift table (A.3.1). */
    TURKISH_LOCKING(1, true),
    /** Turkish single shift table (A.2.1). */
    TURKISH_SINGLE(1, false),
    /** Spanish single shift table (A.2.2); Spanish has no locking shift table. */
    SPANISH_SINGLE(2, false),
    /** Portuguese locking shift table (A.3.3). */
    PORTUGUESE_LOCKING(3, true),
    /** Portuguese single shift table (A.2.3). */
    PORTUGUESE_SINGLE(3, false);

    /** TS 23.040 information element identifier of the national language single shift. */
    private static final int SINGLE_SHIFT_IEI = 0x24;
    /** TS 23.040 information element identifier of the national language locking shift. */
    private static final int LOCKING_SHIFT_IEI = 0x25;

    private final int nationalLanguageIdentifier;
    private final boolean locking;

    ShiftTable(int nationalLanguageIdentifier, boolean locking) {
        this.nationalLanguageIdentifier = nationalLanguageIdentifier;
        this.locking = locking;
    }

    /**
     * The national language identifier of TS 23.038 table 6.2.1.2.4.1 (1 Turkish, 2 Spanish,
     * 3 Portuguese), the value of the shift information element.
     *
     * @return the identifier
     */
    public int nationalLanguageIdentifier() {
        return nationalLanguageIdentifier;
    }

    /**
     * Whether this is a locking shift table (else a single shift table).
     *
     * @return true for a locking shift table
     */
    public boolean isLockingShift() {
        return locking;
    }

    /**
     * The TS 23.040 information element identifier announcing this table: 0x25 for a locking
     * shift, 0x24 for a single shift.
     *
     * @return the identifier
     */
    public int informationElementIdentifier() {
        return locking ? LOCKING_SHIFT_IEI : SINGLE_SHIFT_IEI;
    }
}
