package io.github.inboxkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.sending.OutboxEntry;
import io.github.inboxkit.core.sending.Recipient;
import io.github.inboxkit.core.sending.SendRequest;
import io.github.inboxkit.core.sending.Sending;
import io.github.inboxkit.jdbc.JdbcInboxStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Real HTTP: the test plays the carrier and POSTs to the endpoint over a socket. */
class WebhookEndpointTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final AccountId ACME = AccountId.of("acme");
    private static final String LINE = "+14155550100";
    private static final String DANA = "+14155550132";

    private final SimulatedCarrier carrier = SimulatedCarrier.create();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private JdbcInboxStore store;
    private InboxKit kit;
    private Sending sending;
    private WebhookEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        store = JdbcInboxStore.builder("jdbc:h2:mem:webhook_test_" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1",
                "sa", "").build();
        store.migrate();
        kit = InboxKit.builder().store(store).carrier(carrier).build();
        sending = kit.sending();
        kit.administration().createAccount(ACME, "Acme", AccountSettings.builder()
                .senderIds(List.of(LINE)).defaultSenderId(LINE).build());
        endpoint = WebhookEndpoint.start(kit, carrier, 0, threads);
    }

    @AfterEach
    void stop() {
        endpoint.close();
        threads.shutdownNow();
        store.close();
    }

    private int post(AccountId account, WebhookRequest webhook) throws IOException, InterruptedException {
        return WebhookEndpoint.post(endpoint.uri(account), webhook);
    }

    private long storedMessages() {
        return kit.inbox().list(ACME, InboxQuery.openTab()).rows().stream()
                .mapToLong(row -> kit.conversations().messages(ACME, row.conversationId(), 500).size()).sum();
    }

    @Test
    @DisplayName("F32 a signed webhook posted twice over HTTP is answered 204 both times and stored once")
    void signedWebhookStoredOnce() throws Exception {
        WebhookRequest signed = carrier.inboundWebhook(DANA, LINE, "Are you open today?");

        assertThat(post(ACME, signed)).isEqualTo(204);
        assertThat(post(ACME, signed)).isEqualTo(204);

        assertThat(kit.inbox().list(ACME, InboxQuery.openTab()).rows()).singleElement()
                .satisfies(row -> assertThat(row.preview()).isEqualTo("Are you open today?"));
        assertThat(storedMessages()).isEqualTo(1);
        assertThat(kit.inbox().counters(ACME).badge()).isEqualTo(1);
    }

    @Test
    @DisplayName("F29 forged, tampered and replayed webhooks are answered 401 and store nothing")
    void forgedWebhooksRefused() throws Exception {
        SimulatedCarrier impostor = SimulatedCarrier.builder().webhookSecret("not-the-shared-secret").build();
        WebhookRequest genuine = carrier.inboundWebhook(DANA, LINE, "Hello");
        SimulatedCarrier late = SimulatedCarrier.builder()
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-30))).build();

        assertThat(post(ACME, impostor.inboundWebhook(DANA, LINE, "Send me your data"))).isEqualTo(401);
        assertThat(post(ACME, genuine.withBody("From=%2B14155550199&To=%2B14155550100&Body=Hi"
                .getBytes(StandardCharsets.US_ASCII)))).isEqualTo(401);
        assertThat(post(ACME, genuine.withoutHeader(SimulatedCarrier.SIGNATURE_HEADER))).isEqualTo(401);
        assertThat(post(ACME, late.inboundWebhook(DANA, LINE, "an old webhook replayed"))).isEqualTo(401);

        assertThat(kit.inbox().counters(ACME).openConversations()).isZero();
    }

    @Test
    @DisplayName("a well-signed but malformed body is 400, an unknown account 404, and neither stores anything")
    void malformedAndUnknownAccount() throws Exception {
        assertThat(post(ACME, carrier.signedRequest("this is not a form".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(400);
        assertThat(post(AccountId.of("nobody"), carrier.inboundWebhook(DANA, LINE, "Hello"))).isEqualTo(404);

        assertThat(kit.inbox().counters(ACME).openConversations()).isZero();
    }

    @Test
    @DisplayName("F31 a delivery-report webhook over HTTP moves the sent message to DELIVERED")
    void deliveryReportsOverHttp() throws Exception {
        OutboxEntry reply = sending.send(ACME, SendRequest.builder().to(Recipient.number(DANA))
                .draft(Draft.ofText("We are open until six.")).build());
        sending.dispatcher().dispatchDue();

        assertThat(post(ACME, carrier.drainDeliveryReportWebhook().orElseThrow())).isEqualTo(204);

        assertThat(sending.outboxEntry(ACME, reply.messageId()).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
        List<Message> thread = kit.conversations().messages(ACME, reply.conversationId(), 10);
        assertThat(thread).singleElement().extracting(Message::status).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    @DisplayName("the webhook example's main plays the carrier and prints 204, 204, 401, 404")
    void examplePrintsTheAnswers() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (JdbcInboxStore own = JdbcInboxStore.builder("jdbc:h2:mem:webhook_play_" + DATABASES.incrementAndGet()
                + ";DB_CLOSE_DELAY=-1", "sa", "").build()) {
            own.migrate();
            WebhookEndpoint.play(own, new PrintStream(printed, true, StandardCharsets.UTF_8));
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(
                "signed webhook:    HTTP 204", "delivered again:   HTTP 204", "forged webhook:    HTTP 401",
                "unknown account:   HTTP 404", "Are you open today?");
    }
}
