package io.github.inboxkit.core.contact;

/** A change of a phone number's subscription (F18). */
public enum OptOutAction {
    /** The number unsubscribed: nothing may be sent to it. */
    OPTED_OUT,
    /** The number subscribed again. */
    OPTED_IN
}
