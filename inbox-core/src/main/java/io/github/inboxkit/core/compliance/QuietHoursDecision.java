package io.github.inboxkit.core.compliance;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a quiet-hours policy decides for one send at one instant (F41): allowed now, or held until
 * the next instant that every zone and rule of the recipient allows.
 *
 * <p>It holds no personal data (no number, no text): it can be logged, stored beside a held
 * message and shown to the host as the reason.
 *
 * <p>Immutable and thread-safe.
 */
public final class QuietHoursDecision {

    private final QuietHoursReason reason;
    private final Optional<Instant> releaseAt;
    private final Optional<ZoneId> zone;
    private final Optional<String> ruleRegion;
    private final Optional<QuietHoursRule> rule;
    private final RecipientLocation location;

    private QuietHoursDecision(QuietHoursReason reason, Optional<Instant> releaseAt, Optional<ZoneId> zone,
            Optional<String> ruleRegion, Optional<QuietHoursRule> rule, RecipientLocation location) {
        this.reason = reason;
        this.releaseAt = releaseAt;
        this.zone = zone;
        this.ruleRegion = ruleRegion;
        this.rule = rule;
        this.location = location;
    }

    static QuietHoursDecision allowed(QuietHoursReason reason, RecipientLocation location) {
        return new QuietHoursDecision(reason, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                location);
    }

    static QuietHoursDecision held(QuietHoursReason reason, Optional<Instant> releaseAt, ZoneId zone,
            Optional<String> ruleRegion, QuietHoursRule rule, RecipientLocation location) {
        return new QuietHoursDecision(reason, releaseAt, Optional.of(zone), ruleRegion, Optional.of(rule), location);
    }

    /**
     * Whether the message may be sent now.
     *
     * @return true when allowed, false when held
     */
    public boolean allowed() {
        return !reason.holds();
    }

    /**
     * Why the message is allowed or held.
     *
     * @return the reason
     */
    public QuietHoursReason reason() {
        return reason;
    }

    /**
     * When a held message may go: the earliest instant allowed in every zone the recipient may be
     * in, under every rule that applies (the window's opening in the recipient's zone).
     *
     * @return the instant; empty when allowed, and when held with {@link QuietHoursReason#NO_COMMON_WINDOW}
     */
    public Optional<Instant> releaseAt() {
        return releaseAt;
    }

    /**
     * The zone whose local time holds the message now.
     *
     * @return the zone; empty when allowed
     */
    public Optional<ZoneId> zone() {
        return zone;
    }

    /**
     * The region or subdivision of the rule that holds the message now, e.g. {@code "US-FL"}.
     *
     * @return the region key; empty when allowed or when the policy's default rule holds it
     */
    public Optional<String> ruleRegion() {
        return ruleRegion;
    }

    /**
     * The rule that holds the message now.
     *
     * @return the rule; empty when allowed
     */
    public Optional<QuietHoursRule> rule() {
        return rule;
    }

    /**
     * Where the recipient was taken to be.
     *
     * @return the location the policy read
     */
    public RecipientLocation location() {
        return location;
    }

    /**
     * Says the decision for the host, e.g. {@code "held: OUTSIDE_WINDOW (08:00-20:00 of US-FL in
     * America/New_York) until 2027-03-15T12:00:00Z"}.
     *
     * @return a sentence without personal data
     */
    public String describe() {
        if (allowed()) {
            return "allowed: " + reason;
        }
        StringBuilder out = new StringBuilder("held: ").append(reason).append(" (")
                .append(rule.map(QuietHoursRule::describe).orElse(""))
                .append(" of ").append(ruleRegion.orElse("the default rule"))
                .append(" in ").append(zone.map(ZoneId::getId).orElse("?")).append(')');
        releaseAt.ifPresentOrElse(at -> out.append(" until ").append(at), () -> out.append(", no release found"));
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QuietHoursDecision that && reason == that.reason && releaseAt.equals(that.releaseAt)
                && zone.equals(that.zone) && ruleRegion.equals(that.ruleRegion) && rule.equals(that.rule)
                && location.equals(that.location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, releaseAt, zone, ruleRegion, rule, location);
    }

    @Override
    public String toString() {
        return "QuietHoursDecision[" + describe() + "]";
    }
}
