package io.github.inboxkit.examples;

import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.OutboundSubmission;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRejectedException;
import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.sending.BroadcastRequest;
import io.github.inboxkit.core.sending.DispatcherRunner;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import io.github.inboxkit.jdbc.JdbcInboxStore;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Two application nodes on one PostgreSQL: each has its own HikariCP pool, store, engine and
 * dispatcher running on its own executor. Node A queues a broadcast and schedules reminders; both
 * dispatchers race for them, and each message still reaches the carrier exactly once, because a
 * dispatcher claims due messages with {@code FOR UPDATE SKIP LOCKED} and a lease, and submits with
 * the message id as idempotency key.
 *
 * <p>Run it with no arguments to start a throw-away PostgreSQL 17, or with {@code
 * jdbc:postgresql://host:5432/db user password} to use an empty database of yours.
 */
public final class MultiNodeDispatch {

    static final AccountId ACCOUNT = AccountId.of("multi-node-demo");
    static final String MAIN_LINE = "+14155550100";
    static final int BROADCAST_RECIPIENTS = 150;
    static final int SCHEDULED_REMINDERS = 20;

    /** What the carrier saw: distinct messages, submit calls in all, and the share of each node. */
    record Outcome(int distinctMessages, int submits, int sentByNodeA, int sentByNodeB) {}

    private MultiNodeDispatch() {}

    /**
     * Runs the example.
     *
     * @param args none, or a JDBC URL, a user and a password
     * @throws InterruptedException if interrupted while waiting for the dispatchers
     */
    public static void main(String[] args) throws InterruptedException {
        try (PostgresServer server = PostgresServer.fromArguments(args)) {
            run(server, System.out);
        }
    }

    static Outcome run(PostgresServer server, PrintStream out) throws InterruptedException {
        SimulatedCarrier carrier = SimulatedCarrier.create(); // one carrier account, seen from both nodes
        try (Node a = new Node("node-a", server, carrier); Node b = new Node("node-b", server, carrier)) {
            a.store.migrate();
            a.kit.administration().createAccount(ACCOUNT, "Multi-node demo", AccountSettings.builder()
                    .senderIds(List.of(MAIN_LINE)).defaultSenderId(MAIN_LINE).build());

            for (int i = 0; i < SCHEDULED_REMINDERS; i++) {
                // Read the time for each reminder: on a busy machine scheduling them all can take longer than the lead.
                ZonedDateTime soon = ZonedDateTime.now(ZoneId.of("Europe/Paris")).plusSeconds(2);
                a.kit.sending().schedule(ACCOUNT, SendRequest.builder().to(Recipient.number(number(i)))
                        .draft(Draft.ofText("Reminder: your delivery arrives tomorrow.")).build(), soon);
            }
            a.startDispatching();
            b.startDispatching();
            a.kit.sending().broadcast(ACCOUNT, BroadcastRequest.builder().name("Spring sale")
                    .recipients(IntStream.range(0, BROADCAST_RECIPIENTS).mapToObj(i -> Recipient.number(number(i))).toList())
                    .draft(Draft.ofText("Spring sale: 20% off this weekend. Reply STOP to opt out.")).build());
            int expected = BROADCAST_RECIPIENTS + SCHEDULED_REMINDERS;
            awaitAccepted(carrier, expected);
            Thread.sleep(500); // let both dispatchers look again: nothing more may go out

            int submits = carrier.sentMessages().stream()
                    .mapToInt(sent -> carrier.attempts(sent.submission().idempotencyKey())).sum();
            Outcome outcome = new Outcome(carrier.sentMessages().size(), submits, a.submits.get(), b.submits.get());
            out.printf("%d messages expected; the carrier accepted %d distinct messages from %d submit calls "
                    + "(node A sent %d, node B sent %d)%n", expected, outcome.distinctMessages(), outcome.submits(),
                    outcome.sentByNodeA(), outcome.sentByNodeB());
            return outcome;
        }
    }

    /** One application node: a pool of its own on the shared database, and everything on top. */
    private static final class Node implements AutoCloseable {

        final HikariDataSource pool;
        final JdbcInboxStore store;
        final InboxKit kit;
        final AtomicInteger submits = new AtomicInteger();
        final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        private DispatcherRunner runner;

        Node(String name, PostgresServer server, Carrier carrier) {
            this.pool = server.pool(name, 4);
            this.store = JdbcInboxStore.create(pool);
            this.kit = InboxKit.builder().store(store).carrier(counting(carrier)).build();
        }

        void startDispatching() {
            runner = DispatcherRunner.start(kit.sending().dispatcher(), executor, Duration.ofMillis(20));
        }

        /** The carrier as this node sees it, counting the node's submit calls. */
        private Carrier counting(Carrier carrier) {
            return new Carrier() {
                @Override
                public String id() {
                    return carrier.id();
                }

                @Override
                public CarrierCapabilities capabilities() {
                    return carrier.capabilities();
                }

                @Override
                public SubmitResult submit(OutboundSubmission submission) {
                    submits.incrementAndGet();
                    return carrier.submit(submission);
                }

                @Override
                public WebhookPayload parseWebhook(WebhookRequest request) throws WebhookRejectedException {
                    return carrier.parseWebhook(request);
                }
            };
        }

        @Override
        public void close() {
            if (runner != null) {
                runner.stop();
            }
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pool.close();
        }
    }

    private static String number(int i) {
        return "+1415201" + String.format("%04d", i);
    }

    private static void awaitAccepted(SimulatedCarrier carrier, int expected) throws InterruptedException {
        for (int i = 0; i < 300 && carrier.sentMessages().size() < expected; i++) {
            Thread.sleep(100);
        }
    }
}
