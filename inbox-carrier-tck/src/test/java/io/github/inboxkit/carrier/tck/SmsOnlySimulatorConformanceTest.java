package io.github.inboxkit.carrier.tck;

import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;

/**
 * The kit against a simulator without MMS, alphanumeric senders or a submission lookup, so the
 * rules check the other side of those capabilities: what a carrier cannot carry is refused (4.2,
 * 4.4), and repeats of a key are answered as the engine then relies on (7.1, 7.3).
 */
class SmsOnlySimulatorConformanceTest extends SimulatorConformance {

    @Override
    SimulatedCarrier.Builder configure(SimulatedCarrier.Builder builder) {
        return builder.capabilities(CarrierCapabilities.builder().noMms().alphanumericSenders(false).maxSegments(3)
                .build()).submissionLookup(false);
    }
}
