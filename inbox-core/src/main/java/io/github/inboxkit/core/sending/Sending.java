package io.github.inboxkit.core.sending;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.NoSuchAccountException;
import io.github.inboxkit.core.account.NoSuchUserException;
import io.github.inboxkit.core.contact.ContactOptedOutException;
import io.github.inboxkit.core.contact.NoSuchContactException;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.Team;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.NoSuchMessageException;
import io.github.inboxkit.core.event.InboxEventListener;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.phone.InvalidPhoneNumberException;
import io.github.inboxkit.core.sending.internal.SendingService;
import io.github.inboxkit.core.store.InboxStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The sending use cases (F18 at send time, F19, F21, F22, F27, F28, F30, F31, F46): send now, schedule,
 * edit and cancel a scheduled message, broadcast, apply delivery reports, and the two steps a host
 * runs on its own schedule, the {@link #dispatcher() dispatcher} and the {@link #purgeExpired()
 * retention purge}.
 *
 * <p>Every command is one transaction of the store (architecture invariant 1): a message is committed as
 * QUEUED or SCHEDULED in the same transaction that records it in its thread (invariant 3), and a
 * refused message leaves nothing behind. Events are published after the commit (invariant 2).
 * InboxKit owns no thread here: see {@link Dispatcher} and {@link DispatcherRunner}.
 *
 * <p>Thread-safe: one instance serves every thread and account.
 */
public final class Sending {

    /** How long an idempotency key holds unless {@link Builder#idempotencyWindow} says: 24 hours. */
    public static final Duration DEFAULT_IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    /**
     * How long a delivery report that matched no message is kept unless {@link
     * Builder#unmatchedReportRetention} says: 7 days.
     */
    public static final Duration DEFAULT_UNMATCHED_REPORT_RETENTION = Duration.ofDays(7);

    private final SendingService service;

    private Sending(SendingService service) {
        this.service = service;
    }

    /**
     * Starts building the sending use cases.
     *
     * @return a new builder, not thread-safe
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sends a message now (F21, F22, F28): validates it, chooses the sender, refuses an opted-out
     * contact (F18), and commits it as QUEUED in its thread, which it reopens if closed (F3) without
     * touching the unread counts. The {@link #dispatcher()} hands it to the carrier.
     *
     * <p><b>Idempotency key (F46).</b> With {@link SendRequest#idempotencyKey()}, a call with a key
     * the account used within the {@linkplain Builder#idempotencyWindow window} (24 hours by default)
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
    public OutboxEntry send(AccountId account, SendRequest request) {
        return service.send(account, request);
    }

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
    public OutboxEntry schedule(AccountId account, SendRequest request, ZonedDateTime when) {
        return service.schedule(account, request, when);
    }

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
    public OutboxEntry reschedule(AccountId account, MessageId message, ZonedDateTime when) {
        return service.reschedule(account, message, when);
    }

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
    public OutboxEntry editScheduledText(AccountId account, MessageId message, String text) {
        return service.editScheduledText(account, message, text);
    }

    /**
     * Cancels a scheduled message (F27): CANCELLED, never sent.
     *
     * @param account the account
     * @param message the message
     * @return the entry after the change
     * @throws NoSuchMessageException if the account has no such outbound message
     * @throws MessageNotEditableException if it is no longer SCHEDULED
     */
    public OutboxEntry cancelScheduled(AccountId account, MessageId message) {
        return service.cancelScheduled(account, message);
    }

    /**
     * Lists an account's scheduled messages, earliest first (F27).
     *
     * @param account the account
     * @return at most 500 entries
     */
    public List<OutboxEntry> scheduled(AccountId account) {
        return service.scheduled(account);
    }

    /**
     * Lists a conversation's scheduled messages, earliest first (F27).
     *
     * @param account the account
     * @param conversation the conversation
     * @return at most 500 entries
     */
    public List<OutboxEntry> scheduled(AccountId account, ConversationId conversation) {
        return service.scheduled(account, conversation);
    }

    /**
     * Reads an outbound message's outbox entry: its status, attempts, carrier id and failure (F31).
     *
     * @param account the account
     * @param message the message
     * @return the entry, empty if the account has no such outbound message
     */
    public Optional<OutboxEntry> outboxEntry(AccountId account, MessageId message) {
        return service.outboxEntry(account, message);
    }

