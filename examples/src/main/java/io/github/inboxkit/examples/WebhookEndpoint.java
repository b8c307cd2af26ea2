package io.github.inboxkit.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.webhook.WebhookOutcome;
import io.github.inboxkit.jdbc.JdbcInboxStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

/**
 * A minimal webhook endpoint on the JDK's {@link HttpServer}, in front of InboxKit's webhook front
 * door: a carrier POSTs to {@code /webhooks/<carrierId>}, and the endpoint hands the request to
 * {@code kit.webhooks()} and answers what it says. The front door checks the signature, routes each
 * message and report to the account that owns its number, and stores them.
 *
 * <p>For a carrier whose delivery reports do not name the number they were sent from, give it
 * {@code /webhooks/<carrierId>/<accountId>}: reports are then applied in that account.
 *
 * <p>Answers: 200 once everything is stored (a repeat included); 401 for a missing, repeated or
 * wrong signature or a replay; 400 for a malformed request; 404 for an unknown carrier or path;
 * 413 for a body over 1 MiB; 422 for a message to a number no account owns; 503 when the database
 * is unavailable and 500 for an unexpected failure, so that the carrier sends the request again.
 * Ingestion is idempotent (F32): a request sent again never stores a message twice.
 *
 * <p>Thread-safe: requests are served on the executor given at start.
 */
public final class WebhookEndpoint implements AutoCloseable {

    private static final String PATH = "/webhooks/";
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpServer server;
    private final InboxKit kit;

    private WebhookEndpoint(HttpServer server, InboxKit kit) {
        this.server = server;
        this.kit = kit;
    }

    /**
     * Starts serving the webhooks of every carrier the engine was built with.
     *
     * @param kit the engine, whose front door handles the requests
     * @param port the port, 0 for any free one
     * @param executor the threads that serve requests, owned by the host
     * @return the running endpoint
     * @throws IOException if the port cannot be bound
     */
    public static WebhookEndpoint start(InboxKit kit, int port, ExecutorService executor) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        WebhookEndpoint endpoint = new WebhookEndpoint(server, kit);
        server.createContext(PATH, endpoint::handle);
        server.setExecutor(executor);
        server.start();
        return endpoint;
    }

    /**
     * The URL to give a carrier: its webhooks are routed by number.
     *
     * @param carrierId the carrier's id
     * @return e.g. {@code http://127.0.0.1:8080/webhooks/simulator}
     */
    public URI uri(String carrierId) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH + carrierId);
    }

    /**
     * The URL to give a carrier for one account, when its delivery reports do not name their sender.
     *
     * @param carrierId the carrier's id
     * @param account the account
     * @return e.g. {@code http://127.0.0.1:8080/webhooks/simulator/acme}
     */
    public URI uri(String carrierId, AccountId account) {
        return URI.create(uri(carrierId) + "/" + account.value());
    }

    /** Stops accepting requests and waits up to a second for the ones in flight. */
    @Override
    public void close() {
        server.stop(1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String[] route = exchange.getRequestURI().getPath().substring(PATH.length()).split("/", -1);
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                answer(exchange, 413, "Refused: the body is over " + MAX_BODY_BYTES + " bytes");
            } else if (route.length > 2 || route[0].isEmpty()) {
                answer(exchange, 404, "Refused: post to " + PATH + "<carrierId> or " + PATH + "<carrierId>/<accountId>");
            } else {
                // The JDK keeps every value of a repeated header: the carrier refuses a repeated signature.
                WebhookRequest request = new WebhookRequest(exchange.getRequestMethod(), exchange.getRequestHeaders(), body);
                WebhookOutcome outcome = route.length == 1 ? kit.webhooks().handle(route[0], request)
                        : kit.webhooks().handle(route[0], AccountId.of(route[1]), request);
                answer(exchange, outcome.httpStatus(), outcome.responseBody());
            }
        } catch (InvalidValueException notAnAccountId) {
            answer(exchange, 404, "Refused: the path does not name an account");
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Wires InboxKit on H2, serves webhooks, and plays the carrier: it posts a signed inbound
     * message, the same webhook again, a forged one, one to a number no account owns and one to an
     * unknown carrier, and prints what the endpoint answered.
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
        try (WebhookEndpoint endpoint = start(kit, 0, threads)) {
            URI url = endpoint.uri(carrier.id());
            WebhookRequest signed = carrier.inboundWebhook("+14155550132", "+14155550100", "Are you open today?");
            out.println("signed webhook:    HTTP " + post(url, signed));
            out.println("delivered again:   HTTP " + post(url, signed));
            WebhookRequest forged = signed.withBody("From=%2B14155550199&To=%2B14155550100&Body=Send+me+your+data"
                    .getBytes(StandardCharsets.US_ASCII));
            out.println("forged webhook:    HTTP " + post(url, forged));
            out.println("unknown number:    HTTP " + post(url, carrier.inboundWebhook("+14155550132", "+14155550199",
                    "Hello?")));
            out.println("unknown carrier:   HTTP " + post(endpoint.uri("twilio"), signed));
            new InboxPrinter(kit, ZoneId.of("UTC"), out).print(account);
        } finally {
            threads.shutdown();
        }
    }

    /** What a carrier does: POST the webhook, exactly as signed, and read the status. */
    static int post(URI uri, WebhookRequest webhook) throws IOException, InterruptedException {
        return send(uri, webhook).statusCode();
    }

    /** POSTs the webhook, every value of every header included, and returns the answer. */
    static HttpResponse<String> send(URI uri, WebhookRequest webhook) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(webhook.method(), HttpRequest.BodyPublishers.ofByteArray(webhook.body()));
        webhook.headers().forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
