package io.github.inboxkit.core.compliance;

import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An account's quiet hours (F41): when a send may reach a recipient, in the recipient's local
 * time. Three shapes:
 *
 * <ul>
 *   <li>{@link #off()}: every send is allowed at any hour;
 *   <li>{@link #federal()}: 08:00 to 21:00 local, every day, as the US federal rule for telephone
 *       solicitation reads (no call before 8 am or after 9 pm at the called party's location);
 *   <li>custom, from {@link #builder()}: a default rule (or none), rules per region or
 *       subdivision ({@code "US-FL"} and {@code "US-OK"} 08:00 to 20:00, a state's Sundays or
 *       holidays), the categories covered and the conversational exemption.
 * </ul>
 *
 * <p><b>How a send is decided.</b> {@link #decide(RecipientLocation, MessageCategory, Instant,
 * Optional)} allows a send whose category the policy does not cover, and a reply (any covered
 * category but {@link MessageCategory#MARKETING}) within the conversational exemption after the
 * contact's own inbound message. Otherwise the rules that apply are the default rule and the rule
 * of each of the recipient's region and subdivisions: a regional rule adds to the default rule, it
 * never widens it. The send is allowed when every rule allows it in every zone the recipient may be
 * in (the most restrictive intersection), and otherwise held until the earliest instant at which
 * they all do.
 *
 * <p>The decision is a pure function of its arguments: no clock, no store, no logging. The same
 * inputs give the same decision on every node.
 *
 * <p>Immutable and thread-safe.
 */
public final class QuietHoursPolicy {

    /** The opening of the federal window: 08:00 local. */
    public static final LocalTime FEDERAL_START = LocalTime.of(8, 0);

    /** The end of the federal window: 21:00 local, exclusive (a send at 21:00 is held). */
    public static final LocalTime FEDERAL_END = LocalTime.of(21, 0);

    /** The categories a policy covers unless told otherwise: all but the automatic keyword replies. */
    public static final Set<MessageCategory> DEFAULT_COVERED_CATEGORIES = Collections.unmodifiableSet(
            EnumSet.of(MessageCategory.MARKETING, MessageCategory.INFORMATIONAL, MessageCategory.CONVERSATIONAL));

    /** How long after the contact's own message a reply is conversation, unless told otherwise. */
    public static final Duration DEFAULT_CONVERSATIONAL_EXEMPTION = Duration.ofHours(1);

    /** The longest conversational exemption accepted. */
    public static final Duration MAX_CONVERSATIONAL_EXEMPTION = Duration.ofDays(1);

    /** Bounds the search for a common opening of several rules and zones. */
    private static final int MAX_SEARCH_STEPS = 10_000;

    private static final QuietHoursPolicy OFF = new QuietHoursPolicy(true, Optional.empty(), Map.of(),
            DEFAULT_COVERED_CATEGORIES, DEFAULT_CONVERSATIONAL_EXEMPTION);

    private static final QuietHoursPolicy FEDERAL = builder().build();

    private final boolean off;
    private final Optional<QuietHoursRule> defaultRule;
    private final Map<String, QuietHoursRule> regionRules;
    private final Set<MessageCategory> coveredCategories;
    private final Duration conversationalExemption;

    private QuietHoursPolicy(boolean off, Optional<QuietHoursRule> defaultRule, Map<String, QuietHoursRule> regionRules,
            Set<MessageCategory> coveredCategories, Duration conversationalExemption) {
        this.off = off;
        this.defaultRule = defaultRule;
        this.regionRules = regionRules;
        this.coveredCategories = coveredCategories;
        this.conversationalExemption = conversationalExemption;
    }

    /**
     * The policy that allows every send at any hour.
     *
     * @return the shared instance
     */
    public static QuietHoursPolicy off() {
        return OFF;
    }

    /**
     * 08:00 to 21:00 in the recipient's local time, every day, for {@link
     * #DEFAULT_COVERED_CATEGORIES}, with replies within {@link #DEFAULT_CONVERSATIONAL_EXEMPTION}
     * of the contact's own message exempt.
     *
     * @return the shared instance
     */
    public static QuietHoursPolicy federal() {
        return FEDERAL;
    }

    /**
     * Starts a custom policy from {@link #federal()}'s settings.
     *
     * @return a new builder, not thread-safe
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder with this policy's settings (an off policy gives federal's).
     *
     * @return a new builder, not thread-safe
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        if (!off) {
            builder.defaultRule = defaultRule;
            builder.regionRules.putAll(regionRules);
            builder.coveredCategories = EnumSet.copyOf(coveredCategories);
            builder.conversationalExemption = conversationalExemption;
        }
        return builder;
    }

    /** @return whether this is the policy that allows everything */
    public boolean isOff() {
        return off;
    }

    /** @return the rule for every recipient, empty for a policy that only has regional rules (and for off) */
    public Optional<QuietHoursRule> defaultRule() {
        return defaultRule;
    }

    /** @return the rules by region ({@code "US"}) or subdivision ({@code "US-FL"}), in key order */
    public Map<String, QuietHoursRule> regionRules() {
        return regionRules;
    }

    /** @return the categories the policy holds outside its windows */
    public Set<MessageCategory> coveredCategories() {
        return coveredCategories;
    }

    /** @return how long after the contact's own message a reply is exempt; zero when there is no exemption */
    public Duration conversationalExemption() {
        return conversationalExemption;
    }

    /**
     * Decides a send to a number, located with {@link RecipientTimeZones#standard()}.
     *
     * @param to the recipient's number
     * @param contactZone the contact's explicit zone, which wins over the number's, if the host has one
     * @param category the message's category
     * @param now the instant of the send (the dispatcher's clock)
     * @param lastInbound when the contact last wrote to the account, if ever
     * @return the decision
     * @throws io.github.inboxkit.core.MissingValueException if an argument is null
     */
    public QuietHoursDecision decide(PhoneNumber to, Optional<ZoneId> contactZone, MessageCategory category,
            Instant now, Optional<Instant> lastInbound) {
        return decide(RecipientTimeZones.standard().locate(to, contactZone), category, now, lastInbound);
    }

    /**
     * Decides a send to a located recipient.
     *
     * @param location where the recipient may be ({@link RecipientTimeZones#locate})
     * @param category the message's category
     * @param now the instant of the send (the dispatcher's clock)
     * @param lastInbound when the contact last wrote to the account, if ever
     * @return the decision: allowed, or held with the instant of its release
     * @throws io.github.inboxkit.core.MissingValueException if an argument is null
     */
    public QuietHoursDecision decide(RecipientLocation location, MessageCategory category, Instant now,
            Optional<Instant> lastInbound) {
        Require.nonNull(location, "location");
        Require.nonNull(category, "category");
        Require.nonNull(now, "now");
        Require.nonNull(lastInbound, "lastInbound");
        if (off) {
            return QuietHoursDecision.allowed(QuietHoursReason.POLICY_OFF, location);
        }
        if (!coveredCategories.contains(category)) {
            return QuietHoursDecision.allowed(QuietHoursReason.CATEGORY_NOT_COVERED, location);
        }
        if (category != MessageCategory.MARKETING && lastInbound.isPresent() && isRecent(lastInbound.get(), now)) {
            return QuietHoursDecision.allowed(QuietHoursReason.CONVERSATIONAL_REPLY, location);
        }
        List<Constraint> constraints = constraints(location);
        if (constraints.isEmpty()) {
            return QuietHoursDecision.allowed(QuietHoursReason.NO_RULE_FOR_RECIPIENT, location);
        }
        Constraint blocking = null;
        QuietHoursReason why = null;
        for (Constraint constraint : constraints) {
            why = constraint.rule.blocks(now.atZone(constraint.zone));
            if (why != null) {
                blocking = constraint;
                break;
            }
        }
        if (blocking == null) {
            return QuietHoursDecision.allowed(QuietHoursReason.INSIDE_WINDOW, location);
        }
        Optional<Instant> release = commonOpening(constraints, now);
        return QuietHoursDecision.held(release.isPresent() ? why : QuietHoursReason.NO_COMMON_WINDOW, release,
                blocking.zone, blocking.region, blocking.rule, location);
    }

    private boolean isRecent(Instant inbound, Instant now) {
        // an inbound message stamped a little after now (clocks of two nodes) is as recent as can be
        return !conversationalExemption.isZero()
                && (inbound.isAfter(now) || Duration.between(inbound, now).compareTo(conversationalExemption) <= 0);
    }

    /** One rule read in one zone. */
    private record Constraint(ZoneId zone, Optional<String> region, QuietHoursRule rule) {}

    private List<Constraint> constraints(RecipientLocation location) {
        List<Constraint> constraints = new ArrayList<>();
        for (ZoneId zone : location.zones()) {
            defaultRule.ifPresent(rule -> constraints.add(new Constraint(zone, Optional.empty(), rule)));
            for (String key : location.ruleKeys()) {
                QuietHoursRule rule = regionRules.get(key);
                if (rule != null) {
                    constraints.add(new Constraint(zone, Optional.of(key), rule));
                }
            }
        }
        return constraints;
    }

    /**
     * The earliest instant at or after {@code from} that every constraint allows. Each step moves
     * to the next opening of a constraint that does not allow the current candidate; no instant
     * that all allow is ever stepped over, since each step lands on the earliest instant that one
     * of them allows.
     */
    private static Optional<Instant> commonOpening(List<Constraint> constraints, Instant from) {
        Instant limit = from.plus(Duration.ofDays(QuietHoursRule.SEARCH_DAYS));
        Instant candidate = from;
        for (int step = 0; step < MAX_SEARCH_STEPS; step++) {
            boolean moved = false;
            for (Constraint constraint : constraints) {
                Optional<Instant> next = constraint.rule.nextAllowed(candidate, constraint.zone);
                if (next.isEmpty() || next.get().isAfter(limit)) {
                    return Optional.empty();
                }
                if (next.get().isAfter(candidate)) {
                    candidate = next.get();
                    moved = true;
                }
            }
            if (!moved) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QuietHoursPolicy that && off == that.off && defaultRule.equals(that.defaultRule)
                && regionRules.equals(that.regionRules) && coveredCategories.equals(that.coveredCategories)
                && conversationalExemption.equals(that.conversationalExemption);
    }

    @Override
    public int hashCode() {
        return Objects.hash(off, defaultRule, regionRules, coveredCategories, conversationalExemption);
    }

    @Override
    public String toString() {
        if (off) {
            return "QuietHoursPolicy[off]";
        }
        return "QuietHoursPolicy[default " + defaultRule.map(QuietHoursRule::describe).orElse("none")
                + ", regions " + regionRules + ", covers " + coveredCategories
                + ", conversational exemption " + conversationalExemption + "]";
    }

    /** Builds a custom {@link QuietHoursPolicy}; starts from {@link #federal()}'s settings. Not thread-safe. */
    public static final class Builder {

        private Optional<QuietHoursRule> defaultRule = Optional.of(QuietHoursRule.between(FEDERAL_START, FEDERAL_END));
        private final Map<String, QuietHoursRule> regionRules = new TreeMap<>();
        private Set<MessageCategory> coveredCategories = EnumSet.copyOf(DEFAULT_COVERED_CATEGORIES);
        private Duration conversationalExemption = DEFAULT_CONVERSATIONAL_EXEMPTION;

        private Builder() {}

        /**
         * Sets the rule for every recipient; regional rules add to it.
         *
         * @param rule the rule; federal's 08:00 to 21:00 every day by default
         * @return this builder
         * @throws io.github.inboxkit.core.MissingValueException if {@code rule} is null
         */
        public Builder defaultRule(QuietHoursRule rule) {
            this.defaultRule = Optional.of(Require.nonNull(rule, "rule"));
            return this;
        }

        /**
         * Removes the default rule: only recipients with a regional rule are held.
         *
         * @return this builder
         */
        public Builder noDefaultRule() {
            this.defaultRule = Optional.empty();
            return this;
        }

        /**
         * Sets the rule of a region or subdivision, which applies in addition to the default rule.
         *
         * @param region an ISO 3166-1 region ({@code "CA"}, {@code "PR"}) or ISO 3166-2 subdivision
         *     ({@code "US-FL"}, {@code "CA-QC"}), in any case
         * @param rule its rule
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if {@code region} is malformed, or an argument is null
         */
        public Builder regionRule(String region, QuietHoursRule rule) {
            String key = RecipientLocation.ruleKey(region, "region");
            regionRules.put(key, Require.nonNull(rule, "rule"));
            return this;
        }

        /**
         * Sets the categories the policy covers; the others are never held.
         *
         * @param categories the categories, at least one; never {@link MessageCategory#OPT_OUT_CONFIRMATION}
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if {@code categories} is empty or
         *     holds the opt-out confirmation, which must go within minutes; or an argument is null
         */
        public Builder coveredCategories(Collection<MessageCategory> categories) {
            Require.nonNull(categories, "categories");
            categories.forEach(category -> Require.nonNull(category, "categories"));
            Require.argument(!categories.isEmpty(), "coveredCategories", "must name at least one category (or use QuietHoursPolicy.off())");
            Require.argument(!categories.contains(MessageCategory.OPT_OUT_CONFIRMATION), "coveredCategories",
                    "must not include OPT_OUT_CONFIRMATION: the confirmation of an opt-out is due within minutes, whatever the hour");
            this.coveredCategories = EnumSet.copyOf(categories);
            return this;
        }

        /**
         * Sets how long after the contact's own inbound message a reply is conversation and never
         * held (a marketing message always is held).
         *
         * @param exemption from zero (no exemption) to one day; one hour by default
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if {@code exemption} is negative or
         *     longer than a day, or null
         */
        public Builder conversationalExemption(Duration exemption) {
            Require.nonNull(exemption, "conversationalExemption");
            Require.argument(!exemption.isNegative() && exemption.compareTo(MAX_CONVERSATIONAL_EXEMPTION) <= 0,
                    "conversationalExemption", "must be from zero (no exemption) to one day");
            this.conversationalExemption = exemption;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return a new, immutable policy
         */
        public QuietHoursPolicy build() {
            return new QuietHoursPolicy(false, defaultRule, Collections.unmodifiableMap(new TreeMap<>(regionRules)),
                    Collections.unmodifiableSet(EnumSet.copyOf(coveredCategories)), conversationalExemption);
        }
    }
}
