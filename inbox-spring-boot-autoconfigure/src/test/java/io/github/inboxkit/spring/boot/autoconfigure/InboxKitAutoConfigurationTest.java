package io.github.inboxkit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.event.InboxEventListener;
import io.github.inboxkit.core.sending.SendingNotConfiguredException;
import io.github.inboxkit.core.snooze.SnoozeUntil;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.store.memory.InMemoryInboxStore;
import io.github.inboxkit.jdbc.JdbcInboxStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;

/** The auto-configuration's conditions, one context each, on an in-memory H2 database of its own. */
class InboxKitAutoConfigurationTest {

    static final AccountId ACME = AccountId.of("acme");
    static final String MAIN_LINE = "+14155550100";
    static final String DANA = "+14155550132";

    static final AutoConfigurations STARTER = AutoConfigurations.of(InboxKitAutoConfiguration.class,
            InboxKitLifecycleAutoConfiguration.class, InboxKitWebhookAutoConfiguration.class);

    /** Boot's DataSource (HikariCP on a fresh in-memory H2 database), then the starter. */
    final ApplicationContextRunner withDataSource = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
            .withConfiguration(STARTER)
            .withPropertyValues("inboxkit.retention.initial-delay=1h");

    @Nested
    @DisplayName("without a store")
    class WithoutStore {

