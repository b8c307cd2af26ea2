package io.github.inboxkit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.micrometer.InboxKitMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Metrics and health: wired when their parts are present, replaced by the application's beans, switched off by property. */
class InboxKitObservabilityAutoConfigurationTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
            .withConfiguration(InboxKitAutoConfigurationTest.STARTER)
            .withConfiguration(AutoConfigurations.of(InboxKitMetricsAutoConfiguration.class,
                    InboxKitHealthAutoConfiguration.class))
            .withPropertyValues("inboxkit.carriers.simulator.settings.seed=1", "inboxkit.retention.enabled=false");

    @Test
    @DisplayName("F49 F47 with a MeterRegistry the engine is measured; without one, or without inbox-micrometer, there are no InboxKit metrics")
    void metricsWhenRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        runner.withBean(MeterRegistry.class, () -> registry).run(context -> {
            assertThat(context).hasSingleBean(InboxKitMetrics.class);
            InboxKitAutoConfigurationTest.receiveOne(context.getBean(InboxKit.class));
            assertThat(registry.get(InboxKitMetrics.MESSAGES_RECEIVED).counter().count()).isEqualTo(1);
            assertThat(registry.find(InboxKitMetrics.OUTBOX_DEPTH).gauges()).isNotEmpty();
        });
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(InboxKitMetrics.class);
            assertThat(context).hasSingleBean(InboxKit.class);
        });
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader("io.github.inboxkit.micrometer."))
                .run(context -> {
                    assertThat(context).doesNotHaveBean(InboxKitMetricsAutoConfiguration.class);
                    assertThat(context).doesNotHaveBean(InboxKitHealthIndicator.class);
                    assertThat(context).hasSingleBean(InboxKit.class);
                });
    }

    @Test
    @DisplayName("F49 F47 an InboxKitMetrics bean of the application replaces the starter's and is wired the same way")
    void ownMetricsWired() {
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        InboxKitMetrics metrics = InboxKitMetrics.builder().registry(own).build();
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).withBean(InboxKitMetrics.class, () -> metrics)
                .run(context -> {
                    assertThat(context).getBean(InboxKitMetrics.class).isSameAs(metrics);
                    InboxKitAutoConfigurationTest.receiveOne(context.getBean(InboxKit.class));
                    assertThat(own.get(InboxKitMetrics.MESSAGES_RECEIVED).counter().count()).isEqualTo(1);
                });
    }

    @Test
    @DisplayName("F49 F47 the health indicator reports the dispatcher's lanes and the database; off by property")
    void healthIndicator() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            Health health = context.getBean(InboxKitHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsKey("lanesAlive");
        });
        runner.withPropertyValues("inboxkit.dispatcher.enabled=false").run(context ->
                assertThat(context.getBean(InboxKitHealthIndicator.class).health().getDetails())
                        .doesNotContainKey("lanesAlive"));
        runner.withPropertyValues("management.health.inboxkit.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(InboxKitHealthIndicator.class));
    }
}
