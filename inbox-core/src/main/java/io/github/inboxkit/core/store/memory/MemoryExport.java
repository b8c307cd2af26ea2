package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.export.ExportedMessage;
import io.github.inboxkit.core.store.ExportQuery;
import io.github.inboxkit.core.store.ExportRows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The export's read model in memory: {@link ExportRows}. It reads the messages' table, read only,
 * and the contacts' names through the transaction's contacts port, as the SQL store joins them.
 *
 * <p>Not thread-safe: a view for one transaction, which holds the account's lock.
 */
final class MemoryExport implements ExportRows {

    /** The export's order: creation time, then id (unsigned, as the SQL stores compare uuids). */
    private static final Comparator<Message> ORDER =
            Comparator.comparing(Message::createdAt).thenComparing(Message::id);

    private final MemoryTransaction tx;
    private final MemoryMessages.Tables messages;

    MemoryExport(MemoryTransaction tx, MemoryMessages.Tables messages) {
        this.tx = tx;
        this.messages = messages;
    }

    @Override
    public List<ExportedMessage> readExportPage(ExportQuery query) {
        tx.checkOpen();
        // the smallest `limit` messages after the cursor, kept in a bounded heap (largest on top)
        PriorityQueue<Message> page = new PriorityQueue<>(query.limit() + 1, ORDER.reversed());
        for (Message message : messages.messages.values()) {
            if (selected(query, message)) {
                page.add(message);
                if (page.size() > query.limit()) {
                    page.poll();
                }
            }
        }
        List<Message> ordered = new ArrayList<>(page);
        ordered.sort(ORDER);
        return ExportRows.withContactNames(ordered, tx.contacts());
    }

    private boolean selected(ExportQuery query, Message message) {
        return query.label().map(label -> tx.labels().carries(message.conversationId(), label)).orElse(true)
                && !message.createdAt().isBefore(query.from())
                && message.createdAt().isBefore(query.to())
                && query.contact().map(message.contactPhone()::equals).orElse(true)
                && query.isAfterCursor(message.createdAt(), message.id());
    }
}
