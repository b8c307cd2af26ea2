package io.github.inboxkit.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The release a policy gives is right, checked minute by minute against a plain reading of the
 * rule on each zone's wall clock: the release is allowed, and no earlier minute is.
 */
class QuietHoursPropertiesTest {

    /** Zones with DST on both hemispheres, half-hour and 45-minute offsets, a 30-minute DST shift, none. */
    private static final List<String> ZONES = List.of("America/New_York", "America/Los_Angeles", "America/Phoenix",
            "America/St_Johns", "America/Chicago", "America/Adak", "Europe/London", "Europe/Paris",
            "Australia/Lord_Howe", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Chatham", "America/Santiago",
            "Pacific/Auckland", "Asia/Tokyo", "Pacific/Honolulu");

    /** 2026 to 2028, so that both hemispheres' changes of offset are drawn often. */
    private static final long FIRST = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("2028-12-31T00:00:00Z").getEpochSecond();

    /** A policy, the zones of a recipient and an instant to send at. */
    record Case(QuietHoursRule rule, List<ZoneId> zones, Instant now) {}

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<LocalTime> starts = Arbitraries.integers().between(0, 22 * 4).map(quarter -> LocalTime.of(0, 0)
                .plusMinutes(15L * quarter));
        Arbitrary<Integer> lengths = Arbitraries.integers().between(4, 20 * 4); // 1 to 20 hours, in quarters
        Arbitrary<Optional<DayOfWeek>> excluded = Arbitraries.of(DayOfWeek.class).optional(0.3);
        Arbitrary<List<ZoneId>> zones = Arbitraries.of(ZONES).map(ZoneId::of).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
        // instants near a change of offset are the interesting ones: half of them fall within a day of one
        Arbitrary<Instant> instants = Arbitraries.longs().between(FIRST, LAST).map(Instant::ofEpochSecond);
        return Combinators.combine(starts, lengths, excluded, zones, instants).as((start, quarters, day, zoneList, now) -> {
            LocalTime end = start.plusMinutes(15L * quarters);
            QuietHoursRule rule = end.isAfter(start) || end.equals(LocalTime.MIDNIGHT)
                    ? QuietHoursRule.between(start, end)
                    : QuietHoursRule.between(start, LocalTime.MIDNIGHT);
            if (day.isPresent()) {
                rule = rule.excludingDays(day.get());
            }
            return new Case(rule, zoneList, nearATransition(now, zoneList.get(0)));
        });
    }

    /** Moves half of the instants to within a day before the next change of offset of the zone. */
    private static Instant nearATransition(Instant now, ZoneId zone) {
        if (now.getEpochSecond() % 2 == 0) {
            return now;
        }
        var transition = zone.getRules().nextTransition(now);
        if (transition == null) {
            return now;
        }
        return transition.getInstant().minusSeconds(now.getEpochSecond() % 86_400);
    }

    /** The rule read plainly: on each zone's wall clock, an allowed day and a time in the window. */
    private static boolean oracle(Case c, Instant instant) {
        for (ZoneId zone : c.zones) {
            ZonedDateTime local = instant.atZone(zone);
            if (c.rule.excludedDays().contains(local.getDayOfWeek())) {
                return false;
            }
            LocalTime time = local.toLocalTime();
            boolean inWindow = !time.isBefore(c.rule.start())
                    && (c.rule.end().equals(LocalTime.MIDNIGHT) || time.isBefore(c.rule.end()));
            if (!inWindow) {
                return false;
            }
        }
        return true;
    }

    private static QuietHoursDecision decide(Case c) {
        QuietHoursPolicy policy = QuietHoursPolicy.builder().defaultRule(c.rule).build();
        return policy.decide(RecipientLocation.of(c.zones, Optional.empty(), List.of()), MessageCategory.MARKETING, c.now,
                Optional.empty());
    }

    @Property(tries = 300)
    @Label("F41 a held send is released at an allowed instant, and no earlier minute is allowed")
    void releaseIsTheEarliestAllowedInstant(@ForAll("cases") Case c) {
        QuietHoursDecision decision = decide(c);

        assertThat(decision.allowed()).as("allowed now").isEqualTo(oracle(c, c.now));
        if (decision.allowed()) {
            return;
        }
        // windows and offsets change on whole minutes, so an allowed instant would show at a whole minute
        Instant horizon = decision.releaseAt().orElse(c.now.plus(Duration.ofDays(8)));
        assertThat(Duration.between(c.now, horizon)).isLessThanOrEqualTo(Duration.ofDays(QuietHoursRule.SEARCH_DAYS));
        Instant bound = horizon.isAfter(c.now.plus(Duration.ofDays(15))) ? c.now.plus(Duration.ofDays(15)) : horizon;
        for (Instant minute = c.now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)); minute.isBefore(bound);
                minute = minute.plus(Duration.ofMinutes(1))) {
            assertThat(oracle(c, minute)).as("allowed at %s, before the release %s", minute, horizon).isFalse();
        }
        decision.releaseAt().ifPresent(release -> {
            assertThat(release).isAfter(c.now);
            assertThat(oracle(c, release)).as("release %s allowed", release).isTrue();
        });
    }

    @Property(tries = 200)
    @Label("F41 deciding again at the release allows the send: an opening is neither skipped nor doubled")
    void decidingAtTheReleaseAllows(@ForAll("cases") Case c) {
        QuietHoursDecision decision = decide(c);
        decision.releaseAt().ifPresent(release -> {
            QuietHoursDecision atRelease = decide(new Case(c.rule, c.zones, release));
            assertThat(atRelease.allowed()).isTrue();
            QuietHoursDecision justBefore = decide(new Case(c.rule, c.zones, release.minusSeconds(1)));
            assertThat(justBefore.allowed()).isFalse();
            assertThat(justBefore.releaseAt()).contains(release);
        });
    }
}
