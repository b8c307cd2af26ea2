/**
 * Machinery of the sending pipeline with no compatibility promise: the outbox dispatcher, token
 * buckets, batching, retention. Only {@link io.github.inboxkit.core.sending.internal.SendingService}
 * is public, as the one door {@link io.github.inboxkit.core.sending.Sending} delegates to; the
 * rest is package-private. Hosts use {@link io.github.inboxkit.core.sending} instead.
 */
package io.github.inboxkit.core.sending.internal;
