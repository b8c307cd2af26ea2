package io.github.inboxkit.core.sending.internal;

import io.github.inboxkit.core.internal.Blocklist;
import io.github.inboxkit.core.internal.ConsentReplyQueue;
import io.github.inboxkit.core.internal.Step;
import io.github.inboxkit.core.internal.Subscriptions;
import io.github.inboxkit.core.internal.UnitOfWork;
import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.core.InboxException;
import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.FeatureNotInPlanException;
import io.github.inboxkit.core.account.NoSuchAccountException;
import io.github.inboxkit.core.compliance.MessageCategory;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.contact.ContactOptedOutException;
import io.github.inboxkit.core.contact.NoSuchContactException;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.conversation.NoSuchMessageException;
import io.github.inboxkit.core.conversation.Team;
import io.github.inboxkit.core.phone.InvalidPhoneNumberException;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.Broadcast;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.BroadcastProgress;
import io.github.inboxkit.core.sending.BroadcastRequest;
import io.github.inboxkit.core.sending.BroadcastResult;
import io.github.inboxkit.core.sending.BroadcastSkip;
import io.github.inboxkit.core.text.TextPolicy;
import io.github.inboxkit.core.sending.DeliveryReportOutcome;
import io.github.inboxkit.core.sending.Dispatcher;
import io.github.inboxkit.core.sending.IdempotencyKey;
import io.github.inboxkit.core.sending.IdempotencyRecord;
import io.github.inboxkit.core.sending.ImmutableIdempotencyRecord;
import io.github.inboxkit.core.sending.ImmutableOutboxEntry;
import io.github.inboxkit.core.sending.MessageContent;
import io.github.inboxkit.core.sending.MessageNotEditableException;
import io.github.inboxkit.core.sending.NoSuchBroadcastException;
import io.github.inboxkit.core.sending.NoSuchCarrierException;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.QueuedRecipient;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.Sending;
import io.github.inboxkit.core.sending.ScheduledTime;
import io.github.inboxkit.core.sending.ScheduledTimeInPastException;
import io.github.inboxkit.core.sending.SendRequest;
import io.github.inboxkit.core.sending.SenderNotAllowedException;
import io.github.inboxkit.core.sending.SkipReason;
import io.github.inboxkit.core.sending.UnmatchedDeliveryReport;
import io.github.inboxkit.core.store.StoreTransaction;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sending use cases behind the public {@link Sending} interface; the sending machinery stays
 * package-private behind it. Every use case runs through the engine's one {@link UnitOfWork}.
 *
 * <p>Thread-safe: one instance serves every thread and account.
 */
public final class SendingService implements Sending, ConsentReplyQueue {

    private static final Logger LOG = LoggerFactory.getLogger(SendingService.class);

    private static final int LIST_LIMIT = 500;

    private final UnitOfWork unitOfWork;
    private final Map<String, Carrier> carriers;
    private final String defaultCarrierId;
    private final SenderChoice senderChoice = new SenderChoice();
    private final OutboxDispatcher dispatcher;
    private final int broadcastBatchSize;
    private final IdempotentRequests idempotency;
    private final Team team;

    /**
     * Wires the sending machinery on the engine's unit of work; the options checked each value
     * when it was set, and the settings that depend on the carriers are checked here.
     *
     * @param unitOfWork the engine's unit of work, on a store that keeps the outbox
     * @param carriers the carriers by id, in registration order; at least one
     * @param settings the host's sending options
     * @param team the engine's team use cases, whose typing indicator a send ends for its author (F14)
     * @throws io.github.inboxkit.core.InvalidValueException if the default carrier is not one of
     *     {@code carriers} (field {@code "defaultCarrier"}), or the lease cannot hold one batch of
     *     carrier calls at the slowest carrier's submit timeout (field {@code "lease"})
     */
    public SendingService(UnitOfWork unitOfWork, Map<String, Carrier> carriers, SendingSettings settings, Team team) {
        Require.argument(!carriers.isEmpty(), "carrier", "must be given at least once: call carrier(...) before build()");
        String defaultId = settings.defaultCarrierId();
        Require.argument(defaultId == null || carriers.containsKey(defaultId), "defaultCarrier",
                "must be the id of a registered carrier");
        this.unitOfWork = unitOfWork;
        this.team = Require.nonNull(team, "team");
        this.carriers = Collections.unmodifiableMap(new LinkedHashMap<>(carriers));
        this.defaultCarrierId = defaultId != null ? defaultId : carriers.keySet().iterator().next();
        this.dispatcher = new OutboxDispatcher(unitOfWork, this.carriers, settings.retryPolicy(), settings.random(),
                LeaseBudget.checked(settings.lease(), settings.dispatchBatchSize(), this.carriers.values()),
                settings.dispatchBatchSize(), settings.broadcastBatchSize(), settings.carrierCallExecutor(),
                settings.throughputLimits());
        this.idempotency = new IdempotentRequests(settings.idempotencyWindow());
        this.broadcastBatchSize = settings.broadcastBatchSize();
    }

