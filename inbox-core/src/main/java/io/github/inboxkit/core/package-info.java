/**
 * The front door of InboxKit and what every part shares: the root exception {@link
 * io.github.inboxkit.core.InboxException} and the value-type style. Sub-packages hold the features;
 * {@code internal} packages carry no compatibility promise.
 */
package io.github.inboxkit.core;
