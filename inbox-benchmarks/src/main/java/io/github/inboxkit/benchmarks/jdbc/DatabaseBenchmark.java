package io.github.inboxkit.benchmarks.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.export.ExportRequest;
import io.github.inboxkit.core.inbox.AssignmentFilter;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.inbox.ReadFilter;
import io.github.inboxkit.core.label.LabelId;
import io.github.inboxkit.core.label.Labels;
import io.github.inboxkit.core.store.ForwardingInboxStore;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.export.CsvExporter;
import io.github.inboxkit.export.JsonLinesExporter;
import io.github.inboxkit.jdbc.JdbcInboxStore;
import java.io.OutputStream;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the JDBC store on an embedded PostgreSQL 17, through the engine's use cases:
 *
 * <ol>
 *   <li>inbound ingestion throughput, beside a raw JDBC baseline on the same pool (one single-row
 *       INSERT and COMMIT per message), and their ratio; then a burst (a broadcast's replies: one
 *       inbound message from each of {@code burst} numbers whose threads exist, on {@code
 *       burstThreads} threads at once), beside the same baseline on as many threads;
 *   <li>inbox first page (50 rows) latency for each of the 18 filter combinations, beside a bare
 *       keyset query on raw JDBC;
 *   <li>badge (counters) read latency;
 *   <li>search latency for short, common, rare, name and digit terms;
 *   <li>inbox first page filtered by a label (F35) carried by {@code labelShare} of each account's
 *       conversations, beside the same page without the label filter, for four filter combinations;
 *   <li>export throughput (F39): one account's {@code exportMessages} messages exported as CSV and as
 *       JSON Lines to a stream that counts and drops the bytes, beside a bare keyset SELECT of the
 *       same rows in pages of the same size on raw JDBC (rows read, columns fetched, nothing kept).
 * </ol>
 *
 * <p>Settings are system properties: {@code accounts} (100), {@code conversationsPerAccount} (2000),
 * {@code messagesPerConversation} (10), {@code durable} (false: fsync and synchronous_commit off, as
 * the embedded server defaults; true: both on), {@code ingestMessages} (4000, in turns with as many
 * raw inserts over {@code ingestRounds}, 5), {@code warmUp} (4000
 * calls of ingestion and of its baseline before they are timed), {@code threads} (4),
 * {@code samples} (1000 per measured query, after as many for warm-up), {@code burst} (1000),
 * {@code burstThreads} (16), {@code sections} (all of {@code ingestion,listing,badge,search,labels,export}),
 * {@code labelShare} (0.10), {@code exportMessages} (1,000,000),
 * {@code statements} (0: how many of pg_stat_statements' costliest statements of the ingestion
 * phase, of its baseline and of the first pages to print, with their calls). Results are printed as Markdown.
 *
 * <p>Not a test and not part of {@code mvn verify}: see docs/performance.md for the command.
 */
public final class DatabaseBenchmark {

    private static final int ACCOUNTS = Integer.getInteger("accounts", 100);
    private static final int CONVERSATIONS = Integer.getInteger("conversationsPerAccount", 2000);
    private static final int MESSAGES = Integer.getInteger("messagesPerConversation", 10);
    private static final boolean DURABLE = Boolean.getBoolean("durable");
    private static final int INGEST_MESSAGES = Integer.getInteger("ingestMessages", 4000);
    private static final int INGEST_ROUNDS = Integer.getInteger("ingestRounds", 5);
    private static final int WARM_UP = Integer.getInteger("warmUp", 4000);
    private static final int THREADS = Integer.getInteger("threads", 4);
    private static final int SAMPLES = Integer.getInteger("samples", 1000);
    private static final int BURST = Integer.getInteger("burst", 1000);
    private static final int BURST_THREADS = Integer.getInteger("burstThreads", 16);
    private static final int BURST_ROUNDS = 3;
    private static final List<String> SECTIONS = List.of(
            System.getProperty("sections", "ingestion,listing,badge,search,labels,export").split(","));
    private static final double LABEL_SHARE = Double.parseDouble(System.getProperty("labelShare", "0.10"));
    private static final int EXPORT_MESSAGES = Integer.getInteger("exportMessages", 1_000_000);
    private static final int STATEMENTS = Integer.getInteger("statements", 0);

    private DatabaseBenchmark() {}

