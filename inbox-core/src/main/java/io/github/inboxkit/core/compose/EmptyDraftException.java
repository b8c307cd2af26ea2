package io.github.inboxkit.core.compose;

import io.github.inboxkit.core.InboxException;

/**
 * A draft with nothing to send: no attachment, and no text or only invisible characters (spaces,
 * line breaks, zero-width characters) (F28).
 *
 * <p>Immutable and safe to share between threads.
 */
public final class EmptyDraftException extends InboxException {

    private static final long serialVersionUID = 1L;

    EmptyDraftException() {
        super("The message is empty: write some text or attach an image.");
    }
}
