package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.label.Label;
import io.github.inboxkit.core.label.LabelId;
import io.github.inboxkit.core.store.LabelRows;
import io.github.inboxkit.core.store.StoreConflictException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The labels of one account in memory, and which conversations carry them: {@link LabelRows}.
 * A deleted conversation takes its labels with it ({@link #conversationDeleted}, called by the
 * conversations' delete), as the SQL stores' foreign key does.
 *
 * <p>Not thread-safe: a view for one transaction, which holds the account's lock.
 */
final class MemoryLabels extends MemoryRows implements LabelRows {

    /**
     * Labels by id and by name key, and the label-conversation pairs both ways. The sets are never
     * changed in place: a write puts a new set, so that the undo log restores the old one. Guarded
     * by the account's lock; every write goes through the transaction's undo log.
     */
    static final class Tables {
        final Map<LabelId, Label> labels = new HashMap<>();
        final Map<String, LabelId> labelByNameKey = new HashMap<>();
        final Map<LabelId, Set<ConversationId>> conversationsByLabel = new HashMap<>();
        final Map<ConversationId, Set<LabelId>> labelsByConversation = new HashMap<>();
    }

    private static final Comparator<Label> ORDER = Comparator.comparing(Label::nameKey)
            .thenComparing(label -> label.id().value());

    private final Tables tables;

    MemoryLabels(MemoryTransaction tx, Tables tables) {
        super(tx);
        this.tables = tables;
    }

    @Override
    public Optional<Label> findLabel(LabelId id) {
        checkOpen();
        return Optional.ofNullable(tables.labels.get(id));
    }

    @Override
    public Optional<Label> findLabelByNameKey(String nameKey) {
        checkOpen();
        return Optional.ofNullable(tables.labelByNameKey.get(nameKey)).map(tables.labels::get);
    }

    @Override
    public List<Label> listLabels() {
        checkOpen();
        return tables.labels.values().stream().sorted(ORDER).toList();
    }

    @Override
    public void insertLabel(Label label) {
        checkOpen();
        if (tables.labels.containsKey(label.id()) || tables.labelByNameKey.containsKey(label.nameKey())) {
            throw new StoreConflictException("label id or name taken");
        }
        put(tables.labels, label.id(), label);
        put(tables.labelByNameKey, label.nameKey(), label.id());
    }

    @Override
    public void updateLabel(Label label) {
        checkOpen();
        Label previous = tables.labels.get(label.id());
        requireState(previous != null, "label");
        LabelId holder = tables.labelByNameKey.get(label.nameKey());
        if (holder != null && !holder.equals(label.id())) {
            throw new StoreConflictException("label name taken");
        }
        remove(tables.labelByNameKey, previous.nameKey());
        put(tables.labelByNameKey, label.nameKey(), label.id());
        put(tables.labels, label.id(), label);
    }

    @Override
    public int deleteLabel(LabelId id) {
        checkOpen();
        Label label = tables.labels.get(id);
        if (label == null) {
            return 0;
        }
        Set<ConversationId> carrying = tables.conversationsByLabel.getOrDefault(id, Set.of());
        for (ConversationId conversation : carrying) {
            withoutLabels(conversation, Set.of(id));
        }
        remove(tables.conversationsByLabel, id);
        remove(tables.labelByNameKey, label.nameKey());
        remove(tables.labels, id);
        return carrying.size();
    }

    @Override
    public Set<ConversationId> labelledAmong(LabelId label, Collection<ConversationId> conversations) {
        checkOpen();
        Set<ConversationId> carrying = tables.conversationsByLabel.getOrDefault(label, Set.of());
        Set<ConversationId> found = new LinkedHashSet<>();
        for (ConversationId conversation : conversations) {
            if (carrying.contains(conversation)) {
                found.add(conversation);
            }
        }
        return found;
    }

    @Override
    public void addConversationLabels(LabelId label, Collection<ConversationId> conversations, Instant at) {
        checkOpen();
        requireState(tables.labels.containsKey(label), "label");
        Set<ConversationId> carrying = new HashSet<>(tables.conversationsByLabel.getOrDefault(label, Set.of()));
        for (ConversationId conversation : conversations) {
            if (!carrying.add(conversation)) {
                throw new StoreConflictException("conversation label exists");
            }
            Set<LabelId> labels = new HashSet<>(tables.labelsByConversation.getOrDefault(conversation, Set.of()));
            labels.add(label);
            put(tables.labelsByConversation, conversation, Set.copyOf(labels));
        }
        put(tables.conversationsByLabel, label, Set.copyOf(carrying));
    }

    @Override
    public int removeConversationLabels(LabelId label, Collection<ConversationId> conversations) {
        checkOpen();
        Set<ConversationId> carrying = new HashSet<>(tables.conversationsByLabel.getOrDefault(label, Set.of()));
        int removed = 0;
        for (ConversationId conversation : new LinkedHashSet<>(conversations)) {
            if (carrying.remove(conversation)) {
                withoutLabels(conversation, Set.of(label));
                removed++;
            }
        }
        if (removed > 0) {
            put(tables.conversationsByLabel, label, Set.copyOf(carrying));
        }
        return removed;
    }

    @Override
    public List<Label> labelsOfConversation(ConversationId conversation) {
        checkOpen();
        return tables.labelsByConversation.getOrDefault(conversation, Set.of()).stream()
                .map(tables.labels::get).sorted(ORDER).toList();
    }

    @Override
    public int countLabelled(LabelId label) {
        checkOpen();
        return tables.conversationsByLabel.getOrDefault(label, Set.of()).size();
    }

    /**
     * Whether a conversation carries a label: the inbox listing's label filter.
     *
     * @param conversation the conversation
     * @param label the label
     * @return whether it carries it
     */
    boolean carries(ConversationId conversation, LabelId label) {
        checkOpen();
        return tables.labelsByConversation.getOrDefault(conversation, Set.of()).contains(label);
    }

    /**
     * Takes every label off a conversation being deleted, as the SQL stores' {@code ON DELETE
     * CASCADE} does.
     *
     * @param conversation the conversation
     */
    void conversationDeleted(ConversationId conversation) {
        checkOpen();
        Set<LabelId> labels = tables.labelsByConversation.getOrDefault(conversation, Set.of());
        for (LabelId label : labels) {
            Set<ConversationId> carrying = new HashSet<>(tables.conversationsByLabel.getOrDefault(label, Set.of()));
            carrying.remove(conversation);
            put(tables.conversationsByLabel, label, Set.copyOf(carrying));
        }
        remove(tables.labelsByConversation, conversation);
    }

    /** Takes labels off one conversation's side of the pairs. */
    private void withoutLabels(ConversationId conversation, Set<LabelId> gone) {
        Set<LabelId> labels = new HashSet<>(tables.labelsByConversation.getOrDefault(conversation, Set.of()));
        labels.removeAll(gone);
        if (labels.isEmpty()) {
            remove(tables.labelsByConversation, conversation);
        } else {
            put(tables.labelsByConversation, conversation, Set.copyOf(labels));
        }
    }
}
