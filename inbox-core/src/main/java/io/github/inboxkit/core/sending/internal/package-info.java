/**
 * Machinery of the sending pipeline with no compatibility promise: token buckets, batching, and
 * the dispatcher's internals. Hosts use {@link io.github.inboxkit.core.sending} instead.
 */
package io.github.inboxkit.core.sending.internal;
