/**
 * An example carrier adapter for Kestrel SMS, a fictional HTTP carrier: how a vendor maps an HTTP
 * API onto the InboxKit carrier SPI, registers it for {@link java.util.ServiceLoader} and certifies
 * it with the conformance kit. The protocol mapping ({@code KestrelProtocol}) is pure, so it is
 * unit-tested without a network; {@link io.github.inboxkit.examples.carrier.KestrelCarrier} adds
 * the {@link java.net.http.HttpClient} around it.
 */
package io.github.inboxkit.examples.carrier;
