package io.github.inboxkit.core.store;

import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.export.ExportedMessage;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The export's read model (F39): one keyset page of the account's messages with their contacts'
 * names, read only. Like the inbox page's read model it reads across aggregates (the messages, and
 * the contacts for their names) in one read; it writes nothing. Reached through {@link
 * StoreTransaction#exportRows()}; scoped to the transaction's account: it never returns another
 * account's messages, whatever the query.
 *
 * <p>Not thread-safe: it belongs to one transaction, one thread, only during {@link
 * InboxStore#inTransaction}.
 */
public interface ExportRows {

    /**
     * Reads one page of an export.
     *
     * @param query the range, filters, position and size of the page
     * @return up to {@link ExportQuery#limit()} messages, in the order (creation time ascending,
     *     message id ascending, ids compared as unsigned 128-bit numbers, as {@link
     *     io.github.inboxkit.core.conversation.MessageId#compareTo} does), each with its contact's
     *     saved name (the contact of the message's number in this account, if saved with a name)
     * @throws UnsupportedOperationException if the query filters by label and the store cannot yet
     * @throws StoreException if the store fails
     */
    List<ExportedMessage> readExportPage(ExportQuery query);

    /**
     * Pairs a page's messages with their contacts' saved names, read with one look-up of the
     * contacts port: what every store's page does once it has its messages.
     *
     * @param messages the page's messages, in order
     * @param contacts the transaction's contacts port
     * @return the exported messages, in the same order
     */
    static List<ExportedMessage> withContactNames(List<Message> messages, ContactRows contacts) {
        Map<PhoneNumber, Contact> saved = messages.isEmpty() ? Map.of()
                : contacts.findContactsByPhone(messages.stream().map(Message::contactPhone).distinct().toList());
        return messages.stream()
                .map(message -> ExportedMessage.of(message,
                        Optional.ofNullable(saved.get(message.contactPhone())).flatMap(Contact::fullName)))
                .toList();
    }
}
