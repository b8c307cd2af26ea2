package io.github.inboxkit.micrometer;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * Tag values from fixed sets, and meters created on first use: the bounded vocabulary every meter
 * of this module is tagged with (never free text, never a phone number).
 */
final class TagValues {

    /** The reason of an answer that has none (an accepted submit, a processed webhook). */
    static final String NONE = "none";

    private TagValues() {}

    /** An enum constant as a tag value: its name in lower case ({@code RATE_LIMITED} -> {@code rate_limited}). */
    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Meters indexed by small integers (an enum's ordinal, or a combination of ordinals), each
     * registered the first time it is needed, so that no time series exists for what never
     * happened, and found again without a registry lookup.
     */
    static final class Lazy<M> {
        private final AtomicReferenceArray<M> meters;
        private final IntFunction<M> create;

        Lazy(int size, IntFunction<M> create) {
            this.meters = new AtomicReferenceArray<>(size);
            this.create = create;
        }

        M get(int index) {
            M meter = meters.get(index);
            if (meter == null) {
                // the registry returns the same meter for the same id, so a race registers it once
                meter = create.apply(index);
                meters.set(index, meter);
            }
            return meter;
        }
    }
}
