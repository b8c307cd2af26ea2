package io.github.inboxkit.spring.boot.autoconfigure;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.micrometer.InboxKitHealth;
import io.github.inboxkit.micrometer.InboxKitMetrics;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of InboxKit's health indicator, when Spring Boot's health support and
 * inbox-micrometer are on the class path: the {@code inboxKit} component of {@code
 * /actuator/health}. Off with {@code management.health.inboxkit.enabled=false}; an application bean
 * named {@value #INDICATOR_BEAN} replaces it.
 */
@AutoConfiguration(after = {InboxKitLifecycleAutoConfiguration.class, InboxKitMetricsAutoConfiguration.class})
@ConditionalOnClass({InboxKit.class, InboxKitHealth.class, HealthIndicator.class})
@ConditionalOnBean({InboxKit.class, InboxStore.class})
@ConditionalOnEnabledHealthIndicator("inboxkit")
public class InboxKitHealthAutoConfiguration {

    /** The indicator's bean name; the actuator names the component {@code inboxKit} after it. */
    public static final String INDICATOR_BEAN = "inboxKitHealthIndicator";

    /** Created by Spring. */
    public InboxKitHealthAutoConfiguration() {}

    /**
     * The health indicator.
     *
     * @param store the engine's store, whose database is checked
     * @param dispatcher this node's dispatcher lifecycle, if it runs one
     * @param metrics the metrics, whose dispatch activity tells a stuck dispatcher
     * @return the indicator
     */
    @Bean(name = INDICATOR_BEAN)
    @ConditionalOnMissingBean(name = INDICATOR_BEAN)
    public InboxKitHealthIndicator inboxKitHealthIndicator(InboxStore store,
            ObjectProvider<InboxKitDispatcherLifecycle> dispatcher, ObjectProvider<InboxKitMetrics> metrics) {
        return new InboxKitHealthIndicator(store, () -> Optional.ofNullable(dispatcher.getIfUnique()),
                () -> Optional.ofNullable(metrics.getIfUnique()));
    }
}
