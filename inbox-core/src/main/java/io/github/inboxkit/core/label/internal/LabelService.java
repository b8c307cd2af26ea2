package io.github.inboxkit.core.label.internal;

import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.NoSuchConversationException;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.internal.Step;
import io.github.inboxkit.core.internal.UnitOfWork;
import io.github.inboxkit.core.label.Label;
import io.github.inboxkit.core.label.LabelColour;
import io.github.inboxkit.core.label.LabelId;
import io.github.inboxkit.core.label.LabelNameTakenException;
import io.github.inboxkit.core.label.Labels;
import io.github.inboxkit.core.label.NoSuchLabelException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The labels' use cases (F35), each one transaction of the engine's one unit of work, its events
 * published after the commit. A name is checked against the account's other labels before it is
 * written; two transactions taking one name at once collide on the store's unique key, and the one
 * run again then finds the name taken. Thread-safe.
 */
public final class LabelService implements Labels {

    private final UnitOfWork unitOfWork;

    /**
     * Wires the use cases.
     *
     * @param unitOfWork runs each transaction and publishes its events after the commit
     */
    public LabelService(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Label create(AccountId account, String name) {
        return create(account, name, LabelColour.DEFAULT);
    }

    @Override
    public Label create(AccountId account, String name, LabelColour colour) {
        Require.nonNull(account, "account");
        String normalized = Label.normalizeName(name);
        Require.nonNull(colour, "colour");
        return unitOfWork.run(account, step -> {
            step.account();
            requireNameFree(step, normalized, Optional.empty());
            Label label = Label.builder().id(LabelId.random()).name(normalized).colour(colour)
                    .createdAt(step.now()).updatedAt(step.now()).build();
            step.tx().labels().insertLabel(label);
            step.publish(new InboxEvent.LabelCreated(account, label, step.now()));
            return label;
        });
    }

    @Override
    public Label rename(AccountId account, LabelId label, String name) {
        Require.nonNull(account, "account");
        Require.nonNull(label, "label");
        String normalized = Label.normalizeName(name);
        return unitOfWork.run(account, step -> {
            Label existing = existing(step, label);
            if (existing.name().equals(normalized)) {
                return existing;
            }
            requireNameFree(step, normalized, Optional.of(label));
            return changed(step, Label.builder().from(existing).name(normalized).updatedAt(step.now()).build());
        });
    }

    @Override
    public Label recolour(AccountId account, LabelId label, LabelColour colour) {
        Require.nonNull(account, "account");
        Require.nonNull(label, "label");
        Require.nonNull(colour, "colour");
        return unitOfWork.run(account, step -> {
            Label existing = existing(step, label);
            if (existing.colour().equals(colour)) {
                return existing;
            }
            return changed(step, Label.builder().from(existing).colour(colour).updatedAt(step.now()).build());
        });
    }

    @Override
    public int delete(AccountId account, LabelId label) {
        Require.nonNull(account, "account");
        Require.nonNull(label, "label");
        return unitOfWork.run(account, step -> {
            existing(step, label);
            int unlabelled = step.tx().labels().deleteLabel(label);
            step.publish(new InboxEvent.LabelDeleted(account, label, unlabelled, step.now()));
            return unlabelled;
        });
    }

    @Override
    public Label get(AccountId account, LabelId label) {
        Require.nonNull(account, "account");
        Require.nonNull(label, "label");
        return unitOfWork.run(account, step -> existing(step, label));
    }

    @Override
    public List<Label> list(AccountId account) {
        Require.nonNull(account, "account");
        return unitOfWork.run(account, step -> {
            step.account();
            return step.tx().labels().listLabels();
        });
    }

    @Override
    public int label(AccountId account, LabelId label, Collection<ConversationId> conversations) {
        return relabel(account, label, conversations, true);
    }

    @Override
    public int unlabel(AccountId account, LabelId label, Collection<ConversationId> conversations) {
        return relabel(account, label, conversations, false);
    }

    /**
     * Puts a label on conversations or takes it off them, in one transaction: only those that change
     * are written and named in the event.
     */
    private int relabel(AccountId account, LabelId label, Collection<ConversationId> conversations, boolean put) {
        Set<ConversationId> ids = bulk(account, label, conversations);
        return unitOfWork.run(account, step -> {
            existing(step, label);
            requireConversations(step, ids);
            Set<ConversationId> carrying = step.tx().labels().labelledAmong(label, ids);
            List<ConversationId> changing = ids.stream().filter(id -> carrying.contains(id) != put).toList();
            if (changing.isEmpty()) {
                return 0;
            }
            if (put) {
                step.tx().labels().addConversationLabels(label, changing, step.now());
                step.publish(new InboxEvent.ConversationsLabelled(account, label, changing, step.now()));
            } else {
                step.tx().labels().removeConversationLabels(label, changing);
                step.publish(new InboxEvent.ConversationsUnlabelled(account, label, changing, step.now()));
            }
            return changing.size();
        });
    }

    @Override
    public List<Label> labelsOf(AccountId account, ConversationId conversation) {
        Require.nonNull(account, "account");
        Require.nonNull(conversation, "conversation");
        return unitOfWork.run(account, step -> {
            requireConversations(step, List.of(conversation));
            return step.tx().labels().labelsOfConversation(conversation);
        });
    }

    /** Checks a bulk call's arguments; returns the distinct ids in the order given. */
    private static Set<ConversationId> bulk(AccountId account, LabelId label, Collection<ConversationId> conversations) {
        Require.nonNull(account, "account");
        Require.nonNull(label, "label");
        Require.nonNull(conversations, "conversations");
        Set<ConversationId> ids = new LinkedHashSet<>();
        for (ConversationId id : conversations) {
            ids.add(Require.nonNull(id, "conversations"));
        }
        Require.argument(ids.size() <= MAX_CONVERSATIONS_PER_CALL, "conversations",
                "must hold at most " + MAX_CONVERSATIONS_PER_CALL + " distinct conversations per call");
        return ids;
    }

    private static Label existing(Step step, LabelId label) {
        step.account();
        return step.tx().labels().findLabel(label)
                .orElseThrow(() -> new NoSuchLabelException(step.tx().accountId(), label));
    }

    private static void requireNameFree(Step step, String name, Optional<LabelId> self) {
        Optional<Label> holder = step.tx().labels().findLabelByNameKey(Label.nameKeyOf(name));
        if (holder.isPresent() && !Optional.of(holder.get().id()).equals(self)) {
            throw new LabelNameTakenException(step.tx().accountId(), name, holder.get().id());
        }
    }

    /** Refuses the first id that is not a conversation of the account. */
    private static void requireConversations(Step step, Collection<ConversationId> ids) {
        step.account();
        Set<ConversationId> found = step.tx().conversations().existingConversations(ids);
        for (ConversationId id : ids) {
            if (!found.contains(id)) {
                throw new NoSuchConversationException(id);
            }
        }
    }

    private static Label changed(Step step, Label label) {
        step.tx().labels().updateLabel(label);
        step.publish(new InboxEvent.LabelChanged(step.tx().accountId(), label, step.now()));
        return label;
    }
}