    /**
     * Sends a named broadcast (F19): one message in each recipient's own thread, labelled with the
     * name. The content is checked once, before anything is stored; then the recipients are checked
     * and queued in bounded batches (one transaction per batch), and opted-out, unreadable, unknown
     * and repeated recipients are skipped and reported with the reason.
     *
     * <p>This call only queues the recipients kept, so that it stays quick for long lists (1.4 to
     * 1.7 s for 100,000 on the embedded PostgreSQL of docs/performance.md). The
     * {@link #dispatcher() dispatcher} writes each copy into its recipient's thread, QUEUED, in the
     * steps that follow, a batch per step ({@link Builder#broadcastBatchSize}) and in the
     * recipients' order, before sending it like any queued message; until then the copy counts
     * as queued in {@link #broadcastProgress}, and a STOP that commits before it is claimed still
     * stops it (architecture invariant 5). Each copy's events are published when it is written.
     *
     * <p><b>Idempotency key (F46).</b> With {@link BroadcastRequest#idempotencyKey()}, a repeat
     * within the {@linkplain Builder#idempotencyWindow window} creates no second broadcast and
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
    public BroadcastResult broadcast(AccountId account, BroadcastRequest request) {
        return service.broadcast(account, request);
    }

    /**
     * Reads a broadcast's progress (F19): queued, sent, delivered, failed, and the skipped recipients.
     *
     * @param account the account
     * @param broadcast the broadcast
     * @return its progress
     * @throws NoSuchBroadcastException if the account has no such broadcast
     */
    public BroadcastProgress broadcastProgress(AccountId account, BroadcastId broadcast) {
        return service.broadcastProgress(account, broadcast);
    }

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
    public DeliveryReportOutcome applyDeliveryReport(AccountId account, String carrierId, DeliveryReport report) {
        return service.applyDeliveryReport(account, carrierId, report);
    }

    /**
     * Lists delivery reports kept because no message matched them, oldest first.
     *
     * @param account the account
     * @param limit the most reports, at least 1
     * @return the reports
     * @throws io.github.inboxkit.core.InvalidValueException if the limit is below 1
     */
    public List<UnmatchedDeliveryReport> unmatchedReports(AccountId account, int limit) {
        return service.unmatchedReports(account, limit);
    }

    /**
     * The dispatcher step: call {@link Dispatcher#dispatchDue()} from the host's scheduler, or hand
     * it with the host's executor to {@link DispatcherRunner#start}.
     *
     * @return the dispatcher, shared and thread-safe
     */
    public Dispatcher dispatcher() {
        return service.dispatcher();
    }

    /**
     * The retention purge (F30) over every account: messages older than each account's window,
     * then conversations left empty, delivery reports that no message matched within {@link
     * Builder#unmatchedReportRetention}, and idempotency keys past their window (F46), in bounded
     * batches. Safe to run while traffic continues and
     * from several nodes. A host runs it from its own scheduler, e.g. hourly or nightly.
     *
     * @return what was removed
     */
    public PurgeSummary purgeExpired() {
        return service.purgeAll();
    }

    /**
     * The retention purge (F30) for one account.
     *
     * @param account the account
     * @return what was removed
     */
    public PurgeSummary purgeExpired(AccountId account) {
        Objects.requireNonNull(account, "account");
        return service.purge(account);
    }

    /**
     * Builds {@link Sending}; each setter refuses a bad value at once. Not thread-safe.
     */
    public static final class Builder implements SendingOptions {
        private InboxStore store;
        private final Map<String, Carrier> carriers = new LinkedHashMap<>();
        private String defaultCarrierId;
        private Clock clock = Clock.systemUTC();
        private InboxEventListener listener = InboxEventListener.none();
        private RetryPolicy retryPolicy = RetryPolicy.standard();
        private RandomGenerator random = new Random();
        private Duration lease;
        private Executor carrierCallExecutor;
        private int dispatchBatchSize = 100;
        private int broadcastBatchSize = 500;
        private int purgeBatchSize = 1000;
        private Duration idempotencyWindow = DEFAULT_IDEMPOTENCY_WINDOW;
        private Duration unmatchedReportRetention = DEFAULT_UNMATCHED_REPORT_RETENTION;
        private Team team;
        private Function<Account, RetentionPolicy> retentionPolicies =
                account -> RetentionPolicy.ofWindow(account.settings().retentionWindow());

