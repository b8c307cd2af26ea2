package io.github.inboxkit.core.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecipientTimeZonesTest {

    private final RecipientTimeZones zones = RecipientTimeZones.standard();

    private static ZoneId zone(String id) {
        return ZoneId.of(id);
    }

    @ParameterizedTest(name = "+1 {0} is in {1} ({2})")
    @CsvSource(delimiter = '|', value = {
        "212 | America/New_York    | US-NY",
        "213 | America/Los_Angeles | US-CA",
        "312 | America/Chicago     | US-IL",
        "303 | America/Denver      | US-CO",
        "602 | America/Phoenix     | US-AZ",
        "808 | Pacific/Honolulu    | US-HI",
        "416 | America/Toronto     | CA-ON",
        "514 | America/Toronto     | CA-QC",
        "604 | America/Vancouver   | CA-BC",
        "403 | America/Edmonton    | CA-AB",
        "306 | America/Regina      | CA-SK",
        "902 | America/Halifax     | CA-NS",
    })
    @DisplayName("F41 a North American number takes the zone and subdivision of its area code")
    void oneZoneAreaCodes(String areaCode, String zoneId, String subdivision) {
        RecipientLocation location = zones.locate(new PhoneNumber("+1" + areaCode + "5550123"));

        assertThat(location.zones()).containsExactly(zone(zoneId));
        assertThat(location.subdivisions()).contains(subdivision);
        assertThat(location.source()).isEqualTo(RecipientLocation.Source.AREA_CODE);
    }

    @ParameterizedTest(name = "+1 {0} ({1}) spans {2}")
    @CsvSource(delimiter = '|', value = {
        "219 | Indiana, northwest              | America/New_York America/Chicago",
        "574 | Indiana, north                  | America/New_York America/Chicago",
        "812 | Indiana, south                  | America/New_York America/Chicago",
        "930 | Indiana, overlay of 812         | America/New_York America/Chicago",
        "423 | Tennessee, east                 | America/New_York America/Chicago",
        "931 | Tennessee, middle               | America/Chicago America/New_York",
        "850 | Florida panhandle               | America/Chicago America/New_York",
        "448 | Florida panhandle overlay       | America/Chicago America/New_York",
        "915 | Texas, El Paso                  | America/Denver America/Chicago",
        "541 | Oregon, east and south          | America/Los_Angeles America/Boise",
        "458 | Oregon, overlay of 541          | America/Los_Angeles America/Boise",
        "270 | Kentucky, west                  | America/Chicago America/New_York",
        "606 | Kentucky, east                  | America/New_York America/Chicago",
        "605 | South Dakota                    | America/Chicago America/Denver",
        "701 | North Dakota                    | America/Chicago America/Denver",
        "308 | Nebraska, west                  | America/Chicago America/Denver",
        "620 | Kansas, south                   | America/Chicago America/Denver",
        "785 | Kansas, north                   | America/Chicago America/Denver",
        "208 | Idaho                           | America/Boise America/Los_Angeles",
        "986 | Idaho, overlay of 208           | America/Boise America/Los_Angeles",
        "906 | Michigan, Upper Peninsula       | America/New_York America/Chicago",
        "928 | Arizona, north (Navajo Nation)  | America/Denver America/Phoenix",
        "907 | Alaska                          | America/Anchorage America/Adak",
        "250 | British Columbia outside Vancouver | America/Vancouver America/Edmonton America/Dawson_Creek",
        "807 | Ontario, northwest              | America/Toronto America/Winnipeg America/Atikokan",
        "709 | Newfoundland and Labrador       | America/St_Johns America/Goose_Bay",
    })
    @DisplayName("F41 an area code that spans zones gives every one of them")
    void areaCodesSpanningZones(String areaCode, String place, String zoneIds) {
        List<ZoneId> expected = java.util.Arrays.stream(zoneIds.split(" ")).map(ZoneId::of).toList();

        assertThat(zones.locate(new PhoneNumber("+1" + areaCode + "5550123")).zones())
                .as(place).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @DisplayName("F41 the table has a row for each geographic area code in service, with zones the JDK knows")
    void tableIsComplete() {
        Set<String> codes = zones.areaCodes();

        assertThat(codes).hasSizeGreaterThan(400)
                .contains("201", "212", "416", "604", "787", "876", "945", "839", "683")
                .allMatch(code -> code.matches("[2-9][0-9][0-9]"))
                .doesNotContain("800", "833", "844", "855", "866", "877", "888", "900", "500", "600", "700");
        for (String code : codes) {
            RecipientLocation location = zones.areaCode(code).orElseThrow();
            assertThat(location.zones()).as(code).isNotEmpty();
            assertThat(location.region()).as(code).isPresent();
        }
    }

    @Test
    @DisplayName("F41 Caribbean and Pacific members of the plan are their own regions")
    void caribbeanMembers() {
        assertThat(zones.locate(new PhoneNumber("+17875550123")).region()).contains("PR");
        assertThat(zones.locate(new PhoneNumber("+17875550123")).zones()).containsExactly(zone("America/Puerto_Rico"));
        assertThat(zones.locate(new PhoneNumber("+18765550123")).region()).contains("JM");
        assertThat(zones.locate(new PhoneNumber("+16715550123")).zones()).containsExactly(zone("Pacific/Guam"));
    }

    @Test
    @DisplayName("F41 a toll-free number takes every zone of its country")
    void tollFreeTakesCountryZones() {
        RecipientLocation location = zones.locate(new PhoneNumber("+18005550123"));

        assertThat(location.source()).isEqualTo(RecipientLocation.Source.COUNTRY);
        assertThat(location.region()).contains("US");
        assertThat(location.zones()).contains(zone("America/New_York"), zone("America/Los_Angeles"),
                zone("Pacific/Honolulu"), zone("America/Anchorage"));
    }

    @Test
    @DisplayName("F41 a number outside the plan takes the zones of its country")
    void otherCountries() {
        assertThat(zones.locate(new PhoneNumber("+33612345678")).zones()).containsExactly(zone("Europe/Paris"));
        assertThat(zones.locate(new PhoneNumber("+33612345678")).region()).contains("FR");
        assertThat(zones.locate(new PhoneNumber("+447700900123")).zones()).containsExactly(zone("Europe/London"));
        assertThat(zones.locate(new PhoneNumber("+61412345678")).zones())
                .contains(zone("Australia/Sydney"), zone("Australia/Perth"));
    }

    @Test
    @DisplayName("F41 a number of no country takes the fallback zone, UTC unless the builder sets another")
    void numberOfNoCountry() {
        RecipientLocation location = zones.locate(new PhoneNumber("+80012345678"));

        assertThat(location.source()).isEqualTo(RecipientLocation.Source.FALLBACK);
        assertThat(location.zones()).containsExactly(ZoneOffset.UTC);
        assertThat(location.region()).isEmpty();
        assertThat(RecipientTimeZones.builder().fallbackZone(zone("America/Chicago")).build()
                .locate(new PhoneNumber("+80012345678")).zones()).containsExactly(zone("America/Chicago"));
    }

    @Test
    @DisplayName("F41 a contact's explicit zone wins over the number's, which still tells the state")
    void contactZoneWins() {
        RecipientLocation location = zones.locate(new PhoneNumber("+13055550123"), Optional.of(zone("America/Denver")));

        assertThat(location.zones()).containsExactly(zone("America/Denver"));
        assertThat(location.subdivisions()).containsExactly("US-FL");
        assertThat(location.source()).isEqualTo(RecipientLocation.Source.CONTACT_ZONE);
        assertThat(zones.locate(new PhoneNumber("+13055550123"), Optional.empty()).zones())
                .containsExactly(zone("America/New_York"));
    }

    @Test
    @DisplayName("F41 a host adds an area code newer than the table, or corrects one")
    void builderAddsAnAreaCode() {
        RecipientTimeZones custom = RecipientTimeZones.builder()
                .areaCode("624", "US", List.of("US-NY"), List.of(zone("America/New_York")))
                .build();

        assertThat(zones.areaCode("624")).isEmpty();
        assertThat(custom.locate(new PhoneNumber("+16245550123")).zones()).containsExactly(zone("America/New_York"));
        assertThat(custom.locate(new PhoneNumber("+16245550123")).subdivisions()).containsExactly("US-NY");
        assertThat(custom.areaCodes()).contains("624", "212");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "1234", "099", "abc"})
    @DisplayName("F41 an area code that is not three digits, the first 2 to 9, is refused")
    void malformedAreaCode(String code) {
        assertThatThrownBy(() -> RecipientTimeZones.builder().areaCode(code, "US", List.of(), List.of(ZoneOffset.UTC)))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("areaCode");
    }

    @Test
    @DisplayName("F41 a location needs a zone and well-formed region codes")
    void locationValidation() {
        assertThatThrownBy(() -> RecipientLocation.of(List.of(), Optional.of("US"), List.of()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("zones");
        assertThatThrownBy(() -> RecipientLocation.of(List.of(ZoneOffset.UTC), Optional.of("usa"), List.of()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("region");
        assertThatThrownBy(() -> RecipientLocation.of(List.of(ZoneOffset.UTC), Optional.of("US"), List.of("Florida")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("subdivisions");
    }
}
