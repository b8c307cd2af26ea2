package io.github.inboxkit.carrier.twilio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for Twilio's Messages API on 127.0.0.1, shaped after Twilio's documented requests and
 * answers: HTTP Basic authentication (20003 when wrong), {@code 201 Created} with a Message
 * resource, and the error body {@code {"code", "message", "more_info", "status"}}. Recipients
 * follow Twilio's test-credential magic numbers (+15005550001 invalid, +15005550003 no region
 * permission, +15005550004 blocked, +15005550009 not a mobile). Tests can script the next answers
 * (a 429 with {@code Retry-After}, a 5xx, a slow answer). Records every request.
 */
final class FakeTwilio implements AutoCloseable {

    static final String ACCOUNT_SID = "AC" + "0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "fake-twilio-auth-token";
    static final String API_KEY_SID = "SK" + "fedcba9876543210fedcba9876543210";
    static final String API_KEY_SECRET = "fake-api-key-secret";
    static final String MESSAGING_SERVICE_SID = "MG" + "00112233445566778899aabbccddeeff";

    static final String INVALID = "+15005550001";
    static final String NO_REGION_PERMISSION = "+15005550003";
    static final String BLOCKED = "+15005550004";
    static final String NOT_MOBILE = "+15005550009";

    /** One request as the fake received it. */
    record Recorded(String method, String path, String authorization, String contentType,
            List<Map.Entry<String, String>> form) {

        List<String> all(String name) {
            List<String> values = new ArrayList<>();
            form.stream().filter(pair -> pair.getKey().equals(name)).forEach(pair -> values.add(pair.getValue()));
            return values;
        }

        Optional<String> first(String name) {
            List<String> values = all(name);
            return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    /** An answer to give instead of the normal one. */
    record Scripted(int status, String body, Map<String, String> headers, Duration delay) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Scripted> script = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();

    FakeTwilio() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    Recorded lastRequest() {
        return requests.get(requests.size() - 1);
    }

    void reset() {
        requests.clear();
        script.clear();
    }

    /** Gives this answer to the next request, after the normal checks of path and credentials. */
    void answerNext(int status, String body, Map<String, String> headers) {
        script.add(new Scripted(status, body, headers, Duration.ZERO));
    }

    /** Answers the next request normally, but only after this delay. */
    void delayNext(Duration delay) {
        script.add(new Scripted(0, "", Map.of(), delay));
    }

    static String error(int code, String message, int status) {
        return "{\"code\": " + code + ", \"message\": \"" + escape(message) + "\", \"more_info\": "
                + "\"https://www.twilio.com/docs/errors/" + code + "\", \"status\": " + status + "}";
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            List<Map.Entry<String, String>> form = decode(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.US_ASCII));
            Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), form);
            requests.add(request);
            String messagesPath = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
            if (!authorized(request.authorization())) {
                send(exchange, 401, error(20003, "Authenticate", 401), Map.of());
                return;
            }
            if (!request.method().equals("POST") || !request.path().equals(messagesPath)) {
                send(exchange, 404, error(20404, "The requested resource " + request.path() + " was not found", 404),
                        Map.of());
                return;
            }
            Scripted scripted = script.poll();
            if (scripted != null && !scripted.delay().isZero()) {
                Thread.sleep(scripted.delay().toMillis());
            }
            if (scripted != null && scripted.status() != 0) {
                send(exchange, scripted.status(), scripted.body(), scripted.headers());
                return;
            }
            create(exchange, request);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private void create(HttpExchange exchange, Recorded request) throws IOException {
        String to = request.first("To").orElse("");
        Optional<String> service = request.first("MessagingServiceSid");
        if (to.isEmpty()) {
            send(exchange, 400, error(21604, "A 'To' phone number is required.", 400), Map.of());
        } else if (request.first("From").isEmpty() && service.isEmpty()) {
            send(exchange, 400, error(21603, "A 'From' phone number is required.", 400), Map.of());
        } else if (request.first("Body").isEmpty() && request.all("MediaUrl").isEmpty()) {
            send(exchange, 400, error(21602, "Message body is required.", 400), Map.of());
        } else if (to.equals(INVALID)) {
            send(exchange, 400, error(21211, "Invalid 'To' Phone Number: " + to, 400), Map.of());
        } else if (to.equals(NO_REGION_PERMISSION)) {
            send(exchange, 400, error(21408, "Permission to send an SMS has not been enabled for the region"
                    + " indicated by the 'To' number: " + to, 400), Map.of());
        } else if (to.equals(BLOCKED)) {
            send(exchange, 400, error(21610, "Attempt to send to unsubscribed recipient", 400), Map.of());
        } else if (to.equals(NOT_MOBILE)) {
            send(exchange, 400, error(21614, "'To' number is not a valid mobile number", 400), Map.of());
        } else {
            boolean mms = !request.all("MediaUrl").isEmpty();
            String sid = (mms ? "MM" : "SM") + String.format("%032x", sequence.incrementAndGet());
            String date = "Wed, 25 Nov 2026 15:00:00 +0000";
            String uri = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + sid;
            String body = "{\"account_sid\": \"" + ACCOUNT_SID + "\", \"api_version\": \"2010-04-01\", \"body\": \""
                    + escape(request.first("Body").orElse("")) + "\", \"date_created\": \"" + date + "\", "
                    + "\"date_sent\": null, \"date_updated\": \"" + date + "\", \"direction\": \"outbound-api\", "
                    + "\"error_code\": null, \"error_message\": null, \"from\": "
                    + (service.isPresent() ? "null" : "\"" + request.first("From").get() + "\"")
                    + ", \"messaging_service_sid\": " + service.map(s -> "\"" + s + "\"").orElse("null")
                    + ", \"num_media\": \"" + request.all("MediaUrl").size() + "\", \"num_segments\": \""
                    + (service.isPresent() ? 0 : 1) + "\", \"price\": null, \"price_unit\": \"USD\", \"sid\": \"" + sid
                    + "\", \"status\": \"" + (service.isPresent() ? "accepted" : "queued") + "\", "
                    + "\"subresource_uris\": {\"media\": \"" + uri + "/Media.json\"}, \"to\": \"" + escape(to)
                    + "\", \"uri\": \"" + uri + ".json\"}";
            send(exchange, 201, body, Map.of());
        }
    }

    private static boolean authorized(String authorization) {
        return basic(ACCOUNT_SID, AUTH_TOKEN).equals(authorization) || basic(API_KEY_SID, API_KEY_SECRET).equals(authorization);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static List<Map.Entry<String, String>> decode(String body) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (body.isEmpty()) {
            return pairs;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            pairs.add(new SimpleImmutableEntry<>(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8)));
        }
        return pairs;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
