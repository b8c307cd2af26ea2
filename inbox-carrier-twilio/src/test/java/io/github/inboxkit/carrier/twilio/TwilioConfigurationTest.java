package io.github.inboxkit.carrier.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierConfigurationException;
import io.github.inboxkit.carrier.Carriers;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TwilioConfigurationTest {

    private static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("accountSid", FakeTwilio.ACCOUNT_SID);
        settings.put("authToken", FakeTwilio.AUTH_TOKEN);
        settings.put("webhookUrl", TwilioRequests.WEBHOOK_URL);
        return settings;
    }

    @Test
    @DisplayName("F48 ServiceLoader finds the carrier under the id 'twilio' and configures it from a map")
    void serviceLoader() {
        Map<String, String> settings = settings();
        settings.put("messagingServiceSid", FakeTwilio.MESSAGING_SERVICE_SID);
        settings.put("apiKeySid", FakeTwilio.API_KEY_SID);
        settings.put("apiKeySecret", FakeTwilio.API_KEY_SECRET);
        settings.put("apiBaseUrl", "http://127.0.0.1:8080/");
        settings.put("alphanumericSenders", "true");
        settings.put("maxSegments", "6");
        settings.put("messagesPerSecond", "1");
        settings.put("submitTimeoutMillis", "2500");

        Carrier carrier = Carriers.load("twilio", settings);

        assertThat(Carriers.availableIds()).contains("twilio");
        assertThat(carrier).isInstanceOf(TwilioCarrier.class);
        assertThat(carrier.id()).isEqualTo("twilio");
        assertThat(carrier.capabilities().alphanumericSenders()).isTrue();
        assertThat(carrier.capabilities().maxSegments()).isEqualTo(6);
        assertThat(carrier.capabilities().messagesPerSecond()).isEqualTo(1.0);
        assertThat(carrier.capabilities().submitTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(carrier.capabilities().mms()).as("a map cannot carry a MediaPublisher").isFalse();
        assertThat(((TwilioCarrier) carrier).webhookUrl()).isEqualTo(URI.create(TwilioRequests.WEBHOOK_URL));
    }

    @ParameterizedTest
    @CsvSource({"accountSid", "authToken", "webhookUrl"})
    @DisplayName("F48 a missing required setting is refused, naming it")
    void missingRequired(String key) {
        Map<String, String> settings = settings();
        settings.remove(key);

        assertRefused(settings, key);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "accountSid | SK0123456789abcdef0123456789abcdef",
        "authToken | '  '",
        "webhookUrl | /webhooks/twilio",
        "webhookUrl | ftp://inbox.example.com/twilio",
        "webhookUrl | https://inbox.example.com/twilio#frag",
        "webhookUrl | https://inbox example.com",
        "apiBaseUrl | https://api.twilio.com/2010-04-01",
        "messagingServiceSid | MG123",
        "alphanumericSenders | yes",
        "maxSegments | 0",
        "maxSegments | ten",
        "messagesPerSecond | -1",
        "submitTimeoutMillis | 0"})
    @DisplayName("F48 a malformed setting is refused, naming it")
    void malformed(String key, String value) {
        Map<String, String> settings = settings();
        settings.put(key, value);

        assertRefused(settings, key);
    }

    @Test
    @DisplayName("F48 an unknown setting, or half an API key, is refused, naming the key")
    void unknownAndHalfKeys() {
        Map<String, String> typo = settings();
        typo.put("authtoken", "x");
        assertRefused(typo, "authtoken");

        Map<String, String> halfKey = settings();
        halfKey.put("apiKeySid", FakeTwilio.API_KEY_SID);
        assertRefused(halfKey, "apiKeySecret");
    }

    @Test
    @DisplayName("F48 the auth token never appears in a configuration error or in the carrier's toString")
    void secretsStayOut() {
        Map<String, String> settings = settings();
        settings.put("accountSid", "AC-not-a-sid");
        assertThatThrownBy(() -> Carriers.load("twilio", settings))
                .hasMessageNotContaining(FakeTwilio.AUTH_TOKEN);
        assertThat(Carriers.load("twilio", settings()).toString()).doesNotContain(FakeTwilio.AUTH_TOKEN);
    }

    @Test
    @DisplayName("F48 the builder refuses a bad value when it is given, naming the setting")
    void builderFailsFast() {
        assertThatThrownBy(() -> TwilioCarrier.builder().accountSid("ac0123"))
                .isInstanceOfSatisfying(CarrierConfigurationException.class,
                        refused -> assertThat(refused.setting()).isEqualTo("accountSid"));
        assertThatThrownBy(() -> TwilioCarrier.builder().apiKey(FakeTwilio.API_KEY_SID, ""))
                .isInstanceOfSatisfying(CarrierConfigurationException.class,
                        refused -> assertThat(refused.setting()).isEqualTo("apiKeySecret"));
        assertThatThrownBy(() -> TwilioCarrier.builder().submitTimeout(Duration.ZERO))
                .isInstanceOfSatisfying(CarrierConfigurationException.class,
                        refused -> assertThat(refused.setting()).isEqualTo("submitTimeoutMillis"));
    }

    private static void assertRefused(Map<String, String> settings, String key) {
        assertThatThrownBy(() -> Carriers.load("twilio", settings))
                .isInstanceOfSatisfying(CarrierConfigurationException.class, refused -> {
                    assertThat(refused.carrierId()).isEqualTo("twilio");
                    assertThat(refused.setting()).isEqualTo(key);
                    assertThat(refused.getMessage()).contains(key);
                });
    }
}