    // ----- automatic replies (F42) --------------------------------------------------------------

    /**
     * Queues an automatic reply in the step's transaction, through the default carrier, from the
     * number the contact wrote to when it is one of the account's sender IDs, else as a send
     * without a sender ID would go. A reply whose sender or text the account's settings refuse is
     * not queued (a WARN names the account and the reason), so that the inbound message it answers
     * is still stored.
     */
    @Override
    public boolean queue(Step step, PhoneNumber to, Optional<String> from, MessageCategory category, String text) {
        Carrier carrier = carriers.get(defaultCarrierId);
        AccountSettings settings = step.account().settings();
        MessageContent content;
        Sender sender;
        try {
            content = ContentCheck.check(Draft.ofText(text), settings, carrier.id(), carrier.capabilities());
            sender = senderChoice.choose(settings, from.filter(settings.senderIds()::contains), Optional.empty(), to,
                    carrier.id(), carrier.capabilities());
        } catch (InboxException e) {
            // the reason names a setting or a sender ID, never the contact's number
            LOG.warn("Account {} queued no {} reply: {}", step.tx().accountId(), category, e.getMessage());
            return false;
        }
        ThreadRecorder.append(step.tx(), new ThreadRecorder.Outbound(to, content, sender, carrier.id(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), category), step.now(), step);
        return true;
    }

    // ----- send now ----------------------------------------------------------------------------

    @Override
    public OutboxEntry send(AccountId account, SendRequest request) {
        Require.nonNull(request, "request");
        return endTyping(account, request, record(account, request, Optional.empty()));
    }

    // ----- scheduled send (F27) ----------------------------------------------------------------

    @Override
    public OutboxEntry schedule(AccountId account, SendRequest request, ZonedDateTime when) {
        Require.nonNull(request, "request");
        Require.nonNull(when, "when");
        if (request.idempotencyKey().isEmpty()) {
            requireFuture(when); // with a key, checked after the key's look-up (record)
        }
        return endTyping(account, request, record(account, request, Optional.of(ScheduledTime.of(when))));
    }

    @Override
    public OutboxEntry reschedule(AccountId account, MessageId message, ZonedDateTime when) {
        requireFuture(when);
        ScheduledTime time = ScheduledTime.of(when);
        return editScheduled(account, message, (tx, entry) -> ImmutableOutboxEntry.builder().from(entry)
                .dueAt(time.instant())
                .scheduledFor(time)
                .build());
    }

    @Override
    public OutboxEntry editScheduledText(AccountId account, MessageId message, String text) {
        Require.nonNull(text, "text");
        return editScheduled(account, message, (tx, entry) -> {
            Carrier carrier = carrier(Optional.of(entry.carrierId()));
            AccountSettings settings = tx.accounts().findAccount().orElseThrow(() -> new NoSuchAccountException(account)).settings();
            if (text.isEmpty() && !entry.media().isEmpty()) {
                return ImmutableOutboxEntry.builder().from(entry).text("").segmentCount(0).shiftTables(List.of())
                        .build();
            }
            MessageContent checked = ContentCheck.check(Draft.ofText(text), settings, carrier.id(),
                    carrier.capabilities());
            return ImmutableOutboxEntry.builder().from(entry)
                    .text(checked.text())
                    .segmentCount(checked.segmentCount())
                    .encoding(checked.encoding())
                    .shiftTables(checked.shiftTables())
                    .build();
        });
    }

