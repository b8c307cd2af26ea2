package io.github.inboxkit.core.store;

import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.label.Label;
import io.github.inboxkit.core.label.LabelId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port of one aggregate of the store: the account's labels and which conversations carry them
 * (F35; tables {@code labels} and {@code conversation_labels} in the SQL stores). Reached through
 * {@link StoreTransaction#labels()}; every operation is scoped to the transaction's account ({@link
 * StoreTransaction#accountId()}): every read sees only that account's rows and every write goes to
 * that account. An implementation reads and writes only this aggregate's rows.
 *
 * <p>No reference dangles: a label's conversation rows go with the label ({@link #deleteLabel}),
 * and a conversation's go with the conversation, whoever deletes it (the retention purge, an
 * erasure): the SQL stores by a foreign key {@code ON DELETE CASCADE}, the in-memory store by the
 * same rule in its conversation delete. A conversation row is only added for a conversation and a
 * label of the account.
 *
 * <p>Any operation may throw {@link StoreConflictException} (a unique key taken concurrently, a
 * row referenced deleted concurrently, a deadlock) or {@link StoreException}; the engine then runs
 * the use case again.
 *
 * <p>Not thread-safe: it belongs to one transaction, one thread, only during {@link
 * InboxStore#inTransaction}.
 */
public interface LabelRows {

    /**
     * @param id a label id
     * @return the label of this account with that id
     */
    Optional<Label> findLabel(LabelId id);

    /**
     * @param nameKey a name's comparison key ({@link Label#nameKey()})
     * @return the label of this account whose name has that key
     */
    Optional<Label> findLabelByNameKey(String nameKey);

    /** @return the account's labels, ordered by {@link Label#nameKey()}, then by id */
    List<Label> listLabels();

    /**
     * Adds a label.
     *
     * @param label the label
     * @throws StoreConflictException if the account has a label with that id or name key
     */
    void insertLabel(Label label);

    /**
     * Replaces a label's name, colour and update time.
     *
     * @param label the label, read in this transaction
     * @throws StoreConflictException if another label of the account has its name key
     */
    void updateLabel(Label label);

    /**
     * Deletes a label and takes it off every conversation.
     *
     * @param id the label
     * @return how many conversations had it
     */
    int deleteLabel(LabelId id);

    /**
     * Which of some conversations carry a label.
     *
     * @param label the label
     * @param conversations conversation ids; an id given twice is read once
     * @return those of them that carry it
     */
    Set<ConversationId> labelledAmong(LabelId label, Collection<ConversationId> conversations);

    /**
     * Puts a label on conversations that do not carry it yet.
     *
     * @param label a label of the account, read in this transaction
     * @param conversations conversations of the account, distinct, none carrying the label
     * @param at when
     * @throws StoreConflictException if a concurrent transaction put the label on one of them, or
     *     deleted the label or one of the conversations
     */
    void addConversationLabels(LabelId label, Collection<ConversationId> conversations, Instant at);

    /**
     * Takes a label off conversations.
     *
     * @param label the label
     * @param conversations conversation ids; those without the label are left alone
     * @return how many lost it
     */
    int removeConversationLabels(LabelId label, Collection<ConversationId> conversations);

    /**
     * @param conversation a conversation
     * @return the labels it carries, ordered as {@link #listLabels()}
     */
    List<Label> labelsOfConversation(ConversationId conversation);

    /**
     * @param label a label
     * @return how many conversations carry it
     */
    int countLabelled(LabelId label);
}
