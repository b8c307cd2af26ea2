package io.github.inboxkit.benchmarks.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.sending.BroadcastRequest;
import io.github.inboxkit.core.sending.DispatchSummary;
import io.github.inboxkit.core.sending.Dispatcher;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.webhook.WebhookOutcome;
import io.github.inboxkit.core.webhook.Webhooks;
import io.github.inboxkit.jdbc.JdbcInboxStore;
import io.github.inboxkit.micrometer.InboxKitMetrics;
import io.github.inboxkit.micrometer.QueueDepthGauges;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Measures what the Micrometer metrics (inbox-micrometer) cost the hot paths, metrics off and on in
 * the same run, on the JDBC store and an embedded PostgreSQL 17: dispatch (claim, simulated carrier
 * with zero latency, record; one step at a time) and webhook ingestion (one inbound message per
 * request, a new thread each, on {@code threads} HTTP-like threads).
 *
 * <p>Two engines share one store: one plain, one built as a host wires the metrics (measured
 * carrier, measured dispatcher and webhooks, the metrics' event listener), with the queue depth
 * gauges refreshed every second on a scheduler while its rounds run. Rounds alternate off, on, on,
 * off, ... (ABBA), so that drift of the shared machine falls on both sides alike, after one
 * warm-up round of each that is not reported. The tables are vacuumed and analysed before each
 * dispatch round.
 *
 * <p>Each round reports its wall-clock throughput and the JVM's CPU time per message (every thread
 * of the benchmark's JVM, GC and the gauges' refresh included; PostgreSQL's own processes not): on a
 * shared, loaded machine the second moves much less with the load than the first.
 *
 * <p>Settings are system properties: {@code rounds} (4 per side), {@code dispatchMessages} (5000
 * per round), {@code ingestMessages} (1000 per round), {@code threads} (2). Not part of
 * {@code mvn verify}: see docs/performance.md.
 */
public final class MetricsOverheadBenchmark {

    private static final int ROUNDS = Integer.getInteger("rounds", 4);
    private static final int DISPATCH = Integer.getInteger("dispatchMessages", 5_000);
    private static final int INGEST = Integer.getInteger("ingestMessages", 1_000);
    private static final int THREADS = Integer.getInteger("threads", 2);
    private static final AccountId ACCOUNT = AccountId.of("bench-metrics");
    private static final String NUMBER = "+14155550100";

    private MetricsOverheadBenchmark() {}

    /** One round's figures: messages per second (wall clock), and the JVM's CPU time per message. */
    private record Measure(double rate, double cpuMicrosPerMessage) {}

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** One side of the comparison: an engine's dispatcher and webhook front door. */
    private record Side(String name, Dispatcher dispatcher, Webhooks webhooks, Runnable start, Runnable stop) {}

    /**
     * Runs the benchmark.
     *
     * @param args ignored; settings are system properties
     * @throws Exception if the server or a statement fails
     */
    public static void main(String[] args) throws Exception {
        BenchmarkLogging.quiet();
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off")
                .setServerConfig("shared_buffers", "512MB").start()) {
            try (Connection admin = server.getPostgresDatabase().getConnection();
                    Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE metrics_bench");
            }
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(server.getJdbcUrl("postgres", "metrics_bench"));
            config.setUsername("postgres");
            config.setMaximumPoolSize(4);
            try (HikariDataSource pool = new HikariDataSource(config)) {
                run(pool);
            }
        }
    }

    private static void run(HikariDataSource pool) throws Exception {
        JdbcInboxStore store = JdbcInboxStore.create(pool);
        store.migrate();
        SimulatedCarrier carrier = DispatchBenchmark.fastCarrier();
        ExecutorService carrierCalls = DispatchBenchmark.carrierCallPool();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            InboxKit plain = InboxKit.builder().store(store).carrier(carrier)
                    .sendingOptions(options -> options.carrierCallExecutor(carrierCalls)).build();
            plain.administration().createAccount(ACCOUNT, "Metrics", AccountSettings.builder()
                    .senderIds(List.of(NUMBER)).defaultSenderId(NUMBER).build());
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            InboxKitMetrics metrics = InboxKitMetrics.builder().registry(registry).build();
            InboxKit metered = InboxKit.builder().store(store).carrier(metrics.carrier(carrier))
                    .eventListener(metrics.eventListener())
                    .sendingOptions(options -> options.carrierCallExecutor(carrierCalls)).build();
            QueueDepthGauges gauges = metrics.bindQueueDepth(store, Clock.systemUTC());
            ScheduledFuture<?>[] refreshing = new ScheduledFuture<?>[1];
            Side off = new Side("off", plain.sending().dispatcher(), plain.webhooks(), () -> {}, () -> {});
            Side on = new Side("on", metrics.dispatcher(metered.sending().dispatcher()), metrics.webhooks(metered.webhooks()),
                    () -> refreshing[0] = scheduler.scheduleAtFixedRate(gauges::refresh, 0, 1, TimeUnit.SECONDS),
                    () -> refreshing[0].cancel(false));

            int[] round = {0};
            // warm-up, not reported: the JIT, the pool, the statement caches, both engines
            for (Side side : List.of(off, on)) {
                dispatchRound(pool, plain, side, round[0]++);
                ingestRound(carrier, side, round[0]++);
            }
            List<Measure> dispatchOff = new ArrayList<>();
            List<Measure> dispatchOn = new ArrayList<>();
            List<Measure> ingestOff = new ArrayList<>();
            List<Measure> ingestOn = new ArrayList<>();
            for (int i = 0; i < ROUNDS * 2; i++) {
                boolean metricsOn = i % 4 == 1 || i % 4 == 2; // off, on, on, off, ...
                Side side = metricsOn ? on : off;
                (metricsOn ? dispatchOn : dispatchOff).add(dispatchRound(pool, plain, side, round[0]++));
                (metricsOn ? ingestOn : ingestOff).add(ingestRound(carrier, side, round[0]++));
            }
            System.out.printf(Locale.ROOT, "## Metrics off and on, same run (embedded PostgreSQL 17, fsync=off,"
                    + " %d cores, %d rounds a side, ABBA)%n%n", Runtime.getRuntime().availableProcessors(), ROUNDS);
            System.out.println("| what (median of the rounds) | metrics off | metrics on | on / off |");
            System.out.println("|---|---:|---:|---:|");
            String dispatch = "dispatch, one step at a time, " + String.format(Locale.ROOT, "%,d", DISPATCH) + " messages a round";
            String ingest = "webhook ingestion, " + THREADS + " threads, " + String.format(Locale.ROOT, "%,d", INGEST)
                    + " messages a round";
            report(dispatch + ": messages/s", dispatchOff, dispatchOn, Measure::rate);
            report(dispatch + ": JVM CPU µs per message", dispatchOff, dispatchOn, Measure::cpuMicrosPerMessage);
            report(ingest + ": messages/s", ingestOff, ingestOn, Measure::rate);
            report(ingest + ": JVM CPU µs per message", ingestOff, ingestOn, Measure::cpuMicrosPerMessage);
            System.out.println();
            System.out.println("Rounds, in order (messages/s | JVM CPU µs per message): dispatch off "
                    + rounds(dispatchOff) + ", on " + rounds(dispatchOn) + "; ingestion off " + rounds(ingestOff)
                    + ", on " + rounds(ingestOn));
            System.out.printf(Locale.ROOT, "Sanity: the metrics counted %.0f sends and %.0f inbound messages.%n",
                    registry.get(InboxKitMetrics.CARRIER_SENDS).counters().stream().mapToDouble(c -> c.count()).sum(),
                    registry.get(InboxKitMetrics.MESSAGES_RECEIVED).counter().count());
        } finally {
            scheduler.shutdownNow();
            carrierCalls.shutdownNow();
        }
    }

    /** Queues a broadcast's copies with the plain engine, then times the side's dispatcher sending them. */
    private static Measure dispatchRound(HikariDataSource pool, InboxKit queuing, Side side, int round) throws Exception {
        List<Recipient> recipients = new ArrayList<>(DISPATCH);
        for (int i = 0; i < DISPATCH; i++) {
            recipients.add(Recipient.number(number(round, i)));
        }
        queuing.sending().broadcast(ACCOUNT, BroadcastRequest.builder().name("Round " + round).recipients(recipients)
                .draft(Draft.ofText("Black Friday: 20% off today")).build());
        while (queuing.sending().dispatcher().writeBroadcastCopies() > 0) {
            // every copy in its thread and the outbox before the clock starts
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
        side.start().run();
        try {
            long cpu = OS.getProcessCpuTime();
            long start = System.nanoTime();
            int sent = 0;
            int idle = 0;
            while (idle < 2) {
                DispatchSummary step = side.dispatcher().dispatchDue();
                sent += step.sent();
                idle = step.isIdle() ? idle + 1 : 0;
            }
            if (sent != DISPATCH) {
                throw new IllegalStateException("sent " + sent + " of " + DISPATCH);
            }
            return measure(sent, start, cpu);
        } finally {
            side.stop().run();
        }
    }

    /** Times the side's webhook front door storing one new inbound message per request. */
    private static Measure ingestRound(SimulatedCarrier carrier, Side side, int round) throws Exception {
        List<WebhookRequest> requests = new ArrayList<>(INGEST);
        for (int i = 0; i < INGEST; i++) {
            requests.add(carrier.inboundWebhook(number(round, i), NUMBER, "Is my order ready? " + i));
        }
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        side.start().run();
        try {
            long cpu = OS.getProcessCpuTime();
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                futures.add(threads.submit(() -> {
                    for (int i = first; i < INGEST; i += THREADS) {
                        WebhookOutcome outcome = side.webhooks().handle(carrier.id(), requests.get(i));
                        if (outcome.httpStatus() != 200) {
                            throw new IllegalStateException(outcome.responseBody());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return measure(INGEST, start, cpu);
        } finally {
            side.stop().run();
            threads.shutdownNow();
        }
    }

    private static Measure measure(int messages, long startNanos, long startCpuNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return new Measure(messages / seconds, (OS.getProcessCpuTime() - startCpuNanos) / 1e3 / messages);
    }

    private static void report(String what, List<Measure> off, List<Measure> on,
            java.util.function.ToDoubleFunction<Measure> figure) {
        double offMedian = median(off.stream().map(figure::applyAsDouble).toList());
        double onMedian = median(on.stream().map(figure::applyAsDouble).toList());
        System.out.printf(Locale.ROOT, "| %s | %,.1f | %,.1f | %.3f |%n", what, offMedian, onMedian, onMedian / offMedian);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String rounds(List<Measure> values) {
        return Arrays.toString(values.stream()
                .map(value -> String.format(Locale.ROOT, "%,.0f | %.0f", value.rate(), value.cpuMicrosPerMessage()))
                .toArray());
    }

    private static String number(int round, int i) {
        return "+1" + (3_000_000_000L + round * 100_000L + i);
    }
}
