package io.github.inboxkit.examples;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.Carriers;
import io.github.inboxkit.carrier.InboundMessage;
import io.github.inboxkit.carrier.WebhookRejectedException;
import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.Entitlements;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.event.InboxEventListener;
import io.github.inboxkit.core.inbox.InboxPage;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.sending.DispatcherRunner;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import io.github.inboxkit.jdbc.JdbcInboxStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The README's embedding snippet, compiled and run so that it stays true: the store, the carrier,
 * the engine, the sending side and its dispatcher, an account, a webhook ingested, the inbox
 * listed and a reply queued.
 */
public final class Embedding {

    private Embedding() {}

    /**
     * Runs the snippet on an in-memory H2 database, with a webhook signed by the simulator.
     *
     * @param args ignored
     * @throws WebhookRejectedException never: the simulator signs the webhook itself
     */
    public static void main(String[] args) throws WebhookRejectedException {
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(2); // a thread per dispatcher lane
        try {
            InboxPage page = embed("jdbc:h2:mem:embedding;DB_CLOSE_DELAY=-1", executor, event -> {},
                    SimulatedCarrier.create().inboundWebhook("+14155550132", "+14155550100", "Can I come on Friday?"));
            page.rows().forEach(row -> System.out.println(row.displayName() + ": " + row.preview()));
        } finally {
            executor.shutdownNow();
        }
    }

    static InboxPage embed(String jdbcUrl, ScheduledExecutorService executor, InboxEventListener notifications,
            WebhookRequest request) throws WebhookRejectedException {
        // --- the README snippet starts here ---
        JdbcInboxStore store = JdbcInboxStore.builder(jdbcUrl, "sa", "").build(); // H2 or PostgreSQL
        store.migrate();                                                           // explicit, at start-up
        Carrier carrier = Carriers.load("simulator", Map.of());                   // or your carrier's adapter

        InboxKit kit = InboxKit.builder()
                .store(store)
                .carrier(carrier)
                .clock(Clock.systemUTC())
                .eventListener(notifications)               // after commit: new message, badge... (F12)
                .entitlements(Entitlements.all())           // which plans have the team features (F10)
                .build();
        DispatcherRunner.start(kit.sending().dispatcher(), executor, Duration.ofSeconds(1), 2); // 2 steps in flight

        AccountId acme = AccountId.of("acme");
        kit.administration().createAccount(acme, "Acme", AccountSettings.builder()
                .senderIds(List.of("+14155550100")).defaultSenderId("+14155550100").build());

        // In your webhook endpoint: the carrier checks and parses, the engine stores (idempotent, F32).
        for (InboundMessage message : carrier.parseWebhook(request).inboundMessages()) {
            kit.ingestion().receive(acme, message);
        }

        // In your UI: the open tab with unread counts and the badge, and a reply from the default number.
        InboxPage page = kit.inbox().list(acme, InboxQuery.openTab());
        kit.sending().send(acme, SendRequest.builder().to(Recipient.number("+14155550132"))
                .draft(Draft.ofText("Friday works, see you then!")).build());
        // --- the README snippet ends here ---
        return page;
    }
}
