package io.github.inboxkit.spring.boot.autoconfigure;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.sending.SendingNotConfiguredException;
import io.github.inboxkit.core.webhook.Webhooks;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Auto-configuration of the webhook endpoint, in a Spring MVC application with {@code
 * inboxkit.webhook.enabled=true}: for each carrier of the engine, {@code POST} at its path ({@code
 * inboxkit.webhook.path} and the carrier id, or {@code inboxkit.carriers.<id>.webhook-path}) is
 * routed by number, and {@code POST} at that path followed by {@code /<accountId>} is applied in
 * that account (for carriers whose delivery reports do not name their sender). The routes are a
 * functional {@link RouterFunction} bean named {@value #ROUTES_BEAN}; an application bean of that
 * name replaces them.
 */
@AutoConfiguration(after = InboxKitAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBean(InboxKit.class)
@ConditionalOnProperty(prefix = "inboxkit.webhook", name = "enabled", havingValue = "true")
public class InboxKitWebhookAutoConfiguration {

    /** The name of the routes bean. */
    public static final String ROUTES_BEAN = "inboxKitWebhookRoutes";

    private static final Logger LOG = LoggerFactory.getLogger(InboxKitWebhookAutoConfiguration.class);

    /** Created by Spring. */
    public InboxKitWebhookAutoConfiguration() {}

    /**
     * The webhook routes of every carrier of the engine; none if it has no carrier.
     *
     * @param kit the engine
     * @param properties the starter's properties
     * @param instrumentation the metrics, when present
     * @return the routes
     */
    @Bean(name = ROUTES_BEAN)
    @ConditionalOnMissingBean(name = ROUTES_BEAN)
    public RouterFunction<ServerResponse> inboxKitWebhookRoutes(InboxKit kit, InboxKitProperties properties,
            ObjectProvider<InboxKitInstrumentation> instrumentation) {
        Webhooks webhooks;
        try {
            webhooks = instrumentation.getIfAvailable(() -> InboxKitInstrumentation.NONE).webhooks(kit.webhooks());
        } catch (SendingNotConfiguredException noCarrier) {
            LOG.info("InboxKit webhook endpoint serves nothing: the engine has no carrier");
            return request -> Optional.empty();
        }
        int maxBodyBytes = (int) properties.getWebhook().getMaxBodySize().toBytes();
        RouterFunctions.Builder routes = RouterFunctions.route();
        for (String carrierId : webhooks.carrierIds()) {
            String path = properties.webhookPath(carrierId);
            WebhookHandler handler = new WebhookHandler(webhooks, carrierId, maxBodyBytes);
            routes.POST(path, handler::byNumber).POST(path + "/{accountId}", handler::forAccount);
            LOG.info("InboxKit webhooks of carrier '{}' served at POST {}", carrierId, path);
        }
        return routes.build();
    }
}
