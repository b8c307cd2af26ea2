package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.Entitlements;
import io.github.inboxkit.core.account.FeatureNotInPlanException;
import io.github.inboxkit.core.account.NoSuchUserException;
import io.github.inboxkit.core.account.TeamFeature;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.conversation.AssignmentChange;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.Team;
import io.github.inboxkit.core.event.InboxEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Assignment, ownership history and typing, gated by the plan (F9, F10, F13, F14). */
final class TeamService implements Team {

    private final UnitOfWork unitOfWork;
    private final Entitlements entitlements;
    private final TypingPresence presence;

    TeamService(UnitOfWork unitOfWork, Entitlements entitlements, TypingPresence presence) {
        this.unitOfWork = unitOfWork;
        this.entitlements = entitlements;
        this.presence = presence;
    }

    private void require(AccountId account, TeamFeature feature) {
        Objects.requireNonNull(account, "account");
        if (!entitlements.includes(account, feature)) {
            throw new FeatureNotInPlanException(account, feature);
        }
    }

    @Override
    public Conversation assign(AccountId account, ConversationId conversation, UserId assignee, UserId by) {
        Objects.requireNonNull(assignee, "assignee");
        return changeAssignee(account, conversation, Optional.of(assignee), by);
    }

    @Override
    public Conversation unassign(AccountId account, ConversationId conversation, UserId by) {
        return changeAssignee(account, conversation, Optional.empty(), by);
    }

    private Conversation changeAssignee(AccountId account, ConversationId conversation, Optional<UserId> to, UserId by) {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(by, "by");
        require(account, TeamFeature.ASSIGNMENT);
        return unitOfWork.run(account, step -> {
            step.account();
            Conversation locked = ConversationService.lock(step, conversation);
            requireUser(step, by);
            to.ifPresent(user -> requireUser(step, user));
            if (locked.assignee().equals(to)) {
                return locked;
            }
            AssignmentChange change = AssignmentChange.builder()
                    .conversationId(conversation)
                    .previousAssignee(locked.assignee())
                    .newAssignee(to)
                    .changedBy(by)
                    .changedAt(step.now)
                    .build();
            step.tx.appendAssignmentChange(change);
            Conversation updated = Conversation.builder().from(locked).assignee(to).build();
            step.tx.updateConversation(updated);
            step.publish(new InboxEvent.AssignmentChanged(account, change));
            return updated;
        });
    }

    @Override
    public List<AssignmentChange> ownershipHistory(AccountId account, ConversationId conversation) {
        Objects.requireNonNull(conversation, "conversation");
        require(account, TeamFeature.OWNERSHIP_HISTORY);
        return unitOfWork.run(account, step -> {
            ConversationService.find(step, conversation);
            return step.tx.assignmentHistory(conversation);
        });
    }

    @Override
    public void typing(AccountId account, ConversationId conversation, UserId user) {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(user, "user");
        require(account, TeamFeature.TYPING_INDICATOR);
        unitOfWork.run(account, step -> {
            ConversationService.find(step, conversation);
            requireUser(step, user);
            return null;
        });
        if (presence.keystroke(account, conversation, user)) {
            unitOfWork.publish(List.of(new InboxEvent.TypingStarted(account, conversation, user, unitOfWork.now())));
        }
    }

    @Override
    public void stoppedTyping(AccountId account, ConversationId conversation, UserId user) {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(user, "user");
        require(account, TeamFeature.TYPING_INDICATOR);
        if (presence.stop(account, conversation, user)) {
            unitOfWork.publish(List.of(new InboxEvent.TypingStopped(account, conversation, user, unitOfWork.now())));
        }
    }

    @Override
    public List<UserId> whoIsTyping(AccountId account, ConversationId conversation) {
        Objects.requireNonNull(conversation, "conversation");
        require(account, TeamFeature.TYPING_INDICATOR);
        unitOfWork.run(account, step -> ConversationService.find(step, conversation));
        return presence.typingIn(account, conversation);
    }

    private static void requireUser(Step step, UserId user) {
        step.tx.findUser(user).orElseThrow(() -> new NoSuchUserException(user));
    }
}
