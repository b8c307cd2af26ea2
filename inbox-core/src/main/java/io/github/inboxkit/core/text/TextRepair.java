package io.github.inboxkit.core.text;

/**
 * A change InboxKit made to the text of an inbound message before storing it, so that every store
 * keeps the same text and a carrier's webhook is never refused for its content. A host may show a
 * hint ("some characters could not be shown", "message shortened") next to a repaired message.
 *
 * <p>Inbound text is never refused: characters no store can keep are replaced and text beyond the
 * engine's limit is cut, and the message records which of the two happened in {@link
 * io.github.inboxkit.core.conversation.Message#textRepairs()}.
 */
public enum TextRepair {

    /**
     * The NUL character (U+0000) or unpaired surrogates were each replaced by the replacement
     * character U+FFFD; every other character is as the carrier delivered it.
     */
    MALFORMED_CHARACTERS_REPLACED,

    /**
     * The text was longer than the engine's maximum inbound text length and was cut to it, never
     * between the two halves of a surrogate pair; what followed is not kept.
     */
    TRUNCATED
}
