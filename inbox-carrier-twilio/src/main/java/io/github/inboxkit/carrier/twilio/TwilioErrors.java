package io.github.inboxkit.carrier.twilio;

import io.github.inboxkit.carrier.PermanentReason;
import io.github.inboxkit.carrier.SubmitResult;
import io.github.inboxkit.carrier.TransientReason;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Turns Twilio's refusals of a Messages request into {@link SubmitResult}s. Twilio answers an error
 * with an HTTP status and a JSON body {@code {"code": 21211, "message": "...", "more_info": "...",
 * "status": 400}}; the code decides, the status is the fallback.
 */
final class TwilioErrors {

    /**
     * Twilio error codes that refuse a message for good, with the standard reason each maps to.
     * Codes missing here fall back on the HTTP status: 4xx is {@link PermanentReason#OTHER}.
     */
    static final Map<Integer, PermanentReason> PERMANENT = Map.ofEntries(
            Map.entry(21211, PermanentReason.INVALID_NUMBER),      // invalid 'To' phone number
            Map.entry(21217, PermanentReason.INVALID_NUMBER),      // phone number does not appear to be valid
            Map.entry(21401, PermanentReason.INVALID_NUMBER),      // invalid phone number
            Map.entry(21604, PermanentReason.INVALID_NUMBER),      // 'To' phone number is required
            Map.entry(21610, PermanentReason.OPTED_OUT),           // recipient replied STOP to this sender
            Map.entry(21614, PermanentReason.UNREACHABLE_NUMBER),  // 'To' is not a mobile number (a landline)
            Map.entry(21612, PermanentReason.UNREACHABLE_NUMBER),  // 'To' not reachable via SMS from this sender
            Map.entry(21407, PermanentReason.UNREACHABLE_NUMBER),  // this phone number type does not support SMS
            Map.entry(21408, PermanentReason.ACCOUNT_REFUSED),     // account not enabled for the recipient's region
            Map.entry(21608, PermanentReason.ACCOUNT_REFUSED),     // trial account, unverified recipient
            Map.entry(20003, PermanentReason.ACCOUNT_REFUSED),     // authentication failed
            Map.entry(20404, PermanentReason.ACCOUNT_REFUSED),     // account (or resource) not found
            Map.entry(21212, PermanentReason.SENDER_NOT_ALLOWED),  // invalid 'From' number
            Map.entry(21603, PermanentReason.SENDER_NOT_ALLOWED),  // 'From' is required
            Map.entry(21606, PermanentReason.SENDER_NOT_ALLOWED),  // 'From' is not a message-capable Twilio number
            Map.entry(21659, PermanentReason.SENDER_NOT_ALLOWED),  // 'From' is not a Twilio phone number
            Map.entry(21660, PermanentReason.SENDER_NOT_ALLOWED),  // 'From' belongs to another account
            Map.entry(21703, PermanentReason.SENDER_NOT_ALLOWED),  // Messaging Service has no senders
            Map.entry(21705, PermanentReason.SENDER_NOT_ALLOWED),  // Messaging Service is invalid
            Map.entry(21602, PermanentReason.CONTENT_REFUSED),     // body (or media) is required
            Map.entry(21617, PermanentReason.CONTENT_REFUSED),     // body exceeds 1600 characters
            Map.entry(21620, PermanentReason.MEDIA_NOT_SUPPORTED), // invalid media URL
            Map.entry(21623, PermanentReason.MEDIA_NOT_SUPPORTED)); // more media than allowed

    /** Twilio error codes that mean "not now": sending later can succeed, whatever the HTTP status. */
    static final Map<Integer, TransientReason> TRANSIENT = Map.of(
            20429, TransientReason.RATE_LIMITED,   // too many requests
            14107, TransientReason.RATE_LIMITED,   // message send rate exceeded
            21611, TransientReason.RATE_LIMITED,   // this sender's queue is full (10 hours of messages)
            63038, TransientReason.RATE_LIMITED,   // account's daily message limit reached
            20500, TransientReason.CARRIER_UNAVAILABLE, // internal server error
            20503, TransientReason.CARRIER_UNAVAILABLE); // service unavailable

    private TwilioErrors() {}

    /**
     * The result for an answer that is not a success.
     *
     * @param status the HTTP status, not 2xx
     * @param body the response body, JSON or anything else
     * @param retryAfter the {@code Retry-After} header's value, if any
     * @param now the current time, to read a {@code Retry-After} given as a date
     */
    static SubmitResult refusal(int status, String body, Optional<String> retryAfter, Instant now) {
        Map<String, Object> error = Json.object(body).orElse(Map.of());
        Optional<String> codeText = Json.text(error, "code");
        String carrierCode = codeText.orElse("HTTP " + status);
        String carrierText = Json.text(error, "message").orElse("HTTP " + status + " from Twilio");
        Integer code = codeText.flatMap(TwilioErrors::integer).orElse(null);
        Optional<Duration> wait = retryAfter.flatMap(value -> retryAfter(value, now));

        TransientReason transientReason = code == null ? null : TRANSIENT.get(code);
        if (transientReason == null) {
            if (status == 429) {
                transientReason = TransientReason.RATE_LIMITED;
            } else if (status >= 500 || status == 408) {
                transientReason = TransientReason.CARRIER_UNAVAILABLE;
            }
        }
        if (transientReason != null) {
            return wait.isPresent()
                    ? SubmitResult.rejectedTransiently(transientReason, carrierCode, carrierText, wait.get())
                    : SubmitResult.rejectedTransiently(transientReason, carrierCode, carrierText);
        }
        PermanentReason reason = code == null ? null : PERMANENT.get(code);
        if (reason == null) {
            reason = status == 401 || status == 403 ? PermanentReason.ACCOUNT_REFUSED : PermanentReason.OTHER;
        }
        return SubmitResult.rejectedPermanently(reason, carrierCode, carrierText);
    }

    /** A {@code Retry-After} value: delay-seconds or an HTTP date; empty when it is neither. */
    static Optional<Duration> retryAfter(String value, Instant now) {
        String trimmed = value.trim();
        if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> integer(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException notAnInteger) {
            return Optional.empty();
        }
    }
}
