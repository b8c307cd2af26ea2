package io.github.inboxkit.jdbc;

import static io.github.inboxkit.jdbc.StoreFixtures.newAccount;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.sending.BroadcastId;
import io.github.inboxkit.core.sending.QueuedRecipient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The broadcast recipients' queue on the embedded PostgreSQL server (one set-based insert, one
 * locking delete), and what only a database with concurrent transactions shows: two dispatchers
 * taking from one queue at once.
 */
class JdbcBroadcastQueueOnPostgresTest extends JdbcBroadcastQueueBehaviour {

    @Override
    HikariDataSource openPool() {
        return TestDatabases.freshPostgres(4);
    }

    @Test
    @DisplayName("F19 two transactions taking from one queue at once get disjoint recipients, never more than the limit")
    void concurrentTakesAreDisjoint() throws Exception {
        AccountId account = newAccount(store);
        BroadcastId sale = broadcast(account, "Sale");
        List<QueuedRecipient> queued = queue(account, sale, 0, 10);
        CountDownLatch firstTook = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            // the first keeps its transaction, and so its row locks, open until the second has taken
            Future<List<QueuedRecipient>> first = executor.submit(() -> inTx(account, tx -> {
                List<QueuedRecipient> taken = tx.broadcasts().takeQueuedRecipients(4);
                firstTook.countDown();
                await(release);
                return taken;
            }));
            assertThat(firstTook.await(30, TimeUnit.SECONDS)).isTrue();
            // SKIP LOCKED: the second does not wait for the first, it takes the rows after the first's
            Future<List<QueuedRecipient>> second = executor.submit(() -> take(account, 4));
            List<QueuedRecipient> secondTaken = second.get(30, TimeUnit.SECONDS);
            release.countDown();
            List<QueuedRecipient> firstTaken = first.get(30, TimeUnit.SECONDS);

            assertThat(firstTaken).containsExactlyElementsOf(queued.subList(0, 4));
            assertThat(secondTaken).containsExactlyElementsOf(queued.subList(4, 8));
            Set<QueuedRecipient> both = new HashSet<>(firstTaken);
            both.retainAll(secondTaken);
            assertThat(both).isEmpty();
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
        assertThat(count(account, sale)).isEqualTo(2);
        assertThat(take(account, 10)).containsExactlyElementsOf(queued.subList(8, 10));
    }

    @Test
    @DisplayName("F19 many transactions taking from one queue at once take every recipient exactly once")
    void manyConcurrentTakesTakeEachRecipientOnce() throws Exception {
        AccountId account = newAccount(store);
        BroadcastId sale = broadcast(account, "Sale");
        List<QueuedRecipient> queued = queue(account, sale, 0, 600);
        ExecutorService executor = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<List<QueuedRecipient>>>> takers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                takers.add(executor.submit(() -> {
                    List<List<QueuedRecipient>> steps = new ArrayList<>();
                    for (List<QueuedRecipient> step = take(account, 7); !step.isEmpty(); step = take(account, 7)) {
                        steps.add(step);
                    }
                    return steps;
                }));
            }
            List<QueuedRecipient> taken = new ArrayList<>();
            for (Future<List<List<QueuedRecipient>>> taker : takers) {
                for (List<QueuedRecipient> step : taker.get(60, TimeUnit.SECONDS)) {
                    assertThat(step).hasSizeBetween(1, 7);
                    taken.addAll(step);
                }
            }
            assertThat(taken).hasSize(queued.size()).containsExactlyInAnyOrderElementsOf(queued);
        } finally {
            executor.shutdownNow();
        }
        assertThat(count(account, sale)).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
