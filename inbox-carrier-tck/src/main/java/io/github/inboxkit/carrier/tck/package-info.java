/**
 * The carrier conformance kit: an abstract JUnit 5 suite, {@link
 * io.github.inboxkit.carrier.tck.CarrierConformanceTest}, that a carrier vendor extends in its own
 * tests (test scope) to prove that an implementation honours what the InboxKit engine relies on.
 * Rules are numbered and grouped by topic, in the manner of the Reactive Streams TCK.
 */
package io.github.inboxkit.carrier.tck;
