package io.github.inboxkit.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/** The webhook routes: served only in a servlet web application that enables them, at each carrier's path. */
class InboxKitWebhookAutoConfigurationTest {

    static final String SECRET = "a-secret-of-sixteen-chars";

    final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
            .withConfiguration(InboxKitAutoConfigurationTest.STARTER)
            .withPropertyValues("inboxkit.carriers.simulator.settings.webhookSecret=" + SECRET,
                    "inboxkit.dispatcher.enabled=false", "inboxkit.retention.enabled=false");

    @Test
    @DisplayName("F49 F45 the webhook endpoint is off unless enabled, and never outside a servlet web application or without Spring MVC")
    void offUnlessEnabled() {
        web.run(context -> assertThat(context).doesNotHaveBean(InboxKitWebhookAutoConfiguration.ROUTES_BEAN));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withConfiguration(InboxKitAutoConfigurationTest.STARTER)
                .withPropertyValues("inboxkit.webhook.enabled=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(InboxKit.class);
                    assertThat(context).doesNotHaveBean(InboxKitWebhookAutoConfiguration.ROUTES_BEAN);
                });
        web.withPropertyValues("inboxkit.webhook.enabled=true")
                .withClassLoader(new FilteredClassLoader(RouterFunction.class))
                .run(context -> assertThat(context).doesNotHaveBean(InboxKitWebhookAutoConfiguration.ROUTES_BEAN));
    }

    @Test
    @DisplayName("F49 F45 a carrier's webhooks are served at its configured path, by number and per account, through the front door")
    void servedThroughFrontDoor() {
        web.withPropertyValues("inboxkit.webhook.enabled=true", "inboxkit.carriers.simulator.webhook-path=/hooks/sim",
                "inboxkit.webhook.max-body-size=2KB").run(context -> {
                    InboxKitAutoConfigurationTest.receiveOne(context.getBean(InboxKit.class));
                    @SuppressWarnings("unchecked")
                    RouterFunction<ServerResponse> routes = (RouterFunction<ServerResponse>) context
                            .getBean(InboxKitWebhookAutoConfiguration.ROUTES_BEAN);
                    SimulatedCarrier sender = SimulatedCarrier.builder().webhookSecret(SECRET).build();
                    WebhookRequest signed = sender.inboundWebhook(InboxKitAutoConfigurationTest.DANA,
                            InboxKitAutoConfigurationTest.MAIN_LINE, "Are you open?");

                    assertThat(post(routes, "/hooks/sim", signed)).isEqualTo(200);
                    assertThat(post(routes, "/hooks/sim/acme", signed)).isEqualTo(200);
                    assertThat(post(routes, "/hooks/sim", signed.withBody("forged".getBytes()))).isEqualTo(401);
                    assertThat(post(routes, "/hooks/sim", signed.withBody(new byte[4096]))).isEqualTo(413);
                    assertThat(post(routes, "/hooks/sim/globex", signed)).as("not a number of that account").isEqualTo(422);
                    assertThat(routes.route(request("/webhooks/simulator", signed))).isEmpty();
                });
    }

    @Test
    @DisplayName("F49 an application bean named inboxKitWebhookRoutes replaces the starter's routes")
    void ownRoutesWin() {
        RouterFunction<ServerResponse> own = request -> java.util.Optional.empty();
        web.withPropertyValues("inboxkit.webhook.enabled=true")
                .withBean(InboxKitWebhookAutoConfiguration.ROUTES_BEAN, RouterFunction.class, () -> own)
                .run(context -> assertThat(context.getBean(InboxKitWebhookAutoConfiguration.ROUTES_BEAN)).isSameAs(own));
    }

    private static int post(RouterFunction<ServerResponse> routes, String path, WebhookRequest webhook) throws Exception {
        ServerRequest request = request(path, webhook);
        HandlerFunction<ServerResponse> handler = routes.route(request).orElseThrow(() -> new AssertionError("no route for " + path));
        return handler.handle(request).statusCode().value();
    }

    private static ServerRequest request(String path, WebhookRequest webhook) {
        MockHttpServletRequest servlet = new MockHttpServletRequest("POST", path);
        webhook.headers().forEach((name, values) -> values.forEach(value -> servlet.addHeader(name, value)));
        servlet.setContent(webhook.body());
        return ServerRequest.create(servlet, List.of());
    }

}
