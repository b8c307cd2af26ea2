package io.github.inboxkit.carrier.twilio;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.carrier.CarrierProvider;
import java.util.Map;

/**
 * Registers the {@link TwilioCarrier} for {@link java.util.ServiceLoader} under the id {@value
 * TwilioCarrier#ID}, so that {@code Carriers.load("twilio", settings)} creates one. Stateless and
 * thread-safe.
 *
 * <p>Settings (the names of the {@link TwilioCarrier.Builder} setters):
 * <ul>
 *   <li>{@code accountSid} (required): {@code AC…}, the Account SID;
 *   <li>{@code authToken} (required): the primary auth token, which signs Twilio's webhooks;
 *   <li>{@code apiKeySid} and {@code apiKeySecret} (optional, together): call the REST API with an
 *       API key instead of the auth token;
 *   <li>{@code messagingServiceSid} (optional): {@code MG…}, send through a Messaging Service;
 *   <li>{@code webhookUrl} (required): the public URL of the host's webhook for this carrier,
 *       exactly as set in the Twilio console;
 *   <li>{@code apiBaseUrl} (optional): {@code https://api.twilio.com} by default;
 *   <li>{@code alphanumericSenders} ({@code true}/{@code false}), {@code maxSegments}, {@code
 *       messagesPerSecond}, {@code submitTimeoutMillis} (optional).
 * </ul>
 * A map cannot carry a {@link io.github.inboxkit.carrier.MediaPublisher}, so a carrier created
 * here sends no MMS; to send MMS build it with {@code
 * TwilioCarrier.builder().configuration(settings).mediaPublisher(publisher).build()} and register
 * it with the engine explicitly.
 */
public final class TwilioCarrierProvider implements CarrierProvider {

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public TwilioCarrierProvider() {}

    @Override
    public String id() {
        return TwilioCarrier.ID;
    }

    /**
     * Creates a Twilio carrier on the system UTC clock, without MMS.
     *
     * @throws io.github.inboxkit.carrier.CarrierConfigurationException if a key is unknown, a value
     *     malformed, or a required key missing; {@link
     *     io.github.inboxkit.carrier.CarrierConfigurationException#setting()} names it
     */
    @Override
    public Carrier create(Map<String, String> configuration) {
        return TwilioCarrier.builder().configuration(configuration).build();
    }
}
