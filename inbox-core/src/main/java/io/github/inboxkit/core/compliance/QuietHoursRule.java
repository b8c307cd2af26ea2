package io.github.inboxkit.core.compliance;

import io.github.inboxkit.core.Require;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * When sending is allowed in the recipient's local time (F41): a daily window of wall-clock
 * hours, {@code [start, end)}, and the days of the week and dates on which nothing may be sent.
 *
 * <p>The window is read on the wall clock of the recipient's zone, whatever its offset that day:
 * on the day clocks spring forward, 08:00 is 08:00 local; an opening that falls in the skipped
 * hour opens at the first instant after it (the wall clock then already reads later than the
 * opening). On the day clocks fall back, a repeated wall-clock time is allowed or not at both of
 * its instants alike. So no opening is skipped or doubled by a change of offset.
 *
 * <p>Immutable and thread-safe.
 */
public final class QuietHoursRule {

    /** How far ahead an opening is sought; a rule always has one within a week, a set of rules may not. */
    static final int SEARCH_DAYS = 400;

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final LocalTime start;
    private final LocalTime end;
    private final Set<DayOfWeek> excludedDays;
    private final Set<LocalDate> excludedDates;

    private QuietHoursRule(LocalTime start, LocalTime end, Set<DayOfWeek> excludedDays, Set<LocalDate> excludedDates) {
        this.start = start;
        this.end = end;
        this.excludedDays = excludedDays;
        this.excludedDates = excludedDates;
    }

    /**
     * A window of allowed hours, every day.
     *
     * @param start the first allowed wall-clock time, e.g. 08:00
     * @param end the first wall-clock time no longer allowed, e.g. 21:00; {@link LocalTime#MIDNIGHT}
     *     means the end of the day
     * @return the rule
     * @throws io.github.inboxkit.core.InvalidValueException if {@code start} is not before {@code end}
     *     (a window across midnight is not supported), or an argument is null
     */
    public static QuietHoursRule between(LocalTime start, LocalTime end) {
        Require.nonNull(start, "start");
        Require.nonNull(end, "end");
        Require.argument(end.equals(LocalTime.MIDNIGHT) || start.isBefore(end), "end",
                "must be after start (00:00 means the end of the day; a window across midnight is not supported)");
        return new QuietHoursRule(start, end, Collections.unmodifiableSet(EnumSet.noneOf(DayOfWeek.class)), Set.of());
    }

    /**
     * The same rule, with days of the week on which nothing may be sent (a state that forbids
     * Sundays).
     *
     * @param days the days to add to those already excluded
     * @return a new rule
     * @throws io.github.inboxkit.core.InvalidValueException if every day of the week would be
     *     excluded, or an argument is null
     */
    public QuietHoursRule excludingDays(DayOfWeek... days) {
        Require.nonNull(days, "days");
        EnumSet<DayOfWeek> all = excludedDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(excludedDays);
        for (DayOfWeek day : days) {
            all.add(Require.nonNull(day, "days"));
        }
        Require.argument(all.size() < 7, "excludedDays", "must leave at least one day of the week allowed");
        return new QuietHoursRule(start, end, Collections.unmodifiableSet(all), excludedDates);
    }

    /**
     * The same rule, with dates on which nothing may be sent (holidays, in the recipient's local
     * calendar). Dates are not recurring: list each year's.
     *
     * @param dates the dates to add to those already excluded
     * @return a new rule
     * @throws io.github.inboxkit.core.MissingValueException if {@code dates} or a date is null
     */
    public QuietHoursRule excludingDates(Collection<LocalDate> dates) {
        Require.nonNull(dates, "dates");
        TreeSet<LocalDate> all = new TreeSet<>(excludedDates);
        for (LocalDate date : dates) {
            all.add(Require.nonNull(date, "dates"));
        }
        return new QuietHoursRule(start, end, excludedDays, Collections.unmodifiableSet(all));
    }

    /** @return the first allowed wall-clock time of a day */
    public LocalTime start() {
        return start;
    }

    /** @return the first wall-clock time no longer allowed; {@link LocalTime#MIDNIGHT} for the end of the day */
    public LocalTime end() {
        return end;
    }

    /** @return the days of the week on which nothing may be sent, possibly none */
    public Set<DayOfWeek> excludedDays() {
        return excludedDays;
    }

