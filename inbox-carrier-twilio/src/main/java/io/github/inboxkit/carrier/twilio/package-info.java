/**
 * A carrier for Twilio's Programmable Messaging: {@link
 * io.github.inboxkit.carrier.twilio.TwilioCarrier} sends SMS and MMS through Twilio's REST API and
 * verifies and reads Twilio's incoming-message and status-callback webhooks; {@link
 * io.github.inboxkit.carrier.twilio.TwilioCarrierProvider} lets {@link
 * io.github.inboxkit.carrier.Carriers} find it by the id {@code twilio}.
 *
 * <p>The package depends on the carrier SPI and the JDK only ({@link java.net.http.HttpClient} for
 * HTTP); its only public types are the carrier, its builder and its provider.
 */
package io.github.inboxkit.carrier.twilio;