    @Override
    public OutboxEntry cancelScheduled(AccountId account, MessageId message) {
        return editScheduled(account, message, (tx, entry) -> ImmutableOutboxEntry.builder().from(entry)
                .status(MessageStatus.CANCELLED)
                .build());
    }

    @Override
    public List<OutboxEntry> scheduled(AccountId account) {
        return unitOfWork.run(account, (tx, step) -> tx.outbox().listScheduledOutboxEntries(LIST_LIMIT));
    }

    @Override
    public List<OutboxEntry> scheduled(AccountId account, ConversationId conversation) {
        Require.nonNull(conversation, "conversation");
        return unitOfWork.run(account, (tx, step) -> tx.outbox().listScheduledOutboxEntries(conversation, LIST_LIMIT));
    }

    @Override
    public Optional<OutboxEntry> outboxEntry(AccountId account, MessageId message) {
        Require.nonNull(message, "message");
        return unitOfWork.run(account, (tx, step) -> tx.outbox().findOutboxEntry(message));
    }

    // ----- broadcasts (F19) --------------------------------------------------------------------

    @Override
    public BroadcastResult broadcast(AccountId account, BroadcastRequest request) {
        Require.nonNull(request, "request");
        if (request.idempotencyKey().isPresent()) {
            return broadcastOnce(account, request, request.idempotencyKey().get());
        }
        Carrier carrier = carrier(request.carrierId());
        Instant createdAt = unitOfWork.now();
        Broadcast broadcast = Broadcast.builder()
                .id(BroadcastId.random())
                .name(request.name())
                .requestedRecipients(request.recipients().size())
                .createdAt(createdAt)
                .build();
        String region = unitOfWork.run(account, (tx, step) -> {
            AccountSettings settings = settings(tx);
            request.author().ifPresent(step::user);
            MessageContent checked = ContentCheck.check(request.draft(), settings, carrier.id(),
                    carrier.capabilities());
            tx.broadcasts().insertBroadcast(broadcast, ContentCheck.forBroadcast(checked, carrier.id(), request.author(),
                    request.category()));
            return settings.defaultRegion();
        });
        Set<PhoneNumber> seen = new HashSet<>();
        int queued = 0;
        List<BroadcastSkip> allSkips = new ArrayList<>();
        for (List<Prepared> batch : Batches.of(prepare(request.recipients(), region), broadcastBatchSize)) {
            BatchOutcome outcome = unitOfWork.run(account, (tx, step) ->
                    broadcastBatch(tx, batch, request, broadcast, carrier, Collections.unmodifiableSet(seen)));
            seen.addAll(outcome.reached);
            queued += outcome.reached.size();
            allSkips.addAll(outcome.skips);
        }
        return new BroadcastResult(broadcast, queued, allSkips);
    }

    /**
     * What a batch of recipients did.
     *
     * @param reached the numbers queued
     * @param skips the recipients skipped
     * @param numbers every number the batch's recipients resolved to, queued or not, each once
     */
    private record BatchOutcome(List<PhoneNumber> reached, List<BroadcastSkip> skips, Set<PhoneNumber> numbers) {}