    /** @return the dates on which nothing may be sent, in ascending order, possibly none */
    public Set<LocalDate> excludedDates() {
        return excludedDates;
    }

    /**
     * Whether this rule allows sending at an instant, in a zone.
     *
     * @param instant the instant
     * @param zone the recipient's zone
     * @return true inside the window on an allowed day
     * @throws io.github.inboxkit.core.MissingValueException if an argument is null
     */
    public boolean allows(Instant instant, ZoneId zone) {
        Require.nonNull(instant, "instant");
        Require.nonNull(zone, "zone");
        return blocks(instant.atZone(zone)) == null;
    }

    /** Why the rule blocks this local time, or null when it allows it. */
    QuietHoursReason blocks(ZonedDateTime local) {
        LocalDate date = local.toLocalDate();
        if (excludedDays.contains(date.getDayOfWeek())) {
            return QuietHoursReason.EXCLUDED_DAY;
        }
        if (excludedDates.contains(date)) {
            return QuietHoursReason.EXCLUDED_DATE;
        }
        return inWindow(local.toLocalTime()) ? null : QuietHoursReason.OUTSIDE_WINDOW;
    }

    private boolean inWindow(LocalTime time) {
        return !time.isBefore(start) && (end.equals(LocalTime.MIDNIGHT) || time.isBefore(end));
    }

    private boolean allowsDate(LocalDate date) {
        return !excludedDays.contains(date.getDayOfWeek()) && !excludedDates.contains(date);
    }

    /**
     * The earliest instant at or after {@code from} that this rule allows in {@code zone}.
     *
     * @return the instant, or empty when none lies within {@link #SEARCH_DAYS} days
     */
    Optional<Instant> nextAllowed(Instant from, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        LocalDate first = from.atZone(zone).toLocalDate();
        for (int i = 0; i <= SEARCH_DAYS; i++) {
            LocalDate date = first.plusDays(i);
            if (allowsDate(date)) {
                Instant found = earliestInWindow(date, zone, rules, from);
                if (found != null) {
                    return Optional.of(found);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The earliest instant of {@code date}, not before {@code from}, whose wall clock reads inside
     * the window; null if there is none. The day is cut at its offset transitions, so a gap (the
     * wall clock jumps forward) and an overlap (it reads an hour twice) are both read as the wall
     * clock reads them.
     */
    private Instant earliestInWindow(LocalDate date, ZoneId zone, ZoneRules rules, Instant from) {
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        LocalDateTime windowStart = date.atTime(start);
        LocalDateTime windowEnd = end.equals(LocalTime.MIDNIGHT) ? date.plusDays(1).atStartOfDay() : date.atTime(end);
        Instant pieceStart = date.atStartOfDay(zone).toInstant();
        while (pieceStart.isBefore(dayEnd)) {
            ZoneOffset offset = rules.getOffset(pieceStart);
            ZoneOffsetTransition transition = rules.nextTransition(pieceStart);
            Instant pieceEnd = transition == null || !transition.getInstant().isBefore(dayEnd)
                    ? dayEnd
                    : transition.getInstant();
            Instant low = latest(pieceStart, windowStart.toInstant(offset), from);
            Instant high = pieceEnd.isBefore(windowEnd.toInstant(offset)) ? pieceEnd : windowEnd.toInstant(offset);
            if (low.isBefore(high)) {
                return low;
            }
            pieceStart = pieceEnd;
        }
        return null;
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant ab = a.isAfter(b) ? a : b;
        return ab.isAfter(c) ? ab : c;
    }

    /** Describes the window, e.g. {@code "08:00-21:00, not on SUNDAY"}. */
    String describe() {
        StringBuilder out = new StringBuilder(start.format(HOURS)).append('-')
                .append(end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.format(HOURS));
        if (!excludedDays.isEmpty()) {
            out.append(", not on ").append(String.join(", ", excludedDays.stream().map(Enum::name).toList()));
        }
        if (!excludedDates.isEmpty()) {
            out.append(", not on ").append(excludedDates.size()).append(" excluded date(s)");
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QuietHoursRule that && start.equals(that.start) && end.equals(that.end)
                && excludedDays.equals(that.excludedDays) && excludedDates.equals(that.excludedDates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end, excludedDays, excludedDates);
    }

    @Override
    public String toString() {
        return "QuietHoursRule[" + describe() + "]";
    }
}
