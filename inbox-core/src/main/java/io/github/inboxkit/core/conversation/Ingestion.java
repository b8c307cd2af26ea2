package io.github.inboxkit.core.conversation;

import io.github.inboxkit.carrier.InboundMessage;
import io.github.inboxkit.core.account.AccountId;

/**
 * Use case: messages arriving from a carrier (the webhook's side of the inbox).
 *
 * <p>Thread-safe.
 */
public interface Ingestion {

    /**
     * Ingests an inbound message in one transaction: normalises the sender's number, finds or
     * creates the contact's single thread (F4), appends the message, reopens a closed conversation
     * (F3), raises the unread counters (F11), applies opt-out and opt-in keywords (F18), and after
     * the commit publishes a {@code MessageReceived} event with the badge (F12).
     *
     * <p>The text is never refused: the NUL character and unpaired surrogates, which no store can
     * keep, are replaced by U+FFFD, and text beyond the engine's maximum inbound length ({@code
     * InboxKit.Builder.maxInboundTextLength}) is cut; {@link Message#textRepairs()} says which.
     *
     * <p>A repeated carrier message id is a no-op that returns the first delivery's message, also
     * when both deliveries arrive at the same time (F32).
     *
     * <p>A message from a number the account blocked (F38) is not delivered to the inbox: it creates
     * no conversation, no message, no unread count and no {@code MessageReceived} event; it is counted
     * in the blocked log (once per carrier message id; the text and media are not kept), a {@code
     * BlockedInboundReceived} event follows the commit, and {@link
     * io.github.inboxkit.core.blocking.InboundBlockedException} says so to the caller. A repeat of a
     * message stored before the number was blocked still returns that message.
     *
     * @param account the account the message was sent to
     * @param message the message as the carrier delivered it
     * @return the stored message and its conversation
     * @throws io.github.inboxkit.core.account.NoSuchAccountException if the account does not exist
     * @throws io.github.inboxkit.core.phone.InvalidPhoneNumberException if the sender's number is not
     *     a phone number
     * @throws io.github.inboxkit.core.blocking.InboundBlockedException if the sender's number is
     *     blocked: the message was counted in the blocked log and is handled (not to be sent again)
     */
    ReceivedMessage receive(AccountId account, IncomingMessage message);

    /**
     * Ingests an inbound message as a carrier adapter parsed it from a webhook, under the carrier's
     * id (the id its outbound messages and delivery reports use); see {@link #receive(AccountId,
     * IncomingMessage)}. The webhook front door, {@code InboxKit.webhooks()}, calls this after it
     * verified the request and found the account that owns the receiving number.
     *
     * @param account the account the message was sent to
     * @param carrierId the id of the carrier that delivered it ({@link io.github.inboxkit.carrier.Carrier#id()})
     * @param message the carrier's inbound message
     * @return the stored message and its conversation
     * @throws io.github.inboxkit.core.account.NoSuchAccountException if the account does not exist
     */
    default ReceivedMessage receive(AccountId account, String carrierId, InboundMessage message) {
        return receive(account, IncomingMessage.of(carrierId, message));
    }

    /**
     * Ingests an inbound message as a carrier adapter parsed it from a webhook, under the carrier
     * id {@value IncomingMessage#DEFAULT_CARRIER}; see {@link #receive(AccountId, IncomingMessage)}.
     *
     * @param account the account the message was sent to
     * @param message the carrier's inbound message
     * @return the stored message and its conversation
     * @throws io.github.inboxkit.core.account.NoSuchAccountException if the account does not exist
     * @deprecated the message is keyed under no real carrier's id, so with several carriers two of
     *     them may collide; use {@code InboxKit.webhooks()}, which also checks the signature and the
     *     receiving number, or {@link #receive(AccountId, String, InboundMessage)}
     */
    @Deprecated(since = "0.1.0")
    default ReceivedMessage receive(AccountId account, InboundMessage message) {
        return receive(account, IncomingMessage.of(message));
    }
}
