package io.github.inboxkit.spring.boot.autoconfigure;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.micrometer.InboxKitMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of InboxKit's Micrometer metrics, when inbox-micrometer is on the class path
 * and the application has a {@link MeterRegistry} (Spring Boot's, with the actuator): an {@link
 * InboxKitMetrics} on that registry ({@code inboxkit.metrics.tag-accounts} decides the account
 * tag), wired into the auto-configured engine: its carriers, dispatcher, webhook endpoint, events,
 * queue depth and retention purge are measured. An application bean of type {@link
 * InboxKitMetrics} replaces the starter's, and is wired the same way.
 */
@AutoConfiguration(before = InboxKitAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({InboxKit.class, InboxKitMetrics.class, MeterRegistry.class})
@ConditionalOnBean(MeterRegistry.class)
public class InboxKitMetricsAutoConfiguration {

    /** Created by Spring. */
    public InboxKitMetricsAutoConfiguration() {}

    /**
     * The metrics, on the application's registry.
     *
     * @param registry the registry
     * @param properties the starter's properties
     * @return the metrics
     */
    @Bean
    @ConditionalOnMissingBean
    public InboxKitMetrics inboxKitMetrics(MeterRegistry registry, InboxKitProperties properties) {
        return InboxKitMetrics.builder().registry(registry).tagAccounts(properties.getMetrics().isTagAccounts()).build();
    }

    /**
     * What the engine's auto-configuration wires: the metrics, behind an interface that names no
     * Micrometer type.
     *
     * @param metrics the metrics
     * @return the instrumentation
     */
    @Bean
    @ConditionalOnMissingBean
    InboxKitInstrumentation inboxKitInstrumentation(InboxKitMetrics metrics) {
        return new MicrometerInstrumentation(metrics);
    }
}
