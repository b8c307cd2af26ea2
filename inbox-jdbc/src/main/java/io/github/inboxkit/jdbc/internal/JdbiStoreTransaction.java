package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.store.InboundAppend;
import io.github.inboxkit.core.store.InboundAppendResult;
import io.github.inboxkit.core.store.InboundAppending;
import io.github.inboxkit.core.store.StoreTransaction;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * One use case's transaction on the SQL schema: the connection and the account, and the ports of the
 * aggregates ({@link JdbiMessageRows}, {@link JdbiOutboxRows}, ...), each made on first use and
 * holding the SQL of its own tables only. Every statement filters by the transaction's account,
 * which leads every key and index (architecture invariant 6), so that an id of another account
 * reads as a missing row.
 *
 * <p>Not thread-safe: it lives on one thread for one {@code inTransaction} call.
 */
final class JdbiStoreTransaction extends JdbiRows implements StoreTransaction, InboundAppending {

    private final AccountId accountId;
    /** The node's account cache, read and invalidated through {@link JdbiAccountRows}. */
    final AccountCache accountCache;
    private boolean accountWritten;
    private boolean directoryWritten;
    private JdbiAccountRows accounts;
    private JdbiTeamRows team;
    private JdbiContactRows contacts;
    private JdbiConsentRows consent;
    private JdbiConversationRows conversations;
    private JdbiMessageRows messages;
    private JdbiExportQuery exportRows;
    private JdbiCounterRows counters;
    private JdbiOutboxRows outbox;
    private JdbiBroadcastRows broadcasts;
    private JdbiDeliveryReportRows reports;
    private JdbiIdempotencyRows idempotency;
    private JdbiLabelRows labels;
    private JdbiNoteRows notes;
    private JdbiBlockRows blocks;
    private JdbiErasureRows erasures;
    private JdbiThroughputRows throughput;
    private JdbiDeliveryWrites deliveryWrites;
    private final InboundBatcher inboundBatcher;

    /**
     * A transaction over a handle its caller opened and ends: the tests' way to call one
     * aggregate's statements inside their own {@code Jdbi.inTransaction}; the store opens a
     * {@link Session} instead.
     *
     * @param handle the transaction's handle
     * @param accountId the account
     * @param accountCache the node's account cache
     * @param setBased whether many rows are written in one statement ({@code unnest}, PostgreSQL)
     *     rather than in a batch of single-row statements
     */
    JdbiStoreTransaction(Handle handle, AccountId accountId, AccountCache accountCache, boolean setBased) {
        this(Session.over(handle), accountId, accountCache, setBased, null);
    }

    /**
     * @param session the transaction's connection
     * @param accountId the account
     * @param accountCache the node's account cache
     * @param setBased whether many rows are written in one statement ({@code unnest}, PostgreSQL)
     *     rather than in a batch of single-row statements
     * @param inboundBatcher the node's group commit of inbound messages, or null to send each
     *     message's statement alone
     */
    JdbiStoreTransaction(Session session, AccountId accountId, AccountCache accountCache, boolean setBased,
            InboundBatcher inboundBatcher) {
        super(session, accountId.value(), setBased);
        this.accountId = accountId;
        this.accountCache = accountCache;
        this.inboundBatcher = inboundBatcher;
    }

    /** @return whether this transaction wrote the account row, so the cache must be invalidated */
    boolean accountWritten() {
        return accountWritten;
    }

    /** Notes that this transaction wrote the account row. */
    void markAccountWritten() {
        accountWritten = true;
    }

    /** @return whether this transaction wrote a contact or a user */
    boolean directoryWritten() {
        return directoryWritten;
    }

    /** Notes that this transaction wrote a contact or a user: the account's directory changed. */
    void markDirectoryWritten() {
        directoryWritten = true;
    }

    /**
     * Raises the account's directory version if this transaction wrote a contact or a user
     * ({@link Directories}); the store calls it just before the commit, so that the account row is
     * the last row the transaction locks and two such transactions cannot wait for each other on it.
     */
    void beforeCommit() {
        if (directoryWritten) {
            accounts().raiseDirectoryVersion();
        }
    }

    @Override
    public AccountId accountId() {
        return accountId;
    }

    @Override
    public JdbiAccountRows accounts() {
        if (accounts == null) {
            accounts = new JdbiAccountRows(this);
        }
        return accounts;
    }

    @Override
    public JdbiTeamRows team() {
        if (team == null) {
            team = new JdbiTeamRows(this);
        }
        return team;
    }

    @Override
    public JdbiContactRows contacts() {
        if (contacts == null) {
            contacts = new JdbiContactRows(this);
        }
        return contacts;
    }

    @Override
    public JdbiConsentRows consent() {
        if (consent == null) {
            consent = new JdbiConsentRows(this);
        }
        return consent;
    }

