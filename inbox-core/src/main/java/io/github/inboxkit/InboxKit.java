package io.github.inboxkit;

import io.github.inboxkit.core.InvalidValueException;

import io.github.inboxkit.carrier.Carrier;
import io.github.inboxkit.core.account.Administration;
import io.github.inboxkit.core.account.Entitlements;
import io.github.inboxkit.core.contact.Contacts;
import io.github.inboxkit.core.conversation.Conversations;
import io.github.inboxkit.core.conversation.Ingestion;
import io.github.inboxkit.core.conversation.Team;
import io.github.inboxkit.core.event.InboxEventListener;
import io.github.inboxkit.core.inbox.Inbox;
import io.github.inboxkit.core.export.Export;
import io.github.inboxkit.core.export.internal.ExportService;
import io.github.inboxkit.core.internal.Engine;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.internal.UnitOfWork;
import io.github.inboxkit.core.label.Labels;
import io.github.inboxkit.core.label.internal.LabelService;
import io.github.inboxkit.core.erasure.Erasure;
import io.github.inboxkit.core.erasure.ErasureOptions;
import io.github.inboxkit.core.erasure.internal.ErasureService;
import io.github.inboxkit.core.erasure.internal.ErasureSettings;
import io.github.inboxkit.core.retention.Retention;
import io.github.inboxkit.core.snooze.Snoozes;
import io.github.inboxkit.core.retention.RetentionOptions;
import io.github.inboxkit.core.retention.internal.RetentionPurger;
import io.github.inboxkit.core.blocking.Blocking;
import io.github.inboxkit.core.blocking.internal.BlockingService;
import io.github.inboxkit.core.retention.internal.RetentionSettings;
import io.github.inboxkit.core.sending.Sending;
import io.github.inboxkit.core.sending.SendingNotConfiguredException;
import io.github.inboxkit.core.sending.SendingOptions;
import io.github.inboxkit.core.sending.internal.SendingService;
import io.github.inboxkit.core.sending.internal.SendingSettings;
import io.github.inboxkit.core.store.InboxStore;
import io.github.inboxkit.core.webhook.Webhooks;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The front door of InboxKit: a host builds it once, on its store, clock, event listener and plan
 * entitlements, and reaches every use case through it, grouped by what a person does.
 *
 * <pre>{@code
 * InboxKit kit = InboxKit.builder()
 *         .store(InMemoryInboxStore.create())
 *         .carrier(SimulatedCarrier.create())
 *         .clock(Clock.systemUTC())
 *         .eventListener(event -> notifications.push(event))
 *         .entitlements(Entitlements.all())
 *         .build();
 * WebhookOutcome outcome = kit.webhooks().handle("simulator", request); // in the host's endpoint
 * InboxPage page = kit.inbox().list(accountId, InboxQuery.openTab());
 * }</pre>
 *
 * <p>Thread-safe: one instance serves every account and thread of the host. Every use case runs as
 * one transaction of the store; events reach the listener after the commit.
 */
public final class InboxKit {

    /**
     * The default of {@link Builder#maxInboundTextLength(int)}: 65,536 UTF-16 code units (64 Ki),
     * some forty times the longest concatenated SMS a carrier delivers.
     */
    public static final int DEFAULT_MAX_INBOUND_TEXT_LENGTH = 64 * 1024;

    /** The smallest accepted {@link Builder#maxInboundTextLength(int)}: longer than any 10-segment SMS. */
    public static final int MIN_MAX_INBOUND_TEXT_LENGTH = 2 * 1024;

    /** The largest accepted {@link Builder#maxInboundTextLength(int)}: 16 Mi code units (32 MiB of text). */
    public static final int MAX_MAX_INBOUND_TEXT_LENGTH = 16 * 1024 * 1024;

    private final Engine engine;
    private final Sending sending;
    private final Webhooks webhooks;
    private final Retention retention;
    private final Labels labels;
    private final Blocking blocking;
    private final Export export;
    private final Erasure erasure;

