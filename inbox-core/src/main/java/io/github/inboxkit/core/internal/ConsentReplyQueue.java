package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.compliance.MessageCategory;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.util.Optional;

/**
 * Where the consent rules ({@link Subscriptions}) queue an automatic reply (F42): the HELP text,
 * the opt-out and the opt-in confirmations. The sending machinery implements it, queuing the reply
 * in the outbox in the transaction of the step that decided it, with its own category; an engine
 * without sending has {@link #NONE}, which records nothing to send.
 *
 * <p>Public for the engine's own {@code internal} packages only; no compatibility promise.
 * Implementations are thread-safe.
 */
public interface ConsentReplyQueue {

    /** Queues nothing: an engine without a carrier. */
    ConsentReplyQueue NONE = (step, to, from, category, text) -> false;

    /**
     * Queues one automatic reply in the step's transaction.
     *
     * @param step the use case's step
     * @param to the contact's number
     * @param from the account's number the contact wrote to, if known; the reply goes from it
     *     when it is one of the account's sender IDs
     * @param category the reply's category
     * @param text the reply's text
     * @return whether a reply was queued
     */
    boolean queue(Step step, PhoneNumber to, Optional<String> from, MessageCategory category, String text);
}
