package io.github.inboxkit.spring.boot.autoconfigure;

import io.github.inboxkit.InboxKit;

/**
 * A bean of the application that tunes the auto-configured {@link InboxKit} before it is built:
 * sending options, the typing timeout, the longest inbound text. Customizers run in their {@code
 * @Order}, after the starter has set the store, carriers, clock, entitlements and event listener,
 * so a customizer may also replace those.
 *
 * <pre>{@code
 * @Bean
 * InboxKitBuilderCustomizer sendingTuning() {
 *     return builder -> builder.sendingOptions(options -> options.dispatchBatchSize(200));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface InboxKitBuilderCustomizer {

    /**
     * Tunes the builder; called once, on the thread that creates the engine bean.
     *
     * @param builder the builder the engine is about to be built from
     */
    void customize(InboxKit.Builder builder);
}
