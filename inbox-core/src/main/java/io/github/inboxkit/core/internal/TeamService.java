package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.Entitlements;
import io.github.inboxkit.core.account.FeatureNotInPlanException;
import io.github.inboxkit.core.account.TeamFeature;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.conversation.AssignmentChange;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.Team;
import io.github.inboxkit.core.event.InboxEvent;
import java.time.Instant;
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

    /**
     * Refuses a missing account first, then a plan without the feature: an unknown account must not
     * learn what a plan would allow (and a host sees the more basic error first).
     */
    private void require(Step step, TeamFeature feature) {
        step.account();
        AccountId account = step.tx.accountId();
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
        return unitOfWork.run(account, step -> {
            require(step, TeamFeature.ASSIGNMENT);
            Conversation locked = ConversationService.lock(step, conversation);
            step.user(by);
            to.ifPresent(user -> step.user(user));
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
            step.tx.conversations().appendAssignmentChange(change);
            Conversation updated = Conversation.builder().from(locked).assignee(to).build();
            step.tx.conversations().updateConversation(updated);
            step.publish(new InboxEvent.AssignmentChanged(account, change));
            return updated;
        });
    }

    @Override
    public List<AssignmentChange> ownershipHistory(AccountId account, ConversationId conversation) {
        Objects.requireNonNull(conversation, "conversation");
        return unitOfWork.run(account, step -> {
            require(step, TeamFeature.OWNERSHIP_HISTORY);
            ConversationService.find(step, conversation);
            return step.tx.conversations().assignmentHistory(conversation);
        });
    }

    @Override
    public void typing(AccountId account, ConversationId conversation, UserId user) {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(user, "user");
        unitOfWork.run(account, step -> {
            require(step, TeamFeature.TYPING_INDICATOR);
            ConversationService.find(step, conversation);
            step.user(user);
            return null;
        });
        Instant now = unitOfWork.now();
        boolean started = presence.keystroke(account, conversation, user, now);
        publishExpired();
        if (started) {
            unitOfWork.publish(List.of(new InboxEvent.TypingStarted(account, conversation, user, now)));
        }
    }

    @Override
    public void stoppedTyping(AccountId account, ConversationId conversation, UserId user) {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(user, "user");
        unitOfWork.run(account, step -> {
            require(step, TeamFeature.TYPING_INDICATOR);
            return null;
        });
        boolean wasTyping = presence.stop(account, conversation, user);
        publishExpired();
        if (wasTyping) {
            unitOfWork.publish(List.of(new InboxEvent.TypingStopped(account, conversation, user, unitOfWork.now())));
        }
    }

    @Override
    public List<UserId> whoIsTyping(AccountId account, ConversationId conversation) {
        Objects.requireNonNull(conversation, "conversation");
        unitOfWork.run(account, step -> {
            require(step, TeamFeature.TYPING_INDICATOR);
            return ConversationService.find(step, conversation);
        });
        List<UserId> typing = presence.typingIn(account, conversation);
        publishExpired();
        return typing;
    }

    @Override
    public void sweepTyping() {
        presence.sweep();
        publishExpired();
    }

    private void publishExpired() {
        List<InboxEvent> expired = presence.expired();
        if (!expired.isEmpty()) {
            unitOfWork.publish(expired);
        }
    }

}
