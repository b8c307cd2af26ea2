package io.github.inboxkit.core;

import io.github.inboxkit.core.account.Administration;
import io.github.inboxkit.core.account.Entitlements;
import io.github.inboxkit.core.contact.Contacts;
import io.github.inboxkit.core.conversation.Conversations;
import io.github.inboxkit.core.conversation.Ingestion;
import io.github.inboxkit.core.conversation.Team;
import io.github.inboxkit.core.event.InboxEventListener;
import io.github.inboxkit.core.inbox.Inbox;
import io.github.inboxkit.core.internal.Engine;
import io.github.inboxkit.core.store.InboxStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The front door of InboxKit: a host builds it once, on its store, clock, event listener and plan
 * entitlements, and reaches every use case through it, grouped by what a person does.
 *
 * <pre>{@code
 * InboxKit kit = InboxKit.builder()
 *         .store(InMemoryInboxStore.create())
 *         .clock(Clock.systemUTC())
 *         .eventListener(event -> notifications.push(event))
 *         .entitlements(Entitlements.all())
 *         .build();
 * kit.ingestion().receive(accountId, incoming);
 * InboxPage page = kit.inbox().list(accountId, InboxQuery.openTab());
 * }</pre>
 *
 * <p>Thread-safe: one instance serves every account and thread of the host. Every use case runs as
 * one transaction of the store; events reach the listener after the commit.
 */
public final class InboxKit {

    private final Engine engine;

    private InboxKit(Engine engine) {
        this.engine = engine;
    }

    /**
     * Starts building an engine.
     *
     * @return a new builder, not thread-safe
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return listing, counters, mark all read and close all read (F1, F2, F5–F8, F11) */
    public Inbox inbox() {
        return engine.inbox();
    }

    /** @return reading, searching, marking, closing a conversation and recording outbound messages */
    public Conversations conversations() {
        return engine.conversations();
    }

    /** @return inbound messages from carriers (F32) */
    public Ingestion ingestion() {
        return engine.ingestion();
    }

    /** @return assignment, ownership history and the typing indicator (F9, F10, F13, F14) */
    public Team team() {
        return engine.team();
    }

    /** @return contacts and manual opt-out and opt-in (F17, F18) */
    public Contacts contacts() {
        return engine.contacts();
    }

    /** @return accounts, their settings and their users */
    public Administration administration() {
        return engine.administration();
    }

    /**
     * Builds an {@link InboxKit}. Only the store is required; the clock defaults to the system UTC
     * clock, the listener to none, the entitlements to every feature for every account, the typing
     * timeout to 5 seconds.
     *
     * <p>Not thread-safe; each setter fails fast on a bad value.
     */
    public static final class Builder {

        private InboxStore store;
        private Clock clock = Clock.systemUTC();
        private InboxEventListener eventListener = InboxEventListener.none();
        private Entitlements entitlements = Entitlements.all();
        private Duration typingTimeout = Duration.ofSeconds(5);

        private Builder() {}

        /**
         * Sets the store.
         *
         * @param store where InboxKit keeps its data
         * @return this builder
         */
        public Builder store(InboxStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Sets the clock every time of the domain comes from.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the listener that receives events after commit.
         *
         * @param eventListener the listener
         * @return this builder
         */
        public Builder eventListener(InboxEventListener eventListener) {
            this.eventListener = Objects.requireNonNull(eventListener, "eventListener");
            return this;
        }

        /**
         * Sets which accounts have the team-inbox features (F10).
         *
         * @param entitlements the entitlements
         * @return this builder
         */
        public Builder entitlements(Entitlements entitlements) {
            this.entitlements = Objects.requireNonNull(entitlements, "entitlements");
            return this;
        }

        /**
         * Sets how long a user counts as typing after the last keystroke (F14).
         *
         * @param typingTimeout between 1 and 60 seconds
         * @return this builder
         * @throws InvalidValueException if out of range
         */
        public Builder typingTimeout(Duration typingTimeout) {
            Objects.requireNonNull(typingTimeout, "typingTimeout");
            if (typingTimeout.compareTo(Duration.ofSeconds(1)) < 0 || typingTimeout.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new InvalidValueException("typingTimeout", "must be between 1 and 60 seconds");
            }
            this.typingTimeout = typingTimeout;
            return this;
        }

        /**
         * Builds the engine.
         *
         * @return the engine
         * @throws InvalidValueException if no store was given
         */
        public InboxKit build() {
            if (store == null) {
                throw new InvalidValueException("store", "must be given: call store(...) before build()");
            }
            return new InboxKit(new Engine(store, clock, eventListener, entitlements, typingTimeout));
        }
    }
}