    /**
     * A broadcast with an idempotency key (F46). Its first transaction creates the broadcast and the
     * key's record, or finds the record of a first call. Then each batch transaction locks the
     * record, checks and queues the recipients that follow those the record counts as done, and
     * moves the count on, in the same transaction. So calls with the same key (a retry after a crash
     * half-way, a second node at the same moment) share the work: each recipient is checked and
     * queued once, and every call returns the same result once all are done.
     */
    private BroadcastResult broadcastOnce(AccountId account, BroadcastRequest request, IdempotencyKey key) {
        Carrier carrier = carrier(request.carrierId());
        String requestHash = IdempotentRequests.fingerprint(request);
        int total = request.recipients().size();
        Broadcast fresh = Broadcast.builder().id(BroadcastId.random()).name(request.name())
                .requestedRecipients(total).createdAt(unitOfWork.now()).build();
        KeyedStart start = unitOfWork.run(account, (tx, step) -> {
            Instant now = unitOfWork.now();
            Optional<IdempotencyRecord> first = idempotency.first(tx, key, requestHash, now);
            AccountSettings settings = settings(tx);
            if (first.isPresent()) {
                return new KeyedStart(first.get(), settings.defaultRegion());
            }
            request.author().ifPresent(step::user);
            MessageContent checked = ContentCheck.check(request.draft(), settings, carrier.id(),
                    carrier.capabilities());
            tx.broadcasts().insertBroadcast(fresh, ContentCheck.forBroadcast(checked, carrier.id(), request.author(),
                    request.category()));
            IdempotencyRecord record = idempotency.forBroadcast(key, requestHash, fresh.id(), total, now);
            tx.idempotency().insertIdempotencyRecord(record);
            return new KeyedStart(record, settings.defaultRegion());
        });
        BroadcastId id = start.record().broadcastId().orElseThrow();
        if (!start.record().complete()) {
            List<Prepared> prepared = prepare(request.recipients(), start.region());
            KeyedProgress progress = new KeyedProgress(0, Set.of(), false);
            while (!progress.finished()) {
                KeyedProgress from = progress;
                progress = unitOfWork.run(account, (tx, step) ->
                        keyedBatch(tx, key, id, prepared, from, request, carrier));
            }
        }
        return unitOfWork.run(account, (tx, step) -> {
            Broadcast broadcast = tx.broadcasts().findBroadcast(id).orElseThrow(() -> new NoSuchBroadcastException(id));
            int queued = tx.idempotency().lockIdempotencyRecord(key).filter(record -> record.broadcastId().equals(Optional.of(id)))
                    .map(IdempotencyRecord::recipientsQueued)
                    // the record expired and was purged since the last batch: count what it queued
                    .orElseGet(() -> (int) (tx.broadcasts().countQueuedRecipients(id)
                            + tx.outbox().countOutboxEntriesByStatus(id).values().stream().mapToLong(Long::longValue).sum()));
            return new BroadcastResult(broadcast, queued, tx.broadcasts().listBroadcastSkips(id));
        });
    }

    /** The first transaction of a keyed broadcast: the key's record, and the account's default region. */
    private record KeyedStart(IdempotencyRecord record, String region) {}

    /**
     * How far a keyed broadcast's caller got.
     *
     * @param position the recipients, from the first, whose numbers are in {@code seen}
     * @param seen the numbers those recipients resolved to, for the duplicates of later batches
     * @param finished whether every recipient was done
     */
    private record KeyedProgress(int position, Set<PhoneNumber> seen, boolean finished) {}

    private KeyedProgress keyedBatch(StoreTransaction tx, IdempotencyKey key, BroadcastId id,
            List<Prepared> prepared, KeyedProgress from, BroadcastRequest request, Carrier carrier) {
        Optional<IdempotencyRecord> locked = tx.idempotency().lockIdempotencyRecord(key)
                .filter(record -> record.broadcastId().equals(Optional.of(id)));
        // a record is purged only once complete: gone means another call finished the work
        if (locked.isEmpty() || locked.get().complete()) {
            return new KeyedProgress(from.position(), from.seen(), true);
        }
        IdempotencyRecord record = locked.get();
        int done = record.recipientsDone();
        Set<PhoneNumber> seen = new HashSet<>(from.seen());
        if (done > from.position()) {
            // another call with this key did these recipients: their numbers count as seen
            seen.addAll(numbersOf(tx, prepared.subList(from.position(), done)));
        }
        List<Prepared> batch = prepared.subList(done, Math.min(done + broadcastBatchSize, prepared.size()));
        Broadcast broadcast = tx.broadcasts().findBroadcast(id).orElseThrow(() -> new NoSuchBroadcastException(id));
        BatchOutcome outcome = broadcastBatch(tx, batch, request, broadcast, carrier, Collections.unmodifiableSet(seen));
        tx.idempotency().updateIdempotencyRecord(ImmutableIdempotencyRecord.copyOf(record)
                .withRecipientsDone(done + batch.size())
                .withRecipientsQueued(record.recipientsQueued() + outcome.reached().size()));
        seen.addAll(outcome.numbers());
        return new KeyedProgress(done + batch.size(), seen, done + batch.size() >= prepared.size());
    }

