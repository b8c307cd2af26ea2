package io.github.inboxkit.core.label;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.conversation.ConversationId;
import java.util.Collection;
import java.util.List;

/**
 * Labels (F35): an account defines labels (a name unique in the account regardless of case, and a
 * colour), puts any number of them on each conversation, many conversations at once, and filters the
 * inbox by one ({@code InboxQuery.label}). Each call is one transaction: it changes everything it
 * names or, if it throws, nothing. Events follow the commit, never a rolled-back change: {@code
 * LabelCreated}, {@code LabelChanged}, {@code LabelDeleted}, {@code ConversationsLabelled} and
 * {@code ConversationsUnlabelled} of {@code io.github.inboxkit.core.event.InboxEvent}.
 *
 * <p>Conversations refer to a label by its id: a rename or a new colour shows everywhere at once,
 * and deleting a label takes it off every conversation in the same transaction. A conversation
 * that the retention purge deletes takes its labels with it.
 *
 * <p>Every method refuses a null argument with a {@link io.github.inboxkit.core.MissingValueException}
 * and an unknown account with a {@link io.github.inboxkit.core.account.NoSuchAccountException}; a
 * label or a conversation of another account is unknown in this one (F33).
 *
 * <p>Reached as {@code InboxKit.labels()}. Thread-safe.
 */
public interface Labels {

    /** The most conversations one {@link #label} or {@link #unlabel} call takes. */
    int MAX_CONVERSATIONS_PER_CALL = 1000;

    /**
     * Creates a label with the {@link LabelColour#DEFAULT default colour}.
     *
     * @param account the account
     * @param name its name, normalised as {@link Label#normalizeName} says
     * @return the new label
     * @throws io.github.inboxkit.core.InvalidValueException (field {@code "name"}) if the name is
     *     blank, too long or has control characters
     * @throws LabelNameTakenException if another label of the account has that name
     */
    Label create(AccountId account, String name);

    /**
     * Creates a label.
     *
     * @param account the account
     * @param name its name, normalised as {@link Label#normalizeName} says
     * @param colour its colour
     * @return the new label
     * @throws io.github.inboxkit.core.InvalidValueException (field {@code "name"}) if the name is
     *     blank, too long or has control characters
     * @throws LabelNameTakenException if another label of the account has that name
     */
    Label create(AccountId account, String name, LabelColour colour);

    /**
     * Renames a label; its conversations keep it. A name that differs only in case or spacing from
     * the label's own is allowed (it changes how the name is written); the same name changes nothing
     * and publishes no event.
     *
     * @param account the account
     * @param label the label
     * @param name the new name, normalised as {@link Label#normalizeName} says
     * @return the label as it is now
     * @throws io.github.inboxkit.core.InvalidValueException (field {@code "name"}) for a bad name
     * @throws NoSuchLabelException if the account has no such label
     * @throws LabelNameTakenException if another label of the account has that name
     */
    Label rename(AccountId account, LabelId label, String name);

    /**
     * Gives a label another colour; the same colour changes nothing and publishes no event.
     *
     * @param account the account
     * @param label the label
     * @param colour the new colour
     * @return the label as it is now
     * @throws NoSuchLabelException if the account has no such label
     */
    Label recolour(AccountId account, LabelId label, LabelColour colour);

    /**
     * Deletes a label and takes it off every conversation that has it, in one transaction.
     *
     * @param account the account
     * @param label the label
     * @return how many conversations had it
     * @throws NoSuchLabelException if the account has no such label
     */
    int delete(AccountId account, LabelId label);

    /**
     * Reads one label.
     *
     * @param account the account
     * @param label the label
     * @return the label
     * @throws NoSuchLabelException if the account has no such label
     */
    Label get(AccountId account, LabelId label);

    /**
     * Lists the account's labels.
     *
     * @param account the account
     * @return every label, by name regardless of case, then by id
     */
    List<Label> list(AccountId account);

    /**
     * Puts a label on many conversations at once. Idempotent: a conversation that has the label
     * already keeps it and is not counted.
     *
     * @param account the account
     * @param label the label
     * @param conversations the conversations, at most {@link #MAX_CONVERSATIONS_PER_CALL} distinct
     *     ones; an id given twice counts once; none labels nothing
     * @return how many conversations got the label by this call
     * @throws io.github.inboxkit.core.InvalidValueException (field {@code "conversations"}) for more
     *     than {@link #MAX_CONVERSATIONS_PER_CALL}
     * @throws NoSuchLabelException if the account has no such label
     * @throws io.github.inboxkit.core.conversation.NoSuchConversationException if one of the
     *     conversations is not the account's: then no conversation got the label
     */
    int label(AccountId account, LabelId label, Collection<ConversationId> conversations);

    /**
     * Takes a label off many conversations at once. Idempotent: a conversation without the label is
     * left as it is and not counted.
     *
     * @param account the account
     * @param label the label
     * @param conversations the conversations, at most {@link #MAX_CONVERSATIONS_PER_CALL} distinct
     *     ones; an id given twice counts once
     * @return how many conversations lost the label by this call
     * @throws io.github.inboxkit.core.InvalidValueException (field {@code "conversations"}) for more
     *     than {@link #MAX_CONVERSATIONS_PER_CALL}
     * @throws NoSuchLabelException if the account has no such label
     * @throws io.github.inboxkit.core.conversation.NoSuchConversationException if one of the
     *     conversations is not the account's: then no conversation lost the label
     */
    int unlabel(AccountId account, LabelId label, Collection<ConversationId> conversations);

    /**
     * The labels a conversation has.
     *
     * @param account the account
     * @param conversation the conversation
     * @return its labels, by name regardless of case, then by id
     * @throws io.github.inboxkit.core.conversation.NoSuchConversationException if the account has no
     *     such conversation
     */
    List<Label> labelsOf(AccountId account, ConversationId conversation);
}
