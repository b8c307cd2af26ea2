package io.github.inboxkit.jdbc.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.inboxkit.core.store.InboundAppend;
import io.github.inboxkit.core.store.InboundAppendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of inbound messages on one node (PostgreSQL): the receives of an account that
 * arrive while {@link #MAX_RUNNING} statements of that account are running wait, and the first of
 * them then sends them all in one statement and one commit ({@link InboundBatchStatement}) on its
 * own connection. A receive that finds fewer running sends its own at once ({@link
 * InboundAppendStatement}): there is no waiting window, so a lone message is not delayed, and
 * under a burst the batches grow by themselves.
 *
 * <p>Every caller is released only after the statement that carried its message has committed,
 * with its own result; if that statement fails, every caller of it gets the failure (a conflict
 * is retried by the engine), but for a repeat among them, which makes each go alone. A batch holds messages of distinct numbers and distinct carrier ids;
 * a message that would repeat one waits for the next batch. Statements lock threads in the order
 * of their numbers, then the account's counters row, so concurrent ones cannot deadlock. Accounts
 * do not wait for each other. A caller interrupted while it waits keeps waiting for its statement,
 * which is under way or next; its interrupt stays set.
 *
 * <p>Thread-safe.
 */
final class InboundBatcher {

    /**
     * The most statements of one account running at once on this node: below it a receive sends
     * its own statement at once, as without batching; beyond it receives wait and go together. At
     * one, four concurrent receives of an account queued behind each other (a third fewer messages
     * a second than without batching); at three, they run as without it, and a burst of sixteen
     * with fsync on goes about twice as fast (docs/performance.md).
     */
    static final int MAX_RUNNING = 3;

    /** The most messages in one statement. */
    static final int MAX_BATCH = 64;

    /** One account's waiting messages; its lock guards every field. */
    private static final class AccountQueue {
        final ReentrantLock lock = new ReentrantLock();
        final Condition changed = lock.newCondition();
        final List<Waiting> waiting = new ArrayList<>();
        int running;
    }

    /** A caller's message, and what became of it. */
    private static final class Waiting {
        final JdbiStoreTransaction tx;
        final InboundAppend append;
        boolean done;
        InboundAppendResult result;
        Throwable failure;

        Waiting(JdbiStoreTransaction tx, InboundAppend append) {
            this.tx = tx;
            this.append = append;
        }
    }

    /** The accounts' queues; one dropped while idle is made again, so an account never waits on a lost one. */
    private final Cache<String, AccountQueue> queues = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    private final AtomicLong batchedMessages = new AtomicLong();

    /**
     * Appends a message, alone or with those of the account waiting with it.
     *
     * @param tx the caller's transaction, which has written nothing
     * @param append the message
     * @return what was done; after an append, the caller's transaction has ended
     */
    InboundAppendResult append(JdbiStoreTransaction tx, InboundAppend append) {
        AccountQueue queue = queues.get(tx.account, key -> new AccountQueue());
        Waiting self = new Waiting(tx, append);
        queue.lock.lock();
        try {
            queue.waiting.add(self);
            while (!self.done) {
                // a caller sends only a batch that holds its own message, on its own connection
                if (queue.running >= MAX_RUNNING || !queue.waiting.contains(self)) {
                    queue.changed.awaitUninterruptibly();
                    continue;
                }
                List<Waiting> batch = take(self, queue.waiting);
                queue.running++;
                queue.lock.unlock();
                try {
                    run(batch);
                } finally {
                    queue.lock.lock();
                    queue.running--;
                    queue.changed.signalAll();
                }
            }
        } finally {
            queue.lock.unlock();
        }
        if (self.failure instanceof RuntimeException failure) {
            throw failure;
        }
        if (self.failure instanceof Error failure) {
            throw failure;
        }
        return self.result;
    }

    /**
     * Takes the sender's message and the first others waiting, in order, skipping one whose number
     * or carrier id is taken.
     */
    private static List<Waiting> take(Waiting sender, List<Waiting> waiting) {
        List<Waiting> batch = new ArrayList<>();
        Set<String> phones = new HashSet<>();
        Set<String> carrierIds = new HashSet<>();
        waiting.remove(sender);
        batch.add(sender);
        phones.add(sender.append.message().contactPhone().e164());
        carrierIds.add(sender.append.carrierMessageId());
        for (Iterator<Waiting> it = waiting.iterator(); it.hasNext() && batch.size() < MAX_BATCH; ) {
            Waiting next = it.next();
            String phone = next.append.message().contactPhone().e164();
            if (!phones.contains(phone) && !carrierIds.contains(next.append.carrierMessageId())) {
                phones.add(phone);
                carrierIds.add(next.append.carrierMessageId());
                batch.add(next);
                it.remove();
            }
        }
        return batch;
    }

    /**
     * Sends a batch on the connection of the caller that sends it, whose message is the batch's
     * first (its transaction has written nothing), and hands each caller its result.
     */
    private void run(List<Waiting> batch) {
        JdbiStoreTransaction sender = batch.get(0).tx;
        List<InboundAppendResult> results = null;
        Throwable failure = null;
        try {
            if (batch.size() == 1) {
                results = List.of(InboundAppendStatement.appendAlone(sender, batch.get(0).append));
            } else {
                List<InboundAppend> appends = new ArrayList<>(batch.size());
                batch.forEach(waiting -> appends.add(waiting.append));
                results = InboundBatchStatement.appendAll(sender, appends);
                if (results == null) {
                    // a repeat among them, and nothing written: each alone, the repeat to the engine
                    results = new ArrayList<>(batch.size());
                    for (InboundAppend append : appends) {
                        results.add(InboundAppendStatement.appendAlone(sender, append));
                    }
                } else {
                    batchedMessages.addAndGet(batch.size());
                }
            }
        } catch (RuntimeException | Error e) {
            // every caller of the batch gets it, the sender included: none may wait for ever
            failure = e;
        }
        for (int i = 0; i < batch.size(); i++) {
            Waiting waiting = batch.get(i);
            if (failure != null) {
                waiting.failure = failure;
            } else {
                waiting.result = InboundAppendStatement.settled(waiting.tx, results.get(i));
            }
            waiting.done = true;
        }
    }

    /** @return how many messages went in statements of two or more */
    long batchedMessages() {
        return batchedMessages.get();
    }
}
