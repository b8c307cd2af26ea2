/**
 * Compliance building blocks for business texting, each a pure function of its input: no store,
 * no clock, no logging.
 *
 * <ul>
 *   <li>{@link io.github.inboxkit.core.compliance.RevocationDetector} (F44) tells whether an
 *       inbound text revokes the sender's consent to be texted: one of the seven mandatory opt-out
 *       words, alone or in a short reply, or a natural-language request in English, Spanish or
 *       French.
 *   <li>{@link io.github.inboxkit.core.compliance.QuietHoursPolicy} (F41) decides whether a send
 *       may go now in the recipient's local time or must be held, and until when; {@link
 *       io.github.inboxkit.core.compliance.RecipientTimeZones} finds the recipient's candidate
 *       zones from the number (a NANP area-code table shipped here, the country's zones
 *       elsewhere) or the contact's own zone.
 *   <li>{@link io.github.inboxkit.core.compliance.HelpKeywords} (F42) recognises HELP and INFO
 *       requests, compared as opt-out keywords are ({@link
 *       io.github.inboxkit.core.compliance.KeywordText}); {@link
 *       io.github.inboxkit.core.compliance.ConsentReplies} holds an account's help text and
 *       opt-out and opt-in confirmations.
 * </ul>
 *
 * <p>What a host does with a verdict or a decision (opt out at once or flag for review, hold a
 * message, answer a keyword) is its own policy, and which rules the law sets for its business is
 * for the host and its counsel to decide.
 */
package io.github.inboxkit.core.compliance;
