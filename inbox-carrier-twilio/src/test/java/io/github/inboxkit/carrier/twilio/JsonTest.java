package io.github.inboxkit.carrier.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    @DisplayName("F48 Twilio's Message resource and error bodies are read: strings, numbers, null, nested objects")
    void twilioShapes() {
        Map<String, Object> message = Json.object("{\"sid\": \"SM1\", \"num_segments\": \"2\", \"error_code\": null,"
                + " \"price\": -0.0075, \"subresource_uris\": {\"media\": \"/m\"}, \"tags\": [1, true, false],"
                + " \"body\": \"caf\\u00e9 \\\"ok\\\"\\n\"}").orElseThrow();
        assertThat(Json.text(message, "sid")).contains("SM1");
        assertThat(Json.text(message, "num_segments")).contains("2");
        assertThat(Json.text(message, "error_code")).isEmpty();
        assertThat(message.get("error_code")).isSameAs(Json.NULL);
        assertThat(message.get("price")).isEqualTo(new BigDecimal("-0.0075"));
        assertThat(message.get("subresource_uris")).isEqualTo(Map.of("media", "/m"));
        assertThat(message.get("tags")).isEqualTo(List.of(BigDecimal.ONE, true, false));
        assertThat(Json.text(message, "body")).contains("café \"ok\"\n");
        assertThat(Json.text(Json.object("{\"code\": 21211}").orElseThrow(), "code")).contains("21211");
    }

    @Test
    @DisplayName("F48 anything that is not exactly one JSON object is not read as one")
    void refused() {
        for (String text : List.of("", "[]", "\"sid\"", "{", "{\"a\":1,}", "{\"a\":01}", "{\"a\":1} x",
                "{\"a\":1,\"a\":2}", "<html>", "{\"a\":\"\u0001\"}", "{\"a\": tru}", "[".repeat(100) + "]".repeat(100))) {
            assertThat(Json.object(text)).as(text).isEmpty();
        }
        assertThatThrownBy(() -> Json.parse("{\"a\": 1.}")).isInstanceOf(IllegalArgumentException.class);
    }
}
