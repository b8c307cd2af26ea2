package io.github.inboxkit.core.template;

import io.github.inboxkit.core.InboxException;
import java.util.Objects;

/**
 * A template that cannot be saved because its name or body is unusable (F23); a body with broken
 * merge-field syntax is a {@link MalformedTemplateException} instead.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class InvalidTemplateException extends InboxException {

    private static final long serialVersionUID = 1L;

    /** Why a template was refused. */
    public enum Reason {
        /** The name is empty or only spaces. */
        BLANK_NAME,
        /** The name is longer than {@link Template#MAX_NAME_LENGTH}. */
        NAME_TOO_LONG,
        /** The body is empty or only spaces. */
        BLANK_BODY
    }

    private final Reason reason;

    InvalidTemplateException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why the template was refused.
     *
     * @return the reason, never null
     */
    public Reason reason() {
        return reason;
    }
}
