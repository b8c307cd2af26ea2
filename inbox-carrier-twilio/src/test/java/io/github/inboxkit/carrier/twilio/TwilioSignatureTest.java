package io.github.inboxkit.carrier.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {

    /** The worked example of Twilio's webhook security guide: auth token, URL, parameters and signature. */
    private static final String EXAMPLE_TOKEN = "12345";
    private static final String EXAMPLE_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final List<Map.Entry<String, String>> EXAMPLE_PARAMETERS = TwilioRequests.pairs(
            "CallSid", "CA1234567890ABCDE",
            "Caller", "+12349013030",
            "Digits", "1234",
            "From", "+12349013030",
            "To", "+18005551212");
    private static final String EXAMPLE_SIGNATURE = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

    private final TwilioSignature signature = new TwilioSignature(EXAMPLE_TOKEN);

    @Test
    @DisplayName("F48 Twilio's published example signs to its published signature")
    void publishedExample() {
        assertThat(signature.sign(EXAMPLE_URL, EXAMPLE_PARAMETERS)).isEqualTo(EXAMPLE_SIGNATURE);
        assertThat(signature.verify(EXAMPLE_URL, EXAMPLE_PARAMETERS, EXAMPLE_SIGNATURE)).isTrue();
    }

    @Test
    @DisplayName("F48 the published example verifies as the form body Twilio posts, whatever the order of its pairs")
    void publishedExampleAsPostedForm() {
        byte[] body = "To=%2B18005551212&Digits=1234&CallSid=CA1234567890ABCDE&From=%2B12349013030&Caller=%2B12349013030"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(signature.verify(EXAMPLE_URL, FormBody.decode(body), EXAMPLE_SIGNATURE)).isTrue();
        List<Map.Entry<String, String>> shuffled = new ArrayList<>(EXAMPLE_PARAMETERS);
        Collections.reverse(shuffled);
        assertThat(signature.sign(EXAMPLE_URL, shuffled)).isEqualTo(EXAMPLE_SIGNATURE);
    }

    @Test
    @DisplayName("F48 a changed parameter, URL, query or token no longer verifies the published signature")
    void anyChangeBreaksTheSignature() {
        List<Map.Entry<String, String>> changedValue = new ArrayList<>(EXAMPLE_PARAMETERS);
        changedValue.set(2, Map.entry("Digits", "1235"));
        List<Map.Entry<String, String>> extra = new ArrayList<>(EXAMPLE_PARAMETERS);
        extra.add(Map.entry("Body", ""));
        assertThat(signature.verify(EXAMPLE_URL, changedValue, EXAMPLE_SIGNATURE)).isFalse();
        assertThat(signature.verify(EXAMPLE_URL, extra, EXAMPLE_SIGNATURE)).as("an added empty parameter").isFalse();
        assertThat(signature.verify(EXAMPLE_URL, EXAMPLE_PARAMETERS.subList(0, 4), EXAMPLE_SIGNATURE)).isFalse();
        assertThat(signature.verify("https://mycompany.com/myapp.php?foo=1&bar=3", EXAMPLE_PARAMETERS,
                EXAMPLE_SIGNATURE)).isFalse();
        assertThat(signature.verify("http://mycompany.com/myapp.php?foo=1&bar=2", EXAMPLE_PARAMETERS,
                EXAMPLE_SIGNATURE)).as("http instead of https").isFalse();
        assertThat(new TwilioSignature("12346").verify(EXAMPLE_URL, EXAMPLE_PARAMETERS, EXAMPLE_SIGNATURE)).isFalse();
    }

    @Test
    @DisplayName("F48 a header that is not Base64, or is the signature cut short or lengthened, does not verify")
    void malformedHeaderDoesNotVerify() {
        assertThat(signature.verify(EXAMPLE_URL, EXAMPLE_PARAMETERS, "not base64!")).isFalse();
        assertThat(signature.verify(EXAMPLE_URL, EXAMPLE_PARAMETERS, "0/KCTR6DLpKmkAf8muzZqo1nDg")).isFalse();
        assertThat(signature.verify(EXAMPLE_URL, EXAMPLE_PARAMETERS, EXAMPLE_SIGNATURE.replace("=", "AA="))).isFalse();
        assertThat(signature.verify(EXAMPLE_URL, EXAMPLE_PARAMETERS, "")).isFalse();
    }

    @Test
    @DisplayName("F48 names sort case-sensitively by character, and a repeated name is ordered by value")
    void ordering() {
        // "MediaUrl0" < "a": upper case sorts before lower case, as Twilio sorts.
        List<Map.Entry<String, String>> mixed = TwilioRequests.pairs("a", "1", "MediaUrl0", "x");
        assertThat(signature.sign("https://h/", mixed))
                .isEqualTo(signature.sign("https://h/", TwilioRequests.pairs("MediaUrl0", "x", "a", "1")));
        assertThat(signature.sign("https://h/", TwilioRequests.pairs("MediaUrl", "b", "MediaUrl", "a")))
                .isEqualTo(signature.sign("https://h/", TwilioRequests.pairs("MediaUrl", "a", "MediaUrl", "b")));
    }
}
