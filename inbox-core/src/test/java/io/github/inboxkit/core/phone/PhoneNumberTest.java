package io.github.inboxkit.core.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78", "0033612345678", "(0)6-12-34-56-78"})
    @DisplayName("F17 any common formatting of a French mobile normalises to one E.164 number")
    void normalisesCommonFormats(String input) {
        assertThat(PhoneNumber.parse(input, "FR").e164()).isEqualTo("+33612345678");
    }

    @Test
    @DisplayName("F17 national format uses the account's default region")
    void nationalFormatUsesDefaultRegion() {
        assertThat(PhoneNumber.parse("(415) 555-0132", "US").e164()).isEqualTo("+14155550132");
        assertThat(PhoneNumber.parse("+1 415 555 0132", "FR").e164()).isEqualTo("+14155550132");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hello", "12", "+33 6 12 34 56 78 90 12 34 56"})
    @DisplayName("F17 garbage is refused with a typed error")
    void garbageIsRefused(String input) {
        assertThatThrownBy(() -> PhoneNumber.parse(input, "FR"))
                .isInstanceOf(InvalidPhoneNumberException.class)
                .hasMessageStartingWith("Not a valid phone number");
    }

    @Test
    @DisplayName("an unknown default region is a programming error")
    void unknownRegionIsRefused() {
        assertThatThrownBy(() -> PhoneNumber.parse("0612345678", "XX"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("defaultRegion");
    }

    @Test
    @DisplayName("F8 digits and masking: digits for partial search, masked form for logs")
    void digitsAndMasking() {
        PhoneNumber number = new PhoneNumber("+33612345678");
        assertThat(number.digits()).isEqualTo("33612345678");
        assertThat(number.masked()).isEqualTo("+33•••••5678");
        assertThat(number.toString()).doesNotContain("1234");
        assertThat(PhoneNumber.digitsOf("(415) 555-01")).isEqualTo("41555501");
    }

    @Test
    @DisplayName("the record constructor accepts E.164 only")
    void constructorRequiresE164() {
        assertThatThrownBy(() -> new PhoneNumber("0612345678")).isInstanceOf(InvalidPhoneNumberException.class);
        assertThatThrownBy(() -> new PhoneNumber("+0612345678")).isInstanceOf(InvalidPhoneNumberException.class);
    }
}
