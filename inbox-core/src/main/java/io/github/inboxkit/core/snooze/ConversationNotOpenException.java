package io.github.inboxkit.core.snooze;

import io.github.inboxkit.core.InboxException;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;

/**
 * A conversation that is not open was to be snoozed (F37): only an open conversation can leave the
 * open tab for a while. Nothing was changed (in a bulk snooze, no conversation was snoozed). Reopen
 * the conversation first, or leave it closed.
 */
public final class ConversationNotOpenException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final ConversationId conversation;
    private final ConversationState state;

    /**
     * Creates the exception.
     *
     * @param conversation the conversation
     * @param state its state
     */
    public ConversationNotOpenException(ConversationId conversation, ConversationState state) {
        super("Cannot snooze conversation " + conversation + ": it is " + state
                + ", and only an open conversation can be snoozed. Reopen it first.");
        this.conversation = conversation;
        this.state = state;
    }

    /** @return the conversation concerned */
    public ConversationId conversation() {
        return conversation;
    }

    /** @return its state when it was refused */
    public ConversationState state() {
        return state;
    }
}
