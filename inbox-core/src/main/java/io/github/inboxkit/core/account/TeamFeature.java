package io.github.inboxkit.core.account;

/** The "team inbox" features a plan may or may not include (F10). */
public enum TeamFeature {
    /** Assigning conversations to users (F9). */
    ASSIGNMENT,
    /** Reading the history of assignment changes (F13). */
    OWNERSHIP_HISTORY,
    /** The live typing indicator (F14). */
    TYPING_INDICATOR
}