    private InboxKit(Engine engine, Sending sending, Webhooks webhooks, Retention retention, Blocking blocking,
            Export export, Erasure erasure) {
        this.engine = engine;
        this.export = export;
        this.sending = sending;
        this.webhooks = webhooks;
        this.retention = retention;
        this.labels = new LabelService(engine.unitOfWork());
        this.blocking = blocking;
        this.erasure = erasure;
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

    /** @return labels: create, rename, recolour, delete, and put them on conversations in bulk (F35) */
    public Labels labels() {
        return labels;
    }

    /**
     * Snooze (F37): snooze open conversations until a time or the contact's reply, in bulk, and
     * the waker a host runs periodically ({@code snoozes().wakeDue()}) on any number of nodes.
     *
     * @return the snooze use cases
     */
    public Snoozes snoozes() {
        return engine.snoozes();
    }

    /** @return accounts, their settings and their users */
    public Administration administration() {
        return engine.administration();
    }

    /**
     * Contact blocking (F38): block and unblock numbers, list the blocks and read the blocked log.
     *
     * @return the blocking use cases
     */
    public Blocking blocking() {
        return blocking;
    }

    /**
     * The retention purge (F30) a host runs on its own schedule, with or without a carrier: a host
     * that does not send still has conversations to purge.
     *
     * @return the retention purge
     */
    public Retention retention() {
        return retention;
    }

    /**
     * Export (F39): an account's messages for a range of time, optionally of one contact, streamed
     * page by page to a sink in constant memory, with progress and a resumable cursor (the {@code
     * inbox-export} module writes CSV and JSON Lines).
     *
     * @return the export
     */
    public Export export() {
        return export;
    }

    /**
     * Erasure of a contact on request, the right to be forgotten (F40), with or without a carrier.
     *
     * @return erasure
     */
    public Erasure erasure() {
        return erasure;
    }

    /**
     * The sending pipeline: send now, schedule, broadcast, delivery reports, and the dispatcher a
     * host runs (F19, F27, F31).
     *
     * @return the sending use cases
     * @throws SendingNotConfiguredException if no carrier was registered on the builder
     */
    public Sending sending() {
        if (sending == null) {
            throw new SendingNotConfiguredException();
        }
        return sending;
    }

    /**
     * The webhook front door (F45): verifies a carrier's webhook request, routes its inbound
     * messages and delivery reports by number to their accounts, stores them, and says what to
     * answer the carrier. Handles the webhooks of every carrier registered on the builder.
     *
     * @return the front door
     * @throws SendingNotConfiguredException if no carrier was registered on the builder
     */
    public Webhooks webhooks() {
        if (webhooks == null) {
            throw new SendingNotConfiguredException();
        }
        return webhooks;
    }

    /**
     * Builds an {@link InboxKit}. Only the store is required; the clock defaults to the system UTC
     * clock, the listener to none, the entitlements to every feature for every account, the typing
     * timeout to 5 seconds, the maximum inbound text length to 64 Ki UTF-16 code units.
     *
     * <p>Not thread-safe; each setter fails fast on a bad value.
     */
    public static final class Builder {

        private InboxStore store;
        private Clock clock = Clock.systemUTC();
        private InboxEventListener eventListener = InboxEventListener.none();
        private Entitlements entitlements = Entitlements.all();
        private Duration typingTimeout = Duration.ofSeconds(5);
        private int maxInboundTextLength = DEFAULT_MAX_INBOUND_TEXT_LENGTH;
        private final Map<String, Carrier> carriers = new LinkedHashMap<>();
        private final SendingSettings sendingSettings = new SendingSettings();
        private final RetentionSettings retentionSettings = new RetentionSettings();
        private final ErasureSettings erasureSettings = new ErasureSettings();

        private Builder() {}

        /**
         * Registers a carrier for the sending pipeline; the first one is the default unless {@link
         * SendingOptions#defaultCarrier} says. Without any, {@link InboxKit#sending()} is unavailable.
         *
         * @param carrier the carrier
         * @return this builder
         * @throws InvalidValueException if null, or a carrier with that id is registered already
         *     (field {@code "carrier"})
         */
        public Builder carrier(Carrier carrier) {
            Require.nonNull(carrier, "carrier");
            Require.argument(!carriers.containsKey(carrier.id()), "carrier",
                    "must have an id of its own: one with the same id is registered already");
            carriers.put(carrier.id(), carrier);
            return this;
        }

        /**
         * Tunes the sending pipeline (retry policy, lease, batch sizes, idempotency window, default
         * carrier). The store, carriers, clock and listener are this builder's, so {@link
         * SendingOptions} does not offer them. Called at once: each option refuses a bad value
         * here, and a later call changes what an earlier one set.
         *
         * @param options sets the sending pipeline's options
         * @return this builder
         * @throws InvalidValueException if an option refuses its value
         */
        public Builder sendingOptions(Consumer<SendingOptions> options) {
            Require.nonNull(options, "options").accept(sendingSettings);
            return this;
        }

        /**
         * Tunes the retention purge (messages per transaction, each account's policy). Called at
         * once: each option refuses a bad value here.
         *
         * @param options sets the retention purge's options
         * @return this builder
         * @throws InvalidValueException if an option refuses its value
         */
        public Builder retentionOptions(Consumer<RetentionOptions> options) {
            Require.nonNull(options, "options").accept(retentionSettings);
            return this;
        }

        /**
         * Tunes erasure (messages per transaction). Called at once: each option refuses a bad
         * value here.
         *
         * @param options sets erasure's options
         * @return this builder
         * @throws InvalidValueException if an option refuses its value
         */
        public Builder erasureOptions(Consumer<ErasureOptions> options) {
            Require.nonNull(options, "options").accept(erasureSettings);
            return this;
        }

        /**
         * Sets the store.
         *
         * @param store where InboxKit keeps its data
         * @return this builder
         */
        public Builder store(InboxStore store) {
            this.store = Require.nonNull(store, "store");
            return this;
        }

        /**
         * Sets the clock every time of the domain comes from.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Require.nonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the listener that receives events after commit.
         *
         * @param eventListener the listener
         * @return this builder
         */
        public Builder eventListener(InboxEventListener eventListener) {
            this.eventListener = Require.nonNull(eventListener, "eventListener");
            return this;
        }

        /**
         * Sets which accounts have the team-inbox features (F10).
         *
         * @param entitlements the entitlements
         * @return this builder
         */
        public Builder entitlements(Entitlements entitlements) {
            this.entitlements = Require.nonNull(entitlements, "entitlements");
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
            Require.nonNull(typingTimeout, "typingTimeout");
            if (typingTimeout.compareTo(Duration.ofSeconds(1)) < 0 || typingTimeout.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new InvalidValueException("typingTimeout", "must be between 1 and 60 seconds");
            }
            this.typingTimeout = typingTimeout;
            return this;
        }

        /**
         * Sets the longest inbound text kept, in UTF-16 code units ({@link String#length()}). A
         * carrier's text beyond it is cut (never between the two halves of a surrogate pair) and
         * the message marked {@link io.github.inboxkit.core.text.TextRepair#TRUNCATED};
         * it is never refused, since a carrier retries a refused webhook.
         *
         * @param maxInboundTextLength between {@value InboxKit#MIN_MAX_INBOUND_TEXT_LENGTH} and {@value
         *     InboxKit#MAX_MAX_INBOUND_TEXT_LENGTH}; {@value InboxKit#DEFAULT_MAX_INBOUND_TEXT_LENGTH} by default
         * @return this builder
         * @throws InvalidValueException if out of range
         */
        public Builder maxInboundTextLength(int maxInboundTextLength) {
            if (maxInboundTextLength < MIN_MAX_INBOUND_TEXT_LENGTH || maxInboundTextLength > MAX_MAX_INBOUND_TEXT_LENGTH) {
                throw new InvalidValueException("maxInboundTextLength", "must be between " + MIN_MAX_INBOUND_TEXT_LENGTH
                        + " and " + MAX_MAX_INBOUND_TEXT_LENGTH + " UTF-16 code units");
            }
            this.maxInboundTextLength = maxInboundTextLength;
            return this;
        }

        /**
         * Builds the engine.
         *
         * @return the engine
         * @throws InvalidValueException if no store was given; with carriers, if the default
         *     carrier is not registered, or the lease cannot hold one batch of
         *     carrier calls at a carrier's submit timeout (field {@code "lease"}; the message says
         *     which settings to change)
         */
        public InboxKit build() {
            if (store == null) {
                throw new InvalidValueException("store", "must be given: call store(...) before build()");
            }
            Engine engine = new Engine(store, clock, eventListener, entitlements, typingTimeout,
                    maxInboundTextLength);
            UnitOfWork unitOfWork = engine.unitOfWork();
            Sending sending = null;
            Webhooks webhooks = null;
            if (!carriers.isEmpty()) {
                // the engine's team, so that a send ends its author's typing indicator (F14)
                SendingService service = new SendingService(unitOfWork, carriers, sendingSettings, engine.team());
                unitOfWork.sendConsentRepliesTo(service); // HELP replies and confirmations (F42)
                sending = service;
                webhooks = engine.webhooks(unitOfWork.store(), List.copyOf(carriers.values()), sending);
            }
            Retention retention = new RetentionPurger(unitOfWork, retentionSettings,
                    sendingSettings.unmatchedReportRetention());
            return new InboxKit(engine, sending, webhooks, retention, new BlockingService(unitOfWork),
                    new ExportService(unitOfWork), new ErasureService(unitOfWork, erasureSettings));
        }
    }
}
