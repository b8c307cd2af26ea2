package io.github.inboxkit.carrier.tck;

/** The kit against the simulator with its defaults (MMS and alphanumeric senders on): it must pass. */
class SimulatedCarrierConformanceTest extends SimulatorConformance {
}
