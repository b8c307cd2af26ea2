/**
 * Compliance building blocks for business texting. {@link
 * io.github.inboxkit.core.compliance.RevocationDetector} tells whether an inbound text revokes the
 * sender's consent to be texted: one of the seven mandatory opt-out words, alone or in a short
 * reply, or a natural-language request in English, Spanish or French. The classes here are pure
 * functions of their input; what a host does with a verdict (opt out at once, or flag for review)
 * is its own policy.
 */
package io.github.inboxkit.core.compliance;