    /** The numbers recipients resolve to in the transaction, for those that resolve. */
    private static Set<PhoneNumber> numbersOf(StoreTransaction tx, List<Prepared> recipients) {
        Set<PhoneNumber> numbers = new HashSet<>();
        for (Prepared recipient : recipients) {
            if (recipient.number() != null) {
                numbers.add(recipient.number());
            } else if (recipient.recipient() instanceof Recipient.OfContact contact) {
                tx.contacts().findContact(contact.id()).map(Contact::phone).ifPresent(numbers::add);
            }
        }
        return numbers;
    }

    /**
     * A recipient with its number parsed ahead of its batch's transaction.
     *
     * @param recipient the recipient as given
     * @param number its number, or null for a contact (resolved in the transaction) or an unreadable number
     */
    private record Prepared(Recipient recipient, PhoneNumber number) {
        boolean unreadable() {
            return number == null && recipient instanceof Recipient.OfNumber;
        }
    }

    /**
     * Parses the recipients' numbers with the account's default region, on all cores: parsing is
     * pure computation and took a third of a long broadcast's creation done one by one.
     */
    private static List<Prepared> prepare(List<Recipient> recipients, String region) {
        Prepared[] prepared = new Prepared[recipients.size()];
        IntStream.range(0, prepared.length).parallel().forEach(i -> {
            Recipient recipient = recipients.get(i);
            PhoneNumber number = null;
            if (recipient instanceof Recipient.OfNumber given) {
                try {
                    number = PhoneNumber.parse(given.number(), region);
                } catch (InvalidPhoneNumberException e) {
                    // reported as skipped, in the recipients' order, with its batch
                }
            }
            prepared[i] = new Prepared(recipient, number);
        });
        return Arrays.asList(prepared);
    }

