/**
 * A deterministic, in-process carrier for examples and tests: it records what it is sent, produces
 * delivery reports, injects latency and faults from a seed, and emits signed webhooks the way a
 * real carrier does. It is registered through {@link java.util.ServiceLoader} under the id {@code
 * "simulator"}, like any other carrier.
 */
package io.github.inboxkit.carrier.simulator;
