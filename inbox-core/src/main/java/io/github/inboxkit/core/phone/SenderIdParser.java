package io.github.inboxkit.core.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Objects;

/** Decides the kind of a typed sender ID; the rules are documented on {@link SenderId#parse}. */
final class SenderIdParser {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private SenderIdParser() {}

    static SenderId parse(String input, String defaultRegion) {
        Objects.requireNonNull(input, "input");
        String region = PhoneNumber.requireKnownRegion(defaultRegion);
        String stripped = input.strip();
        if (stripped.isEmpty()) {
            throw new InvalidSenderIdException(input, InvalidSenderIdException.Reason.BLANK, "enter a phone number, short code or sender name");
        }
        if (ShortCode.isAsciiDigits(stripped)) {
            if (stripped.length() < ShortCode.MIN_DIGITS) {
                throw new InvalidSenderIdException(
                        input,
                        InvalidSenderIdException.Reason.INVALID_SHORT_CODE,
                        "a short code has " + ShortCode.MIN_DIGITS + " to " + ShortCode.MAX_DIGITS + " digits");
            }
            if (stripped.length() <= ShortCode.MAX_DIGITS && !isValidPhoneNumber(stripped, region)) {
                return new ShortCode(stripped);
            }
            return longCode(input, stripped, region);
        }
        if (stripped.codePoints().anyMatch(Character::isLetter)) {
            return new AlphanumericSenderId(stripped);
        }
        return longCode(input, stripped, region);
    }

    private static LongCode longCode(String input, String stripped, String region) {
        try {
            return new LongCode(PhoneNumber.parse(stripped, region));
        } catch (InvalidPhoneNumberException e) {
            throw new InvalidSenderIdException(input, e);
        }
    }

    private static boolean isValidPhoneNumber(String digits, String region) {
        try {
            return UTIL.isValidNumber(UTIL.parse(digits, region));
        } catch (NumberParseException e) {
            return false;
        }
    }
}
