/**
 * What a text message costs before it is sent: its encoding (GSM 7-bit or UCS-2), how many SMS
 * segments it takes and how it splits, per 3GPP TS 23.038 and TS 23.040. {@link
 * io.github.inboxkit.core.text.SegmentCounter} is the front door; smart encoding, the national
 * language shift tables and the count that keeps grapheme clusters whole are its options.
 */
package io.github.inboxkit.core.text;
