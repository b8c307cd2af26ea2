package io.github.inboxkit.core.archfixture.internal;

/** Test fixture: a public exception of an internal package. */
public class SecretException extends Exception {
    private static final long serialVersionUID = 1L;
}
