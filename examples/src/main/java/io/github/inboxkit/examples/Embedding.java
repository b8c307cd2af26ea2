package io.github.inboxkit.examples;

import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.inbox.InboxPage;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.sending.DispatcherRunner;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import io.github.inboxkit.core.webhook.WebhookOutcome;
import io.github.inboxkit.jdbc.JdbcInboxStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The README's embedding snippet, word for word, as the body of {@link #main}: the build compiles
 * and runs it, and a test checks that the README shows exactly this text. The store, the carrier,
 * the engine and its dispatcher, an account, a webhook through the front door, the inbox, a reply,
 * its delivery reports, and the shutdown.
 */
public final class Embedding {

    private Embedding() {}

    /**
     * Runs the snippet on an in-memory H2 database, with the simulator as the carrier.
     *
     * @param args ignored
     * @throws Exception if the database or the wait for the dispatcher fails
     */
    public static void main(String[] args) throws Exception {
        // The store: H2 embedded here, PostgreSQL in production; the schema is migrated explicitly.
        JdbcInboxStore store = JdbcInboxStore.builder("jdbc:h2:mem:inbox", "sa", "").build();
        store.migrate();
        SimulatedCarrier carrier = SimulatedCarrier.create(); // or your carrier's adapter

        InboxKit kit = InboxKit.builder()
                .store(store)
                .carrier(carrier)
                .eventListener(event -> System.out.println("event: " + event.getClass().getSimpleName())) // after commit
                .build();
        ScheduledExecutorService lanes = Executors.newScheduledThreadPool(2);
        DispatcherRunner dispatcher = DispatcherRunner.start(kit.sending().dispatcher(), lanes, Duration.ofSeconds(1), 2);

        // An account receives on its sender IDs: the front door routes each webhook to it by number.
        AccountId acme = AccountId.of("acme");
        kit.administration().createAccount(acme, "Acme", AccountSettings.builder()
                .senderIds(List.of("+14155550100")).defaultSenderId("+14155550100").build());

        // Your webhook endpoint, in any web framework: hand the request over, answer what the outcome says.
        WebhookRequest request = carrier.inboundWebhook("+14155550132", "+14155550100", "Can I come on Friday?");
        WebhookOutcome outcome = kit.webhooks().handle(carrier.id(), request);
        System.out.println("webhook: HTTP " + outcome.httpStatus() + " " + outcome.responseBody());

        // Your UI: the open tab with unread counts and the badge, and a reply from the default number.
        InboxPage page = kit.inbox().list(acme, InboxQuery.openTab());
        page.rows().forEach(row -> System.out.println(row.displayName() + ": " + row.preview()
                + " (" + row.unreadCount() + " unread, badge " + page.counters().badge() + ")"));
        OutboxEntry reply = kit.sending().send(acme, SendRequest.builder().to(Recipient.number("+14155550132"))
                .draft(Draft.ofText("Friday works, see you then!")).build());

        // The dispatcher sends it within a second; the carrier's delivery reports come back through
        // the same front door, which routes them by the number the reply was sent from.
        while (kit.sending().outboxEntry(acme, reply.messageId()).orElseThrow().status() != MessageStatus.SENT) {
            Thread.sleep(50);
        }
        WebhookRequest reports = carrier.drainDeliveryReportWebhook().orElseThrow();
        System.out.println("delivery reports: HTTP " + kit.webhooks().handle(carrier.id(), reports).httpStatus());
        System.out.println("reply: " + kit.sending().outboxEntry(acme, reply.messageId()).orElseThrow().status());

        // Shutting down: the dispatcher, its threads, then the store's connection pool.
        dispatcher.stop();
        lanes.shutdown();
        store.close();
    }
}
