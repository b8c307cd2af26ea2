package io.github.inboxkit.core.sending.internal;

import io.github.inboxkit.core.internal.Step;
import io.github.inboxkit.core.internal.Blocklist;
import io.github.inboxkit.core.internal.Subscriptions;
import io.github.inboxkit.core.internal.UnitOfWork;
import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.carrier.SubmissionLookup;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.carrier.TransientReason;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.contact.OptOutSource;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.DispatchSummary;
import io.github.inboxkit.core.sending.Dispatcher;
import io.github.inboxkit.core.sending.FailureReason;
import io.github.inboxkit.core.sending.ImmutableOutboxEntry;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.RetryPolicy;
import io.github.inboxkit.core.sending.SendFailure;
import io.github.inboxkit.core.sending.ThroughputLimit;
import io.github.inboxkit.core.sending.UnknownNationalLanguageException;
import io.github.inboxkit.core.sending.UnmatchedDeliveryReport;
import io.github.inboxkit.core.store.StoreTransaction;
import io.github.inboxkit.core.text.Encoding;
import io.github.inboxkit.core.text.NationalLanguage;
import io.github.inboxkit.core.text.SegmentCount;
import io.github.inboxkit.core.text.SegmentCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntBiFunction;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher step. Writes queued broadcast copies into their threads ({@link BroadcastCopies}),
 * one transaction per account. Claims due entries with a lease in one transaction per account that
 * also re-checks opt-out, so that a STOP committed before the claim always wins; calls each carrier
 * outside any transaction with the message id as idempotency key; records an account's results
 * together in one short transaction, a batch per table rather than statements per message.
 *
 * <p>What a carrier accepted must not be submitted again because the database failed: a record
 * that fails is tried again, each time in a new transaction after a short back-off, for as long as
 * the lease lasts, and only after every other account's messages were submitted and recorded. A
 * carrier call starts only while it can end inside the lease ({@link LeaseBudget}); the engine
 * stops waiting for it at the carrier's submit timeout ({@link CarrierCalls}). An entry claimed
 * before (its lease ran out, or its last call failed) is first looked up at a carrier that offers
 * a {@link SubmissionLookup}.
 *
 * <p>Thread-safe: several threads or nodes may run steps at once.
 */
