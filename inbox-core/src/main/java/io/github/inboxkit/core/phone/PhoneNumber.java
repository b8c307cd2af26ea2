package io.github.inboxkit.core.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import java.util.Objects;

/**
 * A phone number normalised to E.164 ({@code +33612345678}), the only form InboxKit stores and
 * compares.
 *
 * <p>Build one with {@link #parse(String, String)}, which accepts any common formatting (spaces,
 * dots, dashes, parentheses, {@code 00} or {@code +} international prefixes, national formats
 * with the account's default region) and refuses garbage with an {@link InvalidPhoneNumberException}.
 * The record constructor accepts only a string already in E.164 form.
 *
 * <p>Immutable and thread-safe.
 *
 * @param e164 the number in E.164 form: {@code +} then 8 to 15 digits, the first not zero
 */
public record PhoneNumber(String e164) implements Comparable<PhoneNumber> {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /**
     * Validates the E.164 form.
     *
     * @throws InvalidPhoneNumberException if {@code e164} is not {@code +} followed by 8 to 15
     *     digits, the first not zero
     */
    public PhoneNumber {
        Objects.requireNonNull(e164, "e164");
        if (!isE164(e164)) {
            throw new InvalidPhoneNumberException(
                    e164, "a phone number in E.164 form is '+' then 8 to 15 digits, the first not 0");
        }
    }

    /**
     * Parses a number as a user typed it, with the account's default region for national formats.
     *
     * @param input the number in any common formatting, e.g. {@code "06 12 34 56 78"},
     *     {@code "+33 6 12-34-56-78"} or {@code "(415) 555-0132"}
     * @param defaultRegion the ISO 3166-1 alpha-2 region used when the input has no country code,
     *     e.g. {@code "FR"}
     * @return the number in E.164 form
     * @throws InvalidPhoneNumberException if the input is not a possible phone number for the region
     */
    public static PhoneNumber parse(String input, String defaultRegion) {
        Objects.requireNonNull(input, "input");
        String region = requireKnownRegion(defaultRegion);
        if (input.isBlank() || input.length() > 64) {
            throw new InvalidPhoneNumberException(input, "enter a phone number with its digits");
        }
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = UTIL.parse(input, region);
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException(input, "it is not a phone number (" + e.getErrorType() + ")");
        }
        if (!UTIL.isPossibleNumber(parsed)) {
            throw new InvalidPhoneNumberException(
                    input, "it has the wrong number of digits for region " + UTIL.getRegionCodeForNumber(parsed));
        }
        return new PhoneNumber(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    /**
     * Checks a default region and returns it in upper case.
     *
     * @throws IllegalArgumentException if libphonenumber does not know the region
     */
    static String requireKnownRegion(String defaultRegion) {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        String region = defaultRegion.toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException(
                    "defaultRegion must be an ISO 3166-1 alpha-2 region libphonenumber knows, such as FR or US; got '"
                            + defaultRegion + "'");
        }
        return region;
    }

    /**
     * The digits of the number without the {@code +}, as used for partial-digit search
     * ({@code "33612345678"}).
     *
     * @return the digits only
     */
    public String digits() {
        return e164.substring(1);
    }

    /**
     * The number with all but the country prefix and last four digits masked, safe for logs
     * ({@code +33•••••5678}).
     *
     * @return the masked form
     */
    public String masked() {
        int keepEnd = 4;
        int keepStart = Math.min(3, e164.length() - keepEnd);
        return e164.substring(0, keepStart)
                + "•".repeat(e164.length() - keepStart - keepEnd)
                + e164.substring(e164.length() - keepEnd);
    }

    /**
     * Strips everything but digits from a user's partial input, for partial-number search: {@code
     * "(415) 555"} gives {@code "415555"}.
     *
     * @param input any text
     * @return its ASCII digits in order, possibly empty
     */
    public static String digitsOf(CharSequence input) {
        StringBuilder digits = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    @Override
    public int compareTo(PhoneNumber other) {
        return e164.compareTo(other.e164);
    }

    /** Returns the masked form, so that a number printed by accident in a log stays private. */
    @Override
    public String toString() {
        return masked();
    }

    private static boolean isE164(String s) {
        int n = s.length();
        if (n < 9 || n > 16 || s.charAt(0) != '+' || s.charAt(1) == '0') {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
