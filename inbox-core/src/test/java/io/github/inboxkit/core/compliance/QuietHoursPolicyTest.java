package io.github.inboxkit.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.MutableClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Quiet hours in the recipient's local time, with a clock the tests move by hand: the federal
 * window across both changes of daylight saving time of 2027 (14 March and 7 November in the
 * United States and Canada), area codes spanning two zones, Arizona, regional rules.
 */
class QuietHoursPolicyTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ZoneId DENVER = ZoneId.of("America/Denver");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");
    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    private static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");

    private static final PhoneNumber MANHATTAN = new PhoneNumber("+12125550123");
    private static final PhoneNumber LOS_ANGELES_NUMBER = new PhoneNumber("+12135550123");
    private static final PhoneNumber TORONTO_NUMBER = new PhoneNumber("+14165550123");
    private static final PhoneNumber VANCOUVER_NUMBER = new PhoneNumber("+16045550123");

    private final QuietHoursPolicy federal = QuietHoursPolicy.federal();

    private static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    private QuietHoursDecision marketing(QuietHoursPolicy policy, PhoneNumber to, Instant now) {
        return policy.decide(to, Optional.empty(), MessageCategory.MARKETING, now, Optional.empty());
    }

    /**
     * Moves a clock minute by minute, as a dispatcher that re-checks held messages would, and
     * returns the first instant the policy allows.
     */
    private Instant firstAllowedMinute(QuietHoursPolicy policy, PhoneNumber to, MutableClock clock, Duration within) {
        Instant end = clock.instant().plus(within);
        while (clock.instant().isBefore(end)) {
            if (marketing(policy, to, clock.instant()).allowed()) {
                return clock.instant();
            }
            clock.advance(Duration.ofMinutes(1));
        }
        throw new AssertionError("nothing allowed within " + within);
    }

    @ParameterizedTest(name = "{0}: a send at {1} local is held until {2} local")
    @CsvSource(delimiter = '|', value = {
        // the night before spring forward (Sunday 14 March 2027, 02:00 becomes 03:00)
        "+12125550123 | America/New_York    | 2027-03-13T22:30 | 2027-03-14T08:00",
        "+12135550123 | America/Los_Angeles | 2027-03-13T22:30 | 2027-03-14T08:00",
        // inside the skipped hour's night, after the change
        "+12125550123 | America/New_York    | 2027-03-14T03:30 | 2027-03-14T08:00",
        "+12135550123 | America/Los_Angeles | 2027-03-14T03:30 | 2027-03-14T08:00",
        // the morning after spring forward
        "+12125550123 | America/New_York    | 2027-03-15T07:59 | 2027-03-15T08:00",
        // the night of fall back (Sunday 7 November 2027, 02:00 becomes 01:00)
        "+12125550123 | America/New_York    | 2027-11-06T21:00 | 2027-11-07T08:00",
        "+12135550123 | America/Los_Angeles | 2027-11-06T23:45 | 2027-11-07T08:00",
        "+12125550123 | America/New_York    | 2027-11-07T01:30 | 2027-11-07T08:00",
        "+12135550123 | America/Los_Angeles | 2027-11-07T05:00 | 2027-11-07T08:00",
        // Canada changes on the same dates
        "+14165550123 | America/Toronto     | 2027-03-14T01:15 | 2027-03-14T08:00",
        "+14165550123 | America/Toronto     | 2027-11-07T07:30 | 2027-11-07T08:00",
        "+16045550123 | America/Vancouver   | 2027-03-13T21:00 | 2027-03-14T08:00",
        "+16045550123 | America/Vancouver   | 2027-11-07T01:59 | 2027-11-07T08:00",
    })
    @DisplayName("F41 federal quiet hours hold a send until 08:00 local, across both DST changes of 2027")
    void heldUntilEightLocal(String number, String zoneId, String sentAt, String releasedAt) {
        ZoneId zone = ZoneId.of(zoneId);
        QuietHoursDecision decision = marketing(federal, new PhoneNumber(number), at(sentAt, zone));

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo(QuietHoursReason.OUTSIDE_WINDOW);
        assertThat(decision.zone()).contains(zone);
        assertThat(decision.releaseAt()).contains(at(releasedAt, zone));
        assertThat(decision.releaseAt().orElseThrow().atZone(zone).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
    }

    @Test
    @DisplayName("F41 the 08:00 opening is 12:00 UTC in New York on the day clocks spring forward, 13:00 UTC the day before")
    void springForwardOpeningsInUtc() {
        assertThat(marketing(federal, MANHATTAN, Instant.parse("2027-03-13T06:00:00Z")).releaseAt())
                .contains(Instant.parse("2027-03-13T13:00:00Z"));
        assertThat(marketing(federal, MANHATTAN, Instant.parse("2027-03-14T06:00:00Z")).releaseAt())
                .contains(Instant.parse("2027-03-14T12:00:00Z"));
        assertThat(marketing(federal, MANHATTAN, Instant.parse("2027-11-07T06:00:00Z")).releaseAt())
                .contains(Instant.parse("2027-11-07T13:00:00Z"));
        assertThat(marketing(federal, LOS_ANGELES_NUMBER, Instant.parse("2027-03-14T09:00:00Z")).releaseAt())
                .contains(Instant.parse("2027-03-14T15:00:00Z"));
        assertThat(marketing(federal, LOS_ANGELES_NUMBER, Instant.parse("2027-11-07T09:00:00Z")).releaseAt())
                .contains(Instant.parse("2027-11-07T16:00:00Z"));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', value = {
        "+12125550123 | 2027-03-13 | America/New_York",
        "+12125550123 | 2027-03-14 | America/New_York",
        "+12125550123 | 2027-11-06 | America/New_York",
        "+12125550123 | 2027-11-07 | America/New_York",
        "+12135550123 | 2027-03-14 | America/Los_Angeles",
        "+12135550123 | 2027-11-07 | America/Los_Angeles",
        "+14165550123 | 2027-03-14 | America/Toronto",
        "+16045550123 | 2027-11-07 | America/Vancouver",
    })
    @DisplayName("F41 a clock moved minute by minute through a DST night first allows a send at 08:00 local, once")
    void clockThroughTheNight(String number, String date, String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        PhoneNumber to = new PhoneNumber(number);
        MutableClock clock = new MutableClock(at(LocalDate.parse(date).minusDays(1) + "T20:30", zone));

        Instant eveningEnd = firstHeldMinute(to, clock);
        Instant heldRelease = marketing(federal, to, eveningEnd).releaseAt().orElseThrow();
        Instant firstAllowed = firstAllowedMinute(federal, to, clock, Duration.ofHours(14));

        assertThat(eveningEnd.atZone(zone).toLocalTime()).isEqualTo(LocalTime.of(21, 0));
        assertThat(firstAllowed).isEqualTo(heldRelease);
        assertThat(firstAllowed.atZone(zone).toLocalDateTime()).isEqualTo(LocalDate.parse(date).atTime(8, 0));
    }

    private Instant firstHeldMinute(PhoneNumber to, MutableClock clock) {
        while (marketing(federal, to, clock.instant()).allowed()) {
            clock.advance(Duration.ofMinutes(1));
        }
        return clock.instant();
    }

    @Test
    @DisplayName("F41 a broadcast to Eastern, Central, Mountain and Pacific numbers releases each copy at 08:00 local")
    void broadcastAcrossFourZones() {
        Instant sentAt = Instant.parse("2027-03-15T10:00:00Z"); // 06:00 in New York, 03:00 in Los Angeles
        Map<String, ZoneId> recipients = new TreeMap<>(Map.of(
                "+12125550123", NEW_YORK,
                "+13125550123", CHICAGO,
                "+13035550123", DENVER,
                "+12135550123", LOS_ANGELES));
        Map<String, Instant> releases = new TreeMap<>();

        recipients.forEach((number, zone) -> {
            QuietHoursDecision copy = marketing(federal, new PhoneNumber(number), sentAt);
            assertThat(copy.allowed()).isFalse();
            Instant release = copy.releaseAt().orElseThrow();
            assertThat(release.atZone(zone).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2027-03-15T08:00"));
            releases.put(number, release);
        });

        assertThat(releases).containsExactlyInAnyOrderEntriesOf(Map.of(
                "+12125550123", Instant.parse("2027-03-15T12:00:00Z"),
                "+13125550123", Instant.parse("2027-03-15T13:00:00Z"),
                "+13035550123", Instant.parse("2027-03-15T14:00:00Z"),
                "+12135550123", Instant.parse("2027-03-15T15:00:00Z")));
    }

    @Test
    @DisplayName("F41 Arizona keeps standard time: 08:00 is 15:00 UTC before, on and after both changes, while Denver moves")
    void arizonaHasNoDst() {
        PhoneNumber phoenix = new PhoneNumber("+16025550123");
        PhoneNumber denver = new PhoneNumber("+13035550123");
        for (String date : List.of("2027-03-13", "2027-03-14", "2027-07-01", "2027-11-07", "2027-12-01")) {
            Instant night = Instant.parse(date + "T09:00:00Z");
            assertThat(marketing(federal, phoenix, night).releaseAt()).as(date).contains(Instant.parse(date + "T15:00:00Z"));
        }
        assertThat(marketing(federal, denver, Instant.parse("2027-07-01T09:00:00Z")).releaseAt())
                .contains(Instant.parse("2027-07-01T14:00:00Z"));
        assertThat(marketing(federal, denver, Instant.parse("2027-12-01T09:00:00Z")).releaseAt())
                .contains(Instant.parse("2027-12-01T15:00:00Z"));
    }

    @Test
    @DisplayName("F41 an area code spanning Central and Eastern time allows only 08:00 Central to 21:00 Eastern")
    void areaCodeSpanningTwoZones() {
        PhoneNumber panhandle = new PhoneNumber("+18505550123"); // Florida: Pensacola (Central), Tallahassee (Eastern)

        QuietHoursDecision morning = marketing(federal, panhandle, at("2027-06-01T08:30", NEW_YORK));
        assertThat(morning.allowed()).isFalse();
        assertThat(morning.zone()).contains(CHICAGO);
        assertThat(morning.releaseAt()).contains(at("2027-06-01T08:00", CHICAGO));

        assertThat(marketing(federal, panhandle, at("2027-06-01T08:00", CHICAGO)).allowed()).isTrue();
        assertThat(marketing(federal, panhandle, at("2027-06-01T20:59", NEW_YORK)).allowed()).isTrue();

        QuietHoursDecision evening = marketing(federal, panhandle, at("2027-06-01T21:00", NEW_YORK));
        assertThat(evening.allowed()).isFalse();
        assertThat(evening.zone()).contains(NEW_YORK);
        assertThat(evening.releaseAt()).contains(at("2027-06-02T08:00", CHICAGO));
    }

    @Test
    @DisplayName("F41 an Indiana area code spanning two zones, across the March 2027 change")
    void indianaAcrossDst() {
        PhoneNumber evansville = new PhoneNumber("+18125550123"); // Evansville Central, Bloomington Eastern

        assertThat(marketing(federal, evansville, at("2027-03-14T07:30", NEW_YORK)).releaseAt())
                .contains(at("2027-03-14T08:00", CHICAGO));
        assertThat(marketing(federal, evansville, at("2027-11-07T07:30", NEW_YORK)).releaseAt())
                .contains(at("2027-11-07T08:00", CHICAGO));
    }

    @Test
    @DisplayName("F41 a Canadian number from Toronto and one from Vancouver are held in their own zones")
    void canadianNumbers() {
        Instant sentAt = Instant.parse("2027-11-08T11:00:00Z"); // 06:00 in Toronto, 03:00 in Vancouver

        assertThat(marketing(federal, TORONTO_NUMBER, sentAt).releaseAt()).contains(at("2027-11-08T08:00", TORONTO));
        assertThat(marketing(federal, VANCOUVER_NUMBER, sentAt).releaseAt()).contains(at("2027-11-08T08:00", VANCOUVER));
        assertThat(marketing(federal, TORONTO_NUMBER, sentAt).location().subdivisions()).containsExactly("CA-ON");
    }

    @Test
    @DisplayName("F41 a toll-free number is allowed only when every US zone allows it: 13:00 to 21:00 Eastern in winter, 14:00 in summer")
    void tollFreeTakesEveryUsZone() {
        PhoneNumber tollFree = new PhoneNumber("+18005550123");

        assertThat(marketing(federal, tollFree, at("2027-01-12T09:00", NEW_YORK)).releaseAt())
                .contains(at("2027-01-12T13:00", NEW_YORK));
        assertThat(marketing(federal, tollFree, at("2027-01-12T20:59", NEW_YORK)).allowed()).isTrue();
        assertThat(marketing(federal, tollFree, at("2027-01-12T21:00", NEW_YORK)).allowed()).isFalse();
        assertThat(marketing(federal, tollFree, at("2027-07-12T09:00", NEW_YORK)).releaseAt())
                .contains(at("2027-07-12T14:00", NEW_YORK));
    }

    @Test
    @DisplayName("F41 inside the window a send is allowed; 21:00 itself is held")
    void windowBounds() {
        assertThat(marketing(federal, MANHATTAN, at("2027-05-05T08:00", NEW_YORK)).reason())
                .isEqualTo(QuietHoursReason.INSIDE_WINDOW);
        assertThat(marketing(federal, MANHATTAN, at("2027-05-05T20:59:59", NEW_YORK)).allowed()).isTrue();
        assertThat(marketing(federal, MANHATTAN, at("2027-05-05T21:00", NEW_YORK)).allowed()).isFalse();
        assertThat(marketing(federal, MANHATTAN, at("2027-05-05T07:59:59", NEW_YORK)).allowed()).isFalse();
    }

    @Test
    @DisplayName("F41 a state's stricter rule adds to the default: Florida and Oklahoma end at 20:00, New York at 21:00")
    void stricterStates() {
        QuietHoursPolicy policy = QuietHoursPolicy.builder()
                .regionRule("US-FL", QuietHoursRule.between(LocalTime.of(8, 0), LocalTime.of(20, 0)))
                .regionRule("us-ok", QuietHoursRule.between(LocalTime.of(8, 0), LocalTime.of(20, 0)))
                .build();
        PhoneNumber miami = new PhoneNumber("+13055550123");
        PhoneNumber oklahomaCity = new PhoneNumber("+14055550123");

        QuietHoursDecision florida = marketing(policy, miami, at("2027-04-01T20:30", NEW_YORK));
        assertThat(florida.allowed()).isFalse();
        assertThat(florida.ruleRegion()).contains("US-FL");
        assertThat(florida.releaseAt()).contains(at("2027-04-02T08:00", NEW_YORK));
        assertThat(marketing(policy, oklahomaCity, at("2027-04-01T20:30", CHICAGO)).ruleRegion()).contains("US-OK");
        assertThat(marketing(policy, MANHATTAN, at("2027-04-01T20:30", NEW_YORK)).allowed()).isTrue();
        assertThat(policy.regionRules()).containsOnlyKeys("US-FL", "US-OK");
    }

    @Test
    @DisplayName("F41 a regional rule never widens the default window")
    void regionalRuleOnlyNarrows() {
        QuietHoursPolicy policy = QuietHoursPolicy.builder()
                .regionRule("US-NY", QuietHoursRule.between(LocalTime.of(6, 0), LocalTime.of(23, 0)))
                .build();

        QuietHoursDecision decision = marketing(policy, MANHATTAN, at("2027-04-01T22:00", NEW_YORK));
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.ruleRegion()).isEmpty();
    }

    @Test
    @DisplayName("F41 excluded Sundays and holidays hold a send until the next allowed day's opening")
    void excludedDaysAndDates() {
        LocalDate independenceDay = LocalDate.parse("2027-07-05"); // the observed holiday, a Monday
        QuietHoursPolicy policy = QuietHoursPolicy.builder()
                .regionRule("US-NY", QuietHoursRule.between(LocalTime.of(8, 0), LocalTime.of(21, 0))
                        .excludingDays(DayOfWeek.SUNDAY)
                        .excludingDates(List.of(independenceDay)))
                .build();

        QuietHoursDecision saturdayNight = marketing(policy, MANHATTAN, at("2027-07-03T21:30", NEW_YORK));
        assertThat(saturdayNight.releaseAt()).contains(at("2027-07-06T08:00", NEW_YORK));

        QuietHoursDecision sunday = marketing(policy, MANHATTAN, at("2027-07-04T12:00", NEW_YORK));
        assertThat(sunday.reason()).isEqualTo(QuietHoursReason.EXCLUDED_DAY);
        assertThat(sunday.releaseAt()).contains(at("2027-07-06T08:00", NEW_YORK));

        QuietHoursDecision holiday = marketing(policy, MANHATTAN, at("2027-07-05T12:00", NEW_YORK));
        assertThat(holiday.reason()).isEqualTo(QuietHoursReason.EXCLUDED_DATE);
        assertThat(holiday.describe()).contains("US-NY").contains("America/New_York").contains("2027-07-06T12:00:00Z");
    }

    @Test
    @DisplayName("F41 the policy holds only the categories it covers; keyword replies go at any hour")
    void categories() {
        Instant night = at("2027-04-01T03:00", NEW_YORK);
        for (MessageCategory category : EnumSet.of(MessageCategory.HELP_REPLY, MessageCategory.OPT_OUT_CONFIRMATION,
                MessageCategory.OPT_IN_CONFIRMATION)) {
            assertThat(federal.decide(MANHATTAN, Optional.empty(), category, night, Optional.empty()).reason())
                    .isEqualTo(QuietHoursReason.CATEGORY_NOT_COVERED);
        }
        for (MessageCategory category : QuietHoursPolicy.DEFAULT_COVERED_CATEGORIES) {
            assertThat(federal.decide(MANHATTAN, Optional.empty(), category, night, Optional.empty()).allowed()).isFalse();
        }
        QuietHoursPolicy marketingOnly = QuietHoursPolicy.builder().coveredCategories(Set.of(MessageCategory.MARKETING)).build();
        assertThat(marketingOnly.decide(MANHATTAN, Optional.empty(), MessageCategory.INFORMATIONAL, night, Optional.empty())
                .allowed()).isTrue();
    }

    @Test
    @DisplayName("F41 a reply within the conversational exemption after the contact's own message is allowed; marketing is not")
    void conversationalExemption() {
        Instant night = at("2027-04-01T23:30", NEW_YORK);
        Optional<Instant> wroteRecently = Optional.of(night.minus(Duration.ofMinutes(20)));
        Optional<Instant> wroteLongAgo = Optional.of(night.minus(Duration.ofHours(3)));

        assertThat(federal.decide(MANHATTAN, Optional.empty(), MessageCategory.CONVERSATIONAL, night, wroteRecently).reason())
                .isEqualTo(QuietHoursReason.CONVERSATIONAL_REPLY);
        assertThat(federal.decide(MANHATTAN, Optional.empty(), MessageCategory.CONVERSATIONAL, night, wroteLongAgo).allowed())
                .isFalse();
        assertThat(federal.decide(MANHATTAN, Optional.empty(), MessageCategory.MARKETING, night, wroteRecently).allowed())
                .isFalse();
        QuietHoursPolicy noExemption = QuietHoursPolicy.builder().conversationalExemption(Duration.ZERO).build();
        assertThat(noExemption.decide(MANHATTAN, Optional.empty(), MessageCategory.CONVERSATIONAL, night, wroteRecently)
                .allowed()).isFalse();
        QuietHoursPolicy fourHours = QuietHoursPolicy.builder().conversationalExemption(Duration.ofHours(4)).build();
        assertThat(fourHours.decide(MANHATTAN, Optional.empty(), MessageCategory.CONVERSATIONAL, night, wroteLongAgo)
                .allowed()).isTrue();
    }

    @Test
    @DisplayName("F41 a contact's explicit zone wins: a New York number whose contact lives in Los Angeles waits for 08:00 there")
    void contactZoneWins() {
        Instant sentAt = at("2027-04-01T09:00", NEW_YORK); // 06:00 in Los Angeles

        QuietHoursDecision decision = federal.decide(MANHATTAN, Optional.of(LOS_ANGELES), MessageCategory.MARKETING,
                sentAt, Optional.empty());

        assertThat(decision.releaseAt()).contains(at("2027-04-01T08:00", LOS_ANGELES));
        assertThat(decision.location().source()).isEqualTo(RecipientLocation.Source.CONTACT_ZONE);
    }

    @Test
    @DisplayName("F41 the off policy allows everything; a policy without a default rule holds only its regions")
    void offAndRegionsOnly() {
        Instant night = at("2027-04-01T03:00", NEW_YORK);
        assertThat(marketing(QuietHoursPolicy.off(), MANHATTAN, night).reason()).isEqualTo(QuietHoursReason.POLICY_OFF);

        QuietHoursPolicy quebecOnly = QuietHoursPolicy.builder().noDefaultRule()
                .regionRule("CA-QC", QuietHoursRule.between(LocalTime.of(9, 0), LocalTime.of(20, 0))).build();
        assertThat(marketing(quebecOnly, MANHATTAN, night).reason()).isEqualTo(QuietHoursReason.NO_RULE_FOR_RECIPIENT);
        assertThat(marketing(quebecOnly, new PhoneNumber("+15145550123"), night).releaseAt())
                .contains(at("2027-04-01T09:00", TORONTO));
    }

    @Test
    @DisplayName("F41 an opening inside the hour clocks skip opens at the first instant after it")
    void openingInTheSkippedHour() {
        QuietHoursPolicy policy = QuietHoursPolicy.builder()
                .defaultRule(QuietHoursRule.between(LocalTime.of(2, 30), LocalTime.of(21, 0))).build();

        QuietHoursDecision decision = marketing(policy, MANHATTAN, at("2027-03-14T01:00", NEW_YORK));

        assertThat(decision.releaseAt()).contains(Instant.parse("2027-03-14T07:00:00Z")); // 03:00 EDT
        assertThat(decision.releaseAt().orElseThrow().atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(3, 0));
    }

    @Test
    @DisplayName("F41 zones whose windows never meet hold a send with no release")
    void noCommonWindow() {
        QuietHoursPolicy narrow = QuietHoursPolicy.builder()
                .defaultRule(QuietHoursRule.between(LocalTime.of(8, 0), LocalTime.of(9, 0))).build();
        RecipientLocation apart = RecipientLocation.of(List.of(NEW_YORK, ZoneId.of("Asia/Tokyo")), Optional.empty(), List.of());

        QuietHoursDecision decision = narrow.decide(apart, MessageCategory.MARKETING, Instant.parse("2027-04-01T00:00:00Z"),
                Optional.empty());

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).isEqualTo(QuietHoursReason.NO_COMMON_WINDOW);
        assertThat(decision.releaseAt()).isEmpty();
        assertThat(decision.describe()).contains("no release");
    }

    @Test
    @DisplayName("F41 a decision says nothing of the number it was made for")
    void noPersonalData() {
        QuietHoursDecision decision = marketing(federal, MANHATTAN, at("2027-04-01T03:00", NEW_YORK));

        assertThat(decision.toString()).doesNotContain("5550123").doesNotContain("212");
    }

    @Test
    @DisplayName("F41 a policy refuses what it cannot honour: covering the opt-out confirmation, a long exemption, a bad region")
    void validation() {
        assertThatThrownBy(() -> QuietHoursPolicy.builder().coveredCategories(Set.of(MessageCategory.OPT_OUT_CONFIRMATION)))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("coveredCategories");
        assertThatThrownBy(() -> QuietHoursPolicy.builder().coveredCategories(Set.of()))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> QuietHoursPolicy.builder().conversationalExemption(Duration.ofDays(2)))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("conversationalExemption");
        assertThatThrownBy(() -> QuietHoursPolicy.builder().conversationalExemption(Duration.ofMinutes(-1)))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> QuietHoursPolicy.builder().regionRule("Florida", QuietHoursRule.between(
                LocalTime.of(8, 0), LocalTime.of(20, 0))))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("region");
        assertThatThrownBy(() -> QuietHoursRule.between(LocalTime.of(21, 0), LocalTime.of(8, 0)))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("end");
        assertThatThrownBy(() -> QuietHoursRule.between(LocalTime.of(8, 0), LocalTime.of(21, 0))
                .excludingDays(DayOfWeek.values()))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("excludedDays");
        assertThat(QuietHoursRule.between(LocalTime.of(8, 0), LocalTime.MIDNIGHT)
                .allows(at("2027-04-01T23:59", NEW_YORK), NEW_YORK)).isTrue();
    }

    @Test
    @DisplayName("F41 a policy's builder starts from its settings")
    void toBuilder() {
        QuietHoursPolicy custom = QuietHoursPolicy.builder()
                .regionRule("US-FL", QuietHoursRule.between(LocalTime.of(8, 0), LocalTime.of(20, 0))).build();

        assertThat(custom.toBuilder().build()).isEqualTo(custom);
        assertThat(QuietHoursPolicy.off().toBuilder().build()).isEqualTo(QuietHoursPolicy.federal());
        assertThat(federal.defaultRule()).contains(QuietHoursRule.between(QuietHoursPolicy.FEDERAL_START,
                QuietHoursPolicy.FEDERAL_END));
    }
}
