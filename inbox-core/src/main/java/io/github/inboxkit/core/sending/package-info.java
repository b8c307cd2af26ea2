/**
 * How messages leave InboxKit: the outbox, the dispatcher step a host runs, delivery status,
 * scheduled sends, broadcasts and the retention purge. Nothing here owns a thread; a host calls
 * the dispatcher and the purge, directly or through {@link io.github.inboxkit.core.sending.DispatcherRunner}.
 */
package io.github.inboxkit.core.sending;
