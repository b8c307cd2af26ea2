package io.github.inboxkit.core.sending;

import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.core.InboxStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Why an outbound message is FAILED (F31): InboxKit's reason, and what the carrier said when it
 * said something. Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface SendFailure {

    /** @return InboxKit's reason */
    FailureReason reason();

    /** @return the carrier's classification of a permanent refusal, if it refused permanently */
    Optional<PermanentReason> carrierReason();

    /** @return the carrier's own error code, empty string if none */
    @Value.Default
    default String carrierCode() {
        return "";
    }

    /** @return the carrier's explanation or InboxKit's, for people; never contains a message body */
    @Value.Default
    default String detail() {
        return "";
    }

    /**
     * A failure with no carrier information.
     *
     * @param reason the reason
     * @param detail an explanation for people
     * @return the failure
     */
    static SendFailure of(FailureReason reason, String detail) {
        return ImmutableSendFailure.builder().reason(reason).detail(detail).build();
    }

    /**
     * Starts a failure.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableSendFailure.Builder builder() {
        return ImmutableSendFailure.builder();
    }
}