    /**
     * Runs the benchmark.
     *
     * @param args ignored; settings are system properties
     * @throws Exception if the server or a query fails
     */
    public static void main(String[] args) throws Exception {
        BenchmarkLogging.quiet();
        String onOff = DURABLE ? "on" : "off";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (STATEMENTS > 0) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
            // plans as well as executions: a statement planned at every call shows it here
            builder.setServerConfig("pg_stat_statements.track_planning", "on");
        }
        try (EmbeddedPostgres server = builder
                .setServerConfig("fsync", onOff)
                .setServerConfig("synchronous_commit", onOff)
                .setServerConfig("full_page_writes", onOff)
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_connections", "100")
                .start()) {
            try (Connection admin = server.getPostgresDatabase().getConnection();
                    Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE inbox_bench");
            }
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(server.getJdbcUrl("postgres", "inbox_bench"));
            config.setUsername("postgres");
            config.setMaximumPoolSize(pool());
            try (HikariDataSource pool = new HikariDataSource(config)) {
                run(pool);
            }
        }
    }

    private static void run(HikariDataSource pool) throws Exception {
        JdbcInboxStore store = JdbcInboxStore.create(pool);
        store.migrate();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        System.out.printf(Locale.ROOT, "## JDBC store on embedded PostgreSQL (%s)%n%n", serverVersion(pool));
        System.out.printf(Locale.ROOT, "settings: fsync=%s synchronous_commit=%s, pool %d, %d threads, %d cores, Java %s%n%n",
                setting(pool, "fsync"), setting(pool, "synchronous_commit"), pool(), THREADS,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

        long start = System.nanoTime();
        DataSet.generate(pool, ACCOUNTS, CONVERSATIONS, MESSAGES, now);
        System.out.printf(Locale.ROOT, "data set: %d accounts, %,d conversations, %,d messages, generated in %.1f s%n%n",
                ACCOUNTS, count(pool, "conversations"), count(pool, "messages"), (System.nanoTime() - start) / 1e9);

        InboxKit kit = InboxKit.builder().store(store).clock(Clock.systemUTC()).build();
        if (STATEMENTS > 0) {
            ServerStatements.install(pool);
        }
        if (SECTIONS.contains("ingestion")) {
            ingestion(kit, pool);
            burst(kit, pool);
        }
        if (SECTIONS.contains("listing")) {
            listing(kit, transactionalPages(store), pool, now);
        }
        if (SECTIONS.contains("badge")) {
            badge(kit);
        }
        if (SECTIONS.contains("search")) {
            search(kit);
        }
        if (SECTIONS.contains("labels")) {
            labels(kit, pool);
        }
        if (SECTIONS.contains("export")) {
            export(kit, pool);
        }
    }

    /** The pool's size: a connection for each client thread of the largest phase, and two spare. */
    private static int pool() {
        return Math.max(THREADS, BURST_THREADS) + 2;
    }

    // ----- ingestion ------------------------------------------------------------------------------

    private static void ingestion(InboxKit kit, HikariDataSource pool) throws Exception {
        AccountId account = AccountId.of("bench-ingest");
        kit.administration().createAccount(account, "Ingestion", AccountSettings.defaults());
        AtomicInteger next = new AtomicInteger();
        // warm-up: the JIT, the pool and the statement caches (the engine's path is long: on a busy
        // machine 500 calls left it half compiled)
        timed(THREADS, WARM_UP, i -> kit.ingestion().receive(account, incoming("warm-" + i, i)));
        if (STATEMENTS > 0) {
            ServerStatements.reset(pool);
        }
        RawInsert raw = rawInsert(pool);
        timed(THREADS, WARM_UP, raw::insert);
        if (STATEMENTS > 0) {
            ServerStatements.reset(pool);
        }
        // in turns, a share of each per round, so that both meet the same machine: run one after
        // the other, the raw insert's speed moved by half between runs of one build
        CpuUse cpu = CpuUse.of(pool);
        int share = INGEST_MESSAGES / INGEST_ROUNDS;
        double engineSeconds = 0;
        double rawSeconds = 0;
        CpuUse.Reading engineCpu = CpuUse.Reading.ZERO;
        CpuUse.Reading rawCpu = CpuUse.Reading.ZERO;
        double[] ratios = new double[INGEST_ROUNDS];
        for (int round = 0; round < INGEST_ROUNDS; round++) {
            CpuUse.Reading before = cpu.read();
            double engine = timed(THREADS, share, i -> kit.ingestion().receive(account,
                    incoming("m-" + next.incrementAndGet(), i)));
            CpuUse.Reading between = cpu.read();
            double baseline = timed(THREADS, share, raw::insert);
            CpuUse.Reading after = cpu.read();
            engineCpu = engineCpu.plus(between.minus(before));
            rawCpu = rawCpu.plus(after.minus(between));
            engineSeconds += share / engine;
            rawSeconds += share / baseline;
            ratios[round] = engine / baseline;
        }
        if (STATEMENTS > 0) {
            ServerStatements.print(pool, "Ingestion of " + INGEST_MESSAGES + " messages and as many raw inserts, in turns",
                    STATEMENTS);
        }
        int total = share * INGEST_ROUNDS;
        double engine = total / engineSeconds;
        double baseline = total / rawSeconds;
        Arrays.sort(ratios);
        System.out.println("### Inbound ingestion");
        System.out.println();
        System.out.println("| what | messages/s | processor time per message, client / server µs |");
        System.out.println("|---|---:|---:|");
        System.out.printf(Locale.ROOT, "| engine `Ingestion.receive` (one transaction; on PostgreSQL one statement and the commit) | %,.0f | %s |%n",
                engine, engineCpu.perOperation(CpuUse.Reading.ZERO, total));
        System.out.printf(Locale.ROOT, "| raw JDBC single-row INSERT + COMMIT, same pool | %,.0f | %s |%n", baseline,
                rawCpu.perOperation(CpuUse.Reading.ZERO, total));
        System.out.printf(Locale.ROOT, "| ratio engine / raw | %.2f | rounds' ratios %.2f to %.2f, median %.2f |%n%n",
                engine / baseline, ratios[0], ratios[INGEST_ROUNDS - 1], ratios[INGEST_ROUNDS / 2]);
    }

    /**
     * A broadcast's replies: one inbound message from each of {@link #BURST} numbers whose threads
     * exist, all at once on {@link #BURST_THREADS} threads, in {@link #BURST_ROUNDS} rounds, each
     * followed by the raw baseline on as many threads.
     */
    private static void burst(InboxKit kit, HikariDataSource pool) throws Exception {
        AccountId account = AccountId.of("bench-burst");
        kit.administration().createAccount(account, "Burst", AccountSettings.defaults());
        // the broadcast's threads, and the warm-up of this pool size
        timed(BURST_THREADS, BURST, i -> kit.ingestion().receive(account, burstReply("start-" + i, i)));
        RawInsert raw = rawInsert(pool);
        timed(BURST_THREADS, BURST, raw::insert);
        double[] engine = new double[BURST_ROUNDS];
        double[] baseline = new double[BURST_ROUNDS];
        for (int round = 0; round < BURST_ROUNDS; round++) {
            String prefix = "reply-" + round + "-";
            engine[round] = timed(BURST_THREADS, BURST, i -> kit.ingestion().receive(account, burstReply(prefix + i, i)));
            baseline[round] = timed(BURST_THREADS, BURST, raw::insert);
        }
        System.out.printf(Locale.ROOT, "### Burst: %,d replies to existing threads at once, %d threads%n%n", BURST,
                BURST_THREADS);
        System.out.println("| round | engine messages/s | raw INSERT + COMMIT messages/s | ratio |");
        System.out.println("|---|---:|---:|---:|");
        for (int round = 0; round < BURST_ROUNDS; round++) {
            System.out.printf(Locale.ROOT, "| %d | %,.0f | %,.0f | %.2f |%n", round + 1, engine[round], baseline[round],
                    engine[round] / baseline[round]);
        }
        System.out.println();
    }

    private static IncomingMessage burstReply(String carrierId, int i) {
        return IncomingMessage.builder().carrierMessageId(carrierId)
                .contactNumber(BURST_NUMBERS[i % BURST_NUMBERS.length]).accountNumber("+14155550100")
                .text("Yes please, ref " + i).build();
    }

    /**
     * The contacts' numbers, made once: the webhook hands the engine a number as text, and
     * formatting it here on each call (String.format) cost a sixth of the engine's measured client time,
     * which the baseline does not pay.
     */
    private static final String[] INGEST_NUMBERS = numbers("+1415556", 1000);
    private static final String[] BURST_NUMBERS = numbers("+1415557", 10_000);

    private static String[] numbers(String prefix, int count) {
        String[] numbers = new String[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = prefix + String.format(Locale.ROOT, "%04d", i);
        }
        return numbers;
    }

    /** The baseline: one single-row INSERT of a message and its COMMIT, on a connection of the pool. */
    private static RawInsert rawInsert(HikariDataSource pool) {
        String insert = "INSERT INTO messages (account_id, message_id, conversation_id, sequence, phone_e164, direction,"
                + " body, body_lower, media, status, is_read, carrier_message_id, created_at)"
                + " VALUES ('bench-raw', ?, ?, 1, '+14155550100', 'INBOUND', ?, ?, '[]', 'RECEIVED', false, ?, ?)";
        return i -> {
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement statement = connection.prepareStatement(insert)) {
                    statement.setObject(1, UUID.randomUUID());
                    statement.setObject(2, UUID.randomUUID());
                    statement.setString(3, "Is my order ready " + i);
                    statement.setString(4, "is my order ready " + i);
                    statement.setString(5, "raw-" + UUID.randomUUID());
                    statement.setObject(6, OffsetDateTime.now(ZoneOffset.UTC));
                    statement.executeUpdate();
                }
                connection.commit();
            }
        };
    }

    private static IncomingMessage incoming(String carrierId, int i) {
        return IncomingMessage.builder().carrierMessageId(carrierId)
                .contactNumber(INGEST_NUMBERS[i % INGEST_NUMBERS.length]).accountNumber("+14155550100")
                .text("Is my order ready? ref " + i).build();
    }

    interface RawInsert {
        void insert(int i) throws Exception;
    }

    /** Runs {@code total} operations on {@code threads} threads; returns operations per second. */
    private static double timed(int threads, int total, RawInsert operation) throws Exception {
        AtomicInteger counter = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    int i;
                    while ((i = counter.getAndIncrement()) < total) {
                        operation.insert(i);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            executor.shutdownNow();
        }
    }

    // ----- latency ----------------------------------------------------------------------------

    interface Sampled {
        void run(AccountId account) throws Exception;
    }

    /** Latencies in microseconds of {@link #SAMPLES} calls on random accounts, after a warm-up. */
    private static long[] sample(Sampled call) throws Exception {
        for (int i = 0; i < SAMPLES / 2; i++) {
            call.run(randomAccount());
        }
        long[] micros = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            AccountId account = randomAccount();
            long start = System.nanoTime();
            call.run(account);
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        return micros;
    }

    private static AccountId randomAccount() {
        return AccountId.of("acct-" + (1 + ThreadLocalRandom.current().nextInt(ACCOUNTS)));
    }

    private static String percentiles(long[] sorted) {
        return String.format(Locale.ROOT, "%.2f | %.2f | %.2f", quantile(sorted, 0.50), quantile(sorted, 0.95),
                quantile(sorted, 0.99));
    }

    /**
     * An engine on the same store seen only as an {@link InboxStore}, without its inbox page read
     * model: pages are then read as before it, in one transaction of five round trips (keyset query,
     * contacts, assignees, counters, commit).
     */
    private static InboxKit transactionalPages(JdbcInboxStore store) {
        InboxStore transactionsOnly = new ForwardingInboxStore(store);
        return InboxKit.builder().store(transactionsOnly).clock(Clock.systemUTC()).build();
    }

    private static void listing(InboxKit kit, InboxKit transactional, HikariDataSource pool, Instant now)
            throws Exception {
        List<String> names = new ArrayList<>();
        List<Sampled> calls = new ArrayList<>();
        for (ConversationState state : ConversationState.values()) {
            for (AssignmentFilter assignment : List.of(AssignmentFilter.all(), AssignmentFilter.unassigned(),
                    AssignmentFilter.assignedTo(UserId.of("user-3")))) {
                for (ReadFilter read : ReadFilter.values()) {
                    InboxQuery query = InboxQuery.builder().tab(state).assignment(assignment).readFilter(read).build();
                    names.add(state + " | " + describe(assignment) + " | " + read);
                    calls.add(account -> kit.inbox().list(account, query));
                }
            }
        }
        InboxQuery openTab = InboxQuery.builder().build();
        names.add("OPEN, one transaction (five round trips, the page before its read model) | all | ALL");
        calls.add(account -> transactional.inbox().list(account, openTab));
        String bare = "SELECT conversation_id, phone_e164, state, assignee_id, unread_count, last_activity_at, preview"
                + " FROM conversations WHERE account_id = ? AND state = 'OPEN' AND last_activity_at >= ?"
                + " ORDER BY last_activity_at DESC, conversation_id DESC LIMIT 50";
        names.add("bare keyset query, raw JDBC | all | ALL");
        calls.add(account -> {
            try (Connection connection = pool.getConnection();
                    PreparedStatement statement = connection.prepareStatement(bare)) {
                statement.setString(1, account.value());
                statement.setObject(2, OffsetDateTime.ofInstant(now.minus(90, ChronoUnit.DAYS), ZoneOffset.UTC));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(2);
                    }
                }
            }
        });
        if (STATEMENTS > 0) {
            ServerStatements.reset(pool);
        }
        long[][] latencies = sampleInterleaved(calls);
        if (STATEMENTS > 0) {
            ServerStatements.print(pool, "Inbox first pages", STATEMENTS);
        }
        System.out.println("### Inbox first page (50 rows), milliseconds");
        System.out.println();
        // each figure beside the bare keyset query of the same run (the last call)
        long[] baseline = latencies[names.size() - 1];
        System.out.println("| tab | assignment | read | p50 | p95 | p99 | p50 / bare p50 | p99 / bare p99 |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---:|");
        for (int q = 0; q < names.size(); q++) {
            System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f |%n", names.get(q), percentiles(latencies[q]),
                    ratio(latencies[q], baseline, 0.50), ratio(latencies[q], baseline, 0.99));
        }
        System.out.println();
    }

    /**
     * Latencies in microseconds of {@link #SAMPLES} calls of each, taken in turn (one of each, then
     * again), so that every call meets the same machine; after a warm-up of as many, in the same
     * turns, so that the JIT has compiled every call's path before any is measured.
     */
    private static long[][] sampleInterleaved(List<Sampled> calls) throws Exception {
        for (int i = 0; i < SAMPLES; i++) {
            for (Sampled call : calls) {
                call.run(randomAccount());
            }
        }
        long[][] micros = new long[calls.size()][SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            for (int q = 0; q < calls.size(); q++) {
                AccountId account = randomAccount();
                long start = System.nanoTime();
                calls.get(q).run(account);
                micros[q][i] = (System.nanoTime() - start) / 1000;
            }
        }
        for (long[] sorted : micros) {
            Arrays.sort(sorted);
        }
        return micros;
    }

    private static double ratio(long[] sorted, long[] baseline, double quantile) {
        return quantile(sorted, quantile) / quantile(baseline, quantile);
    }

    private static String describe(AssignmentFilter filter) {
        if (filter instanceof AssignmentFilter.AssignedTo to) {
            return "assigned to " + to.user().value();
        }
        return filter instanceof AssignmentFilter.Unassigned ? "unassigned" : "all";
    }

    private static void badge(InboxKit kit) throws Exception {
        long[] latencies = sample(account -> kit.inbox().counters(account));
        System.out.println("### Badge and tab counts (`Inbox.counters`), milliseconds");
        System.out.println();
        System.out.println("| p50 | p95 | p99 |");
        System.out.println("|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| %s |%n%n", percentiles(latencies));
    }

    private static void search(InboxKit kit) throws Exception {
        System.out.println("### Search, first page of the open tab, milliseconds");
        System.out.println();
        System.out.println("| term | p50 | p95 | p99 |");
        System.out.println("|---|---:|---:|---:|");
        for (String term : List.of("or", "he", "ok", "hello", "appointment", "call me back", "zzzz", "ann lee",
                "55500", "%_")) {
            InboxQuery query = InboxQuery.builder().search(term).build();
            long[] latencies = sample(account -> kit.inbox().list(account, query));
            System.out.printf(Locale.ROOT, "| `%s` | %s |%n", term, percentiles(latencies));
        }
        System.out.println();
    }

    // ----- labels (F35) ------------------------------------------------------------------------

    /**
     * Label "A" in every account, put by the engine's bulk call on {@link #LABEL_SHARE} of each
     * account's conversations (drawn at random), then the first page of four filter combinations with
     * and without it, in turns, each filtered page beside its unfiltered twin of the same run.
     */
    private static void labels(InboxKit kit, HikariDataSource pool) throws Exception {
        long start = System.nanoTime();
        Map<AccountId, LabelId> labelOf = new HashMap<>();
        long labelled = 0;
        for (int a = 1; a <= ACCOUNTS; a++) {
            AccountId account = AccountId.of("acct-" + a);
            LabelId label = kit.labels().create(account, "A").id();
            labelOf.put(account, label);
            List<ConversationId> chosen = new ArrayList<>();
            try (Connection connection = pool.getConnection();
                    PreparedStatement statement = connection.prepareStatement(
                            "SELECT conversation_id FROM conversations WHERE account_id = ? AND random() < ?")) {
                statement.setString(1, account.value());
                statement.setDouble(2, LABEL_SHARE);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        chosen.add(new ConversationId(rs.getObject(1, UUID.class)));
                    }
                }
            }
            for (int from = 0; from < chosen.size(); from += Labels.MAX_CONVERSATIONS_PER_CALL) {
                labelled += kit.labels().label(account, label,
                        chosen.subList(from, Math.min(chosen.size(), from + Labels.MAX_CONVERSATIONS_PER_CALL)));
            }
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE conversation_labels");
            statement.execute("VACUUM ANALYZE labels");
        }
        System.out.printf(Locale.ROOT, "### Inbox first page (50 rows) filtered by a label, milliseconds%n%n");
        System.out.printf(Locale.ROOT, "label \"A\" on %,d conversations (%.0f %% of each account's, drawn at random),"
                + " labelled with `Labels.label` in %.1f s%n%n", labelled, LABEL_SHARE * 100, (System.nanoTime() - start) / 1e9);
        List<String> names = new ArrayList<>();
        List<Sampled> calls = new ArrayList<>();
        for (InboxQuery query : List.of(
                InboxQuery.builder().build(),
                InboxQuery.builder().readFilter(ReadFilter.UNREAD).build(),
                InboxQuery.builder().assignment(AssignmentFilter.assignedTo(UserId.of("user-3"))).build(),
                InboxQuery.builder().tab(ConversationState.CLOSED).assignment(AssignmentFilter.unassigned()).build())) {
            names.add(query.tab() + " | " + describe(query.assignment()) + " | " + query.readFilter());
            calls.add(account -> kit.inbox().list(account, query));
            calls.add(account -> kit.inbox().list(account,
                    InboxQuery.builder().from(query).label(labelOf.get(account)).build()));
        }
        long[][] latencies = sampleInterleaved(calls);
        System.out.println("| tab | assignment | read | without label p50 | p99 | with label p50 | p99 | p50 ratio | p99 ratio |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---:|---:|");
        for (int q = 0; q < names.size(); q++) {
            long[] without = latencies[2 * q];
            long[] with = latencies[2 * q + 1];
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", names.get(q),
                    quantile(without, 0.50), quantile(without, 0.99), quantile(with, 0.50), quantile(with, 0.99),
                    ratio(with, without, 0.50), ratio(with, without, 0.99));
        }
        System.out.println();
    }

    /** A quantile of sorted latencies in microseconds, in milliseconds: the one formula of every table. */
    private static double quantile(long[] sorted, double quantile) {
        return sorted[(int) (sorted.length * quantile)] / 1000.0;
    }

    // ----- export -------------------------------------------------------------------------------

    private static void export(InboxKit kit, HikariDataSource pool) throws Exception {
        AccountId account = AccountId.of("bench-export");
        kit.administration().createAccount(account, "Export", AccountSettings.builder().defaultRegion("US").build());
        var first = kit.ingestion().receive(account, IncomingMessage.builder().carrierMessageId("export-first")
                .contactNumber("+12025550100").accountNumber("+12025559999").text("first").build());
        long start = System.nanoTime();
        try (Connection connection = pool.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO messages (account_id, message_id,"
                        + " conversation_id, sequence, phone_e164, direction, body, body_lower, media, status, is_read,"
                        + " author_id, created_at)"
                        + " SELECT ?, gen_random_uuid(), ?, n + 1, ?, 'OUTBOUND',"
                        + " 'Reply ' || n || ', with \"quotes\", a comma, and your order number ' || md5(n::text),"
                        + " 'reply', '[]', 'DELIVERED', true, 'alice', ? + n * interval '1 millisecond'"
                        + " FROM generate_series(1, ?) AS n")) {
            insert.setString(1, account.value());
            insert.setObject(2, first.conversation().id().value());
            insert.setString(3, "+12025550100");
            insert.setObject(4, OffsetDateTime.parse("2026-01-01T00:00:00Z"));
            insert.setInt(5, EXPORT_MESSAGES - 1);
            insert.executeUpdate();
            connection.createStatement().execute("ANALYZE messages");
        }
        System.out.printf(Locale.ROOT, "### Export (F39), %,d messages of one account, pages of %d, messages per second%n%n",
                EXPORT_MESSAGES, ExportRequest.DEFAULT_PAGE_SIZE);
        System.out.printf(Locale.ROOT, "(generated in %.1f s)%n%n", (System.nanoTime() - start) / 1e9);
        ExportRequest all = ExportRequest.between(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
        System.out.println("| round | bare keyset SELECT (baseline) | CSV | JSON Lines | CSV / baseline | JSON Lines / baseline |");
        System.out.println("|---:|---:|---:|---:|---:|---:|");
        for (int round = 0; round <= 2; round++) {
            double baseline = perSecond(() -> bareKeyset(pool, account));
            double csv = perSecond(() -> kit.export().run(account, all, CsvExporter.to(OutputStream.nullOutputStream())).messages());
            double jsonl = perSecond(() -> kit.export().run(account, all, JsonLinesExporter.to(OutputStream.nullOutputStream())).messages());
            // round 0 warms the code up: printed, not to be quoted
            System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f | %.2f | %.2f |%n", round == 0 ? "warm-up" : round,
                    baseline, csv, jsonl, csv / baseline, jsonl / baseline);
        }
        System.out.println();
    }

    /** Something that processes a number of messages. */
    private interface Counted {
        long run() throws Exception;
    }

    private static double perSecond(Counted work) throws Exception {
        long start = System.nanoTime();
        long messages = work.run();
        if (messages != EXPORT_MESSAGES) {
            throw new IllegalStateException("expected " + EXPORT_MESSAGES + " messages, got " + messages);
        }
        return messages / ((System.nanoTime() - start) / 1e9);
    }

    /** The export's rows, read by the same keyset in pages of the same size on raw JDBC, each page a transaction. */
    private static long bareKeyset(HikariDataSource pool, AccountId account) throws SQLException {
        long rows = 0;
        OffsetDateTime afterAt = OffsetDateTime.parse("1970-01-01T00:00:00Z");
        UUID afterId = new UUID(0, 0);
        try (Connection connection = pool.getConnection();
                PreparedStatement page = connection.prepareStatement("SELECT message_id, conversation_id, sequence,"
                        + " phone_e164, direction, body, media, sender_id, carrier_message_id, status, is_read, author_id,"
                        + " broadcast_label, scheduled_for, carrier_received_at, created_at, text_repairs FROM messages"
                        + " WHERE account_id = ? AND created_at >= ? AND (created_at > ? OR (created_at = ? AND message_id > ?))"
                        + " ORDER BY account_id, created_at, message_id LIMIT ?")) {
            connection.setAutoCommit(false);
            while (true) {
                page.setString(1, account.value());
                page.setObject(2, afterAt);
                page.setObject(3, afterAt);
                page.setObject(4, afterAt);
                page.setObject(5, afterId);
                page.setInt(6, ExportRequest.DEFAULT_PAGE_SIZE);
                int read = 0;
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        for (int column = 1; column <= 17; column++) {
                            rs.getObject(column);
                        }
                        afterAt = rs.getObject(16, OffsetDateTime.class);
                        afterId = rs.getObject(1, UUID.class);
                        read++;
                    }
                }
                connection.commit();
                rows += read;
                if (read < ExportRequest.DEFAULT_PAGE_SIZE) {
                    return rows;
                }
            }
        }
    }

    // ----- helpers ----------------------------------------------------------------------------

    private static long count(HikariDataSource pool, String table) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String setting(HikariDataSource pool, String name) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String serverVersion(HikariDataSource pool) throws SQLException {
        return "PostgreSQL " + setting(pool, "server_version");
    }
}
