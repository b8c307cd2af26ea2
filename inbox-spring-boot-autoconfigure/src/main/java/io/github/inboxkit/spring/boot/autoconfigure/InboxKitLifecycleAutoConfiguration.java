package io.github.inboxkit.spring.boot.autoconfigure;

import io.github.inboxkit.InboxKit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the background work of a node: the dispatcher ({@code
 * inboxkit.dispatcher.*}), the retention purge ({@code inboxkit.retention.*}) and the snooze waker
 * ({@code inboxkit.snooze.*}), each a lifecycle
 * bean that starts once the context has refreshed and stops gracefully when it closes. Each is on
 * by default and switched off per node with its {@code enabled} property; each backs off when the
 * application defines its own bean of that type. Both need an engine with a carrier; without one
 * they log so at start and do nothing.
 */
@AutoConfiguration(after = InboxKitAutoConfiguration.class)
@ConditionalOnBean(InboxKit.class)
public class InboxKitLifecycleAutoConfiguration {

    /** Created by Spring. */
    public InboxKitLifecycleAutoConfiguration() {}

    /**
     * The dispatcher of this node.
     *
     * @param kit the engine
     * @param properties the starter's properties
     * @param instrumentation the metrics, when present
     * @return the lifecycle bean
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "inboxkit.dispatcher", name = "enabled", havingValue = "true", matchIfMissing = true)
    public InboxKitDispatcherLifecycle inboxKitDispatcherLifecycle(InboxKit kit, InboxKitProperties properties,
            ObjectProvider<InboxKitInstrumentation> instrumentation) {
        InboxKitProperties.Dispatcher dispatcher = properties.getDispatcher();
        InboxKitDispatcherLifecycle lifecycle = new InboxKitDispatcherLifecycle(kit, dispatcher.getInterval(),
                dispatcher.getConcurrency(), dispatcher.getShutdownTimeout());
        lifecycle.instrument(instrumentation.getIfAvailable(() -> InboxKitInstrumentation.NONE));
        return lifecycle;
    }

    /**
     * The retention purge of this node.
     *
     * @param kit the engine
     * @param properties the starter's properties
     * @param instrumentation the metrics, when present
     * @return the lifecycle bean
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "inboxkit.retention", name = "enabled", havingValue = "true", matchIfMissing = true)
    public InboxKitRetentionLifecycle inboxKitRetentionLifecycle(InboxKit kit, InboxKitProperties properties,
            ObjectProvider<InboxKitInstrumentation> instrumentation) {
        InboxKitProperties.Retention retention = properties.getRetention();
        InboxKitRetentionLifecycle lifecycle = new InboxKitRetentionLifecycle(kit, retention.getInitialDelay(),
                retention.getInterval(), retention.getShutdownTimeout());
        lifecycle.instrument(instrumentation.getIfAvailable(() -> InboxKitInstrumentation.NONE));
        return lifecycle;
    }

    /**
     * The snooze waker of this node (F37).
     *
     * @param kit the engine
     * @param properties the starter's properties
     * @return the lifecycle bean
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "inboxkit.snooze", name = "enabled", havingValue = "true", matchIfMissing = true)
    public InboxKitSnoozeLifecycle inboxKitSnoozeLifecycle(InboxKit kit, InboxKitProperties properties) {
        InboxKitProperties.Snooze snooze = properties.getSnooze();
        return new InboxKitSnoozeLifecycle(kit, snooze.getInterval(), snooze.getShutdownTimeout());
    }
}
