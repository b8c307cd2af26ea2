package io.github.inboxkit.core.compliance;

import io.github.inboxkit.core.Require;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a recipient probably is, for quiet hours (F41): the time zones in which the recipient may
 * be, and the region and subdivisions (state, province) whose rules apply. Several zones mean the
 * number alone cannot tell which one (an area code that spans two zones, or a country whose zones
 * the number does not tell apart); a quiet-hours policy then allows a send only when every one of
 * them allows it.
 *
 * <p>{@link RecipientTimeZones#locate} finds the location of a phone number; a host that knows
 * better builds one with {@link #of}.
 *
 * <p>Immutable and thread-safe.
 */
public final class RecipientLocation {

    /** Where the zones of a location come from. */
    public enum Source {
        /** The contact's own time zone, set by the host: it wins over what the number says. */
        CONTACT_ZONE,
        /** The NANP area code of the number, from the table InboxKit ships. */
        AREA_CODE,
        /** Every zone of the number's country, its place within the country being unknown. */
        COUNTRY,
        /** The fallback zone: the number's country is unknown (a non-geographic number). */
        FALLBACK,
        /** Given by the host through {@link #of}. */
        HOST
    }

    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");
    private static final Pattern SUBDIVISION = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

    private final List<ZoneId> zones;
    private final Optional<String> region;
    private final List<String> subdivisions;
    private final Source source;

    private RecipientLocation(Collection<ZoneId> zones, Optional<String> region, Collection<String> subdivisions,
            Source source) {
        this.zones = Collections.unmodifiableList(new ArrayList<>(new LinkedHashSet<>(zones)));
        this.region = region;
        this.subdivisions = Collections.unmodifiableList(new ArrayList<>(new LinkedHashSet<>(subdivisions)));
        this.source = source;
    }

    /**
     * A location the host knows.
     *
     * @param zones the zones the recipient may be in, at least one
     * @param region the ISO 3166-1 alpha-2 region whose rules apply, e.g. {@code "US"}, if known
     * @param subdivisions the ISO 3166-2 subdivisions whose rules apply, e.g. {@code "US-FL"}, possibly none
     * @return the location, with source {@link Source#HOST}
     * @throws io.github.inboxkit.core.InvalidValueException if {@code zones} is empty, a region or
     *     subdivision code is malformed, or an argument is null
     */
    public static RecipientLocation of(Collection<ZoneId> zones, Optional<String> region,
            Collection<String> subdivisions) {
        return create(zones, region, subdivisions, Source.HOST);
    }

    static RecipientLocation create(Collection<ZoneId> zones, Optional<String> region,
            Collection<String> subdivisions, Source source) {
        Require.nonNull(zones, "zones");
        Require.nonNull(region, "region");
        Require.nonNull(subdivisions, "subdivisions");
        Require.argument(!zones.isEmpty(), "zones", "must name at least one time zone");
        zones.forEach(zone -> Require.nonNull(zone, "zones"));
        region.ifPresent(code -> Require.argument(REGION.matcher(code).matches(), "region",
                "must be an ISO 3166-1 alpha-2 code in upper case, such as US or CA"));
        for (String subdivision : subdivisions) {
            Require.nonNull(subdivision, "subdivisions");
            Require.argument(SUBDIVISION.matcher(subdivision).matches(), "subdivisions",
                    "must be ISO 3166-2 codes in upper case, such as US-FL or CA-QC");
        }
        return new RecipientLocation(zones, region, subdivisions, source);
    }

    /** The same place, in the contact's own zone. */
    RecipientLocation inContactZone(ZoneId zone) {
        return new RecipientLocation(List.of(zone), region, subdivisions, Source.CONTACT_ZONE);
    }

    /**
     * The zones the recipient may be in.
     *
     * @return at least one zone, in the order of the table or the host
     */
    public List<ZoneId> zones() {
        return zones;
    }

    /**
     * The ISO 3166-1 alpha-2 region of the number ({@code "US"}, {@code "CA"}, {@code "PR"}...).
     *
     * @return the region, empty for a number of no country
     */
    public Optional<String> region() {
        return region;
    }

    /**
     * The ISO 3166-2 subdivisions of the number ({@code "US-FL"}); several for an area code that
     * serves several (Nova Scotia and Prince Edward Island share 902).
     *
     * @return the subdivisions, possibly none
     */
    public List<String> subdivisions() {
        return subdivisions;
    }

    /**
     * Where the zones come from.
     *
     * @return the source
     */
    public Source source() {
        return source;
    }

    /** The keys a policy's regional rules may use for this location: region, then subdivisions. */
    List<String> ruleKeys() {
        List<String> keys = new ArrayList<>(1 + subdivisions.size());
        region.ifPresent(keys::add);
        keys.addAll(subdivisions);
        return keys;
    }

    /** Checks a rule key: an ISO 3166-1 region or an ISO 3166-2 subdivision, returned in upper case. */
    static String ruleKey(String key, String field) {
        Require.nonNull(key, field);
        String upper = key.toUpperCase(Locale.ROOT);
        Require.argument(REGION.matcher(upper).matches() || SUBDIVISION.matcher(upper).matches(), field,
                "must be an ISO 3166-1 region such as US, or an ISO 3166-2 subdivision such as US-FL");
        return upper;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecipientLocation that && zones.equals(that.zones) && region.equals(that.region)
                && subdivisions.equals(that.subdivisions) && source == that.source;
    }

    @Override
    public int hashCode() {
        return zones.hashCode() * 31 + region.hashCode() * 17 + subdivisions.hashCode() + source.hashCode();
    }

    /** Names the zones, region and subdivisions: no personal data. */
    @Override
    public String toString() {
        return "RecipientLocation" + zones + region.map(r -> " " + r).orElse("") + (subdivisions.isEmpty() ? "" : " " + subdivisions)
                + " (" + source + ")";
    }
}
