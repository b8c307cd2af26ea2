package io.github.inboxkit.core.sending;

import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.NoSuchAccountException;
import io.github.inboxkit.core.account.NoSuchUserException;
import io.github.inboxkit.core.contact.ContactOptedOutException;
import io.github.inboxkit.core.contact.NoSuchContactException;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.NoSuchMessageException;
import io.github.inboxkit.core.phone.InvalidPhoneNumberException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The sending use cases (F18 at send time, F19, F21, F22, F27, F28, F30, F31, F46): send now, schedule,
 * edit and cancel a scheduled message, broadcast, apply delivery reports, and the step a host
 * runs on its own schedule, the {@link #dispatcher() dispatcher}. A host reaches it as
 * {@code InboxKit.sending()}; the retention purge is {@code InboxKit.retention()}.
 *
 * <p>Every command is one transaction of the store (architecture invariant 1): a message is committed as
 * QUEUED or SCHEDULED in the same transaction that records it in its thread (invariant 3), and a
 * refused message leaves nothing behind. Events are published after the commit (invariant 2).
 * InboxKit owns no thread here: see {@link Dispatcher} and {@link DispatcherRunner}.
 *
 * <p>Thread-safe: one instance serves every thread and account.
 */
public interface Sending {

    /** How long an idempotency key holds unless {@link SendingOptions#idempotencyWindow} says: 24 hours. */
    Duration DEFAULT_IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    /**
     * How long a delivery report that matched no message is kept unless {@link
     * SendingOptions#unmatchedReportRetention} says: 7 days.
     */
    Duration DEFAULT_UNMATCHED_REPORT_RETENTION = Duration.ofDays(7);

    /**
     * Sends a message now (F21, F22, F28): validates it, chooses the sender, refuses an opted-out
     * contact (F18), and commits it as QUEUED in its thread, which it reopens if closed (F3) without
     * touching the unread counts. The {@link #dispatcher()} hands it to the carrier.
     *
     * <p><b>Idempotency key (F46).</b> With {@link SendRequest#idempotencyKey()}, a call with a key
     * the account used within the {@linkplain SendingOptions#idempotencyWindow window} (24 hours by default)
     * queues nothing and returns the entry of the message the first call queued, read now (its
     * status may have moved on since); this holds on every store and across nodes sharing one
     * database, where two calls racing with the same key queue one message and both return it. The
     * key is recorded in the transaction that queues the message, so a call that failed left no
     * key behind. Above all, a call that threw a {@link io.github.inboxkit.core.store.StoreException}
     * because the database's acknowledgement of the commit was lost may have queued the message:
     * call again with the same key, and get the first result if it did, or queue it now if not.
     *
     * @param account the account
     * @param request what to send, to whom, from which sender
     * @return the queued message's outbox entry
     * @throws NoSuchAccountException if the account does not exist
     * @throws NoSuchUserException if the author is not a user of the account
     * @throws NoSuchContactException if the recipient is a contact id the account does not have
     * @throws InvalidPhoneNumberException if the recipient number cannot be read
     * @throws ContactOptedOutException if the recipient opted out
     * @throws io.github.inboxkit.core.blocking.ContactBlockedException if the account blocked the
     *     recipient's number (F38)
     * @throws io.github.inboxkit.core.compose.EmptyDraftException if there is neither text nor attachment
     * @throws io.github.inboxkit.core.compose.TooManySegmentsException if the text is over the segment limit
     * @throws io.github.inboxkit.core.text.MalformedTextException if the text holds the NUL character or an
     *     unpaired surrogate
     * @throws io.github.inboxkit.core.media.InvalidMediaException if the attachment is not an
     *     accepted image or too large for the account
     * @throws MmsNotSupportedException if the carrier sends no MMS, or not that large
     * @throws NoSuchSenderIdException if the sender ID or pool is not the account's, or no default is set
     * @throws SenderNotAllowedException if an alphanumeric sender cannot reach the recipient
     * @throws NoSuchCarrierException if the request names an unknown carrier
     * @throws UnknownNationalLanguageException if the account enables a national language table
     *     InboxKit does not know
     * @throws IdempotencyKeyReusedException if the request's key was used within its window for a
     *     different request; nothing was queued
     * @throws NoSuchMessageException if the request's key was used within its window, but the
     *     retention purge already deleted the message it queued
     */
    OutboxEntry send(AccountId account, SendRequest request);

    /**
     * Schedules a person-to-person message (F27): checked like {@link #send}, committed as
     * SCHEDULED, and sent once, when due, by the dispatcher. The time is kept with the zone the
     * user chose.
     *
     * <p>An {@linkplain SendRequest#idempotencyKey() idempotency key} works as for {@link #send}
     * (F46): a repeat returns the first call's entry, even after its time has passed. The time and
     * zone are part of the request, so a repeat with another time is refused.
     *
     * @param account the account
     * @param request what to send
     * @param when the date, time and zone to send it at; must be in the future
     * @return the scheduled message's outbox entry
     * @throws ScheduledTimeInPastException if {@code when} is not after the engine clock's now (and
     *     the request's key, if any, was not used before)
     * @throws io.github.inboxkit.core.InboxException the refusals of {@link #send}, the key's among them
     */
    OutboxEntry schedule(AccountId account, SendRequest request, ZonedDateTime when);

    /**
     * Moves a scheduled message to another time (F27).
     *
     * @param account the account
     * @param message the message
     * @param when the new time; must be in the future
     * @return the entry after the change
     * @throws NoSuchMessageException if the account has no such outbound message
     * @throws MessageNotEditableException if it is no longer SCHEDULED
     * @throws ScheduledTimeInPastException if {@code when} is not in the future
     */
    OutboxEntry reschedule(AccountId account, MessageId message, ZonedDateTime when);

    /**
     * Replaces the text of a scheduled message (F27), checked as when it was scheduled (F28).
     *
     * @param account the account
     * @param message the message
     * @param text the new text; may be empty only if the message has an attachment
     * @return the entry after the change
     * @throws NoSuchMessageException if the account has no such outbound message
     * @throws MessageNotEditableException if it is no longer SCHEDULED
     * @throws io.github.inboxkit.core.compose.EmptyDraftException if the message would have no content
     * @throws io.github.inboxkit.core.compose.TooManySegmentsException if the text is over the segment limit
     * @throws io.github.inboxkit.core.text.MalformedTextException if the text holds the NUL character or an
     *     unpaired surrogate
     */
    OutboxEntry editScheduledText(AccountId account, MessageId message, String text);

    /**
     * Cancels a scheduled message (F27): CANCELLED, never sent.
     *
     * @param account the account
     * @param message the message
     * @return the entry after the change
     * @throws NoSuchMessageException if the account has no such outbound message
     * @throws MessageNotEditableException if it is no longer SCHEDULED
     */
    OutboxEntry cancelScheduled(AccountId account, MessageId message);

    /**
     * Lists an account's scheduled messages, earliest first (F27).
     *
     * @param account the account
     * @return at most 500 entries
     */
    List<OutboxEntry> scheduled(AccountId account);

    /**
     * Lists a conversation's scheduled messages, earliest first (F27).
     *
     * @param account the account
     * @param conversation the conversation
     * @return at most 500 entries
     */
    List<OutboxEntry> scheduled(AccountId account, ConversationId conversation);

    /**
     * Reads an outbound message's outbox entry: its status, attempts, carrier id and failure (F31).
     *
     * @param account the account
     * @param message the message
     * @return the entry, empty if the account has no such outbound message
     */
    Optional<OutboxEntry> outboxEntry(AccountId account, MessageId message);

    /**
     * Sends a named broadcast (F19): one message in each recipient's own thread, labelled with the
     * name. The content is checked once, before anything is stored; then the recipients are checked
     * and queued in bounded batches (one transaction per batch), and opted-out, unreadable, unknown
     * and repeated recipients are skipped and reported with the reason.
     *
     * <p>This call only queues the recipients kept, so that it stays quick for long lists (1.4 to
     * 1.7 s for 100,000 on the embedded PostgreSQL of docs/performance.md). The
     * {@link #dispatcher() dispatcher} writes each copy into its recipient's thread, QUEUED, in the
     * steps that follow, a batch per step ({@link SendingOptions#broadcastBatchSize}) and in the
     * recipients' order, before sending it like any queued message; until then the copy counts
     * as queued in {@link #broadcastProgress}, and a STOP that commits before it is claimed still
     * stops it (architecture invariant 5). Each copy's events are published when it is written.
     *
     * <p><b>Idempotency key (F46).</b> With {@link BroadcastRequest#idempotencyKey()}, a repeat
     * within the {@linkplain SendingOptions#idempotencyWindow window} creates no second broadcast and
     * queues no recipient twice; it returns the first call's result. Creating a broadcast takes one
     * transaction per batch of recipients, and the key's record counts the recipients done in the
     * same transactions: a repeat after a call that failed half-way (a crash, a lost connection)
     * finishes that broadcast, from the first recipient not done, rather than starting another.
     * Two calls at the same moment, from one node or two, share the work and return the same
     * result. A broadcast left half-done keeps its key until a call with it finishes the work.
     *
     * @param account the account
     * @param request the broadcast
     * @return the broadcast, how many recipients were queued and who was skipped
     * @throws NoSuchAccountException if the account does not exist
     * @throws IdempotencyKeyReusedException if the request's key was used within its window for a
     *     different request; nothing was queued
     * @throws io.github.inboxkit.core.InboxException the content and sender refusals of {@link #send}
     */
    BroadcastResult broadcast(AccountId account, BroadcastRequest request);

    /**
     * Reads a broadcast's progress (F19): queued, sent, delivered, failed, and the skipped recipients.
     *
     * @param account the account
     * @param broadcast the broadcast
     * @return its progress
     * @throws NoSuchBroadcastException if the account has no such broadcast
     */
    BroadcastProgress broadcastProgress(AccountId account, BroadcastId broadcast);

    /**
     * Applies a carrier's delivery report (F31): SENT → DELIVERED or FAILED, idempotently and in
     * any order; a late "sent" never overwrites "delivered". A report whose carrier id matches no
     * message is kept for inspection ({@link #unmatchedReports}) and applied if the message's
     * acceptance is recorded later.
     *
     * @param account the account the carrier's webhook belongs to
     * @param carrierId the carrier that sent the report
     * @param report the report
     * @return what the report did
     */
    DeliveryReportOutcome applyDeliveryReport(AccountId account, String carrierId, DeliveryReport report);

    /**
     * Lists delivery reports kept because no message matched them, oldest first.
     *
     * @param account the account
     * @param limit the most reports, at least 1
     * @return the reports
     * @throws io.github.inboxkit.core.InvalidValueException if the limit is below 1
     */
    List<UnmatchedDeliveryReport> unmatchedReports(AccountId account, int limit);

    /**
     * The dispatcher step: call {@link Dispatcher#dispatchDue()} from the host's scheduler, or hand
     * it with the host's executor to {@link DispatcherRunner#start}.
     *
     * @return the dispatcher, shared and thread-safe
     */
    Dispatcher dispatcher();
}
