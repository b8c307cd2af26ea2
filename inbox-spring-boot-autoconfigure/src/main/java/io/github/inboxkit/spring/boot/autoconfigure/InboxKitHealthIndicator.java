package io.github.inboxkit.spring.boot.autoconfigure;

import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.micrometer.HealthReport;
import io.github.inboxkit.micrometer.HealthStatus;
import io.github.inboxkit.micrometer.InboxKitHealth;
import io.github.inboxkit.micrometer.InboxKitMetrics;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * InboxKit's health for Spring Boot's actuator: {@link InboxKitHealth}'s report on this node's
 * dispatcher lanes, its last successful step (when metrics are on) and the database, with the
 * report's details. DOWN maps to {@link Status#DOWN}; DEGRADED (fewer lanes than configured, or no
 * successful step for a while) maps to {@link Status#UP} with {@code "degraded": true} and the
 * problems in the details, so that a degraded dispatcher never makes a load balancer or an
 * orchestrator take the node out, while monitoring still sees it.
 *
 * <p>Thread-safe: each check builds its view afresh, since the dispatcher's runner changes when the
 * lifecycle restarts.
 */
public final class InboxKitHealthIndicator implements HealthIndicator {

    private final InboxStore store;
    private final Supplier<Optional<InboxKitDispatcherLifecycle>> dispatcher;
    private final Supplier<Optional<InboxKitMetrics>> metrics;

    InboxKitHealthIndicator(InboxStore store, Supplier<Optional<InboxKitDispatcherLifecycle>> dispatcher,
            Supplier<Optional<InboxKitMetrics>> metrics) {
        this.store = Objects.requireNonNull(store, "store");
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    @Override
    public Health health() {
        InboxKitHealth.Builder view = InboxKitHealth.builder().store(store);
        dispatcher.get().flatMap(InboxKitDispatcherLifecycle::runner).ifPresent(view::runner);
        metrics.get().ifPresent(measured -> view.activity(measured.dispatchActivity()));
        HealthReport report = view.build().check();
        Health.Builder health = report.status() == HealthStatus.DOWN ? Health.down() : Health.up();
        if (report.status() == HealthStatus.DEGRADED) {
            health.withDetail("degraded", true);
        }
        return health.withDetails(report.details()).build();
    }
}
