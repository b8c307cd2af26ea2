package io.github.inboxkit.examples;

import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountAlreadyExistsException;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.core.sending.DispatcherRunner;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import io.github.inboxkit.core.sending.Sending;
import io.github.inboxkit.jdbc.JdbcInboxStore;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * InboxKit on PostgreSQL, wired as a production host does it: a HikariCP pool, the JDBC store on
 * it, the schema migrated by an explicit call, the engine and the sending side on the system
 * clock, and the dispatcher running on the host's own {@link ScheduledExecutorService}.
 *
 * <p>Run it with no arguments to start a throw-away PostgreSQL 17, or with {@code
 * jdbc:postgresql://host:5432/db user password} to use yours (it creates one account, {@code
 * wiring-demo}, and is safe to run again).
 */
public final class PostgresWiring {

    static final AccountId ACCOUNT = AccountId.of("wiring-demo");
    static final String MAIN_LINE = "+14155550100";
    static final String CONTACT = "+14155550132";

    /** What the run did, for the reader and for the smoke test. */
    record Outcome(int migrationsApplied, int migrationsOnSecondCall, MessageStatus replyStatus) {}

    private PostgresWiring() {}

    /**
     * Runs the example.
     *
     * @param args none, or a JDBC URL, a user and a password
     * @throws InterruptedException if interrupted while waiting for the dispatcher
     */
    public static void main(String[] args) throws InterruptedException {
        try (PostgresServer server = PostgresServer.fromArguments(args);
                HikariDataSource pool = server.pool("inboxkit", 10)) {
            run(pool, System.out);
        }
    }

    static Outcome run(DataSource dataSource, PrintStream out) throws InterruptedException {
        // 1. The store, on a pool the host owns (and closes); the schema is changed only by migrate().
        JdbcInboxStore store = JdbcInboxStore.create(dataSource);
        int applied = store.migrate();
        int again = store.migrate();
        out.printf("%s: %d migration(s) applied, %d on a second call; a host with its own Flyway can take "
                + "the files from %s%n", store.dialect(), applied, again, store.dialect().migrationLocation());

        // 2. The engine, with its sending side, on the store, the system clock and a carrier.
        SimulatedCarrier carrier = SimulatedCarrier.create();
        InboxKit kit = InboxKit.builder().store(store).carrier(carrier).clock(Clock.systemUTC()).build();
        Sending sending = kit.sending();

        // 3. The dispatcher sends what is due on the host's executor: two steps in flight, so that
        //    one step's carrier calls and round trips overlap the other's (a pool connection each).
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
        DispatcherRunner dispatcher = DispatcherRunner.start(sending.dispatcher(), executor, Duration.ofMillis(200), 2);
        try {
            try {
                kit.administration().createAccount(ACCOUNT, "Wiring demo", AccountSettings.builder()
                        .senderIds(List.of(MAIN_LINE)).defaultSenderId(MAIN_LINE).build());
            } catch (AccountAlreadyExistsException alreadyThere) {
                out.println("account " + ACCOUNT + " exists already: this database has seen this example before");
            }
            ReceivedMessage received = kit.ingestion().receive(ACCOUNT,
                    carrier.inboundMessage(CONTACT, MAIN_LINE, "Hello, is this the right number for bookings?"));
            kit.conversations().markRead(ACCOUNT, received.conversation().id());
            OutboxEntry reply = sending.send(ACCOUNT, SendRequest.builder().to(Recipient.number(CONTACT))
                    .draft(Draft.ofText("It is! How can we help?")).build());
            MessageStatus status = awaitSent(sending, reply);
            out.printf("the reply is %s; the carrier accepted %d message(s)%n", status, carrier.sentMessages().size());
            new InboxPrinter(kit, ZoneId.of("UTC"), out).print(ACCOUNT);
            return new Outcome(applied, again, status);
        } finally {
            dispatcher.stop();
            executor.shutdown();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Watches the outbox until the dispatcher has handed the reply to the carrier (at most ten seconds). */
    private static MessageStatus awaitSent(Sending sending, OutboxEntry entry) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            MessageStatus status = sending.outboxEntry(ACCOUNT, entry.messageId()).orElseThrow().status();
            if (status != MessageStatus.QUEUED && status != MessageStatus.SENDING) {
                return status;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the dispatcher did not send the reply within ten seconds");
    }
}
