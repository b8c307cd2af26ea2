package io.github.inboxkit.carrier;

import java.time.Duration;
import java.util.Objects;

/**
 * What a carrier can carry and how fast, as it declares it. The engine does not submit what the
 * carrier cannot carry and paces its dispatch to {@link #messagesPerSecond()}; a carrier still
 * refuses, as a {@link SubmitResult.RejectedPermanently}, what it cannot carry. Immutable and
 * thread-safe.
 *
 * @param mms whether the carrier carries MMS (media)
 * @param maxMmsBytes the largest total media size it accepts; 0 when {@code mms} is false, positive otherwise
 * @param alphanumericSenders whether alphanumeric sender ids are allowed
 * @param maxSegments the most segments one text may have, at least 1
 * @param messagesPerSecond the submit rate the carrier allows, positive and finite
 * @param submitTimeout the longest {@link Carrier#submit} takes before answering {@link
 *     TransientReason#TIMEOUT}; positive
 */
public record CarrierCapabilities(boolean mms, int maxMmsBytes, boolean alphanumericSenders, int maxSegments,
        double messagesPerSecond, Duration submitTimeout) {

    /**
     * Validates.
     *
     * @param mms the {@code mms} component
     * @param maxMmsBytes the {@code maxMmsBytes} component
     * @param alphanumericSenders the {@code alphanumericSenders} component
     * @param maxSegments the {@code maxSegments} component
     * @param messagesPerSecond the {@code messagesPerSecond} component
     * @param submitTimeout the {@code submitTimeout} component
     * @throws NullPointerException if the timeout is null
     * @throws IllegalArgumentException if a value is out of range (see the component descriptions)
     */
    public CarrierCapabilities {
        Checks.argument(mms ? maxMmsBytes > 0 : maxMmsBytes == 0,
                "maxMmsBytes must be positive when mms is supported and 0 otherwise, was " + maxMmsBytes);
        Checks.argument(maxSegments >= 1, "maxSegments must be >= 1, was " + maxSegments);
        Checks.argument(messagesPerSecond > 0 && Double.isFinite(messagesPerSecond),
                "messagesPerSecond must be positive and finite, was " + messagesPerSecond);
        Objects.requireNonNull(submitTimeout, "submitTimeout");
        Checks.argument(!submitTimeout.isNegative() && !submitTimeout.isZero(), "submitTimeout must be positive");
    }

    /**
     * A builder starting from SMS only, long codes and short codes, 10 segments, 10 messages per
     * second, a 10-second submit timeout.
     *
     * @return a new builder; not thread-safe
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds {@link CarrierCapabilities}; each setter fails fast on a bad value. Not thread-safe.
     */
    public static final class Builder {
        private boolean mms;
        private int maxMmsBytes;
        private boolean alphanumericSenders;
        private int maxSegments = 10;
        private double messagesPerSecond = 10;
        private Duration submitTimeout = Duration.ofSeconds(10);

        private Builder() {}

        /**
         * Declares MMS support with a size limit.
         *
         * @param maxBytes the largest total media size, positive
         * @return this builder
         * @throws IllegalArgumentException if {@code maxBytes} is not positive
         */
        public Builder mms(int maxBytes) {
            Checks.argument(maxBytes > 0, "maxMmsBytes must be positive, was " + maxBytes);
            this.mms = true;
            this.maxMmsBytes = maxBytes;
            return this;
        }

        /**
         * Declares that the carrier carries no MMS.
         *
         * @return this builder
         */
        public Builder noMms() {
            this.mms = false;
            this.maxMmsBytes = 0;
            return this;
        }

        /**
         * Declares whether alphanumeric sender ids are allowed.
         *
         * @param allowed true if they are
         * @return this builder
         */
        public Builder alphanumericSenders(boolean allowed) {
            this.alphanumericSenders = allowed;
            return this;
        }

        /**
         * Sets the most segments one text may have.
         *
         * @param value at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is below 1
         */
        public Builder maxSegments(int value) {
            Checks.argument(value >= 1, "maxSegments must be >= 1, was " + value);
            this.maxSegments = value;
            return this;
        }

        /**
         * Sets the allowed submit rate.
         *
         * @param value messages per second, positive and finite
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is not positive and finite
         */
        public Builder messagesPerSecond(double value) {
            Checks.argument(value > 0 && Double.isFinite(value),
                    "messagesPerSecond must be positive and finite, was " + value);
            this.messagesPerSecond = value;
            return this;
        }

        /**
         * Sets the submit timeout.
         *
         * @param value positive
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is zero or negative
         */
        public Builder submitTimeout(Duration value) {
            Objects.requireNonNull(value, "submitTimeout");
            Checks.argument(!value.isNegative() && !value.isZero(), "submitTimeout must be positive");
            this.submitTimeout = value;
            return this;
        }

        /**
         * Builds the capabilities.
         *
         * @return the capabilities
         */
        public CarrierCapabilities build() {
            return new CarrierCapabilities(mms, maxMmsBytes, alphanumericSenders, maxSegments, messagesPerSecond,
                    submitTimeout);
        }
    }
}
