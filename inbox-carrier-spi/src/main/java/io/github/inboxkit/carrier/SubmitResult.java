package io.github.inboxkit.carrier;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A carrier's answer to {@link Carrier#submit}: exactly one of {@link Accepted}, {@link
 * RejectedPermanently} or {@link RejectedTransiently}. Immutable and thread-safe.
 *
 * <p>On Java 17 callers handle all three with {@link #fold} (or {@code instanceof}); the interface
 * is sealed, so no fourth kind can appear.
 */
public sealed interface SubmitResult
        permits SubmitResult.Accepted, SubmitResult.RejectedPermanently, SubmitResult.RejectedTransiently {

    /**
     * The carrier took the message.
     *
     * @param carrierMessageId the carrier's id for the message; delivery reports refer to it
     * @param segmentsBilled how many segments the carrier counts (0 for an MMS billed as one message)
     * @return the result
     * @throws IllegalArgumentException if the id is blank or the count negative
     */
    static Accepted accepted(String carrierMessageId, int segmentsBilled) {
        return new Accepted(carrierMessageId, segmentsBilled);
    }

    /**
     * The carrier refused the message for good.
     *
     * @param reason the standard reason
     * @param carrierCode the carrier's own code, or an empty string
     * @param carrierText the carrier's own explanation, or an empty string
     * @return the result
     */
    static RejectedPermanently rejectedPermanently(PermanentReason reason, String carrierCode, String carrierText) {
        return new RejectedPermanently(reason, carrierCode, carrierText);
    }

    /**
     * The carrier could not take the message now, without advice on when to retry.
     *
     * @param reason the standard reason
     * @param carrierCode the carrier's own code, or an empty string
     * @param carrierText the carrier's own explanation, or an empty string
     * @return the result
     */
    static RejectedTransiently rejectedTransiently(TransientReason reason, String carrierCode, String carrierText) {
        return new RejectedTransiently(reason, carrierCode, carrierText, null);
    }

    /**
     * The carrier could not take the message now and asks to wait before retrying.
     *
     * @param reason the standard reason
     * @param carrierCode the carrier's own code, or an empty string
     * @param carrierText the carrier's own explanation, or an empty string
     * @param retryAfter how long to wait; zero or positive
     * @return the result
     * @throws IllegalArgumentException if {@code retryAfter} is negative
     */
    static RejectedTransiently rejectedTransiently(TransientReason reason, String carrierCode, String carrierText,
            Duration retryAfter) {
        return new RejectedTransiently(reason, carrierCode, carrierText, Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    /**
     * Applies the function that matches this result's kind: an exhaustive switch for Java 17.
     *
     * @param <T> the type of the answer
     * @param onAccepted applied to an {@link Accepted}
     * @param onPermanent applied to a {@link RejectedPermanently}
     * @param onTransient applied to a {@link RejectedTransiently}
     * @return what the applied function returned
     */
    <T> T fold(Function<? super Accepted, ? extends T> onAccepted,
            Function<? super RejectedPermanently, ? extends T> onPermanent,
            Function<? super RejectedTransiently, ? extends T> onTransient);

    /**
     * The carrier took the message.
     *
     * @param carrierMessageId the carrier's id for the message, non-blank
     * @param segmentsBilled segments the carrier counts, zero or more
     */
    record Accepted(String carrierMessageId, int segmentsBilled) implements SubmitResult {

        /**
         * Validates.
         *
         * @param carrierMessageId the {@code carrierMessageId} component
         * @param segmentsBilled the {@code segmentsBilled} component
         * @throws NullPointerException if the id is null
         * @throws IllegalArgumentException if the id is blank or the count negative
         */
        public Accepted {
            Checks.nonBlank(carrierMessageId, "carrierMessageId");
            Checks.argument(segmentsBilled >= 0, "segmentsBilled must be >= 0, was " + segmentsBilled);
        }

        @Override
        public <T> T fold(Function<? super Accepted, ? extends T> onAccepted,
                Function<? super RejectedPermanently, ? extends T> onPermanent,
                Function<? super RejectedTransiently, ? extends T> onTransient) {
            return onAccepted.apply(this);
        }
    }

    /**
     * The carrier refused the message for good; the engine records it as failed with these facts.
     *
     * @param reason the standard reason
     * @param carrierCode the carrier's own code, empty when it gave none
     * @param carrierText the carrier's own explanation, empty when it gave none
     */
    record RejectedPermanently(PermanentReason reason, String carrierCode, String carrierText) implements SubmitResult {

        /**
         * Validates.
         *
         * @param reason the {@code reason} component
         * @param carrierCode the {@code carrierCode} component
         * @param carrierText the {@code carrierText} component
         * @throws NullPointerException if an argument is null
         */
        public RejectedPermanently {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(carrierCode, "carrierCode");
            Objects.requireNonNull(carrierText, "carrierText");
        }

        @Override
        public <T> T fold(Function<? super Accepted, ? extends T> onAccepted,
                Function<? super RejectedPermanently, ? extends T> onPermanent,
                Function<? super RejectedTransiently, ? extends T> onTransient) {
            return onPermanent.apply(this);
        }
    }

    /**
     * The carrier could not take the message now; the engine retries it with back-off.
     *
     * <p>A final class rather than a record because its retry-after is optional: a record would
     * expose the absent value as a public {@code null} (or a sentinel such as {@link Duration#ZERO},
     * which is a legitimate "retry at once"). Use {@link SubmitResult#rejectedTransiently} to create one.
     */
    final class RejectedTransiently implements SubmitResult {

        private final TransientReason reason;
        private final String carrierCode;
        private final String carrierText;
        private final Duration retryAfter; // null when the carrier gave no advice; never exposed

        private RejectedTransiently(TransientReason reason, String carrierCode, String carrierText,
                Duration retryAfter) {
            this.reason = Objects.requireNonNull(reason, "reason");
            this.carrierCode = Objects.requireNonNull(carrierCode, "carrierCode");
            this.carrierText = Objects.requireNonNull(carrierText, "carrierText");
            Checks.argument(retryAfter == null || !retryAfter.isNegative(), "retryAfter must not be negative");
            this.retryAfter = retryAfter;
        }

        /**
         * The standard reason.
         *
         * @return the reason
         */
        public TransientReason reason() {
            return reason;
        }

        /**
         * The carrier's own code.
         *
         * @return the code, empty when the carrier gave none
         */
        public String carrierCode() {
            return carrierCode;
        }

        /**
         * The carrier's own explanation.
         *
         * @return the text, empty when the carrier gave none
         */
        public String carrierText() {
            return carrierText;
        }

        /**
         * How long the carrier asks to wait before a retry.
         *
         * @return the delay, or empty when the carrier gave no advice (the engine's back-off applies)
         */
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        @Override
        public <T> T fold(Function<? super Accepted, ? extends T> onAccepted,
                Function<? super RejectedPermanently, ? extends T> onPermanent,
                Function<? super RejectedTransiently, ? extends T> onTransient) {
            return onTransient.apply(this);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RejectedTransiently that
                    && reason == that.reason
                    && carrierCode.equals(that.carrierCode)
                    && carrierText.equals(that.carrierText)
                    && Objects.equals(retryAfter, that.retryAfter);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reason, carrierCode, carrierText, retryAfter);
        }

        @Override
        public String toString() {
            return "RejectedTransiently[reason=" + reason + ", carrierCode=" + carrierCode + ", carrierText="
                    + carrierText + ", retryAfter=" + (retryAfter == null ? "none" : retryAfter) + "]";
        }
    }
}
