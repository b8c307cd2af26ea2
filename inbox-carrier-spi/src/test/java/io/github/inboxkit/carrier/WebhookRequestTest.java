package io.github.inboxkit.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WebhookRequestTest {

    @Test
    @DisplayName("F29 webhook header names are case-insensitive and the method is upper-cased")
    void caseInsensitiveHeaders() {
        WebhookRequest request = WebhookRequest.of("post", Map.of("X-Signature", "abc"), new byte[0]);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("x-signature")).contains("abc");
        assertThat(request.headers().get("X-SIGNATURE")).containsExactly("abc");
        assertThat(request.header("missing")).isEmpty();
        assertThat(request).isEqualTo(WebhookRequest.of("POST", Map.of("x-signature", "abc"), new byte[0]));
        assertThat(request.hashCode())
                .isEqualTo(WebhookRequest.of("POST", Map.of("x-signature", "abc"), new byte[0]).hashCode());
    }

    @Test
    @DisplayName("F29 the body is copied in and out; headers differing only in case are merged, not dropped")
    void immutableBody() {
        byte[] body = "a=b".getBytes(StandardCharsets.US_ASCII);
        WebhookRequest request = new WebhookRequest("POST", Map.of("A", List.of("1"), "a", List.of("2")), body);
        body[0] = 'z';
        request.body()[0] = 'y';
        assertThat(request.bodyAsString()).isEqualTo("a=b");
        assertThat(request.headers().get("a")).containsExactlyInAnyOrder("1", "2");
        assertThat(request.withoutHeader("A").headers()).isEmpty();
    }

    @Test
    @DisplayName("F29 F45 a signature header is read only when given exactly once")
    void signatureHeader() {
        WebhookRequest request = WebhookRequest.of("POST", Map.of("X-Sig", "a"), new byte[0]);
        assertThat(request.signatureHeader("x-sig")).isEqualTo("a");
        assertThatThrownBy(() -> request.signatureHeader("X-Other"))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.SIGNATURE_MISSING));
        WebhookRequest twice = request.withAddedHeader("X-SIG", "b");
        assertThat(twice.headers().get("x-sig")).containsExactly("a", "b");
        assertThatThrownBy(() -> twice.signatureHeader("X-Sig"))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(WebhookRejectedException.Reason.SIGNATURE_INVALID))
                .hasMessageContaining("2 X-Sig headers");
    }
}
