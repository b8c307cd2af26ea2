package io.github.inboxkit.core.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.phone.InvalidPhoneNumberException.Problem;
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
    @DisplayName("an unknown default region is refused with InvalidValueException naming defaultRegion")
    void unknownRegionIsRefused() {
        assertThatThrownBy(() -> PhoneNumber.parse("0612345678", "XX"))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("defaultRegion"))
                .hasMessageContaining("defaultRegion");
        assertThatThrownBy(() -> PhoneNumber.parse("0612345678", null))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("defaultRegion"));
    }

    private static InvalidPhoneNumberException refusal(String input, String region) {
        return catchThrowableOfType(InvalidPhoneNumberException.class, () -> PhoneNumber.parse(input, region));
    }

    @Test
    @DisplayName("F17 a number too short for its country says so in the user's terms, with the country and the count of digits")
    void tooShortSaysForWhichCountry() {
        InvalidPhoneNumberException refused = refusal("+1415555", "FR");

        assertThat(refused.problem()).isEqualTo(Problem.TOO_SHORT);
        assertThat(refused.region()).contains("US");
        assertThat(refused.userMessage()).isEqualTo("+1415555 is too short for a US number (6 digits after +1)");
        assertThat(refused.reason()).isEqualTo("too short for a US number (6 digits after +1)");
        assertThat(refused.getMessage()).isEqualTo("Not a valid phone number: too short for a US number (6 digits after +1)");
        assertThat(refused.input()).isEqualTo("+1415555");
    }

    @Test
    @DisplayName("F17 a national number is judged against the account's default region")
    void nationalNumberUsesTheDefaultRegion() {
        InvalidPhoneNumberException refused = refusal("06 12 34", "FR");

        assertThat(refused.problem()).isEqualTo(Problem.TOO_SHORT);
        assertThat(refused.region()).contains("FR");
        assertThat(refused.userMessage()).isEqualTo("06 12 34 is too short for a FR number (6 digits)");
    }

    @Test
    @DisplayName("F17 a number too long for its country says so, with the country")
    void tooLongSaysForWhichCountry() {
        InvalidPhoneNumberException refused = refusal("+33 6 12 34 56 78 90 12 34 56", "US");

        assertThat(refused.problem()).isEqualTo(Problem.TOO_LONG);
        assertThat(refused.region()).contains("FR");
        assertThat(refused.reason()).startsWith("too long for a FR number (");
    }

    @Test
    @DisplayName("F17 words, a country code no country has and blank input each have their own problem and words")
    void otherProblemsInWords() {
        assertThat(refusal("call me", "FR").problem()).isEqualTo(Problem.NOT_A_NUMBER);
        assertThat(refusal("call me", "FR").userMessage()).startsWith("call me is not a phone number");
        assertThat(refusal("+999 1234 5678", "FR").problem()).isEqualTo(Problem.UNKNOWN_COUNTRY_CODE);
        assertThat(refusal("+999 1234 5678", "FR").region()).isEmpty();
        assertThat(refusal("   ", "FR").problem()).isEqualTo(Problem.BLANK);
        assertThat(refusal("   ", "FR").userMessage()).isEqualTo("Enter a phone number with its digits");
        assertThat(catchThrowableOfType(InvalidPhoneNumberException.class, () -> new PhoneNumber("0612345678"))
                .problem()).isEqualTo(Problem.NOT_E164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "12", "+1415555", "06 12 34", "+999 1234 5678", "+33 6 12 34 56 78 90 12 34 56",
            "+1 2", "+44 20", "+800 1234"})
    @DisplayName("F17 no refusal speaks libphonenumber's language (an error code, a null region) or repeats the number in its message")
    void noLibraryJargonNorPersonalData(String input) {
        InvalidPhoneNumberException refused = refusal(input, "US");

        assertThat(refused.getMessage()).doesNotContain("null", "NOT_A_NUMBER", "TOO_SHORT", "TOO_LONG",
                "INVALID_", "region ");
        String digits = PhoneNumber.digitsOf(input);
        if (digits.length() > 3) {
            assertThat(refused.getMessage()).doesNotContain(digits);
        }
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
