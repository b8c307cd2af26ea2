package io.github.inboxkit.core.retention.internal;

import io.github.inboxkit.core.internal.ThreadDeletion;
import io.github.inboxkit.core.internal.UnitOfWork;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.retention.PurgeSummary;
import io.github.inboxkit.core.retention.Retention;
import io.github.inboxkit.core.retention.RetentionPolicy;
import io.github.inboxkit.core.store.StoreTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToIntFunction;

/**
 * The retention purge (F30): per account, deletes messages older than the account's window, then
 * the conversations left with no message, then delivery reports no message matched in time and
 * idempotency keys past their window (F46), in bounded batches of one transaction each, so that it
 * runs while traffic continues. Counters stay exact (architecture invariant 7): a deleted unread message
 * lowers its conversation's unread count and, if that reaches zero, the badge. Messages still
 * waiting to be sent are never purged. Each transaction runs through the engine's one unit of
 * work. Thread-safe.
 */
public final class RetentionPurger implements Retention {

    private final UnitOfWork unitOfWork;
    private final Function<Account, RetentionPolicy> policies;
    private final int batchSize;
    private final Duration unmatchedReportRetention;

    /**
     * Wires the purge.
     *
     * @param unitOfWork runs each transaction and publishes its events after the commit
     * @param settings each account's policy and the most messages per transaction
     * @param unmatchedReportRetention how long a delivery report no message matched is kept
     */
    public RetentionPurger(UnitOfWork unitOfWork, RetentionSettings settings, Duration unmatchedReportRetention) {
        this.unitOfWork = unitOfWork;
        this.policies = settings.retentionPolicies();
        this.batchSize = settings.purgeBatchSize();
        this.unmatchedReportRetention = unmatchedReportRetention;
    }

    @Override
    public PurgeSummary purgeExpired() {
        PurgeSummary total = PurgeSummary.NOTHING;
        for (AccountId account : unitOfWork.store().listAccountIds()) {
            total = total.plus(purgeExpired(account));
        }
        return total;
    }

    @Override
    public PurgeSummary purgeExpired(AccountId account) {
        Require.nonNull(account, "account");
        Instant now = unitOfWork.now();
        Optional<RetentionPolicy> policy = unitOfWork.run(account, (tx, step) -> tx.accounts().findAccount().map(policies));
        if (policy.isEmpty()) {
            return PurgeSummary.NOTHING;
        }
        Instant cutoff = policy.get().cutoff(now);
        PurgeSummary total = new PurgeSummary(1, 0, 0, 0, 0, 0, 0, 0);
        while (true) {
            Batch batch = unitOfWork.run(account, (tx, step) -> purgeBatch(tx, cutoff, policy.get()));
            total = total.plus(new PurgeSummary(0, batch.messages, batch.conversations, batch.assignmentChanges,
                    0, 0, 0, 1));
            if (batch.listed < batchSize) {
                break;
            }
        }
        if (!policy.get().keepOptOutRecords()) {
            // the consent ledger's own window (F43), never the inbox's
            Instant ledgerCutoff = policy.get().consentLedgerCutoff(now);
            total = total.plus(deleteInBatches(account, tx -> tx.consent().deleteSupersededOptOutRecords(ledgerCutoff, batchSize),
                    deleted -> new PurgeSummary(0, 0, 0, 0, deleted, 0, 0, 0)));
        }
        // private notes older than the window go as its messages do (a thread's last ones go with
        // it); the blocked log keeps what arrived within the same window (F36, F38)
        total = total.plus(deleteInBatches(account, tx -> tx.notes().deleteNotesCreatedBefore(cutoff, batchSize),
                deleted -> PurgeSummary.NOTHING));
        total = total.plus(deleteInBatches(account, tx -> tx.blocks().deleteBlockedInboundBefore(cutoff, batchSize),
                deleted -> PurgeSummary.NOTHING));
        Instant reportCutoff = now.minus(unmatchedReportRetention);
        total = total.plus(deleteInBatches(account, tx -> tx.reports().deleteUnmatchedReports(reportCutoff, batchSize),
                deleted -> new PurgeSummary(0, 0, 0, 0, 0, deleted, 0, 0)));
        total = total.plus(deleteInBatches(account, tx -> tx.idempotency().deleteExpiredIdempotencyRecords(now, batchSize),
                deleted -> new PurgeSummary(0, 0, 0, 0, 0, 0, deleted, 0)));
        return total;
    }

    /**
     * Runs a bounded delete, one transaction at a time, until a transaction deletes less than a batch.
     *
     * @param account the account
     * @param delete one batch's delete; returns how many rows it deleted
     * @param counted what a batch's deletions add to the summary, transactions apart
     * @return the sum, with one batch per transaction
     */
    private PurgeSummary deleteInBatches(AccountId account, ToIntFunction<StoreTransaction> delete,
            LongFunction<PurgeSummary> counted) {
        PurgeSummary total = PurgeSummary.NOTHING;
        while (true) {
            int deleted = unitOfWork.run(account, (tx, step) -> delete.applyAsInt(tx));
            total = total.plus(counted.apply(deleted)).plus(new PurgeSummary(0, 0, 0, 0, 0, 0, 0, 1));
            if (deleted < batchSize) {
                return total;
            }
        }
    }

    private record Batch(int listed, long messages, long conversations, long assignmentChanges) {}

    private Batch purgeBatch(StoreTransaction tx, Instant cutoff, RetentionPolicy policy) {
        List<Message> old = tx.messages().listPurgeableMessages(cutoff, batchSize);
        Map<ConversationId, List<Message>> byConversation = new LinkedHashMap<>();
        for (Message message : old) {
            byConversation.computeIfAbsent(message.conversationId(), id -> new ArrayList<>()).add(message);
        }
        long messages = 0;
        long conversations = 0;
        long assignmentChanges = 0;
        for (Map.Entry<ConversationId, List<Message>> group : byConversation.entrySet()) {
            Optional<Conversation> locked = tx.conversations().lockConversation(group.getKey());
            if (locked.isEmpty()) {
                continue;
            }
            ThreadDeletion.Deleted deleted = ThreadDeletion.deleteMessages(tx, locked.get(), group.getValue(),
                    !policy.keepOwnershipHistory());
            messages += deleted.messages();
            conversations += deleted.conversationDeleted() ? 1 : 0;
            assignmentChanges += deleted.assignmentChanges();
        }
        return new Batch(old.size(), messages, conversations, assignmentChanges);
    }
}
