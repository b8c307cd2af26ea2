package io.github.inboxkit.spring.boot.autoconfigure;

import io.github.inboxkit.carrier.WebhookRequest;
import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.webhook.WebhookOutcome;
import io.github.inboxkit.core.webhook.Webhooks;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves one carrier's webhooks through the front door: reads the request (every value of every
 * header, the body up to the limit), hands it to {@link Webhooks#handle}, and answers with the
 * outcome's status and text. A body over the limit is answered 413 and a path that names no valid
 * account 404, without reaching the front door.
 *
 * <p>Thread-safe: stateless beyond its settings.
 */
final class WebhookHandler {

    static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final Webhooks webhooks;
    private final String carrierId;
    private final int maxBodyBytes;

    WebhookHandler(Webhooks webhooks, String carrierId, int maxBodyBytes) {
        this.webhooks = webhooks;
        this.carrierId = carrierId;
        this.maxBodyBytes = maxBodyBytes;
    }

    ServerResponse byNumber(ServerRequest request) throws IOException {
        return handle(request, null);
    }

    ServerResponse forAccount(ServerRequest request) throws IOException {
        AccountId account;
        try {
            account = AccountId.of(request.pathVariable("accountId"));
        } catch (InvalidValueException notAnAccountId) {
            return ServerResponse.status(404).contentType(TEXT).body("Refused: the path does not name an account");
        }
        return handle(request, account);
    }

    private ServerResponse handle(ServerRequest request, AccountId account) throws IOException {
        HttpServletRequest servlet = request.servletRequest();
        byte[] body;
        try (InputStream in = servlet.getInputStream()) {
            body = in.readNBytes(maxBodyBytes + 1);
        }
        if (body.length > maxBodyBytes) {
            return ServerResponse.status(413).contentType(TEXT)
                    .body("Refused: the body is over " + maxBodyBytes + " bytes");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(servlet.getHeaderNames())) {
            headers.put(name, Collections.list(servlet.getHeaders(name)));
        }
        WebhookRequest webhook = new WebhookRequest(servlet.getMethod(), headers, body);
        WebhookOutcome outcome = account == null ? webhooks.handle(carrierId, webhook)
                : webhooks.handle(carrierId, account, webhook);
        return ServerResponse.status(outcome.httpStatus()).contentType(TEXT).body(outcome.responseBody());
    }
}
