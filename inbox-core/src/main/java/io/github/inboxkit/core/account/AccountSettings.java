package io.github.inboxkit.core.account;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.compliance.ConsentReplies;
import io.github.inboxkit.core.compliance.RevocationPolicy;
import io.github.inboxkit.core.compliance.QuietHoursPolicy;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The settings of one account: retention window, default region for phone numbers, opt-out and
 * opt-in keywords, sender IDs, number pools, templates, the options of the segment counter and
 * the quiet hours of its sends (F41).
 *
 * <p>Every attribute has a default, so {@code AccountSettings.defaults()} is a complete, valid
 * setting. Keyword lists replace the defaults when given; to extend them (e.g. with the French
 * {@code ARRET}), start from {@link #DEFAULT_OPT_OUT_KEYWORDS}:
 * {@code AccountSettings.builder().addAllOptOutKeywords(DEFAULT_OPT_OUT_KEYWORDS).addOptOutKeywords("ARRET")}.
 * Keywords are matched against the whole message, ignoring case, accents and whitespace.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public abstract class AccountSettings {

    /** The opt-out keywords used when none are configured. */
    public static final Set<String> DEFAULT_OPT_OUT_KEYWORDS =
            Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");

    /** The opt-in keywords used when none are configured. */
    public static final Set<String> DEFAULT_OPT_IN_KEYWORDS = Set.of("START", "UNSTOP", "YES");

    /** The retention window used when none is configured (F1). */
    public static final Duration DEFAULT_RETENTION_WINDOW = Duration.ofDays(90);

    /** The largest MMS attachment accepted when no limit is configured (F26): 410 KB. */
    public static final int DEFAULT_MAX_MMS_BYTES = 410 * 1024;

    /** The most segments a message may have when no limit is configured. */
    public static final int DEFAULT_MAX_SEGMENTS = 10;

    /**
     * How far back the inbox shows activity, and what the retention job keeps (F1, F30).
     *
     * @return at least one day; 90 days by default
     */
    @Value.Default
    public Duration retentionWindow() {
        return DEFAULT_RETENTION_WINDOW;
    }

    /**
     * The ISO 3166-1 alpha-2 region used to read phone numbers typed without a country code.
     *
     * @return a region such as {@code "FR"}; {@code "US"} by default
     */
    @Value.Default
    public String defaultRegion() {
        return "US";
    }

    /**
     * Whether an inbound opt-out keyword unsubscribes the contact (F18).
     *
     * @return true by default
     */
    @Value.Default
    public boolean autoOptOut() {
        return true;
    }

    /**
     * The opt-out keywords, matched against the whole message ignoring case, accents and
     * whitespace.
     *
     * @return the keywords; {@link #DEFAULT_OPT_OUT_KEYWORDS} by default
     */
    @Value.Default
    public Set<String> optOutKeywords() {
        return DEFAULT_OPT_OUT_KEYWORDS;
    }

    /**
     * Whether an inbound opt-in keyword re-subscribes an opted-out contact (F18).
     *
     * @return true by default
     */
    @Value.Default
    public boolean autoOptIn() {
        return true;
    }

    /**
     * The opt-in keywords, matched like {@link #optOutKeywords()}.
     *
     * @return the keywords; {@link #DEFAULT_OPT_IN_KEYWORDS} by default
     */
    @Value.Default
    public Set<String> optInKeywords() {
        return DEFAULT_OPT_IN_KEYWORDS;
    }

    /**
     * What the account does with a revocation of consent in natural language (F44). The seven
     * mandatory words opt out whatever the policy, when {@link #autoOptOut()} is on.
     *
     * @return the policy; {@link RevocationPolicy#OFF} by default
     */
    @Value.Default
    public RevocationPolicy revocationPolicy() {
        return RevocationPolicy.OFF;
    }

    /**
     * The account's automatic replies (F42): the HELP text, the opt-out and the opt-in
     * confirmations, each on with its text or off. The engine queues them through the outbox when
     * sending is configured.
     *
     * @return the replies; {@link ConsentReplies#defaults()} (no HELP text, both confirmations on)
     *     by default
     */
    @Value.Default
    public ConsentReplies consentReplies() {
        return ConsentReplies.defaults();
    }

    /**
     * The account's sender IDs as text: E.164 long codes, short-code digits or alphanumeric IDs
     * (F21). Parse them with the sender-ID type of {@code core.phone}.
     *
     * @return the sender IDs, possibly empty
     */
    public abstract List<String> senderIds();

    /**
     * The sender ID used when a message names none (F21).
     *
     * @return one of {@link #senderIds()}, or empty when the account has none
     */
    public abstract Optional<String> defaultSenderId();

    /**
     * Shared number pools by name: each pool is a list of E.164 long codes (F22).
     *
     * @return the pools, possibly empty
     */
    public abstract Map<String, List<String>> numberPools();

    /**
     * Saved message templates: name to body with merge fields such as {@code {{firstName}}} (F23).
     *
     * @return the templates, possibly empty
     */
    public abstract Map<String, String> templates();

    /**
     * Whether the segment counter replaces look-alike characters to stay in GSM-7.
     *
     * @return false by default
     */
    @Value.Default
    public boolean smartEncoding() {
        return false;
    }

    /**
     * National language shift tables the segment counter may use (3GPP TS 23.038), by name, e.g.
     * {@code "TURKISH"}.
     *
     * @return the table names, empty by default
     */
    public abstract List<String> nationalLanguageTables();

    /**
     * The most segments a text message may have.
     *
     * @return at least 1; 10 by default
     */
    @Value.Default
    public int maxSegments() {
        return DEFAULT_MAX_SEGMENTS;
    }

    /**
     * The largest MMS attachment accepted, in bytes (F26).
     *
     * @return at least 1; 410 KB by default
     */
    @Value.Default
    public int maxMmsBytes() {
        return DEFAULT_MAX_MMS_BYTES;
    }

    /**
     * When sends may reach a recipient, in the recipient's local time (F41): a send, scheduled send
     * or broadcast copy of a category the policy covers is held outside its window and released at
     * the window's opening in the recipient's zone, decided when it is queued and again when a
     * dispatcher claims it.
     *
     * @return the policy; {@link QuietHoursPolicy#off()} by default, so that turning quiet hours
     *     on (and holding messages that went before) is the host's decision
     */
    @Value.Default
    public QuietHoursPolicy quietHours() {
        return QuietHoursPolicy.off();
    }

    /**
     * The default settings.
     *
     * @return settings with every default
     */
    public static AccountSettings defaults() {
        return builder().build();
    }

    /**
     * Starts building settings; attributes not given keep their default.
     *
     * @return a new builder, not thread-safe
     */
    public static ImmutableAccountSettings.Builder builder() {
        return ImmutableAccountSettings.builder();
    }

    @Value.Check
    void check() {
        Require.argument(retentionWindow().compareTo(Duration.ofDays(1)) >= 0,
                "retentionWindow", "must be at least 1 day");
        PhoneNumber.parse("+14155550132", defaultRegion()); // refuses an unknown region, naming defaultRegion
        for (String keyword : optOutKeywords()) {
            Require.argument(!keyword.isBlank(), "optOutKeywords", "must not contain a blank keyword");
        }
        for (String keyword : optInKeywords()) {
            Require.argument(!keyword.isBlank(), "optInKeywords", "must not contain a blank keyword");
        }
        for (String senderId : senderIds()) {
            Require.identifier(senderId, "senderIds", 32);
        }
        defaultSenderId().ifPresent(id -> Require.argument(senderIds().contains(id),
                "defaultSenderId", "must be one of senderIds"));
        numberPools().forEach((name, numbers) -> {
            Require.identifier(name, "numberPools", 64);
            Require.argument(!numbers.isEmpty(), "numberPools", "must list at least one number per pool");
            numbers.forEach(PhoneNumber::new);
        });
        templates().keySet().forEach(name -> Require.identifier(name, "templates", 64));
        Require.argument(maxSegments() >= 1, "maxSegments", "must be at least 1");
        Require.argument(maxMmsBytes() >= 1, "maxMmsBytes", "must be at least 1 byte");
    }
}
