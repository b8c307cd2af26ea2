package io.github.inboxkit.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.spring.boot.autoconfigure.InboxKitCarriers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example application driven as its users drive it, over real HTTP on a random port: the
 * carrier posts a signed inbound webhook, the front end sends a reply through the REST call, the
 * dispatcher sends it, the carrier posts its delivery report, and the actuator's metrics and health
 * show it all. Subclasses pick the database.
 */
abstract class ExampleOverHttp {

    static final String SECRET = "change-me-simulator-secret";
    static final String DANA = "+14155550132";

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    InboxKitCarriers carriers;

    @Test
    void webhookSendDispatchReportMetricsAndHealth() throws Exception {
        double receivedBefore = metric("inboxkit.messages.received");
        double sendsBefore = metric("inboxkit.carrier.sends");
        double reportsBefore = metric("inboxkit.delivery.reports");

        // 1. the carrier posts a signed inbound message to the webhook endpoint
        SimulatedCarrier carrierSide = SimulatedCarrier.builder().webhookSecret(SECRET).build();
        assertThat(post("/webhooks/simulator", carrierSide.inboundWebhook(DANA, DemoAccount.MAIN_LINE,
                "Hello, can I book a check-up?")).statusCode()).isEqualTo(200);
        assertThat(post("/webhooks/simulator", carrierSide.inboundWebhook(DANA, DemoAccount.MAIN_LINE, "Forged")
                .withBody("From=%2B1&To=%2B1&Body=x".getBytes())).statusCode()).as("a forged webhook").isEqualTo(401);

        // 2. the front end sends a reply through the REST call
        HttpResponse<String> sent = HTTP.send(HttpRequest.newBuilder(uri("/api/accounts/acme/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"" + DANA + "\",\"text\":\"Yes! Friday at 10:30?\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        String messageId = JSON.readTree(sent.body()).get("messageId").asString();

        // 3. the dispatcher sends it
        awaitStatus(messageId, "SENT");

        // 4. the carrier posts its delivery report
        SimulatedCarrier appCarrier = (SimulatedCarrier) carriers.find("simulator").orElseThrow();
        WebhookRequest report = appCarrier.drainDeliveryReportWebhook().orElseThrow();
        assertThat(post("/webhooks/simulator", report).statusCode()).isEqualTo(200);
        awaitStatus(messageId, "DELIVERED");

        // 5. the actuator's figures moved
        assertThat(metric("inboxkit.messages.received")).isEqualTo(receivedBefore + 1);
        assertThat(metric("inboxkit.carrier.sends")).isEqualTo(sendsBefore + 1);
        assertThat(metric("inboxkit.delivery.reports")).as("the report webhook carries the SENT and DELIVERED reports")
                .isGreaterThan(reportsBefore);
        JsonNode health = JSON.readTree(get("/actuator/health").body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("inboxKit").get("status").asString()).isEqualTo("UP");
        assertThat(health.get("components").get("inboxKit").get("details").toString()).contains("lanes");
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What a carrier does: POST the webhook exactly as signed, every value of every header. */
    HttpResponse<String> post(String path, WebhookRequest webhook) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(webhook.method(), HttpRequest.BodyPublishers.ofByteArray(webhook.body()));
        webhook.headers().forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sum of a metric's COUNT (or VALUE) measurements; 0 while the meter does not exist yet. */
    double metric(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/actuator/metrics/" + name);
        if (response.statusCode() == 404) {
            return 0;
        }
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonNode measurement : JSON.readTree(response.body()).get("measurements")) {
            String statistic = measurement.get("statistic").asString();
            if (statistic.equals("COUNT") || statistic.equals("VALUE")) {
                return measurement.get("value").asDouble();
            }
        }
        throw new AssertionError("no count in " + response.body());
    }

    void awaitStatus(String messageId, String status) throws IOException, InterruptedException {
        String last = "";
        for (int i = 0; i < 200; i++) {
            last = JSON.readTree(get("/api/accounts/acme/messages/" + messageId).body()).get("status").asString();
            if (last.equals(status)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("message " + messageId + " is " + last + ", not " + status + ", after ten seconds");
    }
}
