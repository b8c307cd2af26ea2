package io.github.inboxkit.micrometer;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.event.InboxEventListener;
import io.github.inboxkit.core.sending.Dispatcher;
import io.github.inboxkit.core.sending.DispatcherRunner;
import io.github.inboxkit.core.retention.PurgeSummary;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.OutboxStatistics;
import io.github.inboxkit.core.webhook.WebhookOutcome;
import io.github.inboxkit.core.webhook.Webhooks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Micrometer metrics for one InboxKit engine, with no Spring needed: the front door of this module.
 * It measures what the engine already tells (its events, the carriers' answers, the dispatcher's
 * step summaries, the purge's summary, the webhook front door's outcome) and, on a schedule, one
 * cheap statistics query of the store; it adds no work to a use case's transaction.
 *
 * <pre>{@code
 * InboxKitMetrics metrics = InboxKitMetrics.builder().registry(registry).tagAccounts(false).build();
 * InboxKit kit = InboxKit.builder()
 *         .store(store)
 *         .carrier(metrics.carrier(twilio))                  // sends, submit latency, delivery reports
 *         .eventListener(InboxEventListener.both(metrics.eventListener(), hostListener))
 *         .build();
 * Dispatcher dispatcher = metrics.dispatcher(kit.sending().dispatcher()); // steps and their summaries
 * DispatcherRunner runner = DispatcherRunner.start(dispatcher, executor, Duration.ofSeconds(1));
 * metrics.bindRunner(runner);                                 // lanes alive, failed steps
 * metrics.bindQueueDepth(store, clock);                       // queue depth, oldest due message
 * Webhooks webhooks = metrics.webhooks(kit.webhooks());       // duplicates, refusals
 * metrics.recordPurge(kit.retention().purgeExpired());          // retention purge rows
 * }</pre>
 *
 * <p>Every metric's name is a constant of this class; {@code docs/observability.md} gives each one's
 * meaning, tags and an alert to set. Tags are bounded: a carrier's id, a sender kind, an outcome, a
 * reason or status from a fixed set, and an account id only when {@link Builder#tagAccounts} is on.
 * No tag ever holds a phone number or a message body.
 *
 * <p>Thread-safe: every method may be called from any thread, and the instrumented carrier,
 * dispatcher, webhooks and listener are as thread-safe as what they wrap.
 */
public final class InboxKitMetrics {

    /** Counter: a carrier's answers to submits; tags {@code carrier}, {@code sender.kind}, {@code outcome}, {@code reason}. */
    public static final String CARRIER_SENDS = "inboxkit.carrier.sends";
    /** Timer: how long a carrier's submit took; tags {@code carrier}, {@code sender.kind}, {@code outcome}. */
    public static final String CARRIER_SUBMIT = "inboxkit.carrier.submit";
    /** Counter: a carrier's submission lookups; tags {@code carrier}, {@code result}. */
    public static final String CARRIER_LOOKUPS = "inboxkit.carrier.lookups";
    /** Counter: delivery reports a carrier's webhooks carried; tags {@code carrier}, {@code status}. */
    public static final String DELIVERY_REPORTS = "inboxkit.delivery.reports";
    /** Counter: inbound messages stored; tag {@code account} when enabled. */
    public static final String MESSAGES_RECEIVED = "inboxkit.messages.received";
    /** Counter: outbound messages recorded in a thread; tag {@code account} when enabled. */
    public static final String MESSAGES_OUTBOUND = "inboxkit.messages.outbound";
    /** Counter: outbound messages' status changes; tags {@code status}, {@code account} when enabled. */
    public static final String MESSAGE_STATUS = "inboxkit.messages.status";
    /** Counter: outbound messages held by the account's quiet hours (F41); tag {@code account} when enabled. */
    public static final String MESSAGES_HELD = "inboxkit.messages.held";
    /** Counter: held outbound messages released at the window's opening (F41); tag {@code account} when enabled. */
    public static final String MESSAGES_RELEASED = "inboxkit.messages.released";
    /** Counter: opt-outs and opt-ins; tags {@code action}, {@code source}, {@code account} when enabled. */
    public static final String SUBSCRIPTIONS = "inboxkit.subscriptions";
    /** Counter: webhook requests handled; tags {@code outcome}, {@code reason}. */
    public static final String WEBHOOK_REQUESTS = "inboxkit.webhook.requests";
    /** Counter: items of webhook requests recognised as repeats; tag {@code kind}. */
    public static final String WEBHOOK_DUPLICATES = "inboxkit.webhook.duplicates";
    /** Timer: dispatcher steps and their duration; tag {@code outcome} (idle, busy, failed). */
    public static final String DISPATCHER_STEPS = "inboxkit.dispatcher.steps";
    /** Counter: what dispatcher steps did to messages; tag {@code result}. */
    public static final String DISPATCHER_MESSAGES = "inboxkit.dispatcher.messages";
    /** Time gauge: time since the last dispatcher step that ended without an exception. */
    public static final String DISPATCHER_LAST_SUCCESS_AGE = "inboxkit.dispatcher.last.success.age";
    /** Gauge: dispatcher lanes running, over every bound runner. */
    public static final String DISPATCHER_LANES_ALIVE = "inboxkit.dispatcher.lanes.alive";
    /** Gauge: dispatcher lanes configured, over every bound runner. */
    public static final String DISPATCHER_LANES_CONFIGURED = "inboxkit.dispatcher.lanes.configured";
    /** Function counter: dispatcher steps that failed, as the bound runners count them. */
    public static final String DISPATCHER_FAILED_STEPS = "inboxkit.dispatcher.failed.steps";
    /** Gauge: pending outbox entries; tag {@code state} (due, scheduled, retrying, sending). */
    public static final String OUTBOX_DEPTH = "inboxkit.outbox.depth";
    /** Time gauge: how long the oldest due outbox entry has been due. */
    public static final String OUTBOX_OLDEST_DUE_AGE = "inboxkit.outbox.oldest.due.age";
    /** Counter: statistics queries of the outbox that failed. */
    public static final String OUTBOX_STATISTICS_FAILURES = "inboxkit.outbox.statistics.failures";
    /** Counter: rows the retention purge deleted; tag {@code kind}. */
    public static final String RETENTION_PURGED = "inboxkit.retention.purged";
    /** Counter: retention purges recorded. */
    public static final String RETENTION_PURGES = "inboxkit.retention.purges";

    /** The default longest time a queue depth reading is served before a gauge's read refreshes it. */
    public static final Duration DEFAULT_QUEUE_DEPTH_MAX_AGE = Duration.ofSeconds(15);

    private final MeterRegistry registry;
    private final boolean tagAccounts;
    private final double[] submitPercentiles;
    private final boolean submitHistogram;
    private final Duration queueDepthMaxAge;
    private final Clock clock;
    private final DispatchActivity activity;
    private final EventMeters eventMeters;
    private final WebhookMeters webhookMeters;
    private final PurgeMeters purgeMeters;
    private final List<DispatcherRunner> runners = new CopyOnWriteArrayList<>();
    private final StepMeters stepMeters;
    private final AtomicBoolean queueDepthBound = new AtomicBoolean();

    private InboxKitMetrics(Builder builder) {
        this.registry = builder.registry;
        this.tagAccounts = builder.tagAccounts;
        this.submitPercentiles = builder.submitPercentiles.clone();
        this.submitHistogram = builder.submitHistogram;
        this.queueDepthMaxAge = builder.queueDepthMaxAge;
        this.clock = builder.clock;
        this.activity = DispatchActivity.create(clock);
        this.eventMeters = new EventMeters(registry, tagAccounts);
        this.webhookMeters = new WebhookMeters(registry);
        this.purgeMeters = new PurgeMeters(registry);
        this.stepMeters = new StepMeters(registry);
        // gauges hold their objects strongly: a host may drop this instance once it is wired
        TimeGauge.builder(DISPATCHER_LAST_SUCCESS_AGE, activity,
                        TimeUnit.MILLISECONDS, tracked -> tracked.sinceLastSuccessfulStep().toMillis())
                .description("Time since the last dispatcher step that ended without an exception (or since the"
                        + " metrics were created, before the first)")
                .strongReference(true)
                .register(registry);
        Gauge.builder(DISPATCHER_LANES_ALIVE, runners, InboxKitMetrics::lanesAlive)
                .description("Dispatcher lanes running, over every bound runner")
                .strongReference(true)
                .register(registry);
        Gauge.builder(DISPATCHER_LANES_CONFIGURED, runners,
                        bound -> bound.stream().mapToInt(DispatcherRunner::concurrency).sum())
                .description("Dispatcher lanes configured, over every bound runner")
                .strongReference(true)
                .register(registry);
        FunctionCounter.builder(DISPATCHER_FAILED_STEPS, runners,
                        bound -> bound.stream().mapToLong(DispatcherRunner::failedSteps).sum())
                .description("Dispatcher steps that ended with an exception, as the bound runners count them")
                .register(registry); // weakly held, but the lanes gauges hold the list strongly
    }

    /**
     * Starts building the metrics of one engine.
     *
     * @return a new builder, not thread-safe
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Wraps a carrier so that its submits are counted by outcome and reason and timed, its
     * submission lookups counted by result, and the delivery reports its webhooks carry counted by
     * status. Every method of {@link Carrier} is delegated unchanged, the optional {@link
     * Carrier#submissionLookup()} included; a submit that throws is counted as a transient
     * {@code unexpected_error} (as the engine treats it) and the exception rethrown.
     *
     * <p>Hand the returned carrier to {@code InboxKit.builder().carrier(...)} in place of the original.
     *
     * @param carrier the carrier to measure
     * @return the measured carrier, with the same id and capabilities; thread-safe as the carrier is
     * @throws NullPointerException if the carrier is null
     */
    public Carrier carrier(Carrier carrier) {
        Objects.requireNonNull(carrier, "carrier");
        return new MeteredCarrier(carrier, registry, submitPercentiles, submitHistogram);
    }

    /**
     * Wraps a dispatcher so that each step is timed (idle, busy or failed), its summary counted by
     * result, and its success noted in {@link #dispatchActivity()}. Every method is delegated
     * unchanged; an exception of a step is rethrown after it is counted.
     *
     * @param dispatcher the dispatcher, e.g. {@code kit.sending().dispatcher()}
     * @return the measured dispatcher, to run (e.g. with a {@link DispatcherRunner}) in its place
     * @throws NullPointerException if the dispatcher is null
     */
    public Dispatcher dispatcher(Dispatcher dispatcher) {
        Objects.requireNonNull(dispatcher, "dispatcher");
        return new MeteredDispatcher(dispatcher, stepMeters, activity, registry.config().clock());
    }

    /**
     * Wraps the webhook front door so that each request's outcome is recorded with {@link
     * #recordWebhook(WebhookOutcome)}: requests by outcome and refusal, and the items recognised as
     * repeats (duplicates). Every method is delegated unchanged.
     *
     * @param webhooks the front door, e.g. {@code kit.webhooks()}
     * @return the measured front door
     * @throws NullPointerException if the argument is null
     */
    public Webhooks webhooks(Webhooks webhooks) {
        Objects.requireNonNull(webhooks, "webhooks");
        return new MeteredWebhooks(webhooks, this);
    }

    /**
     * The listener that counts the engine's events: inbound messages, outbound messages recorded,
     * outbound status changes, opt-outs and opt-ins. Chain it with the host's own listener with
     * {@link InboxEventListener#both}. It never throws and does not block.
     *
     * @return the listener; the same instance on every call
     */
    public InboxEventListener eventListener() {
        return eventMeters;
    }

    /**
     * Registers the queue depth gauges ({@value #OUTBOX_DEPTH} by state, and {@value
     * #OUTBOX_OLDEST_DUE_AGE}) on a store's {@link io.github.inboxkit.core.store.OutboxStatistics}.
     * The gauges serve the last reading; a gauge read (the registry's publishing) takes a new one
     * when the last is older than {@link Builder#queueDepthMaxAge}, and a host may also call {@link
     * QueueDepthGauges#refresh()} from its own scheduler. No thread is started.
     *
     * @param store the store, which must implement {@code OutboxStatistics} (the in-memory and the
     *     JDBC store do)
     * @param clock the clock to judge due entries by: the engine's
     * @return the gauges' handle
     * @throws UnsupportedStoreException if the store cannot count its outbox
     * @throws IllegalStateException if this instance already bound queue depth gauges
     */
    public QueueDepthGauges bindQueueDepth(InboxStore store, Clock clock) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        OutboxStatistics statistics = UnsupportedStoreException.statisticsOf(store);
        if (!queueDepthBound.compareAndSet(false, true)) {
            throw new IllegalStateException("queue depth gauges are already bound: a registry keeps the first gauges"
                    + " of a name, so a second binding would never be read");
        }
        return QueueDepthGauges.register(registry, statistics, clock, queueDepthMaxAge);
    }

    /**
     * Adds a runner's lanes to {@value #DISPATCHER_LANES_ALIVE} and {@value
     * #DISPATCHER_LANES_CONFIGURED}, and its failed steps to {@value #DISPATCHER_FAILED_STEPS}. A
     * stopped runner's lanes count as configured and not alive until {@link #unbindRunner} is called.
     *
     * @param runner the runner
     * @throws NullPointerException if the runner is null
     */
    public void bindRunner(DispatcherRunner runner) {
        Objects.requireNonNull(runner, "runner");
        if (!runners.contains(runner)) {
            runners.add(runner);
        }
    }

    /**
     * Removes a runner bound with {@link #bindRunner}, e.g. when the host replaces it; idempotent.
     * Its failed steps leave {@value #DISPATCHER_FAILED_STEPS}, which a registry sees as a reset.
     *
     * @param runner the runner
     */
    public void unbindRunner(DispatcherRunner runner) {
        runners.remove(runner);
    }

    /**
     * Records what a retention purge deleted, by kind of row. Call it with each summary, e.g.
     * {@code metrics.recordPurge(kit.retention().purgeExpired())}.
     *
     * @param summary the purge's summary
     * @throws NullPointerException if the summary is null
     */
    public void recordPurge(PurgeSummary summary) {
        purgeMeters.record(Objects.requireNonNull(summary, "summary"));
    }

    /**
     * Records one webhook request's outcome: the request by outcome and reason, and its repeated
     * items as duplicates. {@link #webhooks(Webhooks)} calls it for every request; a host that
     * calls the front door itself may call it instead.
     *
     * @param outcome what the front door answered
     * @throws NullPointerException if the outcome is null
     */
    public void recordWebhook(WebhookOutcome outcome) {
        webhookMeters.record(Objects.requireNonNull(outcome, "outcome"));
    }

    /**
     * When the measured dispatchers' steps last succeeded: what {@link InboxKitHealth} judges a
     * stuck dispatcher by.
     *
     * @return the activity of every dispatcher wrapped by {@link #dispatcher(Dispatcher)}
     */
    public DispatchActivity dispatchActivity() {
        return activity;
    }

    /** @return the registry the metrics are registered in */
    public MeterRegistry registry() {
        return registry;
    }

    /** @return whether the event counters carry an {@code account} tag */
    public boolean tagsAccounts() {
        return tagAccounts;
    }

    private static double lanesAlive(List<DispatcherRunner> bound) {
        int alive = 0;
        for (DispatcherRunner runner : bound) {
            alive += runner.isStopped() ? 0 : runner.concurrency();
        }
        return alive;
    }

    /**
     * Builds {@link InboxKitMetrics}. Not thread-safe; each setting refuses a bad value at once.
     */
    public static final class Builder {

        private MeterRegistry registry;
        private boolean tagAccounts;
        private double[] submitPercentiles = new double[0];
        private boolean submitHistogram;
        private Duration queueDepthMaxAge = DEFAULT_QUEUE_DEPTH_MAX_AGE;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * The registry to register the metrics in. Required.
         *
         * @param registry the registry, e.g. Spring's or a {@code PrometheusMeterRegistry}
         * @return this builder
         * @throws NullPointerException if the registry is null
         */
        public Builder registry(MeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Whether the event counters carry the account's id as an {@code account} tag. Off by
         * default: every account adds a time series per counter and tag value, which a host with
         * many accounts cannot afford. Carrier, dispatcher and queue metrics never carry it.
         *
         * @param tagAccounts true to tag by account
         * @return this builder
         */
        public Builder tagAccounts(boolean tagAccounts) {
            this.tagAccounts = tagAccounts;
            return this;
        }

        /**
         * Percentiles the carrier submit timer computes on this node (e.g. 0.5, 0.95, 0.99). None
         * by default: client-side percentiles cost memory per time series and cannot be added up
         * across nodes; prefer {@link #submitLatencyHistogram} with a backend that aggregates.
         *
         * @param percentiles each between 0 and 1 exclusive of neither bound
         * @return this builder
         * @throws InvalidValueException if a value is outside [0, 1]
         */
        public Builder submitLatencyPercentiles(double... percentiles) {
            Objects.requireNonNull(percentiles, "percentiles");
            for (double percentile : percentiles) {
                if (!(percentile >= 0 && percentile <= 1)) {
                    throw new InvalidValueException("submitLatencyPercentiles", "each must be between 0 and 1, got "
                            + percentile);
                }
            }
            this.submitPercentiles = percentiles.clone();
            return this;
        }

        /**
         * Whether the carrier submit timer publishes a percentile histogram (buckets a backend such
         * as Prometheus aggregates across nodes). Off by default.
         *
         * @param histogram true to publish the histogram
         * @return this builder
         */
        public Builder submitLatencyHistogram(boolean histogram) {
            this.submitHistogram = histogram;
            return this;
        }

        /**
         * The longest a queue depth reading is served before a gauge's read takes a new one;
         * default {@link #DEFAULT_QUEUE_DEPTH_MAX_AGE}. A host that refreshes on its own schedule
         * ({@link QueueDepthGauges#refresh()}) may set it longer than that schedule's period.
         *
         * @param maxAge positive
         * @return this builder
         * @throws InvalidValueException if the age is not positive
         */
        public Builder queueDepthMaxAge(Duration maxAge) {
            Objects.requireNonNull(maxAge, "maxAge");
            if (maxAge.isNegative() || maxAge.isZero()) {
                throw new InvalidValueException("queueDepthMaxAge", "must be positive, got " + maxAge);
            }
            this.queueDepthMaxAge = maxAge;
            return this;
        }

        /**
         * The clock that dates dispatcher steps for {@link #dispatchActivity()}; default the system
         * clock, UTC. Durations of steps and submits are measured with the registry's clock.
         *
         * @param clock the clock, usually the engine's
         * @return this builder
         * @throws NullPointerException if the clock is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Registers the metrics that exist from the start (dispatcher lanes and last success) and
         * returns the metrics.
         *
         * @return the metrics
         * @throws io.github.inboxkit.core.MissingValueException if no registry was given
         */
        public InboxKitMetrics build() {
            if (registry == null) {
                throw new io.github.inboxkit.core.MissingValueException("registry");
            }
            return new InboxKitMetrics(this);
        }
    }

    /** Creates a counter with a description, for the meter classes of this package. */
    static Counter counter(MeterRegistry registry, String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }
}
