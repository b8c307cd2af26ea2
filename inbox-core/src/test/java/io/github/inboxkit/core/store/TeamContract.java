package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.Entitlements;
import io.github.inboxkit.core.account.FeatureNotInPlanException;
import io.github.inboxkit.core.account.NoSuchUserException;
import io.github.inboxkit.core.account.TeamFeature;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.conversation.AssignmentChange;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.event.InboxEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract: assignment, ownership history, typing indicator and plan gating (F9, F10, F13, F14). */
public abstract class TeamContract extends StoreContractSupport {

    @Test
    @DisplayName("F9 F13 assign, reassign and unassign, each recorded with who, to whom, by whom and when")
    void assignmentHistory() {
        ConversationId id = idOf(receive(phone(1), "hello"));

        Conversation assigned = kit.team().assign(account, id, alice, bob);
        advance(Duration.ofMinutes(5));
        kit.team().assign(account, id, bob, alice);
        advance(Duration.ofMinutes(5));
        Conversation unassigned = kit.team().unassign(account, id, bob);

        assertThat(assigned.assignee()).contains(alice);
        assertThat(unassigned.assignee()).isEmpty();
        List<AssignmentChange> history = kit.team().ownershipHistory(account, id);
        assertThat(history).extracting(AssignmentChange::previousAssignee, AssignmentChange::newAssignee, AssignmentChange::changedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Optional.empty(), Optional.of(alice), bob),
                        org.assertj.core.groups.Tuple.tuple(Optional.of(alice), Optional.of(bob), alice),
                        org.assertj.core.groups.Tuple.tuple(Optional.of(bob), Optional.empty(), bob));
        assertThat(history).extracting(AssignmentChange::changedAt)
                .containsExactly(START, START.plus(Duration.ofMinutes(5)), START.plus(Duration.ofMinutes(10)));
        assertThat(eventsOf(InboxEvent.AssignmentChanged.class)).hasSize(3);
    }

    @Test
    @DisplayName("F9 assigning to the current assignee records nothing; a stranger cannot be assigned")
    void assignmentEdgeCases() {
        ConversationId id = idOf(receive(phone(1), "hello"));
        kit.team().assign(account, id, alice, alice);
        kit.team().assign(account, id, alice, alice);
        kit.team().unassign(account, idOf(receive(phone(2), "x")), alice);

        assertThat(kit.team().ownershipHistory(account, id)).hasSize(1);
        assertThatThrownBy(() -> kit.team().assign(account, id, UserId.of("mallory"), alice))
                .isInstanceOf(NoSuchUserException.class);
        assertThat(kit.conversations().get(account, id).assignee()).contains(alice);
    }

    @Test
    @DisplayName("F10 without a team plan, assignment, history and typing are refused with a typed error")
    void planGating() {
        ConversationId id = idOf(receive(phone(1), "hello"));
        InboxKit solo = kitWith(Entitlements.none());

        assertThatThrownBy(() -> solo.team().assign(account, id, alice, alice))
                .isInstanceOfSatisfying(FeatureNotInPlanException.class, e -> {
                    assertThat(e.feature()).isEqualTo(TeamFeature.ASSIGNMENT);
                    assertThat(e.account()).isEqualTo(account);
                });
        assertThatThrownBy(() -> solo.team().ownershipHistory(account, id))
                .isInstanceOfSatisfying(FeatureNotInPlanException.class,
                        e -> assertThat(e.feature()).isEqualTo(TeamFeature.OWNERSHIP_HISTORY));
        assertThatThrownBy(() -> solo.team().typing(account, id, alice))
                .isInstanceOfSatisfying(FeatureNotInPlanException.class,
                        e -> assertThat(e.feature()).isEqualTo(TeamFeature.TYPING_INDICATOR));
        assertThat(kit.conversations().get(account, id).assignee()).isEmpty();
    }

    @Test
    @DisplayName("F10 entitlements are per account")
    void planPerAccount() {
        AccountId other = newAccount(io.github.inboxkit.core.account.AccountSettings.defaults());
        kit.administration().addUser(other, alice, "Alice");
        ConversationId mine = idOf(receive(phone(1), "hello"));
        ConversationId theirs = idOf(receive(other, phone(1), "hello", "p1"));
        InboxKit mixed = kitWith(Entitlements.teamPlanFor(Set.of(account)));

        assertThat(mixed.team().assign(account, mine, alice, alice).assignee()).contains(alice);
        assertThatThrownBy(() -> mixed.team().assign(other, theirs, alice, alice))
                .isInstanceOf(FeatureNotInPlanException.class);
    }

    @Test
    @DisplayName("F14 typing shows for a few seconds after the last keystroke, with events")
    void typingIndicator() {
        ConversationId id = idOf(receive(phone(1), "hello"));

        kit.team().typing(account, id, alice);
        advance(Duration.ofSeconds(3));
        kit.team().typing(account, id, alice);
        kit.team().typing(account, id, bob);
        assertThat(kit.team().whoIsTyping(account, id)).containsExactly(alice, bob);
        assertThat(eventsOf(InboxEvent.TypingStarted.class)).extracting(InboxEvent.TypingStarted::user)
                .containsExactly(alice, bob);

        advance(Duration.ofSeconds(4));
        assertThat(kit.team().whoIsTyping(account, id)).containsExactly(alice, bob);
        kit.team().stoppedTyping(account, id, bob);
        assertThat(kit.team().whoIsTyping(account, id)).containsExactly(alice);
        assertThat(eventsOf(InboxEvent.TypingStopped.class)).hasSize(1);

        advance(Duration.ofSeconds(2));
        assertThat(kit.team().whoIsTyping(account, id)).isEmpty();
    }

    @Test
    @DisplayName("F14 recording a user's outbound message ends that user's typing in the conversation")
    void sendingEndsTyping() {
        ConversationId id = idOf(receive(phone(1), "hello"));
        kit.team().typing(account, id, alice);
        kit.team().typing(account, id, bob);

        send(phone(1), "Here is your answer");

        assertThat(kit.team().whoIsTyping(account, id)).containsExactly(bob);
        assertThat(eventsOf(InboxEvent.TypingStopped.class)).singleElement()
                .satisfies(event -> assertThat(event.user()).isEqualTo(alice));
    }

    @Test
    @DisplayName("F14 F33 typing is per conversation and per account")
    void typingScoped() {
        ConversationId first = idOf(receive(phone(1), "hello"));
        ConversationId second = idOf(receive(phone(2), "hello"));
        kit.team().typing(account, first, alice);

        assertThat(kit.team().whoIsTyping(account, second)).isEmpty();
        AccountId other = newAccount(io.github.inboxkit.core.account.AccountSettings.defaults());
        assertThatThrownBy(() -> kit.team().whoIsTyping(other, first))
                .isInstanceOf(io.github.inboxkit.core.conversation.NoSuchConversationException.class);
    }

    @Test
    @DisplayName("F14 an expired indicator publishes TypingStopped dated at its expiry when the presence is next touched")
    void expiryPublishesTypingStopped() {
        ConversationId id = idOf(receive(phone(1), "hello"));
        kit.team().typing(account, id, alice);
        advance(Duration.ofSeconds(3));
        kit.team().typing(account, id, alice);
        advance(Duration.ofSeconds(30));
        assertThat(eventsOf(InboxEvent.TypingStopped.class)).isEmpty();

        assertThat(kit.team().whoIsTyping(account, id)).isEmpty();

        assertThat(eventsOf(InboxEvent.TypingStopped.class)).singleElement().satisfies(stopped -> {
            assertThat(stopped.user()).isEqualTo(alice);
            assertThat(stopped.conversation()).isEqualTo(id);
            assertThat(stopped.occurredAt()).isEqualTo(START.plus(Duration.ofSeconds(8)));
        });
        kit.team().whoIsTyping(account, id);
        assertThat(eventsOf(InboxEvent.TypingStopped.class)).hasSize(1);
    }

    @Test
    @DisplayName("F14 a host's sweep publishes expiries without other traffic; a new keystroke after expiry starts again")
    void sweepPublishesExpiries() {
        ConversationId id = idOf(receive(phone(1), "hello"));
        kit.team().typing(account, id, alice);
        kit.team().typing(account, id, bob);
        advance(Duration.ofSeconds(6));

        kit.team().sweepTyping();

        assertThat(eventsOf(InboxEvent.TypingStopped.class)).extracting(InboxEvent.TypingStopped::user)
                .containsExactlyInAnyOrder(alice, bob);
        kit.team().typing(account, id, alice);
        assertThat(eventsOf(InboxEvent.TypingStarted.class)).extracting(InboxEvent.TypingStarted::user)
                .containsExactlyInAnyOrder(alice, bob, alice);
    }

    @Test
    @DisplayName("F14 concurrent first keystrokes of one user publish exactly one TypingStarted")
    void concurrentFirstKeystrokes() throws InterruptedException {
        ConversationId id = idOf(receive(phone(1), "hello"));
        for (int round = 0; round < 20; round++) {
            events.clear();
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Thread> threads = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread thread = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    kit.team().typing(account, id, alice);
                });
                thread.start();
                threads.add(thread);
            }
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(eventsOf(InboxEvent.TypingStarted.class)).as("round " + round).hasSize(1);
            kit.team().stoppedTyping(account, id, alice);
        }
    }
}
