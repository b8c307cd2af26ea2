package io.github.inboxkit.carrier.twilio;

/**
 * The kit against a Twilio carrier without a media publisher: it declares no MMS, and rule 4.2
 * (MMS refused with a content reason) runs instead of 4.3.
 */
class SmsOnlyTwilioCarrierConformanceTest extends TwilioCarrierConformanceTest {

    @Override
    TwilioCarrier.Builder configure(TwilioCarrier.Builder builder) {
        return builder;
    }
}
