package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.phone.InvalidPhoneNumberException;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.InboundAppend;
import io.github.inboxkit.core.store.InboundAppendResult;
import io.github.inboxkit.core.store.InboundAppending;
import io.github.inboxkit.core.text.TextPolicy;
import java.util.Optional;

/**
 * Ingestion's common case in one step of the store ({@link InboundAppending}): an inbound message
 * that changes no consent (no keyword, no revocation the account acts on, no HELP it answers: F18,
 * F42, F44), to a thread that is new or open and active. The engine decides what only it can (the
 * text's repair, the number, whether the text is a keyword, the preview, the retention window);
 * the store checks for a repeat, locks or starts the thread, stores the message and moves the
 * counters, on PostgreSQL in one statement. Everything else (keywords, a closed, snoozed or stale thread,
 * a store without the capability) takes the general path of {@link IngestionService}, in the same
 * transaction, under the same rules ({@link Threads}, {@link Subscriptions}).
 */
final class InboundFastPath {

    private InboundFastPath() {}

    /**
     * Ingests a message in one step, if the transaction can and the message needs no more.
     *
     * @return the result, or empty for the general path (nothing was written)
     */
    static Optional<ReceivedMessage> receive(Step step, Account account, IncomingMessage incoming,
            TextPolicy.Repaired text) {
        if (!(step.tx instanceof InboundAppending store) || Subscriptions.mayChangeConsent(text.text(), account.settings())) {
            return Optional.empty();
        }
        PhoneNumber from;
        try {
            from = PhoneNumber.parse(incoming.contactNumber(), account.settings().defaultRegion());
        } catch (InvalidPhoneNumberException e) {
            // refused by the general path, after its check for a repeat (which may be stored under
            // the account's former region)
            return Optional.empty();
        }
        Message message = message(step, incoming, text, from, ConversationId.random(), 1);
        InboundAppendResult result = store.appendInbound(new InboundAppend(message,
                Threads.preview(message.text(), message.media()), ConversationService.windowStart(step)));
        if (result instanceof InboundAppendResult.Duplicate duplicate) {
            return Optional.of(ReceivedMessage.builder().message(duplicate.message())
                    .conversation(duplicate.conversation()).duplicate(true).build());
        }
        if (result instanceof InboundAppendResult.Appended appended) {
            step.publish(new InboxEvent.MessageReceived(step.tx.accountId(), appended.conversation().id(),
                    appended.message().id(), appended.conversation().unreadCount(), appended.counters().badge(),
                    step.now));
            return Optional.of(ReceivedMessage.builder().message(appended.message())
                    .conversation(appended.conversation()).duplicate(false).build());
        }
        return Optional.empty();
    }

    /** The inbound message as stored, unread, at a position of a thread: one builder for both paths. */
    static Message message(Step step, IncomingMessage incoming, TextPolicy.Repaired text, PhoneNumber from,
            ConversationId conversation, long sequence) {
        return Message.builder()
                .id(MessageId.random())
                .conversationId(conversation)
                .sequence(sequence)
                .contactPhone(from)
                .direction(Direction.INBOUND)
                .text(text.text())
                .textRepairs(text.repairs())
                .media(incoming.media())
                .senderId(incoming.accountNumber())
                .carrierMessageId(incoming.idempotencyKey())
                .carrierReceivedAt(incoming.receivedAt())
                .status(MessageStatus.RECEIVED)
                .read(false)
                .createdAt(step.now)
                .build();
    }
}
