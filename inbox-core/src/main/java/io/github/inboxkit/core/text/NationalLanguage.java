package io.github.inboxkit.core.text;

/**
 * A national language whose shift tables of 3GPP TS 23.038 (Annex A) the counter may use to keep a
 * text in GSM 7-bit encoding instead of UCS-2.
 *
 * <p>A <em>locking shift</em> table replaces the default alphabet for the whole message; a
 * <em>single shift</em> table replaces the default extension table (characters reached through
 * an escape septet, two septets each). Each table used costs a 3-octet information element in the
 * user data header of every segment. A receiving handset that does not know the table shows the
 * wrong characters, which is why no table is used unless an account enables it.
 *
 * <p>Immutable and safe to share between threads.
 */
public enum NationalLanguage {

    /** Turkish (national language identifier 1): locking shift (A.3.1) and single shift (A.2.1). */
    TURKISH(1, true),

    /** Spanish (national language identifier 2): single shift table only (A.2.2). */
    SPANISH(2, false),

    /** Portuguese (national language identifier 3): locking shift (A.3.3) and single shift (A.2.3). */
    PORTUGUESE(3, true);

    private final int identifier;
    private final boolean lockingShift;

    NationalLanguage(int identifier, boolean lockingShift) {
        this.identifier = identifier;
        this.lockingShift = lockingShift;
    }

    /**
     * Returns the national language identifier of TS 23.038 table 6.2.1.2.4.1, the value carried
     * in the shift information elements of the user data header.
     *
     * @return the identifier, 1 to 3
     */
    public int identifier() {
        return identifier;
    }

    /**
     * Tells whether TS 23.038 defines a locking shift table for this language (every language here
     * has a single shift table).
     *
     * @return {@code true} for Turkish and Portuguese, {@code false} for Spanish
     */
    public boolean hasLockingShiftTable() {
        return lockingShift;
    }
}
