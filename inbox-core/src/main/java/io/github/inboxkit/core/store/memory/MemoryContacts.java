package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.contact.ContactId;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.ContactRows;
import io.github.inboxkit.core.store.StoreConflictException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The contacts of one account in memory: {@link ContactRows}.
 *
 * <p>Not thread-safe: a view for one transaction, which holds the account's lock.
 */
final class MemoryContacts extends MemoryRows implements ContactRows {

    /**
     * The contacts by id and by phone number. Guarded by the account's lock; every write goes
     * through the transaction's undo log.
     */
    static final class Tables {
        final Map<ContactId, Contact> contacts = new HashMap<>();
        final Map<PhoneNumber, ContactId> contactByPhone = new HashMap<>();

    }

    private final Tables tables;

    MemoryContacts(MemoryTransaction tx, Tables tables) {
        super(tx);
        this.tables = tables;
    }
    // ----- contacts -----

    @Override
    public Optional<Contact> findContact(ContactId id) {
        checkOpen();
        return Optional.ofNullable(tables.contacts.get(id));
    }

    @Override
    public Optional<Contact> findContactByPhone(PhoneNumber phone) {
        checkOpen();
        return Optional.ofNullable(tables.contactByPhone.get(phone)).map(tables.contacts::get);
    }

    @Override
    public Map<PhoneNumber, Contact> findContactsByPhone(Collection<PhoneNumber> phones) {
        checkOpen();
        Map<PhoneNumber, Contact> found = new HashMap<>();
        for (PhoneNumber phone : phones) {
            findContactByPhone(phone).ifPresent(contact -> found.put(phone, contact));
        }
        return found;
    }

    @Override
    public void insertContact(Contact contact) {
        checkOpen();
        if (tables.contacts.containsKey(contact.id()) || tables.contactByPhone.containsKey(contact.phone())) {
            throw new StoreConflictException("contact id or phone taken");
        }
        put(tables.contacts, contact.id(), contact);
        put(tables.contactByPhone, contact.phone(), contact.id());
    }

    @Override
    public void updateContact(Contact contact) {
        checkOpen();
        Contact previous = tables.contacts.get(contact.id());
        requireState(previous != null, "contact");
        if (!previous.phone().equals(contact.phone())) {
            if (tables.contactByPhone.containsKey(contact.phone())) {
                throw new StoreConflictException("contact phone taken");
            }
            remove(tables.contactByPhone, previous.phone());
            put(tables.contactByPhone, contact.phone(), contact.id());
        }
        put(tables.contacts, contact.id(), contact);
    }

    @Override
    public boolean deleteContact(ContactId id) {
        checkOpen();
        Contact contact = tables.contacts.get(id);
        if (contact == null) {
            return false;
        }
        remove(tables.contacts, id);
        remove(tables.contactByPhone, contact.phone());
        return true;
    }
}
