/**
 * Snooze (F37): an open conversation leaves the open tab until a time in a time zone, or until the
 * contact replies; it is listed in the snoozed view meanwhile ({@code InboxQuery.snoozedView()}) and
 * wakes back into the open tab. {@link io.github.inboxkit.core.snooze.Snoozes} is reached as {@code
 * InboxKit.snoozes()}; a host calls {@link io.github.inboxkit.core.snooze.Snoozes#wakeDue()} on its
 * own schedule (every node may: each due snooze wakes once).
 */
package io.github.inboxkit.core.snooze;
