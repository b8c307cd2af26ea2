package io.github.inboxkit.core.sending.internal;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.carrier.TransientReason;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.sending.DispatchSummary;
import io.github.inboxkit.core.sending.Dispatcher;
import io.github.inboxkit.core.sending.FailureReason;
import io.github.inboxkit.core.sending.ImmutableOutboxEntry;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.RetryPolicy;
import io.github.inboxkit.core.sending.SendFailure;
import io.github.inboxkit.core.sending.UnknownNationalLanguageException;
import io.github.inboxkit.core.sending.UnmatchedDeliveryReport;
import io.github.inboxkit.core.store.SendingTransaction;
import io.github.inboxkit.core.text.Encoding;
import io.github.inboxkit.core.text.NationalLanguage;
import io.github.inboxkit.core.text.SegmentCount;
import io.github.inboxkit.core.text.SegmentCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntBiFunction;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher step (DESIGN invariants 3 and 5). Writes queued broadcast copies into their
 * threads ({@link BroadcastCopies}), one transaction per account. Claims due entries with a lease in one
 * transaction per account that also re-checks opt-out; calls each carrier outside any transaction
 * with the message id as idempotency key; records an account's results together in one short
 * transaction, a batch per table rather than statements per message.
 * Thread-safe: several threads or nodes may run steps at once.
 */
