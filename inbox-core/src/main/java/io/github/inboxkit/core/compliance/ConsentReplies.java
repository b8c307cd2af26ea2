package io.github.inboxkit.core.compliance;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.compose.Draft;
import io.github.inboxkit.core.compose.DraftValidator;
import io.github.inboxkit.core.compose.EmptyDraftException;
import io.github.inboxkit.core.compose.TooManySegmentsException;
import io.github.inboxkit.core.text.TextPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's automatic replies to consent keywords (F42): the answer to HELP, the confirmation
 * of an opt-out and the confirmation of an opt-in. Each is on with its text, or off.
 *
 * <ul>
 *   <li><b>Help reply</b>: off by default, since only the host knows what it must say (the
 *       business's name, how to reach a person, how to opt out); {@link #DEFAULT_HELP_TEXT} is a
 *       starting point to complete.
 *   <li><b>Opt-out confirmation</b>: on by default with {@link #DEFAULT_OPT_OUT_CONFIRMATION}. It
 *       is the only send allowed to an opted-out contact: one message, due within {@link
 *       #OPT_OUT_CONFIRMATION_DEADLINE} of the opt-out, never marketing, never held by quiet hours.
 *   <li><b>Opt-in confirmation</b>: on by default with {@link #DEFAULT_OPT_IN_CONFIRMATION}.
 * </ul>
 *
 * <p>Each reply carries its own {@link MessageCategory} ({@link #textFor}); a reply is never
 * answered in turn, and no reply text may itself read as a HELP request or an opt-out word, so two
 * systems that answer keywords cannot keep answering each other.
 *
 * <p>Immutable and thread-safe.
 */
public final class ConsentReplies {

    /** A starting point for a help text: the host adds who it is and how to reach a person. */
    public static final String DEFAULT_HELP_TEXT =
            "For help, contact us. Msg & data rates may apply. Reply STOP to unsubscribe.";

    /** The opt-out confirmation of {@link #defaults()}. */
    public static final String DEFAULT_OPT_OUT_CONFIRMATION =
            "You are unsubscribed and will get no further messages from this number. Reply START to subscribe again.";

    /** The opt-in confirmation of {@link #defaults()}. */
    public static final String DEFAULT_OPT_IN_CONFIRMATION =
            "You are subscribed again. Reply STOP to unsubscribe.";

    /** How soon after an opt-out its confirmation is due. */
    public static final Duration OPT_OUT_CONFIRMATION_DEADLINE = Duration.ofMinutes(5);

    /** The longest reply text accepted, before the account's segment limit applies. */
    public static final int MAX_TEXT_LENGTH = 1600;

    private static final ConsentReplies DEFAULTS = builder().build();

    private final Optional<String> helpText;
    private final Optional<String> optOutConfirmation;
    private final Optional<String> optInConfirmation;

    private ConsentReplies(Optional<String> helpText, Optional<String> optOutConfirmation,
            Optional<String> optInConfirmation) {
        this.helpText = helpText;
        this.optOutConfirmation = optOutConfirmation;
        this.optInConfirmation = optInConfirmation;
    }

    /**
     * No help reply; the default opt-out and opt-in confirmations.
     *
     * @return the shared instance
     */
    public static ConsentReplies defaults() {
        return DEFAULTS;
    }

    /**
     * Starts from {@link #defaults()}.
     *
     * @return a new builder, not thread-safe
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the answer to a HELP keyword; empty when the help reply is off */
    public Optional<String> helpText() {
        return helpText;
    }

    /** @return the confirmation of an opt-out; empty when off */
    public Optional<String> optOutConfirmation() {
        return optOutConfirmation;
    }

    /** @return the confirmation of an opt-in; empty when off */
    public Optional<String> optInConfirmation() {
        return optInConfirmation;
    }

    /**
     * The text to send for an automatic reply.
     *
     * @param category {@link MessageCategory#HELP_REPLY}, {@link MessageCategory#OPT_OUT_CONFIRMATION}
     *     or {@link MessageCategory#OPT_IN_CONFIRMATION}
     * @return the text; empty when that reply is off, or for a category that is no keyword reply
     * @throws io.github.inboxkit.core.MissingValueException if {@code category} is null
     */
    public Optional<String> textFor(MessageCategory category) {
        Require.nonNull(category, "category");
        return switch (category) {
            case HELP_REPLY -> helpText;
            case OPT_OUT_CONFIRMATION -> optOutConfirmation;
            case OPT_IN_CONFIRMATION -> optInConfirmation;
            default -> Optional.empty();
        };
    }

    /**
     * Whether an outbound message of this category may trigger an automatic reply: never for the
     * replies themselves.
     *
     * @param category the category of the message that arrived or was sent
     * @return false for the keyword replies
     * @throws io.github.inboxkit.core.MissingValueException if {@code category} is null
     */
    public static boolean mayTriggerReply(MessageCategory category) {
        return !Require.nonNull(category, "category").isKeywordReply();
    }

    /**
     * Checks that each reply that is on fits the account's limits, as its sends will be checked.
     *
     * @param validator the account's draft validator (its segment limit and counter)
     * @throws InvalidValueException naming {@code helpText}, {@code optOutConfirmation} or {@code
     *     optInConfirmation} if that text needs more segments than the validator allows, or has no
     *     visible character
     * @throws io.github.inboxkit.core.MissingValueException if {@code validator} is null
     */
    public void requireFits(DraftValidator validator) {
        Require.nonNull(validator, "validator");
        fits(validator, "helpText", helpText);
        fits(validator, "optOutConfirmation", optOutConfirmation);
        fits(validator, "optInConfirmation", optInConfirmation);
    }

    private static void fits(DraftValidator validator, String field, Optional<String> text) {
        if (text.isPresent()) {
            try {
                validator.validate(Draft.ofText(text.get()));
            } catch (EmptyDraftException e) {
                throw new InvalidValueException(field, "must have visible text, not only invisible characters");
            } catch (TooManySegmentsException e) {
                throw new InvalidValueException(field, "must fit in " + e.limit()
                        + " segment(s), the account's limit; it needs " + e.segments());
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConsentReplies that && helpText.equals(that.helpText)
                && optOutConfirmation.equals(that.optOutConfirmation) && optInConfirmation.equals(that.optInConfirmation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(helpText, optOutConfirmation, optInConfirmation);
    }

    @Override
    public String toString() {
        return "ConsentReplies[help " + (helpText.isPresent() ? "on" : "off")
                + ", opt-out confirmation " + (optOutConfirmation.isPresent() ? "on" : "off")
                + ", opt-in confirmation " + (optInConfirmation.isPresent() ? "on" : "off") + "]";
    }

    /** Builds {@link ConsentReplies}; starts from {@link #defaults()}. Not thread-safe. */
    public static final class Builder {

        private Optional<String> helpText = Optional.empty();
        private Optional<String> optOutConfirmation = Optional.of(DEFAULT_OPT_OUT_CONFIRMATION);
        private Optional<String> optInConfirmation = Optional.of(DEFAULT_OPT_IN_CONFIRMATION);

        private Builder() {}

        /**
         * Turns the help reply on with this text.
         *
         * @param text the answer to HELP: who the sender is, how to get help, how to opt out
         * @return this builder
         * @throws InvalidValueException naming {@code helpText} if the text is not acceptable (see {@link #build()})
         */
        public Builder helpText(String text) {
            this.helpText = Optional.of(check(text, "helpText"));
            return this;
        }

        /** @return this builder, with the help reply off */
        public Builder noHelpReply() {
            this.helpText = Optional.empty();
            return this;
        }

        /**
         * Turns the opt-out confirmation on with this text.
         *
         * @param text the confirmation: no marketing, one message
         * @return this builder
         * @throws InvalidValueException naming {@code optOutConfirmation} if the text is not acceptable
         */
        public Builder optOutConfirmation(String text) {
            this.optOutConfirmation = Optional.of(check(text, "optOutConfirmation"));
            return this;
        }

        /** @return this builder, with the opt-out confirmation off */
        public Builder noOptOutConfirmation() {
            this.optOutConfirmation = Optional.empty();
            return this;
        }

        /**
         * Turns the opt-in confirmation on with this text.
         *
         * @param text the confirmation
         * @return this builder
         * @throws InvalidValueException naming {@code optInConfirmation} if the text is not acceptable
         */
        public Builder optInConfirmation(String text) {
            this.optInConfirmation = Optional.of(check(text, "optInConfirmation"));
            return this;
        }

        /** @return this builder, with the opt-in confirmation off */
        public Builder noOptInConfirmation() {
            this.optInConfirmation = Optional.empty();
            return this;
        }

        /**
         * A reply text must be given, not blank, at most {@value #MAX_TEXT_LENGTH} characters,
         * storable (no NUL, no unpaired surrogate), and must not itself read as a HELP request or
         * an opt-out word, which an answering system at the other end would answer in turn.
         */
        private static String check(String text, String field) {
            Require.nonNull(text, field);
            Require.argument(!text.isBlank() && text.length() <= MAX_TEXT_LENGTH, field,
                    "must be a text of 1 to " + MAX_TEXT_LENGTH + " characters (or turn the reply off)");
            TextPolicy.requireStorable(text, field);
            Require.argument(!HelpKeywords.standard().matches(text), field,
                    "must say more than a HELP keyword, which an answering system would answer in turn");
            Require.argument(RevocationDetector.standard().detect(text).kind() != RevocationKind.MANDATORY_KEYWORD,
                    field, "must say more than an opt-out word, which would opt the recipient's system out");
            return text;
        }

        /**
         * Builds the replies.
         *
         * @return a new, immutable value
         */
        public ConsentReplies build() {
            return new ConsentReplies(helpText, optOutConfirmation, optInConfirmation);
        }
    }
}