final class OutboxDispatcher implements Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final UnitOfWork unitOfWork;
    private final Map<String, Carrier> carriers;
    private final RetryPolicy retryPolicy;
    private final RandomGenerator random;
    private final Duration lease;
    private final int batchSize;
    private final int copyBatchSize;
    private final ThroughputLimiter limiter;
    private final CarrierCalls calls;

    /** The first pause before a failed record is tried again; it doubles up to {@link #MAX_RECORD_BACKOFF}. */
    private static final Duration FIRST_RECORD_BACKOFF = Duration.ofMillis(25);
    private static final Duration MAX_RECORD_BACKOFF = Duration.ofSeconds(1);

    /**
     * @param unitOfWork runs each transaction and publishes its events after the commit
     * @param carriers the carriers by id
     * @param retryPolicy the back-off for transient refusals
     * @param random the jitter source; used under a lock
     * @param lease how long a claim holds
     * @param batchSize the most entries one step claims
     * @param copyBatchSize the most broadcast copies one step writes
     * @param carrierCallExecutor where carrier calls run while the step waits for them
     * @param limits the host's throughput limits (F50)
     */
    OutboxDispatcher(UnitOfWork unitOfWork, Map<String, Carrier> carriers, RetryPolicy retryPolicy,
            RandomGenerator random, Duration lease, int batchSize, int copyBatchSize, Executor carrierCallExecutor,
            List<ThroughputLimit> limits) {
        this.unitOfWork = unitOfWork;
        this.carriers = Map.copyOf(carriers);
        this.retryPolicy = retryPolicy;
        this.random = random;
        this.lease = lease;
        this.batchSize = batchSize;
        this.copyBatchSize = copyBatchSize;
        this.calls = new CarrierCalls(carrierCallExecutor);
        this.limiter = new ThroughputLimiter(limits, this.carriers);
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    /**
     * @param entries the entries claimed for a carrier call
     * @param skipped opted out, FAILED at the claim
     * @param held held by quiet hours, or deferred by a throughput limit, at the claim (counted as deferred)
     * @param failed FAILED at the claim because quiet hours leave no window
     */
    private record Claimed(List<OutboxEntry> entries, int skipped, int held, int failed) {
        int putBack() {
            return skipped + held + failed;
        }
    }

    /** What one step counts and carries besides its outcomes. Used by the step's thread only. */
    private static final class Round {
        final LeaseBudget lease;
        final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        int carrierErrors;
        int unrecorded;
        /** Set when the dispatching thread was interrupted: no call starts after it, and the flag is restored at the end. */
        boolean interrupted;

        Round(LeaseBudget lease) {
            this.lease = lease;
        }
    }

    /** One account's carrier answers, not yet recorded. */
    private record Unrecorded(AccountId account, List<Submitted> results) {}

    @Override
    public DispatchSummary dispatchDue() {
        // broadcast copies first, so that the claims below may already take them
        int written = writeBroadcastCopies();
        Instant now = unitOfWork.now();
        Round round = new Round(LeaseBudget.start(lease, now, unitOfWork::now));
        Map<AccountId, List<OutboxEntry>> claims = new LinkedHashMap<>();
        List<Claimed> all = new ArrayList<>();
        List<RuntimeException> claimFailures = new ArrayList<>();
        shareOut(unitOfWork.store().accountsWithClaimableOutbox(now, batchSize), batchSize, (account, room) -> {
            Claimed claimed;
            try {
                claimed = unitOfWork.run(account, (tx, step) -> claim(tx, now, room, step));
            } catch (RuntimeException e) {
                // one account's failed claim does not keep the others' messages waiting
                LOG.warn("claiming account {}'s due messages failed with {}; its messages wait for a later step",
                        account, e.getClass().getName());
                LOG.debug("claim failure", e);
                claimFailures.add(e);
                return 0;
            }
            if (!claimed.entries().isEmpty()) {
                claims.computeIfAbsent(account, a -> new ArrayList<>()).addAll(claimed.entries());
            }
            all.add(claimed);
            return claimed.entries().size() + claimed.putBack();
        });
        if (all.isEmpty() && !claimFailures.isEmpty()) {
            throw claimFailures.get(0); // nothing claimed at all: the store is failing, and the caller should know
        }
        int claimedCount = all.stream().mapToInt(claimed -> claimed.entries().size()).sum();
        int skipped = all.stream().mapToInt(Claimed::skipped).sum();
        int held = all.stream().mapToInt(Claimed::held).sum();
        int failedAtClaim = all.stream().mapToInt(Claimed::failed).sum();
        List<Unrecorded> unrecorded = new ArrayList<>();
        for (Map.Entry<AccountId, List<OutboxEntry>> claim : claims.entrySet()) {
            // every carrier call outside any transaction; then the account's results in one
            List<Submitted> results = new ArrayList<>(claim.getValue().size());
            for (OutboxEntry entry : claim.getValue()) {
                results.add(submit(entry, round));
            }
            if (!tryRecord(claim.getKey(), results, round)) {
                unrecorded.add(new Unrecorded(claim.getKey(), results));
            }
        }
        recordAgain(unrecorded, round);
        if (round.interrupted) {
            Thread.currentThread().interrupt();
        }
        Map<Outcome, Integer> outcomes = round.outcomes;
        return new DispatchSummary(written, claimedCount, outcomes.getOrDefault(Outcome.SENT, 0),
                outcomes.getOrDefault(Outcome.RETRIED, 0), outcomes.getOrDefault(Outcome.FAILED, 0) + failedAtClaim,
                skipped, outcomes.getOrDefault(Outcome.DEFERRED, 0) + held, round.carrierErrors, round.unrecorded);
    }

    /** Records one account's answers once; false, after logging, if the store failed. */
    private boolean tryRecord(AccountId account, List<Submitted> results, Round round) {
        try {
            record(account, results).forEach((outcome, count) -> round.outcomes.merge(outcome, count, Integer::sum));
            return true;
        } catch (RuntimeException e) {
            // the store's message may quote personal data: the class only at WARN
            LOG.warn("recording the carrier's answers for {} messages of account {} failed with {}; trying again in a"
                    + " new transaction while their lease lasts", results.size(), account, e.getClass().getName());
            LOG.debug("record failure", e);
            return false;
        }
    }

    /**
     * Tries the failed records again, each in a new transaction, after a back-off that doubles, for
     * as long as the lease lasts: a record given up leaves its messages SENDING until the lease
     * ends, and then they are claimed and submitted again.
     */
    private void recordAgain(List<Unrecorded> unrecorded, Round round) {
        if (round.interrupted) {
            // the host is stopping: one try at once, no waiting
            unrecorded.removeIf(pending -> tryRecord(pending.account(), pending.results(), round));
        }
        Duration backoff = FIRST_RECORD_BACKOFF;
        while (!unrecorded.isEmpty() && !round.interrupted && round.lease.left().compareTo(backoff) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(backoff.toNanos());
            } catch (InterruptedException e) {
                round.interrupted = true; // the host is stopping: one last try, then give up
            }
            unrecorded.removeIf(pending -> tryRecord(pending.account(), pending.results(), round));
            backoff = backoff.multipliedBy(2).compareTo(MAX_RECORD_BACKOFF) > 0 ? MAX_RECORD_BACKOFF
                    : backoff.multipliedBy(2);
        }
        for (Unrecorded pending : unrecorded) {
            round.unrecorded += pending.results().size();
            LOG.warn("gave up recording the carrier's answers for {} messages of account {} as their lease ends; they"
                    + " will be claimed again, and a carrier that neither deduplicates nor offers a submission lookup"
                    + " may send the accepted ones twice", pending.results().size(), pending.account());
        }
    }

    @Override
    public int writeBroadcastCopies() {
        Instant now = unitOfWork.now();
        return shareOut(unitOfWork.store().accountsWithQueuedRecipients(copyBatchSize), copyBatchSize, (account, room) ->
                unitOfWork.run(account, (tx, step) -> BroadcastCopies.write(tx, room, now, step)));
    }

    /**
     * Shares one batch out among accounts: a fair share each first, so that one account's broadcast
     * does not starve the others; then whatever room is left, in a second pass.
     *
     * @param accounts the accounts with work
     * @param batch the most messages in all
     * @param take does an account's work, at most {@code room} messages of it, and says how many
     * @return how many messages were taken in all
     */
    private static int shareOut(List<AccountId> accounts, int batch, ToIntBiFunction<AccountId, Integer> take) {
        int used = 0;
        int share = accounts.isEmpty() ? 0 : Math.max(1, batch / accounts.size());
        for (int pass = 0; pass < 2; pass++) {
            for (AccountId account : accounts) {
                int room = Math.min(batch - used, pass == 0 ? share : batch);
                if (room <= 0) {
                    break;
                }
                used += take.applyAsInt(account, room);
            }
        }
        return used;
    }

    private Claimed claim(StoreTransaction tx, Instant now, int limit, Step step) {
        // claimed and written SENDING, messages too, in one step; what the store wrote is what
        // Transitions.claim says
        List<OutboxEntry> due = tx.claimOutboxEntries(now, limit, now.plus(lease));
        // the opt-out check is in the claiming transaction (invariant 5): a STOP that committed
        // before this claim stops the message; so does a block (F38), checked the same way
        List<PhoneNumber> recipients = due.stream().map(OutboxEntry::recipient).distinct().toList();
        Set<PhoneNumber> optedOutNumbers = Subscriptions.optedOut(tx, recipients);
        Set<PhoneNumber> blockedNumbers = Blocklist.blocked(tx, recipients);
        Map<MessageId, OutboxEntry> stopped = new HashMap<>();
        List<OutboxEntry> sendable = new ArrayList<>(due.size());
        for (OutboxEntry entry : due) {
            Optional<OutboxEntry> stop = stop(entry, now, optedOutNumbers, blockedNumbers);
            if (stop.isPresent()) {
                stopped.put(entry.messageId(), stop.get());
            } else {
                sendable.add(Transitions.claim(entry, now, lease).orElseThrow(() -> new IllegalStateException(
                        "the store claimed message " + entry.messageId() + ", which is not claimable")));
            }
        }
        // quiet hours (F41) in the claiming transaction: a message due outside the window is held
        // again, one whose hold ends goes, and only this claim releases it
        List<OutboxEntry> decided = QuietHoursGate.atClaim(tx, sendable, now, step);
        // throughput limits (F50) in the claiming transaction too: a token of each limit for every
        // message that goes, so the limits hold across nodes; the others are deferred, no attempt
        List<OutboxEntry> going = decided.stream().filter(entry -> entry.status() == MessageStatus.SENDING).toList();
        List<Optional<Instant>> turns = limiter.admit(tx, going, unitOfWork::now);
        Map<MessageId, Instant> overLimit = new HashMap<>();
        for (int i = 0; i < going.size(); i++) {
            if (turns.get(i).isPresent()) {
                overLimit.put(going.get(i).messageId(), turns.get(i).get());
            }
        }
        List<OutboxEntry> after = new ArrayList<>(due.size());
        List<OutboxEntry> putBack = new ArrayList<>();
        List<OutboxEntry> rewritten = new ArrayList<>();
        List<OutboxEntry> claimed = new ArrayList<>(due.size());
        int optedOut = 0;
        int expired = 0;
        int held = 0;
        int next = 0;
        for (OutboxEntry entry : due) {
            OutboxEntry failed = stopped.get(entry.messageId());
            if (failed != null) {
                // failed from where it was before the claim: the attempt never happened
                after.add(failed);
                putBack.add(failed);
                if (failed.failure().map(SendFailure::reason).orElse(null) == FailureReason.EXPIRED) {
                    expired++;
                } else {
                    optedOut++;
                }
                continue;
            }
            OutboxEntry sending = sendable.get(next);
            OutboxEntry gated = decided.get(next++);
            Instant turn = overLimit.get(gated.messageId());
            if (turn != null) {
                gated = Transitions.defer(gated, Duration.between(now, turn), now).orElseThrow();
            }
            if (gated.status() != MessageStatus.SENDING) {
                after.add(gated); // held again, or no window at all
                putBack.add(gated);
                held += gated.status() == MessageStatus.FAILED ? 0 : 1;
                continue;
            }
            OutboxEntry fixed = withShiftTables(tx, gated);
            if (!fixed.equals(sending)) {
                rewritten.add(fixed);
            }
            after.add(fixed);
            claimed.add(fixed);
        }
        tx.updateOutboxStates(putBack);
        // only the encoding changed: the message, already SENDING, shows the same text
        tx.outbox().updateOutboxEntries(rewritten);
        ThreadRecorder.announce(tx, due, after, now, step);
        return new Claimed(claimed, optedOut, held, putBack.size() - optedOut - expired - held);
    }

    /**
     * What the claim stops before any attempt, failed from where it was: an opt-out confirmation
     * past its deadline (F42), a blocked number (F38), an opted-out one (invariant 5; only the
     * opt-out confirmation still reaches it).
     *
     * @return the failed entry, or empty if it may go on
     */
    private static Optional<OutboxEntry> stop(OutboxEntry entry, Instant now, Set<PhoneNumber> optedOut,
            Set<PhoneNumber> blocked) {
        Optional<OutboxEntry> failed;
        if (Transitions.expired(entry, now)) {
            failed = Transitions.expire(entry, now);
        } else if (blocked.contains(entry.recipient())) {
            failed = Transitions.skipBlocked(entry, now);
        } else if (optedOut.contains(entry.recipient()) && !Transitions.reachesOptedOut(entry)) {
            failed = Transitions.skipOptedOut(entry, now);
        } else {
            return Optional.empty();
        }
        return Optional.of(failed.orElseThrow());
    }

    /**
     * Gives back the shift tables of a GSM-7 text that needs them but whose entry has none, as from
     * a store that does not keep them (or an entry written before they existed): without them the
     * handset would show the wrong characters. Counted again with the account's tables; if the
     * account no longer enables one the text needs, it goes as UCS-2.
     */
    private static OutboxEntry withShiftTables(StoreTransaction tx, OutboxEntry entry) {
        if (entry.encoding() != TextEncoding.GSM_7 || !entry.shiftTables().isEmpty() || entry.text().isEmpty()
                || SegmentCounter.standard().count(entry.text()).encoding() == Encoding.GSM_7) {
            return entry;
        }
        List<String> names = tx.accounts().findAccount().map(account -> account.settings().nationalLanguageTables())
                .orElse(List.of());
        Set<NationalLanguage> languages;
        try {
            languages = ContentCheck.languages(names);
        } catch (UnknownNationalLanguageException e) {
            languages = Set.of(); // refused at send time already; a claim does not fail the whole step for it
        }
        SegmentCount count = SegmentCounter.builder().nationalLanguageTables(languages).build().count(entry.text());
        return ImmutableOutboxEntry.builder().from(entry)
                .encoding(count.encoding() == Encoding.GSM_7 ? TextEncoding.GSM_7 : TextEncoding.UCS_2)
                .segmentCount(count.segmentCount())
                .shiftTables(ContentCheck.shiftTables(count))
                .build();
    }

    private enum Outcome { SENT, RETRIED, FAILED, DEFERRED, NO_CHANGE }

    /**
     * What became of one claimed entry at its carrier, to be recorded: the change to apply to the
     * entry as it is when recorded, and what the change means if it applies.
     *
     * @param entry the entry as claimed
     * @param outcome what the change means
     * @param change the change
     * @param accepted the carrier's id for the message, if the carrier accepted it
     */
    private record Submitted(OutboxEntry entry, Outcome outcome, Change change, Optional<String> accepted,
            boolean recipientUnsubscribed) {

        Submitted(OutboxEntry entry, Outcome outcome, Change change, Optional<String> accepted) {
            this(entry, outcome, change, accepted, false);
        }
    }

    /** A change recorded in the account's record transaction. */
    @FunctionalInterface
    private interface Change {
        /**
         * @param account the entry's account
         * @param current the entry as locked in the record transaction
         * @param now the record transaction's time
         * @param kept the reports that overtook the acceptance, in arrival order (empty unless accepted)
         * @param step the attempt of the unit of work, which collects intermediate status events
         * @return the entry after, or empty for no change
         */
        Optional<OutboxEntry> apply(AccountId account, OutboxEntry current, Instant now, List<UnmatchedDeliveryReport> kept, Step step);
    }

    private Submitted submit(OutboxEntry entry, Round round) {
        Carrier carrier = carriers.get(entry.carrierId());
        if (carrier == null) {
            SendFailure failure = SendFailure.of(FailureReason.NO_SUCH_CARRIER,
                    "no carrier '" + entry.carrierId() + "' is registered");
            return new Submitted(entry, Outcome.FAILED, (account, current, now, kept, step) -> Transitions.fail(current,
                    failure, now), Optional.empty());
        }
        CarrierCapabilities capabilities = carrier.capabilities();
        Duration timeout = capabilities.submitTimeout();
        if (round.interrupted || !round.lease.hasTimeFor(timeout)) {
            return released(entry);
        }
        // claimed before: an earlier attempt may have reached the carrier, which may tell
        Optional<SubmissionLookup> lookup = entry.attempts() > 1 ? carrier.submissionLookup() : Optional.empty();
        if (lookup.isPresent()) {
            Optional<Submitted> known = lookUp(carrier, lookup.get(), entry, round);
            if (known.isPresent()) {
                return known.get();
            }
            if (round.interrupted || !round.lease.hasTimeFor(timeout)) {
                return released(entry);
            }
        }
        OutboundSubmission submission = new OutboundSubmission(entry.messageId().toString(), entry.sender(),
                entry.recipient().e164(), entry.text(), entry.media(), entry.segmentCount(), entry.encoding(),
                entry.shiftTables());
        CarrierCalls.Answer<SubmitResult> answer = calls.call("carrier " + carrier.id() + "'s submit of message "
                + entry.messageId(), timeout, () -> carrier.submit(submission));
        SubmitResult result = switch (answer.ending()) {
            case ANSWERED -> answer.value() != null ? answer.value()
                    : carrierError(carrier, entry, "submit", "returned null", null, round);
            case THREW -> carrierError(carrier, entry, "submit", "threw", answer.failure(), round);
            case TIMED_OUT -> timedOut(carrier, entry, "submit", round);
            case INTERRUPTED -> interrupted(entry, round);
            case NOT_STARTED -> null;
        };
        if (result == null) {
            return notStarted(entry, answer.failure());
        }
        return submitted(entry, result);
    }

    /**
     * Asks the carrier about an earlier submission of the entry. Empty when the carrier has none, so
     * that the entry is submitted; otherwise what to record instead of submitting.
     */
    private Optional<Submitted> lookUp(Carrier carrier, SubmissionLookup lookup, OutboxEntry entry, Round round) {
        String key = entry.messageId().toString();
        CarrierCalls.Answer<Optional<SubmitResult>> answer = calls.call("carrier " + carrier.id()
                + "'s lookup of message " + entry.messageId(), carrier.capabilities().submitTimeout(),
                () -> lookup.findSubmission(key));
        return switch (answer.ending()) {
            case ANSWERED -> {
                if (answer.value() == null) {
                    yield Optional.of(submitted(entry, carrierError(carrier, entry, "lookup", "returned null", null,
                            round)));
                }
                answer.value().ifPresent(found -> LOG.debug("carrier {} already had message {}: {}; not submitted"
                        + " again", carrier.id(), entry.messageId(), found.getClass().getSimpleName()));
                yield answer.value().map(found -> submitted(entry, found));
            }
            case THREW -> Optional.of(submitted(entry,
                    carrierError(carrier, entry, "lookup", "threw", answer.failure(), round)));
            case TIMED_OUT -> Optional.of(submitted(entry, timedOut(carrier, entry, "lookup", round)));
            case INTERRUPTED -> {
                round.interrupted = true;
                yield Optional.of(released(entry)); // a lookup sends nothing: the attempt did not happen
            }
            case NOT_STARTED -> Optional.of(notStarted(entry, answer.failure()));
        };
    }

    /**
     * A carrier call that threw or answered null: logged, counted, and retried like a transient
     * refusal, since it says nothing about the message. An error the JVM cannot recover from
     * (out of memory, say) ends the step instead: its claims wait for their lease.
     */
    private static SubmitResult carrierError(Carrier carrier, OutboxEntry entry, String call, String what,
            Throwable failure, Round round) {
        if (failure instanceof VirtualMachineError fatal) {
            throw fatal;
        }
        round.carrierErrors++;
        String type = failure == null ? "null" : failure.getClass().getName();
        // A vendor's message often quotes the recipient or the body: class and ids only at WARN.
        LOG.warn("carrier {} {} on {} of message {}; retrying later", carrier.id(),
                failure == null ? what : what + " " + type, call, entry.messageId());
        if (failure != null) {
            LOG.debug("carrier {} {} failure", carrier.id(), call, failure);
        }
        return SubmitResult.rejectedTransiently(TransientReason.UNEXPECTED_ERROR, "",
                failure == null ? what : failure.getClass().getSimpleName());
    }

    /** A carrier call the engine stopped waiting for: logged, counted, retried; it may still have reached the carrier. */
    private static SubmitResult timedOut(Carrier carrier, OutboxEntry entry, String call, Round round) {
        round.carrierErrors++;
        Duration timeout = carrier.capabilities().submitTimeout();
        LOG.warn("carrier {} did not answer the {} of message {} within its submitTimeout ({}); retrying later",
                carrier.id(), call, entry.messageId(), timeout);
        return SubmitResult.rejectedTransiently(TransientReason.TIMEOUT, "",
                "no answer within the carrier's submitTimeout (" + timeout + ")");
    }

    /** The dispatching thread was interrupted while a submit ran: it may have reached the carrier, so it is an attempt. */
    private static SubmitResult interrupted(OutboxEntry entry, Round round) {
        round.interrupted = true;
        LOG.info("dispatching thread interrupted during the submit of message {}; the step puts its other messages"
                + " back", entry.messageId());
        return SubmitResult.rejectedTransiently(TransientReason.UNEXPECTED_ERROR, "", "the dispatching thread was"
                + " interrupted");
    }

    /** The executor refused the call: nothing reached the carrier, and the entry goes back untouched. */
    private static Submitted notStarted(OutboxEntry entry, Throwable why) {
        LOG.warn("the carrier call executor refused the call for message {} ({}); put back for a later step",
                entry.messageId(), why == null ? "" : why.getClass().getName());
        return released(entry);
    }

    /** Put back, due at once and the attempt not counted: no call was made. */
    private static Submitted released(OutboxEntry entry) {
        return deferred(entry, Duration.ZERO);
    }

    private static Submitted deferred(OutboxEntry entry, Duration wait) {
        return new Submitted(entry, Outcome.DEFERRED, (account, current, now, kept, step) -> Transitions.defer(current,
                wait, now), Optional.empty());
    }

    /** What a carrier's answer (to a submit, or found by a lookup) changes. */
    private Submitted submitted(OutboxEntry entry, SubmitResult result) {
        if (result instanceof SubmitResult.Accepted accepted) {
            return new Submitted(entry, Outcome.SENT, (account, current, now, kept, step) -> {
                Optional<OutboxEntry> sent = Transitions.accepted(current, accepted.carrierMessageId(), now);
                if (sent.isEmpty()) {
                    return sent;
                }
                // Reports that overtook the acceptance were kept; they apply now, in arrival order,
                // each status change with its own event.
                OutboxEntry latest = sent.get();
                for (UnmatchedDeliveryReport report : kept) {
                    Optional<OutboxEntry> reported = Transitions.report(latest, report.report(), now);
                    if (reported.isPresent()) {
                        ThreadRecorder.statusChanged(step, account, latest, now);
                        latest = reported.get();
                    }
                }
                return Optional.of(latest);
            }, Optional.of(accepted.carrierMessageId()));
        }
        if (result instanceof SubmitResult.RejectedPermanently permanent) {
            SendFailure failure = SendFailure.builder().reason(FailureReason.REJECTED_BY_CARRIER)
                    .carrierReason(permanent.reason())
                    .carrierCode(permanent.carrierCode())
                    .detail(permanent.carrierText())
                    .build();
            return new Submitted(entry, Outcome.FAILED, (account, current, now, kept, step) -> Transitions.fail(current,
                    failure, now), Optional.empty(), permanent.reason() == PermanentReason.OPTED_OUT);
        }
        SubmitResult.RejectedTransiently refusal = (SubmitResult.RejectedTransiently) result;
        return new Submitted(entry, Outcome.RETRIED, (account, current, now, kept, step) -> {
            Optional<Duration> delay;
            synchronized (random) {
                delay = retryPolicy.delayAfterFailure(Math.max(1, current.attempts()), refusal.retryAfter(), random);
            }
            return Transitions.retryLater(current, delay, refusal.carrierCode(),
                    refusal.reason() + ": " + refusal.carrierText(), now);
        }, Optional.empty());
    }

    /**
     * The carrier refused a message because its recipient unsubscribed at the carrier (F18): the
     * number is opted out in the same transaction as the refusal, so that nothing more is queued to
     * it, as after a STOP the account received itself. Nothing is appended when it already is.
     */
    private static void recordCarrierOptOut(StoreTransaction tx, AccountId account, OutboxEntry entry, Instant now,
            Step step) {
        if (Subscriptions.isOptedOut(tx, entry.recipient())) {
            return;
        }
        OptOutRecord record = OptOutRecord.builder().phone(entry.recipient()).action(OptOutAction.OPTED_OUT)
                .source(OptOutSource.CARRIER).causedByMessage(entry.messageId()).recordedAt(now).build();
        step.publish(new InboxEvent.SubscriptionChanged(account, Subscriptions.append(tx, record)));
    }

    /**
     * Records one account's results in one transaction. The entries nothing moved since their claim
     * are recorded without being read again ({@link StoreTransaction#updateOutboxStatesIfUnchanged});
     * the others are locked in one statement, the reports kept for the accepted ones taken in one
     * per carrier, and their changes saved in one batch.
     */
    private Map<Outcome, Integer> record(AccountId account, List<Submitted> results) {
        return unitOfWork.run(account, (tx, step) -> {
            Instant now = unitOfWork.now();
            for (Submitted result : results) {
                // an entry erased while at the carrier (F40) names a number that must not come back
                if (result.recipientUnsubscribed() && tx.outbox().findOutboxEntry(result.entry().messageId()).isPresent()) {
                    recordCarrierOptOut(tx, account, result.entry(), now, step);
                }
            }
            Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
            List<Submitted> rest = recordUnchanged(tx, account, results, now, step, outcomes);
            if (rest.isEmpty()) {
                return outcomes;
            }
            Map<MessageId, OutboxEntry> current = tx.outbox().lockOutboxEntries(
                    rest.stream().map(result -> result.entry().messageId()).toList());
            Map<String, Map<String, List<UnmatchedDeliveryReport>>> kept = takeKeptReports(tx, rest, current, now);
            List<OutboxEntry> before = new ArrayList<>(rest.size());
            List<OutboxEntry> after = new ArrayList<>(rest.size());
            for (Submitted result : rest) {
                OutboxEntry entry = current.get(result.entry().messageId());
                List<UnmatchedDeliveryReport> reports = result.accepted()
                        .map(id -> kept.getOrDefault(entry == null ? "" : entry.carrierId(), Map.of())
                                .getOrDefault(id, List.of()))
                        .orElse(List.of());
                Optional<OutboxEntry> changed = entry == null ? Optional.empty()
                        : result.change().apply(account, entry, now, reports, step);
                outcomes.merge(outcome(result, changed), 1, Integer::sum);
                if (changed.isPresent()) {
                    before.add(entry);
                    after.add(changed.get());
                }
            }
            ThreadRecorder.recordStates(tx, before, after, now, step);
            return outcomes;
        });
    }

    /**
     * Records the results whose entries are still as claimed and have no kept report, in one
     * statement, and returns the others, in order.
     */
    private static List<Submitted> recordUnchanged(StoreTransaction tx, AccountId account, List<Submitted> results,
            Instant now, Step step, Map<Outcome, Integer> outcomes) {
        List<Submitted> candidates = new ArrayList<>(results.size());
        List<OutboxEntry> claimed = new ArrayList<>(results.size());
        List<OutboxEntry> changed = new ArrayList<>(results.size());
        List<Submitted> rest = new ArrayList<>();
        for (Submitted result : results) {
            // no kept reports here: an entry that has some is not written, and goes the long way
            Optional<OutboxEntry> after = result.change().apply(account, result.entry(), now, List.of(), step);
            if (after.isPresent()) {
                candidates.add(result);
                claimed.add(result.entry());
                changed.add(after.get());
            } else {
                rest.add(result);
            }
        }
        Set<MessageId> written = tx.updateOutboxStatesIfUnchanged(claimed, changed);
        List<OutboxEntry> before = new ArrayList<>(written.size());
        List<OutboxEntry> after = new ArrayList<>(written.size());
        for (int i = 0; i < candidates.size(); i++) {
            if (written.contains(claimed.get(i).messageId())) {
                outcomes.merge(outcome(candidates.get(i), Optional.of(changed.get(i))), 1, Integer::sum);
                before.add(claimed.get(i));
                after.add(changed.get(i));
            } else {
                rest.add(candidates.get(i));
            }
        }
        ThreadRecorder.announce(tx, before, after, now, step);
        return rest;
    }

    /** What a result's change, applied or not, counts as. */
    private static Outcome outcome(Submitted result, Optional<OutboxEntry> changed) {
        if (changed.isEmpty()) {
            return Outcome.NO_CHANGE;
        }
        return result.outcome() == Outcome.RETRIED && changed.get().status() == MessageStatus.FAILED
                ? Outcome.FAILED // the retry policy gave up
                : result.outcome();
    }

    /**
     * Takes the reports kept for the accepted entries whose acceptance will apply, one statement
     * per carrier, by carrier and carrier message id. Entries that are no longer pending keep theirs.
     */
    private static Map<String, Map<String, List<UnmatchedDeliveryReport>>> takeKeptReports(StoreTransaction tx,
            List<Submitted> results, Map<MessageId, OutboxEntry> current, Instant now) {
        Map<String, List<String>> accepted = new LinkedHashMap<>();
        for (Submitted result : results) {
            OutboxEntry entry = current.get(result.entry().messageId());
            if (result.accepted().isPresent() && entry != null
                    && Transitions.accepted(entry, result.accepted().get(), now).isPresent()) {
                accepted.computeIfAbsent(entry.carrierId(), c -> new ArrayList<>()).add(result.accepted().get());
            }
        }
        Map<String, Map<String, List<UnmatchedDeliveryReport>>> kept = new LinkedHashMap<>();
        accepted.forEach((carrierId, ids) -> kept.put(carrierId, tx.reports().takeUnmatchedReports(carrierId, ids)));
        return kept;
    }
}
