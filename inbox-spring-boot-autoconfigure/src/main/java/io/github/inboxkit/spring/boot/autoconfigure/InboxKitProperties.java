package io.github.inboxkit.spring.boot.autoconfigure;

import io.github.inboxkit.core.sending.DispatcherRunner;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The {@code inboxkit.*} properties of the starter. Every property has a default; an application
 * that sets none gets the JDBC store on its {@code DataSource} (migrated at start-up), no carrier,
 * and so no dispatcher, purge or webhook endpoint.
 *
 * <p>The values are checked when they are bound: a bad value fails start-up with a message that
 * names the property ({@code inboxkit.dispatcher.interval}, say), the value and what it must be.
 *
 * <p>Not thread-safe while Spring binds it; read-only afterwards.
 */
@ConfigurationProperties(prefix = InboxKitProperties.PREFIX)
public class InboxKitProperties implements Validator {

    /** The prefix of every property of the starter. */
    public static final String PREFIX = "inboxkit";

    /**
     * Carriers to load through their providers ({@code Carriers.load}), by carrier id, e.g. {@code
     * inboxkit.carriers.simulator.settings.webhookSecret=...}. The first one is the default carrier
     * unless {@code inboxkit.default-carrier} names another. A {@code Carrier} bean of the
     * application replaces the carrier of the same id.
     */
    private final Map<String, CarrierProperties> carriers = new LinkedHashMap<>();

    /** The id of the carrier that sends when a request names none; the first carrier when unset. */
    private String defaultCarrier;

    private final Jdbc jdbc = new Jdbc();
    private final Dispatcher dispatcher = new Dispatcher();
    private final Retention retention = new Retention();
    private final Snooze snooze = new Snooze();
    private final Webhook webhook = new Webhook();
    private final Events events = new Events();
    private final Metrics metrics = new Metrics();

    /** @return the carriers to load, by id, in the order they were configured */
    public Map<String, CarrierProperties> getCarriers() {
        return carriers;
    }

    /** @return the default carrier's id, or {@code null} for the first carrier */
    public String getDefaultCarrier() {
        return defaultCarrier;
    }

    /** @param defaultCarrier the default carrier's id */
    public void setDefaultCarrier(String defaultCarrier) {
        this.defaultCarrier = defaultCarrier;
    }

    /** @return the JDBC store's properties */
    public Jdbc getJdbc() {
        return jdbc;
    }

    /** @return the dispatcher's properties */
    public Dispatcher getDispatcher() {
        return dispatcher;
    }

    /** @return the retention purge's properties */
    public Retention getRetention() {
        return retention;
    }

    /** @return the snooze waker's properties */
    public Snooze getSnooze() {
        return snooze;
    }

    /** @return the webhook endpoint's properties */
    public Webhook getWebhook() {
        return webhook;
    }

    /** @return the application events' properties */
    public Events getEvents() {
        return events;
    }

    /** @return the metrics' properties */
    public Metrics getMetrics() {
        return metrics;
    }

    /** The path a carrier's webhooks are served at: its own, or the base path and its id. */
    String webhookPath(String carrierId) {
        CarrierProperties carrier = carriers.get(carrierId);
        if (carrier != null && carrier.getWebhookPath() != null) {
            return carrier.getWebhookPath();
        }
        String base = webhook.getPath();
        return (base.endsWith("/") ? base : base + "/") + carrierId;
    }

    @Override
    public boolean supports(Class<?> type) {
        return InboxKitProperties.class.isAssignableFrom(type);
    }

