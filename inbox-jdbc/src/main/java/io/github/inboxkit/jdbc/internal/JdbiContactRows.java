package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.contact.ContactId;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.ContactRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Contacts, with their custom fields on the SQL schema: the statements of {@code contacts} only,
 * every one filtered by the transaction's account, which leads every key and index (architecture
 * invariant 6), so that an id of another account reads as a missing row. One of the ports a {@link
 * JdbiStoreTransaction} hands out.
 *
 * <p>Not thread-safe: it lives on one thread for one {@code inTransaction} call.
 */
final class JdbiContactRows extends JdbiRows implements ContactRows {

    private final JdbiStoreTransaction tx;

    JdbiContactRows(JdbiStoreTransaction tx) {
        super(tx);
        this.tx = tx;
    }

    /** A contact's columns: its number, then {@link #contactAt}'s, in their order. */
    private static final String CONTACT_COLUMNS =
            "phone_e164, contact_id, first_name, last_name, custom_fields, created_at, updated_at";

    private static final RowMapper<Contact> CONTACT = (rs, ctx) -> contactAt(rs, new PhoneNumber(rs.getString(1)), 2);

    /**
     * A contact read by column position, the one reading of a contact row for this class's
     * statements, the inbox page's and the node's copy of a directory ({@link Directories}).
     *
     * @param rs the row
     * @param phone the contact's number (read by the caller, or known from the row's conversation)
     * @param first the position of {@code contact_id}, followed by {@code first_name},
     *     {@code last_name}, {@code custom_fields}, {@code created_at} and {@code updated_at}
     * @return the contact
     * @throws SQLException if a column cannot be read
     */
    static Contact contactAt(ResultSet rs, PhoneNumber phone, int first) throws SQLException {
        return Contact.builder()
                .id(new ContactId(rs.getObject(first, UUID.class)))
                .phone(phone)
                .firstName(Optional.ofNullable(rs.getString(first + 1)))
                .lastName(Optional.ofNullable(rs.getString(first + 2)))
                .customFields(Codecs.readCustomFields(rs.getString(first + 3)))
                .createdAt(instant(rs, first + 4))
                .updatedAt(instant(rs, first + 5))
                .build();
    }

    @Override
    public Optional<Contact> findContact(ContactId id) {
        return run("find contact", () -> handle()
                .createQuery("SELECT " + CONTACT_COLUMNS + " FROM contacts"
                        + " WHERE account_id = :account AND contact_id = :contact")
                .bind("account", account)
                .bind("contact", id.value())
                .map(CONTACT)
                .findOne());
    }

    @Override
    public Optional<Contact> findContactByPhone(PhoneNumber phone) {
        return run("find contact by phone", () -> handle()
                .createQuery("SELECT " + CONTACT_COLUMNS + " FROM contacts"
                        + " WHERE account_id = :account AND phone_e164 = :phone")
                .bind("account", account)
                .bind("phone", phone.e164())
                .map(CONTACT)
                .findOne());
    }

    @Override
    public Map<PhoneNumber, Contact> findContactsByPhone(Collection<PhoneNumber> phones) {
        return readByKeys("find contacts by phone", "SELECT " + CONTACT_COLUMNS + " FROM contacts"
                + " WHERE account_id = :account AND phone_e164 IN (<keys>)", phones, PhoneNumber::e164, CONTACT,
                Contact::phone);
    }

    @Override
    public void insertContact(Contact contact) {
        tx.markDirectoryWritten();
        run("insert contact", () -> handle()
                .createUpdate("INSERT INTO contacts (account_id, contact_id, phone_e164, first_name, last_name,"
                        + " search_name, custom_fields, created_at, updated_at) VALUES (:account, :contact, :phone,"
                        + " :firstName, :lastName, :searchName, :customFields, :createdAt, :updatedAt)")
                .bind("account", account)
                .bind("contact", contact.id().value())
                .bind("phone", contact.phone().e164())
                .bind("firstName", contact.firstName().orElse(null))
                .bind("lastName", contact.lastName().orElse(null))
                .bind("searchName", searchName(contact))
                .bind("customFields", Codecs.writeCustomFields(contact.customFields()))
                .bind("createdAt", time(contact.createdAt()))
                .bind("updatedAt", time(contact.updatedAt()))
                .execute());
    }

    @Override
    public void updateContact(Contact contact) {
        tx.markDirectoryWritten();
        run("update contact", () -> handle()
                .createUpdate("UPDATE contacts SET phone_e164 = :phone, first_name = :firstName,"
                        + " last_name = :lastName, search_name = :searchName, custom_fields = :customFields,"
                        + " created_at = :createdAt, updated_at = :updatedAt"
                        + " WHERE account_id = :account AND contact_id = :contact")
                .bind("account", account)
                .bind("contact", contact.id().value())
                .bind("phone", contact.phone().e164())
                .bind("firstName", contact.firstName().orElse(null))
                .bind("lastName", contact.lastName().orElse(null))
                .bind("searchName", searchName(contact))
                .bind("customFields", Codecs.writeCustomFields(contact.customFields()))
                .bind("createdAt", time(contact.createdAt()))
                .bind("updatedAt", time(contact.updatedAt()))
                .execute());
    }

    private static String searchName(Contact contact) {
        return contact.fullName().map(JdbiRows::searchable).orElse("");
    }

    @Override
    public boolean deleteContact(ContactId id) {
        tx.markDirectoryWritten();
        return run("delete contact", () -> handle()
                .createUpdate("DELETE FROM contacts WHERE account_id = :account AND contact_id = :id")
                .bind("account", account)
                .bind("id", id.value())
                .execute()) > 0;
    }
}