final class OutboxDispatcher implements Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final UseCaseRunner runner;
    private final Map<String, Carrier> carriers;
    private final RetryPolicy retryPolicy;
    private final RandomGenerator random;
    private final Duration lease;
    private final int batchSize;
    private final int copyBatchSize;
    private final SenderThrottle throttle = new SenderThrottle();

    /**
     * @param runner runs transactions and publishes events
     * @param carriers the carriers by id
     * @param retryPolicy the back-off for transient refusals
     * @param random the jitter source; used under a lock
     * @param lease how long a claim holds
     * @param batchSize the most entries one step claims
     * @param copyBatchSize the most broadcast copies one step writes
     */
    OutboxDispatcher(UseCaseRunner runner, Map<String, Carrier> carriers, RetryPolicy retryPolicy,
            RandomGenerator random, Duration lease, int batchSize, int copyBatchSize) {
        this.runner = runner;
        this.carriers = Map.copyOf(carriers);
        this.retryPolicy = retryPolicy;
        this.random = random;
        this.lease = lease;
        this.batchSize = batchSize;
        this.copyBatchSize = copyBatchSize;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    private record Claimed(List<OutboxEntry> entries, int skipped) {}

    @Override
    public DispatchSummary dispatchDue() {
        // broadcast copies first, so that the claims below may already take them
        int written = writeBroadcastCopies();
        Instant now = runner.now();
        Map<AccountId, List<OutboxEntry>> claims = new LinkedHashMap<>();
        List<Claimed> all = new ArrayList<>();
        shareOut(runner.store().accountsWithClaimableOutbox(now, batchSize), batchSize, (account, room) -> {
            Claimed claimed = runner.run(account, (tx, events) -> claim(tx, now, room, events));
            if (!claimed.entries().isEmpty()) {
                claims.computeIfAbsent(account, a -> new ArrayList<>()).addAll(claimed.entries());
            }
            all.add(claimed);
            return claimed.entries().size() + claimed.skipped();
        });
        int claimedCount = all.stream().mapToInt(claimed -> claimed.entries().size()).sum();
        int skipped = all.stream().mapToInt(Claimed::skipped).sum();
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (Map.Entry<AccountId, List<OutboxEntry>> claim : claims.entrySet()) {
            // every carrier call outside any transaction; then the account's results in one
            List<Submitted> results = claim.getValue().stream().map(this::submit).toList();
            record(claim.getKey(), results).forEach((outcome, count) -> outcomes.merge(outcome, count, Integer::sum));
        }
        return new DispatchSummary(written, claimedCount, outcomes.getOrDefault(Outcome.SENT, 0),
                outcomes.getOrDefault(Outcome.RETRIED, 0), outcomes.getOrDefault(Outcome.FAILED, 0), skipped,
                outcomes.getOrDefault(Outcome.DEFERRED, 0));
    }

    @Override
    public int writeBroadcastCopies() {
        Instant now = runner.now();
        return shareOut(runner.store().accountsWithQueuedRecipients(copyBatchSize), copyBatchSize, (account, room) ->
                runner.run(account, (tx, events) -> BroadcastCopies.write(tx, room, now, events)));
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

    private Claimed claim(SendingTransaction tx, Instant now, int limit, Events events) {
        // claimed and written SENDING, messages too, in one step; what the store wrote is what
        // Transitions.claim says
        List<OutboxEntry> due = tx.claimOutboxEntries(now, limit, now.plus(lease));
        // the opt-out check is in the claiming transaction (invariant 5): a STOP that committed
        // before this claim stops the message
        Map<PhoneNumber, OptOutRecord> optOuts = tx.latestOptOutRecords(
                due.stream().map(OutboxEntry::recipient).distinct().toList());
        List<OutboxEntry> after = new ArrayList<>(due.size());
        List<OutboxEntry> optedOut = new ArrayList<>();
        List<OutboxEntry> rewritten = new ArrayList<>();
        List<OutboxEntry> claimed = new ArrayList<>(due.size());
        for (OutboxEntry entry : due) {
            OptOutRecord record = optOuts.get(entry.recipient());
            if (record != null && record.action() == OptOutAction.OPTED_OUT) {
                // failed from where it was before the claim: the attempt never happened
                OutboxEntry failed = Transitions.skipOptedOut(entry, now).orElseThrow();
                after.add(failed);
                optedOut.add(failed);
                continue;
            }
            OutboxEntry sending = Transitions.claim(entry, now, lease).orElseThrow(() -> new IllegalStateException(
                    "the store claimed message " + entry.messageId() + ", which is not claimable"));
            OutboxEntry fixed = withShiftTables(tx, sending);
            if (!fixed.equals(sending)) {
                rewritten.add(fixed);
            }
            after.add(fixed);
            claimed.add(fixed);
        }
        tx.updateOutboxStates(optedOut);
        // only the encoding changed: the message, already SENDING, shows the same text
        tx.updateOutboxEntries(rewritten);
        ThreadRecorder.announce(tx, due, after, now, events);
        return new Claimed(claimed, optedOut.size());
    }

    /**
     * Gives back the shift tables of a GSM-7 text that needs them but whose entry has none, as from
     * a store that does not keep them (or an entry written before they existed): without them the
     * handset would show the wrong characters. Counted again with the account's tables; if the
     * account no longer enables one the text needs, it goes as UCS-2.
     */
    private static OutboxEntry withShiftTables(SendingTransaction tx, OutboxEntry entry) {
        if (entry.encoding() != TextEncoding.GSM_7 || !entry.shiftTables().isEmpty() || entry.text().isEmpty()
                || SegmentCounter.standard().count(entry.text()).encoding() == Encoding.GSM_7) {
            return entry;
        }
        List<String> names = tx.findAccount().map(account -> account.settings().nationalLanguageTables())
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
    private record Submitted(OutboxEntry entry, Outcome outcome, Change change, Optional<String> accepted) {}

    /** A change recorded in the account's record transaction. */
    @FunctionalInterface
    private interface Change {
        /**
         * @param account the entry's account
         * @param current the entry as locked in the record transaction
         * @param now the record transaction's time
         * @param kept the reports that overtook the acceptance, in arrival order (empty unless accepted)
         * @param events where intermediate status events go
         * @return the entry after, or empty for no change
         */
        Optional<OutboxEntry> apply(AccountId account, OutboxEntry current, Instant now, List<UnmatchedDeliveryReport> kept, Events events);
    }

    private Submitted submit(OutboxEntry entry) {
        Carrier carrier = carriers.get(entry.carrierId());
        if (carrier == null) {
            SendFailure failure = SendFailure.of(FailureReason.NO_SUCH_CARRIER,
                    "no carrier '" + entry.carrierId() + "' is registered");
            return new Submitted(entry, Outcome.FAILED, (account, current, now, kept, events) -> Transitions.fail(current,
                    failure, now), Optional.empty());
        }
        CarrierCapabilities capabilities = carrier.capabilities();
        Duration wait = throttle.tryAcquire(carrier.id(), entry.sender().value(), capabilities.messagesPerSecond(),
                runner.now());
        if (!wait.isZero()) {
            return new Submitted(entry, Outcome.DEFERRED, (account, current, now, kept, events) -> Transitions.defer(current,
                    wait, now), Optional.empty());
        }
        OutboundSubmission submission = new OutboundSubmission(entry.messageId().toString(), entry.sender(),
                entry.recipient().e164(), entry.text(), entry.media(), entry.segmentCount(), entry.encoding(),
                entry.shiftTables());
        SubmitResult result;
        try {
            result = carrier.submit(submission);
        } catch (RuntimeException e) {
            // An unexpected failure says nothing about the message: retry it like a transient refusal.
            // A vendor's message often quotes the recipient or the body: class and ids only at WARN.
            LOG.warn("carrier {} threw {} on submit of message {}; retrying later", carrier.id(),
                    e.getClass().getName(), entry.messageId());
            LOG.debug("carrier {} submit failure", carrier.id(), e);
            result = SubmitResult.rejectedTransiently(TransientReason.UNEXPECTED_ERROR, "",
                    e.getClass().getSimpleName());
        }
        if (result instanceof SubmitResult.Accepted accepted) {
            return new Submitted(entry, Outcome.SENT, (account, current, now, kept, events) -> {
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
                        events.statusChanged(account, latest, now);
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
            return new Submitted(entry, Outcome.FAILED, (account, current, now, kept, events) -> Transitions.fail(current,
                    failure, now), Optional.empty());
        }
        SubmitResult.RejectedTransiently refusal = (SubmitResult.RejectedTransiently) result;
        return new Submitted(entry, Outcome.RETRIED, (account, current, now, kept, events) -> {
            Optional<Duration> delay;
            synchronized (random) {
                delay = retryPolicy.delayAfterFailure(Math.max(1, current.attempts()), refusal.retryAfter(), random);
            }
            return Transitions.retryLater(current, delay, refusal.carrierCode(),
                    refusal.reason() + ": " + refusal.carrierText(), now);
        }, Optional.empty());
    }

    /**
     * Records one account's results in one transaction. The entries nothing moved since their claim
     * are recorded without being read again ({@link SendingTransaction#updateOutboxStatesIfUnchanged});
     * the others are locked in one statement, the reports kept for the accepted ones taken in one
     * per carrier, and their changes saved in one batch.
     */
    private Map<Outcome, Integer> record(AccountId account, List<Submitted> results) {
        return runner.run(account, (tx, events) -> {
            Instant now = runner.now();
            Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
            List<Submitted> rest = recordUnchanged(tx, account, results, now, events, outcomes);
            if (rest.isEmpty()) {
                return outcomes;
            }
            Map<MessageId, OutboxEntry> current = tx.lockOutboxEntries(
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
                        : result.change().apply(account, entry, now, reports, events);
                outcomes.merge(outcome(result, changed), 1, Integer::sum);
                if (changed.isPresent()) {
                    before.add(entry);
                    after.add(changed.get());
                }
            }
            ThreadRecorder.recordStates(tx, before, after, now, events);
            return outcomes;
        });
    }

    /**
     * Records the results whose entries are still as claimed and have no kept report, in one
     * statement, and returns the others, in order.
     */
    private static List<Submitted> recordUnchanged(SendingTransaction tx, AccountId account, List<Submitted> results,
            Instant now, Events events, Map<Outcome, Integer> outcomes) {
        List<Submitted> candidates = new ArrayList<>(results.size());
        List<OutboxEntry> claimed = new ArrayList<>(results.size());
        List<OutboxEntry> changed = new ArrayList<>(results.size());
        List<Submitted> rest = new ArrayList<>();
        for (Submitted result : results) {
            // no kept reports here: an entry that has some is not written, and goes the long way
            Optional<OutboxEntry> after = result.change().apply(account, result.entry(), now, List.of(), events);
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
        ThreadRecorder.announce(tx, before, after, now, events);
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
    private static Map<String, Map<String, List<UnmatchedDeliveryReport>>> takeKeptReports(SendingTransaction tx,
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
        accepted.forEach((carrierId, ids) -> kept.put(carrierId, tx.takeUnmatchedReports(carrierId, ids)));
        return kept;
    }
}