        private Builder() {}

        /**
         * @param store the store, which keeps the outbox; required
         * @return this builder
         */
        public Builder store(InboxStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Registers a carrier; the first registered is the default unless {@link #defaultCarrier} says.
         *
         * @param carrier the carrier; at least one is required
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if a carrier with that id is registered already
         */
        public Builder carrier(Carrier carrier) {
            Require.nonNull(carrier, "carrier");
            Require.argument(carriers.putIfAbsent(carrier.id(), carrier) == null, "carrier",
                    "must have an id of its own: one with the same id is registered already");
            return this;
        }

        /**
         * @param carrierId the id of the carrier used when a request names none
         * @return this builder
         */
        public Builder defaultCarrier(String carrierId) {
            this.defaultCarrierId = Objects.requireNonNull(carrierId, "carrierId");
            return this;
        }

        /**
         * The team use cases whose live typing indicator a send or schedule ends for its author in
         * that conversation (F14), as the engine's own outbound messages do. {@code InboxKit} wires
         * its own; without one, sending leaves typing indicators to expire.
         *
         * @param team the engine's team use cases
         * @return this builder
         */
        public Builder team(Team team) {
            this.team = Objects.requireNonNull(team, "team");
            return this;
        }

        /**
         * @param clock the engine's clock; default UTC system clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param listener receives the events after commit; default none
         * @return this builder
         */
        public Builder listener(InboxEventListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @param retryPolicy the back-off for transient carrier refusals; default {@link RetryPolicy#standard()}
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * @param random the source of back-off jitter (seed it in tests); used under a lock
         * @return this builder
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * How long a dispatcher's claim holds before another dispatcher may take the message over.
         * A step starts a carrier call only while the call, at the carrier's submit timeout, would
         * end with a tenth of the lease left to record the answers, and puts the other claimed
         * messages back (not counted as attempts); {@link #build()} refuses a lease that cannot
         * hold one whole batch ({@link #dispatchBatchSize}) of calls at the slowest carrier's
         * timeout, plus that tenth. A longer lease makes messages claimed by a node that died wait
         * longer before another node sends them.
         *
         * @param lease the lease. Default: 2 minutes, or as long as one batch at the slowest
         *     carrier's timeout needs
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if not positive
         */
        @Override
        public Builder lease(Duration lease) {
            Require.nonNull(lease, "lease");
            Require.argument(!lease.isNegative() && !lease.isZero(), "lease", "must be > 0, got " + lease);
            this.lease = lease;
            return this;
        }

        /**
         * Where the dispatcher runs each carrier call (a submit, or a submission lookup) while the
         * dispatching thread waits for it, at most the carrier's declared {@link
         * io.github.inboxkit.carrier.CarrierCapabilities#submitTimeout() submitTimeout}: a call that
         * has not answered by then is given up (cancelled and its thread interrupted), its message
         * retried later as a transient failure, and the step goes on with its next message. Only a
         * thread other than the waiting one can give a hung call up, and InboxKit keeps no pool of
         * its own: the host chooses the threads.
         *
         * <p>Default: a new daemon thread per call, which ends with the call, so that nothing needs
         * shutting down and a call that hangs holds only its own thread. A host that sends much
         * passes a pool it owns (a cached pool, say, which reuses threads); a bounded pool must have
         * a thread free for each dispatcher lane, or calls wait in its queue and count as timed out
         * (a queued call given up never starts). {@code Runnable::run} calls the carrier on the
         * dispatching thread: no thread is started, and a hung carrier then blocks its lane.
         *
         * @param executor runs the carrier calls; the host keeps and shuts it down
         * @return this builder
         */
        @Override
        public Builder carrierCallExecutor(Executor executor) {
            this.carrierCallExecutor = Require.nonNull(executor, "executor");
            return this;
        }

        /**
         * @param size the most messages one dispatcher step claims; 1 to 10,000, default 100. The
         *     {@link #lease} must hold this many carrier calls at the slowest carrier's timeout
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if out of range
         */
        public Builder dispatchBatchSize(int size) {
            this.dispatchBatchSize = requireRange(size, 1, 10_000, "dispatchBatchSize");
            return this;
        }

        /**
         * @param size recipients per broadcast transaction, both when a broadcast is created (checked
         *     and queued) and when a dispatcher step writes their copies; 1 to 1,000, default 500
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if out of range
         */
        public Builder broadcastBatchSize(int size) {
            this.broadcastBatchSize = requireRange(size, 1, 1_000, "broadcastBatchSize");
            return this;
        }

        /**
         * @param size messages per purge transaction; 1 to 10,000, default 1,000
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if out of range
         */
        public Builder purgeBatchSize(int size) {
            this.purgeBatchSize = requireRange(size, 1, 10_000, "purgeBatchSize");
            return this;
        }

        /**
         * How long a host's idempotency key holds (F46): a repeat within it returns the first
         * call's result; after it, the key is free again and the retention purge deletes its record.
         * Longer than the host's longest retry (a retry from a queue that was down for hours needs
         * a window of more than those hours), and no longer than needed: a key of a message the
         * retention purge deleted answers {@link NoSuchMessageException}. Applies to keys used from
         * now on.
         *
         * @param window 1 minute to 7 days; default 24 hours
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if out of range (field {@code "idempotencyWindow"})
         */
        @Override
        public Builder idempotencyWindow(Duration window) {
            this.idempotencyWindow = requireDuration(window, Duration.ofMinutes(1), Duration.ofDays(7),
                    "idempotencyWindow", "1 minute to 7 days");
            return this;
        }

        /**
         * How long the retention purge keeps a delivery report that matched no message (F31). A
         * report can overtake the carrier's acceptance of its message by the time it takes to record
         * it (seconds, at most a lease); it is applied when that acceptance is recorded. A report
         * that has matched nothing for days is for a message this engine did not send, or whose
         * record was lost, and only an operator can make anything of it. The default keeps it a
         * week, long enough to look at over a weekend ({@link #unmatchedReports}).
         *
         * @param retention 1 hour to 365 days; default 7 days
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if out of range (field {@code "unmatchedReportRetention"})
         */
        @Override
        public Builder unmatchedReportRetention(Duration retention) {
            this.unmatchedReportRetention = requireDuration(retention, Duration.ofHours(1), Duration.ofDays(365),
                    "unmatchedReportRetention", "1 hour to 365 days");
            return this;
        }

        /**
         * @param policies each account's retention policy; default the account settings' window,
         *     keeping opt-out records and ownership history
         * @return this builder
         */
        public Builder retentionPolicies(Function<Account, RetentionPolicy> policies) {
            this.retentionPolicies = Objects.requireNonNull(policies, "policies");
            return this;
        }

        /**
         * @return the sending use cases
         * @throws io.github.inboxkit.core.InvalidValueException if no store or no carrier was given, the
         *     default carrier is not registered, or the lease cannot hold one batch of carrier calls at a
         *     carrier's submit timeout (field {@code "lease"}; the message says which settings to change)
         */
        public Sending build() {
            Require.argument(store != null, "store", "must be given: call store(...) before build()");
            Require.argument(!carriers.isEmpty(), "carrier", "must be given at least once: call carrier(...) before build()");
            Require.argument(defaultCarrierId == null || carriers.containsKey(defaultCarrierId), "defaultCarrier",
                    "must be the id of a registered carrier");
            String defaultId = defaultCarrierId != null ? defaultCarrierId : carriers.keySet().iterator().next();
            return new Sending(new SendingService(store, carriers, defaultId, clock, listener, retryPolicy, random, lease,
                    carrierCallExecutor, dispatchBatchSize, broadcastBatchSize, purgeBatchSize, retentionPolicies, team,
                    idempotencyWindow, unmatchedReportRetention));
        }

        private static Duration requireDuration(Duration value, Duration min, Duration max, String name,
                String range) {
            Require.nonNull(value, name);
            Require.argument(value.compareTo(min) >= 0 && value.compareTo(max) <= 0, name,
                    "must be " + range + ", got " + value);
            return value;
        }

        private static int requireRange(int value, int min, int max, String name) {
            Require.argument(value >= min && value <= max, name, "must be within [" + min + ", " + max + "]");
            return value;
        }
    }
}
