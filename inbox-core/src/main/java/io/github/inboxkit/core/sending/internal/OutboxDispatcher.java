package io.github.inboxkit.core.sending.internal;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.carrier.TransientReason;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.conversation.MessageId;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher step (DESIGN invariants 3 and 5). Claims due entries with a lease in one
 * transaction per account that also re-checks opt-out; calls each carrier outside any transaction
 * with the message id as idempotency key; records each result in its own short transaction.
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
    private final SenderThrottle throttle = new SenderThrottle();

    /**
     * @param runner runs transactions and publishes events
     * @param carriers the carriers by id
     * @param retryPolicy the back-off for transient refusals
     * @param random the jitter source; used under a lock
     * @param lease how long a claim holds
     * @param batchSize the most entries one step claims
     */
    OutboxDispatcher(UseCaseRunner runner, Map<String, Carrier> carriers, RetryPolicy retryPolicy,
            RandomGenerator random, Duration lease, int batchSize) {
        this.runner = runner;
        this.carriers = Map.copyOf(carriers);
        this.retryPolicy = retryPolicy;
        this.random = random;
        this.lease = lease;
        this.batchSize = batchSize;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    private record Claim(AccountId account, OutboxEntry entry) {}

    private record Claimed(List<OutboxEntry> entries, int skipped) {}

    @Override
    public DispatchSummary dispatchDue() {
        Instant now = runner.now();
        List<Claim> claims = new ArrayList<>();
        int skipped = 0;
        List<AccountId> accounts = runner.store().accountsWithClaimableOutbox(now, batchSize);
        // A fair share first, so that one account's broadcast does not starve the others; then
        // whatever room is left, in a second pass.
        int share = accounts.isEmpty() ? 0 : Math.max(1, batchSize / accounts.size());
        for (int pass = 0; pass < 2; pass++) {
            for (AccountId account : accounts) {
                int room = Math.min(batchSize - claims.size() - skipped, pass == 0 ? share : batchSize);
                if (room <= 0) {
                    break;
                }
                Claimed claimed = runner.run(account, (tx, events) -> claim(tx, now, room, events));
                claimed.entries().forEach(entry -> claims.add(new Claim(account, entry)));
                skipped += claimed.skipped();
            }
        }
        int sent = 0;
        int retried = 0;
        int failed = 0;
        int deferred = 0;
        for (Claim claim : claims) {
            switch (send(claim)) {
                case SENT -> sent++;
                case RETRIED -> retried++;
                case FAILED -> failed++;
                case DEFERRED -> deferred++;
                case NO_CHANGE -> { }
            }
        }
        return new DispatchSummary(claims.size(), sent, retried, failed, skipped, deferred);
    }

    private Claimed claim(SendingTransaction tx, Instant now, int limit, Events events) {
        List<OutboxEntry> claimed = new ArrayList<>();
        int skipped = 0;
        for (OutboxEntry entry : tx.lockClaimableOutboxEntries(now, limit)) {
            boolean optedOut = tx.latestOptOutRecord(entry.recipient())
                    .map(record -> record.action() == OptOutAction.OPTED_OUT)
                    .orElse(false);
            if (optedOut) {
                Optional<OutboxEntry> failed = Transitions.skipOptedOut(entry, now);
                if (failed.isPresent()) {
                    ThreadRecorder.save(tx, entry, failed.get(), now, events);
                    skipped++;
                }
                continue;
            }
            Optional<OutboxEntry> sending = Transitions.claim(entry, now, lease).map(e -> withShiftTables(tx, e));
            if (sending.isPresent()) {
                ThreadRecorder.save(tx, entry, sending.get(), now, events);
                claimed.add(sending.get());
            }
        }
        return new Claimed(claimed, skipped);
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

    private Outcome send(Claim claim) {
        OutboxEntry entry = claim.entry();
        Carrier carrier = carriers.get(entry.carrierId());
        if (carrier == null) {
            return record(claim.account(), entry.messageId(), (tx, current, now, events) -> Transitions.fail(current,
                    SendFailure.of(FailureReason.NO_SUCH_CARRIER, "no carrier '" + entry.carrierId() + "' is registered"),
                    now), Outcome.FAILED);
        }
        CarrierCapabilities capabilities = carrier.capabilities();
        Duration wait = throttle.tryAcquire(carrier.id(), entry.sender().value(), capabilities.messagesPerSecond(),
                runner.now());
        if (!wait.isZero()) {
            return record(claim.account(), entry.messageId(),
                    (tx, current, now, events) -> Transitions.defer(current, wait, now), Outcome.DEFERRED);
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
            LOG.warn("carrier {} threw {} on submit of message {} in account {}; retrying later", carrier.id(),
                    e.getClass().getName(), entry.messageId(), claim.account());
            LOG.debug("carrier {} submit failure", carrier.id(), e);
            result = SubmitResult.rejectedTransiently(TransientReason.UNEXPECTED_ERROR, "",
                    e.getClass().getSimpleName());
        }
        if (result instanceof SubmitResult.Accepted accepted) {
            return record(claim.account(), entry.messageId(), (tx, current, now, events) -> {
                Optional<OutboxEntry> sent = Transitions.accepted(current, accepted.carrierMessageId(), now);
                if (sent.isEmpty()) {
                    return sent;
                }
                // Reports that overtook the acceptance were kept; they apply now, in arrival order,
                // each status change with its own event.
                OutboxEntry latest = sent.get();
                for (UnmatchedDeliveryReport kept : tx.takeUnmatchedReports(carrier.id(), accepted.carrierMessageId())) {
                    Optional<OutboxEntry> reported = Transitions.report(latest, kept.report(), now);
                    if (reported.isPresent()) {
                        events.statusChanged(tx.accountId(), latest, now);
                        latest = reported.get();
                    }
                }
                return Optional.of(latest);
            }, Outcome.SENT);
        }
        if (result instanceof SubmitResult.RejectedPermanently permanent) {
            return record(claim.account(), entry.messageId(), (tx, current, now, events) -> Transitions.fail(current,
                    SendFailure.builder().reason(FailureReason.REJECTED_BY_CARRIER)
                            .carrierReason(permanent.reason())
                            .carrierCode(permanent.carrierCode())
                            .detail(permanent.carrierText())
                            .build(), now), Outcome.FAILED);
        }
        SubmitResult.RejectedTransiently transientRefusal = (SubmitResult.RejectedTransiently) result;
        Outcome[] outcome = {Outcome.RETRIED};
        Outcome recorded = record(claim.account(), entry.messageId(), (tx, current, now, events) -> {
            Optional<Duration> delay;
            synchronized (random) {
                delay = retryPolicy.delayAfterFailure(Math.max(1, current.attempts()), transientRefusal.retryAfter(),
                        random);
            }
            if (delay.isEmpty()) {
                outcome[0] = Outcome.FAILED;
            }
            return Transitions.retryLater(current, delay, transientRefusal.carrierCode(),
                    transientRefusal.reason() + ": " + transientRefusal.carrierText(), now);
        }, Outcome.RETRIED);
        return recorded == Outcome.NO_CHANGE ? Outcome.NO_CHANGE : outcome[0];
    }

    @FunctionalInterface
    private interface Change {
        Optional<OutboxEntry> apply(SendingTransaction tx, OutboxEntry current, Instant now, Events events);
    }

    private Outcome record(AccountId account, MessageId messageId, Change change, Outcome outcome) {
        return runner.run(account, (tx, events) -> {
            Instant now = runner.now();
            Optional<OutboxEntry> current = tx.lockOutboxEntry(messageId);
            if (current.isEmpty()) {
                return Outcome.NO_CHANGE;
            }
            Optional<OutboxEntry> changed = change.apply(tx, current.get(), now, events);
            if (changed.isEmpty()) {
                return Outcome.NO_CHANGE;
            }
            ThreadRecorder.save(tx, current.get(), changed.get(), now, events);
            return outcome;
        });
    }
}
