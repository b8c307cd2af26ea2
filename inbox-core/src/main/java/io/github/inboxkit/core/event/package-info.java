/**
 * What happened in an inbox, as events a host turns into notifications and live updates (F12,
 * F14), and the {@link io.github.inboxkit.core.event.InboxEventListener} port that receives them.
 * Events are delivered only after the change they describe has been committed.
 */
package io.github.inboxkit.core.event;
