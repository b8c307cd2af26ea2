package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.InboxException;

/**
 * The sending use cases were asked for, but the engine was built without a carrier, so it has
 * nothing to send through. Register one with {@code InboxKit.builder().carrier(...)} (the first is
 * the default); the rest of the engine works without.
 *
 * <p>Immutable and thread-safe.
 */
public final class SendingNotConfiguredException extends InboxException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public SendingNotConfiguredException() {
        super("Sending is not available: no carrier was registered; call carrier(...) on the InboxKit builder");
    }
}
