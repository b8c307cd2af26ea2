package io.github.inboxkit.core.snooze;

/** Why a snoozed conversation woke (F37). */
public enum WakeReason {
    /** Its wake time came ({@link Snoozes#wakeDue()}); it was marked unread for its assignee. */
    TIME_REACHED,
    /** The contact sent a message, which wakes a snooze at once, whatever its wake time. */
    CONTACT_REPLIED,
    /** A user ended the snooze ({@link Snoozes#unsnooze}). */
    UNSNOOZED
}
