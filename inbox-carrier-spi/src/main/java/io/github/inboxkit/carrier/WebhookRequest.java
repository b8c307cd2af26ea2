package io.github.inboxkit.carrier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A raw HTTP request a carrier sent to the host's webhook endpoint, as the host's HTTP server
 * received it, before anything is trusted. Immutable and thread-safe.
 *
 * <p>Header names are case-insensitive ({@code headers().get("content-type")} finds {@code
 * Content-Type}), as in HTTP. The body is copied in and out; equality compares its bytes.
 *
 * @param method the HTTP method, upper-cased (e.g. {@code POST})
 * @param headers the headers, each name with its values in order; an unmodifiable, case-insensitive map
 * @param body the raw body (a copy), possibly empty
 */
public record WebhookRequest(String method, Map<String, List<String>> headers, byte[] body) {

    /**
     * Validates and copies.
     *
     * @param method the {@code method} component
     * @param headers the {@code headers} component
     * @param body the {@code body} component
     * @throws NullPointerException if an argument, a header name or a value is null
     * @throws IllegalArgumentException if the method is blank or two header names differ only in case
     */
    public WebhookRequest {
        method = Checks.nonBlank(method, "method").toUpperCase(Locale.ROOT);
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String name = Checks.nonBlank(header.getKey(), "header name");
            List<String> values = List.copyOf(header.getValue());
            List<String> previous = copy.putIfAbsent(name, values);
            if (previous != null) {
                // Merge rather than drop: a host may hand over "X-Sig" and "x-sig" as two entries.
                List<String> merged = new ArrayList<>(previous);
                merged.addAll(values);
                copy.put(name, List.copyOf(merged));
            }
        }
        headers = Collections.unmodifiableMap(copy);
        body = Objects.requireNonNull(body, "body").clone();
    }

    /**
     * A request with one value per header.
     *
     * @param method the HTTP method
     * @param headers header names and their single values
     * @param body the raw body
     * @return the request
     */
    public static WebhookRequest of(String method, Map<String, String> headers, byte[] body) {
        TreeMap<String, List<String>> multi = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> multi.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
        return new WebhookRequest(method, multi, body);
    }

    /**
     * The body.
     *
     * @return a copy of the raw body
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body decoded as UTF-8, with malformed input replaced; for logging lengths and for
     * carriers whose format is text. Strict parsers should decode {@link #body()} themselves.
     *
     * @return the body as text
     */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, in any case
     * @return the first value, or empty when the header is absent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The one value of a header that authenticates the request (a signature, a timestamp signed
     * with it). A request that repeats such a header is refused: a carrier sends it once, and a
     * parser that read only the first value would accept a forged value placed after a valid one,
     * or the other way round, depending on the host's HTTP server.
     *
     * @param name the header name, in any case
     * @return its single value
     * @throws WebhookRejectedException with {@link WebhookRejectedException.Reason#SIGNATURE_MISSING}
     *     if the header is absent, {@link WebhookRejectedException.Reason#SIGNATURE_INVALID} if it
     *     is given more than once
     */
    public String signatureHeader(String name) throws WebhookRejectedException {
        List<String> values = headers.getOrDefault(name, List.of());
        if (values.isEmpty()) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.SIGNATURE_MISSING, "missing " + name + " header");
        }
        if (values.size() > 1) {
            throw new WebhookRejectedException(WebhookRejectedException.Reason.SIGNATURE_INVALID,
                    values.size() + " " + name + " headers: a carrier signs a request once, so several are refused");
        }
        return values.get(0);
    }

    /**
     * A copy of this request with one more value for a header, after those it has; for tests that
     * tamper with requests.
     *
     * @param name the header name
     * @param value the value to add
     * @return the new request
     */
    public WebhookRequest withAddedHeader(String name, String value) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        List<String> values = new ArrayList<>(copy.getOrDefault(name, List.of()));
        values.add(value);
        copy.put(name, values);
        return new WebhookRequest(method, copy, body);
    }

    /**
     * A copy of this request with one header replaced; for tests that tamper with requests.
     *
     * @param name the header name
     * @param value its single new value
     * @return the new request
     */
    public WebhookRequest withHeader(String name, String value) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        copy.put(name, List.of(value));
        return new WebhookRequest(method, copy, body);
    }

    /**
     * A copy of this request without a header; for tests that tamper with requests.
     *
     * @param name the header name
     * @return the new request
     */
    public WebhookRequest withoutHeader(String name) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        copy.remove(name);
        return new WebhookRequest(method, copy, body);
    }

    /**
     * A copy of this request with another body; for tests that tamper with requests.
     *
     * @param newBody the body
     * @return the new request
     */
    public WebhookRequest withBody(byte[] newBody) {
        return new WebhookRequest(method, headers, newBody);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookRequest that
                && method.equals(that.method)
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        // Case-insensitive keys: hash lower-cased names so equal requests hash alike.
        int headerHash = 0;
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            headerHash += header.getKey().toLowerCase(Locale.ROOT).hashCode() ^ header.getValue().hashCode();
        }
        return Objects.hash(method, headerHash, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "WebhookRequest[method=" + method + ", headers=" + headers.keySet() + ", " + body.length + " bytes]";
    }
}
