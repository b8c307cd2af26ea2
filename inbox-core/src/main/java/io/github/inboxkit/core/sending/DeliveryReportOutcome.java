package io.github.inboxkit.core.sending;

/** What applying a carrier's delivery report did (F31). */
public enum DeliveryReportOutcome {
    /** The message's status moved forward. */
    APPLIED,
    /** A repeat, or a report overtaken by a later status: nothing changed. */
    NO_CHANGE,
    /** No message has that carrier id (yet): the report was kept for inspection. */
    UNMATCHED
}
