package io.github.inboxkit.core.phone;

import io.github.inboxkit.core.InboxException;
import java.util.Objects;
import java.util.Optional;

/**
 * A phone number that cannot be normalised to E.164: too short or too long for its country, no
 * digits, a country code no country has, or no country to interpret it in.
 *
 * <p>The facts are getters: {@link #problem()} says what is wrong, {@link #region()} for which
 * country the number was read, {@link #reason()} says it in words. The message does not repeat the
 * input, which may be personal data and would end up in logs; {@link #input()} gives it, and
 * {@link #userMessage()} a sentence with it ({@code "+1415555 is too short for a US number (6 digits
 * after +1)"}), to a host that shows the error to the user who typed the number.
 *
 * <p>Immutable and thread-safe.
 */
public final class InvalidPhoneNumberException extends InboxException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with a refused phone number. */
    public enum Problem {
        /** Nothing, or nothing but spaces, was given. */
        BLANK,
        /** The input does not read as a phone number at all (letters, too few digits to try). */
        NOT_A_NUMBER,
        /** The number starts with a country calling code no country has, such as {@code +999}. */
        UNKNOWN_COUNTRY_CODE,
        /** Fewer digits than any number of its country has. */
        TOO_SHORT,
        /** More digits than any number of its country has. */
        TOO_LONG,
        /** A count of digits between the shortest and the longest, that no number of its country has. */
        WRONG_LENGTH,
        /** A value given as E.164 that is not {@code +} then 8 to 15 digits, the first not zero. */
        NOT_E164
    }

    private final String input;
    private final Problem problem;
    private final String region;
    private final String reason;

    /**
     * Creates the exception for a host's own check, with {@link Problem#NOT_A_NUMBER} and no region.
     *
     * @param input what the user gave
     * @param reason why it was refused, in words a user can act on, without the input
     */
    public InvalidPhoneNumberException(String input, String reason) {
        this(input, Problem.NOT_A_NUMBER, null, reason);
    }

    /**
     * Creates the exception.
     *
     * @param input what the user gave
     * @param problem what is wrong
     * @param region the region the number was read for, or null when none applies
     * @param reason the problem in words, completing "the number is ...", without the input
     */
    InvalidPhoneNumberException(String input, Problem problem, String region, String reason) {
        super("Not a valid phone number: " + Objects.requireNonNull(reason, "reason"));
        this.input = Objects.requireNonNull(input, "input");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.region = region;
        this.reason = reason;
    }

    /**
     * The refused input, as given: personal data, not for logs.
     *
     * @return the input
     */
    public String input() {
        return input;
    }

    /**
     * Why the number was refused, in words that complete "the number is ...", without the input:
     * e.g. {@code "too short for a US number (6 digits after +1)"}.
     *
     * @return the reason, never null
     */
    public String reason() {
        return reason;
    }

    /**
     * What is wrong with the number.
     *
     * @return the problem, never null
     */
    public Problem problem() {
        return problem;
    }

    /**
     * The ISO 3166-1 region the number was read for: the country of its country code when it has
     * one, else the account's default region. Empty when none applies (no digits, an unknown country
     * code, a value that is not E.164).
     *
     * @return the region, e.g. {@code "US"}
     */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /**
     * A sentence for the user who typed the number, with the number as typed: e.g. {@code "+1415555
     * is too short for a US number (6 digits after +1)"}. It holds the input, so it belongs on the
     * user's screen, not in logs.
     *
     * @return the sentence
     */
    public String userMessage() {
        String typed = input.strip();
        if (typed.isEmpty()) {
            return "Enter a phone number with its digits";
        }
        return typed + " is " + reason;
    }
}
