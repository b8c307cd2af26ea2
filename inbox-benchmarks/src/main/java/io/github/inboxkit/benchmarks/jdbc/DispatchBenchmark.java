package io.github.inboxkit.benchmarks.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.sending.BroadcastRequest;
import io.github.inboxkit.core.sending.DispatchSummary;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.Sending;
import io.github.inboxkit.jdbc.JdbcInboxStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the sending pipeline on the JDBC store and an embedded PostgreSQL 17: broadcast enqueue
 * time, dispatch throughput (claim, simulated carrier with zero latency, record) with one and two
 * engines, beside a bare {@code FOR UPDATE SKIP LOCKED} claim-and-update loop on the same table in
 * the same run.
 *
 * <p>Then the same two use cases through the store port's batch operations ({@link StorePortBatches}).
 *
 * <p>Settings are system properties: {@code recipients} (10000), {@code batchRecipients} (100000),
 * {@code durable} (false), {@code reWriteBatchedInserts} (false: the PostgreSQL driver's setting).
 * Not part of {@code mvn verify}: see docs/performance.md.
 */
public final class DispatchBenchmark {

    private static final int RECIPIENTS = Integer.getInteger("recipients", 10_000);
    private static final boolean DURABLE = Boolean.getBoolean("durable");
    private static final boolean REWRITE_BATCHED_INSERTS = Boolean.getBoolean("reWriteBatchedInserts");
    private static final int BATCH_RECIPIENTS = Integer.getInteger("batchRecipients", 100_000);
    private static final int STATEMENTS = Integer.getInteger("statements", 0);
    private static final int SLOW_PLANS_MS = Integer.getInteger("slowPlansMs", 0);

    private DispatchBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args ignored; settings are system properties
     * @throws Exception if the server or a statement fails
     */
    public static void main(String[] args) throws Exception {
        // the output is a report: keep the libraries' DEBUG lines (pool keep-alives) out of it
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
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
                    try (Connection connection = first.getConnection(); Statement statement = connection.createStatement()) {
                        statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                    }
                }
                run(first, second);
                if (STATEMENTS > 0) {
                    printStatements(first);
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
        InboxKit.builder().store(first).build().administration().createAccount(account, "Dispatch",
                AccountSettings.builder().senderIds(List.of("+14155550100")).defaultSenderId("+14155550100").build());
        SimulatedCarrier carrier = SimulatedCarrier.builder().seed(1).capabilities(CarrierCapabilities.builder()
                .mms(410 * 1024).alphanumericSenders(true).maxSegments(10).messagesPerSecond(10_000_000).build()).build();
        Sending one = Sending.builder().store(first).carrier(carrier).build();
        Sending two = Sending.builder().store(second).carrier(carrier).build();

        System.out.printf(Locale.ROOT, "## Sending pipeline on embedded PostgreSQL, fsync=%s synchronous_commit=%s, %d cores%n%n",
                DURABLE ? "on" : "off", DURABLE ? "on" : "off", Runtime.getRuntime().availableProcessors());
        System.out.println("| what | result |");
        System.out.println("|---|---:|");
        double enqueue = enqueue(one, account, 0);
        System.out.printf(Locale.ROOT, "| broadcast enqueue, %,d recipients | %.2f s (%,.0f recipients/s) |%n",
                RECIPIENTS, enqueue, RECIPIENTS / enqueue);
        System.out.printf(Locale.ROOT, "| dispatch, one engine | %,.0f messages/s |%n", dispatch(List.of(one)));
        enqueue(one, account, 1);
        System.out.printf(Locale.ROOT, "| dispatch, two engines (two pools) | %,.0f messages/s |%n", dispatch(List.of(one, two)));
        enqueue(one, account, 2);
        double bare = bareLoop(firstPool, account);
        System.out.printf(Locale.ROOT, "| bare SKIP LOCKED claim-and-update loop, batches of 100 | %,.0f messages/s |%n",
                bare);
        System.out.println();

        // What the store port's batch operations give the same two use cases, driven the way the
        // pipeline drives them (500 recipients per transaction; claims of 100, one record
        // transaction per claim), beside the bare loop measured again in the same run.
        AccountId batchAccount = AccountId.of("bench-dispatch-batch");
        InboxKit.builder().store(first).build().administration().createAccount(batchAccount, "Dispatch batches",
                AccountSettings.builder().senderIds(List.of("+14155550100")).defaultSenderId("+14155550100").build());
        System.out.printf(Locale.ROOT, "## Store port batch operations, same server, %,d recipients,"
                + " reWriteBatchedInserts=%s%n%n", BATCH_RECIPIENTS, REWRITE_BATCHED_INSERTS);
        System.out.println("| what | result |");
        System.out.println("|---|---:|");
        double batchEnqueue = StorePortBatches.enqueue(first, batchAccount, BATCH_RECIPIENTS, 0);
        System.out.printf(Locale.ROOT, "| enqueue through batch operations, %,d recipients | %.2f s (%,.0f recipients/s) |%n",
                BATCH_RECIPIENTS, batchEnqueue, BATCH_RECIPIENTS / batchEnqueue);
        double batchDispatch = StorePortBatches.dispatch(first, batchAccount, carrier);
        StorePortBatches.enqueue(first, batchAccount, BATCH_RECIPIENTS, 1);
        double bareAgain = bareLoop(firstPool, batchAccount);
        System.out.printf(Locale.ROOT, "| dispatch through batch operations, one node | %,.0f messages/s |%n", batchDispatch);
        System.out.printf(Locale.ROOT, "| bare SKIP LOCKED loop on the same table | %,.0f messages/s |%n", bareAgain);
        System.out.printf(Locale.ROOT, "| ratio batch dispatch / bare | %.2f |%n", batchDispatch / bareAgain);
        System.out.println();
    }

    /** The statements that took the most time in the whole run, from pg_stat_statements. */
    private static void printStatements(HikariDataSource pool) throws Exception {
        System.out.printf(Locale.ROOT, "## The %d statements with the most total time%n%n", STATEMENTS);
        System.out.println("| total ms | calls | rows | mean ms | statement |");
        System.out.println("|---:|---:|---:|---:|---|");
        try (Connection connection = pool.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT total_exec_time, calls, rows,"
                        + " mean_exec_time, query FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT ?")) {
            statement.setInt(1, STATEMENTS);
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String query = rows.getString(5).replaceAll("\\s+", " ");
                    System.out.printf(Locale.ROOT, "| %,.0f | %,d | %,d | %.3f | `%s` |%n", rows.getDouble(1),
                            rows.getLong(2), rows.getLong(3), rows.getDouble(4),
                            query.length() > 160 ? query.substring(0, 160) + "…" : query);
                }
            }
        }
        System.out.println();
    }

    private static double enqueue(Sending sending, AccountId account, int round) {
        List<Recipient> recipients = new ArrayList<>(RECIPIENTS);
        for (int i = 0; i < RECIPIENTS; i++) {
            recipients.add(Recipient.number("+1" + (2_000_000_000L + round * 100_000_000L + i)));
        }
        long start = System.nanoTime();
        sending.broadcast(account, BroadcastRequest.builder().name("Round " + round).recipients(recipients)
                .draft(Draft.ofText("Black Friday: 20% off today")).build());
        return (System.nanoTime() - start) / 1e9;
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

    private static double bareLoop(HikariDataSource pool, AccountId account) throws Exception {
        String claim = "UPDATE outbox_entries o SET status = 'SENT', pending = FALSE, attempts = attempts + 1"
                + " FROM (SELECT message_id FROM outbox_entries WHERE account_id = ? AND pending = TRUE"
                + " AND due_at <= now() ORDER BY due_at, message_id LIMIT 100 FOR UPDATE SKIP LOCKED) c"
                + " WHERE o.account_id = ? AND o.message_id = c.message_id";
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