    /**
     * Checks every value; each error names the property (relative to {@value #PREFIX}) and says
     * what it must be.
     */
    @Override
    public void validate(Object target, Errors errors) {
        InboxKitProperties properties = (InboxKitProperties) target;
        properties.carriers.forEach((id, carrier) -> {
            if (id.isBlank()) {
                errors.rejectValue("carriers", "inboxkit.blank", "a carrier id must not be blank");
            }
            if (carrier.getWebhookPath() != null) {
                checkPath(errors, "carriers[" + id + "].webhookPath", carrier.getWebhookPath());
            }
        });
        if (properties.defaultCarrier != null && !properties.carriers.isEmpty()
                && !properties.carriers.containsKey(properties.defaultCarrier)) {
            errors.rejectValue("defaultCarrier", "inboxkit.unknown",
                    "must be one of the configured carriers " + properties.carriers.keySet());
        }
        checkPositive(errors, "dispatcher.interval", properties.dispatcher.interval);
        if (properties.dispatcher.concurrency < 1 || properties.dispatcher.concurrency > DispatcherRunner.MAX_CONCURRENCY) {
            errors.rejectValue("dispatcher.concurrency", "inboxkit.range",
                    "must be between 1 and " + DispatcherRunner.MAX_CONCURRENCY);
        }
        checkNotNegative(errors, "dispatcher.shutdownTimeout", properties.dispatcher.shutdownTimeout);
        checkPositive(errors, "retention.interval", properties.retention.interval);
        checkNotNegative(errors, "retention.initialDelay", properties.retention.initialDelay);
        checkNotNegative(errors, "retention.shutdownTimeout", properties.retention.shutdownTimeout);
        checkPositive(errors, "snooze.interval", properties.snooze.interval);
        checkNotNegative(errors, "snooze.shutdownTimeout", properties.snooze.shutdownTimeout);
        checkPositive(errors, "jdbc.cacheExpiry", properties.jdbc.cacheExpiry);
        checkPath(errors, "webhook.path", properties.webhook.path);
        if (properties.webhook.maxBodySize == null || properties.webhook.maxBodySize.toBytes() < 1
                || properties.webhook.maxBodySize.toBytes() > Integer.MAX_VALUE - 8) {
            errors.rejectValue("webhook.maxBodySize", "inboxkit.range", "must be between 1B and 2GB");
        }
    }

