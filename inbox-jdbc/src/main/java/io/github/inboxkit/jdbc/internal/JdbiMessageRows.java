package io.github.inboxkit.jdbc.internal;

import static io.github.inboxkit.jdbc.internal.RowColumns.column;

import io.github.inboxkit.core.store.MessageRows;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.OutboxEntry;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The threads' messages, with what the retention purge reads and deletes of them on the SQL schema:
 * the statements of {@code messages} only, every one filtered by the transaction's account, which
 * leads every key and index (architecture invariant 6), so that an id of another account reads as a
 * missing row. One of the ports a {@link JdbiStoreTransaction} hands out.
 *
 * <p>Not thread-safe: it lives on one thread for one {@code inTransaction} call.
 */
final class JdbiMessageRows extends JdbiRows implements MessageRows {

    private final JdbiStoreTransaction tx;

    JdbiMessageRows(JdbiStoreTransaction tx) {
        super(tx);
        this.tx = tx;
    }

    static final String MESSAGE_COLUMNS = "message_id, conversation_id, sequence, phone_e164, direction,"
            + " body, media, sender_id, carrier_message_id, status, is_read, author_id, broadcast_label,"
            + " scheduled_for, carrier_received_at, created_at, text_repairs";

    static final RowMapper<Message> MESSAGE = (rs, ctx) -> Message.builder()
            .id(new MessageId(rs.getObject("message_id", UUID.class)))
            .conversationId(new ConversationId(rs.getObject("conversation_id", UUID.class)))
            .sequence(rs.getLong("sequence"))
            .contactPhone(new PhoneNumber(rs.getString("phone_e164")))
            .direction(Direction.valueOf(rs.getString("direction")))
            .text(rs.getString("body"))
            .media(Codecs.readMedia(rs.getString("media")))
            .senderId(Optional.ofNullable(rs.getString("sender_id")))
            .carrierMessageId(Optional.ofNullable(rs.getString("carrier_message_id")))
            .status(MessageStatus.valueOf(rs.getString("status")))
            .read(rs.getBoolean("is_read"))
            .author(Optional.ofNullable(rs.getString("author_id")).map(UserId::of))
            .broadcastLabel(Optional.ofNullable(rs.getString("broadcast_label")))
            .scheduledFor(Optional.ofNullable(nullableInstant(rs, "scheduled_for")))
            .carrierReceivedAt(Optional.ofNullable(nullableInstant(rs, "carrier_received_at")))
            .createdAt(instant(rs, "created_at"))
            .textRepairs(Codecs.readTextRepairs(rs.getInt("text_repairs")))
            .build();

    @Override
    public Optional<Message> findMessage(MessageId id) {
        return run("find message", () -> handle()
                .createQuery("SELECT " + MESSAGE_COLUMNS + " FROM messages"
                        + " WHERE account_id = :account AND message_id = :message")
                .bind("account", account)
                .bind("message", id.value())
                .map(MESSAGE)
                .findOne());
    }

    @Override
    public Optional<Message> findMessageByCarrierId(String carrierMessageId) {
        return run("find message by carrier id", () -> handle()
                .createQuery("SELECT " + MESSAGE_COLUMNS + " FROM messages"
                        + " WHERE account_id = :account AND inbound_carrier_message_id = :carrierId")
                .bind("account", account)
                .bind("carrierId", carrierMessageId)
                .map(MESSAGE)
                .findOne());
    }

    /** What a message row holds, one list for single-row and set-based statements. */
    private static final RowColumns<Message> MESSAGE_ROW = new RowColumns<>("messages",
            column("message_id", "message", "uuid", m -> m.id().value()), List.of(
            column("conversation_id", "conversation", "uuid", m -> m.conversationId().value()),
            column("sequence", "sequence", "bigint", Message::sequence),
            column("phone_e164", "phone", "text", m -> m.contactPhone().e164()),
            column("direction", "direction", "text", m -> m.direction().name()),
            column("body", "body", "text", Message::text),
            column("body_lower", "bodyLower", "text", m -> searchable(m.text())),
            column("media", "media", "text", m -> Codecs.writeMedia(m.media())),
            column("sender_id", "senderId", "text", m -> m.senderId().orElse(null)),
            column("carrier_message_id", "carrierId", "text", m -> m.carrierMessageId().orElse(null)),
            column("status", "status", "text", m -> m.status().name()),
            column("is_read", "read", "boolean", Message::read),
            column("author_id", "author", "text", m -> m.author().map(UserId::value).orElse(null)),
            column("broadcast_label", "broadcast", "text", m -> m.broadcastLabel().orElse(null)),
            column("scheduled_for", "scheduledFor", "timestamptz",
                    m -> m.scheduledFor().map(JdbiRows::time).orElse(null)),
            column("carrier_received_at", "carrierReceivedAt", "timestamptz",
                    m -> m.carrierReceivedAt().map(JdbiRows::time).orElse(null)),
            column("created_at", "createdAt", "timestamptz", m -> time(m.createdAt())),
            column("text_repairs", "textRepairs", "smallint", m -> Codecs.writeTextRepairs(m.textRepairs()))));

