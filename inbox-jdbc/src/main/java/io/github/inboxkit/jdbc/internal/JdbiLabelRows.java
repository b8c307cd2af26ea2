package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.label.Label;
import io.github.inboxkit.core.label.LabelColour;
import io.github.inboxkit.core.label.LabelId;
import io.github.inboxkit.core.store.LabelRows;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Labels and the conversations that carry them (F35) on the SQL schema: the statements of {@code
 * labels} and {@code conversation_labels} only, every one filtered by the transaction's account,
 * which leads every key and index (architecture invariant 6), so that an id of another account
 * reads as a missing row. The foreign keys of {@code conversation_labels} cascade, so that a
 * deleted conversation takes its rows with it whoever deletes it. One of the ports a {@link
 * JdbiStoreTransaction} hands out.
 *
 * <p>Not thread-safe: it lives on one thread for one {@code inTransaction} call.
 */
final class JdbiLabelRows extends JdbiRows implements LabelRows {

    JdbiLabelRows(JdbiStoreTransaction tx) {
        super(tx);
    }

    private static final String LABEL_COLUMNS = "l.label_id, l.name, l.colour, l.created_at, l.updated_at";

    private static final RowMapper<Label> LABEL = (rs, ctx) -> Label.builder()
            .id(new LabelId(rs.getObject("label_id", UUID.class)))
            .name(rs.getString("name"))
            .colour(new LabelColour(rs.getString("colour")))
            .createdAt(instant(rs, "created_at"))
            .updatedAt(instant(rs, "updated_at"))
            .build();

    @Override
    public Optional<Label> findLabel(LabelId id) {
        return run("find label", () -> handle()
                .createQuery("SELECT " + LABEL_COLUMNS + " FROM labels l WHERE l.account_id = :account"
                        + " AND l.label_id = :label")
                .bind("account", account)
                .bind("label", id.value())
                .map(LABEL)
                .findOne());
    }

    @Override
    public Optional<Label> findLabelByNameKey(String nameKey) {
        return run("find label by name", () -> handle()
                .createQuery("SELECT " + LABEL_COLUMNS + " FROM labels l WHERE l.account_id = :account"
                        + " AND l.name_key = :nameKey")
                .bind("account", account)
                .bind("nameKey", nameKey)
                .map(LABEL)
                .findOne());
    }

    @Override
    public List<Label> listLabels() {
        return run("list labels", () -> handle()
                .createQuery("SELECT " + LABEL_COLUMNS + " FROM labels l WHERE l.account_id = :account"
                        + " ORDER BY l.name_key, l.label_id")
                .bind("account", account)
                .map(LABEL)
                .list());
    }

    @Override
    public void insertLabel(Label label) {
        run("insert label", () -> handle()
                .createUpdate("INSERT INTO labels (account_id, label_id, name, name_key, colour, created_at, updated_at)"
                        + " VALUES (:account, :label, :name, :nameKey, :colour, :createdAt, :updatedAt)")
                .bind("account", account)
                .bind("label", label.id().value())
                .bind("name", label.name())
                .bind("nameKey", label.nameKey())
                .bind("colour", label.colour().hex())
                .bind("createdAt", time(label.createdAt()))
                .bind("updatedAt", time(label.updatedAt()))
                .execute());
    }

    @Override
    public void updateLabel(Label label) {
        run("update label", () -> handle()
                .createUpdate("UPDATE labels SET name = :name, name_key = :nameKey, colour = :colour,"
                        + " updated_at = :updatedAt WHERE account_id = :account AND label_id = :label")
                .bind("account", account)
                .bind("label", label.id().value())
                .bind("name", label.name())
                .bind("nameKey", label.nameKey())
                .bind("colour", label.colour().hex())
                .bind("updatedAt", time(label.updatedAt()))
                .execute());
    }

    @Override
    public int deleteLabel(LabelId id) {
        // the conversation rows first, to count them; the foreign key would cascade them anyway
        int unlabelled = run("unlabel conversations of a deleted label", () -> handle()
                .createUpdate("DELETE FROM conversation_labels WHERE account_id = :account AND label_id = :label")
                .bind("account", account)
                .bind("label", id.value())
                .execute());
        run("delete label", () -> handle()
                .createUpdate("DELETE FROM labels WHERE account_id = :account AND label_id = :label")
                .bind("account", account)
                .bind("label", id.value())
                .execute());
        return unlabelled;
    }

    @Override
    public Set<ConversationId> labelledAmong(LabelId label, Collection<ConversationId> conversations) {
        Set<ConversationId> found = new LinkedHashSet<>();
        if (conversations.isEmpty()) {
            return found;
        }
        run("read labelled conversations", () -> handle()
                .createQuery("SELECT conversation_id FROM conversation_labels WHERE account_id = :account"
                        + " AND label_id = :label AND conversation_id IN (<ids>)")
                .bind("account", account)
                .bind("label", label.value())
                .bindList("ids", uuids(conversations))
                .mapTo(UUID.class)
                .list())
                .forEach(id -> found.add(new ConversationId(id)));
        return found;
    }

    @Override
    public void addConversationLabels(LabelId label, Collection<ConversationId> conversations, Instant at) {
        if (conversations.isEmpty()) {
            return;
        }
        List<UUID> ids = uuids(conversations);
        if (setBased) {
            run("label conversations", () -> handle()
                    .createUpdate("INSERT INTO conversation_labels (account_id, conversation_id, label_id, labelled_at)"
                            + " SELECT :account, k, :label, :at FROM unnest(CAST(:ids AS uuid[])) AS k")
                    .bind("account", account)
                    .bind("label", label.value())
                    .bind("at", time(at))
                    .bindArray("ids", UUID.class, ids)
                    .execute());
        } else {
            batch("label conversations", "INSERT INTO conversation_labels (account_id, conversation_id, label_id,"
                    + " labelled_at) VALUES (:account, :conversation, :label, :at)", ids,
                    (statement, id) -> statement.bind("account", account).bind("conversation", id)
                            .bind("label", label.value()).bind("at", time(at)));
        }
    }

    @Override
    public int removeConversationLabels(LabelId label, Collection<ConversationId> conversations) {
        if (conversations.isEmpty()) {
            return 0;
        }
        return run("unlabel conversations", () -> handle()
                .createUpdate("DELETE FROM conversation_labels WHERE account_id = :account AND label_id = :label"
                        + " AND conversation_id IN (<ids>)")
                .bind("account", account)
                .bind("label", label.value())
                .bindList("ids", uuids(conversations))
                .execute());
    }

    @Override
    public List<Label> labelsOfConversation(ConversationId conversation) {
        return run("read a conversation's labels", () -> handle()
                .createQuery("SELECT " + LABEL_COLUMNS + " FROM conversation_labels cl JOIN labels l"
                        + " ON l.account_id = cl.account_id AND l.label_id = cl.label_id"
                        + " WHERE cl.account_id = :account AND cl.conversation_id = :conversation"
                        + " ORDER BY l.name_key, l.label_id")
                .bind("account", account)
                .bind("conversation", conversation.value())
                .map(LABEL)
                .list());
    }

    @Override
    public int countLabelled(LabelId label) {
        return run("count labelled conversations", () -> handle()
                .createQuery("SELECT count(*) FROM conversation_labels WHERE account_id = :account AND label_id = :label")
                .bind("account", account)
                .bind("label", label.value())
                .mapTo(Integer.class)
                .one());
    }

    private static List<UUID> uuids(Collection<ConversationId> conversations) {
        return conversations.stream().map(ConversationId::value).distinct().toList();
    }
}
