package io.github.inboxkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.carrier.DeliveryReport;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.InboxKit;
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
import java.net.http.HttpResponse;
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
        endpoint = WebhookEndpoint.start(kit, 0, threads);
    }

    @AfterEach
    void stop() {
        endpoint.close();
        threads.shutdownNow();
        store.close();
    }

    private int post(WebhookRequest webhook) throws IOException, InterruptedException {
        return WebhookEndpoint.post(endpoint.uri(carrier.id()), webhook);
    }

    private long storedMessages() {
        return kit.inbox().list(ACME, InboxQuery.openTab()).rows().stream()
                .mapToLong(row -> kit.conversations().messages(ACME, row.conversationId(), 500).size()).sum();
    }

    @Test
    @DisplayName("F32 F45 a signed webhook posted twice over HTTP is answered 200 both times, routed by number and stored once")
    void signedWebhookStoredOnce() throws Exception {
        WebhookRequest signed = carrier.inboundWebhook(DANA, LINE, "Are you open today?");

        HttpResponse<String> first = WebhookEndpoint.send(endpoint.uri(carrier.id()), signed);
        HttpResponse<String> again = WebhookEndpoint.send(endpoint.uri(carrier.id()), signed);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("1 message(s) stored");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("0 message(s) stored, 1 repeated");
        assertThat(kit.inbox().list(ACME, InboxQuery.openTab()).rows()).singleElement()
                .satisfies(row -> assertThat(row.preview()).isEqualTo("Are you open today?"));
        assertThat(storedMessages()).isEqualTo(1);
        assertThat(kit.inbox().counters(ACME).badge()).isEqualTo(1);
    }

    @Test
    @DisplayName("F29 F45 forged, tampered, doubly signed and replayed webhooks are answered 401 and store nothing")
    void forgedWebhooksRefused() throws Exception {
        SimulatedCarrier impostor = SimulatedCarrier.builder().webhookSecret("not-the-shared-secret").build();
        WebhookRequest genuine = carrier.inboundWebhook(DANA, LINE, "Hello");
        WebhookRequest forged = impostor.inboundWebhook(DANA, LINE, "Send me your data");
        SimulatedCarrier late = SimulatedCarrier.builder()
                .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-30))).build();

        assertThat(post(forged)).isEqualTo(401);
        assertThat(post(genuine.withBody("From=%2B14155550199&To=%2B14155550100&Body=Hi"
                .getBytes(StandardCharsets.US_ASCII)))).isEqualTo(401);
        assertThat(post(genuine.withoutHeader(SimulatedCarrier.SIGNATURE_HEADER))).isEqualTo(401);
        assertThat(post(genuine.withAddedHeader(SimulatedCarrier.SIGNATURE_HEADER,
                forged.header(SimulatedCarrier.SIGNATURE_HEADER).orElseThrow()))).as("a forged signature after the valid one")
                .isEqualTo(401);
        assertThat(post(late.inboundWebhook(DANA, LINE, "an old webhook replayed"))).isEqualTo(401);

        assertThat(kit.inbox().counters(ACME).openConversations()).isZero();
    }

    @Test
    @DisplayName("F45 a malformed body is 400, an unknown carrier or path 404, a number no account owns 422; none stores anything")
    void refusals() throws Exception {
        WebhookRequest hello = carrier.inboundWebhook(DANA, LINE, "Hello");
        assertThat(post(carrier.signedRequest("this is not a form".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(400);
        assertThat(WebhookEndpoint.post(endpoint.uri("twilio"), hello)).isEqualTo(404);
        assertThat(WebhookEndpoint.post(endpoint.uri(carrier.id()).resolve(carrier.id() + "/acme/extra"), hello))
                .isEqualTo(404);
        HttpResponse<String> unknownNumber = WebhookEndpoint.send(endpoint.uri(carrier.id()),
                carrier.inboundWebhook(DANA, "+14155550199", "Hello?"));
        assertThat(unknownNumber.statusCode()).isEqualTo(422);
        assertThat(unknownNumber.body()).contains("UNKNOWN_NUMBER", "+14•••••0199").doesNotContain("Hello?");
        assertThat(WebhookEndpoint.post(endpoint.uri(carrier.id(), AccountId.of("nobody")), hello))
                .as("a URL naming another account than the number's").isEqualTo(422);

        assertThat(kit.inbox().counters(ACME).openConversations()).isZero();
    }

    @Test
    @DisplayName("F45 the database down is answered 503, not 4xx, so that the carrier sends the webhook again")
    void databaseDownIs503() throws Exception {
        store.close();

        HttpResponse<String> answer = WebhookEndpoint.send(endpoint.uri(carrier.id()),
                carrier.inboundWebhook(DANA, LINE, "Hello"));

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).startsWith("Retry later");
    }

    @Test
    @DisplayName("F31 F45 a delivery-report webhook over HTTP is routed by the sending number and moves the message to DELIVERED")
    void deliveryReportsOverHttp() throws Exception {
        OutboxEntry reply = sending.send(ACME, SendRequest.builder().to(Recipient.number(DANA))
                .draft(Draft.ofText("We are open until six.")).build());
        sending.dispatcher().dispatchDue();

        assertThat(post(carrier.drainDeliveryReportWebhook().orElseThrow())).isEqualTo(200);

        assertThat(sending.outboxEntry(ACME, reply.messageId()).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
        List<Message> thread = kit.conversations().messages(ACME, reply.conversationId(), 10);
        assertThat(thread).singleElement().extracting(Message::status).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    @DisplayName("F31 F45 reports that do not name their sender are applied through the URL that names the account")
    void reportsThroughTheAccountUrl() throws Exception {
        OutboxEntry reply = sending.send(ACME, SendRequest.builder().to(Recipient.number(DANA))
                .draft(Draft.ofText("See you at six.")).build());
        sending.dispatcher().dispatchDue();
        List<DeliveryReport> anonymous = carrier.drainDeliveryReports().stream()
                .map(report -> new DeliveryReport(report.carrierMessageId(), report.status(), report.carrierErrorCode(),
                        report.occurredAt()))
                .toList();
        WebhookRequest reports = carrier.webhookFor(WebhookPayload.ofReports(anonymous));

        assertThat(post(reports)).as("by number: nothing says which account").isEqualTo(422);
        assertThat(WebhookEndpoint.post(endpoint.uri(carrier.id(), ACME), reports)).isEqualTo(200);

        assertThat(sending.outboxEntry(ACME, reply.messageId()).orElseThrow().status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    @DisplayName("the webhook example's main plays the carrier and prints 200, 200, 401, 422, 404")
    void examplePrintsTheAnswers() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (JdbcInboxStore own = JdbcInboxStore.builder("jdbc:h2:mem:webhook_play_" + DATABASES.incrementAndGet()
                + ";DB_CLOSE_DELAY=-1", "sa", "").build()) {
            own.migrate();
            WebhookEndpoint.play(own, new PrintStream(printed, true, StandardCharsets.UTF_8));
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains(
                "signed webhook:    HTTP 200", "delivered again:   HTTP 200", "forged webhook:    HTTP 401",
                "unknown number:    HTTP 422", "unknown carrier:   HTTP 404", "Are you open today?");
    }
}
