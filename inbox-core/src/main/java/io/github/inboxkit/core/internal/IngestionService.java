package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.text.TextPolicy;

import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.blocking.InboundBlockedException;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.Ingestion;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.core.text.TextRepair;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Inbound messages: webhook → this use case → store (one transaction) → event. */
final class IngestionService implements Ingestion {

    private static final Logger LOG = LoggerFactory.getLogger(IngestionService.class);

    private final UnitOfWork unitOfWork;
    private final int maxTextLength;

    IngestionService(UnitOfWork unitOfWork, int maxTextLength) {
        this.unitOfWork = unitOfWork;
        this.maxTextLength = maxTextLength;
    }

    /** An inbound message from a blocked number, turned away in its transaction (F38). */
    private record Turned(PhoneNumber from, boolean repeat) {}

    @Override
    public ReceivedMessage receive(AccountId accountId, IncomingMessage incoming) {
        Objects.requireNonNull(accountId, "account");
        Objects.requireNonNull(incoming, "message");
        // a carrier retries a refused webhook for ever: its text is repaired, never refused
        TextPolicy.Repaired text = TextPolicy.repair(incoming.text(), maxTextLength);
        Object outcome = unitOfWork.run(accountId, step -> {
            Account account = step.account();
            // ingestion's common case in one step where the store offers it (InboundFastPath);
            // keywords, closed or stale threads and other stores take the general path below
            Optional<ReceivedMessage> fast = InboundFastPath.receive(step, account, incoming, text);
            if (fast.isPresent()) {
                return fast.get();
            }
            Optional<Message> first = step.tx.messages().findMessageByCarrierId(incoming.idempotencyKey());
            if (first.isPresent()) {
                Conversation conversation = step.tx.conversations().findConversation(first.get().conversationId())
                        .orElseThrow(() -> new IllegalStateException("a stored message without its conversation"));
                return ReceivedMessage.builder().message(first.get()).conversation(conversation).duplicate(true).build();
            }
            PhoneNumber from = PhoneNumber.parse(incoming.contactNumber(), account.settings().defaultRegion());
            if (Blocklist.isBlocked(step.tx, from)) {
                // turned away (F38): only the log's row, keyed by the carrier's id so that a repeat counts once
                boolean counted = step.tx.blocks().recordBlockedInbound(incoming.idempotencyKey(), from, step.now);
                if (counted) {
                    step.publish(new InboxEvent.BlockedInboundReceived(accountId, from, step.now));
                }
                return new Turned(from, !counted);
            }
            Conversation thread = Threads.lockOrStart(step, from);
            Message message = InboundFastPath.message(step, incoming, text, from, thread.id(),
                    thread.lastMessageSequence() + 1);
            Conversation updated = Threads.append(step, thread, message);
            Subscriptions.applyKeywords(step, account.settings(), message);
            InboxCounters counters = step.counters();
            step.publish(new InboxEvent.MessageReceived(accountId, updated.id(), message.id(),
                    updated.unreadCount(), counters.badge(), step.now));
            return ReceivedMessage.builder().message(message).conversation(updated).duplicate(false).build();
        });
        if (outcome instanceof Turned turned) {
            // thrown after the commit, so that the log's count and the audit event are kept; ids only
            LOG.debug("Inbound message of account {} from a blocked number counted in the blocked log{}", accountId,
                    turned.repeat() ? " (repeated delivery, no change)" : "");
            throw new InboundBlockedException(turned.from(), turned.repeat());
        }
        ReceivedMessage result = (ReceivedMessage) outcome;
        // ids only: numbers and bodies are personal data
        LOG.debug("Inbound message {} in conversation {} of account {}{}", result.message().id(),
                result.conversation().id(), accountId, result.duplicate() ? " (repeated delivery, no change)" : "");
        if (!result.duplicate() && result.message().textRepairs().contains(TextRepair.TRUNCATED)) {
            // lengths only: the text is personal data
            LOG.warn("Inbound message {} of account {} had {} characters and was cut to {}; raise"
                    + " InboxKit.Builder.maxInboundTextLength to keep longer texts", result.message().id(), accountId,
                    incoming.text().length(), maxTextLength);
        }
        return result;
    }
}
