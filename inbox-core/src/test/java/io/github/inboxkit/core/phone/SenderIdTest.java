package io.github.inboxkit.core.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.carrier.SenderKind;
import io.github.inboxkit.core.InboxException;
import io.github.inboxkit.core.phone.InvalidSenderIdException.Reason;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SenderIdTest {

    private static Reason refusalOf(String input, String region) {
        return catchThrowableOfType(InvalidSenderIdException.class, () -> SenderId.parse(input, region)).reason();
    }

    @ParameterizedTest
    @ValueSource(strings = {"06 12 34 56 78", "+33 6 12 34 56 78", "0033612345678", " (0)6-12-34-56-78 "})
    @DisplayName("F21 a phone number in any common formatting is a long code in E.164")
    void longCodes(String input) {
        SenderId sender = SenderId.parse(input, "FR");

        assertThat(sender).isEqualTo(new LongCode(new PhoneNumber("+33612345678")));
        assertThat(sender.value()).isEqualTo("+33612345678");
        assertThat(sender.toString()).doesNotContain("1234");
    }

    @ParameterizedTest
    @CsvSource({"38100,FR", "123,US", "12345678,FR", " 55555 ,US", "1272,DK"})
    @DisplayName("F21 three to eight bare digits that are not a full number of the region are a short code")
    void shortCodes(String input, String region) {
        SenderId sender = SenderId.parse(input, region);

        assertThat(sender).isEqualTo(new ShortCode(input.strip()));
        assertThat(sender.value()).isEqualTo(input.strip());
    }

    @Test
    @DisplayName("F21 eight digits that are a valid number of the region (Denmark) are a long code, not a short code")
    void eightDigitNationalNumber() {
        assertThat(SenderId.parse("32123456", "DK")).isEqualTo(new LongCode(new PhoneNumber("+4532123456")));
        assertThat(SenderId.parse("32123456", "FR")).isEqualTo(new ShortCode("32123456"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ACME|ACME", "  Dr Smith |Dr Smith", "Shop 4 U|Shop 4 U", "A|A", "BQ Ltd|BQ Ltd", "x1 2|x1 2", "ABCDEFGHIJK|ABCDEFGHIJK"})
    @DisplayName("F21 text with a letter is an alphanumeric sender ID, trimmed")
    void alphanumeric(String input, String expected) {
        SenderId sender = SenderId.parse(input, "FR");

        assertThat(sender).isEqualTo(new AlphanumericSenderId(expected));
        assertThat(sender.value()).isEqualTo(expected);
    }

    @Test
    @DisplayName("F21 the record constructor trims too, so equal names are equal sender IDs")
    void constructorTrims() {
        assertThat(new AlphanumericSenderId(" ACME ")).isEqualTo(new AlphanumericSenderId("ACME"));
    }

    @Test
    @DisplayName("F21 a sender name over 11 characters is refused as TOO_LONG")
    void tooLong() {
        InvalidSenderIdException refused =
                catchThrowableOfType(InvalidSenderIdException.class, () -> SenderId.parse("ABCDEFGHIJKL", "FR"));

        assertThat(refused).isInstanceOf(InboxException.class).hasMessageContaining("at most 11");
        assertThat(refused.reason()).isEqualTo(Reason.TOO_LONG);
        assertThat(refused.input()).isEqualTo("ABCDEFGHIJKL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Café", "ACME!", "Hi😀", "a/b", "ÄPFEL", "A\tB", "B&Q", "Shop-4-U", "Dr.Who"})
    @DisplayName("F21 a sender name with a character carriers do not accept is refused, naming the character")
    void invalidCharacter(String input) {
        assertThat(refusalOf(input, "FR")).isEqualTo(Reason.INVALID_CHARACTER);
        assertThatThrownBy(() -> new AlphanumericSenderId("ACME!")).hasMessageContaining("'!'");
    }

    @Test
    @DisplayName("F21 an alphanumeric ID needs a letter; blank input and bad short codes are refused")
    void otherRefusals() {
        assertThat(refusalOf("   ", "FR")).isEqualTo(Reason.BLANK);
        assertThat(refusalOf("12", "FR")).isEqualTo(Reason.INVALID_SHORT_CODE);
        assertThat(refusalOf("+33 12", "FR")).isEqualTo(Reason.INVALID_PHONE_NUMBER);
        assertThat(refusalOf("123 456 789 012 345 678", "FR")).isEqualTo(Reason.INVALID_PHONE_NUMBER);
        assertThat(catchThrowableOfType(InvalidSenderIdException.class, () -> new AlphanumericSenderId("123 456"))
                        .reason())
                .isEqualTo(Reason.NO_LETTER);
        assertThat(catchThrowableOfType(InvalidSenderIdException.class, () -> new ShortCode("12a45")).reason())
                .isEqualTo(Reason.INVALID_SHORT_CODE);
        assertThat(catchThrowableOfType(InvalidSenderIdException.class, () -> new ShortCode("123456789")).reason())
                .isEqualTo(Reason.INVALID_SHORT_CODE);
    }

    @Test
    @DisplayName("F21 a refused phone number does not repeat the digits in the message")
    void noPersonalDataInMessage() {
        assertThatThrownBy(() -> SenderId.parse("+33 6 12 34 56 78 90 12 34 56", "FR"))
                .isInstanceOf(InvalidSenderIdException.class)
                .hasCauseInstanceOf(InvalidPhoneNumberException.class)
                .message()
                .doesNotContain("12 34");
    }

    @Test
    @DisplayName("an unknown default region is refused with InvalidValueException naming defaultRegion")
    void unknownRegion() {
        assertThatThrownBy(() -> SenderId.parse("ACME", "XX"))
                .isInstanceOfSatisfying(io.github.inboxkit.core.InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("defaultRegion"));
    }

    @Test
    @DisplayName("F21 a sender phone number too short for its country says so in the user's terms")
    void tooShortSenderNumberInWords() {
        InvalidSenderIdException refused = catchThrowableOfType(InvalidSenderIdException.class,
                () -> SenderId.parse("+1415555", "FR"));

        assertThat(refused.reason()).isEqualTo(Reason.INVALID_PHONE_NUMBER);
        assertThat(refused.getMessage())
                .isEqualTo("Not a valid sender ID: the phone number is too short for a US number (6 digits after +1)");
        assertThat(refused.getCause()).isInstanceOfSatisfying(InvalidPhoneNumberException.class,
                cause -> assertThat(cause.userMessage()).isEqualTo("+1415555 is too short for a US number (6 digits after +1)"));
    }

    @ParameterizedTest
    @CsvSource({"06 12 34 56 78,LONG_CODE,+33612345678", "38100,SHORT_CODE,38100", " Dr Smith ,ALPHANUMERIC,Dr Smith"})
    @DisplayName("F21 every sender ID maps to the carrier SPI's Sender of the same kind and value")
    void carrierSender(String input, SenderKind kind, String value) {
        assertThat(SenderId.parse(input, "FR").toCarrierSender()).isEqualTo(new Sender(kind, value));
    }

    @Test
    @DisplayName("F21 the kinds are a closed set a caller can switch over exhaustively")
    void exhaustiveSwitch() {
        SenderId sender = SenderId.parse("ACME", "FR");
        String kind;
        if (sender instanceof LongCode) {
            kind = "long";
        } else if (sender instanceof ShortCode) {
            kind = "short";
        } else {
            kind = "alpha";
        }
        assertThat(kind).isEqualTo("alpha");
        assertThat(SenderId.class.getPermittedSubclasses()).hasSize(3);
    }

    @Property(tries = 200)
    @Label("F21 any 1-11 ASCII letters and digits with a letter parse to that alphanumeric ID, whatever surrounds it")
    void alphanumericRoundTrip(
            @ForAll @AlphaChars @StringLength(min = 1, max = 5) String letters,
            @ForAll @NumericChars @StringLength(max = 6) String digits) {
        String name = letters + digits;

        SenderId sender = SenderId.parse("  " + name + " ", "US");

        assertThat(sender).isEqualTo(new AlphanumericSenderId(name));
        assertThat(sender.value()).isEqualTo(name);
        assertThat(sender.toCarrierSender().value()).isEqualTo(name);
    }

    @Property(tries = 500)
    @Label("F21 parsing any string yields a sender ID or an InvalidSenderIdException, never another error")
    void anyInputIsParsedOrRefused(
            @ForAll @StringLength(max = 16) @NumericChars @AlphaChars @Chars({' ', '+', '-', '(', ')', '&', 'é', '\u00A0'})
                    String input) {
        try {
            SenderId sender = SenderId.parse(input, "FR");
            assertThat(sender.value()).isNotBlank();
            assertThat(sender.toCarrierSender().value()).isEqualTo(sender.value());
        } catch (InvalidSenderIdException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }
}
