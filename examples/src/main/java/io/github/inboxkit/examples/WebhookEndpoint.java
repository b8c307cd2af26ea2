package io.github.inboxkit.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.InboundMessage;
import io.github.inboxkit.carrier.WebhookPayload;
import io.github.inboxkit.carrier.WebhookRejectedException;
import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.InboxException;
import io.github.inboxkit.core.InboxKit;
import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.NoSuchAccountException;
import io.github.inboxkit.jdbc.JdbcInboxStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A minimal webhook endpoint on the JDK's {@link HttpServer}: a carrier POSTs to {@code
 * /webhooks/<carrier>/<account>}, the carrier's own parser checks the signature and reads the body,
 * and the engine stores each inbound message and delivery report. The path names the account
 * because a host gives each account its own webhook URL when it configures the carrier.
 *
 * <p>Answers: 204 once everything is committed; 401 for a missing or wrong signature or a replay;
 * 400 for a malformed request; 404 for an unknown account; 500 otherwise. A carrier retries what was
 * not answered 2xx, and ingestion is idempotent (F32), so a retry never stores a message twice.
 *
 * <p>Thread-safe: requests are served on the executor given at start.
 */
public final class WebhookEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpoint.class);
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpServer server;
    private final InboxKit kit;
    private final Carrier carrier;

    private WebhookEndpoint(HttpServer server, InboxKit kit, Carrier carrier) {
        this.server = server;
        this.kit = kit;
        this.carrier = carrier;
    }

    /**
     * Starts serving the carrier's webhooks.
     *
     * @param kit the engine that ingests inbound messages and applies delivery reports
     * @param carrier the carrier whose webhooks arrive here
     * @param port the port, 0 for any free one
     * @param executor the threads that serve requests, owned by the host
     * @return the running endpoint
     * @throws IOException if the port cannot be bound
     */
    public static WebhookEndpoint start(InboxKit kit, Carrier carrier, int port,
            ExecutorService executor) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        WebhookEndpoint endpoint = new WebhookEndpoint(server, kit, carrier);
        server.createContext("/webhooks/" + carrier.id() + "/", endpoint::handle);
        server.setExecutor(executor);
        server.start();
        return endpoint;
    }

    /**
     * The URL to give the carrier for an account.
     *
     * @param account the account
     * @return e.g. {@code http://127.0.0.1:8080/webhooks/simulator/acme}
     */
    public URI uri(AccountId account) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/" + carrier.id() + "/"
                + account.value());
    }

    /** Stops accepting requests and waits up to a second for the ones in flight. */
    @Override
    public void close() {
        server.stop(1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        int status;
        try (InputStream in = exchange.getRequestBody()) {
            AccountId account = AccountId.of(exchange.getRequestURI().getPath()
                    .substring(("/webhooks/" + carrier.id() + "/").length()));
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            WebhookPayload payload = carrier.parseWebhook(
                    new WebhookRequest(exchange.getRequestMethod(), exchange.getRequestHeaders(), body));
            for (InboundMessage message : payload.inboundMessages()) {
                kit.ingestion().receive(account, message);
            }
            payload.deliveryReports().forEach(report -> kit.sending().applyDeliveryReport(account, carrier.id(), report));
            status = 204;
        } catch (WebhookRejectedException rejected) {
            // An operator should know about forged or replayed webhooks; the reason, never the body.
            LOG.warn("refused a {} webhook: {}", carrier.id(), rejected.reason());
            status = rejected.reason() == WebhookRejectedException.Reason.MALFORMED ? 400 : 401;
        } catch (NoSuchAccountException | InvalidValueException unknownAccount) {
            status = 404;
        } catch (InboxException invalid) {
            status = 400;
        } catch (RuntimeException failure) {
            LOG.warn("a {} webhook failed; the carrier will retry it", carrier.id(), failure);
            status = 500;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /**
     * Wires InboxKit on H2, serves webhooks, and plays the carrier: it posts a signed inbound
     * message, the same webhook again, and a forged one, and prints what the endpoint answered.
     *
     * @param args ignored
     * @throws Exception if the server cannot start or a request fails
     */
    public static void main(String[] args) throws Exception {
        try (JdbcInboxStore store = JdbcInboxStore.builder("jdbc:h2:mem:webhooks;DB_CLOSE_DELAY=-1", "sa", "").build()) {
            store.migrate();
            play(store, System.out);
        }
    }

    static void play(JdbcInboxStore store, PrintStream out) throws IOException, InterruptedException {
        AccountId account = AccountId.of("acme");
        SimulatedCarrier carrier = SimulatedCarrier.create();
        InboxKit kit = InboxKit.builder().store(store).carrier(carrier).build();
        kit.administration().createAccount(account, "Acme", AccountSettings.builder()
                .senderIds(List.of("+14155550100")).defaultSenderId("+14155550100").build());

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (WebhookEndpoint endpoint = start(kit, carrier, 0, threads)) {
            WebhookRequest signed = carrier.inboundWebhook("+14155550132", "+14155550100", "Are you open today?");
            out.println("signed webhook:    HTTP " + post(endpoint.uri(account), signed));
            out.println("delivered again:   HTTP " + post(endpoint.uri(account), signed));
            WebhookRequest forged = signed.withBody("From=%2B14155550199&To=%2B14155550100&Body=Send+me+your+data"
                    .getBytes(StandardCharsets.US_ASCII));
            out.println("forged webhook:    HTTP " + post(endpoint.uri(account), forged));
            out.println("unknown account:   HTTP " + post(endpoint.uri(AccountId.of("nobody")), signed));
            new InboxPrinter(kit, ZoneId.of("UTC"), out).print(account);
        } finally {
            threads.shutdown();
        }
    }

    /** What a carrier does: POST the webhook, exactly as signed. */
    static int post(URI uri, WebhookRequest webhook) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(webhook.method(), HttpRequest.BodyPublishers.ofByteArray(webhook.body()));
        webhook.headers().forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
