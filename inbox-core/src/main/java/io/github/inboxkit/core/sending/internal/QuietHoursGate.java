package io.github.inboxkit.core.sending.internal;

import io.github.inboxkit.core.compliance.MessageCategory;
import io.github.inboxkit.core.compliance.QuietHoursDecision;
import io.github.inboxkit.core.compliance.QuietHoursPolicy;
import io.github.inboxkit.core.compliance.RecipientTimeZones;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.internal.Step;
import io.github.inboxkit.core.sending.FailureReason;
import io.github.inboxkit.core.sending.ImmutableOutboxEntry;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.QuietHoursHold;
import io.github.inboxkit.core.sending.SendFailure;
import io.github.inboxkit.core.store.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The account's quiet hours (F41) applied to outbound messages: when they are queued, and again in
 * the transaction that claims them, since a scheduled message, a retry or a copy written at 20:59
 * may come due outside the window. A held message stays pending and is due at the window's opening
 * in the recipient's zone, so the claim (one node's, by the outbox's own locking) releases it once.
 * The decision itself is {@link QuietHoursPolicy#decide}'s; this class reads what it needs from the
 * transaction: the policy from the account's settings, and the contact's last inbound message in
 * the thread, only when that can change the answer. Stateless and thread-safe.
 */
final class QuietHoursGate {

    /** How many of a thread's newest messages are read for the contact's last inbound one. */
    private static final int RECENT_MESSAGES = 100;

    private QuietHoursGate() {}

    /** The account's policy, off when the account is gone. */
    static QuietHoursPolicy policy(StoreTransaction tx) {
        return tx.accounts().findAccount().map(account -> account.settings().quietHours()).orElse(QuietHoursPolicy.off());
    }

    /**
     * Holds the new entries the policy holds now, before they are inserted: each stays QUEUED, due at
     * its release, with its hold; a {@code MessageHeld} event is collected for each. Scheduled
     * entries are decided when they come due, and an entry for which no window exists is left for the
     * claim to fail, so that its message's status and its entry's agree.
     *
     * @param tx the transaction
     * @param entries the new entries
     * @param now the current time
     * @param step collects the events
     * @return the entries to insert, index for index
     */
    static List<OutboxEntry> atEnqueue(StoreTransaction tx, List<OutboxEntry> entries, Instant now, Step step) {
        QuietHoursPolicy policy = policy(tx);
        if (policy.isOff()) {
            return entries;
        }
        List<OutboxEntry> decided = new ArrayList<>(entries.size());
        for (OutboxEntry entry : entries) {
            if (entry.scheduledFor().isPresent()) {
                decided.add(entry);
                continue;
            }
            QuietHoursDecision decision = decide(tx, policy, entry, now);
            if (!decision.allowed() && decision.releaseAt().isPresent()) {
                QuietHoursHold hold = new QuietHoursHold(decision.reason(), decision.releaseAt().get(), now);
                decided.add(ImmutableOutboxEntry.builder().from(entry).dueAt(hold.releaseAt()).hold(hold).build());
                held(step, tx, entry, hold, now);
            } else {
                decided.add(entry);
            }
        }
        return decided;
    }

    /**
     * Decides claimed entries again, in the claiming transaction: each is left to go (its hold, if
     * any, cleared, with a {@code MessageReleased} event), held again (QUEUED, due at the release, the
     * attempt not counted, with a {@code MessageHeld} event), or FAILED when no window exists.
     *
     * @param tx the claiming transaction
     * @param claimed the entries as claimed (SENDING)
     * @param now the claim's time
     * @param step collects the events
     * @return each entry after, index for index: SENDING if it goes
     */
    static List<OutboxEntry> atClaim(StoreTransaction tx, List<OutboxEntry> claimed, Instant now, Step step) {
        if (claimed.isEmpty()) {
            return claimed;
        }
        QuietHoursPolicy policy = policy(tx);
        List<OutboxEntry> after = new ArrayList<>(claimed.size());
        for (OutboxEntry entry : claimed) {
            QuietHoursDecision decision = policy.isOff() ? null : decide(tx, policy, entry, now);
            if (decision == null || decision.allowed()) {
                after.add(entry.hold().isEmpty() ? entry : released(tx, entry, now, step));
            } else if (decision.releaseAt().isPresent()) {
                QuietHoursHold hold = new QuietHoursHold(decision.reason(), decision.releaseAt().get(), now);
                after.add(Transitions.hold(entry, hold, now).orElse(entry));
                held(step, tx, entry, hold, now);
            } else {
                after.add(Transitions.fail(entry, SendFailure.of(FailureReason.NO_QUIET_HOURS_WINDOW,
                        decision.describe()), now).orElse(entry));
            }
        }
        return after;
    }

    private static OutboxEntry released(StoreTransaction tx, OutboxEntry entry, Instant now, Step step) {
        step.publish(new InboxEvent.MessageReleased(tx.accountId(), entry.conversationId(), entry.messageId(),
                entry.hold().get().heldAt(), now));
        return ImmutableOutboxEntry.builder().from(entry).hold(Optional.empty()).build();
    }

    private static void held(Step step, StoreTransaction tx, OutboxEntry entry, QuietHoursHold hold, Instant now) {
        step.publish(new InboxEvent.MessageHeld(tx.accountId(), entry.conversationId(), entry.messageId(),
                hold.reason(), hold.releaseAt(), now));
    }

    /**
     * The policy's decision for one entry. The thread is read for the contact's last inbound message
     * only when the exemption could allow what the policy would otherwise hold.
     */
    private static QuietHoursDecision decide(StoreTransaction tx, QuietHoursPolicy policy, OutboxEntry entry,
            Instant now) {
        var location = RecipientTimeZones.standard().locate(entry.recipient());
        QuietHoursDecision decision = policy.decide(location, entry.category(), now, Optional.empty());
        if (decision.allowed() || entry.category() == MessageCategory.MARKETING
                || policy.conversationalExemption().isZero()) {
            return decision;
        }
        Optional<Instant> lastInbound = tx.messages()
                .listMessages(entry.conversationId(), Long.MAX_VALUE, now.minus(policy.conversationalExemption()),
                        RECENT_MESSAGES)
                .stream()
                .filter(message -> message.direction() == Direction.INBOUND)
                .map(Message::createdAt)
                .findFirst();
        return lastInbound.isEmpty() ? decision : policy.decide(location, entry.category(), now, lastInbound);
    }
}
