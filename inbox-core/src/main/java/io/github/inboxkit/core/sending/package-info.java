/**
 * How messages leave InboxKit: the outbox, the dispatcher step a host runs, delivery status,
 * scheduled sends and broadcasts. Nothing here owns a thread; a host calls the dispatcher directly
 * or through {@link io.github.inboxkit.core.sending.DispatcherRunner}. The machinery is in
 * {@code sending.internal}, behind the {@link io.github.inboxkit.core.sending.Sending} interface.
 */
package io.github.inboxkit.core.sending;