    private static void checkPositive(Errors errors, String field, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            errors.rejectValue(field, "inboxkit.positive", "must be a positive duration, e.g. 1s");
        }
    }

    private static void checkNotNegative(Errors errors, String field, Duration value) {
        if (value == null || value.isNegative()) {
            errors.rejectValue(field, "inboxkit.notNegative", "must be a duration of zero or more, e.g. 30s");
        }
    }

    private static void checkPath(Errors errors, String field, String path) {
        if (path == null || !path.startsWith("/") || path.contains("{") || path.contains("*")) {
            errors.rejectValue(field, "inboxkit.path", "must be a literal path starting with /, e.g. /webhooks");
        }
    }

    /** One carrier to load through its provider. */
    public static class CarrierProperties {

        /**
         * The carrier's settings, handed to its provider as they are (for the simulator: seed,
         * latencyMillis, webhookSecret, ...; for Twilio: its account and credentials).
         */
        private final Map<String, String> settings = new LinkedHashMap<>();

        /** The path its webhooks are served at; the webhook base path and the carrier id when unset. */
        private String webhookPath;

        /** @return the settings handed to the carrier's provider */
        public Map<String, String> getSettings() {
            return settings;
        }

        /** @return the carrier's own webhook path, or {@code null} for the default */
        public String getWebhookPath() {
            return webhookPath;
        }

        /** @param webhookPath the carrier's own webhook path */
        public void setWebhookPath(String webhookPath) {
            this.webhookPath = webhookPath;
        }
    }

    /** The JDBC store on the application's {@code DataSource}. */
    public static class Jdbc {

        /**
         * Whether to create or upgrade InboxKit's schema at start-up. Turn it off when the host's
         * own Flyway runs InboxKit's migration files.
         */
        private boolean migrate = true;

        /** How long this node may serve account settings and sender IDs another node has changed. */
        private Duration cacheExpiry = Duration.ofSeconds(5);

        /** @return whether the schema is migrated at start-up */
        public boolean isMigrate() {
            return migrate;
        }

        /** @param migrate whether the schema is migrated at start-up */
        public void setMigrate(boolean migrate) {
            this.migrate = migrate;
        }

        /** @return how long cached account settings may be stale */
        public Duration getCacheExpiry() {
            return cacheExpiry;
        }

        /** @param cacheExpiry how long cached account settings may be stale */
        public void setCacheExpiry(Duration cacheExpiry) {
            this.cacheExpiry = cacheExpiry;
        }
    }

    /** The dispatcher that sends what is due, on this node. */
    public static class Dispatcher {

        /** Whether this node runs the dispatcher; turn it off on nodes that should not send. */
        private boolean enabled = true;

        /** The pause after a step that did not claim a full batch. */
        private Duration interval = Duration.ofSeconds(1);

        /** How many dispatch steps may run at once on this node (one pool connection each). */
        private int concurrency = 1;

        /** How long shutdown waits for the steps in flight to finish. */
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        /** @return whether this node runs the dispatcher */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether this node runs the dispatcher */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the pause between steps */
        public Duration getInterval() {
            return interval;
        }

        /** @param interval the pause between steps */
        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        /** @return how many steps may run at once */
        public int getConcurrency() {
            return concurrency;
        }

        /** @param concurrency how many steps may run at once */
        public void setConcurrency(int concurrency) {
            this.concurrency = concurrency;
        }

        /** @return how long shutdown waits for the steps in flight */
        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        /** @param shutdownTimeout how long shutdown waits for the steps in flight */
        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }
    }

    /** The retention purge, on this node. */
    public static class Retention {

        /** Whether this node runs the retention purge. */
        private boolean enabled = true;

        /** The pause between two purges. */
        private Duration interval = Duration.ofHours(1);

        /** The wait before the first purge after start-up. */
        private Duration initialDelay = Duration.ofMinutes(1);

        /** How long shutdown waits for a purge in flight to finish. */
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        /** @return whether this node runs the purge */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether this node runs the purge */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the pause between two purges */
        public Duration getInterval() {
            return interval;
        }

        /** @param interval the pause between two purges */
        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        /** @return the wait before the first purge */
        public Duration getInitialDelay() {
            return initialDelay;
        }

        /** @param initialDelay the wait before the first purge */
        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        /** @return how long shutdown waits for a purge in flight */
        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        /** @param shutdownTimeout how long shutdown waits for a purge in flight */
        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }
    }

    /** The snooze waker (F37), on this node. */
    public static class Snooze {

        /** Whether this node runs the snooze waker. */
        private boolean enabled = true;

        /** The pause between two runs of the waker: how late a snooze may wake at most. */
        private Duration interval = Duration.ofSeconds(30);

        /** How long shutdown waits for a run in flight to finish. */
        private Duration shutdownTimeout = Duration.ofSeconds(30);

        /** @return whether this node runs the waker */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether this node runs the waker */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the pause between two runs */
        public Duration getInterval() {
            return interval;
        }

        /** @param interval the pause between two runs */
        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        /** @return how long shutdown waits for a run in flight */
        public Duration getShutdownTimeout() {
            return shutdownTimeout;
        }

        /** @param shutdownTimeout how long shutdown waits for a run in flight */
        public void setShutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
        }
    }

    /** The webhook endpoint, served through Spring MVC. */
    public static class Webhook {

        /** Whether to serve the carriers' webhooks (needs Spring MVC). */
        private boolean enabled;

        /** The base path; a carrier's webhooks are served at this path followed by its id. */
        private String path = "/webhooks";

        /** The largest request body accepted; a larger one is answered 413. */
        private DataSize maxBodySize = DataSize.ofMegabytes(1);

        /** @return whether the endpoint is served */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the endpoint is served */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the base path */
        public String getPath() {
            return path;
        }

        /** @param path the base path */
        public void setPath(String path) {
            this.path = path;
        }

        /** @return the largest body accepted */
        public DataSize getMaxBodySize() {
            return maxBodySize;
        }

        /** @param maxBodySize the largest body accepted */
        public void setMaxBodySize(DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }
    }

    /** InboxKit's events as Spring application events. */
    public static class Events {

        /** Whether each InboxEvent is also published as a Spring application event, after commit. */
        private boolean publish = true;

        /** @return whether events are published as application events */
        public boolean isPublish() {
            return publish;
        }

        /** @param publish whether events are published as application events */
        public void setPublish(boolean publish) {
            this.publish = publish;
        }
    }

    /** The Micrometer binder, when inbox-micrometer and Micrometer are on the class path. */
    public static class Metrics {

        /** Whether meters carry an account tag (one time series per account: mind the cardinality). */
        private boolean tagAccounts;

        /** @return whether meters carry an account tag */
        public boolean isTagAccounts() {
            return tagAccounts;
        }

        /** @param tagAccounts whether meters carry an account tag */
        public void setTagAccounts(boolean tagAccounts) {
            this.tagAccounts = tagAccounts;
        }
    }
}
