package io.github.inboxkit.core.text;

/**
 * The data coding a text message is sent with.
 *
 * <p>Immutable and safe to share between threads.
 */
public enum Encoding {

    /**
     * The GSM 7-bit alphabet of 3GPP TS 23.038 (possibly with national language shift tables):
     * units are septets, 160 in a single message, 153 per segment of a concatenated one.
     */
    GSM_7,

    /**
     * UCS-2 (sent as UTF-16): units are UTF-16 code units, 70 in a single message, 67 per segment
     * of a concatenated one; a character outside the Basic Multilingual Plane, such as most emoji,
     * takes two.
     */
    UCS_2
}
