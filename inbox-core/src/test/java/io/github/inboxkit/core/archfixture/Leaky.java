package io.github.inboxkit.core.archfixture;

import io.github.inboxkit.core.archfixture.internal.Secret;
import io.github.inboxkit.core.archfixture.internal.SecretException;

/**
 * Test fixture that breaks every rule of the architecture test on purpose: an internal type in a
 * protected signature, a throws clause, a protected field, a public supertype, and a logging
 * back-end dependency. Only the architecture test's negative check imports it.
 */
public class Leaky extends Secret {

    /** An internal type in a protected field. */
    protected Secret exposed;

    /** An internal exception in a throws clause. */
    public void fails() throws SecretException {}

    /** An internal type in a protected parameter. */
    protected void takes(Secret secret) {}

    /** A logging back-end in the core. */
    public Object logger() {
        return ch.qos.logback.classic.Level.INFO;
    }
}
