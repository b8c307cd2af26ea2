package io.github.inboxkit.core.compliance;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Finds where a recipient probably is from the phone number, for quiet hours in the recipient's
 * local time (F41).
 *
 * <ul>
 *   <li><b>North American numbers</b> (+1): the area code's zones, state or province and country,
 *       from the table {@code nanp-area-codes.tsv} shipped in this package (built from NANPA's
 *       area code database and libphonenumber's time-zone data; its header names the sources and
 *       date). An area code that spans zones (Indiana's 812, Florida's 850, Oregon's 541...) gives
 *       all of them.
 *   <li><b>Other numbers, and North American numbers without a row</b> (toll-free 8XX and other
 *       non-geographic codes, codes newer than the table): every zone of the number's country, from
 *       {@code country-time-zones.tsv} (the IANA tz database's zone.tab); France gives
 *       {@code Europe/Paris}, the United States its 29 zones.
 *   <li><b>Numbers of no country</b> (+800, +882...): the fallback zone, UTC unless the builder
 *       sets another, with source {@link RecipientLocation.Source#FALLBACK}.
 * </ul>
 *
 * <p>A contact's explicit zone wins over all of these ({@link #locate(PhoneNumber, Optional)}):
 * the number then still tells the region and subdivisions whose rules apply.
 *
 * <p>The tables are read once, when the class is first used. Immutable and thread-safe: share one.
 */
public final class RecipientTimeZones {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private static final RecipientTimeZones STANDARD =
            new RecipientTimeZones(Tables.AREA_CODES, Tables.COUNTRIES, ZoneOffset.UTC);

    private final Map<String, RecipientLocation> areaCodes;
    private final Map<String, List<ZoneId>> countries;
    private final ZoneId fallbackZone;

    private RecipientTimeZones(Map<String, RecipientLocation> areaCodes, Map<String, List<ZoneId>> countries,
            ZoneId fallbackZone) {
        this.areaCodes = areaCodes;
        this.countries = countries;
        this.fallbackZone = fallbackZone;
    }

    /**
     * The time zones of the tables shipped with InboxKit, with UTC as the fallback zone.
     *
     * @return the shared instance
     */
    public static RecipientTimeZones standard() {
        return STANDARD;
    }

    /**
     * Starts from the shipped tables, to correct or add an area code (one placed in service after
     * the table was built) or to choose another fallback zone.
     *
     * @return a new builder, not thread-safe
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Locates a recipient by number alone.
     *
     * @param number the recipient's number
     * @return the location: never empty, see the class description for the fallbacks
     * @throws io.github.inboxkit.core.MissingValueException if {@code number} is null
     */
    public RecipientLocation locate(PhoneNumber number) {
        Require.nonNull(number, "number");
        String e164 = number.e164();
        if (e164.startsWith("+1") && e164.length() == 12) {
            RecipientLocation byAreaCode = areaCodes.get(e164.substring(2, 5));
            if (byAreaCode != null) {
                return byAreaCode;
            }
        }
        Optional<String> region = regionOf(e164);
        List<ZoneId> zones = region.map(countries::get).orElse(null);
        if (zones == null) {
            return RecipientLocation.create(List.of(fallbackZone), region, List.of(), RecipientLocation.Source.FALLBACK);
        }
        return RecipientLocation.create(zones, region, List.of(), RecipientLocation.Source.COUNTRY);
    }

    /**
     * Locates a recipient whose contact record may name a time zone: that zone wins; the number
     * still tells the region and subdivisions whose rules apply.
     *
     * @param number the recipient's number
     * @param contactZone the contact's explicit zone, if the host knows it
     * @return the location
     * @throws io.github.inboxkit.core.MissingValueException if an argument is null
     */
    public RecipientLocation locate(PhoneNumber number, Optional<ZoneId> contactZone) {
        Require.nonNull(contactZone, "contactZone");
        RecipientLocation byNumber = locate(number);
        return contactZone.map(byNumber::inContactZone).orElse(byNumber);
    }

    /**
     * The location of a North American area code, as the table has it.
     *
     * @param areaCode three digits, e.g. {@code "212"}
     * @return the location, empty for a code without a row (non-geographic, unassigned, or newer than the table)
     * @throws io.github.inboxkit.core.MissingValueException if {@code areaCode} is null
     */
    public Optional<RecipientLocation> areaCode(String areaCode) {
        Require.nonNull(areaCode, "areaCode");
        return Optional.ofNullable(areaCodes.get(areaCode));
    }

    /**
     * The area codes the table has a row for.
     *
     * @return the codes, in ascending order
     */
    public Set<String> areaCodes() {
        return Collections.unmodifiableSet(new TreeMap<>(areaCodes).keySet());
    }

    /**
     * The zones of a country, as {@code country-time-zones.tsv} has them.
     *
     * @param region an ISO 3166-1 alpha-2 region, e.g. {@code "FR"}
     * @return its zones, empty for a region without a row
     * @throws io.github.inboxkit.core.MissingValueException if {@code region} is null
     */
    public List<ZoneId> countryZones(String region) {
        Require.nonNull(region, "region");
        return countries.getOrDefault(region, List.of());
    }

    /**
     * The zone of a number of no country.
     *
     * @return the fallback zone, UTC unless the builder chose another
     */
    public ZoneId fallbackZone() {
        return fallbackZone;
    }

    private static Optional<String> regionOf(String e164) {
        try {
            var parsed = UTIL.parse(e164, "ZZ");
            String region = UTIL.getRegionCodeForNumber(parsed);
            if (region == null || "ZZ".equals(region) || PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)) {
                // An unassigned range has no region of its own; its country code may have one.
                region = UTIL.getRegionCodeForCountryCode(parsed.getCountryCode());
            }
            return "ZZ".equals(region) || PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)
                    ? Optional.empty()
                    : Optional.of(region);
        } catch (NumberParseException e) {
            return Optional.empty(); // a PhoneNumber is E.164, which libphonenumber always parses
        }
    }

    /** Builds a {@link RecipientTimeZones} from the shipped tables and the host's corrections. Not thread-safe. */
    public static final class Builder {

        private final Map<String, RecipientLocation> areaCodes = new HashMap<>(Tables.AREA_CODES);
        private ZoneId fallbackZone = ZoneOffset.UTC;

        private Builder() {}

        /**
         * Sets or replaces the row of a North American area code.
         *
         * @param areaCode three digits, the first 2 to 9
         * @param region the ISO 3166-1 region of the code, e.g. {@code "US"}
         * @param subdivisions its ISO 3166-2 subdivisions, e.g. {@code "US-NY"}, possibly none
         * @param zones its zones, at least one
         * @return this builder
         * @throws io.github.inboxkit.core.InvalidValueException if a value is malformed or null
         */
        public Builder areaCode(String areaCode, String region, Collection<String> subdivisions,
                Collection<ZoneId> zones) {
            Require.nonNull(areaCode, "areaCode");
            Require.argument(areaCode.matches("[2-9][0-9][0-9]"), "areaCode", "must be three digits, the first 2 to 9");
            Require.nonNull(region, "region");
            areaCodes.put(areaCode, RecipientLocation.create(zones, Optional.of(region), subdivisions,
                    RecipientLocation.Source.AREA_CODE));
            return this;
        }

        /**
         * Sets the zone of numbers of no country.
         *
         * @param zone the zone; UTC by default
         * @return this builder
         * @throws io.github.inboxkit.core.MissingValueException if {@code zone} is null
         */
        public Builder fallbackZone(ZoneId zone) {
            this.fallbackZone = Require.nonNull(zone, "zone");
            return this;
        }

        /**
         * Builds the time zones.
         *
         * @return a new, immutable instance
         */
        public RecipientTimeZones build() {
            return new RecipientTimeZones(Map.copyOf(areaCodes), Tables.COUNTRIES, fallbackZone);
        }
    }

    /** The shipped tables, read once. */
    private static final class Tables {

        static final Map<String, RecipientLocation> AREA_CODES = readAreaCodes();
        static final Map<String, List<ZoneId>> COUNTRIES = readCountries();

        private static Map<String, RecipientLocation> readAreaCodes() {
            Map<String, RecipientLocation> rows = new HashMap<>();
            read("nanp-area-codes.tsv", 4, (line, fields) -> {
                List<ZoneId> zones = zones(fields[3]);
                if (zones.isEmpty()) {
                    throw new IllegalStateException("nanp-area-codes.tsv line " + line + " names no zone this JDK knows");
                }
                List<String> subdivisions = "-".equals(fields[2]) ? List.of() : List.of(fields[2].split(" "));
                rows.put(fields[0], RecipientLocation.create(zones, Optional.of(fields[1]), subdivisions,
                        RecipientLocation.Source.AREA_CODE));
            });
            return Map.copyOf(rows);
        }

        private static Map<String, List<ZoneId>> readCountries() {
            Map<String, List<ZoneId>> rows = new HashMap<>();
            read("country-time-zones.tsv", 2, (line, fields) -> {
                List<ZoneId> zones = zones(fields[1]);
                if (!zones.isEmpty()) {
                    rows.put(fields[0], zones);
                }
            });
            return Map.copyOf(rows);
        }

        /** The zones of a space-separated list that the running JDK knows; the others are skipped. */
        private static List<ZoneId> zones(String names) {
            Set<String> known = ZoneId.getAvailableZoneIds();
            List<ZoneId> zones = new ArrayList<>();
            for (String name : names.split(" ")) {
                if (known.contains(name)) {
                    zones.add(ZoneId.of(name));
                }
            }
            return List.copyOf(zones);
        }

        /** Reads a tab-separated resource of this package, skipping comments and its header line. */
        private static void read(String resource, int columns, BiConsumer<Integer, String[]> row) {
            try (InputStream in = RecipientTimeZones.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from inbox-core's jar");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                boolean header = true;
                int number = 0;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    number++;
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    if (header) {
                        header = false;
                        continue;
                    }
                    String[] fields = line.split("\t");
                    if (fields.length != columns) {
                        throw new IllegalStateException(resource + " line " + number + " has " + fields.length
                                + " columns, not " + columns);
                    }
                    row.accept(number, fields);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + resource, e);
            }
        }
    }
}
