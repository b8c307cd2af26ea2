package io.github.inboxkit.core.archfixture.cycle.back;

import io.github.inboxkit.core.archfixture.cycle.Ping;

/** Test fixture: the other half of the package cycle {@link Ping} starts. */
public class Pong {

    /** @return the first half of the cycle */
    public Ping ping() {
        return new Ping();
    }
}
