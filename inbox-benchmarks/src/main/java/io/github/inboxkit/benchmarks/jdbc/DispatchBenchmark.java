package io.github.inboxkit.benchmarks.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.sending.SendingOptions;
import io.github.inboxkit.core.sending.ThroughputLimit;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.sending.BroadcastRequest;
import io.github.inboxkit.core.sending.DispatchSummary;
import io.github.inboxkit.core.sending.Dispatcher;
import io.github.inboxkit.core.sending.DispatcherRunner;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.Sending;
import io.github.inboxkit.jdbc.JdbcInboxStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the sending pipeline on the JDBC store and an embedded PostgreSQL 17, each figure beside
 * a baseline measured in the same run:
 *
 * <ul>
 *   <li>creating a broadcast of {@code broadcast} recipients through {@code Sending.broadcast}
 *       (checked and queued), beside the same queue rows written by plain JDBC batches;
 *   <li>its copies written into their threads by dispatcher steps ({@code writeBroadcastCopies}),
 *       beside the same rows (thread, message, outbox entry, counters) written by plain JDBC
 *       batches with no engine: the floor any writing of copies pays on this schema;
 *   <li>dispatch (claim, simulated carrier with zero latency, record) with one engine running one
 *       step at a time, one engine whose {@code DispatcherRunner} keeps two steps in flight, and two
 *       engines (two pools, as two nodes), beside a bare {@code FOR UPDATE SKIP LOCKED}
 *       claim-and-update loop on the same table. The JVM's first dispatch, which runs while the
 *       code is being compiled, is reported apart.
 * </ul>
 *
 * <p>A first, smaller broadcast ({@code recipients}) runs on never-analysed tables and is reported
 * as such; between phases the tables are vacuumed and analysed, as autovacuum would between bursts.
 *
 * <p>Settings are system properties: {@code recipients} (10000), {@code broadcast} (100000),
 * {@code durable} (false), {@code reWriteBatchedInserts} (false: the PostgreSQL driver's setting),
 * {@code statements} (0: how many of pg_stat_statements' costliest statements to print),
 * {@code slowPlansMs} (0: auto_explain's threshold, plans into target/postgres.log),
 * {@code carrierLimit} (0: none; otherwise a cluster-wide throughput limit (F50) of that many
 * messages a second on the carrier, declared on both engines, so that every claim takes its tokens
 * from the shared row: set it far above the rate reached to measure what the limiter costs).
 * Not part of {@code mvn verify}: see docs/performance.md.
 */
public final class DispatchBenchmark {

    private static final int RECIPIENTS = Integer.getInteger("recipients", 10_000);
    private static final int BROADCAST = Integer.getInteger("broadcast", 100_000);
    private static final int ENQUEUE_BATCH = 500;
    private static final boolean DURABLE = Boolean.getBoolean("durable");
    private static final boolean REWRITE_BATCHED_INSERTS = Boolean.getBoolean("reWriteBatchedInserts");
    private static final int STATEMENTS = Integer.getInteger("statements", 0);
    private static final int SLOW_PLANS_MS = Integer.getInteger("slowPlansMs", 0);
    private static final int CARRIER_LIMIT = Integer.getInteger("carrierLimit", 0);
    private static final String TEXT = "Black Friday: 20% off today";

    private DispatchBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args ignored; settings are system properties
     * @throws Exception if the server or a statement fails
     */
    public static void main(String[] args) throws Exception {
        BenchmarkLogging.quiet();
        String onOff = DURABLE ? "on" : "off";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        List<String> preload = new ArrayList<>();
        if (STATEMENTS > 0) {
            preload.add("pg_stat_statements");
        }
        if (SLOW_PLANS_MS > 0) {
            // the plans of statements slower than this go to the server's log, in target/
            preload.add("auto_explain");
            builder.setServerConfig("auto_explain.log_min_duration", SLOW_PLANS_MS + "ms")
                    .setServerConfig("auto_explain.log_analyze", "on")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(new java.io.File("target/postgres.log")))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(new java.io.File("target/postgres.log")));
        }
        if (!preload.isEmpty()) {
            builder.setServerConfig("shared_preload_libraries", String.join(",", preload));
        }
        try (EmbeddedPostgres server = builder
                .setServerConfig("fsync", onOff).setServerConfig("synchronous_commit", onOff)
                .setServerConfig("full_page_writes", onOff).setServerConfig("shared_buffers", "512MB").start()) {
            try (Connection admin = server.getPostgresDatabase().getConnection();
                    Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE dispatch_bench");
            }
            String url = server.getJdbcUrl("postgres", "dispatch_bench");
            try (HikariDataSource first = pool(url); HikariDataSource second = pool(url)) {
                if (STATEMENTS > 0) {
                    ServerStatements.install(first);
                }
                run(first, second);
                if (STATEMENTS > 0) {
                    ServerStatements.print(first, "The whole run", STATEMENTS);
                }
            }
        }
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        // the driver's own batch rewriting (multi-row INSERTs): off unless asked, as in a host's pool
        config.addDataSourceProperty("reWriteBatchedInserts", String.valueOf(REWRITE_BATCHED_INSERTS));
        return new HikariDataSource(config);
    }

    private static void run(HikariDataSource firstPool, HikariDataSource secondPool) throws Exception {
        JdbcInboxStore first = JdbcInboxStore.create(firstPool);
        JdbcInboxStore second = JdbcInboxStore.create(secondPool);
        first.migrate();
        AccountId account = AccountId.of("bench-dispatch");
        AccountId raw = AccountId.of("bench-raw");
        // a number receives for one account only: each account sends from its own
        Map<AccountId, String> senders = Map.of(account, "+14155550100", raw, "+14155550101");
        senders.forEach((id, sender) -> InboxKit.builder().store(first).build().administration().createAccount(id,
                id.value(), AccountSettings.builder().senderIds(List.of(sender)).defaultSenderId(sender).build()));
        SimulatedCarrier carrier = fastCarrier();
        ExecutorService carrierCalls = carrierCallPool();
        Consumer<SendingOptions> options = sending -> {
            sending.carrierCallExecutor(carrierCalls);
            if (CARRIER_LIMIT > 0) {
                sending.throughputLimit(ThroughputLimit.perCarrier(carrier.id(), CARRIER_LIMIT, CARRIER_LIMIT));
            }
        };
        Sending one = InboxKit.builder().store(first).carrier(carrier).sendingOptions(options).build().sending();
        Sending two = InboxKit.builder().store(second).carrier(carrier).sendingOptions(options).build().sending();

        System.out.printf(Locale.ROOT, "## Sending pipeline on embedded PostgreSQL 17, fsync=%s synchronous_commit=%s,"
                + " reWriteBatchedInserts=%s, %d cores%n%n", DURABLE ? "on" : "off", DURABLE ? "on" : "off",
                REWRITE_BATCHED_INSERTS, Runtime.getRuntime().availableProcessors());
        System.out.println("| what | result | baseline, same run | ratio |");
        System.out.println("|---|---:|---:|---:|");
        double cold = enqueue(one, account, 0, RECIPIENTS);
        double coldCopies = writeCopies(one);
        System.out.printf(Locale.ROOT, "| broadcast created, %,d recipients, never-analysed tables | %.2f s (%,.0f/s) | | |%n",
                RECIPIENTS, cold, RECIPIENTS / cold);
        System.out.printf(Locale.ROOT, "| its copies written by dispatcher steps, never-analysed tables | %.2f s (%,.0f/s) | | |%n",
                coldCopies, RECIPIENTS / coldCopies);
        analyze(firstPool);
        // the JVM's first dispatch compiles the code path as it goes: reported, not compared
        double firstDispatch = dispatch(List.of(one));
        double enqueue = enqueue(one, account, 1, BROADCAST);
        double copies = writeCopies(one);
        analyze(firstPool);
        double oneEngine = dispatch(List.of(one));
        // each dispatch's baseline right after it, on a table just as full and just as analysed:
        // the machine's speed drifts over a run, and a baseline measured minutes later drifts with it
        Baseline afterOne = bareAfter(firstPool, raw, 1);
        double floor = afterOne.copiesSeconds();
        double bareOne = afterOne.loopRate();
        // one node whose runner keeps two steps in flight (DispatcherRunner.start(..., 2))
        enqueue(one, account, 2, BROADCAST);
        double copiesTwoThreads = writeCopies(one, one);
        analyze(firstPool);
        double oneEngineTwoLanes = runner(one, 2, BROADCAST);
        double bareTwo = bareAfter(firstPool, raw, 2).loopRate();
        enqueue(one, account, 3, BROADCAST);
        writeCopies(one, two);
        analyze(firstPool);
        double twoEngines = dispatch(List.of(one, two));
        double bareThree = bareAfter(firstPool, raw, 3).loopRate();
        double queueFloor = rawQueue(firstPool, raw, BROADCAST);
        System.out.printf(Locale.ROOT, "| broadcast created, %,d recipients (baseline: the same queue rows by plain"
                + " JDBC batches of %d) | %.2f s (%,.0f/s) | %.2f s (%,.0f/s) | %.2f |%n", BROADCAST, ENQUEUE_BATCH,
                enqueue, BROADCAST / enqueue, queueFloor, BROADCAST / queueFloor, queueFloor / enqueue);
        System.out.printf(Locale.ROOT, "| its copies written by dispatcher steps of %d (baseline: the same threads,"
                + " messages and outbox rows by plain JDBC batches of %d) | %.2f s (%,.0f/s) | %.2f s (%,.0f/s) | %.2f |%n",
                ENQUEUE_BATCH, ENQUEUE_BATCH, copies, BROADCAST / copies, floor, BROADCAST / floor, floor / copies);
        System.out.printf(Locale.ROOT, "| the same, two steps at once | %.2f s (%,.0f/s) | %.2f s (%,.0f/s) | %.2f |%n",
                copiesTwoThreads, BROADCAST / copiesTwoThreads, floor, BROADCAST / floor, floor / copiesTwoThreads);
        System.out.printf(Locale.ROOT, "| dispatch, the JVM's first %,d messages (code not yet compiled; not compared)"
                + " | %,.0f/s | | |%n", RECIPIENTS, firstDispatch);
        System.out.printf(Locale.ROOT, "| dispatch, one engine, one step at a time, %,d messages (baseline: bare SKIP"
                + " LOCKED loop, batches of 100, %,d messages, right after) | %,.0f/s | %,.0f/s | %.2f |%n", BROADCAST,
                BROADCAST, oneEngine, bareOne, oneEngine / bareOne);
        System.out.printf(Locale.ROOT, "| dispatch, one engine, its runner with two lanes, %,d messages | %,.0f/s"
                + " | %,.0f/s | %.2f |%n", BROADCAST, oneEngineTwoLanes, bareTwo, oneEngineTwoLanes / bareTwo);
        System.out.printf(Locale.ROOT, "| dispatch, two engines (two pools), %,d messages | %,.0f/s | %,.0f/s | %.2f |%n",
                BROADCAST, twoEngines, bareThree, twoEngines / bareThree);
        System.out.println();
    }

    /** The simulated carrier the dispatch benchmarks send through: zero latency, no throughput limit to speak of. */
    static SimulatedCarrier fastCarrier() {
        return SimulatedCarrier.builder().seed(1).capabilities(CarrierCapabilities.builder()
                .mms(410 * 1024).alphanumericSenders(true).maxSegments(10).messagesPerSecond(10_000_000).build()).build();
    }

    /**
     * A cached pool of daemon threads for carrier calls: a host that sends much passes a pool it owns
     * (docs/operations.md), rather than the default thread per carrier call, and the benchmarks
     * measure the engine as such a host runs it.
     */
    static ExecutorService carrierCallPool() {
        return Executors.newCachedThreadPool(daemon -> {
            Thread thread = new Thread(daemon, "carrier-call");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * What autovacuum does between bursts on a live database: statistics for the planner, and the
     * dead index entries of sent messages removed, which every claim would otherwise step over.
     */
    private static void analyze(HikariDataSource pool) throws Exception {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
    }

    /**
     * Writes what creating a broadcast writes for {@code count} recipients, by plain JDBC: per batch,
     * one transaction with a batch insert of queue rows. Returns the seconds it took.
     */
    private static double rawQueue(HikariDataSource pool, AccountId account, int count) throws Exception {
        String queue = "INSERT INTO broadcast_recipients (account_id, broadcast_id, recipient, sender_kind, sender_value)"
                + " VALUES (?, ?, ?, 'LONG_CODE', '+14155550100')";
        UUID broadcast = UUID.randomUUID();
        long start = System.nanoTime();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement q = connection.prepareStatement(queue)) {
                for (int from = 0; from < count; from += ENQUEUE_BATCH) {
                    for (int i = from; i < Math.min(count, from + ENQUEUE_BATCH); i++) {
                        addRow(q, account.value(), broadcast, number(9, i));
                    }
                    q.executeBatch();
                    connection.commit();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM broadcast_recipients WHERE account_id = '" + account.value() + "'");
        }
        return seconds;
    }

    /**
     * Writes what a dispatcher writes for {@code count} queued broadcast recipients, by plain JDBC: per
     * batch, one transaction with a batch insert of threads, of messages and of outbox entries, and
     * one counters update. Returns the seconds it took.
     */
    private static double rawCopies(HikariDataSource pool, AccountId account, int round, int count) throws Exception {
        String conversations = "INSERT INTO conversations (account_id, conversation_id, phone_e164, phone_digits, state,"
                + " unread_count, has_unread, last_activity_at, preview, last_message_sequence, created_at)"
                + " VALUES (?, ?, ?, ?, 'OPEN', 0, FALSE, ?, ?, 1, ?)";
        String messages = "INSERT INTO messages (account_id, message_id, conversation_id, sequence, phone_e164, direction,"
                + " body, body_lower, media, sender_id, status, is_read, broadcast_label, created_at)"
                + " VALUES (?, ?, ?, 1, ?, 'OUTBOUND', ?, ?, '[]', '+14155550100', 'QUEUED', TRUE, ?, ?)";
        String entries = "INSERT INTO outbox_entries (account_id, message_id, conversation_id, recipient, status, pending,"
                + " carrier_id, sender_kind, sender_value, body, media, segment_count, encoding, attempts, due_at,"
                + " broadcast_id, created_at, updated_at, shift_tables) VALUES (?, ?, ?, ?, 'QUEUED', TRUE, 'simulator',"
                + " 'LONG_CODE', '+14155550100', ?, '[]', 1, 'GSM_7', 0, ?, ?, ?, ?, '[]')";
        String counters = "UPDATE account_counters SET open_conversations = open_conversations + ?"
                + " WHERE account_id = ?";
        UUID broadcast = UUID.randomUUID();
        long start = System.nanoTime();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement c = connection.prepareStatement(conversations);
                    PreparedStatement m = connection.prepareStatement(messages);
                    PreparedStatement e = connection.prepareStatement(entries);
                    PreparedStatement n = connection.prepareStatement(counters)) {
                for (int from = 0; from < count; from += ENQUEUE_BATCH) {
                    int to = Math.min(count, from + ENQUEUE_BATCH);
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    for (int i = from; i < to; i++) {
                        String phone = number(round, i);
                        UUID thread = UUID.randomUUID();
                        UUID message = UUID.randomUUID();
                        addRow(c, account.value(), thread, phone, phone.substring(1), now, TEXT, now);
                        addRow(m, account.value(), message, thread, phone, TEXT, TEXT.toLowerCase(Locale.ROOT),
                                "Round " + round, now);
                        addRow(e, account.value(), message, thread, phone, TEXT, now, broadcast, now, now);
                    }
                    c.executeBatch();
                    m.executeBatch();
                    e.executeBatch();
                    n.setInt(1, to - from);
                    n.setString(2, account.value());
                    n.executeUpdate();
                    connection.commit();
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void addRow(PreparedStatement statement, Object... values) throws java.sql.SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.addBatch();
    }

    private static String number(int round, int i) {
        return "+1" + (2_000_000_000L + round * 100_000_000L + i);
    }

    private static double enqueue(Sending sending, AccountId account, int round, int count) {
        List<Recipient> recipients = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            recipients.add(Recipient.number(number(round, i)));
        }
        long start = System.nanoTime();
        sending.broadcast(account, BroadcastRequest.builder().name("Round " + round).recipients(recipients)
                .draft(Draft.ofText(TEXT)).build());
        return (System.nanoTime() - start) / 1e9;
    }

    /** Runs {@code writeBroadcastCopies} on one thread per engine until no copy is left; returns the seconds. */
    private static double writeCopies(Sending... engines) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(engines.length);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (Sending engine : engines) {
                futures.add(executor.submit(() -> {
                    int written;
                    do {
                        written = engine.dispatcher().writeBroadcastCopies();
                    } while (written > 0);
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            executor.shutdownNow();
        }
    }

    private static double dispatch(List<Sending> engines) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(engines.size());
        try {
            long start = System.nanoTime();
            List<Future<Integer>> futures = new ArrayList<>();
            for (Sending engine : engines) {
                futures.add(executor.submit(() -> {
                    int sent = 0;
                    int idle = 0;
                    while (idle < 2) {
                        DispatchSummary step = engine.dispatcher().dispatchDue();
                        sent += step.sent();
                        idle = step.isIdle() ? idle + 1 : 0;
                    }
                    return sent;
                }));
            }
            int sent = 0;
            for (Future<Integer> future : futures) {
                sent += future.get();
            }
            return sent / ((System.nanoTime() - start) / 1e9);
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Runs the engine's dispatcher through a {@link DispatcherRunner} with {@code lanes} lanes on
     * an executor of as many threads, as a host would, until {@code expected} messages were sent;
     * returns the messages sent per second.
     */
    private static double runner(Sending engine, int lanes, int expected) throws Exception {
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(lanes);
        try {
            CountDownLatch done = new CountDownLatch(1);
            AtomicInteger sent = new AtomicInteger();
            Dispatcher dispatcher = engine.dispatcher();
            Dispatcher counting = new Dispatcher() {
                @Override
                public DispatchSummary dispatchDue() {
                    DispatchSummary step = dispatcher.dispatchDue();
                    if (sent.addAndGet(step.sent()) >= expected) {
                        done.countDown();
                    }
                    return step;
                }

                @Override
                public int writeBroadcastCopies() {
                    return dispatcher.writeBroadcastCopies();
                }

                @Override
                public int batchSize() {
                    return dispatcher.batchSize();
                }
            };
            long start = System.nanoTime();
            DispatcherRunner runner = DispatcherRunner.start(counting, executor, Duration.ofMillis(50), lanes);
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the runner sent " + sent.get() + " of " + expected + " in 10 minutes");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            runner.stop();
            return sent.get() / seconds;
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * The baselines measured on {@code BROADCAST} fresh rows of the raw account.
     *
     * @param copiesSeconds how long writing them by plain JDBC took
     * @param loopRate the bare loop's messages per second over them, once analysed
     */
    private record Baseline(double copiesSeconds, double loopRate) {}

    private static Baseline bareAfter(HikariDataSource pool, AccountId account, int round) throws Exception {
        double seconds = rawCopies(pool, account, round, BROADCAST);
        analyze(pool);
        return new Baseline(seconds, bareLoop(pool, account));
    }

    private static double bareLoop(HikariDataSource pool, AccountId account) throws Exception {
        // the locking query in a MATERIALIZED CTE runs once: as a join's inner side it could be
        // scanned again and take more than 100 rows (the store's claim is written the same way)
        String claim = "WITH c AS MATERIALIZED (SELECT message_id FROM outbox_entries WHERE account_id = ?"
                + " AND pending = TRUE AND due_at <= now() ORDER BY due_at, message_id LIMIT 100 FOR UPDATE SKIP LOCKED)"
                + " UPDATE outbox_entries o SET status = 'SENT', pending = FALSE, attempts = attempts + 1"
                + " FROM c WHERE o.account_id = ? AND o.message_id = c.message_id";
        long start = System.nanoTime();
        int total = 0;
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(claim)) {
                while (true) {
                    statement.setString(1, account.value());
                    statement.setString(2, account.value());
                    int updated = statement.executeUpdate();
                    connection.commit();
                    if (updated == 0) {
                        break;
                    }
                    total += updated;
                }
            }
        }
        return total / ((System.nanoTime() - start) / 1e9);
    }
}
