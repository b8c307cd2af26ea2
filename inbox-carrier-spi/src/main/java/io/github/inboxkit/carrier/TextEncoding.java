package io.github.inboxkit.carrier;

/** The encoding the library chose for a message's text, which decides its segment budget. */
public enum TextEncoding {
    /** The GSM 7-bit default alphabet (160 septets in one segment, 153 per segment when split). */
    GSM_7,
    /** UCS-2 (70 units in one segment, 67 per segment when split). */
    UCS_2
}
