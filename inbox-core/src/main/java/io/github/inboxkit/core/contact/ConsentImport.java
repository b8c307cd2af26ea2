package io.github.inboxkit.core.contact;

import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.util.List;

/**
 * Consent the host collected elsewhere (a sign-up form, another system), to append to the consent
 * ledger (F43) with source {@link OptOutSource#IMPORT}: one entry per number, in order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param actor who imports, as the ledger shows it: the name of the import or of the system, 1 to
 *     128 characters, not blank; no personal data
 * @param entries the numbers and the state each is in, 1 to {@value #MAX_ENTRIES}
 */
public record ConsentImport(String actor, List<Entry> entries) {

    /** The most entries one import takes, so that it fits one transaction. */
    public static final int MAX_ENTRIES = 1_000;

    /**
     * Checks the import.
     *
     * @throws io.github.inboxkit.core.InvalidValueException naming {@code actor} or {@code entries}
     *     when one is missing or out of range
     */
    public ConsentImport {
        Require.nonNull(actor, "actor");
        Require.argument(!actor.isBlank() && actor.length() <= 128, "actor", "must be 1 to 128 characters, not blank");
        Require.nonNull(entries, "entries");
        Require.argument(!entries.isEmpty() && entries.size() <= MAX_ENTRIES, "entries",
                "must hold 1 to " + MAX_ENTRIES + " entries; split a larger import");
        entries = List.copyOf(entries);
    }

    /**
     * One number's imported state.
     *
     * @param phone the number
     * @param action opted in (consent given) or opted out
     */
    public record Entry(PhoneNumber phone, OptOutAction action) {

        /**
         * Checks the entry.
         *
         * @throws io.github.inboxkit.core.MissingValueException if a value is missing
         */
        public Entry {
            Require.nonNull(phone, "phone");
            Require.nonNull(action, "action");
        }
    }
}
