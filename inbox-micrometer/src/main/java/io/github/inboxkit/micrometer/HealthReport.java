package io.github.inboxkit.micrometer;

import io.github.inboxkit.core.store.QueueDepth;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one {@link InboxKitHealth#check()} found: the overall {@link HealthStatus}, the facts it was
 * judged by, and a sentence per problem. A fact is empty when its check was not configured. No fact
 * or problem holds personal data, so a host may show the report on an operations endpoint.
 *
 * <p>Immutable and thread-safe.
 */
public final class HealthReport {

    /** What the database check found. */
    public enum DatabaseCheck {
        /** No store was given to the health view. */
        NOT_CHECKED,
        /** The statistics query answered within the timeout. */
        REACHABLE,
        /** The statistics query failed. */
        UNREACHABLE,
        /** The statistics query did not answer within the timeout. */
        TIMED_OUT
    }

    private final HealthStatus status;
    private final Instant checkedAt;
    private final int lanesAlive;
    private final int lanesConfigured;
    private final Duration sinceLastSuccessfulStep;
    private final DatabaseCheck database;
    private final Duration databaseLatency;
    private final QueueDepth queueDepth;
    private final List<String> problems;

    HealthReport(HealthStatus status, Instant checkedAt, int lanesAlive, int lanesConfigured,
            Duration sinceLastSuccessfulStep, DatabaseCheck database, Duration databaseLatency, QueueDepth queueDepth,
            List<String> problems) {
        this.status = Objects.requireNonNull(status, "status");
        this.checkedAt = Objects.requireNonNull(checkedAt, "checkedAt");
        this.lanesAlive = lanesAlive;
        this.lanesConfigured = lanesConfigured;
        this.sinceLastSuccessfulStep = sinceLastSuccessfulStep;
        this.database = Objects.requireNonNull(database, "database");
        this.databaseLatency = databaseLatency;
        this.queueDepth = queueDepth;
        this.problems = List.copyOf(problems);
    }

    /** @return the overall status: the worst of the checks */
    public HealthStatus status() {
        return status;
    }

    /** @return when the check ran, by the health view's clock */
    public Instant checkedAt() {
        return checkedAt;
    }

    /** @return the dispatcher lanes running; empty without a runner */
    public OptionalInt lanesAlive() {
        return lanesConfigured < 0 ? OptionalInt.empty() : OptionalInt.of(lanesAlive);
    }

    /** @return the dispatcher lanes configured; empty without a runner */
    public OptionalInt lanesConfigured() {
        return lanesConfigured < 0 ? OptionalInt.empty() : OptionalInt.of(lanesConfigured);
    }

    /**
     * @return the time since the last successful dispatcher step (or since tracking started, before
     *     the first); empty without a {@link DispatchActivity}
     */
    public Optional<Duration> sinceLastSuccessfulStep() {
        return Optional.ofNullable(sinceLastSuccessfulStep);
    }

    /** @return what the database check found */
    public DatabaseCheck database() {
        return database;
    }

    /** @return how long the statistics query took, when it answered */
    public Optional<Duration> databaseLatency() {
        return Optional.ofNullable(databaseLatency);
    }

    /** @return the outbox's queue depth the statistics query read, when it answered */
    public Optional<QueueDepth> queueDepth() {
        return Optional.ofNullable(queueDepth);
    }

    /** @return one sentence per failed check, in the order of the checks; empty when {@link HealthStatus#UP} */
    public List<String> problems() {
        return problems;
    }

    /**
     * The facts as a flat map of names to strings and numbers, in a stable order, for a host's
     * health endpoint (Spring Boot Actuator's {@code Health.withDetails}, say). Durations are ISO-8601
     * strings; absent facts are left out.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("checkedAt", checkedAt.toString());
        if (lanesConfigured >= 0) {
            details.put("lanesAlive", lanesAlive);
            details.put("lanesConfigured", lanesConfigured);
        }
        if (sinceLastSuccessfulStep != null) {
            details.put("sinceLastSuccessfulStep", sinceLastSuccessfulStep.toString());
        }
        details.put("database", database.name());
        if (databaseLatency != null) {
            details.put("databaseLatency", databaseLatency.toString());
        }
        if (queueDepth != null) {
            details.put("outboxDue", queueDepth.due());
            details.put("outboxScheduled", queueDepth.scheduled());
            details.put("outboxRetrying", queueDepth.retrying());
            details.put("outboxSending", queueDepth.sending());
            details.put("outboxOldestDueAge", queueDepth.oldestDueAge().toString());
        }
        if (!problems.isEmpty()) {
            details.put("problems", problems);
        }
        return Collections.unmodifiableMap(details);
    }

    @Override
    public String toString() {
        return "HealthReport[" + status + ", " + details() + "]";
    }
}
