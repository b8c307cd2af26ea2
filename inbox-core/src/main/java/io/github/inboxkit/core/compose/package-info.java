/**
 * Send validation (F28): a {@link io.github.inboxkit.core.compose.Draft} (text, an attachment, or
 * both) is checked by a {@link io.github.inboxkit.core.compose.DraftValidator} before anything is
 * queued for a carrier. Empty, oversize, malformed and invalid content is refused, each with its own
 * subclass of {@link io.github.inboxkit.core.InboxException}.
 */
package io.github.inboxkit.core.compose;
