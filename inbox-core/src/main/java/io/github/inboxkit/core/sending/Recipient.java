package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.contact.ContactId;
import io.github.inboxkit.core.Require;

/**
 * Who a message goes to: a saved contact, or a phone number in any common format, read with the
 * account's default region (F4, F17). Immutable and thread-safe.
 */
public sealed interface Recipient permits Recipient.OfContact, Recipient.OfNumber {

    /**
     * A saved contact.
     *
     * @param id the contact's id
     * @return the recipient
     */
    static Recipient contact(ContactId id) {
        return new OfContact(id);
    }

    /**
     * A number as a user typed it, e.g. {@code "06 12 34 56 78"} or {@code "+1 (415) 555-0132"}.
     *
     * @param number the number
     * @return the recipient
     */
    static Recipient number(String number) {
        return new OfNumber(number);
    }

    /**
     * A saved contact.
     *
     * @param id the contact's id
     */
    record OfContact(ContactId id) implements Recipient {
        /** Checks the id is given. */
        public OfContact {
            Require.nonNull(id, "id");
        }
    }

    /**
     * A number as typed; parsed when the message is sent.
     *
     * @param number the number
     */
    record OfNumber(String number) implements Recipient {
        /** Checks the number is given. */
        public OfNumber {
            Require.nonNull(number, "number");
        }

        /** Masks the number, which is personal data. */
        @Override
        public String toString() {
            return "OfNumber[" + number.length() + " characters]";
        }
    }
}
