package io.github.inboxkit.core.erasure;

import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.contact.ContactId;
import io.github.inboxkit.core.phone.PhoneNumber;

/**
 * What to erase (F40): a phone number, or a saved contact (whose number is erased with it), and
 * who asks. Immutable and thread-safe.
 */
public sealed interface ErasureRequest permits ErasureRequest.ByNumber, ErasureRequest.ByContact {

    /** @return who asked for the erasure, as the proof record keeps it */
    ErasureActor requestedBy();

    /**
     * Erases a phone number: its conversation, its contact if it has one, and the rest.
     *
     * @param number the number
     * @param requestedBy who asks
     * @return the request
     * @throws io.github.inboxkit.core.MissingValueException if an argument is null
     */
    static ErasureRequest number(PhoneNumber number, ErasureActor requestedBy) {
        return new ByNumber(number, requestedBy);
    }

    /**
     * Erases a saved contact and its phone number.
     *
     * @param contact the contact
     * @param requestedBy who asks
     * @return the request
     * @throws io.github.inboxkit.core.MissingValueException if an argument is null
     */
    static ErasureRequest contact(ContactId contact, ErasureActor requestedBy) {
        return new ByContact(contact, requestedBy);
    }

    /**
     * Erasure of a phone number.
     *
     * @param number the number
     * @param requestedBy who asks
     */
    record ByNumber(PhoneNumber number, ErasureActor requestedBy) implements ErasureRequest {
        /** Checks both parts are given. */
        public ByNumber {
            Require.nonNull(number, "number");
            Require.nonNull(requestedBy, "requestedBy");
        }

        /** Masks the number, which is personal data. */
        @Override
        public String toString() {
            return "ByNumber[number=" + number.masked() + ", requestedBy=" + requestedBy + "]";
        }
    }

    /**
     * Erasure of a saved contact and its number.
     *
     * @param contact the contact
     * @param requestedBy who asks
     */
    record ByContact(ContactId contact, ErasureActor requestedBy) implements ErasureRequest {
        /** Checks both parts are given. */
        public ByContact {
            Require.nonNull(contact, "contact");
            Require.nonNull(requestedBy, "requestedBy");
        }
    }
}