        @Test
        @DisplayName("F49 no DataSource and no store bean: the starter defines nothing but its properties")
        void noDataSource() {
            new ApplicationContextRunner().withConfiguration(STARTER).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(InboxStore.class);
                assertThat(context).doesNotHaveBean(InboxKit.class);
                assertThat(context).doesNotHaveBean(InboxKitDispatcherLifecycle.class);
                assertThat(context).hasSingleBean(InboxKitProperties.class);
            });
        }

        @Test
        @DisplayName("F49 a store bean of the application is used without any DataSource")
        void ownStoreWithoutDataSource() {
            InMemoryInboxStore store = InMemoryInboxStore.create();
            new ApplicationContextRunner().withConfiguration(STARTER).withBean(InboxStore.class, () -> store)
                    .run(context -> {
                        assertThat(context).hasSingleBean(InboxKit.class);
                        assertThat(context).getBean(InboxStore.class).isSameAs(store);
                    });
        }
    }

    @Nested
    @DisplayName("on the application's DataSource")
    class OnDataSource {

        @Test
        @DisplayName("F49 the JDBC store is built on the DataSource and migrated at start-up")
        void storeMigrated() {
            withDataSource.run(context -> {
                assertThat(context).hasSingleBean(JdbcInboxStore.class);
                assertThat(tableExists(context.getBean(DataSource.class), "inboxkit_schema_history")).isTrue();
                InboxKit kit = context.getBean(InboxKit.class);
                kit.administration().createAccount(ACME, "Acme", AccountSettings.builder().build());
                assertThat(kit.administration().account(ACME).name()).isEqualTo("Acme");
            });
        }

        @Test
        @DisplayName("F49 without inbox-jdbc on the class path there is no JDBC store, and so no engine")
        void noJdbcModule() {
            withDataSource.withClassLoader(new FilteredClassLoader(JdbcInboxStore.class)).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(InboxStore.class);
                assertThat(context).doesNotHaveBean(InboxKit.class);
            });
        }

        @Test
        @DisplayName("F49 inboxkit.jdbc.migrate=false leaves the schema to the host")
        void migrationOff() {
            withDataSource.withPropertyValues("inboxkit.jdbc.migrate=false").run(context -> {
                assertThat(context).hasSingleBean(JdbcInboxStore.class);
                assertThat(tableExists(context.getBean(DataSource.class), "inboxkit_schema_history")).isFalse();
            });
        }

        @Test
        @DisplayName("F49 F30 no carrier: an engine that cannot send and a dispatcher that does not run; the purge still runs")
        void noCarrier() {
            withDataSource.run(context -> {
                assertThat(context.getBean(InboxKitCarriers.class).isEmpty()).isTrue();
                InboxKit kit = context.getBean(InboxKit.class);
                assertThatThrownBy(kit::sending).isInstanceOf(SendingNotConfiguredException.class);
                assertThat(context.getBean(InboxKitDispatcherLifecycle.class).isRunning()).isFalse();
                // a host that does not send still has conversations to purge
                assertThat(context.getBean(InboxKitRetentionLifecycle.class).isRunning()).isTrue();
            });
        }

        @Test
        @DisplayName("F49 carriers from inboxkit.carriers.* are loaded through their providers, with their settings")
        void carriersFromProperties() {
            withDataSource.withPropertyValues("inboxkit.carriers.simulator.settings.webhookSecret=a-secret-of-sixteen-chars")
                    .run(context -> {
                        InboxKitCarriers carriers = context.getBean(InboxKitCarriers.class);
                        assertThat(carriers.find("simulator")).get().isInstanceOf(SimulatedCarrier.class);
                        SimulatedCarrier loaded = (SimulatedCarrier) carriers.find("simulator").orElseThrow();
                        SimulatedCarrier sameSecret = SimulatedCarrier.builder().webhookSecret("a-secret-of-sixteen-chars").build();
                        assertThat(loaded.parseWebhook(sameSecret.inboundWebhook(DANA, MAIN_LINE, "Hi")).inboundMessages())
                                .hasSize(1);
                        InboxKit kit = context.getBean(InboxKit.class);
                        assertThat(kit.webhooks().carrierIds()).containsExactly("simulator");
                        assertThat(context.getBean(InboxKitDispatcherLifecycle.class).isRunning()).isTrue();
                        assertThat(context.getBean(InboxKitRetentionLifecycle.class).isRunning()).isTrue();
                    });
        }

        @Test
        @DisplayName("F49 a Carrier bean of the application replaces the configured carrier of its id")
        void carrierBeanReplacesConfigured() {
            SimulatedCarrier own = SimulatedCarrier.create();
            withDataSource.withPropertyValues("inboxkit.carriers.simulator.settings.seed=7")
                    .withBean(Carrier.class, () -> own)
                    .run(context -> assertThat(context.getBean(InboxKitCarriers.class).all()).containsExactly(own));
        }

        @Test
        @DisplayName("F49 the application's Clock is the engine's clock; its beans replace the store, the engine and the lifecycles")
        void applicationBeansWin() {
            Instant noon = Instant.parse("2026-12-03T12:00:00Z");
            List<InboxEvent> heard = new CopyOnWriteArrayList<>();
            withDataSource.withBean(Clock.class, () -> Clock.fixed(noon, ZoneOffset.UTC))
                    .withBean(InboxEventListener.class, () -> heard::add)
                    .run(context -> {
                        InboxKit kit = context.getBean(InboxKit.class);
                        receiveOne(kit);
                        assertThat(heard).isNotEmpty().allSatisfy(event -> assertThat(event.occurredAt()).isEqualTo(noon));
                    });
            InboxKit own = InboxKit.builder().store(InMemoryInboxStore.create()).build();
            InboxKitDispatcherLifecycle ownDispatcher = new InboxKitDispatcherLifecycle(own, Duration.ofSeconds(1), 1,
                    Duration.ZERO);
            withDataSource.withBean(InboxKit.class, () -> own)
                    .withBean(InboxKitDispatcherLifecycle.class, () -> ownDispatcher)
                    .withBean(InboxKitCarriers.class, () -> InboxKitCarriers.of(List.of()))
                    .run(context -> {
                        assertThat(context).getBean(InboxKit.class).isSameAs(own);
                        assertThat(context).getBean(InboxKitDispatcherLifecycle.class).isSameAs(ownDispatcher);
                        assertThat(context).hasSingleBean(InboxKitCarriers.class);
                    });
            InMemoryInboxStore ownStore = InMemoryInboxStore.create();
            withDataSource.withBean(InboxStore.class, () -> ownStore).run(context -> {
                assertThat(context).doesNotHaveBean(JdbcInboxStore.class);
                assertThat(tableExists(context.getBean(DataSource.class), "inboxkit_schema_history")).isFalse();
            });
        }

        @Test
        @DisplayName("F49 events reach @EventListener methods after commit, and the application's listeners too")
        void eventsPublished() {
            List<InboxEvent> listened = new CopyOnWriteArrayList<>();
            withDataSource.withUserConfiguration(EventCollector.class)
                    .withBean(InboxEventListener.class, () -> listened::add)
                    .run(context -> {
                        receiveOne(context.getBean(InboxKit.class));
                        List<InboxEvent> published = context.getBean(EventCollector.class).events;
                        assertThat(published).hasAtLeastOneElementOfType(InboxEvent.MessageReceived.class);
                        assertThat(listened).containsExactlyElementsOf(published);
                    });
            withDataSource.withUserConfiguration(EventCollector.class)
                    .withPropertyValues("inboxkit.events.publish=false")
                    .run(context -> {
                        receiveOne(context.getBean(InboxKit.class));
                        assertThat(context.getBean(EventCollector.class).events).isEmpty();
                    });
        }

        @Test
        @DisplayName("F49 inboxkit.dispatcher.enabled=false and inboxkit.retention.enabled=false keep this node from dispatching and purging")
        void switchedOffPerNode() {
            withDataSource.withPropertyValues("inboxkit.carriers.simulator.settings.seed=1",
                    "inboxkit.dispatcher.enabled=false", "inboxkit.retention.enabled=false").run(context -> {
                        assertThat(context).hasSingleBean(InboxKit.class);
                        assertThat(context).doesNotHaveBean(InboxKitDispatcherLifecycle.class);
                        assertThat(context).doesNotHaveBean(InboxKitRetentionLifecycle.class);
                    });
        }

        @Test
        @DisplayName("F37 F49 the snooze waker runs on the node, with or without a carrier, and wakes a due snooze")
        void snoozeWaker() {
            withDataSource.withPropertyValues("inboxkit.snooze.interval=20ms").run(context -> {
                assertThat(context.getBean(InboxKitSnoozeLifecycle.class).isRunning()).isTrue();
                InboxKit kit = context.getBean(InboxKit.class);
                receiveOne(kit);
                ConversationId id = kit.conversations().findByPhone(ACME, DANA).orElseThrow().id();
                kit.snoozes().snooze(ACME, id, SnoozeUntil.time(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(1)));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (kit.conversations().get(ACME, id).snoozed() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(kit.conversations().get(ACME, id).snoozed()).isFalse();
            });
        }

        @Test
        @DisplayName("F37 F49 inboxkit.snooze.enabled=false keeps this node from waking snoozes")
        void snoozeWakerSwitchedOff() {
            withDataSource.withPropertyValues("inboxkit.snooze.enabled=false").run(context -> {
                assertThat(context).hasSingleBean(InboxKit.class);
                assertThat(context).doesNotHaveBean(InboxKitSnoozeLifecycle.class);
            });
        }
    }

    @Nested
    @DisplayName("bad properties")
    class BadProperties {

        @Test
        @DisplayName("F49 a bad value fails start-up with a message that names the property")
        void badValueNamed() {
            withDataSource.withPropertyValues("inboxkit.dispatcher.interval=0s").run(context -> {
                assertThat(context).hasFailed();
                assertThat(messages(context.getStartupFailure())).contains("inboxkit")
                        .contains("dispatcher.interval").contains("must be a positive duration");
            });
            withDataSource.withPropertyValues("inboxkit.dispatcher.concurrency=65").run(context ->
                    assertThat(messages(context.getStartupFailure())).contains("dispatcher.concurrency")
                            .contains("between 1 and 64"));
            withDataSource.withPropertyValues("inboxkit.webhook.path=webhooks").run(context ->
                    assertThat(messages(context.getStartupFailure())).contains("webhook.path"));
            withDataSource.withPropertyValues("inboxkit.carriers.simulator.settings.seed=1",
                    "inboxkit.default-carrier=twilio").run(context ->
                    assertThat(messages(context.getStartupFailure())).contains("defaultCarrier")
                            .contains("[simulator]"));
        }

        @Test
        @DisplayName("F49 a carrier that cannot be loaded fails start-up naming inboxkit.carriers.<id>")
        void carrierRefused() {
            withDataSource.withPropertyValues("inboxkit.carriers.pigeon.settings.speed=fast").run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().isNotNull();
                InboxKitConfigurationException failure = find(context.getStartupFailure(),
                        InboxKitConfigurationException.class);
                assertThat(failure.property()).isEqualTo("inboxkit.carriers.pigeon");
                assertThat(failure.getMessage()).contains("pigeon").contains("simulator");
                FailureAnalysis analysis = new InboxKitConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis.getDescription()).startsWith("InboxKit could not use the property inboxkit.carriers.pigeon: ")
                        .contains("No carrier with id 'pigeon'");
                assertThat(analysis.getAction()).contains("inboxkit.carriers.pigeon");
            });
            withDataSource.withPropertyValues("inboxkit.carriers.simulator.settings.transientFailureRate=2")
                    .run(context -> assertThat(find(context.getStartupFailure(), InboxKitConfigurationException.class)
                            .getMessage()).startsWith("inboxkit.carriers.simulator: ").contains("transientFailureRate"));
        }
    }

    /** Collects what Spring publishes. */
    static class EventCollector {
        final List<InboxEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(InboxEvent event) {
            events.add(event);
        }
    }

    static void receiveOne(InboxKit kit) {
        kit.administration().createAccount(ACME, "Acme", AccountSettings.builder()
                .senderIds(List.of(MAIN_LINE)).defaultSenderId(MAIN_LINE).build());
        kit.ingestion().receive(ACME, SimulatedCarrier.create().inboundMessage(DANA, MAIN_LINE, "Hello"));
    }

    static boolean tableExists(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, null, null, new String[] {"TABLE"})) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    return true;
                }
            }
            return false;
        }
    }

    static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + messages(failure));
    }
}
