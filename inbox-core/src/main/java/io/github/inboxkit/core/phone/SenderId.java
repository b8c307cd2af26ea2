package io.github.inboxkit.core.phone;

/**
 * What a text message is sent from (F21): a {@link LongCode} (an ordinary phone number), a
 * {@link ShortCode} (a 3 to 8 digit number for high-volume texting) or an {@link
 * AlphanumericSenderId} (a brand name such as {@code "ACME"}, which recipients cannot reply to).
 *
 * <p>Callers {@code switch} over the three records exhaustively. All implementations are immutable
 * and thread-safe.
 */
public sealed interface SenderId permits LongCode, ShortCode, AlphanumericSenderId {

    /**
     * The sender as a carrier expects it: the E.164 number, the short code's digits or the
     * alphanumeric ID.
     *
     * @return the sender's address, never blank
     */
    String value();

    /**
     * The sender in the carrier SPI's form, for an {@code OutboundSubmission}.
     *
     * @return the carrier-facing sender of the same kind and value; never fails, because every
     *     sender ID this type accepts is one the SPI accepts
     */
    io.github.inboxkit.carrier.Sender toCarrierSender();

    /**
     * Reads a sender ID as a user typed it, deciding its kind.
     *
     * <ul>
     *   <li>Text containing a letter is an {@link AlphanumericSenderId} (1 to 11 characters).
     *   <li>3 to 8 bare digits are a {@link ShortCode}, unless they form a valid phone number of
     *       {@code defaultRegion} (Denmark and Norway, for instance, have 8-digit numbers), which
     *       is then a {@link LongCode}.
     *   <li>Anything else is parsed as a phone number (any common formatting, national numbers in
     *       {@code defaultRegion}) and becomes a {@link LongCode}.
     * </ul>
     *
     * @param input the sender ID, surrounding spaces ignored
     * @param defaultRegion the account's ISO 3166-1 alpha-2 region for national phone numbers,
     *     e.g. {@code "FR"}
     * @return the sender ID of the decided kind
     * @throws InvalidSenderIdException if the input is blank or not a valid sender ID of its kind
     * @throws io.github.inboxkit.core.InvalidValueException if {@code defaultRegion} is not a region
     *     libphonenumber knows
     * @throws NullPointerException if an argument is null
     */
    static SenderId parse(String input, String defaultRegion) {
        return SenderIdParser.parse(input, defaultRegion);
    }
}