    @Override
    public JdbiConversationRows conversations() {
        if (conversations == null) {
            conversations = new JdbiConversationRows(this);
        }
        return conversations;
    }

    @Override
    public JdbiMessageRows messages() {
        if (messages == null) {
            messages = new JdbiMessageRows(this);
        }
        return messages;
    }

    @Override
    public JdbiExportQuery exportRows() {
        if (exportRows == null) {
            exportRows = new JdbiExportQuery(this);
        }
        return exportRows;
    }

    @Override
    public JdbiCounterRows counters() {
        if (counters == null) {
            counters = new JdbiCounterRows(this);
        }
        return counters;
    }

    @Override
    public JdbiOutboxRows outbox() {
        if (outbox == null) {
            outbox = new JdbiOutboxRows(this);
        }
        return outbox;
    }

    @Override
    public JdbiBroadcastRows broadcasts() {
        if (broadcasts == null) {
            broadcasts = new JdbiBroadcastRows(this);
        }
        return broadcasts;
    }

    @Override
    public JdbiDeliveryReportRows reports() {
        if (reports == null) {
            reports = new JdbiDeliveryReportRows(this);
        }
        return reports;
    }

    @Override
    public JdbiNoteRows notes() {
        if (notes == null) {
            notes = new JdbiNoteRows(this);
        }
        return notes;
    }

    @Override
    public JdbiBlockRows blocks() {
        if (blocks == null) {
            blocks = new JdbiBlockRows(this);
        }
        return blocks;
    }

    @Override
    public JdbiIdempotencyRows idempotency() {
        if (idempotency == null) {
            idempotency = new JdbiIdempotencyRows(this);
        }
        return idempotency;
    }

    @Override
    public JdbiLabelRows labels() {
        if (labels == null) {
            labels = new JdbiLabelRows(this);
        }
        return labels;
    }

    @Override
    public JdbiErasureRows erasures() {
        if (erasures == null) {
            erasures = new JdbiErasureRows(this);
        }
        return erasures;
    }

    @Override
    public JdbiThroughputRows throughput() {
        if (throughput == null) {
            throughput = new JdbiThroughputRows(this);
        }
        return throughput;
    }

    private JdbiDeliveryWrites deliveryWrites() {
        if (deliveryWrites == null) {
            deliveryWrites = new JdbiDeliveryWrites(this);
        }
        return deliveryWrites;
    }

    // ----- ingestion in one statement (InboundAppending) ------------------------------------------

    /**
     * One statement on PostgreSQL ({@link InboundAppendStatement}), shared with the account's
     * other messages arriving at the same moment on this node ({@link InboundBatcher}); on H2 the
     * engine's general path.
     */
    @Override
    public InboundAppendResult appendInbound(InboundAppend append) {
        if (!setBased) {
            return InboundAppendResult.notApplied();
        }
        return inboundBatcher == null ? InboundAppendStatement.append(this, append) : inboundBatcher.append(this, append);
    }

    // ----- the operations spanning the outbox and the messages ----------------------------------

    @Override
    public List<OutboxEntry> claimOutboxEntries(Instant now, int limit, Instant leaseUntil) {
        if (!setBased) {
            return StoreTransaction.super.claimOutboxEntries(now, limit, leaseUntil);
        }
        return deliveryWrites().claimOutboxEntries(now, limit, leaseUntil);
    }

    @Override
    public Set<MessageId> updateOutboxStatesIfUnchanged(List<OutboxEntry> expected, List<OutboxEntry> after) {
        return deliveryWrites().updateOutboxStatesIfUnchanged(expected, after);
    }

    /**
     * On PostgreSQL, makes the transactions that give an entry its carrier message id (a
     * dispatcher's record) and those that look an entry up by that id (a delivery report) take
     * turns: a transaction-scoped advisory lock per account, carrier and carrier message id, taken
     * in one order before either reads. Without it a report that arrives while a record commits
     * finds no entry yet, is kept as unmatched, and is never applied, since the record looked for
     * kept reports before the report was kept. H2, an embedded single-node store, has no advisory
     * locks: the window stays there, a millisecond wide. Reads and writes no table.
     */
    void lockCarrierMessageIds(String carrierId, Collection<String> carrierMessageIds) {
        if (!setBased || carrierMessageIds.isEmpty()) {
            return;
        }
        List<String> sorted = carrierMessageIds.stream().distinct().sorted().toList();
        // a volatile function in a subquery's output is evaluated for every row, in the array's order
        run("lock carrier message ids", () -> handle()
                .createQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(:account),"
                        + " hashtext(:carrierId || ' ' || k)) FROM unnest(CAST(:keys AS text[])) AS k) AS locks")
                .bind("account", account)
                .bind("carrierId", carrierId)
                .bindArray("keys", String.class, sorted)
                .mapTo(Long.class)
                .one());
    }
}
