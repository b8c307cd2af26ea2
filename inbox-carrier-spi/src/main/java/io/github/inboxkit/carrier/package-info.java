/**
 * The service-provider interface through which InboxKit sends and receives SMS/MMS: a {@link
 * io.github.inboxkit.carrier.Carrier} submits outbound messages and turns webhooks into inbound
 * messages and delivery reports, and a {@link io.github.inboxkit.carrier.CarrierProvider} lets
 * {@link io.github.inboxkit.carrier.Carriers} find it by id through {@link java.util.ServiceLoader}.
 *
 * <p>This package depends on nothing beyond the JDK. Its values are immutable and hold no
 * {@code null}: an optional part is an empty string or list, or an accessor returning {@link
 * java.util.Optional}. A carrier's answer is a value ({@link io.github.inboxkit.carrier.SubmitResult});
 * exceptions, all under {@link io.github.inboxkit.carrier.CarrierException}, are for misuse,
 * configuration errors and refused webhooks.
 *
 * <p>A carrier whose API takes MMS media by URL is given a {@link
 * io.github.inboxkit.carrier.MediaPublisher} by the host, which turns an attachment's bytes into a
 * URL the carrier can fetch.
 */
package io.github.inboxkit.carrier;
