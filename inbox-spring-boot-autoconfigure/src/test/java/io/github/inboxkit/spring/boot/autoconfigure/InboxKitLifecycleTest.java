package io.github.inboxkit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import io.github.inboxkit.jdbc.JdbcInboxStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The dispatcher as a lifecycle bean: it sends once the context is up, and a context close lets the step in flight finish. */
class InboxKitLifecycleTest {

    static final AccountId ACME = AccountId.of("acme");
    static final String MAIN_LINE = "+14155550100";

    @Test
    @DisplayName("F49 closing the context in the middle of a dispatch leaves no message SENDING")
    void gracefulShutdown() throws InterruptedException {
        String url = "jdbc:h2:mem:graceful-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        // slow enough that the close lands while the carrier is being called
        SimulatedCarrier carrier = SimulatedCarrier.builder().latency(Duration.ofMillis(1500)).build();
        List<OutboxEntry> queued = new ArrayList<>();
        List<MessageStatus> seenAtClose = new ArrayList<>();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withConfiguration(InboxKitAutoConfigurationTest.STARTER)
                .withPropertyValues("spring.datasource.url=" + url, "inboxkit.dispatcher.interval=20ms",
                        "inboxkit.dispatcher.shutdown-timeout=30s", "inboxkit.retention.enabled=false")
                .withBean(Carrier.class, () -> carrier)
                .run(context -> {
                    InboxKit kit = context.getBean(InboxKit.class);
                    kit.administration().createAccount(ACME, "Acme", AccountSettings.builder()
                            .senderIds(List.of(MAIN_LINE)).defaultSenderId(MAIN_LINE).build());
                    for (int i = 0; i < 4; i++) {
                        queued.add(kit.sending().send(ACME, SendRequest.builder()
                                .to(Recipient.number("+1415555014" + i)).draft(Draft.ofText("Reminder " + i)).build()));
                    }
                    awaitSending(kit, queued);
                    queued.forEach(entry -> seenAtClose.add(status(kit, entry)));
                    context.close();
                });
        assertThat(seenAtClose).as("a step was in flight at close").contains(MessageStatus.SENDING);

        try (JdbcInboxStore store = JdbcInboxStore.builder(url, "sa", "").build()) {
            InboxKit after = InboxKit.builder().store(store).carrier(SimulatedCarrier.create()).build();
            List<MessageStatus> statuses = queued.stream().map(entry -> status(after, entry)).toList();
            assertThat(statuses).doesNotContain(MessageStatus.SENDING);
            long sent = statuses.stream().filter(status -> status == MessageStatus.SENT).count();
            assertThat(sent).isEqualTo(carrier.sentMessages().size()).isPositive();
        }
    }

    private static MessageStatus status(InboxKit kit, OutboxEntry entry) {
        return kit.sending().outboxEntry(ACME, entry.messageId()).orElseThrow().status();
    }

    private static void awaitSending(InboxKit kit, List<OutboxEntry> entries) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            if (entries.stream().anyMatch(entry -> status(kit, entry) == MessageStatus.SENDING)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the dispatcher claimed nothing within five seconds");
    }
}