    @Override
    public void insertMessage(Message message) {
        writeOne("insert message", MESSAGE_ROW, true, message);
    }

    @Override
    public void insertMessages(List<Message> messages) {
        writeAll("insert messages", MESSAGE_ROW, true, messages);
    }

    @Override
    public void updateMessage(Message message) {
        writeOne("update message", MESSAGE_ROW, false, message);
    }

    @Override
    public void updateMessages(List<Message> messages) {
        writeAll("update messages", MESSAGE_ROW, false, messages);
    }

    @Override
    public Map<MessageId, Message> findMessages(Collection<MessageId> ids) {
        return readByKeys("find messages", "SELECT " + MESSAGE_COLUMNS + " FROM messages"
                + " WHERE account_id = :account AND message_id IN (<keys>)", ids, MessageId::value, MESSAGE, Message::id);
    }

    @Override
    public List<Message> listMessages(ConversationId conversation, long beforeSequence, Instant since, int limit) {
        return run("list messages", () -> handle()
                .createQuery("SELECT " + MESSAGE_COLUMNS + " FROM messages"
                        + " WHERE account_id = :account AND conversation_id = :conversation"
                        + " AND sequence < :before AND created_at >= :since"
                        + " ORDER BY sequence DESC LIMIT :limit")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .bind("before", beforeSequence)
                .bind("since", time(since))
                .bind("limit", limit)
                .map(MESSAGE)
                .list());
    }

    @Override
    public List<Message> searchMessages(ConversationId conversation, String lowerCaseText, Instant since, int limit) {
        return run("search messages", () -> handle()
                .createQuery("SELECT " + MESSAGE_COLUMNS + " FROM messages"
                        + " WHERE account_id = :account AND conversation_id = :conversation"
                        + " AND created_at >= :since AND " + LikePatterns.searchable("body_lower", lowerCaseText)
                        + " LIKE :pattern ESCAPE '!' ORDER BY sequence DESC LIMIT :limit")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .bind("since", time(since))
                .bind("pattern", LikePatterns.containing(lowerCaseText))
                .bind("limit", limit)
                .map(MESSAGE)
                .list());
    }

    @Override
    public int markInboundMessagesRead(ConversationId conversation) {
        return run("mark messages read", () -> handle()
                .createUpdate("UPDATE messages SET is_read = TRUE WHERE account_id = :account"
                        + " AND conversation_id = :conversation AND direction = 'INBOUND' AND is_read = FALSE")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .execute());
    }

    /** The columns of a thread message that follow its outbox entry; the rest stays. */
    static final RowColumns<OutboxEntry> MESSAGE_SYNC = new RowColumns<>("messages",
            column("message_id", "message", "uuid", entry -> entry.messageId().value()), List.of(
            column("status", "status", "text", entry -> entry.status().name()),
            column("carrier_message_id", "carrierMessageId", "text", entry -> entry.carrierMessageId().orElse(null)),
            column("body", "body", "text", OutboxEntry::text),
            column("body_lower", "bodyLower", "text", entry -> searchable(entry.text())),
            column("scheduled_for", "scheduledFor", "timestamptz",
                    entry -> entry.scheduledFor().map(s -> time(s.instant())).orElse(null))));

    @Override
    public void syncMessages(List<OutboxEntry> entries) {
        writeAll("update messages of outbox entries", MESSAGE_SYNC, false, entries);
    }

    /** What a delivery changes of a message. */
    static final RowColumns<OutboxEntry> MESSAGE_STATE = MESSAGE_SYNC.only(List.of("status", "carrier_message_id"));

    @Override
    public void syncMessageStates(List<OutboxEntry> entries) {
        writeAll("record messages of outbox entries", MESSAGE_STATE, false, entries);
    }

    @Override
    public int deleteMessages(ConversationId conversation, Collection<MessageId> ids) {
        return deleteByMessageIds("delete messages", "DELETE FROM messages", conversation, ids);
    }

    @Override
    public List<Message> listPurgeableMessages(Instant createdBefore, int limit) {
        return run("list purgeable messages", () -> handle()
                .createQuery("SELECT " + MESSAGE_COLUMNS + " FROM messages WHERE account_id = :account"
                        + " AND created_at < :before AND status NOT IN ('QUEUED', 'SCHEDULED', 'SENDING')"
                        + " ORDER BY created_at, message_id LIMIT :limit")
                .bind("account", account)
                .bind("before", time(createdBefore))
                .bind("limit", limit)
                .map(MESSAGE)
                .list());
    }

    @Override
    public boolean hasMessages(ConversationId conversation) {
        return run("check for messages", () -> handle()
                .createQuery("SELECT 1 FROM messages WHERE account_id = :account AND conversation_id = :conversation"
                        + " LIMIT 1")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
    }
}
