package io.github.inboxkit.carrier.twilio;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature, {@code X-Twilio-Signature}: the Base64 of an HMAC-SHA1, keyed with
 * the account's auth token, over the full URL Twilio requested followed by every POST parameter in
 * order of name (case-sensitive, by character), each name immediately followed by its value, with
 * no separators. Repeated names are ordered by value as well, so the result does not depend on
 * the order the pairs arrived in. Immutable and thread-safe.
 */
final class TwilioSignature {

    /** The request header Twilio puts the signature in. */
    static final String HEADER = "X-Twilio-Signature";

    private static final Comparator<Map.Entry<String, String>> BY_NAME_THEN_VALUE =
            Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue());

    private final SecretKeySpec key;

    TwilioSignature(String authToken) {
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1");
    }

    /** The signature Twilio sends for these parameters posted to this URL. */
    String sign(String url, List<Map.Entry<String, String>> parameters) {
        return Base64.getEncoder().encodeToString(mac(url, parameters));
    }

    /**
     * Whether the header value is the signature of these parameters posted to this URL. The
     * comparison takes the same time however much of a guess matches, so timing reveals nothing.
     */
    boolean verify(String url, List<Map.Entry<String, String>> parameters, String headerValue) {
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(headerValue.trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(mac(url, parameters), claimed);
    }

    private byte[] mac(String url, List<Map.Entry<String, String>> parameters) {
        List<Map.Entry<String, String>> sorted = new ArrayList<>(parameters);
        sorted.sort(BY_NAME_THEN_VALUE);
        StringBuilder data = new StringBuilder(url);
        for (Map.Entry<String, String> parameter : sorted) {
            data.append(parameter.getKey()).append(parameter.getValue());
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(key);
            return mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required of every Java platform", e);
        }
    }
}
