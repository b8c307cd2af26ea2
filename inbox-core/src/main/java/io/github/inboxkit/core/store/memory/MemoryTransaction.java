package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.store.ExportRows;
import io.github.inboxkit.core.store.StoreTransaction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One transaction of the in-memory store: the undo log the aggregates' views write through, and
 * those views, one per aggregate, each over its own tables of the account.
 *
 * <p>Not thread-safe: it runs on the thread holding the account's lock.
 */
final class MemoryTransaction implements StoreTransaction {

    private final AccountData data;
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private boolean finished;
    private final MemoryAccounts accounts;
    private final MemoryTeam team;
    private final MemoryContacts contacts;
    private final MemoryConsent consent;
    private final MemoryConversations conversations;
    private final MemoryMessages messages;
    private final MemoryCounters counters;
    private final MemoryOutbox outbox;
    private final MemoryBroadcasts broadcasts;
    private final MemoryDeliveryReports reports;
    private final MemoryIdempotency idempotency;
    private final MemoryLabels labels;
    private final MemoryNotes notes;
    private final MemoryBlocks blocks;
    private final MemoryExport exportRows;
    private final MemoryErasures erasures;
    private final MemoryThroughput throughput;

    MemoryTransaction(AccountData data) {
        this.data = data;
        this.accounts = new MemoryAccounts(this, data.accounts);
        this.team = new MemoryTeam(this, data.team);
        this.contacts = new MemoryContacts(this, data.contacts);
        this.consent = new MemoryConsent(this, data.consent);
        this.conversations = new MemoryConversations(this, data.conversations);
        this.messages = new MemoryMessages(this, data.messages);
        this.counters = new MemoryCounters(this, data.counters);
        this.outbox = new MemoryOutbox(this, data.outbox);
        this.broadcasts = new MemoryBroadcasts(this, data.broadcasts);
        this.reports = new MemoryDeliveryReports(this, data.reports);
        this.idempotency = new MemoryIdempotency(this, data.idempotency);
        this.labels = new MemoryLabels(this, data.labels);
        this.notes = new MemoryNotes(this, data.notes);
        this.blocks = new MemoryBlocks(this, data.blocks);
        this.exportRows = new MemoryExport(this, data.messages);
        this.erasures = new MemoryErasures(this, data.erasures);
        this.throughput = new MemoryThroughput(this, data.throughput);
    }

    void finish() {
        finished = true;
        undo.clear();
    }

    void rollback() {
        finished = true;
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }

    void checkOpen() {
        if (finished) {
            throw new IllegalStateException("the transaction has ended");
        }
    }

    /** Remembers how to undo a write. */
    void undo(Runnable step) {
        undo.push(step);
    }

    @Override
    public AccountId accountId() {
        return data.id;
    }

    @Override
    public MemoryAccounts accounts() {
        return accounts;
    }

    @Override
    public MemoryTeam team() {
        return team;
    }

    @Override
    public MemoryContacts contacts() {
        return contacts;
    }

    @Override
    public MemoryConsent consent() {
        return consent;
    }

    @Override
    public MemoryConversations conversations() {
        return conversations;
    }

    @Override
    public MemoryMessages messages() {
        return messages;
    }

    @Override
    public MemoryCounters counters() {
        return counters;
    }

    @Override
    public MemoryOutbox outbox() {
        return outbox;
    }

    @Override
    public MemoryBroadcasts broadcasts() {
        return broadcasts;
    }

    @Override
    public MemoryDeliveryReports reports() {
        return reports;
    }

    @Override
    public MemoryIdempotency idempotency() {
        return idempotency;
    }

    @Override
    public MemoryLabels labels() {
        return labels;
    }

    @Override
    public MemoryNotes notes() {
        return notes;
    }

    @Override
    public MemoryBlocks blocks() {
        return blocks;
    }

    @Override
    public MemoryErasures erasures() {
        return erasures;
    }

    @Override
    public MemoryThroughput throughput() {
        return throughput;
    }

    @Override
    public Set<MessageId> updateOutboxStatesIfUnchanged(List<OutboxEntry> expected, List<OutboxEntry> after) {
        checkOpen();
        StoreTransaction.requireSameEntries(expected, after);
        List<OutboxEntry> writes = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            OutboxEntry stored = outbox.stored(expected.get(i).messageId());
            OutboxEntry changed = after.get(i);
            boolean kept = changed.carrierMessageId()
                    .map(id -> reports.keeps(changed.carrierId(), id))
                    .orElse(false);
            if (stored != null && !kept && StoreTransaction.unchangedSince(stored, expected.get(i))) {
                writes.add(changed);
            }
        }
        updateOutboxStates(writes);
        return writes.stream().map(OutboxEntry::messageId).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @Override
    public ExportRows exportRows() {
        return exportRows;
    }
}
