package io.github.inboxkit.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InboxKitConfigurationException} into Spring Boot's "application failed to
 * start" report: what is wrong with which property, and what to change. Registered in {@code
 * META-INF/spring.factories}; stateless and thread-safe.
 */
public final class InboxKitConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InboxKitConfigurationException> {

    /** Created by Spring Boot. */
    public InboxKitConfigurationFailureAnalyzer() {}

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InboxKitConfigurationException cause) {
        return new FailureAnalysis("InboxKit could not use the property " + cause.property() + ": "
                + cause.getMessage().substring(cause.property().length() + 2),
                "Correct " + cause.property() + " in the application's configuration (see docs/spring-boot.md for"
                        + " the inboxkit.* properties), or define the bean yourself.", cause);
    }
}
