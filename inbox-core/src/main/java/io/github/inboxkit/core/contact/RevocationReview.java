package io.github.inboxkit.core.contact;

import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.Optional;

/**
 * A flag for an agent's review (F44): an inbound message the revocation detector read as a
 * revocation of consent in natural language, under the account's {@code REVIEW} policy. An agent
 * opts the number out or dismisses the flag; a flag still open at its deadline (ten business days
 * after the message) opts the number out. It holds the detector's rule, never the text.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the review's id
 * @param phone the contact's number
 * @param conversationId the thread of the message
 * @param messageId the inbound message that was flagged
 * @param ruleId the detector's rule that read it
 * @param flaggedAt when the message arrived
 * @param dueAt the deadline to honour the revocation
 * @param state where the review stands
 * @param resolvedAt when it was decided, for a review no longer open
 * @param resolvedBy the agent who decided, for a review an agent decided
 */
public record RevocationReview(RevocationReviewId id, PhoneNumber phone, ConversationId conversationId,
        MessageId messageId, String ruleId, Instant flaggedAt, Instant dueAt, RevocationReviewState state,
        Optional<Instant> resolvedAt, Optional<UserId> resolvedBy) {

    /**
     * Checks the parts.
     *
     * @throws io.github.inboxkit.core.InvalidValueException if a part is missing, the deadline is
     *     before the flag, or a decided review has no time of decision
     */
    public RevocationReview {
        Require.nonNull(id, "id");
        Require.nonNull(phone, "phone");
        Require.nonNull(conversationId, "conversationId");
        Require.nonNull(messageId, "messageId");
        Require.nonNull(ruleId, "ruleId");
        Require.nonNull(flaggedAt, "flaggedAt");
        Require.nonNull(dueAt, "dueAt");
        Require.nonNull(state, "state");
        Require.nonNull(resolvedAt, "resolvedAt");
        Require.nonNull(resolvedBy, "resolvedBy");
        Require.argument(!dueAt.isBefore(flaggedAt), "dueAt", "must not be before flaggedAt");
        Require.argument(state.isOpen() == resolvedAt.isEmpty(), "resolvedAt",
                "must be given exactly when the review is no longer open");
    }

    /**
     * Whether the deadline has passed with the review still open.
     *
     * @param now the current time
     * @return whether it is open and {@code now} is at or after its deadline
     */
    public boolean isOverdue(Instant now) {
        return state.isOpen() && !now.isBefore(dueAt);
    }

    /**
     * The review decided.
     *
     * @param outcome the state it ends in, not {@code OPEN}
     * @param at when
     * @param by the agent, or empty for the deadline
     * @return the decided review
     */
    public RevocationReview resolved(RevocationReviewState outcome, Instant at, Optional<UserId> by) {
        Require.argument(!outcome.isOpen(), "state", "must not be OPEN for a decided review");
        return new RevocationReview(id, phone, conversationId, messageId, ruleId, flaggedAt, dueAt, outcome,
                Optional.of(at), by);
    }
}
