package io.github.inboxkit.spring.boot.autoconfigure;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierException;
import io.github.inboxkit.carrier.Carriers;
import io.github.inboxkit.core.account.Entitlements;
import io.github.inboxkit.core.event.InboxEventListener;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.jdbc.JdbcInboxStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the engine: the JDBC store on the application's {@link DataSource}
 * (migrated at start-up unless {@code inboxkit.jdbc.migrate=false}), the carriers of {@code
 * inboxkit.carriers.*}, and the {@link InboxKit} on them, with the application's {@link Clock} and
 * {@link Entitlements} when it defines them. Every bean backs off when the application defines
 * its own of the same type. Without a store (no {@code DataSource} and no {@link InboxStore}
 * bean) nothing is configured.
 *
 * <p>Events reach, after commit, Spring's event publisher (as the {@code InboxEvent} itself, for
 * {@code @EventListener} methods; off with {@code inboxkit.events.publish=false}) and every {@link
 * InboxEventListener} bean of the application, in their order.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(InboxKit.class)
@EnableConfigurationProperties(InboxKitProperties.class)
public class InboxKitAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(InboxKitAutoConfiguration.class);

    /** Created by Spring. */
    public InboxKitAutoConfiguration() {}

    /** The JDBC store on the application's single {@code DataSource}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcInboxStore.class)
    @ConditionalOnSingleCandidate(DataSource.class)
    @ConditionalOnMissingBean(InboxStore.class)
    static class JdbcStoreConfiguration {

        @Bean
        JdbcInboxStore inboxKitStore(DataSource dataSource, InboxKitProperties properties) {
            JdbcInboxStore store = JdbcInboxStore.builder(dataSource)
                    .cacheExpiry(properties.getJdbc().getCacheExpiry())
                    .build();
            if (properties.getJdbc().isMigrate()) {
                int applied = store.migrate();
                LOG.info("InboxKit schema on {}: {} migration(s) applied", store.dialect(), applied);
            }
            return store;
        }
    }

    /**
     * The carriers: the application's {@link Carrier} beans, then those of {@code
     * inboxkit.carriers.*} whose id no bean took, loaded through their providers; the default
     * carrier ({@code inboxkit.default-carrier}) first.
     *
     * @param carrierBeans the application's carriers
     * @param properties the starter's properties
     * @return the carriers
     * @throws InboxKitConfigurationException if a configured carrier cannot be loaded
     */
    @Bean
    @ConditionalOnMissingBean
    public InboxKitCarriers inboxKitCarriers(ObjectProvider<Carrier> carrierBeans, InboxKitProperties properties) {
        Map<String, Carrier> carriers = new LinkedHashMap<>();
        carrierBeans.orderedStream().forEach(carrier -> carriers.putIfAbsent(carrier.id(), carrier));
        properties.getCarriers().forEach((id, carrier) -> {
            if (!carriers.containsKey(id)) {
                carriers.put(id, load(id, carrier.getSettings()));
            }
        });
        List<Carrier> ordered = new ArrayList<>();
        String defaultCarrier = properties.getDefaultCarrier();
        if (defaultCarrier != null && carriers.containsKey(defaultCarrier)) {
            ordered.add(carriers.remove(defaultCarrier));
        }
        ordered.addAll(carriers.values());
        return InboxKitCarriers.of(ordered);
    }

    private static Carrier load(String id, Map<String, String> settings) {
        try {
            return Carriers.load(id, settings);
        } catch (CarrierException refused) {
            // the carrier's message names the setting; settings may hold secrets, so no value is quoted here
            throw new InboxKitConfigurationException(InboxKitProperties.PREFIX + ".carriers." + id,
                    "the carrier could not be loaded: " + refused.getMessage(), refused);
        }
    }

    /**
     * The engine, on the store and carriers, with the application's clock and entitlements when
     * it defines exactly one of each, tuned by its {@link InboxKitBuilderCustomizer}s.
     *
     * @param store the store
     * @param carriers the carriers; none makes an engine that cannot send
     * @param clock the application's clock, if any
     * @param entitlements the application's entitlements, if any
     * @param listeners the application's event listeners
     * @param customizers the application's customizers
     * @param instrumentation the metrics, when present
     * @param publisher Spring's event publisher
     * @param properties the starter's properties
     * @return the engine
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(InboxStore.class)
    public InboxKit inboxKit(InboxStore store, InboxKitCarriers carriers, ObjectProvider<Clock> clock,
            ObjectProvider<Entitlements> entitlements, ObjectProvider<InboxEventListener> listeners,
            ObjectProvider<InboxKitBuilderCustomizer> customizers,
            ObjectProvider<InboxKitInstrumentation> instrumentation, ApplicationEventPublisher publisher,
            InboxKitProperties properties) {
        InboxKitInstrumentation metrics = instrumentation.getIfAvailable(() -> InboxKitInstrumentation.NONE);
        List<InboxEventListener> sinks = new ArrayList<>();
        sinks.add(metrics.eventListener());
        if (properties.getEvents().isPublish()) {
            sinks.add(publisher::publishEvent);
        }
        listeners.orderedStream().forEach(sinks::add);
        InboxKit.Builder builder = InboxKit.builder().store(store).eventListener(new EventRelay(sinks));
        Clock engineClock = clock.getIfUnique(Clock::systemUTC);
        builder.clock(engineClock);
        entitlements.ifUnique(builder::entitlements);
        for (Carrier carrier : carriers.all()) {
            builder.carrier(metrics.carrier(carrier));
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        InboxKit kit = builder.build();
        metrics.bind(kit, store, engineClock);
        LOG.info("InboxKit ready: carriers {}", carriers);
        return kit;
    }
}