    /**
     * Checks one batch of recipients and queues the ones kept; the dispatcher writes their copies
     * into their threads later ({@link OutboxDispatcher}), so that creating a broadcast of any size
     * stays quick (issue 7).
     */
    private BatchOutcome broadcastBatch(StoreTransaction tx, List<Prepared> batch, BroadcastRequest request,
            Broadcast broadcast, Carrier carrier, Set<PhoneNumber> seenBefore) {
        AccountSettings settings = settings(tx);
        // batch-local, so that a transaction retried after a conflict starts from what committed
        Set<PhoneNumber> seenInBatch = new HashSet<>();
        // skips by position in the batch, so that they are reported in the recipients' order
        BroadcastSkip[] skipAt = new BroadcastSkip[batch.size()];
        PhoneNumber[] phoneAt = new PhoneNumber[batch.size()];
        List<PhoneNumber> candidates = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Prepared recipient = batch.get(i);
            String shown = shown(recipient.recipient());
            if (recipient.unreadable()) {
                skipAt[i] = new BroadcastSkip(shown, SkipReason.INVALID_NUMBER);
                continue;
            }
            PhoneNumber phone = recipient.number();
            if (phone == null) {
                try {
                    phone = resolve(tx, recipient.recipient(), settings);
                } catch (NoSuchContactException e) {
                    skipAt[i] = new BroadcastSkip(shown, SkipReason.NO_SUCH_CONTACT);
                    continue;
                }
            }
            if (seenBefore.contains(phone) || !seenInBatch.add(phone)) {
                skipAt[i] = new BroadcastSkip(shown, SkipReason.DUPLICATE);
                continue;
            }
            phoneAt[i] = phone;
            candidates.add(phone);
        }
        // one subscription lookup for the batch, not one per recipient
        Set<PhoneNumber> optedOut = Subscriptions.optedOut(tx, candidates);
        Set<PhoneNumber> blocked = Blocklist.blocked(tx, candidates);
        List<QueuedRecipient> kept = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            PhoneNumber phone = phoneAt[i];
            if (phone == null) {
                continue;
            }
            if (optedOut.contains(phone)) {
                skipAt[i] = new BroadcastSkip(shown(batch.get(i).recipient()), SkipReason.OPTED_OUT);
                continue;
            }
            if (blocked.contains(phone)) {
                skipAt[i] = new BroadcastSkip(shown(batch.get(i).recipient()), SkipReason.BLOCKED);
                continue;
            }
            Sender sender;
            try {
                sender = senderChoice.choose(settings, request.senderId(), request.numberPool(), phone,
                        carrier.id(), carrier.capabilities());
            } catch (SenderNotAllowedException e) {
                skipAt[i] = new BroadcastSkip(shown(batch.get(i).recipient()), SkipReason.SENDER_NOT_ALLOWED);
                continue;
            }
            kept.add(new QueuedRecipient(broadcast.id(), phone, sender));
        }
        tx.broadcasts().queueBroadcastRecipients(kept);
        List<PhoneNumber> reached = kept.stream().map(QueuedRecipient::recipient).toList();
        List<BroadcastSkip> skips = new ArrayList<>();
        for (BroadcastSkip skip : skipAt) {
            if (skip != null) {
                skips.add(skip);
            }
        }
        if (!skips.isEmpty()) {
            tx.broadcasts().appendBroadcastSkips(broadcast.id(), skips);
        }
        return new BatchOutcome(reached, skips, seenInBatch);
    }

    private static String shown(Recipient recipient) {
        return recipient instanceof Recipient.OfContact contact ? contact.id().toString()
                : ((Recipient.OfNumber) recipient).number();
    }

    @Override
    public BroadcastProgress broadcastProgress(AccountId account, BroadcastId broadcast) {
        Require.nonNull(broadcast, "broadcast");
        return unitOfWork.run(account, (tx, step) -> {
            Broadcast found = tx.broadcasts().findBroadcast(broadcast).orElseThrow(() -> new NoSuchBroadcastException(broadcast));
            Map<MessageStatus, Long> counts = tx.outbox().countOutboxEntriesByStatus(broadcast);
            long queued = tx.broadcasts().countQueuedRecipients(broadcast) + counts.getOrDefault(MessageStatus.QUEUED, 0L)
                    + counts.getOrDefault(MessageStatus.SCHEDULED, 0L) + counts.getOrDefault(MessageStatus.SENDING, 0L);
            long failed = counts.getOrDefault(MessageStatus.FAILED, 0L) + counts.getOrDefault(MessageStatus.CANCELLED, 0L);
            return new BroadcastProgress(found, queued, counts.getOrDefault(MessageStatus.SENT, 0L),
                    counts.getOrDefault(MessageStatus.DELIVERED, 0L), failed, tx.broadcasts().listBroadcastSkips(broadcast));
        });
    }

    // ----- delivery status (F31) ---------------------------------------------------------------

    @Override
    public DeliveryReportOutcome applyDeliveryReport(AccountId account, String carrierId, DeliveryReport given) {
        Require.nonNull(carrierId, "carrierId");
        DeliveryReport report = TextPolicy.storable(Require.nonNull(given, "report"));
        return unitOfWork.run(account, (tx, step) -> {
            Instant now = unitOfWork.now();
            Optional<OutboxEntry> entry = tx.outbox().lockOutboxEntryByCarrierId(carrierId, report.carrierMessageId());
            if (entry.isEmpty()) {
                tx.reports().insertUnmatchedReport(new UnmatchedDeliveryReport(carrierId, report, now));
                return DeliveryReportOutcome.UNMATCHED;
            }
            Optional<OutboxEntry> changed = Transitions.report(entry.get(), report, now);
            if (changed.isEmpty()) {
                return DeliveryReportOutcome.NO_CHANGE;
            }
            ThreadRecorder.recordStates(tx, List.of(entry.get()), List.of(changed.get()), now, step);
            return DeliveryReportOutcome.APPLIED;
        });
    }

    @Override
    public List<UnmatchedDeliveryReport> unmatchedReports(AccountId account, int limit) {
        if (limit < 1) {
            throw new InvalidValueException("limit", "must be at least 1");
        }
        return unitOfWork.run(account, (tx, step) -> tx.reports().listUnmatchedReports(limit));
    }

    // ----- the steps a host runs ---------------------------------------------------------------

    @Override
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    // ----- shared steps ------------------------------------------------------------------------

    @FunctionalInterface
    private interface Edit {
        OutboxEntry apply(StoreTransaction tx, OutboxEntry entry);
    }

    private OutboxEntry editScheduled(AccountId account, MessageId message, Edit edit) {
        Require.nonNull(message, "message");
        return unitOfWork.run(account, (tx, step) -> {
            OutboxEntry entry = tx.outbox().lockOutboxEntry(message).orElseThrow(() -> new NoSuchMessageException(message));
            if (entry.status() != MessageStatus.SCHEDULED) {
                throw new MessageNotEditableException(message, entry.status());
            }
            Instant now = unitOfWork.now();
            OutboxEntry changed = ImmutableOutboxEntry.builder().from(edit.apply(tx, entry)).updatedAt(now).build();
            ThreadRecorder.save(tx, entry, changed, now, step);
            return changed;
        });
    }

    private OutboxEntry record(AccountId account, SendRequest request, Optional<ScheduledTime> when) {
        Carrier carrier = carrier(request.carrierId());
        CarrierCapabilities capabilities = carrier.capabilities();
        Optional<IdempotencyKey> key = request.idempotencyKey();
        String requestHash = key.map(k -> IdempotentRequests.fingerprint(request, when)).orElse(null);
        return unitOfWork.run(account, (tx, step) -> {
            if (key.isPresent()) {
                // a repeat returns the first call's message, checked before anything else: a
                // schedule repeated after its time still returns it
                Optional<IdempotencyRecord> first = idempotency.first(tx, key.get(), requestHash, unitOfWork.now());
                if (first.isPresent()) {
                    MessageId queued = first.get().messageId().orElseThrow();
                    return tx.outbox().findOutboxEntry(queued).orElseThrow(() -> new NoSuchMessageException(queued));
                }
                when.ifPresent(time -> requireFuture(time.toZonedDateTime()));
            }
            AccountSettings settings = settings(tx);
            request.author().ifPresent(step::user);
            MessageContent content = ContentCheck.check(request.draft(), settings, carrier.id(), capabilities);
            PhoneNumber phone = resolve(tx, request.to(), settings);
            Sender sender = senderChoice.choose(settings, request.senderId(), request.numberPool(), phone,
                    carrier.id(), capabilities);
            if (Subscriptions.isOptedOut(tx, phone)) {
                throw new ContactOptedOutException(phone);
            }
            Blocklist.requireNotBlocked(tx, phone);
            OutboxEntry entry = ThreadRecorder.append(tx, new ThreadRecorder.Outbound(phone, content, sender,
                    carrier.id(), when, Optional.empty(), Optional.empty(), request.author(), request.category()),
                    unitOfWork.now(), step);
            if (key.isPresent()) {
                // the unique key that makes the key hold, in the transaction that queues the message
                tx.idempotency().insertIdempotencyRecord(idempotency.forMessage(key.get(), requestHash, entry.messageId(),
                        unitOfWork.now()));
            }
            return entry;
        });
    }

    /** Sending ends the author's typing in that conversation (F14), after the commit, as the engine's own sends do. */
    private OutboxEntry endTyping(AccountId account, SendRequest request, OutboxEntry entry) {
        if (request.author().isPresent()) {
            try {
                team.stoppedTyping(account, entry.conversationId(), request.author().get());
            } catch (FeatureNotInPlanException e) {
                // without the typing indicator in the plan nobody can be typing: nothing to end
            }
        }
        return entry;
    }

    private void requireFuture(ZonedDateTime when) {
        Require.nonNull(when, "when");
        Instant now = unitOfWork.now();
        if (!when.toInstant().isAfter(now)) {
            throw new ScheduledTimeInPastException(when, now);
        }
    }

    private Carrier carrier(Optional<String> carrierId) {
        String id = carrierId.orElse(defaultCarrierId);
        Carrier carrier = carriers.get(id);
        if (carrier == null) {
            throw new NoSuchCarrierException(id);
        }
        return carrier;
    }

    private static AccountSettings settings(StoreTransaction tx) {
        return tx.accounts().findAccount().map(Account::settings).orElseThrow(() -> new NoSuchAccountException(tx.accountId()));
    }


    private static PhoneNumber resolve(StoreTransaction tx, Recipient recipient, AccountSettings settings) {
        if (recipient instanceof Recipient.OfContact contact) {
            return tx.contacts().findContact(contact.id()).map(Contact::phone)
                    .orElseThrow(() -> new NoSuchContactException(contact.id()));
        }
        return PhoneNumber.parse(((Recipient.OfNumber) recipient).number(), settings.defaultRegion());
    }
}
