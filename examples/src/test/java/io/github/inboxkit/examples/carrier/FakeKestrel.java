package io.github.inboxkit.examples.carrier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-process Kestrel API on an ephemeral port: a real HTTP peer for the adapter, behaving as
 * Kestrel's documentation says (bearer auth, idempotency keys, refusal codes). Thread-safe.
 */
final class FakeKestrel implements AutoCloseable {

    static final String API_KEY = "test-api-key";
    static final String INVALID = "+14155550001";
    static final String UNSUBSCRIBED = "+14155550002";
    static final String LANDLINE = "+14155550003";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Map<String, String> idByKey = new HashMap<>();
    private int nextId;
    private int requests;

    FakeKestrel() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/messages", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    synchronized int requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            synchronized (this) {
                requests++;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, Map.of("code", "method_not_allowed"));
                return;
            }
            if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, Map.of("code", "unauthorized", "message", "bad API key"));
                return;
            }
            Map<String, String> form = KestrelProtocol.decode(exchange.getRequestBody().readAllBytes());
            String to = form.get("to");
            if (INVALID.equals(to)) {
                respond(exchange, 400, Map.of("code", "invalid_number", "message", "not an assigned number"));
                return;
            }
            if (UNSUBSCRIBED.equals(to)) {
                respond(exchange, 400, Map.of("code", "unsubscribed", "message", "recipient replied STOP"));
                return;
            }
            if (LANDLINE.equals(to)) {
                respond(exchange, 400, Map.of("code", "landline", "message", "cannot receive SMS"));
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String id;
            synchronized (this) {
                id = idByKey.computeIfAbsent(key, k -> "KS-" + ++nextId);
            }
            Map<String, String> body = new LinkedHashMap<>();
            body.put("id", id);
            body.put("segments", form.getOrDefault("segments", "1"));
            respond(exchange, 201, body);
        } catch (IllegalArgumentException malformed) {
            respond(exchange, 400, Map.of("code", "bad_request"));
        }
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> fields) throws IOException {
        byte[] body = KestrelProtocol.encode(fields).getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", KestrelProtocol.FORM);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
