package io.github.inboxkit.core.erasure;

import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.account.UserId;

/**
 * Who asked for an erasure, as its proof record keeps it (F40): a user of the account, or a
 * free-text description of someone else (a data-protection officer, a ticket of the host's
 * support system). The text is kept for as long as the record: it should name a role or a
 * reference, never the erased person. Immutable and thread-safe.
 */
public sealed interface ErasureActor permits ErasureActor.OfUser, ErasureActor.Described {

    /**
     * A user of the account.
     *
     * @param user the user
     * @return the actor
     * @throws io.github.inboxkit.core.MissingValueException if the user is null
     */
    static ErasureActor user(UserId user) {
        return new OfUser(user);
    }

    /**
     * Someone described in free text, e.g. {@code "DPO ticket 4711"}.
     *
     * @param description 1 to 200 characters, not blank
     * @return the actor
     * @throws io.github.inboxkit.core.InvalidValueException if the description is blank or too long
     *     (field {@code "description"})
     */
    static ErasureActor described(String description) {
        return new Described(description);
    }

    /**
     * The actor as one line of text, the way stores keep it: {@code user:<id>} or {@code
     * text:<description>}.
     *
     * @return the text
     */
    String asText();

    /**
     * Reads an actor back from {@link #asText()}.
     *
     * @param text the text
     * @return the actor
     * @throws io.github.inboxkit.core.InvalidValueException if the text has neither form (field {@code "requestedBy"})
     */
    static ErasureActor fromText(String text) {
        Require.nonNull(text, "requestedBy");
        if (text.startsWith("user:")) {
            return new OfUser(UserId.of(text.substring("user:".length())));
        }
        Require.argument(text.startsWith("text:"), "requestedBy", "must start with 'user:' or 'text:'");
        return new Described(text.substring("text:".length()));
    }

    /**
     * A user of the account.
     *
     * @param user the user
     */
    record OfUser(UserId user) implements ErasureActor {
        /** Checks the user is given. */
        public OfUser {
            Require.nonNull(user, "user");
        }

        @Override
        public String asText() {
            return "user:" + user.value();
        }
    }

    /**
     * Someone described in free text.
     *
     * @param description 1 to 200 characters, not blank
     */
    record Described(String description) implements ErasureActor {
        /** Checks the description. */
        public Described {
            Require.identifier(description, "description", 200);
        }

        @Override
        public String asText() {
            return "text:" + description;
        }
    }
}
