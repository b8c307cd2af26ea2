package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.SenderIdTakenException;
import io.github.inboxkit.core.phone.AlphanumericSenderId;
import io.github.inboxkit.core.phone.InvalidPhoneNumberException;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.phone.SenderId;
import io.github.inboxkit.core.phone.ShortCode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The numbers an account receives on (F45), in the one canonical form the store keys them by: E.164
 * for long codes, the digits of a short code, the upper-cased text of an alphanumeric sender ID
 * (so that {@code Acme} and {@code ACME} cannot belong to two accounts). Short codes are keyed by
 * their digits alone, whatever their country: two accounts cannot own the same short-code digits.
 *
 * <p>Stateless and thread-safe.
 */
final class ReceivingNumbers {

    /** The longest canonical number the store keeps. */
    static final int MAX_LENGTH = 32;

    private ReceivingNumbers() {}

    /**
     * Makes the account own exactly the numbers of its settings: claims those it lacks, releases
     * those it no longer lists. A number of another account is refused before the store's unique
     * key would refuse it; when two transactions claim one number at once, the key lets one
     * commit and the other conflicts, runs again, and is refused here.
     */
    static void claimSettings(Step step, AccountId account, AccountSettings settings) {
        Set<String> wanted = of(settings);
        List<String> owned = step.tx.accounts().ownedNumbers();
        for (String number : wanted) {
            if (!owned.contains(number)) {
                Optional<AccountId> owner = step.tx.accounts().numberOwner(number);
                if (owner.isPresent() && !owner.get().equals(account)) {
                    throw new SenderIdTakenException(account, number, masked(number));
                }
                if (owner.isEmpty()) {
                    step.tx.accounts().claimNumber(number);
                }
            }
        }
        for (String number : owned) {
            if (!wanted.contains(number)) {
                step.tx.accounts().releaseNumber(number);
            }
        }
    }

    /**
     * The canonical numbers of an account's sender IDs and number pools.
     *
     * @throws io.github.inboxkit.core.phone.InvalidSenderIdException if a sender ID cannot be read
     */
    static Set<String> of(AccountSettings settings) {
        Set<String> numbers = new TreeSet<>();
        for (String senderId : settings.senderIds()) {
            numbers.add(of(SenderId.parse(senderId, settings.defaultRegion())));
        }
        settings.numberPools().values().forEach(pool -> pool.forEach(number -> numbers.add(new PhoneNumber(number).e164())));
        return numbers;
    }

    static String of(SenderId senderId) {
        if (senderId instanceof AlphanumericSenderId alphanumeric) {
            return alphanumeric.value().toUpperCase(Locale.ROOT);
        }
        // a long code's E.164 number, a short code's digits
        return senderId.value();
    }

    /**
     * The canonical form of the address a carrier says a message was sent to (or sent from, in a
     * delivery report): a number with {@code +} is read as E.164; bare digits are a short code up
     * to 8 digits and an E.164 number without its {@code +} beyond; text with a letter is an
     * alphanumeric ID. Spaces, dashes, dots and parentheses are ignored.
     *
     * @return the canonical form, empty if the address is none of these
     */
    static Optional<String> ofAddress(String address) {
        String stripped = address.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        if (stripped.codePoints().anyMatch(Character::isLetter)) {
            return Optional.of(stripped.toUpperCase(Locale.ROOT));
        }
        String digits = PhoneNumber.digitsOf(stripped);
        if (digits.isEmpty() || digits.length() != stripped.replaceAll("[\\s().+-]", "").length()) {
            return Optional.empty();
        }
        if (!stripped.startsWith("+") && digits.length() <= ShortCode.MAX_DIGITS) {
            return Optional.of(digits);
        }
        try {
            return Optional.of(PhoneNumber.parse("+" + digits, "US").e164());
        } catch (InvalidPhoneNumberException e) {
            return digits.length() <= 15 ? Optional.of("+" + digits) : Optional.empty();
        }
    }

    /**
     * A number masked for logs and messages: a phone number as {@code +33•••••6789}, anything
     * shorter than eight characters as its first character and bullets.
     */
    static String masked(String number) {
        if (number.length() < 8) {
            return number.charAt(0) + "•".repeat(number.length() - 1);
        }
        int keepStart = 3;
        int keepEnd = 4;
        return number.substring(0, keepStart) + "•".repeat(number.length() - keepStart - keepEnd)
                + number.substring(number.length() - keepEnd);
    }
}
