package io.github.inboxkit.core.store;

import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.contact.ContactId;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Port of one aggregate of the store: contacts, with their custom fields (table {@code contacts} in
 * the SQL stores). Reached through {@link StoreTransaction#contacts()}; every operation is scoped
 * to the transaction's account ({@link StoreTransaction#accountId()}): every read sees only that
 * account's rows and every write goes to that account. An implementation reads and writes only this
 * aggregate's rows.
 *
 * <p>Any operation may throw {@link StoreConflictException} (a unique key taken concurrently, a
 * deadlock) or {@link StoreException}. Update operations are only called for rows the engine read
 * in the same transaction; they replace every attribute but the id.
 *
 * <p>Not thread-safe: it belongs to one transaction, one thread, only during {@link
 * InboxStore#inTransaction}.
 */
public interface ContactRows {

    /**
     * @param id a contact id
     * @return the contact of this account with that id
     */
    Optional<Contact> findContact(ContactId id);

    /**
     * @param phone a phone number
     * @return the contact of this account with that number
     */
    Optional<Contact> findContactByPhone(PhoneNumber phone);

    /**
     * Finds the contacts of many numbers at once (one query for a page of the inbox).
     *
     * @param phones phone numbers
     * @return the contacts found, by phone number; numbers without a contact are absent
     */
    Map<PhoneNumber, Contact> findContactsByPhone(Collection<PhoneNumber> phones);

    /**
     * Saves a new contact.
     *
     * @param contact the contact
     * @throws StoreConflictException if the id or the phone number is taken in this account
     */
    void insertContact(Contact contact);

    /**
     * Replaces a contact's attributes (including its phone number).
     *
     * @param contact the contact
     * @throws StoreConflictException if the new phone number belongs to another contact
     */
    void updateContact(Contact contact);

    /**
     * Deletes a contact with its custom fields, for an erasure (F40).
     *
     * @param id the contact
     * @return whether it existed
     */
    boolean deleteContact(ContactId id);
}
