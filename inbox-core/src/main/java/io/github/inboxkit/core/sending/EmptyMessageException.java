package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.InboxException;

/**
 * A message has neither text nor attachment (F28). Nothing was stored.
 *
 * <p>Immutable and thread-safe.
 */
public final class EmptyMessageException extends InboxException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public EmptyMessageException() {
        super("A message needs text or an attachment; write something or attach an image");
    }
}
