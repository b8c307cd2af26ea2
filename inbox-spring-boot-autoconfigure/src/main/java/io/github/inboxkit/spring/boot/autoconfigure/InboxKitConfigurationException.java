package io.github.inboxkit.spring.boot.autoconfigure;

import io.github.inboxkit.core.InboxException;
import java.util.Objects;

/**
 * Start-up failed because of an {@code inboxkit.*} property whose value InboxKit refused when it
 * used it (a carrier its provider could not create, say); values that are wrong on their own are
 * refused earlier, when Spring binds them. The message names the property and what to change.
 */
public final class InboxKitConfigurationException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final String property;

    /**
     * Creates the exception.
     *
     * @param property the full name of the property at fault, e.g. {@code inboxkit.carriers.twilio}
     * @param problem what is wrong and what to do, without the property's name
     * @param cause what InboxKit threw when it used the value
     */
    public InboxKitConfigurationException(String property, String problem, Throwable cause) {
        super(Objects.requireNonNull(property, "property") + ": " + problem, cause);
        this.property = property;
    }

    /** @return the full name of the property at fault */
    public String property() {
        return property;
    }
}
