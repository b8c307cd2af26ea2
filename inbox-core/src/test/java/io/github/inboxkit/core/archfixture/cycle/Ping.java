package io.github.inboxkit.core.archfixture.cycle;

import io.github.inboxkit.core.archfixture.cycle.back.Pong;

/**
 * Test fixture: one half of a package cycle ({@code cycle} uses {@code cycle.back}, which uses
 * {@code cycle}), so that the architecture test proves its cycle rule fails on one.
 */
public class Ping {

    /** @return the other half of the cycle */
    public Pong pong() {
        return new Pong();
    }
}
