package io.github.inboxkit.core.archfixture.internal;

/** Test fixture: a public type of an internal package. */
public class Secret {}
