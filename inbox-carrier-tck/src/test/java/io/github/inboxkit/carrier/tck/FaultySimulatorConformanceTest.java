package io.github.inboxkit.carrier.tck;

import io.github.inboxkit.carrier.simulator.SimulatedCarrier;

/**
 * The kit against a simulator that fails transiently and duplicates and reorders its reports: a
 * carrier whose sandbox hiccups must still certify, since the engine retries transient failures.
 */
class FaultySimulatorConformanceTest extends SimulatorConformance {

    @Override
    SimulatedCarrier.Builder configure(SimulatedCarrier.Builder builder) {
        return builder.seed(31).transientFailureRate(0.2).duplicateReportRate(0.5).outOfOrderReportRate(0.5);
    }
}
