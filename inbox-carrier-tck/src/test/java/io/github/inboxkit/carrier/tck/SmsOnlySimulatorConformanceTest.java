package io.github.inboxkit.carrier.tck;

import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.simulator.SimulatedCarrier;

/**
 * The kit against a simulator without MMS or alphanumeric senders, so the rules that refuse what
 * a carrier cannot carry (4.2, 4.4) run instead of being skipped.
 */
class SmsOnlySimulatorConformanceTest extends SimulatorConformance {

    @Override
    SimulatedCarrier.Builder configure(SimulatedCarrier.Builder builder) {
        return builder.capabilities(CarrierCapabilities.builder().noMms().alphanumericSenders(false).maxSegments(3)
                .build());
    }
}
