/**
 * Machinery of the sending pipeline with no compatibility promise: the sending use cases, the
 * outbox dispatcher, token buckets, batching. Only {@link
 * io.github.inboxkit.core.sending.internal.SendingService}, which implements {@link
 * io.github.inboxkit.core.sending.Sending}, and its options holder are public, for the front door
 * to wire; the rest is package-private. Every use case runs through the engine's one unit of work.
 * Hosts use {@link io.github.inboxkit.core.sending} instead.
 */
package io.github.inboxkit.core.sending.internal;
