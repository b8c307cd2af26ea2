package io.github.inboxkit.core.phone;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.phone.InvalidPhoneNumberException.Problem;
import java.util.Locale;

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
     * Inputs parsed before, by default region and input: parsing is libphonenumber's costliest call
     * on the ingestion path, and its answer for an input never changes. Only numbers that parsed
     * are kept; about a megabyte when full.
     */
    private static final Cache<String, PhoneNumber> PARSED = Caffeine.newBuilder().maximumSize(10_000).build();

    /**
     * Validates the E.164 form.
     *
     * @throws InvalidPhoneNumberException if {@code e164} is not {@code +} followed by 8 to 15
     *     digits, the first not zero
     */
    public PhoneNumber {
        Require.nonNull(e164, "e164");
        if (!isE164(e164)) {
            throw new InvalidPhoneNumberException(e164, InvalidPhoneNumberException.Problem.NOT_E164, null,
                    "not in E.164 form, which is '+' then 8 to 15 digits, the first not 0");
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
     * @throws InvalidPhoneNumberException if the input is not a possible phone number for its country;
     *     its {@link InvalidPhoneNumberException#problem() problem} and {@link
     *     InvalidPhoneNumberException#region() region} say why, in the user's terms ("too short for a
     *     US number")
     * @throws InvalidValueException if {@code defaultRegion} is not a region libphonenumber knows
     */
    public static PhoneNumber parse(String input, String defaultRegion) {
        Require.nonNull(input, "input");
        String region = requireKnownRegion(defaultRegion);
        if (input.isBlank()) {
            throw new InvalidPhoneNumberException(input, Problem.BLANK, null, "empty: enter a phone number with its digits");
        }
        if (input.length() > 64) {
            throw new InvalidPhoneNumberException(input, Problem.TOO_LONG, null, "too long to be a phone number");
        }
        // the same contacts write again and again: a number parsed once is not parsed again
        String key = region + input; // every region libphonenumber supports has two letters
        PhoneNumber known = PARSED.getIfPresent(key);
        if (known != null) {
            return known;
        }
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = UTIL.parse(input, region);
        } catch (NumberParseException e) {
            throw unparsable(input, e.getErrorType());
        }
        PhoneNumberUtil.ValidationResult length = UTIL.isPossibleNumberWithReason(parsed);
        if (length != PhoneNumberUtil.ValidationResult.IS_POSSIBLE
                && length != PhoneNumberUtil.ValidationResult.IS_POSSIBLE_LOCAL_ONLY) {
            throw impossible(input, parsed, length);
        }
        PhoneNumber number = new PhoneNumber(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        PARSED.put(key, number);
        return number;
    }

    /** libphonenumber's parse failure, said in the user's terms rather than as its error code. */
    private static InvalidPhoneNumberException unparsable(String input, NumberParseException.ErrorType error) {
        return switch (error) {
            case INVALID_COUNTRY_CODE -> new InvalidPhoneNumberException(input, Problem.UNKNOWN_COUNTRY_CODE, null,
                    "not a number of any country: after '+' or '00' must come a country code, such as 1 or 33");
            case TOO_SHORT_AFTER_IDD -> new InvalidPhoneNumberException(input, Problem.TOO_SHORT, null,
                    "too short: too few digits follow its international prefix ('+' or '00')");
            case TOO_SHORT_NSN -> new InvalidPhoneNumberException(input, Problem.TOO_SHORT, null,
                    "too short to be a phone number");
            case TOO_LONG -> new InvalidPhoneNumberException(input, Problem.TOO_LONG, null,
                    "too long to be a phone number");
            case NOT_A_NUMBER -> new InvalidPhoneNumberException(input, Problem.NOT_A_NUMBER, null,
                    "not a phone number: it needs digits, and letters are not allowed");
        };
    }

    /** Whether the number was typed in national form; parsed again, off the hot path, to know. */
    private static boolean nationalInput(String input, Phonenumber.PhoneNumber parsed) {
        try {
            return UTIL.parseAndKeepRawInput(input, UTIL.getRegionCodeForCountryCode(parsed.getCountryCode()))
                    .getCountryCodeSource() == Phonenumber.PhoneNumber.CountryCodeSource.FROM_DEFAULT_COUNTRY;
        } catch (NumberParseException e) {
            return false;
        }
    }

    /** A parsed number whose count of digits its country does not have. */
    private static InvalidPhoneNumberException impossible(String input, Phonenumber.PhoneNumber parsed,
            PhoneNumberUtil.ValidationResult length) {
        int countryCode = parsed.getCountryCode();
        // The country of the code, not of the number: an impossible number has no region of its own
        // (libphonenumber answers null for it), but its country code has one.
        String region = UTIL.getRegionCodeForCountryCode(countryCode);
        if ("ZZ".equals(region)) { // libphonenumber's code for "no region"
            return new InvalidPhoneNumberException(input, Problem.UNKNOWN_COUNTRY_CODE, null,
                    "not a number of any country: no country has the calling code +" + countryCode);
        }
        String country = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)
                ? "+" + countryCode
                : region;
        // A national number keeps its trunk prefix (France's leading 0) when it is too short, so its
        // digits are counted as typed; an international one after its country code.
        String digits = nationalInput(input, parsed)
                ? digitsOf(input).length() + " digits"
                : UTIL.getNationalSignificantNumber(parsed).length() + " digits after +" + countryCode;
        String regionOrNull = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region) ? null : region;
        return switch (length) {
            case TOO_SHORT -> new InvalidPhoneNumberException(input, Problem.TOO_SHORT, regionOrNull,
                    "too short for a " + country + " number (" + digits + ")");
            case TOO_LONG -> new InvalidPhoneNumberException(input, Problem.TOO_LONG, regionOrNull,
                    "too long for a " + country + " number (" + digits + ")");
            case INVALID_COUNTRY_CODE -> new InvalidPhoneNumberException(input, Problem.UNKNOWN_COUNTRY_CODE, null,
                    "not a number of any country: no country has the calling code +" + countryCode);
            default -> new InvalidPhoneNumberException(input, Problem.WRONG_LENGTH, regionOrNull,
                    "not a " + country + " number: no " + country + " number has " + digits);
        };
    }

    /**
     * Checks a default region and returns it in upper case.
     *
     * @throws InvalidValueException naming {@code defaultRegion} if it is null or libphonenumber does
     *     not know the region
     */
    static String requireKnownRegion(String defaultRegion) {
        if (defaultRegion == null) {
            throw new InvalidValueException("defaultRegion", "must be given: an ISO 3166-1 alpha-2 region such as FR or US");
        }
        String region = defaultRegion.toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(region)) {
            throw new InvalidValueException("defaultRegion",
                    "must be an ISO 3166-1 alpha-2 region libphonenumber knows, such as FR or US");
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
